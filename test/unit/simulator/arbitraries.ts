// fast-check generators of journeys that are valid by construction (an
// acyclic graph of points: every successor comes later in the list, the last
// point is an end) and of timelines over a few contacts and days, with many
// events on shared instants so ties and same-instant ordering get exercised.
// They reach every point type, both kinds of exit criteria (conditions on
// tags, fields and lists; every awaited event kind), SMS consent absent, true
// and false, every frequency period, and gaps of a day, a week, two weeks
// and a quarter (a minute short of each, exactly, a minute over), in UTC and
// in zones with daylight-saving changes inside the generated span.
import fc from 'fast-check';
import { type ExitCriterion, Journey, type Filter, type JourneyPoint, type StartingPoint } from '../../../src/core/schema';
import { type Contact, type ContactEvent, Timeline } from '../../../src/core/timeline';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

const TAGS = ['t1', 't2', 't3'] as const;
const POINT_KINDS = ['wait', 'waitUntil', 'waitForEvent', 'ifElse', 'split', 'addTag', 'removeTag', 'updateField', 'sendEmail', 'sendSms', 'subscribeList', 'unsubscribeList', 'webhook', 'exit', 'end'] as const;
/** Point kinds weighted towards the interesting ones (exit and end stop a path early). */
const KIND_CHOICES = [...POINT_KINDS.filter((k) => k !== 'exit' && k !== 'end'), 'wait', 'waitForEvent', 'waitForEvent', 'sendEmail', 'sendEmail', 'sendEmail', 'sendSms', 'sendSms', 'ifElse', 'exit'] as const;
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

/** Mostly short waits; sometimes about a frequency period (R18), so one stay sends across a period. */
const durationArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('PT0S', 'PT30M', 'PT1H', 'PT2H', 'PT12H', 'P1D') },
  { weight: 1, arbitrary: fc.constantFrom('P6D', 'P7D', 'P13D', 'P14D', 'P90D', 'P91D') },
);
/** Local date-times near the start, and local times in and around the 2026 daylight-saving changes of the generated zones (R0, R10). */
const untilArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -6, max: 120 }).map((h) => new Date(T0 + h * HOUR).toISOString().slice(0, 16)) },
  { weight: 1, arbitrary: fc.constantFrom('2026-03-08T02:30', '2026-03-08T03:00', '2026-03-29T02:30', '2026-03-29T01:59', '2026-10-25T02:30', '2026-11-01T01:30', '2026-04-05T01:45', '2026-04-04T23:30', '2026-09-06T00:30', '2026-10-04T02:15') },
);
/**
 * UTC, and zones whose clocks change inside the generated span, so waits,
 * timeouts, cool-downs and frequency periods of days cross the changes (R0):
 * Berlin and New York (8 and 29 March, 25 October and 1 November 2026), and
 * in the southern hemisphere Lord Howe (half-hour changes, 5 April and
 * 4 October) and Santiago (at local midnight, 4/5 April and 6 September).
 */
export const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago'] as const;

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
          { type: 'formSubmitted' as const, form: 'f1' },
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

/**
 * Exit criteria (R16) of both kinds: conditions the journey's own actions can
 * make true (addTag stop, updateField f = 2, subscribeList L2) and every kind
 * of awaited event (an open or click of the journey's first email, when it
 * has one).
 */
const EXIT_CRITERIA: ((email: string | undefined) => ExitCriterion | undefined)[] = [
  () => ({ id: 'stopped', when: 'condition', condition: { type: 'hasTag', tag: 'stop' } }),
  () => ({ id: 'f_is_2', when: 'condition', condition: { type: 'field', field: 'f', op: 'eq', value: 2 } }),
  () => ({ id: 'on_L2', when: 'condition', condition: { type: 'memberOf', list: 'L2' } }),
  () => ({ id: 'quit', when: 'event', event: { type: 'customEvent', name: 'quit' } }),
  () => ({ id: 'bought', when: 'event', event: { type: 'purchase' } }),
  () => ({ id: 'form', when: 'event', event: { type: 'formSubmitted', form: 'f2' } }),
  () => ({ id: 'tagged_t3', when: 'event', event: { type: 'tagAdded', tag: 't3' } }),
  (email) => (email ? { id: 'opened', when: 'event', event: { type: 'emailOpened', point: email } } : undefined),
  (email) => (email ? { id: 'clicked', when: 'event', event: { type: 'emailClicked', point: email, link: 'buy' } } : undefined),
];

