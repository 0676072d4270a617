/**
 * Defaults and validation. Options and selections are checked once, at the door, so the
 * writers can trust them; every failure is a `HotlineError` naming the bad value.
 */
import { CALL_MODES, HotlineError } from '@hotline/model';
import { DEFAULT_PLOVER_CONTEXTS } from './plover-contexts.ts';
import type { ExportFormat, ExportOptions, Selection } from './types.ts';
import { EXPORT_FORMATS } from './types.ts';

export const DEFAULT_EXPORT_OPTIONS: Readonly<ExportOptions> = Object.freeze({
  includeText: false,
  pretty: true,
  batchSize: 500,
  constraints: true,
  neo4jDates: true,
  database: 'neo4j',
  ploverContexts: DEFAULT_PLOVER_CONTEXTS,
});

export const DEFAULT_SELECTION: Readonly<Required<Pick<Selection, 'hops' | 'minCalls'>>> = Object.freeze({
  hops: 1,
  minCalls: 1,
});

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Neo4j database names: letters, digits, dots and dashes, starting with a letter or digit. */
const DATABASE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/;
const MAX_HOPS = 10;

function invalid(where: string, message: string): HotlineError {
  return new HotlineError('INVALID_ARGUMENT', `${where}: ${message}`);
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function resolveExportFormat(value: unknown, where = 'export'): ExportFormat {
  if (!isExportFormat(value)) {
    throw invalid(
      where,
      `unknown format ${JSON.stringify(value)}; expected one of ${EXPORT_FORMATS.join(', ')}`,
    );
  }
  return value;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Merges options over `DEFAULT_EXPORT_OPTIONS` and validates them. */
export function resolveExportOptions(options: Partial<ExportOptions> = {}): ExportOptions {
  const known = new Set(Object.keys(DEFAULT_EXPORT_OPTIONS));
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw invalid('export options', `unknown option "${key}"`);
  }
  const resolved: ExportOptions = {
    ...DEFAULT_EXPORT_OPTIONS,
    ...stripUndefined(options),
    ploverContexts: { ...DEFAULT_PLOVER_CONTEXTS, ...(options.ploverContexts ?? {}) },
  };
  for (const key of ['includeText', 'pretty', 'constraints', 'neo4jDates'] as const) {
    if (typeof resolved[key] !== 'boolean') {
      throw invalid('export options', `${key} must be a boolean, got ${JSON.stringify(resolved[key])}`);
    }
  }
  if (!Number.isInteger(resolved.batchSize) || resolved.batchSize < 1) {
    throw invalid(
      'export options',
      `batchSize must be a positive integer, got ${JSON.stringify(resolved.batchSize)}`,
    );
  }
  if (typeof resolved.database !== 'string' || !DATABASE_PATTERN.test(resolved.database)) {
    throw invalid(
      'export options',
      `database ${JSON.stringify(resolved.database)} is not a valid Neo4j database name; use letters, digits, "." and "-"`,
    );
  }
  for (const [theme, contexts] of Object.entries(resolved.ploverContexts)) {
    if (!Array.isArray(contexts) || contexts.some((context) => typeof context !== 'string')) {
      throw invalid('export options', `ploverContexts["${theme}"] must be a list of context names`);
    }
  }
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function stringList(where: string, name: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw invalid(where, `${name} must be a list of non-empty strings, got ${JSON.stringify(value)}`);
  }
  return value.map((item: string) => item.trim());
}

/** A validated selection with defaults filled in. */
export interface ResolvedSelection {
  leaders: string[];
  states: string[];
  hops: number;
  from: string | null;
  to: string | null;
  themes: string[] | null;
  modes: string[] | null;
  minCalls: number;
}

/** Validates a selection: dates are real YYYY-MM-DD days, hops and minCalls small integers, modes known. */
export function resolveSelection(selection: Selection = {}): ResolvedSelection {
  const where = 'selectSubgraph';
  const known = new Set(['leaders', 'states', 'hops', 'from', 'to', 'themes', 'modes', 'minCalls']);
  for (const key of Object.keys(selection)) {
    if (!known.has(key)) throw invalid(where, `unknown selection field "${key}"`);
  }
  const hops = selection.hops ?? DEFAULT_SELECTION.hops;
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_HOPS) {
    throw invalid(
      where,
      `hops must be an integer from 0 to ${MAX_HOPS}, got ${JSON.stringify(selection.hops)}`,
    );
  }
  const minCalls = selection.minCalls ?? DEFAULT_SELECTION.minCalls;
  if (!Number.isInteger(minCalls) || minCalls < 1) {
    throw invalid(where, `minCalls must be a positive integer, got ${JSON.stringify(selection.minCalls)}`);
  }
  for (const key of ['from', 'to'] as const) {
    const value = selection[key];
    if (value !== undefined && !isIsoDate(value)) {
      throw invalid(where, `${key} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
    }
  }
  if (selection.from && selection.to && selection.from > selection.to) {
    throw invalid(where, `from "${selection.from}" is after to "${selection.to}"; swap them`);
  }
  const modes = stringList(where, 'modes', selection.modes);
  for (const mode of modes ?? []) {
    if (!(CALL_MODES as readonly string[]).includes(mode.toLowerCase())) {
      throw invalid(where, `unknown mode "${mode}"; expected one of ${CALL_MODES.join(', ')}`);
    }
  }
  return {
    leaders: stringList(where, 'leaders', selection.leaders) ?? [],
    states: stringList(where, 'states', selection.states) ?? [],
    hops,
    from: selection.from ?? null,
    to: selection.to ?? null,
    themes: stringList(where, 'themes', selection.themes) ?? null,
    modes: modes?.map((mode) => mode.toLowerCase()) ?? null,
    minCalls,
  };
}
