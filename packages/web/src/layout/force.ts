/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker, a blob worker that the
 * CSP's `worker-src blob:` allows), run for a time budget with progress, then noverlap to
 * pull overlapping nodes apart. Positions are copied into the cache when the layout stops.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import type { DisplayGraph } from '../graph/build.ts';

export interface ForceLayoutOptions {
  /** How long one run lasts, in ms, before it stops by itself: base + perNode × order, capped. */
  baseMs: number;
  perNodeMs: number;
  maxMs: number;
}

export const DEFAULT_FA2_OPTIONS: ForceLayoutOptions = { baseMs: 1500, perNodeMs: 10, maxMs: 8000 };

export interface ForceLayout {
  start(): void;
  stop(): void;
  isRunning(): boolean;
  kill(): void;
}

export function createForceLayout(
  graph: DisplayGraph,
  hooks: { onProgress(fraction: number, running: boolean): void; onStop(): void },
  options: ForceLayoutOptions = DEFAULT_FA2_OPTIONS,
): ForceLayout {
  let supervisor: FA2LayoutSupervisor | null = null;
  let timer: number | null = null;
  let started = 0;

  const ensure = () => {
    if (supervisor) return supervisor;
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      adjustSizes: false,
      barnesHutOptimize: graph.order > 300,
    };
    supervisor = new FA2LayoutSupervisor(graph, {
      settings,
      getEdgeWeight: (_edge, attributes) =>
        attributes.kind === 'CALLED' ? (attributes.calls as string[]).length : 0.2,
    });
    return supervisor;
  };

  const finish = () => {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    if (supervisor?.isRunning()) supervisor.stop();
    noverlap.assign(graph, { maxIterations: 60, settings: { ratio: 1.2, margin: 2 } });
    hooks.onProgress(1, false);
    hooks.onStop();
  };

  return {
    start() {
      if (graph.order === 0) return;
      ensure().start();
      started = performance.now();
      const durationMs = Math.min(options.maxMs, options.baseMs + options.perNodeMs * graph.order);
      hooks.onProgress(0, true);
      if (timer !== null) window.clearInterval(timer);
      timer = window.setInterval(() => {
        const fraction = (performance.now() - started) / durationMs;
        if (fraction >= 1) finish();
        else hooks.onProgress(fraction, true);
      }, 100);
    },
    stop() {
      if (supervisor?.isRunning() || timer !== null) finish();
    },
    isRunning: () => timer !== null,
    kill() {
      if (timer !== null) window.clearInterval(timer);
      timer = null;
      supervisor?.kill();
      supervisor = null;
    },
  };
}
