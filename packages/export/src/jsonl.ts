/**
 * JSON Lines of call records: one `CallRecord` per line, for `pd.read_json(path, lines=True)`,
 * DuckDB or jq. Records are yielded one at a time.
 */
import type { GraphData } from '@hotline/model';
import { callRecords } from './records.ts';

export function* generateCallLines(graph: GraphData): Generator<string> {
  for (const record of callRecords(graph)) yield `${JSON.stringify(record)}\n`;
}
