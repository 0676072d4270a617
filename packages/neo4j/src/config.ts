/**
 * Connection settings, read once from the environment. The defaults match the local server
 * that scripts/neo4j/neo4j.sh starts; NEO4J_URI points hotline at any other Neo4j 5.
 */

export interface ConnectionConfig {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export const DEFAULT_PASSWORD = 'hotline-dev-password';

export function resolveConnectionConfig(env: NodeJS.ProcessEnv = process.env): ConnectionConfig {
  const port = env.NEO4J_BOLT_PORT ?? '7687';
  return {
    uri: env.NEO4J_URI || `bolt://127.0.0.1:${port}`,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD || DEFAULT_PASSWORD,
    database: env.NEO4J_DATABASE || undefined,
  };
}

/** True when the user pointed hotline at a server of their own. */
export function isRemoteServer(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NEO4J_URI);
}
