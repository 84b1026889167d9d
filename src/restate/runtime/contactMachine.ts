// One contact's journey, as the runtime executes it (R7-R20). Pure and
// deterministic: given the contact's state and one input (a contact event, a
// timer instant that came due, a profile import) it changes the state and
// returns the effects: trace entries, sends for the channel adapters, stats
// deltas, and the durable wake-ups its timers need. The Restate
// services (journeyServices.ts) keep the state durable and carry out the
// effects. What happens to the contact is the journey kernel's
// (src/core/semantics/kernel.ts), the code the simulator runs too; this
// module is its driver for one durable contact: it keeps the contact's own
// timers (waits, date-field ticks, segment runs) and hands each to the
// kernel at its instant, and turns the kernel's effects into intents,
// stats deltas and wake-ups.
//
// Time: every input carries a journey instant. A contact's pending timers
// (its wait, its next birthday tick, its next segment run) live in its state;
// before an input at instant t is handled, every timer due before t is
// handled first, at its own instant, in the simulator's order (R14: events
// before timers of the same instant). So the trace depends only on the
// instants, never on when the durable timers or the events actually arrive.
//
// Wake-ups: each pending timer gets one durable wake-up (armed once). A wait's
// wake-up carries its stay token (entry, wait generation): when it arrives
// after the contact has left that wait (the awaited event came, an exit), it
// is stale and changes nothing.
import { type ContactState as KernelContact, COMPLETED, EXITED, IN, NEVER } from '../../core/semantics/contactState';
import type { KernelEffects, StatsSink } from '../../core/semantics/effects';
import { JourneyKernel, type PassCheckpoint } from '../../core/semantics/kernel';
import { K_SEND_EMAIL, type KernelJourney, type KernelPoint, type KernelStart } from '../../core/semantics/kernelJourney';
import { RecordingTrace } from '../../core/semantics/traceSinks';
import type { SimEvent } from '../../core/simulator/matching';
import { ContactStore, type ContactView } from '../../core/simulator/contactStore';
import type { ExitReason, SuppressionReason, TraceEntry } from '../../core/simulator/types';
import type { Contact } from '../../core/timeline';
import { dateFallsOn, nextTickFor, recurringRunAtOrAfter } from '../../core/semantics/schedules';
import type { RuntimeJourney } from './runtimeJourney';
import { copyCounters, emptyDelta, emptyPointDelta, type StatsDelta } from './statsDelta';

export type ContactStatus = 'never' | 'in' | 'completed' | 'exited';

/** A timer of the contact, in journey time. */
export interface PendingTimer {
  kind: 'wait' | 'date' | 'segment';
  due: number;
  /** When the simulator would have set it (orders timers of one instant); null: before everything. */
  pushedAt: number | null;
  seq: number;
  /** wait: the generation of the wait it ends. */
  gen?: number;
  /** date: the index of the date-field starting point. */
  start?: number;
  /** segment: true for the schedule's first run. */
  first?: boolean;
  /** A durable wake-up has been scheduled for it. */
  armed?: boolean;
}

export interface StayOutcome {
  entry: number;
  version: number;
  outcome: 'completed' | 'exited';
  reason?: ExitReason;
  point: string;
  at: number;
}

/** Everything the runtime keeps about one contact in one journey. Plain JSON. */
export interface ContactState {
  /**
   * 2: the contact's waits wake it through its own delayed wake-ups. 1: a
   * contact an earlier runtime kept, whose current stay (if any) may still
   * have a Stay workflow holding its wait's timer (see Effects.legacyStay).
   */
  v: 1 | 2;
  id: string;
  /** The contact's data (tags, fields, lists, consent...), as filters read it. */
  data: ContactView;
  status: ContactStatus;
  /** Stays so far (1 after the first entry). */
  entry: number;
  /** The journey version of the current or last stay. */
  version: number | null;
  /** Index of the wait point the contact is at, -1 when not waiting. */
  where: number;
  /** Journey instant of the arrival at that point. */
  arrivalAt: number;
  arrivalStamp: number;
  /** Wait generation: bumps at each arrival at a wait point. */
  gen: number;
  stamp: number;
  leftAt: number | null;
  lastMarketingEmail: number | null;
  /** The journey instant the contact has been handled up to. */
  clock: number | null;
  /** When the contact was first seen. */
  created: number;
  timers: PendingTimer[];
  seq: number;
  /** Per date-field starting point: the last tick handled. */
  dateCursor: Record<string, number>;
  segment: { started: boolean; pending: boolean };
  outcomes: StayOutcome[];
  stepInstant: number | null;
  stepCount: number;
  /** Events that arrived after the contact's clock had passed their instant. */
  late: number;
  /** Stays stopped because the contact looped without waiting (a zero-time cycle). */
  stuck: number;
}

