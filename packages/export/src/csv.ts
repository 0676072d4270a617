/**
 * CSV for `neo4j-admin database import full`: one node file per label and one relationship
 * file per type, with typed headers (`id:ID`, `verified:boolean`, `date:date`,
 * `aliases:string[]`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`) and the command that loads
 * them. All nodes share one ID space, since GraphData ids are globally unique.
 */
import type { GraphData, GraphEdge, GraphNode, NodeLabel, RelationshipType } from '@hotline/model';
import { HotlineError, NODE_LABELS, RELATIONSHIP_TYPES } from '@hotline/model';
import type { Column } from './internal/columns.ts';
import { coerceValue, inferColumns } from './internal/columns.ts';
import { DATE_PROPERTIES, ID_PROPERTY, indexGraph, prepareGraph } from './internal/graph.ts';
import { isIsoDate, resolveExportOptions } from './options.ts';
import type { CsvExport, ExportOptions } from './types.ts';

/** Array delimiters tried in turn; the first one no array item contains is used. */
const ARRAY_DELIMITERS = [';', '|', '^', '~'] as const;

interface CsvColumn extends Column {
  date: boolean;
}

export function nodeFileName(label: NodeLabel): string {
  return `nodes-${label}.csv`;
}

export function relationshipFileName(type: RelationshipType): string {
  return `relationships-${type}.csv`;
}

/**
 * Builds the CSV files and the import command.
 *
 * @example
 * const { files, command } = createCsvExport(graph);
 * // files['nodes-Leader.csv'] starts with "id:ID,name,aliases:string[],verified:boolean,…"
 */
export function createCsvExport(graph: GraphData, options: Partial<ExportOptions> = {}): CsvExport {
  const resolved = resolveExportOptions(options);
  indexGraph(graph, 'csv');
  const data = prepareGraph(graph, resolved.includeText);
  const delimiter = chooseArrayDelimiter(data);
  const files: Record<string, string> = {};
  const nodeFiles: string[] = [];
  const relationshipFiles: string[] = [];
  let multiline = false;
  const render = (value: unknown, column: CsvColumn): string => {
    const field = csvField(value, column, delimiter);
    if (/[\r\n]/.test(field)) multiline = true;
    return field;
  };

  for (const label of NODE_LABELS) {
    const nodes = data.nodes.filter((node) => node.label === label);
    if (nodes.length === 0) continue;
    const idProperty = ID_PROPERTY[label];
    const columns = csvColumns(
      nodes.map((node) => node.properties),
      new Set([idProperty]),
      resolved.neo4jDates,
    );
    const header = [`${headerName(idProperty)}:ID`, ...columns.map(headerFor), ':LABEL'];
    const rows = nodes.map((node: GraphNode) =>
      [quote(node.id), ...columns.map((column) => render(node.properties[column.name], column)), label].join(
        ',',
      ),
    );
    const name = nodeFileName(label);
    files[name] = `${header.join(',')}\n${rows.map((row) => `${row}\n`).join('')}`;
    nodeFiles.push(name);
  }
  for (const type of RELATIONSHIP_TYPES) {
    const edges = data.edges.filter((edge) => edge.type === type);
    if (edges.length === 0) continue;
    const columns = csvColumns(
      edges.map((edge) => edge.properties),
      new Set(),
      resolved.neo4jDates,
    );
    const header = [':START_ID', ':END_ID', ':TYPE', ...columns.map(headerFor)];
    const rows = edges.map((edge: GraphEdge) =>
      [
        quote(edge.source),
        quote(edge.target),
        type,
        ...columns.map((column) => render(edge.properties[column.name], column)),
      ].join(','),
    );
    const name = relationshipFileName(type);
    files[name] = `${header.join(',')}\n${rows.map((row) => `${row}\n`).join('')}`;
    relationshipFiles.push(name);
  }

  // The database goes first: --nodes and --relationships take several values each, so a
  // trailing name would be read as one more file (checked with neo4j-admin 5.26).
  const command = [
    'neo4j-admin database import full',
    resolved.database,
    '--overwrite-destination',
    `--array-delimiter=${shellQuote(delimiter)}`,
    ...(multiline ? ['--multiline-fields=true'] : []),
    ...nodeFiles.map((file) => `--nodes=${file}`),
    ...relationshipFiles.map((file) => `--relationships=${file}`),
  ].join(' ');
  const labels = NODE_LABELS.filter((label) => nodeFiles.includes(nodeFileName(label)));
  files['README.txt'] = readme(command, [...nodeFiles, ...relationshipFiles], resolved.database, labels);
  return { files, command };
}

