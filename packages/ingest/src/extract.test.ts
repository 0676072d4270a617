import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import { createKnowledge } from './knowledge.ts';
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

  it("reads a state's possessive before a role as that state's office", () => {
    const x = run("Prime Minister Narendra Modi spoke by phone with Kenya's President William Ruto.", {
      published: '2024-05-01',
    });
    expect(x.calls[0]?.participants[1]).toMatchObject({ state: 'KEN', role: 'President', leader: true });
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

  it('reads an FTA as trade and a peace conference as the peace process', () => {
    const x = run(
      'President Emmanuel Macron spoke with Chancellor Friedrich Merz. They discussed the EU-India FTA and the conference on peace in Ukraine.',
      { published: '2025-06-01' },
    );
    expect(x.calls[0]!.themes).toEqual(expect.arrayContaining(['trade-investment', 'ceasefire-peace']));
  });

  it('does not read a birthday wish of good health as a health topic', () => {
    const wish = run(
      'President Emmanuel Macron spoke with Chancellor Friedrich Merz. He congratulated him on his birthday and wished him good health.',
      { published: '2025-06-01' },
    );
    expect(wish.calls[0]!.themes).toEqual(['greetings-condolences']);
    const vaccines = run(
      'President Emmanuel Macron spoke with Chancellor Friedrich Merz. They discussed vaccines and wished each other good health.',
      { published: '2025-06-01' },
    );
    expect(vaccines.calls[0]!.themes).toContain('health');
  });

  it('lists mentioned states that took part in no call', () => {
    const x = run('President Emmanuel Macron spoke with Chancellor Friedrich Merz about Ukraine.', {
      published: '2025-06-01',
    });
    expect(x.mentions.states).toEqual(['UKR']);
  });

  it('names subjects without possessives, dates or the dateline place', () => {
    const text =
      "PARIS, March 10 (Wire) - President Emmanuel Macron spoke with Chancellor Friedrich Merz on 9 March 2025 about Ukraine's reconstruction and the Weimar Triangle.";
    const call = run(text, { published: '2025-03-10' }).calls[0]!;
    expect(call.subjects).toEqual(['Ukraine', 'Weimar Triangle']);
  });

  it('keeps "of the" inside a subject\'s name', () => {
    const text =
      'President Emmanuel Macron met Chancellor Friedrich Merz at the Great Hall of the People in Beijing.';
    expect(run(text, { published: '2025-03-10' }).calls[0]!.subjects).toEqual([
      'Great Hall of the People in Beijing',
    ]);
  });
});

