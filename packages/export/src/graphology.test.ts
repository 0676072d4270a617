import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { C1, createFixtureGraph, MACRON, PUTIN } from '../test/fixtures/graph.ts';
import { createGraphologyJson, toGraphology } from './graphology.ts';
import { selectSubgraph } from './select.ts';
import { createExport } from './write.ts';

const graph = createFixtureGraph();

describe('graphology JSON', () => {
  it('imports into graphology with the same nodes, edges and attributes', () => {
    const sub = selectSubgraph(graph, { leaders: [PUTIN] });
    const imported = new MultiDirectedGraph();
    imported.import(JSON.parse(createExport('json', sub)));
    const expected = toGraphology(sub);
    expect(imported.nodes()).toEqual(sub.nodes.map((node) => node.id));
    expect(imported.edges()).toEqual(sub.edges.map((edge) => edge.id));
    expect(imported.export()).toEqual(expected.export());
  });

  it('labels nodes with a display name and their Neo4j label, edges with their type', () => {
    const g = toGraphology(graph);
    expect(g.getNodeAttributes(PUTIN)).toMatchObject({
      label: 'Vladimir Putin',
      nodeType: 'Leader',
      state: 'RUS',
    });
    expect(g.getNodeAttributes(C1)).toMatchObject({ label: 'phone 2024-01-10', nodeType: 'Call' });
    expect(g.getNodeAttributes('theme:energy')).toMatchObject({ label: 'Energy', nodeType: 'Topic' });
    const called = g.edges(MACRON, PUTIN);
    expect(called).toHaveLength(1);
    expect(g.getEdgeAttributes(called[0]!)).toEqual({
      type: 'CALLED',
      call: C1,
      date: '2024-01-10',
      mode: 'phone',
      themes: ['defense-security', 'energy'],
    });
  });

  it('serializes a directed multigraph keyed by the GraphData ids', () => {
    const json = createGraphologyJson(graph);
    expect(json.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    expect(json.edges.map((edge) => edge.key)).toEqual(graph.edges.map((edge) => edge.id));
  });

  it('omits readout text by default', () => {
    expect(toGraphology(graph).getNodeAttribute('r-elysee', 'text')).toBeUndefined();
    expect(toGraphology(graph, { includeText: true }).getNodeAttribute('r-elysee', 'text')).toContain(
      'Ukraine',
    );
    expect(graph.nodes.find((node) => node.id === 'r-elysee')?.properties.text).toContain('Ukraine');
  });

  it('gives the same bytes on every run', () => {
    expect(createExport('json', createFixtureGraph())).toBe(createExport('json', graph));
  });
});
