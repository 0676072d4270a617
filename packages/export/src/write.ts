/**
 * One entry point per output shape: a string (`createExport`), a sequence of chunks
 * (`generateExport`), a writable stream (`writeExport`) or a path (`writeExportFile`).
 * JSON Lines, PLOVER, Cypher and GraphML are produced element by element; GEXF and JSON are
 * built in memory by graphology and written as one chunk. CSV is several files, so it goes to
 * a directory (`writeCsvExport`) or a file map (`createCsvExport`).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GraphData } from '@hotline/model';
import { HotlineError } from '@hotline/model';
import { createCsvExport } from './csv.ts';
import { generateCypherScript } from './cypher.ts';
import { createGexf } from './gexf.ts';
import { generateGraphml } from './graphml.ts';
import { createGraphologyJson } from './graphology.ts';
import { indexGraph } from './internal/graph.ts';
import { generateCallLines } from './jsonl.ts';
import { resolveExportFormat, resolveExportOptions } from './options.ts';
import { generatePloverLines } from './plover.ts';
import type { CsvExport, ExportFormat, ExportOptions } from './types.ts';

export interface ExportFormatInfo {
  /** File extension for `--out`; empty for CSV, which writes a directory. */
  extension: string;
  /** Content-Type for HTTP responses. */
  mediaType: string;
  /** Written element by element rather than built in memory first. */
  incremental: boolean;
  /** Several files: only `createCsvExport` / `writeCsvExport` / `writeExportFile` to a directory. */
  multiFile: boolean;
}

export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = Object.freeze({
  gexf: { extension: '.gexf', mediaType: 'application/gexf+xml', incremental: false, multiFile: false },
  graphml: {
    extension: '.graphml',
    mediaType: 'application/graphml+xml',
    incremental: true,
    multiFile: false,
  },
  json: { extension: '.json', mediaType: 'application/json', incremental: false, multiFile: false },
  csv: { extension: '', mediaType: 'text/csv', incremental: false, multiFile: true },
  cypher: {
    extension: '.cypher',
    mediaType: 'application/x-cypher-query',
    incremental: true,
    multiFile: false,
  },
  jsonl: { extension: '.jsonl', mediaType: 'application/x-ndjson', incremental: true, multiFile: false },
  plover: { extension: '.jsonl', mediaType: 'application/x-ndjson', incremental: true, multiFile: false },
});

/** Chunks are gathered up to this size before each write. */
const WRITE_BUFFER_SIZE = 64 * 1024;

/**
 * The export as a sequence of string chunks. The format, the options and the graph are
 * checked here, before any chunk exists, so a failed export writes nothing.
 */
export function generateExport(
  format: ExportFormat,
  graph: GraphData,
  options: Partial<ExportOptions> = {},
): Iterable<string> {
  const checked = resolveExportFormat(format, 'generateExport');
  const resolved = resolveExportOptions(options);
  indexGraph(graph, 'export');
  switch (checked) {
    case 'gexf':
      return [createGexf(graph, resolved)];
    case 'graphml':
      return generateGraphml(graph, resolved);
    case 'json':
      return [
        `${JSON.stringify(createGraphologyJson(graph, resolved), null, resolved.pretty ? 2 : undefined)}\n`,
      ];
    case 'cypher':
      return generateCypherScript(graph, resolved);
    case 'jsonl':
      return generateCallLines(graph);
    case 'plover':
      return generatePloverLines(graph, resolved);
    case 'csv':
      throw new HotlineError(
        'INVALID_ARGUMENT',
        'export: format "csv" writes one file per label and type; use createCsvExport() or writeCsvExport(dir)',
      );
  }
}

/**
 * The export as one string (every format but CSV).
 *
 * @example
 * const gexf = createExport('gexf', selectSubgraph(graph, { leaders: ['Vladimir Putin'] }));
 */
export function createExport(
  format: ExportFormat,
  graph: GraphData,
  options: Partial<ExportOptions> = {},
): string {
  return [...generateExport(format, graph, options)].join('');
}

/**
 * Streams the export into `out` (an HTTP response, stdout…), waiting on `drain` when the
 * stream is full. `out` is left open: the caller ends it.
 *
 * @example
 * await writeExport('jsonl', graph, process.stdout);
 */
export async function writeExport(
  format: ExportFormat,
  graph: GraphData,
  out: NodeJS.WritableStream,
  options: Partial<ExportOptions> = {},
): Promise<void> {
  for (const chunk of batched(generateExport(format, graph, options))) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
}

/**
 * Writes the export to `path`: a file, or for CSV a directory (created if missing). Returns
 * the paths written.
 *
 * @example
 * await writeExportFile('gexf', subgraph, 'putin.gexf');
 * await writeExportFile('csv', subgraph, 'putin-csv'); // nodes-*.csv, relationships-*.csv, README.txt
 */
export async function writeExportFile(
  format: ExportFormat,
  graph: GraphData,
  path: string,
  options: Partial<ExportOptions> = {},
): Promise<string[]> {
  if (resolveExportFormat(format, 'writeExportFile') === 'csv') {
    return (await writeCsvExport(graph, path, options)).paths;
  }
  // Pull the first chunk before opening the file, so bad input leaves no empty file behind.
  const iterator = generateExport(format, graph, options)[Symbol.iterator]();
  const first = iterator.next();
  function* chunks(): Generator<string> {
    if (first.done) return;
    yield first.value;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
  }
  await pipeline(Readable.from(batched(chunks())), createWriteStream(path));
  return [path];
}

/** Joins small chunks into writes of about WRITE_BUFFER_SIZE characters. */
function* batched(chunks: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= WRITE_BUFFER_SIZE) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}

/** Writes the CSV files and README.txt into `directory`; returns the export and the paths. */
export async function writeCsvExport(
  graph: GraphData,
  directory: string,
  options: Partial<ExportOptions> = {},
): Promise<CsvExport & { paths: string[] }> {
  const csv = createCsvExport(graph, options);
  await mkdir(directory, { recursive: true });
  const paths: string[] = [];
  for (const [name, content] of Object.entries(csv.files)) {
    const path = join(directory, name);
    await writeFile(path, content, 'utf8');
    paths.push(path);
  }
  return { ...csv, paths };
}
