/**
 * The shapes the server sends. Graph and panel types come from @hotline/model (types only);
 * the explorer never imports the server.
 */
export type {
  CallView,
  DateWindow,
  EvidenceView,
  GraphData,
  GraphEdge,
  GraphNode,
  Health,
  LeaderView,
  NodeLabel,
  PairView,
  Properties,
  ReadoutView,
} from '@hotline/model';

export interface ExampleQuery {
  name: string;
  description: string;
  cypher: string;
  params: Record<string, string | number>;
}

export interface PlainNode {
  kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface PlainRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface PlainPath {
  kind: 'path';
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
  elapsedMs: number;
}

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'jsonl' | 'csv' | 'cypher' | 'plover';
