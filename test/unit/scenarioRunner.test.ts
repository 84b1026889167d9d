// Specification of the scenario runner (`journey test`, the Test Explorer,
// `journey validate` of scenarios and timelines), over files held in memory
// (the runner reads through ScenarioFiles, as VS Code's workspace.fs does)
// and the real simulator: a scenario runs only when its scenario, journey
// and timeline are readable and valid and every name they give exists; any
// problem stops the run, located in its own file, and a scenario that cannot
// run has no result that could pass.
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { checkScenarioFile, checkTimelineFile, runScenario, type ScenarioFiles, type SimulateFn } from '../../src/core/scenarioRunner';
import { simulate } from '../../src/core/simulator/index';
import { tagJourney } from '../support/tagJourney';

/** Files in memory by absolute path; reading any other path fails as a missing file does. */
function memory(texts: Record<string, string>): ScenarioFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readText: async (path) => {
      reads.push(path);
      const text = texts[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    resolve: (from, rel) => posix.resolve(posix.dirname(from), rel),
  };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const timeline = (contacts = ['c1', 'c2'], extra: object = {}) =>
  json({ formatVersion: 1, ...extra, contacts: contacts.map((id) => ({ id })), events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'vip' }] });
const scenario = (expectations: unknown[], extra: object = {}) => json({ formatVersion: 1, name: 'Tagged contacts', journey: './tag.journey.json', timeline: './tag.timeline.json', expectations, ...extra });
const enters = { type: 'passes', contact: 'c1', point: 'p_tag' };
const stays = { type: 'neverEnters', contact: 'c2' };

/** A folder /w with the tag journey, a timeline and the scenario given. */
const folder = (scenarioText: string, more: Record<string, string> = {}) =>
  memory({ '/w/tag.journey.json': tagJourney(), '/w/tag.timeline.json': timeline(), '/w/s.scenario.json': scenarioText, ...more });

/** The real simulator, counting its runs and recording their options. */
function countingSimulate(): SimulateFn & { calls: object[] } {
  const calls: object[] = [];
  const fn = ((j, t, o) => {
    calls.push(o);
    return simulate(j, t, o);
  }) as SimulateFn & { calls: object[] };
  fn.calls = calls;
  return fn;
}

describe('scenario runner: a scenario that runs', () => {
  it('checks every expectation against the replay, in order, with the offset of each expectation in the scenario text', async () => {
    const text = scenario([enters, stays]);
    const run = await runScenario('/w/s.scenario.json', folder(text), simulate);
    assert.deepEqual(run.problems, []);
    assert.equal(run.file, '/w/s.scenario.json');
    assert.equal(run.scenario?.name, 'Tagged contacts');
    assert.deepEqual(run.results.map((r) => [r.index, r.title, r.passed]), [[0, 'c1 passes p_tag', true], [1, 'c2 never enters', true]]);
    const objects = [...text.matchAll(/\{\n\s+"type"/g)].map((m) => m.index);
    assert.deepEqual(run.expectationOffsets, objects);
    assert.ok(run.seconds >= 0 && run.seconds < 60, `${run.seconds} s`);
  });

  it('replays once at the end and once per instant asked, with the scenario\'s seed (R13)', async () => {
    const sim = countingSimulate();
    const at = '2026-01-01T12:00:00Z';
    const text = scenario([enters, stays, { type: 'inQueue', contact: 'c1', point: 'p_wait', at }, { type: 'endsAt', contact: 'c1', point: 'p_wait', at }, { type: 'endsAt', contact: 'c1', point: 'p_end' }], { seed: 42 });
    const run = await runScenario('/w/s.scenario.json', folder(text), sim);
    assert.deepEqual(run.results.map((r) => r.passed), [true, true, true, true, true], JSON.stringify(run.results));
    assert.deepEqual(sim.calls, [{ seed: 42 }, { seed: 42, at: Date.parse(at) }]);
  });

  it('without a seed the replay gets no seed option (the timeline\'s own seed applies)', async () => {
    const sim = countingSimulate();
    await runScenario('/w/s.scenario.json', folder(scenario([enters])), sim);
    assert.deepEqual(sim.calls, [{}]);
  });

  it('a failing expectation is a result that did not pass, not a problem', async () => {
    const run = await runScenario('/w/s.scenario.json', folder(scenario([{ type: 'neverEnters', contact: 'c1' }])), simulate);
    assert.deepEqual(run.problems, []);
    assert.equal(run.results[0]!.passed, false);
  });

  it('R4: warnings of the journey do not stop the run', async () => {
    const warned = tagJourney().replace('{\n      "id": "p_end",', '{\n      "id": "p_spare",\n      "type": "end"\n    },\n    {\n      "id": "p_end",');
    const run = await runScenario('/w/s.scenario.json', folder(scenario([enters]), { '/w/tag.journey.json': warned }), simulate);
    assert.deepEqual(run.problems, []);
    assert.equal(run.results.length, 1);
  });

  it('a simulation that fails stops the run: an R14 error at the journey, no result', async () => {
    const failing: SimulateFn = () => {
      throw new Error('out of memory');
    };
    const run = await runScenario('/w/s.scenario.json', folder(scenario([enters])), failing);
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.problems, [{ file: '/w/tag.journey.json', diagnostic: { code: 'simulation.failed', rule: 'R14', severity: 'error', message: 'The simulation failed: out of memory', offset: 0, length: 0, path: [] } }]);
    const odd: SimulateFn = () => {
      throw 'stack exhausted';
    };
    assert.equal((await runScenario('/w/s.scenario.json', folder(scenario([enters])), odd)).problems[0]!.diagnostic.message, 'The simulation failed: stack exhausted');
  });
});

