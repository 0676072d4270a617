/// <reference lib="dom" />
/**
 * ForceAtlas2 in a Web Worker, as the explorer runs it: iterates on the graph it is sent
 * for a fixed time budget and reports iterations per second.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from './graph.ts';

interface Request {
  graph: SerializedGraph;
  budgetMs: number;
  step: number;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { graph: data, budgetMs, step } = event.data;
  const graph = Graph.from(data as never);
  const settings = forceAtlas2.inferSettings(graph);
  // One short run first, so the timed part is not the JIT's warm-up.
  forceAtlas2.assign(graph, { iterations: 2, settings });
  let iterations = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    forceAtlas2.assign(graph, { iterations: step, settings });
    iterations += step;
  }
  const ms = performance.now() - t0;
  self.postMessage({
    iterations,
    ms,
    perSecond: (iterations / ms) * 1000,
    settings,
    nodes: graph.order,
    edges: graph.size,
  });
};
