/**
 * Cypher that recreates a subgraph in another Neo4j: batched, idempotent
 * `UNWIND … MERGE … SET += …` statements. Two forms from one source: `{statement,
 * parameters}` pairs for the driver, and a cypher-shell script where `$rows` is replaced by
 * the same rows written as an escaped Cypher list literal. Only labels and relationship types
 * from the model's fixed lists, and property names quoted as identifiers, enter statement
 * text; every value is a parameter or an escaped literal.
 */
import type { GraphData, GraphEdge, NodeLabel, PropertyValue } from '@hotline/model';
import { HotlineError, NODE_LABELS, RELATIONSHIP_TYPES } from '@hotline/model';
import { DATE_PROPERTIES, ID_PROPERTY, indexGraph, prepareGraph } from './internal/graph.ts';
import { isIsoDate, resolveExportOptions } from './options.ts';
import type { CypherStatement, ExportOptions } from './types.ts';

/** Relationship properties that tell parallel relationships of a type apart; MERGE matches on them. */
export const RELATIONSHIP_MERGE_KEYS: Readonly<Partial<Record<GraphEdge['type'], readonly string[]>>> =
  Object.freeze({
    CALLED: ['call'],
    LEADS: ['role', 'from'],
  });

const ROWS_PARAMETER = '$rows';

const KEYWORDS = new Set(
  (
    'all and as asc ascending by call case contains create delete desc descending detach distinct else end ends ' +
    'exists false foreach from in is limit match merge not null on optional or order remove return set skip starts ' +
    'then to true union unwind when where with xor yield'
  ).split(' '),
);

/** Map keys and property names: bare when a plain identifier, else in backticks. */
export function cypherName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A Cypher string literal: single quotes, backslash escapes, control characters as \uXXXX. */
export function cypherString(text: string): string {
  let out = "'";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === "'") out += "\\'";
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}'`;
}

/** Numbers become Floats, as the driver sends JS numbers, so both forms store the same type. */
function cypherNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return `${value}.0`;
  return String(value).replace('e+', 'e');
}

