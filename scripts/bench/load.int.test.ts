import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractReadout, isInputFailure, loadKnowledge, readInputs } from '@hotline/ingest';
import type { Extraction } from '@hotline/model';
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

    // The naive rate's second sample: the last records, naively, on top of hotline's load of
    // the others, make the same calls as hotline's load of them all.
    await resetGraph(client);
    await loadExtractions(client, readExtractions([dump], 100), context, { batchSize: 50 });
    const before = await countsByKind();
    const tail = await runNaive(client, [dump], 150, Number.POSITIVE_INFINITY, context, 100);
    const tailRecords = readFileSync(dump, 'utf8')
      .trim()
      .split('\n')
      .slice(100)
      .flatMap((line) => (JSON.parse(line) as Extraction).calls)
      .filter((call) => new Set(call.participants.map((p) => p.id)).size >= 2).length;
    expect(tailRecords).toBeGreaterThan(0);
    expect(tail.calls).toBe(tailRecords);
    const after = await countsByKind();
    expect(after.Call).toBeGreaterThan(before.Call!);
    for (const kind of ['Call', 'REPORTS', 'TOOK_PART', 'CALLED'])
      expect({ kind, n: after[kind] }).toEqual({ kind, n: hotline[kind] });
  });
});
