// Geometry of edge routes (polylines): length, the point at a distance
// along them, their midpoint, and where an edge's label sits on them.
import { EDGE_LABEL_HEIGHT, labelWidth } from '../../src/core/mapModel';
import type { LaidOutEdge, Point } from './elkLayout';

export function pathLength(points: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return total;
}

/** The point `distance` along a polyline (clamped to its ends). */
export function pointAlong(points: readonly Point[], distance: number): Point {
  let rest = Math.max(0, distance);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= rest && len > 0) return { x: a.x + ((b.x - a.x) * rest) / len, y: a.y + ((b.y - a.y) * rest) / len };
    rest -= len;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

export function midpointOf(points: readonly Point[]): Point {
  return pointAlong(points, pathLength(points) / 2);
}

/** The box of an edge label reading `text`, centred on `at`. */
export function labelBoxAt(text: string, at: Point): NonNullable<LaidOutEdge['label']> {
  const width = labelWidth(text);
  return { x: at.x - width / 2, y: at.y - EDGE_LABEL_HEIGHT / 2, width, height: EDGE_LABEL_HEIGHT };
}

/** An edge on `points`, its label (if it has one) at the route's midpoint. */
export function edgeWithMidLabel(points: Point[], label: string | undefined): LaidOutEdge {
  return label ? { points, label: labelBoxAt(label, midpointOf(points)) } : { points };
}
