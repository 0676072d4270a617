import type { GraphData } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { C1, C2, C3, createFixtureGraph, GUTERRES, MACRON, PUTIN, SCHOLZ } from '../test/fixtures/graph.ts';
import { selectSubgraph } from './select.ts';

const graph = createFixtureGraph();

function ids(data: GraphData, label: string): string[] {
  return data.nodes.filter((node) => node.label === label).map((node) => node.id);
}

function calledCalls(data: GraphData): string[] {
  return data.edges.filter((edge) => edge.type === 'CALLED').map((edge) => String(edge.properties.call));
}

function expectClosed(data: GraphData): void {
  const nodes = new Set(data.nodes.map((node) => node.id));
  for (const edge of data.edges) {
    expect(nodes.has(edge.source) && nodes.has(edge.target), edge.id).toBe(true);
  }
}

describe('selectSubgraph', () => {
  it('returns the whole graph for an empty selection', () => {
    expect(selectSubgraph(graph, {})).toEqual(graph);
  });

  it('keeps a leader, the leaders one call away, their shared calls and what hangs off them', () => {
    const sub = selectSubgraph(graph, { leaders: ['Vladimir Putin'], hops: 1 });
    expect(ids(sub, 'Leader')).toEqual([PUTIN, MACRON]);
    expect(ids(sub, 'Call')).toEqual([C1]);
    expect(ids(sub, 'Topic')).toEqual(['theme:defense-security', 'theme:energy', 'subject:ukraine']);
    expect(ids(sub, 'Readout')).toEqual(['r-elysee', 'r-kremlin']);
    expect(ids(sub, 'State')).toEqual(['RUS', 'FRA']);
    expect(ids(sub, 'Organization')).toEqual([]);
    expect(calledCalls(sub)).toEqual([C1]);
    expect(sub.edges.map((edge) => edge.type)).toContain('MENTIONS');
    expectClosed(sub);
  });

  it('matches leaders by id, name or alias regardless of case', () => {
    const byId = selectSubgraph(graph, { leaders: [PUTIN] });
    expect(selectSubgraph(graph, { leaders: ['VLADIMIR PUTIN'] })).toEqual(byId);
    expect(selectSubgraph(graph, { leaders: ['putin'] })).toEqual(byId);
  });

  it('defaults to one hop', () => {
    expect(selectSubgraph(graph, { leaders: [PUTIN] })).toEqual(
      selectSubgraph(graph, { leaders: [PUTIN], hops: 1 }),
    );
  });

  it('reaches every leader in two hops from Putin', () => {
    const sub = selectSubgraph(graph, { leaders: [PUTIN], hops: 2 });
    expect(ids(sub, 'Leader')).toEqual([PUTIN, MACRON, SCHOLZ, GUTERRES]);
    expect(ids(sub, 'Call')).toEqual([C1, C2, C3]);
    expect(ids(sub, 'Organization')).toEqual(['UN']);
    expect(sub.edges).toHaveLength(graph.edges.length);
  });

  it('keeps only the seed and its state with zero hops', () => {
    const sub = selectSubgraph(graph, { leaders: [PUTIN], hops: 0 });
    expect(sub.nodes.map((node) => node.id)).toEqual([PUTIN, 'RUS']);
    expect(sub.edges.map((edge) => edge.type)).toEqual(['LEADS']);
  });

  it('drops a call when one of its participants is outside the selection', () => {
    const sub = selectSubgraph(graph, { leaders: [MACRON, SCHOLZ], hops: 0 });
    expect(ids(sub, 'Call')).toEqual([C2]);
    // The Macron–Scholz edge of the three-way meeting stays: both ends are kept.
    expect(calledCalls(sub)).toEqual([C2, C3]);
  });

  it('seeds from the leaders of a state or organization code', () => {
    expect(ids(selectSubgraph(graph, { states: ['deu'], hops: 0 }), 'Leader')).toEqual([SCHOLZ]);
    expect(ids(selectSubgraph(graph, { states: ['UN'], hops: 0 }), 'Leader')).toEqual([GUTERRES]);
  });

  it('keeps only calls inside the date window', () => {
    const sub = selectSubgraph(graph, { from: '2024-02-01' });
    expect(ids(sub, 'Call')).toEqual([C3]);
    expect(calledCalls(sub)).toEqual([C3, C3, C3]);
    expect(ids(sub, 'Readout')).toEqual(['r-un']);
    expect(ids(sub, 'Topic')).toEqual(['theme:humanitarian', 'subject:gaza']);
    expect(ids(sub, 'Leader')).toHaveLength(4);
    expectClosed(sub);
    expect(ids(selectSubgraph(graph, { from: '2024-01-01', to: '2024-01-24' }), 'Call')).toEqual([C1]);
  });

  it('expands hops only over calls inside the window', () => {
    const sub = selectSubgraph(graph, { leaders: [PUTIN], hops: 2, from: '2024-01-20' });
    expect(ids(sub, 'Leader')).toEqual([PUTIN]);
  });

  it('filters calls by theme id, with or without the theme: prefix', () => {
    expect(ids(selectSubgraph(graph, { themes: ['trade-investment'] }), 'Call')).toEqual([C2]);
    expect(ids(selectSubgraph(graph, { themes: ['theme:Trade-Investment'] }), 'Call')).toEqual([C2]);
    expect(calledCalls(selectSubgraph(graph, { themes: ['defense-security', 'humanitarian'] }))).toEqual([
      C1,
      C3,
      C3,
      C3,
    ]);
  });

  it('filters calls by mode', () => {
    const sub = selectSubgraph(graph, { modes: ['phone'] });
    expect(ids(sub, 'Call')).toEqual([C1]);
    expect(calledCalls(sub)).toEqual([C1]);
    expect(ids(selectSubgraph(graph, { modes: ['video', 'meeting'] }), 'Call')).toEqual([C2, C3]);
  });

  it('drops leader pairs with fewer calls than minCalls', () => {
    const sub = selectSubgraph(graph, { minCalls: 2 });
    const pairs = sub.edges
      .filter((edge) => edge.type === 'CALLED')
      .map((edge) => `${edge.source}>${edge.target}`);
    expect(pairs).toEqual([`${MACRON}>${SCHOLZ}`, `${MACRON}>${SCHOLZ}`]);
    expect(ids(sub, 'Call')).toEqual([C2, C3]);
    expect(ids(selectSubgraph(graph, { leaders: [PUTIN], minCalls: 2 }), 'Leader')).toEqual([PUTIN]);
  });

  it('counts minCalls inside the window only', () => {
    const sub = selectSubgraph(graph, { minCalls: 2, from: '2024-02-01' });
    expect(calledCalls(sub)).toEqual([]);
    expect(ids(sub, 'Call')).toEqual([]);
  });

  it('keeps the input order and the input ids', () => {
    const sub = selectSubgraph(graph, { leaders: [MACRON] });
    const order = graph.nodes.map((node) => node.id);
    const positions = sub.nodes.map((node) => order.indexOf(node.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const edge of sub.edges) expect(graph.edges).toContainEqual(edge);
  });

  it('does not modify its input', () => {
    const copy = structuredClone(graph);
    selectSubgraph(graph, { leaders: [PUTIN], from: '2024-01-01', minCalls: 2 });
    expect(graph).toEqual(copy);
  });

  it('rejects an unknown leader with NOT_FOUND', () => {
    expect(() => selectSubgraph(graph, { leaders: ['Nobody'] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => selectSubgraph(graph, { states: ['XXX'] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it.each([
    [{ from: '2024-13-01' }, '2024-13-01'],
    [{ to: '24-01-01' }, '24-01-01'],
    [{ from: '2024-03-01', to: '2024-02-01' }, '2024-03-01'],
    [{ hops: -1 }, '-1'],
    [{ hops: 1.5 }, '1.5'],
    [{ minCalls: 0 }, '0'],
    [{ modes: ['telegram'] }, 'telegram'],
    [{ leaders: 'Putin' as unknown as string[] }, 'Putin'],
    [{ colour: 'red' } as never, 'colour'],
  ])('rejects the bad selection %j with INVALID_ARGUMENT naming the value', (selection, named) => {
    expect(() => selectSubgraph(graph, selection)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(named) }),
    );
  });

  it('rejects an edge that points outside the graph', () => {
    const broken: GraphData = {
      nodes: graph.nodes,
      edges: [...graph.edges, { id: 'x', type: 'CALLED', source: PUTIN, target: 'ghost', properties: {} }],
    };
    expect(() => selectSubgraph(broken, { leaders: [PUTIN] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('ghost') }),
    );
  });
});
