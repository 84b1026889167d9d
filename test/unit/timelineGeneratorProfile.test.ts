// Specification of what a generated timeline holds, by rule rather than by
// replay: the contact a filter shapes (met or likely not, R3), the event each
// trigger (R2) and each awaited event (R11) is, and how a contact profile
// shapes the contacts (ids, addresses, lists, phones) and their events
// (entries spread over the days, engagement, unsubscribes), all on a small
// journey written here. Shares are checked as bounds wide enough for any
// seed's luck over a few hundred contacts.
import assert from 'node:assert/strict';
import { Journey } from '../../src/core/schema';
import type { Contact, ContactEvent } from '../../src/core/timeline';
import { Timeline } from '../../src/core/timeline';
import { awaitedEvent, generateTimeline, shapeContactToFilter, triggerEvent } from '../../src/core/timelineGenerator';

const DAY = 86_400_000;
const shaped = (filter: unknown, meet: boolean, contact: Contact = { id: 'c1' }): Contact => {
  const c = structuredClone(contact);
  shapeContactToFilter(filter as never, c, meet);
  return c;
};

describe('timeline generator: a contact shaped to a filter (R3)', () => {
  it('hasTag, inSegment, emailEquals, nameEquals: set when the filter is to be met, left alone otherwise (adding to what is there)', () => {
    assert.deepEqual(shaped({ type: 'hasTag', tag: 'vip' }, true, { id: 'c1', tags: ['old'] }), { id: 'c1', tags: ['old', 'vip'] });
    assert.deepEqual(shaped({ type: 'hasTag', tag: 'vip' }, true), { id: 'c1', tags: ['vip'] });
    assert.deepEqual(shaped({ type: 'hasTag', tag: 'vip' }, false), { id: 'c1' });
    assert.deepEqual(shaped({ type: 'inSegment', segment: 'top' }, true, { id: 'c1', segments: ['s0'] }), { id: 'c1', segments: ['s0', 'top'] });
    assert.deepEqual(shaped({ type: 'inSegment', segment: 'top' }, true), { id: 'c1', segments: ['top'] });
    assert.deepEqual(shaped({ type: 'inSegment', segment: 'top' }, false), { id: 'c1' });
    assert.deepEqual(shaped({ type: 'emailEquals', email: 'a@b.c' }, true), { id: 'c1', email: 'a@b.c' });
    assert.deepEqual(shaped({ type: 'emailEquals', email: 'a@b.c' }, false), { id: 'c1' });
    assert.deepEqual(shaped({ type: 'nameEquals', name: 'Ada' }, true), { id: 'c1', name: 'Ada' });
    assert.deepEqual(shaped({ type: 'nameEquals', name: 'Ada' }, false), { id: 'c1' });
  });

  it('memberOf: subscribed to meet it, unsubscribed not to; language: the language, else "xx"', () => {
    assert.deepEqual(shaped({ type: 'memberOf', list: 'news' }, true, { id: 'c1', lists: { other: 'subscribed' } }), { id: 'c1', lists: { other: 'subscribed', news: 'subscribed' } });
    assert.deepEqual(shaped({ type: 'memberOf', list: 'news' }, false), { id: 'c1', lists: { news: 'unsubscribed' } });
    assert.deepEqual(shaped({ type: 'language', language: 'de' }, true), { id: 'c1', language: 'de' });
    assert.deepEqual(shaped({ type: 'language', language: 'de' }, false), { id: 'c1', language: 'xx' });
  });

  it('field: a value that meets the operator (one above for gt, one below for lt, "yes" for exists), nothing for notExists or to fail', () => {
    assert.deepEqual(shaped({ type: 'field', field: 'plan', op: 'eq', value: 'gold' }, true, { id: 'c1', fields: { age: 3 } }), { id: 'c1', fields: { age: 3, plan: 'gold' } });
    assert.deepEqual(shaped({ type: 'field', field: 'age', op: 'gt', value: 30 }, true), { id: 'c1', fields: { age: 31 } });
    assert.deepEqual(shaped({ type: 'field', field: 'age', op: 'lt', value: 30 }, true), { id: 'c1', fields: { age: 29 } });
    assert.deepEqual(shaped({ type: 'field', field: 'age', op: 'gte', value: 30 }, true), { id: 'c1', fields: { age: 30 } });
    assert.deepEqual(shaped({ type: 'field', field: 'code', op: 'gt', value: 'b' }, true), { id: 'c1', fields: { code: 'b' } });
    assert.deepEqual(shaped({ type: 'field', field: 'code', op: 'lt', value: 'b' }, true), { id: 'c1', fields: { code: 'b' } });
    assert.deepEqual(shaped({ type: 'field', field: 'vip', op: 'exists' }, true), { id: 'c1', fields: { vip: 'yes' } });
    assert.deepEqual(shaped({ type: 'field', field: 'vip', op: 'exists', value: 'gold' }, true), { id: 'c1', fields: { vip: 'gold' } });
    assert.deepEqual(shaped({ type: 'field', field: 'vip', op: 'eq' }, true), { id: 'c1' });
    assert.deepEqual(shaped({ type: 'field', field: 'vip', op: 'notExists', value: 'x' }, true), { id: 'c1' });
    assert.deepEqual(shaped({ type: 'field', field: 'age', op: 'gt', value: 30 }, false), { id: 'c1' });
  });

  it('all shapes every part; any only its first; not the opposite; campaign activity is history, not contact data', () => {
    assert.deepEqual(shaped({ type: 'all', of: [{ type: 'hasTag', tag: 'a' }, { type: 'hasTag', tag: 'b' }] }, true), { id: 'c1', tags: ['a', 'b'] });
    assert.deepEqual(shaped({ type: 'any', of: [{ type: 'hasTag', tag: 'a' }, { type: 'hasTag', tag: 'b' }] }, true), { id: 'c1', tags: ['a'] });
    assert.deepEqual(shaped({ type: 'any', of: [] }, true), { id: 'c1' });
    assert.deepEqual(shaped({ type: 'not', filter: { type: 'language', language: 'de' } }, true), { id: 'c1', language: 'xx' });
    assert.deepEqual(shaped({ type: 'not', filter: { type: 'hasTag', tag: 'spam' } }, false), { id: 'c1', tags: ['spam'] });
    assert.deepEqual(shaped({ type: 'campaignActivity', campaign: 'spring', activity: 'opened' }, true), { id: 'c1' });
  });
});

