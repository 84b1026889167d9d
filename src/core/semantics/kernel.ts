// The journey semantics, once: what happens to one contact when an input
// reaches it at a journey instant (R7-R20, see src/core/semantics.md).
// Inputs: a contact event (its data change, then the event itself), a wait
// that came due, a date-field tick, a segment run. The kernel reads and
// changes the contact through ContactState (named accessors; the simulator
// keeps many contacts in packed arrays, the runtime one in durable JSON) and
// reports everything else through KernelEffects: trace entries, counts,
// sends, webhook calls, wait timers to set or cancel, data changes that
// drivers index. It schedules nothing and knows no other contact: the
// simulator is a scheduler over many contacts that calls it, the runtime
// keeps its state durable and carries out its effects.
//
// Actions take no time: a contact runs through a chain of points at one
// instant until it waits, completes or exits (R8). Changes the journey itself
// makes (tag added/removed, list joined) are events too: queued and handled
// after the current chain, at the same instant, in order (R7, R14).
//
// The zero-time guard: a contact that passes more points at one instant than
// the journey allows is in a zero-time cycle. The kernel throws ZeroTimeCycle
// (naming the cycle): the simulator stops with it; `guardedPass` instead
// discards everything the looping pass produced (the driver restores its
// checkpoint: state, data, trace, sends, counts) and removes the contact.
import type { ExitCriterion } from '../schema';
import type { IrExitCriterion } from '../compiler/irSchema';
import { SimulationError } from '../simulator/errors';
import { evaluateFilter, type FilterContext } from '../simulator/filterEvaluation';
import { awaitedMatches, type SimEvent, triggerMatches } from '../simulator/matching';
import { emailSuppression, phoneOf, smsSuppression } from '../simulator/sendConsent';
import { chooseBranch, splitUnit } from '../simulator/splitHash';
import type { ExitReason } from '../simulator/types';
import { afterDuration } from '../simulator/zonedTime';
import { COMPLETED, type ContactState, EXITED, IN, NEVER } from './contactState';
import type { KernelEffects } from './effects';
import {
  K_ADD_TAG,
  K_END,
  K_EXIT,
  K_IF_ELSE,
  K_REMOVE_TAG,
  K_SEND_EMAIL,
  K_SEND_SMS,
  K_SPLIT,
  K_SUBSCRIBE_LIST,
  K_UNSUBSCRIBE_LIST,
  K_UPDATE_FIELD,
  K_WAIT,
  K_WAIT_FOR_EVENT,
  K_WAIT_UNTIL,
  K_WEBHOOK,
  type KernelJourney,
  type KernelPoint,
  type KernelStart,
} from './kernelJourney';
import {
  danglingPointText,
  danglingStartText,
  TEXT_ALREADY_SUBSCRIBED,
  TEXT_ALREADY_TAGGED,
  TEXT_FIELD_SET,
  TEXT_NOT_TAGGED,
  TEXT_SUBSCRIBED,
  TEXT_TAG_ADDED,
  TEXT_TAG_REMOVED,
  TEXT_UNSUBSCRIBED,
  TEXT_WEBHOOK,
  zeroTimeCycleText,
} from './traceTexts';

/** A contact passed the most points one instant allows and went round a cycle (R4, the zero-time guard). */
export class ZeroTimeCycle extends SimulationError {
  constructor(message: string) {
    super('zero-time-cycle', message);
  }
}

/** What a discarding pass restores: the driver saves the contact (state, data) and its effects so far, and puts them back. */
export interface PassCheckpoint {
  save(): void;
  restore(): void;
}

/** An event for a contact, as it waits in the queue of the journey's own changes. */
type EventOf<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

export class JourneyKernel {
  /** The journey new entries go to (the live version). */
  readonly live: KernelJourney;
  private readonly versions: ReadonlyMap<number, KernelJourney> | undefined;
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, ctxAt sets both fields before every read
  private readonly ctx: FilterContext = { now: 0, timeZone: 'UTC' };

