/**
 * The reporting side: whose readout this is, read from the publisher, the URL and the
 * title when the body says only "the Prime Minister" or "the Secretary-General".
 */
import type { ReadoutMeta } from '@hotline/model';
import type { KnowledgeIndex, NameEntry } from '../knowledge.ts';
import { nameKey, type Token, tokenize } from './text.ts';

export interface ReportingSide {
  polity: string | null;
  /** Canonical role of the reporting leader when known ("prime minister"). */
  role: string | null;
  /** The reporting leader's gazetteer id, when the publisher is a person ("Volodymyr Zelensky (Telegram)"). */
  person?: string;
}

/** Well-known official sources: host or name patterns -> polity and role. */
const KNOWN_SOURCES: Array<[RegExp, string, string | null]> = [
  [/kremlin/i, 'RUS', 'president'],
  [/white ?house/i, 'USA', 'president'],
  [/downing street|number 10|\bno\.? ?10\b/i, 'GBR', 'prime minister'],
  [/gov\.uk\/government\/news\/pm-|\bpm[+-](?:call|meeting|speaks|statement)/i, 'GBR', 'prime minister'],
  [/élysée|elysee/i, 'FRA', 'president'],
  [/bundeskanzler|bundesregierung/i, 'DEU', 'chancellor'],
  [/president\.ir\b/i, 'IRN', 'president'],
  [/president\.gov\.ua/i, 'UKR', 'president'],
  [/pm\.gc\.ca/i, 'CAN', 'prime minister'],
  [/pmindia\.gov\.in|narendramodi\.in|\bpib\.gov\.in/i, 'IND', 'prime minister'],
  [/mea\.gov\.in/i, 'IND', null],
  [/un\.org\/sg\b|secretary-general|secretary general/i, 'UN', 'secretary-general'],
  [/kantei\.go\.jp/i, 'JPN', 'prime minister'],
  [/president\.az/i, 'AZE', 'president'],
  [/akorda\.kz/i, 'KAZ', 'president'],
  [/tccb\.gov\.tr|iletisim\.gov\.tr/i, 'TUR', 'president'],
  [/pmo\.gov\.il|gov\.il\/en\/departments\/prime_ministers_office/i, 'ISR', 'prime minister'],
  [/president\.go\.kr/i, 'KOR', 'president'],
  [/\bpm\.gov\.au\b/i, 'AUS', 'prime minister'],
  [/governo\.it|palazzo chigi/i, 'ITA', 'prime minister'],
  [/lamoncloa\.gob\.es|la moncloa/i, 'ESP', 'prime minister'],
  [/planalto\.gov\.br|gov\.br\/planalto/i, 'BRA', 'president'],
  [/thepresidency\.gov\.za/i, 'ZAF', 'president'],
  [/statehouse\.go\.ke/i, 'KEN', 'president'],
  [/mfa\.gov\.cn|fmprc\.gov\.cn/i, 'CHN', null],
  [/mofa\.go\.jp/i, 'JPN', null],
];

const OFFICIAL =
  /\b(?:office|ministry|government|presidency|cabinet|chancellery|palace|pmo|press service|secretariat|spokesperson)\b/i;
const OFFICE_PUBLISHER = /\b(?:prime minister|president|chancellor|state house)\b/i;
const ROLE_WORD: Array<[RegExp, string]> = [
  [/\bprime minister\b|\bpmo\b/i, 'prime minister'],
  [/\bpresident\b|\bpresidency\b|\bpresidential\b/i, 'president'],
  [/\bchancellor\b/i, 'chancellor'],
];

/** Reads the reporting side from publisher, URL and title. */
export function findReportingSide(meta: Partial<ReadoutMeta>, index: KnowledgeIndex): ReportingSide {
  const publisher = meta.publisher ?? '';
  const url = meta.url ?? '';
  const side = publisherSide(publisher, index);
  if (side) return { ...side };
  if (url !== '') for (const [re, polity, role] of KNOWN_SOURCES) if (re.test(url)) return { polity, role };
  return { polity: null, role: null };
}

