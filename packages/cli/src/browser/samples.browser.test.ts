/**
 * The thin slice end to end: the bundled sample readouts ingested into the real Neo4j by the
 * `hotline ingest` path, served, and drawn by Sigma in Debian's Chromium. The README's
 * screenshot (docs/screenshot.png) is copied from this test's output.
 */
import { extractReadout, loadKnowledge, readInputs } from '@hotline/ingest';
import type { Extraction } from '@hotline/model';
import { createClient, loadExtractions, resetGraph, resolveConnectionConfig } from '@hotline/neo4j';
import { createNeo4jSource } from '@hotline/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphContext } from '../context.ts';
import { SAMPLES_DIR } from '../paths.ts';
import { launchBrowser, openExplorer, type RunningServer, screenshot, startServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const client = createClient(resolveConnectionConfig());
  await resetGraph(client);
  const knowledge = await loadKnowledge();
  const extractions: Extraction[] = [];
  for await (const item of readInputs([SAMPLES_DIR]))
    if (!('error' in item)) extractions.push(extractReadout(item, knowledge));
  await loadExtractions(client, extractions, graphContext(knowledge));
  await client.close();
  server = await startServer(createNeo4jSource(createClient(resolveConnectionConfig())));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the sample network in the explorer', () => {
  it('draws the sample leaders and their calls from Neo4j with no browser errors', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    const labels = await page.evaluate(
      () =>
        window.__hotlineGraph
          ?.nodes()
          .filter((n) => !n.hidden)
          .map((n) => n.label) ?? [],
    );
    for (const leader of [
      'Vladimir Putin',
      'Bashar al-Assad',
      'Ebrahim Raisi',
      'Mahmoud Abbas',
      'Abdel Fattah al-Sisi',
      'Emmanuel Macron',
    ]) {
      expect(labels).toContain(leader);
    }
    const putinEdges = await page.evaluate(
      () =>
        window.__hotlineGraph
          ?.edges()
          .filter((e) => !e.hidden && (e.source === 'vladimir-putin' || e.target === 'vladimir-putin'))
          .length ?? 0,
    );
    expect(putinEdges).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'samples-network');
    expect(errors).toEqual([]);
  });
});
