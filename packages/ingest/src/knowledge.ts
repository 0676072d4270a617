/**
 * Knowledge: the gazetteer (leaders files, organization heads, the user overlay), the
 * states of `world-countries`, the organizations and the theme patterns, read once and
 * turned into lookup tables so that extraction itself is pure and fast.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HotlineError, type Office, type Polity } from '@hotline/model';
import { INITIATIVE, REFERRING_INITIATIVE, TRIGGER_EXPRESSIONS } from './internal/calls.ts';
import { createStates, NOT_STATE_PHRASES, type StateEntry } from './internal/countries.ts';
import { maskSafe, PrefixFilter, stickyOf } from './internal/prefilter.ts';
import {
  canonicalRole,
  isLeaderRole,
  ROLE_LEXICON,
  type RoleSense,
  rolesCompatible,
} from './internal/roles.ts';
import { nameKey } from './internal/text.ts';
import type { GazetteerPerson, LoadKnowledgeOptions, Organization, ThemeDefinition } from './types.ts';

export type NameEntry =
  | { kind: 'person'; id: string; strength: 'full' | 'alias' | 'surname' }
  | { kind: 'state'; code: string }
  | { kind: 'org'; code: string };

export interface CompiledTheme {
  id: string;
  /** All patterns of the theme in one or two alternations (case-insensitive, case-sensitive). */
  patterns: RegExp[];
  /** Sticky twins of the patterns, to try them only where the prefilter says they may start. */
  sticky: RegExp[];
  exclude: RegExp[];
  /** Sticky twins of the exclusions. */
  excludeSticky: RegExp[];
  /**
   * The patterns look around or anchor (lookahead, lookbehind, ^, $): a match may then depend on
   * text outside its sentence, so they must run on each sentence alone, never on the whole text.
   */
  local: boolean;
}

/**
 * One node of the phrase trie: the phrase of token keys that leads here and what it names.
 * Recognition walks it token by token, so a phrase that starts no known name stops at once.
 */
export interface PhraseNode {
  /** The phrase's lookup key (token keys joined by spaces). */
  key: string;
  names: NameEntry[] | undefined;
  role: RoleSense | undefined;
  notState: boolean;
  next: Map<string, PhraseNode> | null;
}

/** Internal lookup tables; extraction reads them, nobody else should. */
export interface KnowledgeIndex {
  names: Map<string, NameEntry[]>;
  maxNameTokens: number;
  notStates: Set<string>;
  /** Which theme patterns (all themes' `patterns`, in order) can match a text at all. */
  themeFilter: PrefixFilter;
  /**
   * One prefilter for everything looked for in a readout's text: the theme patterns, the
   * trigger patterns, the two initiative phrases, then the theme exclusions; one scan of the
   * text serves them all.
   */
  textFilter: PrefixFilter;
  /** Where the theme exclusions begin in textFilter. */
  excludeOffset: number;
  /** The theme patterns' places in the text serve the text with role phrases blanked out too. */
  themesOnText: boolean;
  /** Names, role phrases and not-state phrases by their first token key. */
  phrases: Map<string, PhraseNode>;
  /** Role phrases alone: a phrase opening with a lower-case word can only be a role. */
  rolePhrases: Map<string, PhraseNode>;
  states: Map<string, StateEntry>;
  orgs: Map<string, Organization>;
  persons: Map<string, GazetteerPerson>;
  themes: CompiledTheme[];
}

/** Everything extraction knows about the world. Build it with loadKnowledge or createKnowledge. */
export interface Knowledge {
  /** States (from world-countries) and international organizations, for State nodes. */
  polities(): Polity[];
  /** Offices of a gazetteer person (empty when unknown). */
  leaderOffices(id: string): Office[];
  leaderById(id: string): GazetteerPerson | undefined;
  persons(): GazetteerPerson[];
  themes(): ThemeDefinition[];
  /** Persons holding an office of this polity whose role fits `role` on `date`. */
  holders(polity: string, role: string, date: string): GazetteerPerson[];
  /** Offices the person held on `date`. */
  officesOn(id: string, date: string): Office[];
  readonly index: KnowledgeIndex;
}

export interface KnowledgeData {
  persons: GazetteerPerson[];
  organizations: Organization[];
  themes: ThemeDefinition[];
}

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(file: string, what: string): HotlineError {
  return new HotlineError('INVALID_INPUT', `${file}: ${what}`);
}

