// Specification of the timeline skeleton (#19): for every sample journey it
// is a valid timeline naming only what the journey has, with one contact per
// starting point and per branch; replayed, each starting point's contact
// enters there, and each if/else and wait-for-event branch's contact takes
// that branch at that point (a split's branch is the hash's choice, R13).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { successorsOf } from '../../src/core/graph';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { parseTimeline } from '../../src/core/timeline';
import { timelineReferences } from '../../src/core/timelineReferences';
import { timelineSkeleton } from '../../src/core/timelineSkeleton';

const SAMPLES = join(__dirname, '../../samples');
const journeys = readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json'));

describe('timeline skeleton of a journey', () => {
  for (const file of journeys) {
    it(`${file}: one contact per starting point and branch, each taking its way`, () => {
      const journey = Journey.parse(JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')));
      const skeleton = timelineSkeleton(journey, { start: '2026-05-04T07:00:00Z', journeyPath: `./${file}` });
      const parsed = parseTimeline(JSON.parse(JSON.stringify(skeleton)));
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      assert.deepEqual(timelineReferences(skeleton, journey, file).filter((f) => f.severity === 'error'), []);
      const branching = journey.points.filter((p) => p.type === 'ifElse' || p.type === 'waitForEvent' || p.type === 'split');
      const expectedMax = journey.startingPoints.length + branching.reduce((n, p) => n + successorsOf(p).length, 0);
      assert.ok(skeleton.contacts.length >= journey.startingPoints.length && skeleton.contacts.length <= expectedMax, `${skeleton.contacts.length} contacts`);
      const trace = simulate(journey, skeleton, { seed: 1 }).trace;
      for (const sp of journey.startingPoints) {
        const id = `c_${sp.id}`;
        if (journey.kind === 'segment' || sp.trigger.type === 'dateField') continue; // entered by data, on the journey's own schedule
        assert.ok(trace.some((t) => t.contact === id && t.kind === 'enter' && t.point === sp.id), `${id} does not enter at ${sp.id}`);
      }
      for (const point of branching.filter((p) => p.type !== 'split')) {
        for (const s of successorsOf(point)) {
          const id = `c_${point.id}_${s.label}`;
          if (!skeleton.contacts.some((c) => c.id === id)) continue; // not reachable from a starting point
          const taken = trace.filter((t) => t.contact === id && t.point === point.id && t.branch !== undefined).map((t) => t.branch);
          assert.ok(taken.includes(s.label), `${id} took ${taken.join(', ') || 'nothing'} at ${point.id}`);
        }
      }
    });
  }
});