describe('scenario runner: a scenario that cannot run counts as failed (problems, no result)', () => {
  it('an unreadable scenario: "Cannot read" with the reason, at the start of the file, nothing else read', async () => {
    const files = memory({});
    const run = await runScenario('/w/missing.scenario.json', files, simulate);
    assert.deepEqual(run.results, []);
    assert.equal(run.scenario, undefined);
    assert.deepEqual(run.expectationOffsets, []);
    assert.deepEqual(run.problems, [{ file: '/w/missing.scenario.json', diagnostic: { code: 'io.unreadable', rule: 'syntax', severity: 'error', message: "Cannot read /w/missing.scenario.json: ENOENT: no such file, open '/w/missing.scenario.json'", offset: 0, length: 0, path: [] } }]);
    assert.deepEqual(files.reads, ['/w/missing.scenario.json']);
  });

  it('a reason that is not an Error is given as text', async () => {
    const files: ScenarioFiles = {
      readText: () => Promise.reject('permission denied'),
      resolve: (from, rel) => posix.resolve(posix.dirname(from), rel),
    };
    const run = await runScenario('/w/s.scenario.json', files, simulate);
    assert.equal(run.problems[0]!.diagnostic.message, 'Cannot read /w/s.scenario.json: permission denied');
  });

  it('a scenario that is not JSON: its syntax errors, located by line and column', async () => {
    const run = await runScenario('/w/s.scenario.json', folder('{\n  "formatVersion": 1,\n  oops\n}\n'), simulate);
    assert.deepEqual(run.results, []);
    assert.ok(run.problems.length > 0);
    assert.deepEqual([run.problems[0]!.file, run.problems[0]!.position], ['/w/s.scenario.json', { line: 2, character: 2 }]);
    assert.match(run.problems[0]!.diagnostic.code, /^syntax\./);
  });

  it('a scenario against its schema: located problems naming "the scenario"; a misspelt key is one of them (never ignored)', async () => {
    const text = json({ formatVersion: 1, name: 's', journey: './tag.journey.json', timeline: './tag.timeline.json', expectations: [{ type: 'neverEnters', contact: 'c1', contcat: 'c2' }] });
    const run = await runScenario('/w/s.scenario.json', folder(text), simulate);
    assert.deepEqual(run.results, []);
    assert.equal(run.problems.length, 1, JSON.stringify(run.problems));
    const p = run.problems[0]!;
    assert.equal(p.file, '/w/s.scenario.json');
    assert.match(p.diagnostic.message, /contcat/);
    assert.equal(p.position?.line, text.split('\n').findIndex((l) => l.includes('"contcat"')));
    const missing = await runScenario('/w/s.scenario.json', folder(json({ name: 's', journey: 'j', timeline: 't', expectations: [enters] })), simulate);
    assert.match(missing.problems[0]!.diagnostic.message, /Missing property "formatVersion" in the scenario/);
  });

  it('an unreadable journey and a timeline with schema problems: both reported, each in its own file, journey first', async () => {
    const files = memory({ '/w/s.scenario.json': scenario([enters]), '/w/tag.timeline.json': json({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [{ at: 'soon', contact: 'c1', type: 'tagAdded', tag: 'vip' }] }) });
    const run = await runScenario('/w/s.scenario.json', files, simulate);
    assert.deepEqual(run.results, []);
    assert.equal(run.scenario?.name, 'Tagged contacts', 'the scenario itself was read');
    assert.deepEqual(run.problems.map((p) => p.file), ['/w/tag.journey.json', '/w/tag.timeline.json']);
    assert.equal(run.problems[0]!.diagnostic.code, 'io.unreadable');
    assert.match(run.problems[1]!.diagnostic.message, /^events\[0\]\.at: /);
  });

  it('an unreadable journey beside a sound timeline: only the journey\'s problem (no name is checked against a journey that is not there)', async () => {
    const files = memory({ '/w/s.scenario.json': scenario([enters]), '/w/tag.timeline.json': timeline() });
    const run = await runScenario('/w/s.scenario.json', files, simulate);
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.problems.map((p) => [p.file, p.diagnostic.code]), [['/w/tag.journey.json', 'io.unreadable']]);
  });

  it('a timeline against its schema: its problems name "the timeline"', async () => {
    const run = await runScenario('/w/s.scenario.json', folder(scenario([enters]), { '/w/tag.timeline.json': json({ contacts: [], events: [] }) }), simulate);
    assert.deepEqual(run.results, []);
    assert.equal(run.problems[0]!.file, '/w/tag.timeline.json');
    assert.match(run.problems[0]!.diagnostic.message, /Missing property "formatVersion" in the timeline/);
  });

  it('R4: a journey with errors stops the run, its errors located in the journey', async () => {
    const broken = tagJourney().replace('"next": "p_end"', '"next": "p_edn"');
    const run = await runScenario('/w/s.scenario.json', folder(scenario([enters]), { '/w/tag.journey.json': broken }), simulate);
    assert.deepEqual(run.results, []);
    assert.ok(run.problems.length >= 1);
    assert.ok(run.problems.every((p) => p.file === '/w/tag.journey.json' && p.diagnostic.severity === 'error'), JSON.stringify(run.problems));
    assert.equal(run.problems[0]!.position?.line, broken.split('\n').findIndex((l) => l.includes('"p_edn"')));
  });

  it('a name the scenario gives that does not exist stops the run: located at the name in the scenario, with the displayed file names', async () => {
    const text = scenario([enters, { type: 'doesNotReceive', contact: 'c1', content: 'welcome' }, { type: 'passes', contact: 'c11', point: 'p_tag' }]);
    const run = await runScenario('/w/s.scenario.json', folder(text), simulate, { displayName: (f) => posix.basename(f) });
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.problems.map((p) => [p.file, p.diagnostic.code, p.position?.line]), [
      ['/w/s.scenario.json', 'reference.unknown-content', text.split('\n').findIndex((l) => l.includes('"welcome"'))],
      ['/w/s.scenario.json', 'reference.unknown-contact', text.split('\n').findIndex((l) => l.includes('"c11"'))],
    ]);
    assert.match(run.problems[0]!.diagnostic.message, / in journey tag\.journey\.json\./);
    assert.match(run.problems[1]!.diagnostic.message, / in timeline tag\.timeline\.json\. Did you mean "c1"\?/);
  });

  it('R2: a starting point the timeline names that the journey lacks stops the run, located in the timeline', async () => {
    const bad = json({ formatVersion: 1, contacts: [{ id: 'c1' }, { id: 'c2' }], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_vipp' }] });
    const run = await runScenario('/w/s.scenario.json', folder(scenario([enters]), { '/w/tag.timeline.json': bad }), simulate);
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.problems.map((p) => [p.file, p.diagnostic.code, p.position?.line]), [['/w/tag.timeline.json', 'reference.unknown-starting-point', bad.split('\n').findIndex((l) => l.includes('"sp_vipp"'))]]);
    assert.match(run.problems[0]!.diagnostic.message, /in journey \/w\/tag\.journey\.json/, 'the journey named by its path without a displayName');
  });

  it('a likely typo in the timeline\'s contact data is a warning: it neither stops the run nor shows among its problems', async () => {
    const typo = timeline(['c1', 'c2'], {}).replace('"tag": "vip"', '"tag": "vipp"');
    const run = await runScenario('/w/s.scenario.json', folder(scenario([stays]), { '/w/tag.timeline.json': typo }), simulate);
    assert.deepEqual(run.problems, []);
    assert.equal(run.results.length, 1);
  });

  it('comparedWith a version that is not published: an error at the expectation, naming the missing file; nothing runs', async () => {
    const sim = countingSimulate();
    const text = scenario([enters, { type: 'comparedWith', with: 3 }]);
    const run = await runScenario('/w/s.scenario.json', folder(text), sim, { displayName: (f) => posix.relative('/w', f) });
    assert.deepEqual(run.results, []);
    assert.deepEqual(sim.calls, []);
    assert.equal(run.problems.length, 1);
    const p = run.problems[0]!;
    assert.deepEqual([p.file, p.diagnostic.code, p.diagnostic.rule, p.diagnostic.severity, p.diagnostic.path, p.diagnostic.offset], ['/w/s.scenario.json', 'scenario.compare-missing', 'syntax', 'error', ['expectations', 1, 'with'], run.expectationOffsets[1]]);
    assert.equal(p.diagnostic.message, 'Compared with: version 3 of journey "tag_journey" is not published: there is no published/tag_journey/tag_journey.v3.journey.json.');
    assert.equal(p.position?.line, text.split('\n').findIndex((l) => l.includes('"comparedWith"')) - 1);
  });

  it('a name problem stops the run before the other versions of comparisons are even read', async () => {
    const files = folder(scenario([{ type: 'neverEnters', contact: 'c9' }, { type: 'comparedWith', with: 3 }]));
    const run = await runScenario('/w/s.scenario.json', files, simulate);
    assert.deepEqual(run.problems.map((p) => p.diagnostic.code), ['reference.unknown-contact']);
    assert.ok(!files.reads.some((f) => f.includes('published')), files.reads.join(', '));
  });

  it('comparedWith an unpublished version, without a display name: the missing file by its full path', async () => {
    const run = await runScenario('/w/s.scenario.json', folder(scenario([{ type: 'comparedWith', with: 2 }])), simulate);
    assert.equal(run.problems[0]!.diagnostic.message, 'Compared with: version 2 of journey "tag_journey" is not published: there is no /w/published/tag_journey/tag_journey.v2.journey.json.');
  });

  it('comparedWith a journey file that cannot be read: an error naming it, relative to the scenario', async () => {
    const run = await runScenario('/w/s.scenario.json', folder(scenario([{ type: 'comparedWith', with: './old/tag.journey.json' }])), simulate);
    assert.deepEqual(run.results, []);
    assert.equal(run.problems[0]!.diagnostic.message, 'Compared with: the journey to compare with, /w/old/tag.journey.json, cannot be read.');
  });

  it('comparedWith a version that is published but invalid: its errors stop the run, located in it', async () => {
    const published = '/w/published/tag_journey/tag_journey.v1.journey.json';
    const run = await runScenario('/w/s.scenario.json', folder(scenario([{ type: 'comparedWith', with: 1 }]), { [published]: tagJourney().replace('"next": "p_end"', '"next": "p_edn"') }), simulate);
    assert.deepEqual(run.results, []);
    assert.ok(run.problems.length > 0 && run.problems.every((p) => p.file === published), JSON.stringify(run.problems));
  });

  it('comparedWith a published version runs the comparison: the same journey changes nothing', async () => {
    const published = '/w/published/tag_journey/tag_journey.v1.journey.json';
    const run = await runScenario('/w/s.scenario.json', folder(scenario([{ type: 'comparedWith', with: 1 }, { type: 'comparedWith', with: 1, onlyContacts: ['c1'] }]), { [published]: tagJourney() }), simulate);
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.results.map((r) => [r.passed, r.message]), [[true, 'the outcomes are equal'], [false, 'unchanged: c1']]);
  });
});

