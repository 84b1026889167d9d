// Large journeys on one screen: elkjs lays a journey out top to bottom, so
// a long one is a tall, narrow strip (200 points: 17,000 px by 600 px) that
// no fit can show at a size where its shapes are recognisable. When a
// layout is much taller than the screen's shape, this cuts it into bands at
// gaps between layers where the fewest edges cross (the main path's, as a
// rule) and sets the bands side by side as columns, the main path straight
// in each; an edge that crosses a cut runs down from its point, across to
// the gap after its column, up, and into the top of the next column. Pure.
import type { MapModel } from '../../src/core/mapModel';
import type { LaidOutEdge, LaidOutNode, MapLayout, Point } from './elkLayout';
import { edgeWithMidLabel } from './geometry';

const COLUMN_GAP = 96;
const MARGIN = 24;
/** Below this many nodes a map is never cut into columns. */
export const COLUMN_MIN_NODES = 60;

/** How many columns show `layout` biggest on a screen of `aspect` (width / height). */
export function bestColumnCount(width: number, height: number, aspect: number): number {
  let best = { columns: 1, scale: Math.min(aspect / width, 1 / height) };
  for (let c = 2; c <= 16; c++) {
    const scale = Math.min(aspect / (c * width + (c - 1) * COLUMN_GAP), 1 / (height / c + MARGIN));
    if (scale > best.scale) best = { columns: c, scale };
  }
  return best.columns;
}

/** `layout` cut into columns for a screen of `aspect` (width / height); unchanged when one column shows it best. */
export function wrapIntoColumns(layout: MapLayout, model: MapModel, aspect: number): MapLayout {
  if (model.nodes.length < COLUMN_MIN_NODES || layout.nodes.size === 0) return layout;
  const columns = bestColumnCount(layout.width, layout.height, aspect);
  if (columns < 2) return layout;

  // Layer gaps: y ranges no node spans, with how many edges cross each.
  const spans = [...layout.nodes.values()].map((n) => [n.y, n.y + n.height] as const).sort((a, b) => a[0] - b[0]);
  const gaps: number[] = [];
  let reach = -Infinity;
  for (const [top, bottom] of spans) {
    if (reach > -Infinity && top > reach + 1) gaps.push((reach + top) / 2);
    reach = Math.max(reach, bottom);
  }
  if (gaps.length === 0) return layout;
  const keyOf = new Map<string, LaidOutNode>(layout.nodes);
  const centreY = (key: string) => {
    const n = keyOf.get(key);
    return n ? n.y + n.height / 2 : 0;
  };
  const crossing = (y: number) => model.edges.reduce((count, e) => count + ((centreY(e.from) < y) !== (centreY(e.to) < y) ? 1 : 0), 0);
  const bandHeight = layout.height / columns;
  const cuts: number[] = [];
  for (let c = 1; c < columns; c++) {
    const target = c * bandHeight;
    let best: { y: number; score: number } | undefined;
    for (const y of gaps) {
      if (Math.abs(y - target) > bandHeight * 0.2 || (cuts.length > 0 && y <= cuts[cuts.length - 1]!)) continue;
      const score = crossing(y) * bandHeight * 0.05 + Math.abs(y - target);
      if (!best || score < best.score) best = { y, score };
    }
    if (best) cuts.push(best.y);
  }
  if (cuts.length === 0) return layout;
  const bandOf = (y: number) => {
    let band = 0;
    while (band < cuts.length && y >= cuts[band]!) band++;
    return band;
  };
  const tops = [0, ...cuts];
  const bandHeights = tops.map((top, i) => (i < cuts.length ? cuts[i]! : layout.height) - top);
  const offset = (band: number): Point => ({ x: band * (layout.width + COLUMN_GAP), y: band === 0 ? 0 : MARGIN - tops[band]! });
  const nodes = new Map<string, LaidOutNode>();
  const bandOfNode = new Map<string, number>();
  for (const [key, n] of layout.nodes) {
    const band = bandOf(n.y + n.height / 2);
    bandOfNode.set(key, band);
    const o = offset(band);
    nodes.set(key, { ...n, x: n.x + o.x, y: n.y + o.y });
  }
  const edges = new Map<string, LaidOutEdge>();
  for (const e of model.edges) {
    const route = layout.edges.get(e.key);
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    const a = bandOfNode.get(e.from);
    const b = bandOfNode.get(e.to);
    if (!route || !from || !to || a === undefined || b === undefined) continue;
    if (a === b) {
      const o = offset(a);
      const move = (p: Point) => ({ x: p.x + o.x, y: p.y + o.y });
      edges.set(e.key, { points: route.points.map(move), ...(route.label ? { label: { ...route.label, ...move(route.label) } } : {}) });
      continue;
    }
    // Across a cut: down, to the gap after the source's column, up (or down) to above the target, in.
    const start = { x: route.points[0]!.x + offset(a).x, y: route.points[0]!.y + offset(a).y };
    const end = { x: to.x + to.width / 2, y: to.y };
    const gapX = (a + 1) * (layout.width + COLUMN_GAP) - COLUMN_GAP / 2 + (b < a ? -(a - b) * (layout.width + COLUMN_GAP) : 0);
    const points = [start, { x: start.x, y: start.y + 16 }, { x: gapX, y: start.y + 16 }, { x: gapX, y: end.y - 16 }, { x: end.x, y: end.y - 16 }, end];
    edges.set(e.key, edgeWithMidLabel(points, e.label));
  }
  const height = Math.max(...bandHeights.map((h, i) => h + (i === 0 ? 0 : MARGIN)));
  return { ...layout, nodes, edges, width: tops.length * (layout.width + COLUMN_GAP) - COLUMN_GAP, height };
}
