/**
 * The shareable part of the state in the URL hash: filters, selection, query, camera and
 * layout. A copied link reopens what was on screen.
 */
import { type AppState, type ColorBy, createInitialState, DEFAULT_FILTERS, type SizeBy } from './store.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SIZE_BY: SizeBy[] = ['calls', 'degree', 'weighted', 'betweenness'];
const COLOR_BY: ColorBy[] = ['region', 'community', 'degree', 'betweenness'];

export function stateToHash(state: AppState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.themes.length) p.set('themes', f.themes.join(','));
  if (f.state) p.set('state', f.state);
  if (f.region) p.set('region', f.region);
  if (f.mode) p.set('mode', f.mode);
  if (f.minCalls > 1) p.set('min', String(f.minCalls));
  const show = [state.show.states ? 'states' : '', state.show.topics ? 'topics' : ''].filter(Boolean);
  if (show.length) p.set('show', show.join(','));
  if (state.layout !== 'force') p.set('layout', state.layout);
  if (state.sizeBy !== 'calls') p.set('size', state.sizeBy);
  if (state.colorBy !== 'region') p.set('color', state.colorBy);
  if (state.selection?.kind === 'leader') p.set('leader', state.selection.id);
  if (state.selection?.kind === 'pair') p.set('pair', `${state.selection.a},${state.selection.b}`);
  if (state.query?.cypher) {
    p.set('q', state.query.cypher);
    if (state.query.params.trim() && state.query.params.trim() !== '{}') p.set('params', state.query.params);
  }
  if (state.consoleOpen) p.set('console', '1');
  if (state.camera) {
    const c = state.camera;
    p.set('cam', [c.x, c.y, c.ratio].map((v) => Number(v.toFixed(4))).join(','));
  }
  const text = p.toString();
  return text ? `#${text}` : '';
}

export function stateFromHash(hash: string): AppState {
  const state = createInitialState();
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const date = (key: string) => {
    const value = p.get(key);
    return value && DATE.test(value) ? value : null;
  };
  const min = Number(p.get('min'));
  state.filters = {
    ...DEFAULT_FILTERS,
    from: date('from'),
    to: date('to'),
    themes: (p.get('themes') ?? '').split(',').filter(Boolean),
    state: p.get('state') || null,
    region: p.get('region') || null,
    mode: p.get('mode') || null,
    minCalls: Number.isInteger(min) && min > 1 ? min : 1,
  };
  const show = (p.get('show') ?? '').split(',');
  state.show = { states: show.includes('states'), topics: show.includes('topics') };
  state.layout = p.get('layout') === 'geo' ? 'geo' : 'force';
  const size = p.get('size') as SizeBy | null;
  if (size && SIZE_BY.includes(size)) state.sizeBy = size;
  const color = p.get('color') as ColorBy | null;
  if (color && COLOR_BY.includes(color)) state.colorBy = color;
  const leader = p.get('leader');
  const pair = p.get('pair')?.split(',');
  if (leader) state.selection = { kind: 'leader', id: leader };
  else if (pair?.length === 2 && pair[0] && pair[1])
    state.selection = { kind: 'pair', a: pair[0], b: pair[1] };
  const q = p.get('q');
  if (q) state.query = { cypher: q, params: p.get('params') ?? '{}' };
  state.consoleOpen = p.get('console') === '1' || Boolean(q);
  const cam = (p.get('cam') ?? '').split(',').map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0) {
    state.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  }
  return state;
}
