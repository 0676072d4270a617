/** The top bar's controls: layout switch and run, console, export menu, share link. */
import type { ExportFormat } from '../api/types.ts';
import type { LayoutMode } from '../state/store.ts';
import { h } from './dom.ts';

export interface ToolbarHooks {
  onLayout(mode: LayoutMode): void;
  onRunLayout(): void;
  onConsole(): void;
  onExport(format: ExportFormat | 'png'): void;
  onShare(): void;
  onFit(): void;
}

export interface Toolbar {
  setLayout(mode: LayoutMode): void;
  setProgress(fraction: number, running: boolean): void;
  setConsoleOpen(open: boolean): void;
}

export function createToolbar(root: HTMLElement, hooks: ToolbarHooks): Toolbar {
  const force = h(
    'button',
    { class: 'seg', testid: 'layout-force', title: 'Force-directed layout (ForceAtlas2)' },
    'Force',
  );
  const geo = h(
    'button',
    { class: 'seg', testid: 'layout-geo', title: 'Leaders on the map of their states' },
    'Map',
  );
  force.addEventListener('click', () => hooks.onLayout('force'));
  geo.addEventListener('click', () => hooks.onLayout('geo'));
  const progress = h('span', { class: 'progress-fill' });
  const runLabel = h('span', null, 'Run layout');
  const run = h(
    'button',
    { class: 'button layout-run', testid: 'layout-run', title: 'Start or stop ForceAtlas2' },
    h('span', { class: 'progress' }, progress),
    runLabel,
  );
  run.addEventListener('click', () => hooks.onRunLayout());
  const fit = h(
    'button',
    { class: 'button ghost', testid: 'fit', title: 'Fit the graph to the screen' },
    '⤢ Fit',
  );
  fit.addEventListener('click', () => hooks.onFit());

  const consoleButton = h(
    'button',
    { class: 'button', testid: 'console-toggle', title: 'Cypher console' },
    '⌘ Cypher',
  );
  consoleButton.addEventListener('click', () => hooks.onConsole());

  const formats: Array<[ExportFormat | 'png', string, string]> = [
    ['gexf', 'GEXF', 'Gephi'],
    ['graphml', 'GraphML', 'yEd, Cytoscape, NetworkX'],
    ['json', 'JSON', 'graphology JSON'],
    ['csv', 'CSV', 'neo4j-admin CSV (zip)'],
    ['png', 'PNG', 'this view as an image'],
  ];
  const menu = h('div', { class: 'menu', testid: 'export-menu', attrs: { role: 'menu' } });
  menu.hidden = true;
  for (const [format, label, detail] of formats) {
    const item = h(
      'button',
      { class: 'menu-item', testid: `export-${format}`, attrs: { role: 'menuitem' } },
      h('strong', null, label),
      h('span', { class: 'muted small' }, detail),
    );
    item.addEventListener('click', () => {
      menu.hidden = true;
      hooks.onExport(format);
    });
    menu.append(item);
  }
  const exportButton = h(
    'button',
    { class: 'button', testid: 'export-toggle', attrs: { 'aria-haspopup': 'menu' } },
    '⇩ Export',
  );
  exportButton.addEventListener('click', (event) => {
    event.stopPropagation();
    menu.hidden = !menu.hidden;
  });
  document.addEventListener('click', (event) => {
    if (!menu.contains(event.target as Node)) menu.hidden = true;
  });
  const share = h(
    'button',
    { class: 'button', testid: 'share', title: 'Copy a link to exactly this view' },
    'Share link',
  );
  share.addEventListener('click', () => hooks.onShare());

  root.append(
    h('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': 'Layout' } }, force, geo),
    run,
    fit,
    h('span', { class: 'spacer' }),
    consoleButton,
    h('div', { class: 'menu-wrap' }, exportButton, menu),
    share,
  );

  return {
    setLayout(mode) {
      force.classList.toggle('active', mode === 'force');
      geo.classList.toggle('active', mode === 'geo');
      run.disabled = mode !== 'force';
    },
    setProgress(fraction, running) {
      progress.style.width = `${Math.round((running ? fraction : 0) * 100)}%`;
      runLabel.textContent = running ? `Stop layout ${Math.round(fraction * 100)}%` : 'Run layout';
      run.classList.toggle('running', running);
      run.dataset.running = String(running);
    },
    setConsoleOpen(open) {
      consoleButton.classList.toggle('active', open);
    },
  };
}
