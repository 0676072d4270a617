/**
 * Named example queries for the questions analysts ask most. Each takes parameters with
 * defaults, so `hotline query --example NAME` runs as is and `--param` narrows it.
 */

export interface ExampleQuery {
  name: string;
  description: string;
  cypher: string;
  params: Record<string, string | number>;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    name: 'top-callers',
    description: 'Leaders with the most calls in a period',
    cypher: `MATCH (l:Leader)-[:TOOK_PART]->(c:Call)
WHERE c.date >= date($from) AND c.date <= date($to)
RETURN l.name AS leader, l.state AS state, count(DISTINCT c) AS calls
ORDER BY calls DESC, leader
LIMIT toInteger($limit)`,
    params: { from: '2000-01-01', to: '2100-01-01', limit: 20 },
  },
  {
    name: 'counterparts-by-month',
    description: "A leader's counterparts month by month",
    cypher: `MATCH (l:Leader)-[:TOOK_PART]->(c:Call)<-[:TOOK_PART]-(o:Leader)
WHERE toLower(l.name) CONTAINS toLower($leader) AND o <> l
RETURN toString(c.date.year) + '-' + right('0' + toString(c.date.month), 2) AS month,
       collect(DISTINCT o.name) AS counterparts, count(DISTINCT c) AS calls
ORDER BY month`,
    params: { leader: 'Putin' },
  },
  {
    name: 'calls-about-theme',
    description: 'Calls about one theme, newest first',
    cypher: `MATCH (c:Call)-[:ABOUT]->(t:Topic {kind: 'theme'})
WHERE t.id = 'theme:' + $theme
MATCH (l:Leader)-[:TOOK_PART]->(c)
RETURN c.date AS date, c.mode AS mode, collect(l.name) AS participants
ORDER BY date DESC
LIMIT toInteger($limit)`,
    params: { theme: 'ceasefire-peace', limit: 50 },
  },
  {
    name: 'shortest-chain',
    description: 'The shortest chain of calls between two leaders',
    cypher: `MATCH (a:Leader), (b:Leader)
WHERE toLower(a.name) CONTAINS toLower($from) AND toLower(b.name) CONTAINS toLower($to) AND a <> b
MATCH p = shortestPath((a)-[:CALLED*..6]-(b))
RETURN p, length(p) AS hops
ORDER BY hops
LIMIT 1`,
    params: { from: 'Putin', to: 'Macron' },
  },
  {
    name: 'both-sides',
    description: 'States whose leaders talked to both sides of a conflict',
    cypher: `MATCH (x:Leader)-[:TOOK_PART]->(:Call)<-[:TOOK_PART]-(a:Leader {state: $sideA})
MATCH (x)-[:TOOK_PART]->(:Call)<-[:TOOK_PART]-(b:Leader {state: $sideB})
WHERE x.state <> $sideA AND x.state <> $sideB
RETURN x.state AS state, collect(DISTINCT x.name) AS leaders
ORDER BY state`,
    params: { sideA: 'RUS', sideB: 'UKR' },
  },
  {
    name: 'new-contacts',
    description: 'Pairs of leaders who first spoke in the last N days before a reference date',
    cypher: `MATCH (a:Leader)-[k:CALLED]-(b:Leader)
WHERE a.id < b.id
WITH a, b, min(k.date) AS first
WHERE first >= date($until) - duration({days: toInteger($days)}) AND first <= date($until)
RETURN a.name AS leader, b.name AS counterpart, first
ORDER BY first DESC`,
    params: { until: new Date().toISOString().slice(0, 10), days: 30 },
  },
];

export function findExample(name: string): ExampleQuery | undefined {
  return EXAMPLE_QUERIES.find((q) => q.name === name);
}
