export {
  buildGraphData,
  calledPairs,
  datesClose,
  type GraphContext,
  leaderProperties,
  pickCall,
  polityNode,
  sortedUnique,
} from './build.ts';
export { ERROR_CODES, type ErrorCode, HotlineError, isHotlineError } from './errors.ts';
export type {
  CallRecord,
  GraphData,
  GraphEdge,
  GraphNode,
  NodeLabel,
  Properties,
  PropertyValue,
  RelationshipType,
} from './graph.ts';
export { edgeId, NODE_LABELS, RELATIONSHIP_TYPES } from './graph.ts';
export { callId, readoutId, slugify, subjectTopicId, themeTopicId } from './ids.ts';
export type {
  CallMode,
  ExtractedCall,
  Extraction,
  MentionedLeader,
  Office,
  Participant,
  Polity,
  ReadoutMeta,
  Span,
} from './types.ts';
export { CALL_MODES } from './types.ts';
export type {
  CallView,
  DateWindow,
  EvidenceView,
  Health,
  LeaderView,
  PairView,
  ReadoutView,
} from './views.ts';
