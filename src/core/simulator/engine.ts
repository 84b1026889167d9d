// The discrete-event simulator: replays a timeline against a journey. It is
// a scheduler over many contacts; what happens to one contact when an event
// or a timer reaches it is the journey kernel's (src/core/semantics/kernel.ts),
// the same code the Restate runtime runs.
// The scheduler decides the order (R14): external events in time order (ties
// in timeline order) before timers due at the same instant; timers (waits,
// timeouts, daily date triggers, segment runs) by (time, insertion
// sequence). Two replay strategies give the same result: all contacts in
// time order (timeOrderReplay.ts) and, without a trace or clock-driven
// entries, contact by contact (contactByContactReplay.ts). Per-contact state
// lives in packed arrays (packedContacts.ts), contact data is copied only
// when it changes (contactStore.ts). A shard of a sharded replay
// (shardedReplay.ts) is a Simulation of some contacts with the whole
// replay's start and end (ShardSetUp), reporting its raw counts and queues.
// Fully deterministic; see src/core/semantics.md for every choice.
import { setOwn } from '../ownProperty';
import { JourneyKernel } from '../semantics/kernel';
import { compileForSimulation } from '../compiler/compileJourney';
import { fromIr, K_WAIT, K_WAIT_FOR_EVENT, type KernelJourney, type KernelStart } from '../semantics/kernelJourney';
import { dayAfter, firstTickDay, runAfter, type SegmentRuns, segmentRuns, tickOn } from '../semantics/schedules';
import { RecordingTrace, SilentTrace } from '../semantics/traceSinks';
import type { Journey } from '../schema';
import type { CivilDate } from '../time/calendar';
import { isPackedTimeline, type PackedTimeline } from '../packedTimeline';
import type { Timeline } from '../timeline';
import { ContactByContactReplay } from './contactByContactReplay';
import { DateFieldIndex } from './dateFieldIndex';
import { SimulationError } from './errors';
import type { SimEvent } from './matching';
import { PackedContacts } from './packedContacts';
import { inArrivalOrder } from './queueOrder';
import { SimulationCounters } from './simulationCounters';
import { SimulationEffects, TIMER_DATE, TIMER_SEGMENT, TIMER_WAIT } from './simulationEffects';
import { TimeOrderReplay } from './timeOrderReplay';
import { parseInstant, type PreparedTimeline, prepareTimeline } from './timelineInput';
import { Timers } from './timerLanes';
import type { InstantInput, PointCounters, SimulationOptions, SimulationSnapshot, TraceEntry } from './types';

/** The types of event that never change contact data (the kernel's applyEventData passes them by). */
const EVENTS_WITHOUT_DATA: readonly SimEvent['type'][] = ['emailOpened', 'emailClicked', 'purchase', 'customEvent', 'apiEntry'];

const DAY_MS = 86_400_000;

/** The warning for apiEntry events that name a starting point which is not an API one. */
export function unknownApiStartWarning(startingPoint: string): string {
  return `apiEntry events name starting point "${startingPoint}", which is not an API starting point of the journey: they enter nobody.`;
}
/** Without a horizon, clock-driven sources (date triggers, recurring runs) and the replay stop this long after the last input. */
const OPEN_WINDOW_MS = 366 * DAY_MS;

/** The replay's start and end: what every shard of a sharded replay must share. */
export interface ReplayBounds {
  readonly start: number;
  readonly stopAt: number;
  readonly horizon: number | undefined;
}

/**
 * The start (options, else the timeline's, else the first event or segment
 * start) and the end (the horizon, else the open window after the last input)
 * of a replay; start is not finite when there is nothing to start from.
 */
export function replayBounds(planStart: number | undefined, timeline: Pick<Timeline, 'start' | 'horizon'>, options: SimulationOptions, firstEventTime: number, lastEventTime: number): ReplayBounds {
  const horizon = options.horizon !== undefined ? parseInstant(options.horizon, 'horizon') : timeline.horizon !== undefined ? parseInstant(timeline.horizon, 'timeline horizon') : undefined;
  const start = options.start !== undefined ? parseInstant(options.start, 'start') : timeline.start !== undefined ? parseInstant(timeline.start, 'timeline start') : Math.min(firstEventTime, planStart ?? Infinity);
  const from = Number.isFinite(start) ? start : (horizon ?? 0);
  const stopAt = horizon ?? Math.max(from, lastEventTime, planStart ?? -Infinity) + OPEN_WINDOW_MS;
  return { start, stopAt, horizon };
}

