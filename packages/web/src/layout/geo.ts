/**
 * Geographic layout: leaders at their state's latitude/longitude (from the State node), a
 * small ring when several share a state; heads of organizations (and leaders whose state has
 * no coordinates) in a band below the map; topics in a band above it.
 */
import type { Dataset, DisplayGraph } from '../graph/build.ts';

const SCALE = 1;
const BAND_BELOW = -75;
const BAND_ABOVE = 95;

export function geoPositions(
  graph: DisplayGraph,
  dataset: Dataset,
): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  const byState = new Map<string, string[]>();
  const unplaced: string[] = [];
  const topics: string[] = [];
  graph.forEachNode((node, attr) => {
    if (attr.kind === 'Topic') {
      topics.push(node);
      return;
    }
    const code = attr.kind === 'Leader' ? attr.state : node;
    const polity = code ? dataset.polities.get(code) : undefined;
    if (polity && !polity.organization && polity.lat !== null && polity.lng !== null) {
      const list = byState.get(polity.code) ?? [];
      list.push(node);
      byState.set(polity.code, list);
    } else unplaced.push(node);
  });
  for (const [code, nodes] of byState) {
    const polity = dataset.polities.get(code)!;
    nodes.sort();
    nodes.forEach((node, i) => {
      const ring = nodes.length > 1 ? 2.5 : 0;
      const angle = (i / nodes.length) * Math.PI * 2;
      out[node] = {
        x: (polity.lng! + Math.cos(angle) * ring) * SCALE,
        y: (polity.lat! + Math.sin(angle) * ring) * SCALE,
      };
    });
  }
  const band = (nodes: string[], y: number) => {
    nodes.sort();
    const step = nodes.length > 1 ? Math.min(20, 320 / (nodes.length - 1)) : 0;
    const left = -((nodes.length - 1) * step) / 2;
    nodes.forEach((node, i) => {
      out[node] = { x: (left + i * step) * SCALE, y: y * SCALE };
    });
  };
  band(unplaced, BAND_BELOW);
  band(topics, BAND_ABOVE);
  return out;
}
