import type { GraphData } from '@hotline/model';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { createFixtureGraph, GUTERRES, MACRON } from '../test/fixtures/graph.ts';
import { createGraphml, generateGraphml } from './graphml.ts';
import { displayLabel } from './internal/graph.ts';
import { selectSubgraph } from './select.ts';

const graph = createFixtureGraph();

/** Lists travel as JSON strings; `initiator` (boolean on TOOK_PART, code on REPORTS) as a string. */
function asGraphml(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => [
        key,
        Array.isArray(value) ? JSON.stringify(value) : key === 'initiator' ? String(value) : value,
      ]),
  );
}

function expectRoundTrip(data: GraphData): void {
  const parsed = parse(MultiDirectedGraph, createGraphml(data));
  expect(parsed.nodes()).toEqual(data.nodes.map((node) => node.id));
  expect(parsed.edges()).toEqual(data.edges.map((edge) => edge.id));
  for (const node of data.nodes) {
    const { id: _id, text: _text, ...properties } = node.properties;
    expect(parsed.getNodeAttributes(node.id), node.id).toEqual({
      label: displayLabel(node),
      nodeType: node.label,
      ...asGraphml(properties),
    });
  }
  for (const edge of data.edges) {
    expect([parsed.source(edge.id), parsed.target(edge.id)]).toEqual([edge.source, edge.target]);
    expect(parsed.getEdgeAttributes(edge.id), edge.id).toEqual({
      type: edge.type,
      ...asGraphml(edge.properties),
    });
  }
}

describe('GraphML', () => {
  it('reads back through graphology-graphml with the same nodes, edges and attributes', () => {
    expectRoundTrip(graph);
  });

  it('reads back a selection with the same nodes, edges and attributes', () => {
    expectRoundTrip(selectSubgraph(graph, { leaders: [MACRON], hops: 0 }));
  });

  it('declares one typed key per attribute and a directed graph', () => {
    const doc = new DOMParser().parseFromString(createGraphml(graph), 'application/xml');
    const keys = Array.from(doc.getElementsByTagName('key')).map(
      (key) => `${key.getAttribute('for')}.${key.getAttribute('attr.name')}:${key.getAttribute('attr.type')}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'node.label:string',
        'node.nodeType:string',
        'node.verified:boolean',
        'node.aliases:string',
        'node.lat:double',
        'edge.type:string',
        'edge.themes:string',
        'edge.initiator:string',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault')).toBe('directed');
  });

  it('escapes markup and keeps newlines in text', () => {
    const tricky: GraphData = {
      nodes: [
        {
          id: 'a&b<c>',
          label: 'Leader',
          properties: { id: 'a&b<c>', name: 'A "quoted" <name> & co\nline 2\u0001' },
        },
      ],
      edges: [],
    };
    const parsed = parse(MultiDirectedGraph, createGraphml(tricky));
    expect(parsed.nodes()).toEqual(['a&b<c>']);
    expect(parsed.getNodeAttribute('a&b<c>', 'name')).toBe('A "quoted" <name> & co\nline 2');
  });

  it('writes readout text only with includeText', () => {
    expect(createGraphml(graph)).not.toContain('about Ukraine');
    expect(createGraphml(graph, { includeText: true })).toContain('about Ukraine');
  });

  it('yields one chunk per element after the header', () => {
    const chunks = [...generateGraphml(graph)];
    expect(chunks).toHaveLength(1 + graph.nodes.length + graph.edges.length + 1);
    expect(chunks.join('')).toBe(createGraphml(graph));
  });

  it('writes compact XML when pretty is off', () => {
    const compact = createGraphml(graph, { pretty: false });
    expect(compact.split('\n').length).toBeLessThanOrEqual(2);
    expect(parse(MultiDirectedGraph, compact).getNodeAttribute(GUTERRES, 'aliases')).toBe(
      '["Guterres, António"]',
    );
  });
});
