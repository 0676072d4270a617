/**
 * Builds the property graph in memory from extractions, with the same rules the Neo4j loader
 * applies: one Call per conversation across sources (same people, same mode, dates within a
 * day), dates and initiators from every source kept side by side, CALLED edges from the
 * initiating or reporting side. Embedded mode (no Neo4j) and the exporters' tests use it.
 */
import {
  edgeId,
  type GraphData,
  type GraphEdge,
  type GraphNode,
  type NodeLabel,
  type Properties,
} from './graph.ts';
import { callId, subjectTopicId, themeTopicId } from './ids.ts';
import type { Extraction, Office, Participant, Polity } from './types.ts';

/** What building the graph needs beyond the extractions: polities and leaders' offices. */
export interface GraphContext {
  polity(code: string): Polity | undefined;
  offices(leaderId: string): Office[];
  themeLabel?(themeId: string): string;
  /** Other names of a known leader (gazetteer aliases). */
  aliases?(leaderId: string): string[];
}

/** A Leader node's properties, from a participant and what the gazetteer knows of them. */
export function leaderProperties(p: Participant, context: GraphContext): Properties {
  return {
    id: p.id,
    name: p.name,
    aliases: p.verified ? (context.aliases?.(p.id) ?? []) : [],
    verified: p.verified,
    leader: p.leader,
    state: p.state,
    role: p.role,
  };
}

/** A State or Organization node's label and properties, from what the gazetteer knows of a code. */
export function polityNode(
  code: string,
  context: GraphContext,
): { label: 'State' | 'Organization'; properties: Properties } {
  const polity = context.polity(code);
  if (polity?.kind === 'organization')
    return { label: 'Organization', properties: { code, name: polity.name } };
  return {
    label: 'State',
    properties: {
      code,
      name: polity?.name ?? code,
      region: polity?.region ?? null,
      lat: polity?.latlng?.[0] ?? null,
      lng: polity?.latlng?.[1] ?? null,
    },
  };
}

interface CallDraft {
  id: string;
  key: string;
  mode: string;
  participants: string[];
  reports: Array<{
    readout: string;
    date: string | null;
    initiator: string | null;
    themes: string[];
    subjects: string[];
    evidence: string[];
  }>;
}

