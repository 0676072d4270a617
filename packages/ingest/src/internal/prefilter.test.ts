import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Knowledge, loadKnowledge } from '../knowledge.ts';
import { TRIGGER_EXPRESSIONS } from './calls.ts';
import { maskSafe, matchesAt, PrefixFilter, requiredFactors, stickyOf, wordStartKeys } from './prefilter.ts';

describe('wordStartKeys', () => {
  it('reads the letters every match starts with', () => {
    expect(wordStartKeys(/\bwars?\b/gi)).toEqual(['war']);
    expect(wordStartKeys(/\bdefen[cs]e\b/gi)?.sort()).toEqual(['defence', 'defense']);
    expect(wordStartKeys(/(?:\b(?:air ?)?strikes?\b)|(?:\bescalat\w+\b)/gi)?.sort()).toEqual([
      'air stri',
      'airstrik',
      'escalat',
      'strike',
    ]);
    expect(wordStartKeys(/(?<!\bsaid\s+)\b(?:by|via)\s+phone/gi)?.sort()).toEqual(['by', 'via']);
    expect(wordStartKeys(/(?:\bG20\b|\bG-20\b)/g)?.sort()).toEqual(['g-20', 'g20']);
  });

  it('falls back on strings a match must contain', () => {
    expect(requiredFactors(/\b[A-Z][a-z]+-[A-Z][a-z]+ (?:relations|ties)\b/gi)?.sort()).toEqual([
      ' relations',
      ' ties',
    ]);
    expect(requiredFactors(/\bwars?\b/gi)).toEqual([]);
    expect(requiredFactors(/\b\w+ is\b/g)).toEqual([' is']);
    expect(requiredFactors(/\b\w+\s\w+/g)).toBeNull();
  });

  it('gives up on what it cannot bound', () => {
    expect(wordStartKeys(/foo/g)).toBeNull(); // no word boundary before it
    expect(wordStartKeys(/\b\w+/g)).toBeNull();
    expect(wordStartKeys(/\b(?:a|\d)/g)).toBeNull();
    expect(wordStartKeys(/\b[A-Z][a-z]+ relations/g)).toBeNull();
    expect(wordStartKeys(/\b(?:x)?/g)).toBeNull();
  });
});

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

const EXTRA = [
  /\bphone\s+calls?\b/gi,
  /\b(?:hosted|welcomed)(?=\s+(?:the\s+)?\p{Lu})/gu,
  /\bstrike\b/giu,
  /\bU\.N\./g,
  /\b(?:a|the)?\s*call\b/gi,
  /\bco-?operation\b/gi,
  /\b[A-Z][a-z]+\s?[-–]\s?(?:U\.?S\.?|UK|[A-Z][a-z]+) (?:relations|ties|partnership)\b/gi,
  /\bſtrike (?:relations|ties)/giu,
];

describe('PrefixFilter', () => {
  it('never rules out an expression that matches', () => {
    const expressions = [
      ...knowledge.index.themes.flatMap((t) => [...t.patterns, ...t.exclude]),
      ...TRIGGER_EXPRESSIONS,
      ...EXTRA,
    ];
    const filter = new PrefixFilter(expressions);
    // Words taken from the expressions themselves, so that texts often match.
    const words = [
      ...new Set(
        expressions.flatMap((re) => re.source.match(/[A-Za-z][A-Za-z' -]{1,20}/g) ?? []).map((w) => w.trim()),
      ),
    ].filter((w) => w !== '');
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(' ', ', ', '. ', '\n', '-', "'", '(', 'ſ', 'K', 'é', 'İ', '_', '7'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc
      .tuple(fc.array(piece, { maxLength: 30 }), fc.constantFrom('keep', 'upper', 'lower', 'mixed'))
      .map(([parts, c]) => {
        const t = parts.join(' ');
        if (c === 'upper') return t.toUpperCase();
        if (c === 'lower') return t.toLowerCase();
        if (c === 'mixed') return [...t].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join('');
        return t;
      });
    const sticky = expressions.map(stickyOf);
    const all = (re: RegExp, t: string) => {
      const out: Array<[number, string]> = [];
      re.lastIndex = 0;
      for (let m = re.exec(t); m !== null; m = re.exec(t)) {
        out.push([m.index, m[0]]);
        if (m[0] === '') re.lastIndex++;
      }
      re.lastIndex = 0;
      return out;
    };
    fc.assert(
      fc.property(text, (t) => {
        const may = filter.candidates(t);
        const starts = filter.starts(t);
        expressions.forEach((re, i) => {
          const found = all(re, t);
          const where = `${re} on ${JSON.stringify(t)}`;
          if (found.length > 0) expect(may[i], where).toBe(1);
          const places = starts[i];
          if (places === null) expect(found, where).toEqual([]);
          else if (places !== undefined)
            expect(
              matchesAt(sticky[i]!, t, places).map((m) => [m.index, m[0]]),
              where,
            ).toEqual(found);
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('PrefixFilter on a text with words blanked out', () => {
  it('finds on the whole text every place it finds on the blanked one', () => {
    const expressions = [
      ...knowledge.index.themes.flatMap((t) => t.patterns),
      ...TRIGGER_EXPRESSIONS,
      ...EXTRA,
    ].filter(maskSafe);
    const filter = new PrefixFilter(expressions);
    const words = [
      'President',
      'Prime',
      'Minister',
      'of',
      'the',
      'bilateral',
      'relations',
      'ties',
      'trade',
      'war',
    ];
    const text = fc.array(
      fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ', ', '-', '  ', '_', '. '), fc.boolean()),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(text, (parts) => {
        let plain = '';
        let blanked = '';
        for (const [word, gap, blank] of parts) {
          plain += word + gap;
          blanked += (blank ? ' '.repeat(word.length) : word) + gap;
        }
        const onPlain = filter.starts(plain);
        const onBlanked = filter.starts(blanked);
        onBlanked.forEach((places, i) => {
          if (places === null) return;
          if (places === undefined) expect(onPlain[i]).toBeUndefined();
          else
            for (const p of places) expect(onPlain[i] ?? [], `${expressions[i]} on ${blanked}`).toContain(p);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('knows which expressions a blank could fool', () => {
    expect(maskSafe(/\bnuclear (?:weapons|deal)\b/gi)).toBe(true);
    expect(maskSafe(/\bof {2}x/g)).toBe(true); // the key is "of ": one space after a letter
    // Two spaces in the key itself: the second may be a blank.
    const twoSpaces = ' '.repeat(2);
    expect(maskSafe(new RegExp(`\\bof${twoSpaces}x`, 'g'))).toBe(false);
    expect(maskSafe(/\b_x/g)).toBe(false);
  });
});
