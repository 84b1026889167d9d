// The engine's building blocks: the timer heap orders by (time, insertion)
// like a stable sort; local date-times convert to instants across DST gaps
// and overlaps; the engine copes with large replays.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // every property here runs from the fixed, printed seed
import { TimerQueue } from '../../../src/core/simulator/priorityQueue';
import { MAX_LANES, Timers } from '../../../src/core/simulator/timerLanes';
import { simulate, SimulationError } from '../../../src/core/simulator/index';
import { localParts, zonedToEpoch } from '../../../src/core/simulator/zonedTime';
import type { Timeline } from '../../../src/core/timeline';
import { journey, tagTrigger, T } from './helpers';

describe('timer queue (R14 ties by insertion)', () => {
  it('pops in (time, insertion) order, like a stable sort, under interleaved pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = new TimerQueue(2);
        const model: { time: number; n: number }[] = [];
        let n = 0;
        for (const op of ops) {
          if (op >= 0) {
            q.push(op, n % 3, n, n * 10);
            model.push({ time: op, n: n++ });
          } else {
            model.sort((a, b) => a.time - b.time || a.n - b.n);
            const expected = model.shift();
            assert.equal(q.pop(), expected !== undefined);
            if (expected) assert.deepEqual([q.poppedTime, q.poppedA, q.poppedB, q.poppedKind], [expected.time, expected.n, expected.n * 10, expected.n % 3]);
          }
          assert.equal(q.size, model.length);
          assert.equal(q.peekTime(), model.length ? Math.min(...model.map((m) => m.time)) : Infinity);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('timer lanes (R14 ties by insertion across lanes and heap)', () => {
  it('pops in (time, insertion) order like one heap, with fixed-delay lanes beside it and a clock that only goes forward', () => {
    // op: [kind, value]: 0 = push to the heap at now + value, 1 = push to lane (value % lanes) at now + its delay, 2 = pop, 3 = advance now.
    const opArb = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 30 }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }), fc.array(opArb, { maxLength: 300 }), (delays, ops) => {
        const timers = new Timers();
        const lanes = delays.map(() => timers.newLane()!);
        const model: { time: number; n: number }[] = [];
        let now = 0;
        let n = 0;
        for (const [op, value] of ops) {
          if (op === 0 || op === 1) {
            const time = op === 0 ? now + value - 10 : now + delays[value % delays.length]!;
            if (op === 0) timers.push(time, n % 3, n, n * 10);
            else timers.pushToLane(lanes[value % lanes.length]!, time, n % 3, n, n * 10);
            model.push({ time, n: n++ });
          } else if (op === 2) {
            model.sort((a, b) => a.time - b.time || a.n - b.n);
            const expected = model.shift();
            assert.equal(timers.pop(), expected !== undefined);
            if (expected) {
              assert.deepEqual([timers.poppedTime, timers.poppedA, timers.poppedB, timers.poppedKind], [expected.time, expected.n, expected.n * 10, expected.n % 3]);
              if (expected.time > now) now = expected.time;
            }
          } else {
            now += value;
          }
          assert.equal(timers.size, model.length);
          assert.equal(timers.peekTime(), model.length ? Math.min(...model.map((m) => m.time)) : Infinity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order when a lane gets a time before its last one, and has at most MAX_LANES lanes', () => {
    const timers = new Timers();
    const lane = timers.newLane()!;
    timers.pushToLane(lane, 10, 0, 1, 0);
    timers.pushToLane(lane, 5, 0, 2, 0);
    timers.pushToLane(lane, 10, 0, 3, 0);
    const popped: number[] = [];
    while (timers.pop()) popped.push(timers.poppedA);
    assert.deepEqual(popped, [2, 1, 3]);
    for (let k = 1; k < MAX_LANES; k++) assert.notEqual(timers.newLane(), undefined);
    assert.equal(timers.newLane(), undefined);
  });
});

describe('R10 local date-times in time zones', () => {
  it('reads a local time in its zone, moving forward across a DST gap and taking the earlier of an overlap', () => {
    const at = (text: string, zone: string) => {
      const [d, t] = text.split('T') as [string, string];
      const [year, month, day] = d.split('-').map(Number) as [number, number, number];
      const [hour, minute] = t.split(':').map(Number) as [number, number];
      return new Date(zonedToEpoch({ year, month, day, hour, minute, second: 0 }, zone)).toISOString();
    };
    assert.equal(at('2026-01-15T09:00', 'Europe/Berlin'), '2026-01-15T08:00:00.000Z');
    assert.equal(at('2026-07-15T09:00', 'Europe/Berlin'), '2026-07-15T07:00:00.000Z');
    assert.equal(at('2026-03-29T02:30', 'Europe/Berlin'), '2026-03-29T01:30:00.000Z'); // gap: 03:30 CEST
    assert.equal(at('2026-10-25T02:30', 'Europe/Berlin'), '2026-10-25T00:30:00.000Z'); // overlap: the CEST one
    assert.equal(at('2026-03-08T02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z'); // gap: 03:30 EDT
    assert.equal(at('2026-05-04T10:00', 'Europe/Warsaw'), '2026-05-04T08:00:00.000Z');
    assert.equal(at('2026-05-04T10:00', 'Asia/Kolkata'), '2026-05-04T04:30:00.000Z');
    assert.equal(at('2026-05-04T10:00', 'UTC'), '2026-05-04T10:00:00.000Z');
  });

  it('round-trips instants through local parts in any zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: T('2000-01-01T00:00:00Z') / 60_000, max: T('2040-01-01T00:00:00Z') / 60_000 }), fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'UTC'), (minutes, zone) => {
        const e = minutes * 60_000;
        const p = localParts(e, zone);
        const back = zonedToEpoch(p, zone);
        assert.ok(back <= e && e - back <= 3_600_000);
        assert.deepEqual(localParts(back, zone), p);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an unknown time zone with a clear error', () => {
    const j = journey({
      settings: { timeZone: 'Mars/Olympus_Mons' },
      startingPoints: [tagTrigger('sp', 'go', 'e')],
      points: [{ id: 'e', type: 'end' }],
    });
    assert.throws(() => simulate(j, { formatVersion: 1, contacts: [], events: [] }), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-time-zone' && /Mars\/Olympus_Mons/.test(e.message));
  });
});

describe('scale', function () {
  this.timeout(30_000);
  it('replays 100 000 contacts with 200 000 events and keeps the books balanced', () => {
    const n = 100_000;
    const j = journey({
      content: [{ id: 'promo', channel: 'email', status: 'ready' }],
      startingPoints: [tagTrigger('sp', 'go', 'm')],
      points: [
        { id: 'm', type: 'sendEmail', content: 'promo', next: 'wfe' },
        { id: 'wfe', type: 'waitForEvent', event: { type: 'emailOpened', point: 'm' }, timeout: 'P2D', branches: { yes: 'split', timeout: 'e' } },
        {
          id: 'split',
          type: 'split',
          branches: [
            { percent: 50, next: 'w' },
            { percent: 50, next: 'e' },
          ],
        },
        { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const contacts: Timeline['contacts'] = [];
    const events: Timeline['events'] = [];
    const base = T('2026-03-02T00:00:00Z');
    for (let i = 0; i < n; i++) {
      contacts.push({ id: `c${i}` });
      events.push({ at: new Date(base + (i % 1440) * 60_000).toISOString(), contact: `c${i}`, type: 'tagAdded', tag: 'go' });
      if (i % 2 === 0) events.push({ at: new Date(base + 86_400_000 + (i % 1440) * 60_000).toISOString(), contact: `c${i}`, type: 'emailOpened', point: 'm' });
    }
    const started = Date.now();
    const r = simulate(j, { formatVersion: 1, seed: 1, contacts, events }, { trace: false });
    const ms = Date.now() - started;
    assert.equal(r.stats.started, n);
    assert.equal(r.stats.completed, n);
    assert.equal(r.points.wfe?.left, n);
    assert.equal(r.points.split?.entered, n / 2);
    assert.ok(Math.abs(r.points.w!.entered - n / 4) < n / 50);
    assert.ok(ms < 20_000, `took ${ms} ms`);
  });
});
