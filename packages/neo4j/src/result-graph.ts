/**
 * Turns the nodes, relationships and paths in a query result into GraphData, so a Cypher
 * selection can be drawn or exported like any other subgraph. A node's id is its own key
 * property (`id` or `code`), as everywhere else; relationships between nodes the result does
 * not contain are dropped.
 */
import {
  edgeId,
  type GraphData,
  type GraphEdge,
  type GraphNode,
  NODE_LABELS,
  type NodeLabel,
  type Properties,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '@hotline/model';
import type { QueryResult } from './query.ts';
import type { PlainNode, PlainRelationship, PlainValue } from './values.ts';

function isNode(value: PlainValue): value is PlainNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as PlainNode).kind === 'node'
  );
}

function isRelationship(value: PlainValue): value is PlainRelationship {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as PlainRelationship).kind === 'relationship'
  );
}

function collect(value: PlainValue, nodes: PlainNode[], rels: PlainRelationship[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const inner of value) collect(inner, nodes, rels);
  } else if (isNode(value)) {
    nodes.push(value);
  } else if (isRelationship(value)) {
    rels.push(value);
  } else if ((value as { kind?: string }).kind === 'path') {
    const path = value as unknown as { nodes: PlainNode[]; relationships: PlainRelationship[] };
    nodes.push(...path.nodes);
    rels.push(...path.relationships);
  } else {
    for (const inner of Object.values(value)) collect(inner, nodes, rels);
  }
}

function flat(properties: Record<string, PlainValue>): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'text' || key === 'fingerprint' || key === 'key') continue;
    if (value === null || typeof value !== 'object') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) out[key] = value as number[];
    else out[key] = JSON.stringify(value);
  }
  return out;
}

export function queryResultToGraph(result: QueryResult): GraphData {
  const plainNodes: PlainNode[] = [];
  const plainRels: PlainRelationship[] = [];
  for (const row of result.rows)
    for (const value of Object.values(row)) collect(value, plainNodes, plainRels);
  const idOf = new Map<string, string>();
  const nodes = new Map<string, GraphNode>();
  for (const node of plainNodes) {
    const label = node.labels.find((l): l is NodeLabel => (NODE_LABELS as readonly string[]).includes(l));
    if (!label) continue;
    const key = node.properties.id ?? node.properties.code;
    const id = typeof key === 'string' ? key : node.elementId;
    idOf.set(node.elementId, id);
    if (!nodes.has(id)) nodes.set(id, { id, label, properties: flat(node.properties) });
  }
  const edges = new Map<string, GraphEdge>();
  for (const rel of plainRels) {
    const source = idOf.get(rel.start);
    const target = idOf.get(rel.end);
    if (!source || !target || !(RELATIONSHIP_TYPES as readonly string[]).includes(rel.type)) continue;
    const type = rel.type as RelationshipType;
    const discriminator = typeof rel.properties.call === 'string' ? rel.properties.call : undefined;
    const id = edgeId(type, source, target, discriminator);
    edges.set(id, { id, type, source, target, properties: flat(rel.properties) });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
