import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../api/types.ts';
import { createDataset, type DisplayEdge, type DisplayNode, fillDisplayGraph } from '../graph/build.ts';
import { DEFAULT_FILTERS } from '../state/store.ts';
import { computeView } from './view.ts';

const leader = (id: string, state: string) => ({
  id,
  label: 'Leader' as const,
  properties: { id, name: id.toUpperCase(), state, verified: true, leader: true, role: 'President' },
});
const state = (code: string, region: string) => ({
  id: code,
  label: 'State' as const,
  properties: { code, name: code, region, lat: 0, lng: 0 },
});
const call = (id: string, date: string, mode: string, themes: string[]) => ({
  id,
  label: 'Call' as const,
  properties: { id, date, dates: [date], mode, multilateral: false, initiators: [], themes },
});
const edge = (type: GraphData['edges'][number]['type'], source: string, target: string, properties = {}) => ({
  id: `${type}:${source}->${target}#${JSON.stringify(properties)}`,
  type,
  source,
  target,
  properties,
});

const payload: GraphData = {
  nodes: [
    leader('a', 'FRA'),
    leader('b', 'DEU'),
    leader('c', 'EGY'),
    state('FRA', 'Europe'),
    state('DEU', 'Europe'),
    state('EGY', 'Africa'),
    call('c1', '2023-01-10', 'phone', ['trade']),
    call('c2', '2023-03-02', 'video', ['security']),
    call('c3', '2023-03-20', 'phone', ['trade']),
  ],
  edges: [
    ...[
      ['c1', 'a', 'b'],
      ['c2', 'b', 'a'],
      ['c3', 'a', 'c'],
    ].flatMap(([id, x, y]) => [
      edge('TOOK_PART', x!, id!),
      edge('TOOK_PART', y!, id!),
      edge('CALLED', x!, y!, { call: id! }),
    ]),
    edge('LEADS', 'a', 'FRA'),
    edge('LEADS', 'b', 'DEU'),
    edge('LEADS', 'c', 'EGY'),
  ],
};

function setup() {
  const dataset = createDataset(payload);
  const graph = new Graph<DisplayNode, DisplayEdge>({ type: 'directed' });
  fillDisplayGraph(graph, dataset, { states: false, topics: false }, new Map());
  return { dataset, graph };
}

describe('the filtered view', () => {
  it('aggregates CALLED edges per direction and curves the pairs that called both ways', () => {
    const { graph, dataset } = setup();
    expect(dataset.months).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(dataset.monthCounts).toEqual([1, 0, 2]);
    expect(graph.getEdgeAttribute('a->b', 'type')).toBe('curved');
    expect(graph.getEdgeAttribute('a->c', 'type')).toBe('line');
  });

  it('keeps only the calls inside the date window and their leaders', () => {
    const { graph, dataset } = setup();
    const view = computeView(graph, dataset, { ...DEFAULT_FILTERS, from: '2023-03-01', to: '2023-03-10' });
    expect([...view.calls]).toEqual(['c2']);
    expect([...view.edgeCounts.keys()]).toEqual(['b->a']);
    expect(view.nodeCounts.has('c')).toBe(false);
    expect(view.monthCounts).toEqual([1, 0, 2]);
  });

  it('filters by theme, mode and region, and hides pairs under the minimum', () => {
    const { graph, dataset } = setup();
    expect([...computeView(graph, dataset, { ...DEFAULT_FILTERS, themes: ['trade'] }).calls].sort()).toEqual([
      'c1',
      'c3',
    ]);
    expect([...computeView(graph, dataset, { ...DEFAULT_FILTERS, mode: 'video' }).calls]).toEqual(['c2']);
    expect([...computeView(graph, dataset, { ...DEFAULT_FILTERS, region: 'Africa' }).calls]).toEqual(['c3']);
    const twice = computeView(graph, dataset, { ...DEFAULT_FILTERS, minCalls: 2 });
    expect([...twice.edgeCounts.keys()].sort()).toEqual(['a->b', 'b->a']);
    expect(twice.nodeCounts.get('a')).toBe(2);
  });
});
