// How deep filters may nest (all / any / not inside one another), and the
// first filter of a raw value past that depth, found with an explicit stack.
// Checked before anything recursive (the zod schema, the rules, summaries,
// the simulator) reads a filter from a file, so that a hostile file with
// filters nested thousands deep gets a located error instead of a crash.
import type { JsonPath } from './jsonDocument';

/** Filters nest at most this deep; a real journey needs a handful of levels. */
export const MAX_FILTER_DEPTH = 64;

/** The path (relative to `filter`) of the first filter nested deeper than MAX_FILTER_DEPTH, in document order; undefined if none. */
export function filterTooDeepAt(filter: unknown): JsonPath | undefined {
  const stack: { value: unknown; path: JsonPath; depth: number }[] = [{ value: filter, path: [], depth: 1 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_FILTER_DEPTH) return path;
    const record = value as Record<string, unknown>;
    // Last in, first out: children pushed in reverse are searched in document order.
    const of = Object.hasOwn(record, 'of') ? record['of'] : undefined;
    if (Array.isArray(of)) for (let i = of.length - 1; i >= 0; i--) stack.push({ value: of[i], path: [...path, 'of', i], depth: depth + 1 });
    if (Object.hasOwn(record, 'filter')) stack.push({ value: record['filter'], path: [...path, 'filter'], depth: depth + 1 });
  }
  return undefined;
}

/** Whether a raw starting point, point or exit criterion holds a filter nested too deep. */
export function holdsTooDeepFilter(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const record = raw as Record<string, unknown>;
  return (['filter', 'condition'] as const).some((key) => Object.hasOwn(record, key) && filterTooDeepAt(record[key]) !== undefined);
}
