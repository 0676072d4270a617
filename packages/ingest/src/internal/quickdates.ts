/**
 * A quick reading of the date forms readouts use most ("on Thursday", "today", "this
 * morning", "yesterday afternoon", "August 17", "15 September 2024"), giving exactly what
 * chrono-node's casual English parser gives for them, without its cost per call.
 *
 * It answers only when the text holds one such form and nothing else chrono could read: no
 * other digit, month or weekday name, casual day or time word, or time unit after a number
 * ("two days", "they" = "the y(ear)"). The patterns come from chrono's own parsers, and when
 * chrono's parsers or refiners are not the ones this reading was written for, it never
 * answers. Otherwise (null) chrono reads the text.
 */
import * as chrono from 'chrono-node';

type Component = 'day' | 'month' | 'year' | 'weekday';

/** The part of chrono's ParsedResult that date classification reads. */
export interface DateResult {
  index: number;
  text: string;
  start: { isCertain(component: Component): boolean; get(component: Component): number | null };
}

class Known {
  constructor(private readonly values: Partial<Record<Component, number>>) {}
  isCertain(component: Component): boolean {
    return this.values[component] !== undefined;
  }
  get(component: Component): number | null {
    return this.values[component] ?? null;
  }
}

const EXPECTED_PARSERS = [
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENTimeUnitWithinFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENSlashMonthFormatParser',
  'ENTimeExpressionParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENYearMonthNameParser',
  'ENCasualDateParser',
  'ENCasualTimeParser',
  'ENEndOfCurrentMonthParser',
  'ENMonthNameParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
].join(',');

const EXPECTED_REFINERS = [
  'ENEndOfPeriodRefiner',
  'OverlapRemovalRefiner',
  'ENMergeRelativeAfterDateRefiner',
  'ENMergeRelativeFollowByDateRefiner',
  'OverlapRemovalRefiner',
  'ExtractTimezoneOffsetRefiner',
  'MergeWeekdayComponentRefiner',
  'ENMergeDateTimeRefiner',
  'ExtractTimezoneAbbrRefiner',
  'OverlapRemovalRefiner',
  'ForwardDateRefiner',
  'UnlikelyFormatFilter',
  'ENMergeDateTimeRefiner',
  'ENExtractYearSuffixRefiner',
  'ENMergeDateRangeRefiner',
  'ENUnlikelyFormatFilter',
].join(',');

interface Patterns {
  weekday: RegExp;
  casualDate: RegExp;
  casualTime: RegExp;
  middleEndian: RegExp;
  littleEndian: RegExp;
  monthName: RegExp;
}

/** chrono's own patterns, with its left word boundary; null when chrono is not the expected one. */
function chronoPatterns(): Patterns | null {
  try {
    const casual = chrono.en.casual as unknown as {
      parsers: Array<{ constructor: { name: string }; innerPattern?: () => RegExp }>;
      refiners: Array<{ constructor: { name: string } }>;
    };
    if (casual.parsers.map((p) => p.constructor.name).join(',') !== EXPECTED_PARSERS) return null;
    if (casual.refiners.map((r) => r.constructor.name).join(',') !== EXPECTED_REFINERS) return null;
    const inner = (name: string): RegExp => {
      const parser = casual.parsers.find((p) => p.constructor.name === name);
      const re = parser?.innerPattern?.();
      if (!(re instanceof RegExp)) throw new Error(`no pattern for ${name}`);
      // AbstractParserWithWordBoundaryChecking puts "(\W|^)" before the inner pattern.
      return new RegExp(`(\\W|^)${re.source}`, re.flags);
    };
    return {
      weekday: inner('ENWeekdayParser'),
      casualDate: inner('ENCasualDateParser'),
      casualTime: inner('ENCasualTimeParser'),
      middleEndian: inner('ENMonthNameMiddleEndianParser'),
      littleEndian: inner('ENMonthNameLittleEndianParser'),
      monthName: inner('ENMonthNameParser'),
    };
  } catch {
    return null;
  }
}

const PATTERNS = chronoPatterns();

const WORD = 'a-z0-9_';
const MONTH_KEYS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const ORDINAL_WORDS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty';
const WEEKDAY_KEYS =
  'sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat|weekend|weekday';
/** Numbers (and "this/last/next") a unit may follow at once; "a" and "an" need a space, but for "half a". */
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|few|several|the|couple|of|this|last|past|next|after';
/** What chrono lets stand right before a number ("within", "about", "this", "a couple"...). */
const NUMBER_PREFIX =
  'within|in|for|about|around|roughly|approximately|just|this|last|past|next|after|half|a|couple|~';
