/**
 * The Cypher console against Neo4j: the fixture is loaded into the test database, the server
 * runs over it, and a query's paths are drawn as a highlighted subgraph in the canvas.
 */
import {
  createClient,
  type GraphClient,
  loadExtractions,
  resetGraph,
  resolveConnectionConfig,
} from '@hotline/neo4j';
import { createNeo4jSource } from '@hotline/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, fixtureExtractions, PEOPLE } from './fixture.ts';
import {
  launchBrowser,
  type OpenedPage,
  openExplorer,
  type RunningServer,
  screenshot,
  startServer,
} from './harness.ts';

let client: GraphClient;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  client = createClient(resolveConnectionConfig());
  await client.verify();
  await resetGraph(client);
  await loadExtractions(client, fixtureExtractions(), FIXTURE_CONTEXT);
  server = await startServer(createNeo4jSource(client));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function typeQuery(page: Page, cypher: string, params = '{}') {
  await page.locator('[data-testid=console-editor] .cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(cypher);
  await page.getByTestId('console-params').fill(params);
  await page.keyboard.press('Control+Enter');
}

describe('the Cypher console over Neo4j', () => {
  let opened: OpenedPage;

  it('loads the console on demand as its own chunk', async () => {
    opened = await openExplorer(browser, server.url);
    const { page } = opened;
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect((await scripts()).some((name) => /\/assets\/console-.*\.js$/.test(name))).toBe(false);
    expect(await page.getByTestId('banner').isVisible()).toBe(false);
    await page.getByTestId('console-toggle').click();
    await page.locator('[data-testid=console-editor] .cm-content').waitFor();
    expect((await scripts()).some((name) => /\/assets\/console-.*\.js$/.test(name))).toBe(true);
  });

  it('runs a query, shows the rows and draws the returned paths as a subgraph', async () => {
    const { page } = opened;
    await typeQuery(
      page,
      'MATCH p = (a:Leader {id: $id})-[:CALLED]-(b:Leader)\nRETURN b.name AS counterpart, p\nORDER BY counterpart',
      `{"id": "${PEOPLE.zelensky!.id}"}`,
    );
    await expect.poll(() => page.getByTestId('console-status').getAttribute('data-state')).toBe('ok');
    const rows = await page.locator('[data-testid=console-table] tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(7);
    await expect.poll(() => page.getByTestId('console-table').textContent()).toContain('Emmanuel Macron');
    const emphasized = await page.evaluate(() => window.__hotlineGraph!.emphasized());
    expect(emphasized).toEqual(
      expect.arrayContaining([PEOPLE.zelensky!.id, PEOPLE.macron!.id, PEOPLE.guterres!.id]),
    );
    expect(emphasized).not.toContain(PEOPLE.xi!.id);
    await page.waitForTimeout(700);
    await screenshot(page, 'explorer-cypher-subgraph');
    expect(opened.errors).toEqual([]);
  });

  it('runs an example query in one click', async () => {
    const { page } = opened;
    await page.getByTestId('example-top-callers').click();
    await expect.poll(() => page.getByTestId('console-status').getAttribute('data-state')).toBe('ok');
    await expect.poll(() => page.getByTestId('console-table').textContent()).toContain('Vladimir Putin');
  });

  it('shows the server’s message when a query is refused', async () => {
    const { page } = opened;
    await typeQuery(page, "CREATE (n:Leader {id: 'x'}) RETURN n");
    await expect.poll(() => page.getByTestId('console-status').getAttribute('data-state')).toBe('error');
    await expect
      .poll(() => page.getByTestId('console-status').textContent())
      .toContain('CYPHER_WRITE_REFUSED');
    await screenshot(page, 'explorer-cypher-refused');
  });
});