  // Events the journey's own actions cause, handled after the current chain.
  // (Kept at their longest and overwritten: emptying an array frees its storage, and the next push allocates it again.)
  private readonly ieContact: number[] = [];
  private readonly ieEvent: SimEvent[] = [];
  private readonly ieStamp: number[] = [];
  private ieCount = 0;

  /** Points passed after the step limit, to name the cycle. */
  private trail: string[] = [];
  /** The first entry of the current guarded pass (starting point and how), if it made one. */
  private passEntry: { start: KernelStart; how: string } | undefined;

  /**
   * `versions`: every published version that may still have contacts (the
   * runtime); a contact in the journey is governed by its stay's version.
   */
  constructor(
    live: KernelJourney,
    private readonly contacts: ContactState,
    private readonly fx: KernelEffects,
    versions?: ReadonlyMap<number, KernelJourney>,
  ) {
    this.live = live;
    this.versions = versions !== undefined && versions.size > 1 ? versions : undefined;
  }

  /** The journey that governs the contact now: its stay's version while in, else the live one. */
  private journeyOf(c: number): KernelJourney {
    if (this.versions === undefined || this.contacts.status(c) !== IN) return this.live;
    return this.versions.get(this.contacts.version(c)) ?? this.live;
  }

  private ctxAt(j: KernelJourney, t: number): FilterContext {
    const ctx = this.ctx;
    ctx.now = t;
    ctx.timeZone = j.timeZone;
    return ctx;
  }

  // ---------------------------------------------------------------------------
  // Inputs.

  /**
   * Applies what an event says about the contact's data (also for history
   * before the journey's start). `type` is `ev.type`, passed by a caller that
   * has read it already (events come in a dozen shapes: each read of `type`
   * is a megamorphic load).
   */
  applyEventData(c: number, ev: SimEvent, t: number, type: SimEvent['type'] = ev.type): void {
    const s = this.contacts.store;
    switch (type) {
      case 'audienceJoined': {
        const list = (ev as EventOf<'audienceJoined'>).list;
        if (list !== undefined) s.setList(c, list, 'subscribed');
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
        this.setField(c, e.field, e.value, t);
        return;
      }
      case 'formSubmitted': {
        const fields = (ev as EventOf<'formSubmitted'>).fields;
        if (fields) for (const key of Object.keys(fields)) this.setField(c, key, fields[key]!, t);
        return;
      }
      case 'campaignActivity': {
        const e = ev as EventOf<'campaignActivity'>;
        s.addActivity(c, `${e.campaign}:${e.activity}`);
        return;
      }
      case 'unsubscribed': {
        const list = (ev as EventOf<'unsubscribed'>).list;
        if (list !== undefined) s.setList(c, list, 'unsubscribed');
        else s.unsubscribeAll(c);
        return;
      }
      case 'subscribed':
        s.setList(c, (ev as EventOf<'subscribed'>).list, 'subscribed');
        return;
      case 'segmentJoined': {
        const segment = (ev as EventOf<'segmentJoined'>).segment;
        const plan = this.live.segment;
        if (s.joinSegment(c, segment) && plan !== undefined && plan.schedule === 'recurring' && segment === plan.segment) this.fx.joinedRecurringSegment(c, t);
        return;
      }
      case 'segmentLeft':
        s.leaveSegment(c, (ev as EventOf<'segmentLeft'>).segment);
        return;
      default:
        return;
    }
  }

  /**
   * An event for the contact at `t` (its data already changed), stamped
   * `stamp` in R14 order, then the events the journey's own actions caused.
   * `type` is `ev.type` (see applyEventData).
   */
  eventArrives(c: number, ev: SimEvent, t: number, stamp: number, type: SimEvent['type'] = ev.type): void {
    this.handleEvent(c, ev, type, t, stamp);
    this.drainInternal(t);
  }

  /** The contact's wait (or wait for an event) ends at `t`: it goes on (or times out). */
  waitEnds(c: number, t: number): void {
    const cs = this.contacts;
    cs.nextStamp(c);
    const j = this.journeyOf(c);
    const p = j.points[cs.where(c)]!;
    const timeout = p.kind === K_WAIT_FOR_EVENT;
    this.fx.trace.leave(t, c, p.id, timeout ? 'timeout' : 'next');
    this.fx.stats.pointLeft(c, p);
    this.runChain(c, j, this.follow(p, timeout ? 1 : 0), t);
    this.drainInternal(t);
  }

