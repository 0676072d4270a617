/** `hotline query`: read-only Cypher from the command line, as a table, JSON or CSV. */
import { HotlineError } from '@hotline/model';
import {
  DEFAULT_QUERY_OPTIONS,
  EXAMPLE_QUERIES,
  findExample,
  formatPlain,
  runReadQuery,
} from '@hotline/neo4j';
import { Command } from 'commander';
import { connectNeo4j } from '../context.ts';
import { csvCell, formatTable } from '../output.ts';

/** `name=value`: JSON when it parses (numbers, booleans, lists), else the plain string. */
export function parseParam(text: string, into: Record<string, unknown>): Record<string, unknown> {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new HotlineError('INVALID_ARGUMENT', `--param takes name=value, got ${JSON.stringify(text)}`);
  const name = text.slice(0, eq).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `--param name ${JSON.stringify(name)} is not a valid Cypher parameter name`,
    );
  }
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { ...into, [name]: value };
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new HotlineError('INVALID_ARGUMENT', `${flag} must be a positive whole number, got ${value}`);
  return n;
}

export function queryCommand(): Command {
  return new Command('query')
    .description('run a read-only Cypher query (writes and schema changes are refused)')
    .argument('[cypher]', 'the query; omit with --example')
    .option('--param <name=value>', 'a query parameter (repeatable; JSON values allowed)', parseParam, {})
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--timeout <ms>', 'server-side time limit', String(DEFAULT_QUERY_OPTIONS.timeoutMs))
    .option('--limit <rows>', 'row limit', String(DEFAULT_QUERY_OPTIONS.maxRows))
    .option('--example <name>', 'run a named example query')
    .option('--list-examples', 'list the example queries')
    .action(
      async (
        cypherArg: string | undefined,
        options: {
          param: Record<string, unknown>;
          format: string;
          timeout: string;
          limit: string;
          example?: string;
          listExamples?: boolean;
        },
      ) => {
        if (options.listExamples) {
          for (const q of EXAMPLE_QUERIES) {
            const params = Object.entries(q.params)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ');
            process.stdout.write(`${q.name.padEnd(24)} ${q.description}  [${params}]\n`);
          }
          return;
        }
        if (!['table', 'json', 'csv'].includes(options.format)) {
          throw new HotlineError(
            'INVALID_ARGUMENT',
            `--format must be table, json or csv, got ${options.format}`,
          );
        }
        let cypher = cypherArg;
        let params = options.param;
        if (options.example) {
          const example = findExample(options.example);
          if (!example) {
            throw new HotlineError(
              'NOT_FOUND',
              `no example query ${JSON.stringify(options.example)}; see --list-examples`,
            );
          }
          cypher = example.cypher;
          params = { ...example.params, ...options.param };
        }
        if (!cypher) throw new HotlineError('INVALID_ARGUMENT', 'give a Cypher query or --example NAME');
        const client = await connectNeo4j();
        try {
          const result = await runReadQuery(client, cypher, params, {
            timeoutMs: positiveInt('--timeout', options.timeout),
            maxRows: positiveInt('--limit', options.limit),
          });
          if (options.format === 'json') {
            process.stdout.write(
              `${JSON.stringify({ columns: result.columns, rows: result.rows, truncated: result.truncated }, null, 2)}\n`,
            );
          } else {
            const cells = result.rows.map((row) => result.columns.map((c) => formatPlain(row[c] ?? null)));
            if (options.format === 'csv') {
              process.stdout.write(
                `${[result.columns, ...cells].map((r) => r.map(csvCell).join(',')).join('\n')}\n`,
              );
            } else {
              process.stdout.write(`${formatTable(result.columns, cells)}\n`);
              process.stdout.write(
                `${result.rows.length} row${result.rows.length === 1 ? '' : 's'} in ${result.elapsedMs} ms\n`,
              );
            }
          }
          if (result.truncated)
            process.stderr.write(
              `hotline: output cut at ${result.rows.length} rows; raise --limit for more\n`,
            );
        } finally {
          await client.close();
        }
      },
    );
}
