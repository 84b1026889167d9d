// Generates a contact timeline for a journey from a contact profile (how
// many contacts, what share meets the filters, engages, unsubscribes), so a
// journey can be simulated before real data exists. Deterministic: the same
// journey, profile and seed give the same timeline.
import type { AwaitedEvent, Filter, Journey, StartingPoint, Trigger } from './schema';
import { mulberry32 as random } from './seededRandom';
import type { Contact, ContactEvent, Timeline } from './timeline';

export interface ContactProfile {
  /** How many contacts to generate. */
  contacts: number;
  seed: number;
  /** ISO instant of the first entry. */
  start: string;
  /** Entries are spread over this many days. */
  days: number;
  /** Share of contacts whose data meets their starting point's filter (default 0.8). */
  matchShare?: number;
  /** Share that does what each wait-for-event waits for (default 0.5). */
  engageShare?: number;
  /** Share that unsubscribes from all marketing during the journey (default 0.05). */
  unsubscribeShare?: number;
}

const DAY = 86_400_000;

/** Makes `contact` meet (or, with `meet` false, likely fail) a filter. */
export function shape(filter: Filter, contact: Contact, meet: boolean): void {
  switch (filter.type) {
    case 'all':
      filter.of.forEach((f) => shape(f, contact, meet));
      return;
    case 'any':
      if (filter.of[0]) shape(filter.of[0], contact, meet);
      return;
    case 'not':
      shape(filter.filter, contact, !meet);
      return;
    case 'hasTag':
      if (meet) contact.tags = [...(contact.tags ?? []), filter.tag];
      return;
    case 'field': {
      if (!meet) return;
      const value = filter.value ?? (filter.op === 'exists' ? 'yes' : undefined);
      if (value !== undefined && filter.op !== 'notExists') contact.fields = { ...contact.fields, [filter.field]: filter.op === 'gt' && typeof value === 'number' ? value + 1 : filter.op === 'lt' && typeof value === 'number' ? value - 1 : value };
      return;
    }
    case 'memberOf':
      contact.lists = { ...contact.lists, [filter.list]: meet ? 'subscribed' : 'unsubscribed' };
      return;
    case 'inSegment':
      if (meet) contact.segments = [...(contact.segments ?? []), filter.segment];
      return;
    case 'language':
      contact.language = meet ? filter.language : 'xx';
      return;
    case 'emailEquals':
      if (meet) contact.email = filter.email;
      return;
    case 'nameEquals':
      if (meet) contact.name = filter.name;
      return;
    case 'campaignActivity':
      return; // history the timeline cannot set up front
  }
}

/** The event that fires a trigger for a contact, or undefined for triggers fired by data (dates, segments). */
export function triggerEvent(trigger: Trigger, contact: string, at: string, sp: StartingPoint): ContactEvent | undefined {
  switch (trigger.type) {
    case 'audienceJoined':
      return { at, contact, type: 'audienceJoined', ...(trigger.list ? { list: trigger.list } : {}) };
    case 'tagAdded':
      return { at, contact, type: 'tagAdded', tag: trigger.tag };
    case 'tagRemoved':
      return { at, contact, type: 'tagRemoved', tag: trigger.tag };
    case 'customEvent':
      return { at, contact, type: 'customEvent', name: trigger.name, ...(trigger.properties ? { properties: trigger.properties } : {}) };
    case 'formSubmitted':
      return { at, contact, type: 'formSubmitted', form: trigger.form };
    case 'campaignActivity':
      return { at, contact, type: 'campaignActivity', campaign: trigger.campaign, activity: trigger.activity };
    case 'segmentEntered':
      return { at, contact, type: 'segmentJoined', segment: trigger.segment };
    case 'api':
      return { at, contact, type: 'apiEntry', startingPoint: sp.id };
    case 'dateField':
      return undefined;
  }
}