  /** The daily tick of date-field starting point `start` at `t` for a contact whose date falls on it (R20). */
  dateTick(c: number, start: number, t: number): void {
    if (this.contacts.status(c) === IN) return;
    this.contacts.nextStamp(c);
    this.tryEnter(c, this.live.starts[start]!, t, 'dateField');
    this.drainInternal(t);
  }

  /** A run of the segment schedule at `t` considers the contact (R19). */
  segmentRun(c: number, t: number): void {
    const plan = this.live.segment;
    if (plan === undefined || this.contacts.status(c) === IN || !this.isMember(c, plan.segment)) return;
    this.contacts.nextStamp(c);
    this.tryEnterSegment(c, t);
    this.drainInternal(t);
  }

  private isMember(c: number, segment: string): boolean {
    return this.contacts.store.view(c).segments?.includes(segment) ?? false;
  }

  /**
   * Runs one pass of the contact (an input's work at one instant) so that a
   * zero-time cycle discards it whole: no send, webhook, data change, trace
   * entry or count of it remains. The contact is then removed from the
   * journey (exit, reason `removed`, the cycle's message as the outcome),
   * from the point it waited at, or from the starting point the pass entered
   * it at. Returns the message when the pass was discarded.
   */
  guardedPass(c: number, t: number, checkpoint: PassCheckpoint, work: () => void): string | undefined {
    checkpoint.save();
    this.passEntry = undefined;
    this.trail = [];
    try {
      work();
      return undefined;
    } catch (error) {
      if (!(error instanceof ZeroTimeCycle)) throw error;
      const entered = this.passEntry;
      checkpoint.restore();
      this.ieCount = 0;
      this.trail = [];
      this.removeLooping(c, t, error.message, entered);
      return error.message;
    } finally {
      this.passEntry = undefined;
    }
  }

  private removeLooping(c: number, t: number, message: string, entered: { start: KernelStart; how: string } | undefined): void {
    if (this.contacts.status(c) === IN) {
      this.exitWaiting(c, this.journeyOf(c), t, 'removed', message);
      return;
    }
    if (!entered) return;
    // The pass entered the contact: it enters, and leaves at once from the starting point.
    this.admit(c, entered.start, t, entered.how);
    this.fx.trace.exit(t, c, entered.start.id, message, 'removed');
    this.finishExit(c, t, 'removed', entered.start.id);
  }

  // ---------------------------------------------------------------------------
  // Events (R7, R11, R16, R17, R19).

