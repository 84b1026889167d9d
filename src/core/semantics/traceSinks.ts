// The two trace sinks: RecordingTrace writes every entry (R8) with its text
// (traceTexts.ts), for the simulator's trace and the runtime's; SilentTrace
// records nothing and makes no text (the simulator with `trace: false`). Both
// keep the latest instant anything happened at (the simulator's end of a
// replay without a horizon, R23).
import type { ExitReason, SuppressionReason, TraceEntry, TraceKind } from '../simulator/types';
import type { ContactState } from './contactState';
import type { TraceSink } from './effects';
import { arriveText, type PassText, passText } from './traceTexts';

export class SilentTrace implements TraceSink {
  /** The latest instant of an entry (recorded or not). */
  lastAt = -Infinity;

  enter(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  send(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  suppressed(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  pass(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  branch(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  arrive(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  leave(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  complete(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
  exit(t: number): void {
    if (t > this.lastAt) this.lastAt = t;
  }
}

export class RecordingTrace implements TraceSink {
  lastAt = -Infinity;

  constructor(
    readonly entries: TraceEntry[],
    private readonly contacts: Pick<ContactState, 'id' | 'entry'>,
  ) {}

  private record(at: number, c: number, point: string, kind: TraceKind, outcome?: string, reason?: string, branch?: string): void {
    if (at > this.lastAt) this.lastAt = at;
    const e: TraceEntry = { at, contact: this.contacts.id(c), point, kind, entry: this.contacts.entry(c) };
    if (outcome !== undefined) e.outcome = outcome;
    if (reason !== undefined) e.reason = reason;
    if (branch !== undefined) e.branch = branch;
    this.entries.push(e);
  }

  enter(t: number, c: number, start: string, how: string): void {
    this.record(t, c, start, 'enter', how);
  }
  send(t: number, c: number, point: string, content: string): void {
    this.record(t, c, point, 'send', content);
  }
  suppressed(t: number, c: number, point: string, content: string, reason: SuppressionReason): void {
    this.record(t, c, point, 'suppressed', content, reason);
  }
  pass(t: number, c: number, point: string, text: PassText, subject: string, value?: unknown): void {
    this.record(t, c, point, 'pass', passText(text, subject, value));
  }
  branch(t: number, c: number, point: string, label: string): void {
    this.record(t, c, point, 'branch', undefined, undefined, label);
  }
  arrive(t: number, c: number, point: string, due: number): void {
    this.record(t, c, point, 'arrive', arriveText(due));
  }
  leave(t: number, c: number, point: string, branch: string, outcome?: string): void {
    this.record(t, c, point, 'leave', outcome, undefined, branch);
  }
  complete(t: number, c: number, point: string): void {
    this.record(t, c, point, 'complete');
  }
  exit(t: number, c: number, point: string, outcome: string | undefined, reason: ExitReason): void {
    this.record(t, c, point, 'exit', outcome, reason);
  }
}
