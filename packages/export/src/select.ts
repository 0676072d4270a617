/**
 * Subgraph selection. Filters (window, themes, modes, minCalls) act on CALLED edges and Call
 * nodes; seeds (leaders, or the leaders of states) grow by N hops over the CALLED edges that
 * remain; then the calls among kept leaders, their topics and readouts, and the states of
 * kept leaders come along, with every edge whose two ends are kept. Order is the input's, so
 * the same selection always gives the same output.
 */
import type { GraphData, GraphEdge, GraphNode } from '@hotline/model';
import { HotlineError } from '@hotline/model';
import { getString, getStrings, indexGraph } from './internal/graph.ts';
import type { ResolvedSelection } from './options.ts';
import { resolveSelection } from './options.ts';
import type { Selection } from './types.ts';

const THEME_PREFIX = 'theme:';

/**
 * Cuts a subgraph out of `graph`. With no leaders and no states, returns the whole graph with
 * the filters applied.
 *
 * @example
 * selectSubgraph(graph, { leaders: ['Vladimir Putin'], hops: 1, from: '2024-01-01' })
 */
export function selectSubgraph(graph: GraphData, selection: Selection = {}): GraphData {
  const where = 'selectSubgraph';
  const sel = resolveSelection(selection);
  const index = indexGraph(graph, where);
  const hasFilters = sel.from !== null || sel.to !== null || sel.themes !== null || sel.modes !== null;
  const hasSeeds = sel.leaders.length > 0 || sel.states.length > 0;
  if (!hasFilters && !hasSeeds && sel.minCalls === 1)
    return { nodes: [...graph.nodes], edges: [...graph.edges] };

  // 1. Filters on Call nodes and CALLED edges.
  // A call's themes: its `themes` property (set by the loader) and its ABOUT → theme topics.
  const themeIdsOf = (call: GraphNode): string[] => [
    ...getStrings(call.properties, 'themes'),
    ...(index.outgoing.get(call.id) ?? []).flatMap((edge) => {
      const topic = index.nodes.get(edge.target);
      if (edge.type !== 'ABOUT' || topic?.label !== 'Topic' || topic.properties.kind !== 'theme') return [];
      return [topic.id, getString(topic.properties, 'label') ?? topic.id];
    }),
  ];
  const calls = graph.nodes.filter((node) => node.label === 'Call');
  const passingCalls = new Set(
    calls
      .filter((call) =>
        matches(
          sel,
          getString(call.properties, 'date'),
          getString(call.properties, 'mode'),
          themeIdsOf(call),
        ),
      )
      .map((call) => call.id),
  );
  let called = graph.edges.filter((edge) => {
    if (edge.type !== 'CALLED') return false;
    const call = getString(edge.properties, 'call');
    if (call !== null && index.nodes.get(call)?.label === 'Call' && !passingCalls.has(call)) return false;
    const themes = getStrings(edge.properties, 'themes');
    return matches(sel, getString(edge.properties, 'date'), getString(edge.properties, 'mode'), themes);
  });

  // 2. minCalls: pairs of leaders with too few calls in the window lose their CALLED edges,
  // and calls left without any CALLED edge go with them.
  if (sel.minCalls > 1) {
    const counts = new Map<string, number>();
    for (const edge of called) counts.set(pairKey(edge), (counts.get(pairKey(edge)) ?? 0) + 1);
    const dropped = called.filter((edge) => (counts.get(pairKey(edge)) ?? 0) < sel.minCalls);
    called = called.filter((edge) => (counts.get(pairKey(edge)) ?? 0) >= sel.minCalls);
    const stillCalled = new Set(called.map((edge) => getString(edge.properties, 'call')));
    for (const edge of dropped) {
      const call = getString(edge.properties, 'call');
      if (call !== null && !stillCalled.has(call)) passingCalls.delete(call);
    }
  }
  const keptCalled = new Set(called.map((edge) => edge.id));

  // 3. Leaders: the seeds grown by N hops, or every leader.
  const leaders = graph.nodes.filter((node) => node.label === 'Leader');
  let keptLeaders: Set<string>;
  if (hasSeeds) {
    const seeds = resolveSeeds(sel, graph, leaders, where);
    keptLeaders = expand(seeds, called, sel.hops);
  } else {
    keptLeaders = new Set(leaders.map((leader) => leader.id));
  }

  // 4. Calls whose participants are all kept, and what hangs off them.
  const kept = new Set<string>(keptLeaders);
  for (const callId of passingCalls) {
    const participants = (index.incoming.get(callId) ?? []).filter((edge) => edge.type === 'TOOK_PART');
    const allKept = participants.every((edge) => keptLeaders.has(edge.source));
    if (allKept && (participants.length > 0 || !hasSeeds)) kept.add(callId);
  }
  const keptStates = new Set<string>();
  for (const node of leaders) {
    const state = getString(node.properties, 'state');
    if (keptLeaders.has(node.id) && state !== null) keptStates.add(state);
  }
  for (const edge of graph.edges) {
    if (edge.type === 'LEADS' && keptLeaders.has(edge.source)) keptStates.add(edge.target);
  }
  for (const node of graph.nodes) {
    if (node.label === 'Topic' || node.label === 'Readout') {
      const linked = [...(index.outgoing.get(node.id) ?? []), ...(index.incoming.get(node.id) ?? [])].filter(
        (edge) => edge.type === 'ABOUT' || edge.type === 'REPORTS',
      );
      // A topic or readout of no call at all stays in an unseeded export; otherwise it follows its calls.
      const toKeptCall = linked.some((edge) => kept.has(edge.source) || kept.has(edge.target));
      if (toKeptCall || (!hasSeeds && linked.length === 0)) kept.add(node.id);
    } else if (node.label === 'State' || node.label === 'Organization') {
      if (!hasSeeds || keptStates.has(node.id)) kept.add(node.id);
    }
  }

  return {
    nodes: graph.nodes.filter((node) => kept.has(node.id)),
    edges: graph.edges.filter(
      (edge) =>
        kept.has(edge.source) && kept.has(edge.target) && (edge.type !== 'CALLED' || keptCalled.has(edge.id)),
    ),
  };
}