/** A shard of a sharded replay: its contacts' timeline, prepared, and the bounds of the whole replay. */
export interface ShardSetUp {
  readonly prepared: PreparedTimeline;
  readonly bounds: ReplayBounds;
}

/** What one shard reports: its counts, its queued contacts and the instant it reached (shardedReplay.ts merges them). */
export interface ShardResult {
  readonly at: number;
  readonly stats: { started: number; inProgress: number; completed: number; exited: number; exitedBy: Record<string, number> };
  /** Per point (journey order). */
  readonly entered: number[];
  readonly left: number[];
  readonly sent: number[];
  readonly suppressed: number[];
  /** Per point and suppression reason (point * reasons + reason). */
  readonly suppressedBy: number[];
  /** Per starting point. */
  readonly startEntered: number[];
  /** The contacts waiting at a point: the point, the instant of arrival and the contact (its shard index). */
  readonly queued: { point: number[]; arrivedAt: number[]; contact: number[]; id: string[] };
  /** apiEntry events naming a starting point that is not an API one: the first event (shard index) of each. */
  readonly unknownApiStarts: { event: number; startingPoint: string }[];
}

/** A date-field starting point's one daily timer over all contacts (R20): the day it is at, and who has a date on which day. */
interface DateTrigger {
  readonly start: KernelStart;
  readonly index: DateFieldIndex;
  day: CivilDate;
}

export class Simulation {
  readonly start: number;
  readonly horizon: number | undefined;
  readonly seed: number;
  /** Nothing happens after this instant (the horizon, else the open window after the last input). */
  readonly stopAt: number;
  readonly timeline: PreparedTimeline;
  readonly contacts: PackedContacts;
  readonly timers = new Timers();
  /** options.onProgress, for the replay strategies. */
  readonly onProgress: ((eventsDone: number, events: number) => void) | undefined;

  private readonly kj: KernelJourney;
  private readonly kernel: JourneyKernel;
  private readonly effects: SimulationEffects;
  private readonly counters: SimulationCounters;
  private readonly traceSink: SilentTrace | RecordingTrace;
  private readonly trace: TraceEntry[] = [];
  private readonly warnings: string[];
  /** apiEntry events naming a starting point that is not an API one: the first of each (checkApiEntries). */
  private readonly unknownApiStarts: { event: number; startingPoint: string }[] = [];
  /** The replay strategy: contact by contact, else all contacts in time order. */
  private readonly byContact: ContactByContactReplay | undefined;
  private readonly inTimeOrder: TimeOrderReplay | undefined;
  /** For byContact: what a replay in time order needs to report an error as it would (see timeOrderError). */
  private readonly inputs: { journey: Journey; timeline: Timeline | PackedTimeline; options: SimulationOptions };

  private now = -Infinity;
  /** The latest instant an event was handled at (trace entries are in the trace sink's own). */
  private lastEventAt = -Infinity;

  // Clock-driven entries.
  private readonly dateTriggers: DateTrigger[] = [];
  /** The segment schedule's runs in the replay (R19), for a segment journey that names its segment. */
  private readonly segmentRuns: SegmentRuns | undefined;

