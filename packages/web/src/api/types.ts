/**
 * The shapes the server sends. Graph types come from @hotline/model (types only); the panel
 * views mirror packages/server/src/details.ts, which the explorer cannot import.
 */
export type { GraphData, GraphEdge, GraphNode, NodeLabel, Properties } from '@hotline/model';

export interface Health {
  mode: 'neo4j' | 'embedded';
  location: string;
  cypher: boolean;
}

export interface EvidenceView {
  start: number;
  end: number;
  text: string;
}

export interface ReadoutView {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  published: string | null;
  date: string | null;
  evidence: EvidenceView[];
  excerpt: { text: string; offset: number } | null;
}

export interface CallView {
  id: string;
  date: string | null;
  dates: string[];
  mode: string;
  participants: Array<{ id: string; name: string; state: string | null; initiator: boolean }>;
  themes: string[];
  subjects: string[];
  readouts: ReadoutView[];
}

export interface LeaderView {
  id: string;
  name: string;
  state: string | null;
  role: string | null;
  verified: boolean;
  leader: boolean;
  offices: Array<{
    polity: string;
    polityName: string;
    role: string;
    from: string | null;
    to: string | null;
  }>;
  counterparts: Array<{ id: string; name: string; state: string | null; calls: number }>;
  calls: CallView[];
}

export interface PairView {
  a: string;
  b: string;
  calls: CallView[];
}

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
