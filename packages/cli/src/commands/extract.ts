/**
 * `hotline extract [--format jsonl|json|table] PATH...`: reads readouts (files, folders,
 * '-' for stdin) and prints what was extracted from each. A document that cannot be read is
 * reported on stderr as one line (`hotline: <file>: <reason>`) and the batch goes on; the
 * exit status is 1 when any input failed.
 */

import {
  DEFAULT_MAX_BYTES,
  extractReadout,
  type Knowledge,
  loadKnowledge,
  readInputs,
} from '@hotline/ingest';
import { type Extraction, HotlineError } from '@hotline/model';
import { Command, Option } from 'commander';

export const EXTRACT_FORMATS = ['jsonl', 'json', 'table'] as const;
type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

interface ExtractCommandOptions {
  format: ExtractFormat;
  dataDir?: string;
  overlay?: string;
  maxSize: string;
  verbose?: boolean;
}

/** The record printed for one document (the full text stays in-process). */
export function toOutputRecord(x: Extraction) {
  return {
    source: x.source,
    readout: {
      title: x.readout.title,
      url: x.readout.url,
      publisher: x.readout.publisher,
      published: x.readout.published,
    },
    calls: x.calls,
    mentions: x.mentions,
    warnings: x.warnings,
  };
}

function tableRows(x: Extraction): string[] {
  if (x.calls.length === 0) return [`${x.source}\t-\t-\t(no calls)\t-\t-`];
  return x.calls.map((c) =>
    [
      x.source,
      c.date ?? 'undated',
      c.mode,
      c.participants
        .map(
          (p) =>
            `${p.name} (${p.state ?? '?'}${p.leader ? '' : ', not leader'}${p.verified ? '' : ', unverified'})`,
        )
        .join(' + '),
      c.initiator ?? '-',
      c.themes.join(',') || '-',
    ].join('\t'),
  );
}

function parseMaxSize(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `extract: --max-size must be a positive number of megabytes, got "${value}"`,
    );
  }
  return Math.round(mb * 1024 * 1024);
}

async function runExtract(paths: string[], opts: ExtractCommandOptions): Promise<void> {
  const maxBytes = parseMaxSize(opts.maxSize);
  const knowledge: Knowledge = await loadKnowledge({ dataDir: opts.dataDir, overlayPath: opts.overlay });
  let failed = 0;
  const out = process.stdout;
  const all: ReturnType<typeof toOutputRecord>[] = [];
  if (opts.format === 'table') out.write('source\tdate\tmode\tparticipants\tinitiator\tthemes\n');
  for await (const item of readInputs(paths, { maxBytes })) {
    if ('error' in item) {
      failed++;
      process.stderr.write(`hotline: ${item.source}: ${item.error.message}\n`);
      continue;
    }
    let x: Extraction;
    try {
      x = extractReadout(item, knowledge);
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`hotline: ${item.source}: extraction failed (${reason})\n`);
      if (opts.verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      continue;
    }
    if (opts.format === 'jsonl') out.write(`${JSON.stringify(toOutputRecord(x))}\n`);
    else if (opts.format === 'json') all.push(toOutputRecord(x));
    else out.write(`${tableRows(x).join('\n')}\n`);
  }
  if (opts.format === 'json') out.write(`${JSON.stringify(all, null, 2)}\n`);
  if (failed > 0) process.exitCode = 1;
}

export function extractCommand(): Command {
  return new Command('extract')
    .description(
      'extract leaders, states, topics and dated calls from readouts (files, folders, - for stdin)',
    )
    .argument('<paths...>', 'readout files (.txt .md .html .json .jsonl), folders, or - for standard input')
    .addOption(
      new Option('--format <format>', 'output format').choices([...EXTRACT_FORMATS]).default('jsonl'),
    )
    .option('--data-dir <dir>', 'data folder with themes.json and gazetteer/ (default: the repository data/)')
    .option('--overlay <file>', 'user gazetteer overlay (default: $HOTLINE_GAZETTEER_OVERLAY)')
    .option('--max-size <mb>', 'largest accepted document in megabytes', String(DEFAULT_MAX_BYTES / 1048576))
    .option('--verbose', 'print stack traces of unexpected errors')
    .action(async (paths: string[], opts: ExtractCommandOptions) => {
      await runExtract(paths, opts);
    });
}
