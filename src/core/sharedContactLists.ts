// Equal `lists` of the contacts a timeline file reader builds, shared as one
// frozen object (#16: a million contacts read from a file in a 1 GB heap).
// A contact's lists are a small record of list name → subscribed or
// unsubscribed, and a timeline's contacts have few different ones, yet
// JSON.parse gives each contact its own object and its own status strings
// (about 85 bytes a contact). The replay never writes a contact's input
// (ContactStore copies a collection before its first change), so equal ones
// can be one object; it is frozen so that a writer that forgot to copy
// fails loudly instead of changing other contacts. Equal means the same
// keys in the same order with the same values, so a shared record reads
// exactly like the contact's own. A few recent distinct records are
// compared, no key is built: a timeline whose contacts all differ costs a
// few comparisons each and shares nothing. Pure.

type Lists = Readonly<Record<string, unknown>>;

/** Distinct records compared against; past this, the oldest is replaced. */
const KEPT = 16;

export class SharedContactLists {
  private readonly kept: Lists[] = [];
  private readonly keptKeys: string[][] = [];
  private next = 0;

  /** `lists`, or an equal record seen before (frozen). */
  share<T extends Lists>(lists: T): T {
    const kept = this.kept;
    for (let k = 0; k < kept.length; k++) if (sameRecord(lists, kept[k]!, this.keptKeys[k]!)) return kept[k] as T;
    Object.freeze(lists);
    if (kept.length < KEPT) {
      kept.push(lists);
      this.keptKeys.push(Object.keys(lists));
    } else {
      kept[this.next] = lists;
      this.keptKeys[this.next] = Object.keys(lists);
      this.next = (this.next + 1) % KEPT;
    }
    return lists;
  }
}

/** Whether `a` has exactly `keys` (in order) with `b`'s values. */
function sameRecord(a: Lists, b: Lists, keys: readonly string[]): boolean {
  let n = 0;
  for (const key in a) {
    if (key !== keys[n] || a[key] !== b[key]) return false;
    n++;
  }
  return n === keys.length;
}