async function readJson(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new HotlineError('NOT_FOUND', `${file}: cannot read (${(error as Error).message})`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw invalid(file, `malformed JSON (${(error as Error).message})`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, file: string, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalid(file, `${where}: "aliases" must be an array of strings`);
  }
  return value as string[];
}

function parseOffice(value: unknown, file: string, where: string): Office {
  if (!isRecord(value)) throw invalid(file, `${where}: office must be an object`);
  const { polity, role, from, to } = value;
  if (typeof polity !== 'string' || polity === '') throw invalid(file, `${where}: office without "polity"`);
  if (typeof role !== 'string' || role === '') throw invalid(file, `${where}: office without "role"`);
  if (typeof from !== 'string' || !ISO_DATE.test(from)) {
    throw invalid(file, `${where}: office "from" must be YYYY-MM-DD, got ${JSON.stringify(from)}`);
  }
  if (to !== null && to !== undefined && (typeof to !== 'string' || !ISO_DATE.test(to))) {
    throw invalid(file, `${where}: office "to" must be YYYY-MM-DD or null, got ${JSON.stringify(to)}`);
  }
  return { polity, role, from, to: (to as string | null | undefined) ?? null };
}

/** Parses a leaders file (or the overlay): an array of persons. Partial entries are allowed for overlays. */
export function parseLeaders(
  data: unknown,
  file: string,
  partial = false,
): Array<Partial<GazetteerPerson> & { id: string }> {
  if (!Array.isArray(data)) throw invalid(file, 'expected a JSON array of persons');
  return data.map((entry, i) => {
    const where = `entry ${i}`;
    if (!isRecord(entry)) throw invalid(file, `${where}: expected an object`);
    const { id, name, aliases, offices } = entry;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      throw invalid(file, `${where}: "id" must be a lower-case slug, got ${JSON.stringify(id)}`);
    }
    const at = `entry ${i} ("${id}")`;
    if (name !== undefined && typeof name !== 'string') throw invalid(file, `${at}: "name" must be a string`);
    if (!partial && typeof name !== 'string') throw invalid(file, `${at}: missing "name"`);
    if (offices !== undefined && !Array.isArray(offices))
      throw invalid(file, `${at}: "offices" must be an array`);
    const person: Partial<GazetteerPerson> & { id: string } = { id };
    if (typeof name === 'string') person.name = name;
    if (aliases !== undefined || !partial) person.aliases = stringList(aliases, file, at);
    if (offices !== undefined) person.offices = offices.map((o) => parseOffice(o, file, at));
    else if (!partial) person.offices = [];
    return person;
  });
}

function parseOrganizations(data: unknown, file: string): { orgs: Organization[]; heads: GazetteerPerson[] } {
  if (!Array.isArray(data)) throw invalid(file, 'expected a JSON array of organizations');
  const orgs: Organization[] = [];
  const heads: GazetteerPerson[] = [];
  data.forEach((entry, i) => {
    if (!isRecord(entry)) throw invalid(file, `entry ${i}: expected an object`);
    const { code, name, aliases, heads: list } = entry;
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) {
      throw invalid(file, `entry ${i}: "code" must be upper-case, got ${JSON.stringify(code)}`);
    }
    if (typeof name !== 'string') throw invalid(file, `entry ${i} ("${code}"): missing "name"`);
    orgs.push({ code, name, aliases: stringList(aliases, file, `entry ${i} ("${code}")`) });
    if (list === undefined) return;
    if (!Array.isArray(list)) throw invalid(file, `entry ${i} ("${code}"): "heads" must be an array`);
    list.forEach((head, j) => {
      const at = `${code} head ${j}`;
      if (!isRecord(head)) throw invalid(file, `${at}: expected an object`);
      const { id, name: headName, aliases: headAliases, role, from, to } = head;
      if (typeof id !== 'string' || id === '') throw invalid(file, `${at}: missing "id"`);
      if (typeof headName !== 'string') throw invalid(file, `${at} ("${id}"): missing "name"`);
      heads.push({
        id,
        name: headName,
        aliases: stringList(headAliases, file, `${at} ("${id}")`),
        offices: [parseOffice({ polity: code, role, from, to }, file, `${at} ("${id}")`)],
      });
    });
  });
  return { orgs, heads };
}

