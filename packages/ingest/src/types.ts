/**
 * Types of the ingest package: the readers' records, the knowledge (gazetteer, states,
 * themes) extraction runs against, and the evaluation report.
 */
import type { HotlineError, Office, Polity, ReadoutMeta } from '@hotline/model';

/** One document to extract from: where it came from, its plain text, what is known about it. */
export interface ReadoutInput {
  source: string;
  text: string;
  meta: Partial<ReadoutMeta>;
}

/** A document that could not be read; the batch goes on without it. */
export interface InputFailure {
  source: string;
  error: HotlineError;
}

/** A person of the gazetteer (data/gazetteer/leaders-*.json, organization heads, the overlay). */
export interface GazetteerPerson {
  id: string;
  name: string;
  aliases: string[];
  offices: Office[];
}

export interface Organization {
  code: string;
  name: string;
  aliases: string[];
}

/** A theme of the taxonomy with its patterns (data/themes.json). */
export interface ThemeDefinition {
  id: string;
  label: string;
  description: string;
  /** Case-insensitive regular expressions; any match in a call's sentences tags the theme. */
  patterns: string[];
  /** Case-insensitive regular expressions; a pattern match overlapping one of these is ignored. */
  exclude: string[];
}

export interface LoadKnowledgeOptions {
  /** Folder holding themes.json and gazetteer/ (default: the repository's data/). */
  dataDir?: string;
  /** Folder of leaders-*.json and organizations.json (default: dataDir/gazetteer). */
  gazetteerDir?: string;
  /** A user gazetteer file (leaders schema) whose entries add to or override the shipped ones. */
  overlayPath?: string;
}

export interface ExtractOptions {
  /** Upper bound for dates when the readout has no publication date (default: today). */
  today?: string;
}

export interface ReadInputsOptions {
  /** Largest accepted document in bytes (default 20 MB). */
  maxBytes?: number;
  /** Stream for '-' (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** Evaluation of extractions against gold annotations. */
export interface EvalCounts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalDocument {
  id: string;
  source: string;
  negative: boolean;
  goldCalls: number;
  foundCalls: number;
  matched: number;
  errors: string[];
}

export interface EvalReport {
  documents: number;
  calls: EvalCounts;
  participantsOnly: EvalCounts;
  dateAccuracy: { correct: number; total: number; accuracy: number };
  themes: EvalCounts;
  initiatorAccuracy: { correct: number; total: number; accuracy: number };
  mentionedStates: EvalCounts;
  negatives: { documents: number; falseCalls: number };
  missingExtractions: string[];
  perDocument: EvalDocument[];
}

export interface GoldParticipant {
  name: string;
  state: string | null;
  role: string | null;
}

export interface GoldCall {
  participants: GoldParticipant[];
  date: string | null;
  mode: string;
  core: boolean;
  initiator: string | null;
  themes: string[];
  subjects: string[];
}

export interface GoldDocument {
  id: string;
  calls: GoldCall[];
  mentioned_states: string[];
  notes?: string;
}

export type { Office, Polity };