/** A send the channel adapters must make; the trace already says `send`. */
export interface SendIntent {
  channel: 'email' | 'sms';
  contact: string;
  content: string;
  point: string;
  entry: number;
  version: number;
  at: number;
  transactional: boolean;
  list?: string;
  subject?: string;
  to?: string;
  /** Stable across retries: the adapter may use it to deliver at most once. */
  idempotencyKey: string;
}

export interface WebhookIntent {
  url: string;
  method: 'POST' | 'PUT';
  contact: string;
  point: string;
  entry: number;
  version: number;
  at: number;
  idempotencyKey: string;
}

/**
 * Where a stay is: waiting at a point until an instant (or an event), over,
 * or (for the Stay workflow an earlier runtime started) handed over: the
 * contact's own wake-ups hold the stay's timers from now on.
 */
export type StayState =
  | { kind: 'waiting'; entry: number; version: number; gen: number; point: string; due: number | null }
  | ({ kind: 'done' } & StayOutcome)
  | { kind: 'handedOver'; entry: number; version: number; gen: number };

/** The stay token a wait's wake-up carries: it wakes the contact only while the contact still waits there. */
export interface StayToken {
  entry: number;
  gen: number;
}

export type ContactInput =
  | { type: 'event'; at: number; event: SimEvent }
  | { type: 'wake'; due: number; stay?: StayToken }
  | { type: 'upsert'; at: number; profile: Omit<Contact, 'id'> };

/** A durable wake-up of the contact at a journey instant; a wait's carries its stay token. */
export interface WakeUp {
  due: number;
  stay?: StayToken;
}

export interface Effects {
  trace: TraceEntry[];
  sends: SendIntent[];
  webhooks: WebhookIntent[];
  stats: StatsDelta[];
  /** Timers that need a durable wake-up (waits, date-field ticks, segment runs). */
  arm: WakeUp[];
  /**
   * Set on the first step of a contact an earlier runtime kept (state v 1)
   * that was in a stay: the Stay workflow that runtime started for it waits
   * for this generation's signal; it must be told to end (handed over).
   */
  legacyStay?: { entry: number; version: number; gen: number };
  /** A wait's wake-up that came after the contact left that wait: nothing happened, nothing need be written. */
  stale?: true;
  late: boolean;
  /** Set when a pass looped without waiting and was discarded: the simulator's zero-time-cycle message. */
  cycle?: string;
}

const RANK = { wait: 0, date: 1, segment: 1 } as const;
const MAX_OUTCOMES = 16;

export function newContactState(id: string, at: number): ContactState {
  return {
    v: 2,
    id,
    data: { id },
    status: 'never',
    entry: 0,
    version: null,
    where: -1,
    arrivalAt: 0,
    arrivalStamp: 0,
    gen: 0,
    stamp: 0,
    leftAt: null,
    lastMarketingEmail: null,
    clock: null,
    created: at,
    timers: [],
    seq: 0,
    dateCursor: {},
    segment: { started: false, pending: false },
    outcomes: [],
    stepInstant: null,
    stepCount: 0,
    late: 0,
    stuck: 0,
  };
}

/** What a pass can be rolled back to: the contact before it, and how far the effects had got. */
interface Checkpoint {
  state: ContactState;
  data: ContactView;
  trace: number;
  sends: number;
  webhooks: number;
  deltas: StatsDelta[];
}

const STATUS_NUMBER: Record<ContactStatus, number> = { never: NEVER, in: IN, completed: COMPLETED, exited: EXITED };

/**
 * Interprets the published versions of one journey for one contact at a
 * time. `versions` holds every version that may still have contacts; new
 * entries go to the newest (the live one).
 */
export class ContactMachine {
  readonly live: RuntimeJourney;
  private readonly byVersion = new Map<number, RuntimeJourney>();
  /** Every version in the kernel's form, by version. */
  readonly kernels = new Map<number, KernelJourney>();

  constructor(versions: readonly RuntimeJourney[]) {
    if (versions.length === 0) throw new Error('A journey service needs at least one compiled version.');
    for (const v of versions) {
      this.byVersion.set(v.version, v);
      this.kernels.set(v.version, v.kernel);
    }
    this.live = [...versions].sort((a, b) => b.version - a.version)[0]!;
  }

