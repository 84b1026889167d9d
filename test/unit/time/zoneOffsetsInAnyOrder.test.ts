// R0 (src/core/semantics.md): a zone's offsets and nominal days are the
// zone's own, whatever was asked before. zoneOffsets.ts keeps the offsets it
// has read per zone in blocks of 4,096 UTC days, and remembers the block it
// used last; these specs ask, one right after the other, for the same days of
// another zone, and for days exactly one block apart in the same zone, where
// the answers differ (daylight saving). Expected values come from Temporal
// (temporal-polyfill, a devDependency) and from the zones' rules by hand:
// Europe/Vilnius is +02:00 in winter and +03:00 in summer (+03:00, Moscow
// time, all year in 1970), changing at 01:00Z on the last Sunday of March.
import { strict as assert } from 'node:assert';
import { Temporal } from 'temporal-polyfill';
import { laterByDays, offsetMsAt } from '../../../src/core/time/zoneOffsets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The days zoneOffsets.ts keeps together (its WINDOW). */
const BLOCK = 4096;
const VILNIUS = 'Europe/Vilnius';

const temporalOffset = (ms: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
const temporalPlusDays = (ms: number, days: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).add({ days }).epochMilliseconds;

describe('R0: a zone\'s offsets and nominal days do not depend on what was asked before', () => {
  it('an instant that is not a number has no offset: NaN and ±Infinity throw a RangeError, also in a zone with daylight saving', () => {
    for (const ms of [NaN, Infinity, -Infinity]) {
      assert.throws(() => offsetMsAt(ms, VILNIUS), RangeError, String(ms));
    }
  });

  it('a nominal day in Vilnius across the spring-forward night is 23 h, also right after the same days were worked out for Tokyo', () => {
    // 2031-03-29T10:00+02:00 (08:00Z) + 1 day = 2031-03-30T10:00+03:00 (07:00Z): the clocks went forward that night.
    const start = Date.parse('2031-03-29T08:00:00.000Z');
    assert.equal(laterByDays(start, 1, 'Asia/Tokyo'), temporalPlusDays(start, 1, 'Asia/Tokyo'));
    assert.equal(laterByDays(start, 1, 'Asia/Tokyo') - start, DAY, 'Tokyo has no daylight saving');
    const later = laterByDays(start, 1, VILNIUS);
    assert.equal(later, temporalPlusDays(start, 1, VILNIUS));
    assert.equal(later - start, 23 * HOUR);
  });

  it('a nominal day in Vilnius across the spring-forward night is 23 h, also right after the same day one block (4,096 days) earlier, in winter, was worked out', () => {
    const start = Date.parse('2031-03-29T08:00:00.000Z');
    const blockEarlier = start - BLOCK * DAY; // 2020-01-10, all winter around it
    assert.equal(laterByDays(blockEarlier, 1, VILNIUS) - blockEarlier, DAY);
    const later = laterByDays(start, 1, VILNIUS);
    assert.equal(later, temporalPlusDays(start, 1, VILNIUS));
    assert.equal(later - start, 23 * HOUR);
  });

  it('the offset of an instant is that of its own date, also right after the same day one block (4,096 days) earlier: summer 2015, then November 2026', () => {
    const summer = Date.parse('2015-08-15T12:00:00.000Z');
    const winter = summer + BLOCK * DAY; // 2026-11-01, after the October change
    assert.equal(offsetMsAt(summer, VILNIUS), 3 * HOUR);
    assert.equal(offsetMsAt(winter, VILNIUS), 2 * HOUR);
    assert.equal(offsetMsAt(winter, VILNIUS), temporalOffset(winter, VILNIUS));
    assert.equal(offsetMsAt(summer, VILNIUS), temporalOffset(summer, VILNIUS));
  });

  it('86,400,000 nominal days from 1970 in Vilnius (to March 238525) and back again are Temporal\'s sums, each asked twice', () => {
    // +03:00 in January 1970, +02:00 in March 238525 (the EU rules carried on): the wall clock keeps its 03:00:00.001, so the sum is an hour more than 86,400,000 × 24 h.
    const start = 1;
    const days = 86_400_000;
    const there = temporalPlusDays(start, days, VILNIUS);
    assert.equal(there - (start + days * DAY), HOUR);
    for (let k = 0; k < 2; k++) assert.equal(laterByDays(start, days, VILNIUS), there, `forward, time ${k + 1}`);
    // Back from 86,400,000 × 24 h later (02:00:00.001 local there) to 02:00:00.001 local in 1970: an hour less.
    const from = start + days * DAY;
    const back = temporalPlusDays(from, -days, VILNIUS);
    assert.equal(back, start - HOUR);
    for (let k = 0; k < 2; k++) assert.equal(laterByDays(from, -days, VILNIUS), back, `back, time ${k + 1}`);
  });
});
