/**
 * Seeded synthetic graphs for the explorer benchmark: leaders as nodes grouped by region
 * (Gaussian clusters, as a geographic layout would place them), calls as edges with
 * preferential attachment (a few leaders take most calls). Written in graphology's
 * serialization format, which the page imports as the real explorer imports API results.
 */

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: false; allowSelfLoops: false };
  nodes: Array<{
    key: string;
    attributes: { x: number; y: number; size: number; label: string; color: string };
  }>;
  edges: Array<{ key: string; source: string; target: string; attributes: { size: number; color: string } }>;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/** Nodes for a graph of `edges` edges: about one leader per ten calls, 100 to 2,000. */
export function nodeCountFor(edges: number): number {
  return Math.max(100, Math.min(2000, Math.round(edges / 10)));
}

export function syntheticGraph(edgeCount: number, seed = 7): SerializedGraph {
  const random = rng(seed * 1_000_003 + edgeCount);
  const n = nodeCountFor(edgeCount);
  const maxEdges = n * (n - 1);
  if (edgeCount > maxEdges) throw new Error(`${edgeCount} edges do not fit ${n} nodes`);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const centers = COLORS.map((_, i) => [
    Math.cos((i / COLORS.length) * 2 * Math.PI) * 10,
    Math.sin((i / COLORS.length) * 2 * Math.PI) * 10,
  ]);
  const nodes: SerializedGraph['nodes'] = [];
  for (let i = 0; i < n; i++) {
    const region = Math.floor(random() * COLORS.length);
    const [cx, cy] = centers[region]!;
    nodes.push({
      key: `n${i}`,
      attributes: {
        x: cx! + gauss() * 3,
        y: cy! + gauss() * 3,
        size: 2,
        label: `Leader ${i}`,
        color: COLORS[region]!,
      },
    });
  }
  // Preferential attachment over a degree-weighted pool.
  const pool: number[] = Array.from({ length: n }, (_, i) => i);
  const seen = new Set<number>();
  const edges: SerializedGraph['edges'] = [];
  const degree = new Array<number>(n).fill(0);
  while (edges.length < edgeCount) {
    const a = random() < 0.7 ? pool[Math.floor(random() * pool.length)]! : Math.floor(random() * n);
    const b = random() < 0.7 ? pool[Math.floor(random() * pool.length)]! : Math.floor(random() * n);
    if (a === b) continue;
    const id = a * n + b;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({
      key: `e${edges.length}`,
      source: `n${a}`,
      target: `n${b}`,
      attributes: { size: 1, color: '#cccccc' },
    });
    degree[a]! += 1;
    degree[b]! += 1;
    pool.push(a, b);
  }
  for (let i = 0; i < n; i++) nodes[i]!.attributes.size = 2 + Math.sqrt(degree[i]!) / 2;
  return {
    attributes: { edges: edgeCount, seed },
    options: { type: 'directed', multi: false, allowSelfLoops: false },
    nodes,
    edges,
  };
}