  constructor(journey: Journey, timeline: Timeline | PackedTimeline, options: SimulationOptions = {}, shard?: ShardSetUp) {
    const compiled = compileForSimulation(journey);
    this.onProgress = options.onProgress;
    this.timeline = shard?.prepared ?? prepareTimeline(timeline);
    const store = this.timeline.store;
    this.warnings = [...compiled.warnings, ...this.timeline.warnings];
    const tracing = options.trace !== false;
    this.seed = options.seed ?? timeline.seed ?? 0;
    this.kj = fromIr(compiled.ir, this.seed, { ...(options.maxChainSteps !== undefined ? { maxSteps: options.maxChainSteps } : {}), unresolved: compiled.unresolved });
    const segment = this.kj.segment;
    const bounds = shard?.bounds ?? replayBounds(segment?.startMs, timeline, options, this.timeline.firstEventTime, this.timeline.lastEventTime);
    this.horizon = bounds.horizon;
    let start = bounds.start;
    if (!Number.isFinite(start)) {
      start = this.horizon ?? 0;
      this.warnings.push('The timeline has no start, no events and no segment start: the replay starts at ' + (this.horizon !== undefined ? 'the horizon.' : '1970-01-01T00:00:00Z.'));
    }
    this.start = start;
    this.stopAt = bounds.stopAt;

    this.contacts = new PackedContacts(store);
    this.counters = new SimulationCounters(this.kj.points.length, this.kj.starts.length);
    this.traceSink = tracing ? new RecordingTrace(this.trace, this.contacts) : new SilentTrace();

    this.checkApiEntries(timeline);
    const hasDateTriggers = this.kj.kind === 'trigger' && this.kj.starts.some((s) => s.daily !== undefined);
    const byContact = !tracing && options.replayOrder !== 'time' && !hasDateTriggers && segment === undefined;
    this.effects = new SimulationEffects(this.traceSink, this.counters, this.contacts, this.timers, this.delayLanes(), byContact);
    this.kernel = new JourneyKernel(this.kj, this.contacts, this.effects);
    if (hasDateTriggers) this.setUpDateTriggers();
    if (segment) {
      this.segmentRuns = segmentRuns(segment, { from: start, until: this.stopAt });
      const first = this.segmentRuns.first;
      if (first) this.timers.push(first.at, TIMER_SEGMENT, first.k, 0);
    }
    if (byContact) this.byContact = new ContactByContactReplay(this);
    else this.inTimeOrder = new TimeOrderReplay(this);
    this.inputs = { journey, timeline, options };
  }

  /** The instant the simulation has advanced to. */
  get time(): number {
    return this.now;
  }

  /** The packed per-contact state (the time-order replay touches it ahead). */
  get packedState() {
    return this.contacts.cs;
  }

  private get lastActivity(): number {
    return Math.max(this.lastEventAt, this.traceSink.lastAt);
  }

  /**
   * Processes every event and timer up to and including `t` (never past the
   * horizon). Advancing in several steps gives the same result as one step;
   * an instant before the current one changes nothing.
   */
  advanceTo(input: InstantInput): this {
    const target = typeof input === 'number' ? input : parseInstant(input, 'advanceTo');
    if (Number.isNaN(target)) throw new SimulationError('invalid-instant', 'advanceTo: the instant is not a number.');
    const limit = Math.min(target, this.stopAt);
    if (this.byContact) {
      try {
        this.byContact.advance(limit);
      } catch (error) {
        throw error instanceof SimulationError ? this.timeOrderError(target, error) : error;
      }
    } else this.inTimeOrder!.advance(limit);
    let reached: number;
    if (this.horizon !== undefined) reached = Math.min(target, this.horizon);
    else reached = Number.isFinite(target) ? target : Math.max(this.start, this.lastActivity);
    if (reached > this.now) this.now = reached;
    return this;
  }

  /**
   * The error a replay in time order stops with (contact by contact, the
   * first contact to fail is not always the first in time): replays so,
   * from the start, up to `target`.
   */
  private timeOrderError(target: number, error: SimulationError): SimulationError {
    const { journey, timeline, options } = this.inputs;
    try {
      new Simulation(journey, timeline, { ...options, replayOrder: 'time' }).advanceTo(target);
    } catch (first) {
      if (first instanceof SimulationError) return first;
    }
    return error;
  }

  /** Runs to the horizon, or until nothing is pending when there is none. */
  run(): this {
    return this.advanceTo(Infinity);
  }

