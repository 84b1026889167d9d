// The instants of segment runs (R19) and date-field ticks (R20), as the
// kernel computes them for both drivers (src/core/semantics/schedules.ts),
// read from journeys compiled into the IR. Expected instants follow from the
// zone's rules by hand: Europe/Vilnius is +03:00 until 2026-10-25 01:00Z,
// then +02:00 (and +02:00 in February).
import assert from 'node:assert/strict';
import { compileJourney } from '../../../src/core/compiler/compileJourney';
import { fromIr, type KernelJourney } from '../../../src/core/semantics/kernelJourney';
import { dateFallsOn, dayAfter, firstTickDay, nextTickFor, recurringRunAtOrAfter, runAfter, segmentRuns, tickOn, yearlyDatesOn } from '../../../src/core/semantics/schedules';
import type { Journey } from '../../../src/core/schema';
import { runAt } from '../../../src/core/time/wallClockRecurrence';
import { journey, T } from '../simulator/helpers';

const vilnius = { timeZone: 'Europe/Vilnius' };
const kernelOf = (j: Journey): KernelJourney => fromIr(compileJourney(j), 0);

function weekly(start: string, until?: string): KernelJourney {
  return kernelOf(
    journey({
      kind: 'segment',
      settings: vilnius,
      segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'P1W', ...(until ? { until } : {}) }, start },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    }),
  );
}

function birthday(time = '09:00'): KernelJourney {
  return kernelOf(
    journey({
      settings: vilnius,
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    }),
  );
}


