/**
 * Extraction benchmark: throughput (MB/s, readouts/s) of hotline's extractor on one core
 * and across cores (worker_threads), peak RSS, and beside it, on the same texts and in the
 * same run, two baselines that do less work: wink-nlp (readDoc + entities, English lite
 * web model) and compromise (people + places). The one-core hotline run also scores the
 * extractions against the corpus gold (call F1) and, for the largest corpus, writes them to
 * a JSON Lines file the load benchmark reads.
 *
 * Every measurement runs in a child process of its own, so its peak RSS is its own.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Corpus, ensureDir, growthExponent, log, percentile, prefix, ROOT, round } from './common.ts';
import {
  type Engine,
  emptyScore,
  type FromWorker,
  mergeScore,
  type ScoreTally,
  type ShardResult,
  type Tally,
  type ToWorker,
  type WorkerSetup,
} from './extract-worker.ts';

export interface RunSpec {
  engine: Engine;
  workers: number;
  shards: string[];
  goldShards: string[] | null;
  /** Folder for extractions-wN.jsonl, or null. */
  dumpDir: string | null;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface ScoreSummary {
  documents: number;
  calls: Prf;
  participantsOnly: Prf;
  themes: Prf;
  mentionedStates: Prf;
  dateAccuracy: number;
  initiatorAccuracy: number;
  negatives: { documents: number; falseCalls: number };
  byStyle: Record<string, Prf>;
}

export interface ExtractRun {
  engine: Engine;
  workers: number;
  n: number;
  readouts: number;
  failures: number;
  bytes: number;
  /** Calls found (hotline) or entities found (baselines). */
  found: number;
  initMs: number;
  wallMs: number;
  /** Wall time less scoring and dumping. */
  netMs: number;
  mbPerSec: number;
  readoutsPerSec: number;
  peakRssMB: number;
  score: ScoreSummary | null;
  dumps: string[];
  /** An unscored run of the same engine at the largest size, one of a paired round (see runExtractBench). */
  repeat?: boolean;
  /** Which paired round a repeat run belongs to (0-based). */
  round?: number;
}

function prf(t: Tally): Prf {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision, 4), recall: round(recall, 4), f1: round(f1, 4), ...t };
}

function summarize(s: ScoreTally): ScoreSummary {
  return {
    documents: s.documents,
    calls: prf(s.calls),
    participantsOnly: prf(s.participantsOnly),
    themes: prf(s.themes),
    mentionedStates: prf(s.mentionedStates),
    dateAccuracy: round(s.dates.total === 0 ? 1 : s.dates.correct / s.dates.total, 4),
    initiatorAccuracy: round(s.initiators.total === 0 ? 1 : s.initiators.correct / s.initiators.total, 4),
    negatives: s.negatives,
    byStyle: Object.fromEntries(Object.entries(s.byStyle).map(([k, v]) => [k, prf(v)])),
  };
}

