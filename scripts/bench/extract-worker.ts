/**
 * A worker thread of the extraction benchmark. It readies one engine (hotline's extractor
 * with its knowledge, wink-nlp with its English model, or compromise), then takes corpus
 * shards one at a time from the parent, reads each with `readInputs` (one shard in memory
 * at a time) and reports what it did. Scoring against gold and dumping the extractions
 * (for the load benchmark) are timed apart, so the parent can leave them out.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  type EvalReport,
  evaluate,
  extractReadout,
  type GoldDocument,
  type Knowledge,
  loadKnowledge,
  readInputs,
} from '@hotline/ingest';
import type { Extraction } from '@hotline/model';

export type Engine = 'hotline' | 'wink' | 'compromise';

export interface WorkerSetup {
  engine: Engine;
  score: boolean;
  /** File to append the extractions to (JSON Lines), or null. */
  dump: string | null;
}

export type ToWorker = { type: 'shard'; path: string; gold: string | null } | { type: 'stop' };

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface ScoreTally {
  calls: Tally;
  participantsOnly: Tally;
  themes: Tally;
  mentionedStates: Tally;
  dates: { correct: number; total: number };
  initiators: { correct: number; total: number };
  negatives: { documents: number; falseCalls: number };
  byStyle: Record<string, Tally>;
  documents: number;
}

export interface ShardResult {
  type: 'result';
  readouts: number;
  failures: number;
  bytes: number;
  calls: number;
  /** Time spent scoring and dumping, to subtract from the wall time. */
  extraMs: number;
  score: ScoreTally | null;
}

export type FromWorker = { type: 'ready'; initMs: number } | ShardResult | { type: 'error'; message: string };

export function emptyScore(): ScoreTally {
  const t = () => ({ tp: 0, fp: 0, fn: 0 });
  return {
    calls: t(),
    participantsOnly: t(),
    themes: t(),
    mentionedStates: t(),
    dates: { correct: 0, total: 0 },
    initiators: { correct: 0, total: 0 },
    negatives: { documents: 0, falseCalls: 0 },
    byStyle: {},
    documents: 0,
  };
}

function addTally(into: Tally, from: { tp: number; fp: number; fn: number }): void {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

export function mergeScore(into: ScoreTally, from: ScoreTally): void {
  addTally(into.calls, from.calls);
  addTally(into.participantsOnly, from.participantsOnly);
  addTally(into.themes, from.themes);
  addTally(into.mentionedStates, from.mentionedStates);
  into.dates.correct += from.dates.correct;
  into.dates.total += from.dates.total;
  into.initiators.correct += from.initiators.correct;
  into.initiators.total += from.initiators.total;
  into.negatives.documents += from.negatives.documents;
  into.negatives.falseCalls += from.negatives.falseCalls;
  into.documents += from.documents;
  for (const [style, t] of Object.entries(from.byStyle)) {
    into.byStyle[style] ??= { tp: 0, fp: 0, fn: 0 };
    addTally(into.byStyle[style], t);
  }
}

function scoreOf(report: EvalReport): ScoreTally {
  const s = emptyScore();
  addTally(s.calls, report.calls);
  addTally(s.participantsOnly, report.participantsOnly);
  addTally(s.themes, report.themes);
  addTally(s.mentionedStates, report.mentionedStates);
  s.dates = { correct: report.dateAccuracy.correct, total: report.dateAccuracy.total };
  s.initiators = { correct: report.initiatorAccuracy.correct, total: report.initiatorAccuracy.total };
  s.negatives = { ...report.negatives };
  s.documents = report.documents;
  return s;
}

type Runner = (
  text: string,
  item: Parameters<typeof extractReadout>[0],
) => { calls: number; extraction?: Extraction };

async function makeRunner(engine: Engine): Promise<{ run: Runner; knowledge: Knowledge | null }> {
  if (engine === 'hotline') {
    const knowledge = await loadKnowledge();
    return {
      knowledge,
      run: (_text, item) => {
        const extraction = extractReadout(item, knowledge);
        return { calls: extraction.calls.length, extraction };
      },
    };
  }
  if (engine === 'wink') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    return {
      knowledge: null,
      run: (text) => ({ calls: nlp.readDoc(text).entities().out(its.detail).length }),
    };
  }
  const { default: nlp } = await import('compromise');
  return {
    knowledge: null,
    run: (text) => {
      const doc = nlp(text);
      return { calls: doc.people().out('array').length + doc.places().out('array').length };
    },
  };
}

function readGoldShard(path: string): Array<GoldDocument & { style?: string }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldDocument & { style?: string });
}

function recordId(source: string): string {
  const at = source.lastIndexOf('#');
  return at >= 0 ? source.slice(at + 1) : source;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('extract-worker.ts runs as a worker thread');
  const setup = workerData as WorkerSetup;
  const t0 = performance.now();
  const { run, knowledge } = await makeRunner(setup.engine);
  const dumpFd = setup.dump ? openSync(setup.dump, 'w') : -1;
  port.postMessage({ type: 'ready', initMs: performance.now() - t0 } satisfies FromWorker);

  port.on('message', async (message: ToWorker) => {
    if (message.type === 'stop') {
      if (dumpFd >= 0) closeSync(dumpFd);
      port.close();
      return;
    }
    try {
      const result: ShardResult = {
        type: 'result',
        readouts: 0,
        failures: 0,
        bytes: 0,
        calls: 0,
        extraMs: 0,
        score: null,
      };
      const scoring = setup.score && message.gold !== null && knowledge !== null;
      const kept: Extraction[] = [];
      for await (const item of readInputs([message.path])) {
        if ('error' in item) {
          result.failures += 1;
          continue;
        }
        const out = run(item.text, item);
        result.readouts += 1;
        result.bytes += Buffer.byteLength(item.text);
        result.calls += out.calls;
        if (out.extraction && (scoring || dumpFd >= 0)) {
          const t = performance.now();
          if (dumpFd >= 0) writeSync(dumpFd, `${JSON.stringify(out.extraction)}\n`);
          if (scoring) kept.push({ ...out.extraction, source: recordId(out.extraction.source), text: '' });
          result.extraMs += performance.now() - t;
        }
      }
      if (scoring && message.gold && knowledge) {
        const t = performance.now();
        const golds = readGoldShard(message.gold);
        const score = scoreOf(evaluate(kept, golds, knowledge));
        // Call F1 by publisher style.
        const byStyle = new Map<string, Array<GoldDocument & { style?: string }>>();
        for (const g of golds) {
          const style = g.style ?? 'unknown';
          if (!byStyle.has(style)) byStyle.set(style, []);
          byStyle.get(style)!.push(g);
        }
        for (const [style, docs] of byStyle) {
          const ids = new Set(docs.map((d) => d.id));
          const r = evaluate(
            kept.filter((x) => ids.has(x.source)),
            docs,
            knowledge,
          );
          score.byStyle[style] = { tp: r.calls.tp, fp: r.calls.fp, fn: r.calls.fn };
        }
        result.score = score;
        result.extraMs += performance.now() - t;
      }
      port.postMessage(result satisfies FromWorker);
    } catch (error) {
      port.postMessage({
        type: 'error',
        message: (error as Error).stack ?? String(error),
      } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.engine) {
  main().catch((error) => {
    parentPort?.postMessage({
      type: 'error',
      message: (error as Error).stack ?? String(error),
    } satisfies FromWorker);
  });
}
