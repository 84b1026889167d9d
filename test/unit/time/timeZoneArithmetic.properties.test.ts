// The time module (src/core/time/) against a Temporal implementation from the
// registry (temporal-polyfill, a devDependency only): R0 nominal days and
// weeks, exact hours/minutes/seconds, "compatible" reading of local times in
// gaps and overlaps, and R19 wall-clock recurrences, over many IANA zones
// (both hemispheres, half- and quarter-hour offsets, 2-hour and negative
// DST, zones that changed their rules or skipped a day) and instants near
// their offset changes. Fixed seed, printed (test/support/propertySeed.ts).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { addCivilDays, daysFromCivil, daysInMonth, isLeapYear } from '../../../src/core/time/calendar';
import { addDuration, type NominalDuration, parseNominalDuration } from '../../../src/core/time/nominalDuration';
import { firstRunAtOrAfter, runAt } from '../../../src/core/time/wallClockRecurrence';
import { epochMsToLocal, offsetMsAt, zonedToEpochMs } from '../../../src/core/time/zoneOffsets';
import { propertyParameters } from '../../support/propertySeed';

const ZONES = [
  'UTC',
  'Europe/Vilnius',
  'Europe/London',
  'Europe/Dublin', // negative DST in tz data
  'Europe/Moscow', // permanent DST 2011, back 2014
  'America/New_York',
  'America/St_Johns', // -03:30 with DST
  'America/Sao_Paulo', // southern, DST abolished 2019
  'America/Santiago', // southern, rules changed often
  'America/Caracas', // -04:30 from 2007 to 2016
  'Australia/Sydney', // southern
  'Australia/Lord_Howe', // half-hour DST
  'Australia/Adelaide', // +09:30 with DST
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Asia/Tehran', // +03:30, DST abolished 2022
  'Pacific/Chatham', // +12:45 with DST
  'Pacific/Apia', // skipped 30 December 2011
  'Pacific/Kiritimati', // +14
  'Africa/Casablanca', // DST suspended each Ramadan
  'Antarctica/Troll', // 2-hour DST
  'Asia/Tokyo',
];

const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2060, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: FROM, max: TO });
/** An instant within three days of one of the zone's offset changes (or anywhere when it has none nearby). */
const nearChange = (z: string) =>
  fc.tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([from, shift]) => {
    const next = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(z).getTimeZoneTransition('next');
    return next ? next.epochMilliseconds + shift : from;
  });
const zonedInstant = zone.chain((z) => fc.tuple(fc.constant(z), fc.oneof(instant, nearChange(z))));

interface DurationFields {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}
const durationFields = fc.record({
  weeks: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
  days: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })),
  hours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
  minutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
  seconds: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
});

/** The ISO text the journey format writes for the fields. */
function isoText(f: DurationFields): string {
  const date = (f.weeks ? `${f.weeks}W` : '') + (f.days ? `${f.days}D` : '');
  const time = (f.hours ? `${f.hours}H` : '') + (f.minutes ? `${f.minutes}M` : '') + (f.seconds ? `${f.seconds}S` : '');
  return date || time ? `P${date}${time ? `T${time}` : ''}` : 'PT0S';
}

