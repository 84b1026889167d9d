// One contact's journey, as the runtime executes it (R7-R20). Pure and
// deterministic: given the contact's state and one input (a contact event, a
// timer instant that came due, a profile import) it changes the state and
// returns the effects: trace entries, sends for the channel adapters, stats
// deltas, and what the contact's stay workflow must learn. The Restate
// services (journeyServices.ts) keep the state durable and carry out the
// effects; this module decides everything, with the simulator's own filters,
// consent rules, event matching, split hash and time-zone arithmetic, so
// both give the same trace.
//
// Time: every input carries a journey instant. A contact's pending timers
// (its wait, its next birthday tick, its next segment run) live in its state;
// before an input at instant t is handled, every timer due before t is
// handled first, at its own instant, in the simulator's order (R14: events
// before timers of the same instant). So the trace depends only on the
// instants, never on when the durable timers or the events actually arrive.
import type { SimEvent } from '../../core/simulator/matching';
import { awaitedMatches, triggerMatches } from '../../core/simulator/matching';
import { emailSuppression, phoneOf, smsSuppression } from '../../core/simulator/sendConsent';
import { ContactStore, type ContactView } from '../../core/simulator/contactStore';
import { evaluateFilter } from '../../core/simulator/filterEvaluation';
import { chooseBranch, splitUnit } from '../../core/simulator/splitHash';
import { formatInstant } from '../../core/simulator/timelineInput';
import type { ExitReason, SuppressionReason, TraceEntry, TraceKind } from '../../core/simulator/types';
import type { Contact } from '../../core/timeline';
import type { IrExitCriterion, IrPoint } from '../../core/compiler/irSchema';
import { afterDuration } from '../../core/simulator/zonedTime';
import { cooldownDuration, dateFallsOn, nextDateTick, nextRunAtOrAfter, type RuntimeJourney, waitDuration } from './runtimeJourney';
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
  /** A durable wake-up has been scheduled for it (date and segment timers). */
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
  v: 1;
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

/** What a stay's durable workflow is told: wait at a point until an instant (or a signal), or the stay is over. */
export type StayState =
  | { kind: 'waiting'; entry: number; version: number; gen: number; point: string; due: number | null }
  | ({ kind: 'done' } & StayOutcome);

export type StayNotice = { type: 'start'; entry: number; version: number; state: StayState } | { type: 'signal'; entry: number; version: number; gen: number; state: StayState };

export type ContactInput =
  | { type: 'event'; at: number; event: SimEvent }
  | { type: 'wake'; due: number }
  | { type: 'upsert'; at: number; profile: Omit<Contact, 'id'> };

export interface Effects {
  trace: TraceEntry[];
  sends: SendIntent[];
  webhooks: WebhookIntent[];
  stats: StatsDelta[];
  stays: StayNotice[];
  /** Date and segment timers that need a durable wake-up. */
  arm: { due: number }[];
  late: boolean;
  /** Set when a pass looped without waiting and was discarded: the simulator's zero-time-cycle message. */
  cycle?: string;
}

const RANK = { wait: 0, date: 1, segment: 1 } as const;
const MAX_OUTCOMES = 16;