const UNITS =
  'seconds|second|sec|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d|weeks|week|w|months|month|mos|mon|mo|qtr|quarters|quarter|years|year|yr|y|s';
const AFTER_UNIT = `[^${WORD}]|$|[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|few|several|the|couple|about|around|ago|before|earlier|later|after|from|henceforth|forward|out|an?(?![${WORD}])`;

/**
 * Every word chrono could start reading from, each found where chrono's parsers could use it
 * (a loose superset): digits, month and weekday names, casual day and time words, and time
 * units after a number or "this/last/next".
 */
/**
 * A word that must stand where `before` holds: the word is looked for first (a lookahead),
 * so that the costlier look behind runs only where the word is. Same matches as `before word`.
 */
const placed = (before: string, word: string) => `(?=${word})${before}${word}`;

const ANCHOR = new RegExp(
  [
    '[0-9]+',
    // After a boundary, a day ("17", "17th", "first"), "of", "in" or a year's era ("AD").
    placed(
      `(?<=^|[^${WORD}]|[0-9]|st|nd|rd|th|of|in|be|ad|bc|ce)`,
      `(?:${MONTH_KEYS})(?=[^${WORD}]|$|[0-9]|of|${ORDINAL_WORDS})`,
    ),
    placed(
      `(?<=^|[^${WORD}]|on|this|last|past|next)`,
      `(?:${WEEKDAY_KEYS})(?=[^${WORD}]|$|of|this|last|past|next)`,
    ),
    placed(
      `(?<![${WORD}])`,
      `(?:now|today|tonight|tomorrow|overmorrow|tmrw|tmr|yesterday|last\\s*night)(?![${WORD}])`,
    ),
    placed(`(?<=^|[^${WORD}]|this)`, `(?:morning|afternoon|evening|night|midnight|midday|noon)(?![${WORD}])`),
    // A number takes at most three spaces before its unit; "this/last/next" any number.
    placed(
      `(?<=[0-9]\\s*|(?:^|[^${WORD}]|${NUMBER_PREFIX})(?:(?:${NUMBER_WORDS})\\s*|an?\\s+|half\\s*an?\\s*))`,
      `(?:${UNITS})(?=${AFTER_UNIT})`,
    ),
    // "17 o'clock"
    'clock',
  ].join('|'),
  'gi',
);

const FULL_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** English month names, January first; dates.ts reads abbreviations against the same list. */
export const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIMEZONE_SUFFIX = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/i;
const END_OF_PERIOD = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;

const PROBE_REF = new Date(Date.UTC(2000, 0, 1, 12));

/** Abbreviations chrono reads as time zones (asked of chrono itself, once per abbreviation). */
const timezoneCache = new Map<string, boolean>();
function isTimezone(abbr: string): boolean {
  let known = timezoneCache.get(abbr);
  if (known === undefined) {
    const probe = chrono.en.parse(
      `Monday ${abbr}`,
      { instant: PROBE_REF, timezone: 0 },
      { forwardDate: false },
    );
    known = probe.length !== 1 || probe[0]!.text !== 'Monday';
    if (timezoneCache.size > 1000) timezoneCache.clear();
    timezoneCache.set(abbr, known);
  }
  return known;
}

/**
 * Whether chrono would widen a date-only result with a time zone after it ("Monday EST"):
 * only a capitalized abbreviation it knows.
 */
function takesTimezone(text: string, end: number): boolean {
  const m = TIMEZONE_SUFFIX.exec(text.slice(end));
  return m !== null && m[1] === m[1]!.toUpperCase() && isTimezone(m[1]!);
}

interface Found {
  index: number;
  text: string;
  start: Known;
}

const DIGITS = /^[0-9]+$/;
const WEEKDAY_START = /^(?:mon|tue|wed|thu|fri|sat|sun)/i;

/** A chrono match as its parser reports it: the left boundary dropped. */
function found(m: RegExpExecArray, values: Partial<Record<Component, number>>): Found {
  const boundary = m[1]!.length;
  return { index: m.index + boundary, text: m[0].slice(boundary), start: new Known(values) };
}

function weekdayResult(text: string, p: Patterns): Found | null {
  const m = p.weekday.exec(text);
  // Groups: 1 boundary, 2 modifier before, 3 weekday, 4 modifier after ("Monday next week").
  if (!m || m[2] !== undefined || m[4] !== undefined) return null;
  const weekday = FULL_WEEKDAYS.indexOf(m[3]!.toLowerCase());
  return weekday < 0 ? null : found(m, { weekday });
}

