/**
 * Property-based tests of every reader and the extractor on hostile input: random bytes,
 * deeply nested and broken HTML, huge lines, every Unicode class, invalid encodings and
 * malformed JSON Lines. Nothing may crash or hang; a bad document is one clear failure and the
 * rest of the batch goes on. About 10,000 generated inputs per run; HOTLINE_FUZZ_SCALE=10 runs
 * ten times as many; HOTLINE_FUZZ_SEED=N replays a run (the seed is printed).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import { htmlToText } from './html.ts';
import { type Knowledge, loadKnowledge } from './knowledge.ts';
import { decodeText, readInputs } from './read-inputs.ts';

const SCALE = Number(process.env.HOTLINE_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.HOTLINE_FUZZ_SEED ?? Date.now() % 2_147_483_647);
/** A single input may take this long before it counts as a hang. */
const PER_INPUT_MS = 5_000;

let knowledge: Knowledge;
const tally = { inputs: 0 };

beforeAll(async () => {
  knowledge = await loadKnowledge();
  fc.configureGlobal({ seed: SEED });
  process.stdout.write(`fuzz: seed ${SEED} (replay with HOTLINE_FUZZ_SEED=${SEED}), scale ${SCALE}\n`);
});

function runs(n: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(n * SCALE)) };
}

/** Extracts and checks the result's invariants; returns nothing, throws on a broken invariant. */
function extractChecked(text: string, meta: Record<string, string | null> = {}) {
  tally.inputs += 1;
  const started = performance.now();
  const x = extractReadout({ source: 'fuzz', text, meta }, knowledge);
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  for (const call of x.calls) {
    expect(call.participants.length).toBeGreaterThanOrEqual(2);
    if (call.date !== null) expect(call.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const span of call.evidence) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
  }
  return x;
}

const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .tuple(
        fc.constantFrom(
          'div',
          'p',
          'script',
          'style',
          'nav',
          'span',
          'table',
          'td',
          'h1',
          'title',
          'a',
          'b',
          'x-y',
        ),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([tag, children, close]) => `<${tag} class="c">${children.join('')}${close ? `</${tag}>` : ''}`),
  ),
})).node;

describe('the extractor on hostile text', () => {
  it('never crashes on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => void extractChecked(text)),
      runs(4_000),
    );
  });

  it('never crashes on every Unicode class, surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void extractChecked(text)),
      runs(2_000),
    );
  });

  it('never crashes on readout-like text with random names, dates and punctuation', () => {
    const word = fc.constantFrom(
      'President',
      'Putin',
      'Macron',
      'telephone',
      'conversation',
      'with',
      'on Monday',
      'October 16.',
      'Moscow.',
      'talks',
      'met',
      'Prime Minister',
      'the',
      ',',
      '.',
      'al-',
      'yesterday',
      'will',
      'call',
      'INTERFAX',
      '2023',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 120 }),
        fc.option(fc.date({ noInvalidDate: true })),
        (words, date) => {
          const published =
            date && date.getUTCFullYear() > 1900 && date.getUTCFullYear() < 2100
              ? date.toISOString().slice(0, 10)
              : null;
          const x = extractChecked(words.join(' '), { published });
          if (published) for (const call of x.calls) if (call.date) expect(call.date <= published).toBe(true);
        },
      ),
      runs(2_000),
    );
  });

  it('stays bounded on huge lines', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 10_000, max: 60_000 }),
        (unit, times) => {
          void extractChecked(`President Putin spoke with ${unit.repeat(times)}`);
        },
      ),
      runs(40),
    );
  });
});

describe('the readers on hostile input', () => {
  it('turn random and deeply nested HTML into text without crashing', () => {
    fc.assert(
      fc.property(htmlTree, (html) => {
        tally.inputs += 1;
        const { text, title } = htmlToText(html);
        expect(typeof text).toBe('string');
        if (title !== null) expect(title).not.toContain('\n');
      }),
      runs(1_500),
    );
  });

  it('drop script and style content from well-formed pages', () => {
    tally.inputs += 1;
    const page =
      '<html><head><style>p{}</style><script>var secret = 1;</script></head><body><p>Putin met Macron.</p></body></html>';
    expect(htmlToText(page).text).toBe('Putin met Macron.');
  });

  it('survive HTML nested thousands deep', () => {
    const depth = 5_000;
    const html = `${'<div><span>'.repeat(depth)}President Putin${'</span></div>'.repeat(depth)}`;
    tally.inputs += 1;
    expect(htmlToText(html).text).toContain('President Putin');
  });

  it('decode valid UTF-8 and name invalid encodings instead of guessing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        tally.inputs += 1;
        const decoded = decodeText(bytes);
        if ('reason' in decoded) expect(decoded.reason.length).toBeGreaterThan(5);
        else expect(typeof decoded.text).toBe('string');
      }),
      runs(1_500),
    );
  });

  it('report each bad file in one line and read every other file of the batch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hotline-fuzz-'));
    const files = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 2_000 }).map((b) => ({ ext: 'txt', data: Buffer.from(b) })),
        fc.string({ maxLength: 500 }).map((s) => ({ ext: 'html', data: Buffer.from(`<p>${s}`) })),
        fc
          .array(fc.oneof(fc.json(), fc.string()), { maxLength: 5 })
          .map((lines) => ({ ext: 'jsonl', data: Buffer.from(lines.join('\n')) })),
        fc.string({ maxLength: 300 }).map((s) => ({ ext: 'json', data: Buffer.from(s) })),
      ),
      { numRuns: Math.round(300 * SCALE), seed: SEED },
    );
    await Promise.all(files.map((f, i) => writeFile(join(dir, `doc-${i}.${f.ext}`), f.data)));
    const seen = new Set<string>();
    for await (const item of readInputs([dir])) {
      tally.inputs += 1;
      const file = item.source.replace(/#.*$/, '');
      seen.add(file);
      if ('error' in item) {
        expect(item.error.message).not.toContain('\n');
        expect(item.error.message.length).toBeGreaterThan(3);
      } else {
        void extractChecked(item.text, {});
      }
    }
    expect(seen.size).toBe(files.length);
  });

  it(`ran at least ${Math.round(10_000 * SCALE)} generated inputs`, () => {
    process.stdout.write(`fuzz: ${tally.inputs} generated inputs checked\n`);
    expect(tally.inputs).toBeGreaterThanOrEqual(Math.round(10_000 * SCALE));
  });
});
