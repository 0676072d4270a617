/**
 * Export types: the formats, the options every writer shares and the selection that cuts a
 * subgraph out of the full graph. Defaults live in `options.ts`.
 */

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher', 'jsonl', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** PLOVER CONSULT modes hotline emits (`visit` and `host` need a location hotline does not keep). */
export type PloverConsultMode = 'phone' | 'meet' | 'multilateral';

export interface ExportOptions {
  /** Keep `Readout.text` in the output. Default false: readouts are exported without their text. */
  includeText: boolean;
  /** Indent GEXF, GraphML and JSON. Default true. */
  pretty: boolean;
  /** Rows per `UNWIND` statement in Cypher exports. Default 500. */
  batchSize: number;
  /** Start Cypher exports with `CREATE CONSTRAINT … IF NOT EXISTS` on each label's id. Default true. */
  constraints: boolean;
  /** Write YYYY-MM-DD properties (`date`, `dates`, `published`, `from`, `to`) as Neo4j dates in CSV and Cypher. Default true. */
  neo4jDates: boolean;
  /** Database named in the `neo4j-admin database import full` command of CSV exports. Default "neo4j". */
  database: string;
  /** hotline theme id → PLOVER contexts. Default `DEFAULT_PLOVER_CONTEXTS`; merged over it when given. */
  ploverContexts: Readonly<Record<string, readonly string[]>>;
}

/** What to cut out of the graph. Every field is optional; an empty selection keeps the whole graph. */
export interface Selection {
  /** Seed leaders by id, name or alias, case-insensitive. */
  leaders?: string[];
  /** Seed states or organizations by code: their leaders (via LEADS or `Leader.state`) become seeds. */
  states?: string[];
  /** Hops from the seeds over CALLED edges in either direction. Default 1. */
  hops?: number;
  /** First day of the window, YYYY-MM-DD, inclusive. */
  from?: string;
  /** Last day of the window, YYYY-MM-DD, inclusive. */
  to?: string;
  /** Theme ids (`security`, or the topic id `theme:security`); a call matches if it has any of them. */
  themes?: string[];
  /** Call modes: phone, video, meeting. */
  modes?: string[];
  /** Drop leader pairs with fewer CALLED edges than this in the window. Default 1. */
  minCalls?: number;
}

/** One batch for the Neo4j driver: `session.run(statement, parameters)`. */
export interface CypherStatement {
  statement: string;
  parameters: Record<string, unknown>;
}

/** A CSV export for `neo4j-admin database import full`: file name → content, and the command. */
export interface CsvExport {
  /** Node files (`nodes-<Label>.csv`), relationship files (`relationships-<TYPE>.csv`) and README.txt. */
  files: Record<string, string>;
  /** The exact import command, to run from the directory that holds the files. */
  command: string;
}

/** One CONSULT event in the PLOVER ontology, flat like POLECAT's rows. */
export interface PloverEvent {
  /** The call id for bilateral calls; `<call id>:<recipient id>` when a call yields several events. */
  id: string;
  call_id: string;
  event_type: 'CONSULT';
  mode: PloverConsultMode;
  /** YYYY-MM-DD, or null for undated calls. */
  event_date: string | null;
  contexts: string[];
  actor_id: string;
  actor_name: string;
  /** ISO 3166-1 alpha-3, or null when the actor speaks for an organization or is unplaced. */
  actor_country: string | null;
  /** Organization code (UN, EU, NATO…) when the actor leads one. */
  actor_organization: string | null;
  recipient_id: string | null;
  recipient_name: string | null;
  recipient_country: string | null;
  recipient_organization: string | null;
  /** Whether the actor is known to have placed the call (else: first participant). */
  actor_initiated: boolean;
  source_url: string | null;
  source_urls: string[];
}
