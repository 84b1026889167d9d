// R20: which contacts have their yearly date (e.g. birthday) on a calendar
// day, kept up to date as the date field changes: the simulator's
// bookkeeping for one daily timer over all contacts. What a yearly date is
// and which dates fall on a day are the kernel's (semantics/schedules.ts).
// One small integer per contact plus append-only day buckets that are
// compacted when read, so a daily trigger costs what that day's contacts
// cost, not a scan of everyone.
import { yearlyDateOf, yearlyDatesOn } from '../semantics/schedules';
import type { CivilDate } from '../time/calendar';

export class DateFieldIndex {
  /** The yearly date (month * 100 + day) of each contact, 0 when unset. */
  private day: Int32Array;
  private readonly buckets = new Map<number, number[]>();

  constructor(
    readonly field: string,
    size: number,
  ) {
    this.day = new Int32Array(size);
  }

  /** Records a contact's current field value. */
  set(contact: number, value: unknown): void {
    if (contact >= this.day.length) {
      const grown = new Int32Array(Math.max(contact + 1, this.day.length * 2));
      grown.set(this.day);
      this.day = grown;
    }
    const key = yearlyDateOf(value);
    if (this.day[contact] === key) return;
    this.day[contact] = key;
    if (key !== 0) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push(contact);
    }
  }

  /** The contacts whose date falls on this day, ascending. */
  on(day: CivilDate): number[] {
    const found: number[] = [];
    for (const key of yearlyDatesOn(day)) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      const live = [...new Set(bucket.filter((c) => this.day[c] === key))];
      this.buckets.set(key, live);
      for (const c of live) found.push(c); // not push(...live): a million contacts can share a date
    }
    return found.sort((a, b) => a - b);
  }
}
