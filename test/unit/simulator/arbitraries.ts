// fast-check generators of journeys that are valid by construction (an
// acyclic graph of points: every successor comes later in the list, the last
// point is an end) and of timelines over a few contacts and days, with many
// events on shared instants so ties and same-instant ordering get exercised.
import fc from 'fast-check';
import { Journey, type Filter, type JourneyPoint, type StartingPoint } from '../../../src/core/schema';
import { type Contact, type ContactEvent, Timeline } from '../../../src/core/timeline';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;

const TAGS = ['t1', 't2', 't3'] as const;
const POINT_KINDS = ['wait', 'waitUntil', 'waitForEvent', 'ifElse', 'split', 'addTag', 'removeTag', 'updateField', 'sendEmail', 'sendSms', 'subscribeList', 'unsubscribeList', 'webhook', 'exit', 'end'] as const;
/** Point kinds weighted towards the interesting ones (exit and end stop a path early). */
const KIND_CHOICES = [...POINT_KINDS.filter((k) => k !== 'exit' && k !== 'end'), 'wait', 'waitForEvent', 'waitForEvent', 'sendEmail', 'sendEmail', 'sendEmail', 'ifElse', 'exit'] as const;
const CONTENT = ['c_promo', 'c_tx', 'c_nolist', 'c_other'] as const;
const SMS = ['s_promo', 's_tx'] as const;

const filterArb: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TAGS, 'stop').map((tag): Filter => ({ type: 'hasTag', tag })),
    fc.constantFrom(1, 2).map((value): Filter => ({ type: 'field', field: 'f', op: 'eq', value })),
    fc.constant<Filter>({ type: 'memberOf', list: 'L1' }),
    tie('f').map((filter): Filter => ({ type: 'not', filter })),
    fc.array(tie('f'), { minLength: 1, maxLength: 2 }).map((of): Filter => ({ type: 'all', of })),
    fc.array(tie('f'), { minLength: 1, maxLength: 2 }).map((of): Filter => ({ type: 'any', of })),
  ),
})).f;

const durationArb = fc.constantFrom('PT0S', 'PT30M', 'PT1H', 'PT2H', 'PT12H', 'P1D');
const untilArb = fc.integer({ min: -6, max: 120 }).map((h) => new Date(T0 + h * HOUR).toISOString().slice(0, 16));

interface PointSpec {
  kind: (typeof POINT_KINDS)[number];
  r: number[];
  duration: string;
  until: string;
  tag: string;
  filter: Filter;
  percent: number;
  content: string;
  sms: string;
  phoneField: boolean;
  value: number;
  list: string;
  awaited: number;
}

const pointSpecArb: fc.Arbitrary<PointSpec> = fc.record({
  kind: fc.constantFrom(...KIND_CHOICES),
  r: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat() }), { minLength: 3, maxLength: 3 }),
  duration: durationArb,
  until: untilArb,
  tag: fc.constantFrom(...TAGS, 'stop'),
  filter: filterArb,
  percent: fc.integer({ min: 1, max: 99 }),
  content: fc.constantFrom(...CONTENT),
  sms: fc.constantFrom(...SMS),
  phoneField: fc.boolean(),
  value: fc.constantFrom(1, 2),
  list: fc.constantFrom('L1', 'L2'),
  awaited: fc.nat(5),
});

const triggerArb = fc.oneof(
  fc.constantFrom(...TAGS).map((tag) => ({ type: 'tagAdded' as const, tag })),
  fc.constantFrom(...TAGS).map((tag) => ({ type: 'tagRemoved' as const, tag })),
  fc.constantFrom(undefined, { k: 1 }).map((properties) => ({ type: 'customEvent' as const, name: 'e1', ...(properties ? { properties } : {}) })),
  fc.constantFrom(undefined, 'L1').map((list) => ({ type: 'audienceJoined' as const, ...(list ? { list } : {}) })),
  fc.constant({ type: 'api' as const }),
);

