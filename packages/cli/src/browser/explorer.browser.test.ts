/**
 * The explorer in Chromium against a real server in embedded mode (the fixture graph written
 * to a file): first load, the time filter, search and the side panels, exports, shared links
 * and the embedded-mode banner. Screenshots at 1366×768 go to test-output/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLS, HOSTILE_MARKUP, PEOPLE } from './fixture.ts';
import {
  launchBrowser,
  nodePosition,
  type OpenedPage,
  openExplorer,
  type RunningServer,
  screenshot,
  startEmbeddedServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;
const pages: OpenedPage[] = [];

beforeAll(async () => {
  server = await startEmbeddedServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = ''): Promise<Page> {
  const opened = await openExplorer(browser, `${server.url}${hash}`);
  pages.push(opened);
  return opened.page;
}

function errorsOf(page: Page): string[] {
  return pages.find((p) => p.page === page)?.errors ?? [];
}

const graphNodes = (page: Page) => page.evaluate(() => window.__hotlineGraph!.nodes());
const graphEdges = (page: Page) => page.evaluate(() => window.__hotlineGraph!.edges());

describe('the explorer in embedded mode', () => {
  it('draws every leader who took part in a call on first load, without console errors', async () => {
    const page = await open();
    const canvases = await page.locator('[data-testid=graph-canvas] canvas').count();
    expect(canvases).toBeGreaterThan(2);
    const leaders = (await graphNodes(page)).filter((n) => n.kind === 'Leader');
    expect(leaders.map((n) => n.label).sort()).toEqual(
      Object.values(PEOPLE)
        .map((p) => p.name)
        .sort(),
    );
    expect(leaders.every((n) => !n.hidden)).toBe(true);
    await expect.poll(() => page.getByTestId('summary').textContent()).toContain(`${CALLS.length} calls`);
    await screenshot(page, 'explorer-first-load');
    expect(errorsOf(page)).toEqual([]);
  });

  it('hides the calls outside the chosen months', async () => {
    const page = await open();
    // Months run Jan 2023 (0) … Jul 2024 (18): keep Jan–Jun 2023.
    await page.getByTestId('range-to').fill('5');
    await expect.poll(() => page.getByTestId('range-label').textContent()).toBe('Jan 2023 – Jun 2023');
    const inside = CALLS.filter(([, , , date]) => date <= '2023-06-30');
    await expect.poll(() => page.getByTestId('summary').textContent()).toContain(`${inside.length} calls`);
    const edges = await graphEdges(page);
    const edge = (a: string, b: string) => edges.find((e) => e.id === `${PEOPLE[a]!.id}->${PEOPLE[b]!.id}`)!;
    expect(edge('macron', 'zelensky')).toMatchObject({ hidden: false, calls: 1 });
    expect(edge('erdogan', 'sisi').hidden).toBe(true);
    expect(edge('biden', 'xi').hidden).toBe(true);
    const nodes = await graphNodes(page);
    expect(nodes.find((n) => n.id === PEOPLE.albanese!.id)?.hidden).toBe(false);
    await expect.poll(() => page.url()).toContain('to=2023-06-30');
    await screenshot(page, 'explorer-date-filter');
    expect(errorsOf(page)).toEqual([]);
  });

  it('finds a leader by fuzzy search, opens the side panel, then the calls of one pair with their evidence', async () => {
    const page = await open();
    await page.getByTestId('search').click();
    await page.keyboard.type('zlnsky');
    await expect
      .poll(() => page.getByTestId('search-result').first().textContent())
      .toContain('Volodymyr Zelensky');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Volodymyr Zelensky');
    await expect.poll(() => page.getByTestId('counterparts').locator('li').count()).toBe(7);
    const emphasized = await page.evaluate(() => window.__hotlineGraph!.emphasized());
    expect(emphasized).toContain(PEOPLE.macron!.id);
    expect(emphasized).not.toContain(PEOPLE.xi!.id);

    await page.getByTestId('counterparts').getByText('Emmanuel Macron').click();
    await expect
      .poll(() => page.getByTestId('details-title').textContent())
      .toBe('Volodymyr Zelensky ↔ Emmanuel Macron');
    await expect.poll(() => page.getByTestId('call').count()).toBe(3);
    await expect
      .poll(() => page.getByTestId('evidence').first().textContent())
      .toContain('held a telephone conversation with');
    // The readout with markup is printed as text and never runs.
    await expect.poll(() => page.getByTestId('details').textContent()).toContain(HOSTILE_MARKUP);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    const links = await page
      .locator('[data-testid=readout] a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link.rel).toBe('noopener noreferrer');
    }
    await screenshot(page, 'explorer-search-details');
    expect(errorsOf(page)).toEqual([]);
  });

  it('narrows an open leader panel to the time window and says how many calls it leaves out', async () => {
    const page = await open('#leader=volodymyr-zelensky');
    const zelensky = CALLS.filter(([, a, b]) => a === 'zelensky' || b === 'zelensky');
    const counterparts = (calls: typeof CALLS) =>
      new Set(calls.map(([, a, b]) => (a === 'zelensky' ? b : a))).size;
    await expect.poll(() => page.getByTestId('call').count()).toBe(zelensky.length);
    expect(await page.getByTestId('details-window').count()).toBe(0);

    // Jan–Jun 2023, as in the date filter test above.
    await page.getByTestId('range-to').fill('5');
    const inside = zelensky.filter(([, , , date]) => date <= '2023-06-30');
    expect(inside.length).toBeLessThan(zelensky.length);
    await expect.poll(() => page.getByTestId('call').count()).toBe(inside.length);
    await expect
      .poll(() => page.getByTestId('details-window').textContent())
      .toContain(`${inside.length} of ${zelensky.length} calls`);
    await expect
      .poll(() => page.getByTestId('counterparts').locator('li').count())
      .toBe(counterparts(inside));
    expect(await page.getByTestId('details-title').textContent()).toBe('Volodymyr Zelensky');
    await screenshot(page, 'explorer-details-window');
    expect(errorsOf(page)).toEqual([]);
  });

  it('highlights a hovered leader and its counterparts and opens a leader on click', async () => {
    const page = await open();
    const point = await nodePosition(page, PEOPLE.sisi!.id);
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(() => page.evaluate(() => window.__hotlineGraph!.emphasized()))
      .toEqual(expect.arrayContaining([PEOPLE.sisi!.id, PEOPLE.guterres!.id, PEOPLE.mbs!.id]));
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Abdel Fattah al-Sisi');
    await screenshot(page, 'explorer-hover-click');
  });

  it('exports the filtered graph as GEXF and the view as PNG', async () => {
    const page = await open('#theme=humanitarian');
    await page.getByTestId('export-toggle').click();
    const [gexf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-gexf').click(),
    ]);
    expect(gexf.suggestedFilename()).toMatch(/\.gexf$/);
    const text = readFileSync((await gexf.path())!, 'utf8');
    expect(text).toContain('<gexf');
    expect(text).toContain('Joe Biden');

    await page.getByTestId('export-toggle').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('hotline-graph.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    await screenshot(page, 'explorer-export');
    expect(errorsOf(page)).toEqual([]);
  });

  it('reopens a shared link with its filters, selection and layout', async () => {
    const page = await open(
      '#from=2023-10-01&to=2023-10-31&leader=abdel-fattah-al-sisi&layout=geo&color=community',
    );
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe('Abdel Fattah al-Sisi');
    await expect.poll(() => page.getByTestId('layout-geo').getAttribute('class')).toMatch(/active/);
    await expect.poll(() => page.getByTestId('range-label').textContent()).toBe('Oct 2023 – Oct 2023');
    await expect.poll(() => page.getByTestId('color-by').inputValue()).toBe('community');
    const visible = (await graphNodes(page)).filter((n) => !n.hidden).map((n) => n.id);
    expect(visible.sort()).toEqual(
      [
        'abdel-fattah-al-sisi',
        'emmanuel-macron',
        'joe-biden',
        'vladimir-putin',
        'antonio-guterres',
        'mohammed-bin-salman',
      ].sort(),
    );
    await screenshot(page, 'explorer-shared-link');
    expect(errorsOf(page)).toEqual([]);
  });

  it('shows the embedded-mode banner, and the console relays the server’s hint on connecting Neo4j', async () => {
    const page = await open();
    await page.getByTestId('banner').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('banner').textContent()).toContain('Embedded mode');
    await page.getByTestId('console-toggle').click();
    await expect.poll(() => page.getByTestId('console-status').textContent()).toContain('embedded mode');
    await page.getByTestId('console-run').click();
    await expect.poll(() => page.getByTestId('console-status').textContent()).toContain('pnpm neo4j start');
    await expect.poll(() => page.getByTestId('console-status').textContent()).toContain('NEO4J_UNAVAILABLE');
    await screenshot(page, 'explorer-embedded-console');
    // The only console error is the browser's own line for the refused query (HTTP 503).
    expect(errorsOf(page).filter((e) => !e.includes('503'))).toEqual([]);
  });
});
