/**
 * Batched, idempotent loading of extractions into Neo4j.
 *
 * Each batch of readouts is one managed write transaction, so a crash or a retry leaves
 * either the whole batch or none of it. A readout is skipped when its fingerprint (text +
 * extraction) is unchanged; when it changed, its old facts are detached first and every
 * call it touched is recomputed from the reports that remain, so no stale edge survives
 * and facts still supported by other readouts stay.
 */
import { createHash } from 'node:crypto';
import {
  type CallMode,
  calledPairs,
  callId,
  datesClose,
  type Extraction,
  type GraphContext,
  HotlineError,
  leaderProperties,
  type Properties,
  slugify,
  sortedUnique,
  subjectTopicId,
  themeTopicId,
} from '@hotline/model';
import type { ManagedTransaction } from 'neo4j-driver';
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

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { batchSize: 500 };

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
  const total = Array.isArray(extractions) ? extractions.length : null;
  let done = 0;
  let batch: Extraction[] = [];
  let replacedAny = false;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    replacedAny = (await client.write((tx) => loadBatch(tx, current, context, summary))) || replacedAny;
    summary.batches += 1;
    done += current.length;
    opts.onProgress?.({ done, total });
  };
  for await (const extraction of extractions) {
    batch.push(extraction);
    if (batch.length >= opts.batchSize) {
      await flush();
      if (opts.shouldStop?.()) {
        summary.stopped = true;
        break;
      }
    }
  }
  if (!summary.stopped) await flush();
  if (replacedAny) await client.write((tx) => tx.run(Q.DELETE_ORPHANS));
  return summary;
}

/** Loads one batch inside one transaction; returns whether any earlier facts were replaced. */
async function loadBatch(
  tx: ManagedTransaction,
  extractions: Extraction[],
  context: LoadContext,
  summary: LoadSummary,
): Promise<boolean> {
  // A managed transaction may be retried: count into a local tally, commit it at the end.
  const tally = { new: 0, unchanged: 0, updated: 0, reported: 0, created: 0, removed: 0, leadersNew: 0 };
  const rows = uniqueReadouts(extractions);
  const classified = await tx.run(Q.CLASSIFY_READOUTS, {
    rows: rows.map((r) => ({ id: r.id, sourceKey: r.sourceKey })),
  });
  const toWrite: ReadoutRow[] = [];
  const detach: string[] = [];
  const deleteOld: string[] = [];
  for (const record of classified.records) {
    const id = record.get('id') as string;
    const stored = record.get('fingerprint') as string | null;
    const replaced = record.get('replaced') as string[];
    const row = rows.find((r) => r.id === id)!;
    if (stored === row.fingerprint && replaced.length === 0) {
      tally.unchanged += 1;
      continue;
    }
    toWrite.push(row);
    if (stored !== null) detach.push(id);
    detach.push(...replaced);
    deleteOld.push(...replaced);
    if (stored !== null || replaced.length > 0) tally.updated += 1;
    else tally.new += 1;
  }

  const touchedCalls = new Set<string>();
  if (detach.length > 0) {
    const detached = await tx.run(Q.DETACH_READOUT_FACTS, { ids: detach });
    for (const record of detached.records)
      for (const id of record.get('calls') as string[]) touchedCalls.add(id);
    if (deleteOld.length > 0) await tx.run(Q.DELETE_READOUTS, { ids: deleteOld });
  }

  if (toWrite.length > 0) {
    await writePolitiesAndLeaders(tx, toWrite, context, tally);
    await tx.run(Q.MERGE_READOUTS, { rows: toWrite.map(readoutProperties) });
    const callRows = await assignCallIds(tx, toWrite);
    if (callRows.length > 0) {
      const merged = await tx.run(Q.MERGE_REPORTS, { rows: callRows });
      tally.created += merged.summary.counters.updates().nodesCreated;
    }
    for (const row of callRows) touchedCalls.add(row.call);
    tally.reported += callRows.length;
    await writeMentions(tx, toWrite);
  }

  if (touchedCalls.size > 0) tally.removed += await recomputeCalls(tx, [...touchedCalls], context);

  summary.readouts.new += tally.new;
  summary.readouts.unchanged += tally.unchanged;
  summary.readouts.updated += tally.updated;
  summary.calls.reported += tally.reported;
  summary.calls.created += tally.created;
  summary.calls.removed += tally.removed;
  summary.leaders.new += tally.leadersNew;
  return detach.length > 0;
}

