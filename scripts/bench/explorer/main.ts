/// <reference lib="dom" />
/**
 * The explorer benchmark page. `?mode=render&edges=N`: fetch a graph, import it into
 * graphology, draw it with Sigma, then pan the camera for a few seconds; `?mode=fa2&edges=N`:
 * ForceAtlas2 iterations per second in a Web Worker. Results go to window.__bench, timings
 * from the browser's performance API (milliseconds since navigation start).
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { SerializedGraph } from './graph.ts';

interface BenchWindow {
  __bench?: unknown;
  __benchError?: string;
}
const w = window as unknown as BenchWindow;

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'render';
const edges = Number(params.get('edges') ?? '1000');
const panMs = Number(params.get('panMs') ?? '3000');

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, mean, p50: at(50), p95: at(95), max: sorted.at(-1) ?? 0 };
}

async function fetchGraph(): Promise<SerializedGraph> {
  const response = await fetch(`graph-${edges}.json`);
  if (!response.ok) throw new Error(`graph-${edges}.json: HTTP ${response.status}`);
  return (await response.json()) as SerializedGraph;
}

async function render() {
  const tStart = performance.now();
  const data = await fetchGraph();
  const tFetched = performance.now();
  const graph = Graph.from(data as never);
  const tBuilt = performance.now();
  const stage = document.getElementById('stage');
  if (!stage) throw new Error('no #stage');
  const renderer = new Sigma(graph, stage, { renderEdgeLabels: false });
  const tRendered = performance.now();
  await nextFrame();
  const tFirstFrame = await nextFrame();

  const renders: number[] = [];
  let before = 0;
  renderer.on('beforeRender', () => {
    before = performance.now();
  });
  renderer.on('afterRender', () => {
    renders.push(performance.now() - before);
  });
  const camera = renderer.getCamera();
  const frames: number[] = [];
  let last = await nextFrame();
  const panStart = last;
  while (last - panStart < panMs) {
    const s = camera.getState();
    camera.setState({ x: s.x + 0.003, y: s.y + 0.0015 });
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const frame = stats(frames);
  w.__bench = {
    mode,
    nodes: graph.order,
    edges: graph.size,
    scriptStartMs: tStart,
    fetchMs: tFetched - tStart,
    importMs: tBuilt - tFetched,
    sigmaFirstRenderMs: tRendered - tBuilt,
    firstFrameMs: tFirstFrame,
    firstContentfulPaintMs: fcp,
    pan: { frameMs: frame, fps: frame.mean > 0 ? 1000 / frame.mean : 0, renderMs: stats(renders) },
  };
  renderer.kill();
}

async function fa2() {
  const data = await fetchGraph();
  const worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
  const result = await new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ graph: data, budgetMs: Number(params.get('budgetMs') ?? '4000'), step: 5 });
  });
  worker.terminate();
  w.__bench = { mode, ...(result as object) };
}

(mode === 'fa2' ? fa2() : render()).catch((error: unknown) => {
  w.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
});
