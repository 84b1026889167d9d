// What a new point, trigger, filter or awaited event looks like when the map
// creates one: valid by the schema, filled with the journey's own
// declarations where it has them (its first email content, its first tag...),
// with a fresh id that no node uses yet. Pure.
import type { AwaitedEvent, Filter, JourneyPoint, PointType, Trigger, TriggerType } from '../schema';
import { arrayField, isObject, stringField } from './nodeReferences';

/** Every id already used by a starting point or journey point. */
export function usedIds(journey: unknown): Set<string> {
  const ids = new Set<string>();
  for (const section of ['startingPoints', 'points']) for (const n of arrayField(journey, section)) {
    const id = stringField(n, 'id');
    if (id) ids.add(id);
  }
  return ids;
}

/** `base`, or `base_2`, `base_3`... whichever is free. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function newPointId(type: PointType, taken: ReadonlySet<string>): string {
  return freshId(`p_${snake(type)}`, taken);
}

export function newStartingPointId(type: TriggerType, taken: ReadonlySet<string>): string {
  return freshId(`sp_${snake(type)}`, taken);
}

/** The journey's declarations a default can use. */
function declared(journey: unknown) {
  const ids = (section: string) => arrayField(journey, section).map((x) => stringField(x, 'id')).filter((x): x is string => !!x);
  const content = arrayField(journey, 'content');
  const ofChannel = (channel: string) => content.filter((c) => stringField(c, 'channel') === channel).map((c) => stringField(c, 'id')).filter((x): x is string => !!x);
  return {
    email: ofChannel('email')[0],
    sms: ofChannel('sms')[0],
    tag: arrayField(journey, 'tags').find((t): t is string => typeof t === 'string'),
    list: ids('lists')[0],
    segment: ids('segments')[0],
    campaign: ids('campaigns')[0],
    form: ids('forms')[0],
    fields: arrayField(journey, 'fields').filter(isObject),
  };
}

/** The send-email point a new wait-for-event should watch: `near` if it sends email, else the first one. */
function emailPointNear(journey: unknown, near: string | undefined): string | undefined {
  const points = arrayField(journey, 'points');
  const sendsEmail = (p: unknown) => stringField(p, 'type') === 'sendEmail';
  const nearPoint = points.find((p) => stringField(p, 'id') === near);
  if (nearPoint && sendsEmail(nearPoint)) return near;
  return stringField(points.find(sendsEmail), 'id');
}

export function defaultAwaitedEvent(type: AwaitedEvent['type'], journey: unknown, near?: string): AwaitedEvent {
  const d = declared(journey);
  switch (type) {
    case 'emailOpened':
      return { type, point: emailPointNear(journey, near) ?? 'p_send_email' };
    case 'emailClicked':
      return { type, point: emailPointNear(journey, near) ?? 'p_send_email' };
    case 'formSubmitted':
      return { type, form: d.form ?? 'signup' };
    case 'purchase':
      return { type };
    case 'tagAdded':
      return { type, tag: d.tag ?? 'new tag' };
    case 'customEvent':
      return { type, name: 'event' };
  }
}

/** Tomorrow at 09:00, as a local date-time, for a new wait-until. */
function tomorrowMorning(now: Date): string {
  const t = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9, 0));
  return t.toISOString().slice(0, 16);
}

/**
 * A new point of `type` with id `id` whose successor(s) all lead to
 * `successor`. `near` is the node it follows, used to pick sensible defaults.
 */
export function defaultPoint(type: PointType, id: string, successor: string, journey: unknown, options: { near?: string; now?: Date } = {}): JourneyPoint {
  const d = declared(journey);
  const next = successor;
  switch (type) {
    case 'sendEmail':
      return { id, type, content: d.email ?? 'new_email', next };
    case 'sendSms':
      return { id, type, content: d.sms ?? 'new_sms', next };
    case 'addTag':
    case 'removeTag':
      return { id, type, tag: d.tag ?? 'new tag', next };
    case 'updateField': {
      const field = d.fields[0];
      const fieldType = stringField(field, 'type');
      const value = fieldType === 'number' ? 0 : fieldType === 'boolean' ? true : '';
      return { id, type, field: stringField(field, 'name') ?? 'field', value, next };
    }
    case 'subscribeList':
    case 'unsubscribeList':
      return { id, type, list: d.list ?? 'new_list', next };
    case 'webhook':
      return { id, type, url: 'https://example.com/webhook', method: 'POST', next };
    case 'exit':
      return { id, type };
    case 'ifElse':
      return { id, type, condition: defaultFilter('hasTag', journey), branches: { yes: successor, no: successor } };
    case 'wait':
      return { id, type, duration: 'P1D', next };
    case 'waitUntil':
      return { id, type, at: tomorrowMorning(options.now ?? new Date()), next };
    case 'waitForEvent':
      return {
        id,
        type,
        event: emailPointNear(journey, options.near) ? defaultAwaitedEvent('emailOpened', journey, options.near) : defaultAwaitedEvent('customEvent', journey),
        timeout: 'P1D',
        branches: { yes: successor, timeout: successor },
      };
    case 'split':
      return { id, type, branches: [{ percent: 50, next: successor }, { percent: 50, next: successor }] };
    case 'end':
      return { id, type };
  }
}

export function defaultTrigger(type: TriggerType, journey: unknown): Trigger {
  const d = declared(journey);
  switch (type) {
    case 'audienceJoined':
      return d.list ? { type, list: d.list } : { type };
    case 'tagAdded':
    case 'tagRemoved':
      return { type, tag: d.tag ?? 'new tag' };
    case 'customEvent':
      return { type, name: 'event' };
    case 'formSubmitted':
      return { type, form: d.form ?? 'signup' };
    case 'campaignActivity':
      return { type, campaign: d.campaign ?? 'campaign', activity: 'opened' };
    case 'dateField': {
      const dateField = d.fields.find((f) => stringField(f, 'type') === 'date');
      return { type, field: stringField(dateField, 'name') ?? 'birthday', time: '09:00' };
    }
    case 'segmentEntered':
      return { type, segment: d.segment ?? 'segment' };
    case 'api':
      return { type };
  }
}

export function defaultFilter(type: Filter['type'], journey: unknown): Filter {
  const d = declared(journey);
  switch (type) {
    case 'all':
    case 'any':
      return { type, of: [] };
    case 'not':
      return { type, filter: defaultFilter('hasTag', journey) };
    case 'hasTag':
      return { type, tag: d.tag ?? 'new tag' };
    case 'field':
      return { type, field: stringField(d.fields[0], 'name') ?? 'field', op: 'exists' };
    case 'memberOf':
      return { type, list: d.list ?? 'new_list' };
    case 'inSegment':
      return { type, segment: d.segment ?? 'segment' };
    case 'language':
      return { type, language: 'en' };
    case 'campaignActivity':
      return { type, campaign: d.campaign ?? 'campaign', activity: 'opened' };
    case 'emailEquals':
      return { type, email: 'someone@example.com' };
    case 'nameEquals':
      return { type, name: 'Name' };
  }
}
