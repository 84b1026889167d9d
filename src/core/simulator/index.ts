// The simulator's public API: `simulate` for a one-shot replay and
// `createSimulation` for stepping (advanceTo / snapshot). Pure: no `vscode`.
import type { Journey } from '../schema';
import type { PackedTimeline } from '../packedTimeline';
import type { Timeline } from '../timeline';
import { Simulation } from './engine';
import type { SimulationOptions, SimulationResult } from './types';

export { Simulation } from './engine';
export { SimulationError, type SimulationErrorCode } from './errors';
export { formatInstant, parseInstant } from './timelineInput';
export { FREQUENCY_PERIOD_MS, isMarketingJourney, isTransactional } from './sendConsent';
export { splitUnit, chooseBranch } from './splitHash';
export * from './types';
export { formatReport, formatStats, reportJson } from './report';

/** A simulation to step through: `advanceTo(t)` then `snapshot()`. */
export function createSimulation(journey: Journey, timeline: Timeline | PackedTimeline, options: SimulationOptions = {}): Simulation {
  return new Simulation(journey, timeline, options);
}

/** Replays the timeline to `options.at` (default: the end of the replay) and reports that instant. */
export function simulate(journey: Journey, timeline: Timeline | PackedTimeline, options: SimulationOptions = {}): SimulationResult {
  const sim = new Simulation(journey, timeline, options);
  if (options.at !== undefined) sim.advanceTo(options.at);
  else sim.run();
  return sim.snapshot();
}