describe('extractReadout: agency wires and conferences', () => {
  it('reads a wire whose dateline month is May and dates "on Monday" from it', () => {
    const text =
      'ANKARA, May 20 - Turkish President Recep Tayyip Erdogan held a phone call with Russian President Vladimir Putin on Monday, the presidency said.';
    expect(pairs(text, { published: '2024-05-20' })).toEqual([
      'recep-tayyip-erdogan+vladimir-putin@2024-05-20',
    ]);
  });

  it('reads "U.S." before a role as the United States and the caller of a received call as initiator', () => {
    const x = run(
      'Prime Minister Narendra Modi received a telephone call from U.S. President Joe Biden on Tuesday.',
      {
        published: '2024-05-21',
      },
    );
    expect(x.calls).toHaveLength(1);
    expect(x.calls[0]).toMatchObject({ date: '2024-05-21', initiator: 'USA' });
    expect(x.calls[0]!.participants.map((p) => p.state)).toEqual(['IND', 'USA']);
  });

  it('makes one video call of a chaired conference with the leaders listed as taking part', () => {
    const text =
      'LONDON, June 3 - Prime Minister Keir Starmer chaired a videoconference of European leaders on Tuesday with President Volodymyr Zelensky. French President Emmanuel Macron, Polish Prime Minister Donald Tusk and NATO Secretary General Mark Rutte took part. They discussed air defence.';
    const x = run(text, { published: '2025-06-03' });
    expect(x.calls).toHaveLength(1);
    expect(x.calls[0]).toMatchObject({ mode: 'video', initiator: 'GBR', date: '2025-06-03' });
    expect(x.calls[0]!.participants.map((p) => p.id)).toEqual([
      'keir-starmer',
      'volodymyr-zelensky',
      'emmanuel-macron',
      'donald-tusk',
      'mark-rutte',
    ]);
  });

  it("lets a leader's office on the date decide the state over an adjective naming another", () => {
    const x = run('Italian President Emmanuel Macron spoke by phone with Chancellor Friedrich Merz.', {
      published: '2025-06-01',
    });
    expect(x.calls[0]!.participants[0]).toMatchObject({ id: 'emmanuel-macron', state: 'FRA' });
  });

  it('reads "American" and "French" as the sovereign states, not their territories', () => {
    const x = run('American President Donald Trump spoke by phone with French President Emmanuel Macron.', {
      published: '2025-06-01',
    });
    expect(x.calls[0]!.participants.map((p) => p.state)).toEqual(['USA', 'FRA']);
  });

  it('takes the initiator from "at the latter\'s request"', () => {
    const text =
      "President Vladimir Putin spoke by phone with President Recep Tayyip Erdogan on Friday. The call took place at the latter's request.";
    expect(run(text, { published: '2024-05-24' }).calls[0]?.initiator).toBe('TUR');
  });

  it('takes the initiator from "at the initiative of the X side"', () => {
    const text =
      'President Vladimir Putin had a telephone conversation with President Recep Tayyip Erdogan at the initiative of the Turkish side.';
    expect(run(text, { published: '2024-05-24' }).calls[0]?.initiator).toBe('TUR');
  });

  it('keeps a named counterpart of a minister flagged leader: false', () => {
    const x = run(
      'Russian Foreign Minister Sergei Lavrov held a phone call with his Turkish counterpart Hakan Fidan on Friday.',
      {
        published: '2023-09-01',
      },
    );
    expect(x.calls[0]!.participants.map((p) => [p.name, p.state, p.leader])).toEqual([
      ['Sergei Lavrov', 'RUS', false],
      ['Hakan Fidan', 'TUR', false],
    ]);
  });

  it('reads a host receiving a guest as a meeting, but not a welcomed decision', () => {
    expect(
      run('Chancellor Friedrich Merz received President Emmanuel Macron in Berlin on Monday.', {
        published: '2025-06-02',
      }).calls[0]?.mode,
    ).toBe('meeting');
    expect(
      run("President Emmanuel Macron welcomed President Donald Trump's decision on tariffs.", {
        published: '2025-06-02',
      }).calls,
    ).toEqual([]);
  });

  it('prefers an official publisher naming its state over a URL that looks like another source', () => {
    const x = run('The Prime Minister spoke with President Vladimir Putin today.', {
      publisher: "Prime Minister's Office, India",
      url: 'https://example.org/news/pm-speaks-with-president',
      published: '2024-03-20',
    });
    expect(x.calls[0]!.participants.map((p) => p.id)).toEqual(['narendra-modi', 'vladimir-putin']);
  });

  it('takes "the two leaders" to be the pair the title names', () => {
    const text = 'Modi, Trump discuss trade\nThe two leaders spoke by phone on Tuesday about tariffs.';
    expect(pairs(text, { published: '2025-06-05' })).toEqual(['narendra-modi+donald-trump@2025-06-03']);
  });

  it('reads "received a phone call today from" and "received in audience"', () => {
    const call = run(
      'President Recep Tayyip Erdogan received a phone call today from President Emmanuel Macron of France.',
      { published: '2025-06-05' },
    );
    expect(call.calls[0]).toMatchObject({ mode: 'phone', initiator: 'FRA' });
    const audience = run('Pope Francis received in audience President Volodymyr Zelensky on Monday.', {
      published: '2024-05-15',
    });
    expect(audience.calls[0]).toMatchObject({ mode: 'meeting', date: '2024-05-13' });
  });

  it('ignores talks that were ruled out, postponed, offered or called for', () => {
    const meta = { published: '2025-06-05' };
    expect(
      pairs(
        'A meeting between President Vladimir Putin and President Donald Trump has been ruled out.',
        meta,
      ),
    ).toEqual([]);
    expect(
      pairs("President Vladimir Putin's talks with President Donald Trump were postponed.", meta),
    ).toEqual([]);
    expect(
      pairs(
        'President Recep Tayyip Erdogan offered to host talks between President Vladimir Putin and President Volodymyr Zelensky.',
        meta,
      ),
    ).toEqual([]);
    expect(
      pairs('President Volodymyr Zelensky called for talks with President Vladimir Putin.', meta),
    ).toEqual([]);
  });

  it('takes the side named before "side\'s initiative", not the person named after it', () => {
    const text =
      "Vladimir Putin had a telephone conversation with Prime Minister Narendra Modi at the Indian side's initiative. The President of Russia informed his counterpart about the situation.";
    expect(run(text, { published: '2024-03-20' }).calls[0]?.initiator).toBe('IND');
  });

  it('finds the phone call however a wire phrases it', () => {
    const a = 'Turkish President Recep Tayyip Erdogan';
    const b = 'Russian President Vladimir Putin';
    const phrasings = [
      `${a} held a phone call with ${b} on Monday.`,
      `${a} had a phone call with ${b} on Monday.`,
      `${a} spoke by phone with ${b} on Monday.`,
      `In a phone call with ${b} on Monday, ${a} called for calm.`,
      `${a} phoned ${b} on Monday.`,
      `${a} dialed ${b} on Monday.`,
      `${a} talked by telephone with ${b} on Monday.`,
      `${a} held talks by phone with ${b} on Monday.`,
      `${a} and ${b} spoke over the phone on Monday.`,
      `${a} and ${b} discussed grain exports by phone on Monday.`,
    ];
    for (const text of phrasings) {
      const x = run(text, { published: '2024-05-20' });
      expect(
        x.calls.map(
          (c) =>
            `${c.participants
              .map((p) => p.id)
              .sort()
              .join('+')}@${c.date}/${c.mode}`,
        ),
        text,
      ).toEqual(['recep-tayyip-erdogan+vladimir-putin@2024-05-20/phone']);
    }
  });

  it('gives one call per counterpart for "spoke with A and then with B"', () => {
    const text =
      'President Emmanuel Macron spoke with President Donald Trump and then with Chancellor Friedrich Merz on Monday.';
    expect(pairs(text, { published: '2025-06-04' })).toEqual([
      'emmanuel-macron+donald-trump@2025-06-02',
      'emmanuel-macron+friedrich-merz@2025-06-02',
    ]);
  });

  it('adds leaders who "also joined the video call" to it, but not a new call\'s participants', () => {
    const joined = run(
      'Prime Minister Keir Starmer hosted a call with President Volodymyr Zelensky on Sunday. President Emmanuel Macron and Chancellor Friedrich Merz also joined the video call.',
      { published: '2025-06-02' },
    );
    expect(joined.calls.map((c) => c.participants.map((p) => p.id))).toEqual([
      ['keir-starmer', 'volodymyr-zelensky', 'emmanuel-macron', 'friedrich-merz'],
    ]);
    const separate = run(
      'Prime Minister Keir Starmer spoke with President Volodymyr Zelensky on Sunday. President Emmanuel Macron and Chancellor Friedrich Merz took part in a phone call with President Donald Trump on Monday.',
      { published: '2025-06-02' },
    );
    expect(separate.calls.map((c) => c.participants.map((p) => p.id))).toEqual([
      ['keir-starmer', 'volodymyr-zelensky'],
      ['emmanuel-macron', 'friedrich-merz', 'donald-trump'],
    ]);
  });
});

