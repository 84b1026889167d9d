// R13: the percentage split's choice, reproducible from the seed. A stable
// 32-bit hash (FNV-1a, then the murmur3 finalizer for an even spread) of
// seed, contact id, point id and entry number, mapped to [0, 1). Not
// Math.random: the same inputs choose the same branch on every machine.

/** FNV-1a over a string, then a field separator. */
function feed(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= 0x1f;
  return Math.imul(h, 0x01000193);
}

/** A number in [0, 1) determined by seed, contact, point and entry. */
export function splitUnit(seed: number, contact: string, point: string, entry: number): number {
  let h = feed(feed(feed(feed(0x811c9dc5, String(seed)), contact), point), String(entry));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * The index of the branch a unit value falls in, for branch percentages
 * (normalised by their total, so shares that do not add up to 100 still work).
 */
export function chooseBranch(unit: number, percents: readonly number[]): number {
  let total = 0;
  for (const p of percents) total += p > 0 ? p : 0;
  if (total <= 0) return 0;
  const target = unit * total;
  let cumulative = 0;
  for (let i = 0; i < percents.length; i++) {
    const p = percents[i]!;
    cumulative += p > 0 ? p : 0;
    if (target < cumulative) return i;
  }
  return percents.length - 1;
}