/** The segment plan of a one-time segment journey starting 2026-10-12 09:00 in Vilnius (06:00Z). */
function oneTimeSegment() {
  return kernelOf(
    journey({
      kind: 'segment',
      settings: vilnius,
      segmentEntry: { segment: 'top', start: '2026-10-12T09:00' },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    }),
  ).segment!;
}
describe('schedules: when the clock lets contacts in (R19, R20)', () => {
  it('R19: a weekly 09:00 Europe/Vilnius run is 06:00Z in summer and 07:00Z in winter, and none comes after `until`', () => {
    const runs = segmentRuns(weekly('2026-10-12T09:00', '2026-11-02T09:00').segment!, { from: T('2026-10-01T00:00:00Z'), until: Infinity });
    const instants: string[] = [];
    for (let run = runs.first; run; run = runAfter(runs, run.k)) instants.push(new Date(run.at).toISOString());
    assert.deepEqual(instants, ['2026-10-12T06:00:00.000Z', '2026-10-19T06:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-11-02T07:00:00.000Z']);
  });

  it("R19: the first run is the first at or after the window's start, and no run is after the window's end", () => {
    const plan = weekly('2026-10-12T09:00').segment!;
    const runs = segmentRuns(plan, { from: T('2026-10-20T00:00:00Z'), until: T('2026-11-05T00:00:00Z') });
    assert.deepEqual(runs.first, { k: 2, at: T('2026-10-26T07:00:00Z') });
    assert.deepEqual(runAfter(runs, 2), { k: 3, at: T('2026-11-02T07:00:00Z') });
    assert.equal(runAfter(runs, 3), undefined);
  });

  it("R19: a contact joining between runs waits for the next one; the run before it is when a single schedule timer would have been set", () => {
    const runs = segmentRuns(weekly('2026-10-12T09:00').segment!, { from: T('2026-10-12T06:00:00Z'), until: Infinity });
    assert.deepEqual(recurringRunAtOrAfter(runs, T('2026-10-12T06:00:00Z')), { k: 0, at: T('2026-10-12T06:00:00Z'), previousAt: null });
    assert.deepEqual(recurringRunAtOrAfter(runs, T('2026-10-20T12:00:00Z')), { k: 2, at: T('2026-10-26T07:00:00Z'), previousAt: T('2026-10-19T06:00:00Z') });
  });

  it('R19: a one-time schedule runs once, at its start or the window’s, whichever is later', () => {
    const plan = oneTimeSegment();
    const early = segmentRuns(plan, { from: T('2026-10-01T00:00:00Z'), until: Infinity });
    assert.deepEqual(early.first, { k: 0, at: T('2026-10-12T06:00:00Z') });
    assert.equal(runAfter(early, 0), undefined);
    assert.equal(recurringRunAtOrAfter(early, T('2026-10-01T00:00:00Z')), undefined);
    assert.deepEqual(segmentRuns(plan, { from: T('2026-10-13T00:00:00Z'), until: Infinity }).first, { k: 0, at: T('2026-10-13T00:00:00Z') });
    assert.equal(segmentRuns(plan, { from: T('2026-10-01T00:00:00Z'), until: T('2026-10-11T00:00:00Z') }).first, undefined);
  });

  it('R19: a one-time schedule’s recurrence has its one run as run 0, in the schedule’s zone', () => {
    const plan = oneTimeSegment();
    for (const from of [T('2026-10-01T00:00:00Z'), T('2026-10-13T00:00:00Z')]) {
      const runs = segmentRuns(plan, { from, until: Infinity });
      assert.equal(runs.recurring, false);
      assert.deepEqual(runs.recurrence, { anchor: runs.first!.at, every: { days: 0, exactMs: 0 }, zone: 'Europe/Vilnius' });
      assert.equal(runAt(runs.recurrence, 0), runs.first!.at);
    }
  });

  it("R20: the daily tick is at the trigger's local time; the first is that day's unless already past", () => {
    const daily = birthday().starts[0]!.daily!;
    assert.deepEqual(daily, { field: 'birthday', hour: 9, minute: 0, zone: 'Europe/Vilnius' });
    assert.deepEqual(firstTickDay(daily, T('2026-10-12T05:59:00Z')), { year: 2026, month: 10, day: 12 });
    assert.deepEqual(firstTickDay(daily, T('2026-10-12T06:01:00Z')), { year: 2026, month: 10, day: 13 });
    assert.equal(tickOn(daily, { year: 2026, month: 10, day: 25 }), T('2026-10-25T07:00:00Z'));
    assert.deepEqual(dayAfter({ year: 2026, month: 12, day: 31 }), { year: 2027, month: 1, day: 1 });
  });

  it('R20: 29 February falls on 28 February in a common year and on 29 February in a leap year', () => {
    assert.deepEqual(yearlyDatesOn({ year: 2027, month: 2, day: 28 }), [228, 229]);
    assert.deepEqual(yearlyDatesOn({ year: 2028, month: 2, day: 28 }), [228]);
    const daily = birthday().starts[0]!.daily!;
    const window = { from: T('2027-01-01T00:00:00Z'), until: Infinity };
    assert.deepEqual(nextTickFor(daily, '1992-02-29', window.from, window), { at: T('2027-02-28T07:00:00Z'), previousAt: T('2027-02-27T07:00:00Z') });
    assert.deepEqual(nextTickFor(daily, '1992-02-29', T('2027-03-01T00:00:00Z'), window), { at: T('2028-02-29T07:00:00Z'), previousAt: T('2028-02-28T07:00:00Z') });
    assert.equal(dateFallsOn(daily, '1992-02-29', T('2027-02-28T07:00:00Z')), true);
    assert.equal(dateFallsOn(daily, '1992-02-29', T('2028-02-28T07:00:00Z')), false);
  });

  it("R20: no tick for a value that is not a date, or outside the window; the day before's tick is null before the window", () => {
    const daily = birthday().starts[0]!.daily!;
    const window = { from: T('2027-03-10T07:00:00Z'), until: T('2027-12-31T00:00:00Z') };
    assert.equal(nextTickFor(daily, 'soon', window.from, window), undefined);
    assert.equal(nextTickFor(daily, 19900310, window.from, window), undefined);
    assert.deepEqual(nextTickFor(daily, '1990-03-10', window.from, window), { at: T('2027-03-10T07:00:00Z'), previousAt: null });
    assert.equal(nextTickFor(daily, '1990-03-09', window.from, window), undefined);
  });

  it('R20: from an unbounded instant there is no next tick, and a value that is not a date falls on no tick at any instant (no zone lookup, no error)', () => {
    const daily = birthday().starts[0]!.daily!;
    const window = { from: -Infinity, until: Infinity };
    assert.equal(nextTickFor(daily, '1990-03-10', Infinity, window), undefined);
    assert.equal(nextTickFor(daily, '1990-03-10', -Infinity, window), undefined);
    for (const at of [NaN, Infinity, T('2027-03-10T07:00:00Z')]) assert.equal(dateFallsOn(daily, 'soon', at), false, String(at));
  });
});

