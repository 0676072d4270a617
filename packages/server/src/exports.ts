/**
 * The export endpoint: the same selection as `hotline export`, from query-string values.
 * A `query` selection runs read-only Cypher and exports what it returns.
 */
import {
  createCsvExport,
  EXPORT_FORMAT_INFO,
  type ExportFormat,
  resolveExportFormat,
  type Selection,
  selectSubgraph,
} from '@hotline/export';
import { type GraphData, HotlineError } from '@hotline/model';
import { queryResultToGraph } from '@hotline/neo4j';
import type { GraphSource } from './source.ts';

export interface ExportRequest {
  format?: string;
  from?: string;
  to?: string;
  leaders?: string;
  states?: string;
  hops?: string;
  themes?: string;
  modes?: string;
  minCalls?: string;
  query?: string;
}

const list = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n))
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `${name} must be a whole number, got ${JSON.stringify(value)}`,
    );
  return n;
}

export function selectionFromRequest(request: ExportRequest): Selection {
  const selection: Selection = {};
  if (request.from) selection.from = request.from;
  if (request.to) selection.to = request.to;
  const leaders = list(request.leaders);
  if (leaders) selection.leaders = leaders;
  const states = list(request.states);
  if (states) selection.states = states;
  const themes = list(request.themes);
  if (themes) selection.themes = themes;
  const modes = list(request.modes);
  if (modes) selection.modes = modes;
  const hops = integer('hops', request.hops);
  if (hops !== undefined) selection.hops = hops;
  const minCalls = integer('minCalls', request.minCalls);
  if (minCalls !== undefined) selection.minCalls = minCalls;
  return selection;
}

/** The selected subgraph: by Cypher when `query` is given, else by the selection fields. */
export async function selectedGraph(source: GraphSource, request: ExportRequest): Promise<GraphData> {
  if (request.query) {
    const result = await source.query(request.query, {}, { maxRows: 50_000 });
    return queryResultToGraph(result);
  }
  const selection = selectionFromRequest(request);
  const graph = await source.graph({ from: selection.from ?? null, to: selection.to ?? null });
  return selectSubgraph(graph, selection);
}

export function exportFileName(format: ExportFormat): string {
  const stamp = new Date().toISOString().slice(0, 10);
  return format === 'csv'
    ? `hotline-${stamp}-csv.zip`
    : `hotline-${stamp}${EXPORT_FORMAT_INFO[format].extension}`;
}

export function csvZip(graph: GraphData): Record<string, string> {
  return createCsvExport(graph).files;
}

export function exportFormat(value: string | undefined): ExportFormat {
  return resolveExportFormat(value ?? '', 'export');
}
