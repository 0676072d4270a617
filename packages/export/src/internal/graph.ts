/**
 * Shared graph helpers: an index over a GraphData (checked once: unique ids, no dangling
 * edges), the property each label keys on, display labels, and typed property readers.
 */
import type { GraphData, GraphEdge, GraphNode, NodeLabel, Properties, PropertyValue } from '@hotline/model';
import { HotlineError } from '@hotline/model';

/** The property that holds each label's id (GraphNode.id is that property's value). */
export const ID_PROPERTY: Readonly<Record<NodeLabel, string>> = Object.freeze({
  Leader: 'id',
  State: 'code',
  Organization: 'code',
  Topic: 'id',
  Call: 'id',
  Readout: 'id',
});

/** YYYY-MM-DD properties of the vocabulary; CSV and Cypher write them as Neo4j dates. */
export const DATE_PROPERTIES: ReadonlySet<string> = new Set(['date', 'dates', 'published', 'from', 'to']);

export interface GraphIndex {
  nodes: Map<string, GraphNode>;
  /** Edges by target node id, and by source node id. */
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
}

/** Indexes a graph and checks it: ids are unique and every edge joins two nodes of the graph. */
export function indexGraph(graph: GraphData, where: string): GraphIndex {
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new HotlineError('INVALID_ARGUMENT', `${where}: expected a GraphData with nodes and edges arrays`);
  }
  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) {
      throw new HotlineError(
        'INVALID_ARGUMENT',
        `${where}: node id "${node.id}" appears twice; ids must be unique`,
      );
    }
    nodes.set(node.id, node);
  }
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      throw new HotlineError(
        'INVALID_ARGUMENT',
        `${where}: edge id "${edge.id}" appears twice; ids must be unique`,
      );
    }
    edgeIds.add(edge.id);
    for (const end of [edge.source, edge.target]) {
      if (!nodes.has(end)) {
        throw new HotlineError(
          'INVALID_ARGUMENT',
          `${where}: edge "${edge.id}" points to node "${end}", which is not in the graph`,
        );
      }
    }
    push(outgoing, edge.source, edge);
    push(incoming, edge.target, edge);
  }
  return { nodes, incoming, outgoing };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Drops `Readout.text` unless asked to keep it; the input is never mutated. */
export function prepareGraph(graph: GraphData, includeText: boolean): GraphData {
  if (includeText) return graph;
  return {
    nodes: graph.nodes.map((node) => {
      if (node.label !== 'Readout' || !('text' in node.properties)) return node;
      const { text: _text, ...properties } = node.properties;
      return { ...node, properties };
    }),
    edges: graph.edges,
  };
}

export function getString(properties: Properties, key: string): string | null {
  const value = properties[key];
  return typeof value === 'string' ? value : null;
}

export function getStrings(properties: Properties, key: string): string[] {
  const value = properties[key];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

export function getBoolean(properties: Properties, key: string): boolean {
  return properties[key] === true;
}

/** The name a person reads: leader or state name, topic label, readout title, call mode and date. */
export function displayLabel(node: GraphNode): string {
  const p = node.properties;
  switch (node.label) {
    case 'Leader':
    case 'State':
    case 'Organization':
      return getString(p, 'name') ?? node.id;
    case 'Topic':
      return getString(p, 'label') ?? node.id;
    case 'Call':
      return `${getString(p, 'mode') ?? 'call'} ${getString(p, 'date') ?? 'undated'}`;
    case 'Readout':
      return getString(p, 'title') ?? getString(p, 'publisher') ?? node.id;
    default:
      return node.id;
  }
}

export function isList(value: PropertyValue): value is string[] | number[] {
  return Array.isArray(value);
}
