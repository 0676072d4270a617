/**
 * Batched, idempotent loading of extractions into Neo4j.
 *
 * Each batch of readouts is one managed write transaction, so a crash or a retry leaves
 * either the whole batch or none of it. A readout is skipped when its fingerprint (text +
 * extraction) is unchanged; when it changed, its old facts are detached first and every
 * call it touched is recomputed from the reports that remain, so no stale edge survives
 * and facts still supported by other readouts stay.
 *
 * Most calls of a load are new: no stored call describes them. Those are built here, in
 * memory, from the batch's reports and written with one CREATE statement; only calls that
 * already exist (another source's report, a replaced readout) are merged and recomputed in
 * the database. Leaders, states and their offices are written once per load, not per batch.
 */
import { createHash } from 'node:crypto';
import {
  type CallMode,
  calledPairs,
  callId,
  type Extraction,
  type GraphContext,
  HotlineError,
  leaderProperties,
  type Properties,
  pickCall,
  polityNode,
  slugify,
  sortedUnique,
  subjectTopicId,
  themeTopicId,
} from '@hotline/model';
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { GraphClient } from './client.ts';
import * as Q from './cypher.ts';
import { ensureSchema } from './schema.ts';

/** What the loader needs beyond the extractions: polities and leaders' offices. */
export type LoadContext = GraphContext;

export interface LoadOptions {
  /** Readouts per transaction; see docs/benchmarks.md for the measurement behind the default. */
  batchSize: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Checked between batches: returning true stops cleanly after the current batch. */
  shouldStop?: () => boolean;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { batchSize: 1000 };

export interface LoadProgress {
  done: number;
  total: number | null;
}

export interface LoadSummary {
  readouts: { new: number; unchanged: number; updated: number };
  calls: { reported: number; created: number; removed: number };
  leaders: { new: number };
  batches: number;
  stopped: boolean;
}

interface ReadoutRow {
  id: string;
  sourceKey: string;
  fingerprint: string;
  extraction: Extraction;
  /** The Readout node's properties. */
  properties: Properties;
  /** Its reported calls, each with the id it would get as a new call. */
  calls: CallRow[];
}

/** A batch with everything that does not depend on what is stored already computed. */
interface PreparedBatch {
  size: number;
  readouts: Map<string, ReadoutRow>;
}

interface CallRow {
  ref: string;
  readout: string;
  key: string;
  mode: CallMode;
  date: string | null;
  call: string;
  multilateral: boolean;
  participants: string[];
  initiator: string | null;
  themes: string[];
  subjects: string[];
  evidence: string[];
}

interface StoredReport {
  date: string | null;
  initiator: string | null;
  themes: string[] | null;
  subjects: string[] | null;
  participants: string[] | null;
}

/** What a load has written so far, so later batches skip it: id → the properties written. */
interface LoadMemo {
  written: Map<string, string>;
}

interface Tally {
  new: number;
  unchanged: number;
  updated: number;
  reported: number;
  created: number;
  removed: number;
  leadersNew: number;
}

interface BatchOutcome {
  tally: Tally;
  replaced: boolean;
  /** Entries for the memo, kept only once the transaction has committed. */
  written: Array<[string, string]>;
}

export function readoutFingerprint(extraction: Extraction): string {
  const { source: _source, ...content } = extraction;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 24);
}

/** Same readout across runs: its URL when it has one, else where it was read from. */
export function readoutSourceKey(extraction: Extraction): string {
  return extraction.readout.url ?? extraction.source;
}

