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
  /** A name particle ("al", "el"): left out of name keys. */
  particle: boolean;
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
    const key = tokenKey(word);
    info = { key, cap: CAP.test(word), particle: NAME_PARTICLES.has(key), memoOf: null, memo: null };
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

/** Whether a code point is a letter, mark or number (what words are made of). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Answers for the Basic Multilingual Plane, filled as characters are met: 0 unknown, 1 yes, 2 no. */
const bmpWordChar = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) bmpWordChar[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;

function isWordUnit(c: number): boolean {
  let known = bmpWordChar[c]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    bmpWordChar[c] = known;
  }
  return known === 1;
}

/** One-character gaps (nearly all of them) as shared strings. */
const ONE_CHAR = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/**
 * The words of a text: runs of letters, marks and numbers (code point by code point, so a
 * surrogate pair stays whole), with offsets, keys and the text between them.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let last = 0;
  let start = -1;
  for (let i = 0; i <= n; ) {
    let inWord = false;
    let width = 1;
    if (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          width = 2;
          inWord = WORD_CHAR.test(text.slice(i, i + 2));
        } else inWord = isWordUnit(c);
      } else inWord = isWordUnit(c);
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (start > 0 && text.charCodeAt(start - 1) === AT_SIGN) {
        pushHandle(tokens, text, last, start, i, offset);
        last = i;
        start = -1;
        i += width;
        continue;
      }
      const word = text.slice(start, i);
      const info = wordInfo(word);
      const gapCode = start - last === 1 ? text.charCodeAt(last) : -1;
      tokens.push({
        start: start + offset,
        end: i + offset,
        text: word,
        key: info.key,
        cap: info.cap,
        gap: gapCode >= 0 && gapCode < 128 ? ONE_CHAR[gapCode]! : text.slice(last, start),
        word: info,
      });
      last = i;
      start = -1;
    }
    i += width;
  }
  return tokens;
}

const AT_SIGN = 64;
/** Where a handle's words meet: "EmmanuelMacron", "RTErdogan". */
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;

/**
 * A social-media handle ("@EmmanuelMacron") as the words of its name, so that a post that
 * names a leader by handle names them. The "@" leaves the gap: "President @KeirStarmer" reads
 * as "President Keir Starmer". A handle in lower case stays one word, which the gazetteer knows
 * as the name run together ("@narendramodi").
 */
function pushHandle(tokens: Token[], text: string, last: number, start: number, end: number, offset: number) {
  let at = start;
  let gap = text.slice(last, start - 1);
  for (const part of text.slice(start, end).split(CAMEL_BOUNDARY)) {
    const info = wordInfo(part);
    tokens.push({
      start: at + offset,
      end: at + part.length + offset,
      text: part,
      key: info.key,
      // A handle names someone however it is written ("@narendramodi").
      cap: true,
      gap,
      word: info,
    });
    at += part.length;
    gap = '';
  }
}

/** The lookup key of a multi-word name: token keys joined by spaces, particles dropped. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .filter((k) => !NAME_PARTICLES.has(k))
    .join(' ');
}

export function isParticle(token: Token): boolean {
  return token.word.particle;
}

const JOINING_GAP = /^[\s\-‐‑'’.]{0,3}$/;

/** Gaps allowed inside one multi-word name: spaces, hyphens, apostrophes, initials' dots. */
export function isJoiningGap(gap: string): boolean {
  // Most gaps are one space: answer those without a regular expression.
  if (gap === ' ') return true;
  return JOINING_GAP.test(gap) && !gap.includes('\n');
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
  // Icelandic patronymic initials: "Guðni Th. Jóhannesson".
  'th',
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
