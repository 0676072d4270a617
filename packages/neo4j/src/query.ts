/**
 * Read-only user queries. Three checks in turn: the lexical guard, the server's EXPLAIN plan
 * (query type must be 'r'), and a READ-mode managed transaction with a server-side timeout.
 * Rows are streamed and cut at the row and byte limits.
 */
import { HotlineError } from '@hotline/model';
import type { GraphClient } from './client.ts';
import { assertReadOnlyCypher } from './guard.ts';
import { type PlainValue, toPlain } from './values.ts';

export interface QueryOptions {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
}

export const DEFAULT_QUERY_OPTIONS: QueryOptions = {
  timeoutMs: 30_000,
  maxRows: 1_000,
  maxBytes: 10_000_000,
};

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, PlainValue>>;
  /** True when more rows existed than the row or byte limit let through. */
  truncated: boolean;
  elapsedMs: number;
}

export async function runReadQuery(
  client: GraphClient,
  cypher: string,
  params: Record<string, unknown> = {},
  options: Partial<QueryOptions> = {},
): Promise<QueryResult> {
  const opts = { ...DEFAULT_QUERY_OPTIONS, ...options };
  assertReadOnlyCypher(cypher);
  const started = Date.now();
  const plan = await client.read(
    // cypher-audit: allow (the user's own query, already through the guard, planned but not run)
    (tx) => tx.run(`EXPLAIN ${cypher}`, params),
    { timeout: opts.timeoutMs },
  );
  const queryType = plan.summary.queryType;
  if (queryType !== 'r') {
    throw new HotlineError(
      'CYPHER_WRITE_REFUSED',
      `query refused: Neo4j classifies it as '${queryType}', not read-only`,
    );
  }
  return client.read(
    async (tx) => {
      const rows: Array<Record<string, PlainValue>> = [];
      let columns: string[] = [];
      let bytes = 0;
      let truncated = false;
      const result = tx.run(cypher, params);
      for await (const record of result) {
        if (columns.length === 0) columns = [...record.keys] as string[];
        if (rows.length >= opts.maxRows) {
          truncated = true;
          break;
        }
        const row: Record<string, PlainValue> = {};
        for (const key of record.keys) row[key as string] = toPlain(record.get(key));
        bytes += JSON.stringify(row).length;
        if (bytes > opts.maxBytes) {
          truncated = true;
          break;
        }
        rows.push(row);
      }
      if (columns.length === 0) columns = [...((await result.keys()) as string[])];
      return { columns, rows, truncated, elapsedMs: Date.now() - started };
    },
    { timeout: opts.timeoutMs },
  );
}