describe('timeline generator: the event of a trigger (R2) and of an awaited event (R11)', () => {
  const at = '2026-03-02T08:00:00Z';
  const sp = { id: 'sp_x' };
  it('each trigger fired by an event gives that event; a date field gives none (it fires from data)', () => {
    const cases: [unknown, ContactEvent | undefined][] = [
      [{ type: 'audienceJoined' }, { at, contact: 'c1', type: 'audienceJoined' }],
      [{ type: 'audienceJoined', list: 'news' }, { at, contact: 'c1', type: 'audienceJoined', list: 'news' }],
      [{ type: 'tagAdded', tag: 'vip' }, { at, contact: 'c1', type: 'tagAdded', tag: 'vip' }],
      [{ type: 'tagRemoved', tag: 'vip' }, { at, contact: 'c1', type: 'tagRemoved', tag: 'vip' }],
      [{ type: 'customEvent', name: 'signup' }, { at, contact: 'c1', type: 'customEvent', name: 'signup' }],
      [{ type: 'customEvent', name: 'signup', properties: { plan: 'pro' } }, { at, contact: 'c1', type: 'customEvent', name: 'signup', properties: { plan: 'pro' } }],
      [{ type: 'formSubmitted', form: 'f1' }, { at, contact: 'c1', type: 'formSubmitted', form: 'f1' }],
      [{ type: 'campaignActivity', campaign: 'spring', activity: 'clicked' }, { at, contact: 'c1', type: 'campaignActivity', campaign: 'spring', activity: 'clicked' }],
      [{ type: 'segmentEntered', segment: 'top' }, { at, contact: 'c1', type: 'segmentJoined', segment: 'top' }],
      [{ type: 'api' }, { at, contact: 'c1', type: 'apiEntry', startingPoint: 'sp_x' }],
      [{ type: 'dateField', field: 'birthday', time: '09:00' }, undefined],
    ];
    for (const [trigger, event] of cases) assert.deepEqual(triggerEvent(trigger as never, 'c1', at, sp), event, JSON.stringify(trigger));
  });

  it('each awaited event as the contact does it; an email event names the content its point sends, when it sends one', () => {
    const contentOf = (point: string) => (point === 'p_send' ? 'welcome' : undefined);
    const cases: [unknown, ContactEvent][] = [
      [{ type: 'emailOpened', point: 'p_send' }, { at, contact: 'c1', type: 'emailOpened', point: 'p_send', content: 'welcome' }],
      [{ type: 'emailOpened', point: 'p_other' }, { at, contact: 'c1', type: 'emailOpened', point: 'p_other' }],
      [{ type: 'emailClicked', point: 'p_send', link: 'pricing' }, { at, contact: 'c1', type: 'emailClicked', point: 'p_send', content: 'welcome', link: 'pricing' }],
      [{ type: 'emailClicked', point: 'p_other' }, { at, contact: 'c1', type: 'emailClicked', point: 'p_other' }],
      [{ type: 'formSubmitted', form: 'f1' }, { at, contact: 'c1', type: 'formSubmitted', form: 'f1' }],
      [{ type: 'purchase' }, { at, contact: 'c1', type: 'purchase' }],
      [{ type: 'purchase', product: 'book' }, { at, contact: 'c1', type: 'purchase', product: 'book' }],
      [{ type: 'tagAdded', tag: 'vip' }, { at, contact: 'c1', type: 'tagAdded', tag: 'vip' }],
      [{ type: 'customEvent', name: 'login' }, { at, contact: 'c1', type: 'customEvent', name: 'login' }],
      [{ type: 'customEvent', name: 'login', properties: { ok: true } }, { at, contact: 'c1', type: 'customEvent', name: 'login', properties: { ok: true } }],
    ];
    for (const [event, expected] of cases) assert.deepEqual(awaitedEvent(event as never, 'c1', at, contentOf), expected, JSON.stringify(event));
  });
});

