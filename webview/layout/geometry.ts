// Geometry of edge routes (polylines): length, the point at a distance
// along them, their midpoint.
import type { Point } from './elkLayout';

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
