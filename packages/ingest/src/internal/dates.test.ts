import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateFromUrl,
  findDateExpressions,
  findDateline,
  isoOf,
  lastWeekday,
  latestDayOfMonth,
  resolveExpression,
  weekdayOf,
} from './dates.ts';

describe('dateFromUrl', () => {
  it('reads path dates, slugs with month names and compact timestamps', () => {
    expect(dateFromUrl('https://example.org/news/2019/12/03/leader-speaks')).toBe('2019-12-03');
    expect(dateFromUrl('https://example.org/news/pm-call-with-someone-6-july-2024')).toBe('2024-07-06');
    expect(dateFromUrl('https://example.org/a/readout-2015-12-30/x')).toBe('2015-12-30');
    expect(dateFromUrl('https://example.org/a/story20200815193314/')).toBe('2020-08-15');
    expect(dateFromUrl('https://example.org/politics/1376469')).toBeNull();
  });
});

describe('findDateExpressions', () => {
  it('classifies relative, weekday, yearless and vague expressions', () => {
    const kinds = (s: string) => findDateExpressions(s).map((e) => e.kind);
    expect(kinds('They spoke yesterday afternoon.')).toEqual(['offset']);
    expect(kinds('On Tuesday, the two leaders met.')).toEqual(['weekday']);
    expect(kinds('They spoke on March 3.')).toEqual(['yearless']);
    expect(kinds('They met on 3 March 2021.')).toEqual(['explicit']);
    expect(kinds('They met earlier this week.')).toEqual(['vague']);
  });

  it('resolves expressions against the reference date and never forward', () => {
    const [y] = findDateExpressions('spoke yesterday');
    expect(resolveExpression(y!, '2024-01-01')).toBe('2023-12-31');
    const [w] = findDateExpressions('on Friday');
    expect(resolveExpression(w!, '2024-03-06')).toBe('2024-03-01');
    const [d] = findDateExpressions('on December 30');
    expect(resolveExpression(d!, '2024-01-02')).toBe('2023-12-30');
  });
});

describe('lastWeekday', () => {
  it('returns the same day when the reference falls on the weekday', () => {
    expect(lastWeekday('2024-03-04', 1)).toBe('2024-03-04');
  });
});

describe('findDateline', () => {
  it('finds a yearless agency dateline at the start of the body', () => {
    const d = findDateline('Paris. March 3. AGENCY - The president spoke.', 0);
    expect(d).toMatchObject({ month: 3, day: 3, year: null });
  });

  it('finds a dated line under the title', () => {
    const d = findDateline('A title\nGeneva, 12 May 2016\nThe body.', 8);
    expect(d).toMatchObject({ month: 5, day: 12, year: 2016 });
  });
});

describe('findDateExpressions: readout phrasings', () => {
  it('reads the date of "on the afternoon of April 26"', () => {
    expect(findDateExpressions('On the afternoon of April 26, they spoke.')).toMatchObject([
      { kind: 'yearless', month: 4, day: 26 },
    ]);
  });

  it('takes a duration or a clock time for no date, and no year that is not written', () => {
    const found = findDateExpressions(
      'On October 5, commencing at 8:20 a.m. for approximately 20 minutes, they spoke.',
    );
    expect(found.map((e) => e.kind)).toEqual(['yearless']);
  });
});

describe('calendar arithmetic', () => {
  it('agrees with Date for any year, month and day, valid or not', () => {
    const viaDate = (y: number, m: number, d: number) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      const same = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
      return same ? date.toISOString().slice(0, 10) : null;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 900, max: 10100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: -5000, max: 5000 }),
        (y, m, d, days) => {
          const iso = isoOf(y, m, d);
          expect(iso).toBe(viaDate(y, m, d));
          if (iso === null || !/^\d{4}-/.test(iso)) return;
          const t = Date.parse(`${iso}T00:00:00Z`);
          expect(addDays(iso, days)).toBe(new Date(t + days * 86_400_000).toISOString().slice(0, 10));
          expect(weekdayOf(iso)).toBe(new Date(t).getUTCDay());
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('a day of the month alone', () => {
  it('reads "on the 5th" as the latest such day, going back a month when needed', () => {
    const [e] = findDateExpressions('They held a phone call on the 5th and discussed trade.');
    expect(e?.kind).toBe('monthday');
    expect(resolveExpression(e!, '2023-04-07')).toBe('2023-04-05');
    expect(resolveExpression(e!, '2023-04-03')).toBe('2023-03-05');
    expect(latestDayOfMonth('2023-03-02', 31)).toBe('2023-01-31');
  });

  it('leaves ordinals that are not days alone', () => {
    expect(findDateExpressions('They met on the 25th anniversary of the treaty.')).toEqual([]);
    expect(findDateExpressions('They met on the 5th of May.').map((e) => e.kind)).toEqual(['yearless']);
  });

  it('reads "over the weekend" as vague', () => {
    expect(findDateExpressions('Over the weekend, the leaders spoke.').map((e) => e.kind)).toEqual(['vague']);
  });
});
