/**
 * Explorer benchmark: a standalone page (scripts/bench/explorer/, built with Vite's build
 * API) drawn by sigma@3 over graphology in Debian's headless Chromium through
 * playwright-core. For graphs of 1k, 10k and 50k edges: time to the first drawn frame and
 * frame times while panning, from the browser's performance API; ForceAtlas2 iterations per
 * second in a Web Worker. Headless Chromium without a GPU draws WebGL with SwiftShader (on
 * the CPU), so frame times are an upper bound of what a laptop with a GPU shows.
 *
 * The real explorer (packages/web/dist, built here first when a fresh clone lacks it) is
 * timed too: load to the first frame of its own canvas and to the graph drawn, served by
 * `hotline serve --embedded` over the first generated readouts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { BENCH_DIR, CHROMIUM_LAUNCH, ensureDir, log, ROOT, round } from './common.ts';
import { syntheticGraph } from './explorer/graph.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A static file server on 127.0.0.1 for the built page. */
function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

export async function buildPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    root: join(BENCH_DIR, 'explorer'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
    worker: { format: 'es' },
  });
}

export interface RenderResult {
  edges: number;
  nodes: number;
  fetchMs: number;
  importMs: number;
  sigmaFirstRenderMs: number;
  firstFrameMs: number;
  firstContentfulPaintMs: number | null;
  panFrameMs: { mean: number; p50: number; p95: number; max: number; count: number };
  panFps: number;
  panRenderMs: { mean: number; p95: number };
}

export interface Fa2Result {
  edges: number;
  nodes: number;
  iterations: number;
  ms: number;
  iterationsPerSecond: number;
  barnesHut: boolean;
}

export interface ExplorerResults {
  chromium: string;
  webgl: string | null;
  render: RenderResult[];
  fa2: Fa2Result[];
  realExplorer: { status: string; firstFrameMs?: number; graphDrawnMs?: number; url?: string } | null;
}

async function runPage<T>(browser: Browser, url: string, timeoutMs: number): Promise<T> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __bench?: unknown; __benchError?: string };
        return w.__bench !== undefined || w.__benchError !== undefined;
      },
      undefined,
      { timeout: timeoutMs, polling: 200 },
    );
    const out = await page.evaluate(() => {
      const w = window as unknown as { __bench?: unknown; __benchError?: string };
      return { bench: w.__bench, error: w.__benchError };
    });
    if (out.error) throw new Error(`page ${url}: ${out.error}`);
    return out.bench as T;
  } finally {
    await page.close();
  }
}

interface PageRender {
  nodes: number;
  edges: number;
  fetchMs: number;
  importMs: number;
  sigmaFirstRenderMs: number;
  firstFrameMs: number;
  firstContentfulPaintMs: number | null;
  pan: {
    frameMs: { mean: number; p50: number; p95: number; max: number; count: number };
    fps: number;
    renderMs: { mean: number; p95: number };
  };
}

interface PageFa2 {
  iterations: number;
  ms: number;
  perSecond: number;
  settings: { barnesHutOptimize?: boolean };
  nodes: number;
  edges: number;
}

/** Runs a hotline CLI command; resolves with its stdout (for `serve`, with the first line). */
function hotline(args: string[], untilLine: RegExp | null): Promise<{ out: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts'), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NEO4J_URI: '', NEO4J_BOLT_PORT: '1' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      if (untilLine?.test(out)) resolve({ out, child });
    });
    child.stderr.on('data', (d: string) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (untilLine === null && code === 0) resolve({ out, child });
      else
        reject(new Error(`hotline ${args[0]} exited with ${code}: ${err.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

/**
 * The real explorer, when it is built: `hotline build` turns the first 1,000 generated
 * readouts into a graph file, `hotline serve --embedded` serves it with the explorer, and
 * the same browser times the page to its canvas's first frame and to the graph drawn.
 */
async function measureRealExplorer(
  browser: Browser,
  readouts: string | null,
): Promise<ExplorerResults['realExplorer']> {
  const dist = join(ROOT, 'packages/web/dist');
  if (!existsSync(join(dist, 'index.html'))) {
    log('explorer: building the real explorer (packages/web/dist is missing)');
    const built = spawnSync('pnpm', ['--filter', '@hotline/web', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(join(dist, 'index.html')))
      return { status: 'not measured (pnpm --filter @hotline/web build failed)' };
  }
  if (!readouts || !existsSync(readouts))
    return { status: 'not measured (no generated corpus to build a graph from)' };
  const graphFile = join(dirname(readouts), '..', '..', 'explorer-real-graph.json');
  let server: ChildProcess | null = null;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await hotline(['build', readouts, '--out', graphFile], null);
    const served = await hotline(
      ['serve', '--embedded', '--graph-file', graphFile, '--port', '0'],
      /hotline explorer: (http:\/\/\S+)/,
    );
    server = served.child;
    const url = /hotline explorer: (http:\/\/\S+)/.exec(served.out)?.[1] ?? '';
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForSelector('canvas', { timeout: 15_000 });
    const firstFrameMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
        ),
    );
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    const drawnMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
        ),
    );
    return {
      status: 'measured: hotline serve --embedded over a graph of the first 1,000 generated readouts',
      firstFrameMs: round(firstFrameMs, 1),
      graphDrawnMs: round(drawnMs, 1),
      url,
    };
  } catch (error) {
    return { status: `not measured: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await page.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((res) => server?.once('exit', res));
      server.kill('SIGTERM');
      await exited;
    }
  }
}

