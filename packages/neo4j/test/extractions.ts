/** Small hand-written extractions for the loader's integration tests. */
import { type ExtractedCall, type Extraction, type Participant, readoutId } from '@hotline/model';
import type { LoadContext } from '../src/load.ts';

export const PEOPLE: Record<string, Participant> = {
  putin: {
    id: 'vladimir-putin',
    name: 'Vladimir Putin',
    state: 'RUS',
    role: 'President',
    leader: true,
    verified: true,
  },
  assad: {
    id: 'bashar-al-assad',
    name: 'Bashar al-Assad',
    state: 'SYR',
    role: 'President',
    leader: true,
    verified: true,
  },
  raisi: {
    id: 'ebrahim-raisi',
    name: 'Ebrahim Raisi',
    state: 'IRN',
    role: 'President',
    leader: true,
    verified: true,
  },
  abbas: {
    id: 'mahmoud-abbas',
    name: 'Mahmoud Abbas',
    state: 'PSE',
    role: 'President',
    leader: true,
    verified: true,
  },
  sisi: {
    id: 'abdel-fattah-al-sisi',
    name: 'Abdel Fattah al-Sisi',
    state: 'EGY',
    role: 'President',
    leader: true,
    verified: true,
  },
  macron: {
    id: 'emmanuel-macron',
    name: 'Emmanuel Macron',
    state: 'FRA',
    role: 'President',
    leader: true,
    verified: true,
  },
};

export function call(
  participants: Participant[],
  date: string | null,
  extra: Partial<ExtractedCall> = {},
): ExtractedCall {
  return {
    participants,
    date,
    mode: 'phone',
    initiator: null,
    themes: [],
    subjects: [],
    evidence: [{ start: 0, end: 10 }],
    ...extra,
  };
}

export function extraction(
  text: string,
  calls: ExtractedCall[],
  extra: Partial<Extraction> = {},
): Extraction {
  return {
    source: `fixture/${readoutId(text)}.txt`,
    id: readoutId(text),
    readout: { title: null, url: null, publisher: 'Fixture Press', published: null, language: 'en' },
    text,
    calls,
    mentions: { leaders: [], states: [] },
    warnings: [],
    ...extra,
  };
}

export const CONTEXT: LoadContext = {
  polity: (code) => ({ code, name: `State ${code}`, kind: 'state', region: 'Test', latlng: [0, 0] }),
  offices: (id) => {
    const person = Object.values(PEOPLE).find((p) => p.id === id);
    return person?.state
      ? [{ polity: person.state, role: person.role ?? 'Leader', from: '2000-01-01', to: null }]
      : [];
  },
};

/**
 * A seeded corpus in which one conversation is reported by several readouts: dates a day
 * apart, sides that disagree on who called, different themes and subjects, calls of three,
 * undated calls, people the gazetteer does not know, and mentions. Loading it in one batch
 * or one readout at a time must give the same graph.
 */
export function overlappingCorpus(size: number, seed = 11): Extraction[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const known = Object.values(PEOPLE);
  const stranger: Participant = {
    id: 'unverified-envoy',
    name: 'Special Envoy Smith',
    state: null,
    role: 'Envoy',
    leader: false,
    verified: false,
  };
  const people = [...known, stranger];
  const themes = ['energy', 'trade-investment', 'armed-conflict', 'humanitarian', 'ceasefire-peace'];
  const subjects = ['Gaza Strip', 'Black Sea grain', 'Suez Canal'];
  const days = ['2023-10-15', '2023-10-16', '2023-10-17', '2023-10-19', null];
  return Array.from({ length: size }, (_, i) => {
    const a = pick(people);
    let b = pick(people);
    if (b.id === a.id) b = people[(people.indexOf(a) + 1) % people.length]!;
    const party = random() < 0.2 ? [a, b, pick(people.filter((p) => p !== a && p !== b))] : [a, b];
    const day = pick(days);
    const initiator = random() < 0.5 ? (pick(party).state ?? null) : null;
    const calls = [
      call(party, day, {
        initiator,
        themes: [pick(themes)],
        subjects: random() < 0.3 ? [pick(subjects)] : [],
      }),
    ];
    if (random() < 0.2) calls.push(call([a, pick(known.filter((p) => p !== a))], pick(days)));
    const mentioned = pick(known);
    return extraction(`Readout ${seed}-${i}: ${party.map((p) => p.name).join(', ')} spoke.`, calls, {
      mentions: {
        leaders: [{ id: mentioned.id, name: mentioned.name, state: mentioned.state }],
        states: [mentioned.state ?? 'RUS', 'USA'],
      },
    });
  });
}
