// Local date-times as the journey format writes them (R0, R10:
// `2026-12-01T09:00[:ss]`), the first run at or after an instant across a
// daylight-saving change (R19), and zone offsets before year 1 (R0: the
// proleptic calendar). Expected values follow from the Gregorian calendar
// and the zones' rules: Europe/Vilnius is +02:00 in winter and +03:00 in
// summer, 03:00 local becoming 04:00 on 2026-03-29 (01:00Z).
import { strict as assert } from 'node:assert';
import { formatLocalDateTime, localDateTimeToEpochMs, parseLocalDateTime } from '../../../src/core/time/localDateTime';
import { parseNominalDuration } from '../../../src/core/time/nominalDuration';
import { firstRunAtOrAfter } from '../../../src/core/time/wallClockRecurrence';
import { offsetMsAt } from '../../../src/core/time/zoneOffsets';

describe('R0, R10: a local date-time is a real calendar time or no local date-time at all', () => {
  it('reads year, month, day, hour, minute and the optional second', () => {
    assert.deepEqual(parseLocalDateTime('2026-12-01T09:05'), { year: 2026, month: 12, day: 1, hour: 9, minute: 5, second: 0 });
    assert.deepEqual(parseLocalDateTime('2026-01-31T23:59:59'), { year: 2026, month: 1, day: 31, hour: 23, minute: 59, second: 59 });
  });

  it('takes the first and last month, day, hour, minute and second of their ranges, and 29 February only in a leap year', () => {
    for (const text of ['2026-01-01T00:00:00', '2026-12-31T23:59:59', '2028-02-29T12:00', '2026-02-28T12:00', '2026-04-30T12:00']) {
      assert.ok(parseLocalDateTime(text), text);
    }
  });

  it('refuses a month, day, hour, minute or second out of its range, and text of another shape', () => {
    for (const text of ['2026-00-10T09:00', '2026-13-10T09:00', '2026-03-00T09:00', '2026-04-31T09:00', '2026-02-29T09:00', '2026-03-10T24:00', '2026-03-10T09:60', '2026-03-10T09:00:60', '2026-03-10 09:00', 'soon']) {
      assert.equal(parseLocalDateTime(text), undefined, text);
      assert.equal(localDateTimeToEpochMs(text, 'UTC'), undefined, text);
    }
  });

  it('is written back with seconds and zero-padded fields, and read in a zone as the instant its wall clock shows', () => {
    assert.equal(formatLocalDateTime({ year: 987, month: 3, day: 4, hour: 5, minute: 6, second: 7 }), '0987-03-04T05:06:07');
    assert.equal(localDateTimeToEpochMs('2026-07-01T09:00', 'Europe/Vilnius'), Date.parse('2026-07-01T06:00:00Z'));
  });
});

describe('R19: the first run at or after an instant, when a daylight-saving change made a day 23 hours', () => {
  it('is the next day’s run for an instant after the short day’s run, though fewer than 24 h have passed per run', () => {
    // Daily 09:00 Vilnius from 28 March (07:00Z); 29 March 09:00 is 06:00Z (23 h later), 30 March 06:00Z.
    const daily = { anchor: Date.parse('2026-03-28T07:00:00Z'), every: parseNominalDuration('P1D')!, zone: 'Europe/Vilnius' };
    assert.deepEqual(firstRunAtOrAfter(daily, Date.parse('2026-03-29T06:30:00Z')), { k: 2, at: Date.parse('2026-03-30T06:00:00Z') });
  });
});

describe('R0: zone offsets on the proleptic calendar before year 1', () => {
  it('an instant in 100 BC has an offset of hours, as in any other year (its era read as a negative year)', () => {
    const offset = offsetMsAt(Date.UTC(-99, 5, 1, 12), 'Europe/Vilnius');
    assert.ok(Math.abs(offset) < 3 * 3_600_000, String(offset));
  });
});
