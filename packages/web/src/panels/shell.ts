/** The page skeleton: top bar, banner, filters, the stage (canvas + overlays), details, console. */
import { h } from './dom.ts';

export interface Shell {
  search: HTMLElement;
  toolbar: HTMLElement;
  banner: HTMLElement;
  sidebar: HTMLElement;
  stage: HTMLElement;
  canvas: HTMLElement;
  overlay: HTMLElement;
  legend: HTMLElement;
  details: HTMLElement;
  console: HTMLElement;
  toast: HTMLElement;
}

export function createShell(root: HTMLElement): Shell {
  const search = h('div', { class: 'search' });
  const toolbar = h('div', { class: 'toolbar' });
  const banner = h('div', { class: 'banner', testid: 'banner', attrs: { role: 'status' } });
  banner.hidden = true;
  const sidebar = h('aside', { class: 'sidebar', testid: 'filters', attrs: { 'aria-label': 'Filters' } });
  const canvas = h('div', { class: 'canvas', testid: 'graph-canvas' });
  const overlay = h('div', { class: 'overlay', testid: 'overlay' });
  const legend = h('div', { class: 'legend', testid: 'legend' });
  const stage = h('section', { class: 'stage' }, canvas, legend, overlay);
  const details = h('aside', { class: 'details', testid: 'details', attrs: { 'aria-label': 'Details' } });
  details.hidden = true;
  const consoleRoot = h('section', {
    class: 'console',
    testid: 'console',
    attrs: { 'aria-label': 'Cypher console' },
  });
  consoleRoot.hidden = true;
  const toast = h('div', { class: 'toast', testid: 'toast', attrs: { role: 'alert' } });
  toast.hidden = true;
  root.append(
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'logo' }, '☎'),
        h('span', null, 'hotline'),
        h('small', null, 'leaders’ calls'),
      ),
      search,
      toolbar,
    ),
    banner,
    h('main', { class: 'workspace' }, sidebar, h('div', { class: 'center' }, stage, consoleRoot), details),
    toast,
  );
  return {
    search,
    toolbar,
    banner,
    sidebar,
    stage,
    canvas,
    overlay,
    legend,
    details,
    console: consoleRoot,
    toast,
  };
}

export function showOverlay(
  overlay: HTMLElement,
  kind: 'loading' | 'error' | 'empty' | null,
  title = '',
  message = '',
  action?: { label: string; run(): void },
): void {
  if (!kind) {
    overlay.hidden = true;
    overlay.replaceChildren();
    delete overlay.dataset.state;
    return;
  }
  overlay.hidden = false;
  overlay.dataset.state = kind;
  const button = action ? h('button', { class: 'button primary' }, action.label) : null;
  button?.addEventListener('click', action!.run);
  overlay.replaceChildren(
    h(
      'div',
      { class: `overlay-card ${kind}` },
      kind === 'loading' ? h('span', { class: 'spinner large' }) : null,
      h('h2', null, title),
      message ? h('p', null, message) : null,
      button,
    ),
  );
}

let toastTimer: number | null = null;

export function showToast(toast: HTMLElement, message: string, kind: 'info' | 'error' = 'info'): void {
  toast.textContent = message;
  toast.className = `toast ${kind}`;
  toast.hidden = false;
  if (toastTimer !== null) window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(
    () => {
      toast.hidden = true;
    },
    kind === 'error' ? 8000 : 3000,
  );
}
