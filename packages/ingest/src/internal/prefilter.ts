/**
 * A cheap pre-test for sets of regular expressions that each start at a word boundary with
 * known letters ("\bphone calls?", "\b(?:met|meets)"). One pass over the text notes which
 * expressions can match at all, so that only those are run. It never says no to a text an
 * expression matches: an expression this reader does not understand is always run.
 */

interface Prefix {
  text: string;
  /** The prefix can still grow: everything read so far was literal. */
  open: boolean;
  /** A \b precedes the first character. */
  anchored: boolean;
}

/** Prefix sets above this size stop growing (a shorter prefix is still a valid test). */
const MAX_PREFIXES = 64;
/** Characters compared per word start at most. */
const KEY_LENGTH = 8;

/** Splits a pattern at its top-level '|'; null on unbalanced input. */
function alternatives(source: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth < 0) return null;
    } else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0 || inClass) return null;
  out.push(source.slice(from));
  return out;
}

/** Index just past the ')' closing the group opened at `open`; -1 if none. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A quantifier at `at`: its bounds and length; a plain atom is {1,1}. */
function quantifier(source: string, at: number): { min: number; max: number; length: number } {
  const c = source[at];
  let q: { min: number; max: number; length: number } = { min: 1, max: 1, length: 0 };
  if (c === '?') q = { min: 0, max: 1, length: 1 };
  else if (c === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (m) {
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      q = { min, max, length: m[0].length };
    }
  }
  // A lazy quantifier matches the same strings.
  if (q.length > 0 && source[at + q.length] === '?') q.length++;
  return q;
}

type Atom =
  | { kind: 'assert'; boundary: boolean; end: number }
  | { kind: 'options'; options: Prefix[]; end: number }
  | { kind: 'stop'; end: number };

/** Reads one atom at `at`: an assertion, something with literal options, or anything else (stop). */
function atomAt(source: string, at: number): Atom | null {
  const c = source[at]!;
  if (c === '\\') {
    const e = source[at + 1];
    if (e === undefined) return null;
    if (e === 'b' || e === 'B') return { kind: 'assert', boundary: e === 'b', end: at + 2 };
    // Punctuation escapes are the character itself; letters and digits are classes,
    // back-references, control characters or code points: not read here.
    if (/[A-Za-z0-9]/.test(e)) return { kind: 'stop', end: at + 2 };
    return { kind: 'options', options: [{ text: e, open: true, anchored: false }], end: at + 2 };
  }
  if (c === '^' || c === '$') return { kind: 'assert', boundary: false, end: at + 1 };
  if (c === '(') {
    const end = groupEnd(source, at);
    if (end < 0) return null;
    // Plain, non-capturing and named groups are read; lookarounds take no characters;
    // anything else ("(?i:...)") is not read.
    const head = /^\((?:\?(?:<=|<!|=|!|:|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(at))![0];
    if (head === '(?=' || head === '(?!' || head === '(?<=' || head === '(?<!')
      return { kind: 'assert', boundary: false, end };
    if (head === '(' && source[at + 1] === '?') return { kind: 'stop', end };
    const inner = prefixesOf(source.slice(at + head.length, end - 1));
    return inner ? { kind: 'options', options: inner, end } : { kind: 'stop', end };
  }
  if (c === '[') {
    let i = at + 1;
    while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    if (i >= source.length) return null;
    const body = source.slice(at + 1, i);
    // Only small sets of plain characters ("[cs]", "[sz]") are read.
    if (body === '' || body.length > 6 || /[\\^\-\]]/.test(body)) return { kind: 'stop', end: i + 1 };
    return {
      kind: 'options',
      options: [...body].map((ch) => ({ text: ch, open: true, anchored: false })),
      end: i + 1,
    };
  }
  if (c === ')' || c === '|') return null;
  if (c === '.' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']')
    return { kind: 'stop', end: at + 1 };
  return { kind: 'options', options: [{ text: c, open: true, anchored: false }], end: at + 1 };
}

/** Prefixes of one alternative (no top-level '|'). */
function sequencePrefixes(source: string): Prefix[] | null {
  let set: Prefix[] = [{ text: '', open: true, anchored: false }];
  let at = 0;
  while (at < source.length && set.some((p) => p.open)) {
    const atom = atomAt(source, at);
    if (!atom) return null;
    const q = quantifier(source, atom.end);
    at = atom.end + q.length;
    if (atom.kind === 'assert') {
      if (atom.boundary) for (const p of set) if (p.open && p.text === '') p.anchored = true;
      continue;
    }
    if (atom.kind === 'stop' || q.max === 0) {
      if (atom.kind === 'stop') for (const p of set) p.open = false;
      continue;
    }
    const next: Prefix[] = [];
    for (const p of set) {
      if (!p.open) {
        next.push(p);
        continue;
      }
      if (q.min === 0) next.push(p);
      for (const o of atom.options) {
        next.push({
          text: p.text + o.text,
          // After one of several repetitions the next character is unknown.
          open: p.open && o.open && q.max === 1,
          anchored: p.text === '' ? p.anchored || o.anchored : p.anchored,
        });
      }
    }
    set = next;
    if (set.length > MAX_PREFIXES) for (const p of set) p.open = false;
  }
  return set;
}

function prefixesOf(source: string): Prefix[] | null {
  const alts = alternatives(source);
  if (!alts) return null;
  const out: Prefix[] = [];
  for (const alt of alts) {
    const set = sequencePrefixes(alt);
    if (!set) return null;
    out.push(...set);
  }
  return out;
}

const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The code of a character as case-insensitive matching compares it, or -1 outside ASCII.
 * ſ and the Kelvin sign match s and k under /iu, so they count as those.
 */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c === 0x17f) return 115;
  if (c === 0x212a) return 107;
  return -1;
}

