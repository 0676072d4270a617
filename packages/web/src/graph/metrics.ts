/**
 * Analysis on the filtered leader graph: degree, weighted degree (calls), betweenness and
 * Louvain communities. Computed on an undirected copy of what is visible, one edge per pair.
 */

import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { FilteredView } from '../reducers/view.ts';
import type { DisplayGraph } from './build.ts';

export interface Metrics {
  degree: Map<string, number>;
  weighted: Map<string, number>;
  betweenness: Map<string, number>;
  community: Map<string, number>;
  communityCount: number;
  max: { degree: number; weighted: number; betweenness: number };
}

export type MetricName = 'degree' | 'weighted' | 'betweenness';

export function computeMetrics(graph: DisplayGraph, view: FilteredView): Metrics {
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (attributes.kind !== 'CALLED') return;
    const count = view.edgeCounts.get(edge);
    if (!count) return;
    simple.mergeNode(source);
    simple.mergeNode(target);
    simple.updateUndirectedEdge(source, target, (attr) => ({ weight: (attr.weight ?? 0) + count }));
  });
  const degree = new Map<string, number>();
  const weighted = new Map<string, number>();
  simple.forEachNode((node) => {
    degree.set(node, simple.degree(node));
    let sum = 0;
    simple.forEachEdge(node, (_edge, attr) => {
      sum += attr.weight;
    });
    weighted.set(node, sum);
  });
  const betweenness = new Map<string, number>();
  const community = new Map<string, number>();
  let communityCount = 0;
  if (simple.order > 0) {
    const scores = betweennessCentrality(simple, { normalized: true });
    for (const [node, value] of Object.entries(scores)) betweenness.set(node, value);
    if (simple.size > 0) {
      let seed = 42;
      const rng = () => {
        seed = (seed * 1664525 + 1013904223) % 4294967296;
        return seed / 4294967296;
      };
      const detailed = louvain.detailed(simple, { getEdgeWeight: 'weight', rng });
      communityCount = detailed.count;
      for (const [node, value] of Object.entries(detailed.communities)) community.set(node, value);
    }
  }
  const max = (map: Map<string, number>) => Math.max(0, ...map.values());
  return {
    degree,
    weighted,
    betweenness,
    community,
    communityCount,
    max: { degree: max(degree), weighted: max(weighted), betweenness: max(betweenness) },
  };
}

export function metricRatio(metrics: Metrics, name: MetricName, node: string): number {
  const top = metrics.max[name];
  return top > 0 ? (metrics[name].get(node) ?? 0) / top : 0;
}
