/**
 * Calls as PLOVER events (the ontology POLECAT codes news with). A leader-level call is a
 * CONSULT; its mode is `phone` for phone and video calls, `meet` for a meeting of two and
 * `multilateral` for a meeting of three or more. PLOVER events are dyadic, so a call yields one
 * event per recipient: the actor is the initiator when the readouts say who called, else the
 * first participant, and every other participant is a recipient.
 */
import type { CallRecord, GraphData } from '@hotline/model';
import { resolveExportOptions } from './options.ts';
import { callRecords } from './records.ts';
import type { ExportOptions, PloverConsultMode, PloverEvent } from './types.ts';

type Participant = CallRecord['participants'][number];

/** PLOVER CONSULT mode for a hotline call. */
export function ploverMode(mode: string, participantCount: number, multilateral: boolean): PloverConsultMode {
  if (mode === 'phone' || mode === 'video') return 'phone';
  return participantCount >= 3 || multilateral ? 'multilateral' : 'meet';
}

/** PLOVER contexts for hotline themes, in theme order, without duplicates. */
export function ploverContexts(
  themes: readonly string[],
  mapping: Readonly<Record<string, readonly string[]>>,
): string[] {
  const contexts = new Set<string>();
  for (const theme of themes) for (const context of mapping[theme.toLowerCase()] ?? []) contexts.add(context);
  return [...contexts];
}

/**
 * One or more CONSULT events per Call node of `graph`.
 *
 * @example
 * createPloverEvents(graph)[0]
 * // { id: 'c-…', event_type: 'CONSULT', mode: 'phone', actor_country: 'FRA', recipient_country: 'RUS', … }
 */
export function createPloverEvents(graph: GraphData, options: Partial<ExportOptions> = {}): PloverEvent[] {
  const resolved = resolveExportOptions(options);
  const states = new Set(graph.nodes.filter((node) => node.label === 'State').map((node) => node.id));
  const organizations = new Set(
    graph.nodes.filter((node) => node.label === 'Organization').map((node) => node.id),
  );
  const place = (code: string | null): { country: string | null; organization: string | null } => {
    if (code === null) return { country: null, organization: null };
    if (states.has(code)) return { country: code, organization: null };
    if (organizations.has(code)) return { country: null, organization: code };
    return /^[A-Z]{3}$/.test(code)
      ? { country: code, organization: null }
      : { country: null, organization: code };
  };
  const initiators = new Map(
    graph.nodes
      .filter((node) => node.label === 'Call')
      .map((node) => {
        const value = node.properties.initiators;
        return [node.id, Array.isArray(value) ? value.map(String) : []] as const;
      }),
  );

  const events: PloverEvent[] = [];
  for (const record of callRecords(graph)) {
    const { actor, initiated } = pickActor(record.participants, initiators.get(record.id) ?? []);
    if (!actor) continue;
    const recipients: Array<Participant | null> = record.participants.filter((p) => p !== actor);
    if (recipients.length === 0) recipients.push(null);
    const urls = [...new Set(record.sources.map((source) => source.url).filter((url) => url !== null))];
    const actorPlace = place(actor.state);
    for (const recipient of recipients) {
      const recipientPlace = place(recipient?.state ?? null);
      events.push({
        id: recipients.length > 1 && recipient ? `${record.id}:${recipient.id}` : record.id,
        call_id: record.id,
        event_type: 'CONSULT',
        mode: ploverMode(record.mode, record.participants.length, record.multilateral),
        event_date: record.date,
        contexts: ploverContexts(record.themes, resolved.ploverContexts),
        actor_id: actor.id,
        actor_name: actor.name,
        actor_country: actorPlace.country,
        actor_organization: actorPlace.organization,
        recipient_id: recipient?.id ?? null,
        recipient_name: recipient?.name ?? null,
        recipient_country: recipientPlace.country,
        recipient_organization: recipientPlace.organization,
        actor_initiated: initiated,
        source_url: urls[0] ?? null,
        source_urls: urls,
      });
    }
  }
  return events;
}

function pickActor(
  participants: Participant[],
  initiatorCodes: string[],
): { actor: Participant | undefined; initiated: boolean } {
  const flagged = participants.find((p) => p.initiator);
  if (flagged) return { actor: flagged, initiated: true };
  const byState = participants.find((p) => p.state !== null && initiatorCodes.includes(p.state));
  if (byState) return { actor: byState, initiated: true };
  return { actor: participants[0], initiated: false };
}

/** PLOVER events as JSON Lines, one event per line. */
export function* generatePloverLines(
  graph: GraphData,
  options: Partial<ExportOptions> = {},
): Generator<string> {
  for (const event of createPloverEvents(graph, options)) yield `${JSON.stringify(event)}\n`;
}
