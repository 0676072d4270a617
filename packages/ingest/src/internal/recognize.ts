/**
 * Mention recognition: finds gazetteer persons, states, organizations and role phrases in
 * the token stream, then assembles participant mentions: "Syrian President Bashar al-Assad",
 * "President of Kenya William Ruto", "H.E. Mr. X, Prime Minister of Iraq", "the Iranian
 * President", "the Foreign Ministers of Turkey and Qatar", "the Prime Minister".
 */
import type { KnowledgeIndex, NameEntry, PhraseNode } from '../knowledge.ts';
import { ROLE_LEXICON, ROLE_MAX_TOKENS, type RoleSense } from './roles.ts';
import { fold, isJoiningGap, isParticle, nameKey, type Token } from './text.ts';

type RawItem =
  | { kind: 'person'; t0: number; t1: number; ids: string[]; weak: boolean }
  | { kind: 'state'; t0: number; t1: number; code: string }
  | { kind: 'org'; t0: number; t1: number; code: string }
  | {
      kind: 'role';
      t0: number;
      t1: number;
      sense: RoleSense;
      /** A gazetteer name that begins with the role ("Sultan Abdul Halim"): whose, and its end. */
      named?: { t1: number; ids: string[] };
    };

/** One reference to a (possible) participant. */
export interface Mention {
  start: number;
  end: number;
  /** Candidate gazetteer ids (several for an ambiguous surname). */
  ids: string[];
  /** Surface name for persons absent from the gazetteer. */
  name: string | null;
  role: RoleSense | null;
  /** Role as the text gives it, with qualifiers ("Congress president"). */
  roleText: string | null;
  /** State or organization the text attaches to the role. */
  state: string | null;
  /** The role has a non-state qualifier (a party, a region). */
  qualified: boolean;
  former: boolean;
  /** A bare role ("the Prime Minister"): resolved by coreference or the publisher. */
  unqualified: boolean;
}

export interface StateMention {
  start: number;
  end: number;
  code: string;
  /** The state qualifies a role ("Iranian President"). */
  ofRole: boolean;
}

export interface Recognition {
  tokens: Token[];
  mentions: Mention[];
  states: StateMention[];
  orgs: StateMention[];
}

const HONORIFICS = new Set([
  'h',
  'e',
  'he',
  'mr',
  'mrs',
  'ms',
  'dr',
  'shri',
  'sri',
  'smt',
  'samdech',
  'techo',
  'sir',
  'dame',
  'lord',
  'his',
  'her',
  'excelency',
  'madam',
  'mme',
  'sheikh',
  'sheik',
  'hrh',
  'hm',
  'majesty',
  'highnes',
  'royal',
  'hon',
  'honourable',
  'honorable',
]);

/**
 * Letters after a name that are not part of it ("Anthony Albanese MP", "Leo Varadkar TD"):
 * parliamentary seats, King's or Queen's Counsel, orders. Only read as such in capitals.
 */
const POST_NOMINALS = new Set([
  'mp',
  'mep',
  'mla',
  'msp',
  'ms',
  'td',
  'kc',
  'qc',
  'pc',
  'ac',
  'ao',
  'obe',
  'mbe',
  'cbe',
  'kbe',
  'gcmg',
  'kcmg',
  'gcb',
  'gcvo',
]);

function isPostNominal(t: Token): boolean {
  return POST_NOMINALS.has(t.key) && t.text === t.text.toUpperCase();
}

/**
 * Patronymic and family links that continue an Arabic name past the part the gazetteer
 * knows: "Mohammed bin Salman bin Abdulaziz Al Saud".
 */
const NAME_LINKS = new Set(['bin', 'bint', 'ibn', 'al', 'el']);
/** The links that name a father: what follows them is someone else's name. */
const PATRONYMIC_LINKS = new Set(['bin', 'bint', 'ibn']);

function patronymicEnd(tokens: Token[], t1: number): number {
  let end = t1;
  for (;;) {
    const link = tokens[end];
    const name = tokens[end + 1];
    if (!link || !name || !NAME_LINKS.has(link.key) || !SPACE.test(link.gap)) break;
    if (!name.cap || name.word.particle || !isJoiningGap(name.gap) || !SPACE.test(name.gap)) break;
    end += 2;
  }
  return end;
}
const MODIFIERS = new Set([
  'new',
  'former',
  'acting',
  'interim',
  'outgoing',
  'incoming',
  'then',
  'the',
  'his',
  'her',
  'their',
  'its',
  'newly',
  'elected',
  're',
  'caretaker',
  'current',
  'incumbent',
  'two',
  'both',
  'late',
  'sitting',
]);
const NAME_STOP = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'during',
  'his',
  'her',
  'their',
  'this',
  'that',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'both',
  'earlier',
  'meanwhile',
  'today',
  'yesterday',
  'and',
  'of',
  'for',
  'with',
  'to',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
  'office',
  'government',
  'ministry',
  'kremlin',
  'house',
  'said',
  'also',
  'who',
  'which',
  'however',
  'details',
  'addition',
  'photo',
  'readout',
  'statement',
  'spokesperson',
]);
const NAME_CONNECTORS = new Set([
  'bin',
  'ibn',
  'bint',
  'de',
  'van',
  'von',
  'da',
  'dos',
  'der',
  'la',
  'du',
  'le',
  'al',
  'el',
  'ben',
]);

