/**
 * GEXF 1.3 through graphology-gexf, for Gephi and Gephi Lite. The library writes typed
 * attributes, labels and viz colours but no time: we add `mode="dynamic" timeformat="date"`
 * on <graph> and `start`/`end` (both the call date) on CALLED edges and Call nodes, so Gephi's
 * timeline can play the calls. We also re-quote list items the library would split on commas.
 * The graph is built in memory (graphology), so this writer is not incremental.
 */
import type { GraphData, NodeLabel } from '@hotline/model';
import { write } from 'graphology-gexf';
import type { ExportEdgeAttributes, ExportNodeAttributes } from './graphology.ts';
import { toGraphology } from './graphology.ts';
import type { Column } from './internal/columns.ts';
import { coerceValue, inferColumns } from './internal/columns.ts';
import { stripInvalidXml } from './internal/xml.ts';
import { isIsoDate, resolveExportOptions } from './options.ts';
import type { ExportOptions } from './types.ts';

/**
 * Node colours by label (Tableau 10). Written as `<viz:color r g b>` rather than GEXF 1.3's
 * `hex`, which NetworkX's reader does not know.
 */
export const NODE_COLORS: Readonly<Record<NodeLabel, string>> = Object.freeze({
  Leader: '#e15759',
  State: '#4e79a7',
  Organization: '#76b7b2',
  Topic: '#f28e2b',
  Call: '#59a14f',
  Readout: '#9c755f',
});

type Attributes = Record<string, unknown>;

interface ElementPatch {
  /** Day the element exists on (Gephi timeline), or null. */
  date: string | null;
  /** List attributes graphology-gexf would write ambiguously, by name. */
  lists: Map<string, string[]>;
}

/** Writes `graph` as a GEXF 1.3 document (see `ExportOptions` for `includeText` and `pretty`). */
export function createGexf(graph: GraphData, options: Partial<ExportOptions> = {}): string {
  const { pretty } = resolveExportOptions(options);
  const g = toGraphology(graph, options);
  const nodeColumns = inferColumns(iterateAttributes(g, 'node', nodeAttributes));
  const edgeColumns = inferColumns(iterateAttributes(g, 'edge', edgeAttributes));
  const nodePatches: ElementPatch[] = [];
  const edgePatches: ElementPatch[] = [];

  const xml = write<ExportNodeAttributes, ExportEdgeAttributes>(g, {
    version: '1.3',
    pretty,
    formatNode: (key, attributes) => {
      const formatted = format(nodeAttributes(key, attributes), nodeColumns);
      nodePatches.push({
        date: attributes.nodeType === 'Call' ? dateOf(attributes.date) : null,
        lists: formatted.lists,
      });
      return {
        label: stripInvalidXml(attributes.label),
        attributes: formatted.attributes,
        viz: { color: toRgb(NODE_COLORS[attributes.nodeType]) },
      };
    },
    formatEdge: (_key, attributes) => {
      const formatted = format(edgeAttributes(_key, attributes), edgeColumns);
      edgePatches.push({
        date: attributes.type === 'CALLED' ? dateOf(attributes.date) : null,
        lists: formatted.lists,
      });
      return { kind: attributes.type, attributes: formatted.attributes };
    },
  });
  return patchGexf(xml, nodePatches, edgePatches);
}

/** What a node carries as GEXF attvalues: everything but the label and the id (the element id). */
function nodeAttributes(key: string, attributes: ExportNodeAttributes): Attributes {
  const { label: _label, ...rest } = attributes;
  if (rest.id === key) delete rest.id;
  return rest;
}

/** Edges carry their relationship type as the GEXF edge `kind`. */
function edgeAttributes(_key: string, attributes: ExportEdgeAttributes): Attributes {
  const { type: _type, ...rest } = attributes;
  return rest;
}

function* iterateAttributes<A>(
  g: ReturnType<typeof toGraphology>,
  what: 'node' | 'edge',
  pick: (key: string, attributes: A) => Attributes,
): Iterable<Attributes> {
  if (what === 'node') for (const { node, attributes } of g.nodeEntries()) yield pick(node, attributes as A);
  else for (const { edge, attributes } of g.edgeEntries()) yield pick(edge, attributes as A);
}

function format(
  attributes: Attributes,
  columns: Column[],
): { attributes: Attributes; lists: Map<string, string[]> } {
  const out: Attributes = {};
  const lists = new Map<string, string[]>();
  for (const column of columns) {
    if (!(column.name in attributes)) continue;
    let value = coerceValue(attributes[column.name], column);
    if (typeof value === 'string') value = stripInvalidXml(value);
    if (Array.isArray(value) && column.kind === 'string') {
      const items = (value as string[]).map(stripInvalidXml);
      value = items;
      if (items.some(isAmbiguousListItem)) lists.set(column.name, items);
    }
    out[column.name] = value;
  }
  return { attributes: out, lists };
}

/** `#e15759` → `rgb(225,87,89)`, the form graphology-gexf writes as r/g/b attributes. */
export function toRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
}

function dateOf(value: unknown): string | null {
  return isIsoDate(value) ? value : null;
}

/** graphology-gexf writes `[a, b]` and quotes an item only if it holds a quote; these read back wrong. */
function isAmbiguousListItem(item: string): boolean {
  return item === '' || /[,\\\r\n\t]/.test(item) || /^\s/.test(item);
}

function quoteListItem(item: string): string {
  return `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** The attribute escaping xml-writer applies, so patched values read back like its own. */
function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/**
 * Adds the time attributes and fixes ambiguous lists. Elements appear in the output in the
 * order the formatters saw them, and `<node `/`<edge ` cannot occur inside escaped values, so
 * the n-th element start belongs to the n-th patch.
 */
function patchGexf(xml: string, nodePatches: ElementPatch[], edgePatches: ElementPatch[]): string {
  const dynamic = [...nodePatches, ...edgePatches].some((patch) => patch.date !== null);
  let out = dynamic ? xml.replace('<graph ', '<graph mode="dynamic" timeformat="date" ') : xml;
  if (!dynamic && ![...nodePatches, ...edgePatches].some((patch) => patch.lists.size > 0)) return out;
  const counters = { node: 0, edge: 0 };
  out = out
    .split(/(?=<node |<edge )/)
    .map((chunk, i) => {
      if (i === 0) return chunk;
      const tag = chunk.startsWith('<node ') ? 'node' : 'edge';
      const patch = (tag === 'node' ? nodePatches : edgePatches)[counters[tag]++];
      if (!patch) return chunk;
      let patched = chunk;
      for (const [name, items] of patch.lists) {
        const value = `[${items.map(quoteListItem).join(', ')}]`;
        patched = patched.replace(
          new RegExp(`(<attvalue for="${escapeRegExp(escapeAttribute(name))}" value=")[^"]*"`),
          (_match, head: string) => `${head}${escapeAttribute(value)}"`,
        );
      }
      if (patch.date !== null) {
        patched = `<${tag} start="${patch.date}" end="${patch.date}" ${patched.slice(tag.length + 2)}`;
      }
      return patched;
    })
    .join('');
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