  /**
   * An event for a contact (from outside, or caused by the journey's own
   * actions). A contact in the journey may leave (master unsubscribe, exit
   * criteria) or get what it waits for; a contact outside may enter. A
   * contact that is in the journey when the event arrives is not entered by it.
   */
  private handleEvent(c: number, ev: SimEvent, type: SimEvent['type'], t: number, stamp: number): void {
    const cs = this.contacts;
    if (cs.status(c) === IN) {
      const j = this.journeyOf(c);
      if (j.marketing && type === 'unsubscribed' && (ev as EventOf<'unsubscribed'>).list === undefined) {
        this.exitWaiting(c, j, t, 'unsubscribed', undefined);
        return;
      }
      const criterion = this.exitCriterionFor(c, j, ev, t);
      if (criterion) {
        this.exitWaiting(c, j, t, 'exitCriteria', criterion.id);
        return;
      }
      const p = j.points[cs.where(c)]!;
      // Only a wait-for-event point has an awaited type, and only an event of that type can match it.
      if (p.awaitedType === type && stamp > cs.arrivalStamp(c) && awaitedMatches(p.awaited!, ev, j.contentOf)) {
        this.fx.cancelWait(c);
        this.fx.trace.leave(t, c, p.id, 'yes', type);
        this.fx.stats.pointLeft(c, p);
        this.runChain(c, j, this.follow(p, 0), t);
      }
      return;
    }
    const live = this.live;
    if (live.kind === 'segment') {
      // Segment journeys are entered by their schedule only (R19).
      const plan = live.segment;
      if (plan && plan.schedule === 'oneTimeRolling' && cs.segmentStarted(c) && type === 'segmentJoined' && (ev as EventOf<'segmentJoined'>).segment === plan.segment) this.tryEnterSegment(c, t);
      return;
    }
    const starts = live.starts;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k]!;
      if (s.triggerType !== type) continue;
      if (!triggerMatches(s.trigger, ev)) continue;
      if (type === 'apiEntry') {
        const wanted = (ev as EventOf<'apiEntry'>).startingPoint;
        if (wanted !== undefined && wanted !== s.id) continue;
      }
      if (this.tryEnter(c, s, t, s.trigger.type)) return;
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
    const stamp = this.contacts.nextStamp(c);
    if (k === this.ieEvent.length) {
      this.ieContact.push(c);
      this.ieEvent.push(ev);
      this.ieStamp.push(stamp);
    } else {
      this.ieContact[k] = c;
      this.ieEvent[k] = ev;
      this.ieStamp[k] = stamp;
    }
  }

  // ---------------------------------------------------------------------------
  // Entering (R6, R7, R19, R20).

  private tryEnterSegment(c: number, t: number): boolean {
    const plan = this.live.segment!;
    if (plan.schedule !== 'recurring' && this.contacts.entry(c) > 0) return false; // one-time: each person at most once ever
    return this.tryEnter(c, plan.entry, t, plan.how);
  }

  private tryEnter(c: number, s: KernelStart, t: number, how: string): boolean {
    const cs = this.contacts;
    const status = cs.status(c);
    if (status === IN) return false;
    const live = this.live;
    if (status !== NEVER) {
      const policy = live.reEntry;
      if (policy === 'never') return false;
      if (policy === 'afterCompletion' && status !== COMPLETED) return false;
      if (policy === 'afterCooldown' && t < afterDuration(cs.leftAt(c), live.cooldown, live.timeZone)) return false;
    }
    if (s.filter && !evaluateFilter(s.filter, cs.store.view(c), this.ctxAt(live, t))) return false;
    if (s.next < 0) throw new SimulationError('dangling-reference', danglingStartText(s.id, s.nextId));
    this.passEntry ??= { start: s, how };
    this.admit(c, s, t, how);
    if (live.hasConditionCriteria) {
      const criterion = this.conditionCriterion(c, live, t);
      if (criterion) {
        this.fx.trace.exit(t, c, s.id, criterion.id, 'exitCriteria');
        this.finishExit(c, t, 'exitCriteria', s.id);
        return true;
      }
    }
    this.runChain(c, live, s.next, t);
    return true;
  }

  /** The contact enters at starting point `s` (its filter and re-entry already checked): a new stay, counted and recorded. */
  private admit(c: number, s: KernelStart, t: number, how: string): void {
    this.contacts.beginStay(c, this.live.version);
    this.fx.stats.started(c, s);
    this.fx.trace.enter(t, c, s.id, how);
  }

  // ---------------------------------------------------------------------------
  // Moving through points (R8-R13, R17, R18).

  private follow(p: KernelPoint, k: number): number {
    const i = p.succ[k]!;
    if (i < 0) throw new SimulationError('dangling-reference', danglingPointText(p.id, p.labels[k]!, p.succIds[k]!));
    return i;
  }

  private runChain(c: number, j: KernelJourney, first: number, t: number): void {
    const cs = this.contacts;
    const store = cs.store;
    const fx = this.fx;
    const trace = fx.trace;
    const stats = fx.stats;
    const points = j.points;
    let idx = first;
    for (;;) {
      const p = points[idx]!;
      this.countStep(c, j, t, p.id);
      stats.pointEntered(c, p);
      cs.setWhere(c, idx);
      const kind = p.kind;
      switch (kind) {
        case K_SEND_EMAIL: {
          const view = store.view(c);
          const reason = emailSuppression(p.transactional, p.list, view, t, cs.lastMarketingEmail(c), j.timeZone);
          if (reason) {
            trace.suppressed(t, c, p.id, p.content, reason);
            stats.suppressed(c, p, reason);
          } else {
            trace.send(t, c, p.id, p.content);
            stats.sent(c, p);
            if (!p.transactional) cs.setLastMarketingEmail(c, t);
            fx.send(c, p, t, view.email);
          }
          break;
        }
        case K_SEND_SMS: {
          const view = store.view(c);
          const reason = smsSuppression(p.transactional, p.list, view, p.phoneField);
          if (reason) {
            trace.suppressed(t, c, p.id, p.content, reason);
            stats.suppressed(c, p, reason);
          } else {
            trace.send(t, c, p.id, p.content);
            stats.sent(c, p);
            fx.send(c, p, t, phoneOf(view, p.phoneField));
          }
          break;
        }
        case K_ADD_TAG: {
          const changed = store.addTag(c, p.tag);
          trace.pass(t, c, p.id, changed ? TEXT_TAG_ADDED : TEXT_ALREADY_TAGGED, p.tag);
          if (changed) {
            this.emit(c, p.caused!);
            if (this.exitAfterChange(c, j, p, t)) return;
          }
          break;
        }
        case K_REMOVE_TAG: {
          const changed = store.removeTag(c, p.tag);
          trace.pass(t, c, p.id, changed ? TEXT_TAG_REMOVED : TEXT_NOT_TAGGED, p.tag);
          if (changed) {
            this.emit(c, p.caused!);
            if (this.exitAfterChange(c, j, p, t)) return;
          }
          break;
        }
        case K_UPDATE_FIELD: {
          const changed = this.setField(c, p.field, p.value, t);
          trace.pass(t, c, p.id, TEXT_FIELD_SET, p.field, p.value);
          if (changed && this.exitAfterChange(c, j, p, t)) return;
          break;
        }
        case K_SUBSCRIBE_LIST: {
          const list = p.list!;
          const before = store.setList(c, list, 'subscribed');
          trace.pass(t, c, p.id, before === 'subscribed' ? TEXT_ALREADY_SUBSCRIBED : TEXT_SUBSCRIBED, list);
          if (before !== 'subscribed') {
            if (before === undefined) this.emit(c, p.caused!);
            if (this.exitAfterChange(c, j, p, t)) return;
          }
          break;
        }
        case K_UNSUBSCRIBE_LIST: {
          const list = p.list!;
          const before = store.setList(c, list, 'unsubscribed');
          trace.pass(t, c, p.id, TEXT_UNSUBSCRIBED, list);
          if (before !== 'unsubscribed' && this.exitAfterChange(c, j, p, t)) return;
          break;
        }
        case K_WEBHOOK:
          trace.pass(t, c, p.id, TEXT_WEBHOOK, p.url, p.method);
          fx.webhook(c, p, t);
          break;
        case K_EXIT:
          trace.exit(t, c, p.id, p.reason, 'exitPoint');
          stats.pointLeft(c, p);
          this.finishExit(c, t, 'exitPoint', p.id);
          return;
        case K_END:
          trace.complete(t, c, p.id);
          stats.pointLeft(c, p);
          this.finishComplete(c, t, p.id);
          return;
        case K_IF_ELSE: {
          const yes = evaluateFilter(p.condition!, store.view(c), this.ctxAt(j, t));
          trace.branch(t, c, p.id, yes ? 'yes' : 'no');
          stats.pointLeft(c, p);
          idx = this.follow(p, yes ? 0 : 1);
          continue;
        }
        case K_SPLIT: {
          const k = chooseBranch(splitUnit(j.seed, cs.id(c), p.id, cs.entry(c)), p.percents);
          trace.branch(t, c, p.id, p.labels[k]!);
          stats.pointLeft(c, p);
          idx = this.follow(p, k);
          continue;
        }
        case K_WAIT:
        case K_WAIT_UNTIL:
        case K_WAIT_FOR_EVENT: {
          const due = kind === K_WAIT_UNTIL ? p.untilMs : afterDuration(t, p.wait, j.timeZone); // R0: days on the wall clock
          trace.arrive(t, c, p.id, due);
          if (kind !== K_WAIT_FOR_EVENT && due <= t) {
            // R9 zero duration, R10 an instant already past: go on at once.
            trace.leave(t, c, p.id, 'next');
            break;
          }
          cs.arriveAt(c, cs.nextStamp(c), t);
          fx.setWait(c, p, t, due);
          return;
        }
      }
      // A point with a single `next`: the contact moves on.
      stats.pointLeft(c, p);
      idx = this.follow(p, 0);
    }
  }

  /** Counts one point passed by a contact at an instant; a contact that never stops at one instant is in a zero-time cycle. */
  private countStep(c: number, j: KernelJourney, t: number, pointId: string): void {
    const cs = this.contacts;
    let count: number;
    if (cs.stepInstant(c) !== t) {
      count = 1;
      if (this.trail.length > 0) this.trail = [];
    } else count = cs.stepCount(c) + 1;
    cs.setSteps(c, t, count);
    if (count <= j.maxSteps) return;
    // Past the limit: go on until a point repeats (at most 64 more) to name the cycle, then stop.
    this.trail.push(pointId);
    const seen = this.trail.indexOf(pointId);
    if (seen < this.trail.length - 1 || this.trail.length >= 64) {
      const cycle = seen < this.trail.length - 1 ? this.trail.slice(seen) : this.trail;
      throw new ZeroTimeCycle(zeroTimeCycleText(cs.id(c), j.maxSteps, t, cycle));
    }
  }

  /** Sets a field of the contact's data; true when it changed. */
  private setField(c: number, field: string, value: string | number | boolean | null, t: number): boolean {
    const changed = this.contacts.store.setField(c, field, value);
    if (changed) this.fx.fieldChanged(c, field, value, t);
    return changed;
  }

  // ---------------------------------------------------------------------------
  // Leaving (R15, R16, R17).

  private conditionCriterion(c: number, j: KernelJourney, t: number): ExitCriterion | IrExitCriterion | undefined {
    const view = this.contacts.store.view(c);
    for (const crit of j.exitCriteria) if (crit.when === 'condition' && evaluateFilter(crit.condition, view, this.ctxAt(j, t))) return crit;
    return undefined;
  }

  private exitCriterionFor(c: number, j: KernelJourney, ev: SimEvent, t: number): ExitCriterion | IrExitCriterion | undefined {
    const criteria = j.exitCriteria;
    if (criteria.length === 0) return undefined;
    const view = this.contacts.store.view(c);
    for (const crit of criteria) {
      if (crit.when === 'condition' ? evaluateFilter(crit.condition, view, this.ctxAt(j, t)) : awaitedMatches(crit.event, ev, j.contentOf)) return crit;
    }
    return undefined;
  }

  /** After an action changed the contact's data: leave at once if an exit condition now holds. */
  private exitAfterChange(c: number, j: KernelJourney, p: KernelPoint, t: number): boolean {
    if (!j.hasConditionCriteria) return false;
    const criterion = this.conditionCriterion(c, j, t);
    if (!criterion) return false;
    this.fx.trace.exit(t, c, p.id, criterion.id, 'exitCriteria');
    this.fx.stats.pointLeft(c, p);
    this.finishExit(c, t, 'exitCriteria', p.id);
    return true;
  }

  /** A waiting contact leaves the journey from its queue. */
  private exitWaiting(c: number, j: KernelJourney, t: number, reason: ExitReason, outcome: string | undefined): void {
    const p = j.points[this.contacts.where(c)]!;
    this.fx.cancelWait(c);
    this.fx.trace.exit(t, c, p.id, outcome, reason);
    this.fx.stats.pointLeft(c, p);
    this.finishExit(c, t, reason, p.id);
  }

  private finishExit(c: number, t: number, reason: ExitReason, point: string): void {
    this.fx.stats.exited(c, reason);
    this.contacts.endStay(c, t, EXITED, reason, point);
  }

  private finishComplete(c: number, t: number, point: string): void {
    this.fx.stats.completed(c);
    this.contacts.endStay(c, t, COMPLETED, undefined, point);
  }
}
