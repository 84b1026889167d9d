// formatInstant writes an instant the way Date's toISOString does, without
// ".000" when there are no milliseconds: every trace text, report and
// compare line names instants with it (R0: instants are UTC, written with Z).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatInstant } from '../../../src/core/simulator/index';
import { announceSeed, propertyParameters } from '../../support/propertySeed';

/** What formatInstant promises, written the obvious way. */
function expected(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

/** Date's range: ±100,000,000 days around 1970. */
const MAX_MS = 8.64e15;

describe('formatInstant (R0: UTC instants written as ISO 8601 with Z)', () => {
  before(announceSeed);

  it('R0: writes whole seconds without milliseconds and keeps milliseconds that are there', () => {
    assert.equal(formatInstant(Date.UTC(2026, 2, 1, 9, 0, 0)), '2026-03-01T09:00:00Z');
    assert.equal(formatInstant(Date.UTC(2026, 2, 1, 9, 0, 0, 7)), '2026-03-01T09:00:00.007Z');
    assert.equal(formatInstant(Date.UTC(2026, 11, 31, 23, 59, 59, 999)), '2026-12-31T23:59:59.999Z');
  });

  it('R0: the first and last millisecond of a day, one after the other, each get their own day', () => {
    const midnight = Date.UTC(2026, 9, 25);
    assert.equal(formatInstant(midnight - 1), '2026-10-24T23:59:59.999Z');
    assert.equal(formatInstant(midnight), '2026-10-25T00:00:00Z');
    assert.equal(formatInstant(midnight - 1), '2026-10-24T23:59:59.999Z');
  });

  it('R0: instants before 1970, before year 1 and past year 9999 are written as Date writes them', () => {
    assert.equal(formatInstant(-1), '1969-12-31T23:59:59.999Z');
    assert.equal(formatInstant(Date.UTC(-1, 0, 1, 12)), '-000001-01-01T12:00:00Z');
    assert.equal(formatInstant(Date.UTC(10000, 0, 1, 0, 0, 1)), '+010000-01-01T00:00:01Z');
    assert.equal(formatInstant(MAX_MS), '+275760-09-13T00:00:00Z');
    assert.equal(formatInstant(-MAX_MS), '-271821-04-20T00:00:00Z');
  });

  it('writes infinities and NaN as numbers, and a fraction of a millisecond as Date does (truncated)', () => {
    assert.equal(formatInstant(Infinity), 'Infinity');
    assert.equal(formatInstant(-Infinity), '-Infinity');
    assert.equal(formatInstant(NaN), 'NaN');
    assert.equal(formatInstant(1.9), '1970-01-01T00:00:00.001Z');
    assert.equal(formatInstant(-1.9), '1969-12-31T23:59:59.999Z');
  });

  it('past Date\'s range it throws the RangeError Date throws', () => {
    assert.throws(() => formatInstant(MAX_MS + 1), RangeError);
    assert.throws(() => formatInstant(-MAX_MS - 1), RangeError);
  });

  it('R0: any instant in Date\'s range, in any order, is written as toISOString writes it', () => {
    const instant = fc.oneof(
      fc.integer({ min: -MAX_MS, max: MAX_MS }),
      fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
      fc.integer({ min: -86_400_000 * 3, max: 86_400_000 * 3 }),
      fc.double({ min: -MAX_MS, max: MAX_MS, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const ms of instants) assert.equal(formatInstant(ms), expected(ms), `instant ${ms}`);
      }),
      propertyParameters(500),
    );
  });
});
