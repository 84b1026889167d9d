// Shares the repeated instants of a timeline's events while it is parsed
// (#16): JSON.parse gives every event its own copy of its `at` string
// (40 bytes of heap for 20 characters), while neighbours in time order
// often have the same instant. Each event is handed over as soon as its
// chunk is parsed (jsonBytes' element hook) and takes the previous event's
// copy when equal. Other names need nothing: V8's JSON.parse already shares
// string values of up to 10 characters (types, short ids), and a table for
// longer ones cost more time than it saved heap (measured on the benchmark
// timeline). The values are unchanged (equal strings), only copies go.
// Pure (state per timeline).

export class TimelineStrings {
  private previousAt: string | undefined;

  /** For jsonBytes' element hook: `key` is the top-level member the element is in. */
  readonly share = (key: string, element: unknown): void => {
    if (key !== 'events' || element === null || typeof element !== 'object') return;
    const event = element as { at?: unknown };
    const at = event.at;
    if (typeof at !== 'string') return;
    if (at === this.previousAt) event.at = this.previousAt;
    else this.previousAt = at;
  };
}