/** A Cypher literal for a parameter value; with `asDate`, YYYY-MM-DD strings become `date('…')`. */
export function cypherLiteral(value: unknown, asDate = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return cypherNumber(value);
  if (typeof value === 'string')
    return asDate && isIsoDate(value) ? `date(${cypherString(value)})` : cypherString(value);
  if (Array.isArray(value)) return `[${value.map((item) => cypherLiteral(item, asDate)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${cypherName(key)}: ${cypherLiteral(item, asDate)}`).join(', ')}}`;
  }
  throw new HotlineError(
    'INVALID_ARGUMENT',
    `cypher: cannot write ${typeof value} value as a Cypher literal`,
  );
}

interface Row {
  props: Record<string, PropertyValue>;
  dates: Record<string, string | string[]>;
}

interface NodeRow extends Row {
  key: string;
}

interface RelationshipRow extends Row {
  source: string;
  target: string;
}

/** Columns of a label or type that hold only YYYY-MM-DD values (or lists of them). */
function dateColumns(records: Array<Record<string, PropertyValue>>, enabled: boolean): Set<string> {
  const columns = new Set<string>();
  if (!enabled) return columns;
  for (const name of DATE_PROPERTIES) {
    let seen = false;
    const allDates = records.every((record) => {
      const value = record[name];
      if (value === null || value === undefined) return true;
      seen = true;
      return Array.isArray(value) ? value.every(isIsoDate) : isIsoDate(value);
    });
    if (seen && allDates) columns.add(name);
  }
  return columns;
}

function splitProperties(
  properties: Record<string, PropertyValue>,
  dates: Set<string>,
  skip?: string,
): Row['props'] {
  return Object.fromEntries(
    Object.entries(properties).filter(([name, value]) => value !== null && name !== skip && !dates.has(name)),
  );
}

function datesOf(properties: Record<string, PropertyValue>, dates: Set<string>): Row['dates'] {
  const out: Row['dates'] = {};
  for (const name of dates) {
    const value = properties[name];
    if (typeof value === 'string' || Array.isArray(value)) out[name] = value as string | string[];
  }
  return out;
}

function setDates(variable: string, dates: Set<string>, lists: Set<string>): string {
  if (dates.size === 0) return '';
  const assignments = [...dates].map((name) => {
    const source = `row.dates.${cypherName(name)}`;
    return lists.has(name)
      ? `${variable}.${cypherName(name)} = [d IN ${source} | date(d)]`
      : `${variable}.${cypherName(name)} = date(${source})`;
  });
  return `\nSET ${assignments.join(', ')}`;
}

function listColumns(records: Array<Record<string, PropertyValue>>, dates: Set<string>): Set<string> {
  return new Set([...dates].filter((name) => records.some((record) => Array.isArray(record[name]))));
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The export as driver statements, in order: constraints, nodes by label, relationships by type.
 *
 * @example
 * for (const { statement, parameters } of createCypherStatements(graph)) {
 *   await session.executeWrite((tx) => tx.run(statement, parameters));
 * }
 */
export function createCypherStatements(
  graph: GraphData,
  options: Partial<ExportOptions> = {},
): CypherStatement[] {
  const resolved = resolveExportOptions(options);
  const index = indexGraph(graph, 'cypher');
  const data = prepareGraph(graph, resolved.includeText);
  const statements: CypherStatement[] = [];
  const labelsPresent = NODE_LABELS.filter((label) => data.nodes.some((node) => node.label === label));

  if (resolved.constraints) {
    for (const label of labelsPresent) {
      statements.push({
        statement: `CREATE CONSTRAINT IF NOT EXISTS FOR (n:${label}) REQUIRE n.${cypherName(ID_PROPERTY[label])} IS UNIQUE`,
        parameters: {},
      });
    }
  }

  for (const label of labelsPresent) {
    const nodes = data.nodes.filter((node) => node.label === label);
    const records = nodes.map((node) => node.properties);
    const dates = dateColumns(records, resolved.neo4jDates);
    const lists = listColumns(records, dates);
    const key = ID_PROPERTY[label];
    const statement =
      `UNWIND ${ROWS_PARAMETER} AS row\nMERGE (n:${label} {${cypherName(key)}: row.key})\nSET n += row.props` +
      setDates('n', dates, lists);
    for (const batch of chunk(nodes, resolved.batchSize)) {
      const rows: NodeRow[] = batch.map((node) => ({
        key: node.id,
        props: splitProperties(node.properties, dates, key),
        dates: datesOf(node.properties, dates),
      }));
      statements.push({ statement, parameters: { rows } });
    }
  }

  const labelOf = (id: string): NodeLabel => index.nodes.get(id)?.label ?? 'Leader';
  for (const type of RELATIONSHIP_TYPES) {
    const edges = data.edges.filter((edge) => edge.type === type);
    if (edges.length === 0) continue;
    const records = edges.map((edge) => edge.properties);
    const dates = dateColumns(records, resolved.neo4jDates);
    const lists = listColumns(records, dates);
    const groups = new Map<string, { statement: string; edges: GraphEdge[] }>();
    for (const edge of edges) {
      const source = labelOf(edge.source);
      const target = labelOf(edge.target);
      const keys = (RELATIONSHIP_MERGE_KEYS[type] ?? []).filter(
        (name) => edge.properties[name] !== null && edge.properties[name] !== undefined,
      );
      const groupKey = `${source}|${target}|${keys.join(',')}`;
      let group = groups.get(groupKey);
      if (!group) {
        const pattern = keys
          .map((name) =>
            dates.has(name)
              ? `${cypherName(name)}: date(row.dates.${cypherName(name)})`
              : `${cypherName(name)}: row.props.${cypherName(name)}`,
          )
          .join(', ');
        const statement =
          `UNWIND ${ROWS_PARAMETER} AS row\n` +
          `MATCH (a:${source} {${cypherName(ID_PROPERTY[source])}: row.source})\n` +
          `MATCH (b:${target} {${cypherName(ID_PROPERTY[target])}: row.target})\n` +
          `MERGE (a)-[r:${type}${pattern ? ` {${pattern}}` : ''}]->(b)\nSET r += row.props` +
          setDates('r', dates, lists);
        group = { statement, edges: [] };
        groups.set(groupKey, group);
      }
      group.edges.push(edge);
    }
    for (const group of groups.values()) {
      for (const batch of chunk(group.edges, resolved.batchSize)) {
        const rows: RelationshipRow[] = batch.map((edge) => ({
          source: edge.source,
          target: edge.target,
          props: splitProperties(edge.properties, dates),
          dates: datesOf(edge.properties, dates),
        }));
        statements.push({ statement: group.statement, parameters: { rows } });
      }
    }
  }
  return statements;
}

/** A statement with its `$rows` replaced by the rows as a Cypher literal (dates as `date('…')`). */
export function inlineStatement({ statement, parameters }: CypherStatement): string {
  const rows = parameters.rows;
  if (rows === undefined) return `${statement};\n`;
  const literal = `[\n${(rows as Array<Record<string, unknown>>).map((row) => `  ${rowLiteral(row)}`).join(',\n')}\n]`;
  return `${statement.replace(ROWS_PARAMETER, () => literal)};\n`;
}

/** One row as a map literal; only the `dates` entry writes its strings as `date('…')`. */
function rowLiteral(row: Record<string, unknown>): string {
  const entries = Object.entries(row).map(
    ([key, value]) => `${cypherName(key)}: ${cypherLiteral(value, key === 'dates')}`,
  );
  return `{${entries.join(', ')}}`;
}

/**
 * Yields a cypher-shell script statement by statement: `cypher-shell -f export.cypher`.
 */
export function* generateCypherScript(
  graph: GraphData,
  options: Partial<ExportOptions> = {},
): Generator<string> {
  const statements = createCypherStatements(graph, options);
  yield '// hotline export: run with `cypher-shell -f <this file>` (or paste into Neo4j Browser).\n' +
    '// Every value below is an escaped Cypher literal; MERGE on ids makes a re-run a no-op.\n\n';
  for (const statement of statements) yield `${inlineStatement(statement)}\n`;
}

/** The cypher-shell script as one string. */
export function createCypherScript(graph: GraphData, options: Partial<ExportOptions> = {}): string {
  return [...generateCypherScript(graph, options)].join('');
}
