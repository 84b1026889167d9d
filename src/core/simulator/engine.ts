// The discrete-event engine (R7-R20): replays a timeline against a journey.
// External events (in time order, ties in timeline order) come before timers
// due at the same instant; timers (waits, timeouts, daily date triggers,
// segment runs) are ordered by (time, insertion sequence): fixed delays in
// FIFO lanes, the others in a heap (timerLanes.ts). Each contact is in one
// place at a time; its state lives in flat arrays of numbers indexed by
// contact number, its data is copied only when it changes.
// Actions take no time: a contact runs through a chain of points at one
// instant until it waits, completes or exits. Changes the journey itself
// makes (tag added/removed, list joined) are events too: they are queued and
// handled after the current chain, at the same instant, in order.
// Contacts never affect each other except through clock-driven entries
// (date triggers, segment runs) and the trace's interleaving. So a replay
// without those is run contact by contact (each contact's events, and its
// one pending wait, in order; see advanceByContact): the same result, but
// each contact's state and data are read once, from one place, instead of
// once per event from all over memory, and no timer queue is needed.
// Fully deterministic; see src/core/semantics.md for every choice.
import { setOwn } from '../ownProperty';
import type { ExitCriterion, Journey, PointOf, PointType, Trigger } from '../schema';
import type { Timeline } from '../timeline';
import { compileForSimulation, type CompiledJourney, type CompiledPoint, type CompiledStart, type SegmentPlan } from './compiledJourney';
import { emailSuppression, smsSuppression } from './sendConsent';
import type { ContactStore } from './contactStore';
import { DateFieldIndex } from './dateFieldIndex';
import { type Numbers, numbers } from './heapNumbers';
import { SimulationError } from './errors';
import { EventsByContact } from './eventsByContact';
import { evaluateFilter, type FilterContext } from './filterEvaluation';
import { awaitedMatches, type SimEvent, triggerMatches } from './matching';
import { chooseBranch, splitUnit } from './splitHash';
import { formatInstant, parseInstant, type PreparedTimeline, prepareTimeline } from './timelineInput';
import { Timers } from './timerLanes';
import {
  type ExitReason,
  type InstantInput,
  type PointCounters,
  type SimulationOptions,
  type SimulationSnapshot,
  SUPPRESSION_REASONS,
  type SuppressionReason,
  type TraceEntry,
  type TraceKind,
} from './types';
import { firstRunAtOrAfter, runAt } from '../time/wallClockRecurrence';
import { addDays, afterDuration, localParts, zonedToEpoch } from './zonedTime';

// Contact status.
const NEVER = 0;
const IN = 1;
const COMPLETED = 2;
const EXITED = 3;

// Point kinds: the hot loop switches on a number instead of reading `type`
// from point objects of a dozen shapes (a megamorphic property load).
const K_SEND_EMAIL = 0;
const K_SEND_SMS = 1;
const K_ADD_TAG = 2;
const K_REMOVE_TAG = 3;
const K_UPDATE_FIELD = 4;
const K_SUBSCRIBE_LIST = 5;
const K_UNSUBSCRIBE_LIST = 6;
const K_WEBHOOK = 7;
const K_EXIT = 8;
const K_END = 9;
const K_IF_ELSE = 10;
const K_WAIT = 11;
const K_WAIT_UNTIL = 12;
const K_WAIT_FOR_EVENT = 13;
const K_SPLIT = 14;
const POINT_KIND: Record<PointType, number> = {
  sendEmail: K_SEND_EMAIL,
  sendSms: K_SEND_SMS,
  addTag: K_ADD_TAG,
  removeTag: K_REMOVE_TAG,
  updateField: K_UPDATE_FIELD,
  subscribeList: K_SUBSCRIBE_LIST,
  unsubscribeList: K_UNSUBSCRIBE_LIST,
  webhook: K_WEBHOOK,
  exit: K_EXIT,
  end: K_END,
  ifElse: K_IF_ELSE,
  wait: K_WAIT,
  waitUntil: K_WAIT_UNTIL,
  waitForEvent: K_WAIT_FOR_EVENT,
  split: K_SPLIT,
};

/** The only event type that can fire each trigger (see `triggerMatches`); undefined: no event fires it. */
const TRIGGER_EVENT: Record<Trigger['type'], SimEvent['type'] | undefined> = {
  audienceJoined: 'audienceJoined',
  tagAdded: 'tagAdded',
  tagRemoved: 'tagRemoved',
  customEvent: 'customEvent',
  formSubmitted: 'formSubmitted',
  campaignActivity: 'campaignActivity',
  segmentEntered: 'segmentJoined',
  api: 'apiEntry',
  dateField: undefined,
};

/** The types of event that never change contact data (applyEventData passes them by). */
const EVENTS_WITHOUT_DATA: readonly SimEvent['type'][] = ['emailOpened', 'emailClicked', 'purchase', 'customEvent', 'apiEntry'];

/** An event of one type. */
type EventOf<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

// Timer kinds.
const TIMER_WAIT = 0;
const TIMER_DATE = 1;
const TIMER_SEGMENT = 2;

const DAY_MS = 86_400_000;
/** Without a horizon, clock-driven sources (date triggers, recurring runs) and the replay stop this long after the last input. */
const OPEN_WINDOW_MS = 366 * DAY_MS;

interface DateTrigger {
  readonly start: CompiledStart;
  readonly index: DateFieldIndex;
  readonly zone: string;
  readonly hour: number;
  readonly minute: number;
  year: number;
  month: number;
  day: number;
}