function matches(
  sel: ResolvedSelection,
  date: string | null,
  mode: string | null,
  themes: string[],
): boolean {
  if ((sel.from !== null || sel.to !== null) && date === null) return false;
  if (date !== null && sel.from !== null && date < sel.from) return false;
  if (date !== null && sel.to !== null && date > sel.to) return false;
  if (sel.modes !== null && (mode === null || !sel.modes.includes(mode.toLowerCase()))) return false;
  if (sel.themes !== null) {
    const wanted = new Set(sel.themes.map(normalizeTheme));
    if (!themes.some((theme) => wanted.has(normalizeTheme(theme)))) return false;
  }
  return true;
}

function normalizeTheme(theme: string): string {
  const lower = theme.toLowerCase();
  return lower.startsWith(THEME_PREFIX) ? lower.slice(THEME_PREFIX.length) : lower;
}

function pairKey(edge: GraphEdge): string {
  return edge.source < edge.target
    ? `${edge.source}\u0000${edge.target}`
    : `${edge.target}\u0000${edge.source}`;
}

function resolveSeeds(
  sel: ResolvedSelection,
  graph: GraphData,
  leaders: GraphNode[],
  where: string,
): Set<string> {
  const seeds = new Set<string>();
  for (const wanted of sel.leaders) {
    const key = wanted.toLowerCase();
    const found = leaders.filter(
      (leader) =>
        leader.id.toLowerCase() === key ||
        getString(leader.properties, 'name')?.toLowerCase() === key ||
        getStrings(leader.properties, 'aliases').some((alias) => alias.toLowerCase() === key),
    );
    if (found.length === 0) {
      throw new HotlineError(
        'NOT_FOUND',
        `${where}: no leader matches "${wanted}"; give a leader id or full name as the graph spells it`,
      );
    }
    for (const leader of found) seeds.add(leader.id);
  }
  for (const wanted of sel.states) {
    const code = wanted.toUpperCase();
    const polity = graph.nodes.find(
      (node) => (node.label === 'State' || node.label === 'Organization') && node.id.toUpperCase() === code,
    );
    const ledBy = new Set(
      graph.edges
        .filter((edge) => edge.type === 'LEADS' && edge.target.toUpperCase() === code)
        .map((edge) => edge.source),
    );
    const found = leaders.filter(
      (leader) => ledBy.has(leader.id) || getString(leader.properties, 'state')?.toUpperCase() === code,
    );
    if (!polity && found.length === 0) {
      throw new HotlineError(
        'NOT_FOUND',
        `${where}: no state or organization has code "${wanted}"; use an ISO alpha-3 code such as FRA`,
      );
    }
    for (const leader of found) seeds.add(leader.id);
  }
  return seeds;
}

/** Breadth-first growth over CALLED edges, ignoring their direction. */
function expand(seeds: Set<string>, called: GraphEdge[], hops: number): Set<string> {
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const edge of called) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  const kept = new Set(seeds);
  let frontier = [...seeds];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of neighbours.get(id) ?? []) {
        if (!kept.has(neighbour)) {
          kept.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return kept;
}
