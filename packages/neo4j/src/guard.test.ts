import { HotlineError } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { HOSTILE_QUERIES } from '../test/hostile-queries.ts';
import { assertReadOnlyCypher, blankLiterals } from './guard.ts';

function refusal(cypher: string): string | null {
  try {
    assertReadOnlyCypher(cypher);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(HotlineError);
    return (error as HotlineError).code;
  }
}

describe('the read-only Cypher guard', () => {
  it.each(HOSTILE_QUERIES.map((q) => [q]))('refuses %s', (cypher) => {
    expect(refusal(cypher)).toBe('CYPHER_WRITE_REFUSED');
  });

  it.each([
    ['MATCH (l:Leader)-[k:CALLED]->(o) RETURN l.name, count(k) ORDER BY count(k) DESC'],
    ["MATCH (n:Leader) WHERE n.name = 'CREATE (:Evil)' RETURN n"],
    ['MATCH (n) WHERE n.role CONTAINS "DELETE" RETURN n // DELETE in a comment'],
    ['MATCH p = shortestPath((a:Leader)-[:CALLED*..4]-(b:Leader)) RETURN p'],
    ['CALL db.labels() YIELD label RETURN label'],
    ['MATCH (r:Readout) RETURN r.start, r.set, {set: 1, create: 2} AS m'],
    ['MATCH (c:Call) CALL (c) { MATCH (l)-[:TOOK_PART]->(c) RETURN count(l) AS n } RETURN c.id, n'],
    ['RETURN 1;'],
  ])('lets a plain read through: %s', (cypher) => {
    expect(refusal(cypher)).toBeNull();
  });

  it('rejects an empty query as an invalid argument', () => {
    expect(refusal('   ')).toBe('INVALID_ARGUMENT');
  });

  it('blanks string literals and comments without moving offsets', () => {
    const text = "MATCH (n) WHERE n.x = 'a;b' // c;d\nRETURN n";
    const bare = blankLiterals(text);
    expect(bare).toHaveLength(text.length);
    expect(bare).not.toContain(';');
    expect(bare.indexOf('RETURN')).toBe(text.indexOf('RETURN'));
  });
});
