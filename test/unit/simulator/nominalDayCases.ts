// Journeys and timelines that cross daylight-saving changes, with the trace
// R0 (days and weeks nominal: same wall-clock time in the journey zone;
// hours exact) and R19 (recurring runs at local wall-clock time) require,
// derived by hand from the zones' rules:
// Europe/Berlin is +01:00 until 2026-03-29 01:00Z, then +02:00 until
// 2026-10-25 01:00Z; America/New_York is -04:00 until 2026-11-01 06:00Z,
// then -05:00; Europe/Vilnius is +03:00 until 2026-10-25 01:00Z, then +02:00.
// The simulator's and the runtime's tests both run them.
import type { Journey } from '../../../src/core/schema';
import type { TraceEntry } from '../../../src/core/simulator/index';
import type { Timeline } from '../../../src/core/timeline';
import { journey, tagTrigger, timeline } from './helpers';

export interface NominalDayCase {
  readonly name: string;
  readonly journey: Journey;
  readonly timeline: Timeline;
  /** The trace entries the case is about. */
  readonly pick: (e: TraceEntry) => boolean;
  /** Those entries as `lines` renders them. */
  readonly expected: readonly string[];
}

const berlin = { timeZone: 'Europe/Berlin' };
const all = () => true;
const tag = (at: string, contact = 'c1') => ({ at, contact, type: 'tagAdded', tag: 'go' }) as const;
const join = (at: string, contact: string) => ({ at, contact, type: 'segmentJoined', segment: 'top' }) as const;