function uniqueReadouts(extractions: Extraction[]): ReadoutRow[] {
  const byId = new Map<string, ReadoutRow>();
  for (const extraction of extractions) {
    // The same text twice in one batch is one readout; the last reading wins.
    byId.set(extraction.id, {
      id: extraction.id,
      sourceKey: readoutSourceKey(extraction),
      fingerprint: readoutFingerprint(extraction),
      extraction,
    });
  }
  return [...byId.values()];
}

function readoutProperties(row: ReadoutRow) {
  const { readout, source, text, warnings } = row.extraction;
  return {
    id: row.id,
    url: readout.url,
    publisher: readout.publisher,
    published: readout.published,
    title: readout.title,
    language: readout.language,
    source,
    sourceKey: row.sourceKey,
    text,
    fingerprint: row.fingerprint,
    warnings,
  };
}

async function writePolitiesAndLeaders(
  tx: ManagedTransaction,
  rows: ReadoutRow[],
  context: LoadContext,
  tally: { leadersNew: number },
): Promise<void> {
  const leaders = new Map<string, Properties>();
  const polityCodes = new Set<string>();
  for (const { extraction } of rows) {
    for (const call of extraction.calls) {
      for (const p of call.participants) {
        if (!leaders.has(p.id)) leaders.set(p.id, leaderProperties(p, context));
        if (p.state) polityCodes.add(p.state);
      }
    }
    for (const m of extraction.mentions.leaders) {
      if (!leaders.has(m.id)) {
        const person = { ...m, role: null, leader: true, verified: true };
        leaders.set(m.id, leaderProperties(person, context));
      }
      if (m.state) polityCodes.add(m.state);
    }
    for (const code of extraction.mentions.states) polityCodes.add(code);
  }
  const leads: Array<{ leader: string; polity: string; role: string; from: string; to: string | null }> = [];
  for (const leader of leaders.values()) {
    if (leader.verified !== true) continue;
    const id = String(leader.id);
    for (const office of context.offices(id)) {
      leads.push({
        leader: id,
        polity: office.polity,
        role: office.role,
        from: office.from,
        to: office.to,
      });
      polityCodes.add(office.polity);
    }
  }
  const states: object[] = [];
  const organizations: object[] = [];
  for (const code of polityCodes) {
    const polity = context.polity(code);
    if (polity?.kind === 'organization') organizations.push({ code, name: polity.name });
    else
      states.push({
        code,
        name: polity?.name ?? code,
        region: polity?.region ?? null,
        subregion: null,
        lat: polity?.latlng?.[0] ?? null,
        lng: polity?.latlng?.[1] ?? null,
      });
  }
  if (states.length > 0) await tx.run(Q.MERGE_STATES, { rows: states });
  if (organizations.length > 0) await tx.run(Q.MERGE_ORGANIZATIONS, { rows: organizations });
  if (leaders.size > 0) {
    const result = await tx.run(Q.MERGE_LEADERS, { rows: [...leaders.values()] });
    tally.leadersNew += result.summary.counters.updates().nodesCreated;
  }
  if (leads.length > 0) await tx.run(Q.MERGE_LEADS, { rows: leads });
}

