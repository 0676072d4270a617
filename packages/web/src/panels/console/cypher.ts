/**
 * A small Cypher mode for CodeMirror 6 (StreamLanguage): keywords, functions, labels and
 * relationship types after ':', parameters, strings, numbers and comments; plus completion of
 * keywords, the graph's labels, relationship types and property keys.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { StreamLanguage, type StreamParser } from '@codemirror/language';

export const CYPHER_KEYWORDS = [
  'MATCH',
  'OPTIONAL',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'ASCENDING',
  'DESCENDING',
  'SKIP',
  'LIMIT',
  'DISTINCT',
  'AS',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IN',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CALL',
  'YIELD',
  'UNION',
  'ALL',
  'EXISTS',
  'CONTAINS',
  'STARTS',
  'ENDS',
  'COUNT',
  'COLLECT',
  'SHORTEST',
  'ANY',
  'NONE',
  'SINGLE',
  'CREATE',
  'MERGE',
  'DELETE',
  'DETACH',
  'SET',
  'REMOVE',
  'FOREACH',
  'ON',
  'EXPLAIN',
  'PROFILE',
];

export const CYPHER_FUNCTIONS = [
  'count',
  'collect',
  'sum',
  'avg',
  'min',
  'max',
  'size',
  'length',
  'nodes',
  'relationships',
  'labels',
  'type',
  'id',
  'elementId',
  'keys',
  'properties',
  'coalesce',
  'head',
  'last',
  'tail',
  'range',
  'toLower',
  'toUpper',
  'toString',
  'toInteger',
  'toFloat',
  'trim',
  'split',
  'substring',
  'replace',
  'left',
  'right',
  'date',
  'datetime',
  'duration',
  'shortestPath',
  'allShortestPaths',
  'startNode',
  'endNode',
  'exists',
  'reverse',
  'round',
  'abs',
  'valueType',
];

const KEYWORD_SET = new Set(CYPHER_KEYWORDS.map((k) => k.toLowerCase()));
const FUNCTION_SET = new Set(CYPHER_FUNCTIONS.map((k) => k.toLowerCase()));

interface CypherState {
  afterColon: boolean;
}

const parser: StreamParser<CypherState> = {
  name: 'cypher',
  startState: () => ({ afterColon: false }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return 'string';
    if (stream.match(/^`[^`]*`?/)) {
      const wasLabel = state.afterColon;
      state.afterColon = false;
      return wasLabel ? 'typeName' : 'variableName';
    }
    if (stream.match(/^\$[A-Za-z_][\w]*/)) return 'variableName.special';
    if (stream.match(/^-?\d+(\.\d+)?([eE][-+]?\d+)?/)) return 'number';
    if (stream.eat(':')) {
      state.afterColon = true;
      return 'punctuation';
    }
    const word = stream.match(/^[A-Za-z_][\w]*/) as RegExpMatchArray | null;
    if (word) {
      const text = word[0];
      if (state.afterColon) {
        state.afterColon = false;
        return 'typeName';
      }
      const lower = text.toLowerCase();
      if (stream.peek() === '(' && FUNCTION_SET.has(lower)) return 'variableName.function';
      if (KEYWORD_SET.has(lower))
        return lower === 'true' || lower === 'false' || lower === 'null' ? 'atom' : 'keyword';
      return 'variableName';
    }
    state.afterColon = false;
    if (stream.match(/^(<-|->|-|<|>|=|\+|\*|\/|%|\.\.|\.)/)) return 'operator';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '//' } },
};

export const cypherLanguage = StreamLanguage.define(parser);

export interface CypherVocabulary {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export function cypherCompletion(vocabulary: CypherVocabulary) {
  const keywords: Completion[] = CYPHER_KEYWORDS.map((k) => ({ label: k, type: 'keyword' }));
  const functions: Completion[] = CYPHER_FUNCTIONS.map((f) => ({
    label: f,
    type: 'function',
    apply: `${f}(`,
  }));
  const labels: Completion[] = vocabulary.labels.map((l) => ({ label: l, type: 'class', detail: 'label' }));
  const types: Completion[] = vocabulary.relationshipTypes.map((t) => ({
    label: t,
    type: 'type',
    detail: 'relationship',
  }));
  const properties: Completion[] = vocabulary.propertyKeys.map((p) => ({ label: p, type: 'property' }));
  return (context: CompletionContext): CompletionResult | null => {
    const afterColon = context.matchBefore(/:\s*`?[\w]*$/);
    if (afterColon) {
      const before = context.state.sliceDoc(Math.max(0, afterColon.from - 40), afterColon.from);
      const inRelationship = before.lastIndexOf('[') > before.lastIndexOf('(');
      const start = afterColon.from + afterColon.text.search(/[\w`]|$/);
      return {
        from: start,
        options: inRelationship ? [...types, ...labels] : [...labels, ...types],
        validFor: /^`?\w*$/,
      };
    }
    const afterDot = context.matchBefore(/\.\w*$/);
    if (afterDot) return { from: afterDot.from + 1, options: properties, validFor: /^\w*$/ };
    const word = context.matchBefore(/\w+$/);
    if (!word && !context.explicit) return null;
    return { from: word?.from ?? context.pos, options: [...keywords, ...functions], validFor: /^\w*$/ };
  };
}
