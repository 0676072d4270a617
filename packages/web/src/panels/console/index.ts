/**
 * The Cypher console, loaded on first use (dynamic import) so CodeMirror stays out of the
 * first paint. Editor + JSON parameters, Run (Ctrl/Cmd-Enter), example queries, the result
 * as a table; nodes, relationships and paths in the result are handed back to be drawn.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { ApiError, getExamples, runQuery } from '../../api/client.ts';
import type {
  ExampleQuery,
  Health,
  PlainNode,
  PlainPath,
  PlainRelationship,
  QueryResult,
} from '../../api/types.ts';
import { h } from '../dom.ts';
import { type CypherVocabulary, cypherCompletion, cypherLanguage } from './cypher.ts';

export interface ConsoleHooks {
  health: Health;
  initial: { cypher: string; params: string } | null;
  vocabulary: CypherVocabulary;
  onQueryChange(query: { cypher: string; params: string }): void;
  /** Graph values found in the result (empty arrays when none), or null when cleared. */
  onGraphResult(result: { nodes: PlainNode[]; relationships: PlainRelationship[] } | null): void;
  onClose(): void;
}

export interface CypherConsole {
  focus(): void;
  destroy(): void;
}

const DEFAULT_QUERY = `MATCH (a:Leader)-[k:CALLED]->(b:Leader)
RETURN a, k, b
LIMIT 25`;

function isGraphValue(value: unknown, kind: string): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;
}

/** Walks a result value and collects its nodes and relationships (also inside paths and lists). */
export function collectGraph(rows: Array<Record<string, unknown>>): {
  nodes: PlainNode[];
  relationships: PlainRelationship[];
} {
  const nodes = new Map<string, PlainNode>();
  const relationships = new Map<string, PlainRelationship>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isGraphValue(value, 'node')) {
      const node = value as PlainNode;
      nodes.set(node.elementId, node);
    } else if (isGraphValue(value, 'relationship')) {
      const rel = value as PlainRelationship;
      relationships.set(rel.elementId, rel);
    } else if (isGraphValue(value, 'path')) {
      const path = value as PlainPath;
      for (const node of path.nodes) nodes.set(node.elementId, node);
      for (const rel of path.relationships) relationships.set(rel.elementId, rel);
    } else {
      for (const inner of Object.values(value)) visit(inner, depth + 1);
    }
  };
  for (const row of rows) visit(row, 0);
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}

function nodeCaption(node: PlainNode): string {
  const p = node.properties;
  const name = p.name ?? p.label ?? p.title ?? p.id ?? p.code ?? node.elementId;
  return `(:${node.labels.join(':')} ${typeof name === 'string' ? name : JSON.stringify(name)})`;
}

function cell(value: unknown): HTMLElement {
  if (value === null || value === undefined) return h('span', { class: 'null' }, 'null');
  if (isGraphValue(value, 'node'))
    return h('span', { class: 'chip node-chip' }, nodeCaption(value as PlainNode));
  if (isGraphValue(value, 'relationship')) {
    const rel = value as PlainRelationship;
    const date = typeof rel.properties.date === 'string' ? ` ${rel.properties.date}` : '';
    return h('span', { class: 'chip rel-chip' }, `[:${rel.type}${date}]`);
  }
  if (isGraphValue(value, 'path')) {
    const path = value as PlainPath;
    const wrap = h('span', { class: 'path' });
    path.nodes.forEach((node, i) => {
      if (i > 0)
        wrap.append(h('span', { class: 'chip rel-chip' }, `-[:${path.relationships[i - 1]?.type ?? ''}]-`));
      wrap.append(h('span', { class: 'chip node-chip' }, nodeCaption(node)));
    });
    return wrap;
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return h('span', null, value.map((v) => String(v)).join(', '));
  }
  if (typeof value === 'object') {
    if (Array.isArray(value)) return h('span', null, ...value.map((v) => cell(v)));
    return h('code', null, JSON.stringify(value));
  }
  return h('span', { class: typeof value === 'number' ? 'num' : '' }, String(value));
}

