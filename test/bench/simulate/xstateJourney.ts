// The obvious alternative to our simulator, for the benchmark: an XState v5
// machine generated from the journey (one state per point, guards for
// triggers, filters, consent and awaited events, `after` delays for waits
// and timeouts), one actor per contact, and a replay driver that sends the
// timeline's events in order and fires the actors' timers in time order.
// Each actor runs on its own XState SimulatedClock (deterministic, no real
// waiting); a shared heap of due instants tells the driver which clock to
// advance next. At one instant all events come before any timer, as in the
// simulator (R14). Its guards decide with the simulator's own predicates
// (filters, trigger and awaited-event matching, consent and frequency), so
// the two engines differ in their machinery, not in what they decide. The
// model covers the point, trigger and filter kinds the benchmark journey
// uses and refuses any other, so the outcome check before timing compares
// like with like.
import { assign, createActor, createMachine, SimulatedClock, type AnyActor, type AnyEventObject } from 'xstate';
import { addDuration, parseNominalDuration } from '../../../src/core/time/nominalDuration';
import type { Filter, Journey, JourneyPoint, Trigger } from '../../../src/core/schema';
import { emailSuppression, smsSuppression } from '../../../src/core/simulator/sendConsent';
import { evaluateFilter, type FilterContext } from '../../../src/core/simulator/filterEvaluation';
import { chooseBranch, isMarketingJourney, isTransactional, splitUnit } from '../../../src/core/simulator/index';
import { awaitedMatches, triggerMatches } from '../../../src/core/simulator/matching';
import { TimerQueue } from '../../../src/core/simulator/priorityQueue';
import type { Contact, ContactEvent, Timeline } from '../../../src/core/timeline';
import { emptyOutcomes, type Outcomes } from './outcomes';

type FieldValue = string | number | boolean;
type ListStatus = 'subscribed' | 'unsubscribed';

/** An actor's context: the contact's data as the journey reads and changes it. */
interface ContactData {
  readonly id: string;
  readonly email?: string;
  readonly phone?: string;
  readonly tags: readonly string[];
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly lists: Readonly<Record<string, ListStatus>>;
  readonly smsConsent: boolean;
  readonly unsubscribedAll: boolean;
  readonly frequency: Contact['frequency'];
  /** When this journey last sent the contact a marketing email (R18). */
  readonly lastMarketingEmail: number;
  /** The stay number (1 on the first entry), for the split hash (R13). */
  readonly entry: number;
}

type Args = { context: ContactData; event: AnyEventObject };

function contactData(c: Contact): ContactData {
  return {
    id: c.id,
    ...(c.email !== undefined ? { email: c.email } : {}),
    ...(c.phone !== undefined ? { phone: c.phone } : {}),
    tags: c.tags ?? [],
    fields: c.fields ?? {},
    lists: c.lists ?? {},
    smsConsent: c.smsConsent === true,
    unsubscribedAll: c.unsubscribedAll === true,
    frequency: c.frequency,
    lastMarketingEmail: -Infinity,
    entry: 0,
  };
}

/** The contact's data after an event's own change (tags, fields, lists, unsubscribes). */
function applyEvent(d: ContactData, ev: AnyEventObject): ContactData {
  const e = ev as ContactEvent;
  switch (e.type) {
    case 'tagAdded':
      return d.tags.includes(e.tag) ? d : { ...d, tags: [...d.tags, e.tag] };
    case 'tagRemoved':
      return d.tags.includes(e.tag) ? { ...d, tags: d.tags.filter((t) => t !== e.tag) } : d;
    case 'fieldChanged': {
      if (e.value === null) {
        if (!(e.field in d.fields)) return d;
        const { [e.field]: _removed, ...rest } = d.fields;
        return { ...d, fields: rest };
      }
      return d.fields[e.field] === e.value ? d : { ...d, fields: { ...d.fields, [e.field]: e.value } };
    }
    case 'formSubmitted':
      return e.fields ? { ...d, fields: { ...d.fields, ...e.fields } } : d;
    case 'unsubscribed':
      if (e.list === undefined) return d.unsubscribedAll ? d : { ...d, unsubscribedAll: true };
      return d.lists[e.list] === 'unsubscribed' ? d : { ...d, lists: { ...d.lists, [e.list]: 'unsubscribed' } };
    case 'subscribed':
      return d.lists[e.list] === 'subscribed' ? d : { ...d, lists: { ...d.lists, [e.list]: 'subscribed' } };
    case 'audienceJoined':
      return e.list === undefined || d.lists[e.list] === 'subscribed' ? d : { ...d, lists: { ...d.lists, [e.list]: 'subscribed' } };
    default:
      return d;
  }
}

