// A lean, deterministic timeline generator for the simulator benchmark:
// `contacts` contacts with about five events each (the entry trigger, page
// views, opens and clicks of the journey's emails, score changes, purchases,
// and some master and list unsubscribes), in time order, as the timeline
// format stores them (ISO instants, contact ids). Built for a million
// contacts: numbers first in typed arrays, a stable counting sort by second,
// then one plain object per event. Every contact draws from its own seeded
// generator, so the first N contacts of any run are the same N contacts
// (a subset run replays exactly the same people).
import type { Contact, ContactEvent, Timeline } from '../../../src/core/timeline';
import { mulberry32 } from '../../../src/core/seededRandom';

/** The replay starts here; every event is at or after it. */
export const BENCH_START = Date.parse('2026-03-02T08:00:00Z');
const DAY_S = 86_400;
/** Entries are spread over this many days. */
const ENTRY_DAYS = 30;
/** The latest event is at most this long after its contact's entry. */
const SPAN_S = ENTRY_DAYS * DAY_S + 15 * DAY_S;

// Event kinds, in the order a contact's events are drawn.
const SIGNUP = 0;
const WEBINAR_FORM = 1;
const WEBINAR_FORM_PRO = 2;
const PAGE_VIEW = 3;
const SCORE = 4;
const OPEN_WELCOME = 5;
const OPEN_REMINDER = 6;
const CLICK_START = 7;
const CLICK_PREFERENCES = 8;
const OPEN_GUIDE = 9;
const PURCHASE_KIT = 10;
const PURCHASE_GIFT = 11;
const UNSUBSCRIBE_ALL = 12;
const UNSUBSCRIBE_NEWSLETTER = 13;

/** mulberry32, seeded per contact. */
function contactRandom(seed: number, contact: number): () => number {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(contact + 1, 0xc2b2ae35));
}

const LISTS = [
  Object.freeze({ newsletter: 'subscribed', sms_alerts: 'subscribed' } as const),
  Object.freeze({ newsletter: 'subscribed' } as const),
  Object.freeze({ newsletter: 'unsubscribed', sms_alerts: 'subscribed' } as const),
  Object.freeze({ sms_alerts: 'subscribed' } as const),
];
const PRO_FIELDS = Object.freeze({ plan: 'pro' });