const FIELD_END =
  /^(?:Affairs|Relations|Cooperation|Development|Security|Policy|Trade|Defen[cs]e|Health|Questions|Issues|Operations|Europe|Asia|Africa|Americas|Refugees|Rights|Peacekeeping|Disarmament|Climate|Environment|Energy|Finance|Economy|Commerce|Education|Culture|Justice|Interior|Migration)$/;

const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
const INITIAL = /^\p{Lu}{1,2}$/u;

function isInitialToken(t: Token): boolean {
  return INITIAL.test(t.text);
}

interface FirstNodes {
  /** The phrase a capitalized word opens (names, roles, not-state phrases). */
  cap: PhraseNode | undefined;
  /** The role phrase a lower-case word opens. */
  lower: PhraseNode | undefined;
}

/** Lower-case words that begin family names in European languages ("von der Leyen"). */
const LOWER_NAME_START = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'dos',
  'das',
  'le',
  'la',
  'ter',
  'ten',
  'zu',
]);

/** The phrase node a token opens, remembered on its word for this knowledge. */
function firstNode(token: Token, index: KnowledgeIndex): PhraseNode | undefined {
  const word = token.word;
  let memo = word.memoOf === index ? (word.memo as FirstNodes) : null;
  if (memo === null) {
    memo = { cap: index.phrases.get(word.key), lower: index.rolePhrases.get(word.key) };
    word.memoOf = index;
    word.memo = memo;
  }
  return token.cap || LOWER_NAME_START.has(word.key) ? memo.cap : memo.lower;
}

