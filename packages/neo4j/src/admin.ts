/** Counting and removing hotline's data; labels come from the fixed vocabulary in model. */

import { RELATIONSHIP_TYPES } from '@hotline/model';
import neo4j from 'neo4j-driver';
import type { GraphClient } from './client.ts';
import { COUNT_GRAPH, RESET_BATCH, RESET_RELATIONSHIPS_BATCH } from './cypher.ts';

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

export async function countGraph(client: GraphClient): Promise<GraphCounts> {
  const result = await client.read((tx) => tx.run(COUNT_GRAPH, { types: [...RELATIONSHIP_TYPES] }));
  const record = result.records[0];
  return {
    nodes: Number(record?.get('nodes') ?? 0),
    relationships: Number(record?.get('relationships') ?? 0),
  };
}

/**
 * Deletes every hotline node with its relationships, in batches so transaction memory stays
 * bounded: relationships first (so no single DETACH DELETE carries a dense node's thousands),
 * then the nodes. Returns the number of nodes deleted.
 */
export async function resetGraph(client: GraphClient, batch = 10_000): Promise<number> {
  await deleteInBatches(client, RESET_RELATIONSHIPS_BATCH, batch);
  return deleteInBatches(client, RESET_BATCH, batch);
}

async function deleteInBatches(client: GraphClient, statement: string, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await client.write((tx) => tx.run(statement, { limit: neo4jInt(batch) }));
    const deleted = Number(result.records[0]?.get('deleted') ?? 0);
    total += deleted;
    if (deleted < batch) return total;
  }
}

function neo4jInt(value: number) {
  return neo4j.int(value);
}
