/**
 * @hotline/export: subgraph selection and pure writers from a GraphData to GEXF, GraphML,
 * graphology JSON, neo4j-admin CSV, Cypher, JSON Lines and PLOVER. Node and edge ids are the
 * GraphData ids in every format. See docs/exports.md.
 */

// Format by format
export { createCsvExport } from './csv.ts';
export { createCypherScript, createCypherStatements } from './cypher.ts';
export { createGexf } from './gexf.ts';
export { createGraphml } from './graphml.ts';
export type { ExportEdgeAttributes, ExportGraph, ExportNodeAttributes } from './graphology.ts';
export { createGraphologyJson, toGraphology } from './graphology.ts';
// Options
export type { ResolvedSelection } from './options.ts';
export {
  DEFAULT_EXPORT_OPTIONS,
  DEFAULT_SELECTION,
  isExportFormat,
  resolveExportFormat,
  resolveExportOptions,
  resolveSelection,
} from './options.ts';
export { createPloverEvents, ploverContexts, ploverMode } from './plover.ts';
export { DEFAULT_PLOVER_CONTEXTS } from './plover-contexts.ts';
// Selection and records
export { callRecords } from './records.ts';
export { selectSubgraph } from './select.ts';
export type {
  CsvExport,
  CypherStatement,
  ExportFormat,
  ExportOptions,
  PloverConsultMode,
  PloverEvent,
  Selection,
} from './types.ts';
export { EXPORT_FORMATS } from './types.ts';
// Any format
export type { ExportFormatInfo } from './write.ts';
export {
  createExport,
  EXPORT_FORMAT_INFO,
  generateExport,
  writeCsvExport,
  writeExport,
  writeExportFile,
} from './write.ts';
