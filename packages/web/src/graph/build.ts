/**
 * Payload → graphology. The data graph is a MultiGraph of everything the server sent (one
 * node per Leader, State, Call…, one edge per relationship). The display graph is what sigma
 * draws: leaders, one weighted edge per leader pair and direction (who placed the calls),
 * and on demand the states and topics. Filters never touch either graph: reducers hide.
 */
import type Graph from 'graphology';
import { MultiGraph } from 'graphology';
import type { GraphData, Properties } from '../api/types.ts';
import { EDGE_COLOR, regionColor, STATE_COLOR, TOPIC_COLOR } from './colors.ts';

export interface CallInfo {
  id: string;
  date: string | null;
  /** YYYY-MM of `date`, the time slider's unit. */
  month: string | null;
  mode: string;
  themes: string[];
  subjects: string[];
  participants: string[];
  states: string[];
  regions: string[];
}

export interface PolityInfo {
  code: string;
  name: string;
  region: string | null;
  lat: number | null;
  lng: number | null;
  organization: boolean;
}

export interface LeaderInfo {
  id: string;
  name: string;
  state: string | null;
  role: string | null;
  region: string | null;
  calls: string[];
}

export interface TopicInfo {
  id: string;
  label: string;
  kind: 'theme' | 'subject';
  calls: string[];
}

