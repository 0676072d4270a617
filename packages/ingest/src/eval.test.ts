import type { Extraction, Participant } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { evaluate, formatEvalReport, sameParticipant } from './eval.ts';
import type { GoldDocument } from './types.ts';

const person = (id: string, name: string, state: string, role = 'President'): Participant => ({
  id,
  name,
  state,
  role,
  leader: true,
  verified: true,
});

function extraction(source: string, calls: Extraction['calls']): Extraction {
  return {
    source,
    id: 'r',
    readout: { title: null, url: null, publisher: null, published: null, language: null },
    text: '',
    calls,
    mentions: { leaders: [], states: [] },
    warnings: [],
  };
}

describe('sameParticipant', () => {
  it('folds spelling variants of a name and matches surname plus state', () => {
    expect(
      sameParticipant(
        { name: 'Bashar al-Assad', state: 'SYR', role: null },
        person('x', 'Bashar Assad', 'SYR'),
      ),
    ).toBe(true);
    expect(
      sameParticipant(
        { name: 'Volodymyr Zelensky', state: 'UKR', role: null },
        person('x', 'V. Zelenskyy', 'UKR'),
      ),
    ).toBe(true);
    expect(
      sameParticipant({ name: 'Ann Other', state: 'FRA', role: null }, person('x', 'Bob Other', 'DEU')),
    ).toBe(false);
  });
});

describe('evaluate', () => {
  it('counts calls that match on participants and date, and false calls in negatives', () => {
    const a = person('a', 'Ann A', 'FRA');
    const b = person('b', 'Bob B', 'DEU');
    const golds: GoldDocument[] = [
      {
        id: 'd1',
        calls: [
          {
            participants: [
              { name: 'Ann A', state: 'FRA', role: null },
              { name: 'Bob B', state: 'DEU', role: null },
            ],
            date: '2024-01-01',
            mode: 'phone',
            core: true,
            initiator: null,
            themes: ['energy'],
            subjects: [],
          },
        ],
        mentioned_states: [],
      },
      { id: 'd2', calls: [], mentioned_states: [] },
    ];
    const call = {
      participants: [a, b],
      date: '2024-01-02',
      mode: 'phone' as const,
      initiator: null,
      themes: ['energy', 'trade-investment'],
      subjects: [],
      evidence: [],
    };
    const report = evaluate([extraction('x/d1.txt', [call]), extraction('x/d2.txt', [call])], golds);
    expect(report.calls).toMatchObject({ tp: 0, fp: 2, fn: 1 });
    expect(report.participantsOnly).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(report.dateAccuracy).toMatchObject({ correct: 0, total: 1 });
    expect(report.themes).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(report.negatives).toEqual({ documents: 1, falseCalls: 1 });
    const lines = formatEvalReport(report).split('\n');
    expect(lines.slice(-4).map((l) => l.split(/\s+/)[0])).toEqual(['calls', 'dates', 'themes', 'negatives']);
  });
});
