/**
 * Exports that another Neo4j must read back: the Cypher script recreates the same subgraph
 * in an empty database; a --query selection that tries to write is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCypherStatements, selectSubgraph, writeCsvExport } from '@hotline/export';
import { extractReadout, loadKnowledge, readInputs } from '@hotline/ingest';
import type { Extraction, GraphData } from '@hotline/model';
import {
  createClient,
  fetchGraph,
  type GraphClient,
  loadExtractions,
  resetGraph,
  resolveConnectionConfig,
} from '@hotline/neo4j';
import { createNeo4jSource, selectedGraph } from '@hotline/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphContext } from './context.ts';
import { NEO4J_SCRIPT, SAMPLES_DIR } from './paths.ts';

let client: GraphClient;
let loaded: GraphData;

function shape(graph: GraphData) {
  return {
    nodes: graph.nodes.map((n) => `${n.label}:${n.id}`).sort(),
    edges: graph.edges.map((e) => `${e.type}:${e.source}>${e.target}:${e.properties.call ?? ''}`).sort(),
    calledDates: graph.edges
      .filter((e) => e.type === 'CALLED')
      .map((e) => `${e.id}@${e.properties.date}`)
      .sort(),
  };
}

beforeAll(async () => {
  client = createClient(resolveConnectionConfig());
  await resetGraph(client);
  const knowledge = await loadKnowledge();
  const extractions: Extraction[] = [];
  for await (const item of readInputs([SAMPLES_DIR]))
    if (!('error' in item)) extractions.push(extractReadout(item, knowledge));
  await loadExtractions(client, extractions, graphContext(knowledge));
  loaded = await fetchGraph(client, { skipReadouts: false });
});
afterAll(async () => {
  await client?.close();
});

describe('exports read back by Neo4j', () => {
  it('recreates the same subgraph in an empty database from the Cypher export', async () => {
    const subgraph = selectSubgraph(loaded, { leaders: ['vladimir-putin'], hops: 1 });
    expect(subgraph.nodes.some((n) => n.id === 'vladimir-putin')).toBe(true);
    await resetGraph(client);
    for (const { statement, parameters } of createCypherStatements(subgraph)) {
      if (/^\s*CREATE CONSTRAINT/i.test(statement)) continue;
      await client.write((tx) => tx.run(statement, parameters));
    }
    const recreated = await fetchGraph(client, { skipReadouts: false });
    expect(shape(recreated)).toEqual(shape(subgraph));
  });

  it.skipIf(Boolean(process.env.NEO4J_URI))(
    'recreates the same graph from the CSV export through neo4j-admin import',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hotline-csv-'));
      await writeCsvExport(loaded, join(dir, 'export'));
      // A throwaway server of its own: neo4j-admin imports offline, so the shared one stays up.
      const env = {
        ...process.env,
        NEO4J_HOME_DIR: join(dir, 'home'),
        NEO4J_BOLT_PORT: String(Number(process.env.NEO4J_BOLT_PORT ?? 7687) + 10),
        NEO4J_PASSWORD: 'csv-import-check',
      };
      execFileSync('bash', [NEO4J_SCRIPT, 'import', join(dir, 'export')], { env, stdio: 'ignore' });
      execFileSync('bash', [NEO4J_SCRIPT, 'start'], { env, stdio: 'ignore' });
      const other = createClient(resolveConnectionConfig(env));
      try {
        const imported = await fetchGraph(other, { skipReadouts: false });
        expect(shape(imported)).toEqual(shape(loaded));
        const dates = await other.read((tx) =>
          tx.run('MATCH ()-[k:CALLED]->() RETURN DISTINCT valueType(k.date) AS t'),
        );
        expect(dates.records.map((r) => r.get('t'))).toEqual(['DATE NOT NULL']);
      } finally {
        await other.close();
        execFileSync('bash', [NEO4J_SCRIPT, 'stop'], { env, stdio: 'ignore' });
      }
    },
    300_000,
  );

  it('refuses a --query selection that tries to write', async () => {
    const source = createNeo4jSource(createClient(resolveConnectionConfig()));
    try {
      await expect(
        selectedGraph(source, { format: 'json', query: 'MATCH (n) SET n.x = 1 RETURN n' }),
      ).rejects.toMatchObject({
        code: 'CYPHER_WRITE_REFUSED',
      });
    } finally {
      await source.close();
    }
  });
});
