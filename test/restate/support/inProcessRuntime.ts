// Runs the runtime's contact machine in-process, without Restate: every
// contact gets the inputs the Restate service would get (its profile before
// the start, its events in timeline order, the wake-ups it armed when their
// instants come, a wait's with its stay token, stale ones included) and the
// traces are collected, with the stats each contact keeps (its
// deltas added up as the Contact object does, through JSON as Restate stores
// them). A fast check of the runtime's decisions
// against the simulator on many journeys; the Restate tests then check that
// the durable services carry the same decisions out.
import { compileJourney } from '../../../src/core/compiler/compileJourney';
import type { Journey } from '../../../src/core/schema';
import type { TraceEntry } from '../../../src/core/simulator/index';
import type { Timeline } from '../../../src/core/timeline';
import { type ContactInput, ContactMachine, type ContactState, type WakeUp } from '../../../src/restate/runtime/contactMachine';
import { eventBody } from '../../../src/restate/runtime/ingressEvent';
import { loadRuntimeJourney } from '../../../src/restate/runtime/runtimeJourney';
import { addDeltas, type ContactStats } from '../../../src/restate/runtime/statsDelta';

export interface InProcessOptions {
  start: number;
  horizon: number;
  seed: number;
  /** Deliver the wake-ups each contact armed before each later event, as Restate would (true), or leave the timers to catch-up (false). */
  eagerTimers?: boolean;
}

export function runInProcess(journey: Journey, timeline: Timeline, options: InProcessOptions): { trace: TraceEntry[]; states: Map<string, ContactState>; stats: Map<string, ContactStats> } {
  const ir = compileJourney(journey);
  const rj = loadRuntimeJourney(ir, { dayMs: 86_400_000, activeFrom: options.start, activeUntil: options.horizon, splitSeed: options.seed });
  const machine = new ContactMachine([rj]);
  const states = new Map<string, ContactState>();
  const trace: TraceEntry[] = [];
  const stats = new Map<string, ContactStats>();
  /** The wake-ups each contact armed and has not been given yet. */
  const armed = new Map<string, WakeUp[]>();
  const handle = (st: ContactState, input: ContactInput) => {
    const fx = machine.handle(st, input);
    if (fx.arm.length > 0) armed.set(st.id, [...(armed.get(st.id) ?? []), ...fx.arm]);
    trace.push(...fx.trace);
    if (fx.stats.length > 0) stats.set(st.id, JSON.parse(JSON.stringify(addDeltas(stats.get(st.id), fx.stats))) as ContactStats);
  };
  const before = options.start - 1;
  for (const c of timeline.contacts) {
    if (states.has(c.id)) continue;
    const st = machine.create(c.id, before);
    states.set(c.id, st);
    const { id: _id, ...profile } = c;
    handle(st, { type: 'upsert', at: before, profile });
  }
  const order = timeline.events.map((e, i) => ({ e, i, t: Date.parse(e.at) })).sort((a, b) => a.t - b.t || a.i - b.i);
  for (const { e, t } of order) {
    if (t > options.horizon) break;
    let st = states.get(e.contact);
    if (!st) states.set(e.contact, (st = machine.create(e.contact, t)));
    if (options.eagerTimers) {
      for (const other of states.values()) {
        for (;;) {
          const pending = armed.get(other.id) ?? [];
          const next = pending.filter((w) => w.due < t).sort((a, b) => a.due - b.due)[0];
          if (!next) break;
          armed.set(other.id, pending.filter((w) => w !== next));
          handle(other, { type: 'wake', ...next });
        }
      }
    }
    handle(st, { type: 'event', at: t, event: eventBody(e) });
  }
  for (const st of states.values()) handle(st, { type: 'wake', due: options.horizon });
  return { trace, states, stats };
}