export function buildGraphData(
  extractions: Iterable<Extraction>,
  context: GraphContext,
  options: { includeText?: boolean } = {},
): GraphData {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addNode = (id: string, label: NodeLabel, properties: Properties) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, properties });
  };
  const addEdge = (
    type: GraphEdge['type'],
    source: string,
    target: string,
    properties: Properties,
    discriminator?: string,
  ) => {
    const id = edgeId(type, source, target, discriminator);
    edges.set(id, { id, type, source, target, properties });
  };
  const addPolity = (code: string) => {
    const { label, properties } = polityNode(code, context);
    addNode(code, label, properties);
  };

  const calls: CallDraft[] = [];
  const byReadout = new Map<string, Extraction>();
  for (const extraction of extractions) byReadout.set(extraction.id, extraction);

  for (const extraction of byReadout.values()) {
    const { readout } = extraction;
    addNode(extraction.id, 'Readout', {
      id: extraction.id,
      url: readout.url,
      publisher: readout.publisher,
      published: readout.published,
      title: readout.title,
      source: extraction.source,
      ...(options.includeText ? { text: extraction.text } : {}),
    });
    for (const call of extraction.calls) {
      const participants = [...new Set(call.participants.map((p) => p.id))];
      if (participants.length < 2) continue;
      for (const p of call.participants) {
        // As in Neo4j: the last call a person took part in says who they are; a mention
        // never overwrites it.
        nodes.set(p.id, { id: p.id, label: 'Leader', properties: leaderProperties(p, context) });
        if (p.state) addPolity(p.state);
      }
      const key = [...participants].sort().join('|');
      const report = {
        readout: extraction.id,
        date: call.date,
        initiator: call.initiator,
        themes: call.themes,
        subjects: call.subjects,
        evidence: call.evidence.map((s) => `${s.start}:${s.end}`),
      };
      const twin = pickCall(
        calls.filter((c) => c.key === key && c.mode === call.mode),
        (c) => c.reports.map((r) => r.date),
        call.date,
      );
      if (twin) twin.reports.push(report);
      else
        calls.push({
          id: callId(participants, call.mode, call.date),
          key,
          mode: call.mode,
          participants,
          reports: [report],
        });
    }
    for (const leader of extraction.mentions.leaders) {
      addNode(
        leader.id,
        'Leader',
        leaderProperties({ ...leader, role: null, leader: true, verified: true }, context),
      );
      addEdge('MENTIONS', extraction.id, leader.id, {});
    }
    for (const code of extraction.mentions.states) {
      addPolity(code);
      addEdge('MENTIONS', extraction.id, code, {});
    }
  }

  for (const call of calls) {
    const dates = sortedUnique(call.reports.map((r) => r.date));
    const initiators = sortedUnique(call.reports.map((r) => r.initiator));
    const themes = sortedUnique(call.reports.flatMap((r) => r.themes));
    const subjects = sortedUnique(call.reports.flatMap((r) => r.subjects));
    addNode(call.id, 'Call', {
      id: call.id,
      date: dates[0] ?? null,
      dates,
      mode: call.mode,
      multilateral: call.participants.length > 2,
      initiators,
      themes,
      sources: call.reports.length,
    });
    for (const theme of themes) {
      const id = themeTopicId(theme);
      addNode(id, 'Topic', { id, label: context.themeLabel?.(theme) ?? theme, kind: 'theme' });
      addEdge('ABOUT', call.id, id, {});
    }
    for (const subject of subjects) {
      const id = subjectTopicId(subject);
      addNode(id, 'Topic', { id, label: subject, kind: 'subject' });
      addEdge('ABOUT', call.id, id, {});
    }
    for (const report of call.reports) {
      addEdge('REPORTS', report.readout, call.id, {
        evidence: report.evidence,
        date: report.date,
        initiator: report.initiator,
      });
    }
    const stateOf = (id: string) => (nodes.get(id)?.properties.state as string | null | undefined) ?? null;
    const { initiating, pairs } = calledPairs(call.participants, initiators, stateOf);
    for (const p of call.participants)
      addEdge('TOOK_PART', p, call.id, { initiator: initiating.includes(p) });
    for (const [from, to] of pairs) {
      addEdge(
        'CALLED',
        from,
        to,
        { call: call.id, date: dates[0] ?? null, mode: call.mode, themes },
        call.id,
      );
    }
  }

  for (const node of [...nodes.values()]) {
    if (node.label !== 'Leader' || node.properties.verified !== true) continue;
    for (const office of context.offices(node.id)) {
      addPolity(office.polity);
      addEdge(
        'LEADS',
        node.id,
        office.polity,
        { role: office.role, from: office.from, to: office.to },
        `${office.role}@${office.from}`,
      );
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Two reports describe the same conversation when their dates are equal or a day apart (time zones). */
export function datesClose(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= 86_400_000;
}

/**
 * Of the calls a report may describe, those whose every date lies within a day of the
 * report's, the one with the smallest id. The Neo4j loader makes the same choice, so a
 * corpus gives the same calls whether it is loaded in one batch or many.
 */
export function pickCall<T extends { id: string }>(
  candidates: Iterable<T>,
  datesOf: (candidate: T) => Iterable<string | null>,
  date: string | null,
): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (best !== undefined && best.id <= candidate.id) continue;
    let fits = true;
    for (const d of datesOf(candidate)) {
      if (!datesClose(d, date)) {
        fits = false;
        break;
      }
    }
    if (fits) best = candidate;
  }
  return best;
}

export function sortedUnique(values: Iterable<string | null>): string[] {
  return [...new Set([...values].filter((v): v is string => v !== null))].sort();
}

/**
 * CALLED edges of one call: from the participants whose state placed the call (when a source
 * says so), else from the reporting side, listed first; every pair once for multi-leader calls.
 */
export function calledPairs(
  participants: readonly string[],
  initiators: readonly string[],
  stateOf: (id: string) => string | null,
): { initiating: string[]; pairs: Array<[string, string]> } {
  const initiating = participants.filter((p) => initiators.includes(stateOf(p) ?? ''));
  const ordered = [...initiating, ...participants.filter((p) => !initiating.includes(p))];
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) pairs.push([ordered[i]!, ordered[j]!]);
  }
  return { initiating, pairs };
}