export const NOMINAL_DAY_CASES: readonly NominalDayCase[] = [
  {
    name: 'R0 R9: a 1-day wait begun 10:00 Berlin the day before spring-forward ends 10:00 local, 23 h later; 24 h stay 24 h',
    journey: journey({
      settings: berlin,
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'h' },
        { id: 'h', type: 'wait', duration: 'PT24H', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    }),
    // 2026-03-28T10:00+01:00 = 09:00Z; + 1 day = 2026-03-29T10:00+02:00 = 08:00Z; + 24 h exact = 03-30 08:00Z.
    timeline: timeline([{ id: 'c1' }], [tag('2026-03-28T09:00:00Z')], { horizon: '2026-04-05T00:00:00Z' }),
    pick: all,
    expected: [
      '2026-03-28T09:00:00Z c1 sp enter',
      '2026-03-28T09:00:00Z c1 w arrive',
      '2026-03-29T08:00:00Z c1 w leave →next',
      '2026-03-29T08:00:00Z c1 h arrive',
      '2026-03-30T08:00:00Z c1 h leave →next',
      '2026-03-30T08:00:00Z c1 e complete',
    ],
  },
  {
    name: 'R0 R11: a 1-day timeout begun 10:00 New York the day before fall-back fires 10:00 local, 25 h later',
    journey: journey({
      settings: { timeZone: 'America/New_York' },
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1D', branches: { yes: 'e', timeout: 'e' } },
        { id: 'e', type: 'end' },
      ],
    }),
    // 2026-10-31T10:00-04:00 = 14:00Z; + 1 day = 2026-11-01T10:00-05:00 = 15:00Z.
    timeline: timeline([{ id: 'c1' }], [tag('2026-10-31T14:00:00Z')], { horizon: '2026-11-05T00:00:00Z' }),
    pick: (e) => e.kind === 'leave',
    expected: ['2026-11-01T15:00:00Z c1 w leave →timeout'],
  },
  {
    name: 'R0 R11: a purchase 24.5 h after arriving, before the 25-h nominal day is over, still counts',
    journey: journey({
      settings: { timeZone: 'America/New_York' },
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1D', branches: { yes: 'e', timeout: 'e' } },
        { id: 'e', type: 'end' },
      ],
    }),
    timeline: timeline([{ id: 'c1' }], [tag('2026-10-31T14:00:00Z'), { at: '2026-11-01T14:30:00Z', contact: 'c1', type: 'purchase' }], { horizon: '2026-11-05T00:00:00Z' }),
    pick: (e) => e.kind === 'leave',
    expected: ['2026-11-01T14:30:00Z c1 w leave →yes'],
  },
  {
    name: 'R0 R14: a 1-day wait begun later in the fall-back overlap but at an earlier wall-clock time ends first',
    journey: journey({
      settings: { timeZone: 'America/New_York' },
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    }),
    // c1 at 05:30Z = 01:30-04:00 (the first 01:30); c2 at 06:10Z = 01:10-05:00 (after the change).
    // A day later: c1 at 2026-11-02T01:30-05:00 = 06:30Z, c2 at 01:10-05:00 = 06:10Z.
    timeline: timeline([{ id: 'c1' }, { id: 'c2' }], [tag('2026-11-01T05:30:00Z', 'c1'), tag('2026-11-01T06:10:00Z', 'c2')], { horizon: '2026-11-05T00:00:00Z' }),
    pick: (e) => e.kind === 'leave',
    expected: ['2026-11-02T06:10:00Z c2 w leave →next', '2026-11-02T06:30:00Z c1 w leave →next'],
  },
  {
    name: 'R0 R18: a daily frequency period is one nominal day: across spring-forward a send 23 h later, at the same local time, is allowed, a minute earlier is not',
    journey: journey({
      settings: berlin,
      content: [{ id: 'promo', channel: 'email', status: 'ready' }],
      startingPoints: [tagTrigger('sp', 'go', 'm1')],
      points: [
        { id: 'm1', type: 'sendEmail', content: 'promo', next: 'w1' },
        { id: 'w1', type: 'wait', duration: 'PT22H59M', next: 'm2' },
        { id: 'm2', type: 'sendEmail', content: 'promo', next: 'w2' },
        { id: 'w2', type: 'wait', duration: 'PT1M', next: 'm3' },
        { id: 'm3', type: 'sendEmail', content: 'promo', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    }),
    // m1 at 2026-03-28T09:00Z (10:00 local); the period ends 2026-03-29T10:00+02:00 = 08:00Z.
    timeline: timeline([{ id: 'd', frequency: 'daily' }], [tag('2026-03-28T09:00:00Z', 'd')], { horizon: '2026-04-05T00:00:00Z' }),
    pick: (e) => e.kind === 'send' || e.kind === 'suppressed',
    expected: ['2026-03-28T09:00:00Z d m1 send', '2026-03-29T07:59:00Z d m2 suppressed (frequency)', '2026-03-29T08:00:00Z d m3 send'],
  },
  {
    name: 'R0 R6: a 1-day re-entry cool-down ends at the same local time across spring-forward',
    journey: journey({
      settings: { ...berlin, reEntry: { mode: 'afterCooldown', cooldown: 'P1D' } },
      startingPoints: [tagTrigger('sp', 'go', 'e')],
      points: [{ id: 'e', type: 'end' }],
    }),
    // Left at 2026-03-28T09:00Z (10:00 local); the cool-down ends 2026-03-29T10:00+02:00 = 08:00Z.
    timeline: timeline([{ id: 'c1' }], [tag('2026-03-28T09:00:00Z'), tag('2026-03-29T07:59:00Z'), tag('2026-03-29T08:00:00Z')], { horizon: '2026-04-05T00:00:00Z' }),
    pick: (e) => e.kind === 'enter',
    expected: ['2026-03-28T09:00:00Z c1 sp enter', '2026-03-29T08:00:00Z c1 sp enter #2'],
  },
  {
    name: 'R19: a weekly 09:00 Europe/Vilnius run is 06:00Z in summer and 07:00Z in winter',
    journey: journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'P1W', until: '2026-11-02T09:00' }, start: '2026-10-12T09:00', timeZone: 'Europe/Vilnius' },
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    }),
    // Runs: 10-12 and 10-19 at 09:00+03:00 = 06:00Z; 10-26 and 11-02 at 09:00+02:00 = 07:00Z (until is inclusive).
    // c3 joins 10-26 06:30Z (08:30 local), before that Monday's run.
    timeline: timeline(
      [{ id: 'c1', segments: ['top'] }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }],
      [join('2026-10-13T12:00:00Z', 'c2'), join('2026-10-26T06:30:00Z', 'c3'), join('2026-10-26T07:30:00Z', 'c4')],
      { start: '2026-10-12T00:00:00Z', horizon: '2026-11-30T00:00:00Z' },
    ),
    pick: (e) => e.kind === 'enter',
    expected: ['2026-10-12T06:00:00Z c1 sp enter', '2026-10-19T06:00:00Z c2 sp enter', '2026-10-26T07:00:00Z c3 sp enter', '2026-11-02T07:00:00Z c4 sp enter'],
  },
  {
    name: 'R19: a schedule that began before the replay start runs at its local time from the first run after the start',
    journey: journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'P1D' }, start: '2026-10-20T09:00', timeZone: 'Europe/Vilnius' },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    }),
    // Replay from 2026-10-26T06:30Z (08:30 local, winter): the first run is that day's 09:00+02:00 = 07:00Z.
    timeline: timeline([{ id: 'c1', segments: ['top'] }], [], { start: '2026-10-26T06:30:00Z', horizon: '2026-10-27T00:00:00Z' }),
    pick: all,
    expected: ['2026-10-26T07:00:00Z c1 sp enter', '2026-10-26T07:00:00Z c1 e complete'],
  },
];
