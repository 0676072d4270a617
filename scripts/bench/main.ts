/**
 * `pnpm bench [--quick] [--only extract|load|explorer] [--out bench-results/] [--seed 42]`
 *
 * Runs the benchmarks (generator → extraction → loading into Neo4j → explorer), writes the
 * raw JSON to bench-results/results-{quick,full}.json and docs/benchmarks.md, and prints as
 * its last line one JSON object with the headline figures (extract_vs_baseline,
 * load_vs_loadcsv, load_vs_naive, …). Progress goes to stderr.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  CORPUS_VERSION,
  describeMachine,
  ensureCorpus,
  ensureDir,
  log,
  parseFlags,
  prefix,
  readJsonIfExists,
  round,
  sizesFor,
  writeJson,
} from './common.ts';
import { runExplorerBench } from './explorer.ts';
import { runExtractBench, runInChild } from './extract.ts';
import { runLoadBench } from './load.ts';
import { type BenchResults, summarize, writeReport } from './report.ts';

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const mode = flags.quick ? 'quick' : 'full';
  const out = ensureDir(flags.out);
  const resultsFile = join(out, `results-${mode}.json`);
  const sizes = sizesFor(flags.quick);
  const max = Math.max(...sizes);
  const runs = (part: 'extract' | 'load' | 'explorer') => flags.only === null || flags.only === part;

  // A partial run (--only) updates its part of the last results of the same mode.
  const previous = flags.only ? readJsonIfExists<BenchResults>(resultsFile) : null;
  const results: BenchResults = {
    mode,
    seed: flags.seed,
    machine: describeMachine(),
    loadAverage: { start: loadavg().map((x) => round(x, 2)), end: null },
    corpus: previous?.corpus ?? null,
    extract: previous?.extract ?? null,
    load: previous?.load ?? null,
    explorer: previous?.explorer ?? null,
    durationsSec: previous?.durationsSec ?? {},
    startedAt: { ...previous?.startedAt },
  };
  const started = (part: 'extract' | 'load' | 'explorer') => {
    results.startedAt = { ...results.startedAt, [part]: new Date().toISOString() };
  };
  const cores = cpus().length;
  log(`${mode} run: sizes ${sizes.join(', ')} readouts; ${cores} cores; results in ${out}`);

  if (runs('extract') || runs('load')) {
    const corpus = ensureCorpus(out, max, flags.seed);
    results.corpus = { readouts: corpus.n, calls: corpus.calls, bytes: corpus.bytes, dir: corpus.dir };

    if (runs('extract')) {
      started('extract');
      const t0 = performance.now();
      results.extract = await runExtractBench(corpus, sizes, out, cores, !flags.quick);
      results.durationsSec.extract = round((performance.now() - t0) / 1000, 1);
      writeJson(resultsFile, results);
    }

    if (runs('load')) {
      started('load');
      const t0 = performance.now();
      let dumps = results.extract?.dumps ?? [];
      const dumpDir = ensureDir(join(out, 'extractions', `n${max}`));
      const kept = join(dumpDir, 'extractions-w0.jsonl');
      if (dumps.length === 0 && existsSync(kept) && lineCount(kept) === max) dumps = [kept];
      if (dumps.length === 0 || !dumps.every((f) => existsSync(f))) {
        log(`load: extracting ${max} readouts for the load (one core)`);
        const run = await runInChild(
          { engine: 'hotline', workers: 1, shards: prefix(corpus, max).shards, goldShards: null, dumpDir },
          max,
        );
        dumps = run.dumps;
      }
      results.load = await runLoadBench({
        dumps,
        readouts: max,
        sizes,
        batchSizes: [25, 50, 100, 200, 500, 1000],
        batchReadouts: flags.quick ? 2_000 : 5_000,
        naiveCalls: flags.quick ? 300 : 2_000,
        // A fresh JVM spends its first ~40 s of loading compiling (C2 on the other core):
        // 20,000 readouts, so that even the growth series' small loads run compiled code.
        warmReadouts: flags.quick ? 1_000 : 20_000,
        out,
      });
      results.durationsSec.load = round((performance.now() - t0) / 1000, 1);
      writeJson(resultsFile, results);
    }
  }

  if (runs('explorer')) {
    started('explorer');
    const t0 = performance.now();
    const cached = join(out, 'corpus', `seed${flags.seed}-n${max}-v${CORPUS_VERSION}`);
    const corpusDir = results.corpus?.dir ?? (existsSync(cached) ? cached : null);
    const firstShard = corpusDir ? join(corpusDir, 'readouts-00000.jsonl') : null;
    results.explorer = await runExplorerBench(out, [1000, 10_000, 50_000], flags.quick, firstShard);
    results.durationsSec.explorer = round((performance.now() - t0) / 1000, 1);
  }

  results.loadAverage.end = loadavg().map((x) => round(x, 2));
  if (results.load) results.machine.neo4j = results.load.neo4j;
  writeJson(resultsFile, results);
  writeJson(join(out, `results-${mode}-${results.machine.date.replace(/[:.]/g, '-')}.json`), results);
  const report = writeReport(out);
  log(`wrote ${resultsFile} and ${report}`);
  process.stdout.write(`${JSON.stringify(summarize(results))}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
