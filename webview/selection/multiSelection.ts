// The map's selection of several nodes: a primary node (the inspector's)
// and the others. Shift/Ctrl+click adds a node (it becomes the primary) or
// takes it out (the primary passes to another selected node).
export interface Selection {
  primary: string | null;
  others: ReadonlySet<string>;
}

export function toggled(primary: string | null, others: ReadonlySet<string>, key: string): Selection {
  const all = new Set([...(primary ? [primary] : []), ...others]);
  if (all.has(key)) {
    all.delete(key);
    const [next = null, ...rest] = [...all];
    return { primary: next, others: new Set(rest) };
  }
  return { primary: key, others: all };
}