/** Scans the token stream for names (gazetteer persons, states, organizations) and roles. */
function scan(tokens: Token[], index: KnowledgeIndex): RawItem[] {
  const items: RawItem[] = [];
  const keep: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (!isParticle(tokens[i]!)) keep.push(i);
  const maxN = Math.max(index.maxNameTokens, ROLE_MAX_TOKENS);
  let p = 0;
  while (p < keep.length) {
    const first = tokens[keep[p]!]!;
    let matched: RawItem | null = null;
    let matchedN = 0;
    let skip = 0;
    // The phrase trie ends the walk as soon as the tokens so far begin no known phrase.
    let node: PhraseNode | undefined;
    for (let n = 1; n <= maxN && p + n <= keep.length; n++) {
      const ti = keep[p + n - 1]!;
      if (n > 1) {
        // Every token between the first and this one must be joined by a joining gap.
        let ok = true;
        for (let k = keep[p + n - 2]! + 1; k <= ti; k++) if (!isJoiningGap(tokens[k]!.gap)) ok = false;
        if (!ok) break;
      }
      // Names and not-state phrases count only when capitalized: otherwise look up roles alone.
      if (n === 1) node = firstNode(tokens[ti]!, index);
      else node = node!.next?.get(tokens[ti]!.key);
      if (node === undefined) break;
      const key = node.key;
      if (node.notState && first.cap) skip = n;
      const t0 = keep[p]!;
      const t1 = ti + 1;
      const role = node.role;
      if (role && !(key === 'pm' && !tokens[ti]!.cap) && !(n === 1 && key === 'chair' && !first.cap)) {
        matched = { kind: 'role', t0, t1, sense: role };
        matchedN = n;
      }
      // "President Putin" as an alias: the role is read as a role, the name after it as the name.
      const roleFirst: boolean = matched !== null && matched.kind === 'role' && matched.t0 === t0;
      // A known name may begin with a lower-case particle ("von der Leyen", "de Croo"): the
      // whole alias must match and end in a capital.
      const lowerStart = !first.cap && n > 1 && LOWER_NAME_START.has(first.key) && tokens[ti]!.cap;
      if (roleFirst && first.cap && n > 1 && node.names) {
        // The role stays a role; the whole name is remembered for it ("Sultan Abdul Halim",
        // whose "Abdul Halim" alone is no known name).
        const ids = node.names.flatMap((e) =>
          e.kind === 'person' && e.strength !== 'surname' ? [e.id] : [],
        );
        if (ids.length > 0 && matched?.kind === 'role')
          matched.named = { t1: patronymicEnd(tokens, t1), ids };
      }
      const entries: NameEntry[] | undefined =
        (first.cap || lowerStart) && !roleFirst ? node.names : undefined;
      if (entries && entries.length > 0) {
        const persons: Array<Extract<NameEntry, { kind: 'person' }>> = [];
        let state: Extract<NameEntry, { kind: 'state' }> | undefined;
        let org: Extract<NameEntry, { kind: 'org' }> | undefined;
        for (const e of entries) {
          if (e.kind === 'person') persons.push(e);
          else if (lowerStart) continue;
          else if (e.kind === 'state') state = state ?? e;
          else org = org ?? e;
        }
        // All-caps short forms ("US", "UN", "EU") must be written in capitals (asked only of
        // short forms).
        const shortForm = n === 1 && key.length <= 3;
        const caps = !shortForm || tokens[t0]!.text === tokens[t0]!.text.toUpperCase();
        const weak = persons.every((e) => e.strength === 'surname');
        // A short surname ("Xi", "Li") may be written in title case; a short alias must be in capitals.
        const shortSurname = caps || (weak && TITLE_CASE.test(tokens[t0]!.text));
        // "Cameroon" and "Cameron" share a key (doubled letters collapse): the spelling decides.
        if (state && persons.length > 0 && spelledAsState(tokens, t0, t1, state.code, index))
          persons.length = 0;
        if (persons.length > 0 && !(shortForm && !caps && !shortSurname)) {
          matched = { kind: 'person', t0, t1, ids: persons.map((e) => e.id), weak };
          matchedN = n;
        } else if (org && !(shortForm && !caps)) {
          matched = { kind: 'org', t0, t1, code: org.code };
          matchedN = n;
        } else if (state && !(shortForm && !caps && key !== 'lao')) {
          matched = { kind: 'state', t0, t1, code: state.code };
          matchedN = n;
        }
      }
    }
    if (skip > 0 && (!matched || matchedN <= skip)) {
      p += skip;
      continue;
    }
    if (matched?.kind === 'person' && matched.t1 - matched.t0 === 1) {
      const next = tokens[matched.t1];
      // "Jean Smith" or "Jean-Yves": one known word of an unknown longer name is not that person.
      if (
        next?.cap &&
        isJoiningGap(next.gap) &&
        (SPACE.test(next.gap) || HYPHEN.test(next.gap)) &&
        !index.names.has(next.key) &&
        !ROLE_LEXICON.has(next.key)
      ) {
        matched = null;
      }
    }
    if (
      matched?.kind === 'person' &&
      PATRONYMIC_LINKS.has(tokens[matched.t0 - 1]?.key ?? '') &&
      tokens[matched.t0 - 2]?.cap
    )
      // "Khaled bin Mohamed bin Zayed" is the son, not the known father.
      matched = null;
    if (matched?.kind === 'person' && matched.t1 - matched.t0 === 1) {
      // "Penny Wong" is not Lawrence Wong: a known surname after an unknown first name, inside
      // a sentence, is someone else's, unless the words before are the person's own
      // ("Vladimir Vladimirovich Putin").
      const prev = tokens[matched.t0 - 1];
      const last = items.at(-1);
      if (
        prev?.cap &&
        SPACE.test(tokens[matched.t0]!.gap) &&
        !(last && last.t1 >= matched.t0) &&
        matched.t0 - 1 > 0 &&
        // A sentence's first word may be any capitalized word ("But Xi said"); "H.E. Penny" is not one.
        !(SENTENCE_GAP.test(prev.gap) && !HONORIFICS.has(tokens[matched.t0 - 2]?.key ?? '')) &&
        !NAME_STOP.has(prev.key) &&
        !HONORIFICS.has(prev.key) &&
        !ROLE_LEXICON.has(prev.key) &&
        !index.names.has(prev.key) &&
        !isInitialToken(prev) &&
        !matched.ids.some(
          (id) => ownNameWord(index, id, prev) || ownNameWord(index, id, tokens[matched!.t0 - 2]),
        )
      )
        matched = null;
    }
    if (matched?.kind === 'person' && !matched.weak) {
      const end = patronymicEnd(tokens, matched.t1);
      if (end > matched.t1) {
        matched = { ...matched, t1: end };
        while (p + matchedN < keep.length && keep[p + matchedN]! < end) matchedN++;
      }
    }
    if (matched) {
      items.push(matched);
      p += matchedN;
    } else p++;
  }
  return items;
}

