// A naive reference interpreter of R7-R18 for trigger journeys, written
// for obviousness, not speed: contacts in a Map of plain objects, timers in
// an array scanned linearly for the earliest (ties: creation order) and
// removed when a contact leaves its point, chains followed point by point.
// The property tests compare the engine's trace, stats and queues with it.
// It only shares the split hash with the engine (R13 defines the choice);
// durations (R0: nominal days) are Temporal's, from temporal-polyfill.
import { Temporal } from 'temporal-polyfill';
import { successorsOf } from '../../../src/core/graph';
import type { AwaitedEvent, ContentItem, Filter, Journey, JourneyPoint, StartingPoint, Trigger } from '../../../src/core/schema';
import { chooseBranch, splitUnit, type TraceEntry } from '../../../src/core/simulator/index';
import type { ContactEvent, Timeline } from '../../../src/core/timeline';

type Value = string | number | boolean;
type Ev = Omit<ContactEvent, 'at' | 'contact'> & { type: ContactEvent['type'] } & Record<string, unknown>;

interface RContact {
  id: string;
  order: number;
  tags: Set<string>;
  fields: Map<string, Value>;
  lists: Map<string, 'subscribed' | 'unsubscribed'>;
  phone: string | undefined;
  smsConsent: boolean | undefined;
  unsubAll: boolean;
  frequency: string | undefined;
  state: 'never' | 'in' | 'completed' | 'exited';
  at: string | undefined;
  entry: number;
  leftAt: number;
  arrivalMoment: number;
  /** The instant it arrived at the point it waits at (queues list contacts by it). */
  arrivedAt: number;
  lastMarketing: number;
  stepsAt: number;
  steps: number;
}

interface Timer {
  due: number;
  seq: number;
  contact: RContact;
}

export class ReferenceLoop extends Error {}

export interface ReferenceResult {
  trace: TraceEntry[];
  stats: { started: number; inProgress: number; completed: number; exited: number; exitedBy: Record<string, number> };
  queues: Record<string, string[]>;
  counters: Record<string, { entered: number; left: number }>;
}

const DAY = 86_400_000;

/** The zone's offset from UTC at an instant, in ms, as Intl tells it. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((x) => x.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(instant / 1000) * 1000;
}

/**
 * R0, R10: the instant of a local date-time in a zone. Of the instants whose
 * local time it is, the earliest (an ambiguous time takes the earlier one);
 * if there is none (a time in a daylight-saving gap), the local time read with
 * the offset before the gap, which moves it forward by the gap.
 */
export function localInstant(local: string, zone: string): number {
  const wall = Date.parse(`${local.length === 16 ? local + ':00' : local}Z`);
  const offsets = [...new Set([offsetAt(wall - DAY, zone), offsetAt(wall, zone), offsetAt(wall + DAY, zone)])];
  const fits = offsets.map((o) => wall - o).filter((i) => offsetAt(i, zone) === wall - i);
  return fits.length > 0 ? Math.min(...fits) : wall - offsetAt(wall - DAY, zone);
}
const PERIOD: Record<string, string> = { daily: 'P1D', weekly: 'P7D', biweekly: 'P14D', quarterly: 'P91D' };

/** R0: the instant an ISO duration after `t` in `zone`, as Temporal's ZonedDateTime.add (days nominal, hours exact). */
export function after(t: number, duration: string, zone: string): number {
  if (!Number.isFinite(t)) return t;
  return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).add(Temporal.Duration.from(duration)).epochMilliseconds;
}