/** Keys (folded, at most KEY_LENGTH characters) of an alternative's prefixes, or null. */
function keysOf(source: string): string[] | null {
  const set = sequencePrefixes(source);
  if (!set) return null;
  const keys = new Set<string>();
  for (const p of set) {
    let key = '';
    for (const ch of p.text.slice(0, KEY_LENGTH)) {
      const code = foldCode(ch.charCodeAt(0));
      if (code < 0 || ch.length !== 1) break;
      key += String.fromCharCode(code);
    }
    if (!p.anchored || key === '' || !isWordCode(key.charCodeAt(0))) return null;
    keys.add(key);
  }
  // A key that extends another adds nothing: the shorter one is met first.
  return [...keys].filter((k) => ![...keys].some((o) => o !== k && k.startsWith(o)));
}

/**
 * Strings one of which every match of an alternative contains somewhere (in lower case, at
 * least three characters): the best run of literal characters and all-literal groups the
 * alternative cannot skip ("(?:relations|ties)" after a space gives " relations", " ties").
 */
function factorsOf(source: string): string[] | null {
  let best: string[] | null = null;
  let bestMin = 2;
  let run: string[] = [''];
  const close = () => {
    if (run.some((f) => f !== '')) {
      const folded = run.map((f) => f.toLowerCase());
      const min = Math.min(...folded.map((f) => f.length));
      const ascii = folded.every((f) => [...f].every((ch) => ch.charCodeAt(0) < 128));
      if (min > bestMin && ascii) {
        best = folded;
        bestMin = min;
      }
    }
    run = [''];
  };
  let at = 0;
  while (at < source.length) {
    const atom = atomAt(source, at);
    if (!atom) return null;
    const q = quantifier(source, atom.end);
    at = atom.end + q.length;
    // A lookaround or boundary takes no characters: the run goes on across it.
    if (atom.kind === 'assert') continue;
    if (atom.kind === 'options' && q.min >= 1 && atom.options.every((o) => o.open)) {
      if (run.length * atom.options.length > MAX_PREFIXES) close();
      run = run.flatMap((r) => atom.options.map((o) => r + o.text));
      // After the first of several repetitions the next character is unknown.
      if (q.max !== 1) close();
      continue;
    }
    close();
  }
  close();
  return best;
}

/** What an alternative needs in a text: a key at a word start, or a string anywhere. */
type Need = { keys: string[]; factors: null } | { keys: null; factors: string[] };

