/**
 * The HTTP API and the built explorer. Bound to 127.0.0.1 unless told otherwise; when exposed,
 * every API call needs the token. No CORS: the explorer is served from the same origin.
 * Errors leave through one handler that maps HotlineError codes to statuses.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import { EXPORT_FORMAT_INFO, generateExport } from '@hotline/export';
import { type DateWindow, type ErrorCode, HotlineError, isHotlineError } from '@hotline/model';
import { EXAMPLE_QUERIES } from '@hotline/neo4j';
import Fastify, { type FastifyInstance } from 'fastify';
import { leaderView, pairView } from './details.ts';
import { csvZip, type ExportRequest, exportFileName, exportFormat, selectedGraph } from './exports.ts';
import type { GraphSource } from './source.ts';
import { createZip } from './zip.ts';

export interface ServerOptions {
  source: GraphSource;
  /** Folder of the built web app; the API alone is served when absent. */
  webRoot?: string | null;
  /** Required on every /api call when set (always set when the host is not loopback). */
  token?: string | null;
  /** Request body limit in bytes. */
  bodyLimit?: number;
  logger?: boolean;
}

export const DEFAULT_SERVER_OPTIONS = { host: '127.0.0.1', port: 5174, bodyLimit: 256 * 1024 } as const;

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  NEO4J_UNAVAILABLE: 503,
  NEO4J_ERROR: 502,
  CYPHER_WRITE_REFUSED: 403,
  CYPHER_ERROR: 400,
  QUERY_TIMEOUT: 408,
  LIMIT_EXCEEDED: 413,
  UNAUTHORIZED: 401,
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(name: string, value: unknown): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `${name} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The `from`/`to` query parameters of a route, each checked like any date parameter. */
function dateWindowParams(query: { from?: string; to?: string }): DateWindow {
  return { from: dateParam('from', query.from), to: dateParam('to', query.to) };
}

function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { source } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_SERVER_OPTIONS.bodyLimit,
    // Never echo request headers (they may carry the token) into logs.
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  app.addHook('onRequest', async (request) => {
    if (!options.token || !request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const given = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!tokenMatches(options.token, given)) {
      throw new HotlineError(
        'UNAUTHORIZED',
        'this server needs a token: send Authorization: Bearer <HOTLINE_TOKEN>',
      );
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    if (isHotlineError(error)) {
      return reply.status(STATUS[error.code]).send({ error: { code: error.code, message: error.message } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send({ error: { code: 'LIMIT_EXCEEDED', message: 'request body too large' } });
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: 'INVALID_INPUT', message: (error as Error).message } });
    }
    app.log.error(error);
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'internal error; see the server log' } });
  });

  app.get('/api/health', async () => ({
    mode: source.mode,
    location: source.location,
    cypher: source.mode === 'neo4j',
  }));

  app.get<{ Querystring: { from?: string; to?: string } }>('/api/graph', async (request) =>
    source.graph(dateWindowParams(request.query)),
  );

  // Leader and pair panels read all of the leader's calls, then keep those in the window, so
  // a leader with no call in the window still has a panel (with the all-time count).
  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>(
    '/api/leaders/:id',
    async (request) => {
      const id = request.params.id;
      const window = dateWindowParams(request.query);
      const graph = await source.graph({ leaders: [id], withText: true });
      const view = leaderView(graph, id, window);
      if (!view) throw new HotlineError('NOT_FOUND', `no leader with id ${JSON.stringify(id)}`);
      return view;
    },
  );

  app.get<{ Querystring: { a?: string; b?: string; from?: string; to?: string } }>(
    '/api/pairs',
    async (request) => {
      const { a, b } = request.query;
      if (!a || !b)
        throw new HotlineError('INVALID_ARGUMENT', 'pairs: both a and b (leader ids) are required');
      const window = dateWindowParams(request.query);
      const graph = await source.graph({ leaders: [a], withText: true });
      return pairView(graph, a, b, window);
    },
  );

  app.get('/api/examples', async () => EXAMPLE_QUERIES);

  app.post<{ Body: { cypher?: unknown; params?: unknown; limit?: unknown } }>(
    '/api/query',
    async (request) => {
      const body = request.body ?? {};
      if (typeof body.cypher !== 'string')
        throw new HotlineError('INVALID_ARGUMENT', 'query: body.cypher must be a string');
      if (body.cypher.length > 20_000)
        throw new HotlineError('LIMIT_EXCEEDED', 'query: the Cypher text is over 20,000 characters');
      const params = body.params ?? {};
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw new HotlineError(
          'INVALID_ARGUMENT',
          'query: body.params must be an object of parameter values',
        );
      }
      const maxRows = typeof body.limit === 'number' && body.limit > 0 ? Math.min(body.limit, 5_000) : 1_000;
      return source.query(body.cypher, params as Record<string, unknown>, { maxRows, timeoutMs: 15_000 });
    },
  );

  app.get<{ Querystring: ExportRequest }>('/api/export', async (request, reply) => {
    const format = exportFormat(request.query.format);
    const graph = await selectedGraph(source, request.query);
    reply.header('content-disposition', `attachment; filename="${exportFileName(format)}"`);
    if (format === 'csv') {
      return reply.type('application/zip').send(createZip(csvZip(graph)));
    }
    reply.type(EXPORT_FORMAT_INFO[format].mediaType);
    return reply.send(Readable.from(generateExport(format, graph)));
  });

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, index: 'index.html' });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('hotline API is running; the web app is not built (run `pnpm build`).'),
    );
  }
  return app;
}