export function awaitedEvent(event: AwaitedEvent, contact: string, at: string, contentOf: (point: string) => string | undefined): ContactEvent {
  switch (event.type) {
    case 'emailOpened':
      return { at, contact, type: 'emailOpened', point: event.point, ...(contentOf(event.point) ? { content: contentOf(event.point)! } : {}) };
    case 'emailClicked':
      return { at, contact, type: 'emailClicked', point: event.point, ...(contentOf(event.point) ? { content: contentOf(event.point)! } : {}), ...(event.link ? { link: event.link } : {}) };
    case 'formSubmitted':
      return { at, contact, type: 'formSubmitted', form: event.form };
    case 'purchase':
      return { at, contact, type: 'purchase', ...(event.product ? { product: event.product } : {}) };
    case 'tagAdded':
      return { at, contact, type: 'tagAdded', tag: event.tag };
    case 'customEvent':
      return { at, contact, type: 'customEvent', name: event.name, ...(event.properties ? { properties: event.properties } : {}) };
  }
}

export function generateTimeline(journey: Journey, profile: ContactProfile): Timeline {
  const next = random(profile.seed);
  const start = Date.parse(profile.start);
  const matchShare = profile.matchShare ?? 0.8;
  const engageShare = profile.engageShare ?? 0.5;
  const unsubscribeShare = profile.unsubscribeShare ?? 0.05;
  const marketingLists = (journey.lists ?? []).filter((l) => l.kind !== 'transactional').map((l) => l.id);
  const contentLists = (journey.content ?? []).map((c) => c.list).filter((l): l is string => l !== undefined);
  const contentOf = (pointId: string) => {
    const p = journey.points.find((q) => q.id === pointId);
    return p && (p.type === 'sendEmail' || p.type === 'sendSms') ? p.content : undefined;
  };
  const waits = journey.points.filter((p) => p.type === 'waitForEvent');
  const segment = journey.kind === 'segment' ? journey.segmentEntry?.segment : undefined;
  const contacts: Contact[] = [];
  const events: ContactEvent[] = [];
  const iso = (t: number) => new Date(Math.round(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');

  for (let i = 0; i < profile.contacts; i++) {
    const id = `c${String(i + 1).padStart(String(profile.contacts).length, '0')}`;
    const sp = journey.startingPoints[i % Math.max(1, journey.startingPoints.length)];
    const contact: Contact = {
      id,
      email: `${id}@example.com`,
      name: `Contact ${i + 1}`,
      lists: Object.fromEntries([...new Set([...marketingLists, ...contentLists])].map((l) => [l, 'subscribed' as const])),
      ...(next() < 0.9 ? { phone: `+1555${String(1_000_000 + i).slice(-7)}`, smsConsent: true } : {}),
    };
    if (sp?.filter) shape(sp.filter, contact, next() < matchShare);
    const enterAt = start + next() * profile.days * DAY;
    if (sp?.trigger.type === 'dateField') {
      const date = new Date(enterAt);
      contact.fields = { ...contact.fields, [sp.trigger.field]: `19${String(60 + Math.floor(next() * 40))}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}` };
    }
    if (segment && next() < 0.5) contact.segments = [...(contact.segments ?? []), segment];
    contacts.push(contact);
    const entry = sp && !(segment && contact.segments?.includes(segment)) ? triggerEvent(sp.trigger, id, iso(enterAt), sp) : undefined;
    if (entry) events.push(entry);
    let t = enterAt;
    for (const wait of waits) {
      t += (next() * 3 + 0.5) * DAY;
      if (wait.type === 'waitForEvent' && next() < engageShare) events.push(awaitedEvent(wait.event, id, iso(t), contentOf));
    }
    if (next() < unsubscribeShare) events.push({ at: iso(enterAt + next() * 5 * DAY), contact: id, type: 'unsubscribed' });
  }
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    formatVersion: 1,
    description: `Generated for ${journey.name}: ${profile.contacts} contacts, seed ${profile.seed}.`,
    seed: profile.seed,
    start: iso(start - DAY),
    contacts,
    events,
  };
}
