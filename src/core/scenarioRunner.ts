// Runs one scenario file: reads and validates the scenario, its journey and
// its timeline (each problem located in its own file), and the other
// versions its comparedWith expectations name, checks that every
// name the scenario and the timeline give exists (scenarioReferences,
// timelineReferences: an unknown one stops the run, so it can never pass),
// simulates, and checks every expectation. Also checks a timeline file on
// its own (schema and names, against its journey when it names one) for
// `journey validate`. File access and the simulator are passed in, so the
// CLI (node fs) and VS Code (workspace.fs) share it.
import { z } from 'zod';
import { compareVersions, type JourneyComparison } from './compare/compareVersions';
import type { JourneyDiagnostic } from './diagnostic';
import { locateFinding } from './journeyNames';
import { type JsonDocument, parseJsonDocument } from './jsonDocument';
import { Scenario } from './scenario';
import { checkScenario, type ExpectationResult } from './scenarioCheck';
import { scenarioReferences } from './scenarioReferences';
import { schemaDiagnostics } from './schemaDiagnostics';
import type { Journey } from './schema';
import type { SimulationOptions, SimulationSnapshot } from './simulator/types';
import { LineIndex, type Position } from './textPosition';
import { parseTimeline, Timeline } from './timeline';
import { timelineReferences } from './timelineReferences';
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
  /** Where the diagnostic starts in its file (zero-based), when the file could be read. */
  position?: Position;
}

const locate = (file: string, text: string) => {
  const lines = new LineIndex(text);
  return (diagnostic: JourneyDiagnostic): FileProblem => ({ file, diagnostic, position: lines.positionAt(diagnostic.offset) });
};