/** Whether a token is a word of the person's name or aliases in the gazetteer. */
function ownNameWord(index: KnowledgeIndex, id: string, token: Token | undefined): boolean {
  if (!token) return false;
  const person = index.persons.get(id);
  if (!person) return false;
  return [person.name, ...person.aliases].some((n) => nameKey(n).split(' ').includes(token.key));
}

function spelledAsState(
  tokens: Token[],
  t0: number,
  t1: number,
  code: string,
  index: KnowledgeIndex,
): boolean {
  const surface = tokens
    .slice(t0, t1)
    .map((t) => fold(t.text))
    .join(' ');
  return index.states.get(code)?.names.some((name) => fold(name) === surface) ?? false;
}

/** A run of capitalized tokens that reads as a person's name, starting at token i going forward. */
function nameRunForward(
  tokens: Token[],
  i: number,
  taken: Uint8Array,
  limit: number,
): [number, number] | null {
  let j = i;
  while (j < limit && j < tokens.length && HONORIFICS.has(tokens[j]!.key) && tokens[j]!.cap) j++;
  const start = j;
  let end = j;
  while (end < limit && end < tokens.length && end - start < 5) {
    const t = tokens[end]!;
    if (end > start && !isJoiningGap(t.gap)) break;
    if (taken[end] === 1) break;
    const connector = NAME_CONNECTORS.has(t.key) && end > start;
    if (!(t.cap || connector) || NAME_STOP.has(t.key)) break;
    end++;
  }
  while (end > start && NAME_CONNECTORS.has(tokens[end - 1]!.key)) end--;
  if (end === start) return null;
  // A name needs a word of at least two letters that is not an initial only.
  if (!tokens.slice(start, end).some((t) => t.text.length >= 3 || !isInitialToken(t))) return null;
  return [start, end];
}

function nameRunBackward(tokens: Token[], endExclusive: number, taken: Uint8Array): [number, number] | null {
  let start = endExclusive;
  while (start > 0 && endExclusive - start < 5) {
    const t = tokens[start - 1]!;
    if (taken[start - 1] === 1) break;
    const connector = NAME_CONNECTORS.has(t.key);
    if (!(t.cap || connector) || NAME_STOP.has(t.key) || HONORIFICS.has(t.key)) break;
    if (start < endExclusive && !isJoiningGap(tokens[start]!.gap)) break;
    start--;
  }
  if (start === endExclusive) return null;
  return [start, endExclusive];
}

