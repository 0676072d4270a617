import { describe, expect, it } from 'vitest';
import { findJoiners, findTriggers, isPlanned } from './calls.ts';
import { type Mention, personMention } from './recognize.ts';

const triggerWords = (s: string) => findTriggers(s).map((t) => s.slice(t.start, t.end));

/** A named mention of `name` inside `sentence` (offset 0), of someone absent from the gazetteer. */
function mention(sentence: string, name: string): Mention {
  const start = sentence.indexOf(name);
  return { ...personMention(start, start + name.length, []), name };
}

describe('findTriggers', () => {
  it('finds phone calls however the verb phrases them', () => {
    const phrasings = [
      'A held a phone call with B.',
      'A had a phone call with B.',
      'A spoke by phone with B.',
      'In a phone call with B, A said so.',
      'A phoned B.',
      'A dialed B.',
      'A talked by telephone with B.',
      'A held talks by phone with B.',
      'A and B spoke over the phone.',
      'A held a telephone talk with B.',
      'A and B discussed trade by phone.',
      'A, B talk by phone on trade',
    ];
    for (const s of phrasings) {
      const found = findTriggers(s);
      expect(found.length, s).toBeGreaterThan(0);
      expect(
        found.some((t) => t.mode === 'phone' || /phone/i.test(s.slice(t.start, t.end))),
        s,
      ).toBe(true);
    }
  });

  it('reads headline phrasings: "tells B in call", "hold talks"', () => {
    expect(findTriggers('A tells B in call that trade must grow')[0]).toMatchObject({
      mode: 'phone',
      kind: 'noun',
    });
    expect(triggerWords('A, B hold first talks in months')).toEqual(['hold first talks']);
    expect(triggerWords('A held a summit with B in Tokyo.')).toEqual(['held a summit']);
    expect(triggerWords('A issued a call for calm')).toEqual([]);
  });

  it('reads in-person talks without "met": "sat down with", "had a working lunch with"', () => {
    expect(findTriggers('A sat down with B on the sidelines.')[0]).toMatchObject({ mode: 'meeting' });
    expect(findTriggers('A had a working lunch with B in Paris.')[0]).toMatchObject({ mode: 'meeting' });
  });

  it('reads the convener of a conference as the one who placed it', () => {
    const s = 'A chaired a videoconference of the group with B.';
    const [t] = findTriggers(s);
    expect(s.slice(t!.start, t!.end)).toBe('chaired a videoconference');
    expect(t).toMatchObject({ direction: 'out', mode: 'video' });
  });

  it('reads a host receiving a named guest as a meeting, and not "hosted by"', () => {
    expect(findTriggers('A hosted President B in the capital.')[0]).toMatchObject({
      kind: 'host',
      mode: 'meeting',
    });
    expect(triggerWords('The dinner was hosted by the mayor.')).toEqual([]);
  });

  it('does not read a source reached by phone as a call', () => {
    expect(triggerWords('Contacted by phone, an aide declined to comment.')).toEqual([]);
  });
});

describe('isPlanned', () => {
  it('takes a capitalized month name for a date, not the modal "may"', () => {
    const dated = 'ANKARA, May 20 - A held a phone call with B.';
    const t = findTriggers(dated)[0]!;
    expect(isPlanned(dated, t, dated.length)).toBe(false);
    const modal = 'A may hold a phone call with B.';
    expect(isPlanned(modal, findTriggers(modal)[0]!, modal.length)).toBe(true);
  });
});

describe('findJoiners', () => {
  it('reads leaders listed before "took part" as participants', () => {
    const s = 'Alpha Beta, Gamma Delta and Epsilon Zeta took part.';
    const ms = [mention(s, 'Alpha Beta'), mention(s, 'Gamma Delta'), mention(s, 'Epsilon Zeta')];
    expect(findJoiners(s, 0, ms).map((m) => m.name)).toEqual(['Alpha Beta', 'Gamma Delta', 'Epsilon Zeta']);
  });

  it('adds nobody for a planned participation or a list that does not open the sentence', () => {
    const planned = 'Alpha Beta and Gamma Delta will take part.';
    expect(
      findJoiners(planned, 0, [mention(planned, 'Alpha Beta'), mention(planned, 'Gamma Delta')]),
    ).toEqual([]);
    const buried = 'The talks, which Alpha Beta attended, went well.';
    expect(findJoiners(buried, 0, [mention(buried, 'Alpha Beta')])).toEqual([]);
  });
});
