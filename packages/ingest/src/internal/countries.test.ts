import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { createKnowledge } from '../knowledge.ts';
import { createStates } from './countries.ts';
import { nameKey } from './text.ts';

const k = createKnowledge({ persons: [], organizations: [], themes: [] });
/** The state a name reads as: the first state entry of its key (what recognition uses). */
const stateOf = (name: string) => k.index.names.get(nameKey(name))?.find((e) => e.kind === 'state');

describe('state names', () => {
  it('reads every demonym and name of a UN member state as that member (or a member sharing it)', () => {
    const members = countries.filter((c) => c.unMember && c.independent);
    expect(members.length).toBeGreaterThanOrEqual(193);
    const codesOf = new Map<string, Set<string>>();
    for (const s of createStates())
      for (const n of s.names) {
        if (!s.unMember) continue;
        const set = codesOf.get(nameKey(n)) ?? new Set();
        set.add(s.code);
        codesOf.set(nameKey(n), set);
      }
    for (const c of members) {
      const names = [c.name.common, c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((n): n is string => !!n);
      for (const name of names) {
        const hit = stateOf(name);
        expect(hit?.kind, name).toBe('state');
        const code = hit?.kind === 'state' ? hit.code : '';
        // "Dominican", "Congolese": shared by two members; it reads as one of them.
        expect([...(codesOf.get(nameKey(name)) ?? [])], name).toContain(code);
      }
    }
  });

  it('prefers the sovereign state over a territory that shares its adjective', () => {
    const cases: Array<[string, string]> = [
      ['French', 'FRA'],
      ['American', 'USA'],
      ['Dutch', 'NLD'],
      ['Norwegian', 'NOR'],
      ['Indian', 'IND'],
      ['British', 'GBR'],
      ['Australian', 'AUS'],
      ['Danish', 'DNK'],
      ['Chinese', 'CHN'],
      ['U.S.', 'USA'],
      ['US', 'USA'],
    ];
    for (const [name, code] of cases) expect(stateOf(name), name).toEqual({ kind: 'state', code });
  });

  it('knows the common English adjectives the package spells otherwise', () => {
    const cases: Array<[string, string]> = [
      ['Argentinian', 'ARG'],
      ['Slovenian', 'SVN'],
      ['Icelandic', 'ISL'],
      ['Bosnian', 'BIH'],
      ['Maldivian', 'MDV'],
      ['Cape Verdean', 'CPV'],
      ['Saint Lucian', 'LCA'],
    ];
    for (const [name, code] of cases) expect(stateOf(name), name).toEqual({ kind: 'state', code });
  });
});