function casualResult(text: string, p: Patterns): Found | null {
  const date = p.casualDate.exec(text);
  const time = p.casualTime.exec(text);
  const word = date?.[2]?.toLowerCase();
  if (date && !time) {
    // "today", "yesterday", "tonight": chrono assigns the day; the class comes from the words.
    if (word !== 'today' && word !== 'yesterday' && word !== 'tonight') return null;
    return found(date, { day: 1, month: 1, year: 2000 });
  }
  const timeWord = time?.[2]?.toLowerCase();
  if (!time || (timeWord !== 'morning' && timeWord !== 'afternoon' && timeWord !== 'evening')) return null;
  const t = found(time, {});
  if (!date) {
    // "this morning": the time parser's own text.
    return /^this\s{1,3}\S+$/i.test(t.text) ? t : null;
  }
  // "yesterday afternoon": the date and the time next to it merge into one result.
  const d = found(date, { day: 31, month: 12, year: 1999 });
  if (word !== 'yesterday' || !/^\s+$/.test(text.slice(d.index + d.text.length, t.index))) return null;
  if (/^this/i.test(t.text.trim())) return null;
  return { index: d.index, text: text.slice(d.index, t.index + t.text.length), start: d.start };
}

function monthDayResult(text: string, p: Patterns): Found | null {
  const middle = p.middleEndian.exec(text);
  const little = p.littleEndian.exec(text);
  if ((middle === null) === (little === null)) return null;
  // Middle endian ("August 17, 2024"): 1 boundary, 2 month, 3 day, 4 day to, 5 year.
  // Little endian ("15 September 2024"): 1 boundary, 2 day, 3 day to, 4 month, 5 year.
  const m = (middle ?? little)!;
  const [monthName, day, to, year] = middle ? [m[2], m[3], m[4], m[5]] : [m[4], m[2], m[3], m[5]];
  const month = FULL_MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0 || to !== undefined || !/^[0-9]{1,2}$/.test(day!)) return null;
  const d = Number(day);
  if (d < 1 || d > MONTH_DAYS[month - 1]!) return null;
  if (year !== undefined && !/^[1-9][0-9]{3}$/.test(year)) return null;
  const r = found(m, year === undefined ? { day: d, month } : { day: d, month, year: Number(year) });
  // "the end of August 17": chrono's end-of-period reading of the month name wins.
  const monthAt = text.toLowerCase().indexOf(monthName!.toLowerCase(), r.index);
  if (END_OF_PERIOD.test(text.slice(0, monthAt))) return null;
  // The month-name parser reads the month too ("January - "): of overlapping results chrono
  // keeps the longer, the first on a tie; this one comes first.
  const named = p.monthName.exec(text);
  if (named) {
    // Groups: 1 boundary, 2 "in " before the month.
    const from = named.index + named[1]!.length + (named[2] ?? '').length;
    if (named.index + named[0].length - from > r.text.length) return null;
  }
  return r;
}

/**
 * chrono's results for a short text when it holds one of the forms read here and nothing
 * else chrono reads; null otherwise (chrono must read it).
 */
export function quickParse(text: string): DateResult[] | null {
  if (!PATTERNS) return null;
  const anchors: Array<[number, number]> = [];
  let digits = false;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    const end = m.index + m[0].length;
    anchors.push([m.index, end]);
    // Overlapping words count too ("sunday" holds "day"): go on from the next character; a
    // run of digits is one anchor (any word inside it would start with a digit, so be one).
    if (DIGITS.test(m[0])) {
      digits = true;
      ANCHOR.lastIndex = end;
    } else ANCHOR.lastIndex = m.index + 1;
  }
  ANCHOR.lastIndex = 0;
  if (anchors.length === 0) return [];
  const p = PATTERNS;
  const first = anchors[0]![0];
  let r: Found | null;
  if (digits) r = monthDayResult(text, p);
  else if (WEEKDAY_START.test(text.slice(first))) r = weekdayResult(text, p);
  else r = casualResult(text, p);
  if (!r) return null;
  // Every word chrono could read must lie inside the one result.
  const end = r.index + r.text.length;
  if (anchors.some(([a, z]) => a < r.index || z > end)) return null;
  if (takesTimezone(text, end)) return null;
  return [r];
}
