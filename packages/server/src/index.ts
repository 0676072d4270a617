export { createServer, DEFAULT_SERVER_OPTIONS, type ServerOptions } from './app.ts';
export { type CallView, type LeaderView, leaderView, pairCallViews, pairView } from './details.ts';
export { type ExportRequest, selectedGraph, selectionFromRequest } from './exports.ts';
export { createFileSource, createNeo4jSource, EMBEDDED_QUERY_HINT, type GraphSource } from './source.ts';
