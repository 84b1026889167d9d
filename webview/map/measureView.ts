// What the person sees of the map, measured from the page after a paint and
// reported in the `rendered` summary (the tests in a real VS Code read it):
// how many nodes lie outside the canvas or under the inspector or overview,
// how many lines of text are cut or run out of their node, and where each
// node is on screen.
import type { RenderedView } from '../../src/webviewProtocol';

const rectOf = (e: Element | null) => e?.getBoundingClientRect();
const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - 0.5 && a.top >= b.top - 0.5 && a.right <= b.right + 0.5 && a.bottom <= b.bottom + 0.5;
const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export function measureView(): RenderedView | undefined {
  const canvas = rectOf(document.querySelector('.map-canvas'));
  if (!canvas) return undefined;
  const inspector = rectOf(document.querySelector('.inspector-panel, .inspector'));
  const minimap = rectOf(document.querySelector('svg.minimap'));
  const positions: Record<string, [number, number]> = {};
  let offScreen = 0;
  let covered = 0;
  let cutLines = 0;
  for (const g of document.querySelectorAll<SVGGElement>('g.node')) {
    const box = g.querySelector<SVGRectElement>('rect.node-box');
    if (!box) continue;
    const r = box.getBoundingClientRect();
    positions[g.dataset['key'] ?? ''] = [Math.round(r.left * 10) / 10, Math.round(r.top * 10) / 10];
    if (!inside(r, canvas)) offScreen++;
    if ((inspector && intersects(r, inspector)) || (minimap && intersects(r, minimap))) covered++;
    const room = box.width.baseVal.value - 12;
    for (const t of g.querySelectorAll<SVGTextPositioningElement>('.node-type, .node-title tspan, .node-summary tspan')) {
      const x = t.x.baseVal.numberOfItems > 0 ? t.x.baseVal.getItem(0).value : 0;
      if ((t.textContent ?? '').endsWith('…') || x + t.getComputedTextLength() > room + 0.5) cutLines++;
    }
  }
  return { canvas: { width: Math.round(canvas.width), height: Math.round(canvas.height) }, offScreen, covered, cutLines, positions };
}
