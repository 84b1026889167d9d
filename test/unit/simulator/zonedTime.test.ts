// Specification of local date-times in IANA zones for the simulator
// (src/core/simulator/zonedTime.ts): nominal days across daylight-saving
// changes (R0), local date-times read in a zone (R10), and an unknown zone
// or an unreadable date-time reported as a SimulationError with a stable
// code and a message that says what to write instead.
import assert from 'node:assert/strict';
import { SimulationError } from '../../../src/core/simulator/errors';
import { addDays, afterDuration, checkTimeZone, civilToUtcMs, localDateTimeToEpoch, localParts, offsetAt, zonedToEpoch } from '../../../src/core/simulator/zonedTime';
import { T } from './helpers';

const HOUR = 3_600_000;
const unknownZone = (zone: string) => (e: unknown) => e instanceof SimulationError && e.code === 'invalid-time-zone' && e.message === `Unknown time zone "${zone}": use an IANA name such as Europe/Berlin or UTC.`;

describe('local date-times in time zones (R0, R10)', () => {
  it('R0: a day added is the same local time the next day (23 hours across spring-forward); hours are exact', () => {
    const before = T('2026-03-28T09:00:00Z'); // 10:00 in Berlin
    assert.equal(afterDuration(before, { days: 1, exactMs: 0 }, 'Europe/Berlin'), before + 23 * HOUR);
    assert.equal(afterDuration(before, { days: 1, exactMs: 0 }, 'UTC'), before + 24 * HOUR);
    assert.equal(afterDuration(before, { days: 0, exactMs: 24 * HOUR }, 'Europe/Berlin'), before + 24 * HOUR);
    assert.equal(afterDuration(before, { days: 1, exactMs: 2 * HOUR }, 'Europe/Berlin'), before + 25 * HOUR);
  });

  it('R10: reads a local date-time in its zone, and refuses text that is not one', () => {
    assert.equal(localDateTimeToEpoch('2026-12-01T09:00', 'Europe/Berlin'), T('2026-12-01T08:00:00Z'));
    assert.equal(localDateTimeToEpoch('2026-07-01T09:00', 'Europe/Berlin'), T('2026-07-01T07:00:00Z'));
    assert.throws(() => localDateTimeToEpoch('next monday', 'Europe/Berlin'), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-instant' && e.message === '"next monday" is not a local date-time such as 2026-12-01T09:00.');
  });

  it('R0: the offset of a zone at an instant, local parts, civil dates and days', () => {
    assert.equal(offsetAt(T('2026-01-15T12:00:00Z'), 'Europe/Berlin'), HOUR);
    assert.equal(offsetAt(T('2026-07-15T12:00:00Z'), 'Europe/Berlin'), 2 * HOUR);
    assert.equal(offsetAt(T('2026-07-15T12:00:00Z'), 'Asia/Kathmandu'), 5.75 * HOUR);
    assert.deepEqual(localParts(T('2026-03-01T23:30:00Z'), 'Europe/Berlin'), { year: 2026, month: 3, day: 2, hour: 0, minute: 30, second: 0 });
    assert.equal(civilToUtcMs(2026, 3, 2), T('2026-03-02T00:00:00Z'));
    assert.equal(civilToUtcMs(2026, 3, 2, 9, 30, 15), T('2026-03-02T09:30:15Z'));
    assert.deepEqual(addDays(2028, 2, 28, 1), { year: 2028, month: 2, day: 29 });
    assert.deepEqual(addDays(2027, 2, 28, 1), { year: 2027, month: 3, day: 1 });
  });

  it('an unknown zone is a SimulationError saying what to write, whatever asks for it; a known one is accepted', () => {
    assert.doesNotThrow(() => checkTimeZone('Europe/Vilnius'));
    assert.doesNotThrow(() => checkTimeZone('UTC'));
    assert.throws(() => checkTimeZone('Mars/Olympus_Mons'), unknownZone('Mars/Olympus_Mons'));
    assert.throws(() => localParts(0, 'Mars/Olympus_Mons'), unknownZone('Mars/Olympus_Mons'));
    assert.throws(() => offsetAt(0, 'Nowhere'), unknownZone('Nowhere'));
    assert.throws(() => zonedToEpoch({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, 'Nowhere'), unknownZone('Nowhere'));
    assert.throws(() => localDateTimeToEpoch('2026-12-01T09:00', 'Nowhere'), unknownZone('Nowhere'));
    assert.throws(() => afterDuration(0, { days: 1, exactMs: 0 }, 'Nowhere'), unknownZone('Nowhere'));
  });
});
