import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractReadout, isInputFailure, loadKnowledge, readInputs } from '@hotline/ingest';
import {
  createClient,
  type GraphClient,
  loadExtractions,
  resetGraph,
  resolveConnectionConfig,
} from '@hotline/neo4j';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, writeCorpus } from './generate.ts';
import { graphContext, readExtractions, runLoadCsv, runNaive, writeCsv } from './load.ts';

// The load benchmark's ratios mean something only if every loader writes the same graph:
// hotline's load, LOAD CSV of the CSV the benchmark writes, and one transaction per record.

let client: GraphClient;
let dir: string;
let dump: string;
let context: ReturnType<typeof graphContext>;

beforeAll(async () => {
  client = createClient(resolveConnectionConfig());
  await client.verify();
  dir = mkdtempSync(join(tmpdir(), 'hotline-bench-load-'));
  writeCorpus({ n: 150, seed: 7, out: dir, shardSize: 150, world: createWorld() });
  const knowledge = await loadKnowledge();
  context = graphContext(knowledge);
  const lines: string[] = [];
  for await (const item of readInputs([join(dir, 'readouts-00000.jsonl')])) {
    if (isInputFailure(item)) throw item.error;
    lines.push(JSON.stringify(extractReadout(item, knowledge)));
  }
  dump = join(dir, 'extractions.jsonl');
  writeFileSync(dump, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function countsByKind(): Promise<Record<string, number>> {
  const nodes = await client.read((tx) => tx.run('MATCH (n) RETURN labels(n)[0] AS kind, count(*) AS n'));
  const rels = await client.read((tx) => tx.run('MATCH ()-[r]->() RETURN type(r) AS kind, count(*) AS n'));
  return Object.fromEntries(
    [...nodes.records, ...rels.records].map((r) => [r.get('kind') as string, Number(r.get('n'))]),
  );
}

describe('the load benchmark', () => {
  it('has LOAD CSV write the same nodes and relationships as hotline, and the naive load every call', async () => {
    await resetGraph(client);
    await loadExtractions(client, readExtractions([dump], 150), context, { batchSize: 50 });
    const hotline = await countsByKind();
    expect(hotline.Call).toBeGreaterThan(100);
    expect(hotline.ABOUT).toBeGreaterThan(hotline.Call!);
    expect(hotline.MENTIONS).toBeGreaterThan(0);

    await resetGraph(client);
    const csvDir = join(dir, 'csv');
    const written = await writeCsv([dump], 150, csvDir, context);
    expect(written.readouts).toBe(150);
    await runLoadCsv(client, csvDir);
    expect(await countsByKind()).toEqual(hotline);

    // The naive load goes call record by call record: readouts that report no call, and
    // what only they mention, are not in it.
    await resetGraph(client);
    await runNaive(client, [dump], 150, Number.POSITIVE_INFINITY, context);
    const naive = await countsByKind();
    for (const kind of ['Call', 'REPORTS', 'TOOK_PART', 'CALLED', 'ABOUT', 'Topic'])
      expect({ kind, n: naive[kind] }).toEqual({ kind, n: hotline[kind] });
  });
});
