/**
 * Neo4j values → plain JSON. No driver type (Integer, Date, Node, Path) leaves this package:
 * integers become numbers, temporal values ISO strings, graph values tagged objects.
 */
import neo4j from 'neo4j-driver';

export type PlainValue =
  | null
  | boolean
  | number
  | string
  | PlainValue[]
  | { [key: string]: PlainValue }
  | PlainNode
  | PlainRelationship
  | PlainPath;

export interface PlainNode {
  kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, PlainValue>;
}

export interface PlainRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, PlainValue>;
}

export interface PlainPath {
  kind: 'path';
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (neo4j.isPoint(value as never)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (neo4j.isNode(value as never)) return plainNode(value as never);
  if (neo4j.isRelationship(value as never)) return plainRelationship(value as never);
  if (neo4j.isPath(value as never)) {
    const path = value as {
      segments: Array<{ start: unknown; relationship: unknown; end: unknown }>;
      start: unknown;
    };
    const nodes = [plainNode(path.start as never)];
    const relationships: PlainRelationship[] = [];
    for (const segment of path.segments) {
      relationships.push(plainRelationship(segment.relationship as never));
      nodes.push(plainNode(segment.end as never));
    }
    return { kind: 'path', nodes, relationships };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, PlainValue> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  return String(value);
}

function plainProperties(properties: Record<string, unknown>): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [key, inner] of Object.entries(properties)) out[key] = toPlain(inner);
  return out;
}

function plainNode(node: {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}): PlainNode {
  return {
    kind: 'node',
    elementId: node.elementId,
    labels: [...node.labels],
    properties: plainProperties(node.properties),
  };
}

function plainRelationship(rel: {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}): PlainRelationship {
  return {
    kind: 'relationship',
    elementId: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: plainProperties(rel.properties),
  };
}

/** Renders a plain value as one short line for tables and CSV. */
export function formatPlain(value: PlainValue): string {
  if (value === null) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatPlain).join(', ')}]`;
  if ('kind' in value && value.kind === 'node') {
    const node = value as PlainNode;
    const name = node.properties.name ?? node.properties.label ?? node.properties.code ?? node.properties.id;
    return `(:${node.labels.join(':')} ${formatPlain(name ?? node.elementId)})`;
  }
  if ('kind' in value && value.kind === 'relationship') {
    const rel = value as PlainRelationship;
    const props = Object.entries(rel.properties)
      .filter(([k]) => k === 'date' || k === 'mode')
      .map(([k, v]) => `${k}: ${formatPlain(v)}`)
      .join(', ');
    return `[:${rel.type}${props ? ` {${props}}` : ''}]`;
  }
  if ('kind' in value && value.kind === 'path') {
    const path = value as PlainPath;
    let out = formatPlain(path.nodes[0] ?? null);
    path.relationships.forEach((rel, i) => {
      out += `-${formatPlain(rel)}->${formatPlain(path.nodes[i + 1] ?? null)}`;
    });
    return out;
  }
  return JSON.stringify(value);
}
