/**
 * Shared pieces of the benchmarks: paths, flags, the corpus cache, the machine's
 * description, small statistics and logging (progress goes to stderr, so that the last
 * line on stdout is the summary JSON).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorld, writeCorpus } from './generate.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How every browser test and benchmark launches Debian's Chromium (the cli's browser tests read it too). */
export const CHROMIUM_LAUNCH = JSON.parse(readFileSync(join(ROOT, 'scripts/chromium.json'), 'utf8')) as {
  executablePath: string;
  args: string[];
};
export const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));

export type Part = 'extract' | 'load' | 'explorer';

export interface BenchFlags {
  quick: boolean;
  only: Part | null;
  out: string;
  seed: number;
}

export function parseFlags(argv: string[]): BenchFlags {
  const flags: BenchFlags = { quick: false, only: null, out: resolve(ROOT, 'bench-results'), seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') flags.quick = true;
    else if (a === '--') continue;
    else if (a.startsWith('--only')) {
      const v = value();
      if (v !== 'extract' && v !== 'load' && v !== 'explorer')
        throw new Error('--only takes extract, load or explorer');
      flags.only = v;
    } else if (a.startsWith('--out')) flags.out = resolve(value());
    else if (a.startsWith('--seed')) flags.seed = Number(value());
    else
      throw new Error(
        `unknown flag ${a} (flags: --quick, --only extract|load|explorer, --out DIR, --seed N)`,
      );
  }
  return flags;
}

/** Sizes of the growth series, in readouts. */
export function sizesFor(quick: boolean): number[] {
  return quick ? [1000, 5000] : [1000, 10_000, 100_000];
}

const started = Date.now();
export function log(message: string): void {
  const t = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${t}s] ${message}\n`);
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeJson(file: string, data: unknown): void {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

export function readJsonIfExists<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Bumped whenever generate.ts changes what it writes, so cached corpora are rebuilt. */
export const CORPUS_VERSION = 3;

export interface Corpus {
  dir: string;
  n: number;
  seed: number;
  /** readouts-*.jsonl in order; shard i holds documents [1000 i, 1000 (i+1)). */
  shards: string[];
  goldShards: string[];
  bytes: number;
  calls: number;
}

export const SHARD_SIZE = 1000;

/** The corpus of the largest size, generated once; smaller sizes are its first shards. */
export function ensureCorpus(out: string, n: number, seed: number): Corpus {
  const dir = join(out, 'corpus', `seed${seed}-n${n}-v${CORPUS_VERSION}`);
  const marker = join(dir, 'corpus.json');
  const shardNames = Array.from({ length: Math.ceil(n / SHARD_SIZE) }, (_, i) => String(i).padStart(5, '0'));
  const shards = shardNames.map((s) => join(dir, `readouts-${s}.jsonl`));
  const goldShards = shardNames.map((s) => join(dir, `gold-${s}.jsonl`));
  const cached = readJsonIfExists<{ n: number; seed: number; bytes: number; calls: number }>(marker);
  if (cached && cached.n === n && cached.seed === seed && shards.every((f) => existsSync(f))) {
    return { dir, n, seed, shards, goldShards, bytes: cached.bytes, calls: cached.calls };
  }
  log(`generating a corpus of ${n} readouts (seed ${seed}) in ${dir}`);
  const t0 = performance.now();
  const summary = writeCorpus({ n, seed, out: dir, shardSize: SHARD_SIZE, world: createWorld() });
  log(
    `generated ${summary.readouts} readouts, ${summary.calls} gold calls, ${(summary.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { dir, n, seed, shards, goldShards, bytes: summary.bytes, calls: summary.calls };
}

/** The first `n` readouts of a corpus (n a multiple of the shard size). */
export function prefix(corpus: Corpus, n: number): Corpus {
  const k = Math.ceil(n / SHARD_SIZE);
  return {
    ...corpus,
    n,
    shards: corpus.shards.slice(0, k),
    goldShards: corpus.goldShards.slice(0, k),
    bytes: Number.NaN,
    calls: Number.NaN,
  };
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  neo4j: string | null;
  chromium: string | null;
  date: string;
}

export function describeMachine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() is good enough
  }
  let os = `${process.platform} ${process.arch}`;
  try {
    os = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // keep the platform name
  }
  let chromium: string | null = null;
  try {
    chromium = execFileSync(CHROMIUM_LAUNCH.executablePath, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
    }).trim();
  } catch {
    chromium = null;
  }
  return {
    cpu,
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os,
    neo4j: null,
    chromium,
    date: new Date().toISOString(),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Least-squares slope of log(y) against log(x): 1 means linear growth. */
export function growthExponent(points: Array<[number, number]>): number {
  const pts = points.filter(([x, y]) => x > 0 && y > 0);
  if (pts.length < 2) return Number.NaN;
  const xs = pts.map(([x]) => Math.log(x));
  const ys = pts.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}
