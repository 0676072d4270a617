/** Colours: one per world region, a palette for communities, and a ramp for metrics. */

export const REGION_COLORS: Record<string, string> = {
  Africa: '#65a30d',
  Americas: '#0284c7',
  Asia: '#ea580c',
  Europe: '#4f46e5',
  Oceania: '#0d9488',
  Antarctic: '#64748b',
  Organization: '#db2777',
  Unknown: '#94a3b8',
};

const EXTRA = ['#be185d', '#15803d', '#a16207', '#0e7490', '#9333ea', '#b91c1c', '#4d7c0f', '#1d4ed8'];

export function regionColor(region: string | null): string {
  const key = region ?? 'Unknown';
  const known = REGION_COLORS[key];
  if (known) return known;
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return EXTRA[Math.abs(hash) % EXTRA.length]!;
}

export const COMMUNITY_COLORS = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#ea580c',
  '#4f46e5',
  '#0d9488',
  '#a21caf',
];

export function communityColor(index: number): string {
  return COMMUNITY_COLORS[index % COMMUNITY_COLORS.length]!;
}

/** Light yellow → deep red, for a value in [0, 1]. */
export function rampColor(t: number): string {
  const clamp = Math.max(0, Math.min(1, t));
  const stops: Array<[number, number, number]> = [
    [254, 224, 139],
    [244, 109, 67],
    [165, 0, 38],
  ];
  const scaled = clamp * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const [a, b] = [stops[i]!, stops[i + 1]!];
  const mix = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

export const DIM_NODE = '#e2e8f0';
export const DIM_EDGE = '#eef2f7';
export const EDGE_COLOR = '#a9b4c6';
export const EDGE_HIGHLIGHT = '#334155';
export const STATE_COLOR = '#94a3b8';
export const TOPIC_COLOR = '#0d9488';