// Per-contact state, C_SIZE numbers per contact in Simulation.cs.
const C_STATUS = 0; // NEVER, IN, COMPLETED, EXITED
const C_WHERE = 1; // the point index it is at, -1 when not in the journey
const C_ENTRY = 2; // its stay number: 1 on the first entry, 2 after a re-entry...
const C_STEP_COUNT = 3; // points passed at C_STEP_INSTANT (zero-time loop guard)
const C_STEP_INSTANT = 4;
const C_ARRIVAL = 5; // the stamp of its arrival at a wait point (R11: only later events count)
const C_TOKEN = 6; // the token of its pending wait timer, 0 when none
const C_LAST_MARKETING_EMAIL = 7; // when this journey last sent it a marketing email (R18)
const C_ARRIVED_AT = 8; // the instant of its arrival at the wait point it is at (queues are in this order)
const C_DUE = 9; // contact by contact: when its pending wait ends (pending while C_TOKEN is not 0)
const C_SIZE = 10;

/** Events (and lane timers) whose contacts' state is touched ahead, together (see warmEvents). */
const WARM_AHEAD = 32;
/** Contact by contact: the contacts ahead whose events are touched together (see warmContacts). */
const WARM_CONTACTS = 16;

/** Adds one to a counter and returns the new count. */
function inc(counts: Numbers, i: number): number {
  return (counts[i] = counts[i]! + 1);
}

export class Simulation {
  readonly start: number;
  readonly horizon: number | undefined;
  readonly seed: number;

  private readonly cj: CompiledJourney;
  private readonly tl: PreparedTimeline;
  private readonly store: ContactStore;
  private readonly stopAt: number;
  private readonly tracing: boolean;
  private readonly maxSteps: number;
  private readonly filterCtx: FilterContext;
  private readonly contentOf: (pointId: string) => string | undefined;
  /** Per point: its kind (K_*). */
  private readonly kinds: Uint8Array;
  /** Per point: the event type a wait-for-event point waits for (undefined for other points). */
  private readonly awaitedType: (SimEvent['type'] | undefined)[];
  /** Per starting point: the only event type that can fire its trigger. */
  private readonly triggerType: (SimEvent['type'] | undefined)[];
  private readonly segmentJourney: boolean;
  /** Replayed contact by contact (see advanceByContact), not in global time order. */
  private readonly byContact: boolean;
  /** For byContact: each contact's events; built on the first advance. */
  private contactEvents: EventsByContact | undefined;
  /** For byContact: what a replay in time order needs to report an error as it would (see timeOrderError). */
  private readonly inputs: { journey: Journey; timeline: Timeline; options: SimulationOptions };

  private now = -Infinity;
  /** Events before this one have had their contact's state touched ahead (warmEvents). */
  private warmedTo = 0;
  /** Where warm-up loads go, so that the compiler keeps them. */
  private warmSink = 0;
  private lastActivity = -Infinity;
  private eventPtr = 0;
  private stamp = 0;
  private tokens = 0;
  private readonly timers = new Timers();
  /** Per point: the timer lane of its fixed delay (wait, wait for event), -1 for none. */
  private readonly laneOf: Int32Array;

  // Per contact: the hot state side by side, C_SIZE numbers per contact (see C_*), so a
  // contact's event or timer touches one or two cache lines instead of one per field.
  private readonly cs: Numbers;
  /** When each contact last left the journey (re-entry cool-down). */
  private readonly leftAt: Numbers;
  private readonly pendingFlag: Uint8Array;

  // Counters.
  private started = 0;
  private inProgress = 0;
  private completed = 0;
  private exited = 0;
  private readonly exitedBy: Record<ExitReason, number> = { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 };
  private readonly pEntered: Numbers;
  private readonly pLeft: Numbers;
  private readonly pSent: Numbers;
  private readonly pSuppressed: Numbers;
  private readonly pSuppressedBy: Numbers;
  private readonly spEntered: Numbers;

  private readonly trace: TraceEntry[] = [];
  private readonly warnings: string[];

  // Events the journey's own actions cause, handled after the current chain.
  // (Kept at their longest and overwritten: emptying an array frees its storage, and the next push allocates it again.)
  private readonly ieContact: number[] = [];
  private readonly ieEvent: SimEvent[] = [];
  private readonly ieStamp: number[] = [];
  private ieCount = 0;
  /** Per point: the event its action causes when it changes something (tagAdded, tagRemoved, audienceJoined); read only, so shared. */
  private readonly caused: (SimEvent | undefined)[];

  // Clock-driven entries.
  private readonly dateTriggers: DateTrigger[] = [];
  private readonly dateIndexes = new Map<string, DateFieldIndex>();
  private readonly segment: SegmentPlan | undefined;
  /** The segment schedule's start: runs are at anchor + k * every. */
  private readonly segmentAnchor: number;
  private segmentStarted = false;
  private pending: number[] = [];

  // Diagnosis of a zero-time loop.
  private trail: string[] = [];