/** Gives every reported call the id of the stored call it describes, or a new one. */
async function assignCallIds(tx: ManagedTransaction, rows: ReadoutRow[]): Promise<CallRow[]> {
  const calls: CallRow[] = [];
  for (const { id, extraction } of rows) {
    extraction.calls.forEach((call, index) => {
      const participants = [...new Set(call.participants.map((p) => p.id))];
      if (participants.length < 2) return;
      const key = [...participants].sort().join('|');
      calls.push({
        ref: `${id}#${index}`,
        readout: id,
        key,
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
  }
  if (calls.length === 0) return calls;
  const found = await tx.run(Q.FIND_MATCHING_CALLS, {
    rows: calls.map((c) => ({ ref: c.ref, key: c.key, mode: c.mode, date: c.date })),
  });
  const stored = new Map<string, string>();
  const storedDates = new Map<string, string[]>();
  for (const record of found.records) {
    const ref = record.get('ref') as string;
    if (stored.has(ref)) continue;
    stored.set(ref, record.get('id') as string);
    storedDates.set(record.get('id') as string, record.get('dates') as string[]);
  }
  // Reports of one conversation within this batch share an id too: every date grouped under
  // a call, stored or new, must lie within a day, as in FIND_MATCHING_CALLS.
  const chosen: CallRow[] = [];
  const fits = (call: string, date: string | null) =>
    (storedDates.get(call) ?? []).every((d) => datesClose(d, date)) &&
    chosen.filter((other) => other.call === call).every((other) => datesClose(other.date, date));
  for (const row of calls) {
    const existing = stored.get(row.ref);
    if (existing && fits(existing, row.date)) {
      row.call = existing;
    } else {
      const twin = chosen.find((c) => c.key === row.key && c.mode === row.mode && fits(c.call, row.date));
      if (twin) row.call = twin.call;
    }
    chosen.push(row);
  }
  return chosen;
}

async function writeMentions(tx: ManagedTransaction, rows: ReadoutRow[]): Promise<void> {
  const polities: Array<{ readout: string; target: string }> = [];
  const people: Array<{ readout: string; target: string }> = [];
  for (const { id, extraction } of rows) {
    for (const code of new Set(extraction.mentions.states)) polities.push({ readout: id, target: code });
    for (const leader of extraction.mentions.leaders) people.push({ readout: id, target: leader.id });
  }
  if (polities.length > 0) await tx.run(Q.MERGE_POLITY_MENTIONS, { rows: polities });
  if (people.length > 0) await tx.run(Q.MERGE_LEADER_MENTIONS, { rows: people });
}

/**
 * Rebuilds each touched call from the reports that support it: dates and initiators from all
 * sources (disagreements kept side by side), topics as the union, CALLED edges anew. A call
 * no report supports any more is deleted with its edges.
 */
async function recomputeCalls(tx: ManagedTransaction, ids: string[], context: LoadContext): Promise<number> {
  const result = await tx.run(Q.READ_CALL_REPORTS, { ids });
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
    updates.push({
      id,
      dates,
      date: dates[0] ?? null,
      initiators,
      themes,
      topics,
      multilateral: participants.length > 2,
      sources: reports.length,
    });
    const { initiating, pairs } = calledPairs(participants, initiators, (p) => stateOf.get(p) ?? null);
    for (const p of participants) flags.push({ leader: p, call: id, initiator: initiating.includes(p) });
    for (const [from, to] of pairs) called.push({ call: id, from, to, date: dates[0] ?? null, mode, themes });
  }
  if (orphans.length > 0) {
    await tx.run(Q.DELETE_CALLED_OF_CALLS, { ids: orphans });
    await tx.run(Q.DELETE_CALLS, { ids: orphans });
  }
  if (live.length > 0) {
    await tx.run(Q.DELETE_CALLED_OF_CALLS, { ids: live });
    await tx.run(Q.UPDATE_CALLS, { rows: updates });
    await tx.run(Q.SET_INITIATOR_FLAGS, { rows: flags });
    await tx.run(Q.CREATE_CALLED, { rows: called });
  }
  return orphans.length;
}
