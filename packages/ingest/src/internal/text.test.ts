import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, splitSentences, tokenize } from './text.ts';

describe('nameKey', () => {
  it('folds accents, hyphens and al-/el- particles so spelling variants meet', () => {
    expect(nameKey('Abdel Fattah el-Sisi')).toBe(nameKey('Abdel Fattah Sisi'));
    expect(nameKey('Recep Tayyip Erdoğan')).toBe(nameKey('Recep Tayyip Erdogan'));
    expect(nameKey('Zelenskyy')).toBe(nameKey('Zelensky'));
  });
});

describe('splitSentences', () => {
  it('does not split after honorifics and initials', () => {
    const s = splitSentences('The leader called H.E. Mr. A.B. Smith today. They spoke about trade.');
    expect(s.map((x) => x.text)).toEqual([
      'The leader called H.E. Mr. A.B. Smith today.',
      'They spoke about trade.',
    ]);
  });

  it('keeps offsets that point into the text', () => {
    const text = 'Title line\nFirst sentence. Second one.';
    for (const seg of splitSentences(text)) expect(text.slice(seg.start, seg.end)).toBe(seg.text);
  });
});

describe('tokenize', () => {
  it('records capitalization and the gap before each word', () => {
    const [a, b] = tokenize('al-Assad, Putin');
    expect(a).toMatchObject({ text: 'al', cap: false });
    expect(b).toMatchObject({ text: 'Assad', gap: '-', cap: true });
  });

  it('finds the words a Unicode pattern finds, surrogate pairs and all', () => {
    const word = /[\p{L}\p{M}\p{N}]+/gu;
    const pieces = [
      'a',
      'É',
      'é',
      'ß',
      'İ',
      '日本',
      '😀',
      '\u0301',
      '\ud800',
      '\udc00',
      '٣',
      ' ',
      '-',
      '’',
      '𝒜',
      'Ⅻ',
      '_',
      '1',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const expected: Array<[number, string, string]> = [];
        let last = 0;
        for (const m of text.matchAll(word)) {
          expected.push([m.index, m[0], text.slice(last, m.index)]);
          last = m.index + m[0].length;
        }
        expect(tokenize(text).map((t) => [t.start, t.text, t.gap])).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitSentences on hostile input', () => {
  it('splits a run of 200,000 question marks in linear time', () => {
    const started = performance.now();
    const segments = splitSentences(`A spoke with ${'?'.repeat(200_000)} B`);
    expect(segments.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('tokenize: handles', () => {
  it('reads a camel-case handle as the words of a name, with offsets into the text', () => {
    const text = 'Spoke with President @EmmanuelMacron and @RTErdogan today.';
    const tokens = tokenize(text);
    const words = tokens.map((t) => t.text);
    expect(words).toEqual([
      'Spoke',
      'with',
      'President',
      'Emmanuel',
      'Macron',
      'and',
      'RT',
      'Erdogan',
      'today',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    // The "@" leaves the gap, so "President @X" reads like "President X".
    expect(tokens[3]!.gap).toBe(' ');
    expect(tokens[4]!.gap).toBe('');
  });
});