/** Runs one measurement in this process (the child side). */
async function measure(spec: RunSpec): Promise<Omit<ExtractRun, 'n' | 'peakRssMB'>> {
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  const entry = new URL('./extract-worker.ts', import.meta.url).href;
  const dumps: string[] = [];
  const workers: Worker[] = [];
  const ready: Array<Promise<number>> = [];
  const exited: Array<Promise<unknown>> = [];
  for (let i = 0; i < spec.workers; i++) {
    const dump = spec.dumpDir ? join(spec.dumpDir, `extractions-w${i}.jsonl`) : null;
    if (dump) dumps.push(dump);
    const setup: WorkerSetup = { engine: spec.engine, score: spec.goldShards !== null, dump };
    const w = new Worker(boot, { workerData: { ...setup, entry } });
    workers.push(w);
    exited.push(new Promise((res) => w.once('exit', res)));
    ready.push(
      new Promise((res, rej) => {
        w.once('message', (m: FromWorker) =>
          m.type === 'ready' ? res(m.initMs) : rej(new Error(JSON.stringify(m))),
        );
        w.once('error', rej);
      }),
    );
  }
  const initMs = Math.max(...(await Promise.all(ready)));
  const total = { readouts: 0, failures: 0, bytes: 0, found: 0, extraMs: 0 };
  const score = emptyScore();
  let scored = false;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((res, rej) => {
          const give = () => {
            const i = next++;
            const path = spec.shards[i];
            if (path === undefined) {
              w.postMessage({ type: 'stop' } satisfies ToWorker);
              res();
              return;
            }
            w.postMessage({ type: 'shard', path, gold: spec.goldShards?.[i] ?? null } satisfies ToWorker);
          };
          w.on('message', (m: FromWorker) => {
            if (m.type === 'error') {
              rej(new Error(m.message));
              return;
            }
            if (m.type !== 'result') return;
            const r = m as ShardResult;
            total.readouts += r.readouts;
            total.failures += r.failures;
            total.bytes += r.bytes;
            total.found += r.calls;
            total.extraMs += r.extraMs;
            if (r.score) {
              mergeScore(score, r.score);
              scored = true;
            }
            give();
          });
          w.on('error', rej);
          give();
        }),
    ),
  );
  const wallMs = performance.now() - t0;
  await Promise.all(exited);
  // With one worker the extra work is serial; with several it overlaps, so subtract its share.
  const netMs = Math.max(1, wallMs - total.extraMs / spec.workers);
  return {
    engine: spec.engine,
    workers: spec.workers,
    readouts: total.readouts,
    failures: total.failures,
    bytes: total.bytes,
    found: total.found,
    initMs: round(initMs, 1),
    wallMs: round(wallMs, 1),
    netMs: round(netMs, 1),
    mbPerSec: round(total.bytes / 1e6 / (netMs / 1000), 4),
    readoutsPerSec: round(total.readouts / (netMs / 1000), 1),
    score: scored ? summarize(score) : null,
    dumps,
  };
}

/** Runs one measurement in a fresh child process (peak RSS of its own). */
export function runInChild(spec: RunSpec, n: number): Promise<ExtractRun> {
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/bench/extract.ts'), '--child'],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
    });
    child.on('error', rej);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        rej(new Error(`extraction run ${spec.engine}×${spec.workers} exited with ${code}`));
        return;
      }
      try {
        res({ ...(JSON.parse(last) as ExtractRun), n });
      } catch (error) {
        rej(new Error(`extraction run printed no result: ${(error as Error).message}`));
      }
    });
    child.stdin.end(JSON.stringify(spec));
  });
}

export interface ExtractResults {
  sizes: number[];
  runs: ExtractRun[];
  /** hotline one core / wink-nlp one core, on the largest corpus: the median of the paired rounds. */
  vsWink: number;
  /** The ratio of each paired round, in order. */
  vsWinkRounds: number[];
  /** hotline one core / compromise one core, on the largest corpus. */
  vsCompromise: number;
  /** hotline on all cores / hotline on one core. */
  parallelSpeedup: number;
  cores: number;
  score: ScoreSummary | null;
  /** Exponent b of time ∝ N^b for hotline on one core (1 = linear). */
  growthExponent: number;
  /** Extractions of the largest corpus, in corpus order. */
  dumps: string[];
  dumpReadouts: number;
}

/**
 * Runs the growth series. `everySize`: baselines and the all-core run at every size (full
 * mode); otherwise only at the largest (quick mode), hotline's one-core run at every size.
 */