  journey(version: number | null): RuntimeJourney {
    return (version !== null ? this.byVersion.get(version) : undefined) ?? this.live;
  }

  /** Applies one input to the contact; returns what must happen because of it. */
  handle(state: ContactState, input: ContactInput): Effects {
    return new Step(this, state).run(input);
  }

  /** The state the stay `entry` is in. */
  stayState(state: ContactState, entry: number): StayState | undefined {
    return stayStateOf(this, state, entry);
  }

  /** A brand-new contact first seen at `at`, with the timers every contact gets (first segment run). */
  create(id: string, at: number): ContactState {
    const state = newContactState(id, at);
    const runs = this.live.runs;
    const first = runs?.first;
    if (first !== undefined && at <= first.at) {
      state.timers.push({ kind: 'segment', due: first.at, pushedAt: null, seq: ++state.seq, first: true });
    } else if (runs) {
      state.segment.started = true;
    }
    return state;
  }
}

function stayStateOf(machine: ContactMachine, state: ContactState, entry: number): StayState | undefined {
  if (entry === state.entry && state.status === 'in' && state.where >= 0) {
    const j = machine.journey(state.version);
    const wait = state.timers.find((t) => t.kind === 'wait' && t.gen === state.gen);
    const due = wait && wait.due <= j.settings.activeUntil ? wait.due : null;
    return { kind: 'waiting', entry, version: state.version ?? j.version, gen: state.gen, point: j.ir.points[state.where]!.id, due };
  }
  const outcome = state.outcomes.find((o) => o.entry === entry);
  return outcome ? { kind: 'done', ...outcome } : undefined;
}

/**
 * One input's worth of work on one contact: the kernel's driver. It is the
 * kernel's view of the contact (ContactState, contact number 0), its effects
 * and counts (KernelEffects, StatsSink) and the checkpoint a discarded pass
 * goes back to (PassCheckpoint).
 */
class Step implements KernelContact, KernelEffects, StatsSink, PassCheckpoint {
  private readonly fx: Effects = { trace: [], sends: [], webhooks: [], stats: [], arm: [], late: false };
  private contactData = new ContactStore([]);
  private readonly deltas = new Map<number, StatsDelta>();
  private readonly before: { entry: number; status: ContactStatus; gen: number; version: number | null; where: number };
  private readonly kernel: JourneyKernel;
  private saved: Checkpoint | undefined;
  readonly trace: RecordingTrace;
  readonly stats: StatsSink = this;

  constructor(
    private readonly machine: ContactMachine,
    private readonly s: ContactState,
  ) {
    this.contactData.add(s.data);
    this.before = { entry: s.entry, status: s.status, gen: s.gen, version: s.version, where: s.where };
    this.trace = new RecordingTrace(this.fx.trace, this);
    this.kernel = new JourneyKernel(machine.live.kernel, this, this, machine.kernels);
  }

  private get data(): ContactView {
    return this.contactData.view(0);
  }

  /** The journey version that governs the contact now: its stay's while in, else the live one. */
  private get j(): RuntimeJourney {
    return this.s.status === 'in' ? this.machine.journey(this.s.version) : this.machine.live;
  }

  run(input: ContactInput): Effects {
    const s = this.s;
    switch (input.type) {
      case 'event': {
        let at = input.at;
        if (s.clock !== null && at < s.clock) {
          s.late++;
          this.fx.late = true;
          at = s.clock;
        }
        this.catchUp(at, false);
        s.clock = Math.max(s.clock ?? at, at);
        const stamp = ++s.stamp;
        this.kernel.applyEventData(0, input.event, at);
        const live = this.machine.live.settings;
        if (at >= live.activeFrom && at <= live.activeUntil) this.guard(() => this.kernel.eventArrives(0, input.event, at, stamp), at);
        break;
      }
      case 'wake':
        if (input.stay && !this.waitsFor(input.stay)) {
          this.fx.stale = true;
          return this.fx;
        }
        this.catchUp(input.due, true);
        if (input.due <= this.machine.live.settings.activeUntil) s.clock = Math.max(s.clock ?? input.due, input.due);
        break;
      case 'upsert': {
        const at = s.clock !== null ? Math.max(s.clock, input.at) : input.at;
        this.catchUp(at, false);
        this.importProfile(input.profile, at);
        break;
      }
    }
    return this.finish();
  }

