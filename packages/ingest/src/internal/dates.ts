/**
 * Dates: calendar helpers, the publication date (metadata, URL, title), datelines with or
 * without a year, and the date expressions of a sentence as chrono-node finds them,
 * classified so that relative ones ("yesterday", "on Monday") resolve against a reference
 * date and vague ones ("this week") leave the date open.
 */
import * as chrono from 'chrono-node';
import { type DateResult, FULL_MONTHS, quickParse } from './quickdates.ts';

export type DateExpression =
  | { kind: 'offset'; start: number; end: number; days: number }
  | { kind: 'weekday'; start: number; end: number; weekday: number }
  | { kind: 'explicit'; start: number; end: number; date: string }
  | { kind: 'yearless'; start: number; end: number; month: number; day: number }
  /** A day of the month alone ("on the 5th"), as Korean and Japanese readouts in English write it. */
  | { kind: 'monthday'; start: number; end: number; day: number }
  | { kind: 'vague'; start: number; end: number };

const MS_DAY = 86_400_000;

// Calendar arithmetic on day numbers (days since 1970-01-01), without Date objects: dates are
// resolved for every call. Only four-digit years take this way; any other input goes through
// Date as before, with the same answers.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Day number of a (proleptic Gregorian) date; after H. Hinnant's days_from_civil. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The ISO date of a day number, or null outside four-digit years; after civil_from_days. */
function isoOfDay(z: number): string | null {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The day number of an ISO date with a four-digit year, or null for anything else. */
function dayOfIso(iso: string): number | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || m < 1 || m > 12 || d < 1) return null;
  if (d > (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!)) return null;
  return dayNumber(y, m, d);
}

export function isoOf(y: number, m: number, d: number): string | null {
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1000 && y <= 9999) {
    if (m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!)) return null;
    return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  }
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const day = Number.isInteger(days) ? dayOfIso(iso) : null;
  const out = day === null ? null : isoOfDay(day + days);
  if (out !== null) return out;
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_DAY).toISOString().slice(0, 10);
}

export function weekdayOf(iso: string): number {
  const day = dayOfIso(iso);
  // 1970-01-01 was a Thursday (4).
  if (day !== null) return (((day + 4) % 7) + 7) % 7;
  return new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay();
}

/** The latest date on or before `ref` that falls on `weekday` (0 = Sunday). */
export function lastWeekday(ref: string, weekday: number): string {
  const diff = (weekdayOf(ref) - weekday + 7) % 7;
  return addDays(ref, -diff);
}

/** The latest month/day on or before `ref`. */
export function latestMonthDay(ref: string, month: number, day: number): string | null {
  const year = Number(ref.slice(0, 4));
  for (const y of [year, year - 1, year - 2, year - 3, year - 4]) {
    const iso = isoOf(y, month, day);
    if (iso && iso <= ref) return iso;
  }
  return null;
}

/** The latest date on or before `ref` that falls on day `day` of its month. */
export function latestDayOfMonth(ref: string, day: number): string | null {
  let year = Number(ref.slice(0, 4));
  let month = Number(ref.slice(5, 7));
  for (let k = 0; k < 12; k++) {
    const iso = isoOf(year, month, day);
    if (iso && iso <= ref) return iso;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return null;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return FULL_MONTHS.findIndex((m) => m.startsWith(w)) + 1;
}

/** A date written in a URL: /2019/12/03/, 2015-12-30, -6-july-2024, 20200815193314. */
export function dateFromUrl(url: string): string | null {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // keep the raw URL
  }
  const patterns: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
    [
      /(?:^|[^\d])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[^\d]|$)/,
      (m) => isoOf(+m[1]!, +m[2]!, +m[3]!),
    ],
    [
      new RegExp(`(?:^|[^a-z\\d])(\\d{1,2})[-+_ ]${MONTH_RE}[-+_ ]((?:19|20)\\d{2})(?:[^\\d]|$)`, 'i'),
      (m) => isoOf(+m[3]!, monthIndex(m[2]!), +m[1]!),
    ],
    [
      new RegExp(`(?:^|[^a-z\\d])${MONTH_RE}[-+_ ](\\d{1,2})[-+_ ,]+((?:19|20)\\d{2})(?:[^\\d]|$)`, 'i'),
      (m) => isoOf(+m[3]!, monthIndex(m[1]!), +m[2]!),
    ],
    [/(?:^|[^\d])((?:19|20)\d{2})(\d{2})(\d{2})\d{6}(?:[^\d]|$)/, (m) => isoOf(+m[1]!, +m[2]!, +m[3]!)],
  ];
  for (const [re, build] of patterns) {
    const m = re.exec(decoded);
    if (m) {
      const iso = build(m);
      if (iso) return iso;
    }
  }
  return null;
}

