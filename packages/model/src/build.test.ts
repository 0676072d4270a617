import { describe, expect, it } from 'vitest';
import { buildGraphData, type GraphContext } from './build.ts';
import { readoutId } from './ids.ts';
import type { ExtractedCall, Extraction, Participant } from './types.ts';

const person = (id: string, state: string): Participant => ({
  id,
  name: id,
  state,
  role: 'President',
  leader: true,
  verified: true,
});
const putin = person('vladimir-putin', 'RUS');
const macron = person('emmanuel-macron', 'FRA');
const scholz = person('olaf-scholz', 'DEU');

function readout(text: string, calls: ExtractedCall[]): Extraction {
  return {
    source: text,
    id: readoutId(text),
    readout: { title: null, url: null, publisher: null, published: null, language: 'en' },
    text,
    calls,
    mentions: { leaders: [], states: ['UKR'] },
    warnings: [],
  };
}

function phone(participants: Participant[], date: string, initiator: string | null = null): ExtractedCall {
  return {
    participants,
    date,
    mode: 'phone',
    initiator,
    themes: ['energy'],
    subjects: ['Nord Stream'],
    evidence: [{ start: 0, end: 5 }],
  };
}

const context: GraphContext = {
  polity: (code) => ({ code, name: code, kind: 'state', region: 'Europe', latlng: [1, 2] }),
  offices: (id) =>
    id === 'vladimir-putin' ? [{ polity: 'RUS', role: 'President', from: '2012-05-07', to: null }] : [],
};

describe('building the graph in memory', () => {
  it('merges two reports of one conversation a day apart into one call with both dates', () => {
    const graph = buildGraphData(
      [
        readout('a', [phone([putin, macron], '2024-05-03')]),
        readout('b', [phone([macron, putin], '2024-05-04', 'FRA')]),
      ],
      context,
    );
    const calls = graph.nodes.filter((n) => n.label === 'Call');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.properties).toMatchObject({
      date: '2024-05-03',
      dates: ['2024-05-03', '2024-05-04'],
      initiators: ['FRA'],
      sources: 2,
    });
    const called = graph.edges.filter((e) => e.type === 'CALLED');
    expect(called.map((e) => [e.source, e.target])).toEqual([['emmanuel-macron', 'vladimir-putin']]);
  });

  it('keeps calls a week apart as separate conversations', () => {
    const graph = buildGraphData(
      [
        readout('a', [phone([putin, macron], '2024-05-03')]),
        readout('b', [phone([putin, macron], '2024-05-10')]),
      ],
      context,
    );
    expect(graph.nodes.filter((n) => n.label === 'Call')).toHaveLength(2);
  });

  it('does not chain calls on consecutive days into one', () => {
    const graph = buildGraphData(
      ['2024-05-01', '2024-05-02', '2024-05-03'].map((d) => readout(d, [phone([putin, macron], d)])),
      context,
    );
    const calls = graph.nodes.filter((n) => n.label === 'Call').map((n) => n.properties.dates);
    expect(calls).toEqual([['2024-05-01', '2024-05-02'], ['2024-05-03']]);
  });

  it('links every pair of a multi-leader call once', () => {
    const graph = buildGraphData([readout('a', [phone([putin, macron, scholz], '2024-05-03')])], context);
    expect(graph.edges.filter((e) => e.type === 'CALLED')).toHaveLength(3);
    expect(graph.nodes.find((n) => n.label === 'Call')!.properties.multilateral).toBe(true);
  });

  it('adds topics, mentions and dated offices', () => {
    const graph = buildGraphData([readout('a', [phone([putin, macron], '2024-05-03')])], context);
    const labels = graph.nodes.map((n) => `${n.label}:${n.id}`);
    expect(labels).toContain('Topic:theme:energy');
    expect(labels).toContain('Topic:subject:nord-stream');
    expect(graph.edges.some((e) => e.type === 'MENTIONS' && e.target === 'UKR')).toBe(true);
    expect(graph.edges.find((e) => e.type === 'LEADS')).toMatchObject({
      source: 'vladimir-putin',
      target: 'RUS',
      properties: { role: 'President' },
    });
  });

  it('gives the same ids on every run', () => {
    const a = buildGraphData([readout('a', [phone([putin, macron], '2024-05-03')])], context);
    const b = buildGraphData([readout('a', [phone([putin, macron], '2024-05-03')])], context);
    expect(a).toEqual(b);
  });
});
