/**
 * The graph schema, set up by the loader itself before every load. Every statement is
 * idempotent (IF NOT EXISTS), so running it again changes nothing.
 */
import type { GraphClient } from './client.ts';

export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT leader_id IF NOT EXISTS FOR (n:Leader) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT state_code IF NOT EXISTS FOR (n:State) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT organization_code IF NOT EXISTS FOR (n:Organization) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT call_id IF NOT EXISTS FOR (n:Call) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT readout_id IF NOT EXISTS FOR (n:Readout) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX call_date IF NOT EXISTS FOR (n:Call) ON (n.date)',
  'CREATE INDEX call_key IF NOT EXISTS FOR (n:Call) ON (n.key, n.mode)',
  'CREATE INDEX call_key_date IF NOT EXISTS FOR (n:Call) ON (n.key, n.mode, n.date)',
  'CREATE INDEX readout_source IF NOT EXISTS FOR (n:Readout) ON (n.sourceKey)',
  'CREATE INDEX called_date IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.date)',
  'CREATE INDEX called_call IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.call)',
];

export async function ensureSchema(client: GraphClient): Promise<void> {
  // Schema changes cannot share a transaction with data writes; one each.
  for (const statement of SCHEMA_STATEMENTS) {
    await client.write((tx) => tx.run(statement));
  }
  await client.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
}