/** A full date written in a title ("PM call with ...: 6 July 2024"). */
export function dateFromTitle(title: string): string | null {
  for (const e of findDateExpressions(title)) if (e.kind === 'explicit') return e.date;
  return null;
}

const VAGUE = /\b(?:week|weekend|month|year|recently|lately|fortnight)\b/i;

/** Date expressions of a short text, with offsets relative to the text. */
const expressionCache = new Map<string, DateExpression[]>();

export function findDateExpressions(text: string): DateExpression[] {
  const cached = expressionCache.get(text);
  if (cached) return cached;
  const found = parseDateExpressions(text);
  if (expressionCache.size > 5000) expressionCache.clear();
  expressionCache.set(text, found);
  return found;
}

const MAY_HOLD_DATE =
  /\d+|\b(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day\b|\btonight\b|\b(?:this|last|next) (?:morning|evening|afternoon|week|month|night)\b|\brecently\b|\bweekend\b/i;

const DATE_HINT = new RegExp(MAY_HOLD_DATE.source, 'gi');

/**
 * Windows of the text around words that can start or end a date: chrono runs only there,
 * which keeps it fast on long sentences.
 */
function dateWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  DATE_HINT.lastIndex = 0;
  for (let m = DATE_HINT.exec(text); m !== null; m = DATE_HINT.exec(text)) {
    if (m[0].length > 12) continue;
    let a = Math.max(0, m.index - 32);
    let z = Math.min(text.length, m.index + m[0].length + 32);
    for (let k = 0; k < 16 && a > 0 && NON_SPACE.test(text[a - 1]!); k++) a--;
    for (let k = 0; k < 16 && z < text.length && NON_SPACE.test(text[z]!); k++) z++;
    const last = windows.at(-1);
    if (last && a <= last[1] && last[1] - last[0] < 240) last[1] = Math.max(last[1], z);
    else windows.push([a, z]);
  }
  DATE_HINT.lastIndex = 0;
  return windows;
}

const NON_SPACE = /\S/;
/** Vague phrases chrono does not read; the test spares the scan of the texts without any. */
const VAGUE_PHRASE =
  /\b(?:earlier |later )?this week\b|\blast week\b|\brecently\b|\bearlier this month\b|\b(?:over|during|at) the weekend\b|\b(?:this|last) weekend\b/i;
const VAGUE_PHRASES = new RegExp(VAGUE_PHRASE.source, 'gi');
/**
 * "on the 5th" with no month: only where a clause goes on or ends after it, so that "on the
 * 5th anniversary" or "the 5th of May" (chrono's) are not read as a day.
 */
const DAY_OF_MONTH =
  /\bon the (\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|$|(?:and|to|with|at|in|by|when|during|via|over|after|before|for)\b))/i;
const DAYS_OF_MONTH = new RegExp(DAY_OF_MONTH.source, 'gi');

