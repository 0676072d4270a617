/**
 * Helpers for the explorer's browser tests: a real server in-process (embedded over a graph
 * file, or over Neo4j), Debian's Chromium through playwright-core, and 1366×768 screenshots
 * into test-output/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFileSource, createServer, type GraphSource } from '@hotline/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { REPO_ROOT, WEB_DIST } from '../paths.ts';
import { fixtureGraph } from './fixture.ts';

export const SCREENSHOTS = resolve(REPO_ROOT, 'test-output');
/** How every browser test and benchmark launches Debian's Chromium: scripts/chromium.json. */
const LAUNCH = JSON.parse(readFileSync(resolve(REPO_ROOT, 'scripts/chromium.json'), 'utf8')) as {
  executablePath: string;
  args: string[];
};
export const CHROMIUM = process.env.CHROMIUM_PATH ?? LAUNCH.executablePath;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Builds the explorer when `packages/web/dist` is missing (CI builds it before the tests). */
export function ensureWebBuild(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync('pnpm', ['--filter', '@hotline/web', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export async function startServer(source: GraphSource): Promise<RunningServer> {
  ensureWebBuild();
  const app = await createServer({ source, webRoot: WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await app.close();
      await source.close();
    },
  };
}

/** Writes the fixture graph to a temporary file and serves it in embedded mode. */
export async function startEmbeddedServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-browser-'));
  const file = join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(fixtureGraph()));
  return startServer(await createFileSource(file));
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH.args });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** Opens the explorer at 1366×768 and waits until the first frame is drawn and the layout settled. */
export async function openExplorer(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.graphReady === 'true', null, { timeout: 30_000 });
  await page.waitForFunction(() => document.body.dataset.layoutRunning === 'false', null, {
    timeout: 30_000,
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Viewport coordinates of a node, from the explorer's test hook. */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((node) => window.__hotlineGraph?.viewport(node) ?? null, id);
  if (!point) throw new Error(`nodePosition: node ${id} is not drawn`);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  return { x: (box?.x ?? 0) + point.x, y: (box?.y ?? 0) + point.y };
}

declare global {
  interface Window {
    __hotlineGraph?: {
      nodes(): Array<{ id: string; label: string; kind: string; hidden: boolean }>;
      edges(): Array<{
        id: string;
        source: string;
        target: string;
        kind: string;
        calls: number;
        hidden: boolean;
      }>;
      viewport(id: string): { x: number; y: number } | null;
      emphasized(): string[];
    };
    __pwned?: number;
  }
}
