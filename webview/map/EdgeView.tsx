// One edge of the map: an orthogonal path with rounded corners and an arrow,
// its branch label (yes / no / timeout / 30%), and the "+" that inserts a
// point on it. Edges to a missing point are dashed and red.
import { memo } from 'react';
import type { MapEdge } from '../../src/core/mapModel';
import type { LaidOutEdge, Point } from '../layout/elkLayout';
import { pathLength, pointAlong } from '../layout/geometry';

/** An SVG path through orthogonal points, corners rounded with radius `r`. */
export function roundedPath(points: readonly Point[], r = 6): string {
  if (points.length === 0) return '';
  let d = `M${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const at = points[i]!;
    const next = points[i + 1]!;
    const inLen = Math.hypot(at.x - prev.x, at.y - prev.y);
    const outLen = Math.hypot(next.x - at.x, next.y - at.y);
    const radius = Math.min(r, inLen / 2, outLen / 2);
    if (radius <= 0.5) {
      d += ` L${at.x} ${at.y}`;
      continue;
    }
    const a = { x: at.x - ((at.x - prev.x) / inLen) * radius, y: at.y - ((at.y - prev.y) / inLen) * radius };
    const b = { x: at.x + ((next.x - at.x) / outLen) * radius, y: at.y + ((next.y - at.y) / outLen) * radius };
    d += ` L${a.x} ${a.y} Q${at.x} ${at.y} ${b.x} ${b.y}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${last.x} ${last.y}`;
}

/**
 * Where the "+" of an edge sits: halfway, or short of the arrow when a label
 * takes the middle; on an edge that joins others into one point (several
 * starting points, branches merging), near its own start, where it is still
 * apart from the others.
 */
export function insertButtonPoint(edge: MapEdge, route: LaidOutEdge, joins = false): Point {
  const length = pathLength(route.points);
  if (joins) return pointAlong(route.points, Math.min(length / 2, 18));
  return pointAlong(route.points, edge.label ? Math.max(length / 2, length - 22) : length / 2);
}

export interface EdgeViewProps {
  edge: MapEdge;
  route: LaidOutEdge;
  inPath: boolean;
  accessibleName: string;
}

export const EdgeView = memo(function EdgeView({ edge, route, inPath, accessibleName }: EdgeViewProps) {
  const classes = ['edge', edge.dangling ? 'dangling' : '', inPath ? 'in-path' : '', edge.label ? `edge-${/^\d/.test(edge.label) ? 'share' : edge.label}` : ''];
  return (
    <g className={classes.filter(Boolean).join(' ')} data-edge={edge.key} data-from={edge.from} data-to={edge.to} data-label={edge.label} role="img" aria-label={accessibleName}>
      <path className="edge-line" d={roundedPath(route.points)} markerEnd={`url(#${edge.dangling ? 'arrow-dangling' : inPath ? 'arrow-path' : 'arrow'})`} />
      {edge.label && route.label && (
        <g className="edge-label" transform={`translate(${route.label.x} ${route.label.y})`} aria-hidden="true">
          <rect width={route.label.width} height={route.label.height} rx={3} />
          <text x={route.label.width / 2} y={route.label.height / 2} textAnchor="middle" dominantBaseline="central">
            {edge.label}
          </text>
        </g>
      )}
    </g>
  );
}, (a, b) => a.route === b.route && a.inPath === b.inPath && a.accessibleName === b.accessibleName && a.edge.key === b.edge.key && a.edge.from === b.edge.from && a.edge.to === b.edge.to && a.edge.label === b.edge.label && a.edge.dangling === b.edge.dangling);

