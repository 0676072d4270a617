/**
 * Reads the graph out of Neo4j as GraphData for the explorer and the exporters. A date window
 * narrows calls and CALLED edges; leaders, states and topics come with the calls that touch them.
 */
import {
  edgeId,
  type GraphData,
  type GraphEdge,
  type GraphNode,
  type NodeLabel,
  type Properties,
} from '@hotline/model';
import type { GraphClient } from './client.ts';
import { type PlainValue, toPlain } from './values.ts';

export interface GraphWindow {
  from?: string | null;
  to?: string | null;
  /** Leave Readout nodes out. Default true. */
  skipReadouts?: boolean;
  /** Include each readout's full text (for showing evidence). Default false. */
  includeText?: boolean;
  /** Only calls in which at least one of these leaders took part. */
  leaders?: string[] | null;
}

const FETCH_CALLS = `
MATCH (c:Call)
WHERE ($from IS NULL OR c.date >= date($from)) AND ($to IS NULL OR c.date <= date($to))
  AND ($leaders IS NULL OR EXISTS { MATCH (x:Leader)-[:TOOK_PART]->(c) WHERE x.id IN $leaders })
OPTIONAL MATCH (l:Leader)-[tp:TOOK_PART]->(c)
OPTIONAL MATCH (c)-[:ABOUT]->(t:Topic)
OPTIONAL MATCH (r:Readout)-[rep:REPORTS]->(c)
RETURN c {.*} AS call,
  collect(DISTINCT {leader: l {.*}, initiator: tp.initiator}) AS participants,
  collect(DISTINCT t {.*}) AS topics,
  collect(DISTINCT {readout: r {.id, .url, .publisher, .published, .title, .source, text: CASE WHEN $withText THEN r.text ELSE null END}, evidence: rep.evidence, date: rep.date, initiator: rep.initiator}) AS reports`;

const FETCH_CALLED = `
MATCH (a:Leader)-[k:CALLED]->(b:Leader)
WHERE ($from IS NULL OR k.date >= date($from)) AND ($to IS NULL OR k.date <= date($to))
  AND ($leaders IS NULL OR a.id IN $leaders OR b.id IN $leaders)
RETURN a.id AS source, b.id AS target, k {.*} AS props`;

const FETCH_LEADS = `
UNWIND $leaders AS lid
MATCH (l:Leader {id: lid})-[e:LEADS]->(p)
RETURN l.id AS leader, labels(p)[0] AS label, p {.*} AS polity, e {.*} AS props`;

export async function fetchGraph(client: GraphClient, window: GraphWindow = {}): Promise<GraphData> {
  const params = {
    from: window.from ?? null,
    to: window.to ?? null,
    leaders: window.leaders ?? null,
    withText: window.includeText ?? false,
  };
  return client.read(async (tx) => {
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const addNode = (id: string, label: NodeLabel, properties: Properties) => {
      if (!nodes.has(id)) nodes.set(id, { id, label, properties });
    };
    const addEdge = (edge: GraphEdge) => edges.set(edge.id, edge);

    const calls = await tx.run(FETCH_CALLS, params);
    for (const record of calls.records) {
      const call = plainProps(record.get('call'));
      const callNodeId = String(call.id);
      addNode(callNodeId, 'Call', call);
      for (const p of record.get('participants') as Array<{ leader: unknown; initiator: unknown }>) {
        if (!p.leader) continue;
        const leader = plainProps(p.leader);
        const id = String(leader.id);
        addNode(id, 'Leader', leader);
        addEdge({
          id: edgeId('TOOK_PART', id, callNodeId),
          type: 'TOOK_PART',
          source: id,
          target: callNodeId,
          properties: { initiator: Boolean(p.initiator) },
        });
      }
      for (const t of record.get('topics') as unknown[]) {
        const topic = plainProps(t);
        const id = String(topic.id);
        addNode(id, 'Topic', topic);
        addEdge({
          id: edgeId('ABOUT', callNodeId, id),
          type: 'ABOUT',
          source: callNodeId,
          target: id,
          properties: {},
        });
      }
      if (window.skipReadouts === false) {
        for (const r of record.get('reports') as Array<{
          readout: unknown;
          evidence: unknown;
          date: unknown;
          initiator: unknown;
        }>) {
          if (!r.readout) continue;
          const readout = plainProps(r.readout, window.includeText);
          const id = String(readout.id);
          addNode(id, 'Readout', readout);
          addEdge({
            id: edgeId('REPORTS', id, callNodeId),
            type: 'REPORTS',
            source: id,
            target: callNodeId,
            properties: plainProps({ evidence: r.evidence, date: r.date, initiator: r.initiator }),
          });
        }
      }
    }

    const called = await tx.run(FETCH_CALLED, params);
    for (const record of called.records) {
      const source = record.get('source') as string;
      const target = record.get('target') as string;
      const props = plainProps(record.get('props'));
      addEdge({
        id: edgeId('CALLED', source, target, String(props.call)),
        type: 'CALLED',
        source,
        target,
        properties: props,
      });
    }

    const leaderIds = [...nodes.values()].filter((n) => n.label === 'Leader').map((n) => n.id);
    const leads = await tx.run(FETCH_LEADS, { leaders: leaderIds });
    for (const record of leads.records) {
      const leader = record.get('leader') as string;
      const label = record.get('label') as NodeLabel;
      const polity = plainProps(record.get('polity'));
      const code = String(polity.code);
      addNode(code, label, polity);
      const props = plainProps(record.get('props'));
      addEdge({
        id: edgeId('LEADS', leader, code, `${props.role}@${props.from}`),
        type: 'LEADS',
        source: leader,
        target: code,
        properties: props,
      });
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  });
}

function plainProps(value: unknown, keepText = false): Properties {
  const plain = toPlain(value);
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return {};
  const out: Properties = {};
  for (const [key, inner] of Object.entries(plain as Record<string, PlainValue>)) {
    if ((key === 'text' && (!keepText || inner === null)) || key === 'fingerprint' || key === 'key') continue;
    out[key] = flatten(inner);
  }
  return out;
}

function flatten(value: PlainValue): Properties[string] {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return value as number[];
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return JSON.stringify(value);
}