/** The filter kinds the model's contact data can answer (it keeps no segments, campaign activity, language or name). */
function checkModelledFilter(f: Filter): void {
  switch (f.type) {
    case 'all':
    case 'any':
      f.of.forEach(checkModelledFilter);
      return;
    case 'not':
      checkModelledFilter(f.filter);
      return;
    case 'hasTag':
    case 'memberOf':
    case 'field':
      return;
    default:
      throw new Error(`The XState model does not implement ${f.type} filters.`);
  }
}

/** The event type that fires a trigger, for the trigger kinds the model covers. */
function triggerEventType(t: Trigger): string {
  if (t.type === 'tagAdded' || t.type === 'formSubmitted' || t.type === 'audienceJoined') return t.type;
  throw new Error(`The XState model does not implement ${t.type} triggers.`);
}


/** The instant the driver is at; actions read it for the frequency cap (R18). */
export interface ReplayClock {
  now: number;
}

/**
 * The XState machine for a journey. Counting actions write into `tally`;
 * `time.now` is the instant of the event or timer being handled.
 */
export function journeyMachine(journey: Journey, tally: Outcomes, time: ReplayClock, seed: number) {
  if (journey.kind !== 'trigger') throw new Error('The XState model covers trigger journeys only.');
  const reEntry = journey.settings?.reEntry?.mode ?? 'never';
  if (reEntry !== 'never') throw new Error('The XState model covers journeys without re-entry only.');
  if ((journey.settings?.exitCriteria ?? []).length > 0) throw new Error('The XState model does not implement exit criteria.');
  const content = new Map((journey.content ?? []).map((c) => [c.id, c]));
  const transactional = (contentId: string) => isTransactional(content.get(contentId), journey);
  const marketing = isMarketingJourney(journey);
  const filterContext: FilterContext = {
    get now() {
      return time.now;
    },
    timeZone: journey.settings?.timeZone ?? 'UTC',
  };
  const holds = (f: Filter, d: ContactData) => evaluateFilter(f, d, filterContext);
  // R0: a wait's delay is counted from the instant its state is entered, days nominal in the journey zone (XState delays are plain ms).
  const delays: Record<string, () => number> = {};
  const delayOf = (pointId: string, text: string): string => {
    const d = parseNominalDuration(text);
    if (d === undefined) throw new Error(`Not a duration: ${text}`);
    delays[pointId] = () => addDuration(time.now, d, filterContext.timeZone) - time.now;
    return pointId;
  };
  for (const sp of journey.startingPoints) if (sp.filter) checkModelledFilter(sp.filter);
  for (const p of journey.points) if (p.type === 'ifElse') checkModelledFilter(p.condition);
  const pointById = new Map(journey.points.map((p) => [p.id, p]));
  const contentOf = (id: string) => {
    const p = pointById.get(id);
    return p && (p.type === 'sendEmail' || p.type === 'sendSms') ? p.content : undefined;
  };
  // The simulator treats the journey's own tag and list changes as events; this model does not, so refuse a journey that listens to them.
  const ownTags = new Set(journey.points.flatMap((p) => (p.type === 'addTag' || p.type === 'removeTag' ? [p.tag] : [])));
  for (const sp of journey.startingPoints) {
    if (sp.trigger.type === 'tagAdded' && ownTags.has(sp.trigger.tag)) throw new Error(`Starting point ${sp.id} listens to a tag the journey itself changes: not modelled.`);
    if (sp.trigger.type === 'audienceJoined' && journey.points.some((p) => p.type === 'subscribeList')) throw new Error('An audienceJoined trigger with subscribeList points is not modelled.');
  }
  for (const p of journey.points) if (p.type === 'waitForEvent' && p.event.type === 'tagAdded') throw new Error(`Point ${p.id} waits for a tag: not modelled.`);

  const target = (id: string) => `#${id}`;
  const enter = (id: string) => () => {
    tally.entered[id] = tally.entered[id]! + 1;
  };
  const suppressed = (id: string, reason: string) => {
    const by = tally.suppressed[id]!;
    by[reason] = (by[reason] ?? 0) + 1;
  };
  const sent = (id: string) => () => {
    tally.sent[id] = tally.sent[id]! + 1;
  };
  const emailBlock = (contentId: string) => {
    const isTx = transactional(contentId);
    const list = content.get(contentId)?.list;
    return (d: ContactData): string | undefined => emailSuppression(isTx, list, d, time.now, d.lastMarketingEmail, journey.settings?.timeZone ?? 'UTC');
  };
  const smsBlock = (contentId: string, phoneField: string | undefined) => {
    const isTx = transactional(contentId);
    const list = content.get(contentId)?.list;
    return (d: ContactData): string | undefined => smsSuppression(isTx, list, d, phoneField);
  };
  /** A final state: the contact completes or exits there. */
  const finalState = (id: string, count: () => void) => ({ id, type: 'final', entry: [enter(id), count] });
  const applyEventAction = assign(({ context, event }: Args) => applyEvent(context, event));

  const inJourney: Record<string, object> = {};
  const finals: Record<string, object> = {};
  for (const p of journey.points) {
    const state = pointState(p);
    if (p.type === 'end' || p.type === 'exit') finals[p.id] = state;
    else inJourney[p.id] = state;
  }

  function pointState(p: JourneyPoint): object {
    const id = p.id;
    switch (p.type) {
      case 'sendEmail':
      case 'sendSms': {
        const block = p.type === 'sendEmail' ? emailBlock(p.content) : smsBlock(p.content, p.phoneField);
        const recordsFrequency = p.type === 'sendEmail' && !transactional(p.content);
        return {
          id,
          entry: enter(id),
          always: [
            {
              guard: ({ context }: Args) => block(context) === undefined,
              target: target(p.next),
              actions: recordsFrequency ? [sent(id), assign({ lastMarketingEmail: () => time.now })] : sent(id),
            },
            { target: target(p.next), actions: ({ context }: Args) => suppressed(id, block(context)!) },
          ],
        };
      }
      case 'addTag':
        return { id, entry: [enter(id), assign({ tags: ({ context }: Args) => (context.tags.includes(p.tag) ? context.tags : [...context.tags, p.tag]) })], always: target(p.next) };
      case 'removeTag':
        return { id, entry: [enter(id), assign({ tags: ({ context }: Args) => context.tags.filter((t) => t !== p.tag) })], always: target(p.next) };
      case 'updateField':
        return { id, entry: [enter(id), assign({ fields: ({ context }: Args) => ({ ...context.fields, [p.field]: p.value }) })], always: target(p.next) };
      case 'webhook':
        return { id, entry: enter(id), always: target(p.next) };
      case 'wait':
        return { id, entry: enter(id), after: { [delayOf(id, p.duration)]: { target: target(p.next) } } };
      case 'waitForEvent':
        return {
          id,
          entry: enter(id),
          on: { [p.event.type]: [{ guard: ({ event }: Args) => awaitedMatches(p.event, event as ContactEvent, contentOf), target: target(p.branches.yes), actions: applyEventAction }] },
          after: { [delayOf(id, p.timeout)]: { target: target(p.branches.timeout) } },
        };
      case 'ifElse':
        return { id, entry: enter(id), always: [{ guard: ({ context }: Args) => holds(p.condition, context), target: target(p.branches.yes) }, { target: target(p.branches.no) }] };
      case 'split': {
        const percents = p.branches.map((b) => b.percent);
        const branch = (d: ContactData) => chooseBranch(splitUnit(seed, d.id, id, d.entry), percents);
        return {
          id,
          entry: enter(id),
          always: p.branches.map((b, k) => (k < p.branches.length - 1 ? { guard: ({ context }: Args) => branch(context) === k, target: target(b.next) } : { target: target(b.next) })),
        };
      }
      case 'end':
        return finalState(id, () => {
          tally.completed++;
        });
      case 'exit':
        return finalState(id, () => {
          tally.exitedBy['exitPoint'] = (tally.exitedBy['exitPoint'] ?? 0) + 1;
        });
      default:
        throw new Error(`The XState model does not implement ${p.type} points.`);
    }
  }

  // Entering: per trigger event type, the starting points in document order; the filter sees the data after the event's change.
  const idleOn: Record<string, object[]> = {};
  for (const sp of journey.startingPoints) {
    const type = triggerEventType(sp.trigger);
    (idleOn[type] ??= []).push({
      guard: ({ context, event }: Args) => triggerMatches(sp.trigger, event as ContactEvent) && (sp.filter === undefined || holds(sp.filter, applyEvent(context, event))),
      target: target(sp.next),
      actions: [
        applyEventAction,
        assign({ entry: ({ context }: Args) => context.entry + 1 }),
        () => {
          tally.started++;
        },
      ],
    });
  }

  const first = journey.startingPoints[0]?.next;
  if (first === undefined || inJourney[first] === undefined) throw new Error('The XState model needs a first point that is not an end or exit.');
  return createMachine({
    id: 'journey',
    initial: 'idle',
    context: ({ input }: { input: Contact }) => contactData(input),
    // Events nobody handles still change the contact's data.
    on: { '*': { actions: applyEventAction } },
    states: {
      idle: { on: idleOn },
      inJourney: {
        initial: first,
        states: inJourney,
        // R17: a master unsubscribe makes a waiting contact leave a marketing journey.
        on: marketing ? { unsubscribed: [{ guard: ({ event }: Args) => (event as ContactEvent & { type: 'unsubscribed' }).list === undefined, target: '#unsubscribedExit', actions: applyEventAction }] } : {},
      },
      ...finals,
      unsubscribedExit: {
        id: 'unsubscribedExit',
        type: 'final',
        entry: () => {
          tally.exitedBy['unsubscribed'] = (tally.exitedBy['unsubscribed'] ?? 0) + 1;
        },
      },
    },
  } as unknown as Parameters<typeof createMachine>[0]).provide({ delays } as never);
}

