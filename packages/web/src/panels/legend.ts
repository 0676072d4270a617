/** The legend in the stage's corner: what colour and size mean right now. */
import type { Dataset } from '../graph/build.ts';
import { communityColor, rampColor, regionColor } from '../graph/colors.ts';
import type { Metrics } from '../graph/metrics.ts';
import type { FilteredView } from '../reducers/view.ts';
import type { AppState } from '../state/store.ts';
import { h } from './dom.ts';

const SIZE_LABEL = {
  calls: 'calls',
  degree: 'degree',
  weighted: 'weighted degree',
  betweenness: 'betweenness',
};

export function renderLegend(
  root: HTMLElement,
  dataset: Dataset,
  state: AppState,
  view: FilteredView,
  metrics: Metrics | null,
): void {
  const swatch = (color: string, label: string) =>
    h('li', null, h('span', { class: 'swatch', attrs: { style: `background:${color}` } }), label);
  const items: HTMLElement[] = [];
  if (state.colorBy === 'region') {
    const regions = new Set<string>();
    for (const node of view.nodeCounts.keys()) {
      const leader = dataset.leaders.get(node);
      if (leader) regions.add(leader.region ?? 'Unknown');
    }
    for (const region of [...regions].sort()) items.push(swatch(regionColor(region), region));
  } else if (state.colorBy === 'community') {
    const count = metrics?.communityCount ?? 0;
    for (let i = 0; i < Math.min(count, 8); i++) items.push(swatch(communityColor(i), `Community ${i + 1}`));
    if (count > 8) items.push(h('li', { class: 'muted' }, `+${count - 8} more`));
  } else {
    items.push(
      swatch(rampColor(0), 'low'),
      swatch(rampColor(0.5), 'medium'),
      swatch(rampColor(1), `high ${state.colorBy}`),
    );
  }
  root.replaceChildren(
    h(
      'div',
      { class: 'legend-title' },
      state.colorBy === 'region' ? 'Region' : state.colorBy === 'community' ? 'Louvain' : state.colorBy,
    ),
    h('ul', null, ...items),
    h('div', { class: 'legend-note' }, `Size: ${SIZE_LABEL[state.sizeBy]} · edge width: calls`),
  );
}