function buildPoints(specs: PointSpec[]): JourneyPoint[] {
  const n = specs.length;
  const id = (i: number) => `p${i}`;
  const sendPoints = specs.map((s, i) => (s.kind === 'sendEmail' ? id(i) : undefined)).filter((x): x is string => x !== undefined);
  const points = specs.map((s, i): JourneyPoint => {
    const succ = (k: number) => id(i + 1 + (s.r[k]! % (n - i)));
    const base = { id: id(i) };
    switch (s.kind) {
      case 'wait':
        return { ...base, type: 'wait', duration: s.duration, next: succ(0) };
      case 'waitUntil':
        return { ...base, type: 'waitUntil', at: s.until, next: succ(0) };
      case 'waitForEvent': {
        const choices = [
          { type: 'tagAdded' as const, tag: s.tag },
          { type: 'customEvent' as const, name: 'e1' },
          { type: 'customEvent' as const, name: 'e1', properties: { k: 1 } },
          { type: 'purchase' as const },
          ...(sendPoints.length > 0 ? [{ type: 'emailOpened' as const, point: sendPoints[s.awaited % sendPoints.length]! }, { type: 'emailClicked' as const, point: sendPoints[s.awaited % sendPoints.length]!, link: 'buy' }] : []),
        ];
        return { ...base, type: 'waitForEvent', event: choices[s.awaited % choices.length]!, timeout: s.duration, branches: { yes: succ(0), timeout: succ(1) } };
      }
      case 'ifElse':
        return { ...base, type: 'ifElse', condition: s.filter, branches: { yes: succ(0), no: succ(1) } };
      case 'split':
        return {
          ...base,
          type: 'split',
          branches: [
            { percent: s.percent, next: succ(0) },
            { percent: 100 - s.percent, next: succ(1), label: 'rest' },
          ],
        };
      case 'addTag':
        return { ...base, type: 'addTag', tag: s.tag, next: succ(0) };
      case 'removeTag':
        return { ...base, type: 'removeTag', tag: s.tag, next: succ(0) };
      case 'updateField':
        return { ...base, type: 'updateField', field: 'f', value: s.value, next: succ(0) };
      case 'sendEmail':
        return { ...base, type: 'sendEmail', content: s.content, next: succ(0) };
      case 'sendSms':
        return { ...base, type: 'sendSms', content: s.sms, ...(s.phoneField ? { phoneField: 'mobile' } : {}), next: succ(0) };
      case 'subscribeList':
        return { ...base, type: 'subscribeList', list: s.list, next: succ(0) };
      case 'unsubscribeList':
        return { ...base, type: 'unsubscribeList', list: s.list, next: succ(0) };
      case 'webhook':
        return { ...base, type: 'webhook', url: 'https://example.com/h', next: succ(0) };
      case 'exit':
        return { ...base, type: 'exit' };
      case 'end':
        return { ...base, type: 'end' };
    }
  });
  points.push({ id: id(n), type: 'end' });
  return points;
}