/** A group that is a whole alternative ("(?:...)", as combined patterns are written): its inside. */
function loneGroup(source: string): string | null {
  if (!source.startsWith('(') || groupEnd(source, 0) !== source.length) return null;
  const head = /^\((?:\?(?::|<[A-Za-z_$][\w$]*>))?/.exec(source)![0];
  if (head === '(' && source[1] === '?') return null;
  return source.slice(head.length, -1);
}

/** The needs of every alternative of a pattern; null when one needs nothing this reader sees. */
function needsOf(source: string): Need[] | null {
  const alts = alternatives(source);
  if (!alts) return null;
  const out: Need[] = [];
  for (const alt of alts) {
    const inner = loneGroup(alt);
    if (inner !== null) {
      const needs = needsOf(inner);
      if (!needs) return null;
      out.push(...needs);
      continue;
    }
    const keys = keysOf(alt);
    if (keys) {
      out.push({ keys, factors: null });
      continue;
    }
    const factors = factorsOf(alt);
    if (!factors) return null;
    out.push({ keys: null, factors });
  }
  return out;
}

/** needsOf for a compiled pattern: the /v syntax (nested classes) is not read. */
function needsOfPattern(re: RegExp): Need[] | null {
  return re.flags.includes('v') ? null : needsOf(re.source);
}

/**
 * The word-start keys (up to KEY_LENGTH folded ASCII characters) one of which starts every
 * match of `re`, or null when the expression may match elsewhere or is not understood.
 */
export function wordStartKeys(re: RegExp): string[] | null {
  const needs = needsOfPattern(re);
  if (!needs || needs.some((n) => n.keys === null)) return null;
  const keys = new Set(needs.flatMap((n) => n.keys ?? []));
  return [...keys].filter((k) => ![...keys].some((o) => o !== k && k.startsWith(o)));
}

/**
 * Whether what the prefilter looks for in a text would also be found with some words blanked
 * out by spaces: no key starts with "_" (a word start only after a blank) and every space in
 * a key or string stands alone beside a letter or digit, so it cannot be a blanked character
 * (a blank is a whole word, with no letter or digit right before or after it).
 */
export function maskSafe(re: RegExp): boolean {
  const needs = needsOfPattern(re);
  if (!needs) return true;
  const spacesSafe = (s: string) =>
    [...s.matchAll(/ +/g)].every((m) => {
      const before = s[m.index - 1];
      const after = s[m.index + m[0].length];
      const wordy = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
      return m[0].length === 1 && (wordy(before) || wordy(after));
    });
  return needs.every(
    (n) =>
      (n.keys ?? []).every((k) => !k.startsWith('_') && spacesSafe(k)) && (n.factors ?? []).every(spacesSafe),
  );
}

/** The strings one of which every match of `re` contains, when its start cannot be keyed. */
export function requiredFactors(re: RegExp): string[] | null {
  const needs = needsOfPattern(re);
  if (!needs) return null;
  return [...new Set(needs.flatMap((n) => n.factors ?? []))];
}

/** Which of a list of expressions may match a text, from the first letters of its words. */
export class PrefixFilter {
  private readonly always: Uint8Array;
  /** starts()' marks, kept from call to call (a typed array is costly to allocate). */
  private readonly scratch: Uint8Array;
  readonly size: number;

  /** Expressions that some alternative lets match only where one of these strings occurs. */
  private readonly factors: Array<{ id: number; strings: string[] }> = [];
  /** 1 for expressions whose every match starts at a word start holding one of their keys. */
  private readonly keyedOnly: Uint8Array;

  // The keys as a trie in flat tables: state 0 is the root (never a child, so 0 also means
  // "no way on"); a character moves by `trans[state * width + symbol[code]]`.
  private readonly symbol = new Int16Array(128).fill(-1);
  /** The column of each ASCII character as the text has it (folded to lower case first). */
  private readonly column = new Int16Array(128).fill(-1);
  private readonly width: number;
  private readonly trans: Int32Array;
  /** Expressions whose key ends in each state: `hitList[hitStart[s] .. hitStart[s + 1]]`. */
  private readonly hitStart: Int32Array;
  private readonly hitList: Int32Array;

  constructor(expressions: readonly RegExp[]) {
    this.size = expressions.length;
    this.always = new Uint8Array(expressions.length);
    this.scratch = new Uint8Array(expressions.length);
    this.keyedOnly = new Uint8Array(expressions.length);
    const keyed: Array<[string, number]> = [];
    expressions.forEach((re, i) => {
      const needs = needsOfPattern(re);
      if (!needs) {
        this.always[i] = 1;
        return;
      }
      const strings = needs.flatMap((n) => n.factors ?? []);
      if (strings.length > 0) this.factors.push({ id: i, strings: [...new Set(strings)] });
      else this.keyedOnly[i] = 1;
      for (const key of needs.flatMap((n) => n.keys ?? [])) keyed.push([key, i]);
    });
    // The characters keys use, each a column of the table.
    let width = 0;
    for (const [key] of keyed)
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        if (this.symbol[code] === -1) this.symbol[code] = width++;
      }
    this.width = Math.max(width, 1);
    for (let c = 0; c < 128; c++) this.column[c] = this.symbol[foldCode(c)]!;
    const rows: Int32Array[] = [new Int32Array(this.width)];
    const ids: number[][] = [[]];
    for (const [key, i] of keyed) {
      let state = 0;
      for (let k = 0; k < key.length; k++) {
        const sym = this.symbol[key.charCodeAt(k)]!;
        let next = rows[state]![sym]!;
        if (next === 0) {
          next = rows.length;
          rows.push(new Int32Array(this.width));
          ids.push([]);
          rows[state]![sym] = next;
        }
        state = next;
      }
      if (!ids[state]!.includes(i)) ids[state]!.push(i);
    }
    this.trans = new Int32Array(rows.length * this.width);
    for (let r = 0; r < rows.length; r++) this.trans.set(rows[r]!, r * this.width);
    this.hitStart = new Int32Array(rows.length + 1);
    for (let r = 0; r < rows.length; r++) this.hitStart[r + 1] = this.hitStart[r]! + ids[r]!.length;
    this.hitList = Int32Array.from(ids.flat());
  }

  /**
   * The starts() of the expressions `from`..`to` in one piece of the text: the places inside
   * it, relative to it. A scan of the whole text finds every place a scan of the piece finds
   * when the piece begins after a space or line break (a place reaching past its end is one
   * where no match can start, which costs a try and changes nothing).
   */
  static within(
    starts: ReadonlyArray<number[] | null | undefined>,
    from: number,
    to: number,
    start: number,
    end: number,
  ): Array<number[] | null | undefined> {
    const out: Array<number[] | null | undefined> = [];
    for (let i = from; i < to; i++) {
      const places = starts[i];
      if (!places) {
        out.push(places);
        continue;
      }
      const inside: number[] = [];
      for (const p of places) if (p >= start && p < end) inside.push(p - start);
      out.push(inside.length > 0 ? inside : null);
    }
    return out;
  }

  /** 1 for each expression that may match somewhere in `text`, 0 for those that cannot. */
  candidates(text: string): Uint8Array {
    return this.scan(text, null, this.always.slice());
  }

  /**
   * Where each expression may start: for an expression every alternative of which is keyed,
   * the (sorted) word starts that hold one of its keys, or null when it cannot match; for any
   * other expression, undefined (it may start anywhere).
   */
  starts(text: string): Array<number[] | null | undefined> {
    const at: Array<number[] | null | undefined> = new Array(this.size);
    const may = this.scan(text, at, this.scratch);
    for (let i = 0; i < this.size; i++) {
      if (this.keyedOnly[i] === 0) at[i] = may[i] === 1 ? undefined : null;
      else if (at[i] === undefined) at[i] = null;
    }
    return at;
  }

  /** Marks in `out` (set to `always` first) the expressions that may match; returns it. */
  private scan(text: string, at: Array<number[] | null | undefined> | null, out: Uint8Array): Uint8Array {
    out.set(this.always);
    const { column, trans, width, hitStart, hitList, keyedOnly } = this;
    const n = text.length;
    // ſ and the Kelvin sign read as s and k (see foldCode).
    const longS = column[115]!;
    const kelvin = column[107]!;
    let prevWord = false;
    for (let q = 0; q < n; q++) {
      const c = text.charCodeAt(q);
      const word = c < 128 && isWordCode(c);
      if (prevWord || !(word || c === 0x17f || c === 0x212a)) {
        prevWord = word;
        continue;
      }
      prevWord = word;
      // A word start: walk the trie while the text follows a key.
      let state = 0;
      for (let k = q; k < n; k++) {
        const ck = text.charCodeAt(k);
        const col = ck < 128 ? column[ck]! : ck === 0x17f ? longS : ck === 0x212a ? kelvin : -1;
        if (col < 0) break;
        state = trans[state * width + col]!;
        if (state === 0) break;
        for (let h = hitStart[state]!, end = hitStart[state + 1]!; h < end; h++) {
          const i = hitList[h]!;
          out[i] = 1;
          if (at !== null && keyedOnly[i] === 1) {
            const list = at[i];
            if (!list) at[i] = [q];
            else if (list[list.length - 1] !== q) list.push(q);
          }
        }
      }
    }
    let folded: string | null = null;
    for (const { id, strings } of this.factors) {
      if (out[id] === 1) continue;
      // ſ matches s under /iu; lower case keeps every other ASCII match an ASCII match.
      folded ??= text.toLowerCase().replaceAll('ſ', 's');
      if (strings.some((f) => folded!.includes(f))) out[id] = 1;
    }
    return out;
  }
}

/** A sticky twin of a pattern: it matches only where lastIndex points. */
export function stickyOf(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace('g', '')}y`);
}

/**
 * Runs a pattern over a text like a global exec loop, but tries only the given start
 * positions (sorted) with its sticky twin: the same matches when no match can start elsewhere.
 * Empty matches move on by one character, as a matchAll loop does.
 */
export function matchesAt(sticky: RegExp, text: string, positions: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const p of positions) {
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    from = m[0].length === 0 ? p + 1 : p + m[0].length;
    found.push(m);
  }
  sticky.lastIndex = 0;
  return found;
}