  /** Stats, counters, queues and trace at the current instant. */
  snapshot(): SimulationSnapshot {
    const { points, starts } = this.kj;
    const contacts = this.contacts;
    const counters = this.counters;
    // Queues in order of arrival instant, contacts arriving at one instant in contact order (sort is stable).
    const byPoint: number[][] = points.map(() => []);
    for (let c = 0; c < contacts.store.size; c++) {
      const w = contacts.where(c);
      if (w >= 0) byPoint[w]!.push(c);
    }
    const queues: Record<string, string[]> = {};
    const pointCounters: Record<string, PointCounters> = {};
    points.forEach((p, i) => {
      const waiting = inArrivalOrder(byPoint[i]!, (c) => contacts.arrivedAt(c));
      setOwn(queues, p.id, waiting.map((c) => contacts.id(c)));
      setOwn(pointCounters, p.id, {
        entered: counters.pEntered[i]!,
        left: counters.pLeft[i]!,
        queued: waiting.length,
        sent: counters.pSent[i]!,
        suppressed: counters.pSuppressed[i]!,
        suppressedBy: counters.suppressedByOf(i),
      });
    });
    const startingPoints: Record<string, { entered: number }> = {};
    starts.forEach((s, i) => setOwn(startingPoints, s.id, { entered: counters.spEntered[i]! }));
    return {
      at: this.now,
      start: this.start,
      horizon: this.horizon,
      seed: this.seed,
      stats: { started: counters.startedCount, inProgress: counters.inProgress, completed: counters.completedCount, exited: counters.exitedCount, exitedBy: { ...counters.exitedBy } },
      points: pointCounters,
      startingPoints,
      queues,
      trace: this.trace.slice(),
      warnings: [...this.warnings],
    };
  }

  /** A shard's raw counts and queues at the current instant (shardedReplay.ts merges them into a snapshot). */
  shardResult(): ShardResult {
    const contacts = this.contacts;
    const c = this.counters;
    const queued: ShardResult['queued'] = { point: [], arrivedAt: [], contact: [], id: [] };
    for (let k = 0; k < contacts.store.size; k++) {
      const w = contacts.where(k);
      if (w < 0) continue;
      queued.point.push(w);
      queued.arrivedAt.push(contacts.arrivedAt(k));
      queued.contact.push(k);
      queued.id.push(contacts.id(k));
    }
    return {
      at: this.now,
      stats: { started: c.startedCount, inProgress: c.inProgress, completed: c.completedCount, exited: c.exitedCount, exitedBy: { ...c.exitedBy } },
      entered: Array.from(c.pEntered as ArrayLike<number>),
      left: Array.from(c.pLeft as ArrayLike<number>),
      sent: Array.from(c.pSent as ArrayLike<number>),
      suppressed: Array.from(c.pSuppressed as ArrayLike<number>),
      suppressedBy: Array.from(c.pSuppressedBy as ArrayLike<number>),
      startEntered: Array.from(c.spEntered as ArrayLike<number>),
      queued,
      unknownApiStarts: this.unknownApiStarts.slice(),
    };
  }

  // ---------------------------------------------------------------------------
  // Set-up.