/** What the publisher alone tells, remembered: a batch has few publishers and many readouts. */
const publisherSides = new WeakMap<KnowledgeIndex, Map<string, ReportingSide | null>>();

function publisherSide(publisher: string, index: KnowledgeIndex): ReportingSide | null {
  let known = publisherSides.get(index);
  if (!known) {
    known = new Map();
    publisherSides.set(index, known);
  }
  let side = known.get(publisher);
  if (side === undefined) {
    side = null;
    for (const [re, polity, role] of KNOWN_SOURCES) {
      if (re.test(publisher)) {
        side = { polity, role };
        break;
      }
    }
    // An official publisher that names its state ("Prime Minister's Office, India") outranks the URL.
    side ??= officialPublisher(publisher, index);
    // A leader's own channel: their posts say "I spoke with ...".
    side ??= personPublisher(publisher, index);
    // An organization's own site ("United Nations", "NATO"): "the Secretary-General" is its head.
    side ??= organizationPublisher(publisher, index);
    if (known.size >= 10_000) known.clear();
    known.set(publisher, side);
  }
  return side;
}

function officialPublisher(publisher: string, index: KnowledgeIndex): ReportingSide | null {
  // "Prime Minister's Office, India", and the office itself: "President of Ukraine", "State House Kenya".
  if (publisher && (OFFICIAL.test(publisher) || OFFICE_PUBLISHER.test(publisher))) {
    let polity: string | null = null;
    for (const t of tokenize(publisher)) {
      const hit = index.names.get(t.key)?.find((e) => e.kind === 'state');
      if (hit?.kind === 'state') polity = hit.code;
    }
    if (!polity) {
      const whole = index.names.get(nameKey(publisher))?.find((e) => e.kind === 'state');
      if (whole?.kind === 'state') polity = whole.code;
    }
    if (polity) {
      const role = ROLE_WORD.find(([re]) => re.test(publisher))?.[1] ?? null;
      return { polity, role };
    }
  }
  return null;
}

/** Every gazetteer entry that a run of the publisher's words names, with the run. */
function publisherNames(publisher: string, index: KnowledgeIndex): Array<{ entry: NameEntry; run: Token[] }> {
  const tokens = tokenize(publisher).filter((t) => !t.word.particle);
  const out: Array<{ entry: NameEntry; run: Token[] }> = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= index.maxNameTokens && i + n <= tokens.length; n++) {
      const run = tokens.slice(i, i + n);
      for (const entry of index.names.get(run.map((t) => t.key).join(' ')) ?? []) out.push({ entry, run });
    }
  }
  return out;
}

/** A publisher that names exactly one leader of the gazetteer (not by surname alone). */
function personPublisher(publisher: string, index: KnowledgeIndex): ReportingSide | null {
  const found = new Set<string>();
  for (const { entry } of publisherNames(publisher, index))
    if (entry.kind === 'person' && entry.strength !== 'surname') found.add(entry.id);
  if (found.size !== 1) return null;
  const [person] = found;
  const office = index.persons.get(person!)?.offices.at(-1);
  return { polity: office?.polity ?? null, role: office ? office.role.toLowerCase() : null, person: person! };
}

/** A publisher that names exactly one organization of the gazetteer and no state or person. */
function organizationPublisher(publisher: string, index: KnowledgeIndex): ReportingSide | null {
  const orgs = new Set<string>();
  for (const { entry, run } of publisherNames(publisher, index)) {
    // Short forms count only in capitals ("UN News", not "un" in another language).
    if (run.length === 1 && run[0]!.key.length <= 4 && run[0]!.text !== run[0]!.text.toUpperCase()) continue;
    if (entry.kind !== 'org') return null;
    orgs.add(entry.code);
  }
  if (orgs.size !== 1) return null;
  const [code] = orgs;
  return { polity: code!, role: null };
}
