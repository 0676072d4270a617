/**
 * PNG export: sigma draws on stacked canvases (WebGL edges and nodes, 2D labels). Right after
 * a synchronous render, each layer is composited onto one canvas over a white background.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';

const LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'];

export async function renderPng<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
): Promise<Blob> {
  sigma.refresh();
  const canvases = sigma.getCanvases();
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const context = out.getContext('2d');
  if (!context) throw new Error('renderPng: no 2D canvas context available');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  for (const name of LAYERS) {
    const layer = canvases[name];
    if (layer) context.drawImage(layer, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('renderPng: the canvas gave no image'))),
      'image/png',
    ),
  );
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
