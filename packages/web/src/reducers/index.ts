/**
 * Node and edge reducers: everything that changes how the graph looks (filters, hover,
 * selection, search focus, query results, analysis) is derived here from the state, never
 * written into the graph. After a state change: `sigma.refresh({ skipIndexation: true })`.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { type DisplayEdge, type DisplayGraph, type DisplayNode, leaderSize } from '../graph/build.ts';
import {
  communityColor,
  DIM_EDGE,
  DIM_NODE,
  EDGE_HIGHLIGHT,
  rampColor,
  regionColor,
} from '../graph/colors.ts';
import { type Metrics, metricRatio } from '../graph/metrics.ts';
import type { AppState } from '../state/store.ts';
import type { FilteredView } from './view.ts';

export { computeView, type FilteredView } from './view.ts';

export interface Emphasis {
  /** Nodes shown at full strength; everything else is dimmed. */
  nodes: Set<string>;
  /** Edges shown at full strength (null: those between emphasised nodes). */
  edges: Set<string> | null;
  /** Nodes drawn with a highlight ring and forced label. */
  strong: Set<string>;
}

export interface ReducerContext {
  graph: DisplayGraph;
  state: AppState;
  view: FilteredView;
  metrics: Metrics | null;
  emphasis: Emphasis | null;
}

function around(graph: DisplayGraph, view: FilteredView, center: string): Emphasis {
  const nodes = new Set([center]);
  const edges = new Set<string>();
  if (graph.hasNode(center)) {
    graph.forEachEdge(center, (edge, _attr, source, target) => {
      if (!view.edgeCounts.has(edge)) return;
      edges.add(edge);
      nodes.add(source === center ? target : source);
    });
  }
  return { nodes, edges, strong: new Set([center]) };
}

/** Which nodes stand out: hover first, then selection, query results, search focus. */
export function computeEmphasis(graph: DisplayGraph, state: AppState, view: FilteredView): Emphasis | null {
  if (state.hovered && view.nodeCounts.has(state.hovered)) return around(graph, view, state.hovered);
  const selection = state.selection;
  if (selection?.kind === 'leader' && graph.hasNode(selection.id)) return around(graph, view, selection.id);
  if (selection?.kind === 'pair') {
    const edges = new Set<string>();
    for (const key of [`${selection.a}->${selection.b}`, `${selection.b}->${selection.a}`]) {
      if (graph.hasEdge(key)) edges.add(key);
    }
    const nodes = new Set([selection.a, selection.b]);
    return { nodes, edges, strong: nodes };
  }
  if (state.queryHighlight) {
    const { nodes, pairs } = state.queryHighlight;
    let edges: Set<string> | null = null;
    if (pairs.size > 0) {
      edges = new Set();
      graph.forEachEdge((edge, attr) => {
        if (attr.kind === 'CALLED' && pairs.has(attr.pair)) edges!.add(edge);
      });
    }
    return { nodes, edges, strong: nodes };
  }
  if (state.focus) return { nodes: state.focus.nodes, edges: null, strong: new Set() };
  return null;
}

export function createNodeReducer(context: () => ReducerContext) {
  return (node: string, data: DisplayNode): Partial<NodeDisplayData> => {
    const { state, view, metrics, emphasis } = context();
    const count = view.nodeCounts.get(node);
    if (count === undefined) return { ...data, hidden: true };
    const out: Partial<NodeDisplayData> = { ...data };
    if (data.kind === 'Leader') {
      out.size = leaderSize(count);
      if (metrics && state.sizeBy !== 'calls')
        out.size = 5 + 16 * Math.sqrt(metricRatio(metrics, state.sizeBy, node));
      if (state.colorBy === 'region') out.color = regionColor(data.region);
      else if (metrics && state.colorBy === 'community') {
        const community = metrics.community.get(node);
        out.color = community === undefined ? DIM_NODE : communityColor(community);
      } else if (metrics && (state.colorBy === 'degree' || state.colorBy === 'betweenness')) {
        out.color = rampColor(metricRatio(metrics, state.colorBy, node));
      }
    }
    if (emphasis) {
      if (!emphasis.nodes.has(node)) {
        out.color = DIM_NODE;
        out.label = '';
        out.zIndex = 0;
      } else {
        out.zIndex = 2;
        out.forceLabel = true;
        if (emphasis.strong.has(node)) out.highlighted = true;
      }
    }
    return out;
  };
}

export function createEdgeReducer(context: () => ReducerContext) {
  return (edge: string, data: DisplayEdge): Partial<EdgeDisplayData> => {
    const { graph, view, emphasis } = context();
    const count = view.edgeCounts.get(edge);
    if (count === undefined) return { ...data, hidden: true };
    const out: Partial<EdgeDisplayData> = { ...data };
    if (data.kind === 'CALLED') out.size = 0.8 + 1.4 * Math.sqrt(count);
    if (emphasis) {
      const [source, target] = graph.extremities(edge);
      const strong = emphasis.edges
        ? emphasis.edges.has(edge)
        : emphasis.nodes.has(source) && emphasis.nodes.has(target);
      if (strong) {
        out.color = EDGE_HIGHLIGHT;
        out.zIndex = 2;
      } else {
        out.color = DIM_EDGE;
        out.zIndex = 0;
      }
    }
    return out;
  };
}