// Patterns of the functions below, made once rather than at every call.
const PART_OF_DAY = /^(?:(?:early |late )?(?:morning|afternoon|evening|night)) of /i;
const DAY_BEFORE_YESTERDAY = /day before yesterday/;
const YESTERDAY = /yesterday|last night/;
const TODAY = /today|tonight|this (?:morning|afternoon|evening)/;
const CLOCK_UNITS = /\b(?:minutes?|mins?|hours?|hrs?|seconds?)\b/;
const WRITTEN_YEAR = /\d{4}|['’]\d{2}\b/;
const AHEAD = /\b(?:next|coming|upcoming)\b/;
const REPORTING_VERB = /\b(?:said|spoke|met|call|told|discussed)\b/i;

const CHRONO_REF = new Date(Date.UTC(2000, 0, 1, 12));

/** chrono's reading of a short text; the quick reading first, when it can answer. */
export function readDates(text: string, quick = true): DateResult[] {
  return (
    (quick ? quickParse(text) : null) ??
    chrono.en.parse(text, { instant: CHRONO_REF, timezone: 0 }, { forwardDate: false })
  );
}

/** chrono's results (with the offset of the text each was read in) as date expressions. */
export function classifyDates(results: Array<{ r: DateResult; offset: number }>): DateExpression[] {
  const out: DateExpression[] = [];
  for (let i = 0; i < results.length; i++) {
    const { r, offset } = results[i]!;
    // chrono leaves the day of "the afternoon of April 26" uncertain: read the date after "of".
    const part = PART_OF_DAY.exec(r.text);
    if (part && !r.start.isCertain('day')) {
      const rest = r.text.slice(part[0].length);
      const again = chrono.en.parse(rest, { instant: CHRONO_REF, timezone: 0 }, { forwardDate: false })[0];
      if (again && again.index === 0) {
        results[i] = { r: again, offset: offset + r.index + part[0].length };
        i--;
        continue;
      }
    }
    const start = offset + r.index;
    const end = start + r.text.length;
    const t = r.text.toLowerCase();
    const s = r.start;
    if (DAY_BEFORE_YESTERDAY.test(t)) out.push({ kind: 'offset', start, end, days: -2 });
    else if (YESTERDAY.test(t)) out.push({ kind: 'offset', start, end, days: -1 });
    else if (TODAY.test(t)) out.push({ kind: 'offset', start, end, days: 0 });
    else if (VAGUE.test(t)) out.push({ kind: 'vague', start, end });
    // A duration or a clock time ("for approximately 20 minutes", "in two hours") dates nothing.
    else if (CLOCK_UNITS.test(t)) continue;
    else if (s.isCertain('day') && s.isCertain('month')) {
      const month = s.get('month')!;
      const day = s.get('day')!;
      // chrono reports a year it took from the reference instant as certain; only a written one counts.
      if (s.isCertain('year') && WRITTEN_YEAR.test(t)) {
        const iso = isoOf(s.get('year')!, month, day);
        if (iso) out.push({ kind: 'explicit', start, end, date: iso });
      } else out.push({ kind: 'yearless', start, end, month, day });
    } else if (s.isCertain('weekday') && !s.isCertain('day')) {
      if (AHEAD.test(t)) continue;
      out.push({ kind: 'weekday', start, end, weekday: s.get('weekday')! });
    }
  }
  return out;
}

function parseDateExpressions(text: string): DateExpression[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const out = classifyDates(
    dateWindows(text).flatMap(([a, z]) => readDates(text.slice(a, z)).map((r) => ({ r, offset: a }))),
  );
  for (const m of DAY_OF_MONTH.test(text) ? text.matchAll(DAYS_OF_MONTH) : []) {
    const start = m.index;
    const end = m.index + m[0].length;
    const day = Number(m[1]);
    if (day >= 1 && day <= 31 && !out.some((e) => e.start < end && e.end > start))
      out.push({ kind: 'monthday', start, end, day });
  }
  for (const m of VAGUE_PHRASE.test(text) ? text.matchAll(VAGUE_PHRASES) : []) {
    const start = m.index;
    const end = m.index + m[0].length;
    const overlapping = out.filter((e) => e.start < end && e.end > start);
    if (overlapping.every((e) => e.kind === 'vague')) {
      for (const e of overlapping) out.splice(out.indexOf(e), 1);
      out.push({ kind: 'vague', start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Resolves an expression against the reference date; undefined means "vague" (date open). */
export function resolveExpression(e: DateExpression, ref: string | null): string | null | undefined {
  switch (e.kind) {
    case 'explicit':
      return e.date;
    case 'offset':
      return ref ? addDays(ref, e.days) : null;
    case 'weekday':
      return ref ? lastWeekday(ref, e.weekday) : null;
    case 'yearless':
      return ref ? latestMonthDay(ref, e.month, e.day) : null;
    case 'monthday':
      return ref ? latestDayOfMonth(ref, e.day) : null;
    case 'vague':
      return undefined;
  }
}

export interface Dateline {
  start: number;
  end: number;
  month: number;
  day: number;
  year: number | null;
}

const DATELINE_SEPARATOR =
  /\s[-–—]\s|:\s|\/[A-Z]+\/|\((?:ANI|AP|AFP|VNA|IANS|PTI|Reuters|Xinhua|dpa)\)|\b(?:INTERFAX|AZERTAC|TASS|Reuters|AFP|Xinhua)\b/;

/**
 * The dateline: a short line that is (mostly) a date near the top or bottom, or the place-and-date
 * prefix of the first paragraph ("Moscow. October 16. INTERFAX - ...").
 */
export function findDateline(text: string, bodyStart: number): Dateline | null {
  const lines: Array<{ start: number; text: string }> = [];
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to > from) {
      const line = text.slice(from, to);
      if (line.trim() !== '') lines.push({ start: from, text: line });
    }
    from = to + 1;
  }
  const body = lines.filter((l) => l.start >= bodyStart);
  const candidates: Array<{ start: number; text: string }> = [];
  for (const l of body.slice(0, 4)) {
    const sep = DATELINE_SEPARATOR.exec(l.text);
    if (sep && sep.index <= 90)
      candidates.push({ start: l.start, text: l.text.slice(0, sep.index + sep[0].length) });
    else if (l.text.length <= 70) candidates.push(l);
  }
  for (const l of body.slice(-2)) if (l.text.length <= 40) candidates.push(l);
  for (const c of candidates) {
    if (REPORTING_VERB.test(c.text)) continue;
    for (const e of findDateExpressions(c.text)) {
      if (e.kind === 'explicit') {
        return {
          start: c.start + e.start,
          end: c.start + e.end,
          month: +e.date.slice(5, 7),
          day: +e.date.slice(8, 10),
          year: +e.date.slice(0, 4),
        };
      }
      if (e.kind === 'yearless')
        return { start: c.start + e.start, end: c.start + e.end, month: e.month, day: e.day, year: null };
    }
  }
  return null;
}