  constructor(journey: Journey, timeline: Timeline, options: SimulationOptions = {}) {
    this.cj = compileForSimulation(journey);
    this.tl = prepareTimeline(timeline);
    this.store = this.tl.store;
    this.warnings = [...this.cj.warnings, ...this.tl.warnings];
    this.tracing = options.trace !== false;
    this.maxSteps = options.maxChainSteps ?? Math.max(10_000, 50 * journey.points.length);
    this.seed = options.seed ?? timeline.seed ?? 0;
    this.horizon = options.horizon !== undefined ? parseInstant(options.horizon, 'horizon') : timeline.horizon !== undefined ? parseInstant(timeline.horizon, 'timeline horizon') : undefined;
    this.segment = this.cj.segmentPlan;
    const planStart = this.segment?.startMs;
    let start = options.start !== undefined ? parseInstant(options.start, 'start') : timeline.start !== undefined ? parseInstant(timeline.start, 'timeline start') : Math.min(this.tl.firstEventTime, planStart ?? Infinity);
    if (!Number.isFinite(start)) {
      start = this.horizon ?? 0;
      this.warnings.push('The timeline has no start, no events and no segment start: the replay starts at ' + (this.horizon !== undefined ? 'the horizon.' : '1970-01-01T00:00:00Z.'));
    }
    this.start = start;
    this.stopAt = this.horizon ?? Math.max(start, this.tl.lastEventTime, planStart ?? -Infinity) + OPEN_WINDOW_MS;
    this.filterCtx = { now: start, timeZone: this.cj.timeZone };
    const contentOfPoint = this.cj.contentOfPoint;
    this.contentOf = (id) => contentOfPoint.get(id);
    this.kinds = Uint8Array.from(this.cj.points, (p) => POINT_KIND[p.point.type]);
    this.awaitedType = this.cj.points.map((p) => (p.point.type === 'waitForEvent' ? p.point.event.type : undefined));
    this.triggerType = this.cj.starts.map((s) => TRIGGER_EVENT[s.sp.trigger.type]);
    this.segmentJourney = journey.kind === 'segment';
    this.laneOf = this.delayLanes();
    this.caused = this.cj.points.map(({ point }): SimEvent | undefined => {
      if (point.type === 'addTag') return Object.freeze({ type: 'tagAdded', tag: point.tag });
      if (point.type === 'removeTag') return Object.freeze({ type: 'tagRemoved', tag: point.tag });
      if (point.type === 'subscribeList') return Object.freeze({ type: 'audienceJoined', list: point.list });
      return undefined;
    });

    const n = this.store.size;
    this.cs = numbers(n * C_SIZE);
    for (let o = 0; o < this.cs.length; o += C_SIZE) {
      this.cs[o + C_WHERE] = -1;
      this.cs[o + C_LAST_MARKETING_EMAIL] = -Infinity;
      this.cs[o + C_STEP_INSTANT] = NaN;
    }
    this.timers.warmAhead(this.cs, C_SIZE, WARM_AHEAD);
    this.leftAt = numbers(n);
    this.pendingFlag = new Uint8Array(n);

    const p = this.cj.points.length;
    this.pEntered = numbers(p);
    this.pLeft = numbers(p);
    this.pSent = numbers(p);
    this.pSuppressed = numbers(p);
    this.pSuppressedBy = numbers(p * SUPPRESSION_REASONS.length);
    this.spEntered = numbers(this.cj.starts.length);

    this.checkApiEntries(timeline);
    if (journey.kind === 'trigger') this.setUpDateTriggers();
    this.segmentAnchor = planStart ?? start;
    if (this.segment) this.setUpSegmentRuns(this.segment, this.segmentAnchor);
    this.byContact = !this.tracing && options.replayOrder !== 'time' && this.dateTriggers.length === 0 && this.segment === undefined;
    this.inputs = { journey, timeline, options };
  }

  /** The instant the simulation has advanced to. */
  get time(): number {
    return this.now;
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
    if (this.byContact) this.advanceByContact(limit, target);
    else this.advanceInTimeOrder(limit);
    let reached: number;
    if (this.horizon !== undefined) reached = Math.min(target, this.horizon);
    else reached = Number.isFinite(target) ? target : Math.max(this.start, this.lastActivity);
    if (reached > this.now) this.now = reached;
    return this;
  }

  /** Every event and timer up to `limit`, all contacts together in time order (R14). */
  private advanceInTimeOrder(limit: number): void {
    const { order, time } = this.tl;
    const nEvents = time.length;
    for (;;) {
      const et = this.eventPtr < nEvents ? time[order === undefined ? this.eventPtr : order[this.eventPtr]!]! : Infinity;
      const tt = this.timers.peekTime();
      if (et <= tt) {
        if (et > limit) break;
        if (this.eventPtr >= this.warmedTo) this.warmEvents(this.eventPtr);
        const k = this.eventPtr++;
        const i = order === undefined ? k : order[k]!;
        this.processEvent(i, time[i]!, this.tl.contact[i]!);
      } else {
        if (tt > limit) break;
        this.timers.pop();
        this.processTimer();
      }
    }
  }

  /**
   * Every event and wait up to `limit`, one contact after the other: each
   * contact's events in replay order, its pending wait (at most one) ending
   * after the events of its instant, as in time order (R14). Contacts do not
   * interact here (no clock-driven entries), so every count, queue and
   * contact state is the one the replay in time order reaches.
   */
  private advanceByContact(limit: number, target: number): void {
    const byContact = (this.contactEvents ??= new EventsByContact(this.store.size, this.tl.contact, this.tl.time, this.tl.order, this.tl.events, this.inertEventTypes()));
    const { events, time, start, next } = byContact;
    const cs = this.cs;
    const n = this.store.size;
    /** Whether this advance replays every contact to the end (nothing happens after stopAt). */
    const final = limit >= this.stopAt;
    try {
      for (let c = 0; c < n; c++) {
        if (c % WARM_CONTACTS === 0) this.warmContacts(c);
        const o = c * C_SIZE;
        const end = start[c + 1]!;
        let k = next[c]!;
        for (;;) {
          const et = k < end ? time[k]! : Infinity;
          const tt = cs[o + C_TOKEN] !== 0 ? cs[o + C_DUE]! : Infinity;
          if (et <= tt) {
            if (et > limit) break;
            const i = events[k++]!;
            if (i >= 0) this.processEvent(i, et, c);
            else if (et >= this.start && et > this.lastActivity) this.lastActivity = et; // inert: it only happened
          } else {
            if (tt > limit) break;
            this.endWait(c, tt);
          }
        }
        next[c] = k;
        if (final) this.store.retire(c); // nothing more can happen to it
      }
    } catch (error) {
      throw error instanceof SimulationError ? this.timeOrderError(target, error) : error;
    }
  }

