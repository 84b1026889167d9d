// A scenario may pin a comparison: "compared with version N (or another
// journey file), nothing changes" or "only these contacts change". Run
// with the scenario runner (as journey test and the Test Explorer run it)
// on the dynamics sample, whose published version 1 is the sample and
// whose current version has its click timeout shortened to 12 hours; by
// hand (R11, the timeline's description): c_nowak, c_wisniewski and
// c_lewandowski change, no one else.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runScenario, type ScenarioFiles } from '../../../src/core/scenarioRunner';
import { simulate } from '../../../src/core/simulator/index';

const SAMPLES = join(__dirname, '../../../samples');
const files: ScenarioFiles = { readText: (path) => readFile(path, 'utf8'), resolve: (from, rel) => resolve(dirname(from), rel) };

/** A folder with the dynamics journey (12-hour timeout), its timeline, and the sample published as version 1. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journey-scenario-compare-'));
  const original = JSON.parse(readFileSync(join(SAMPLES, 'dynamics-product-announcement.journey.json'), 'utf8')) as { $schema?: string; id: string; points: { id: string; timeout?: string }[] };
  delete original.$schema;
  mkdirSync(join(dir, 'published', original.id), { recursive: true });
  writeFileSync(join(dir, 'published', original.id, `${original.id}.v1.journey.json`), JSON.stringify(original, null, 2));
  const current = structuredClone(original);
  current.points.find((p) => p.id === 'p_wait_product_click')!.timeout = 'PT12H';
  writeFileSync(join(dir, 'announcement.journey.json'), JSON.stringify(current, null, 2));
  writeFileSync(join(dir, 'same.journey.json'), JSON.stringify(current));
  const timeline = JSON.parse(readFileSync(join(SAMPLES, 'dynamics-product-announcement.timeline.json'), 'utf8')) as Record<string, unknown>;
  delete timeline['$schema'];
  timeline['journey'] = './announcement.journey.json';
  writeFileSync(join(dir, 'announcement.timeline.json'), JSON.stringify(timeline, null, 2));
  return dir;
}

function scenario(dir: string, expectations: unknown[]): string {
  const file = join(dir, 'compare.scenario.json');
  writeFileSync(file, JSON.stringify({ formatVersion: 1, name: 'Shorter click window', journey: './announcement.journey.json', timeline: './announcement.timeline.json', expectations }, null, 2));
  return file;
}

describe('scenario: comparedWith another version', function () {
  this.timeout(120_000); // CLI runs and generated replays: slow on a busy 2-core machine
  it('"only these contacts change" passes with exactly the contacts derived by hand, against published version 1', async () => {
    const dir = workspace();
    const run = await runScenario(scenario(dir, [{ type: 'comparedWith', with: 1, onlyContacts: ['c_nowak', 'c_wisniewski', 'c_lewandowski'] }]), files, simulate);
    assert.deepEqual(run.problems, []);
    assert.equal(run.results.length, 1);
    assert.equal(run.results[0]!.passed, true, run.results[0]!.message);
    assert.equal(run.results[0]!.title, 'compared with version 1, only c_nowak, c_wisniewski, c_lewandowski change');
  });

  it('"only these contacts change" fails, naming the contact that also changed and the one that did not', async () => {
    const dir = workspace();
    const run = await runScenario(scenario(dir, [{ type: 'comparedWith', with: 1, onlyContacts: ['c_nowak', 'c_wisniewski', 'c_kowalska'] }]), files, simulate);
    assert.equal(run.results[0]!.passed, false);
    assert.equal(run.results[0]!.message, 'also changed: c_lewandowski; unchanged: c_kowalska');
  });

  it('"nothing changes" passes against a copy of the journey (a file path) and fails against version 1, listing the changed contacts', async () => {
    const dir = workspace();
    const run = await runScenario(scenario(dir, [{ type: 'comparedWith', with: './same.journey.json' }, { type: 'comparedWith', with: 1 }]), files, simulate);
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.results.map((r) => r.passed), [true, false]);
    assert.equal(run.results[1]!.actual, 'changed: c_lewandowski, c_nowak, c_wisniewski');
  });

  it('a version that was never published stops the run with the problem located at the expectation, never passes', async () => {
    const dir = workspace();
    const file = scenario(dir, [{ type: 'comparedWith', with: 7 }]);
    const run = await runScenario(file, files, simulate);
    assert.deepEqual(run.results, []);
    assert.equal(run.problems.length, 1);
    const problem = run.problems[0]!;
    assert.equal(problem.file, file);
    assert.equal(problem.diagnostic.code, 'scenario.compare-missing');
    assert.match(problem.diagnostic.message, /version 7 of journey "dynamics-product-announcement" is not published/);
    assert.equal(problem.position?.line, readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"type": "comparedWith"')) - 1, 'the line of the expectation object');
  });

  it('a contact in onlyContacts that the timeline lacks is an error at its place', async () => {
    const dir = workspace();
    const run = await runScenario(scenario(dir, [{ type: 'comparedWith', with: 1, onlyContacts: ['c_nowak', 'c_nowack'] }]), files, simulate);
    assert.deepEqual(run.results, []);
    assert.match(run.problems.map((p) => p.diagnostic.message).join('\n'), /c_nowack/);
  });
});