export const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    specs: fc.array(pointSpecArb, { minLength: 1, maxLength: 8 }),
    starts: fc.array(fc.record({ trigger: triggerArb, filter: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: filterArb }), next: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }) }), { minLength: 1, maxLength: 3 }),
    reEntry: fc.constantFrom({ mode: 'never' as const }, { mode: 'afterCompletion' as const }, { mode: 'afterCooldown' as const, cooldown: 'PT6H' }, undefined),
    exitOnStop: fc.boolean(),
    exitOnQuit: fc.boolean(),
    onlyTransactional: fc.constantFrom(false, false, false, true),
  })
  .map(({ specs, starts, reEntry, exitOnStop, exitOnQuit, onlyTransactional }) => {
    const points = buildPoints(onlyTransactional ? specs.map((s) => ({ ...s, content: 'c_tx', sms: 's_tx' })) : specs);
    const startingPoints: StartingPoint[] = starts.map((s, i) => ({ id: `sp${i}`, trigger: s.trigger, ...(s.filter ? { filter: s.filter } : {}), next: `p${s.next % points.length}` }));
    const exitCriteria = [
      ...(exitOnStop ? [{ id: 'stopped', when: 'condition' as const, condition: { type: 'hasTag' as const, tag: 'stop' } }] : []),
      ...(exitOnQuit ? [{ id: 'quit', when: 'event' as const, event: { type: 'customEvent' as const, name: 'quit' } }] : []),
    ];
    return Journey.parse({
      formatVersion: 1,
      id: 'generated',
      name: 'Generated journey',
      kind: 'trigger',
      settings: { timeZone: 'UTC', ...(reEntry ? { reEntry } : {}), ...(exitCriteria.length ? { exitCriteria } : {}) },
      lists: [{ id: 'L1' }, { id: 'L2' }, { id: 'LT', kind: 'transactional' }],
      content: [
        { id: 'c_promo', channel: 'email', status: 'ready', list: 'L1', links: ['buy'] },
        { id: 'c_tx', channel: 'email', status: 'ready', transactional: true },
        { id: 'c_nolist', channel: 'email', status: 'ready' },
        { id: 'c_other', channel: 'email', status: 'ready', list: 'LT' },
        { id: 's_promo', channel: 'sms', status: 'ready' },
        { id: 's_tx', channel: 'sms', status: 'ready', transactional: true },
      ],
      startingPoints,
      points,
    });
  });

const contactArb = (id: string): fc.Arbitrary<Contact> =>
  fc
    .record({
      tags: fc.subarray([...TAGS, 'stop']),
      l1: fc.constantFrom<'subscribed' | 'unsubscribed' | undefined>('subscribed', 'unsubscribed', undefined),
      f: fc.constantFrom(1, 2, undefined),
      phone: fc.boolean(),
      mobile: fc.boolean(),
      smsConsent: fc.constantFrom(true, false, undefined),
      unsubscribedAll: fc.constantFrom(false, false, false, false, false, false, false, true),
      frequency: fc.constantFrom('daily' as const, 'weekly' as const, undefined, undefined),
    })
    .map((c) => ({
      id,
      ...(c.tags.length ? { tags: c.tags } : {}),
      ...(c.l1 ? { lists: { L1: c.l1 } } : {}),
      fields: { ...(c.f !== undefined ? { f: c.f } : {}), ...(c.mobile ? { mobile: '+1 555 0199' } : {}) },
      ...(c.phone ? { phone: '+1 555 0100' } : {}),
      ...(c.smsConsent !== undefined ? { smsConsent: c.smsConsent } : {}),
      ...(c.unsubscribedAll ? { unsubscribedAll: true } : {}),
      ...(c.frequency ? { frequency: c.frequency } : {}),
    }));

type EventBody = { [K in ContactEvent['type']]: Omit<Extract<ContactEvent, { type: K }>, 'at' | 'contact'> }[ContactEvent['type']];

const eventBodyArb: fc.Arbitrary<EventBody> = fc.oneof(
  fc.constantFrom(...TAGS, 'stop').map((tag): EventBody => ({ type: 'tagAdded', tag })),
  fc.constantFrom(...TAGS, 'stop').map((tag): EventBody => ({ type: 'tagRemoved', tag })),
  fc.constantFrom('e1', 'quit').chain((name) => fc.constantFrom<EventBody>({ type: 'customEvent', name }, { type: 'customEvent', name, properties: { k: 1 } }, { type: 'customEvent', name, properties: { k: 2 } })),
  fc.record({ p: fc.nat(8), by: fc.boolean(), click: fc.boolean() }).map(({ p, by, click }): EventBody => {
    const ref = by ? { point: `p${p}` } : { content: 'c_promo' };
    return click ? { type: 'emailClicked', ...ref, link: 'buy' } : { type: 'emailOpened', ...ref };
  }),
  fc.constantFrom(undefined, 'L1').map((list): EventBody => ({ type: 'audienceJoined', ...(list ? { list } : {}) })),
  fc.constantFrom(undefined, 'L1', 'L1').map((list): EventBody => ({ type: 'unsubscribed', ...(list ? { list } : {}) })),
  fc.constant<EventBody>({ type: 'subscribed', list: 'L1' }),
  fc.constant<EventBody>({ type: 'apiEntry' }),
  fc.constantFrom(1, 2, null).map((value): EventBody => ({ type: 'fieldChanged', field: 'f', value })),
  fc.constant<EventBody>({ type: 'purchase', product: 'x' }),
);

