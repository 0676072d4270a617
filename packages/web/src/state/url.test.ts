import { describe, expect, it } from 'vitest';
import { createInitialState } from './store.ts';
import { stateFromHash, stateToHash } from './url.ts';

describe('the shareable URL', () => {
  it('round-trips filters, selection, query, camera and layout', () => {
    const state = createInitialState();
    state.filters = {
      ...state.filters,
      from: '2023-01-01',
      to: '2023-06-30',
      themes: ['trade'],
      minCalls: 2,
    };
    state.layout = 'geo';
    state.colorBy = 'community';
    state.selection = { kind: 'pair', a: 'x', b: 'y' };
    state.query = { cypher: 'MATCH (n) RETURN n', params: '{"a": 1}' };
    state.consoleOpen = true;
    state.camera = { x: 0.25, y: 0.5, ratio: 0.75 };
    state.show = { states: true, topics: false };
    const back = stateFromHash(stateToHash(state));
    expect(back).toEqual({ ...state, hovered: null, focus: null, queryHighlight: null });
  });

  it('ignores malformed values', () => {
    const state = stateFromHash('#from=yesterday&min=-3&layout=spiral&cam=1,2');
    expect(state.filters.from).toBeNull();
    expect(state.filters.minCalls).toBe(1);
    expect(state.layout).toBe('force');
    expect(state.camera).toBeNull();
  });
});
