/**
 * Named subjects of a call: capitalized names of places, conflicts, agreements and bodies
 * in the call's sentences ("Gaza Strip", "UN Security Council", "COVID-19"), leaving out
 * the participants, their roles and states, and calendar words.
 */
import type { Participant, Span } from '@hotline/model';
import type { Knowledge } from '../knowledge.ts';
import type { Recognition } from './recognize.ts';
import type { Segment } from './text.ts';

const PHRASE =
  /\b(?:[\p{Lu}][\p{L}\d'’-]*|[\p{Lu}\d]{2,}(?:-\d+)?)(?:\s+(?:(?:of|for|on)\s+the|of|the|for|and|de|in|on)?\s*(?:[\p{Lu}][\p{L}\d'’-]*|\d+(?:st|nd|rd|th)?))*/gu;
const SKIP = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'During',
  'He',
  'She',
  'They',
  'We',
  'I',
  'It',
  'His',
  'Her',
  'Their',
  'This',
  'That',
  'These',
  'Both',
  'Earlier',
  'Meanwhile',
  'Today',
  'Yesterday',
  'Details',
  'Addition',
  'Furthermore',
  'Turning',
  'Looking',
  'Stressing',
  'According',
  'Although',
  'However',
  'Finally',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'President',
  'Presidents',
  'Republic',
  'Prime',
  'Minister',
  'Secretary-General',
  'Chancellor',
  'Readout',
  'PM',
  'Shri',
  'H.E',
  'Posted',
  'Photo',
  'Also',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
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
  'Leaders',
  'Leader',
  'Crown',
  'Prince',
  'King',
  'Emir',
  'Foreign',
  'Ministers',
  'Secretary',
  'General',
  'Kremlin',
  'Telephone',
  'Conversation',
  'Both',
  'Further',
  'Following',
  'For',
  'As',
  'Such',
  'All',
  'Some',
  'Several',
  'Two',
  'New',
]);

/** A named phrase of a sentence that may be a subject of any call the sentence is about. */
export interface SubjectCandidate {
  start: number;
  end: number;
  /** The phrase as a subject (a state's adjective becomes its name). */
  phrase: string;
  /** The state the phrase names, if it names one. */
  state: string | null;
}

// Patterns of the functions below, made once rather than at every call.
const TRAILING_LINK = /\s+(?:of|the|for|and|de|in|on)$/u;
const WHITE = /\s+/;
const ACRONYM_OR_NUMBER = /[A-Z]{2}|\d/;

const NEWSROOMS = /^(?:Kremlin|Downing Street|White House|UNN|TASS|INTERFAX|ANI|VNA)$/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** "10 March 2023", "Nov 14", "2023": calendar words and numbers only. */
const DATE_LIKE = new RegExp(
  `^(?:(?:\\d+(?:st|nd|rd|th)?|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|${MONTHS})\\.?(?:\\s+|$))+$`,
  'i',
);
const POSSESSIVE_END = /['’]s$/u;
/** "Brussels on Tuesday": the place without its day. */
const TRAILING_DAY = new RegExp(
  `\\s+(?:on|in)\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|${MONTHS})\\b.*$`,
  'i',
);
/** "HANOI, Nov 14" or "WASHINGTON (AP)": the dateline's place, before the text proper. */
const DATELINE_PLACE = /^\p{Lu}{3,}$/u;
const DATELINE_AFTER = /^\s*(?:,|\()/;
const DATELINE_START = /^\p{Lu}{3,}(?:\s\p{Lu}{3,})*\s*[,(]/u;

/** The phrases of a sentence that do not depend on the call: read once per sentence. */
export function subjectCandidates(s: Segment, rec: Recognition, knowledge: Knowledge): SubjectCandidate[] {
  const out: SubjectCandidate[] = [];
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(s.text); m !== null; m = PHRASE.exec(s.text)) {
    // "Canada's support": the name, not its possessive.
    let phrase = m[0].replace(TRAILING_DAY, '').replace(TRAILING_LINK, '').trim().replace(POSSESSIVE_END, '');
    const start = s.start + m.index;
    const end = start + phrase.length;
    if (DATE_LIKE.test(phrase)) continue;
    if (m.index === 0 && DATELINE_PLACE.test(phrase) && DATELINE_AFTER.test(s.text.slice(phrase.length)))
      continue;
    // "PARIS, March 10 (Reuters) -": the agency of a dateline.
    if (
      m.index < 40 &&
      s.text[m.index - 1] === '(' &&
      s.text[m.index + phrase.length] === ')' &&
      DATELINE_START.test(s.text)
    )
      continue;
    if (rec.mentions.some((b) => b.start < end && b.end > start)) continue;
    const words = phrase.split(WHITE);
    while (words.length > 0 && SKIP.has(words[0]!)) words.shift();
    phrase = words.join(' ');
    if (phrase.length < 3 || SKIP.has(phrase)) continue;
    if (words.length === 1 && m.index === 0 && !ACRONYM_OR_NUMBER.test(phrase)) continue;
    const stateHere = rec.states.find(
      (x) => x.start >= start && x.end <= end && x.end - x.start === phrase.length,
    );
    if (stateHere) phrase = knowledge.index.states.get(stateHere.code)?.name ?? phrase;
    if (NEWSROOMS.test(phrase)) continue;
    out.push({ start, end, phrase, state: stateHere?.code ?? null });
  }
  PHRASE.lastIndex = 0;
  return out;
}

/**
 * Subjects of a call from its sentences' phrases: not its participants, nor their states.
 * `cache` keeps each sentence's phrases for the next call about the same sentence.
 */
export function extractSubjects(
  sentences: Segment[],
  rec: Recognition,
  participantSpans: Span[],
  participants: Participant[],
  knowledge: Knowledge,
  cache: Map<Segment, SubjectCandidate[]> = new Map(),
): string[] {
  const out: string[] = [];
  const participantStates = new Set(participants.map((p) => p.state));
  for (const s of sentences) {
    let candidates = cache.get(s);
    if (!candidates) {
      candidates = subjectCandidates(s, rec, knowledge);
      cache.set(s, candidates);
    }
    for (const c of candidates) {
      if (participantSpans.some((b) => b.start < c.end && b.end > c.start)) continue;
      if (c.state !== null && participantStates.has(c.state)) continue;
      if (!out.includes(c.phrase)) out.push(c.phrase);
    }
  }
  return out.slice(0, 12);
}
