import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import { fixtureKnowledge } from './test-helpers.ts';
import type { ReadoutInput } from './types.ts';

const k = await fixtureKnowledge();
const run = (text: string, meta: ReadoutInput['meta'] = {}) =>
  extractReadout({ source: 't.txt', text, meta }, k, { today: '2025-12-31' });
const pairs = (text: string, meta: ReadoutInput['meta'] = {}) =>
  run(text, meta).calls.map((c) => `${c.participants.map((p) => p.id).join('+')}@${c.date}`);

describe('extractReadout: interactions', () => {
  it('extracts one call per counterpart when a leader had several conversations', () => {
    const text =
      'On Tuesday, Russian President Vladimir Putin had telephone conversations with Syrian President Bashar al-Assad and Egyptian President Abdel Fattah el-Sisi.';
    expect(pairs(text, { published: '2023-10-18' })).toEqual([
      'vladimir-putin+bashar-al-assad@2023-10-17',
      'vladimir-putin+abdel-fattah-el-sisi@2023-10-17',
    ]);
  });

  it('makes one joint call of a multi-leader conversation', () => {
    const text =
      'French President Emmanuel Macron, together with Polish Prime Minister Donald Tusk, had a telephone conversation with US President Donald Trump.';
    const x = run(text, { published: '2025-06-01' });
    expect(x.calls).toHaveLength(1);
    expect(x.calls[0]!.participants.map((p) => p.id).sort()).toEqual([
      'donald-trump',
      'donald-tusk',
      'emmanuel-macron',
    ]);
  });

  it('ignores planned, proposed and denied conversations', () => {
    expect(
      pairs('President Vladimir Putin plans to hold a phone call with President Donald Trump next week.', {
        published: '2025-03-01',
      }),
    ).toEqual([]);
    expect(
      pairs('A phone conversation between Vladimir Putin and Donald Trump is not planned for today.', {
        published: '2025-03-01',
      }),
    ).toEqual([]);
    expect(
      pairs('Putin and Trump might hold a video call soon, the spokesman said.', { published: '2025-03-01' }),
    ).toEqual([]);
  });

  it('reads the mode: met is a meeting, a videoconference is video', () => {
    expect(
      run('Prime Minister Justin Trudeau met with President Donald Trump today.', { published: '2019-12-03' })
        .calls[0]?.mode,
    ).toBe('meeting');
    expect(
      run('President Emmanuel Macron held a videoconference with Chancellor Friedrich Merz.', {
        published: '2025-06-01',
      }).calls[0]?.mode,
    ).toBe('video');
  });

  it('takes the initiator from "received a call from"', () => {
    const x = run('Prime Minister Narendra Modi received a call from President Donald Trump.', {
      published: '2025-05-01',
    });
    expect(x.calls[0]?.initiator).toBe('USA');
  });

  it('keeps ministers as participants flagged leader: false', () => {
    const x = run('President Volodymyr Zelensky met British Defence Secretary John Healey in Kyiv today.', {
      published: '2025-02-01',
    });
    const healey = x.calls[0]?.participants.find((p) => p.name === 'John Healey');
    expect(healey).toMatchObject({ state: 'GBR', leader: false, verified: false });
  });
});

describe('extractReadout: leaders', () => {
  it('resolves an office to whoever held it on the date', () => {
    const t = 'Prime Minister Narendra Modi spoke by phone with the Iranian President.';
    expect(run(t, { published: '2023-10-16' }).calls[0]?.participants[1]?.id).toBe('ebrahim-raisi');
    expect(run(t, { published: '2025-01-10' }).calls[0]?.participants[1]?.id).toBe('masoud-pezeshkian');
  });

  it('keeps a leader absent from the gazetteer, unverified', () => {
    const x = run('Prime Minister Narendra Modi spoke by phone with President of Kenya William Ruto.', {
      published: '2024-05-01',
    });
    expect(x.calls[0]?.participants[1]).toMatchObject({
      id: 'william-ruto',
      name: 'William Ruto',
      state: 'KEN',
      role: 'President',
      leader: true,
      verified: false,
    });
  });

  it('infers the reporting leader from the publisher when the body says "The Prime Minister"', () => {
    const x = run(
      'PM call with Prime Minister Albanese\nThe Prime Minister spoke to the Australian Prime Minister, Anthony Albanese, this morning.',
      {
        publisher: "UK Prime Minister's Office",
        published: '2024-07-06',
      },
    );
    expect(x.calls.map((c) => c.participants.map((p) => p.id))).toEqual([
      ['keir-starmer', 'anthony-albanese'],
    ]);
  });
});

describe('extractReadout: dates', () => {
  it('fixes the year of a yearless dateline from the weekday and the tenures named', () => {
    const text =
      'Moscow. October 16. AGENCY - On Monday, Russian President Vladimir Putin had a telephone conversation with Iranian President Ebrahim Raisi.';
    expect(pairs(text)).toEqual(['vladimir-putin+ebrahim-raisi@2023-10-16']);
  });

  it('resolves "yesterday" against a dateline', () => {
    const text =
      'A readout title\nGeneva, 19 February 2013\nIn a telephone conversation yesterday, the Prime Minister of Israel, Benjamin Netanyahu, spoke with President Vladimir Putin.';
    expect(pairs(text)).toEqual(['benjamin-netanyahu+vladimir-putin@2013-02-18']);
  });

  it('dates a call without a date expression on the publication date taken from the URL', () => {
    const x = run('Prime Minister Justin Trudeau spoke with President Donald Trump.', {
      url: 'https://example.org/news/2019/12/09/call',
    });
    expect(x.calls[0]?.date).toBe('2019-12-09');
  });

  it('leaves the date open for a vague "this week"', () => {
    expect(
      run('Prime Minister Keir Starmer met Prime Minister Anthony Albanese this week.', {
        published: '2024-10-25',
      }).calls[0]?.date,
    ).toBeNull();
  });
});

describe('extractReadout: topics and evidence', () => {
  it('tags themes from the sentences about the call and keeps evidence spans', () => {
    const text =
      'President Emmanuel Macron spoke with Chancellor Friedrich Merz. They discussed the war in Ukraine and gas supplies.';
    const x = run(text, { published: '2025-06-01' });
    const call = x.calls[0]!;
    expect(call.themes).toEqual(expect.arrayContaining(['armed-conflict', 'energy']));
    const ev = call.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toContain('spoke with');
  });

  it('lists mentioned states that took part in no call', () => {
    const x = run('President Emmanuel Macron spoke with Chancellor Friedrich Merz about Ukraine.', {
      published: '2025-06-01',
    });
    expect(x.mentions.states).toEqual(['UKR']);
  });
});
