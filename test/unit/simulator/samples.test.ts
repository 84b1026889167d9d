// Every sample journey in samples/ replays its timeline (or an empty one)
// without error, and its stats are conserved at every instant of the trace,
// where a replay without a trace gives the same snapshot.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation, simulate } from '../../../src/core/simulator/index';
import { Timeline } from '../../../src/core/timeline';
import { validateJourneyText } from '../../../src/core/validate';

const SAMPLES = join(__dirname, '../../../samples');
const journeys = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json')) : [];

describe('samples simulate', () => {
  it('finds sample journeys', () => {
    assert.ok(journeys.length > 0, 'no samples/*.journey.json');
  });

  for (const file of journeys) {
    const timelineFile = file.replace(/\.journey\.json$/, '.timeline.json');
    it(`${file} replays ${existsSync(join(SAMPLES, timelineFile)) ? timelineFile : 'an empty timeline'} with conserved stats`, () => {
      const { journey, diagnostics } = validateJourneyText(readFileSync(join(SAMPLES, file), 'utf8'));
      assert.ok(journey, JSON.stringify(diagnostics.slice(0, 3)));
      const timeline = existsSync(join(SAMPLES, timelineFile))
        ? Timeline.parse(JSON.parse(readFileSync(join(SAMPLES, timelineFile), 'utf8')))
        : Timeline.parse({ formatVersion: 1, start: '2026-01-01T00:00:00Z', horizon: '2026-12-31T00:00:00Z', contacts: [], events: [] });
      const result = simulate(journey, timeline);
      const sim = createSimulation(journey, timeline);
      const untraced = createSimulation(journey, timeline, { trace: false });
      for (const t of [...new Set(result.trace.map((e) => e.at))]) {
        const s = sim.advanceTo(t).snapshot();
        assert.equal(s.stats.started, s.stats.inProgress + s.stats.completed + s.stats.exited);
        assert.equal(Object.values(s.queues).flat().length, s.stats.inProgress);
        for (const [id, c] of Object.entries(s.points)) assert.equal(c.entered, c.left + c.queued, id);
        // Without a trace (contact by contact, when the journey has no clock-driven entries): the same snapshot.
        assert.deepEqual(untraced.advanceTo(t).snapshot(), { ...s, trace: [] });
      }
      assert.deepEqual(sim.run().snapshot(), result);
      assert.equal(result.stats.started, result.stats.inProgress + result.stats.completed + result.stats.exited);
    });
  }
});