describe('schedules at the edges of their window (R19, R20, R23: what falls on a bound happens)', () => {
  it('R19, R23: a one-time run exactly at the window’s end happens; a recurring first run exactly at `until` happens, one after it does not', () => {
    const oneTime = oneTimeSegment();
    assert.deepEqual(segmentRuns(oneTime, { from: T('2026-10-01T00:00:00Z'), until: T('2026-10-12T06:00:00Z') }).first, { k: 0, at: T('2026-10-12T06:00:00Z') });
    const atUntil = segmentRuns(weekly('2026-10-12T09:00', '2026-10-12T09:00').segment!, { from: T('2026-10-01T00:00:00Z'), until: Infinity });
    assert.deepEqual(atUntil.first, { k: 0, at: T('2026-10-12T06:00:00Z') });
    assert.equal(segmentRuns(weekly('2026-10-12T09:00', '2026-10-12T08:59').segment!, { from: T('2026-10-01T00:00:00Z'), until: Infinity }).first, undefined);
  });

  it('R19: the run for a join is the first run at or after it within the window: before the window it is the window’s first; at the last run that run; after it none', () => {
    // Weekly from 12 October, until 2 November (06:00Z, 06:00Z, 07:00Z, 07:00Z); the window starts on 20 October.
    const runs = segmentRuns(weekly('2026-10-12T09:00', '2026-11-02T09:00').segment!, { from: T('2026-10-20T00:00:00Z'), until: Infinity });
    assert.deepEqual(recurringRunAtOrAfter(runs, T('2026-10-13T00:00:00Z')), { k: 2, at: T('2026-10-26T07:00:00Z'), previousAt: null });
    assert.deepEqual(recurringRunAtOrAfter(runs, T('2026-11-02T07:00:00Z')), { k: 3, at: T('2026-11-02T07:00:00Z'), previousAt: T('2026-10-26T07:00:00Z') });
    assert.equal(recurringRunAtOrAfter(runs, T('2026-11-02T07:00:01Z')), undefined);
  });

  it('R19: a recurring schedule with no run in the window has no run for a join', () => {
    const runs = segmentRuns(weekly('2026-10-12T09:00', '2026-10-20T09:00').segment!, { from: T('2026-11-01T00:00:00Z'), until: Infinity });
    assert.equal(runs.first, undefined);
    assert.equal(recurringRunAtOrAfter(runs, T('2026-11-01T00:00:00Z')), undefined);
  });

  it('R20: a tick exactly at the instant asked about is that day’s tick, and exactly at the window’s end it happens', () => {
    const daily = birthday().starts[0]!.daily!;
    // 12 October 09:00 Vilnius is 06:00Z.
    assert.deepEqual(firstTickDay(daily, T('2026-10-12T06:00:00Z')), { year: 2026, month: 10, day: 12 });
    const window = { from: T('2027-03-01T00:00:00Z'), until: T('2027-03-10T07:00:00Z') };
    assert.deepEqual(nextTickFor(daily, '1990-03-10', window.from, window), { at: T('2027-03-10T07:00:00Z'), previousAt: T('2027-03-09T07:00:00Z') });
  });

  it("R20: the day before's tick exactly at the window's start is kept (not null)", () => {
    const daily = birthday().starts[0]!.daily!;
    const window = { from: T('2027-03-09T07:00:00Z'), until: Infinity };
    assert.deepEqual(nextTickFor(daily, '1990-03-10', window.from, window), { at: T('2027-03-10T07:00:00Z'), previousAt: T('2027-03-09T07:00:00Z') });
  });

  it('R20: only 29 February moves to 28 February in a common year; other dates of February, and the 29th of other months, keep their day', () => {
    const daily = birthday().starts[0]!.daily!;
    const window = { from: T('2027-01-01T00:00:00Z'), until: Infinity };
    // 2027 is a common year; Vilnius is +02:00 in winter.
    assert.deepEqual(nextTickFor(daily, '1990-01-29', window.from, window)?.at, T('2027-01-29T07:00:00Z'));
    assert.deepEqual(nextTickFor(daily, '1990-02-14', window.from, window)?.at, T('2027-02-14T07:00:00Z'));
  });

  it('R20: a date that no calendar day has (31 April) never fires, and a value that is not a date falls on no day', () => {
    const daily = birthday().starts[0]!.daily!;
    const window = { from: T('2027-01-01T00:00:00Z'), until: Infinity };
    assert.equal(nextTickFor(daily, '1990-04-31', window.from, window), undefined);
    assert.equal(dateFallsOn(daily, 'not a date', T('2027-02-28T07:00:00Z')), false);
  });
});
