/**
 * The readout this project started from (d000 in the shared corpus: a Moscow dateline with no
 * year, "On Monday", four calls) through the real extractor and loader. Skipped where the
 * shared corpus is not beside the repository; the corpus is read, never copied.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractReadout, loadKnowledge, readInputs } from '@hotline/ingest';
import type { Extraction } from '@hotline/model';
import {
  createClient,
  loadExtractions,
  resetGraph,
  resolveConnectionConfig,
  runReadQuery,
} from '@hotline/neo4j';
import { describe, expect, it } from 'vitest';
import { graphContext } from './context.ts';
import { REPO_ROOT } from './paths.ts';

const SEED = resolve(REPO_ROOT, '../shared/corpus/d000.txt');

describe.skipIf(!existsSync(SEED))('the seed readout d000', () => {
  it('gives Putin four dated CALLED edges on 2023-10-16', async () => {
    const client = createClient(resolveConnectionConfig());
    try {
      await resetGraph(client);
      const knowledge = await loadKnowledge();
      const extractions: Extraction[] = [];
      for await (const item of readInputs([SEED]))
        if (!('error' in item)) extractions.push(extractReadout(item, knowledge));
      await loadExtractions(client, extractions, graphContext(knowledge));
      const { rows } = await runReadQuery(
        client,
        `MATCH (:Leader {id: 'vladimir-putin'})-[k:CALLED]-(o:Leader)
         RETURN o.state AS state, k.date AS date, k.mode AS mode ORDER BY state`,
      );
      expect(rows).toEqual(
        ['EGY', 'IRN', 'PSE', 'SYR'].map((state) => ({ state, date: '2023-10-16', mode: 'phone' })),
      );
    } finally {
      await client.close();
    }
  });
});
