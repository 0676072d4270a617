import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorld,
  dayOf,
  type GeneratedDocument,
  generateCorpus,
  STYLES,
  type World,
  writeCorpus,
} from './generate.ts';

let world: World;
let docs: GeneratedDocument[];
let dir: string;

beforeAll(() => {
  world = createWorld();
  docs = [...generateCorpus(world, { n: 600, seed: 42 })];
  dir = mkdtempSync(join(tmpdir(), 'hotline-generate-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const leaderNames = () =>
  new Set([...world.leaders, ...Object.values(world.hosts).flat()].map((t) => t.name));

describe('generate', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const again = [...generateCorpus(createWorld(), { n: 600, seed: 42 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(docs));
    const other = [...generateCorpus(world, { n: 50, seed: 43 })];
    expect(other.map((d) => d.record.text)).not.toEqual(docs.slice(0, 50).map((d) => d.record.text));
  });

  it('makes document i the same whatever the corpus size (smaller corpora are prefixes)', () => {
    const part = [...generateCorpus(world, { n: 10, seed: 42, start: 300 })];
    expect(part.map((d) => d.record.id)).toEqual(docs.slice(300, 310).map((d) => d.record.id));
    expect(part.map((d) => d.record.text)).toEqual(docs.slice(300, 310).map((d) => d.record.text));
  });

  it('covers every publisher style, multi-call texts, negatives and non-leaders', () => {
    const styles = new Set(docs.map((d) => d.record.style));
    for (const s of STYLES) expect(styles.has(s)).toBe(true);
    expect(docs.some((d) => d.gold.calls.length >= 2)).toBe(true);
    expect(docs.some((d) => d.gold.calls.length === 0)).toBe(true);
    expect(docs.some((d) => d.gold.calls.some((c) => !c.core))).toBe(true);
    expect(docs.some((d) => /\bon (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(d.record.text))).toBe(
      true,
    );
    expect(docs.some((d) => /\byesterday\b/.test(d.record.text))).toBe(true);
    expect(docs.some((d) => /^[A-Z' .-]+, [A-Z][a-z]+ \d{1,2} \(/.test(d.record.text))).toBe(true);
  });

  it('writes gold that matches the text', () => {
    const known = leaderNames();
    for (const { record, gold } of docs) {
      expect(gold.id).toBe(record.id);
      const published = dayOf(record.published);
      const participantStates = new Set<string>();
      for (const call of gold.calls) {
        expect(call.participants.length).toBeGreaterThanOrEqual(2);
        for (const p of call.participants) {
          participantStates.add(p.state ?? '');
          // Hosts of official readouts may go unnamed ("The Prime Minister"); everyone else is named.
          const implicit =
            (record.style === 'downing' && p.state === 'GBR') || (record.style === 'un' && p.state === 'UN');
          if (!implicit) expect(record.text).toContain(p.name);
          if (call.core) expect(known.has(p.name)).toBe(true);
        }
        // Calls took place on the publication day or in the week before it.
        const day = dayOf(call.date ?? '');
        expect(day).toBeLessThanOrEqual(published);
        expect(published - day).toBeLessThanOrEqual(6);
        if (call.initiator !== null)
          expect(call.participants.some((p) => p.state === call.initiator)).toBe(true);
      }
      for (const code of gold.mentioned_states) {
        expect(participantStates.has(code)).toBe(false);
        const s = world.states.get(code)!;
        const named =
          record.text.includes(s.name.replace(/^the /, '')) ||
          (s.adjective !== null && record.text.includes(s.adjective));
        expect(named).toBe(true);
      }
      if (record.style === 'negative') expect(gold.calls).toEqual([]);
    }
  });

  it('writes JSON Lines shards that hold what it generated', () => {
    const summary = writeCorpus({ n: 250, seed: 42, out: dir, shardSize: 100, world });
    expect(summary.shards).toHaveLength(3);
    const lines = summary.shards.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    const golds = summary.goldShards.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    expect(lines).toHaveLength(250);
    expect(golds).toHaveLength(250);
    expect(JSON.parse(lines[123]!)).toEqual(docs[123]!.record);
    expect(JSON.parse(golds[123]!)).toEqual({ ...docs[123]!.gold, style: docs[123]!.record.style });
    expect(summary.calls).toBe(docs.slice(0, 250).reduce((n, d) => n + d.gold.calls.length, 0));
  });
});
