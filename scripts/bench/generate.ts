/**
 * Seeded generator of realistic readouts with their gold annotations, for the benchmarks.
 *
 * Five publishers' styles (Kremlin, Downing Street "PM call with…", White House "Readout
 * of…", a news-agency wire with a dateline without a year, UN Secretary-General readouts),
 * multi-call texts, relative dates ("on Monday", "yesterday", "this morning"), calls with
 * foreign ministers (not leaders: core=false) and negatives (planned calls, messages).
 * Leaders, offices and tenures come from data/gazetteer/*.json, so extraction can resolve
 * them; states' names, adjectives and capitals from world-countries. Every sentence
 * template is written here. Document i depends only on (seed, i): shards can be written in
 * any order and a corpus is the same on every machine.
 *
 * Corpus layout (default `jsonl`): readouts-NNNNN.jsonl (one record per line: id, title,
 * url, publisher, published, language, style, text; what `readInputs` reads) and
 * gold-NNNNN.jsonl (one GoldDocument per line). `--format files` writes the layout of a
 * gold corpus instead (ID.txt, ID.meta.json, ID.gold.json), which `hotline eval` reads.
 *
 *   pnpm exec tsx scripts/bench/generate.ts --n 1000 --seed 42 --out DIR [--format jsonl|files]
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GoldCall, GoldDocument, GoldParticipant } from '@hotline/ingest';
import countries from 'world-countries';

export const STYLES = ['kremlin', 'downing', 'whitehouse', 'wire', 'un', 'negative'] as const;
export type Style = (typeof STYLES)[number];

/** One generated readout as written to readouts-*.jsonl. */
export interface CorpusRecord {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string;
  published: string;
  language: 'en';
  style: Style;
  text: string;
}

export interface GeneratedDocument {
  record: CorpusRecord;
  gold: GoldDocument;
}

export const DEFAULT_GAZETTEER_DIR = fileURLToPath(new URL('../../data/gazetteer/', import.meta.url));

// ---------------------------------------------------------------------------------------
// Randomness: a 32-bit hash of (seed, index) seeds a mulberry32 stream per document.

function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  return h >>> 0;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** k distinct items (k ≤ items.length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0)
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC).

const DAY_MS = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function parts(day: number): { y: number; m: number; d: number; wd: number } {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate(), wd: t.getUTCDay() };
}
/** "6 July 2024" */
function longDate(day: number): string {
  const p = parts(day);
  return `${p.d} ${MONTHS[p.m]} ${p.y}`;
}
/** "July 6" (a dateline without a year) */
function monthDay(day: number): string {
  const p = parts(day);
  return `${MONTHS[p.m]} ${p.d}`;
}
function weekday(day: number): string {
  return WEEKDAYS[parts(day).wd]!;
}

const FIRST_DAY = dayOf('2005-01-01');
const LAST_DAY = dayOf('2025-06-30');
/** Days kept clear of a change of office, so that who held an office is never in doubt. */
const MARGIN = 10;

// ---------------------------------------------------------------------------------------
// The world: states, leaders' terms, hosts, foreign ministers.

export interface StateInfo {
  code: string;
  /** "Finland", "the United States" */
  name: string;
  /** "Finnish"; null when world-countries has none. */
  adjective: string | null;
  capital: string | null;
}

export interface Term {
  id: string;
  name: string;
  polity: string;
  role: string;
  from: number;
  to: number;
}

export interface World {
  states: Map<string, StateInfo>;
  /** Terms of heads of state and government usable as counterparts, sorted by start. */
  leaders: Term[];
  hosts: { kremlin: Term[]; downing: Term[]; whitehouse: Term[]; un: Term[] };
  foreignMinisters: Term[];
}

interface GazetteerOffice {
  polity: string;
  role: string;
  from: string;
  to: string | null;
}
interface GazetteerEntry {
  id: string;
  name: string;
  offices: GazetteerOffice[];
}
interface OrganizationEntry {
  code: string;
  heads?: Array<{ id: string; name: string; role: string; from: string; to: string | null }>;
}

const COUNTERPART_ROLES = new Set([
  'President',
  'Prime Minister',
  'Chancellor',
  'King',
  'Queen',
  'Emir',
  'Premier',
  'Taoiseach',
  'Sultan',
]);
const THE =
  /^(?:United |Czech|Dominican Republic|Central African|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Republic|Democratic|Holy See)|Islands$/;

/** Foreign ministers (not leaders). Public offices and tenures, written out here. */
const FOREIGN_MINISTERS: Array<[string, string, string, string, string | null]> = [
  ['sergey-lavrov', 'Sergey Lavrov', 'RUS', '2004-03-09', null],
  ['wang-yi', 'Wang Yi', 'CHN', '2013-03-16', '2022-12-30'],
  ['hakan-fidan', 'Hakan Fidan', 'TUR', '2023-06-04', null],
  ['mevlut-cavusoglu', 'Mevlüt Çavuşoğlu', 'TUR', '2015-11-24', '2023-06-03'],
  ['subrahmanyam-jaishankar', 'Subrahmanyam Jaishankar', 'IND', '2019-05-31', null],
  ['annalena-baerbock', 'Annalena Baerbock', 'DEU', '2021-12-08', '2025-05-06'],
  ['dmytro-kuleba', 'Dmytro Kuleba', 'UKR', '2020-03-04', '2024-09-05'],
  ['penny-wong', 'Penny Wong', 'AUS', '2022-05-23', null],
  ['melanie-joly', 'Mélanie Joly', 'CAN', '2021-10-26', '2025-05-13'],
  ['sameh-shoukry', 'Sameh Shoukry', 'EGY', '2014-06-17', '2024-07-03'],
  ['ayman-safadi', 'Ayman Safadi', 'JOR', '2017-01-15', null],
  ['mauro-vieira', 'Mauro Vieira', 'BRA', '2023-01-01', null],
  ['radoslaw-sikorski', 'Radosław Sikorski', 'POL', '2023-12-13', null],
  ['jean-yves-le-drian', 'Jean-Yves Le Drian', 'FRA', '2017-05-17', '2022-05-20'],
  ['javad-zarif', 'Mohammad Javad Zarif', 'IRN', '2013-08-15', '2021-08-25'],
  ['adel-al-jubeir', 'Adel al-Jubeir', 'SAU', '2015-04-29', '2018-12-27'],
];