export const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    specs: fc.array(pointSpecArb, { minLength: 1, maxLength: 8 }),
    starts: fc.array(fc.record({ trigger: triggerArb, filter: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: filterArb }), next: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() }) }), { minLength: 1, maxLength: 3 }),
    reEntry: fc.constantFrom({ mode: 'never' as const }, { mode: 'afterCompletion' as const }, { mode: 'afterCooldown' as const, cooldown: 'PT6H' }, { mode: 'afterCooldown' as const, cooldown: 'P1D' }, undefined),
    exits: fc.uniqueArray(fc.nat(EXIT_CRITERIA.length - 1), { maxLength: 3 }),
    onlyTransactional: fc.constantFrom(false, false, false, true),
    timeZone: fc.constantFrom(...TIME_ZONES),
    selfTriggering: fc.nat(14).map((k) => k === 0),
    sendsFirst: fc.nat(3).map((k) => k === 0),
  })
  .map(({ specs: generatedSpecs, starts: generatedStarts, reEntry: generatedReEntry, exits, onlyTransactional, timeZone, selfTriggering, sendsFirst }) => {
    // Now and then a journey that starts with a marketing email without a list and lets contacts back after completion, so repeated entries about a period apart meet the frequency cap (R18).
    const generated = sendsFirst && !selfTriggering ? [{ ...generatedSpecs[0]!, kind: 'sendEmail' as const, content: 'c_nolist' }, ...generatedSpecs.slice(1)] : generatedSpecs;
    // Now and then a journey that re-triggers itself at one instant (R4, R8): it starts on tag t1, removes and adds t1, and lets a contact back after completion.
    const loopStart = { kind: 'removeTag', tag: 't1', r: [0, 0, 0] as number[] } as const;
    const loopAgain = { kind: 'addTag', tag: 't1', r: [0, 0, 0] as number[] } as const;
    const specs = selfTriggering ? [{ ...generated[0]!, ...loopStart }, { ...generated[0]!, ...loopAgain }, ...generated.slice(1)] : generated;
    const starts = selfTriggering || sendsFirst ? [{ ...generatedStarts[0]!, ...(selfTriggering ? { trigger: { type: 'tagAdded' as const, tag: 't1' }, filter: undefined } : {}), next: 0 }, ...generatedStarts.slice(1)] : generatedStarts;
    const reEntry = selfTriggering || sendsFirst ? { mode: 'afterCompletion' as const } : generatedReEntry;
    const points = buildPoints(onlyTransactional ? specs.map((s) => ({ ...s, content: 'c_tx', sms: 's_tx' })) : specs);
    const startingPoints: StartingPoint[] = starts.map((s, i) => ({ id: `sp${i}`, trigger: s.trigger, ...(s.filter ? { filter: s.filter } : {}), next: `p${s.next % points.length}` }));
    const firstEmail = points.find((p) => p.type === 'sendEmail')?.id;
    const exitCriteria = exits.map((k) => EXIT_CRITERIA[k]!(firstEmail)).filter((c): c is ExitCriterion => c !== undefined);
    return Journey.parse({
      formatVersion: 1,
      id: 'generated',
      name: 'Generated journey',
      kind: 'trigger',
      settings: { timeZone, ...(reEntry ? { reEntry } : {}), ...(exitCriteria.length ? { exitCriteria } : {}) },
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
      // "stop" (the tag of an exit criterion) now and then, so that most contacts can enter and meet it later.
      tags: fc.tuple(fc.subarray([...TAGS]), fc.nat(5)).map(([tags, k]) => (k === 0 ? [...tags, 'stop'] : tags)),
      l1: fc.constantFrom<'subscribed' | 'unsubscribed' | undefined>('subscribed', 'unsubscribed', undefined),
      f: fc.constantFrom(1, 2, undefined),
      phone: fc.boolean(),
      mobile: fc.boolean(),
      smsConsent: fc.constantFrom(true, false, undefined),
      unsubscribedAll: fc.constantFrom(false, false, false, false, false, false, false, true),
      frequency: fc.constantFrom('daily' as const, 'weekly' as const, 'biweekly' as const, 'quarterly' as const, undefined, undefined),
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
  fc.constantFrom('f1', 'f2').map((form): EventBody => ({ type: 'formSubmitted', form })),
);

/** Events that fire the journey's triggers. */
function triggerEventsFor(j: Journey): EventBody[] {
  const bodies: EventBody[] = [];
  for (const sp of j.startingPoints) {
    const t = sp.trigger;
    if (t.type === 'tagAdded' || t.type === 'tagRemoved') bodies.push({ type: t.type, tag: t.tag });
    else if (t.type === 'customEvent') bodies.push({ type: 'customEvent', name: t.name, ...(t.properties ? { properties: t.properties } : {}) });
    else if (t.type === 'audienceJoined') bodies.push({ type: 'audienceJoined', ...(t.list ? { list: t.list } : {}) });
    else if (t.type === 'api') bodies.push({ type: 'apiEntry' });
  }
  return bodies;
}

/** The event that an awaited event (of a wait-for-event point or an exit criterion) waits for. */
function awaitedBody(a: NonNullable<Extract<JourneyPoint, { type: 'waitForEvent' }>['event']>): EventBody {
  switch (a.type) {
    case 'emailOpened':
      return { type: 'emailOpened', point: a.point };
    case 'emailClicked':
      return { type: 'emailClicked', point: a.point, ...(a.link ? { link: a.link } : {}) };
    case 'tagAdded':
      return { type: 'tagAdded', tag: a.tag };
    case 'customEvent':
      return { type: 'customEvent', name: a.name, ...(a.properties ? { properties: a.properties } : {}) };
    case 'purchase':
      return { type: 'purchase', ...(a.product ? { product: a.product } : {}) };
    case 'formSubmitted':
      return { type: 'formSubmitted', form: a.form };
  }
}

/** Events a journey reacts to: its triggers (weighted), what its wait-for-event points and exit criteria await, and what makes its conditions true. */
function eventsFor(j: Journey): EventBody[] {
  const triggers = triggerEventsFor(j);
  const bodies: EventBody[] = [...triggers, ...triggers, ...triggers];
  for (const p of j.points) if (p.type === 'waitForEvent') bodies.push(awaitedBody(p.event));
  for (const c of j.settings?.exitCriteria ?? []) if (c.when === 'event') bodies.push(awaitedBody(c.event));
  bodies.push({ type: 'unsubscribed' }, { type: 'tagAdded', tag: 'stop' }, { type: 'customEvent', name: 'quit' }, { type: 'fieldChanged', field: 'f', value: 2 }, { type: 'subscribed', list: 'L2' });
  return bodies;
}

/**
 * Event instants: a few shared ones (ties), a 30-minute grid over five days,
 * and, less often, 09:00 a frequency period (1, 7, 14, 91 days) or a day
 * short of one after the start, a minute either side, or any day over 200
 * days (across the daylight-saving changes of the generated zones).
 */
const instantArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, 9, 10, 33).map((h) => T0 + h * HOUR) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 240 }).map((k) => T0 + k * 30 * MINUTE) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(1, 6, 7, 13, 14, 90, 91), fc.constantFrom(-1, 0, 0, 1)).map(([d, m]) => T0 + 9 * HOUR + d * DAY + m * MINUTE) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((d) => T0 + d * DAY + 9 * HOUR) },
);

