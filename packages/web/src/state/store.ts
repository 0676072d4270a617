/**
 * The explorer's one state object and the small actions that change it. Panels call the
 * actions; main.ts subscribes and turns each change into a sigma refresh (reducers read the
 * state) or, for the few structural changes, a refill of the display graph.
 */

export interface Filters {
  /** YYYY-MM-DD bounds, inclusive; null = open. */
  from: string | null;
  to: string | null;
  themes: string[];
  state: string | null;
  region: string | null;
  mode: string | null;
  /** Minimum number of calls between two leaders for their edge to show. */
  minCalls: number;
}

export type LayoutMode = 'force' | 'geo';
export type SizeBy = 'calls' | 'degree' | 'weighted' | 'betweenness';
export type ColorBy = 'region' | 'community' | 'degree' | 'betweenness';

export type Selection = { kind: 'leader'; id: string } | { kind: 'pair'; a: string; b: string } | null;

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface QueryHighlight {
  nodes: Set<string>;
  /** Leader pair keys "a|b" the query returned relationships for. */
  pairs: Set<string>;
}

export interface AppState {
  filters: Filters;
  show: { states: boolean; topics: boolean };
  layout: LayoutMode;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  selection: Selection;
  hovered: string | null;
  /** Nodes a search for a state or topic singled out. */
  focus: { label: string; nodes: Set<string> } | null;
  query: { cypher: string; params: string } | null;
  queryHighlight: QueryHighlight | null;
  camera: CameraView | null;
  consoleOpen: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  from: null,
  to: null,
  themes: [],
  state: null,
  region: null,
  mode: null,
  minCalls: 1,
};

export function createInitialState(): AppState {
  return {
    filters: { ...DEFAULT_FILTERS },
    show: { states: false, topics: false },
    layout: 'force',
    sizeBy: 'calls',
    colorBy: 'region',
    selection: null,
    hovered: null,
    focus: null,
    query: null,
    queryHighlight: null,
    camera: null,
    consoleOpen: false,
  };
}

type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState>): void;
  setFilters(patch: Partial<Filters>): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state, previous);
    },
    setFilters(patch) {
      this.set({ filters: { ...state.filters, ...patch } });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function filtersActive(filters: Filters): boolean {
  return (
    filters.from !== null ||
    filters.to !== null ||
    filters.themes.length > 0 ||
    filters.state !== null ||
    filters.region !== null ||
    filters.mode !== null ||
    filters.minCalls > 1
  );
}