export async function runExplorerBench(
  out: string,
  sizes: number[],
  quick: boolean,
  readouts: string | null = null,
): Promise<ExplorerResults> {
  if (!existsSync(CHROMIUM_LAUNCH.executablePath)) {
    throw new Error(
      `${CHROMIUM_LAUNCH.executablePath} is missing: install Debian's chromium (bash scripts/install-chromium.sh)`,
    );
  }
  const dist = ensureDir(join(out, 'explorer-dist'));
  log('explorer: building the benchmark page with Vite');
  await buildPage(dist);
  for (const e of sizes) writeFileSync(join(dist, `graph-${e}.json`), JSON.stringify(syntheticGraph(e)));
  const { server, url } = await serveStatic(dist);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const probe = await browser.newPage();
    const webgl = await probe.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      if (!gl) return null;
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return ext
        ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL))
        : String(gl.getParameter(gl.RENDERER));
    });
    await probe.close();
    const render: RenderResult[] = [];
    const fa2: Fa2Result[] = [];
    const panMs = quick ? 1500 : 4000;
    for (const e of sizes) {
      // In full mode a first page load of each size warms the browser's caches; the second is measured.
      if (!quick)
        await runPage<PageRender>(browser, `${url}/index.html?mode=render&edges=${e}&panMs=500`, 180_000);
      const r = await runPage<PageRender>(
        browser,
        `${url}/index.html?mode=render&edges=${e}&panMs=${panMs}`,
        300_000,
      );
      render.push({
        edges: r.edges,
        nodes: r.nodes,
        fetchMs: round(r.fetchMs, 1),
        importMs: round(r.importMs, 1),
        sigmaFirstRenderMs: round(r.sigmaFirstRenderMs, 1),
        firstFrameMs: round(r.firstFrameMs, 1),
        firstContentfulPaintMs: r.firstContentfulPaintMs === null ? null : round(r.firstContentfulPaintMs, 1),
        panFrameMs: {
          mean: round(r.pan.frameMs.mean, 1),
          p50: round(r.pan.frameMs.p50, 1),
          p95: round(r.pan.frameMs.p95, 1),
          max: round(r.pan.frameMs.max, 1),
          count: r.pan.frameMs.count,
        },
        panFps: round(r.pan.fps, 1),
        panRenderMs: { mean: round(r.pan.renderMs.mean, 1), p95: round(r.pan.renderMs.p95, 1) },
      });
      log(
        `explorer: ${e} edges: first frame at ${round(r.firstFrameMs, 0)} ms, panning ${round(r.pan.fps, 1)} fps (p95 frame ${round(r.pan.frameMs.p95, 1)} ms)`,
      );
      const f = await runPage<PageFa2>(
        browser,
        `${url}/index.html?mode=fa2&edges=${e}&budgetMs=${quick ? 1500 : 4000}`,
        300_000,
      );
      fa2.push({
        edges: f.edges,
        nodes: f.nodes,
        iterations: f.iterations,
        ms: round(f.ms, 1),
        iterationsPerSecond: round(f.perSecond, 1),
        barnesHut: Boolean(f.settings.barnesHutOptimize),
      });
      log(`explorer: ${e} edges: ForceAtlas2 ${round(f.perSecond, 1)} iterations/s in a worker`);
    }
    const realExplorer = await measureRealExplorer(browser, readouts);
    return { chromium: browser.version(), webgl, render, fa2, realExplorer };
  } finally {
    await browser.close();
    await new Promise((res) => server.close(res));
  }
}
