// A point's queue in order of arrival (R14: contacts arriving at one instant
// in contact order), for every snapshot (#16: the editor takes one per
// scrubber step). A comparator sort reading each contact's arrival instant
// from the per-contact state at every comparison was most of a step at
// 100,000 contacts; here the instants are read once, in contact order, and
// each (instant, position) pair is packed into one number that a numeric
// sort of a Float64Array orders: the instant above, the position (the
// contact order) below. When the instants span too much for that, the
// comparator sort. Pure.

/** `contacts` (ascending numbers) sorted by `arrivedAt`, ties in the order given. */
export function inArrivalOrder(contacts: number[], arrivedAt: (c: number) => number): number[] {
  const n = contacts.length;
  if (n < 2) return contacts;
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const t = arrivedAt(contacts[j]!);
    keys[j] = t;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  let bits = 1;
  while (1 << bits < n) bits++;
  const scale = 2 ** bits;
  // Exact only while (max - min) * scale + n stays an integer a double holds; and the instants must be integers.
  if (!(Number.isInteger(min) && Number.isInteger(max)) || (max - min) * scale + scale > Number.MAX_SAFE_INTEGER) {
    return contacts.sort((a, b) => arrivedAt(a) - arrivedAt(b));
  }
  for (let j = 0; j < n; j++) {
    const t = keys[j]!;
    if (!Number.isInteger(t)) return contacts.sort((a, b) => arrivedAt(a) - arrivedAt(b));
    keys[j] = (t - min) * scale + j;
  }
  keys.sort();
  const sorted = new Array<number>(n);
  for (let j = 0; j < n; j++) sorted[j] = contacts[keys[j]! % scale]!;
  return sorted;
}
