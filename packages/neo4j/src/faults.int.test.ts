/**
 * Fault tests on the real server: kill Neo4j in the middle of a large load, restart it, load
 * again, and compare with a clean load of the same readouts. Skipped against a remote server
 * (NEO4J_URI), which this test must not kill.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { type Extraction, HotlineError, type Participant } from '@hotline/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, call, extraction } from '../test/extractions.ts';
import { resetGraph } from './admin.ts';
import { createClient, type GraphClient } from './client.ts';
import { resolveConnectionConfig } from './config.ts';
import { loadExtractions } from './load.ts';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/neo4j/neo4j.sh');
const remote = Boolean(process.env.NEO4J_URI);

function neo4j(command: 'start' | 'stop' | 'kill'): void {
  if (command === 'kill') {
    const pidFile = resolve(
      process.env.NEO4J_HOME_DIR ?? resolve(import.meta.dirname, '../../../.neo4j/home-5.26'),
      'neo4j.pid',
    );
    execFileSync('bash', ['-c', `kill -KILL "$(cat '${pidFile}')"; sleep 1`]);
    return;
  }
  execFileSync('bash', [SCRIPT, command], { stdio: 'ignore' });
}

/** A seeded, synthetic corpus: many readouts over 40 leaders and two years. */
function corpus(size: number): Extraction[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const people: Participant[] = Array.from({ length: 40 }, (_, i) => ({
    id: `leader-${i}`,
    name: `Leader ${i}`,
    state: `S${String(i).padStart(2, '0')}`,
    role: 'President',
    leader: true,
    verified: true,
  }));
  const themes = ['energy', 'trade-investment', 'armed-conflict', 'humanitarian'];
  return Array.from({ length: size }, (_, i) => {
    const a = people[Math.floor(random() * people.length)]!;
    let b = people[Math.floor(random() * people.length)]!;
    if (b.id === a.id) b = people[(people.indexOf(a) + 1) % people.length]!;
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 730) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return extraction(`Readout ${i}: ${a.name} spoke with ${b.name} on ${day}.`, [
      call([a, b], day, { themes: [themes[i % themes.length]!] }),
    ]);
  });
}

/** Everything that defines the graph's content, in a canonical order. */
async function snapshot(client: GraphClient): Promise<string> {
  const result = await client.read((tx) =>
    tx.run(`
      CALL () { MATCH (c:Call) RETURN collect(c.id + '|' + toString(c.date) + '|' + reduce(s = '', d IN c.dates | s + toString(d) + ',') + '|' + reduce(s = '', t IN c.themes | s + t + ',')) AS calls }
      CALL () { MATCH (a)-[k:CALLED]->(b) RETURN collect(a.id + '>' + b.id + '|' + k.call + '|' + toString(k.date)) AS called }
      CALL () { MATCH (r:Readout)-[rep:REPORTS]->(c) RETURN collect(r.id + '>' + c.id) AS reports }
      CALL () { MATCH (n) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
      RETURN calls, called, reports, nodes, rels`),
  );
  const record = result.records[0]!;
  return JSON.stringify({
    calls: (record.get('calls') as string[]).sort(),
    called: (record.get('called') as string[]).sort(),
    reports: (record.get('reports') as string[]).sort(),
    nodes: Number(record.get('nodes')),
    rels: Number(record.get('rels')),
  });
}

describe.skipIf(remote)('a load interrupted by Neo4j dying', () => {
  let client: GraphClient;
  beforeAll(async () => {
    client = createClient(resolveConnectionConfig());
    await client.verify();
  });
  afterAll(async () => {
    await client?.close();
  });

  it('ends, after a restart and a second load, in the same graph as a clean load', async () => {
    const readouts = corpus(1_200);
    await resetGraph(client);
    let killed = false;
    let failure: unknown = null;
    try {
      await loadExtractions(client, readouts, CONTEXT, {
        batchSize: 100,
        onProgress: ({ done }) => {
          if (!killed && done >= 400) {
            killed = true;
            neo4j('kill');
          }
        },
      });
    } catch (error) {
      failure = error;
    }
    expect(killed).toBe(true);
    expect(failure).toBeInstanceOf(HotlineError);
    expect((failure as HotlineError).code).toBe('NEO4J_UNAVAILABLE');

    neo4j('start');
    await client.close();
    client = createClient(resolveConnectionConfig());
    const resumed = await loadExtractions(client, readouts, CONTEXT, { batchSize: 500 });
    expect(resumed.readouts.unchanged).toBeGreaterThanOrEqual(400);
    const afterFault = await snapshot(client);

    await resetGraph(client);
    await loadExtractions(client, readouts, CONTEXT, { batchSize: 500 });
    const clean = await snapshot(client);
    expect(afterFault).toEqual(clean);
    expect(JSON.parse(clean).reports).toHaveLength(1_200);
  }, 300_000);
});
