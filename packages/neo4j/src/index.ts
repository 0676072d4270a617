export { countGraph, type GraphCounts, resetGraph } from './admin.ts';
export { createClient, type GraphClient, type TransactionConfig } from './client.ts';
export {
  type ConnectionConfig,
  DEFAULT_PASSWORD,
  isRemoteServer,
  resolveConnectionConfig,
} from './config.ts';
export { EXAMPLE_QUERIES, type ExampleQuery, findExample } from './examples.ts';
export { fetchGraph, type GraphWindow } from './graph.ts';
export { ALLOWED_PROCEDURES, assertReadOnlyCypher } from './guard.ts';
export {
  DEFAULT_LOAD_OPTIONS,
  type LoadContext,
  type LoadOptions,
  type LoadProgress,
  type LoadSummary,
  loadExtractions,
  readoutFingerprint,
  readoutSourceKey,
} from './load.ts';
export { DEFAULT_QUERY_OPTIONS, type QueryOptions, type QueryResult, runReadQuery } from './query.ts';
export { queryResultToGraph } from './result-graph.ts';
export { ensureSchema, SCHEMA_STATEMENTS } from './schema.ts';
export {
  formatPlain,
  type PlainNode,
  type PlainPath,
  type PlainRelationship,
  type PlainValue,
  toPlain,
} from './values.ts';
