import { describe, expect, it } from 'vitest';
import { fuzzyScore } from './search.ts';

describe('fuzzy search', () => {
  it('matches subsequences, ignores accents, and ranks prefixes first', () => {
    expect(fuzzyScore('zlnsky', 'Volodymyr Zelensky')).toBeGreaterThan(0);
    expect(fuzzyScore('erdogan', 'Recep Tayyip Erdoğan')).toBeGreaterThan(0);
    expect(fuzzyScore('xyz', 'Joe Biden')).toBe(-1);
    expect(fuzzyScore('bid', 'Joe Biden')).toBeGreaterThan(fuzzyScore('bdn', 'Joe Biden'));
  });
});
