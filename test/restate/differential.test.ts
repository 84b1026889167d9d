// The differential test of the Restate export: every sample journey with its
// timeline, and generated journeys with generated timelines, are compiled,
// turned into one generated Restate project, run against a real local
// restate-server, and replayed through the ingress in scaled time (one
// journey day lasts between 25 and 400 ms). Each contact's path, sends,
// suppressions and final place must be the simulator's; so must the stats
// and the contact queues; every message reaches the channel adapter exactly
// once; every contact keeps how each of its stays ended, and no stay starts
// a workflow.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import type { Journey } from '../../src/core/schema';
import { simulate, type SimulationResult } from '../../src/core/simulator/index';
import type { Timeline } from '../../src/core/timeline';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { scenarioArb } from '../unit/simulator/arbitraries';
import { TestDeployment } from './support/deployment';
import { invocationsOf } from './support/introspection';
import { sampleCases } from './support/samples';
import { birthdayScenarioArb, segmentScenarioArb } from './support/scheduledScenarios';
import { collectWhenSettled, dayMsFor, replayTimeline, type ReplayPlan, type ReplayResult, settingsFor } from '../../src/restate/timelineReplay';
import { compareTraces, describeDifferences } from '../../src/restate/traceComparison';

const DAY = 86_400_000;
/** Wall time the longest replay should take. */
const TARGET_MS = Number(process.env.RESTATE_REPLAY_MS ?? 10_000);
const GENERATED = Number(process.env.RESTATE_GENERATED ?? 4);

interface Case {
  name: string;
  journey: Journey;
  timeline: Timeline;
  sim: SimulationResult;
  contacts: string[];
}

function makeCase(name: string, journey: Journey, timeline: Timeline): Case | undefined {
  const horizon = timeline.horizon ? Date.parse(timeline.horizon) : Date.parse(timeline.start!) + 6 * DAY;
  const tl = { ...timeline, horizon: new Date(horizon).toISOString() };
  let sim: SimulationResult;
  try {
    sim = simulate(journey, tl);
  } catch {
    return undefined; // a journey the simulator refuses (zero-time cycle) has no trace to compare with
  }
  const contacts = [...new Set([...tl.contacts.map((c) => c.id), ...tl.events.map((e) => e.contact)])];
  return { name, journey, timeline: tl, sim, contacts };
}

/** Generated scenarios worth running against Restate: ones where contacts enter and wait. */
function generated(prefix: string, arb: fc.Arbitrary<[Journey, Timeline]>, n: number, seed: number): Case[] {
  const out: Case[] = [];
  for (const [j, tl] of fc.sample(arb, { numRuns: 60, seed })) {
    if (out.length >= n) break;
    const id = `${prefix}-${out.length + 1}`;
    const c = makeCase(id, { ...j, id, name: `${j.name} ${out.length + 1}` }, tl);
    if (c && c.sim.stats.started >= 2 && c.sim.trace.some((e) => e.kind === 'arrive')) out.push(c);
  }
  return out;
}

const cases: Case[] = [
  ...sampleCases().map((s) => makeCase(s.name, s.journey, s.timeline)!),
  ...generated('gen-trigger', scenarioArb, GENERATED, 61),
  ...generated('gen-segment', segmentScenarioArb, Math.ceil(GENERATED / 2), 62),
  ...generated('gen-birthday', birthdayScenarioArb, Math.ceil(GENERATED / 2), 63),
];