export function parseThemes(data: unknown, file: string): ThemeDefinition[] {
  const list = isRecord(data) ? data.themes : data;
  if (!Array.isArray(list)) throw invalid(file, 'expected {"themes": [...]}');
  return list.map((entry, i) => {
    if (!isRecord(entry)) throw invalid(file, `theme ${i}: expected an object`);
    const { id, label, description, patterns, exclude } = entry;
    if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) {
      throw invalid(file, `theme ${i}: "id" must be a lower-case slug, got ${JSON.stringify(id)}`);
    }
    const at = `theme "${id}"`;
    const pats = stringList(patterns, file, at);
    const excl = stringList(exclude, file, at);
    for (const p of [...pats, ...excl]) {
      try {
        compilePattern(p);
      } catch (error) {
        throw invalid(file, `${at}: bad pattern ${JSON.stringify(p)} (${(error as Error).message})`);
      }
    }
    return {
      id,
      label: typeof label === 'string' ? label : id,
      description: typeof description === 'string' ? description : '',
      patterns: pats,
      exclude: excl,
    };
  });
}

function mergePerson(into: Map<string, GazetteerPerson>, person: GazetteerPerson): void {
  const existing = into.get(person.id);
  if (!existing) {
    into.set(person.id, { ...person, aliases: [...person.aliases], offices: [...person.offices] });
    return;
  }
  existing.aliases = [...new Set([...existing.aliases, ...person.aliases])];
  for (const office of person.offices) {
    const dup = existing.offices.some(
      (o) => o.polity === office.polity && o.role === office.role && o.from === office.from,
    );
    if (!dup) existing.offices.push(office);
  }
}

async function loadGazetteerDir(
  dir: string,
): Promise<{ persons: GazetteerPerson[]; organizations: Organization[] }> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return { persons: [], organizations: [] };
  }
  const merged = new Map<string, GazetteerPerson>();
  let organizations: Organization[] = [];
  for (const name of files.filter((f) => /^leaders-.*\.json$/.test(f)).sort()) {
    const file = join(dir, name);
    for (const p of parseLeaders(await readJson(file), file)) mergePerson(merged, p as GazetteerPerson);
  }
  if (files.includes('organizations.json')) {
    const file = join(dir, 'organizations.json');
    const parsed = parseOrganizations(await readJson(file), file);
    organizations = parsed.orgs;
    for (const head of parsed.heads) mergePerson(merged, head);
  }
  return { persons: [...merged.values()], organizations };
}

/**
 * Reads data/ (themes.json, gazetteer/leaders-*.json, gazetteer/organizations.json) and the
 * optional user overlay (option or HOTLINE_GAZETTEER_OVERLAY).
 *
 * @example
 * const knowledge = await loadKnowledge();
 * const extraction = extractReadout({ source: 'x.txt', text, meta: {} }, knowledge);
 */
export async function loadKnowledge(options: LoadKnowledgeOptions = {}): Promise<Knowledge> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const themesFile = join(dataDir, 'themes.json');
  const themes = parseThemes(await readJson(themesFile), themesFile);
  const { persons, organizations } = await loadGazetteerDir(
    options.gazetteerDir ?? join(dataDir, 'gazetteer'),
  );
  const overlayPath = options.overlayPath ?? process.env.HOTLINE_GAZETTEER_OVERLAY;
  let all = persons;
  if (overlayPath) {
    const overlay = parseLeaders(await readJson(overlayPath), overlayPath, true);
    all = applyOverlay(persons, overlay, overlayPath);
  }
  return createKnowledge({ persons: all, organizations, themes });
}

/** Overlay entries replace the fields they give on the person with the same id, or add a person. */
export function applyOverlay(
  persons: GazetteerPerson[],
  overlay: Array<Partial<GazetteerPerson> & { id: string }>,
  file: string,
): GazetteerPerson[] {
  const byId = new Map(persons.map((p) => [p.id, { ...p }]));
  for (const entry of overlay) {
    const existing = byId.get(entry.id);
    if (existing) {
      byId.set(entry.id, { ...existing, ...entry } as GazetteerPerson);
    } else {
      if (entry.name === undefined) throw invalid(file, `"${entry.id}": a new person needs a "name"`);
      byId.set(entry.id, {
        id: entry.id,
        name: entry.name,
        aliases: entry.aliases ?? [],
        offices: entry.offices ?? [],
      });
    }
  }
  return [...byId.values()];
}

const COMMON_WORDS = new Set(
  [
    'may',
    'june',
    'april',
    'august',
    'march',
    'will',
    'rice',
    'brown',
    'king',
    'white',
    'green',
    'young',
    'price',
    'long',
    'best',
    'hope',
    'love',
    'bush',
    'mark',
    'ford',
    'major',
    'new',
    'sun',
    'moon',
    'lee',
    'park',
    'kim',
    'li',
    'wang',
    'zhang',
    'khan',
    'singh',
    'ali',
    'hassan',
    'martin',
    'thomas',
    'paul',
    'john',
    'said',
    'win',
    'sharif',
    'grant',
    'house',
    'hall',
    'bin',
    'abdullah',
    'mohammed',
    'muhammad',
    'prime',
    'president',
  ].map((w) => w),
);

