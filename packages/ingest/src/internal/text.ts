/**
 * Text primitives: folding for name matching, a word tokenizer that keeps offsets, and a
 * sentence splitter that knows the abbreviations readouts use ("H.E. Mr.", "U.S.").
 */

/** Accent-free, lower-case form used for every lookup key. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** A key for one name token: folded, doubled letters collapsed (Zelenskyy = Zelensky, Assad = Asad). */
export function tokenKey(word: string): string {
  const f = fold(word);
  return f.length <= 3 ? f : f.replace(/(.)\1+/g, '$1');
}

export interface WordInfo {
  key: string;
  cap: boolean;
  /**
   * A slot for what a reader of the words (recognition) looked up for this word, with the
   * table it was looked up in: the same word in the next readout needs no lookup.
   */
  memoOf: unknown;
  memo: unknown;
}

/** Keys of words already seen: readouts repeat their words, and folding is the costly part. */
const wordCache = new Map<string, WordInfo>();
const WORD_CACHE_MAX = 50_000;
const CAP = /^\p{Lu}/u;

function wordInfo(word: string): WordInfo {
  let info = wordCache.get(word);
  if (info === undefined) {
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
    info = { key: tokenKey(word), cap: CAP.test(word), memoOf: null, memo: null };
    wordCache.set(word, info);
  }
  return info;
}

/** Tokens dropped from name keys so "al-Sisi", "el-Sisi" and "Sisi" meet. */
const NAME_PARTICLES = new Set(['al', 'el']);

export interface Token {
  start: number;
  end: number;
  text: string;
  key: string;
  /** First letter upper-case. */
  cap: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  /** What is known of the word, shared by every token of it. */
  word: WordInfo;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const word = m[0];
    const info = wordInfo(word);
    tokens.push({
      start: start + offset,
      end: start + word.length + offset,
      text: word,
      key: info.key,
      cap: info.cap,
      gap: text.slice(last, start),
      word: info,
    });
    last = start + word.length;
  }
  return tokens;
}

/** The lookup key of a multi-word name: token keys joined by spaces, particles dropped. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .filter((k) => !NAME_PARTICLES.has(k))
    .join(' ');
}

export function isParticle(token: Token): boolean {
  return NAME_PARTICLES.has(token.key);
}

/** Gaps allowed inside one multi-word name: spaces, hyphens, apostrophes, initials' dots. */
export function isJoiningGap(gap: string): boolean {
  // Most gaps are one space: answer those without a regular expression.
  if (gap === ' ') return true;
  return /^[\s\-‐‑'’.]{0,3}$/.test(gap) && !/\n/.test(gap);
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line block) the segment belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'h.e',
  'e',
  'st',
  'gen',
  'no',
  'jr',
  'sr',
  'lt',
  'col',
  'gov',
  'sen',
  'rep',
  'prof',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'amb',
  'capt',
  'maj',
  'sgt',
  'rev',
  'hon',
  'messrs',
  'vs',
  'etc',
  'approx',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'h.h',
  'h.r.h',
  'h.m',
  's.e',
  'sh',
  'smt',
]);

// The lookbehind starts a match only at the first mark of a run ("???"), so a long run is
// tried once, not once per mark (which was quadratic); the lookahead before it lets the
// search skip every other character at once.
const BOUNDARY = /(?=[.!?…])(?<![.!?…])([.!?…]+)(["”’)\]]*)\s+(?=["“‘([]?[\p{Lu}\p{N}])/gu;
const LAST_WORD = /([\p{L}.]+)$/u;
const ONE_UPPER = /^\p{Lu}$/u;
const INITIALS = /^(\p{L}\.)+\p{L}$/u;
const SPACE_CHAR = /\s/;

/** Splits text into paragraphs (line breaks) and those into sentences, keeping offsets. */
export function splitSentences(text: string): Segment[] {
  const out: Segment[] = [];
  let paragraph = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const body = text.slice(lineStart, lineEnd);
    const start = lineStart;
    lineStart = lineEnd + 1;
    if (body.trim() === '') continue;
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m !== null; m = BOUNDARY.exec(body)) {
      // The word before the mark decides abbreviations; 40 characters are plenty for it.
      const before = body.slice(Math.max(from, m.index - 40), m.index);
      const lastWord = LAST_WORD.exec(before)?.[1] ?? '';
      const lower = lastWord.toLowerCase();
      if (m[1] === '.' && (ABBREVIATIONS.has(lower) || ONE_UPPER.test(lastWord) || INITIALS.test(lastWord))) {
        continue;
      }
      const end = m.index + (m[1] ?? '').length + (m[2] ?? '').length;
      pushSegment(out, body, from, end, start, paragraph);
      from = m.index + m[0].length;
    }
    BOUNDARY.lastIndex = 0;
    pushSegment(out, body, from, body.length, start, paragraph);
    paragraph++;
  }
  return out;
}

function pushSegment(
  out: Segment[],
  body: string,
  from: number,
  to: number,
  base: number,
  paragraph: number,
) {
  let s = from;
  let e = to;
  while (s < e && SPACE_CHAR.test(body[s]!)) s++;
  while (e > s && SPACE_CHAR.test(body[e - 1]!)) e--;
  if (e > s) out.push({ start: base + s, end: base + e, text: body.slice(s, e), paragraph });
}
