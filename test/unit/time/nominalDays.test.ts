// R0 and R19 on instants worked out by hand from the zones' rules: Europe/
// Vilnius is +02:00 in winter and +03:00 in summer, changing at 01:00Z on the
// last Sunday of March (2026-03-29: 03:00 local becomes 04:00) and of October
// (2026-10-25: 04:00 local becomes 03:00); America/New_York changes at 02:00
// local on 2026-03-08 (to -04:00) and 2026-11-01 (to -05:00); Australia/
// Sydney (+11:00 in its summer, +10:00 in winter) changes on 2026-04-05 at
// 03:00 local (to 02:00) and 2026-10-04 at 02:00 local (to 03:00).
import { strict as assert } from 'node:assert';
import { addDuration, parseNominalDuration } from '../../../src/core/time/nominalDuration';
import { firstRunAtOrAfter, runAt } from '../../../src/core/time/wallClockRecurrence';

const at = (iso: string) => Date.parse(iso);
const plus = (from: string, duration: string, zone: string) => new Date(addDuration(at(from), parseNominalDuration(duration)!, zone)).toISOString();

describe('R0: days and weeks are nominal (wall clock in the zone), hours and less exact', () => {
  it('R0: a 1-day wait begun 10:00 Vilnius the day before spring-forward ends 10:00 the next day, 23 h later', () => {
    // 2026-03-28T10:00+02:00 = 08:00Z; 2026-03-29T10:00+03:00 = 07:00Z.
    assert.equal(plus('2026-03-28T08:00:00.000Z', 'P1D', 'Europe/Vilnius'), '2026-03-29T07:00:00.000Z');
  });

  it('R0: a 1-day wait begun 10:00 Vilnius the day before fall-back ends 10:00 the next day, 25 h later', () => {
    // 2026-10-24T10:00+03:00 = 07:00Z; 2026-10-25T10:00+02:00 = 08:00Z.
    assert.equal(plus('2026-10-24T07:00:00.000Z', 'P1D', 'Europe/Vilnius'), '2026-10-25T08:00:00.000Z');
  });

  it('R0: a text that is not a duration of the format is no duration (undefined, never an error)', () => {
    for (const text of ['P', 'PT', 'P1H', '1D', 'P1.5D', '']) assert.equal(parseNominalDuration(text), undefined, JSON.stringify(text));
    assert.deepEqual(parseNominalDuration('P1W2DT3H'), { days: 9, exactMs: 3 * 3_600_000 });
  });

  it('R0: 24 hours stay exactly 24 hours across the change', () => {
    assert.equal(plus('2026-03-28T08:00:00.000Z', 'PT24H', 'Europe/Vilnius'), '2026-03-29T08:00:00.000Z');
  });

  it('R0: a week is 7 nominal days; the hours of P1DT2H are added after the day, exactly', () => {
    // New York 2026-03-07T09:00-05:00 (14:00Z) + 1 week = 2026-03-14T09:00-04:00 (13:00Z).
    assert.equal(plus('2026-03-07T14:00:00.000Z', 'P1W', 'America/New_York'), '2026-03-14T13:00:00.000Z');
    // 2026-03-07T09:00-05:00 + 1 day = 2026-03-08T09:00-04:00 (13:00Z), + 2 h = 15:00Z.
    assert.equal(plus('2026-03-07T14:00:00.000Z', 'P1DT2H', 'America/New_York'), '2026-03-08T15:00:00.000Z');
  });

  it('R0: a day that lands in the spring-forward gap moves forward by the gap', () => {
    // New York 2026-03-07T02:30-05:00 (07:30Z) + 1 day = 2026-03-08T02:30, which does not exist: 03:30-04:00 = 07:30Z.
    assert.equal(plus('2026-03-07T07:30:00.000Z', 'P1D', 'America/New_York'), '2026-03-08T07:30:00.000Z');
  });

  it('R0: a day that lands in the fall-back overlap takes the earlier instant', () => {
    // New York 2026-10-31T01:30-04:00 (05:30Z) + 1 day = 2026-11-01T01:30, twice: -04:00 (05:30Z) and -05:00 (06:30Z).
    assert.equal(plus('2026-10-31T05:30:00.000Z', 'P1D', 'America/New_York'), '2026-11-01T05:30:00.000Z');
  });

  it('R0: in the southern hemisphere the change goes the other way (Sydney, April)', () => {
    // 2026-04-04T10:00+11:00 = 23:00Z on the 3rd; 2026-04-05T10:00+10:00 = 00:00Z on the 5th: 25 h.
    assert.equal(plus('2026-04-03T23:00:00.000Z', 'P1D', 'Australia/Sydney'), '2026-04-05T00:00:00.000Z');
  });

  it('R0: in UTC a day is 24 hours', () => {
    assert.equal(plus('2026-03-28T08:00:00.000Z', 'P2D', 'UTC'), '2026-03-30T08:00:00.000Z');
  });
});

describe('R19: recurring runs keep their local wall-clock time', () => {
  // Weekly from Monday 2026-10-12 09:00 Vilnius (+03:00 = 06:00Z).
  const weekly = { anchor: at('2026-10-12T06:00:00.000Z'), every: parseNominalDuration('P1W')!, zone: 'Europe/Vilnius' };

  it('R19: a weekly 09:00 Europe/Vilnius run is 06:00Z in summer and 07:00Z in winter', () => {
    assert.equal(new Date(runAt(weekly, 1)).toISOString(), '2026-10-19T06:00:00.000Z');
    assert.equal(new Date(runAt(weekly, 2)).toISOString(), '2026-10-26T07:00:00.000Z');
    assert.equal(new Date(runAt(weekly, 3)).toISOString(), '2026-11-02T07:00:00.000Z');
  });

  it('R19: the first run at or after an instant is found across the change', () => {
    // 2026-10-26T06:30Z is 08:30 local, before that Monday's 09:00 (07:00Z) run.
    assert.deepEqual(firstRunAtOrAfter(weekly, at('2026-10-26T06:30:00.000Z')), { k: 2, at: at('2026-10-26T07:00:00.000Z') });
    assert.deepEqual(firstRunAtOrAfter(weekly, at('2026-10-26T07:00:00.000Z')), { k: 2, at: at('2026-10-26T07:00:00.000Z') });
    assert.deepEqual(firstRunAtOrAfter(weekly, at('2026-10-26T07:00:00.001Z')), { k: 3, at: at('2026-11-02T07:00:00.000Z') });
  });
});