describe('timeline generator: what a contact profile gives', () => {
  const journey = Journey.parse({
    formatVersion: 1,
    id: 'gen',
    name: 'Generated',
    kind: 'trigger',
    tags: ['vip'],
    lists: [{ id: 'news' }, { id: 'receipts', kind: 'transactional' }, { id: 'audit', kind: 'transactional' }],
    content: [
      { id: 'welcome', channel: 'email', status: 'ready', list: 'receipts' },
      { id: 'promo_sms', channel: 'sms', status: 'ready' },
    ],
    startingPoints: [
      { id: 'sp_tag', trigger: { type: 'tagAdded', tag: 'vip' }, filter: { type: 'language', language: 'de' }, next: 'p_send' },
      { id: 'sp_api', trigger: { type: 'api' }, next: 'p_send' },
    ],
    points: [
      { id: 'p_send', type: 'sendEmail', content: 'welcome', next: 'p_wait_open' },
      { id: 'p_wait_open', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_send' }, timeout: 'P5D', branches: { yes: 'p_wait', timeout: 'p_wait' } },
      { id: 'p_wait', type: 'wait', duration: 'P1D', next: 'p_wait_buy' },
      { id: 'p_wait_buy', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P5D', branches: { yes: 'p_end', timeout: 'p_end' } },
      { id: 'p_end', type: 'end' },
    ],
  });
  const profile = { contacts: 400, seed: 11, start: '2026-03-02T08:00:00Z', days: 3 };
  const start = Date.parse(profile.start);
  const ofContact = (events: ContactEvent[], id: string) => events.filter((e) => e.contact === id);

  it('names the journey, the count and the seed; starts a day before the first entry; every instant in whole seconds, in time order', () => {
    const t = generateTimeline(journey, profile);
    assert.ok(Timeline.safeParse(t).success);
    assert.equal(t.description, 'Generated for Generated: 400 contacts, seed 11.');
    assert.equal(t.seed, 11);
    assert.equal(t.formatVersion, 1);
    assert.equal(t.start, '2026-03-01T08:00:00Z');
    for (const e of t.events) assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const times = t.events.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  it('contacts c001..c400 (ids as wide as the count), "Contact N", an example.com address, subscribed to the marketing lists and the lists of its content (R17)', () => {
    const t = generateTimeline(journey, profile);
    assert.deepEqual(t.contacts.map((c) => c.id), Array.from({ length: 400 }, (_, i) => `c${String(i + 1).padStart(3, '0')}`));
    assert.deepEqual(generateTimeline(journey, { ...profile, contacts: 9 }).contacts.map((c) => c.id), ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    t.contacts.forEach((c, i) => {
      assert.equal(c.name, `Contact ${i + 1}`);
      assert.equal(c.email, `${c.id}@example.com`);
      assert.deepEqual(c.lists, { news: 'subscribed', receipts: 'subscribed' });
    });
    const bare = Journey.parse({ ...journey, lists: undefined, content: undefined, points: journey.points.map((p) => (p.type === 'sendEmail' ? { id: p.id, type: 'end' } : p)) });
    assert.deepEqual(generateTimeline(bare, { ...profile, contacts: 3 }).contacts.map((c) => c.lists), [{}, {}, {}]);
  });

  it('about nine in ten contacts have a phone (+1555 and seven digits, distinct) and SMS consent; the others neither', () => {
    const t = generateTimeline(journey, profile);
    const phones = t.contacts.filter((c) => c.phone !== undefined);
    assert.ok(phones.length > 320 && phones.length < 395, `${phones.length} phones of 400`);
    t.contacts.forEach((c, i) => {
      if (c.phone === undefined) assert.equal(c.smsConsent, undefined);
      else assert.deepEqual([c.phone, c.smsConsent], [`+1555${1_000_000 + i}`, true]);
    });
  });

  it('contacts take the starting points in turn, entering by their trigger at instants spread over the days', () => {
    const t = generateTimeline(journey, { ...profile, unsubscribeShare: 0, engageShare: 0 });
    const entries = t.events.filter((e) => e.type === 'tagAdded' || e.type === 'apiEntry');
    assert.equal(entries.length, 400, 'one entry each, nothing else');
    assert.equal(t.events.length, 400);
    t.contacts.forEach((c, i) => assert.deepEqual(ofContact(entries, c.id).map((e) => e.type), [i % 2 === 0 ? 'tagAdded' : 'apiEntry'], c.id));
    const at = entries.map((e) => Date.parse(e.at));
    assert.ok(at.every((x) => x >= start && x <= start + 3 * DAY), 'within the days');
    assert.ok(Math.max(...at) - Math.min(...at) > 2 * DAY, 'spread over them');
  });

  it('R3: matchShare decides who meets the filter of its starting point (all, none, or about the share)', () => {
    const languages = (matchShare: number) => generateTimeline(journey, { ...profile, matchShare }).contacts.filter((_, i) => i % 2 === 0).map((c) => c.language);
    assert.ok(languages(1).every((l) => l === 'de'));
    assert.ok(languages(0).every((l) => l === 'xx'));
    const met = languages(0.5).filter((l) => l === 'de').length;
    assert.ok(met > 60 && met < 140, `${met} of 200`);
    const byDefault = generateTimeline(journey, profile).contacts.filter((_, i) => i % 2 === 0).filter((c) => c.language === 'de').length;
    assert.ok(byDefault > 130 && byDefault < 190, `${byDefault} of 200 meet it by default (0.8)`);
    assert.ok(generateTimeline(journey, profile).contacts.filter((_, i) => i % 2 === 1).every((c) => c.language === undefined), 'no filter, no shaping');
  });

  it('R11: engageShare decides who does what each wait-for-event waits for, half a day to three and a half days after the step before', () => {
    const all = generateTimeline(journey, { ...profile, engageShare: 1, unsubscribeShare: 0 });
    for (const c of all.contacts) {
      const mine = ofContact(all.events, c.id);
      const [entry, opened, bought] = [mine.find((e) => e.type === 'tagAdded' || e.type === 'apiEntry')!, mine.find((e) => e.type === 'emailOpened'), mine.find((e) => e.type === 'purchase')];
      assert.deepEqual(opened && { ...opened, at: '' }, { at: '', contact: c.id, type: 'emailOpened', point: 'p_send', content: 'welcome' });
      assert.deepEqual(bought && { ...bought, at: '' }, { at: '', contact: c.id, type: 'purchase' });
      assert.ok(opened && bought);
      const gap1 = Date.parse(opened.at) - Date.parse(entry.at);
      const gap2 = Date.parse(bought.at) - Date.parse(opened.at);
      for (const gap of [gap1, gap2]) assert.ok(gap >= 0.5 * DAY - 1000 && gap <= 3.5 * DAY + 1000, `${c.id}: ${gap / DAY} days`);
    }
    const gaps = all.contacts.map((c) => Date.parse(ofContact(all.events, c.id).find((e) => e.type === 'emailOpened')!.at) - Date.parse(ofContact(all.events, c.id)[0]!.at));
    assert.ok(Math.max(...gaps) > 2.5 * DAY && Math.min(...gaps) < 1.5 * DAY, 'gaps spread over the three days');
    assert.equal(generateTimeline(journey, { ...profile, engageShare: 0 }).events.filter((e) => e.type === 'emailOpened' || e.type === 'purchase').length, 0);
    const half = generateTimeline(journey, { ...profile, unsubscribeShare: 0 }).events.filter((e) => e.type === 'emailOpened').length;
    assert.ok(half > 150 && half < 250, `${half} of 400 open by default (0.5)`);
  });

  it('unsubscribeShare decides who unsubscribes from all marketing, within five days of entering', () => {
    const all = generateTimeline(journey, { ...profile, unsubscribeShare: 1 });
    for (const c of all.contacts) {
      const mine = ofContact(all.events, c.id);
      const unsub = mine.filter((e) => e.type === 'unsubscribed');
      assert.deepEqual(unsub.map((e) => ({ ...e, at: '' })), [{ at: '', contact: c.id, type: 'unsubscribed' }]);
      const entry = Date.parse(mine.find((e) => e.type === 'tagAdded' || e.type === 'apiEntry')!.at);
      const gap = Date.parse(unsub[0]!.at) - entry;
      assert.ok(gap >= -1000 && gap <= 5 * DAY + 1000, `${c.id}: ${gap / DAY} days`);
    }
    const gaps = all.contacts.map((c) => Date.parse(ofContact(all.events, c.id).find((e) => e.type === 'unsubscribed')!.at) - Date.parse(ofContact(all.events, c.id)[0]!.at));
    assert.ok(Math.max(...gaps) > 3 * DAY, 'spread over the five days');
    assert.equal(generateTimeline(journey, { ...profile, unsubscribeShare: 0 }).events.filter((e) => e.type === 'unsubscribed').length, 0);
    const few = generateTimeline(journey, profile).events.filter((e) => e.type === 'unsubscribed').length;
    assert.ok(few > 5 && few < 45, `${few} of 400 unsubscribe by default (0.05)`);
  });

  it('a date-field trigger: no entry event, a birth date (1960-1999) on the month and day of the entry', () => {
    const birthday = Journey.parse({ ...journey, startingPoints: [{ id: 'sp_bday', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'p_send' }] });
    const t = generateTimeline(birthday, { ...profile, engageShare: 0, unsubscribeShare: 0 });
    assert.deepEqual(t.events, []);
    const dates = t.contacts.map((c) => String(c.fields?.['birthday']));
    for (const d of dates) assert.match(d, /^19[6-9]\d-03-0[2-5]$/);
    assert.ok(new Set(dates.map((d) => d.slice(0, 4))).size > 20, 'years spread over the four decades');
    assert.ok(new Set(dates.map((d) => d.slice(5))).size >= 3, 'days spread over the entries');
  });

  it('R19: a segment journey puts about half its contacts in the segment (they enter with it, no event) and gives the others the entry event', () => {
    const segmentJourney = Journey.parse({ ...journey, kind: 'segment', segmentEntry: { segment: 'top' }, segments: [{ id: 'top' }], startingPoints: [{ id: 'sp_seg', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'p_send' }] });
    const t = generateTimeline(segmentJourney, { ...profile, engageShare: 0, unsubscribeShare: 0 });
    const members = t.contacts.filter((c) => c.segments?.includes('top'));
    assert.ok(members.length > 150 && members.length < 250, `${members.length} of 400 in the segment`);
    for (const c of t.contacts) assert.equal(ofContact(t.events, c.id).length, c.segments?.includes('top') ? 0 : 1, c.id);
    // A trigger journey never adds a segment.
    assert.ok(generateTimeline(Journey.parse({ ...journey, segmentEntry: { segment: 'top' } }), profile).contacts.every((c) => c.segments === undefined));
  });

  it('R11: an awaited email names the content its point sends, e-mail or SMS, found by the point\'s id; none for a point the journey lacks', () => {
    const waits = Journey.parse({
      ...journey,
      points: [
        { id: 'p_end', type: 'end' },
        { id: 'p_sms', type: 'sendSms', content: 'promo_sms', next: 'p_open_sms' },
        { id: 'p_open_sms', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_sms' }, timeout: 'P1D', branches: { yes: 'p_open_gone', timeout: 'p_open_gone' } },
        { id: 'p_open_gone', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_gone' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
      ],
      startingPoints: [{ id: 'sp_api', trigger: { type: 'api' }, next: 'p_sms' }],
    });
    const t = generateTimeline(waits, { ...profile, contacts: 3, engageShare: 1, unsubscribeShare: 0 });
    const opens = t.events.filter((e) => e.type === 'emailOpened').map((e) => ({ ...e, at: '' }));
    assert.deepEqual(opens.filter((e) => e.contact === 'c1'), [
      { at: '', contact: 'c1', type: 'emailOpened', point: 'p_sms', content: 'promo_sms' },
      { at: '', contact: 'c1', type: 'emailOpened', point: 'p_gone' },
    ]);
  });

  it('R19: a segment journey without a segment entry has no segment to put contacts in: all enter by their trigger', () => {
    const loose = Journey.parse({ ...journey, kind: 'segment', segmentEntry: undefined });
    const t = generateTimeline(loose, { ...profile, contacts: 20, engageShare: 0, unsubscribeShare: 0 });
    assert.ok(t.contacts.every((c) => c.segments === undefined));
    assert.equal(t.events.length, 20);
  });

  it('a journey without starting points gives contacts without events', () => {
    const none = Journey.parse({ ...journey, startingPoints: [] });
    const t = generateTimeline(none, { ...profile, contacts: 5, engageShare: 0, unsubscribeShare: 0 });
    assert.equal(t.contacts.length, 5);
    assert.deepEqual(t.events, []);
  });
});
