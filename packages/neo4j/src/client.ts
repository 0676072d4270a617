/**
 * The one module that owns the driver. Every other module reads and writes through
 * `read(work)` / `write(work)`, which run managed transactions (retried by the driver on
 * transient errors) and always close their session.
 */
import { HotlineError } from '@hotline/model';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

/** Per-transaction settings: the timeout is enforced by the server, which cancels the work. */
export interface TransactionConfig {
  timeout?: number;
  metadata?: Record<string, unknown>;
}

import type { ConnectionConfig } from './config.ts';

export interface GraphClient {
  readonly config: ConnectionConfig;
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, txConfig?: TransactionConfig): Promise<T>;
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, txConfig?: TransactionConfig): Promise<T>;
  /** Fails with NEO4J_UNAVAILABLE and one clear line when the server cannot be reached. */
  verify(): Promise<void>;
  close(): Promise<void>;
}

export function createClient(config: ConnectionConfig): GraphClient {
  const driver: Driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: false,
    maxTransactionRetryTime: 15_000,
    connectionAcquisitionTimeout: 20_000,
    logging: { level: 'error', logger: () => {} },
  });

  const sessionFor = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database: config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });

  return {
    config,
    async read(work, txConfig) {
      const session = sessionFor('READ');
      try {
        return await session.executeRead(work, txConfig);
      } catch (error) {
        throw wrapDriverError(error, config);
      } finally {
        await session.close();
      }
    },
    async write(work, txConfig) {
      const session = sessionFor('WRITE');
      try {
        return await session.executeWrite(work, txConfig);
      } catch (error) {
        throw wrapDriverError(error, config);
      } finally {
        await session.close();
      }
    },
    async verify() {
      try {
        await driver.getServerInfo({ database: config.database });
      } catch (error) {
        throw wrapDriverError(error, config);
      }
    },
    async close() {
      await driver.close();
    },
  };
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'ECONNREFUSED']);

/** Maps driver errors to HotlineError codes, keeping the original as `cause`. */
export function wrapDriverError(error: unknown, config: ConnectionConfig): unknown {
  if (error instanceof HotlineError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (UNAVAILABLE_CODES.has(code) || /ECONNREFUSED|Could not perform discovery|connect ECONN/.test(message)) {
    return new HotlineError(
      'NEO4J_UNAVAILABLE',
      `Neo4j is not reachable at ${config.uri}: start it with 'pnpm neo4j start' or set NEO4J_URI`,
      { cause: error },
    );
  }
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code.startsWith('Neo.ClientError.Security.Authentication')
  ) {
    return new HotlineError(
      'NEO4J_UNAVAILABLE',
      `Neo4j at ${config.uri} refused user '${config.user}': check NEO4J_USER and NEO4J_PASSWORD`,
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code.includes('TransactionTimedOut')) {
    return new HotlineError(
      'QUERY_TIMEOUT',
      'the query ran past its time limit and was cancelled on the server',
      {
        cause: error,
      },
    );
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    return new HotlineError('CYPHER_ERROR', `Cypher syntax error: ${firstLine(message)}`, { cause: error });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || /read access mode/i.test(message)) {
    return new HotlineError(
      'CYPHER_WRITE_REFUSED',
      'the query tries to write; only read queries are allowed',
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('Neo.ClientError')) {
    return new HotlineError(
      'CYPHER_ERROR',
      `${code.replace('Neo.ClientError.', '')}: ${firstLine(message)}`,
      {
        cause: error,
      },
    );
  }
  return new HotlineError('NEO4J_ERROR', `Neo4j error ${code || ''}: ${firstLine(message)}`.trim(), {
    cause: error,
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
