// Progress of a long `journey simulate` on stderr (#16): the bytes of the
// timeline file read, then the events replayed, each with a percentage, a
// line at most every second or so, and the line of each step's end (100%),
// so a run that is asked for progress always says where it got to. stdout
// stays the result alone.

export interface ProgressOptions {
  /** Where a line goes (stderr). */
  write: (line: string) => void;
  /** Least time between two lines of a step, ms. */
  everyMs?: number;
  /** The clock, ms. */
  now?: () => number;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: bytes < 10 * 2 ** 20 ? 1 : 0 });
const count = (n: number) => n.toLocaleString('en-US');
const percent = (done: number, total: number) => `${total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 100}%`;

export class ProgressReport {
  private readonly write: (line: string) => void;
  private readonly everyMs: number;
  private readonly now: () => number;
  private last: number;

  constructor(options: ProgressOptions) {
    this.write = options.write;
    this.everyMs = options.everyMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
    this.last = this.now();
  }

  /** Bytes of the timeline file read so far. */
  reading(file: string, bytes: number, size: number): void {
    this.line(bytes >= size, () => `journey simulate: reading ${file}: ${percent(bytes, size)} (${mb(bytes)} of ${mb(size)} MB)`);
  }

  /** Events replayed so far. */
  replaying(events: number, total: number): void {
    this.line(events >= total, () => `journey simulate: replaying: ${percent(events, total)} (${count(events)} of ${count(total)} events)`);
  }

  /** The file was read and replayed on several threads, each for its own contacts (shardedFileReplay.ts). */
  readSharded(threads: number): void {
    this.write(`journey simulate: read and replayed on ${threads} threads, each for its own contacts`);
  }

  private line(end: boolean, text: () => string): void {
    const t = this.now();
    if (!end && t - this.last < this.everyMs) return;
    this.last = t;
    this.write(text());
  }
}
