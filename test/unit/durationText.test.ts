// Specification of src/core/durationText.ts (R0): a duration as people write
// it becomes the ISO 8601 duration the format requires, for the quick fix of
// an invalid duration and for completions; text that is not clearly a
// duration (a month has no fixed length) gives undefined.
import assert from 'node:assert/strict';
import { isoDurationOf } from '../../src/core/durationText';

describe('R0 durations as people write them (isoDurationOf)', () => {
  it('R0: an amount and a unit, in any of its spellings and cases', () => {
    const cases: [string, string][] = [
      ['3 days', 'P3D'], ['1d', 'P1D'], ['2 weeks', 'P2W'], ['1 wk', 'P1W'], ['12 Hours', 'PT12H'], ['2hrs', 'PT2H'],
      ['90 minutes', 'PT90M'], ['5 mins', 'PT5M'], ['30m', 'PT30M'], ['45 seconds', 'PT45S'], ['10 sec', 'PT10S'], ['1 S', 'PT1S'],
    ];
    for (const [text, iso] of cases) assert.equal(isoDurationOf(text), iso, text);
  });

  it('R0: several parts, with or without spaces, commas or "and", in any order, give the ISO order', () => {
    assert.equal(isoDurationOf('1h 30m'), 'PT1H30M');
    assert.equal(isoDurationOf('1h30m'), 'PT1H30M');
    assert.equal(isoDurationOf('2 days, 6 hours and 30 seconds'), 'P2DT6H30S');
    assert.equal(isoDurationOf('30 minutes 1 week'), 'P1WT30M');
  });

  it('R0: surrounding blanks do not matter', () => {
    assert.equal(isoDurationOf('  3 days  '), 'P3D');
    assert.equal(isoDurationOf('\tP1D\n'), 'P1D');
  });

  it('R0: not clearly a duration: empty, a unit twice, an unknown unit, words left over, a month or a year', () => {
    for (const text of ['', '   ', 'soon', '3', '3 days later', 'in 3 days', '1 day 2 days', '1 month', '2 years', '3 fortnights', '1h x']) {
      assert.equal(isoDurationOf(text), undefined, text);
    }
  });

  it('R0: an ISO duration in lower case or without its T is written as the format requires', () => {
    const cases: [string, string][] = [
      ['P3d', 'P3D'], ['p1dt2h', 'P1DT2H'], ['P1H', 'PT1H'], ['p2w', 'P2W'], ['p12w', 'P12W'], ['p10d', 'P10D'],
      ['pt5m', 'PT5M'], ['pt30m', 'PT30M'], ['pt45s', 'PT45S'], ['p1w2dt3h4m5s', 'P1W2DT3H4M5S'], ['P1DT12H', 'P1DT12H'], ['p1h30m', 'PT1H30M'],
    ];
    for (const [text, iso] of cases) assert.equal(isoDurationOf(text), iso, text);
  });

  it('R0: "P1M" is a month in ISO 8601 and is not guessed as minutes, not even after days; with hours, M is minutes', () => {
    assert.equal(isoDurationOf('P1M'), undefined);
    assert.equal(isoDurationOf('p12m'), undefined);
    assert.equal(isoDurationOf('P1D2M'), undefined);
    assert.equal(isoDurationOf('PT1M'), 'PT1M');
    assert.equal(isoDurationOf('P1H2M'), 'PT1H2M');
  });

  it('R0: an ISO-like text that is more or less than a duration gives undefined', () => {
    for (const text of ['P', 'PT', 'p', 'pxyz', 'PxP1D', 'p1dx', 'P1D1D', 'P1Y', 'P-1D', 'P1.5D']) assert.equal(isoDurationOf(text), undefined, text);
  });
});
