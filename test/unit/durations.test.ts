// Specification of src/core/durations.ts: the ISO 8601 durations of the
// journey format (weeks, days, hours, minutes, seconds; a day is 24 hours)
// parsed to milliseconds, and said in words, largest units first.
import assert from 'node:assert/strict';
import { DAY, describeDuration, formatDuration, HOUR, MINUTE, parseDuration, SECOND, WEEK } from '../../src/core/durations';

describe('durations (parseDuration, formatDuration, describeDuration)', () => {
  it('each unit has its length in milliseconds; a day is 24 hours, a week 7 days', () => {
    assert.deepEqual([SECOND, MINUTE, HOUR, DAY, WEEK], [1000, 60_000, 3_600_000, 86_400_000, 604_800_000]);
  });

  it('a duration is the sum of its parts', () => {
    assert.equal(parseDuration('PT30S'), 30 * SECOND);
    assert.equal(parseDuration('PT1M30S'), 90 * SECOND);
    assert.equal(parseDuration('PT2H15M'), 2 * HOUR + 15 * MINUTE);
    assert.equal(parseDuration('P2DT6H'), 2 * DAY + 6 * HOUR);
    assert.equal(parseDuration('P1W2DT3H4M5S'), WEEK + 2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND);
    assert.equal(parseDuration('P0D'), 0);
  });

  it('text that is not a duration of the format gives undefined', () => {
    for (const text of ['', 'P', 'PT', 'P1DT', '1D', 'P1H', 'P1.5D', 'p1d', 'P1Y', 'P1M', 'PT-1S', 'P1D ', 'garbage']) {
      assert.equal(parseDuration(text), undefined, text);
    }
  });

  it('in words: largest units first, singular for one, nothing for a zero unit', () => {
    assert.equal(formatDuration(2 * DAY + 6 * HOUR), '2 days 6 hours');
    assert.equal(formatDuration(WEEK + DAY + HOUR + MINUTE + SECOND), '1 week 1 day 1 hour 1 minute 1 second');
    assert.equal(formatDuration(90 * SECOND), '1 minute 30 seconds');
  });

  it('zero is "0 seconds"; less than a second is said in milliseconds', () => {
    assert.equal(formatDuration(0), '0 seconds');
    assert.equal(formatDuration(500), '500 ms');
  });

  it('describeDuration says a duration in words and leaves other text as it is', () => {
    assert.equal(describeDuration('P1D'), '1 day');
    assert.equal(describeDuration('PT36H'), '1 day 12 hours');
    assert.equal(describeDuration('tomorrow'), 'tomorrow');
  });
});
