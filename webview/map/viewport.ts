// Zoom and pan of the map: a viewport maps world (layout) coordinates to
// the screen as screen = world * k + (x, y).
export interface Viewport {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;
export const ZOOM_STEP = 1.25;

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** The viewport that shows all of `content` in `screen`, never enlarged beyond 100%. */
export function fitViewport(content: Size, screen: Size, padding = 24): Viewport {
  if (content.width <= 0 || content.height <= 0 || screen.width <= 0 || screen.height <= 0) return { x: 0, y: 0, k: 1 };
  const k = clampZoom(Math.min(1, (screen.width - 2 * padding) / content.width, (screen.height - 2 * padding) / content.height));
  return { k, x: (screen.width - content.width * k) / 2, y: Math.max(padding, (screen.height - content.height * k) / 2) };
}

/** Zooms by `factor` keeping the world point under the screen point (cx, cy) in place. */
export function zoomAt(v: Viewport, factor: number, cx: number, cy: number): Viewport {
  const k = clampZoom(v.k * factor);
  const f = k / v.k;
  return { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
}

/** The viewport moved so the world rectangle is in view (unchanged when it already is). */
export function revealRect(v: Viewport, rect: { x: number; y: number; width: number; height: number }, screen: Size, margin = 32): Viewport {
  const left = rect.x * v.k + v.x;
  const top = rect.y * v.k + v.y;
  const right = left + rect.width * v.k;
  const bottom = top + rect.height * v.k;
  let { x, y } = v;
  if (left < margin) x += margin - left;
  else if (right > screen.width - margin) x -= Math.min(right - (screen.width - margin), left - margin);
  if (top < margin) y += margin - top;
  else if (bottom > screen.height - margin) y -= Math.min(bottom - (screen.height - margin), top - margin);
  return x === v.x && y === v.y ? v : { ...v, x, y };
}

/** The world rectangle the screen shows. */
export function visibleWorld(v: Viewport, screen: Size): { x: number; y: number; width: number; height: number } {
  return { x: -v.x / v.k, y: -v.y / v.k, width: screen.width / v.k, height: screen.height / v.k };
}

/** Below this zoom the map's text is hard to read; a first view never goes below it. */
export const READABLE_ZOOM = 0.85;

/**
 * The first view of a map: all of it when it fits at a readable size, else
 * a readable zoom showing the top of the map (the starting points, `focus`),
 * centred on them; the overview and "fit" show the rest.
 */
export function initialViewport(content: Size, focus: { x: number; y: number; width: number; height: number } | undefined, screen: Size, padding = 24): Viewport {
  const fit = fitViewport(content, screen, padding);
  if (fit.k >= READABLE_ZOOM || !focus) return fit;
  const k = READABLE_ZOOM;
  const x = content.width * k <= screen.width - 2 * padding ? (screen.width - content.width * k) / 2 : screen.width / 2 - (focus.x + focus.width / 2) * k;
  return { k, x, y: padding - Math.max(0, focus.y - padding) * k };
}
