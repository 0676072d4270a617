/**
 * Typed HTTP client for the hotline server (same origin, JSON). Every failure becomes an
 * `ApiError` carrying the server's `{error: {code, message}}` so panels can show the message.
 */
import type {
  DateWindow,
  ExampleQuery,
  ExportFormat,
  GraphData,
  Health,
  LeaderView,
  PairView,
  QueryResult,
} from './types.ts';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) {
      return new ApiError(body.error.code ?? 'HTTP_ERROR', body.error.message, response.status);
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiError('HTTP_ERROR', `${response.status} ${response.statusText}`.trim(), response.status);
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiError('NETWORK', `the hotline server did not answer (${String(error)})`, 0);
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export function getHealth(): Promise<Health> {
  return request('/api/health');
}

/** A date window as the explorer holds it: either side may be unset. */
export type TimeWindow = Partial<DateWindow>;

/** `?from=…&to=…` for the sides of the window that are set, after any other parameters. */
function withWindow(path: string, window: TimeWindow, query = new URLSearchParams()): string {
  if (window.from) query.set('from', window.from);
  if (window.to) query.set('to', window.to);
  return query.size > 0 ? `${path}?${query}` : path;
}

export function getGraph(window: TimeWindow = {}): Promise<GraphData> {
  return request(withWindow('/api/graph', window));
}

export function getLeader(id: string, window: TimeWindow = {}): Promise<LeaderView> {
  return request(withWindow(`/api/leaders/${encodeURIComponent(id)}`, window));
}

export function getPair(a: string, b: string, window: TimeWindow = {}): Promise<PairView> {
  return request(withWindow('/api/pairs', window, new URLSearchParams({ a, b })));
}

export function getExamples(): Promise<ExampleQuery[]> {
  return request('/api/examples');
}

export function runQuery(
  cypher: string,
  params: Record<string, unknown>,
  limit?: number,
): Promise<QueryResult> {
  return request('/api/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cypher, params, ...(limit ? { limit } : {}) }),
  });
}

export interface ExportQuery {
  format: ExportFormat;
  from?: string | null;
  to?: string | null;
  leaders?: string[];
  states?: string[];
  hops?: number;
  themes?: string[];
  modes?: string[];
  minCalls?: number;
}

export function exportUrl(query: ExportQuery): string {
  const params = new URLSearchParams({ format: query.format });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.leaders?.length) params.set('leaders', query.leaders.join(','));
  if (query.states?.length) params.set('states', query.states.join(','));
  if (query.hops !== undefined && query.leaders?.length) params.set('hops', String(query.hops));
  if (query.themes?.length) params.set('themes', query.themes.join(','));
  if (query.modes?.length) params.set('modes', query.modes.join(','));
  if (query.minCalls && query.minCalls > 1) params.set('minCalls', String(query.minCalls));
  return `/api/export?${params}`;
}

/** Fetches an export and returns it with the file name from Content-Disposition. */
export async function fetchExport(query: ExportQuery): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(exportUrl(query));
  } catch (error) {
    throw new ApiError('NETWORK', `the hotline server did not answer (${String(error)})`, 0);
  }
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const fileName = match?.[1] ? decodeURIComponent(match[1]) : `hotline.${query.format}`;
  return { blob: await response.blob(), fileName };
}