function addName(map: Map<string, NameEntry[]>, name: string, entry: NameEntry): number {
  const key = nameKey(name);
  if (key === '') return 0;
  const list = map.get(key) ?? [];
  const same = list.find((e) => JSON.stringify(e) === JSON.stringify(entry));
  if (!same) {
    // A stronger reading of the same person replaces a weaker one.
    const idx = list.findIndex((e) => e.kind === 'person' && entry.kind === 'person' && e.id === entry.id);
    if (idx >= 0) {
      const old = list[idx] as Extract<NameEntry, { kind: 'person' }>;
      const rank = { full: 0, alias: 1, surname: 2 };
      if (rank[(entry as typeof old).strength] < rank[old.strength]) list[idx] = entry;
    } else list.push(entry);
  }
  map.set(key, list);
  return key.split(' ').length;
}

/** Builds the lookup tables from parsed data (tests use this with small fixtures). */
export function createKnowledge(data: KnowledgeData): Knowledge {
  const names = new Map<string, NameEntry[]>();
  let maxNameTokens = 1;
  const states = new Map<string, StateEntry>();
  for (const s of createStates()) {
    states.set(s.code, s);
    for (const n of s.names)
      maxNameTokens = Math.max(maxNameTokens, addName(names, n, { kind: 'state', code: s.code }));
  }
  const orgs = new Map<string, Organization>();
  for (const o of data.organizations) {
    orgs.set(o.code, o);
    for (const n of [o.name, o.code, ...o.aliases]) {
      if (n === 'ARAB_LEAGUE') continue;
      maxNameTokens = Math.max(maxNameTokens, addName(names, n, { kind: 'org', code: o.code }));
    }
  }
  const persons = new Map<string, GazetteerPerson>();
  for (const p of data.persons) {
    persons.set(p.id, p);
    maxNameTokens = Math.max(
      maxNameTokens,
      addName(names, p.name, { kind: 'person', id: p.id, strength: 'full' }),
    );
    for (const alias of p.aliases) {
      const single = nameKey(alias).split(' ').length === 1;
      // A two-letter alias ("Xi", "Li", "Hu") is a surname: it names the person only next to a
      // title or once the full name has appeared.
      const short = single && nameKey(alias).length < 3;
      const strength = single ? (COMMON_WORDS.has(nameKey(alias)) || short ? 'surname' : 'alias') : 'full';
      maxNameTokens = Math.max(maxNameTokens, addName(names, alias, { kind: 'person', id: p.id, strength }));
    }
    const parts = nameKey(p.name).split(' ');
    if (parts.length >= 2) addName(names, parts.at(-1)!, { kind: 'person', id: p.id, strength: 'surname' });
    // A social-media handle that runs a name together ("@narendramodi", "@vonderleyen").
    for (const n of [p.name, ...p.aliases]) {
      const key = nameKey(n);
      if (key.includes(' '))
        addName(names, key.replaceAll(' ', ''), { kind: 'person', id: p.id, strength: 'alias' });
    }
  }
  const notStates = new Set(NOT_STATE_PHRASES.map(nameKey));
  const themes = data.themes.map((t) => {
    const patterns = combinePatterns(t.patterns);
    const exclude = combinePatterns(t.exclude);
    return {
      id: t.id,
      patterns,
      sticky: patterns.map(stickyOf),
      exclude,
      excludeSticky: exclude.map(stickyOf),
      local: [...t.patterns, ...t.exclude].some((p) => LOOKS_AROUND.test(p)),
    };
  });
  // Offices by polity, each list in gazetteer order: holders() reads only its polity's.
  const officesByPolity = new Map<string, Array<{ person: GazetteerPerson; office: Office }>>();
  for (const p of persons.values()) {
    for (const office of p.offices) {
      let list = officesByPolity.get(office.polity);
      if (!list) {
        list = [];
        officesByPolity.set(office.polity, list);
      }
      list.push({ person: p, office });
    }
  }

  const phrases = buildPhrases(names, notStates);
  const rolePhrases = buildPhrases(new Map(), new Set());
  const index: KnowledgeIndex = {
    names,
    maxNameTokens,
    notStates,
    phrases,
    rolePhrases,
    themeFilter: new PrefixFilter(themes.flatMap((t) => t.patterns)),
    textFilter: new PrefixFilter([
      ...themes.flatMap((t) => t.patterns),
      ...TRIGGER_EXPRESSIONS,
      INITIATIVE,
      REFERRING_INITIATIVE,
      ...themes.flatMap((t) => t.exclude),
    ]),
    excludeOffset: themes.reduce((n, t) => n + t.patterns.length, 0) + TRIGGER_EXPRESSIONS.length + 2,
    themesOnText: themes.every((t) => t.patterns.every(maskSafe) && t.exclude.every(maskSafe)),
    states,
    orgs,
    persons,
    themes,
  };
  return {
    index,
    polities() {
      const out: Polity[] = [...states.values()].map((s) => ({
        code: s.code,
        name: s.name,
        kind: 'state' as const,
        region: s.region,
        latlng: s.latlng,
      }));
      for (const o of orgs.values())
        out.push({ code: o.code, name: o.name, kind: 'organization', region: null, latlng: null });
      return out;
    },
    leaderOffices: (id) => persons.get(id)?.offices ?? [],
    leaderById: (id) => persons.get(id),
    persons: () => [...persons.values()],
    themes: () => data.themes,
    holders(polity, role, date) {
      const canon = canonicalRole(role);
      const found: GazetteerPerson[] = [];
      const rivals: GazetteerPerson[] = [];
      for (const { person, office } of officesByPolity.get(polity) ?? []) {
        if (!inOffice(office, date)) continue;
        if (!rolesCompatible(office.role, canon)) continue;
        // "the Prime Minister of Yemen" is the recognised one, not a rival government's.
        const list = RIVAL_OFFICE.test(office.role) ? rivals : found;
        if (!list.includes(person)) list.push(person);
      }
      if (found.length === 0) found.push(...rivals);
      // On a handover day the incoming holder wins.
      if (found.length > 1) found.sort((a, b) => heldSince(b, polity, date) - heldSince(a, polity, date));
      return found;
    },
    officesOn: (id, date) => (persons.get(id)?.offices ?? []).filter((o) => inOffice(o, date)),
  };
}