// Patterns of the functions below, made once rather than at every call.
const DOT_SPACE = /^\.\s+$/;
const ONE_CAPITAL = /^\p{Lu}$/u;
const OPEN_PAREN_GAP = /^\s*\($/;
const APOSTROPHE = /^['’]$/;
const OPEN_PAREN_ONLY = /^\s*\(\s*$/;
const CLOSE_PAREN_GAP = /^\)\s+$/;
const HAS_OPEN_PAREN = /\(/;
const COMMA_GAP = /^,\s*$/;
const CLAUSE_END = /^\s*[,.;]/;
const PM_ABBREVIATION = /^PMs?$/;
const SPACES = /\s+/g;
const FORMER = /^former\s+/i;
const ROLE_LEAD =
  /^(?:the|his|her|their|its|new|newly|acting|interim|outgoing|incoming|current|both|two)\s+/i;

const SPACE = /^\s+$/;
/** A gap that ends a sentence or a line before the next word. */
const SENTENCE_GAP = /[.!?:;\n]/;
const HYPHEN = /^[-‐‑]$/;
const APPOSITIVE = /^,\s+$/;
const POSSESSIVE_OR_SPACE = /^(?:\s+|['’]s\s+|\s*[-–]\s*)$/;

/**
 * A zeroed buffer of `n` flags for the tokens items cover. Reused from call to call: a typed
 * array of more than a few dozen bytes is costly to allocate, and recognition never nests.
 */
let covered = new Uint8Array(256);
function coveredTokens(n: number): Uint8Array {
  if (covered.length < n) covered = new Uint8Array(Math.max(n, covered.length * 2));
  const view = covered.subarray(0, n);
  view.fill(0);
  return view;
}

export function recognize(text: string, tokens: Token[], index: KnowledgeIndex): Recognition {
  const raw = scan(tokens, index);
  // Items by the token they start at and end after, and the tokens they cover: arrays by
  // token index, read many times per role.
  const startAt: Array<RawItem | undefined> = new Array(tokens.length + 1);
  const endAt: Array<RawItem | undefined> = new Array(tokens.length + 1);
  const taken = coveredTokens(tokens.length + 1);
  for (const item of raw) {
    startAt[item.t0] = item;
    endAt[item.t1] = item;
    taken.fill(1, item.t0, item.t1);
  }
  const strongIds = new Set<string>();
  for (const item of raw)
    if (item.kind === 'person' && !item.weak) for (const id of item.ids) strongIds.add(id);

  const used = new Set<RawItem>();
  const mentions: Mention[] = [];
  const states: StateMention[] = [];
  const orgs: StateMention[] = [];

  for (let r = 0; r < raw.length; r++) {
    const item = raw[r]!;
    if (item.kind !== 'role' || used.has(item)) continue;
    used.add(item);
    let t1 = item.t1;
    let sense = item.sense;
    let state: string | null = null;
    let qualified = false;
    let former = false;
    const stateItems: Array<RawItem & { kind: 'state' | 'org' }> = [];
    // Chains: "General Secretary and Prime Minister X" -> the last role carries the name.
    let roleStart = item.t0;
    let chained = false;
    let qualStart: number | null = null;
    for (;;) {
      const and = tokens[t1];
      const nextRole = and?.key === 'and' ? startAt[t1 + 1] : undefined;
      if (nextRole && nextRole.kind === 'role' && SPACE.test(tokens[t1 + 1]!.gap) && !nextRole.sense.plural) {
        used.add(nextRole);
        if (nextRole.sense.leader || !sense.leader) sense = nextRole.sense;
        t1 = nextRole.t1;
        chained = true;
      } else break;
    }
    // Qualifiers before the role: state adjective, party or region name, modifiers.
    let k = roleStart;
    for (;;) {
      const before = endAt[k];
      if (
        before &&
        (before.kind === 'state' || before.kind === 'org') &&
        (POSSESSIVE_OR_SPACE.test(tokens[k]!.gap) ||
          // "U.S. President", "U.K. Prime Minister": an abbreviation's closing dot.
          (DOT_SPACE.test(tokens[k]!.gap) && ONE_CAPITAL.test(tokens[k - 1]!.text)))
      ) {
        stateItems.push(before);
        state = state ?? before.code;
        used.add(before);
        k = before.t0;
        continue;
      }
      const prevTok = tokens[k - 1];
      if (prevTok?.cap && qualified && OPEN_PAREN_GAP.test(tokens[k]!.gap) && taken[k - 1] === 0) {
        k--;
        qualStart = k;
        continue;
      }
      if (
        prevTok?.key === 's' &&
        SPACE.test(tokens[k]!.gap) &&
        APOSTROPHE.test(prevTok.gap) &&
        tokens[k - 2]?.cap
      ) {
        // "Kenya's President": the state's office, as "Kenyan President" is.
        const owner = endAt[k - 1];
        if (owner && (owner.kind === 'state' || owner.kind === 'org') && state === null) {
          stateItems.push(owner);
          state = owner.code;
          used.add(owner);
          k = owner.t0;
          continue;
        }
        qualified = true;
        k -= 2;
        qualStart = k;
        continue;
      }
      if (prevTok && SPACE.test(tokens[k]!.gap) && taken[k - 1] === 0) {
        if (MODIFIERS.has(prevTok.key)) {
          if (prevTok.key === 'former' || prevTok.key === 'late') former = true;
          k--;
          continue;
        }
        if (prevTok.cap && !NAME_STOP.has(prevTok.key) && !HONORIFICS.has(prevTok.key) && state === null) {
          qualified = true;
          k--;
          qualStart = k;
          continue;
        }
      }
      if (
        prevTok &&
        OPEN_PAREN_ONLY.test(tokens[k]!.gap) === false &&
        CLOSE_PAREN_GAP.test(tokens[k]!.gap) &&
        state === null
      ) {
        // "Samajwadi Party (SP) patron": skip the parenthesis back to the party name.
        let j = k - 1;
        while (j > 0 && !HAS_OPEN_PAREN.test(tokens[j]!.gap)) j--;
        if (j > 0 && k - j <= 3) {
          qualified = true;
          k = j;
          qualStart = k;
          continue;
        }
      }
      break;
    }
    roleStart = k;
    let coreEnd = t1;
    // "of (the) STATE (and STATE)" after the role.
    const plural = sense.plural;
    const stateList: string[] = [];
    if (tokens[t1]?.key === 'of' || (tokens[t1]?.key === 'for' && !tokens[t1 + 1]?.cap)) {
      let j = t1 + 1;
      if (tokens[j]?.key === 'the') j++;
      // "of El Salvador": the particle is not part of the state's item.
      if (tokens[j]?.word.particle) j++;
      let next = startAt[j];
      while (next && (next.kind === 'state' || next.kind === 'org')) {
        used.add(next);
        stateItems.push(next);
        stateList.push(next.code);
        t1 = next.t1;
        const sep = tokens[t1];
        if (!plural || !sep) break;
        // "of A, B and C": the next state follows a comma (its token is the next one) or "and".
        const comma = COMMA_GAP.test(sep.gap);
        if (sep.key !== 'and' && !comma) break;
        let j2 = sep.key === 'and' ? t1 + 1 : t1;
        if (tokens[j2]?.key === 'and') j2++;
        if (tokens[j2]?.key === 'the') j2++;
        next = startAt[j2];
      }
      if (state === null && stateList.length > 0) state = stateList[0]!;
    } else if (tokens[t1]?.key === 'for' && tokens[t1 + 1]?.cap) {
      // "Under-Secretary-General for Humanitarian Affairs"
      let j = t1 + 1;
      let fieldEnd = -1;
      while (tokens[j]?.cap && SPACE.test(tokens[j]!.gap) && taken[j] === 0 && j - t1 <= 4) {
        if (FIELD_END.test(tokens[j]!.text)) fieldEnd = j;
        j++;
      }
      j = fieldEnd >= 0 ? fieldEnd + 1 : Math.min(j, t1 + 2);
      t1 = j;
      coreEnd = j;
    }
    const roleText = chained
      ? sense.display
      : cleanRole(surface(text, tokens, qualStart ?? item.t0, coreEnd), former, sense);
    // Names after the role: gazetteer persons or capitalized runs.
    const names: NameAfterRole[] = [];
    // A name on the next line is not this role's ("... with foreign leaders\nDmitry Medvedev had").
    const nameGap = tokens[t1]?.gap ?? '';
    if (t1 === item.t1 && nameWithTitleWins(item, startAt)) {
      names.push(takeNamedRole(item, item.t1, startAt, used));
    } else if (tokens[t1] && !nameGap.includes('\n') && (SPACE.test(nameGap) || APPOSITIVE.test(nameGap))) {
      const appositive = APPOSITIVE.test(nameGap);
      const ok = takeNameAt(t1, text, tokens, startAt, taken, used, names);
      if (ok && appositive && names[0]!.ids.length === 0) {
        // An appositive must close with a comma or end the clause to be a name, not a list item.
        const after = tokens[names[0]!.t1];
        if (after && !CLAUSE_END.test(after.gap)) names.pop();
      }
      if (names.length > 0 && (plural || stateList.length === 0)) {
        for (;;) {
          const last = names.at(-1)!;
          const sep = tokens[last.t1];
          if (!plural || !sep) break;
          let j = last.t1;
          if (sep.key === 'and') j++;
          else if (COMMA_GAP.test(sep.gap) && sep.cap) j = last.t1;
          else break;
          if (!takeNameAt(j, text, tokens, startAt, taken, used, names)) break;
        }
      }
    }
    if (names.length === 1 && state === null && tokens[names[0]!.t1]?.key === 'of') {
      // "President Nyusi of Mozambique", "Prime Minister Albanese of Australia"
      let j = names[0]!.t1 + 1;
      if (tokens[j]?.key === 'the') j++;
      const st = startAt[j];
      if (st && (st.kind === 'state' || st.kind === 'org')) {
        used.add(st);
        stateItems.push(st);
        state = st.code;
        names[0]!.t1 = Math.max(names[0]!.t1, st.t1);
      }
    }
    if (names.length === 0 && tokens[roleStart] && APPOSITIVE.test(tokens[roleStart]!.gap)) {
      // "H.E. Mr. X, President of Y": the name precedes the role, maybe with letters after it.
      let nameEnd = roleStart;
      while (nameEnd > 1 && isPostNominal(tokens[nameEnd - 1]!) && SPACE.test(tokens[nameEnd - 1]!.gap))
        nameEnd--;
      const prev = endAt[nameEnd];
      // A bare surname ("On Friday, the President ...") is a name only when it is accepted on its own.
      if (prev?.kind === 'person' && !used.has(prev) && personAccepted(prev, false, tokens, strongIds)) {
        used.add(prev);
        names.push({ t0: prev.t0, t1: prev.t0, ids: prev.ids, name: null });
        roleStart = prev.t0;
      } else if (!prev && (state !== null || stateList.length > 0)) {
        const run = nameRunBackward(tokens, nameEnd, taken);
        if (run) {
          names.push({ t0: run[0], t1: run[0], ids: [], name: surface(text, tokens, run[0], run[1]) });
          roleStart = run[0];
        }
      }
    }
    for (const s of stateItems)
      (s.kind === 'state' ? states : orgs).push(stateMention(tokens, s.t0, s.t1, s.code, true));
    const role: RoleOf = { sense, qualified, former };
    if (names.length > 0) {
      for (const n of names) {
        const end = Math.max(n.t1, t1);
        mentions.push(
          roleMention(tokens, role, Math.min(roleStart, n.t0), end, n.ids, n.name, roleText, state, false),
        );
      }
    } else if (stateList.length > 1) {
      for (const code of stateList) {
        const text = former ? `former ${sense.display}` : sense.display;
        mentions.push(roleMention(tokens, role, roleStart, t1, [], null, text, code, false));
      }
    } else if (!(plural && state === null)) {
      mentions.push(
        roleMention(tokens, role, roleStart, t1, [], null, roleText, state, state === null && !qualified),
      );
    }
  }
  for (const item of raw) {
    if (used.has(item)) continue;
    if (item.kind === 'person') {
      if (!personAccepted(item, false, tokens, strongIds) && !pairedWithName(item, tokens, startAt, endAt))
        continue;
      // "the Kremlin's X": not a state
      mentions.push(personMention(tokens[item.t0]!.start, tokens[item.t1 - 1]!.end, item.ids));
    } else if (item.kind === 'state') states.push(stateMention(tokens, item.t0, item.t1, item.code, false));
    else if (item.kind === 'org') orgs.push(stateMention(tokens, item.t0, item.t1, item.code, false));
  }
  mentions.sort((a, b) => a.start - b.start);
  givenNameMentions(tokens, mentions, taken, index);
  states.sort((a, b) => a.start - b.start);
  return { tokens, mentions, states, orgs };
}

/**
 * "I spoke with Prime Minister Keir Starmer … Keir also shared …": after a leader's full name,
 * their given name alone is the same person, when no other person named in the text shares it.
 * Adds those mentions to the sorted list.
 */
function givenNameMentions(
  tokens: Token[],
  mentions: Mention[],
  taken: Uint8Array,
  index: KnowledgeIndex,
): void {
  let given: Map<string, { id: string | null; after: number }> | null = null;
  for (const m of mentions) {
    if (m.ids.length !== 1) continue;
    const words = index.persons.get(m.ids[0]!)?.name.split(' ') ?? [];
    if (words.length < 2 || words[0]!.length < 3 || words[0]!.endsWith('.')) continue;
    const key = nameKey(words[0]!);
    given ??= new Map();
    const seen = given.get(key);
    if (!seen) given.set(key, { id: m.ids[0]!, after: m.end });
    else if (seen.id !== m.ids[0]) seen.id = null;
  }
  if (!given) return;
  const added: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || taken[i] === 1) continue;
    const hit = given.get(t.key);
    if (!hit || hit.id === null || t.start < hit.after) continue;
    // "Keir Hardie", "Abdullah bin Zayed": a given name that runs on into another name is someone else's.
    const next = tokens[i + 1];
    if (next && next.gap === ' ' && (next.cap || NAME_CONNECTORS.has(next.key))) continue;
    if (mentions.some((m) => m.start <= t.start && t.end <= m.end)) continue;
    added.push(personMention(t.start, t.end, [hit.id]));
  }
  if (added.length === 0) return;
  mentions.push(...added);
  mentions.sort((a, b) => a.start - b.start);
}

// The helpers below are module functions rather than closures inside recognize(): tsx (how
// hotline runs) compiles with esbuild's keepNames, which names every closure each time it is
// created, and that cost ~8% of extraction when they were made per readout and per role.

/** A gazetteer person named without a role. */
export function personMention(start: number, end: number, ids: string[]): Mention {
  return {
    start,
    end,
    ids,
    name: null,
    role: null,
    roleText: null,
    state: null,
    qualified: false,
    former: false,
    unqualified: false,
  };
}

function stateMention(tokens: Token[], t0: number, t1: number, code: string, ofRole: boolean): StateMention {
  return { start: tokens[t0]!.start, end: tokens[t1 - 1]!.end, code, ofRole };
}

function surface(text: string, tokens: Token[], t0: number, t1: number): string {
  return text.slice(tokens[t0]!.start, tokens[t1 - 1]!.end);
}

function personAccepted(
  item: Extract<RawItem, { kind: 'person' }>,
  afterRole: boolean,
  tokens: Token[],
  strongIds: Set<string>,
): boolean {
  if (!item.weak) return true;
  if (afterRole) return true;
  if (item.ids.some((id) => strongIds.has(id))) return true;
  const prev = tokens[item.t0 - 1];
  return prev !== undefined && HONORIFICS.has(prev.key) && prev.cap;
}

/** "Biden and Xi": a bare surname joined by "and" to a full or unambiguous name is a person too. */
function pairedWithName(
  item: Extract<RawItem, { kind: 'person' }>,
  tokens: Token[],
  startAt: Array<RawItem | undefined>,
  endAt: Array<RawItem | undefined>,
): boolean {
  const strong = (other: RawItem | undefined) => other?.kind === 'person' && !other.weak;
  return (
    (tokens[item.t0 - 1]?.key === 'and' && strong(endAt[item.t0 - 1])) ||
    (tokens[item.t1]?.key === 'and' && strong(startAt[item.t1 + 1]))
  );
}

interface NameAfterRole {
  t0: number;
  t1: number;
  ids: string[];
  name: string | null;
}

/** Takes the name that starts at token j (after honorifics) into `names`; false when there is none. */
function takeNameAt(
  j: number,
  text: string,
  tokens: Token[],
  startAt: Array<RawItem | undefined>,
  taken: Uint8Array,
  used: Set<RawItem>,
  names: NameAfterRole[],
): boolean {
  let h = j;
  while (tokens[h] && HONORIFICS.has(tokens[h]!.key) && tokens[h]!.cap && startAt[h] === undefined) h++;
  const person = startAt[h];
  // "King of Malaysia Sultan Abdul Halim": a name that begins with a role.
  if (person?.kind === 'role' && nameWithTitleWins(person, startAt) && !used.has(person)) {
    used.add(person);
    names.push(takeNamedRole(person, h, startAt, used));
    return true;
  }
  if (person?.kind === 'person') {
    used.add(person);
    names.push({ t0: person.t0, t1: person.t1, ids: person.ids, name: null });
    return true;
  }
  if (person) return false;
  const run = nameRunForward(tokens, h, taken, tokens.length);
  if (run) {
    // "Prime Minister Muhammad Shehbaz Sharif": a given name the gazetteer does not list, right
    // before a name it does, is part of that person's name.
    const known = startAt[run[1]];
    if (known?.kind === 'person' && !used.has(known) && run[1] - run[0] <= 2 && tokens[run[1]]!.gap === ' ') {
      used.add(known);
      names.push({ t0: run[0], t1: known.t1, ids: known.ids, name: null });
      return true;
    }
    names.push({ t0: run[0], t1: run[1], ids: [], name: surface(text, tokens, run[0], run[1]) });
    return true;
  }
  return false;
}

/**
 * Whether the gazetteer name a role begins is the role's name: it runs at least as far as the
 * person right after the role.
 * "Sultan Abdul Halim" does, "President Lula" does not in "President Lula da Silva".
 */
function nameWithTitleWins(
  role: Extract<RawItem, { kind: 'role' }>,
  startAt: Array<RawItem | undefined>,
): boolean {
  if (!role.named) return false;
  const after = startAt[role.t1];
  // Where both end together ("Sultan Abdullah" against someone called "Abdullah"), the name
  // with its title is the one meant.
  return !(after?.kind === 'person' && after.t1 > role.named.t1);
}

/** The gazetteer name a role item begins, from token t0; the items inside it are used up. */
function takeNamedRole(
  role: Extract<RawItem, { kind: 'role' }>,
  t0: number,
  startAt: Array<RawItem | undefined>,
  used: Set<RawItem>,
): NameAfterRole {
  const named = role.named!;
  for (let j = role.t1; j < named.t1; j++) {
    const inner = startAt[j];
    if (inner) used.add(inner);
  }
  return { t0, t1: named.t1, ids: named.ids, name: null };
}

interface RoleOf {
  sense: RoleSense;
  qualified: boolean;
  former: boolean;
}

/** Mentions are built field by field in one order: one object shape for all of them. */
function roleMention(
  tokens: Token[],
  role: RoleOf,
  t0: number,
  t1: number,
  ids: string[],
  name: string | null,
  roleText: string | null,
  state: string | null,
  unqualified: boolean,
): Mention {
  return {
    start: tokens[t0]!.start,
    end: tokens[t1 - 1]!.end,
    ids,
    name,
    role: role.sense,
    roleText,
    state,
    qualified: role.qualified,
    former: role.former,
    unqualified,
  };
}

function cleanRole(text: string, former: boolean, sense: RoleSense): string {
  if (PM_ABBREVIATION.test(text)) return former ? `former ${sense.display}` : sense.display;
  let t = text.replace(SPACES, ' ').trim();
  t = t.replace(ROLE_LEAD, '');
  t = t.replace(FORMER, '');
  return former ? `former ${t}` : t;
}
