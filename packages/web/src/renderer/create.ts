/**
 * The sigma instance: settings tuned for readable labels on a few hundred leaders, curved
 * edges where two leaders called each other (@sigma/edge-curve), labels with a light halo.
 */
import EdgeCurveProgram from '@sigma/edge-curve';
import Sigma from 'sigma';
import type { EdgeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { DisplayEdge, DisplayGraph, DisplayNode } from '../graph/build.ts';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function drawLabel(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  if (!data.label) return;
  const size = data.highlighted ? settings.labelSize + 1 : settings.labelSize;
  context.font = `${data.highlighted ? 600 : 500} ${size}px ${FONT}`;
  context.lineJoin = 'round';
  context.lineWidth = 3.5;
  context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.strokeText(data.label, x, y);
  context.fillStyle = '#1e293b';
  context.fillText(data.label, x, y);
}

function drawHover(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.fillStyle = 'rgba(255, 255, 255, 0.9)';
  context.fill();
  context.lineWidth = 1.5;
  context.strokeStyle = '#334155';
  context.stroke();
  drawLabel(context, { ...data, highlighted: true }, settings);
}

export const SIGMA_SETTINGS: Partial<Settings<DisplayNode, DisplayEdge>> = {
  allowInvalidContainer: true,
  renderEdgeLabels: false,
  enableEdgeEvents: true,
  zIndex: true,
  labelFont: FONT,
  labelSize: 12,
  labelWeight: '500',
  labelDensity: 0.9,
  labelGridCellSize: 70,
  labelRenderedSizeThreshold: 6,
  defaultEdgeType: 'line',
  minEdgeThickness: 0.8,
  stagePadding: 40,
  hideEdgesOnMove: false,
  defaultDrawNodeLabel: drawLabel as Settings<DisplayNode, DisplayEdge>['defaultDrawNodeLabel'],
  defaultDrawNodeHover: drawHover as Settings<DisplayNode, DisplayEdge>['defaultDrawNodeHover'],
  edgeProgramClasses: { curved: EdgeCurveProgram as unknown as EdgeProgramType<DisplayNode, DisplayEdge> },
};

export function createRenderer(
  graph: DisplayGraph,
  container: HTMLElement,
  settings: Partial<Settings<DisplayNode, DisplayEdge>>,
): Sigma<DisplayNode, DisplayEdge> {
  return new Sigma(graph, container, { ...SIGMA_SETTINGS, ...settings });
}