export async function loadExtractions(
  client: GraphClient,
  extractions: Iterable<Extraction> | AsyncIterable<Extraction>,
  context: LoadContext,
  options: Partial<LoadOptions> = {},
): Promise<LoadSummary> {
  const opts = { ...DEFAULT_LOAD_OPTIONS, ...options };
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1) {
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `loadExtractions: batchSize must be a positive integer, got ${opts.batchSize}`,
    );
  }
  await ensureSchema(client);
  const summary: LoadSummary = {
    readouts: { new: 0, unchanged: 0, updated: 0 },
    calls: { reported: 0, created: 0, removed: 0 },
    leaders: { new: 0 },
    batches: 0,
    stopped: false,
  };
  const memo: LoadMemo = { written: new Map() };
  const total = Array.isArray(extractions) ? extractions.length : null;
  let done = 0;
  let replacedAny = false;
  const batches = inBatches(extractions, opts.batchSize);
  const prepareNext = () =>
    batches.next().then((r) => (r.done ? r : { done: false as const, value: prepareBatch(r.value) }));
  let next = prepareNext();
  try {
    for (;;) {
      const { value: current, done: finished } = await next;
      if (finished) break;
      // The next batch is read and prepared (fingerprints, rows) once this one's statements
      // are all sent: that work, and for a lazy source the extraction, then overlaps the
      // server's work on this batch instead of holding its statements back.
      let readingAhead = false;
      const readAhead = () => {
        if (readingAhead) return;
        readingAhead = true;
        next = prepareNext();
        // A failed read surfaces when the loop awaits it, never as an unhandled rejection.
        next.catch(() => {});
      };
      // A managed transaction may run its work again on a transient error: the outcome is
      // folded into the summary and the memo only after the commit.
      const outcome = await client.write((tx) => loadBatch(tx, current, context, memo, readAhead));
      readAhead();
      for (const [key, value] of outcome.written) memo.written.set(key, value);
      addTally(summary, outcome.tally);
      replacedAny = replacedAny || outcome.replaced;
      summary.batches += 1;
      done += current.size;
      opts.onProgress?.({ done, total });
      if (current.size === opts.batchSize && opts.shouldStop?.()) {
        summary.stopped = true;
        break;
      }
    }
  } finally {
    // Close the source (a file being read) when the load stops early or fails.
    await next.catch(() => undefined);
    await batches.return(undefined);
  }
  if (replacedAny) await client.write((tx) => tx.run(Q.DELETE_ORPHANS));
  return summary;
}

