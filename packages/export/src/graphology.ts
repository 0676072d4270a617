/**
 * GraphData → graphology. The explorer, the GEXF writer and the JSON export all start from a
 * `MultiDirectedGraph` keyed by the GraphData ids, so ids stay the same in every format.
 * Node attributes: `label` (display name), `nodeType` (the Neo4j label) and the properties;
 * edge attributes: `type` (the relationship type) and the properties.
 */
import type { GraphData, NodeLabel, PropertyValue, RelationshipType } from '@hotline/model';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { displayLabel, indexGraph, prepareGraph } from './internal/graph.ts';
import { resolveExportOptions } from './options.ts';
import type { ExportOptions } from './types.ts';

export interface ExportNodeAttributes {
  label: string;
  nodeType: NodeLabel;
  [property: string]: PropertyValue;
}

export interface ExportEdgeAttributes {
  type: RelationshipType;
  [property: string]: PropertyValue;
}

export type ExportGraph = MultiDirectedGraph<ExportNodeAttributes, ExportEdgeAttributes>;

/** Graph-level attributes every graphology-based export carries. */
export const GRAPH_ATTRIBUTES = Object.freeze({
  creator: 'hotline',
  description: 'World leaders’ conversations',
});

/**
 * Builds a graphology `MultiDirectedGraph` from a GraphData (readout text dropped unless
 * `includeText`).
 *
 * @example
 * const graph = toGraphology(selectSubgraph(data, { leaders: ['Emmanuel Macron'] }));
 * graph.forEachNode((id, attributes) => console.log(id, attributes.label));
 */
export function toGraphology(graph: GraphData, options: Partial<ExportOptions> = {}): ExportGraph {
  const { includeText } = resolveExportOptions(options);
  indexGraph(graph, 'toGraphology');
  const data = prepareGraph(graph, includeText);
  const result: ExportGraph = new MultiDirectedGraph<ExportNodeAttributes, ExportEdgeAttributes>();
  result.replaceAttributes({ ...GRAPH_ATTRIBUTES });
  for (const node of data.nodes) {
    result.addNode(node.id, { label: displayLabel(node), nodeType: node.label, ...node.properties });
  }
  for (const edge of data.edges) {
    result.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, ...edge.properties });
  }
  return result;
}

/**
 * The graphology serialization (`graph.export()`) the explorer imports with `graph.import()`.
 */
export function createGraphologyJson(
  graph: GraphData,
  options: Partial<ExportOptions> = {},
): SerializedGraph<ExportNodeAttributes, ExportEdgeAttributes> {
  return toGraphology(graph, options).export();
}
