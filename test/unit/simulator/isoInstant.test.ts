// The fast ISO 8601 instant parser must be Date.parse exactly: on generated
// instants of every common form (offsets, leap days, fractions, the edges of
// each field), on near misses that leave the fast path, and on garbage.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // every property here runs from the fixed, printed seed
import { daysFromCivil, IsoInstantParser, parseIsoInstant, utcFromFields } from '../../../src/core/simulator/isoInstant';
import { parseInstant } from '../../../src/core/simulator/timelineInput';
import { SimulationError } from '../../../src/core/simulator/index';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Same number as Date.parse, NaN included, -0 and 0 told apart. */
function assertSame(text: string): void {
  const expected = Date.parse(text);
  const actual = parseIsoInstant(text);
  assert.ok(Object.is(actual, expected), `${JSON.stringify(text)}: ${actual} instead of Date.parse's ${expected}`);
}

const yearArb = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 1970, 1999, 2000, 2024, 2026, 2100, 2400));
/** Parts mostly in range, sometimes just out of it (month 13, day 32, hour 24...). */
const instantArb = fc
  .record({
    year: yearArb,
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{0,5}$/)),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+0100', '+01', '+24:00', '-23:59', '+14:00', ' Z'),
      fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 25 }), m: fc.integer({ min: 0, max: 61 }) }).map(({ sign, h, m }) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
    ),
    separator: fc.constantFrom('T', 'T', 'T', 't', ' '),
  })
  .map((p) => `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction}${p.zone}`);

describe('ISO 8601 instants (fast parser)', () => {
  it('gives Date.parse results on every string one character away from a common instant (each position replaced, dropped or doubled)', () => {
    const bases = ['2026-03-01T09:00:00Z', '2024-02-29T23:59:59.123+01:00', '1999-12-31T00:00:00.5-05:30', '2026-10-25T02:30:00.12Z', '2026-03-01T09:00:00+01:00'];
    const replacements = [...'0123456789', 'a', 'Z', 'z', 'T', 't', '-', '+', ':', '.', ' ', '/', '\u0660'];
    for (const base of bases) {
      for (let i = 0; i <= base.length; i++) {
        for (const c of replacements) {
          assertSame(base.slice(0, i) + c + base.slice(i + 1));
          assertSame(base.slice(0, i) + c + base.slice(i));
        }
        assertSame(base.slice(0, i) + base.slice(i + 1));
      }
    }
  });

  it('gives Date.parse results on generated instants with offsets, leap years, fractions and out-of-range parts', () => {
    fc.assert(
      fc.property(instantArb, (text) => assertSame(text)),
      { numRuns: 20_000 },
    );
  });

  it('gives Date.parse results on every instant the replay sees, second by second and day by day', () => {
    for (let t = Date.parse('2023-12-25T00:00:00Z'); t < Date.parse('2029-03-10T00:00:00Z'); t += 86_400_000 + 3_601_001) {
      const iso = new Date(t).toISOString();
      assertSame(iso);
      assertSame(iso.slice(0, 19) + 'Z');
      assertSame(iso.slice(0, 19) + '+05:30');
      assertSame(iso.slice(0, 19) + '-09:45');
      assertSame(iso.slice(0, 21) + 'Z');
    }
  });

  it('gives Date.parse results on leap days and month ends in leap and common years', () => {
    for (const year of [1900, 1996, 2000, 2023, 2024, 2100, 2400, 0, 4, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 28, 29, 30, 31]) assertSame(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T23:59:59.999Z`);
      }
    }
  });

  it('gives Date.parse results on other forms and on strings that are no instant at all', () => {
    const odd = [
      '',
      'Z',
      'now',
      '2026-03-01',
      '2026-03-01T09:00Z',
      '2026-03-01T09:00:00',
      '2026-03-01T09:00:00.Z',
      '2026-03-01T09:00:00.1234Z',
      '2026-03-01T09:00:00,5Z',
      '+002026-03-01T09:00:00Z',
      '-000001-03-01T09:00:00Z',
      '2026-03-01T09:00:00Z ',
      ' 2026-03-01T09:00:00Z',
      '2026-03-01T09:00:00ZZ',
      '2026-03-01T09:00:00+01:00:00',
      '2026-3-01T09:00:00Z',
      '2026/03/01T09:00:00Z',
      '2026-03-01T09-00-00Z',
      'Sun, 01 Mar 2026 09:00:00 GMT',
      '２０２６-03-01T09:00:00Z',
      '2026-03-01T09:00:00\u0000Z',
    ];
    for (const text of odd) assertSame(text);
    fc.assert(
      fc.property(fc.string({ maxLength: 32 }), (text) => assertSame(text)),
      { numRuns: 5_000 },
    );
  });

  it('reads date and time fields at the edges of their ranges as Date.UTC does, and gives NaN past them (the packed timeline reader calls it directly)', () => {
    const edges: [number, number, number, number, number, number][] = [
      [2026, 1, 1, 0, 0, 0],
      [2024, 12, 31, 23, 59, 59],
      [2024, 2, 29, 12, 30, 30],
      [2026, 2, 28, 0, 0, 0],
      [2026, 4, 30, 0, 0, 0],
      [2026, 1, 28, 0, 0, 0],
    ];
    for (const [y, mo, d, h, mi, s] of edges) assert.equal(utcFromFields(y, mo, d, h, mi, s), Date.UTC(y, mo - 1, d, h, mi, s), `${y}-${mo}-${d} ${h}:${mi}:${s}`);
    const outOfRange: [number, number, number, number, number, number][] = [
      [2026, 0, 1, 0, 0, 0],
      [2026, 13, 1, 0, 0, 0],
      [2026, 1, 0, 0, 0, 0],
      [2026, 2, 29, 0, 0, 0],
      [2026, 4, 31, 0, 0, 0],
      [2026, 1, 32, 0, 0, 0],
      [2026, 1, 1, 24, 0, 0],
      [2026, 1, 1, 0, 60, 0],
      [2026, 1, 1, 0, 0, 60],
    ];
    for (const [y, mo, d, h, mi, s] of outOfRange) assert.ok(Number.isNaN(utcFromFields(y, mo, d, h, mi, s)), `${y}-${mo}-${d} ${h}:${mi}:${s} is out of range`);
  });

  it('counts days from 1970-01-01 like Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 12000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        assert.equal(daysFromCivil(year, month, day) * 86_400_000, new Date(0).setUTCFullYear(year, month - 1, day));
      }),
    );
  });

  it('remembers the last string without mixing up different ones', () => {
    const parser = new IsoInstantParser();
    const texts = ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z', '2026-03-01T09:00:01Z', 'garbage', 'garbage', '2026-03-01T10:00:00+01:00', '2026-03-01T09:00:00Z'];
    for (const text of texts) assert.ok(Object.is(parser.parse(text), Date.parse(text)), text);
  });

  it('leaves the errors of parseInstant as they were', () => {
    assert.equal(parseInstant('2026-03-01T09:00:00+01:00', 'x'), Date.parse('2026-03-01T08:00:00Z'));
    for (const bad of ['2026-03-01T09:00:60Z', 'tomorrow', '2026-03-01T09:00:00+24:00']) {
      assert.throws(
        () => parseInstant(bad, 'events[3].at'),
        (error: unknown) => error instanceof SimulationError && error.code === 'invalid-instant' && error.message === `events[3].at: "${bad}" is not an ISO 8601 instant such as 2026-03-01T09:00:00Z.`,
      );
    }
  });
});
