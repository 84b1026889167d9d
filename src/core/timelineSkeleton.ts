// A timeline skeleton for a journey, to start testing it by hand: one
// contact per starting point (it enters there, meets its filter, and takes
// the default way: no awaited event, so every wait-for-event times out), and
// one contact per branch of every if/else, wait-for-event and split, which
// enters at the starting point that first reaches the point and gets the
// events and data that way needs: the awaited event shortly after it arrives
// for a wait's "yes" (and on every wait-for-event before it that the way
// passes by "yes"), the if/else condition's data met or not. A split's
// branch is chosen by the split hash (R13), not by data: those contacts are
// listed so QA can see which branch each takes. The description says what
// each contact is for. Deterministic (no clock, no randomness). Pure.
import { successorsOf } from './graph';
import { parseDuration } from './durations';
import type { Filter, Journey, JourneyPoint, StartingPoint } from './schema';
import type { Contact, ContactEvent, Timeline } from './timeline';
import { awaitedEvent, shapeContactToFilter as shape, triggerEvent } from './timelineGenerator';
import { localDateTimeToEpochMs } from './timeZones';

export interface SkeletonOptions {
  /** When the first contacts enter (an instant). */
  start: string;
  /** The journey's path relative to the timeline, for its `journey` field. */
  journeyPath?: string;
}

/** One step of the way to a point: the point left and the branch taken. */
interface Step {
  point: JourneyPoint;
  branch: string;
}

const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
/** A contact id made of names that may hold any character ("30%"). */
const contactId = (...parts: string[]) => `c_${parts.join('_').replace(/%/g, 'pct').replace(/[^A-Za-z0-9_.-]/g, '_')}`;

/** The way from each starting point to each point it reaches first (breadth-first, starting points in order). */
function waysToPoints(journey: Journey): Map<string, { start: StartingPoint; steps: Step[] }> {
  const byId = new Map(journey.points.map((p) => [p.id, p]));
  const ways = new Map<string, { start: StartingPoint; steps: Step[] }>();
  for (const start of journey.startingPoints) {
    const first = byId.get(start.next);
    if (!first || ways.has(first.id)) continue;
    ways.set(first.id, { start, steps: [] });
    const queue = [first];
    while (queue.length > 0) {
      const point = queue.shift()!;
      const way = ways.get(point.id)!;
      for (const s of successorsOf(point)) {
        const to = byId.get(s.to);
        if (!to || ways.has(to.id)) continue;
        ways.set(to.id, { start: way.start, steps: [...way.steps, { point, branch: s.label }] });
        queue.push(to);
      }
    }
  }
  return ways;
}

/** The campaign-activity filters a filter needs met (directly or in an `all`). */
function campaignFilters(filter: Filter): Extract<Filter, { type: 'campaignActivity' }>[] {
  if (filter.type === 'campaignActivity') return [filter];
  if (filter.type === 'all') return filter.of.flatMap(campaignFilters);
  if (filter.type === 'any' && filter.of[0]) return campaignFilters(filter.of[0]);
  return [];
}

export function timelineSkeleton(journey: Journey, options: SkeletonOptions): Timeline {
  const t0 = Date.parse(options.start);
  const zone = journey.settings?.timeZone ?? 'UTC';
  const contentOf = (pointId: string) => {
    const p = journey.points.find((q) => q.id === pointId);
    return p && (p.type === 'sendEmail' || p.type === 'sendSms') ? p.content : undefined;
  };
  const lists = [...new Set([...(journey.lists ?? []).map((l) => l.id), ...(journey.content ?? []).flatMap((c) => (c.list ? [c.list] : []))])];
  const contacts: Contact[] = [];
  const events: ContactEvent[] = [];
  const purposes: string[] = [];
  const segment = journey.kind === 'segment' ? journey.segmentEntry?.segment : undefined;

  /** A contact entering at `start` at t0 + `offset` minutes, following `steps`, then taking `last` (if any). */
  const addContact = (id: string, start: StartingPoint, steps: readonly Step[], purpose: string, offset: number) => {
    const contact: Contact = {
      id,
      email: `${id}@example.com`,
      name: id,
      ...(lists.length ? { lists: Object.fromEntries(lists.map((l) => [l, 'subscribed' as const])) } : {}),
      phone: `+1555${String(1_000_000 + contacts.length).slice(-7)}`,
      smsConsent: true,
    };
    if (start.filter) shape(start.filter, contact, true);
    if (segment) contact.segments = [segment];
    let t = t0 + offset * MINUTE;
    // A segment journey lets its contacts in at its start (R19), not before.
    const segmentStart = segment && journey.segmentEntry?.start ? localDateTimeToEpochMs(journey.segmentEntry.start, journey.segmentEntry.timeZone ?? zone) : undefined;
    if (segmentStart !== undefined && segmentStart > t) t = segmentStart + offset * MINUTE;
    const enteredAt = t;
    if (start.trigger.type === 'dateField') {
      const d = new Date(t);
      contact.fields = { ...contact.fields, [start.trigger.field]: `1990-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}` };
    }
    const entry = segment ? undefined : triggerEvent(start.trigger, id, iso(t), start);
    if (entry) events.push(entry);
    // Along the way: the data and events each branch needs, with time passing as the waits say.
    for (const { point, branch } of steps) {
      switch (point.type) {
        case 'wait':
          t += parseDuration(point.duration) ?? 0;
          break;
        case 'waitUntil': {
          const until = localDateTimeToEpochMs(point.at, point.timeZone ?? zone);
          if (until !== undefined && until > t) t = until;
          break;
        }
        case 'waitForEvent':
          if (branch === 'yes') {
            t += 10 * MINUTE;
            events.push(awaitedEvent(point.event, id, iso(t), contentOf));
          } else t += parseDuration(point.timeout) ?? 0;
          break;
        case 'ifElse':
          shape(point.condition, contact, branch === 'yes');
          // Campaign history is not contact data: it is an event, here right after entering.
          if (branch === 'yes') for (const f of campaignFilters(point.condition)) events.push({ at: iso(enteredAt + 1000), contact: id, type: 'campaignActivity', campaign: f.campaign, activity: f.activity });
          break;
        default:
          break;
      }
    }
    contacts.push(contact);
    purposes.push(`${id}: ${purpose}`);
  };

  journey.startingPoints.forEach((start, i) => addContact(contactId(start.id), start, [], `enters at ${start.id} and takes the default way (no awaited event)`, i));
  const ways = waysToPoints(journey);
  let offset = journey.startingPoints.length;
  for (const point of journey.points) {
    if (point.type !== 'ifElse' && point.type !== 'waitForEvent' && point.type !== 'split') continue;
    const way = ways.get(point.id);
    if (!way) continue;
    for (const s of successorsOf(point)) {
      const purpose = point.type === 'split' ? `enters at ${way.start.id} to reach split ${point.id} (branch ${s.label} if the split hash picks it, R13)` : `enters at ${way.start.id} and takes ${s.label} at ${point.id}`;
      addContact(contactId(point.id, s.label), way.start, [...way.steps, { point, branch: s.label }], purpose, offset++);
    }
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    formatVersion: 1,
    ...(options.journeyPath ? { journey: options.journeyPath } : {}),
    description: `Skeleton for ${journey.name}: one contact per starting point and per branch. ${purposes.join('; ')}.`,
    start: iso(t0 - MINUTE),
    contacts,
    events,
  };
}
