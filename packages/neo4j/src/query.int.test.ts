import { HotlineError } from '@hotline/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, call, extraction, PEOPLE } from '../test/extractions.ts';
import { HOSTILE_QUERIES } from '../test/hostile-queries.ts';
import { countGraph, resetGraph } from './admin.ts';
import { createClient, type GraphClient } from './client.ts';
import { resolveConnectionConfig } from './config.ts';
import { EXAMPLE_QUERIES } from './examples.ts';
import { loadExtractions } from './load.ts';
import { runReadQuery } from './query.ts';

let client: GraphClient;

beforeAll(async () => {
  client = createClient(resolveConnectionConfig());
  await resetGraph(client);
  const { putin, macron, raisi } = PEOPLE;
  await loadExtractions(
    client,
    [
      extraction('Putin and Macron spoke.', [
        call([putin!, macron!], '2024-05-03', { themes: ['ceasefire-peace'] }),
      ]),
      extraction('Putin and Raisi met.', [
        call([putin!, raisi!], '2023-10-16', { mode: 'meeting', themes: ['energy'] }),
      ]),
    ],
    CONTEXT,
  );
});
afterAll(async () => {
  await client?.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof HotlineError ? error.code : `not a HotlineError: ${String(error)}`;
  }
}

describe('read-only queries against Neo4j', () => {
  it(`refuses all ${HOSTILE_QUERIES.length} hostile queries and leaves the database unchanged`, async () => {
    const before = await countGraph(client);
    const codes = [];
    for (const cypher of HOSTILE_QUERIES) codes.push(await codeOf(runReadQuery(client, cypher)));
    expect(codes.every((c) => c === 'CYPHER_WRITE_REFUSED')).toBe(true);
    expect(await countGraph(client)).toEqual(before);
    const users = await client.read((tx) => tx.run('MATCH (n:Evil) RETURN count(n) AS n'));
    expect(Number(users.records[0]?.get('n'))).toBe(0);
  });

  it('passes parameters as values, never as query text', async () => {
    const result = await runReadQuery(client, 'MATCH (l:Leader) WHERE l.name = $name RETURN l.id AS id', {
      name: "Vladimir Putin' OR 1=1 //",
    });
    expect(result.rows).toEqual([]);
    const named = await runReadQuery(client, 'MATCH (l:Leader {name: $name}) RETURN l.id AS id', {
      name: 'Vladimir Putin',
    });
    expect(named.rows).toEqual([{ id: 'vladimir-putin' }]);
  });

  it('renders dates, nodes and paths as plain JSON', async () => {
    const result = await runReadQuery(
      client,
      "MATCH p = (a:Leader {id: 'vladimir-putin'})-[k:CALLED]->(b:Leader {id: 'emmanuel-macron'}) RETURN k.date AS date, a, p",
    );
    const row = result.rows[0]!;
    expect(row.date).toBe('2024-05-03');
    expect(row.a).toMatchObject({ kind: 'node', labels: ['Leader'], properties: { name: 'Vladimir Putin' } });
    expect(row.p).toMatchObject({
      kind: 'path',
      relationships: [{ type: 'CALLED', properties: { date: '2024-05-03' } }],
    });
  });

  it('cuts results at the row limit and says so', async () => {
    const result = await runReadQuery(client, 'UNWIND range(1, 50) AS x RETURN x', {}, { maxRows: 10 });
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it('cancels a query that runs too long on the server', async () => {
    const slow = 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n';
    expect(await codeOf(runReadQuery(client, slow, {}, { timeoutMs: 500 }))).toBe('QUERY_TIMEOUT');
    const running = await client.read((tx) =>
      tx.run('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery'),
    );
    const stillThere = running.records
      .map((r) => String(r.get('currentQuery')))
      .filter((q) => q.includes('200000000'));
    expect(stillThere).toEqual([]);
  });

  it('reports a syntax error with the server message', async () => {
    expect(await codeOf(runReadQuery(client, 'MATCH (n RETURN n'))).toBe('CYPHER_ERROR');
  });

  it.each(EXAMPLE_QUERIES.map((q) => [q.name, q]))('runs the example query %s', async (_name, example) => {
    const result = await runReadQuery(client, example.cypher, example.params);
    expect(result.columns.length).toBeGreaterThan(0);
  });
});
