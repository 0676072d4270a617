/**
 * Where the server's graph comes from: a Neo4j server, or the graph file that
 * `hotline build` writes (embedded mode, when no Neo4j is reachable). Both answer the same
 * questions; only Neo4j runs Cypher.
 */
import { readFile } from 'node:fs/promises';
import { type GraphData, HotlineError } from '@hotline/model';
import {
  fetchGraph,
  type GraphClient,
  type QueryOptions,
  type QueryResult,
  runReadQuery,
} from '@hotline/neo4j';
import { inWindow } from './window.ts';

export interface GraphWindowQuery {
  from?: string | null;
  to?: string | null;
  /** Only calls in which one of these leaders took part. */
  leaders?: string[] | null;
}

export interface GraphSource {
  readonly mode: 'neo4j' | 'embedded';
  /** Where the data lives, for display: a bolt URI (never credentials) or a file path. */
  readonly location: string;
  graph(window: GraphWindowQuery & { withText?: boolean }): Promise<GraphData>;
  query(
    cypher: string,
    params: Record<string, unknown>,
    options: Partial<QueryOptions>,
  ): Promise<QueryResult>;
  close(): Promise<void>;
}

export function createNeo4jSource(client: GraphClient): GraphSource {
  const uri = client.config.uri.replace(/\/\/[^@/]*@/, '//');
  return {
    mode: 'neo4j',
    location: uri,
    graph: (window) =>
      fetchGraph(client, {
        from: window.from,
        to: window.to,
        leaders: window.leaders,
        skipReadouts: false,
        includeText: window.withText,
      }),
    query: (cypher, params, options) => runReadQuery(client, cypher, params, options),
    close: () => client.close(),
  };
}

export const EMBEDDED_QUERY_HINT =
  'Cypher needs Neo4j: run `pnpm neo4j start` (or set NEO4J_URI to your server), then `pnpm hotline ingest data/samples` and restart `pnpm hotline serve`.';

export async function createFileSource(path: string): Promise<GraphSource> {
  let graph: GraphData;
  try {
    graph = JSON.parse(await readFile(path, 'utf8')) as GraphData;
  } catch (error) {
    throw new HotlineError(
      'NOT_FOUND',
      `graph file ${path} could not be read: run 'pnpm hotline build' first`,
      { cause: error },
    );
  }
  if (!Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new HotlineError(
      'INVALID_INPUT',
      `graph file ${path} is not a hotline graph (no nodes/edges arrays)`,
    );
  }
  return {
    mode: 'embedded',
    location: path,
    async graph(window) {
      return windowed(graph, window);
    },
    async query() {
      throw new HotlineError(
        'NEO4J_UNAVAILABLE',
        `This explorer runs in embedded mode on ${path}. ${EMBEDDED_QUERY_HINT}`,
      );
    },
    async close() {},
  };
}

/** Keeps calls (and their CALLED edges) inside the window; everything else stays. */
export function windowed(graph: GraphData, window: GraphWindowQuery & { withText?: boolean }): GraphData {
  if (!window.from && !window.to && !window.leaders && window.withText) return graph;
  const focus = window.leaders ? new Set(window.leaders) : null;
  const involved = new Set<string>();
  if (focus) {
    for (const e of graph.edges) if (e.type === 'TOOK_PART' && focus.has(e.source)) involved.add(e.target);
  }
  const dropped = new Set(
    graph.nodes
      .filter(
        (n) =>
          n.label === 'Call' &&
          (!inWindow(n.properties.date, window) || (focus !== null && !involved.has(n.id))),
      )
      .map((n) => n.id),
  );
  const nodes = graph.nodes
    .filter((n) => !dropped.has(n.id))
    .map((n) => {
      if (n.label !== 'Readout' || window.withText || !('text' in n.properties)) return n;
      const { text: _text, ...properties } = n.properties;
      return { ...n, properties };
    });
  const edges = graph.edges.filter(
    (e) =>
      !dropped.has(e.source) &&
      !dropped.has(e.target) &&
      !(e.type === 'CALLED' && dropped.has(String(e.properties.call))),
  );
  return { nodes, edges };
}
