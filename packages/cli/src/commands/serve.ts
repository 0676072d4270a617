/** `hotline serve`: the explorer and its API, over Neo4j or the embedded graph file. */
import { existsSync } from 'node:fs';
import { HotlineError } from '@hotline/model';
import {
  createFileSource,
  createNeo4jSource,
  createServer,
  DEFAULT_SERVER_OPTIONS,
  type GraphSource,
} from '@hotline/server';
import { Command } from 'commander';
import { connectNeo4j } from '../context.ts';
import { errorLine } from '../output.ts';
import { DEFAULT_GRAPH_FILE, WEB_DIST } from '../paths.ts';

export interface ServeOptions {
  host: string;
  port: number;
  embedded?: boolean;
  graphFile: string;
  /** The caller has already said which mode it runs in. */
  quiet?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Neo4j when reachable (or forced), else the graph file; says which in one line. */
export async function openSource(options: {
  embedded?: boolean;
  graphFile: string;
  quiet?: boolean;
}): Promise<GraphSource> {
  if (!options.embedded) {
    try {
      return createNeo4jSource(await connectNeo4j());
    } catch (error) {
      if (!existsSync(options.graphFile)) throw error;
      process.stderr.write(`hotline: ${errorLine(error)}\n`);
    }
  }
  if (!options.quiet)
    process.stderr.write(`hotline: embedded mode: using ${options.graphFile} without Neo4j (no Cypher)\n`);
  return createFileSource(options.graphFile);
}

export async function serve(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const exposed = !LOOPBACK.has(options.host);
  const token = process.env.HOTLINE_TOKEN || null;
  if (exposed && !token) {
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `--host ${options.host} exposes the API beyond this machine: set HOTLINE_TOKEN to a secret first`,
    );
  }
  const source = await openSource(options);
  const app = await createServer({ source, webRoot: WEB_DIST, token });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    async close() {
      await app.close();
      await source.close();
    },
  };
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new HotlineError('INVALID_ARGUMENT', `--port must be a number from 0 to 65535, got ${value}`);
  }
  return port;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the explorer and its HTTP API (127.0.0.1 by default)')
    .option(
      '--host <host>',
      'interface to bind; anything but loopback needs HOTLINE_TOKEN',
      DEFAULT_SERVER_OPTIONS.host,
    )
    .option('--port <port>', 'port (0 picks a free one)', String(DEFAULT_SERVER_OPTIONS.port))
    .option('--embedded', 'serve the graph file even if Neo4j is reachable')
    .option('--graph-file <file>', 'graph file for embedded mode', DEFAULT_GRAPH_FILE)
    .action(async (options: { host: string; port: string; embedded?: boolean; graphFile: string }) => {
      if (!existsSync(WEB_DIST))
        process.stderr.write('hotline: the web app is not built yet: run `pnpm build`\n');
      const server = await serve({ ...options, port: parsePort(options.port) });
      process.stdout.write(`hotline explorer: ${server.url}\n`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
