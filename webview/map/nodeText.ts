// The text of a node, wrapped: its type on one line, its title and its
// summary on up to two lines each, in the smallest of a few node widths that
// holds them uncut (the widest cuts the last line with an ellipsis; the full
// text stays in the tooltip and the accessible name). Measured with a canvas
// in the map's font, so the node's size is known before the layout, and
// cached by text.
import type { MapModel, MapNode } from '../../src/core/mapModel';
import { measureText } from './textFit';

export const TEXT_X = 46;
const TEXT_RIGHT = 12;
/** Node widths tried in turn; most nodes take the first. */
export const NODE_WIDTHS = [264, 312, 360] as const;
const MAX_LINES = 2;
export const TYPE_BASELINE = 19;
const TITLE_FIRST = 38;
const TITLE_LINE = 17;
const SUMMARY_GAP = 19;
const SUMMARY_LINE = 16;
const BOTTOM = 14;
const MIN_HEIGHT = 72;

export const fonts = (family: string) => ({ type: `11px ${family}`, title: `600 13px ${family}`, summary: `12px ${family}` });

export interface NodeText {
  width: number;
  height: number;
  type: string;
  title: string[];
  titleY: number[];
  summary: string[];
  summaryY: number[];
  /** Whether some text had to be cut (only past the widest node). */
  cut: boolean;
}

function breakWord(word: string, width: number, font: string): string[] {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > 0 && measureText(font, rest) > width) {
    let n = rest.length - 1;
    while (n > 1 && measureText(font, rest.slice(0, n)) > width) n--;
    parts.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  if (rest) parts.push(rest);
  return parts;
}

/** `text` wrapped at spaces into lines of at most `width`; undefined when it needs more than `maxLines`. */
export function wrapLines(text: string, width: number, font: string, maxLines: number): string[] | undefined {
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => breakWord(w, width, font));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || measureText(font, candidate) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
      if (lines.length >= maxLines) return undefined;
    }
  }
  if (line) lines.push(line);
  return lines.length <= maxLines ? lines : undefined;
}

/** `text` in at most `maxLines` lines of `width`, the last cut with an ellipsis when it does not fit. */
function wrapCut(text: string, width: number, font: string, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < maxLines - 1) {
    const first = wrapLines(rest, width, font, 1);
    if (first) {
      lines.push(first[0]!);
      return lines;
    }
    const words = rest.split(/\s+/);
    let n = 1;
    while (n < words.length && measureText(font, words.slice(0, n + 1).join(' ')) <= width) n++;
    const head = measureText(font, words[0]!) > width ? breakWord(words[0]!, width, font)[0]! : words.slice(0, n).join(' ');
    lines.push(head);
    rest = rest.slice(head.length).trim();
  }
  if (rest) lines.push(fitLine(rest, width, font));
  return lines;
}

function fitLine(text: string, width: number, font: string): string {
  if (measureText(font, text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (measureText(font, `${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

const cache = new Map<string, NodeText>();

/** The wrapped text and size of a node in the map's font `family`. */
export function nodeText(node: Pick<MapNode, 'kind' | 'type' | 'typeLabel' | 'title' | 'summary' | 'id'> & { pinned?: unknown; problems: readonly unknown[] }, family: string): NodeText {
  const title = node.kind === 'missing' && node.type !== 'collapsed' ? `Missing "${node.id}"` : node.title;
  const badges = (node.pinned ? 18 : 0) + (node.problems.length > 0 ? 16 : 0);
  const key = `${family}\u0000${node.kind}\u0000${node.typeLabel}\u0000${title}\u0000${node.summary}\u0000${badges}`;
  const known = cache.get(key);
  if (known) return known;
  const f = fonts(family);
  let result: NodeText | undefined;
  for (const width of NODE_WIDTHS) {
    const text = width - TEXT_X - TEXT_RIGHT;
    const t = wrapLines(title, text, f.title, MAX_LINES);
    const s = wrapLines(node.summary, text, f.summary, MAX_LINES);
    const type = measureText(f.type, node.typeLabel) <= text - badges;
    if (t && s && type) {
      result = layoutText(width, node.typeLabel, t, s, false);
      break;
    }
  }
  if (!result) {
    const width = NODE_WIDTHS[NODE_WIDTHS.length - 1]!;
    const text = width - TEXT_X - TEXT_RIGHT;
    result = layoutText(width, fitLine(node.typeLabel, text - badges, f.type), wrapCut(title, text, f.title, MAX_LINES), wrapCut(node.summary, text, f.summary, MAX_LINES), true);
  }
  if (cache.size > 20000) cache.clear();
  cache.set(key, result);
  return result;
}

function layoutText(width: number, type: string, title: string[], summary: string[], cut: boolean): NodeText {
  const titleY = title.map((_, i) => TITLE_FIRST + i * TITLE_LINE);
  const summaryStart = (titleY[titleY.length - 1] ?? TITLE_FIRST - TITLE_LINE) + SUMMARY_GAP;
  const summaryY = summary.map((_, i) => summaryStart + i * SUMMARY_LINE);
  const last = summaryY[summaryY.length - 1] ?? titleY[titleY.length - 1] ?? TYPE_BASELINE;
  return { width, height: Math.max(MIN_HEIGHT, last + BOTTOM), type, title, titleY, summary, summaryY, cut };
}

/** The model with each node sized to its wrapped text (the shape key says the sizes, so a size change lays the map out again). */
export function sizeNodes(model: MapModel, family: string): MapModel {
  const sizes: number[] = [];
  const nodes = model.nodes.map((n) => {
    if (n.kind === 'missing' && n.type !== 'collapsed') return n;
    const t = nodeText(n, family);
    sizes.push(t.width, t.height);
    return t.width === n.width && t.height === n.height ? n : { ...n, width: t.width, height: t.height };
  });
  return { ...model, nodes, shapeKey: `${model.shapeKey}${JSON.stringify(sizes)}` };
}
