/** A canonical dump of the whole graph: every node and relationship with all its properties. */
import type { GraphClient } from '../src/client.ts';
import { toPlain } from '../src/values.ts';

const DUMP = `
CALL () {
  MATCH (n) RETURN collect([labels(n)[0], coalesce(n.id, n.code), properties(n)]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  RETURN collect([type(r), coalesce(a.id, a.code), coalesce(b.id, b.code), properties(r)]) AS rels
}
RETURN nodes, rels`;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** Sorted lines, one per node and relationship, so two graphs compare with toEqual. */
export async function dumpGraph(client: GraphClient): Promise<string[]> {
  const result = await client.read((tx) => tx.run(DUMP));
  const record = result.records[0]!;
  const lines = [
    ...(toPlain(record.get('nodes')) as unknown[]),
    ...(toPlain(record.get('rels')) as unknown[]),
  ].map((item) => JSON.stringify(canonical(item)));
  return lines.sort();
}
