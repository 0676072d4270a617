/**
 * The left panel: a calls-per-month chart with a two-handle range slider and Play, then
 * theme, state, region, mode and minimum-calls filters, the States/Topics toggles and the
 * analysis choices. Every control only calls store actions; reducers do the hiding.
 */
import type { Dataset } from '../graph/build.ts';
import type { FilteredView } from '../reducers/view.ts';
import type { ColorBy, SizeBy, Store } from '../state/store.ts';
import { clear, formatMonth, h, lastDayOfMonth, option } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const CHART_WIDTH = 228;
const CHART_HEIGHT = 56;

export interface FiltersPanel {
  update(view: FilteredView): void;
  stopPlaying(): void;
}

function monthIndexOf(months: string[], date: string | null, fallback: number): number {
  if (!date) return fallback;
  const index = months.indexOf(date.slice(0, 7));
  return index === -1 ? fallback : index;
}

export function createFiltersPanel(root: HTMLElement, dataset: Dataset, store: Store): FiltersPanel {
  const months = dataset.months;
  const last = Math.max(0, months.length - 1);
  let playing: number | null = null;

  // Time window
  const chart = document.createElementNS(SVG, 'svg');
  chart.setAttribute('viewBox', `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`);
  chart.setAttribute('width', String(CHART_WIDTH));
  chart.setAttribute('height', String(CHART_HEIGHT));
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', 'Calls per month');
  chart.classList.add('chart');
  chart.dataset.testid = 'timeline-chart';

  const fromInput = h('input', {
    class: 'range range-from',
    testid: 'range-from',
    attrs: { type: 'range', min: '0', max: String(last), step: '1', 'aria-label': 'First month' },
  });
  const toInput = h('input', {
    class: 'range range-to',
    testid: 'range-to',
    attrs: { type: 'range', min: '0', max: String(last), step: '1', 'aria-label': 'Last month' },
  });
  const rangeLabel = h('div', { class: 'range-label', testid: 'range-label' });
  const playButton = h(
    'button',
    { class: 'button small', testid: 'play', title: 'Show the calls month by month' },
    '▶ Play',
  );
  const allTime = h('button', { class: 'button small ghost', testid: 'all-time' }, 'All time');

  const readRange = () => {
    let a = Number(fromInput.value);
    let b = Number(toInput.value);
    if (a > b) [a, b] = [b, a];
    return [a, b] as const;
  };
  const commitRange = () => {
    const [a, b] = readRange();
    const whole = a === 0 && b === last;
    store.setFilters({
      from: whole ? null : `${months[a]}-01`,
      to: whole ? null : lastDayOfMonth(months[b]!),
    });
  };
  fromInput.addEventListener('input', () => {
    stopPlaying();
    commitRange();
  });
  toInput.addEventListener('input', () => {
    stopPlaying();
    commitRange();
  });
  allTime.addEventListener('click', () => {
    stopPlaying();
    store.setFilters({ from: null, to: null });
  });

  function stopPlaying() {
    if (playing !== null) window.clearInterval(playing);
    playing = null;
    playButton.textContent = '▶ Play';
    playButton.classList.remove('active');
  }
  playButton.addEventListener('click', () => {
    if (playing !== null) {
      stopPlaying();
      return;
    }
    if (months.length === 0) return;
    const start = monthIndexOf(months, store.get().filters.from, 0);
    let step = start;
    playButton.textContent = '❚❚ Pause';
    playButton.classList.add('active');
    const tick = () => {
      store.setFilters({ from: `${months[start]}-01`, to: lastDayOfMonth(months[step]!) });
      step += 1;
      if (step > last) stopPlaying();
    };
    tick();
    playing = window.setInterval(tick, 700);
  });

  // Filters
  const themeCounts = new Map<string, number>();
  for (const call of dataset.calls.values())
    for (const t of call.themes) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
  const themeLabel = (id: string) => dataset.topics.get(`theme:${id}`)?.label ?? id.replace(/-/g, ' ');
  const themeSelect = h('select', { testid: 'filter-theme', attrs: { 'aria-label': 'Theme' } });
  themeSelect.append(option('', 'All themes'));
  for (const [id, count] of [...themeCounts].sort((a, b) =>
    themeLabel(a[0]).localeCompare(themeLabel(b[0])),
  )) {
    themeSelect.append(option(id, `${themeLabel(id)} (${count})`));
  }
  themeSelect.addEventListener('change', () =>
    store.setFilters({ themes: themeSelect.value ? [themeSelect.value] : [] }),
  );

  const stateCodes = new Set<string>();
  const regions = new Set<string>();
  const modes = new Set<string>();
  for (const call of dataset.calls.values()) {
    for (const s of call.states) stateCodes.add(s);
    for (const r of call.regions) regions.add(r);
    modes.add(call.mode);
  }
  const stateName = (code: string) => dataset.polities.get(code)?.name ?? code;
  const stateSelect = h('select', { testid: 'filter-state', attrs: { 'aria-label': 'State' } });
  stateSelect.append(option('', 'All states & orgs'));
  for (const code of [...stateCodes].sort((a, b) => stateName(a).localeCompare(stateName(b)))) {
    stateSelect.append(option(code, stateName(code)));
  }
  stateSelect.addEventListener('change', () => store.setFilters({ state: stateSelect.value || null }));

  const regionSelect = h('select', { testid: 'filter-region', attrs: { 'aria-label': 'Region' } });
  regionSelect.append(option('', 'All regions'));
  for (const region of [...regions].sort()) regionSelect.append(option(region, region));
  regionSelect.addEventListener('change', () => store.setFilters({ region: regionSelect.value || null }));

  const modeSelect = h('select', { testid: 'filter-mode', attrs: { 'aria-label': 'Mode' } });
  modeSelect.append(option('', 'Any mode'));
  for (const mode of [...modes].sort())
    modeSelect.append(option(mode, mode[0]!.toUpperCase() + mode.slice(1)));
  modeSelect.addEventListener('change', () => store.setFilters({ mode: modeSelect.value || null }));

  const minInput = h('input', {
    testid: 'filter-min',
    attrs: { type: 'number', min: '1', max: '99', step: '1', 'aria-label': 'Minimum calls per pair' },
  });
  minInput.addEventListener('change', () => {
    const value = Math.max(1, Math.min(99, Math.floor(Number(minInput.value) || 1)));
    store.setFilters({ minCalls: value });
  });

  const reset = h('button', { class: 'button small ghost', testid: 'reset-filters' }, 'Reset filters');
  reset.addEventListener('click', () => {
    stopPlaying();
    store.set({
      filters: { from: null, to: null, themes: [], state: null, region: null, mode: null, minCalls: 1 },
    });
  });

  // Show and analyse
  const statesToggle = h('input', { testid: 'show-states', attrs: { type: 'checkbox' } });
  const topicsToggle = h('input', { testid: 'show-topics', attrs: { type: 'checkbox' } });
  statesToggle.addEventListener('change', () =>
    store.set({ show: { ...store.get().show, states: statesToggle.checked } }),
  );
  topicsToggle.addEventListener('change', () =>
    store.set({ show: { ...store.get().show, topics: topicsToggle.checked } }),
  );
  const sizeSelect = h('select', { testid: 'size-by', attrs: { 'aria-label': 'Node size' } });
  sizeSelect.append(
    option('calls', 'Calls'),
    option('degree', 'Degree'),
    option('weighted', 'Weighted degree'),
    option('betweenness', 'Betweenness'),
  );
  sizeSelect.addEventListener('change', () => store.set({ sizeBy: sizeSelect.value as SizeBy }));
  const colorSelect = h('select', { testid: 'color-by', attrs: { 'aria-label': 'Node colour' } });
  colorSelect.append(
    option('region', 'Region'),
    option('community', 'Louvain community'),
    option('degree', 'Degree'),
    option('betweenness', 'Betweenness'),
  );
  colorSelect.addEventListener('change', () => store.set({ colorBy: colorSelect.value as ColorBy }));

  const summary = h('div', { class: 'summary', testid: 'summary' });

  const field = (label: string, control: HTMLElement) =>
    h('label', { class: 'field' }, h('span', null, label), control);
  root.append(
    h(
      'section',
      { class: 'panel-section' },
      h('div', { class: 'section-head' }, h('h2', null, 'Time'), allTime),
      months.length > 0
        ? h('div', { class: 'timeline' }, chart, h('div', { class: 'ranges' }, fromInput, toInput))
        : h('p', { class: 'muted' }, 'No dated calls.'),
      h('div', { class: 'range-row' }, rangeLabel, playButton),
    ),
    h(
      'section',
      { class: 'panel-section' },
      h('div', { class: 'section-head' }, h('h2', null, 'Filters'), reset),
      field('Theme', themeSelect),
      field('State', stateSelect),
      field('Region', regionSelect),
      field('Mode', modeSelect),
      field('Min. calls per pair', minInput),
    ),
    h(
      'section',
      { class: 'panel-section' },
      h('h2', null, 'Show'),
      h('label', { class: 'check' }, statesToggle, 'States & organizations'),
      h('label', { class: 'check' }, topicsToggle, 'Topics'),
    ),
    h(
      'section',
      { class: 'panel-section' },
      h('h2', null, 'Analyse'),
      field('Size by', sizeSelect),
      field('Colour by', colorSelect),
    ),
    summary,
  );

  function drawChart(counts: number[], from: number, to: number) {
    clear(chart);
    const n = counts.length;
    if (n === 0) return;
    const max = Math.max(1, ...counts);
    const gap = n > 60 ? 0 : 1;
    const width = CHART_WIDTH / n;
    counts.forEach((count, i) => {
      const height = count === 0 ? 0 : Math.max(2, (count / max) * (CHART_HEIGHT - 4));
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('x', String(i * width + gap / 2));
      bar.setAttribute('y', String(CHART_HEIGHT - height));
      bar.setAttribute('width', String(Math.max(0.5, width - gap)));
      bar.setAttribute('height', String(height));
      bar.setAttribute('class', i >= from && i <= to ? 'bar in' : 'bar');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${formatMonth(months[i]!)}: ${count} call${count === 1 ? '' : 's'}`;
      bar.append(title);
      chart.append(bar);
    });
  }

  return {
    update(view) {
      const { filters, show, sizeBy, colorBy } = store.get();
      const from = monthIndexOf(months, filters.from, 0);
      const to = monthIndexOf(months, filters.to, last);
      fromInput.value = String(from);
      toInput.value = String(to);
      rangeLabel.textContent =
        months.length > 0 ? `${formatMonth(months[from]!)} – ${formatMonth(months[to]!)}` : '';
      drawChart(view.monthCounts, from, to);
      themeSelect.value = filters.themes[0] ?? '';
      stateSelect.value = filters.state ?? '';
      regionSelect.value = filters.region ?? '';
      modeSelect.value = filters.mode ?? '';
      minInput.value = String(filters.minCalls);
      statesToggle.checked = show.states;
      topicsToggle.checked = show.topics;
      sizeSelect.value = sizeBy;
      colorSelect.value = colorBy;
      let leaders = 0;
      for (const [node, _count] of view.nodeCounts) if (dataset.leaders.has(node)) leaders += 1;
      summary.textContent = `${view.calls.size} call${view.calls.size === 1 ? '' : 's'} · ${leaders} leader${leaders === 1 ? '' : 's'} shown`;
    },
    stopPlaying,
  };
}