describe('extractReadout: counterparts', () => {
  const office = (polity: string, role: string) => ({ polity, role, from: '2020-01-01', to: null });
  const small = createKnowledge({
    persons: [
      { id: 'anna-alpha', name: 'Anna Alpha', aliases: [], offices: [office('RUS', 'President')] },
      { id: 'boris-beta', name: 'Boris Beta', aliases: [], offices: [office('FRA', 'President')] },
      { id: 'clara-gamma', name: 'Clara Gamma', aliases: [], offices: [office('FRA', 'Prime Minister')] },
      { id: 'dora-delta', name: 'Dora Delta', aliases: [], offices: [office('DEU', 'Chancellor')] },
    ],
    organizations: [],
    themes: [],
  });
  const ids = (text: string) =>
    extractReadout({ source: 't', text, meta: { published: '2024-05-20' } }, small).calls.map((c) =>
      c.participants.map((p) => p.id),
    );

  it('resolves "his French counterpart" to the holder of the same office as the other side', () => {
    expect(ids('President Anna Alpha spoke by phone with her French counterpart on Monday.')).toEqual([
      ['anna-alpha', 'boris-beta'],
    ]);
    expect(ids('Chancellor Dora Delta spoke by phone with her French counterpart on Monday.')).toEqual([
      ['dora-delta', 'clara-gamma'],
    ]);
  });
});
