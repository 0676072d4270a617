/**
 * The explorer's side panels, computed from a focused GraphData: a leader's offices,
 * counterparts and call timeline; the calls behind one edge with their readouts' evidence.
 */
import type {
  CallView,
  DateWindow,
  GraphData,
  GraphNode,
  LeaderView,
  PairView,
  Properties,
} from '@hotline/model';
import { inWindow } from './window.ts';

export type { CallView, LeaderView };

const str = (value: Properties[string] | undefined): string | null =>
  typeof value === 'string' ? value : null;

export function callViews(graph: GraphData, callIds: Iterable<string>): CallView[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const wanted = new Set(callIds);
  const views = new Map<string, CallView>();
  for (const id of wanted) {
    const node = nodes.get(id);
    if (node?.label !== 'Call') continue;
    const p = node.properties;
    views.set(id, {
      id,
      date: str(p.date),
      dates: Array.isArray(p.dates) ? (p.dates as string[]) : [],
      mode: str(p.mode) ?? 'phone',
      participants: [],
      themes: [],
      subjects: [],
      readouts: [],
    });
  }
  for (const edge of graph.edges) {
    if (edge.type === 'TOOK_PART' && views.has(edge.target)) {
      const leader = nodes.get(edge.source);
      views.get(edge.target)!.participants.push({
        id: edge.source,
        name: str(leader?.properties.name) ?? edge.source,
        state: str(leader?.properties.state),
        initiator: edge.properties.initiator === true,
      });
    } else if (edge.type === 'ABOUT' && views.has(edge.source)) {
      const topic = nodes.get(edge.target);
      const view = views.get(edge.source)!;
      const label = str(topic?.properties.label) ?? edge.target;
      if (topic?.properties.kind === 'subject') view.subjects.push(label);
      else view.themes.push(str(topic?.properties.id)?.replace(/^theme:/, '') ?? label);
    } else if (edge.type === 'REPORTS' && views.has(edge.target)) {
      const readout = nodes.get(edge.source);
      views.get(edge.target)!.readouts.push(readoutView(readout, edge.properties));
    }
  }
  return [...views.values()].sort(
    (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id),
  );
}

function readoutView(readout: GraphNode | undefined, report: Properties): CallView['readouts'][number] {
  const p = readout?.properties ?? {};
  const text = str(p.text);
  const spans = (Array.isArray(report.evidence) ? (report.evidence as string[]) : [])
    .map((s) => s.split(':').map(Number))
    .filter((pair): pair is [number, number] => pair.length === 2 && pair.every(Number.isFinite));
  const evidence = spans.map(([start, end]) => ({ start, end, text: text ? text.slice(start, end) : '' }));
  let excerpt: { text: string; offset: number } | null = null;
  if (text) {
    const first = Math.min(...spans.map(([s]) => s), text.length);
    const last = Math.max(...spans.map(([, e]) => e), 0);
    const offset = spans.length > 0 ? Math.max(0, first - 300) : 0;
    const end = spans.length > 0 ? Math.min(text.length, last + 300) : Math.min(text.length, 600);
    excerpt = { text: text.slice(offset, end), offset };
  }
  return {
    id: readout?.id ?? '',
    title: str(p.title),
    url: str(p.url),
    publisher: str(p.publisher),
    published: str(p.published),
    date: str(report.date),
    evidence,
    excerpt,
  };
}

const OPEN_WINDOW: DateWindow = { from: null, to: null };

/**
 * A leader's panel. The graph holds the leader's calls of all time (so `allCalls` can be
 * counted); counterparts and calls are those inside `window`.
 */
export function leaderView(
  graph: GraphData,
  id: string,
  window: DateWindow = OPEN_WINDOW,
): LeaderView | null {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const node = nodes.get(id);
  if (node?.label !== 'Leader') return null;
  const p = node.properties;
  const offices: LeaderView['offices'] = [];
  const callIds: string[] = [];
  for (const edge of graph.edges) {
    if (edge.source !== id) continue;
    if (edge.type === 'LEADS') {
      offices.push({
        polity: edge.target,
        polityName: str(nodes.get(edge.target)?.properties.name) ?? edge.target,
        role: str(edge.properties.role) ?? '',
        from: str(edge.properties.from),
        to: str(edge.properties.to),
      });
    } else if (edge.type === 'TOOK_PART') {
      callIds.push(edge.target);
    }
  }
  offices.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const everyCall = callViews(graph, callIds);
  const calls = everyCall.filter((call) => inWindow(call.date, window));
  const counts = new Map<string, LeaderView['counterparts'][number]>();
  for (const call of calls) {
    for (const other of call.participants) {
      if (other.id === id) continue;
      const entry = counts.get(other.id) ?? { id: other.id, name: other.name, state: other.state, calls: 0 };
      entry.calls += 1;
      counts.set(other.id, entry);
    }
  }
  return {
    id,
    name: str(p.name) ?? id,
    state: str(p.state),
    role: str(p.role),
    verified: p.verified === true,
    leader: p.leader !== false,
    offices,
    counterparts: [...counts.values()].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name)),
    calls,
    window: { from: window.from, to: window.to },
    allCalls: everyCall.length,
  };
}

/** The calls in which both leaders took part, inside the window. */
export function pairView(graph: GraphData, a: string, b: string, window: DateWindow = OPEN_WINDOW): PairView {
  const every = pairCallViews(graph, a, b);
  return {
    a,
    b,
    calls: every.filter((call) => inWindow(call.date, window)),
    window: { from: window.from, to: window.to },
    allCalls: every.length,
  };
}

/** The calls in which both leaders took part. */
export function pairCallViews(graph: GraphData, a: string, b: string): CallView[] {
  const byCall = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (edge.type !== 'TOOK_PART') continue;
    const set = byCall.get(edge.target) ?? new Set<string>();
    set.add(edge.source);
    byCall.set(edge.target, set);
  }
  const ids = [...byCall].filter(([, people]) => people.has(a) && people.has(b)).map(([id]) => id);
  return callViews(graph, ids);
}
