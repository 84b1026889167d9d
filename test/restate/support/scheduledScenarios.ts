// fast-check generators of journeys entered by the clock rather than by an
// event: segment-based journeys on every schedule (R19: one-time static,
// one-time rolling, recurring with and without an end) and birthday
// journeys (R20: a date field at a time of day in a time zone, 29 February
// in a non-leap year, DST zones, birthdays moved by events), each with a
// timeline of segment changes, tags, purchases and unsubscribes on shared
// instants. Segment journeys start either away from any daylight-saving
// change or a day or two before one (Europe 29 March and 25 October, Lord
// Howe 5 April, New York 1 November 2026), with the schedule in one of the
// zones, so recurring runs, waits and timeouts of days cross it (R0, R19).
// Complements the simulator's trigger-journey generator.
import fc from 'fast-check';
import { Journey, type JourneyPoint } from '../../../src/core/schema';
import type { SimEvent } from '../../../src/core/simulator/matching';
import { Timeline } from '../../../src/core/timeline';

const HOUR = 3_600_000;
const ZONES = ['UTC', 'Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;

/** A short chain of points that exercises waits, branches and consent: send, wait, branch, maybe wait for a purchase. */
const chainArb = fc
  .record({
    wait: fc.constantFrom('PT6H', 'PT12H', 'P1D'),
    branchTag: fc.constantFrom('t1', 't2'),
    awaitPurchase: fc.boolean(),
    timeout: fc.constantFrom('PT12H', 'P1D'),
    marketingFirst: fc.boolean(),
  })
  .map(({ wait, branchTag, awaitPurchase, timeout, marketingFirst }): JourneyPoint[] => [
    { id: 'p_send', type: 'sendEmail', content: marketingFirst ? 'c_promo' : 'c_tx', next: 'p_wait' },
    { id: 'p_wait', type: 'wait', duration: wait, next: 'p_branch' },
    { id: 'p_branch', type: 'ifElse', condition: { type: 'hasTag', tag: branchTag }, branches: { yes: 'p_tag', no: awaitPurchase ? 'p_await' : 'p_send_tx' } },
    { id: 'p_tag', type: 'addTag', tag: 'done', next: 'p_end' },
    { id: 'p_await', type: 'waitForEvent', event: { type: 'purchase' }, timeout, branches: { yes: 'p_end', timeout: 'p_send_tx' } },
    { id: 'p_send_tx', type: 'sendEmail', content: 'c_promo', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ]);

const content = [
  { id: 'c_promo', channel: 'email' as const, status: 'ready' as const, list: 'L1' },
  { id: 'c_tx', channel: 'email' as const, status: 'ready' as const, transactional: true },
];

const reEntryArb = fc.constantFrom({ mode: 'never' as const }, { mode: 'afterCompletion' as const }, { mode: 'afterCooldown' as const, cooldown: 'PT6H' });

function local(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** Event instants: whole hours (ties with schedule runs and waits) and half hours over `days`. */
const instantArb = (t0: number, days: number) => fc.integer({ min: -4, max: days * 48 }).map((k) => t0 + k * (HOUR / 2));

function timelineOf(t0: number, horizonHours: number, contacts: Timeline['contacts'], events: { at: number; who: number; body: SimEvent }[], seed: number): Timeline {
  return Timeline.parse({
    formatVersion: 1,
    seed,
    start: new Date(t0).toISOString(),
    horizon: new Date(t0 + horizonHours * HOUR).toISOString(),
    contacts,
    events: events.map((e) => ({ at: new Date(e.at).toISOString(), contact: contacts[e.who % contacts.length]!.id, ...e.body })),
  });
}

const contactBase = (i: number, tags: string[], subscribed: boolean) => ({ id: `c${i}`, email: `c${i}@example.com`, ...(tags.length ? { tags } : {}), ...(subscribed ? { lists: { L1: 'subscribed' as const } } : {}) });

const SEG_T0 = Date.parse('2026-05-04T00:00:00Z');
/** Segment timelines begin at SEG_T0 (no change near) or shortly before a daylight-saving change of one of the ZONES. */
const SEG_STARTS = [SEG_T0, Date.parse('2026-03-27T00:00:00Z'), Date.parse('2026-04-03T00:00:00Z'), Date.parse('2026-10-23T00:00:00Z'), Date.parse('2026-10-30T00:00:00Z')];

/** R19: a segment journey on a random schedule, and a timeline of members joining and leaving. */
export const segmentScenarioArb: fc.Arbitrary<[Journey, Timeline]> = fc
  .record({
    schedule: fc.constantFrom<'oneTimeStatic' | 'oneTimeRolling' | 'recurring'>('oneTimeStatic', 'oneTimeRolling', 'recurring', 'recurring'),
    every: fc.constantFrom('PT12H', 'P1D', 'P2D'),
    withUntil: fc.boolean(),
    startHours: fc.constantFrom(-30, 0, 6, 30),
    zone: fc.constantFrom(...ZONES),
    scheduleZone: fc.constantFrom(...ZONES),
    t0: fc.constantFrom(...SEG_STARTS),
    filter: fc.boolean(),
    reEntry: reEntryArb,
    chain: chainArb,
    contacts: fc.array(fc.record({ member: fc.boolean(), tags: fc.subarray(['t1', 't2']), subscribed: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    events: fc.array(
      fc.record({
        at: instantArb(0, 4),
        who: fc.nat(5),
        body: fc.constantFrom<SimEvent>(
          { type: 'segmentJoined', segment: 'S' },
          { type: 'segmentJoined', segment: 'S' },
          { type: 'segmentLeft', segment: 'S' },
          { type: 'tagAdded', tag: 't1' },
          { type: 'tagRemoved', tag: 't1' },
          { type: 'purchase' },
          { type: 'unsubscribed' },
        ),
      }),
      { minLength: 2, maxLength: 24 },
    ),
    seed: fc.nat(1000),
  })
  .map(({ schedule, every, withUntil, startHours, zone, scheduleZone, t0, filter, reEntry, chain, contacts, events, seed }, ): [Journey, Timeline] => {
    const start = t0 + startHours * HOUR;
    const journey = Journey.parse({
      formatVersion: 1,
      id: 'segment',
      name: 'Generated segment journey',
      kind: 'segment',
      segmentEntry: {
        segment: 'S',
        schedule: schedule === 'recurring' ? { type: 'recurring', every, ...(withUntil ? { until: local(t0 + 60 * HOUR) } : {}) } : { type: schedule },
        start: local(start),
        timeZone: scheduleZone,
      },
      settings: { timeZone: zone, reEntry },
      lists: [{ id: 'L1' }],
      segments: [{ id: 'S' }],
      content,
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'S' }, ...(filter ? { filter: { type: 'not', filter: { type: 'hasTag', tag: 't2' } } } : {}), next: 'p_send' }],
      points: chain,
    });
    const people = contacts.map((c, i) => ({ ...contactBase(i, c.tags, c.subscribed), ...(c.member ? { segments: ['S'] } : {}) }));
    return [journey, timelineOf(t0, 120, people, events.map((e) => ({ ...e, at: t0 + e.at })), seed)];
  });

const DATE_T0 = Date.parse('2027-02-24T00:00:00Z');
const BIRTHDAYS = ['1990-02-24', '1988-02-25', '2000-02-29', '1975-02-28', '1999-03-01', '1980-03-02', '1970-06-15'] as const;

/** R20: a birthday journey at a time of day in a zone, over the end of February of a non-leap year. */
export const birthdayScenarioArb: fc.Arbitrary<[Journey, Timeline]> = fc
  .record({
    time: fc.constantFrom('00:00', '02:30', '09:00', '23:30'),
    zone: fc.constantFrom(...ZONES),
    reEntry: reEntryArb,
    chain: chainArb,
    contacts: fc.array(fc.record({ birthday: fc.option(fc.constantFrom(...BIRTHDAYS), { nil: undefined }), tags: fc.subarray(['t1', 't2']), subscribed: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    events: fc.array(
      fc.record({
        at: instantArb(DATE_T0, 6),
        who: fc.nat(5),
        body: fc.oneof(
          fc.constantFrom(...BIRTHDAYS).map((value): SimEvent => ({ type: 'fieldChanged', field: 'birthday', value })),
          fc.constantFrom<SimEvent>({ type: 'tagAdded', tag: 't1' }, { type: 'purchase' }, { type: 'unsubscribed', list: 'L1' }, { type: 'fieldChanged', field: 'birthday', value: null }),
        ),
      }),
      { minLength: 1, maxLength: 16 },
    ),
    seed: fc.nat(1000),
  })
  .map(({ time, zone, reEntry, chain, contacts, events, seed }): [Journey, Timeline] => {
    const journey = Journey.parse({
      formatVersion: 1,
      id: 'birthday',
      name: 'Generated birthday journey',
      kind: 'trigger',
      settings: { timeZone: 'UTC', reEntry },
      lists: [{ id: 'L1' }],
      fields: [{ name: 'birthday', type: 'date' }],
      content,
      startingPoints: [{ id: 'sp_birthday', trigger: { type: 'dateField', field: 'birthday', time, timeZone: zone }, next: 'p_send' }],
      points: chain,
    });
    const people = contacts.map((c, i) => ({ ...contactBase(i, c.tags, c.subscribed), ...(c.birthday ? { fields: { birthday: c.birthday } } : {}) }));
    return [journey, timelineOf(DATE_T0, 168, people, events, seed)];
  });
