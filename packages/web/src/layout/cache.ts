/** Force-layout positions kept in localStorage, so a reload starts from the last layout. */

const KEY = 'hotline:positions:v1';

export type Positions = Map<string, { x: number; y: number }>;

export function loadPositions(): Positions {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return new Map();
    const parsed = JSON.parse(raw) as Record<string, [number, number]>;
    const out: Positions = new Map();
    for (const [id, pair] of Object.entries(parsed)) {
      if (Array.isArray(pair) && Number.isFinite(pair[0]) && Number.isFinite(pair[1])) {
        out.set(id, { x: pair[0], y: pair[1] });
      }
    }
    return out;
  } catch {
    return new Map();
  }
}

export function savePositions(positions: Positions): void {
  const out: Record<string, [number, number]> = {};
  for (const [id, p] of positions) out[id] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
  try {
    localStorage.setItem(KEY, JSON.stringify(out));
  } catch {
    // storage full or disabled: the layout simply runs again next time
  }
}
