import type { GraphData, PropertyValue } from '@hotline/model';
import { DOMParser } from '@xmldom/xmldom';
import Graph, { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { C1, createFixtureGraph, GUTERRES, MACRON, PUTIN } from '../test/fixtures/graph.ts';
import { createGexf, NODE_COLORS, toRgb } from './gexf.ts';
import { displayLabel } from './internal/graph.ts';
import { selectSubgraph } from './select.ts';

const graph = createFixtureGraph();

/** What the GEXF promises: properties minus nulls and the id (it is the element id). */
function present(properties: Record<string, PropertyValue>, skipId?: string): Record<string, PropertyValue> {
  return Object.fromEntries(
    Object.entries(properties).filter(
      ([key, value]) => value !== null && value !== '' && !(key === 'id' && value === skipId),
    ),
  );
}

function expectRoundTrip(data: GraphData): void {
  const parsed = parse(MultiDirectedGraph, createGexf(data));
  expect(parsed.nodes()).toEqual(data.nodes.map((node) => node.id));
  expect(parsed.edges()).toEqual(data.edges.map((edge) => edge.id));
  for (const node of data.nodes) {
    const properties = present(node.properties, node.id);
    if (node.label === 'Readout') delete properties.text;
    if (node.label === 'Topic') delete properties.label;
    expect(parsed.getNodeAttributes(node.id), node.id).toEqual({
      label: displayLabel(node),
      nodeType: node.label,
      color: toRgb(NODE_COLORS[node.label]),
      ...properties,
    });
  }
  for (const edge of data.edges) {
    const properties = present(edge.properties);
    // `initiator` is a boolean on TOOK_PART and a state code on REPORTS: one GEXF column, typed string.
    if (typeof properties.initiator === 'boolean') properties.initiator = String(properties.initiator);
    expect(parsed.source(edge.id)).toBe(edge.source);
    expect(parsed.target(edge.id)).toBe(edge.target);
    expect(parsed.getEdgeAttributes(edge.id), edge.id).toEqual({ kind: edge.type, ...properties });
  }
}

describe('GEXF', () => {
  it('reads back through graphology-gexf with the same nodes, edges and attributes', () => {
    expectRoundTrip(graph);
  });

  it('reads back a selection with the same nodes, edges and attributes', () => {
    expectRoundTrip(selectSubgraph(graph, { leaders: [PUTIN], hops: 1 }));
  });

  it('declares GEXF 1.3 with a dynamic graph of dates', () => {
    const doc = new DOMParser().parseFromString(createGexf(graph), 'application/xml');
    expect(doc.documentElement?.getAttribute('version')).toBe('1.3');
    const g = doc.getElementsByTagName('graph')[0];
    expect(g?.getAttribute('mode')).toBe('dynamic');
    expect(g?.getAttribute('timeformat')).toBe('date');
  });

  it('gives every CALLED edge and every Call node its date as start and end', () => {
    const doc = new DOMParser().parseFromString(createGexf(graph), 'application/xml');
    const edges = Array.from(doc.getElementsByTagName('edge'));
    for (const edge of graph.edges) {
      const element = edges.find((e) => e.getAttribute('id') === edge.id);
      const expected = edge.type === 'CALLED' ? edge.properties.date : null;
      expect(element?.getAttribute('start') || null, edge.id).toBe(expected);
      expect(element?.getAttribute('end') || null, edge.id).toBe(expected);
    }
    const call = Array.from(doc.getElementsByTagName('node')).find((n) => n.getAttribute('id') === C1);
    expect([call?.getAttribute('start'), call?.getAttribute('end')]).toEqual(['2024-01-10', '2024-01-10']);
  });

  it('types attributes: booleans, doubles and string lists', () => {
    const doc = new DOMParser().parseFromString(createGexf(graph), 'application/xml');
    const types = Object.fromEntries(
      Array.from(doc.getElementsByTagName('attribute')).map((a) => [
        `${(a.parentNode as Element).getAttribute('class')}.${a.getAttribute('id')}`,
        a.getAttribute('type'),
      ]),
    );
    expect(types).toMatchObject({
      'node.verified': 'boolean',
      'node.lat': 'double',
      'node.aliases': 'liststring',
      'node.dates': 'liststring',
      'edge.themes': 'liststring',
    });
  });

  it('keeps list items that hold commas whole', () => {
    const parsed = parse(MultiDirectedGraph, createGexf(graph));
    expect(parsed.getNodeAttribute(GUTERRES, 'aliases')).toEqual(['Guterres, António']);
    expect(parsed.getNodeAttribute(PUTIN, 'aliases')).toEqual(['Putin', 'V. V. Putin']);
  });

  it('leaves readout text out unless includeText is set', () => {
    expect(createGexf(graph)).not.toContain('about Ukraine');
    const parsed = parse(MultiDirectedGraph, createGexf(graph, { includeText: true }));
    expect(parsed.getNodeAttribute('r-elysee', 'text')).toBe(
      'The President spoke with "Vladimir Putin",\nabout Ukraine.',
    );
  });

  it('writes a static graph when nothing is dated', () => {
    const leaders = { nodes: graph.nodes.filter((n) => n.id === MACRON), edges: [] };
    const xml = createGexf(leaders);
    expect(xml).not.toContain('mode="dynamic"');
    // graphology-gexf reads an edgeless file as a mixed graph, hence the plain Graph constructor.
    expect(parse(Graph, xml).order).toBe(1);
  });
});
