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
  /\b(?:[\p{Lu}][\p{L}\d'’-]*|[\p{Lu}\d]{2,}(?:-\d+)?)(?:\s+(?:of|the|for|and|de|in|on)?\s*(?:[\p{Lu}][\p{L}\d'’-]*|\d+(?:st|nd|rd|th)?))*/gu;
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

export function extractSubjects(
  sentences: Segment[],
  rec: Recognition,
  participantSpans: Span[],
  participants: Participant[],
  knowledge: Knowledge,
): string[] {
  const out: string[] = [];
  const blocked: Span[] = [...participantSpans, ...rec.mentions.map((m) => ({ start: m.start, end: m.end }))];
  const participantStates = new Set(participants.map((p) => p.state));
  for (const s of sentences) {
    for (const m of s.text.matchAll(PHRASE)) {
      let phrase = m[0].replace(/\s+(?:of|the|for|and|de|in|on)$/u, '').trim();
      const start = s.start + m.index;
      const end = start + phrase.length;
      if (blocked.some((b) => b.start < end && b.end > start)) continue;
      const words = phrase.split(/\s+/);
      while (words.length > 0 && SKIP.has(words[0]!)) words.shift();
      phrase = words.join(' ');
      if (phrase.length < 3 || SKIP.has(phrase)) continue;
      if (words.length === 1 && m.index === 0 && !/[A-Z]{2}|\d/.test(phrase)) continue;
      const stateHere = rec.states.find(
        (x) => x.start >= start && x.end <= end && x.end - x.start === phrase.length,
      );
      if (stateHere && participantStates.has(stateHere.code)) continue;
      if (stateHere) phrase = knowledge.index.states.get(stateHere.code)?.name ?? phrase;
      if (/^(?:Kremlin|Downing Street|White House|UNN|TASS|INTERFAX|ANI|VNA)$/i.test(phrase)) continue;
      if (!out.includes(phrase)) out.push(phrase);
    }
  }
  return out.slice(0, 12);
}
