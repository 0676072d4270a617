/**
 * The property-graph shape that leaves the database: what the server sends the explorer,
 * what the exporters write, and what embedded mode keeps in its graph file. Labels and
 * relationship types are a fixed vocabulary so they can be named in Cypher without ever
 * splicing user text.
 */

export const NODE_LABELS = ['Leader', 'State', 'Organization', 'Topic', 'Call', 'Readout'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = ['CALLED', 'TOOK_PART', 'ABOUT', 'REPORTS', 'LEADS', 'MENTIONS'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Property values as they travel in JSON: dates are YYYY-MM-DD strings. */
export type PropertyValue = string | number | boolean | null | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export interface GraphNode {
  /** Globally unique: the node's own id property (leader id, state code, call id, ...). */
  id: string;
  label: NodeLabel;
  properties: Properties;
}

export interface GraphEdge {
  /** Stable id: `${type}:${source}->${target}` plus a discriminator where needed (the call id). */
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Properties;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One conversation with everything an analyst needs in one row (JSON Lines, PLOVER). */
export interface CallRecord {
  id: string;
  /** YYYY-MM-DD; where sources disagree, the earliest, with the others in `dates`. */
  date: string | null;
  dates: string[];
  mode: string;
  multilateral: boolean;
  participants: Array<{
    id: string;
    name: string;
    state: string | null;
    role: string | null;
    leader: boolean;
    initiator: boolean;
  }>;
  themes: string[];
  subjects: string[];
  sources: Array<{
    readout: string;
    url: string | null;
    publisher: string | null;
    published: string | null;
    title: string | null;
  }>;
}

export function edgeId(
  type: RelationshipType,
  source: string,
  target: string,
  discriminator?: string,
): string {
  return discriminator ? `${type}:${source}->${target}#${discriminator}` : `${type}:${source}->${target}`;
}
