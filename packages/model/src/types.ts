/**
 * The graph vocabulary, defined once. Extraction produces `Extraction` records; the Neo4j
 * loader, the exporters and the explorer all read these shapes.
 */

/** Character span [start, end) into the readout text the fact came from. */
export interface Span {
  start: number;
  end: number;
}

export const CALL_MODES = ['phone', 'video', 'meeting'] as const;
export type CallMode = (typeof CALL_MODES)[number];

/** One person taking part in an interaction. */
export interface Participant {
  /** Stable id: the gazetteer id for known leaders, otherwise a slug of the name. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-3 code, or an organization code (UN, EU, NATO, ...); null when unknown. */
  state: string | null;
  role: string | null;
  /** True for heads of state, heads of government and heads of international organizations. */
  leader: boolean;
  /** True when the person was resolved against the gazetteer. */
  verified: boolean;
}

/** One conversation the readout reports as having happened. */
export interface ExtractedCall {
  participants: Participant[];
  /** YYYY-MM-DD, or null when the text and publication date do not fix it. */
  date: string | null;
  mode: CallMode;
  /** State or organization code of the side that placed the call, when the text says so. */
  initiator: string | null;
  /** Theme ids from data/themes.json. */
  themes: string[];
  /** Named places, conflicts, agreements or bodies the conversation was about. */
  subjects: string[];
  /** Spans of the sentences the call was read from. */
  evidence: Span[];
}

export interface ReadoutMeta {
  title: string | null;
  url: string | null;
  publisher: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  language: string | null;
}

export interface MentionedLeader {
  id: string;
  name: string;
  state: string | null;
}

/** Everything extracted from one input document. */
export interface Extraction {
  /** Where the document came from (path, path#line for JSON Lines, or "-" for stdin). */
  source: string;
  /** Content hash of the text (see readoutId). */
  id: string;
  readout: ReadoutMeta;
  /** The plain text the spans point into. */
  text: string;
  calls: ExtractedCall[];
  mentions: { leaders: MentionedLeader[]; states: string[] };
  warnings: string[];
}

/** A state or international organization, as the graph stores it. */
export interface Polity {
  code: string;
  name: string;
  kind: 'state' | 'organization';
  region: string | null;
  /** [latitude, longitude] for the geographic layout; null when unknown. */
  latlng: [number, number] | null;
}

export interface Office {
  /** State or organization code. */
  polity: string;
  role: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, or null while in office. */
  to: string | null;
}