/**
 * Timelines whose events are mostly `relevant`; when `triggers` are given, the
 * first event fires one of them near the start. With `periodic` (a journey
 * that sends first and lets contacts back), the first contact has a
 * frequency, its first event comes again about a period later (a day or a
 * minute short, exactly, a minute over), and the replay often runs on long
 * enough for a quarter (R18).
 */
function timelineArbFor(relevant: EventBody[], triggers: EventBody[] = [], periodic = false): fc.Arbitrary<Timeline> {
  const body = relevant.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...relevant) }, { weight: 2, arbitrary: eventBodyArb }) : eventBodyArb;
  /** When the journey has triggers, the first listed event fires one of them (most scenarios then enter somebody). */
  const nearStart = fc.constantFrom(0, 1, 9, 10, 33).map((h) => T0 + h * HOUR);
  const first = triggers.length > 0 ? fc.array(fc.record({ at: nearStart, who: periodic ? fc.constant(0) : fc.nat(4), body: fc.constantFrom(...triggers) }), { minLength: 1, maxLength: 1 }) : fc.constant([]);
  /** Repeats of the first event for the same contact about a frequency period later (R18: a minute short, exactly, a minute over; or a day short). */
  const offset = fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1, 7, 14, 91) }, { weight: 1, arbitrary: fc.constantFrom(6, 13, 90) }), fc.constantFrom(-1, 0, 0, 1));
  /** For a periodic timeline: the first contact's frequency and repeats about its period (in days) later. */
  const periodDays = { daily: 1, weekly: 7, biweekly: 14, quarterly: 91 } as const;
  const periodicPlan = fc.constantFrom('daily' as const, 'weekly' as const, 'biweekly' as const, 'quarterly' as const).chain((f) =>
    fc.tuple(fc.constant(f), fc.array(fc.tuple(fc.constantFrom(periodDays[f] - 1, periodDays[f], periodDays[f]), fc.constantFrom(-1, 0, 0, 1)), { minLength: 1, maxLength: 3 })),
  );
  const plan: fc.Arbitrary<[Contact['frequency'], [number, number][]]> = periodic
    ? periodicPlan
    : fc.tuple(fc.constant(undefined), fc.oneof(fc.constant([] as [number, number][]), fc.array(offset, { minLength: 1, maxLength: 3 })));
  return fc
  .record({
    plan,
    contacts: fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => contactArb(`c${i}`)))),
    events: fc
      .tuple(first, fc.constant(0), fc.array(fc.record({ at: instantArb, who: fc.nat(4), body }), { minLength: 3, maxLength: 30 }))
      .map(([a, , b]) => ({ first: a, rest: b })),
    seed: fc.integer({ min: 0, max: 1000 }),
    horizon: fc.option(
      fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 9, max: 144 }).map((h) => T0 + h * HOUR) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => T0 + d * DAY) }),
      { nil: undefined, freq: periodic ? 2 : 3 },
    ),
  })
  .map(({ plan: [frequency, again], contacts: generatedContacts, events: { first: a, rest: b }, seed, horizon }) => {
    const contacts = frequency ? [{ ...generatedContacts[0]!, frequency }, ...generatedContacts.slice(1)] : generatedContacts;
    const events = [...a, ...a.flatMap((e) => again.map(([d, m]) => ({ ...e, at: e.at + d * DAY + m * MINUTE }))), ...b];
    return Timeline.parse({
      formatVersion: 1,
      seed,
      start: new Date(T0).toISOString(),
      ...(horizon !== undefined ? { horizon: new Date(horizon).toISOString() } : {}),
      contacts,
      events: events.map((e) => ({ at: new Date(e.at).toISOString(), contact: contacts[e.who % contacts.length]!.id, ...e.body })),
    });
  });
}

/** Timelines on their own (events not aimed at any journey). */
export const timelineArb: fc.Arbitrary<Timeline> = timelineArbFor([]);

/** A journey and a timeline whose events mostly fire its triggers and satisfy its waits. */
/** Whether a journey sends a marketing email first and lets contacts back after completion (see journeyArb's sendsFirst). */
const sendsFirst = (j: Journey) => j.settings?.reEntry?.mode === 'afterCompletion' && j.points[0]?.type === 'sendEmail' && j.startingPoints[0]?.next === j.points[0].id;

export const scenarioArb: fc.Arbitrary<[Journey, Timeline]> = journeyArb.chain((j) => timelineArbFor(eventsFor(j), triggerEventsFor(j), sendsFirst(j)).map((tl): [Journey, Timeline] => [j, tl]));
