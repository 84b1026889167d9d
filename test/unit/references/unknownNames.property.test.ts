// Property (#19): a scenario that names, anywhere, a contact, point, content
// item, branch, link or starting point absent from its journey or timeline
// gets a located error and never a pass. Each case takes a sample scenario,
// changes one name in it or in its timeline (a typo of the name, or any
// other id) to one that appears nowhere in the three files, runs it as
// `journey test` does, and checks that it stopped with an error at exactly
// that string; the language server's check of the changed file (what the
// editor shows) has the same error at the same place. Seeded with the
// tests' property seed (test/support/propertySeed.ts, printed; also
// JOURNEY_NAMES_SEED), JOURNEY_NAMES_RUNS runs.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { pathToFileURL } from 'node:url';
import { analyzeCompanion } from '../../../language/companionAnalysis';
import { DocumentAnalysis } from '../../../language/documentAnalysis';
import { nodeWorkspaceFiles } from '../../../language/nodeWorkspaceFiles';
import { runScenario, type ScenarioFiles } from '../../../src/core/scenarioRunner';
import { validateJourneyText } from '../../../src/core/validate';
import { announceSeed, PROPERTY_SEED } from '../../support/propertySeed';
import { simulate } from '../../../src/core/simulator/index';
import { LineIndex } from '../../../src/core/textPosition';

const SEED = process.env.JOURNEY_NAMES_SEED ? Number(process.env.JOURNEY_NAMES_SEED) : PROPERTY_SEED;
const RUNS = Number(process.env.JOURNEY_NAMES_RUNS ?? 60);
const SAMPLES = resolve(__dirname, '../../../samples');
const scenarios = readdirSync(SAMPLES).filter((f) => f.endsWith('.scenario.json')).map((f) => f.replace('.scenario.json', ''));
const files: ScenarioFiles = { readText: (path) => readFile(path, 'utf8'), resolve: (from, rel) => resolve(dirname(from), rel) };

type Json = Record<string, unknown> & { expectations?: Record<string, unknown>[]; events?: Record<string, unknown>[] };
interface Place {
  file: 'scenario' | 'timeline';
  list: 'expectations' | 'events';
  index: number;
  key: string;
}

/** Every name a mutation can change: expectations' contact, point, content, branch; events' content, point, link, startingPoint. */
function places(scenario: Json, timeline: Json): Place[] {
  const found: Place[] = [];
  scenario.expectations!.forEach((e, index) => {
    for (const key of ['contact', 'point', 'content', 'branch']) if (typeof e[key] === 'string') found.push({ file: 'scenario', list: 'expectations', index, key });
  });
  timeline.events!.forEach((e, index) => {
    for (const key of ['content', 'point', 'link', 'startingPoint']) if (typeof e[key] === 'string') found.push({ file: 'timeline', list: 'events', index, key });
  });
  return found;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-';
/** A typo of `name`: a character inserted, deleted or replaced at `at`. */
function typo(name: string, op: number, at: number, char: string): string {
  const i = at % (name.length + 1);
  if (op === 0) return name.slice(0, i) + char + name.slice(i);
  if (op === 1 && name.length > 1) return name.slice(0, Math.min(i, name.length - 1)) + name.slice(Math.min(i, name.length - 1) + 1);
  return name.slice(0, Math.min(i, name.length - 1)) + char + name.slice(Math.min(i, name.length - 1) + 1);
}

describe('unknown names in scenarios and timelines (property, #19)', () => {
  it(`a scenario naming a contact, point, content, branch, link or starting point its files lack gets a located error (in the run and in the editor), never a pass (seed ${SEED}, ${RUNS} runs)`, async function () {
    this.timeout(120_000);
    announceSeed();
    console.log(`      unknown names property: seed ${SEED}, ${RUNS} runs (JOURNEY_PROPERTY_SEED or JOURNEY_NAMES_SEED, JOURNEY_NAMES_RUNS)`);
    const texts = new Map(scenarios.map((s) => [s, { journey: readFileSync(join(SAMPLES, `${s}.journey.json`), 'utf8'), timeline: readFileSync(join(SAMPLES, `${s}.timeline.json`), 'utf8'), scenario: readFileSync(join(SAMPLES, `${s}.scenario.json`), 'utf8') }]));
    const mutation = fc.record({
      sample: fc.constantFrom(...scenarios),
      place: fc.nat(),
      name: fc.oneof(
        fc.record({ op: fc.integer({ min: 0, max: 2 }), at: fc.nat(), char: fc.constantFrom(...ID_CHARS) }),
        fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,20}$/),
      ),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ sample, place: pick, name }) => {
        const original = texts.get(sample)!;
        const scenario = JSON.parse(original.scenario) as Json;
        const timeline = JSON.parse(original.timeline) as Json;
        const all = places(scenario, timeline);
        const place = all[pick % all.length]!;
        const target = (place.file === 'scenario' ? scenario : timeline)[place.list]![place.index]!;
        const old = target[place.key] as string;
        const mutated = typeof name === 'string' ? name : typo(old, name.op, name.at, name.char);
        // Absent from all three files (as a JSON string), and a valid id.
        fc.pre(/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(mutated) && !Object.values(original).some((t) => t.includes(JSON.stringify(mutated))));
        target[place.key] = mutated;

        const dir = mkdtempSync(join(tmpdir(), 'journey-names-'));
        const text = { scenario: JSON.stringify(scenario, null, 2), timeline: JSON.stringify(timeline, null, 2) };
        writeFileSync(join(dir, `${sample}.journey.json`), original.journey);
        writeFileSync(join(dir, `${sample}.timeline.json`), text.timeline);
        writeFileSync(join(dir, `${sample}.scenario.json`), text.scenario);
        const run = await runScenario(join(dir, `${sample}.scenario.json`), files, simulate);

        const where = `${place.file} ${place.list}[${place.index}].${place.key}: "${old}" -> "${mutated}"`;
        assert.deepEqual(run.results.filter((r) => r.passed).map((r) => r.title), [], `${where}: an expectation passed`);
        const file = join(dir, `${sample}.${place.file}.json`);
        const located = run.problems.find((p) => p.file === file && p.diagnostic.code.startsWith('reference.unknown-') && text[place.file].slice(p.diagnostic.offset, p.diagnostic.offset + p.diagnostic.length) === JSON.stringify(mutated));
        assert.ok(located, `${where}: no located error, got ${JSON.stringify(run.problems.map((p) => p.diagnostic.message))}`);
        assert.equal(located.diagnostic.severity, 'error', where);
        assert.match(located.diagnostic.message, new RegExp(`There is no [a-z ]+ ${JSON.stringify(mutated).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in `), where);
        assert.deepEqual(located.position, new LineIndex(text[place.file]).positionAt(located.diagnostic.offset), where);

        // The editor: the language server's check of the changed file says the same at the same place.
        const uri = pathToFileURL(file).toString();
        const editor = await analyzeCompanion(uri, 1, text[place.file], place.file, {
          files: nodeWorkspaceFiles(() => [pathToFileURL(dir).toString()]),
          journeyAnalysis: (u, t) => new DocumentAnalysis(u, 0, t, validateJourneyText(t)),
          clientValidatesSchemas: false,
        });
        const shown = editor.diagnostics.find((d) => d.code === located.diagnostic.code && d.range.start.line === located.position!.line && d.range.start.character === located.position!.character);
        assert.ok(shown, `${where}: the editor does not show it, it shows ${JSON.stringify(editor.diagnostics.map((d) => d.message))}`);
        assert.equal(shown.severity, 1, where);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
