// Specification of the progress lines of a long `journey simulate` (#16,
// src/cli/progressReport.ts): a step's lines at most once per interval, its
// end always, each with its percentage.
import assert from 'node:assert/strict';
import { ProgressReport } from '../../src/cli/progressReport';

describe('progress lines of journey simulate (#16)', () => {
  it('says a step at most once a second, with its percentage, and always its end', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new ProgressReport({ write: (l) => lines.push(l), everyMs: 1000, now: () => now });
    const size = 600 * 2 ** 20;
    for (let read = 0; read < size; read += 4 * 2 ** 20) {
      now += 100; // a window of 4 MB every 100 ms: one line per 10 windows
      progress.reading('t.timeline.json', read, size);
    }
    progress.reading('t.timeline.json', size, size);
    assert.equal(lines.length, 16, lines.join('\n'));
    assert.equal(lines[0], 'journey simulate: reading t.timeline.json: 6% (36 of 600 MB)');
    assert.equal(lines.at(-1), 'journey simulate: reading t.timeline.json: 100% (600 of 600 MB)');
    now += 10;
    progress.replaying(1_000, 4_919_756);
    assert.equal(lines.length, 16, 'not again within the second');
    now += 1000;
    progress.replaying(2_459_878, 4_919_756);
    assert.equal(lines.at(-1), 'journey simulate: replaying: 50% (2,459,878 of 4,919,756 events)');
    progress.replaying(4_919_756, 4_919_756);
    assert.equal(lines.at(-1), 'journey simulate: replaying: 100% (4,919,756 of 4,919,756 events)');
  });

  it('sizes under 10 MB with one decimal, larger ones whole; an empty step is 100%', () => {
    const lines: string[] = [];
    const progress = new ProgressReport({ write: (l) => lines.push(l), everyMs: 0, now: () => 0 });
    progress.reading('t.timeline.json', 2.25 * 2 ** 20, 9.5 * 2 ** 20);
    progress.reading('t.timeline.json', 10.4 * 2 ** 20, 20.6 * 2 ** 20);
    progress.replaying(0, 0);
    assert.deepEqual(lines, [
      'journey simulate: reading t.timeline.json: 23% (2.3 of 9.5 MB)',
      'journey simulate: reading t.timeline.json: 50% (10 of 21 MB)',
      'journey simulate: replaying: 100% (0 of 0 events)',
    ]);
  });

  it('by default a line at most once a second of the clock given', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new ProgressReport({ write: (l) => lines.push(l), now: () => now });
    now = 999;
    progress.replaying(1, 10);
    assert.deepEqual(lines, [], 'not within the first second');
    now = 1000;
    progress.replaying(2, 10);
    assert.deepEqual(lines, ['journey simulate: replaying: 20% (2 of 10 events)']);
  });

  it('by default the clock is the process\'s: a step\'s end is said at once, a step\'s middle not within a second', () => {
    const lines: string[] = [];
    const progress = new ProgressReport({ write: (l) => lines.push(l) });
    progress.replaying(1, 10);
    progress.replaying(10, 10);
    assert.deepEqual(lines, ['journey simulate: replaying: 100% (10 of 10 events)']);
  });
});