export function referenceSimulate(journey: Journey, timeline: Timeline, maxSteps = 10_000): ReferenceResult {
  const zone = journey.settings?.timeZone ?? 'UTC';
  const points = new Map<string, JourneyPoint>(journey.points.map((p) => [p.id, p]));
  const content = new Map<string, ContentItem>((journey.content ?? []).map((c) => [c.id, c]));
  const transactionalLists = new Set((journey.lists ?? []).filter((l) => l.kind === 'transactional').map((l) => l.id));
  const isTx = (id: string) => {
    const c = content.get(id);
    return c !== undefined && (c.transactional === true || (c.list !== undefined && transactionalLists.has(c.list)));
  };
  const marketing = journey.points.some((p) => (p.type === 'sendEmail' || p.type === 'sendSms') && !isTx(p.content));
  const reEntry = journey.settings?.reEntry ?? { mode: 'never' };
  const criteria = journey.settings?.exitCriteria ?? [];
  const seed = timeline.seed ?? 0;

  const contacts = new Map<string, RContact>();
  const contactOf = (id: string, data?: Timeline['contacts'][number]): RContact => {
    let c = contacts.get(id);
    if (!c) {
      c = {
        id,
        order: contacts.size,
        tags: new Set(data?.tags ?? []),
        fields: new Map(Object.entries(data?.fields ?? {})),
        lists: new Map(Object.entries(data?.lists ?? {})),
        phone: data?.phone,
        smsConsent: data?.smsConsent,
        unsubAll: data?.unsubscribedAll === true,
        frequency: data?.frequency,
        state: 'never',
        at: undefined,
        entry: 0,
        leftAt: 0,
        arrivalMoment: 0,
        arrivedAt: 0,
        lastMarketing: -Infinity,
        stepsAt: NaN,
        steps: 0,
      };
      contacts.set(id, c);
    }
    return c;
  };
  for (const c of timeline.contacts) contactOf(c.id, c);

  const trace: TraceEntry[] = [];
  const stats = { started: 0, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } as Record<string, number> };
  const counters: Record<string, { entered: number; left: number }> = {};
  for (const p of journey.points) counters[p.id] = { entered: 0, left: 0 };
  let timers: Timer[] = [];
  let seq = 0;
  let moment = 0;
  const internal: { c: RContact; ev: Ev; moment: number }[] = [];

  const record = (t: number, c: RContact, point: string, kind: TraceEntry['kind'], extra: { outcome?: string; reason?: string; branch?: string } = {}) => {
    const e: TraceEntry = { at: t, contact: c.id, point, kind, entry: c.entry };
    if (extra.outcome !== undefined) e.outcome = extra.outcome;
    if (extra.reason !== undefined) e.reason = extra.reason;
    if (extra.branch !== undefined) e.branch = extra.branch;
    trace.push(e);
  };

  const holds = (f: Filter, c: RContact): boolean => {
    switch (f.type) {
      case 'all':
        return f.of.every((g) => holds(g, c));
      case 'any':
        return f.of.some((g) => holds(g, c));
      case 'not':
        return !holds(f.filter, c);
      case 'hasTag':
        return c.tags.has(f.tag);
      case 'memberOf':
        return c.lists.get(f.list) === 'subscribed';
      case 'field':
        if (f.op === 'eq') return c.fields.get(f.field) === f.value;
        throw new Error(`reference model: field op ${f.op} not modelled`);
      default:
        throw new Error(`reference model: filter ${f.type} not modelled`);
    }
  };

  const propsMatch = (want: Record<string, Value> | undefined, got: unknown) =>
    want === undefined || Object.entries(want).every(([k, v]) => typeof got === 'object' && got !== null && (got as Record<string, Value>)[k] === v);

  const triggered = (tr: Trigger, ev: Ev): boolean => {
    switch (tr.type) {
      case 'tagAdded':
      case 'tagRemoved':
        return ev.type === tr.type && ev.tag === tr.tag;
      case 'customEvent':
        return ev.type === 'customEvent' && ev.name === tr.name && propsMatch(tr.properties, ev.properties);
      case 'audienceJoined':
        return ev.type === 'audienceJoined' && (tr.list === undefined || ev.list === tr.list);
      case 'api':
        return ev.type === 'apiEntry';
      default:
        throw new Error(`reference model: trigger ${tr.type} not modelled`);
    }
  };

  const awaited = (a: AwaitedEvent, ev: Ev): boolean => {
    switch (a.type) {
      case 'emailOpened':
      case 'emailClicked': {
        if (ev.type !== a.type) return false;
        const sent = points.get(a.point);
        const sameEmail = ev.point !== undefined ? ev.point === a.point : ev.content !== undefined && sent?.type === 'sendEmail' && ev.content === sent.content;
        return sameEmail && (a.type === 'emailOpened' || a.link === undefined || ev.link === a.link);
      }
      case 'tagAdded':
        return ev.type === 'tagAdded' && ev.tag === a.tag;
      case 'customEvent':
        return ev.type === 'customEvent' && ev.name === a.name && propsMatch(a.properties, ev.properties);
      case 'purchase':
        return ev.type === 'purchase' && (a.product === undefined || ev.product === a.product);
      case 'formSubmitted':
        return ev.type === 'formSubmitted' && ev.form === a.form;
    }
  };

  const leaveJourney = (c: RContact, t: number, state: 'completed' | 'exited', reason?: string) => {
    if (c.at !== undefined && points.has(c.at)) counters[c.at]!.left++;
    timers = timers.filter((x) => x.contact !== c);
    c.at = undefined;
    c.state = state;
    c.leftAt = t;
    if (state === 'completed') stats.completed++;
    else {
      stats.exited++;
      stats.exitedBy[reason!]!++;
    }
  };

  const conditionMet = (c: RContact) => criteria.find((k) => k.when === 'condition' && holds(k.condition, c));

  const step = (c: RContact, t: number) => {
    if (c.stepsAt !== t) {
      c.stepsAt = t;
      c.steps = 0;
    }
    if (++c.steps > maxSteps) throw new ReferenceLoop(`${c.id} loops at ${t}`);
  };

  /** Moves a contact through points from `id` until it waits or leaves. */
  const walk = (c: RContact, id: string, t: number): void => {
    step(c, t);
    const p = points.get(id)!;
    counters[id]!.entered++;
    c.at = id;
    const next = (k = 0) => {
      counters[id]!.left++;
      walk(c, successorsOf(p)[k]!.to, t);
    };
    const changedData = (): boolean => {
      const k = conditionMet(c);
      if (!k) return false;
      record(t, c, id, 'exit', { outcome: k.id, reason: 'exitCriteria' });
      leaveJourney(c, t, 'exited', 'exitCriteria');
      return true;
    };
    switch (p.type) {
      case 'sendEmail': {
        let why: string | undefined;
        if (!isTx(p.content)) {
          const list = content.get(p.content)?.list;
          const status = list === undefined ? 'subscribed' : c.lists.get(list);
          if (c.unsubAll) why = 'unsubscribedAll';
          else if (status === 'unsubscribed') why = 'listUnsubscribed';
          else if (status === undefined) why = 'notSubscribed';
          else if (c.frequency !== undefined && t < after(c.lastMarketing, PERIOD[c.frequency]!, zone)) why = 'frequency';
          else c.lastMarketing = t;
        }
        record(t, c, id, why ? 'suppressed' : 'send', { outcome: p.content, ...(why ? { reason: why } : {}) });
        return next();
      }
      case 'sendSms': {
        const phone = p.phoneField !== undefined && p.phoneField !== 'phone' ? c.fields.get(p.phoneField) : (c.phone ?? c.fields.get('phone'));
        let why: string | undefined;
        if (phone === undefined || phone === '') why = 'noPhone';
        else if (!isTx(p.content)) {
          const list = content.get(p.content)?.list;
          const status = list === undefined ? 'subscribed' : c.lists.get(list);
          if (c.unsubAll) why = 'unsubscribedAll';
          else if (status === 'unsubscribed') why = 'listUnsubscribed';
          else if (status === undefined) why = 'notSubscribed';
          else if (c.smsConsent !== true) why = 'noSmsConsent';
        }
        record(t, c, id, why ? 'suppressed' : 'send', { outcome: p.content, ...(why ? { reason: why } : {}) });
        return next();
      }
      case 'addTag':
      case 'removeTag': {
        const had = c.tags.has(p.tag);
        const changed = p.type === 'addTag' ? !had : had;
        if (p.type === 'addTag') c.tags.add(p.tag);
        else c.tags.delete(p.tag);
        record(t, c, id, 'pass');
        if (changed) {
          internal.push({ c, ev: { type: p.type === 'addTag' ? 'tagAdded' : 'tagRemoved', tag: p.tag } as Ev, moment: ++moment });
          if (changedData()) return;
        }
        return next();
      }
      case 'updateField': {
        const changed = c.fields.get(p.field) !== p.value;
        c.fields.set(p.field, p.value);
        record(t, c, id, 'pass');
        if (changed && changedData()) return;
        return next();
      }
      case 'subscribeList':
      case 'unsubscribeList': {
        const before = c.lists.get(p.list);
        const after = p.type === 'subscribeList' ? 'subscribed' : 'unsubscribed';
        c.lists.set(p.list, after);
        record(t, c, id, 'pass');
        if (before !== after) {
          if (p.type === 'subscribeList' && before === undefined) internal.push({ c, ev: { type: 'audienceJoined', list: p.list } as Ev, moment: ++moment });
          if (changedData()) return;
        }
        return next();
      }
      case 'webhook':
        record(t, c, id, 'pass');
        return next();
      case 'exit':
        record(t, c, id, 'exit', { ...(p.reason !== undefined ? { outcome: p.reason } : {}), reason: 'exitPoint' });
        return leaveJourney(c, t, 'exited', 'exitPoint');
      case 'end':
        record(t, c, id, 'complete');
        return leaveJourney(c, t, 'completed');
      case 'ifElse': {
        const yes = holds(p.condition, c);
        record(t, c, id, 'branch', { branch: yes ? 'yes' : 'no' });
        return next(yes ? 0 : 1);
      }
      case 'split': {
        const k = chooseBranch(splitUnit(seed, c.id, id, c.entry), p.branches.map((b) => b.percent));
        record(t, c, id, 'branch', { branch: successorsOf(p)[k]!.label });
        return next(k);
      }
      case 'wait':
      case 'waitUntil':
      case 'waitForEvent': {
        const due = p.type === 'waitUntil' ? localInstant(p.at, p.timeZone ?? journey.settings?.timeZone ?? 'UTC') : after(t, p.type === 'wait' ? p.duration : p.timeout, zone);
        record(t, c, id, 'arrive');
        if (p.type !== 'waitForEvent' && due <= t) {
          record(t, c, id, 'leave', { branch: 'next' });
          return next();
        }
        c.arrivalMoment = ++moment;
        c.arrivedAt = t;
        timers.push({ due, seq: seq++, contact: c });
        return;
      }
    }
  };

  const enter = (c: RContact, sp: StartingPoint, t: number): boolean => {
    if (c.state === 'in') return false;
    if (c.state !== 'never') {
      if (reEntry.mode === 'never') return false;
      if (reEntry.mode === 'afterCompletion' && c.state !== 'completed') return false;
      if (reEntry.mode === 'afterCooldown' && t < after(c.leftAt, reEntry.cooldown, zone)) return false;
    }
    if (sp.filter && !holds(sp.filter, c)) return false;
    c.entry++;
    c.state = 'in';
    stats.started++;
    record(t, c, sp.id, 'enter', { outcome: sp.trigger.type });
    const k = conditionMet(c);
    if (k) {
      record(t, c, sp.id, 'exit', { outcome: k.id, reason: 'exitCriteria' });
      leaveJourney(c, t, 'exited', 'exitCriteria');
      return true;
    }
    walk(c, sp.next, t);
    return true;
  };

  const handle = (c: RContact, ev: Ev, t: number, m: number) => {
    if (c.state === 'in') {
      const here = c.at!;
      if (marketing && ev.type === 'unsubscribed' && ev.list === undefined) {
        record(t, c, here, 'exit', { reason: 'unsubscribed' });
        return leaveJourney(c, t, 'exited', 'unsubscribed');
      }
      const k = criteria.find((x) => (x.when === 'condition' ? holds(x.condition, c) : awaited(x.event, ev)));
      if (k) {
        record(t, c, here, 'exit', { outcome: k.id, reason: 'exitCriteria' });
        return leaveJourney(c, t, 'exited', 'exitCriteria');
      }
      const p = points.get(here)!;
      if (p.type === 'waitForEvent' && m > c.arrivalMoment && awaited(p.event, ev)) {
        timers = timers.filter((x) => x.contact !== c);
        record(t, c, here, 'leave', { branch: 'yes' });
        counters[here]!.left++;
        walk(c, p.branches.yes, t);
      }
      return;
    }
    for (const sp of journey.startingPoints) {
      if (!triggered(sp.trigger, ev)) continue;
      if (ev.type === 'apiEntry' && ev.startingPoint !== undefined && ev.startingPoint !== sp.id) continue;
      if (enter(c, sp, t)) return;
    }
  };

  const drain = (t: number) => {
    while (internal.length > 0) {
      const { c, ev, moment: m } = internal.shift()!;
      handle(c, ev, t, m);
    }
  };

  const applyData = (c: RContact, ev: Ev) => {
    switch (ev.type) {
      case 'tagAdded':
        c.tags.add(ev.tag as string);
        break;
      case 'tagRemoved':
        c.tags.delete(ev.tag as string);
        break;
      case 'fieldChanged':
        if (ev.value === null) c.fields.delete(ev.field as string);
        else c.fields.set(ev.field as string, ev.value as Value);
        break;
      case 'audienceJoined':
      case 'subscribed':
        if (ev.list !== undefined) c.lists.set(ev.list as string, 'subscribed');
        break;
      case 'unsubscribed':
        if (ev.list !== undefined) c.lists.set(ev.list as string, 'unsubscribed');
        else c.unsubAll = true;
        break;
    }
  };

  const events = timeline.events.map((e, i) => ({ e, t: Date.parse(e.at), i })).sort((a, b) => a.t - b.t || a.i - b.i);
  const start = timeline.start !== undefined ? Date.parse(timeline.start) : events[0]?.t ?? 0;
  const horizon = timeline.horizon !== undefined ? Date.parse(timeline.horizon) : undefined;
  const lastEvent = events.length > 0 ? Math.max(...events.map((x) => x.t)) : -Infinity;
  const stopAt = horizon ?? Math.max(start, lastEvent) + 366 * DAY;
  for (const x of events) contactOf(x.e.contact);

  let next = 0;
  for (;;) {
    const ev = events[next];
    let timer: Timer | undefined;
    for (const x of timers) if (!timer || x.due < timer.due || (x.due === timer.due && x.seq < timer.seq)) timer = x;
    if (!ev && !timer) break;
    if (ev && (!timer || ev.t <= timer.due)) {
      if (ev.t > stopAt) break;
      next++;
      const c = contactOf(ev.e.contact);
      const { at: _at, contact: _contact, ...body } = ev.e;
      applyData(c, body as Ev);
      if (ev.t < start) continue;
      handle(c, body as Ev, ev.t, ++moment);
      drain(ev.t);
    } else {
      if (timer!.due > stopAt) break;
      timers = timers.filter((x) => x !== timer);
      const c = timer!.contact;
      const p = points.get(c.at!)!;
      const timeout = p.type === 'waitForEvent';
      record(timer!.due, c, p.id, 'leave', { branch: timeout ? 'timeout' : 'next' });
      counters[p.id]!.left++;
      walk(c, successorsOf(p)[timeout ? 1 : 0]!.to, timer!.due);
      drain(timer!.due);
    }
  }

  const queues: Record<string, string[]> = {};
  for (const p of journey.points) {
    queues[p.id] = [...contacts.values()]
      .filter((c) => c.state === 'in' && c.at === p.id)
      .sort((a, b) => a.arrivedAt - b.arrivedAt) // ties keep the contacts' order (sort is stable)
      .map((c) => c.id);
  }
  const inProgress = [...contacts.values()].filter((c) => c.state === 'in').length;
  return { trace, stats: { ...stats, inProgress }, queues, counters };
}