export async function runExtractBench(
  corpus: Corpus,
  sizes: number[],
  out: string,
  cores: number,
  everySize = true,
): Promise<ExtractResults> {
  const runs: ExtractRun[] = [];
  const max = Math.max(...sizes);
  const dumpDir = ensureDir(join(out, 'extractions', `n${max}`));
  let dumps: string[] = [];
  for (const n of sizes) {
    const c = prefix(corpus, n);
    const specs: RunSpec[] = [
      {
        engine: 'hotline',
        workers: 1,
        shards: c.shards,
        goldShards: c.goldShards,
        dumpDir: n === max ? dumpDir : null,
      },
    ];
    if (everySize || n === max) {
      specs.push(
        { engine: 'wink', workers: 1, shards: c.shards, goldShards: null, dumpDir: null },
        { engine: 'compromise', workers: 1, shards: c.shards, goldShards: null, dumpDir: null },
        { engine: 'hotline', workers: cores, shards: c.shards, goldShards: null, dumpDir: null },
      );
    }
    for (const spec of specs) {
      log(
        `extract: ${spec.engine} on ${spec.workers} core(s), ${n} readouts${spec.goldShards ? ' (scored)' : ''}`,
      );
      const run = await runInChild(spec, n);
      log(
        `extract: ${spec.engine}×${spec.workers} ${run.readoutsPerSec} readouts/s, ${run.mbPerSec} MB/s, peak RSS ${run.peakRssMB} MB` +
          (run.score ? `, call F1 ${run.score.calls.f1}` : ''),
      );
      if (run.dumps.length > 0) dumps = run.dumps;
      runs.push(run);
    }
  }
  // The headline ratio compared runs minutes apart, and this machine's speed drifts by more
  // than the difference measured (±20% between runs). So hotline and wink-nlp run again in
  // paired rounds, back to back, the order alternating to cancel a steady trend; the ratio is
  // the median of the rounds' ratios, each taken between runs seconds apart.
  const c = prefix(corpus, max);
  const rounds = 3;
  for (let pair = 0; pair < rounds; pair++) {
    const order = pair % 2 === 0 ? (['wink', 'hotline'] as const) : (['hotline', 'wink'] as const);
    for (const engine of order) {
      log(`extract: ${engine} on 1 core(s), ${max} readouts (round ${pair + 1} of ${rounds})`);
      const run = await runInChild(
        { engine, workers: 1, shards: c.shards, goldShards: null, dumpDir: null },
        max,
      );
      log(`extract: ${engine}×1 ${run.readoutsPerSec} readouts/s (round ${pair + 1})`);
      runs.push({ ...run, repeat: true, round: pair });
    }
  }
  const at = (engine: Engine, workers: number, n = max) =>
    runs.find((r) => r.engine === engine && r.workers === workers && r.n === n && !r.repeat);
  const ratio = (a?: ExtractRun, b?: ExtractRun) => (a && b ? round(a.mbPerSec / b.mbPerSec, 3) : Number.NaN);
  const inRound = (engine: Engine, pair: number) =>
    runs.find((r) => r.engine === engine && r.repeat && r.round === pair);
  const vsWinkRounds = Array.from({ length: rounds }, (_, pair) =>
    ratio(inRound('hotline', pair), inRound('wink', pair)),
  );
  const hot1 = at('hotline', 1);
  const hotN = at('hotline', cores);
  const comp = at('compromise', 1);
  return {
    sizes,
    runs,
    vsWink: percentile(
      [...vsWinkRounds].sort((a, b) => a - b),
      50,
    ),
    vsWinkRounds,
    vsCompromise: ratio(hot1, comp),
    parallelSpeedup: ratio(hotN, hot1),
    cores,
    score: hot1?.score ?? null,
    growthExponent: round(
      growthExponent(
        runs.filter((r) => r.engine === 'hotline' && r.workers === 1 && !r.repeat).map((r) => [r.n, r.netMs]),
      ),
      3,
    ),
    dumps,
    dumpReadouts: hot1?.readouts ?? 0,
  };
}

async function child(): Promise<void> {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  const spec = JSON.parse(input) as RunSpec;
  const result = await measure(spec);
  const peakRssMB = round(process.resourceUsage().maxRSS / 1024, 1);
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMB })}\n`);
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href &&
  process.argv.includes('--child')
) {
  child().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
