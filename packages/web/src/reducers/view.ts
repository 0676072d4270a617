/**
 * What the filters leave visible, computed once per filter change (not per node per frame):
 * the calls that pass, each edge's and node's filtered call count. Reducers read the result.
 */
import type { Dataset, DisplayGraph } from '../graph/build.ts';
import type { Filters } from '../state/store.ts';

export interface FilteredView {
  calls: Set<string>;
  edgeCounts: Map<string, number>;
  nodeCounts: Map<string, number>;
  /** Calls per month under every filter but the date range (for the time chart). */
  monthCounts: number[];
}

export function callPasses(
  call: { date: string | null; mode: string; themes: string[]; states: string[]; regions: string[] },
  filters: Filters,
  ignoreDates = false,
): boolean {
  if (!ignoreDates) {
    if (filters.from && (!call.date || call.date < filters.from)) return false;
    if (filters.to && (!call.date || call.date > filters.to)) return false;
  }
  if (filters.mode && call.mode !== filters.mode) return false;
  if (filters.themes.length > 0 && !filters.themes.some((t) => call.themes.includes(t))) return false;
  if (filters.state && !call.states.includes(filters.state)) return false;
  if (filters.region && !call.regions.includes(filters.region)) return false;
  return true;
}

export function computeView(graph: DisplayGraph, dataset: Dataset, filters: Filters): FilteredView {
  const calls = new Set<string>();
  const monthIndex = new Map(dataset.months.map((m, i) => [m, i]));
  const monthCounts = dataset.months.map(() => 0);
  for (const call of dataset.calls.values()) {
    if (!callPasses(call, filters, true)) continue;
    if (call.month && monthIndex.has(call.month)) monthCounts[monthIndex.get(call.month)!]! += 1;
    if (callPasses(call, filters)) calls.add(call.id);
  }

  const pairTotals = new Map<string, number>();
  const edgeCounts = new Map<string, number>();
  graph.forEachEdge((edge, attributes) => {
    if (attributes.kind !== 'CALLED') return;
    let count = 0;
    for (const id of attributes.calls) if (calls.has(id)) count += 1;
    if (count === 0) return;
    edgeCounts.set(edge, count);
    pairTotals.set(attributes.pair, (pairTotals.get(attributes.pair) ?? 0) + count);
  });
  if (filters.minCalls > 1) {
    for (const [edge, _count] of edgeCounts) {
      const pair = graph.getEdgeAttribute(edge, 'pair');
      if ((pairTotals.get(pair) ?? 0) < filters.minCalls) edgeCounts.delete(edge);
    }
  }

  const nodeCounts = new Map<string, number>();
  const leaderCalls = new Map<string, Set<string>>();
  for (const edge of edgeCounts.keys()) {
    const [source, target] = graph.extremities(edge);
    for (const leader of [source, target]) {
      if (!leaderCalls.has(leader)) leaderCalls.set(leader, new Set());
      const set = leaderCalls.get(leader)!;
      for (const id of graph.getEdgeAttribute(edge, 'calls')) if (calls.has(id)) set.add(id);
    }
  }
  for (const [leader, set] of leaderCalls) nodeCounts.set(leader, set.size);

  const topicCalls = new Map<string, Set<string>>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (attributes.kind === 'LEADS') {
      if (!nodeCounts.has(source)) return;
      edgeCounts.set(edge, 1);
      nodeCounts.set(target, (nodeCounts.get(target) ?? 0) + 1);
    } else if (attributes.kind === 'ABOUT') {
      if (!nodeCounts.has(source)) return;
      let count = 0;
      const set = topicCalls.get(target) ?? new Set<string>();
      for (const id of attributes.calls) {
        if (!calls.has(id)) continue;
        count += 1;
        set.add(id);
      }
      if (count === 0) return;
      edgeCounts.set(edge, count);
      topicCalls.set(target, set);
    }
  });
  for (const [topic, set] of topicCalls) nodeCounts.set(topic, set.size);

  return { calls, edgeCounts, nodeCounts, monthCounts };
}
