// Runs one scenario file: reads and validates the scenario, its journey and
// its timeline (each problem located in its own file), simulates, and checks
// every expectation. File access and the simulator are passed in, so the
// CLI (node fs) and VS Code (workspace.fs) share it.
import { z } from 'zod';
import type { JourneyDiagnostic } from './diagnostic';
import { type JsonDocument, parseJsonDocument } from './jsonDocument';
import { Scenario } from './scenario';
import { checkScenario, type ExpectationResult } from './scenarioCheck';
import { schemaDiagnostics } from './schemaDiagnostics';
import type { Journey } from './schema';
import type { SimulationOptions, SimulationSnapshot } from './simulator/types';
import { parseTimeline, Timeline } from './timeline';
import { validateJourneyText } from './validate';

export type SimulateFn = (journey: Journey, timeline: Timeline, options: SimulationOptions) => SimulationSnapshot;

export interface ScenarioFiles {
  readText(path: string): Promise<string>;
  /** Resolves `relative` against the folder of the file `from`. */
  resolve(from: string, relative: string): string;
}

export interface FileProblem {
  file: string;
  diagnostic: JourneyDiagnostic;
}

export interface ScenarioRun {
  file: string;
  scenario?: Scenario;
  /** Offsets of each expectation in the scenario text, for locating results. */
  expectationOffsets: number[];
  results: ExpectationResult[];
  /** Problems that stopped the run: unreadable or invalid files, a simulation error. */
  problems: FileProblem[];
  seconds: number;
}

async function readJson<T>(files: ScenarioFiles, file: string, schema: z.ZodType<T>, parse: (value: unknown) => z.ZodSafeParseResult<T> = (value) => schema.safeParse(value)): Promise<{ value?: T; doc?: JsonDocument; problems: FileProblem[] }> {
  let text: string;
  try {
    text = await files.readText(file);
  } catch (error) {
    return { problems: [{ file, diagnostic: { code: 'io.unreadable', rule: 'syntax', severity: 'error', message: `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, offset: 0, length: 0, path: [] } }] };
  }
  const doc = parseJsonDocument(text);
  if (doc.syntaxErrors.length > 0) return { problems: doc.syntaxErrors.map((diagnostic) => ({ file, diagnostic })) };
  const parsed = parse(doc.value);
  if (!parsed.success) return { problems: schemaDiagnostics(doc, schema, parsed.error.issues).map((diagnostic) => ({ file, diagnostic })) };
  return { value: parsed.data, doc, problems: [] };
}

export async function runScenario(file: string, files: ScenarioFiles, simulate: SimulateFn): Promise<ScenarioRun> {
  const started = Date.now();
  const done = (run: Omit<ScenarioRun, 'seconds' | 'file'>): ScenarioRun => ({ file, ...run, seconds: (Date.now() - started) / 1000 });
  const scenarioRead = await readJson(files, file, Scenario);
  if (!scenarioRead.value || !scenarioRead.doc) return done({ expectationOffsets: [], results: [], problems: scenarioRead.problems });
  const scenario = scenarioRead.value;
  const scenarioDoc = scenarioRead.doc;
  const expectationOffsets = scenario.expectations.map((_, i) => {
    const node = scenarioDoc.root?.children?.find((p) => p.children?.[0]?.value === 'expectations')?.children?.[1]?.children?.[i];
    return node?.offset ?? 0;
  });

  const journeyFile = files.resolve(file, scenario.journey);
  let journey: Journey | undefined;
  const problems: FileProblem[] = [];
  try {
    const result = validateJourneyText(await files.readText(journeyFile));
    journey = result.journey;
    // One push each, not a spread: a journey can have more errors than a call takes arguments.
    for (const diagnostic of result.diagnostics) if (diagnostic.severity === 'error') problems.push({ file: journeyFile, diagnostic });
  } catch (error) {
    problems.push({ file: journeyFile, diagnostic: { code: 'io.unreadable', rule: 'syntax', severity: 'error', message: `Cannot read ${journeyFile}: ${error instanceof Error ? error.message : String(error)}`, offset: 0, length: 0, path: [] } });
  }
  const timelineFile = files.resolve(file, scenario.timeline);
  const timelineRead = await readJson(files, timelineFile, Timeline, parseTimeline);
  for (const problem of timelineRead.problems) problems.push(problem);
  if (!journey || !timelineRead.value || problems.length > 0) return done({ scenario, expectationOffsets, results: [], problems });

  const timeline = timelineRead.value;
  const options: SimulationOptions = scenario.seed === undefined ? {} : { seed: scenario.seed };
  const snapshots = new Map<number | undefined, SimulationSnapshot>();
  try {
    const results = checkScenario(scenario, (at) => {
      let snapshot = snapshots.get(at);
      if (!snapshot) {
        snapshot = simulate(journey, timeline, at === undefined ? options : { ...options, at });
        snapshots.set(at, snapshot);
      }
      return snapshot;
    });
    return done({ scenario, expectationOffsets, results, problems });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return done({ scenario, expectationOffsets, results: [], problems: [{ file: journeyFile, diagnostic: { code: 'simulation.failed', rule: 'R14', severity: 'error', message: `The simulation failed: ${message}`, offset: 0, length: 0, path: [] } }] });
  }
}