function csvColumns(records: GraphNode['properties'][], skip: Set<string>, neo4jDates: boolean): CsvColumn[] {
  return inferColumns(records, skip).map((column) => ({
    ...column,
    date:
      neo4jDates &&
      column.kind === 'string' &&
      DATE_PROPERTIES.has(column.name) &&
      records.every((record) => {
        const value = record[column.name];
        const items = Array.isArray(value) ? value : [value];
        return items.every((item) => item === null || item === undefined || isIsoDate(item));
      }),
  }));
}

/** neo4j-admin reads `name:type`; a name holding `:` or `,` would break the header, so it is quoted. */
function headerName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quote(name);
}

function headerFor(column: CsvColumn): string {
  const base = column.date
    ? 'date'
    : { string: 'string', boolean: 'boolean', int: 'long', long: 'long', double: 'double' }[column.kind];
  if (column.list) return `${headerName(column.name)}:${base}[]`;
  return base === 'string' ? headerName(column.name) : `${headerName(column.name)}:${base}`;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function csvField(value: unknown, column: CsvColumn, delimiter: string): string {
  const coerced = coerceValue(value, column);
  if (coerced === null) return '';
  if (Array.isArray(coerced)) {
    if (coerced.length === 0) return '';
    const joined = coerced.map(String).join(delimiter);
    return column.kind === 'string' && !column.date ? quote(joined) : joined;
  }
  if (typeof coerced === 'number') return Number.isFinite(coerced) ? String(coerced) : '';
  if (typeof coerced === 'boolean' || column.date) return String(coerced);
  return quote(coerced);
}

function chooseArrayDelimiter(data: GraphData): string {
  const items = new Set<string>();
  for (const element of [...data.nodes, ...data.edges]) {
    for (const value of Object.values(element.properties)) {
      if (Array.isArray(value)) for (const item of value) items.add(String(item));
    }
  }
  const delimiter = ARRAY_DELIMITERS.find(
    (candidate) => ![...items].some((item) => item.includes(candidate)),
  );
  if (!delimiter) {
    throw new HotlineError(
      'INVALID_ARGUMENT',
      `csv: every array delimiter (${ARRAY_DELIMITERS.join(' ')}) occurs in some list value; clean the list values`,
    );
  }
  return delimiter;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function readme(command: string, files: string[], database: string, labels: NodeLabel[]): string {
  const constraints = labels.map(
    (label) =>
      `  CREATE CONSTRAINT IF NOT EXISTS FOR (n:${label}) REQUIRE n.${ID_PROPERTY[label]} IS UNIQUE;`,
  );
  return `hotline export for neo4j-admin
==============================

Files
${files.map((file) => `  ${file}`).join('\n')}

Import (Neo4j 5), from this directory, with the database "${database}" stopped:

  ${command}

--overwrite-destination replaces the database's current contents. Leave it out to import into
a database that does not exist yet. Then start the database (or, on Enterprise, run
CREATE DATABASE ${database} if it is new) and create the uniqueness constraints hotline uses:

${constraints.join('\n')}

Header conventions: "id:ID" names the id column (one ID space for all nodes), ":LABEL" and
":TYPE" carry labels and relationship types, typed columns read "name:type" (boolean, long,
double, date) and lists "name:type[]" split on the array delimiter. An empty field means
"no property"; an empty list is written as no property.
`;
}
