/**
 * hotline explorer: loads the graph over HTTP, builds the data and display graphs, draws them
 * with sigma, and wires panels to one state object. Reducers derive everything visual from the
 * state; the display graph is only refilled when the set of node kinds shown changes.
 */
import './styles.css';
import Graph from 'graphology';
import { animateNodes } from 'sigma/utils';
import { ApiError, fetchExport, getGraph, getHealth } from './api/client.ts';
import type { ExportFormat, GraphData, Health, PlainNode, PlainRelationship } from './api/types.ts';
import {
  createDataset,
  type Dataset,
  type DisplayEdge,
  type DisplayGraph,
  type DisplayNode,
  fillDisplayGraph,
  pairKey,
  seededPosition,
} from './graph/build.ts';
import { computeMetrics, type Metrics } from './graph/metrics.ts';
import { loadPositions, type Positions, savePositions } from './layout/cache.ts';
import { createForceLayout } from './layout/force.ts';
import { geoPositions } from './layout/geo.ts';
import type { CypherConsole } from './panels/console/index.ts';
import { createDetailsPanel } from './panels/details.ts';
import { h } from './panels/dom.ts';
import { createFiltersPanel } from './panels/filters.ts';
import { renderLegend } from './panels/legend.ts';
import { createSearch, type SearchItem, searchItems } from './panels/search.ts';
import { createShell, showOverlay, showToast } from './panels/shell.ts';
import { createToolbar } from './panels/toolbar.ts';
import {
  computeEmphasis,
  computeView,
  createEdgeReducer,
  createNodeReducer,
  type Emphasis,
  type FilteredView,
} from './reducers/index.ts';
import { createRenderer } from './renderer/create.ts';
import { downloadBlob, renderPng } from './renderer/png.ts';
import { type AppState, createStore, filtersActive, type LayoutMode, type Store } from './state/store.ts';
import { stateFromHash, stateToHash } from './state/url.ts';

declare global {
  interface Window {
    /** Read-only hooks for the browser tests. */
    __hotlineGraph?: {
      nodes(): Array<{ id: string; label: string; kind: string; hidden: boolean }>;
      edges(): Array<{
        id: string;
        source: string;
        target: string;
        kind: string;
        calls: number;
        hidden: boolean;
      }>;
      viewport(id: string): { x: number; y: number } | null;
      emphasized(): string[];
    };
  }
}

const root = document.getElementById('app')!;
const shell = createShell(root);

