/**
 * Every statement the loader and the graph reader run, as named constants. Values always
 * travel as $parameters; no statement is ever assembled from user text.
 */

/**
 * Load statements are planned once and the plan kept. As a load grows the graph, the planner
 * would judge its cached plans stale every few seconds and plan them again (a sixth of a
 * 30,000-readout load here, with the JIT compiling each new plan's code). Every plan is an
 * index seek on a key whatever the statistics (index hints where there is a choice;
 * load.int.test checks them), so planning again gains nothing. The loader puts it before every
 * statement of a batch.
 */
export const PLAN_ONCE = 'CYPHER replan=skip ';

export const CLASSIFY_READOUTS = `
UNWIND $rows AS row
OPTIONAL MATCH (same:Readout {id: row.id})
OPTIONAL MATCH (older:Readout {sourceKey: row.sourceKey}) USING INDEX older:Readout(sourceKey)
  WHERE older.id <> row.id
RETURN row.id AS id, same.fingerprint AS fingerprint, collect(older.id) AS replaced`;

/** Detaches the facts of readouts about to be rewritten; returns the calls they reported. */
export const DETACH_READOUT_FACTS = `
UNWIND $ids AS rid
MATCH (r:Readout {id: rid})
OPTIONAL MATCH (r)-[rep:REPORTS]->(c:Call)
WITH r, collect(c.id) AS calls, collect(rep) AS reports
FOREACH (rel IN reports | DELETE rel)
WITH r, calls
OPTIONAL MATCH (r)-[m:MENTIONS]->()
DELETE m
RETURN calls`;

export const DELETE_READOUTS = `
UNWIND $ids AS rid
MATCH (r:Readout {id: rid})
DETACH DELETE r`;

export const MERGE_STATES = `
UNWIND $rows AS row
MERGE (s:State {code: row.code})
SET s.name = row.name, s.region = row.region, s.subregion = row.subregion, s.lat = row.lat, s.lng = row.lng`;

export const MERGE_ORGANIZATIONS = `
UNWIND $rows AS row
MERGE (o:Organization {code: row.code})
SET o.name = row.name`;

export const MERGE_LEADERS = `
UNWIND $rows AS row
MERGE (l:Leader {id: row.id})
SET l.name = row.name, l.aliases = row.aliases, l.verified = row.verified, l.leader = row.leader,
    l.state = row.state, l.role = row.role`;

/** People only mentioned: created if new, never overwriting what a call said about them. */
export const MERGE_MENTIONED_LEADERS = `
UNWIND $rows AS row
MERGE (l:Leader {id: row.id})
  ON CREATE SET l.name = row.name, l.aliases = row.aliases, l.verified = row.verified, l.leader = row.leader,
                l.state = row.state, l.role = row.role`;

export const MERGE_LEADS = `
UNWIND $rows AS row
MATCH (l:Leader {id: row.leader})
MATCH (p:State|Organization {code: row.polity})
MERGE (l)-[e:LEADS {role: row.role, from: date(row.from)}]->(p)
SET e.to = date(row.to)`;

/**
 * A subquery that looks up each key of the list parameter `$list` once, into a variable of the
 * same name holding [node] per key, in order (see CREATE_CALLS). `node` is the pattern of one
 * node `n` keyed by `$list[i]`. Only ever called with the constants below.
 */
function lookUpByPosition(list: string, node: string): string {
  return `
CALL () {
  UNWIND range(0, size($${list}) - 1) AS i
  OPTIONAL MATCH ${node}
  WITH i, n ORDER BY i
  RETURN collect([n]) AS ${list}
}`;
}

// The readout statements below share their head and tail: what the batch's readouts mention
// is looked up once, into lists that rows refer to by position.
const MENTIONED_NODES = `${lookUpByPosition('polities', '(n:State|Organization {code: $polities[i]})')}${lookUpByPosition('people', '(n:Leader {id: $people[i]})')}
UNWIND $rows AS row`;

const READOUT_PROPERTIES_AND_MENTIONS = `
SET r.url = row.url, r.publisher = row.publisher, r.published = date(row.published), r.title = row.title,
    r.source = row.source, r.sourceKey = row.sourceKey, r.text = row.text, r.fingerprint = row.fingerprint,
    r.language = row.language, r.warnings = row.warnings
WITH r, row, polities, people
CALL (r, row, polities) {
  UNWIND row.polities AS k
  WITH polities[toInteger(k)][0] AS n
  CREATE (r)-[:MENTIONS]->(n)
}
CALL (r, row, people) {
  UNWIND row.people AS k
  WITH people[toInteger(k)][0] AS n
  CREATE (r)-[:MENTIONS]->(n)
}`;