export function benchTimeline(contactCount: number, seed = 7): Timeline {
  const contacts: Contact[] = new Array(contactCount);
  const capacity = contactCount * 14 + 16;
  const when = new Int32Array(capacity); // seconds after BENCH_START
  const who = new Int32Array(capacity);
  const what = new Uint8Array(capacity);
  const value = new Int32Array(capacity);
  let n = 0;
  const digits = Math.max(7, String(contactCount).length);
  const ids: string[] = new Array(contactCount);

  for (let i = 0; i < contactCount; i++) {
    const r = contactRandom(seed, i);
    const id = `c${String(i + 1).padStart(digits, '0')}`;
    ids[i] = id;
    const listPick = r();
    const lists = LISTS[listPick < 0.55 ? 0 : listPick < 0.9 ? 1 : listPick < 0.95 ? 2 : 3]!;
    const contact: Contact = { id, email: `${id}@example.com`, lists: lists as Contact['lists'] };
    if (r() < 0.85) {
      contact.phone = `+1555${String(1_000_000 + (i % 9_000_000)).slice(-7)}`;
      if (r() < 0.75) contact.smsConsent = true;
    }
    const plan = r();
    contact.fields = plan < 0.1 ? { score: Math.floor(r() * 100), plan: plan < 0.03 ? 'Pro' : 'pro' } : { score: Math.floor(r() * 100) };
    const cap = r();
    if (cap < 0.12) contact.frequency = cap < 0.07 ? 'daily' : 'biweekly';
    contacts[i] = contact;

    const at = (offset: number, kind: number, v = 0) => {
      when[n] = Math.min(offset, SPAN_S - 1);
      who[n] = i;
      what[n] = kind;
      value[n] = v;
      n++;
    };
    const enter = Math.floor(r() * ENTRY_DAYS * DAY_S);
    const within = (from: number, to: number) => enter + Math.floor((from + r() * (to - from)) * DAY_S);
    const entryKind = r();
    at(enter, entryKind < 0.8 ? SIGNUP : entryKind < 0.94 ? WEBINAR_FORM : WEBINAR_FORM_PRO);
    const views = Math.floor(r() * 4);
    for (let k = 0; k < views; k++) at(within(0, 10), PAGE_VIEW);
    if (r() < 0.25) at(within(0, 3), SCORE, Math.floor(r() * 100));
    if (r() < 0.65) at(within(0.001, 3), OPEN_WELCOME);
    if (r() < 0.25) at(within(2, 5), OPEN_REMINDER);
    const click = r();
    if (click < 0.4) at(within(2, 6), click < 0.3 ? CLICK_START : CLICK_PREFERENCES);
    if (r() < 0.4) at(within(0, 4), OPEN_GUIDE);
    const purchase = r();
    if (purchase < 0.4) at(within(1, 14), purchase < 0.34 ? PURCHASE_KIT : PURCHASE_GIFT);
    const unsubscribe = r();
    if (unsubscribe < 0.07) at(within(0.05, 10), unsubscribe < 0.04 ? UNSUBSCRIBE_ALL : UNSUBSCRIBE_NEWSLETTER);
  }

  // Stable counting sort by second: ties keep generation order.
  const buckets = new Int32Array(SPAN_S + 1);
  for (let e = 0; e < n; e++) buckets[when[e]! + 1]!++;
  for (let s = 1; s <= SPAN_S; s++) buckets[s]! += buckets[s - 1]!;
  const order = new Int32Array(n);
  for (let e = 0; e < n; e++) order[buckets[when[e]!]!++] = e;

  const events: ContactEvent[] = new Array(n);
  let lastSecond = -1;
  let iso = '';
  for (let k = 0; k < n; k++) {
    const e = order[k]!;
    const second = when[e]!;
    if (second !== lastSecond) {
      lastSecond = second;
      iso = flat(new Date(BENCH_START + second * 1000).toISOString().slice(0, 19) + 'Z');
    }
    events[k] = makeEvent(iso, ids[who[e]!]!, what[e]!, value[e]!);
  }
  return {
    formatVersion: 1,
    description: `Simulator benchmark: ${contactCount} contacts, ${n} events, seed ${seed}.`,
    seed,
    start: new Date(BENCH_START).toISOString().slice(0, 19) + 'Z',
    contacts,
    events,
  };
}

/**
 * The same text as one flat string, as JSON.parse returns strings: a sliced
 * and concatenated string (a rope, in V8) would be flattened on its first
 * read, by the replay being measured, a cost that reading a real timeline
 * file does not have.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function makeEvent(at: string, contact: string, kind: number, v: number): ContactEvent {
  switch (kind) {
    case SIGNUP:
      return { at, contact, type: 'tagAdded', tag: 'signup' };
    case WEBINAR_FORM:
      return { at, contact, type: 'formSubmitted', form: 'webinar-form' };
    case WEBINAR_FORM_PRO:
      return { at, contact, type: 'formSubmitted', form: 'webinar-form', fields: PRO_FIELDS };
    case PAGE_VIEW:
      return { at, contact, type: 'customEvent', name: 'pageViewed' };
    case SCORE:
      return { at, contact, type: 'fieldChanged', field: 'score', value: v };
    case OPEN_WELCOME:
      return { at, contact, type: 'emailOpened', point: 'p01', content: 'welcome' };
    case OPEN_REMINDER:
      return { at, contact, type: 'emailOpened', point: 'p10', content: 'reminder' };
    case CLICK_START:
      return { at, contact, type: 'emailClicked', point: 'p10', content: 'reminder', link: 'start' };
    case CLICK_PREFERENCES:
      return { at, contact, type: 'emailClicked', point: 'p10', content: 'reminder', link: 'unsubscribe-preferences' };
    case OPEN_GUIDE:
      return { at, contact, type: 'emailOpened', point: 'p07', content: 'getting_started' };
    case PURCHASE_KIT:
      return { at, contact, type: 'purchase', product: 'starter-kit', amount: 49 };
    case PURCHASE_GIFT:
      return { at, contact, type: 'purchase', product: 'gift-card', amount: 25 };
    case UNSUBSCRIBE_ALL:
      return { at, contact, type: 'unsubscribed' };
    default:
      return { at, contact, type: 'unsubscribed', list: 'newsletter' };
  }
}