/** Events a journey reacts to: its triggers and what its wait-for-event points await. */
function eventsFor(j: Journey): EventBody[] {
  const bodies: EventBody[] = [];
  for (const sp of [...j.startingPoints, ...j.startingPoints, ...j.startingPoints]) {
    const t = sp.trigger;
    if (t.type === 'tagAdded' || t.type === 'tagRemoved') bodies.push({ type: t.type, tag: t.tag });
    else if (t.type === 'customEvent') bodies.push({ type: 'customEvent', name: t.name, ...(t.properties ? { properties: t.properties } : {}) });
    else if (t.type === 'audienceJoined') bodies.push({ type: 'audienceJoined', ...(t.list ? { list: t.list } : {}) });
    else if (t.type === 'api') bodies.push({ type: 'apiEntry' });
  }
  for (const p of j.points) {
    if (p.type !== 'waitForEvent') continue;
    const a = p.event;
    if (a.type === 'emailOpened') bodies.push({ type: 'emailOpened', point: a.point });
    else if (a.type === 'emailClicked') bodies.push({ type: 'emailClicked', point: a.point, ...(a.link ? { link: a.link } : {}) });
    else if (a.type === 'tagAdded') bodies.push({ type: 'tagAdded', tag: a.tag });
    else if (a.type === 'customEvent') bodies.push({ type: 'customEvent', name: a.name, ...(a.properties ? { properties: a.properties } : {}) });
    else if (a.type === 'purchase') bodies.push({ type: 'purchase', ...(a.product ? { product: a.product } : {}) });
  }
  bodies.push({ type: 'unsubscribed' }, { type: 'tagAdded', tag: 'stop' }, { type: 'customEvent', name: 'quit' });
  return bodies;
}

/** Event instants: a few shared ones (ties) and a 30-minute grid over five days. */
const instantArb = fc.oneof(fc.constantFrom(0, 9, 10, 33).map((h) => T0 + h * HOUR), fc.integer({ min: 0, max: 240 }).map((k) => T0 + k * 30 * 60_000));

function timelineArbFor(relevant: EventBody[]): fc.Arbitrary<Timeline> {
  const body = relevant.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...relevant) }, { weight: 2, arbitrary: eventBodyArb }) : eventBodyArb;
  return fc
  .record({
    contacts: fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => contactArb(`c${i}`)))),
    events: fc.array(fc.record({ at: instantArb, who: fc.nat(4), body }), { minLength: 3, maxLength: 30 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    horizon: fc.option(fc.integer({ min: 0, max: 144 }).map((h) => T0 + h * HOUR), { nil: undefined }),
  })
  .map(({ contacts, events, seed, horizon }) =>
    Timeline.parse({
      formatVersion: 1,
      seed,
      start: new Date(T0).toISOString(),
      ...(horizon !== undefined ? { horizon: new Date(horizon).toISOString() } : {}),
      contacts,
      events: events.map((e) => ({ at: new Date(e.at).toISOString(), contact: contacts[e.who % contacts.length]!.id, ...e.body })),
    }),
  );
}

/** Timelines on their own (events not aimed at any journey). */
export const timelineArb: fc.Arbitrary<Timeline> = timelineArbFor([]);

/** A journey and a timeline whose events mostly fire its triggers and satisfy its waits. */
export const scenarioArb: fc.Arbitrary<[Journey, Timeline]> = journeyArb.chain((j) => timelineArbFor(eventsFor(j)).map((tl): [Journey, Timeline] => [j, tl]));