/** States whose situation readouts often discuss (a third state, never a participant). */
const HOTSPOTS = [
  'UKR',
  'SYR',
  'AFG',
  'IRQ',
  'LBY',
  'YEM',
  'SDN',
  'VEN',
  'MMR',
  'SOM',
  'MLI',
  'HTI',
  'LBN',
  'ETH',
];
const FORUMS = [
  'the G20',
  'the United Nations',
  'BRICS',
  'the Shanghai Cooperation Organisation',
  'ASEAN',
  'the UN Security Council',
];

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function createWorld(gazetteerDir: string = DEFAULT_GAZETTEER_DIR): World {
  const states = new Map<string, StateInfo>();
  // An adjective two states share ("Dominican", "Congolese") names neither for certain.
  const adjectiveCount = new Map<string, number>();
  for (const c of countries) {
    const m = (c.demonyms as { eng?: { m?: string } } | undefined)?.eng?.m;
    if (m) adjectiveCount.set(m, (adjectiveCount.get(m) ?? 0) + 1);
  }
  for (const c of countries) {
    if (!c.independent && c.cca3 !== 'PSE' && c.cca3 !== 'TWN') continue;
    const common = c.name.common;
    const demonym = (c.demonyms as { eng?: { m?: string } } | undefined)?.eng?.m ?? null;
    states.set(c.cca3, {
      code: c.cca3,
      name: THE.test(common) ? `the ${common}` : common,
      adjective:
        demonym && adjectiveCount.get(demonym) === 1 && /^[A-Z][\p{L}-]+$/u.test(demonym) ? demonym : null,
      capital: c.capital?.[0] ?? null,
    });
  }
  const people: GazetteerEntry[] = [];
  for (const f of readdirSync(gazetteerDir).sort()) {
    if (/^leaders-.*\.json$/.test(f)) people.push(...readJson<GazetteerEntry[]>(join(gazetteerDir, f)));
  }
  // Names that denote one person only; people who hold offices of one polity only.
  const nameCount = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    nameCount.set(p.name, (nameCount.get(p.name) ?? 0) + 1);
  }
  const term = (id: string, name: string, o: GazetteerOffice): Term => ({
    id,
    name,
    polity: o.polity,
    role: o.role,
    from: dayOf(o.from),
    to: o.to ? dayOf(o.to) : Number.POSITIVE_INFINITY,
  });
  const leaders: Term[] = [];
  const hosts: World['hosts'] = { kremlin: [], downing: [], whitehouse: [], un: [] };
  const used = new Set<string>();
  for (const p of people) {
    if (used.has(p.id)) continue;
    used.add(p.id);
    for (const o of p.offices) {
      if (o.polity === 'RUS' && o.role === 'President') hosts.kremlin.push(term(p.id, p.name, o));
      if (o.polity === 'GBR' && o.role === 'Prime Minister') hosts.downing.push(term(p.id, p.name, o));
      if (o.polity === 'USA' && o.role === 'President') hosts.whitehouse.push(term(p.id, p.name, o));
    }
    const polities = new Set(p.offices.map((o) => o.polity));
    if (polities.size !== 1 || nameCount.get(p.name) !== 1 || !/^[\p{L}][\p{L} .'’-]+$/u.test(p.name))
      continue;
    for (const o of p.offices) {
      if (!COUNTERPART_ROLES.has(o.role) || !states.has(o.polity)) continue;
      leaders.push(term(p.id, p.name, o));
    }
  }
  const orgs = readJson<OrganizationEntry[]>(join(gazetteerDir, 'organizations.json'));
  for (const h of orgs.find((o) => o.code === 'UN')?.heads ?? []) {
    hosts.un.push(term(h.id, h.name, { polity: 'UN', role: h.role, from: h.from, to: h.to }));
  }
  const foreignMinisters = FOREIGN_MINISTERS.map(([id, name, polity, from, to]) =>
    term(id, name, { polity, role: 'Foreign Minister', from, to }),
  );
  leaders.sort((a, b) => a.from - b.from || a.id.localeCompare(b.id));
  return { states, leaders, hosts, foreignMinisters };
}

function inTerm(t: Term, day: number): boolean {
  return t.from + MARGIN <= day && day + MARGIN <= t.to;
}

/** Counterparts in office on `day`, none of `excluded` polities, distinct polities. */
function counterparts(world: World, rng: Rng, day: number, k: number, excluded: Set<string>): Term[] {
  const pool = world.leaders.filter((t) => inTerm(t, day) && !excluded.has(t.polity));
  const out: Term[] = [];
  const polities = new Set<string>();
  for (const t of rng.sample(pool, Math.min(pool.length, k * 3))) {
    if (polities.has(t.polity) || out.some((o) => o.id === t.id)) continue;
    polities.add(t.polity);
    out.push(t);
    if (out.length === k) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Text helpers. A Doc collects the text and the states it names.

class Doc {
  readonly named = new Set<string>();
  constructor(readonly world: World) {}
  state(code: string): StateInfo {
    const s = this.world.states.get(code);
    if (!s) throw new Error(`unknown state ${code}`);
    return s;
  }
  /** "Finland" (and remembers that the text names Finland). */
  country(code: string): string {
    this.named.add(code);
    return this.state(code).name;
  }
  /** "Finnish", or null when the state has no usable adjective. */
  adjective(code: string): string | null {
    const a = this.state(code).adjective;
    if (a) this.named.add(code);
    return a;
  }
}

/** "President of Finland Sauli Niinistö" (Kremlin) */
function kremlinRef(doc: Doc, t: Term): string {
  return `${t.role} of ${doc.country(t.polity)} ${t.name}`;
}
/** "President Sauli Niinistö of Finland" (White House, Downing Street titles) */
function titleRef(doc: Doc, t: Term): string {
  return `${t.role} ${t.name} of ${doc.country(t.polity)}`;
}
/** "Finnish President Sauli Niinistö", or the titleRef form. */
function adjectiveRef(doc: Doc, t: Term): string {
  const adj = doc.adjective(t.polity);
  return adj ? `${adj} ${t.role} ${t.name}` : titleRef(doc, t);
}
/** "the Finnish President, Sauli Niinistö," (Downing Street body) */
function appositiveRef(doc: Doc, t: Term): string {
  const adj = doc.adjective(t.polity);
  return adj ? `the ${adj} ${t.role}, ${t.name},` : `the ${t.role} of ${doc.country(t.polity)}, ${t.name},`;
}
/** "H.E. Sauli Niinistö, President of Finland" (UN) */
function unRef(doc: Doc, t: Term): string {
  return `H.E. ${t.name}, ${t.role} of ${doc.country(t.polity)}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------
// What the leaders talked about: sentence templates with the themes they cover.

interface TopicContext {
  doc: Doc;
  rng: Rng;
  /** Polities of the participants (never used as third states). */
  sides: Set<string>;
  /** The counterparts' polity, for greetings. */
  other: string;
  /** The host's polity, for invitations (null for the UN). */
  host: string | null;
  day: number;
}

interface Topic {
  themes: string[];
  write(ctx: TopicContext): { text: string; subjects: string[] } | null;
}

function thirdState(ctx: TopicContext): string | null {
  const free = HOTSPOTS.filter((c) => !ctx.sides.has(c) && ctx.doc.world.states.has(c));
  return free.length > 0 ? ctx.rng.pick(free) : null;
}

const plain =
  (text: string, subjects: string[] = []) =>
  (): { text: string; subjects: string[] } => ({ text, subjects });

const TOPICS: Topic[] = [
  {
    themes: ['bilateral-cooperation'],
    write: plain(
      'The two leaders reviewed the state of bilateral relations and noted the steady development of cooperation in a range of areas.',
    ),
  },
  {
    themes: ['bilateral-cooperation'],
    write: plain(
      'Both sides reaffirmed their commitment to further strengthening the strategic partnership.',
    ),
  },
  {
    themes: ['trade-investment'],
    write: plain(
      'Particular attention was paid to expanding trade and investment, including joint projects in manufacturing.',
    ),
  },
  {
    themes: ['energy'],
    write: plain(
      'They discussed energy cooperation, including oil and gas supplies and the construction of a nuclear power plant.',
    ),
  },
  {
    themes: ['finance-sanctions'],
    write: plain(
      'The conversation touched upon the impact of unilateral sanctions and the use of national currencies in mutual payments.',
    ),
  },
  {
    themes: ['defense-security'],
    write: plain(
      'The leaders discussed defence cooperation, including joint military exercises and the supply of equipment.',
    ),
  },
  {
    themes: ['armed-conflict'],
    write: (ctx) => {
      const c = thirdState(ctx);
      if (!c) return null;
      const name = ctx.doc.country(c);
      return {
        text: `The leaders exchanged views on the situation in ${name}, where hostilities have intensified in recent weeks.`,
        subjects: [name.replace(/^the /, '')],
      };
    },
  },
  {
    themes: ['ceasefire-peace'],
    write: (ctx) => {
      const c = thirdState(ctx);
      if (!c) return null;
      const name = ctx.doc.country(c);
      return {
        text: `They stressed the need for a lasting ceasefire in ${name} and for a negotiated political settlement.`,
        subjects: [name.replace(/^the /, '')],
      };
    },
  },
  {
    themes: ['humanitarian'],
    write: (ctx) => {
      const c = thirdState(ctx);
      if (!c) return null;
      const name = ctx.doc.country(c);
      return {
        text: `Both sides expressed concern over the humanitarian situation in ${name} and called for unhindered access for aid to civilians.`,
        subjects: [name.replace(/^the /, '')],
      };
    },
  },
  {
    themes: ['nuclear-nonproliferation'],
    write: (ctx) => {
      const c = ['IRN', 'PRK'].find((x) => !ctx.sides.has(x));
      if (!c) return null;
      const adj = ctx.doc.adjective(c) ?? ctx.doc.country(c);
      return {
        text: `The conversation also covered the ${adj} nuclear programme and efforts to preserve the non-proliferation regime.`,
        subjects: [`${adj} nuclear programme`],
      };
    },
  },
  {
    themes: ['terrorism'],
    write: plain('They agreed to step up joint efforts against terrorism and violent extremism.'),
  },
  {
    themes: ['health'],
    write: plain('The two sides discussed cooperation in public health, including the supply of vaccines.'),
  },
  {
    themes: ['climate-environment'],
    write: plain(
      'The leaders agreed on the importance of ambitious action on climate change ahead of the next climate conference.',
    ),
  },
  {
    themes: ['food-security'],
    write: plain(
      'They addressed global food security, including the uninterrupted supply of grain and fertilisers to world markets.',
    ),
  },
  {
    themes: ['multilateral'],
    write: (ctx) => {
      const forum = ctx.rng.pick(FORUMS);
      return {
        text: `The leaders also discussed coordination within ${forum}.`,
        subjects: [forum.replace(/^the /, '')],
      };
    },
  },
  {
    themes: ['visits-summits'],
    write: (ctx) => {
      if (!ctx.host) return null;
      return {
        text: `An invitation to pay an official visit to ${ctx.doc.country(ctx.host)} was extended and accepted with gratitude.`,
        subjects: [],
      };
    },
  },
  {
    themes: ['greetings-condolences'],
    write: (ctx) => {
      const name = ctx.doc.country(ctx.other);
      return {
        text: `Warm congratulations were conveyed on the national day of ${name}, with wishes of peace and prosperity to its people.`,
        subjects: [],
      };
    },
  },
  {
    themes: ['greetings-condolences', 'climate-environment'],
    write: (ctx) => {
      const name = ctx.doc.country(ctx.other);
      return {
        text: `Deep condolences were expressed over the victims of the recent floods in ${name}.`,
        subjects: [],
      };
    },
  },
  {
    themes: ['domestic-politics'],
    write: (ctx) => {
      const c = thirdState(ctx);
      if (!c) return null;
      const name = ctx.doc.country(c);
      return {
        text: `They discussed the internal political situation in ${name} following the disputed elections.`,
        subjects: [name.replace(/^the /, '')],
      };
    },
  },
  {
    themes: ['migration'],
    write: plain(
      'The leaders discussed cooperation on migration, including tackling irregular border crossings and people smuggling.',
    ),
  },
  {
    themes: ['technology-space'],
    write: plain(
      'They agreed to deepen cooperation in technology, including artificial intelligence and space exploration.',
    ),
  },
  {
    themes: ['transport-infrastructure'],
    write: plain(
      'The implementation of joint infrastructure projects, including a new railway corridor and port facilities, was also discussed.',
    ),
  },
  {
    themes: ['culture-education'],
    write: plain('They welcomed growing ties in education, culture and tourism.'),
  },
];

function topics(
  ctx: TopicContext,
  count: number,
): { sentences: string[]; themes: string[]; subjects: string[] } {
  const sentences: string[] = [];
  const themes = new Set<string>();
  const subjects: string[] = [];
  for (const t of ctx.rng.sample(TOPICS, count + 3)) {
    if (sentences.length === count) break;
    if (t.themes.some((th) => themes.has(th))) continue;
    const out = t.write(ctx);
    if (!out) continue;
    sentences.push(out.text);
    for (const th of t.themes) themes.add(th);
    for (const s of out.subjects) if (!subjects.includes(s)) subjects.push(s);
  }
  return { sentences, themes: [...themes].sort(), subjects };
}

/** Sentences without a theme, as readouts have them. */
const FILLERS = [
  'The conversation was held in a constructive and businesslike atmosphere.',
  'The sides noted their mutual interest in building up contacts at all levels.',
  'Both leaders stressed the importance of regular dialogue at the highest level.',
  'Views were also exchanged on a number of current international issues.',
  'The leaders instructed their governments to prepare concrete proposals.',
  'The discussion was frank and detailed.',
];

function fillers(rng: Rng): string[] {
  return rng.sample(FILLERS, rng.pick([0, 1, 1, 2]));
}

// ---------------------------------------------------------------------------------------
// Gold helpers.

function participant(t: Term, role: string = t.role): GoldParticipant {
  return { name: t.name, state: t.polity, role };
}

function call(
  participants: Term[],
  date: number,
  mode: GoldCall['mode'],
  initiator: string | null,
  t: { themes: string[]; subjects: string[] },
  core = true,
): GoldCall {
  return {
    participants: participants.map((p) => participant(p)),
    date: isoOf(date),
    mode,
    core,
    initiator,
    themes: t.themes,
    subjects: t.subjects,
  };
}

function hostOn(terms: Term[], day: number): Term | undefined {
  return terms.find((t) => inTerm(t, day));
}

const CLOSINGS = [
  'The leaders agreed to stay in close contact.',
  'It was agreed to continue contacts at various levels.',
  'The leaders agreed to keep in touch.',
  'Both sides agreed to maintain regular dialogue.',
];

const AGENCIES: Array<[string, string]> = [
  ['Meridian Wire', 'Meridian'],
  ['Continental Press Agency', 'CPA'],
  ['Atlas News Service', 'Atlas'],
];

interface Draft {
  style: Style;
  title: string | null;
  url: string | null;
  publisher: string;
  published: number;
  lines: string[];
  calls: GoldCall[];
  notes: string;
  /** States the text names (by name or adjective). */
  named: Set<string>;
}

// ---------------------------------------------------------------------------------------
// The styles. Each returns null when the day does not suit it (no host in office).

function kremlin(world: World, rng: Rng, day: number, n: number): Draft | null {
  const host = hostOn(world.hosts.kremlin, day);
  if (!host) return null;
  const doc = new Doc(world);
  const k = rng.chance(0.35) ? rng.int(2, 5) : 1;
  const others = counterparts(world, rng, day, k, new Set(['RUS']));
  if (others.length < k) return null;
  const sides = new Set(['RUS', ...others.map((o) => o.polity)]);
  const t = topics({ doc, rng, sides, other: others[0]!.polity, host: 'RUS', day }, rng.int(2, 5));
  const lines: string[] = [];
  const calls: GoldCall[] = [];
  let title: string;
  const mode =
    k === 1 ? rng.pick(['phone', 'phone', 'phone', 'phone', 'meeting', 'video'] as const) : 'phone';
  if (k > 1) {
    title = 'Telephone conversations with foreign leaders';
    lines.push(
      `${host.name} had telephone conversations with ${list(others.map((o) => kremlinRef(doc, o)))}.`,
    );
    for (const o of others) calls.push(call([host, o], day, 'phone', null, t));
  } else {
    const o = others[0]!;
    const ref = kremlinRef(doc, o);
    let initiator: string | null = null;
    if (mode === 'meeting') {
      title = `Meeting with ${ref}`;
      lines.push(`${host.name} met with ${ref}, who is in Russia on a working visit.`);
      doc.named.add('RUS');
    } else if (mode === 'video') {
      title = `Talks with ${ref}`;
      lines.push(`${host.name} held talks with ${ref} via videoconference.`);
    } else {
      title = `Telephone conversation with ${ref}`;
      const adj = doc.adjective(o.polity);
      if (adj && rng.chance(0.4)) {
        lines.push(
          `${host.name} had a telephone conversation with ${ref} at the initiative of the ${adj} side.`,
        );
        initiator = o.polity;
      } else lines.push(`${host.name} had a telephone conversation with ${ref}.`);
    }
    calls.push(call([host, o], day, mode, initiator, t));
  }
  lines.push(...t.sentences, ...fillers(rng), rng.pick(CLOSINGS));
  return {
    style: 'kremlin',
    title,
    url: `http://en.kremlin.ru/events/president/news/${20000 + n}`,
    publisher: 'President of Russia (Kremlin)',
    published: day,
    lines: [title, ...lines],
    calls,
    notes: `Kremlin readout, ${calls.length} call(s) on the publication date`,
    named: doc.named,
  };
}

function downing(world: World, rng: Rng, day: number, n: number): Draft | null {
  const host = hostOn(world.hosts.downing, day);
  if (!host) return null;
  const doc = new Doc(world);
  const o = counterparts(world, rng, day, 1, new Set(['GBR']))[0];
  if (!o) return null;
  const sides = new Set(['GBR', o.polity]);
  const t = topics({ doc, rng, sides, other: o.polity, host: 'GBR', day }, rng.int(2, 5));
  const meeting = rng.chance(0.15);
  const when = meeting
    ? ['today', 0]
    : rng.pick([
        ['today', 0],
        ['this morning', 0],
        ['this afternoon', 0],
        ['this evening', 0],
        ['yesterday', 1],
        ['yesterday afternoon', 1],
      ] as const);
  const published = day + (when[1] as number);
  const titleName = `${o.role} ${o.name} of ${world.states.get(o.polity)!.name}`;
  const title = `PM ${meeting ? 'meeting' : 'call'} with ${titleName}: ${longDate(day)}`;
  doc.country(o.polity);
  let first: string;
  let initiator: string | null = null;
  if (meeting) first = `The Prime Minister met ${adjectiveRef(doc, o)} in Downing Street ${when[0]}.`;
  else if (rng.chance(0.2)) {
    first = `The Prime Minister received a call from ${adjectiveRef(doc, o)} ${when[0]}.`;
    initiator = o.polity;
  } else if (rng.chance(0.5)) first = `The Prime Minister spoke to ${appositiveRef(doc, o)} ${when[0]}.`;
  else first = `The Prime Minister spoke to ${titleRef(doc, o)} ${when[0]}.`;
  const lines = [
    first,
    ...t.sentences.map((s) => s.replace(/^The two leaders/, 'The leaders')),
    ...fillers(rng),
  ];
  if (rng.chance(0.3))
    lines.push(`Foreign ministers of the two countries would follow up on the discussion.`);
  lines.push(rng.pick(CLOSINGS));
  return {
    style: 'downing',
    title,
    url: `https://www.gov.uk/government/news/pm-${meeting ? 'meeting' : 'call'}-with-${slug(titleName)}-${slug(longDate(day))}--${n}`,
    publisher: "Prime Minister's Office, 10 Downing Street",
    published,
    lines: [title, ...lines],
    calls: [call([host, o], day, meeting ? 'meeting' : 'phone', initiator, t)],
    notes: `Downing Street readout; the Prime Minister is not named (${host.name}); "${when[0]}"`,
    named: doc.named,
  };
}

function whitehouse(world: World, rng: Rng, day: number, n: number): Draft | null {
  const host = hostOn(world.hosts.whitehouse, day);
  if (!host) return null;
  const doc = new Doc(world);
  const k = rng.chance(0.2) ? 2 : 1;
  const others = counterparts(world, rng, day, k, new Set(['USA']));
  if (others.length < k) return null;
  const sides = new Set(['USA', ...others.map((o) => o.polity)]);
  const t = topics({ doc, rng, sides, other: others[0]!.polity, host: 'USA', day }, rng.int(2, 5));
  const surname = host.name.split(' ').at(-1)!;
  const offset = rng.pick([0, 0, 0, 1, 2]);
  const published = day + offset;
  const when = offset === 0 ? (rng.chance(0.5) ? 'today' : `on ${weekday(day)}`) : `on ${weekday(day)}`;
  const calls: GoldCall[] = [];
  let title: string;
  let first: string;
  if (k === 2) {
    const refs = others.map((o) => titleRef(doc, o));
    title = `Readout of President ${surname}'s Calls with ${list(refs)}`;
    first = `President ${host.name} held separate calls ${when} with ${list(refs)}.`;
    for (const o of others) calls.push(call([host, o], day, 'phone', null, t));
  } else {
    const o = others[0]!;
    const ref = titleRef(doc, o);
    const video = rng.chance(0.15);
    title = `Readout of President ${surname}'s ${video ? 'Video Call' : 'Call'} with ${ref}`;
    first = video
      ? `President ${host.name} held a video call ${when} with ${ref}.`
      : `President ${host.name} spoke ${when} with ${ref}.`;
    calls.push(call([host, o], day, video ? 'video' : 'phone', null, t));
  }
  const lines = [
    first,
    ...t.sentences.map((s) => s.replace(/^The two leaders/, 'The leaders')),
    ...fillers(rng),
  ];
  if (rng.chance(0.5)) lines.push(rng.pick(CLOSINGS));
  const p = parts(published);
  return {
    style: 'whitehouse',
    title,
    url: `https://www.whitehouse.gov/briefing-room/statements-releases/${p.y}/${String(p.m + 1).padStart(2, '0')}/${String(p.d).padStart(2, '0')}/readout-${n}/`,
    publisher: 'The White House',
    published,
    lines: [title, ...lines],
    calls,
    notes: `White House readout, ${calls.length} call(s), "${when}" relative to ${isoOf(published)}`,
    named: doc.named,
  };
}

function wire(world: World, rng: Rng, day: number, _n: number): Draft | null {
  const hostPool = world.leaders.filter((t) => inTerm(t, day) && world.states.get(t.polity)?.capital);
  if (hostPool.length === 0) return null;
  const host = rng.pick(hostPool);
  const doc = new Doc(world);
  const [agency, short] = rng.pick(AGENCIES);
  const back = rng.pick([0, 0, 1, 1, 2, 3, 4, 5, 6]);
  const published = day + back;
  const when =
    back === 0
      ? rng.pick(['earlier today', `on ${weekday(day)}`])
      : back === 1 && rng.chance(0.5)
        ? 'yesterday'
        : `on ${weekday(day)}`;
  const capital = world.states.get(host.polity)!.capital!;
  const dateline = `${capital.toUpperCase()}, ${monthDay(published)} (${short}) - `;
  const hostRef = adjectiveRef(doc, host);
  const calls: GoldCall[] = [];
  const lines: string[] = [];
  const variant = rng.pick([
    'call',
    'call',
    'call',
    'received',
    'met',
    'multi',
    'multi',
    'minister',
  ] as const);
  const k = variant === 'multi' ? 2 : 1;
  if (variant === 'minister') {
    const fm = world.foreignMinisters.filter((f) => inTerm(f, day) && f.polity !== host.polity);
    if (fm.length === 0) return null;
    const m = rng.pick(fm);
    const adj = doc.adjective(m.polity);
    const mref = adj
      ? `${adj} Foreign Minister ${m.name}`
      : `Foreign Minister ${m.name} of ${doc.country(m.polity)}`;
    const sides = new Set([host.polity, m.polity]);
    const t = topics({ doc, rng, sides, other: m.polity, host: host.polity, day }, rng.int(1, 2));
    lines.push(
      `${dateline}${hostRef} received ${mref} in ${capital} ${when}, according to an official statement.`,
    );
    lines.push(...t.sentences.map((s) => s.replace(/^The two leaders|^The leaders/, 'The two officials')));
    calls.push({
      participants: [participant(host), participant(m)],
      date: isoOf(day),
      mode: 'meeting',
      core: false,
      initiator: null,
      themes: t.themes,
      subjects: t.subjects,
    });
  } else {
    const others = counterparts(world, rng, day, k, new Set([host.polity]));
    if (others.length < k) return null;
    const sides = new Set([host.polity, ...others.map((o) => o.polity)]);
    const t = topics({ doc, rng, sides, other: others[0]!.polity, host: host.polity, day }, rng.int(2, 5));
    const refs = others.map((o) => adjectiveRef(doc, o));
    if (variant === 'multi') {
      lines.push(
        `${dateline}${hostRef} held separate phone calls with ${list(refs)} ${when}, according to an official statement.`,
      );
      for (const o of others) calls.push(call([host, o], day, 'phone', null, t));
    } else if (variant === 'received') {
      lines.push(`${dateline}${hostRef} received a phone call from ${refs[0]} ${when}, the office said.`);
      calls.push(call([host, others[0]!], day, 'phone', others[0]!.polity, t));
    } else if (variant === 'met') {
      lines.push(`${dateline}${hostRef} met ${refs[0]} in ${capital} ${when}, the office said.`);
      calls.push(call([host, others[0]!], day, 'meeting', null, t));
    } else {
      lines.push(`${dateline}${hostRef} held a phone call with ${refs[0]} ${when}, the office said.`);
      calls.push(call([host, others[0]!], day, 'phone', null, t));
    }
    lines.push(...t.sentences, ...fillers(rng));
    if (rng.chance(0.3))
      lines.push(`"It was a useful and substantive conversation," the ${host.role} wrote on social media.`);
  }
  if (rng.chance(0.3))
    lines.push('Foreign ministers of the two countries met last month to prepare the agenda.');
  return {
    style: 'wire',
    title: null,
    url: null,
    publisher: agency,
    published,
    lines,
    calls,
    notes: `wire report, dateline without a year (${monthDay(published)}), "${when}"`,
    named: doc.named,
  };
}

function un(world: World, rng: Rng, day: number, n: number): Draft | null {
  const host = hostOn(world.hosts.un, day);
  if (!host) return null;
  const doc = new Doc(world);
  const variant = rng.pick(['phone', 'phone', 'phone', 'called', 'meeting', 'multi', 'minister'] as const);
  const offset = variant === 'meeting' || variant === 'called' || variant === 'multi' ? 0 : rng.pick([0, 1]);
  const published = day + offset;
  const when = offset === 0 ? 'today' : 'yesterday';
  const calls: GoldCall[] = [];
  const lines: string[] = [];
  let title: string;
  if (variant === 'minister') {
    const fm = world.foreignMinisters.filter((f) => inTerm(f, day));
    if (fm.length === 0) return null;
    const m = rng.pick(fm);
    const t = topics(
      { doc, rng, sides: new Set([m.polity]), other: m.polity, host: null, day },
      rng.int(1, 2),
    );
    const ref = unRef(doc, m);
    title = `Readout of the Secretary-General's telephone call with ${ref}`;
    lines.push(`The Secretary-General spoke ${when} by telephone with ${ref}.`);
    lines.push(...t.sentences.map((s) => s.replace(/^The two leaders|^The leaders/, 'They')));
    calls.push({
      participants: [participant(host), participant(m)],
      date: isoOf(day),
      mode: 'phone',
      core: false,
      initiator: null,
      themes: t.themes,
      subjects: t.subjects,
    });
  } else {
    const k = variant === 'multi' ? rng.int(2, 3) : 1;
    const others = counterparts(world, rng, day, k, new Set());
    if (others.length < k) return null;
    const sides = new Set(others.map((o) => o.polity));
    const t = topics({ doc, rng, sides, other: others[0]!.polity, host: null, day }, rng.int(2, 5));
    const refs = others.map((o) => unRef(doc, o));
    const ts = t.sentences.map((s) => s.replace(/^The two leaders|^The leaders/, 'They'));
    if (variant === 'multi') {
      title = `Readout of the Secretary-General's telephone calls with ${list(others.map((o) => `the ${o.role} of ${doc.country(o.polity)}`))}`;
      lines.push(
        `The Secretary-General made a number of telephone calls today, including with ${list(refs)}.`,
      );
      for (const o of others) calls.push(call([host, o], day, 'phone', 'UN', t));
    } else if (variant === 'meeting') {
      title = `Readout of the Secretary-General's meeting with ${refs[0]}`;
      lines.push(`The Secretary-General met today with ${refs[0]}.`);
      calls.push(call([host, others[0]!], day, 'meeting', null, t));
    } else if (variant === 'called') {
      title = `Readout of the Secretary-General's phone call with ${refs[0]}`;
      lines.push(`The Secretary-General called ${refs[0]} today.`);
      calls.push(call([host, others[0]!], day, 'phone', 'UN', t));
    } else {
      title = `Readout of the Secretary-General's telephone call with ${refs[0]}`;
      lines.push(`The Secretary-General spoke ${when} by telephone with ${refs[0]}.`);
      calls.push(call([host, others[0]!], day, 'phone', null, t));
    }
    lines.push(...ts, ...fillers(rng));
  }
  return {
    style: 'un',
    title,
    url: `https://www.un.org/sg/en/content/sg/readout/${isoOf(published)}/readout-${n}`,
    publisher: 'United Nations Secretary-General (Office of the Spokesperson)',
    published,
    lines: [title, `New York, ${longDate(published)}`, ...lines],
    calls,
    notes: `UN readout; the Secretary-General is not named (${host.name}); "${when}"`,
    named: doc.named,
  };
}

/** Texts that report no conversation that took place: planned calls, messages, denials. */
function negative(world: World, rng: Rng, day: number, _n: number): Draft | null {
  const pool = world.leaders.filter((t) => inTerm(t, day) && world.states.get(t.polity)?.capital);
  if (pool.length === 0) return null;
  const a = rng.pick(pool);
  const b = counterparts(world, rng, day, 1, new Set([a.polity]))[0];
  if (!b) return null;
  const doc = new Doc(world);
  const [agency, short] = rng.pick(AGENCIES);
  const capital = world.states.get(a.polity)!.capital!;
  const dateline = `${capital.toUpperCase()}, ${monthDay(day)} (${short}) - `;
  const aRef = adjectiveRef(doc, a);
  const bRef = adjectiveRef(doc, b);
  const later = weekday(day + rng.int(1, 5));
  const kind = rng.pick(['planned', 'message', 'denied', 'summit'] as const);
  const lines: string[] = [];
  if (kind === 'planned') {
    lines.push(
      `${dateline}${aRef} will hold a telephone conversation with ${bRef} on ${later}, a spokesperson said.`,
    );
    lines.push('The agenda of the planned conversation has not been disclosed.');
  } else if (kind === 'message') {
    lines.push(`${dateline}${aRef} sent a message of congratulations to ${bRef} on the national day.`);
    lines.push(
      'The message expressed confidence that relations between the two countries would continue to develop.',
    );
  } else if (kind === 'denied') {
    lines.push(
      `${dateline}No conversation between ${aRef} and ${bRef} is planned for this week, a spokesperson said in response to a question.`,
    );
    lines.push('"There are no such plans at the moment," the spokesperson added.');
  } else {
    lines.push(
      `${dateline}${aRef} is expected to meet ${bRef} on the sidelines of the summit next month, officials said.`,
    );
    lines.push('Preparations for the meeting are under way.');
  }
  return {
    style: 'negative',
    title: null,
    url: null,
    publisher: agency,
    published: day,
    lines,
    calls: [],
    notes: `negative (${kind}): no conversation took place`,
    named: doc.named,
  };
}

const STYLE_WEIGHTS: Array<[Style, number, typeof kremlin]> = [
  ['kremlin', 20, kremlin],
  ['downing', 20, downing],
  ['whitehouse', 15, whitehouse],
  ['wire', 25, wire],
  ['un', 10, un],
  ['negative', 10, negative],
];
const TOTAL_WEIGHT = STYLE_WEIGHTS.reduce((s, [, w]) => s + w, 0);

export function documentId(index: number): string {
  return `r${String(index).padStart(7, '0')}`;
}

/** Document `index` of the corpus of `seed`: the same on every call and every machine. */
export function generateDocument(world: World, seed: number, index: number): GeneratedDocument {
  const rng = new Rng(hash32(`${seed}:${index}`));
  let roll = rng.next() * TOTAL_WEIGHT;
  let styleIndex = 0;
  for (; styleIndex < STYLE_WEIGHTS.length - 1; styleIndex++) {
    roll -= STYLE_WEIGHTS[styleIndex]![1];
    if (roll < 0) break;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const [, , make] = STYLE_WEIGHTS[(styleIndex + Math.floor(attempt / 10)) % STYLE_WEIGHTS.length]!;
    const day = rng.int(FIRST_DAY, LAST_DAY);
    const draft = make(world, rng, day, index);
    if (!draft) continue;
    const id = documentId(index);
    const participantStates = new Set(draft.calls.flatMap((c) => c.participants.map((p) => p.state)));
    const mentioned = [...draft.named].filter((c) => !participantStates.has(c)).sort();
    return {
      record: {
        id,
        title: draft.title,
        url: draft.url,
        publisher: draft.publisher,
        published: isoOf(draft.published),
        language: 'en',
        style: draft.style,
        text: `${draft.lines.join('\n')}\n`,
      },
      gold: { id, calls: draft.calls, mentioned_states: mentioned, notes: draft.notes },
    };
  }
  throw new Error(`generateDocument: no document could be made for index ${index}`);
}

export function* generateCorpus(
  world: World,
  options: { n: number; seed: number; start?: number },
): Generator<GeneratedDocument> {
  const start = options.start ?? 0;
  for (let i = start; i < start + options.n; i++) yield generateDocument(world, options.seed, i);
}

export interface WriteCorpusOptions {
  n: number;
  seed: number;
  out: string;
  format?: 'jsonl' | 'files';
  /** Readouts per JSON Lines shard (default 1000). */
  shardSize?: number;
  world?: World;
}

export interface CorpusSummary {
  dir: string;
  readouts: number;
  calls: number;
  bytes: number;
  negatives: number;
  byStyle: Record<string, number>;
  shards: string[];
  goldShards: string[];
}

/** Writes the corpus shard by shard: memory stays flat whatever n is. */
export function writeCorpus(options: WriteCorpusOptions): CorpusSummary {
  const world = options.world ?? createWorld();
  const dir = resolve(options.out);
  mkdirSync(dir, { recursive: true });
  const shardSize = options.shardSize ?? 1000;
  const summary: CorpusSummary = {
    dir,
    readouts: 0,
    calls: 0,
    bytes: 0,
    negatives: 0,
    byStyle: {},
    shards: [],
    goldShards: [],
  };
  let textFd = -1;
  let goldFd = -1;
  const closeShard = () => {
    if (textFd >= 0) closeSync(textFd);
    if (goldFd >= 0) closeSync(goldFd);
    textFd = -1;
    goldFd = -1;
  };
  for (const { record, gold } of generateCorpus(world, options)) {
    const i = summary.readouts;
    if (options.format === 'files') {
      const { text, ...meta } = record;
      writeFileText(join(dir, `${record.id}.txt`), text);
      writeFileText(join(dir, `${record.id}.meta.json`), `${JSON.stringify(meta)}\n`);
      writeFileText(join(dir, `${record.id}.gold.json`), `${JSON.stringify(gold, null, 1)}\n`);
    } else {
      if (i % shardSize === 0) {
        closeShard();
        const shard = String(i / shardSize).padStart(5, '0');
        const textFile = join(dir, `readouts-${shard}.jsonl`);
        const goldFile = join(dir, `gold-${shard}.jsonl`);
        textFd = openSync(textFile, 'w');
        goldFd = openSync(goldFile, 'w');
        summary.shards.push(textFile);
        summary.goldShards.push(goldFile);
      }
      writeSync(textFd, `${JSON.stringify(record)}\n`);
      writeSync(goldFd, `${JSON.stringify({ ...gold, style: record.style })}\n`);
    }
    summary.readouts += 1;
    summary.calls += gold.calls.length;
    summary.bytes += Buffer.byteLength(record.text);
    if (gold.calls.length === 0) summary.negatives += 1;
    summary.byStyle[record.style] = (summary.byStyle[record.style] ?? 0) + 1;
  }
  closeShard();
  writeFileText(
    join(dir, 'corpus.json'),
    `${JSON.stringify({ n: options.n, seed: options.seed, format: options.format ?? 'jsonl', ...summary, shards: undefined, goldShards: undefined }, null, 2)}\n`,
  );
  return summary;
}

function writeFileText(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function parseArgs(argv: string[]): WriteCorpusOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(get('n') ?? '1000');
  const seed = Number(get('seed') ?? '42');
  const out = get('out');
  const format = (get('format') ?? 'jsonl') as 'jsonl' | 'files';
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new Error('--n must be an integer from 1 to 10,000,000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!out) throw new Error('--out DIR is required');
  if (format !== 'jsonl' && format !== 'files') throw new Error('--format must be jsonl or files');
  return { n, seed, out, format, shardSize: Number(get('shard') ?? '1000') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const summary = writeCorpus(options);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `generated ${summary.readouts} readouts (${summary.calls} gold calls, ${summary.negatives} negatives, ` +
        `${(summary.bytes / 1e6).toFixed(1)} MB) in ${summary.dir} in ${seconds.toFixed(1)} s`,
    );
  } catch (error) {
    console.error(`generate: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
