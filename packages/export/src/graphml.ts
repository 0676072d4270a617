/**
 * GraphML for yEd, Cytoscape and NetworkX. graphology-graphml only parses, so this module
 * writes the XML itself: one typed <key> per attribute (attr.type boolean, int, long, double
 * or string; lists as JSON strings), then one <node>/<edge> per element. Keys need a pass over
 * the whole graph; elements are then yielded one by one.
 */
import type { GraphData, PropertyValue } from '@hotline/model';
import type { Column } from './internal/columns.ts';
import { coerceValue, inferColumns } from './internal/columns.ts';
import { displayLabel, indexGraph, prepareGraph } from './internal/graph.ts';
import { escapeXmlAttribute, escapeXmlText } from './internal/xml.ts';
import { resolveExportOptions } from './options.ts';
import type { ExportOptions } from './types.ts';

type Attributes = Record<string, PropertyValue>;

/** Node attributes as GraphML writes them: label, nodeType, the properties but `id` (the element id). */
export function graphmlNodeAttributes(node: GraphData['nodes'][number]): Attributes {
  const attributes: Attributes = { label: displayLabel(node), nodeType: node.label, ...node.properties };
  if (attributes.id === node.id) delete attributes.id;
  return attributes;
}

export function graphmlEdgeAttributes(edge: GraphData['edges'][number]): Attributes {
  return { type: edge.type, ...edge.properties };
}

/** GraphML `attr.type` for a column; lists travel as JSON strings. */
export function graphmlType(column: Column): string {
  return column.list ? 'string' : column.kind;
}

/** GraphML text for a value of a column, or null when the value is missing. */
export function graphmlValue(value: PropertyValue | undefined, column: Column): string | null {
  const coerced = coerceValue(value, column);
  if (coerced === null) return null;
  return Array.isArray(coerced) ? JSON.stringify(coerced) : String(coerced);
}

/** Yields a GraphML document piece by piece. */
export function* generateGraphml(graph: GraphData, options: Partial<ExportOptions> = {}): Generator<string> {
  const resolved = resolveExportOptions(options);
  indexGraph(graph, 'graphml');
  const data = prepareGraph(graph, resolved.includeText);
  const nl = resolved.pretty ? '\n' : '';
  const indent = (depth: number) => (resolved.pretty ? '  '.repeat(depth) : '');
  const nodeColumns = inferColumns(data.nodes.map(graphmlNodeAttributes));
  const edgeColumns = inferColumns(data.edges.map(graphmlEdgeAttributes));
  const nodeKeys = nodeColumns.map((column, i) => ({ column, id: `n${i}` }));
  const edgeKeys = edgeColumns.map((column, i) => ({ column, id: `e${i}` }));

  let head = `<?xml version="1.0" encoding="UTF-8"?>${nl}`;
  head +=
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    `xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">${nl}`;
  for (const [what, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const) {
    for (const { column, id } of keys) {
      head += `${indent(1)}<key id="${id}" for="${what}" attr.name="${escapeXmlAttribute(column.name)}" attr.type="${graphmlType(column)}"/>${nl}`;
    }
  }
  head += `${indent(1)}<graph id="hotline" edgedefault="directed">${nl}`;
  yield head;

  const dataLines = (attributes: Attributes, keys: typeof nodeKeys): string => {
    let out = '';
    for (const { column, id } of keys) {
      const text = graphmlValue(attributes[column.name], column);
      if (text !== null) out += `${indent(3)}<data key="${id}">${escapeXmlText(text)}</data>${nl}`;
    }
    return out;
  };
  for (const node of data.nodes) {
    const body = dataLines(graphmlNodeAttributes(node), nodeKeys);
    const open = `${indent(2)}<node id="${escapeXmlAttribute(node.id)}"`;
    yield body ? `${open}>${nl}${body}${indent(2)}</node>${nl}` : `${open}/>${nl}`;
  }
  for (const edge of data.edges) {
    const body = dataLines(graphmlEdgeAttributes(edge), edgeKeys);
    const open =
      `${indent(2)}<edge id="${escapeXmlAttribute(edge.id)}" source="${escapeXmlAttribute(edge.source)}" ` +
      `target="${escapeXmlAttribute(edge.target)}"`;
    yield body ? `${open}>${nl}${body}${indent(2)}</edge>${nl}` : `${open}/>${nl}`;
  }
  yield `${indent(1)}</graph>${nl}</graphml>${nl}`;
}

/** Writes `graph` as one GraphML string. */
export function createGraphml(graph: GraphData, options: Partial<ExportOptions> = {}): string {
  return [...generateGraphml(graph, options)].join('');
}