export function newContactState(id: string, at: number): ContactState {
  return {
    v: 1,
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

/** A contact passed the most points one instant allows and went round a cycle (the simulator's `zero-time-cycle`). */
class ZeroTimeCycle extends Error {}

/** What a pass can be rolled back to: the contact before it, and how far the effects had got. */
interface Checkpoint {
  state: ContactState;
  data: ContactView;
  trace: number;
  sends: number;
  webhooks: number;
  deltas: StatsDelta[];
}

/**
 * Interprets the published versions of one journey for one contact at a
 * time. `versions` holds every version that may still have contacts; new
 * entries go to the newest (the live one).
 */
export class ContactMachine {
  readonly live: RuntimeJourney;
  private readonly byVersion = new Map<number, RuntimeJourney>();

  constructor(versions: readonly RuntimeJourney[]) {
    if (versions.length === 0) throw new Error('A journey service needs at least one compiled version.');
    for (const v of versions) this.byVersion.set(v.version, v);
    this.live = [...versions].sort((a, b) => b.version - a.version)[0]!;
  }

  journey(version: number | null): RuntimeJourney {
    return (version !== null ? this.byVersion.get(version) : undefined) ?? this.live;
  }

  /** Applies one input to the contact; returns what must happen because of it. */
  handle(state: ContactState, input: ContactInput): Effects {
    return new Step(this, state).run(input);
  }

  /** The state the stay `entry` is in, for its workflow. */
  stayState(state: ContactState, entry: number): StayState | undefined {
    return stayStateOf(this, state, entry);
  }

  /** A brand-new contact first seen at `at`, with the timers every contact gets (first segment run). */
  create(id: string, at: number): ContactState {
    const state = newContactState(id, at);
    const runs = this.live.runs;
    if (runs?.firstAt !== undefined && at <= runs.firstAt) {
      state.timers.push({ kind: 'segment', due: runs.firstAt, pushedAt: null, seq: ++state.seq, first: true });
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

/** One input's worth of work on one contact. */
class Step {
  private readonly fx: Effects = { trace: [], sends: [], webhooks: [], stats: [], stays: [], arm: [], late: false };
  private store = new ContactStore([]);
  private readonly internal: { ev: SimEvent; stamp: number }[] = [];
  private readonly deltas = new Map<number, StatsDelta>();
  private readonly before: { entry: number; status: ContactStatus; gen: number; version: number | null; where: number };
  /** Points passed after the step limit, to name the cycle (as the simulator does). */
  private trail: string[] | null = null;
  /** The first entry of the current pass (starting point index and how), if it made one. */
  private passEntry: { start: number; how: string } | undefined;

  constructor(
    private readonly machine: ContactMachine,
    private readonly s: ContactState,
  ) {
    this.store.add(s.data);
    this.before = { entry: s.entry, status: s.status, gen: s.gen, version: s.version, where: s.where };
  }

  private get data(): ContactView {
    return this.store.view(0);
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
        this.applyEventData(input.event, at);
        const live = this.machine.live.settings;
        if (at >= live.activeFrom && at <= live.activeUntil) {
          this.guard(() => {
            this.handleEvent(input.event, at, stamp);
            this.drainInternal(at);
          }, at);
        }
        break;
      }
      case 'wake':
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

  // ---------------------------------------------------------------------------
  // Timers.

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
      case 'wait': {
        if (s.status !== 'in' || timer.gen !== s.gen || s.where < 0) return;
        s.stamp++;
        const j = this.j;
        const p = j.ir.points[s.where]!;
        const timeout = p.type === 'waitForEvent';
        this.record(t, p.id, 'leave', undefined, undefined, timeout ? 'timeout' : 'next');
        this.point(p.id).left++;
        this.runChain(p.next[timeout ? 1 : 0]!.to, t);
        this.drainInternal(t);
        return;
      }
      case 'date': {
        const j = this.machine.live;
        const sp = j.ir.startingPoints[timer.start!];
        if (!sp?.dateTrigger) return;
        s.dateCursor[String(timer.start)] = t;
        if (dateFallsOn(sp, this.data.fields?.[sp.dateTrigger.field], t) && s.status !== 'in') {
          s.stamp++;
          this.tryEnter(timer.start!, t, 'dateField');
          this.drainInternal(t);
        }
        this.planDateTimer(timer.start!, t + 1);
        return;
      }
      case 'segment': {
        const plan = this.machine.live.ir.segment;
        if (!plan) return;
        s.segment.started = true;
        s.segment.pending = false;
        if (s.status !== 'in' && (this.data.segments?.includes(plan.segment) ?? false)) {
          s.stamp++;
          this.tryEnterSegment(t);
          this.drainInternal(t);
        }
        return;
      }
    }
  }

  private pushTimer(timer: Omit<PendingTimer, 'seq'>): void {
    this.s.timers.push({ ...timer, seq: ++this.s.seq });
  }

  /** (Re)plans the date-field timer of a starting point from instant `from` on (R20). */
  private planDateTimer(start: number, from: number): void {
    const j = this.machine.live;
    if (j.ir.kind !== 'trigger') return;
    const sp = j.ir.startingPoints[start]!;
    this.s.timers = this.s.timers.filter((t) => !(t.kind === 'date' && t.start === start));
    const cursor = this.s.dateCursor[String(start)];
    const lower = cursor !== undefined ? Math.max(from, cursor + 1) : from;
    const next = nextDateTick(sp, this.data.fields?.[sp.dateTrigger!.field], lower, j.settings);
    if (next) this.pushTimer({ kind: 'date', due: next.at, pushedAt: next.pushedAt, start });
  }

  private planDateTimersFor(field: string, from: number): void {
    this.machine.live.ir.startingPoints.forEach((sp, i) => {
      if (sp.dateTrigger?.field === field) this.planDateTimer(i, from);
    });
  }

  // ---------------------------------------------------------------------------
  // Contact data.

  private importProfile(profile: Omit<Contact, 'id'>, at: number): void {
    const current = this.data;
    const next: ContactView = { ...current, ...profile, id: this.s.id };
    this.store = new ContactStore([]);
    this.store.add(next);
    this.machine.live.ir.startingPoints.forEach((sp, i) => {
      if (sp.dateTrigger) this.planDateTimer(i, at);
    });
  }

  private setField(field: string, value: string | number | boolean | null, at: number): boolean {
    const changed = this.store.setField(0, field, value);
    if (changed) this.planDateTimersFor(field, at);
    return changed;
  }

  private applyEventData(ev: SimEvent, at: number): void {
    const st = this.store;
    switch (ev.type) {
      case 'audienceJoined':
        if (ev.list !== undefined) st.setList(0, ev.list, 'subscribed');
        return;
      case 'tagAdded':
        st.addTag(0, ev.tag);
        return;
      case 'tagRemoved':
        st.removeTag(0, ev.tag);
        return;
      case 'fieldChanged':
        this.setField(ev.field, ev.value, at);
        return;
      case 'formSubmitted':
        if (ev.fields) for (const key of Object.keys(ev.fields)) this.setField(key, ev.fields[key]!, at);
        return;
      case 'campaignActivity':
        st.addActivity(0, `${ev.campaign}:${ev.activity}`);
        return;
      case 'unsubscribed':
        if (ev.list !== undefined) st.setList(0, ev.list, 'unsubscribed');
        else st.unsubscribeAll(0);
        return;
      case 'subscribed':
        st.setList(0, ev.list, 'subscribed');
        return;
      case 'segmentJoined': {
        const plan = this.machine.live.ir.segment;
        const runs = this.machine.live.runs;
        if (st.joinSegment(0, ev.segment) && plan?.schedule === 'recurring' && ev.segment === plan.segment && !this.s.segment.pending) {
          this.s.segment.pending = true;
          if (this.s.segment.started && runs) {
            const next = nextRunAtOrAfter(runs, at);
            if (next && !this.s.timers.some((t) => t.kind === 'segment' && t.due === next.at)) this.pushTimer({ kind: 'segment', due: next.at, pushedAt: next.pushedAt });
          }
        }
        return;
      }
      case 'segmentLeft':
        st.leaveSegment(0, ev.segment);
        return;
      default:
        return;
    }
  }

  // ---------------------------------------------------------------------------
  // Events (R7, R11, R16, R17, R19).

  private handleEvent(ev: SimEvent, t: number, stamp: number): void {
    const s = this.s;
    if (s.status === 'in') {
      const j = this.j;
      if (j.ir.marketing && ev.type === 'unsubscribed' && ev.list === undefined) {
        this.exitWaiting(t, 'unsubscribed', undefined);
        return;
      }
      const criterion = this.exitCriterionFor(ev, t);
      if (criterion) {
        this.exitWaiting(t, 'exitCriteria', criterion.id);
        return;
      }
      const p = j.ir.points[s.where]!;
      if (p.type === 'waitForEvent' && stamp > s.arrivalStamp && awaitedMatches(p.event, ev, j.contentOf)) {
        this.dropWait();
        this.record(t, p.id, 'leave', ev.type, undefined, 'yes');
        this.point(p.id).left++;
        this.runChain(p.next[0]!.to, t);
      }
      return;
    }
    const live = this.machine.live;
    const plan = live.ir.segment;
    if (live.ir.kind === 'segment') {
      // Segment journeys are entered by their schedule only (R19).
      if (plan && plan.schedule === 'oneTimeRolling' && s.segment.started && ev.type === 'segmentJoined' && ev.segment === plan.segment) this.tryEnterSegment(t);
      return;
    }
    for (let i = 0; i < live.ir.startingPoints.length; i++) {
      const sp = live.ir.startingPoints[i]!;
      if (!triggerMatches(sp.trigger, ev)) continue;
      if (ev.type === 'apiEntry' && ev.startingPoint !== undefined && ev.startingPoint !== sp.id) continue;
      if (this.tryEnter(i, t, sp.trigger.type)) return;
    }
  }

  private drainInternal(t: number): void {
    for (let k = 0; k < this.internal.length; k++) this.handleEvent(this.internal[k]!.ev, t, this.internal[k]!.stamp);
    this.internal.length = 0;
  }

  private emit(ev: SimEvent): void {
    this.internal.push({ ev, stamp: ++this.s.stamp });
  }

  // ---------------------------------------------------------------------------
  // Entering (R7, R19, R20).

  private tryEnterSegment(t: number): boolean {
    const live = this.machine.live;
    const plan = live.ir.segment!;
    if (plan.schedule !== 'recurring' && this.s.entry > 0) return false;
    return this.tryEnter(plan.entry, t, `segment:${plan.schedule}`);
  }

  private tryEnter(start: number, t: number, how: string): boolean {
    const s = this.s;
    if (s.status === 'in') return false;
    const live = this.machine.live;
    const view = this.data;
    if (s.status !== 'never') {
      const policy = live.ir.reEntry;
      if (policy.mode === 'never') return false;
      if (policy.mode === 'afterCompletion' && s.status !== 'completed') return false;
      if (policy.mode === 'afterCooldown' && t < afterDuration(s.leftAt ?? -Infinity, cooldownDuration(live.ir), live.ir.timeZone)) return false;
    }
    const sp = live.ir.startingPoints[start]!;
    if (sp.filter && !evaluateFilter(sp.filter, view, { now: t, timeZone: live.ir.timeZone })) return false;
    this.passEntry ??= { start, how };
    this.admit(start, t, how);
    if (live.hasConditionCriteria) {
      const criterion = this.conditionCriterion(t);
      if (criterion) {
        this.record(t, sp.id, 'exit', criterion.id, 'exitCriteria');
        this.finishExit(t, 'exitCriteria', sp.id);
        return true;
      }
    }
    this.runChain(sp.next, t);
    return true;
  }

  // ---------------------------------------------------------------------------
  // Moving through points (R8-R13, R17, R18).

  private runChain(first: number, t: number): void {
    const s = this.s;
    const j = this.j;
    const points = j.ir.points;
    let idx = first;
    for (;;) {
      const p = points[idx]!;
      this.countStep(t, p.id);
      this.point(p.id).entered++;
      s.where = idx;
      switch (p.type) {
        case 'sendEmail': {
          const reason = emailSuppression(p.transactional, p.list, this.data, t, s.lastMarketingEmail ?? -Infinity, j.ir.timeZone);
          if (reason) this.suppress(p, t, reason);
          else {
            this.record(t, p.id, 'send', p.content);
            this.point(p.id).sent++;
            if (!p.transactional) s.lastMarketingEmail = t;
            this.sendIntent(p, t, this.data.email);
          }
          break;
        }
        case 'sendSms': {
          const reason = smsSuppression(p.transactional, p.list, this.data, p.phoneField);
          if (reason) this.suppress(p, t, reason);
          else {
            this.record(t, p.id, 'send', p.content);
            this.point(p.id).sent++;
            this.sendIntent(p, t, phoneOf(this.data, p.phoneField));
          }
          break;
        }
        case 'addTag': {
          const changed = this.store.addTag(0, p.tag);
          this.record(t, p.id, 'pass', changed ? `tag "${p.tag}" added` : `already tagged "${p.tag}"`);
          if (changed) {
            this.emit({ type: 'tagAdded', tag: p.tag });
            if (this.exitAfterChange(p, t)) return;
          }
          break;
        }
        case 'removeTag': {
          const changed = this.store.removeTag(0, p.tag);
          this.record(t, p.id, 'pass', changed ? `tag "${p.tag}" removed` : `was not tagged "${p.tag}"`);
          if (changed) {
            this.emit({ type: 'tagRemoved', tag: p.tag });
            if (this.exitAfterChange(p, t)) return;
          }
          break;
        }
        case 'updateField': {
          const changed = this.setField(p.field, p.value, t);
          this.record(t, p.id, 'pass', `${p.field} = ${JSON.stringify(p.value)}`);
          if (changed && this.exitAfterChange(p, t)) return;
          break;
        }
        case 'subscribeList': {
          const before = this.store.setList(0, p.list, 'subscribed');
          this.record(t, p.id, 'pass', before === 'subscribed' ? `already subscribed to "${p.list}"` : `subscribed to "${p.list}"`);
          if (before !== 'subscribed') {
            if (before === undefined) this.emit({ type: 'audienceJoined', list: p.list });
            if (this.exitAfterChange(p, t)) return;
          }
          break;
        }
        case 'unsubscribeList': {
          const before = this.store.setList(0, p.list, 'unsubscribed');
          this.record(t, p.id, 'pass', `unsubscribed from "${p.list}"`);
          if (before !== 'unsubscribed' && this.exitAfterChange(p, t)) return;
          break;
        }
        case 'webhook':
          this.record(t, p.id, 'pass', `${p.method} ${p.url}`);
          this.fx.webhooks.push({ url: p.url, method: p.method, contact: s.id, point: p.id, entry: s.entry, version: j.version, at: t, idempotencyKey: this.key(p.id) });
          break;
        case 'exit':
          this.record(t, p.id, 'exit', p.reason, 'exitPoint');
          this.point(p.id).left++;
          this.finishExit(t, 'exitPoint', p.id);
          return;
        case 'end':
          this.record(t, p.id, 'complete');
          this.point(p.id).left++;
          this.finishComplete(t, p.id);
          return;
        case 'ifElse': {
          const yes = evaluateFilter(p.condition, this.data, { now: t, timeZone: j.ir.timeZone });
          this.record(t, p.id, 'branch', undefined, undefined, yes ? 'yes' : 'no');
          this.point(p.id).left++;
          idx = p.next[yes ? 0 : 1]!.to;
          continue;
        }
        case 'split': {
          const k = chooseBranch(splitUnit(j.settings.splitSeed, s.id, p.id, s.entry), p.percents);
          this.record(t, p.id, 'branch', undefined, undefined, p.next[k]!.label);
          this.point(p.id).left++;
          idx = p.next[k]!.to;
          continue;
        }
        case 'wait':
        case 'waitUntil':
        case 'waitForEvent': {
          const due = p.type === 'waitUntil' ? p.atMs : afterDuration(t, waitDuration(p), j.ir.timeZone);
          this.record(t, p.id, 'arrive', `until ${formatInstant(due)}`);
          if (p.type !== 'waitForEvent' && due <= t) {
            this.record(t, p.id, 'leave', undefined, undefined, 'next');
            break;
          }
          s.arrivalStamp = ++s.stamp;
          s.arrivalAt = t;
          s.gen++;
          this.pushTimer({ kind: 'wait', due, pushedAt: t, gen: s.gen });
          return;
        }
      }
      this.point(p.id).left++;
      idx = p.next[0]!.to;
    }
  }

  private sendIntent(p: Extract<IrPoint, { type: 'sendEmail' | 'sendSms' }>, t: number, to: string | undefined): void {
    const s = this.s;
    this.fx.sends.push({
      channel: p.type === 'sendEmail' ? 'email' : 'sms',
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

  /** journey@version/contact/entry/point/stamp: unique per pass through a point. */
  private key(point: string): string {
    const s = this.s;
    return `${this.j.ir.journey.id}@${s.version ?? this.j.version}/${s.id}/${s.entry}/${point}/${s.stamp}.${this.fx.trace.length}`;
  }

  private suppress(p: Extract<IrPoint, { type: 'sendEmail' | 'sendSms' }>, t: number, reason: SuppressionReason): void {
    this.record(t, p.id, 'suppressed', p.content, reason);
    const c = this.point(p.id);
    c.suppressed++;
    c.suppressedBy[reason] = (c.suppressedBy[reason] ?? 0) + 1;
  }

  /**
   * Counts one point passed at instant t. Past `maxChainSteps` points at one
   * instant the contact is in a zero-time cycle: like the simulator, it goes
   * on until a point repeats (at most 64 more) to name the cycle, then stops.
   */
  private countStep(t: number, pointId: string): void {
    const s = this.s;
    if (s.stepInstant !== t) {
      s.stepInstant = t;
      s.stepCount = 0;
      this.trail = null;
    }
    const max = this.j.ir.maxChainSteps;
    if (++s.stepCount <= max) return;
    const trail = (this.trail ??= []);
    trail.push(pointId);
    const seen = trail.indexOf(pointId);
    if (seen < trail.length - 1 || trail.length >= 64) {
      const cycle = seen < trail.length - 1 ? trail.slice(seen) : trail;
      throw new ZeroTimeCycle(
        `Contact "${s.id}" passed ${max} points at ${formatInstant(t)} without waiting: the journey has a zero-time cycle (${cycle.join(' → ')}). Put a wait in the cycle, or make sure it is left.`,
      );
    }
  }

  /**
   * Runs one pass of the contact (an event, a timer). A pass that loops
   * without waiting is discarded whole, as the simulator refuses such a
   * journey: no send, webhook, data change, trace entry or count of it
   * remains. The contact is then removed from the journey (exit, reason
   * `removed`, the simulator's message as the outcome), from the point it
   * waited at, or from the starting point the pass entered it at.
   */
  private guard(work: () => void, t: number): void {
    const checkpoint = this.checkpoint();
    this.passEntry = undefined;
    this.trail = null;
    try {
      work();
    } catch (error) {
      if (!(error instanceof ZeroTimeCycle)) throw error;
      const entered = this.passEntry;
      this.rollBack(checkpoint);
      this.removeLooping(t, error.message, entered);
    }
  }

  /** A checkpoint costs a few shallow copies: the pass changes only what is copied here. */
  private checkpoint(): Checkpoint {
    const s = this.s;
    const data = this.data;
    // A fresh store over the data as it is: the store copies before its first change, so `data` stays as it is now.
    this.store = new ContactStore([]);
    this.store.add(data);
    return {
      state: { ...s, timers: [...s.timers], dateCursor: { ...s.dateCursor }, segment: { ...s.segment }, outcomes: [...s.outcomes] },
      data,
      trace: this.fx.trace.length,
      sends: this.fx.sends.length,
      webhooks: this.fx.webhooks.length,
      deltas: [...this.deltas.values()].map((d) => ({ ...copyCounters(d), queue: [...d.queue] })),
    };
  }

  private rollBack(c: Checkpoint): void {
    Object.assign(this.s, c.state);
    this.store = new ContactStore([]);
    this.store.add(c.data);
    this.fx.trace.length = c.trace;
    this.fx.sends.length = c.sends;
    this.fx.webhooks.length = c.webhooks;
    this.deltas.clear();
    for (const d of c.deltas) this.deltas.set(d.version, d);
    this.internal.length = 0;
    this.trail = null;
  }

  /** The contact enters at starting point `start` (its filter and re-entry already checked): a new stay, counted and recorded. */
  private admit(start: number, t: number, how: string) {
    const s = this.s;
    const live = this.machine.live;
    const sp = live.ir.startingPoints[start]!;
    s.entry++;
    s.status = 'in';
    s.version = live.version;
    const d = this.delta();
    d.started++;
    d.startingPoints[sp.id] = (d.startingPoints[sp.id] ?? 0) + 1;
    this.record(t, sp.id, 'enter', how);
    return sp;
  }

  private removeLooping(t: number, message: string, entered: { start: number; how: string } | undefined): void {
    const s = this.s;
    s.stuck++;
    this.fx.cycle = message;
    if (s.status === 'in') {
      this.exitWaiting(t, 'removed', message);
      return;
    }
    if (!entered) return;
    // The pass entered the contact: it enters, and leaves at once from the starting point.
    const sp = this.admit(entered.start, t, entered.how);
    this.record(t, sp.id, 'exit', message, 'removed');
    this.finishExit(t, 'removed', sp.id);
  }

  // ---------------------------------------------------------------------------
  // Leaving (R15, R16, R17).

  private conditionCriterion(t: number): IrExitCriterion | undefined {
    const j = this.j;
    for (const c of j.ir.exitCriteria) if (c.when === 'condition' && evaluateFilter(c.condition, this.data, { now: t, timeZone: j.ir.timeZone })) return c;
    return undefined;
  }

  private exitCriterionFor(ev: SimEvent, t: number): IrExitCriterion | undefined {
    const j = this.j;
    for (const c of j.ir.exitCriteria) {
      if (c.when === 'condition' ? evaluateFilter(c.condition, this.data, { now: t, timeZone: j.ir.timeZone }) : awaitedMatches(c.event, ev, j.contentOf)) return c;
    }
    return undefined;
  }

  private exitAfterChange(p: IrPoint, t: number): boolean {
    if (!this.j.hasConditionCriteria) return false;
    const criterion = this.conditionCriterion(t);
    if (!criterion) return false;
    this.record(t, p.id, 'exit', criterion.id, 'exitCriteria');
    this.point(p.id).left++;
    this.finishExit(t, 'exitCriteria', p.id);
    return true;
  }

  private dropWait(): void {
    this.s.timers = this.s.timers.filter((t) => t.kind !== 'wait');
  }

  private exitWaiting(t: number, reason: ExitReason, outcome: string | undefined): void {
    const p = this.j.ir.points[this.s.where]!;
    this.dropWait();
    this.record(t, p.id, 'exit', outcome, reason);
    this.point(p.id).left++;
    this.finishExit(t, reason, p.id);
  }

  private finishExit(t: number, reason: ExitReason, point: string): void {
    const d = this.delta();
    d.exited++;
    d.exitedBy[reason] = (d.exitedBy[reason] ?? 0) + 1;
    this.leave(t, { outcome: 'exited', reason, point });
    this.s.status = 'exited';
  }

  private finishComplete(t: number, point: string): void {
    this.delta().completed++;
    this.leave(t, { outcome: 'completed', point });
    this.s.status = 'completed';
  }

  private leave(t: number, how: { outcome: 'completed' | 'exited'; reason?: ExitReason; point: string }): void {
    const s = this.s;
    s.where = -1;
    s.leftAt = t;
    s.outcomes.push({ entry: s.entry, version: s.version ?? this.j.version, ...how, at: t });
    if (s.outcomes.length > MAX_OUTCOMES) s.outcomes.splice(0, s.outcomes.length - MAX_OUTCOMES);
  }

  // ---------------------------------------------------------------------------
  // Bookkeeping.

  private delta(version = this.s.version ?? this.machine.live.version): StatsDelta {
    let d = this.deltas.get(version);
    if (!d) this.deltas.set(version, (d = emptyDelta(version)));
    return d;
  }

  private point(id: string): StatsDelta['points'][string] {
    const d = this.delta();
    return (d.points[id] ??= emptyPointDelta());
  }

  private record(at: number, point: string, kind: TraceKind, outcome?: string, reason?: string, branch?: string): void {
    const e: TraceEntry = { at, contact: this.s.id, point, kind, entry: this.s.entry };
    if (outcome !== undefined) e.outcome = outcome;
    if (reason !== undefined) e.reason = reason;
    if (branch !== undefined) e.branch = branch;
    this.fx.trace.push(e);
  }

  private finish(): Effects {
    const s = this.s;
    s.data = this.store.view(0);
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
    // Stay workflows: start one per new entry; tell the one that was running if its state changed.
    if (before.status === 'in' && (before.entry !== s.entry || before.gen !== s.gen || s.status !== 'in')) {
      const state = stayStateOf(this.machine, s, before.entry);
      if (state) this.fx.stays.push({ type: 'signal', entry: before.entry, version: before.version ?? this.machine.live.version, gen: before.gen, state });
    }
    for (let e = before.entry + 1; e <= s.entry; e++) {
      const state = stayStateOf(this.machine, s, e);
      if (state) this.fx.stays.push({ type: 'start', entry: e, version: state.version, state });
    }
    for (const timer of s.timers) {
      if (timer.kind !== 'wait' && !timer.armed) {
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
