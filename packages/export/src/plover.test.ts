import { describe, expect, it } from 'vitest';
import { C1, C2, C3, createFixtureGraph, GUTERRES, MACRON, PUTIN, SCHOLZ } from '../test/fixtures/graph.ts';
import { createPloverEvents, generatePloverLines, ploverContexts, ploverMode } from './plover.ts';
import { DEFAULT_PLOVER_CONTEXTS } from './plover-contexts.ts';

const graph = createFixtureGraph();

describe('PLOVER', () => {
  it('maps phone and video calls to the phone mode, meetings to meet or multilateral', () => {
    expect(ploverMode('phone', 2, false)).toBe('phone');
    expect(ploverMode('video', 4, true)).toBe('phone');
    expect(ploverMode('meeting', 2, false)).toBe('meet');
    expect(ploverMode('meeting', 3, false)).toBe('multilateral');
    expect(ploverMode('meeting', 2, true)).toBe('multilateral');
  });

  it('writes a bilateral call as one CONSULT event from the initiator, keyed by the call id', () => {
    const events = createPloverEvents(graph).filter((event) => event.call_id === C1);
    expect(events).toEqual([
      {
        id: C1,
        call_id: C1,
        event_type: 'CONSULT',
        mode: 'phone',
        event_date: '2024-01-10',
        contexts: ['military', 'economic'],
        actor_id: MACRON,
        actor_name: 'Emmanuel Macron',
        actor_country: 'FRA',
        actor_organization: null,
        recipient_id: PUTIN,
        recipient_name: 'Vladimir Putin',
        recipient_country: 'RUS',
        recipient_organization: null,
        actor_initiated: true,
        source_url: 'https://www.elysee.fr/a?x=1&y=2',
        source_urls: ['https://www.elysee.fr/a?x=1&y=2', 'http://kremlin.ru/events/president/news/1'],
      },
    ]);
  });

  it('takes the first participant as actor when nobody is known to have called', () => {
    const [event] = createPloverEvents(graph).filter((e) => e.call_id === C2);
    expect(event).toMatchObject({
      mode: 'phone',
      actor_id: MACRON,
      recipient_id: SCHOLZ,
      actor_initiated: false,
    });
    expect(event?.contexts).toEqual(['economic']);
  });

  it('writes a meeting of three as one event per recipient, with organizations apart from countries', () => {
    const events = createPloverEvents(graph).filter((e) => e.call_id === C3);
    expect(events.map((e) => e.id)).toEqual([`${C3}:${MACRON}`, `${C3}:${SCHOLZ}`]);
    for (const event of events) {
      expect(event).toMatchObject({
        mode: 'multilateral',
        actor_id: GUTERRES,
        actor_country: null,
        actor_organization: 'UN',
        contexts: ['humanitarian'],
      });
    }
    expect(events.map((e) => e.recipient_country)).toEqual(['FRA', 'DEU']);
  });

  it('gives the same ids on every run', () => {
    expect(createPloverEvents(createFixtureGraph()).map((e) => e.id)).toEqual(
      createPloverEvents(graph).map((e) => e.id),
    );
  });

  it('maps themes to contexts through the table, extended by the ploverContexts option', () => {
    expect(ploverContexts(['armed-conflict', 'unknown', 'Energy'], DEFAULT_PLOVER_CONTEXTS)).toEqual([
      'military',
      'conflict',
      'economic',
    ]);
    const events = createPloverEvents(graph, {
      ploverContexts: { 'trade-investment': ['economic', 'diplomatic'] },
    });
    expect(events.find((e) => e.call_id === C2)?.contexts).toEqual(['economic', 'diplomatic']);
  });

  it('writes one JSON line per event', () => {
    const lines = [...generatePloverLines(graph)];
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => JSON.parse(line))).toEqual(createPloverEvents(graph));
  });
});