export function mountConsole(root: HTMLElement, hooks: ConsoleHooks): CypherConsole {
  const status = h('div', { class: 'console-status', testid: 'console-status', attrs: { role: 'status' } });
  const output = h('div', { class: 'console-output', testid: 'console-output' });
  const examples = h('div', { class: 'examples', testid: 'examples' });
  const runButton = h(
    'button',
    { class: 'button primary', testid: 'console-run', title: 'Run (Ctrl-Enter)' },
    '▶ Run',
  );
  const clearButton = h(
    'button',
    { class: 'button ghost small', testid: 'console-clear' },
    'Clear highlight',
  );
  const closeButton = h(
    'button',
    { class: 'icon-button', testid: 'console-close', title: 'Close the console' },
    '×',
  );
  const paramsInput = h('textarea', {
    class: 'params',
    testid: 'console-params',
    attrs: { spellcheck: 'false', 'aria-label': 'Parameters (JSON)', rows: '3' },
  });
  paramsInput.value = hooks.initial?.params ?? '{}';
  const editorHost = h('div', { class: 'editor', testid: 'console-editor' });

  let running = false;
  const run = async () => {
    if (running) return;
    const cypher = view.state.doc.toString().trim();
    if (!cypher) {
      showError('EMPTY', 'Write a Cypher query first.');
      return;
    }
    let params: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(paramsInput.value.trim() || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      params = parsed as Record<string, unknown>;
    } catch (error) {
      showError('INVALID_PARAMS', `Parameters must be a JSON object: ${(error as Error).message}`);
      return;
    }
    hooks.onQueryChange({ cypher, params: paramsInput.value });
    running = true;
    runButton.disabled = true;
    status.className = 'console-status';
    status.replaceChildren(h('span', { class: 'spinner' }), 'Running…');
    try {
      showResult(await runQuery(cypher, params));
    } catch (error) {
      if (error instanceof ApiError) showError(error.code, error.message);
      else showError('ERROR', String(error));
    } finally {
      running = false;
      runButton.disabled = false;
    }
  };

  const showError = (code: string, message: string) => {
    status.className = 'console-status error';
    status.dataset.state = 'error';
    status.replaceChildren(h('strong', null, code), ' ', message);
    output.replaceChildren();
    hooks.onGraphResult(null);
  };

  const showResult = (result: QueryResult) => {
    status.className = 'console-status ok';
    status.dataset.state = 'ok';
    const graph = collectGraph(result.rows);
    const drawn = graph.nodes.length + graph.relationships.length > 0;
    status.replaceChildren(
      `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ' (truncated)' : ''} in ${result.elapsedMs} ms`,
      drawn
        ? ` · ${graph.nodes.length} nodes, ${graph.relationships.length} relationships highlighted in the graph`
        : '',
    );
    hooks.onGraphResult(drawn ? graph : null);
    if (result.rows.length === 0) {
      output.replaceChildren(
        h(
          'p',
          { class: 'muted empty-result', testid: 'console-empty' },
          'No rows. The query ran and matched nothing.',
        ),
      );
      return;
    }
    const table = h(
      'table',
      { class: 'results', testid: 'console-table' },
      h('thead', null, h('tr', null, ...result.columns.map((c) => h('th', null, c)))),
      h(
        'tbody',
        null,
        ...result.rows.map((row) => h('tr', null, ...result.columns.map((c) => h('td', null, cell(row[c]))))),
      ),
    );
    output.replaceChildren(table);
  };

  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    closeBrackets(),
    bracketMatching(),
    cypherLanguage,
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    autocompletion({ override: [cypherCompletion(hooks.vocabulary)] }),
    placeholder('MATCH (l:Leader) RETURN l LIMIT 10'),
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          void run();
          return true;
        },
        preventDefault: true,
      },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...completionKeymap,
    ]),
    EditorView.lineWrapping,
  ];
  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({ doc: hooks.initial?.cypher ?? DEFAULT_QUERY, extensions }),
  });
  paramsInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  runButton.addEventListener('click', () => void run());
  clearButton.addEventListener('click', () => hooks.onGraphResult(null));
  closeButton.addEventListener('click', () => hooks.onClose());

  const loadExample = (example: ExampleQuery) => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: example.cypher } });
    paramsInput.value = JSON.stringify(example.params, null, 1).replace(/\n\s*/g, ' ');
    void run();
  };

  root.replaceChildren(
    h(
      'div',
      { class: 'console-head' },
      h('h2', null, 'Cypher console'),
      h('span', { class: 'muted small' }, 'read-only · Ctrl-Enter runs'),
      h('span', { class: 'spacer' }),
      clearButton,
      closeButton,
    ),
    h(
      'div',
      { class: 'console-grid' },
      h(
        'div',
        { class: 'console-input' },
        editorHost,
        h(
          'div',
          { class: 'console-actions' },
          h('label', { class: 'params-label' }, h('span', null, 'Params'), paramsInput),
          runButton,
        ),
        examples,
      ),
      h('div', { class: 'console-result' }, status, output),
    ),
  );

  if (!hooks.health.cypher) {
    // Embedded mode: say so up front; Run still asks the server, which answers with its own hint.
    status.className = 'console-status error';
    status.dataset.state = 'embedded';
    status.replaceChildren(
      h('strong', null, 'NEO4J_UNAVAILABLE'),
      ` This explorer runs in embedded mode on ${hooks.health.location}; Cypher needs Neo4j. Press Run for the server's instructions.`,
    );
  }

  getExamples()
    .then((list) => {
      examples.replaceChildren(
        h('span', { class: 'muted small' }, 'Examples:'),
        ...list.map((example) => {
          const button = h(
            'button',
            { class: 'chip-button', testid: `example-${example.name}`, title: example.description },
            example.name,
          );
          button.addEventListener('click', () => loadExample(example));
          return button;
        }),
      );
    })
    .catch(() => {
      examples.replaceChildren(h('span', { class: 'muted small' }, 'Examples unavailable.'));
    });

  if (hooks.initial?.cypher && hooks.health.cypher) void run();

  return {
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