async function* inBatches(
  extractions: Iterable<Extraction> | AsyncIterable<Extraction>,
  size: number,
): AsyncGenerator<Extraction[], undefined> {
  let batch: Extraction[] = [];
  for await (const extraction of extractions) {
    batch.push(extraction);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
  return undefined;
}

function addTally(summary: LoadSummary, tally: Tally): void {
  summary.readouts.new += tally.new;
  summary.readouts.unchanged += tally.unchanged;
  summary.readouts.updated += tally.updated;
  summary.calls.reported += tally.reported;
  summary.calls.created += tally.created;
  summary.calls.removed += tally.removed;
  summary.leaders.new += tally.leadersNew;
}

/**
 * A transaction's statements, sent without waiting for one another: the server runs them in
 * order while the client packs the next one's parameters. `settle()` waits for every one and
 * throws the first failure.
 */
class Pipeline {
  private readonly sent: Array<Promise<unknown>> = [];
  constructor(private readonly tx: ManagedTransaction) {}

  send(query: string, params: Record<string, unknown>, onResult?: (result: QueryResult) => void) {
    const result = Promise.resolve(this.tx.run(Q.PLAN_ONCE + query, params));
    const done = onResult ? result.then(onResult) : result;
    // Failures surface through settle() or whoever awaits the result, not as unhandled.
    done.catch(() => {});
    this.sent.push(done);
    return result;
  }

  async settle(): Promise<void> {
    await Promise.all(this.sent);
  }
}

/**
 * Loads one batch inside one transaction. `whileServerBusy` is called once the statements that
 * do most of the batch's work are sent, for the client to get on with something else.
 */
async function loadBatch(
  tx: ManagedTransaction,
  batch: PreparedBatch,
  context: LoadContext,
  memo: LoadMemo,
  whileServerBusy: () => void,
): Promise<BatchOutcome> {
  const tally: Tally = {
    new: 0,
    unchanged: 0,
    updated: 0,
    reported: 0,
    created: 0,
    removed: 0,
    leadersNew: 0,
  };
  const run = new Pipeline(tx);
  const rows = batch.readouts;
  const classified = await run.send(Q.CLASSIFY_READOUTS, {
    rows: [...rows.values()].map((r) => ({ id: r.id, sourceKey: r.sourceKey })),
  });
  const toWrite: ReadoutRow[] = [];
  const detach: string[] = [];
  const storedIds = new Set<string>();
  const deleteOld: string[] = [];
  for (const record of classified.records) {
    const id = record.get('id') as string;
    const stored = record.get('fingerprint') as string | null;
    const replaced = record.get('replaced') as string[];
    const row = rows.get(id)!;
    if (stored === row.fingerprint && replaced.length === 0) {
      tally.unchanged += 1;
      continue;
    }
    toWrite.push(row);
    if (stored !== null) {
      detach.push(id);
      storedIds.add(id);
    }
    detach.push(...replaced);
    deleteOld.push(...replaced);
    if (stored !== null || replaced.length > 0) tally.updated += 1;
    else tally.new += 1;
  }

  const touchedCalls = new Set<string>();
  if (detach.length > 0) {
    const detached = await run.send(Q.DETACH_READOUT_FACTS, { ids: detach });
    for (const record of detached.records)
      for (const id of record.get('calls') as string[]) touchedCalls.add(id);
    if (deleteOld.length > 0) run.send(Q.DELETE_READOUTS, { ids: deleteOld });
  }

  const written: Array<[string, string]> = [];
  if (toWrite.length > 0) {
    const stateOf = writePolitiesAndLeaders(run, toWrite, context, memo, tally, written);
    // The readouts (their texts are most of a batch's bytes) are packed and sent while the
    // server looks up the stored calls; the calls written after them find them in place.
    const { fresh, merged } = await assignCallIds(run, toWrite, () => writeReadouts(run, toWrite, storedIds));
    if (fresh.length > 0) {
      const refs: CallRefs = { readouts: new Positions(), leaders: new Positions(), topics: new Positions() };
      const calls = fresh.map((group) => freshCall(group, stateOf, context, refs));
      const topics = new Map(calls.flatMap(({ state }) => state.topics.map((t) => [t.id, t])));
      const newTopics = [...topics.values()].filter((t) => !memo.written.has(`topic:${t.id}`));
      if (newTopics.length > 0) run.send(Q.MERGE_TOPICS, { rows: newTopics });
      for (const t of newTopics) written.push([`topic:${t.id}`, '']);
      run.send(Q.CREATE_CALLS, {
        readouts: refs.readouts.ids,
        leaders: refs.leaders.ids,
        topics: refs.topics.ids,
        rows: calls.map((c) => c.row),
      });
      tally.created += calls.length;
    }
    if (merged.length > 0) {
      run.send(Q.MERGE_REPORTS, { rows: merged }, (result) => {
        tally.created += result.summary.counters.updates().nodesCreated;
      });
      for (const row of merged) touchedCalls.add(row.call);
    }
    tally.reported += merged.length + fresh.reduce((n, group) => n + group.length, 0);
  }

  whileServerBusy();
  if (touchedCalls.size > 0) tally.removed += await recomputeCalls(run, [...touchedCalls], context);
  await run.settle();
  return { tally, replaced: detach.length > 0, written };
}

function prepareBatch(extractions: Extraction[]): PreparedBatch {
  const readouts = new Map<string, ReadoutRow>();
  for (const extraction of extractions) {
    // The same text twice in one batch is one readout; the last reading wins.
    const { id, readout, source, text, warnings } = extraction;
    const sourceKey = readoutSourceKey(extraction);
    const fingerprint = readoutFingerprint(extraction);
    readouts.set(id, {
      id,
      sourceKey,
      fingerprint,
      extraction,
      properties: {
        id,
        url: readout.url,
        publisher: readout.publisher,
        published: readout.published,
        title: readout.title,
        language: readout.language,
        source,
        sourceKey,
        text,
        fingerprint,
        warnings,
      },
      calls: callRows(extraction),
    });
  }
  return { size: extractions.length, readouts };
}

/** A readout's reports of calls between at least two distinct people. */
function callRows(extraction: Extraction): CallRow[] {
  const rows: CallRow[] = [];
  extraction.calls.forEach((call, index) => {
    const participants = [...new Set(call.participants.map((p) => p.id))];
    if (participants.length < 2) return;
    rows.push({
      ref: `${extraction.id}#${index}`,
      readout: extraction.id,
      key: [...participants].sort().join('|'),
      mode: call.mode,
      date: call.date,
      call: callId(participants, call.mode, call.date),
      multilateral: participants.length > 2,
      participants,
      initiator: call.initiator,
      themes: [...call.themes],
      subjects: [...call.subjects],
      evidence: call.evidence.map((span) => `${span.start}:${span.end}`),
    });
  });
  return rows;
}

/**
 * Merges the batch's leaders, states, organizations and offices, skipping what this load has
 * already written with the same properties. Returns the state of each person who took part in
 * a call, as stored.
 */
function writePolitiesAndLeaders(
  run: Pipeline,
  rows: ReadoutRow[],
  context: LoadContext,
  memo: LoadMemo,
  tally: { leadersNew: number },
  written: Array<[string, string]>,
): Map<string, string | null> {
  // A person's properties come from the last call they took part in; a person only mentioned
  // is created from the first mention and never overwrites what a call said (role, state).
  const participants = new Map<string, Properties>();
  const mentioned = new Map<string, Properties>();
  const polityCodes = new Set<string>();
  for (const { extraction } of rows) {
    for (const call of extraction.calls) {
      for (const p of call.participants) {
        participants.set(p.id, leaderProperties(p, context));
        if (p.state) polityCodes.add(p.state);
      }
    }
    for (const m of extraction.mentions.leaders) {
      if (!mentioned.has(m.id)) {
        const person = { ...m, role: null, leader: true, verified: true };
        mentioned.set(m.id, leaderProperties(person, context));
      }
      if (m.state) polityCodes.add(m.state);
    }
    for (const code of extraction.mentions.states) polityCodes.add(code);
  }
  const isNew = (key: string, value: object) => {
    const json = JSON.stringify(value);
    if (memo.written.get(key) === json) return false;
    written.push([key, json]);
    return true;
  };
  const leaderRows: Properties[] = [];
  const mentionRows: Properties[] = [];
  for (const [id, leader] of participants) if (isNew(`leader:${id}`, leader)) leaderRows.push(leader);
  for (const [id, leader] of mentioned) {
    if (participants.has(id) || memo.written.has(`leader:${id}`)) continue;
    written.push([`leader:${id}`, 'mentioned']);
    mentionRows.push(leader);
  }
  const leads: Array<{ leader: string; polity: string; role: string; from: string; to: string | null }> = [];
  for (const leader of [...participants.values(), ...mentioned.values()]) {
    if (leader.verified !== true) continue;
    const id = String(leader.id);
    const offices = context.offices(id);
    for (const office of offices) polityCodes.add(office.polity);
    if (!isNew(`leads:${id}`, offices)) continue;
    for (const office of offices)
      leads.push({ leader: id, polity: office.polity, role: office.role, from: office.from, to: office.to });
  }
  const states: object[] = [];
  const organizations: object[] = [];
  for (const code of polityCodes) {
    const { label, properties } = polityNode(code, context);
    if (isNew(`polity:${code}`, properties)) (label === 'State' ? states : organizations).push(properties);
  }
  const countNew = (result: QueryResult) => {
    tally.leadersNew += result.summary.counters.updates().nodesCreated;
  };
  if (states.length > 0) run.send(Q.MERGE_STATES, { rows: states });
  if (organizations.length > 0) run.send(Q.MERGE_ORGANIZATIONS, { rows: organizations });
  if (leaderRows.length > 0) run.send(Q.MERGE_LEADERS, { rows: leaderRows }, countNew);
  if (mentionRows.length > 0) run.send(Q.MERGE_MENTIONED_LEADERS, { rows: mentionRows }, countNew);
  if (leads.length > 0) run.send(Q.MERGE_LEADS, { rows: leads });
  return new Map([...participants].map(([id, l]) => [id, (l.state as string | null) ?? null]));
}

/**
 * Gives every reported call the id of the call it describes: a stored one, another report's
 * in this batch, or a new one. Returns the reports of calls no one has stored yet, grouped
 * by call (`fresh`), and the reports to merge into calls that exist (`merged`).
 */
async function assignCallIds(
  run: Pipeline,
  rows: ReadoutRow[],
  whileLooking: () => void,
): Promise<{ fresh: CallRow[][]; merged: CallRow[] }> {
  // Copies: the ids assigned below must not outlive an attempt the driver retries.
  const calls = rows.flatMap((row) => row.calls.map((call) => ({ ...call })));
  if (calls.length === 0) {
    whileLooking();
    return { fresh: [], merged: [] };
  }
  const lookups = calls.map((c) => ({ ref: c.ref, key: c.key, mode: c.mode, date: c.date, call: c.call }));
  const dated = lookups.filter((c) => c.date !== null);
  const undated = lookups.filter((c) => c.date === null);
  const sent = [
    dated.length > 0 ? run.send(Q.FIND_MATCHING_DATED_CALLS, { rows: dated }) : null,
    undated.length > 0 ? run.send(Q.FIND_MATCHING_UNDATED_CALLS, { rows: undated }) : null,
  ];
  whileLooking();
  const found = await Promise.all(sent);
  const matches = new Map<string, Array<{ id: string; dates: string[] }>>();
  const taken = new Set<string>();
  for (const record of found.flatMap((result) => result?.records ?? [])) {
    matches.set(record.get('ref') as string, record.get('matches') as Array<{ id: string; dates: string[] }>);
    if (record.get('taken') === true) taken.add(record.get('call') as string);
  }
  // Calls in play: every date each already has, stored or from this batch's reports.
  const datesOf = new Map<string, Array<string | null>>();
  const newByKey = new Map<string, string[]>();
  for (const row of calls) {
    const stored = (matches.get(row.ref) ?? []).map((m) => {
      if (!datesOf.has(m.id)) datesOf.set(m.id, [...m.dates]);
      return m.id;
    });
    const keyMode = `${row.key}#${row.mode}`;
    const candidates = [...stored, ...(newByKey.get(keyMode) ?? [])].map((id) => ({ id }));
    const chosen = pickCall(candidates, (c) => datesOf.get(c.id) ?? [], row.date);
    if (chosen) {
      row.call = chosen.id;
    } else {
      newByKey.set(keyMode, [...(newByKey.get(keyMode) ?? []), row.call]);
      if (!datesOf.has(row.call)) datesOf.set(row.call, []);
    }
    datesOf.get(row.call)!.push(row.date);
  }
  const existing = new Set([...matches.values()].flatMap((list) => list.map((m) => m.id)));
  const fresh = new Map<string, CallRow[]>();
  const merged: CallRow[] = [];
  for (const row of calls) {
    if (existing.has(row.call) || taken.has(row.call)) merged.push(row);
    else fresh.set(row.call, [...(fresh.get(row.call) ?? []), row]);
  }
  return { fresh: [...fresh.values()], merged };
}

/** A call's stored state, computed from the reports that support it. */
interface CallState {
  dates: string[];
  initiators: string[];
  themes: string[];
  topics: Array<{ id: string; label: string; kind: string }>;
  /** Who took part, and who of them placed the call. */
  participants: string[];
  initiating: string[];
  /** CALLED edges as [from, to]. */
  pairs: Array<[string, string]>;
}

/**
 * Dates and initiators from all sources (disagreements kept side by side), topics as the
 * union, who took part and CALLED edges from the first report by readout id. `reports` must
 * be ordered by readout id.
 */
function callState(
  reports: StoredReport[],
  stateOf: (leader: string) => string | null,
  context: LoadContext,
): CallState {
  const dates = sortedUnique(reports.map((r) => r.date));
  const initiators = sortedUnique(reports.map((r) => r.initiator));
  const themes = sortedUnique(reports.flatMap((r) => r.themes ?? []));
  const subjects = sortedUnique(reports.flatMap((r) => r.subjects ?? []));
  const participants = reports[0]?.participants ?? [];
  const topics = [
    ...themes.map((t) => ({ id: themeTopicId(t), label: context.themeLabel?.(t) ?? t, kind: 'theme' })),
    ...subjects
      .filter((s) => slugify(s) !== '')
      .map((s) => ({ id: subjectTopicId(s), label: s, kind: 'subject' })),
  ];
  const { initiating, pairs } = calledPairs(participants, initiators, stateOf);
  return { dates, initiators, themes, topics, participants, initiating, pairs };
}

/** Ids a statement looks up once each, referred to by position in its rows. */
class Positions {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  at(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

interface CallRefs {
  readouts: Positions;
  leaders: Positions;
  topics: Positions;
}

/**
 * The CREATE_CALLS row of a call first reported in this batch. Readouts, people and topics
 * are positions in the statement's lookup lists (see CREATE_CALLS); lists of numbers rather
 * than lists of maps, as the driver packs every map value by value and this row is most of a
 * batch's parameters.
 */
function freshCall(
  group: CallRow[],
  stateOf: Map<string, string | null>,
  context: LoadContext,
  refs: CallRefs,
) {
  // One REPORTS edge per readout, the readout's last report winning, as MERGE would keep it.
  const byReadout = new Map<string, CallRow>();
  for (const row of group) byReadout.set(row.readout, row);
  const reports = [...byReadout.values()].sort((a, b) => (a.readout < b.readout ? -1 : 1));
  const first = group[0]!;
  const state = callState(reports, (p) => stateOf.get(p) ?? null, context);
  return {
    state,
    row: {
      id: first.call,
      key: first.key,
      mode: first.mode,
      multilateral: state.participants.length > 2,
      dates: state.dates,
      date: state.dates[0] ?? null,
      initiators: state.initiators,
      themes: state.themes,
      sources: reports.length,
      reports: reports.map((r) => ({
        readout: refs.readouts.at(r.readout),
        evidence: r.evidence,
        date: r.date,
        initiator: r.initiator,
        themes: r.themes,
        subjects: r.subjects,
        participants: r.participants,
      })),
      took: state.participants.map((p) => refs.leaders.at(p)),
      initiating: state.participants.map((p) => state.initiating.includes(p)),
      topics: state.topics.map((t) => refs.topics.at(t.id)),
      called: state.pairs.map(([from, to]) => [refs.leaders.at(from), refs.leaders.at(to)]),
    },
  };
}

/**
 * Writes the batch's readouts and what each mentions: CREATE for readouts the database does
 * not hold, an update of the rest (whose old mentions were detached).
 */
function writeReadouts(run: Pipeline, rows: ReadoutRow[], stored: Set<string>): void {
  for (const [statement, group] of [
    [Q.CREATE_READOUTS, rows.filter((row) => !stored.has(row.id))],
    [Q.UPDATE_READOUTS, rows.filter((row) => stored.has(row.id))],
  ] as const) {
    if (group.length === 0) continue;
    const polities = new Positions();
    const people = new Positions();
    const readoutRows = group.map(({ properties, extraction }) => ({
      ...properties,
      polities: [...new Set(extraction.mentions.states)].map((code) => polities.at(code)),
      people: [...new Set(extraction.mentions.leaders.map((m) => m.id))].map((id) => people.at(id)),
    }));
    run.send(statement, { polities: polities.ids, people: people.ids, rows: readoutRows });
  }
}

/**
 * Rebuilds each touched call from the reports that support it (see callState), CALLED edges
 * anew. A call no report supports any more is deleted with its edges.
 */
async function recomputeCalls(run: Pipeline, ids: string[], context: LoadContext): Promise<number> {
  const result = await run.send(Q.READ_CALL_REPORTS, { ids });
  const orphans: string[] = [];
  const live: string[] = [];
  const updates: object[] = [];
  const called: object[] = [];
  const flags: object[] = [];
  for (const record of result.records) {
    const id = record.get('id') as string;
    const mode = record.get('mode') as string;
    const reports = record.get('reports') as StoredReport[];
    if (reports.length === 0) {
      orphans.push(id);
      continue;
    }
    live.push(id);
    const stateOf = new Map(record.get('states') as Array<[string, string | null]>);
    const state = callState(reports, (p) => stateOf.get(p) ?? null, context);
    const date = state.dates[0] ?? null;
    updates.push({
      id,
      dates: state.dates,
      date,
      initiators: state.initiators,
      themes: state.themes,
      topics: state.topics,
      multilateral: state.participants.length > 2,
      sources: reports.length,
    });
    for (const leader of state.participants)
      flags.push({ call: id, leader, initiator: state.initiating.includes(leader) });
    for (const [from, to] of state.pairs)
      called.push({ call: id, from, to, date, mode, themes: state.themes });
  }
  if (orphans.length > 0) {
    run.send(Q.DELETE_CALLED_OF_CALLS, { ids: orphans });
    run.send(Q.DELETE_CALLS, { ids: orphans });
  }
  if (live.length > 0) {
    run.send(Q.DELETE_CALLED_OF_CALLS, { ids: live });
    run.send(Q.UPDATE_CALLS, { rows: updates });
    run.send(Q.SET_INITIATOR_FLAGS, { rows: flags });
    run.send(Q.CREATE_CALLED, { rows: called });
  }
  return orphans.length;
}
