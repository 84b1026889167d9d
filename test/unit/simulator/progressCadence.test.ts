// Specification of how often a replay reports its progress
// (SimulationOptions.onProgress, #16): "now and then (every few ten thousand
// events)", in both replay strategies: the counts ascend, end with all the
// events, include one half-way, and two reports before the last are never
// closer than 10,000 events (a report per event or per contact would cost
// the replay its speed). A replay without onProgress gives the same snapshot.
// Small next to replayProgress.test.ts: one contact and 65,540 events in
// time order, 16,388 contacts with one event each contact by contact.
import assert from 'node:assert/strict';
import { simulate, type SimulationOptions } from '../../../src/core/simulator/index';
import type { Timeline } from '../../../src/core/timeline';
import { journey, tagTrigger } from './helpers';

const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
const AT = '2026-03-02T09:00:00Z';

/** `events` purchase events, for contacts c0..c(contacts - 1) in turn, all at one instant (written as data: no schema pass over 65,000 events). */
function manyEvents(contacts: number, events: number): Timeline {
  return {
    formatVersion: 1,
    contacts: Array.from({ length: contacts }, (_, k) => ({ id: `c${k}` })),
    events: Array.from({ length: events }, (_, k) => ({ at: AT, contact: `c${k % contacts}`, type: 'purchase' as const, product: 'p' })),
  };
}

function assertCadence(reports: [number, number][], events: number): void {
  assert.deepEqual(reports.at(-1), [events, events]);
  assert.ok(reports.every(([done, total], k) => total === events && done <= total && (k === 0 || done >= reports[k - 1]![0])), 'ascending, of all the events');
  assert.ok(reports.some(([done]) => done > 0 && done < events), 'a report half-way');
  for (let k = 1; k < reports.length - 1; k++) assert.ok(reports[k]![0] - reports[k - 1]![0] >= 10_000, `reports ${k - 1} and ${k} are ${reports[k]![0] - reports[k - 1]![0]} events apart`);
}

describe('how often a replay reports its progress (#16)', function () {
  this.timeout(60_000);
  for (const [strategy, tl, options] of [
    ['in time order', manyEvents(1, 65_540), { trace: false, replayOrder: 'time' }],
    ['contact by contact', manyEvents(16_388, 16_388), { trace: false }],
  ] as [string, Timeline, SimulationOptions][]) {
    it(`${strategy}: every few ten thousand events, ascending, one half-way, ending with all; the same snapshot as without onProgress`, () => {
      const reports: [number, number][] = [];
      const shown = simulate(j, tl, { ...options, onProgress: (done, total) => reports.push([done, total]) });
      assertCadence(reports, tl.events.length);
      assert.deepStrictEqual(simulate(j, tl, options), shown);
    });
  }
});