  private checkApiEntries(timeline: Timeline | PackedTimeline): void {
    const apiStarts = new Set(this.kj.starts.filter((s) => s.trigger.type === 'api').map((s) => s.id));
    const reported = new Set<string>();
    const events: readonly SimEvent[] = isPackedTimeline(timeline) ? timeline.eventBody : timeline.events;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]!;
      if (ev.type !== 'apiEntry' || ev.startingPoint === undefined || apiStarts.has(ev.startingPoint) || reported.has(ev.startingPoint)) continue;
      reported.add(ev.startingPoint);
      this.unknownApiStarts.push({ event: i, startingPoint: ev.startingPoint });
      this.warnings.push(unknownApiStartWarning(ev.startingPoint));
    }
  }

  /** One timer lane per distinct delay of the wait and wait-for-event points. */
  private delayLanes(): Int32Array {
    const laneOf = new Int32Array(this.kj.points.length).fill(-1);
    const byDelay = new Map<number, number>();
    for (const p of this.kj.points) {
      if (p.kind !== K_WAIT && p.kind !== K_WAIT_FOR_EVENT) continue;
      let lane = byDelay.get(p.waitMs);
      if (lane === undefined) {
        lane = this.timers.newLane();
        if (lane === undefined) continue;
        byDelay.set(p.waitMs, lane);
      }
      laneOf[p.index] = lane;
    }
    return laneOf;
  }

  /** R20: one daily timer per date-field starting point, from the first tick of the replay (semantics/schedules.ts). */
  private setUpDateTriggers(): void {
    const store = this.contacts.store;
    const indexes = this.effects.dateIndexes;
    for (const start of this.kj.starts) {
      const daily = start.daily;
      if (!daily) continue;
      let index = indexes.get(daily.field);
      if (!index) {
        index = new DateFieldIndex(daily.field, store.size);
        for (let c = 0; c < store.size; c++) index.set(c, store.view(c).fields?.[daily.field]);
        indexes.set(daily.field, index);
      }
      const dt: DateTrigger = { start, index, day: firstTickDay(daily, this.start) };
      this.dateTriggers.push(dt);
      const at = tickOn(daily, dt.day);
      if (at <= this.stopAt) this.timers.push(at, TIMER_DATE, this.dateTriggers.length - 1, 0);
    }
  }

  // ---------------------------------------------------------------------------
  // What the replay strategies hand over: an event, a timer, a wait's end.

  /** Event i of the timeline, for contact c at t. */
  processEvent(i: number, t: number, c: number): void {
    const ev: SimEvent = this.timeline.events[i]!;
    const type = ev.type; // read once (a megamorphic load), passed on
    const stamp = this.contacts.nextStamp();
    this.kernel.applyEventData(c, ev, t, type);
    if (t < this.start) return; // history before the replay: data only
    if (t > this.lastEventAt) this.lastEventAt = t;
    this.kernel.eventArrives(c, ev, t, stamp, type);
  }

  /** The timer just popped. */
  processTimer(): void {
    const timers = this.timers;
    const t = timers.poppedTime;
    const a = timers.poppedA;
    switch (timers.poppedKind) {
      case TIMER_WAIT:
        if (this.contacts.waitToken(a) !== timers.poppedB) return; // the contact left the point: stale
        this.endWait(a, t);
        return;
      case TIMER_DATE: {
        const dt = this.dateTriggers[a]!;
        for (const c of dt.index.on(dt.day)) this.kernel.dateTick(c, dt.start.index, t);
        dt.day = dayAfter(dt.day);
        const next = tickOn(dt.start.daily!, dt.day);
        if (next <= this.stopAt) timers.push(next, TIMER_DATE, a, 0);
        return;
      }
      case TIMER_SEGMENT: {
        let candidates = this.effects.takePending();
        if (!this.contacts.segmentRunsStarted) {
          this.contacts.segmentRunsStarted = true;
          candidates = [];
          for (let c = 0; c < this.contacts.store.size; c++) candidates.push(c);
        }
        for (const c of candidates) this.kernel.segmentRun(c, t);
        const next = runAfter(this.segmentRuns!, a);
        if (next) timers.push(next.at, TIMER_SEGMENT, next.k, 0);
        return;
      }
    }
  }

  /** A contact's wait (or wait for an event) ends: it goes on (or times out) at `t`. */
  endWait(c: number, t: number): void {
    this.contacts.setWaitToken(c, 0);
    this.kernel.waitEnds(c, t);
  }

  noteActivity(t: number): void {
    if (t > this.lastEventAt) this.lastEventAt = t;
  }

  /**
   * The types of event this replay can never notice: events that change no
   * contact data (see the kernel's applyEventData), fire no trigger, are
   * awaited by no point and match no exit criterion. None when a condition
   * exit criterion is checked on every event.
   */
  inertEventTypes(): Set<string> {
    if (this.kj.hasConditionCriteria) return new Set();
    const noticed = new Set<string | undefined>([...this.kj.starts.map((s) => s.triggerType), ...this.kj.points.map((p) => p.awaitedType)]);
    for (const criterion of this.kj.exitCriteria) if (criterion.when === 'event') noticed.add(criterion.event.type);
    return new Set(EVENTS_WITHOUT_DATA.filter((type) => !noticed.has(type)));
  }
}

