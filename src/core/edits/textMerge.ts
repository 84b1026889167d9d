// Three-way merge of one text value: a field's text was typed on `base`
// while the document's value became `theirs` (another map, the text editor);
// the person's change (`mine`) is made on `theirs` instead of replacing it.
// Pure.

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The one replacement that turns `from` into `to`: the part between their common prefix and suffix. */
function spliceBetween(from: string, to: string): Splice {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let suffix = 0;
  while (suffix < from.length - start && suffix < to.length - start && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  return { start, end: from.length - suffix, text: to.slice(start, to.length - suffix) };
}

/**
 * `mine` and `theirs` are both edits of `base`: when their changes do not
 * overlap, both are kept (two insertions at the same place: theirs, which
 * reached the document first, then mine); when they overlap, mine wins,
 * since it is the value the person just committed.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (theirs === base || mine === theirs) return mine;
  if (mine === base) return theirs;
  const m = spliceBetween(base, mine);
  const t = spliceBetween(base, theirs);
  if (m.start === m.end && t.start === t.end && m.start === t.start) return base.slice(0, t.start) + t.text + m.text + base.slice(t.start);
  if (m.end <= t.start) return base.slice(0, m.start) + m.text + base.slice(m.end, t.start) + t.text + base.slice(t.end);
  if (t.end <= m.start) return base.slice(0, t.start) + t.text + base.slice(t.end, m.start) + m.text + base.slice(m.end);
  return mine;
}
