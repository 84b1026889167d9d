// Fits one line of text into a width on the map: measured with a canvas in
// the font the map uses, cut with an ellipsis when it is too long.
let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, string>();

export function measureText(font: string, text: string): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}

export function fitText(text: string, maxWidth: number, font: string): string {
  const key = `${font}\u0000${maxWidth}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let fitted = text;
  if (measureText(font, text) > maxWidth) {
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (measureText(font, `${text.slice(0, mid)}…`) <= maxWidth) low = mid;
      else high = mid - 1;
    }
    fitted = `${text.slice(0, low).trimEnd()}…`;
  }
  if (cache.size > 20000) cache.clear();
  cache.set(key, fitted);
  return fitted;
}
