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
