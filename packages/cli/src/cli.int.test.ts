/**
 * The `hotline` command as a user runs it, against the test Neo4j: ingest is idempotent,
 * queries are read-only, errors are one clear line with a non-zero exit status.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  countGraph,
  createClient,
  type GraphClient,
  resetGraph,
  resolveConnectionConfig,
} from '@hotline/neo4j';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = resolve(ROOT, 'packages/cli/src/main.ts');

function hotline(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let client: GraphClient;

beforeAll(async () => {
  client = createClient(resolveConnectionConfig());
  await resetGraph(client);
});
afterAll(async () => {
  await client?.close();
});

describe('hotline ingest', () => {
  it('loads the bundled samples, and loading them again changes no count', async () => {
    const first = hotline(['ingest', 'data/samples', '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout.trim().split('\n').at(-1)!);
    expect(summary.readouts.new).toBeGreaterThanOrEqual(8);
    const counts = await countGraph(client);
    expect(counts.nodes).toBeGreaterThan(20);

    const second = hotline(['ingest', 'data/samples', '--json']);
    expect(second.status).toBe(0);
    const again = JSON.parse(second.stdout.trim().split('\n').at(-1)!);
    expect(again.readouts.new).toBe(0);
    expect(again.readouts.updated).toBe(0);
    expect(await countGraph(client)).toEqual(counts);
  });

  it('exits 1 with one clear line when Neo4j is down', () => {
    const result = hotline(['ingest', 'data/samples'], { NEO4J_BOLT_PORT: '1', NEO4J_URI: '' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^hotline: Neo4j is not reachable at bolt:\/\/127\.0\.0\.1:1/);
  });

  it('reports a bad file in one line and still loads the rest', () => {
    const result = hotline(['ingest', 'data/samples/kremlin-2023-10-16.txt', 'no/such/file.txt', '--json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no/such/file.txt');
    expect(result.stderr).not.toContain('    at ');
    expect(JSON.parse(result.stdout.trim()).documents).toBe(1);
  });
});

describe('hotline query', () => {
  it("answers Putin's counterparts on 2023-10-16 as CSV", () => {
    const result = hotline([
      'query',
      'MATCH (:Leader {id: $id})-[k:CALLED]-(o:Leader) WHERE k.date = date($day) RETURN o.name AS name ORDER BY name',
      '--param',
      'id=vladimir-putin',
      '--param',
      'day=2023-10-16',
      '--format',
      'csv',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'name',
      'Abdel Fattah al-Sisi',
      'Bashar al-Assad',
      'Ebrahim Raisi',
      'Mahmoud Abbas',
    ]);
  });

  it('refuses a write with exit status 1 and a clear message', async () => {
    const before = await countGraph(client);
    const result = hotline(['query', 'MATCH (n) DETACH DELETE n']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^hotline: query refused: 'DETACH' is not allowed/);
    expect(await countGraph(client)).toEqual(before);
  });

  it('runs a named example', () => {
    const result = hotline(['query', '--example', 'top-callers', '--format', 'json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout).rows as Array<{ leader: string; calls: number }>;
    expect(rows[0]).toEqual(expect.objectContaining({ leader: 'Vladimir Putin' }));
  });
});

describe('hotline reset', () => {
  it('refuses without --yes', () => {
    const result = hotline(['reset']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--yes');
  });
});

describe('hotline ingest interrupted by Ctrl-C', () => {
  it('stops after the batch in flight and leaves no half-written readout', async () => {
    await resetGraph(client);
    const dir = mkdtempSync(join(tmpdir(), 'hotline-sigint-'));
    const pairs = [
      ['President Vladimir Putin', 'President Emmanuel Macron'],
      ['Chancellor Olaf Scholz', 'President Joe Biden'],
      ['Prime Minister Narendra Modi', 'President Xi Jinping'],
    ];
    const total = 1_500;
    for (let i = 0; i < total; i++) {
      const [a, b] = pairs[i % pairs.length]!;
      const day = 1 + (i % 28);
      writeFileSync(
        join(dir, `r${i}.txt`),
        `${a} held a telephone conversation with ${b} on ${day} March 2023. Case ${i}: they discussed energy.\n`,
      );
    }
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'ingest', dir, '--batch-size', '50'], {
      cwd: ROOT,
      env: process.env,
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Interrupt once the first batches are in.
    for (let tries = 0; tries < 600; tries++) {
      const stored = await client.read((tx) => tx.run('MATCH (r:Readout) RETURN count(r) AS n'));
      if (Number(stored.records[0]?.get('n')) >= 100) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(1);
    expect(stdout).toContain('stopped early by Ctrl-C');
    const check = await client.read((tx) =>
      tx.run(`MATCH (r:Readout) OPTIONAL MATCH (r)-[rep:REPORTS]->(c:Call)
              WITH r, count(rep) AS reports
              RETURN count(r) AS readouts, sum(CASE WHEN reports = 1 THEN 1 ELSE 0 END) AS complete`),
    );
    const readouts = Number(check.records[0]?.get('readouts'));
    expect(readouts).toBeGreaterThanOrEqual(100);
    expect(readouts).toBeLessThan(total);
    expect(readouts % 50).toBe(0);
    // It says how many it stored, not how many it had read (it reads one batch ahead).
    expect(stdout).toContain(`with ${readouts} of them stored`);
    expect(Number(check.records[0]?.get('complete'))).toBe(readouts);
  }, 300_000);
});