export interface Dataset {
  data: MultiGraph;
  calls: Map<string, CallInfo>;
  leaders: Map<string, LeaderInfo>;
  polities: Map<string, PolityInfo>;
  topics: Map<string, TopicInfo>;
  /** Every month from the first call to the last, YYYY-MM. */
  months: string[];
  /** Calls per month, aligned with `months`. */
  monthCounts: number[];
  nodeLabels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export type DisplayKind = 'Leader' | 'State' | 'Organization' | 'Topic';

export interface DisplayNode {
  label: string;
  kind: DisplayKind;
  x: number;
  y: number;
  size: number;
  color: string;
  region: string | null;
  state: string | null;
  calls: string[];
}

export interface DisplayEdge {
  kind: 'CALLED' | 'LEADS' | 'ABOUT';
  calls: string[];
  size: number;
  color: string;
  type: 'line' | 'curved';
  curvature?: number;
  /** Leader pair key "a|b" (sorted) of CALLED edges. */
  pair: string;
}

export type DisplayGraph = Graph<DisplayNode, DisplayEdge>;

export interface ShowOptions {
  states: boolean;
  topics: boolean;
}

const str = (value: Properties[string] | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const num = (value: Properties[string] | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const strings = (value: Properties[string] | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function monthOf(date: string | null): string | null {
  return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
}

export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = last.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (out.length > 1200) break;
  }
  return out;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Indexes the payload: calls with their participants' states and regions, leaders, topics. */
export function createDataset(payload: GraphData): Dataset {
  const data = new MultiGraph();
  const labels = new Set<string>();
  const types = new Set<string>();
  const keys = new Set<string>();
  for (const node of payload.nodes) {
    labels.add(node.label);
    for (const key of Object.keys(node.properties)) keys.add(key);
    data.mergeNode(node.id, { ...node.properties, nodeLabel: node.label });
  }
  for (const edge of payload.edges) {
    types.add(edge.type);
    if (!data.hasNode(edge.source) || !data.hasNode(edge.target)) continue;
    if (data.hasEdge(edge.id)) continue;
    data.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { ...edge.properties, type: edge.type });
  }

  const polities = new Map<string, PolityInfo>();
  const leaders = new Map<string, LeaderInfo>();
  const topics = new Map<string, TopicInfo>();
  const calls = new Map<string, CallInfo>();
  for (const node of payload.nodes) {
    const p = node.properties;
    if (node.label === 'State' || node.label === 'Organization') {
      const code = str(p.code) ?? node.id;
      polities.set(node.id, {
        code,
        name: str(p.name) ?? code,
        region: node.label === 'Organization' ? 'Organization' : str(p.region),
        lat: num(p.lat),
        lng: num(p.lng),
        organization: node.label === 'Organization',
      });
    }
  }
  for (const node of payload.nodes) {
    const p = node.properties;
    if (node.label === 'Leader') {
      leaders.set(node.id, {
        id: node.id,
        name: str(p.name) ?? node.id,
        state: str(p.state),
        role: str(p.role),
        region: null,
        calls: [],
      });
    } else if (node.label === 'Topic') {
      topics.set(node.id, {
        id: node.id,
        label: str(p.label) ?? node.id,
        kind: p.kind === 'subject' ? 'subject' : 'theme',
        calls: [],
      });
    } else if (node.label === 'Call') {
      const date = str(p.date);
      calls.set(node.id, {
        id: node.id,
        date,
        month: monthOf(date),
        mode: str(p.mode) ?? 'phone',
        themes: strings(p.themes),
        subjects: [],
        participants: [],
        states: [],
        regions: [],
      });
    }
  }
  // A leader's region: that of the state they represented in their calls; for leaders without
  // one, a polity they lead (LEADS). Offices elsewhere (Sisi chaired the AU) must not recolour them.
  for (const leader of leaders.values()) {
    if (!leader.region && leader.state) leader.region = polities.get(leader.state)?.region ?? null;
  }
  for (const edge of payload.edges) {
    if (edge.type !== 'LEADS') continue;
    const leader = leaders.get(edge.source);
    const polity = polities.get(edge.target);
    if (leader && polity && !leader.region) {
      leader.region = polity.region;
      leader.state ??= polity.code;
    }
  }
  for (const edge of payload.edges) {
    if (edge.type === 'TOOK_PART') {
      const call = calls.get(edge.target);
      const leader = leaders.get(edge.source);
      if (!call || !leader) continue;
      call.participants.push(leader.id);
      leader.calls.push(call.id);
      if (leader.state && !call.states.includes(leader.state)) call.states.push(leader.state);
      if (leader.region && !call.regions.includes(leader.region)) call.regions.push(leader.region);
    } else if (edge.type === 'ABOUT') {
      const call = calls.get(edge.source);
      const topic = topics.get(edge.target);
      if (!call || !topic) continue;
      topic.calls.push(call.id);
      if (topic.kind === 'subject') call.subjects.push(topic.label);
      else {
        const theme = topic.id.replace(/^theme:/, '');
        if (!call.themes.includes(theme)) call.themes.push(theme);
      }
    }
  }

  const dated = [...calls.values()].map((c) => c.month).filter((m): m is string => m !== null);
  dated.sort();
  const months = dated.length > 0 ? monthRange(dated[0]!, dated[dated.length - 1]!) : [];
  const index = new Map(months.map((m, i) => [m, i]));
  const monthCounts = months.map(() => 0);
  for (const month of dated) monthCounts[index.get(month)!]! += 1;

  return {
    data,
    calls,
    leaders,
    polities,
    topics,
    months,
    monthCounts,
    nodeLabels: [...labels].sort(),
    relationshipTypes: [...types].sort(),
    propertyKeys: [...keys].sort(),
  };
}

export function leaderSize(calls: number): number {
  return 5 + 2.6 * Math.sqrt(calls);
}

export function edgeSize(calls: number): number {
  return 0.8 + 1.4 * Math.sqrt(calls);
}

/** A stable pseudo-random position for a node nobody has placed yet. */
export function seededPosition(id: string, radius = 100): { x: number; y: number } {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  const angle = (((hash >>> 0) % 3600) / 3600) * Math.PI * 2;
  const r = radius * (0.2 + (((hash >>> 12) % 1000) / 1000) * 0.8);
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

/**
 * Clears and refills `graph` (the same instance, so sigma and the layout keep their
 * references). `positions` supplies x/y for nodes placed before.
 */
export function fillDisplayGraph(
  graph: DisplayGraph,
  dataset: Dataset,
  show: ShowOptions,
  positions: Map<string, { x: number; y: number }>,
): void {
  graph.clear();
  const place = (id: string, near: string[] = []) => {
    const known = positions.get(id);
    if (known) return known;
    const anchors = near.map((n) => positions.get(n)).filter((p): p is { x: number; y: number } => !!p);
    const jitter = seededPosition(id, 10);
    if (anchors.length > 0) {
      const x = anchors.reduce((s, p) => s + p.x, 0) / anchors.length;
      const y = anchors.reduce((s, p) => s + p.y, 0) / anchors.length;
      return { x: x + jitter.x, y: y + jitter.y };
    }
    return seededPosition(id);
  };

  for (const leader of dataset.leaders.values()) {
    if (leader.calls.length === 0) continue;
    graph.addNode(leader.id, {
      label: leader.name,
      kind: 'Leader',
      ...place(leader.id),
      size: leaderSize(leader.calls.length),
      color: regionColor(leader.region),
      region: leader.region,
      state: leader.state,
      calls: leader.calls,
    });
  }

  const pairs = new Map<string, string[]>();
  dataset.data.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.type !== 'CALLED' || !graph.hasNode(source) || !graph.hasNode(target)) return;
    const call = typeof attributes.call === 'string' ? attributes.call : null;
    if (!call || !dataset.calls.has(call)) return;
    const key = `${source}->${target}`;
    const list = pairs.get(key) ?? [];
    if (!list.includes(call)) list.push(call);
    pairs.set(key, list);
  });
  for (const [key, list] of pairs) {
    const [source, target] = key.split('->') as [string, string];
    const parallel = pairs.has(`${target}->${source}`);
    graph.addDirectedEdgeWithKey(key, source, target, {
      kind: 'CALLED',
      calls: list,
      size: edgeSize(list.length),
      color: EDGE_COLOR,
      type: parallel ? 'curved' : 'line',
      ...(parallel ? { curvature: 0.25 } : {}),
      pair: pairKey(source, target),
    });
  }

