// The editor's simulation without the UI (#16), on the benchmark journey and
// N contacts (the generated timeline of bench:simulate, trace on as in the
// editor): (1) "simulate to the overlay": the host-side path from the
// journey text and timeline to the overlay message the webview gets
// (validate, replay to the end, the scrubber's steps, mapOverlay, JSON of
// the message); (2) scrubber steps: the time of one step the way it was
// before #16 (a replay from the start to the step's instant) against a step
// of the SimulationScrubber (forward, back within its cache, back past it),
// measured on the same run. Goals: (1) ≤ 3 s; (2) a step ≤ 50 ms (forward
// and cached back steps; a back step past the cache is one replay for 8
// steps and is printed). Exit 1 when missed. The machine may be loaded.
// Usage: npm run bench:scrub  (BENCH_SCRUB_CONTACTS, default 100000)
import { cpus, loadavg } from 'node:os';
import { SimulationScrubber } from '../../src/core/simulationScrubber';
import { instantsOf, mapOverlay } from '../../src/core/simulationView';
import { createSimulation } from '../../src/core/simulator/index';
import { validateJourneyText } from '../../src/core/validate';
import { benchJourney } from './simulate/benchJourney';
import { benchTimeline } from './simulate/benchTimeline';

const CONTACTS = Number(process.env['BENCH_SCRUB_CONTACTS'] ?? 100_000);
const STEPS = 20;
const GOAL_OVERLAY_MS = 3000;
const GOAL_STEP_MS = 50;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

function main(): void {
  const journeyText = JSON.stringify(benchJourney(), null, 2);
  const timeline = benchTimeline(CONTACTS);
  console.log(`editor simulation without the UI: ${CONTACTS.toLocaleString('en-US')} contacts, ${timeline.events.length.toLocaleString('en-US')} events, trace on; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const [instants, overlayMs] = timed(() => {
    const journey = validateJourneyText(journeyText).journey!;
    const end = createSimulation(journey, timeline).run().snapshot();
    const steps = instantsOf(end);
    JSON.stringify({ type: 'overlay', overlay: mapOverlay(end, undefined) });
    return steps;
  });
  const journey = validateJourneyText(journeyText).journey!;
  console.log(`  simulate to the overlay message: ${ms(overlayMs)} (${instants.length.toLocaleString('en-US')} scrubber steps)`);

  const middle = Math.floor(instants.length / 2);
  const before: number[] = [];
  for (let k = 0; k < 3; k++) before.push(timed(() => createSimulation(journey, timeline).advanceTo(instants[middle + k]!).snapshot())[1]);
  const scrubber = new SimulationScrubber(() => createSimulation(journey, timeline), instants);
  const [, firstMs] = timed(() => scrubber.snapshotAt(middle));
  const forward: number[] = [];
  for (let k = 1; k <= STEPS; k++) forward.push(timed(() => scrubber.snapshotAt(middle + k))[1]);
  const backCached: number[] = [];
  for (let k = STEPS - 1; k >= 0; k--) backCached.push(timed(() => scrubber.snapshotAt(middle + k))[1]);
  const [, backMissMs] = timed(() => scrubber.snapshotAt(middle - 30));
  console.log(`  one step before #16 (replay from the start to the step): median ${ms(median(before))} of 3`);
  console.log(`  scrubber: first step (replay from the start + 8 steps kept) ${ms(firstMs)}; step forward median ${ms(median(forward))} (max ${ms(Math.max(...forward))}) of ${STEPS}; step back, cached, median ${ms(median(backCached))} of ${STEPS}; step back past the cache ${ms(backMissMs)} (one replay for 8 steps)`);
  console.log(`  ratio, step before #16 / step forward now: ${(median(before) / median(forward)).toFixed(0)}×`);
  const overlayMet = overlayMs <= GOAL_OVERLAY_MS;
  const stepMet = median(forward) <= GOAL_STEP_MS && median(backCached) <= GOAL_STEP_MS;
  console.log(`goal simulate to overlay ≤ ${GOAL_OVERLAY_MS} ms: ${overlayMet ? 'met' : 'NOT met'}; goal step ≤ ${GOAL_STEP_MS} ms (forward and cached back): ${stepMet ? 'met' : 'NOT met'}; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (!overlayMet || !stepMet) process.exitCode = 1;
}

main();