/** An actor's SimulatedClock that also tells the driver when its timers are due. */
class ContactClock extends SimulatedClock {
  constructor(
    private readonly contact: number,
    private readonly due: TimerQueue,
  ) {
    super();
  }

  override setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = super.setTimeout(fn, timeout);
    this.due.push(this.now() + timeout, 0, this.contact, 0);
    return id;
  }

  /**
   * Moves the clock to an event's instant without firing timers due then:
   * the driver fires them after every event at that instant (R14).
   * SimulatedClock.set would fire them first.
   */
  moveTo(t: number): void {
    (this as unknown as { _now: number })._now = t;
  }
}

export interface XStateReplayResult {
  outcomes: Outcomes;
  /** Actors created (one per contact with an event). */
  actors: number;
}

/** Replays the whole timeline (it has no horizon) with one XState actor per contact. */
export function replayWithXState(journey: Journey, timeline: Timeline, seed = timeline.seed ?? 0): XStateReplayResult {
  if (timeline.horizon !== undefined) throw new Error('The XState replay runs timelines without a horizon only.');
  const sendIds = journey.points.filter((p) => p.type === 'sendEmail' || p.type === 'sendSms').map((p) => p.id);
  const tally = emptyOutcomes(
    journey.points.map((p) => p.id),
    sendIds,
  );
  const time: ReplayClock = { now: -Infinity };
  const machine = journeyMachine(journey, tally, time, seed);
  const index = new Map<string, number>();
  timeline.contacts.forEach((c, i) => index.set(c.id, i));
  const n = timeline.contacts.length;
  const actors: (AnyActor | undefined)[] = new Array(n);
  const clocks: (ContactClock | undefined)[] = new Array(n);
  const done = new Uint8Array(n);
  const due = new TimerQueue();
  const start = timeline.start !== undefined ? Date.parse(timeline.start) : -Infinity;
  const events = timeline.events;
  let created = 0;
  let last = -Infinity;
  let e = 0;
  let nextEventAt = events.length > 0 ? Date.parse(events[0]!.at) : Infinity;

  const settle = (c: number, actor: AnyActor) => {
    if (actor.getSnapshot().status !== 'done') return;
    done[c] = 1;
    actors[c] = undefined; // let a finished contact's actor be collected
    clocks[c] = undefined;
  };

  for (;;) {
    const timerAt = due.peekTime();
    if (nextEventAt === Infinity && timerAt === Infinity) break;
    if (nextEventAt <= timerAt) {
      const ev = events[e++]!;
      const t = nextEventAt;
      nextEventAt = e < events.length ? Date.parse(events[e]!.at) : Infinity;
      if (t < last) throw new Error('The XState replay needs a timeline in time order.');
      if (t < start) throw new Error('The XState replay does not model history before the start.');
      last = t;
      const c = index.get(ev.contact);
      if (c === undefined) throw new Error(`Event for unknown contact ${ev.contact}.`);
      if (done[c]) continue;
      let actor = actors[c];
      let clock = clocks[c];
      if (!actor || !clock) {
        clock = clocks[c] = new ContactClock(c, due);
        clock.moveTo(t);
        actor = actors[c] = createActor(machine, { input: timeline.contacts[c]!, clock }).start();
        created++;
      }
      clock.moveTo(t);
      time.now = t;
      actor.send(ev);
      settle(c, actor);
    } else {
      due.pop();
      const c = due.poppedA;
      const clock = clocks[c];
      const actor = actors[c];
      if (!clock || !actor) continue; // the contact finished since
      time.now = timerAt;
      clock.set(timerAt);
      settle(c, actor);
    }
  }
  return { outcomes: tally, actors: created };
}