const unreadable = (file: string, error: unknown): FileProblem => ({
  file,
  diagnostic: { code: 'io.unreadable', rule: 'syntax', severity: 'error', message: `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, offset: 0, length: 0, path: [] },
});

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

/** A file's JSON checked against `schema` (`root` names it in messages: "the timeline"), its problems located in it. */
async function readJson<T>(files: ScenarioFiles, file: string, schema: z.ZodType<T>, root: string, parse: (value: unknown) => z.ZodSafeParseResult<T> = (value) => schema.safeParse(value)): Promise<{ value?: T; doc?: JsonDocument; problems: FileProblem[] }> {
  let text: string;
  try {
    text = await files.readText(file);
  } catch (error) {
    return { problems: [unreadable(file, error)] };
  }
  const doc = parseJsonDocument(text);
  const at = locate(file, text);
  if (doc.syntaxErrors.length > 0) return { problems: doc.syntaxErrors.map(at) };
  if (doc.value === undefined) return { problems: [at({ code: 'syntax.empty', rule: 'syntax', severity: 'error', message: `${file} is empty: it must hold a JSON object.`, offset: 0, length: 0, path: [] })] };
  const parsed = parse(doc.value);
  if (!parsed.success) return { problems: schemaDiagnostics(doc, schema, parsed.error.issues, root).map(at) };
  return { value: parsed.data, doc, problems: [] };
}

/** The journey of a file, validated; its errors located in it. */
async function readJourney(files: ScenarioFiles, file: string): Promise<{ journey?: Journey; problems: FileProblem[] }> {
  let text: string;
  try {
    text = await files.readText(file);
  } catch (error) {
    return { problems: [unreadable(file, error)] };
  }
  const result = validateJourneyText(text);
  const problems = result.diagnostics.filter((d) => d.severity === 'error').map(locate(file, text));
  return { ...(result.journey ? { journey: result.journey } : {}), problems };
}

/** The names a timeline gives that its journey lacks, located in the timeline (errors, and with `withWarnings` the likely typos of contact data). */
function timelineNameProblems(timelineFile: string, doc: JsonDocument, timeline: Timeline, journey: Journey, journeyName: string, withWarnings: boolean): FileProblem[] {
  const at = locate(timelineFile, doc.text);
  return timelineReferences(timeline, journey, journeyName)
    .filter((f) => withWarnings || f.severity === 'error')
    .map((f) => at(locateFinding(doc, f)));
}

export interface NameOptions {
  /** How a file is named in messages (e.g. relative to the working folder); defaults to the path itself. */
  displayName?: (file: string) => string;
  /** Report warnings too (likely typos of contact data in the timeline). */
  withWarnings?: boolean;
}

/**
 * Checks a timeline file for `journey validate`: its schema, then, if it
 * names its journey, that journey's validity and every name the timeline
 * gives against it.
 */
export async function checkTimelineFile(file: string, files: ScenarioFiles, options: NameOptions = {}): Promise<FileProblem[]> {
  const read = await readJson(files, file, Timeline, 'the timeline', parseTimeline);
  if (!read.value || !read.doc) return read.problems;
  if (read.value.journey === undefined) return [];
  const journeyFile = files.resolve(file, read.value.journey);
  const journeyRead = await readJourney(files, journeyFile);
  if (!journeyRead.journey) return journeyRead.problems;
  return [...journeyRead.problems, ...timelineNameProblems(file, read.doc, read.value, journeyRead.journey, (options.displayName ?? ((f) => f))(journeyFile), options.withWarnings ?? false)];
}

/**
 * Checks a scenario file without running it, for `journey validate`: its
 * schema, its journey and timeline, and every name both give.
 */
export async function checkScenarioFile(file: string, files: ScenarioFiles, options: NameOptions = {}): Promise<FileProblem[]> {
  const loaded = await loadScenario(file, files, options);
  return loaded.problems;
}

interface LoadedScenario {
  scenario?: Scenario;
  expectationOffsets: number[];
  journey?: Journey;
  journeyFile?: string;
  timeline?: Timeline;
  /** Everything that stops the run (errors), and with `withWarnings` the warnings. */
  problems: FileProblem[];
}

async function loadScenario(file: string, files: ScenarioFiles, options: NameOptions = {}): Promise<LoadedScenario> {
  const name = options.displayName ?? ((f: string) => f);
  const scenarioRead = await readJson(files, file, Scenario, 'the scenario');
  if (!scenarioRead.value || !scenarioRead.doc) return { expectationOffsets: [], problems: scenarioRead.problems };
  const scenario = scenarioRead.value;
  const scenarioDoc = scenarioRead.doc;
  const expectationOffsets = scenario.expectations.map((_, i) => {
    const node = scenarioDoc.root?.children?.find((p) => p.children?.[0]?.value === 'expectations')?.children?.[1]?.children?.[i];
    return node?.offset ?? 0;
  });
  const journeyFile = files.resolve(file, scenario.journey);
  const journeyRead = await readJourney(files, journeyFile);
  const problems = [...journeyRead.problems];
  const timelineFile = files.resolve(file, scenario.timeline);
  const timelineRead = await readJson(files, timelineFile, Timeline, 'the timeline', parseTimeline);
  // One push each, not a spread: a file can have more problems than a call takes arguments.
  for (const problem of timelineRead.problems) problems.push(problem);
  const { journey } = journeyRead;
  const timeline = timelineRead.value;
  if (journey && timeline && timelineRead.doc) {
    problems.push(...timelineNameProblems(timelineFile, timelineRead.doc, timeline, journey, name(journeyFile), options.withWarnings ?? false));
    const at = locate(file, scenarioDoc.text);
    for (const f of scenarioReferences(scenario, journey, timeline, { journey: name(journeyFile), timeline: name(timelineFile) })) problems.push(at(locateFinding(scenarioDoc, f)));
  }
  return { scenario, expectationOffsets, journeyFile, problems, ...(journey ? { journey } : {}), ...(timeline ? { timeline } : {}) };
}

export async function runScenario(file: string, files: ScenarioFiles, simulate: SimulateFn, naming: Pick<NameOptions, 'displayName'> = {}): Promise<ScenarioRun> {
  const started = Date.now();
  const done = (run: Omit<ScenarioRun, 'seconds' | 'file'>): ScenarioRun => ({ file, ...run, seconds: (Date.now() - started) / 1000 });
  const { scenario, expectationOffsets, journey, journeyFile, timeline, problems } = await loadScenario(file, files, naming);
  if (!scenario || !journey || !journeyFile || !timeline || problems.length > 0) return done({ ...(scenario ? { scenario } : {}), expectationOffsets, results: [], problems });

  // The other versions of comparedWith expectations: read and validated before anything runs.
  const others = new Map<number, Journey>();
  for (const [index, e] of scenario.expectations.entries()) {
    if (e.type !== 'comparedWith') continue;
    const otherFile = typeof e.with === 'number' ? files.resolve(journeyFile, `published/${journey.id}/${journey.id}.v${e.with}.journey.json`) : files.resolve(file, e.with);
    let readable = true;
    try {
      await files.readText(otherFile);
    } catch {
      readable = false;
    }
    if (!readable) {
      const text = await files.readText(file);
      const what = typeof e.with === 'number' ? `version ${e.with} of journey "${journey.id}" is not published: there is no ${(naming.displayName ?? ((f: string) => f))(otherFile)}` : `the journey to compare with, ${(naming.displayName ?? ((f: string) => f))(otherFile)}, cannot be read`;
      problems.push(locate(file, text)({ code: 'scenario.compare-missing', rule: 'syntax', severity: 'error', message: `Compared with: ${what}.`, offset: expectationOffsets[index] ?? 0, length: 0, path: ['expectations', index, 'with'] }));
      continue;
    }
    const other = await readJourney(files, otherFile);
    for (const problem of other.problems) problems.push(problem);
    if (other.journey) others.set(index, other.journey);
  }
  if (problems.length > 0) return done({ scenario, expectationOffsets, results: [], problems });

  const options: SimulationOptions = scenario.seed === undefined ? {} : { seed: scenario.seed };
  const comparisons = new Map<number, JourneyComparison>();
  const comparedAt = (index: number): JourneyComparison => {
    let c = comparisons.get(index);
    if (!c) comparisons.set(index, (c = compareVersions(others.get(index)!, journey, timeline, options)));
    return c;
  };
  const snapshots = new Map<number | undefined, SimulationSnapshot>();
  try {
    const results = checkScenario(scenario, (at) => {
      let snapshot = snapshots.get(at);
      if (!snapshot) {
        snapshot = simulate(journey, timeline, at === undefined ? options : { ...options, at });
        snapshots.set(at, snapshot);
      }
      return snapshot;
    }, journey, comparedAt);
    return done({ scenario, expectationOffsets, results, problems });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return done({ scenario, expectationOffsets, results: [], problems: [{ file: journeyFile, diagnostic: { code: 'simulation.failed', rule: 'R14', severity: 'error', message: `The simulation failed: ${message}`, offset: 0, length: 0, path: [] } }] });
  }
}