  /** Runs one pass under the zero-time guard: a looping pass is discarded and the contact removed (see JourneyKernel.guardedPass). */
  private guard(work: () => void, t: number): void {
    const cycle = this.kernel.guardedPass(0, t, this, work);
    if (cycle === undefined) return;
    this.s.stuck++;
    this.fx.cycle = cycle;
  }

  // ---------------------------------------------------------------------------
  // Timers.

  /** Whether the contact still waits in the stay and wait the token names (its wait timer is pending). */
  private waitsFor(token: StayToken): boolean {
    const s = this.s;
    return s.status === 'in' && s.entry === token.entry && s.timers.some((t) => t.kind === 'wait' && t.gen === token.gen);
  }

  private nextTimer(t: number, inclusive: boolean): PendingTimer | undefined {
    const until = this.machine.live.settings.activeUntil;
    let best: PendingTimer | undefined;
    for (const timer of this.s.timers) {
      if (timer.due > until || (inclusive ? timer.due > t : timer.due >= t)) continue;
      if (!best || compareTimers(timer, best) < 0) best = timer;
    }
    return best;
  }

  /** Handles every timer due before `t` (or at `t` when inclusive), each at its own instant, in order. */
  private catchUp(t: number, inclusive: boolean): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const timer = this.nextTimer(t, inclusive);
      if (!timer) return;
      this.s.timers = this.s.timers.filter((x) => x !== timer);
      this.s.clock = Math.max(this.s.clock ?? timer.due, timer.due);
      this.guard(() => this.fire(timer), timer.due);
    }
  }

  private fire(timer: PendingTimer): void {
    const s = this.s;
    const t = timer.due;
    switch (timer.kind) {
      case 'wait':
        if (s.status !== 'in' || timer.gen !== s.gen || s.where < 0) return; // the contact left the wait: stale
        this.kernel.waitEnds(0, t);
        return;
      case 'date': {
        const daily = this.machine.live.kernel.starts[timer.start!]?.daily;
        if (!daily) return;
        s.dateCursor[String(timer.start)] = t;
        if (dateFallsOn(daily, this.data.fields?.[daily.field], t)) this.kernel.dateTick(0, timer.start!, t);
        this.planDateTimer(timer.start!, t + 1);
        return;
      }
      case 'segment':
        if (!this.machine.live.ir.segment) return;
        s.segment.started = true;
        s.segment.pending = false;
        this.kernel.segmentRun(0, t);
        return;
    }
  }

  private pushTimer(timer: Omit<PendingTimer, 'seq'>): void {
    this.s.timers.push({ ...timer, seq: ++this.s.seq });
  }

  /** (Re)plans the date-field timer of a starting point from instant `from` on (R20). */
  private planDateTimer(start: number, from: number): void {
    const j = this.machine.live;
    if (j.kernel.kind !== 'trigger') return;
    const daily = j.kernel.starts[start]!.daily!;
    this.s.timers = this.s.timers.filter((t) => !(t.kind === 'date' && t.start === start));
    const cursor = this.s.dateCursor[String(start)];
    const lower = cursor !== undefined ? Math.max(from, cursor + 1) : from;
    const next = nextTickFor(daily, this.data.fields?.[daily.field], lower, j.window);
    if (next) this.pushTimer({ kind: 'date', due: next.at, pushedAt: next.previousAt, start });
  }

  // ---------------------------------------------------------------------------
  // Contact data.

  private importProfile(profile: Omit<Contact, 'id'>, at: number): void {
    const current = this.data;
    const next: ContactView = { ...current, ...profile, id: this.s.id };
    this.contactData = new ContactStore([]);
    this.contactData.add(next);
    for (const start of this.machine.live.kernel.starts) if (start.daily) this.planDateTimer(start.index, at);
  }

  // ---------------------------------------------------------------------------
  // The kernel's view of the contact (ContactState; the contact is number 0).

  get store(): ContactStore {
    return this.contactData;
  }
  id(): string {
    return this.s.id;
  }
  status(): number {
    return STATUS_NUMBER[this.s.status];
  }
  where(): number {
    return this.s.where;
  }
  setWhere(_c: number, index: number): void {
    this.s.where = index;
  }
  entry(): number {
    return this.s.entry;
  }
  version(): number {
    return this.s.version ?? this.machine.live.version;
  }
  leftAt(): number {
    return this.s.leftAt ?? -Infinity;
  }
  lastMarketingEmail(): number {
    return this.s.lastMarketingEmail ?? -Infinity;
  }
  setLastMarketingEmail(_c: number, t: number): void {
    this.s.lastMarketingEmail = t;
  }
  arrivalStamp(): number {
    return this.s.arrivalStamp;
  }
  nextStamp(): number {
    return ++this.s.stamp;
  }
  stepInstant(): number {
    return this.s.stepInstant ?? NaN;
  }
  stepCount(): number {
    return this.s.stepCount;
  }
  setSteps(_c: number, instant: number, count: number): void {
    this.s.stepInstant = instant;
    this.s.stepCount = count;
  }
  segmentStarted(): boolean {
    return this.s.segment.started;
  }
  beginStay(_c: number, version: number): void {
    const s = this.s;
    s.entry++;
    s.status = 'in';
    s.version = version;
  }
  arriveAt(_c: number, stamp: number, t: number): void {
    this.s.arrivalStamp = stamp;
    this.s.arrivalAt = t;
  }
  endStay(_c: number, t: number, status: number, reason: ExitReason | undefined, point: string): void {
    const s = this.s;
    s.where = -1;
    s.leftAt = t;
    const version = s.version ?? this.j.version;
    if (status === EXITED) s.outcomes.push({ entry: s.entry, version, outcome: 'exited', reason: reason!, point, at: t });
    else s.outcomes.push({ entry: s.entry, version, outcome: 'completed', point, at: t });
    if (s.outcomes.length > MAX_OUTCOMES) s.outcomes.splice(0, s.outcomes.length - MAX_OUTCOMES);
    s.status = status === EXITED ? 'exited' : 'completed';
  }

  // ---------------------------------------------------------------------------
  // The kernel's effects (KernelEffects).

  send(_c: number, p: KernelPoint, t: number, to: string | undefined): void {
    const s = this.s;
    this.fx.sends.push({
      channel: p.kind === K_SEND_EMAIL ? 'email' : 'sms',
      contact: s.id,
      content: p.content,
      point: p.id,
      entry: s.entry,
      version: s.version ?? this.j.version,
      at: t,
      transactional: p.transactional,
      ...(p.list !== undefined ? { list: p.list } : {}),
      ...(p.subject !== undefined ? { subject: p.subject } : {}),
      ...(to !== undefined ? { to } : {}),
      idempotencyKey: this.key(p.id),
    });
  }

  webhook(_c: number, p: KernelPoint, t: number): void {
    const s = this.s;
    this.fx.webhooks.push({ url: p.url, method: p.method, contact: s.id, point: p.id, entry: s.entry, version: this.j.version, at: t, idempotencyKey: this.key(p.id) });
  }

  /** journey@version/contact/entry/point/stamp: unique per pass through a point. */
  private key(point: string): string {
    const s = this.s;
    return `${this.j.ir.journey.id}@${s.version ?? this.j.version}/${s.id}/${s.entry}/${point}/${s.stamp}.${this.fx.trace.length}`;
  }

  setWait(_c: number, _p: KernelPoint, t: number, due: number): void {
    this.s.gen++;
    this.pushTimer({ kind: 'wait', due, pushedAt: t, gen: this.s.gen });
  }

  cancelWait(): void {
    this.s.timers = this.s.timers.filter((t) => t.kind !== 'wait');
  }

  fieldChanged(_c: number, field: string, _value: unknown, t: number): void {
    for (const start of this.machine.live.kernel.starts) if (start.daily?.field === field) this.planDateTimer(start.index, t);
  }

  joinedRecurringSegment(_c: number, t: number): void {
    const s = this.s;
    if (s.segment.pending) return;
    s.segment.pending = true;
    const runs = this.machine.live.runs;
    if (s.segment.started && runs) {
      const next = recurringRunAtOrAfter(runs, t);
      if (next && !s.timers.some((x) => x.kind === 'segment' && x.due === next.at)) this.pushTimer({ kind: 'segment', due: next.at, pushedAt: next.previousAt });
    }
  }

  // ---------------------------------------------------------------------------
  // Counts (StatsSink): deltas per journey version.

  started(_c: number, start: KernelStart): void {
    const d = this.delta();
    d.started++;
    d.startingPoints[start.id] = (d.startingPoints[start.id] ?? 0) + 1;
  }
  pointEntered(_c: number, p: KernelPoint): void {
    this.point(p.id).entered++;
  }
  pointLeft(_c: number, p: KernelPoint): void {
    this.point(p.id).left++;
  }
  sent(_c: number, p: KernelPoint): void {
    this.point(p.id).sent++;
  }
  suppressed(_c: number, p: KernelPoint, reason: SuppressionReason): void {
    const c = this.point(p.id);
    c.suppressed++;
    c.suppressedBy[reason] = (c.suppressedBy[reason] ?? 0) + 1;
  }
  completed(): void {
    this.delta().completed++;
  }
  exited(_c: number, reason: ExitReason): void {
    const d = this.delta();
    d.exited++;
    d.exitedBy[reason] = (d.exitedBy[reason] ?? 0) + 1;
  }

  private delta(version = this.s.version ?? this.machine.live.version): StatsDelta {
    let d = this.deltas.get(version);
    if (!d) this.deltas.set(version, (d = emptyDelta(version)));
    return d;
  }

  private point(id: string): StatsDelta['points'][string] {
    const d = this.delta();
    return (d.points[id] ??= emptyPointDelta());
  }

  // ---------------------------------------------------------------------------
  // The checkpoint of a pass (PassCheckpoint): a few shallow copies, as the pass changes only what is copied here.

  save(): void {
    const s = this.s;
    const data = this.data;
    // A fresh store over the data as it is: the store copies before its first change, so `data` stays as it is now.
    this.contactData = new ContactStore([]);
    this.contactData.add(data);
    this.saved = {
      state: { ...s, timers: [...s.timers], dateCursor: { ...s.dateCursor }, segment: { ...s.segment }, outcomes: [...s.outcomes] },
      data,
      trace: this.fx.trace.length,
      sends: this.fx.sends.length,
      webhooks: this.fx.webhooks.length,
      deltas: [...this.deltas.values()].map((d) => ({ ...copyCounters(d), queue: [...d.queue] })),
    };
  }

  restore(): void {
    const c = this.saved!;
    Object.assign(this.s, c.state);
    this.contactData = new ContactStore([]);
    this.contactData.add(c.data);
    this.fx.trace.length = c.trace;
    this.fx.sends.length = c.sends;
    this.fx.webhooks.length = c.webhooks;
    this.deltas.clear();
    for (const d of c.deltas) this.deltas.set(d.version, d);
  }

  // ---------------------------------------------------------------------------
  // What the durable services must learn.

  private finish(): Effects {
    const s = this.s;
    s.data = this.contactData.view(0);
    const before = this.before;
    // Queue moves (R15): the contact left the point it waited at, arrived at another, or both.
    const moved = before.where !== s.where || before.gen !== s.gen || before.version !== s.version || before.entry !== s.entry;
    if (moved) {
      if (before.where >= 0 && before.status === 'in') {
        const old = this.machine.journey(before.version);
        this.delta(old.version).queue.push({ op: 'remove', point: old.ir.points[before.where]!.id, contact: s.id });
      }
      if (s.status === 'in' && s.where >= 0) {
        this.delta().queue.push({ op: 'add', point: this.j.ir.points[s.where]!.id, contact: s.id, at: s.arrivalAt, stamp: s.arrivalStamp });
      }
    }
    if (this.fx.late) this.delta().late++;
    this.fx.stats = [...this.deltas.values()];
    // A contact an earlier runtime kept: the Stay workflow of its stay hands the stay's timers over to the contact's own wake-ups.
    if (s.v !== 2) {
      if (before.status === 'in') this.fx.legacyStay = { entry: before.entry, version: before.version ?? this.machine.live.version, gen: before.gen };
      s.v = 2;
    }
    // One durable wake-up per timer; a wait's only while it can still come due in the live window (as its wait is the current one).
    const until = this.j.settings.activeUntil;
    for (const timer of s.timers) {
      if (timer.armed) continue;
      if (timer.kind === 'wait') {
        if (s.status !== 'in' || timer.gen !== s.gen || timer.due > until) continue;
        timer.armed = true;
        this.fx.arm.push({ due: timer.due, stay: { entry: s.entry, gen: timer.gen } });
      } else {
        timer.armed = true;
        this.fx.arm.push({ due: timer.due });
      }
    }
    return this.fx;
  }
}

function compareTimers(a: PendingTimer, b: PendingTimer): number {
  return a.due - b.due || (a.pushedAt ?? -Infinity) - (b.pushedAt ?? -Infinity) || RANK[a.kind] - RANK[b.kind] || a.seq - b.seq;
}
