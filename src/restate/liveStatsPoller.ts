// Reads a published journey's live stats again and again (liveStats.ts): at
// once when started, then every `intervalMs` after the previous reading
// ended (readings never overlap), waiting longer after failures (doubling, up
// to twelve intervals and at most a minute: a service that does not answer
// leaves each call retrying in Restate). Paused and resumed as the map is
// hidden and shown; stopped for good when the map closes or the live view is
// turned off.
import { type LiveFailure, type LiveReading, readLiveStats } from './liveStats';

export type LiveResult = LiveReading | LiveFailure;

export interface LiveStatsPollerOptions {
  /** Read before each reading, so a changed setting applies at the next one. */
  ingressUrl: () => string;
  journeyId: string;
  version?: number;
  intervalMs: number;
  timeoutMs?: number;
  /** The points whose contact queues are read too (the ones someone is looking at). */
  queuePoints?: () => readonly string[];
  onResult: (result: LiveResult) => void;
}

/** The longest wait between readings after failures: twelve intervals (a minute at the editor's 5 s), never more than a minute. */
const MAX_BACKOFF_INTERVALS = 12;
const MAX_BACKOFF_MS = 60_000;

export class LiveStatsPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<LiveResult> | undefined;
  /** Not started yet is "paused": a reading asked for is reported, none follows. */
  private state: 'stopped' | 'running' | 'paused' = 'paused';
  private failures = 0;
  /** How many readings were made (tests, the status). */
  readings = 0;
  last: LiveResult | undefined;

  constructor(readonly options: LiveStatsPollerOptions) {}

  get running(): boolean {
    return this.state === 'running';
  }

  get stopped(): boolean {
    return this.state === 'stopped';
  }

  /** The wait before the next reading: the interval, longer after failures in a row. */
  get nextDelayMs(): number {
    return this.failures === 0 ? this.options.intervalMs : Math.min(MAX_BACKOFF_MS, this.options.intervalMs * MAX_BACKOFF_INTERVALS, this.options.intervalMs * 2 ** this.failures);
  }

  /** Starts (or resumes) polling: reads at once. Not after `stop`. */
  start(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    void this.refresh();
  }

  /** Stops reading until `start` (the map was hidden). */
  pause(): void {
    if (this.state !== 'running') return;
    this.state = 'paused';
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops for good; a reading under way is not reported. */
  stop(): void {
    this.state = 'stopped';
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Reads now (also while paused: someone asked for a queue); the next reading follows after the interval. */
  refresh(): Promise<LiveResult> {
    if (this.reading) return this.reading;
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = (async () => {
      const result = await readLiveStats({
        ingressUrl: this.options.ingressUrl(),
        journeyId: this.options.journeyId,
        ...(this.options.version !== undefined ? { version: this.options.version } : {}),
        queuePoints: this.options.queuePoints?.() ?? [],
        ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
      });
      this.reading = undefined;
      if (this.state === 'stopped') return result;
      this.readings++;
      this.failures = result.ok ? 0 : this.failures + 1;
      this.last = result;
      this.options.onResult(result);
      if (this.state === 'running') this.timer = setTimeout(() => void this.refresh(), this.nextDelayMs);
      return result;
    })();
    this.reading = run;
    return run;
  }
}
