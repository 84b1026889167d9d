// Serializes the map for export: a standalone SVG of the whole journey
// (every colour resolved from the current theme, the codicon font
// embedded, no editing controls), and a PNG rendered from it.
import { codiconFontDataUrl } from '../icons';

/** Presentation properties copied from the live map to the exported SVG. */
const STYLE_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'visibility'] as const;

/** Copies the computed style onto presentation attributes (not a style attribute, which the CSP forbids). */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  for (const p of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(p);
    if (value) target.setAttribute(p, value);
  }
  const s = source.children;
  const t = target.children;
  for (let i = 0; i < s.length && i < t.length; i++) inlineStyles(s[i]!, t[i]!);
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** The whole map as an SVG document (text). */
export function serializeMapSvg(svg: SVGSVGElement, bounds: { width: number; height: number }, title: string): string {
  const world = svg.querySelector<SVGGElement>('g.map-world');
  const defs = svg.querySelector('defs');
  if (!world) throw new Error('The map has not been drawn yet.');
  const worldCopy = world.cloneNode(true) as SVGGElement;
  inlineStyles(world, worldCopy);
  const defsCopy = defs ? (defs.cloneNode(true) as Element) : undefined;
  if (defs && defsCopy) inlineStyles(defs, defsCopy);
  worldCopy.removeAttribute('transform');
  for (const el of worldCopy.querySelectorAll('.no-export')) el.remove();
  for (const el of worldCopy.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  const width = Math.ceil(bounds.width);
  const height = Math.ceil(bounds.height);
  const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || getComputedStyle(document.body).backgroundColor;
  const serializer = new XMLSerializer();
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`Journey map: ${title}`)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>@font-face{font-family:codicon;src:url(${codiconFontDataUrl()}) format("truetype");}</style>`,
    defsCopy ? serializer.serializeToString(defsCopy) : '',
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>`,
    serializer.serializeToString(worldCopy),
    '</svg>',
  ].join('\n');
}

/** Renders SVG text to a PNG (base64, without the data: prefix), at up to twice the size. */
export async function renderPng(svgText: string, bounds: { width: number; height: number }): Promise<string> {
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  // Stay well inside the canvas limits of the browser, even for very large maps.
  const scale = Math.max(0.05, Math.min(2, 16000 / bounds.width, 16000 / bounds.height, Math.sqrt(120_000_000 / (bounds.width * bounds.height))));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bounds.width * scale));
  canvas.height = Math.max(1, Math.round(bounds.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This webview cannot draw images.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