function describe(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

async function boot(): Promise<void> {
  const store = createStore(stateFromHash(window.location.hash));
  showOverlay(shell.overlay, 'loading', 'Loading the graph…');
  let health: Health;
  let payload: GraphData;
  try {
    [health, payload] = await Promise.all([getHealth(), getGraph()]);
  } catch (error) {
    const neo4jDown = error instanceof ApiError && error.code === 'NEO4J_UNAVAILABLE';
    showOverlay(
      shell.overlay,
      'error',
      neo4jDown ? 'Neo4j is not reachable' : 'Could not load the graph',
      describe(error),
      { label: 'Try again', run: () => window.location.reload() },
    );
    document.body.dataset.graphReady = 'error';
    return;
  }

  if (health.mode === 'embedded') {
    shell.banner.hidden = false;
    shell.banner.replaceChildren(
      h('strong', null, 'Embedded mode'),
      ` — serving ${health.location} without Neo4j. Everything works but the Cypher console: run `,
      h('code', null, 'pnpm neo4j start'),
      ' and restart the server.',
    );
  }

  const dataset = createDataset(payload);
  if (dataset.calls.size === 0) {
    showOverlay(
      shell.overlay,
      'empty',
      'No calls in the graph yet',
      'Ingest readouts first, for example `pnpm hotline ingest data/samples`, then reload this page.',
    );
    document.body.dataset.graphReady = 'empty';
    return;
  }
  showOverlay(shell.overlay, null);
  start(store, health, dataset);
}

function start(store: Store, health: Health, dataset: Dataset): void {
  const graph: DisplayGraph = new Graph<DisplayNode, DisplayEdge>({ type: 'directed', multi: false });
  let forcePositions: Positions = loadPositions();
  fillDisplayGraph(graph, dataset, store.get().show, forcePositions);
  let needsLayout = false;
  graph.forEachNode((node) => {
    if (!forcePositions.has(node)) needsLayout = true;
  });

  let view: FilteredView = computeView(graph, dataset, store.get().filters);
  let metrics: Metrics | null = null;
  let emphasis: Emphasis | null = null;
  const needsMetrics = (s: AppState) => s.sizeBy !== 'calls' || s.colorBy !== 'region';
  if (needsMetrics(store.get())) metrics = computeMetrics(graph, view);
  emphasis = computeEmphasis(graph, store.get(), view);

  const context = () => ({ graph, state: store.get(), view, metrics, emphasis });
  const sigma = createRenderer(graph, shell.canvas, {
    nodeReducer: createNodeReducer(context),
    edgeReducer: createEdgeReducer(context),
  });
  sigma.once('afterRender', () => {
    document.body.dataset.graphReady = 'true';
  });
  new ResizeObserver(() => sigma.resize()).observe(shell.canvas);

  // Layout
  const currentPositions = (): Positions => {
    const out: Positions = new Map();
    graph.forEachNode((node, attr) => out.set(node, { x: attr.x, y: attr.y }));
    return out;
  };
  const layout = createForceLayout(graph, {
    onProgress: (fraction, running) => {
      toolbar.setProgress(fraction, running);
      document.body.dataset.layoutRunning = String(running);
    },
    onStop: () => {
      if (store.get().layout !== 'force') return;
      forcePositions = new Map([...forcePositions, ...currentPositions()]);
      savePositions(forcePositions);
    },
  });
  let cancelAnimation: (() => void) | null = null;
  const moveTo = (targets: Record<string, { x: number; y: number }>, animate: boolean) => {
    cancelAnimation?.();
    cancelAnimation = null;
    if (!animate) {
      graph.updateEachNodeAttributes((node, attr) => ({ ...attr, ...(targets[node] ?? {}) }));
      return;
    }
    cancelAnimation = animateNodes(graph, targets, { duration: 700 }, () => {
      cancelAnimation = null;
      sigma.getCamera().animatedReset({ duration: 300 });
    });
  };
  const applyLayout = (mode: LayoutMode, animate: boolean) => {
    if (mode === 'geo') {
      if (layout.isRunning()) layout.stop();
      moveTo(geoPositions(graph, dataset), animate);
    } else {
      const targets: Record<string, { x: number; y: number }> = {};
      graph.forEachNode((node) => {
        targets[node] = forcePositions.get(node) ?? seededPosition(node);
      });
      moveTo(targets, animate);
    }
  };

  // Panels
  const toolbar = createToolbar(shell.toolbar, {
    onLayout: (mode) => store.set({ layout: mode }),
    onRunLayout: () => (layout.isRunning() ? layout.stop() : layout.start()),
    onConsole: () => store.set({ consoleOpen: !store.get().consoleOpen }),
    onExport: (format) => void exportAs(format),
    onShare: () => void share(),
    onFit: () => sigma.getCamera().animatedReset({ duration: 400 }),
  });
  toolbar.setLayout(store.get().layout);
  toolbar.setProgress(0, false);

  const filtersPanel = createFiltersPanel(shell.sidebar, dataset, store);
  const stateName = (code: string | null) => (code ? (dataset.polities.get(code)?.name ?? code) : '');
  const details = createDetailsPanel(shell.details, {
    onClose: () => store.set({ selection: null }),
    onLeader: (id) => store.set({ selection: { kind: 'leader', id } }),
    onPair: (a, b) => store.set({ selection: { kind: 'pair', a, b } }),
    stateName,
  });

  const focusCamera = (nodes: string[]) => {
    const points = nodes.map((n) => sigma.getNodeDisplayData(n)).filter((d) => d && !d.hidden);
    if (points.length === 0) return;
    const xs = points.map((p) => p!.x);
    const ys = points.map((p) => p!.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const extent = Math.max(maxX - minX, maxY - minY);
    const ratio = points.length === 1 ? 0.35 : Math.min(1.1, Math.max(0.2, extent * 1.5));
    sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 500 });
  };

  const leadersOf = (predicate: (leader: string) => boolean) => {
    const out = new Set<string>();
    graph.forEachNode((node, attr) => {
      if (attr.kind === 'Leader' && view.nodeCounts.has(node) && predicate(node)) out.add(node);
    });
    return out;
  };
  const focusState = (code: string) => {
    const nodes = leadersOf((id) => dataset.leaders.get(id)?.state === code);
    if (graph.hasNode(code)) nodes.add(code);
    store.set({ selection: null, queryHighlight: null, focus: { label: stateName(code), nodes } });
    if (nodes.size === 0) showToast(shell.toast, `No leader of ${stateName(code)} in the current view.`);
    focusCamera([...nodes]);
  };
  const focusTopic = (id: string) => {
    const topic = dataset.topics.get(id);
    const participants = new Set(
      (topic?.calls ?? [])
        .filter((c) => view.calls.has(c))
        .flatMap((c) => dataset.calls.get(c)?.participants ?? []),
    );
    const nodes = leadersOf((leader) => participants.has(leader));
    if (graph.hasNode(id)) nodes.add(id);
    store.set({ selection: null, queryHighlight: null, focus: { label: topic?.label ?? id, nodes } });
    if (nodes.size === 0) showToast(shell.toast, `No call about ${topic?.label ?? id} in the current view.`);
    focusCamera([...nodes]);
  };
  const pick = (item: SearchItem) => {
    if (item.kind === 'leader') {
      store.set({ selection: { kind: 'leader', id: item.id }, focus: null, queryHighlight: null });
      if (!view.nodeCounts.has(item.id))
        showToast(shell.toast, `${item.label} has no call under the current filters.`);
      focusCamera(emphasis ? [...emphasis.nodes] : [item.id]);
    } else if (item.kind === 'state') focusState(item.id);
    else focusTopic(item.id);
  };
  createSearch(shell.search, searchItems(dataset), pick);

  // Sigma events
  sigma.on('enterNode', ({ node }) => store.set({ hovered: node }));
  sigma.on('leaveNode', () => store.set({ hovered: null }));
  sigma.on('enterEdge', () => {
    shell.canvas.style.cursor = 'pointer';
  });
  sigma.on('leaveEdge', () => {
    shell.canvas.style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => {
    const kind = graph.getNodeAttribute(node, 'kind');
    if (kind === 'Leader')
      store.set({ selection: { kind: 'leader', id: node }, focus: null, queryHighlight: null });
    else if (kind === 'Topic') focusTopic(node);
    else focusState(node);
  });
  sigma.on('clickEdge', ({ edge }) => {
    const attr = graph.getEdgeAttributes(edge);
    if (attr.kind !== 'CALLED') return;
    const [a, b] = graph.extremities(edge);
    store.set({ selection: { kind: 'pair', a, b }, focus: null, queryHighlight: null });
  });
  sigma.on('clickStage', () => {
    const s = store.get();
    if (s.selection || s.focus || s.queryHighlight)
      store.set({ selection: null, focus: null, queryHighlight: null });
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.key === 'Escape' && !target?.closest('.cm-editor, input, textarea, select')) {
      store.set({ selection: null, focus: null, queryHighlight: null });
    }
  });

  let cameraTimer: number | null = null;
  sigma.getCamera().on('updated', (camera) => {
    if (cameraTimer !== null) window.clearTimeout(cameraTimer);
    cameraTimer = window.setTimeout(
      () => store.set({ camera: { x: camera.x, y: camera.y, ratio: camera.ratio } }),
      400,
    );
  });

  // Console (lazy: CodeMirror is a separate chunk)
  let cypherConsole: CypherConsole | null = null;
  let consoleLoading = false;
  const openConsole = async () => {
    shell.console.hidden = false;
    if (cypherConsole || consoleLoading) return;
    consoleLoading = true;
    shell.console.replaceChildren(
      h('div', { class: 'spinner-row' }, h('span', { class: 'spinner' }), 'Loading the console…'),
    );
    try {
      const { mountConsole } = await import('./panels/console/index.ts');
      cypherConsole = mountConsole(shell.console, {
        health,
        initial: store.get().query,
        vocabulary: {
          labels: dataset.nodeLabels,
          relationshipTypes: dataset.relationshipTypes,
          propertyKeys: dataset.propertyKeys,
        },
        onQueryChange: (query) => store.set({ query }),
        onGraphResult: (result) => showQueryResult(result),
        onClose: () => store.set({ consoleOpen: false }),
      });
      cypherConsole.focus();
    } catch (error) {
      shell.console.replaceChildren(
        h('div', { class: 'error-box' }, 'The console could not load: ', describe(error)),
      );
    } finally {
      consoleLoading = false;
    }
  };
  const showQueryResult = (result: { nodes: PlainNode[]; relationships: PlainRelationship[] } | null) => {
    if (!result) {
      store.set({ queryHighlight: null });
      return;
    }
    const nodes = new Set<string>();
    const byElement = new Map<string, string[]>();
    const pairs = new Set<string>();
    for (const node of result.nodes) {
      const p = node.properties;
      const id = typeof p.id === 'string' ? p.id : typeof p.code === 'string' ? p.code : null;
      if (!id) continue;
      let members: string[] = [];
      if (node.labels.includes('Call')) members = dataset.calls.get(id)?.participants ?? [];
      else if (graph.hasNode(id)) members = [id];
      members = members.filter((m) => graph.hasNode(m));
      for (const m of members) nodes.add(m);
      byElement.set(node.elementId, members);
      if (node.labels.includes('Call')) {
        for (const a of members) for (const b of members) if (a < b) pairs.add(pairKey(a, b));
      }
    }
    for (const rel of result.relationships) {
      const [start, end] = [byElement.get(rel.start), byElement.get(rel.end)];
      if (rel.type === 'CALLED' && start?.[0] && end?.[0]) pairs.add(pairKey(start[0], end[0]));
    }
    if (nodes.size === 0) {
      showToast(shell.toast, 'The result has no leaders, states or topics that the explorer draws.');
      store.set({ queryHighlight: null });
      return;
    }
    store.set({ queryHighlight: { nodes, pairs }, selection: null, focus: null });
    focusCamera([...nodes]);
  };

  // Export and share
  const exportAs = async (format: ExportFormat | 'png') => {
    try {
      if (format === 'png') {
        downloadBlob(await renderPng(sigma), 'hotline-graph.png');
        return;
      }
      const s = store.get();
      const leaders = s.selection?.kind === 'leader' ? [s.selection.id] : [];
      showToast(shell.toast, `Preparing ${format.toUpperCase()}…`);
      const { blob, fileName } = await fetchExport({
        format,
        from: s.filters.from,
        to: s.filters.to,
        themes: s.filters.themes,
        modes: s.filters.mode ? [s.filters.mode] : [],
        minCalls: s.filters.minCalls,
        leaders,
        states: s.filters.state ? [s.filters.state] : [],
        hops: 1,
      });
      downloadBlob(blob, fileName);
      showToast(shell.toast, `Saved ${fileName}`);
    } catch (error) {
      showToast(shell.toast, `Export failed: ${describe(error)}`, 'error');
    }
  };
  const share = async () => {
    writeUrl();
    try {
      await navigator.clipboard.writeText(window.location.href);
      showToast(shell.toast, 'Link copied: it reopens this exact view.');
    } catch {
      showToast(shell.toast, `Copy this link: ${window.location.href}`);
    }
  };
  let urlTimer: number | null = null;
  const writeUrl = () => {
    const hash = stateToHash(store.get());
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(null, '', url);
    }
  };

  // State → display
  const refreshPanels = () => {
    filtersPanel.update(view);
    renderLegend(shell.legend, dataset, store.get(), view, metrics);
    if (view.calls.size === 0) {
      showOverlay(
        shell.overlay,
        'empty',
        'No calls match these filters',
        'Widen the time window or clear a filter.',
        {
          label: 'Reset filters',
          run: () =>
            store.set({
              filters: {
                from: null,
                to: null,
                themes: [],
                state: null,
                region: null,
                mode: null,
                minCalls: 1,
              },
            }),
        },
      );
    } else showOverlay(shell.overlay, null);
    shell.stage.classList.toggle('filtered', filtersActive(store.get().filters));
  };
  const showSelection = (s: AppState) => {
    // The panel lists the calls of the time window the graph shows, so it follows the window.
    const timeWindow = { from: s.filters.from, to: s.filters.to };
    if (!s.selection) details.hide();
    else if (s.selection.kind === 'leader') void details.showLeader(s.selection.id, timeWindow);
    else void details.showPair(s.selection.a, s.selection.b, timeWindow);
  };
  const selectionKey = (s: AppState) =>
    s.selection ? (s.selection.kind === 'leader' ? s.selection.id : `${s.selection.a}|${s.selection.b}`) : '';
  const windowKey = (s: AppState) => `${s.filters.from ?? ''}..${s.filters.to ?? ''}`;
  // Dragging the time slider changes the window many times a second: refetch the panel once
  // the window rests.
  let panelTimer: number | null = null;

  store.subscribe((s, prev) => {
    const structural = s.show !== prev.show;
    if (structural) {
      const positions =
        s.layout === 'force' ? new Map([...forcePositions, ...currentPositions()]) : forcePositions;
      fillDisplayGraph(graph, dataset, s.show, positions);
      if (s.layout === 'geo') applyLayout('geo', false);
    }
    const dataChanged = structural || s.filters !== prev.filters;
    if (dataChanged) view = computeView(graph, dataset, s.filters);
    if (!needsMetrics(s)) metrics = null;
    else if (dataChanged || !metrics) metrics = computeMetrics(graph, view);
    emphasis = computeEmphasis(graph, s, view);
    if (s.layout !== prev.layout) {
      toolbar.setLayout(s.layout);
      applyLayout(s.layout, true);
    }
    sigma.refresh(structural ? undefined : { skipIndexation: true });
    if (structural && s.layout === 'force') layout.start();
    if (dataChanged || s.sizeBy !== prev.sizeBy || s.colorBy !== prev.colorBy) refreshPanels();
    if (selectionKey(s) !== selectionKey(prev) || (s.selection && windowKey(s) !== windowKey(prev))) {
      if (panelTimer !== null) window.clearTimeout(panelTimer);
      panelTimer = null;
      if (selectionKey(s) !== selectionKey(prev)) showSelection(s);
      else panelTimer = window.setTimeout(() => showSelection(store.get()), 300);
    }
    if (s.consoleOpen !== prev.consoleOpen) {
      toolbar.setConsoleOpen(s.consoleOpen);
      if (s.consoleOpen) void openConsole();
      else shell.console.hidden = true;
    }
    if (s.hovered === prev.hovered) {
      if (urlTimer !== null) window.clearTimeout(urlTimer);
      urlTimer = window.setTimeout(writeUrl, 250);
    }
  });

  // First frame
  const initial = store.get();
  refreshPanels();
  if (initial.layout === 'geo') applyLayout('geo', false);
  if (initial.camera) sigma.getCamera().setState(initial.camera);
  showSelection(initial);
  toolbar.setConsoleOpen(initial.consoleOpen);
  if (initial.consoleOpen) void openConsole();
  if (needsLayout && initial.layout === 'force') layout.start();
  else document.body.dataset.layoutRunning = 'false';

  window.__hotlineGraph = {
    nodes: () =>
      graph.mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, hidden: !view.nodeCounts.has(id) })),
    edges: () =>
      graph.mapEdges((id, a, source, target) => ({
        id,
        source,
        target,
        kind: a.kind,
        calls: view.edgeCounts.get(id) ?? 0,
        hidden: !view.edgeCounts.has(id),
      })),
    viewport: (id) => {
      const data = sigma.getNodeDisplayData(id);
      return data ? sigma.framedGraphToViewport(data) : null;
    },
    emphasized: () => (emphasis ? [...emphasis.nodes] : []),
  };
  window.addEventListener('pagehide', () => {
    layout.kill();
    cypherConsole?.destroy();
    sigma.kill();
  });
}

void boot();