/**
 * Readouts the database does not hold (CLASSIFY_READOUTS said so), with their mentions.
 * CREATE, not MERGE: no lookup for a node that is not there; the unique constraint still
 * refuses a second copy.
 */
export const CREATE_READOUTS = `${MENTIONED_NODES}
CREATE (r:Readout {id: row.id})${READOUT_PROPERTIES_AND_MENTIONS}`;

/** Stored readouts whose text or extraction changed; their old mentions were detached. */
export const UPDATE_READOUTS = `${MENTIONED_NODES}
MATCH (r:Readout {id: row.id})${READOUT_PROPERTIES_AND_MENTIONS}`;

/**
 * For each reported call with a date: the stored calls it may describe (same people, same
 * mode, a date within a day of every date already reported, so consecutive daily calls do not
 * chain into one), and whether the id it would get as a new call is already taken. A call's
 * first date is its earliest: if every date is within a day of the report's, so is that one,
 * and the (key, mode, date) index finds the few candidates among a pair's many calls.
 */
export const FIND_MATCHING_DATED_CALLS = `
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Call {key: row.key, mode: row.mode}) USING INDEX c:Call(key, mode, date)
  WHERE c.date >= date(row.date) - duration({days: 1}) AND c.date <= date(row.date) + duration({days: 1})
    AND all(d IN c.dates WHERE abs(duration.inDays(d, date(row.date)).days) <= 1)
  RETURN collect({id: c.id, dates: [d IN c.dates | toString(d)]}) AS matches
}
RETURN row.ref AS ref, row.call AS call, matches, EXISTS { (:Call {id: row.call}) } AS taken`;

/** The same for reports without a date: they may only describe calls without one. */
export const FIND_MATCHING_UNDATED_CALLS = `
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Call {key: row.key, mode: row.mode}) USING INDEX c:Call(key, mode)
  WHERE size(c.dates) = 0
  RETURN collect({id: c.id, dates: []}) AS matches
}
RETURN row.ref AS ref, row.call AS call, matches, EXISTS { (:Call {id: row.call}) } AS taken`;

export const MERGE_TOPICS = `
UNWIND $rows AS t
MERGE (tp:Topic {id: t.id})
  ON CREATE SET tp.label = t.label, tp.kind = t.kind`;

/**
 * Calls no one has stored yet, built in memory from the batch's reports: the node with its
 * final properties, REPORTS, TOOK_PART, ABOUT (topics merged just before) and CALLED in one
 * statement. Each readout, person and topic of the batch is looked up once, into a list, and
 * rows refer to them by position: a hub leader in 500 calls costs one index seek, not 1,500.
 * A lookup that finds nothing stays in place as [null], so positions never shift and CREATE
 * fails on the missing node instead of linking the wrong one. (Positions arrive as floats, as
 * the driver sends every JavaScript number: toInteger.)
 */
export const CREATE_CALLS = `${lookUpByPosition('readouts', '(n:Readout {id: $readouts[i]})')}${lookUpByPosition('leaders', '(n:Leader {id: $leaders[i]})')}${lookUpByPosition('topics', '(n:Topic {id: $topics[i]})')}
UNWIND $rows AS row
CREATE (c:Call {id: row.id, key: row.key, mode: row.mode, multilateral: row.multilateral,
                dates: [d IN row.dates | date(d)], date: date(row.date), initiators: row.initiators,
                themes: row.themes, sources: row.sources})
WITH c, row, readouts, leaders, topics
CALL (c, row, readouts) {
  UNWIND row.reports AS rep
  WITH rep, readouts[toInteger(rep.readout)][0] AS r
  CREATE (r)-[:REPORTS {evidence: rep.evidence, date: date(rep.date), initiator: rep.initiator,
                        themes: rep.themes, subjects: rep.subjects, participants: rep.participants}]->(c)
}
CALL (c, row, leaders) {
  UNWIND range(0, size(row.took) - 1) AS k
  WITH leaders[toInteger(row.took[k])][0] AS l, row.initiating[k] AS initiator
  CREATE (l)-[:TOOK_PART {initiator: initiator}]->(c)
}
CALL (c, row, topics) {
  UNWIND row.topics AS t
  WITH topics[toInteger(t)][0] AS tp
  CREATE (c)-[:ABOUT]->(tp)
}
CALL (c, row, leaders) {
  UNWIND row.called AS pair
  WITH leaders[toInteger(pair[0])][0] AS a, leaders[toInteger(pair[1])][0] AS b
  CREATE (a)-[:CALLED {call: row.id, date: date(row.date), mode: row.mode, themes: row.themes}]->(b)
}`;