const zoned = (ms: number, z: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(z);

describe('time module against Temporal (temporal-polyfill)', function () {
  this.timeout(120_000);

  it('R0: adding a duration (weeks, days, hours, minutes, seconds) to an instant in a zone is Temporal ZonedDateTime.add', () => {
    fc.assert(
      fc.property(zonedInstant, durationFields, fc.integer({ min: 0, max: 999 }), ([z, at], f, ms) => {
        const start = at - (at % 1000) + ms;
        const d = parseNominalDuration(isoText(f));
        assert.ok(d, isoText(f));
        const expected = zoned(start, z).add(f).epochMilliseconds;
        assert.equal(addDuration(start, d, z), expected, `${zoned(start, z).toString()} + ${isoText(f)}`);
      }),
      propertyParameters(3000),
    );
  });

  it('R0: adding days is Temporal ZonedDateTime.add also once the zone\'s offsets around both instants are known (asked again, a few days apart)', () => {
    // The later sums read the days the earlier ones learnt (the shortcut of laterByDays, zoneOffsets.ts).
    fc.assert(
      fc.property(zonedInstant, fc.integer({ min: 0, max: 30 }), fc.array(fc.integer({ min: -3 * DAY, max: 3 * DAY }), { minLength: 1, maxLength: 6 }), ([z, at], days, shifts) => {
        for (const shift of [0, 0, ...shifts]) {
          const start = at + shift;
          const expected = zoned(start, z).add({ days }).epochMilliseconds;
          assert.equal(addDuration(start, { days, exactMs: 0 }, z), expected, `${zoned(start, z).toString()} + P${days}D`);
        }
      }),
      propertyParameters(2000),
    );
  });

  it('R0: a local date-time reads as Temporal\'s "compatible" disambiguation (gaps forward, overlaps earlier)', () => {
    fc.assert(
      fc.property(zonedInstant, fc.integer({ min: -3 * HOUR, max: 3 * HOUR }), ([z, at], shift) => {
        // A wall-clock time near the instant's, often inside a gap or an overlap.
        const plain = zoned(at, z).toPlainDateTime().add({ milliseconds: shift }).round({ smallestUnit: 'second', roundingMode: 'trunc' });
        const expected = plain.toZonedDateTime(z, { disambiguation: 'compatible' }).epochMilliseconds;
        const parts = { year: plain.year, month: plain.month, day: plain.day, hour: plain.hour, minute: plain.minute, second: plain.second };
        assert.equal(zonedToEpochMs(parts, z), expected, `${plain.toString()} in ${z}`);
      }),
      propertyParameters(3000),
    );
  });

  it('R0: the local time and offset of an instant are Temporal\'s', () => {
    fc.assert(
      fc.property(zonedInstant, ([z, at]) => {
        const t = zoned(at, z);
        assert.deepEqual(epochMsToLocal(at, z), { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second });
        assert.equal(offsetMsAt(at, z), t.offsetNanoseconds / 1e6);
      }),
      propertyParameters(2000),
    );
  });

  it('R19: run k of a recurrence is the anchor plus k intervals in Temporal, and the first run at or after an instant is the least such run', () => {
    const every = durationFields.filter((f) => f.weeks + f.days + f.hours + f.minutes + f.seconds > 0);
    fc.assert(
      fc.property(zonedInstant, every, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 400 * DAY }), ([z, anchor], f, k, later) => {
        const d = parseNominalDuration(isoText(f)) as NominalDuration;
        const r = { anchor, every: d, zone: z };
        const scaled = Object.fromEntries(Object.entries(f).map(([unit, n]) => [unit, n * k]));
        assert.equal(runAt(r, k), zoned(anchor, z).add(scaled).epochMilliseconds, `run ${k} of ${isoText(f)} from ${zoned(anchor, z).toString()}`);
        const t = anchor + later;
        const first = firstRunAtOrAfter(r, t);
        assert.equal(first.at, runAt(r, first.k));
        assert.ok(first.at >= t, 'the run is at or after the instant');
        if (first.k > 0) assert.ok(runAt(r, first.k - 1) < t, 'the run before it is before the instant');
      }),
      propertyParameters(1000),
    );
  });

  it('calendar: month lengths, leap years, days from 1970 and adding days are Temporal\'s ISO calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: -100_000, max: 100_000 }), (year, month, dayWish, n) => {
        const ym = Temporal.PlainYearMonth.from({ year, month });
        assert.equal(daysInMonth(year, month), ym.daysInMonth);
        assert.equal(isLeapYear(year), ym.inLeapYear);
        const day = Math.min(dayWish, ym.daysInMonth);
        const date = Temporal.PlainDate.from({ year, month, day });
        assert.equal(daysFromCivil(year, month, day), Temporal.PlainDate.from('1970-01-01').until(date).days);
        const later = date.add({ days: n });
        if (later.year >= 1 && later.year <= 9999) assert.deepEqual(addCivilDays(year, month, day, n), { year: later.year, month: later.month, day: later.day });
      }),
      propertyParameters(2000),
    );
  });
});