  if (show.states) {
    dataset.data.forEachEdge((_edge, attributes, source, target) => {
      if (attributes.type !== 'LEADS' || !graph.hasNode(source)) return;
      const polity = dataset.polities.get(target);
      if (!polity) return;
      if (!graph.hasNode(target)) {
        graph.addNode(target, {
          label: polity.name,
          kind: polity.organization ? 'Organization' : 'State',
          ...place(target, [source]),
          size: 7,
          color: STATE_COLOR,
          region: polity.region,
          state: polity.code,
          calls: [],
        });
      }
      const key = `LEADS:${source}->${target}`;
      if (!graph.hasEdge(key)) {
        graph.addDirectedEdgeWithKey(key, source, target, {
          kind: 'LEADS',
          calls: [],
          size: 1,
          color: '#cbd5e1',
          type: 'line',
          pair: '',
        });
      }
    });
  }

  if (show.topics) {
    for (const topic of dataset.topics.values()) {
      if (topic.calls.length === 0) continue;
      const byLeader = new Map<string, string[]>();
      for (const callId of topic.calls) {
        for (const leader of dataset.calls.get(callId)?.participants ?? []) {
          if (!graph.hasNode(leader)) continue;
          const list = byLeader.get(leader) ?? [];
          list.push(callId);
          byLeader.set(leader, list);
        }
      }
      if (byLeader.size === 0) continue;
      graph.addNode(topic.id, {
        label: topic.label,
        kind: 'Topic',
        ...place(topic.id, [...byLeader.keys()]),
        size: 3 + 1.5 * Math.sqrt(topic.calls.length),
        color: TOPIC_COLOR,
        region: null,
        state: null,
        calls: topic.calls,
      });
      for (const [leader, list] of byLeader) {
        graph.addDirectedEdgeWithKey(`ABOUT:${leader}->${topic.id}`, leader, topic.id, {
          kind: 'ABOUT',
          calls: list,
          size: 0.6,
          color: '#99d5cd',
          type: 'line',
          pair: '',
        });
      }
    }
  }
}