export const MERGE_REPORTS = `
UNWIND $rows AS row
MATCH (r:Readout {id: row.readout})
MERGE (c:Call {id: row.call})
  ON CREATE SET c.key = row.key, c.mode = row.mode, c.multilateral = row.multilateral, c.dates = []
MERGE (r)-[rep:REPORTS]->(c)
SET rep.evidence = row.evidence, rep.date = date(row.date), rep.initiator = row.initiator,
    rep.themes = row.themes, rep.subjects = row.subjects, rep.participants = row.participants
WITH c, row
UNWIND row.participants AS pid
MATCH (l:Leader {id: pid})
MERGE (l)-[:TOOK_PART]->(c)`;

export const READ_CALL_REPORTS = `
UNWIND $ids AS cid
MATCH (c:Call {id: cid})
CALL (c) {
  OPTIONAL MATCH (r:Readout)-[rep:REPORTS]->(c)
  WITH r, rep ORDER BY r.id
  RETURN [x IN collect(CASE WHEN rep IS NULL THEN null ELSE {
      date: toString(rep.date), initiator: rep.initiator, themes: rep.themes, subjects: rep.subjects,
      participants: rep.participants } END) WHERE x IS NOT NULL] AS reports
}
CALL (c) {
  OPTIONAL MATCH (l:Leader)-[:TOOK_PART]->(c)
  RETURN collect([l.id, l.state]) AS states
}
RETURN c.id AS id, c.mode AS mode, reports, states`;

export const DELETE_CALLS = `
UNWIND $ids AS cid
MATCH (c:Call {id: cid})
DETACH DELETE c`;

export const DELETE_CALLED_OF_CALLS = `
UNWIND $ids AS cid
MATCH ()-[k:CALLED {call: cid}]->()
DELETE k`;

export const UPDATE_CALLS = `
UNWIND $rows AS row
MATCH (c:Call {id: row.id})
SET c.dates = [d IN row.dates | date(d)], c.date = date(row.date), c.initiators = row.initiators,
    c.themes = row.themes, c.multilateral = row.multilateral, c.sources = row.sources
WITH c, row
OPTIONAL MATCH (c)-[a:ABOUT]->(:Topic)
DELETE a
WITH DISTINCT c, row
UNWIND row.topics AS t
MERGE (tp:Topic {id: t.id})
  ON CREATE SET tp.label = t.label, tp.kind = t.kind
MERGE (c)-[:ABOUT]->(tp)`;

export const SET_INITIATOR_FLAGS = `
UNWIND $rows AS row
MATCH (l:Leader {id: row.leader})-[t:TOOK_PART]->(c:Call {id: row.call})
SET t.initiator = row.initiator`;

export const CREATE_CALLED = `
UNWIND $rows AS row
MATCH (a:Leader {id: row.from}), (b:Leader {id: row.to})
CREATE (a)-[:CALLED {call: row.call, date: date(row.date), mode: row.mode, themes: row.themes}]->(b)`;

/** Removes people and topics that no fact refers to any more (after a replace). */
export const DELETE_ORPHANS = `
MATCH (n) WHERE (n:Leader AND NOT (n)-[:TOOK_PART]->() AND NOT ()-[:MENTIONS]->(n))
   OR (n:Topic AND NOT ()-[:ABOUT]->(n))
DETACH DELETE n`;

export const COUNT_GRAPH = `
CALL () { MATCH (n) WHERE n:Leader OR n:State OR n:Organization OR n:Topic OR n:Call OR n:Readout RETURN count(n) AS nodes }
CALL () { MATCH (a)-[r]->(b) WHERE type(r) IN $types RETURN count(r) AS relationships }
RETURN nodes, relationships`;

/** Relationships go first, a bounded number per transaction: a much-called leader has tens of thousands. */
export const RESET_RELATIONSHIPS_BATCH = `
MATCH (n)-[r]-() WHERE n:Leader OR n:State OR n:Organization OR n:Topic OR n:Call OR n:Readout
WITH DISTINCT r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`;

export const RESET_BATCH = `
MATCH (n) WHERE n:Leader OR n:State OR n:Organization OR n:Topic OR n:Call OR n:Readout
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`;