describe('Restate runtime matches the simulator (differential, real restate-server)', function () {
  this.timeout(300_000);
  let deployment: TestDeployment | undefined;
  const results = new Map<string, ReplayResult | Error>();
  const plans = new Map<string, ReplayPlan>();

  before(async function () {
    const irs = cases.map((c) => compileJourney(c.journey));
    // All journeys start together once the service is up, each at its own speed.
    deployment = await TestDeployment.start({
      irs,
      settings: (wallStart) => {
        for (const c of cases) {
          const span = c.sim.horizon! - c.sim.start;
          plans.set(c.name, { journeyId: c.journey.id, timeline: c.timeline, start: c.sim.start, horizon: c.sim.horizon!, seed: c.sim.seed, dayMs: dayMsFor(span, TARGET_MS), wallStart });
        }
        return Object.fromEntries([...plans.values()].map((p) => [p.journeyId, settingsFor(p)]));
      },
    });
    await Promise.all(
      cases.map(async (c) => {
        const client = new JourneyIngressClient(deployment!.server.ingressUrl, c.journey.id);
        const plan = plans.get(c.name)!;
        try {
          await replayTimeline(client, plan);
          results.set(c.name, await collectWhenSettled(client, plan, c.contacts, 60_000));
        } catch (error) {
          results.set(c.name, error as Error);
        }
      }),
    );
  });

  after(async () => {
    await deployment?.close();
  });

  const resultOf = (name: string): ReplayResult => {
    const r = results.get(name);
    if (r === undefined) throw new Error(`${name} did not run`);
    if (r instanceof Error) throw r;
    return r;
  };

  it(`registers one deployment serving the ${cases.length} journeys (Contact, Stay, Stats and query services each)`, () => {
    const names = new Set(deployment!.registered.services.map((s) => s.name));
    for (const c of cases) for (const suffix of ['.Contact', '.Stay', '.Stats', '']) assert.ok(names.has(`journey.${c.journey.id}${suffix}`), `journey.${c.journey.id}${suffix} registered`);
  });

  for (const c of cases) {
    describe(`${c.name} (${c.contacts.length} contacts, ${c.sim.trace.length} simulator trace entries)`, () => {
      it('R7-R20 each contact has the simulator\'s path, sends, suppressions and final place', () => {
        const r = resultOf(c.name);
        const comparisons = compareTraces(c.sim.trace, r.trace, c.contacts);
        assert.ok(comparisons.every((x) => x.same), describeDifferences(c.name, comparisons));
        assert.equal(r.trace.length, c.sim.trace.length);
      });

      it('R15 stats and contact queues per point equal the simulator\'s', () => {
        const { stats } = resultOf(c.name);
        const sim = c.sim;
        assert.deepEqual(
          { started: stats.started, inProgress: stats.inProgress, completed: stats.completed, exited: stats.exited, exitedBy: stats.exitedBy },
          { started: sim.stats.started, inProgress: sim.stats.inProgress, completed: sim.stats.completed, exited: sim.stats.exited, exitedBy: sim.stats.exitedBy },
        );
        for (const [id, p] of Object.entries(sim.points)) {
          const q = stats.points[id]!;
          assert.deepEqual({ entered: q.entered, left: q.left, queued: q.queued, sent: q.sent, suppressed: q.suppressed }, { entered: p.entered, left: p.left, queued: p.queued, sent: p.sent, suppressed: p.suppressed }, `counters of ${id}`);
        }
        assert.equal(stats.late, 0, 'no event arrived after its contact had moved past its instant');
      });

      it('R17 every send reaches the channel adapter exactly once, as the simulator sends it', async () => {
        const r = resultOf(c.name);
        const delivered = deployment!.recorder.messagesOf(c.journey.id).map((m) => `${m.contact} ${m.point} ${m.content} ${m.at}`).sort();
        const expected = c.sim.trace.filter((e) => e.kind === 'send').map((e) => `${e.contact} ${e.point} ${e.outcome} ${e.at}`).sort();
        assert.deepEqual(delivered, expected);
        const attempts = deployment!.recorder.messagesOf(c.journey.id).map((m) => deployment!.recorder.attempts.get(m.idempotencyKey));
        assert.ok(attempts.every((n) => n === 1), `each message was attempted once: ${attempts.join(',')}`);
        assert.equal([...r.reports.values()].reduce((n, x) => n + x.failedDeliveries, 0), 0);
      });

      it('R7 each contact keeps how each of its stays ended; no stay starts a workflow (its waits are the contact\'s own wake-ups)', async () => {
        const r = resultOf(c.name);
        const ends = c.sim.trace.filter((e) => e.kind === 'complete' || e.kind === 'exit');
        assert.ok(ends.length > 0 || c.sim.stats.started === c.sim.stats.inProgress);
        for (const e of ends) {
          const kept = r.reports.get(e.contact)?.stays.find((o) => o.entry === e.entry);
          if (!kept && e.entry <= (r.reports.get(e.contact)?.entry ?? 0) - 16) continue; // only the last 16 stays are kept
          assert.deepEqual(kept && { outcome: kept.outcome, point: kept.point, at: kept.at }, { outcome: e.kind === 'complete' ? 'completed' : 'exited', point: e.point, at: e.at }, `stay ${e.entry} of ${e.contact}`);
        }
        assert.deepEqual(await invocationsOf(deployment!.server.adminUrl, `journey.${c.journey.id}.Stay`), []);
      });
    });
  }
});