describe('checking a scenario or a timeline without running it (journey validate)', () => {
  it('a sound scenario has no problem; one with an unknown name has that problem, with or without warnings', async () => {
    assert.deepEqual(await checkScenarioFile('/w/s.scenario.json', folder(scenario([enters]))), []);
    const problems = await checkScenarioFile('/w/s.scenario.json', folder(scenario([{ type: 'neverEnters', contact: 'c9' }])));
    assert.deepEqual(problems.map((p) => p.diagnostic.code), ['reference.unknown-contact']);
  });

  it('with warnings, the timeline\'s likely typos of contact data are reported too (as warnings, in the timeline)', async () => {
    const typo = timeline().replace('"tag": "vip"', '"tag": "vipp"');
    const files = folder(scenario([stays]), { '/w/tag.timeline.json': typo });
    assert.deepEqual(await checkScenarioFile('/w/s.scenario.json', files), []);
    const warned = await checkScenarioFile('/w/s.scenario.json', files, { withWarnings: true });
    assert.deepEqual(warned.map((p) => [p.file, p.diagnostic.severity, p.diagnostic.code]), [['/w/tag.timeline.json', 'warning', 'reference.unknown-tag']]);
    const timelineOnly = await checkTimelineFile('/w/tag.timeline.json', memory({ '/w/tag.timeline.json': typo.replace('"formatVersion": 1,', '"formatVersion": 1,\n  "journey": "./tag.journey.json",'), '/w/tag.journey.json': tagJourney() }), { withWarnings: true, displayName: (f) => posix.basename(f) });
    assert.deepEqual(timelineOnly.map((p) => [p.file, p.diagnostic.severity, p.diagnostic.code]), [['/w/tag.timeline.json', 'warning', 'reference.unknown-tag']]);
    assert.match(timelineOnly[0]!.diagnostic.message, /in journey tag\.journey\.json\. Did you mean "vip"\?/);
  });

  it('a timeline\'s likely typos of contact data are left out unless warnings are asked for', async () => {
    const typo = timeline().replace('"tag": "vip"', '"tag": "vipp"').replace('"formatVersion": 1,', '"formatVersion": 1,\n  "journey": "./tag.journey.json",');
    const files = memory({ '/w/tag.timeline.json': typo, '/w/tag.journey.json': tagJourney() });
    assert.deepEqual(await checkTimelineFile('/w/tag.timeline.json', files), []);
    assert.equal((await checkTimelineFile('/w/tag.timeline.json', files, { withWarnings: true })).length, 1);
  });

  it('a timeline that names no journey is checked against its schema only', async () => {
    const files = memory({ '/w/t.timeline.json': json({ formatVersion: 1, contacts: [], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_nowhere' }] }) });
    assert.deepEqual(await checkTimelineFile('/w/t.timeline.json', files), []);
    assert.deepEqual(files.reads, ['/w/t.timeline.json']);
    const bad = memory({ '/w/t.timeline.json': json({ contacts: [], events: [] }) });
    assert.match((await checkTimelineFile('/w/t.timeline.json', bad))[0]!.diagnostic.message, /Missing property "formatVersion" in the timeline/);
  });

  it('a timeline naming its journey: the journey\'s errors, or else every name the timeline gives, checked against it', async () => {
    const withJourney = (journeyText: string | undefined, startingPoint: string) =>
      memory({
        '/w/t.timeline.json': json({ formatVersion: 1, journey: './tag.journey.json', contacts: [{ id: 'c1' }], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint }] }),
        ...(journeyText === undefined ? {} : { '/w/tag.journey.json': journeyText }),
      });
    assert.deepEqual((await checkTimelineFile('/w/t.timeline.json', withJourney(tagJourney(), 'sp_vip'))), []);
    const unknown = await checkTimelineFile('/w/t.timeline.json', withJourney(tagJourney(), 'sp_vipp'));
    assert.deepEqual(unknown.map((p) => [p.file, p.diagnostic.code]), [['/w/t.timeline.json', 'reference.unknown-starting-point']]);
    assert.equal(unknown[0]!.diagnostic.message, 'There is no starting point "sp_vipp" in journey /w/tag.journey.json. Did you mean "sp_vip"?', 'the journey named by its path without a display name');
    assert.deepEqual((await checkTimelineFile('/w/t.timeline.json', withJourney(undefined, 'sp_vipp'))).map((p) => [p.file, p.diagnostic.code]), [['/w/tag.journey.json', 'io.unreadable']]);
    // A journey with errors that still has a shape: its errors first, then the timeline's names against it.
    const broken = await checkTimelineFile('/w/t.timeline.json', withJourney(tagJourney().replace('"next": "p_end"', '"next": "p_edn"'), 'sp_vipp'));
    assert.deepEqual(broken.map((p) => [p.file, p.diagnostic.code]), [['/w/tag.journey.json', 'R4.dangling-reference'], ['/w/t.timeline.json', 'reference.unknown-starting-point']]);
    // A journey that is not even JSON: only its errors, nothing to check names against.
    const unparsable = await checkTimelineFile('/w/t.timeline.json', withJourney('{ "formatVersion": 1,', 'sp_vipp'));
    assert.ok(unparsable.length > 0 && unparsable.every((p) => p.file === '/w/tag.journey.json'), JSON.stringify(unparsable));
  });
});
