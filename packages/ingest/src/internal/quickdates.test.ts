import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDates, readDates } from './dates.ts';
import { quickParse } from './quickdates.ts';

/** What extraction reads of a text's dates: the classes and the spans chrono gives. */
function reading(results: ReturnType<typeof readDates>) {
  return {
    spans: results.map((r) => [r.index, r.text]),
    classes: classifyDates(results.map((r) => ({ r, offset: 0 }))),
  };
}

function sameAsChrono(text: string): boolean {
  const quick = quickParse(text);
  if (quick === null) return false;
  expect(reading(quick), JSON.stringify(text)).toEqual(reading(readDates(text, false)));
  return quick.length > 0;
}

describe('quickParse', () => {
  it('reads the common forms as chrono does', () => {
    for (const text of [
      'Egyptian Prime Minister Ahmed Nazif spoke with President Sarkozy on Thursday, the office said.',
      'CAIRO, August 17 (Atlas) - Egyptian Prime Minister',
      'New York, 15 September 2024',
      'The Secretary-General spoke today by telephone with H.E. Islam Karimov,',
      'President Mahmoud Abbas of Palestine this morning.',
      'The two leaders spoke yesterday afternoon about Gaza.',
      'PM call with Prime Minister Sonexay Siphandone of Laos: 28 May 2023',
      'He met the President on 5 June, 2019 in Paris.',
      'The leaders spoke on Monday (CPA).',
    ]) {
      expect(sameAsChrono(text), text).toBe(true);
    }
  });

  it('leaves to chrono what it does not read', () => {
    for (const text of [
      'on Thursday, August 17',
      'last Monday',
      'two days ago on Friday',
      'the end of August 17',
      'on Monday EST',
      'They spoke on Monday (EST).',
      'August 17 at 10 am',
      'May 5 or Thursday',
      'They spoke on Sat',
      '29 February',
    ]) {
      expect(quickParse(text), text).toBeNull();
    }
  });

  it('never reads a text otherwise than chrono', () => {
    const words = [
      'Monday',
      'thursday',
      'FRIDAY',
      'Sunday',
      'Mon',
      'Thu.',
      'sat',
      'weekend',
      'today',
      'Today',
      'yesterday',
      'tonight',
      'lastnight',
      'tomorrow',
      'now',
      'this',
      'last',
      'next',
      'past',
      'morning',
      'afternoon',
      'evening',
      'night',
      'noon',
      'on',
      'in',
      'of',
      'the',
      'end',
      'day',
      'days',
      'week',
      'month',
      'year',
      'a',
      'an',
      'few',
      'couple',
      'half',
      'two',
      'ten',
      'they',
      'them',
      'ago',
      'later',
      'after',
      'before',
      'out',
      'within',
      'for',
      'about',
      'January',
      'May',
      'may',
      'March',
      'Aug',
      'Aug.',
      'Sept',
      'August',
      'September',
      'first',
      '17th',
      'twenty',
      "o'clock",
      'am',
      'pm',
      'a.m.',
      'AD',
      'EST',
      'GMT',
      'PT',
      'CPA',
      'Atlas',
      'UN',
      'H.E.',
      'U.S.',
      'Omar',
      'and',
      'said',
      'office',
      'President',
      'Putin',
      'within',
      'around',
      'just',
      '~',
      '+',
      'several',
      'tmrw',
      'midnight',
      'midday',
      'qtr',
      'hrs',
      'mos',
      'sec',
      'weekday',
      'sun.',
      'thurs',
      'BC',
      'CE',
      'henceforth',
      'from now',
      'until',
      'to',
      'T',
      'at',
      'UTC',
      'end of',
      'last day of',
      'Sat.',
      'd',
      'h',
      'y',
    ];
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...words) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('2024', '1999', '05', '2024-05-06', '17/18', '+3', '10:30') },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    );
    const sep = fc.constantFrom(' ', ' ', ' ', '  ', ', ', '', ' - ', ' (', ') ', '/', '. ');
    const text = fc
      .array(fc.tuple(piece, sep), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (sameAsChrono(t)) read += 1;
      }),
      { numRuns: Number(process.env.QUICKDATES_RUNS ?? 4000) },
    );
    // The property must have exercised the quick reading, not only its refusals.
    expect(read).toBeGreaterThan(20);
  });

  it('reads one date among other words as chrono does', () => {
    const form = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', 'on ', 'On ', 'on  ', '(on ', ', on ', 'this ', 'last ', 'in '),
          fc.constantFrom('Monday', 'tuesday', 'WEDNESDAY', 'Thursday', 'Friday', 'Saturday', 'Sunday'),
          fc.constantFrom('', ',', ')', ' ,', ' this week', "'s", '-'),
        )
        .map((p) => p.join('')),
      fc.constantFrom(
        'today',
        'Today',
        'earlier today',
        'yesterday',
        'tonight',
        'this morning',
        'this  evening',
        'This afternoon',
        'yesterday afternoon',
        'yesterday  morning',
        'yesterday evening',
        'last night',
      ),
      fc
        .tuple(
          fc.constantFrom('', 'on ', 'in ', 'end of ', 'of '),
          fc.integer({ min: 0, max: 33 }),
          fc.constantFrom(' ', '', '-', ' of ', '/', '  '),
          fc.constantFrom('January', 'february', 'May', 'JUNE', 'August', 'September', 'December'),
          fc.constantFrom(
            '',
            ' 2024',
            ', 2019',
            ' 1999',
            ' 24',
            '2024',
            ' - ',
            ', ',
            ' (Atlas)',
            ' (CPA)',
            ' EST',
          ),
        )
        .map(([a, d, s, m, y]) => `${a}${d}${s}${m}${y}`),
      fc
        .tuple(
          fc.constantFrom('', 'on ', 'in ', 'end of '),
          fc.constantFrom('January', 'march', 'May', 'July', 'August', 'November'),
          fc.constantFrom(' ', '', '-', ', ', '/'),
          fc.integer({ min: 0, max: 33 }),
          fc.constantFrom('', ', 2024', ' 2024', ' 23', 'th', ' am', ' (Atlas)', ' - ', ' to 5', ' EST'),
        )
        .map(([a, m, s, d, y]) => `${a}${m}${s}${d}${y}`),
    );
    const filler = fc.constantFrom(
      'the',
      'leaders',
      'spoke',
      'President',
      'Putin',
      'said',
      'office',
      'with',
      'by',
      'telephone',
      'and',
      'of',
      'Omar',
      'Ilham',
      'H.E.',
      'U.S.',
      'they',
      'a',
      'in',
      'on',
      'may',
      'at',
      'GMT',
      'CPA',
      '(Atlas)',
      '-',
      ',',
      '.',
      'noon',
      'day',
    );
    const side = fc.array(filler, { maxLength: 4 }).map((w) => w.join(' '));
    const text = fc
      .tuple(
        side,
        fc.constantFrom(' ', '', ', ', ' ('),
        form,
        fc.constantFrom(' ', '', ', ', ') ', '.'),
        side,
      )
      .map((p) => p.join(''));
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (sameAsChrono(t)) read += 1;
      }),
      { numRuns: Number(process.env.QUICKDATES_RUNS ?? 4000) },
    );
    expect(read).toBeGreaterThan(500);
  });
});
