// Finds the known name closest to a misspelt one (Damerau-free Levenshtein),
// for "did you mean" messages and the quick fix that replaces the name.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Work allowed for suggestions in one validation: candidates looked at plus
 * cells of edit-distance tables. Suggestions are a courtesy; the budget keeps
 * a document with many unknown names and many candidates linear to check
 * (past it, names are reported without a suggestion).
 */
export class SuggestionBudget {
  constructor(public remaining = 3_000_000) {}
}

/** Names longer than this get no suggestion (an edit distance costs the product of the lengths). */
const LONGEST_SUGGESTED = 100;

/** The candidate closest to `name`, if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>, budget?: SuggestionBudget): string | undefined {
  if (name.length > LONGEST_SUGGESTED) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const tolerance = Math.max(2, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    if (budget) {
      if (budget.remaining <= 0) break;
      budget.remaining--;
    }
    // The distance is at least the difference in length: skip what cannot be close enough.
    if (Math.abs(candidate.length - name.length) > Math.min(tolerance, bestDistance)) continue;
    if (budget) budget.remaining -= name.length * candidate.length;
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}
