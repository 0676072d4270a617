/**
 * @hotline/ingest: readouts in, extracted leaders, states, topics and dated calls out.
 */

// Evaluation
export { evaluate, formatEvalReport, readGold, sameParticipant } from './eval.ts';
// Extraction
export { extractReadout } from './extract.ts';
export { htmlToText } from './html.ts';
// Knowledge
export {
  applyOverlay,
  createKnowledge,
  DEFAULT_DATA_DIR,
  type Knowledge,
  type KnowledgeData,
  loadKnowledge,
  parseLeaders,
  parseThemes,
} from './knowledge.ts';
// Readers
export { DEFAULT_MAX_BYTES, decodeText, isInputFailure, readInputs } from './read-inputs.ts';
export type {
  EvalCounts,
  EvalDocument,
  EvalReport,
  ExtractOptions,
  GazetteerPerson,
  GoldCall,
  GoldDocument,
  GoldParticipant,
  InputFailure,
  LoadKnowledgeOptions,
  Office,
  Organization,
  Polity,
  ReadInputsOptions,
  ReadoutInput,
  ThemeDefinition,
} from './types.ts';
