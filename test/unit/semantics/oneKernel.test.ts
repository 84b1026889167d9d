// One journey semantics (#12): what a contact does is written once, in the
// kernel (src/core/semantics/kernel.ts). The two drivers, the simulator's
// scheduler and the Restate contact machine, call it and keep no progression
// of their own: they switch on no point type. The test reference model stays
// independent of the kernel (it is the oracle the simulator is compared with).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileForSimulation, compileJourney } from '../../../src/core/compiler/compileJourney';
import { Journey } from '../../../src/core/schema';
import { POINT_KIND } from '../../../src/core/semantics/kernelJourney';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The drivers: every module of the simulator's scheduler and of the Restate runtime. */
const DRIVERS = [
  ...readdirSync(join(ROOT, 'src/core/simulator'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/core/simulator/${f}`),
  ...readdirSync(join(ROOT, 'src/restate/runtime'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/restate/runtime/${f}`),
];

/**
 * The modules outside the kernel that may switch on a point type, each
 * because it only describes points or reads them before anything runs; the
 * semantics reference (src/core/semantics.md, "Where point types are
 * decided") says the same.
 */
const DESCRIBING_MODULES: Record<string, string> = {
  'src/core/semantics/kernel.ts': 'the kernel: what each point does',
  'src/core/semantics/kernelJourney.ts': "fromIr: each IR point's facts in the kernel's one shape",
  'src/core/compiler/compileJourney.ts': 'the single translation of journey points into the IR both engines read',
  'src/core/graph.ts': "each point type's successors and edge labels (the journey's structure)",
  'src/core/pointSummary.ts': 'a point described in words (map, hovers)',
  'src/core/edits/newNodes.ts': 'the fields of a new point the editor inserts',
  'webview/inspector/nodeForms.tsx': "the inspector's form for each point type",
  'src/core/rules/reachability.ts': 'validation (R4): which edges take time, read from the source, before anything runs',
  'src/core/timelineSkeleton.ts': 'a test timeline: when each way reaches its points, to place the events',
};

/** Every TypeScript source of the product: the extension and core, the language server, the webview. */
function productSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(relative(ROOT, path).split('\\').join('/'));
    }
  };
  for (const top of ['src', 'language', 'webview']) walk(join(ROOT, top));
  return files;
}

/** Point types that are also everyday words (a timer of kind 'wait', a segment 'end'): their `case` alone proves nothing. */
const COMMON_WORDS = new Set(['wait', 'end', 'exit', 'split']);

/** Ways of deciding what a point does by its type: a switch on a type, a case of a point type, a case on the kernel's kinds. */
function pointTypeDecisions(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/switch \((?:p|pt|point|[\w.]*\.point)\.type\)/g)) found.push(m[0]);
  for (const type of Object.keys(POINT_KIND)) if (!COMMON_WORDS.has(type) && source.includes(`case '${type}'`)) found.push(`case '${type}'`);
  for (const m of source.matchAll(/case K_[A-Z_]+/g)) found.push(m[0]);
  return found;
}

describe('one journey kernel (#12)', () => {
  it('the simulator and the runtime make no decision on a point type: the kernel alone does', () => {
    assert.ok(DRIVERS.includes('src/core/simulator/engine.ts') && DRIVERS.includes('src/restate/runtime/contactMachine.ts'));
    const offenders = DRIVERS.map((path) => ({ path, decisions: pointTypeDecisions(read(path)) })).filter((d) => d.decisions.length > 0);
    assert.deepEqual(offenders, []);
  });

  it('no module switches on a point type outside the kernel, the compiler and the modules that only describe points', () => {
    const sources = productSources();
    assert.ok(sources.includes('src/core/simulator/engine.ts') && sources.includes('webview/App.tsx') && sources.includes('language/server.ts'));
    const offenders = sources.filter((path) => !(path in DESCRIBING_MODULES)).map((path) => ({ path, decisions: pointTypeDecisions(read(path)) })).filter((d) => d.decisions.length > 0);
    assert.deepEqual(offenders, []);
  });

  it('every module of that allow-list still switches on point types (the list names no more than it must)', () => {
    const idle = Object.keys(DESCRIBING_MODULES).filter((path) => pointTypeDecisions(read(path)).length === 0);
    assert.deepEqual(idle, []);
  });

  it('the compiler translates point types in one switch, and the simulator reads the IR it compiles', () => {
    const compiler = read('src/core/compiler/compileJourney.ts');
    assert.equal([...compiler.matchAll(/switch \(\w+\.type\)/g)].length, 1);
    const engine = read('src/core/simulator/engine.ts');
    assert.match(engine, /fromIr\(/);
    assert.doesNotMatch(engine, /fromCompiled|compiledJourney/);
  });

  it('the IR the simulator compiles is the IR a journey is published as (the samples, as version 1)', () => {
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.journey.json'));
    assert.ok(samples.length >= 5);
    for (const file of samples) {
      const journey = Journey.parse(JSON.parse(read(`samples/${file}`)));
      const forSimulation = compileForSimulation(journey);
      assert.deepEqual(forSimulation.unresolved, [], file);
      assert.deepEqual(forSimulation.ir, compileJourney(journey, { version: 1 }), file);
    }
  });

  it('R19/R20: segment runs and date-field ticks are computed by the kernel\'s schedules module, which both drivers call', () => {
    for (const driver of ['src/core/simulator/engine.ts', 'src/restate/runtime/contactMachine.ts', 'src/restate/runtime/runtimeJourney.ts']) {
      const source = read(driver);
      assert.doesNotMatch(source, /wallClockRecurrence|firstRunAtOrAfter|runAt\(|zonedToEpoch|localParts|isLeapYear|daysInMonth/, driver);
    }
    assert.match(read('src/core/simulator/engine.ts'), /from '\.\.\/semantics\/schedules'/);
    assert.match(read('src/restate/runtime/contactMachine.ts'), /from '\.\.\/\.\.\/core\/semantics\/schedules'/);
    assert.match(read('src/restate/runtime/runtimeJourney.ts'), /from '\.\.\/\.\.\/core\/semantics\/schedules'/);
  });

  it('the kernel itself decides on every point type', () => {
    const kernel = read('src/core/semantics/kernel.ts');
    const cases = new Set([...kernel.matchAll(/case (K_[A-Z_]+)/g)].map((m) => m[1]));
    assert.equal(cases.size, Object.keys(POINT_KIND).length);
  });

  it('the test reference model does not use the kernel (it stays an independent oracle)', () => {
    const model = read('test/unit/simulator/referenceModel.ts');
    assert.doesNotMatch(model, /core\/semantics\//);
  });
});
