import { describe, expect, it } from 'vitest';
import { C1, C2, C3, createFixtureGraph, GUTERRES, MACRON, PUTIN, SCHOLZ } from '../test/fixtures/graph.ts';
import { generateCallLines } from './jsonl.ts';
import { callRecords } from './records.ts';

const graph = createFixtureGraph();

describe('callRecords', () => {
  it('derives one record per call, in node order', () => {
    expect(callRecords(graph).map((record) => record.id)).toEqual([C1, C2, C3]);
  });

  it('gathers participants, topics and sources of a call', () => {
    const [c1] = callRecords(graph);
    expect(c1).toEqual({
      id: C1,
      date: '2024-01-10',
      dates: ['2024-01-10', '2024-01-11'],
      mode: 'phone',
      multilateral: false,
      participants: [
        {
          id: MACRON,
          name: 'Emmanuel Macron',
          state: 'FRA',
          role: 'President',
          leader: true,
          initiator: true,
        },
        {
          id: PUTIN,
          name: 'Vladimir Putin',
          state: 'RUS',
          role: 'President',
          leader: true,
          initiator: false,
        },
      ],
      themes: ['defense-security', 'energy'],
      subjects: ['Ukraine'],
      sources: [
        {
          readout: 'r-elysee',
          url: 'https://www.elysee.fr/a?x=1&y=2',
          publisher: 'Élysée',
          published: '2024-01-10',
          title: 'Entretien téléphonique avec Vladimir Poutine',
        },
        {
          readout: 'r-kremlin',
          url: 'http://kremlin.ru/events/president/news/1',
          publisher: 'Kremlin',
          published: '2024-01-11',
          title: "Telephone conversation with France's President",
        },
      ],
    });
  });

  it('lists every participant of a multilateral meeting', () => {
    const c3 = callRecords(graph)[2];
    expect(c3?.multilateral).toBe(true);
    expect(c3?.participants.map((p) => p.id)).toEqual([GUTERRES, MACRON, SCHOLZ]);
    expect(c3?.sources[0]?.published).toBeNull();
  });

  it('returns no records for a graph without calls', () => {
    expect(callRecords({ nodes: graph.nodes.filter((node) => node.label === 'Leader'), edges: [] })).toEqual(
      [],
    );
  });
});

describe('JSON Lines', () => {
  it('writes one parseable line per call', () => {
    const lines = [...generateCallLines(graph)];
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    expect(lines.map((line) => JSON.parse(line))).toEqual(callRecords(graph));
  });
});