  /**
   * Reads the events of the next WARM_CONTACTS contacts in one tight loop:
   * they lie where the timeline put them (in time order, far apart), and
   * loads issued together overlap their cache misses (see warmEvents).
   */
  private warmContacts(from: number): void {
    const { events, start } = this.contactEvents!;
    const timeline = this.tl.events;
    const end = start[Math.min(from + WARM_CONTACTS, this.store.size)]!;
    let sink = 0;
    for (let k = start[from]!; k < end; k++) {
      const i = events[k]!;
      if (i >= 0) sink += timeline[i]!.type.length;
    }
    this.warmSink += sink;
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

  /**
   * Touches the state of the contacts of the next WARM_AHEAD events in one
   * tight loop. With a million contacts each is a cache (and TLB) miss; loads
   * issued together overlap, where the same loads made one event at a time
   * would each stall the replay for the whole memory latency.
   */
  private warmEvents(from: number): void {
    const { order, contact } = this.tl;
    const end = Math.min(from + WARM_AHEAD, contact.length);
    const cs = this.cs;
    let sink = 0;
    for (let k = from; k < end; k++) sink += cs[contact[order === undefined ? k : order[k]!]! * C_SIZE]!;
    this.warmSink += sink;
    this.warmedTo = end;
  }

  /** Runs to the horizon, or until nothing is pending when there is none. */
  run(): this {
    return this.advanceTo(Infinity);
  }

  /** Stats, counters, queues and trace at the current instant. */
  snapshot(): SimulationSnapshot {
    const { points, starts } = this.cj;
    // Queues in order of arrival instant, contacts arriving at one instant in contact order (sort is stable).
    const byPoint: number[][] = points.map(() => []);
    for (let c = 0; c < this.store.size; c++) {
      const w = this.cs[c * C_SIZE + C_WHERE]!;
      if (w >= 0) byPoint[w]!.push(c);
    }
    const queues: Record<string, string[]> = {};
    const counters: Record<string, PointCounters> = {};
    const R = SUPPRESSION_REASONS.length;
    points.forEach((p, i) => {
      const waiting = byPoint[i]!.sort((a, b) => this.cs[a * C_SIZE + C_ARRIVED_AT]! - this.cs[b * C_SIZE + C_ARRIVED_AT]!);
      setOwn(queues, p.id, waiting.map((c) => this.store.ids[c]!));
      const suppressedBy: Partial<Record<SuppressionReason, number>> = {};
      SUPPRESSION_REASONS.forEach((reason, r) => {
        const count = this.pSuppressedBy[i * R + r]!;
        if (count > 0) suppressedBy[reason] = count;
      });
      setOwn(counters, p.id, { entered: this.pEntered[i]!, left: this.pLeft[i]!, queued: waiting.length, sent: this.pSent[i]!, suppressed: this.pSuppressed[i]!, suppressedBy });
    });
    const startingPoints: Record<string, { entered: number }> = {};
    starts.forEach((s, i) => setOwn(startingPoints, s.id, { entered: this.spEntered[i]! }));
    return {
      at: this.now,
      start: this.start,
      horizon: this.horizon,
      seed: this.seed,
      stats: { started: this.started, inProgress: this.inProgress, completed: this.completed, exited: this.exited, exitedBy: { ...this.exitedBy } },
      points: counters,
      startingPoints,
      queues,
      trace: this.trace.slice(),
      warnings: [...this.warnings],
    };
  }

  // ---------------------------------------------------------------------------
  // Set-up.

  private checkApiEntries(timeline: Timeline): void {
    const apiStarts = new Set(this.cj.starts.filter((s) => s.sp.trigger.type === 'api').map((s) => s.id));
    const reported = new Set<string>();
    for (const ev of timeline.events) {
      if (ev.type !== 'apiEntry' || ev.startingPoint === undefined || apiStarts.has(ev.startingPoint) || reported.has(ev.startingPoint)) continue;
      reported.add(ev.startingPoint);
      this.warnings.push(`apiEntry events name starting point "${ev.startingPoint}", which is not an API starting point of the journey: they enter nobody.`);
    }
  }

  /** One timer lane per distinct delay of the wait and wait-for-event points. */
  private delayLanes(): Int32Array {
    const laneOf = new Int32Array(this.cj.points.length).fill(-1);
    const byDelay = new Map<number, number>();
    this.cj.points.forEach((p, i) => {
      if (this.kinds[i] !== K_WAIT && this.kinds[i] !== K_WAIT_FOR_EVENT) return;
      let lane = byDelay.get(p.waitMs);
      if (lane === undefined) {
        lane = this.timers.newLane();
        if (lane === undefined) return;
        byDelay.set(p.waitMs, lane);
      }
      laneOf[i] = lane;
    });
    return laneOf;
  }

  private setUpDateTriggers(): void {
    for (const start of this.cj.starts) {
      const trigger = start.sp.trigger;
      if (trigger.type !== 'dateField') continue;
      let index = this.dateIndexes.get(trigger.field);
      if (!index) {
        index = new DateFieldIndex(trigger.field, this.store.size);
        for (let c = 0; c < this.store.size; c++) index.set(c, this.store.view(c).fields?.[trigger.field]);
        this.dateIndexes.set(trigger.field, index);
      }
      const zone = trigger.timeZone ?? this.cj.timeZone;
      const [hour, minute] = trigger.time.split(':').map(Number) as [number, number];
      const today = localParts(this.start, zone);
      const dt: DateTrigger = { start, index, zone, hour, minute, year: today.year, month: today.month, day: today.day };
      let at = this.dateTickTime(dt);
      if (at < this.start) {
        Object.assign(dt, addDays(dt.year, dt.month, dt.day, 1));
        at = this.dateTickTime(dt);
      }
      this.dateTriggers.push(dt);
      if (at <= this.stopAt) this.timers.push(at, TIMER_DATE, this.dateTriggers.length - 1, 0);
    }
  }

  private dateTickTime(dt: DateTrigger): number {
    return zonedToEpoch({ year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, second: 0 }, dt.zone);
  }

  private setUpSegmentRuns(plan: SegmentPlan, planStart: number): void {
    let k = 0;
    let at = Math.max(planStart, this.start);
    if (plan.schedule.type === 'recurring') {
      ({ k, at } = firstRunAtOrAfter({ anchor: planStart, every: plan.every, zone: plan.zone }, this.start));
      if (at > plan.untilMs) return;
    }
    if (at <= this.stopAt) this.timers.push(at, TIMER_SEGMENT, k, 0);
  }

  // ---------------------------------------------------------------------------
  // The two kinds of things that happen: events and timers.

  /** Event i of the timeline, for contact c at t. */
  private processEvent(i: number, t: number, c: number): void {
    const ev: SimEvent = this.tl.events[i]!;
    const type = ev.type;
    const stamp = ++this.stamp;
    this.applyEventData(c, ev, type);
    if (t < this.start) return; // history before the replay: data only
    if (t > this.lastActivity) this.lastActivity = t;
    this.handleEvent(c, ev, type, t, stamp);
    this.drainInternal(t);
  }

  private processTimer(): void {
    const t = this.timers.poppedTime;
    const a = this.timers.poppedA;
    switch (this.timers.poppedKind) {
      case TIMER_WAIT:
        if (this.cs[a * C_SIZE + C_TOKEN] !== this.timers.poppedB) return; // the contact left the point: stale
        this.endWait(a, t);
        return;
      case TIMER_DATE: {
        const dt = this.dateTriggers[a]!;
        for (const c of dt.index.on(dt.year, dt.month, dt.day)) {
          if (this.cs[c * C_SIZE + C_STATUS] === IN) continue;
          this.stamp++;
          this.tryEnter(c, dt.start, t, 'dateField');
          this.drainInternal(t);
        }
        Object.assign(dt, addDays(dt.year, dt.month, dt.day, 1));
        const next = this.dateTickTime(dt);
        if (next <= this.stopAt) this.timers.push(next, TIMER_DATE, a, 0);
        return;
      }
      case TIMER_SEGMENT: {
        const plan = this.segment!;
        let candidates: number[];
        if (!this.segmentStarted) {
          this.segmentStarted = true;
          candidates = [];
          for (let c = 0; c < this.store.size; c++) candidates.push(c);
        } else {
          candidates = this.pending.sort((x, y) => x - y);
        }
        for (const c of this.pending) this.pendingFlag[c] = 0;
        this.pending = [];
        for (const c of candidates) {
          if (this.cs[c * C_SIZE + C_STATUS] === IN || !this.isMember(c, plan.segment)) continue;
          this.stamp++;
          this.tryEnterSegment(c, t);
          this.drainInternal(t);
        }
        if (plan.schedule.type === 'recurring') {
          const next = runAt({ anchor: this.segmentAnchor, every: plan.every, zone: plan.zone }, a + 1);
          if (next <= plan.untilMs && next <= this.stopAt) this.timers.push(next, TIMER_SEGMENT, a + 1, 0);
        }
        return;
      }
    }
  }

  /** A contact's wait (or wait for an event) ends: it goes on (or times out) at `t`. */
  private endWait(c: number, t: number): void {
    this.cs[c * C_SIZE + C_TOKEN] = 0;
    this.stamp++;
    const idx = this.cs[c * C_SIZE + C_WHERE]!;
    const p = this.cj.points[idx]!;
    const timeout = this.kinds[idx] === K_WAIT_FOR_EVENT;
    this.record(t, c, p.id, 'leave', undefined, undefined, timeout ? 'timeout' : 'next');
    inc(this.pLeft, idx);
    this.runChain(c, this.follow(p, timeout ? 1 : 0), t);
    this.drainInternal(t);
  }

  private isMember(c: number, segment: string): boolean {
    return this.store.view(c).segments?.includes(segment) ?? false;
  }

  /**
   * The types of event this replay can never notice: events that change no
   * contact data (see applyEventData), fire no trigger, are awaited by no
   * point and match no exit criterion. None when a condition exit criterion
   * is checked on every event.
   */
  private inertEventTypes(): Set<string> {
    if (this.cj.hasConditionCriteria) return new Set();
    const noticed = new Set<string | undefined>([...this.triggerType, ...this.awaitedType]);
    for (const criterion of this.cj.exitCriteria) if (criterion.when === 'event') noticed.add(criterion.event.type);
    return new Set(EVENTS_WITHOUT_DATA.filter((type) => !noticed.has(type)));
  }

  /** Applies what an event says about the contact's data (also for history before the start). `type` is `ev.type`. */
  private applyEventData(c: number, ev: SimEvent, type: SimEvent['type']): void {
    const s = this.store;
    switch (type) {
      case 'audienceJoined': {
        const e = ev as EventOf<'audienceJoined'>;
        if (e.list !== undefined) s.setList(c, e.list, 'subscribed');
        return;
      }
      case 'tagAdded':
        s.addTag(c, (ev as EventOf<'tagAdded'>).tag);
        return;
      case 'tagRemoved':
        s.removeTag(c, (ev as EventOf<'tagRemoved'>).tag);
        return;
      case 'fieldChanged': {
        const e = ev as EventOf<'fieldChanged'>;
        this.setField(c, e.field, e.value);
        return;
      }
      case 'formSubmitted': {
        const fields = (ev as EventOf<'formSubmitted'>).fields;
        if (fields) for (const key of Object.keys(fields)) this.setField(c, key, fields[key]!);
        return;
      }
      case 'campaignActivity': {
        const e = ev as EventOf<'campaignActivity'>;
        s.addActivity(c, `${e.campaign}:${e.activity}`);
        return;
      }
      case 'unsubscribed': {
        const e = ev as EventOf<'unsubscribed'>;
        if (e.list !== undefined) s.setList(c, e.list, 'unsubscribed');
        else s.unsubscribeAll(c);
        return;
      }
      case 'subscribed':
        s.setList(c, (ev as EventOf<'subscribed'>).list, 'subscribed');
        return;
      case 'segmentJoined': {
        const segment = (ev as EventOf<'segmentJoined'>).segment;
        if (s.joinSegment(c, segment) && this.segment?.schedule.type === 'recurring' && segment === this.segment.segment && !this.pendingFlag[c]) {
          this.pendingFlag[c] = 1;
          this.pending.push(c);
        }
        return;
      }
      case 'segmentLeft':
        s.leaveSegment(c, (ev as EventOf<'segmentLeft'>).segment);
        return;
      default:
        return;
    }
  }

  private setField(c: number, field: string, value: string | number | boolean | null): boolean {
    const changed = this.store.setField(c, field, value);
    if (changed) this.dateIndexes.get(field)?.set(c, value);
    return changed;
  }

  /**
   * An event for a contact (from the timeline, or caused by the journey's own
   * actions). A contact in the journey may leave (master unsubscribe, exit
   * criteria) or get what it waits for; a contact outside may enter. A
   * contact that is in the journey when the event arrives is not entered by it.
   */
  private handleEvent(c: number, ev: SimEvent, type: SimEvent['type'], t: number, stamp: number): void {
    if (this.cs[c * C_SIZE + C_STATUS] === IN) {
      if (this.cj.marketing && type === 'unsubscribed' && (ev as EventOf<'unsubscribed'>).list === undefined) {
        this.exitWaiting(c, t, 'unsubscribed', undefined);
        return;
      }
      const criterion = this.exitCriterionFor(c, ev, t);
      if (criterion) {
        this.exitWaiting(c, t, 'exitCriteria', criterion.id);
        return;
      }
      const idx = this.cs[c * C_SIZE + C_WHERE]!;
      // Only a wait-for-event point has an awaited type, and only an event of that type can match it.
      if (this.awaitedType[idx] === type && stamp > this.cs[c * C_SIZE + C_ARRIVAL]!) {
        const p = this.cj.points[idx]!;
        if (awaitedMatches((p.point as PointOf<'waitForEvent'>).event, ev, this.contentOf)) {
          this.cs[c * C_SIZE + C_TOKEN] = 0;
          this.record(t, c, p.id, 'leave', this.tracing ? type : undefined, undefined, 'yes');
          inc(this.pLeft, idx);
          this.runChain(c, this.follow(p, 0), t);
        }
      }
      return;
    }
    if (this.segmentJourney) {
      // Segment journeys are entered by their schedule only (R19).
      if (this.segment && this.segment.schedule.type === 'oneTimeRolling' && this.segmentStarted && type === 'segmentJoined' && (ev as EventOf<'segmentJoined'>).segment === this.segment.segment) this.tryEnterSegment(c, t);
      return;
    }
    const starts = this.cj.starts;
    for (let k = 0; k < starts.length; k++) {
      if (this.triggerType[k] !== type) continue;
      const s = starts[k]!;
      if (!triggerMatches(s.sp.trigger, ev)) continue;
      if (type === 'apiEntry') {
        const wanted = (ev as EventOf<'apiEntry'>).startingPoint;
        if (wanted !== undefined && wanted !== s.id) continue;
      }
      if (this.tryEnter(c, s, t, s.sp.trigger.type)) return;
    }
  }

  private drainInternal(t: number): void {
    if (this.ieCount === 0) return;
    // Handling one may cause more: they join the end of the list.
    for (let k = 0; k < this.ieCount; k++) {
      const ev = this.ieEvent[k]!;
      this.handleEvent(this.ieContact[k]!, ev, ev.type, t, this.ieStamp[k]!);
    }
    this.ieCount = 0;
  }

  private emit(c: number, ev: SimEvent): void {
    const k = this.ieCount++;
    if (k === this.ieEvent.length) {
      this.ieContact.push(c);
      this.ieEvent.push(ev);
      this.ieStamp.push(++this.stamp);
    } else {
      this.ieContact[k] = c;
      this.ieEvent[k] = ev;
      this.ieStamp[k] = ++this.stamp;
    }
  }

  // ---------------------------------------------------------------------------
  // Entering (R7, R19, R20).

  private tryEnterSegment(c: number, t: number): boolean {
    const plan = this.segment!;
    if (plan.schedule.type !== 'recurring' && this.cs[c * C_SIZE + C_ENTRY]! > 0) return false; // one-time: each person at most once ever
    return this.tryEnter(c, plan.entry, t, `segment:${plan.schedule.type}`);
  }

  private tryEnter(c: number, s: CompiledStart, t: number, how: string): boolean {
    const status = this.cs[c * C_SIZE + C_STATUS]!;
    if (status === IN) return false;
    const view = this.store.view(c);
    if (status !== NEVER) {
      const policy = this.cj.reEntry;
      if (policy.mode === 'never') return false;
      if (policy.mode === 'afterCompletion' && status !== COMPLETED) return false;
      if (policy.mode === 'afterCooldown' && t < afterDuration(this.leftAt[c]!, this.cj.cooldown, this.cj.timeZone)) return false;
    }
    if (s.sp.filter && !evaluateFilter(s.sp.filter, view, this.ctxAt(t))) return false;
    if (s.next < 0) throw new SimulationError('dangling-reference', `Starting point "${s.id}" goes on to "${s.sp.next}", which is not a point of the journey.`);
    inc(this.cs, c * C_SIZE + C_ENTRY);
    this.cs[c * C_SIZE + C_STATUS] = IN;
    this.started++;
    this.inProgress++;
    inc(this.spEntered, s.index);
    this.record(t, c, s.id, 'enter', how);
    if (this.cj.hasConditionCriteria) {
      const criterion = this.conditionCriterion(c, t);
      if (criterion) {
        this.record(t, c, s.id, 'exit', criterion.id, 'exitCriteria');
        this.finishExit(c, t, 'exitCriteria');
        return true;
      }
    }
    this.runChain(c, s.next, t);
    return true;
  }

  // ---------------------------------------------------------------------------
  // Moving through points (R8-R13, R17, R18).

  private follow(p: CompiledPoint, k: number): number {
    const i = p.succ[k]!;
    if (i < 0) throw new SimulationError('dangling-reference', `Point "${p.id}" goes on (${p.labels[k]}) to "${p.succIds[k]}", which is not a point of the journey.`);
    return i;
  }

  private runChain(c: number, first: number, t: number): void {
    const points = this.cj.points;
    const kinds = this.kinds;
    let idx = first;
    for (;;) {
      const p = points[idx]!;
      this.countStep(c, t, p.id);
      inc(this.pEntered, idx);
      this.cs[c * C_SIZE + C_WHERE] = idx;
      const kind = kinds[idx]!;
      switch (kind) {
        case K_SEND_EMAIL: {
          const point = p.point as PointOf<'sendEmail'>;
          const reason = emailSuppression(p.transactional, p.list, this.store.view(c), t, this.cs[c * C_SIZE + C_LAST_MARKETING_EMAIL]!, this.cj.timeZone);
          if (reason) this.suppress(c, idx, t, point.content, reason);
          else {
            this.record(t, c, p.id, 'send', point.content);
            inc(this.pSent, idx);
            if (!p.transactional) this.cs[c * C_SIZE + C_LAST_MARKETING_EMAIL] = t;
          }
          break;
        }
        case K_SEND_SMS: {
          const point = p.point as PointOf<'sendSms'>;
          const reason = smsSuppression(p.transactional, p.list, this.store.view(c), point.phoneField);
          if (reason) this.suppress(c, idx, t, point.content, reason);
          else {
            this.record(t, c, p.id, 'send', point.content);
            inc(this.pSent, idx);
          }
          break;
        }
        case K_ADD_TAG: {
          const point = p.point as PointOf<'addTag'>;
          const changed = this.store.addTag(c, point.tag);
          this.record(t, c, p.id, 'pass', this.tracing ? (changed ? `tag "${point.tag}" added` : `already tagged "${point.tag}"`) : undefined);
          if (changed) {
            this.emit(c, this.caused[idx]!);
            if (this.exitAfterChange(c, idx, t)) return;
          }
          break;
        }
        case K_REMOVE_TAG: {
          const point = p.point as PointOf<'removeTag'>;
          const changed = this.store.removeTag(c, point.tag);
          this.record(t, c, p.id, 'pass', this.tracing ? (changed ? `tag "${point.tag}" removed` : `was not tagged "${point.tag}"`) : undefined);
          if (changed) {
            this.emit(c, this.caused[idx]!);
            if (this.exitAfterChange(c, idx, t)) return;
          }
          break;
        }
        case K_UPDATE_FIELD: {
          const point = p.point as PointOf<'updateField'>;
          const changed = this.setField(c, point.field, point.value);
          this.record(t, c, p.id, 'pass', this.tracing ? `${point.field} = ${JSON.stringify(point.value)}` : undefined);
          if (changed && this.exitAfterChange(c, idx, t)) return;
          break;
        }
        case K_SUBSCRIBE_LIST: {
          const point = p.point as PointOf<'subscribeList'>;
          const before = this.store.setList(c, point.list, 'subscribed');
          this.record(t, c, p.id, 'pass', this.tracing ? (before === 'subscribed' ? `already subscribed to "${point.list}"` : `subscribed to "${point.list}"`) : undefined);
          if (before !== 'subscribed') {
            if (before === undefined) this.emit(c, this.caused[idx]!);
            if (this.exitAfterChange(c, idx, t)) return;
          }
          break;
        }
        case K_UNSUBSCRIBE_LIST: {
          const point = p.point as PointOf<'unsubscribeList'>;
          const before = this.store.setList(c, point.list, 'unsubscribed');
          this.record(t, c, p.id, 'pass', this.tracing ? `unsubscribed from "${point.list}"` : undefined);
          if (before !== 'unsubscribed' && this.exitAfterChange(c, idx, t)) return;
          break;
        }
        case K_WEBHOOK: {
          const point = p.point as PointOf<'webhook'>;
          this.record(t, c, p.id, 'pass', this.tracing ? `${point.method ?? 'POST'} ${point.url}` : undefined);
          break;
        }
        case K_EXIT:
          this.record(t, c, p.id, 'exit', (p.point as PointOf<'exit'>).reason, 'exitPoint');
          inc(this.pLeft, idx);
          this.finishExit(c, t, 'exitPoint');
          return;
        case K_END:
          this.record(t, c, p.id, 'complete');
          inc(this.pLeft, idx);
          this.finishComplete(c, t);
          return;
        case K_IF_ELSE: {
          const yes = evaluateFilter((p.point as PointOf<'ifElse'>).condition, this.store.view(c), this.ctxAt(t));
          this.record(t, c, p.id, 'branch', undefined, undefined, yes ? 'yes' : 'no');
          inc(this.pLeft, idx);
          idx = this.follow(p, yes ? 0 : 1);
          continue;
        }
        case K_SPLIT: {
          const k = chooseBranch(splitUnit(this.seed, this.store.ids[c]!, p.id, this.cs[c * C_SIZE + C_ENTRY]!), p.percents);
          this.record(t, c, p.id, 'branch', undefined, undefined, p.labels[k]);
          inc(this.pLeft, idx);
          idx = this.follow(p, k);
          continue;
        }
        case K_WAIT:
        case K_WAIT_UNTIL:
        case K_WAIT_FOR_EVENT: {
          const due = kind === K_WAIT_UNTIL ? p.untilMs : afterDuration(t, p.wait, this.cj.timeZone);
          this.record(t, c, p.id, 'arrive', this.tracing ? `until ${formatInstant(due)}` : undefined);
          if (kind !== K_WAIT_FOR_EVENT && due <= t) {
            // R9 zero duration, R10 an instant already past: go on at once.
            this.record(t, c, p.id, 'leave', undefined, undefined, 'next');
            break;
          }
          this.cs[c * C_SIZE + C_ARRIVAL] = ++this.stamp;
          this.cs[c * C_SIZE + C_ARRIVED_AT] = t;
          const token = ++this.tokens;
          this.cs[c * C_SIZE + C_TOKEN] = token;
          if (this.byContact) {
            this.cs[c * C_SIZE + C_DUE] = due;
            return;
          }
          const lane = this.laneOf[idx]!;
          if (lane >= 0) this.timers.pushToLane(lane, due, TIMER_WAIT, c, token);
          else this.timers.push(due, TIMER_WAIT, c, token);
          return;
        }
      }
      // A point with a single `next`: the contact moves on.
      inc(this.pLeft, idx);
      idx = this.follow(p, 0);
    }
  }

  private suppress(c: number, idx: number, t: number, content: string, reason: SuppressionReason): void {
    this.record(t, c, this.cj.points[idx]!.id, 'suppressed', content, reason);
    inc(this.pSuppressed, idx);
    inc(this.pSuppressedBy, idx * SUPPRESSION_REASONS.length + SUPPRESSION_REASONS.indexOf(reason));
  }

  /** Counts one point passed by a contact at an instant; a contact that never stops at one instant is a zero-time loop. */
  private countStep(c: number, t: number, pointId: string): void {
    if (this.cs[c * C_SIZE + C_STEP_INSTANT] !== t) {
      this.cs[c * C_SIZE + C_STEP_INSTANT] = t;
      this.cs[c * C_SIZE + C_STEP_COUNT] = 0;
      if (this.trail.length > 0) this.trail = [];
    }
    if (inc(this.cs, c * C_SIZE + C_STEP_COUNT) <= this.maxSteps) return;
    this.trail.push(pointId);
    const seen = this.trail.indexOf(pointId);
    if (seen < this.trail.length - 1 || this.trail.length >= 64) {
      const cycle = seen < this.trail.length - 1 ? this.trail.slice(seen) : this.trail;
      throw new SimulationError(
        'zero-time-cycle',
        `Contact "${this.store.ids[c]}" passed ${this.maxSteps} points at ${formatInstant(t)} without waiting: the journey has a zero-time cycle (${cycle.join(' → ')}). Put a wait in the cycle, or make sure it is left.`,
      );
    }
  }

  private ctxAt(t: number): FilterContext {
    this.filterCtx.now = t;
    return this.filterCtx;
  }

  // ---------------------------------------------------------------------------
  // Leaving (R15, R16, R17).

  private conditionCriterion(c: number, t: number): ExitCriterion | undefined {
    const view = this.store.view(c);
    for (const crit of this.cj.exitCriteria) if (crit.when === 'condition' && evaluateFilter(crit.condition, view, this.ctxAt(t))) return crit;
    return undefined;
  }

  private exitCriterionFor(c: number, ev: SimEvent, t: number): ExitCriterion | undefined {
    const criteria = this.cj.exitCriteria;
    if (criteria.length === 0) return undefined;
    const view = this.store.view(c);
    for (const crit of criteria) {
      if (crit.when === 'condition' ? evaluateFilter(crit.condition, view, this.ctxAt(t)) : awaitedMatches(crit.event, ev, this.contentOf)) return crit;
    }
    return undefined;
  }

  /** After an action changed the contact's data: leave at once if an exit condition now holds. */
  private exitAfterChange(c: number, idx: number, t: number): boolean {
    if (!this.cj.hasConditionCriteria) return false;
    const criterion = this.conditionCriterion(c, t);
    if (!criterion) return false;
    this.record(t, c, this.cj.points[idx]!.id, 'exit', criterion.id, 'exitCriteria');
    inc(this.pLeft, idx);
    this.finishExit(c, t, 'exitCriteria');
    return true;
  }

  /** A waiting contact leaves the journey from its queue. */
  private exitWaiting(c: number, t: number, reason: ExitReason, outcome: string | undefined): void {
    const idx = this.cs[c * C_SIZE + C_WHERE]!;
    this.cs[c * C_SIZE + C_TOKEN] = 0;
    this.record(t, c, this.cj.points[idx]!.id, 'exit', outcome, reason);
    inc(this.pLeft, idx);
    this.finishExit(c, t, reason);
  }

  private finishExit(c: number, t: number, reason: ExitReason): void {
    this.cs[c * C_SIZE + C_WHERE] = -1;
    this.cs[c * C_SIZE + C_STATUS] = EXITED;
    this.leftAt[c] = t;
    this.inProgress--;
    this.exited++;
    this.exitedBy[reason] += 1;
  }

  private finishComplete(c: number, t: number): void {
    this.cs[c * C_SIZE + C_WHERE] = -1;
    this.cs[c * C_SIZE + C_STATUS] = COMPLETED;
    this.leftAt[c] = t;
    this.inProgress--;
    this.completed++;
  }

  private record(at: number, c: number, point: string, kind: TraceKind, outcome?: string, reason?: string, branch?: string): void {
    if (at > this.lastActivity) this.lastActivity = at; // contact by contact, instants do not come in order
    if (!this.tracing) return;
    const e: TraceEntry = { at, contact: this.store.ids[c]!, point, kind, entry: this.cs[c * C_SIZE + C_ENTRY]! };
    if (outcome !== undefined) e.outcome = outcome;
    if (reason !== undefined) e.reason = reason;
    if (branch !== undefined) e.branch = branch;
    this.trace.push(e);
  }
}