const RIVAL_OFFICE = /^rival\b/i;

/** When the person's current office in the polity began (the latest, on a handover day). */
function heldSince(p: GazetteerPerson, polity: string, date: string): number {
  return Math.max(
    ...p.offices.filter((o) => o.polity === polity && inOffice(o, date)).map((o) => Date.parse(o.from)),
  );
}

function buildPhrases(names: Map<string, NameEntry[]>, notStates: Set<string>): Map<string, PhraseNode> {
  const root = new Map<string, PhraseNode>();
  const nodeFor = (key: string): PhraseNode => {
    let node: PhraseNode | undefined;
    for (const part of key.split(' ')) {
      if (node && !node.next) node.next = new Map();
      const level = node ? node.next! : root;
      let child = level.get(part);
      if (!child) {
        child = {
          key: node ? `${node.key} ${part}` : part,
          names: undefined,
          role: undefined,
          notState: false,
          next: null,
        };
        level.set(part, child);
      }
      node = child;
    }
    return node!;
  };
  for (const [key, entries] of names) nodeFor(key).names = entries;
  for (const [key, sense] of ROLE_LEXICON) nodeFor(key).role = sense;
  for (const key of notStates) nodeFor(key).notState = true;
  return root;
}

/** Theme patterns are case-insensitive; a leading "(?c)" makes one case-sensitive ("(?c)\\bWHO\\b"). */
export function compilePattern(pattern: string): RegExp {
  return pattern.startsWith('(?c)') ? new RegExp(pattern.slice(4), 'gu') : new RegExp(pattern, 'giu');
}

/** Lookarounds and anchors (a '^' that opens a character class is neither; a false alarm only costs speed). */
const LOOKS_AROUND = /\(\?<?[=!]|(?<!\[)\^|(?<!\\)\$/;

function combinePatterns(patterns: string[]): RegExp[] {
  const sensitive = patterns.filter((p) => p.startsWith('(?c)')).map((p) => `(?:${p.slice(4)})`);
  const insensitive = patterns.filter((p) => !p.startsWith('(?c)')).map((p) => `(?:${p})`);
  const out: RegExp[] = [];
  if (insensitive.length > 0) out.push(new RegExp(insensitive.join('|'), 'gi'));
  if (sensitive.length > 0) out.push(new RegExp(sensitive.join('|'), 'g'));
  return out;
}

export function inOffice(office: Office, date: string): boolean {
  return office.from <= date && (office.to === null || date <= office.to);
}

export { isLeaderRole };
