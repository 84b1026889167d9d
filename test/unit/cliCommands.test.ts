// Specification of the `journey validate`, `test` and `simulate` commands,
// called in-process (the functions main.ts dispatches to) with their output
// lines captured: what each prints, in which order, and the exit code it
// returns (0 success, 1 errors in the input, 2 usage). cli.test.ts runs the
// same commands end to end through dist/cli.js.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CommandResult } from '../../src/cli/command';
import { simulateCommand } from '../../src/cli/simulateCommand';
import { testCommand } from '../../src/cli/testCommand';
import { validateCommand } from '../../src/cli/validateCommand';
import { tagJourney } from '../support/tagJourney';

const SAMPLES = join(__dirname, '../../samples');
const tmp = () => mkdtempSync(join(tmpdir(), 'journey-commands-'));

/** Runs a command with its output lines captured. */
async function run(command: (args: string[], out: (line: string) => void) => Promise<CommandResult>, ...args: string[]): Promise<CommandResult & { lines: string[]; stdout: string }> {
  const lines: string[] = [];
  const result = await command(args, (line) => lines.push(line));
  return { ...result, lines, stdout: lines.join('\n') };
}

const timelineOf = (...contacts: string[]) => JSON.stringify({ formatVersion: 1, contacts: contacts.map((id) => ({ id })), events: contacts.map((contact, i) => ({ at: `2026-01-0${i + 1}T09:00:00Z`, contact, type: 'tagAdded', tag: 'vip' })) }, null, 2);

/** A folder with the tag journey and a timeline of `contacts`. */
function tagFolder(...contacts: string[]): { dir: string; journey: string; timeline: string } {
  const dir = tmp();
  const journey = join(dir, 'tag.journey.json');
  const timeline = join(dir, 'tag.timeline.json');
  writeFileSync(journey, tagJourney());
  writeFileSync(timeline, timelineOf(...(contacts.length ? contacts : ['c1'])));
  return { dir, journey, timeline };
}

describe('journey validate (in-process)', () => {
  it('needs at least one file: usage problem, exit 2', async () => {
    const r = await run((args, out) => validateCommand(args, out));
    assert.equal(r.exitCode, 2);
    assert.equal(r.error, 'journey validate: name at least one .journey.json file');
    assert.deepEqual(r.lines, []);
  });

  it('a valid journey: no finding, "1 file checked: 0 errors, 0 warnings", exit 0', async () => {
    const { journey } = tagFolder();
    const r = await run((args, out) => validateCommand(args, out), journey);
    assert.deepEqual(r.lines, ['1 file checked: 0 errors, 0 warnings']);
    assert.equal(r.exitCode, 0);
    assert.equal(r.error, undefined);
  });

  it('R4: errors print as file:line:col severity message [code], in text order, counted in the summary, exit 1', async () => {
    const { journey } = tagFolder();
    writeFileSync(journey, tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"').replace('"next": "p_end"', '"next": "p_edn"'));
    const r = await run((args, out) => validateCommand(args, out), journey);
    assert.equal(r.exitCode, 1);
    const text = readFileSync(journey, 'utf8');
    const at = (needle: string) => {
      const before = text.slice(0, text.indexOf(needle)).split('\n');
      return `${before.length}:${before.at(-1)!.length + 1}`;
    };
    const findings = r.lines.slice(0, -1);
    const errors = findings.filter((l) => / error /.test(l));
    assert.equal(errors.length, 2, r.stdout);
    assert.match(errors[0]!, new RegExp(`^${journey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${at('"p_wiat"')} error .*"p_wiat".* \\[R4\\.dangling-reference\\]$`));
    assert.match(errors[1]!, new RegExp(`:${at('"p_edn"')} error .*"p_edn".* \\[R4\\.dangling-reference\\]$`));
    // The points the broken references no longer reach are warnings (R4), all in text order.
    const places = findings.map((l) => l.slice(journey.length + 1).split(' ')[0]!.split(':').map(Number) as [number, number]);
    assert.deepEqual(places, [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    assert.equal(r.lines.at(-1), `1 file checked: 2 errors, ${findings.length - 2} warning${findings.length === 3 ? '' : 's'}`);
    assert.ok(findings.length > 2);
  });

  it('counts warnings apart from errors, a warning alone exits 0, and several files are summed', async () => {
    const { dir, journey } = tagFolder();
    const warned = join(dir, 'warned.journey.json');
    // An unreachable point is a warning (R4).
    writeFileSync(warned, tagJourney().replace('{\n      "id": "p_end",', '{\n      "id": "p_spare",\n      "type": "end"\n    },\n    {\n      "id": "p_end",'));
    const alone = await run((args, out) => validateCommand(args, out), warned);
    assert.equal(alone.exitCode, 0, alone.stdout);
    assert.match(alone.stdout, /warning .*\[R4\.unreachable-point\]/);
    assert.equal(alone.lines.at(-1), '1 file checked: 0 errors, 1 warning');
    const broken = join(dir, 'broken.journey.json');
    writeFileSync(broken, '{ "formatVersion": 1,');
    const both = await run((args, out) => validateCommand(args, out), journey, warned, broken, warned);
    assert.equal(both.exitCode, 1);
    assert.match(both.lines.at(-1)!, /^4 files checked: [1-9]\d* errors?, 2 warnings$/);
    const errors = both.lines.filter((l) => / error /.test(l)).length;
    assert.equal(both.lines.at(-1), `4 files checked: ${errors} error${errors === 1 ? '' : 's'}, 2 warnings`);
  });

  it('a file that cannot be read is an error at 1:1 and counts as one', async () => {
    const missing = join(tmp(), 'missing.journey.json');
    const r = await run((args, out) => validateCommand(args, out), missing);
    assert.deepEqual(r.lines, [`${missing}:1:1 error cannot read the file: ENOENT`, '1 file checked: 1 error, 0 warnings']);
    assert.equal(r.exitCode, 1);
  });

  it('a *.timeline.json is checked as a timeline: its problems sorted by place, its own name as given, exit 1', async () => {
    const { dir } = tagFolder();
    const timeline = join(dir, 'bad.timeline.json');
    writeFileSync(timeline, '{\n  "formatVersion": 1,\n  "contacts": [],\n  "events": [\n    { "at": "later", "contact": "c", "type": "purchase" },\n    { "at": "yesterday", "contact": "c", "type": "purchase" }\n  ]\n}\n');
    const r = await run((args, out) => validateCommand(args, out), timeline);
    assert.equal(r.exitCode, 1);
    assert.deepEqual(r.lines.slice(0, 2).map((l) => l.split(' ')[0]), [`${timeline}:5:13`, `${timeline}:6:13`]);
    assert.match(r.lines[0]!, / error events\[0\]\.at: an instant is ISO 8601/);
    assert.equal(r.lines.at(-1), '1 file checked: 2 errors, 0 warnings');
  });

  it('a timeline that is not UTF-8 is an error at its first bad byte [encoding.not-utf8]', async () => {
    const file = join(tmp(), 'latin1.timeline.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{ "formatVersion": 1, "contacts": [{ "id": "Jos'), Buffer.from([0xe9]), Buffer.from('" }], "events": [] }\n')]));
    const r = await run((args, out) => validateCommand(args, out), file);
    assert.equal(r.exitCode, 1);
    assert.match(r.lines[0]!, /^\S+latin1\.timeline\.json:1:48 error .*\[encoding\.not-utf8\]$/);
  });

  it('control characters from the file are printed escaped (\\u001B), never sent to the terminal', async () => {
    const { journey } = tagFolder();
    writeFileSync(journey, tagJourney().replace('"tag": "seen"', '"tag": "se\\u001ben"'));
    const r = await run((args, out) => validateCommand(args, out), journey);
    assert.ok(r.lines.some((l) => l.includes('se\\u001Ben')), r.stdout);
    assert.ok(!r.lines.some((l) => l.includes('\u001b')));
  });

  it('every sample scenario and timeline is checked as what its name says and passes', async () => {
    const files = ['preference-center.scenario.json', 'preference-center.timeline.json'].map((f) => join(SAMPLES, f));
    const r = await run((args, out) => validateCommand(args, out), ...files);
    assert.deepEqual(r.lines, ['2 files checked: 0 errors, 0 warnings']);
    assert.equal(r.exitCode, 0);
  });

  it('a scenario naming a journey that is not there: the problem is at the scenario, named relative to the working folder', async () => {
    const dir = tmp();
    const scenario = join(dir, 'lost.scenario.json');
    writeFileSync(scenario, JSON.stringify({ formatVersion: 1, name: 'lost', journey: './none.journey.json', timeline: './none.timeline.json', expectations: [] }, null, 2));
    const r = await run((args, out) => validateCommand(args, out), scenario);
    assert.equal(r.exitCode, 1, r.stdout);
    assert.ok(r.lines.slice(0, -1).length >= 1);
    for (const line of r.lines.slice(0, -1)) assert.ok(line.startsWith(`${scenario}:`) || line.startsWith(relative(process.cwd(), dir)), line);
  });

  it('only a name that ends in .timeline.json or .scenario.json is checked as a timeline or scenario; anything else is a journey', async () => {
    const { dir } = tagFolder();
    const file = join(dir, 'copy.timeline.json.journey.json');
    writeFileSync(file, tagJourney());
    const r = await run((args, out) => validateCommand(args, out), file);
    assert.deepEqual(r.lines, ['1 file checked: 0 errors, 0 warnings']);
    assert.equal(r.exitCode, 0);
  });

  it('a scenario\'s problems in several files are printed in file order: the scenario named as given, the files it names relative to the working folder', async () => {
    const { dir } = tagFolder();
    writeFileSync(join(dir, 'b.timeline.json'), JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1', tags: ['vipp'] }], events: [{ at: '2026-01-01T00:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'vip' }] }, null, 2));
    const scenario = join(dir, 'a.scenario.json');
    writeFileSync(scenario, JSON.stringify({ formatVersion: 1, name: 's', journey: './tag.journey.json', timeline: './b.timeline.json', expectations: [{ type: 'receives', contact: 'c1', content: 'nope' }] }, null, 2));
    const r = await run((args, out) => validateCommand(args, out), scenario);
    assert.equal(r.exitCode, 1);
    assert.equal(r.lines.length, 3, r.stdout);
    assert.match(r.lines[0]!, new RegExp(`^${scenario.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:10:18 error .*"nope".*\\[reference\\.unknown-content\\]$`));
    assert.ok(r.lines[1]!.startsWith(`${relative(process.cwd(), join(dir, 'b.timeline.json'))}:7:9 warning `), r.lines[1]);
    assert.equal(r.lines[2], '1 file checked: 1 error, 1 warning');
  });

  it('a scenario whose journey cannot be read and whose timeline is not UTF-8: both at 1:1 of their file, in file order, the encoding named', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'l.timeline.json'), Buffer.concat([Buffer.from('{"formatVersion":1,"description":"f'), Buffer.from([0xfc]), Buffer.from('","contacts":[],"events":[]}')]));
    const scenario = join(dir, 'm.scenario.json');
    writeFileSync(scenario, JSON.stringify({ formatVersion: 1, name: 's', journey: './none.journey.json', timeline: './l.timeline.json', expectations: [{ type: 'receives', contact: 'c1', content: 'nope' }] }, null, 2));
    const r = await run((args, out) => validateCommand(args, out), scenario);
    assert.equal(r.exitCode, 1);
    const timeline = relative(process.cwd(), join(dir, 'l.timeline.json'));
    const journey = relative(process.cwd(), join(dir, 'none.journey.json'));
    assert.equal(r.lines.length, 3, r.stdout);
    assert.ok(r.lines[0]!.startsWith(`${timeline}:1:1 error Cannot read ${join(dir, 'l.timeline.json')}: The file is not UTF-8 text: byte 0xFC `), r.lines[0]);
    assert.ok(r.lines[0]!.endsWith(' [encoding.not-utf8] [io.unreadable]'), r.lines[0]);
    assert.ok(r.lines[1]!.startsWith(`${journey}:1:1 error Cannot read ${join(dir, 'none.journey.json')}: ENOENT`), r.lines[1]);
    assert.equal(r.lines[2], '1 file checked: 2 errors, 0 warnings');
  });
});

describe('journey test (in-process)', () => {
  /** A folder with the preference-center sample and the scenarios given (name -> expectations). */
  function scenarioFolder(scenarios: Record<string, { journey?: string; expectations: unknown[] }>): string {
    const dir = tmp();
    for (const f of ['preference-center.journey.json', 'preference-center.timeline.json']) copyFileSync(join(SAMPLES, f), join(dir, f));
    for (const [name, s] of Object.entries(scenarios)) {
      writeFileSync(join(dir, `${name}.scenario.json`), JSON.stringify({ formatVersion: 1, name, journey: s.journey ?? './preference-center.journey.json', timeline: './preference-center.timeline.json', expectations: s.expectations }, null, 2));
    }
    return dir;
  }
  const holds = { type: 'receives', contact: 'c_arta', content: 'news_whats_new' };
  const fails = { type: 'receives', contact: 'c_hana', content: 'tips_getting_started' };

  it('passing expectations: ✓ per expectation under "name (file)", "N passed, 0 failed", exit 0', async () => {
    const dir = scenarioFolder({ 'a-holds': { expectations: [holds, holds] } });
    const r = await run(testCommand, dir);
    assert.equal(r.exitCode, 0, r.stdout);
    assert.deepEqual(r.lines, [`a-holds (${relative(process.cwd(), join(dir, 'a-holds.scenario.json'))})`, '  ✓ c_arta receives news_whats_new', '  ✓ c_arta receives news_whats_new', '\n2 passed, 0 failed']);
  });

  it('a failing expectation: ✗ with the reason, counted as failed, exit 1, and in JUnit as a failure with expected and actual', async () => {
    const dir = scenarioFolder({ 'a-holds': { expectations: [holds] }, 'b-fails': { expectations: [fails] } });
    const junit = join(dir, 'junit.xml');
    const r = await run(testCommand, dir, '--junit', junit);
    assert.equal(r.exitCode, 1);
    assert.ok(r.lines.includes('  ✗ c_hana receives tips_getting_started: tips_getting_started was never sent to c_hana'), r.stdout);
    assert.equal(r.lines.at(-1), '\n1 passed, 1 failed');
    const xml = readFileSync(junit, 'utf8');
    assert.match(xml, /tests="2" failures="1" errors="0"/);
    assert.match(xml, /<failure message="tips_getting_started was never sent to c_hana">expected: sent\nactual: never sent<\/failure>/);
  });

  it('a scenario that cannot run (its journey is missing) is counted as failed with where and why, exit 1, an error in JUnit', async () => {
    const dir = scenarioFolder({ 'a-holds': { expectations: [holds] }, 'b-cannot-run': { journey: './missing.journey.json', expectations: [holds] } });
    const junit = join(dir, 'junit.xml');
    const r = await run(testCommand, dir, `--junit=${junit}`);
    assert.equal(r.exitCode, 1, r.stdout);
    const at = r.lines.findIndex((l) => l.startsWith('b-cannot-run ('));
    assert.ok(at >= 0, r.stdout);
    assert.match(r.lines[at + 1]!, /^  ✗ \S*missing\.journey\.json:1:1 Cannot read \S*missing\.journey\.json/);
    assert.equal(r.lines.at(-1), '\n1 passed, 1 failed');
    assert.match(readFileSync(junit, 'utf8'), /tests="2" failures="0" errors="1"/);
  });

  it('finds scenarios in sub-folders, in name order, but not in node_modules or hidden folders', async () => {
    const dir = scenarioFolder({ 'b-second': { expectations: [holds] } });
    const scenario = (name: string) => JSON.stringify({ formatVersion: 1, name, journey: '../preference-center.journey.json', timeline: '../preference-center.timeline.json', expectations: [holds] });
    for (const sub of ['a-sub', 'node_modules', '.hidden']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, `in-${sub}.scenario.json`), scenario(`in ${sub}`));
    }
    writeFileSync(join(dir, 'notes.json'), '{}');
    const r = await run(testCommand, dir);
    assert.deepEqual(r.lines.filter((l) => !l.startsWith(' ') && !l.startsWith('\n')).map((l) => l.split(' (')[0]), ['in a-sub', 'b-second']);
    assert.equal(r.lines.at(-1), '\n2 passed, 0 failed');
  });

  it('runs the scenario files in name order, whatever order the folder lists them in', async () => {
    const dir = scenarioFolder({});
    for (const name of ['e', 'd', 'c', 'b', 'a']) writeFileSync(join(dir, `${name}.scenario.json`), JSON.stringify({ formatVersion: 1, name, journey: './preference-center.journey.json', timeline: './preference-center.timeline.json', expectations: [holds] }));
    const r = await run(testCommand, dir);
    assert.deepEqual(r.lines.filter((l) => !l.startsWith(' ') && !l.startsWith('\n')).map((l) => l.split(' (')[0]), ['a', 'b', 'c', 'd', 'e']);
  });

  it('a scenario file that is not JSON is named by its path and fails at its line and column', async () => {
    const dir = scenarioFolder({});
    const file = join(dir, 'broken.scenario.json');
    writeFileSync(file, '{\n  "formatVersion": 1,\n  oops\n}\n');
    const r = await run(testCommand, file);
    assert.equal(r.exitCode, 1);
    assert.equal(r.lines[0], `${relative(process.cwd(), file)} (${relative(process.cwd(), file)})`);
    assert.match(r.lines[1]!, new RegExp(`^  ✗ \\S*broken\\.scenario\\.json:3:3 `));
  });

  it('a scenario file that is not UTF-8 fails at the first byte that is not', async () => {
    const dir = scenarioFolder({});
    const file = join(dir, 'latin1.scenario.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{\n  "formatVersion": 1,\n  "name": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
    const r = await run(testCommand, file);
    assert.equal(r.exitCode, 1);
    assert.match(r.lines[1]!, /^  ✗ \S*latin1\.scenario\.json:3:15 .*\[encoding\.not-utf8\]/);
  });

  it('usage problems and paths without scenarios exit 2 with the reason', async () => {
    const unknown = await run(testCommand, '--junk');
    assert.equal(unknown.exitCode, 2);
    assert.equal(unknown.error, 'journey test: unknown option --junk\nUsage: journey test [PATH...] [--junit FILE]');
    const missing = join(tmp(), 'nowhere');
    const unreadable = await run(testCommand, missing);
    assert.deepEqual([unreadable.exitCode, unreadable.error], [2, `journey test: cannot read ${missing}`]);
    const empty = tmp();
    const none = await run(testCommand, empty);
    assert.deepEqual([none.exitCode, none.error], [2, `journey test: no *.scenario.json under ${empty}`]);
    assert.deepEqual(none.lines, []);
  });
});

describe('journey simulate (in-process)', () => {
  it('prints the journey, the timeline, contacts and events, then the report: stats, counters and trace; exit 0', async () => {
    const { journey, timeline } = tagFolder('c1', 'c2');
    const r = await run(simulateCommand, journey, '--timeline', timeline);
    assert.equal(r.exitCode, 0, r.error);
    assert.equal(r.lines[0], `Journey Tag journey (${journey}), timeline ${timeline}: 2 contacts, 2 events`);
    assert.ok(r.lines.includes('Stats: started 2, in progress 0, completed 2, exited 0'), r.stdout);
    assert.ok(r.lines.some((l) => /^Trace \(\d+ entries\):$/.test(l)), 'with the trace');
    const quiet = await run(simulateCommand, journey, '--timeline', timeline, '--no-trace');
    assert.ok(!quiet.lines.some((l) => l.startsWith('Trace')), 'no trace with --no-trace');
  });

  it('one contact and one event are singular', async () => {
    const { journey, timeline } = tagFolder('c1');
    const r = await run(simulateCommand, journey, '--timeline', timeline, '--no-trace');
    assert.equal(r.lines[0], `Journey Tag journey (${journey}), timeline ${timeline}: 1 contact, 1 event`);
  });

  it('--at gives the stats at that instant; --json prints JSON with the journey and timeline named', async () => {
    const { journey, timeline } = tagFolder('c1');
    const midway = await run(simulateCommand, journey, '--timeline', timeline, '--at', '2026-01-01T12:00:00Z', '--no-trace');
    assert.ok(midway.lines.includes('Stats: started 1, in progress 1, completed 0, exited 0'), midway.stdout);
    const json = await run(simulateCommand, journey, '--timeline', timeline, '--json', '--seed', '7', '--at=2026-01-01T12:00:00Z');
    assert.equal(json.lines.length, 1);
    const report = JSON.parse(json.lines[0]!) as { journey: string; timeline: string; seed: number; at: string; stats: { started: number; inProgress: number }; trace: unknown[] };
    assert.deepEqual([report.journey, report.timeline, report.seed, report.at, report.stats.started, report.stats.inProgress], [journey, timeline, 7, '2026-01-01T12:00:00Z', 1, 1]);
    assert.ok(report.trace.length > 0);
  });

  it('--horizon stops the replay there', async () => {
    const { journey, timeline } = tagFolder('c1');
    const r = await run(simulateCommand, journey, '--timeline', timeline, '--horizon', '2026-01-01T12:00:00Z', '--no-trace');
    assert.equal(r.exitCode, 0, r.error);
    assert.ok(r.lines.includes('Stats: started 1, in progress 1, completed 0, exited 0'), r.stdout);
    assert.match(r.lines[1]!, /→ 2026-01-01T12:00:00Z/);
  });

  it('finds the sibling .timeline.json of a .journey.json when --timeline is not given', async () => {
    const { journey, timeline } = tagFolder('c1');
    const r = await run(simulateCommand, journey, '--no-trace');
    assert.equal(r.exitCode, 0, r.error);
    assert.equal(r.lines[0], `Journey Tag journey (${journey}), timeline ${timeline}: 1 contact, 1 event`);
  });

  it('without --timeline and without a sibling timeline: usage problem, exit 2, saying which file it looked for', async () => {
    const dir = tmp();
    const journey = join(dir, 'alone.journey.json');
    writeFileSync(journey, tagJourney());
    const r = await run(simulateCommand, journey);
    assert.equal(r.exitCode, 2);
    assert.match(r.error!, new RegExp(`^journey simulate: name the timeline with --timeline \\(no ${join(dir, 'alone.timeline.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} found\\)\nUsage: journey simulate FILE`));
    const other = join(dir, 'other.json');
    writeFileSync(other, tagJourney());
    const plain = await run(simulateCommand, other);
    assert.match(plain.error!, /\(no sibling \.timeline\.json found\)/);
    const almost = join(dir, 'alone.journey.jsonx');
    writeFileSync(almost, tagJourney());
    writeFileSync(join(dir, 'alone.timeline.jsonx'), timelineOf('c1'));
    assert.match((await run(simulateCommand, almost)).error!, /\(no sibling \.timeline\.json found\)/, 'only a name ending in .journey.json has a sibling');
  });

  it('refuses bad options with the reason and usage, exit 2', async () => {
    const { journey, timeline } = tagFolder('c1');
    const cases: [string[], string][] = [
      [[], 'name the .journey.json file to simulate'],
      [[journey, journey], 'name exactly one journey file'],
      [[journey, '--threads', '0'], '--threads must be a number of threads (1 to 999) or auto, not "0"'],
      [[journey, '--threads', '1000'], '--threads must be a number of threads (1 to 999) or auto, not "1000"'],
      [[journey, '--threads', 'x2'], '--threads must be a number of threads (1 to 999) or auto, not "x2"'],
      [[journey, '--threads', '1a'], '--threads must be a number of threads (1 to 999) or auto, not "1a"'],
      [[journey, '--seed', '1.5'], '--seed must be an integer, not "1.5"'],
      [[journey, '--seed', 'x7'], '--seed must be an integer, not "x7"'],
      [[journey, '--at', 'noon'], '--at must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "noon"'],
      [[journey, '--horizon', '2026-01-01T09:00:00'], '--horizon must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "2026-01-01T09:00:00"'],
      [[journey, '--at', '+010000-13-01T00:00:00Z'], '--at must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "+010000-13-01T00:00:00Z"'],
      [[journey, '--at', 'x+010000-01-01T00:00:00Z'], '--at must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "x+010000-01-01T00:00:00Z"'],
      [[journey, '--at', '+010000-01-01T00:00:00Zx'], '--at must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "+010000-01-01T00:00:00Zx"'],
      [[journey, '--timeline'], '--timeline needs a value'],
      [[journey, '--timeline='], '--timeline needs a value'],
      [[journey, '--verbose'], 'unknown option --verbose'],
    ];
    for (const [args, reason] of cases) {
      const r = await run(simulateCommand, ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, `journey simulate: ${reason}\nUsage: journey simulate FILE [--timeline T] [--at TIME] [--json] [--seed N] [--horizon TIME] [--no-trace] [--threads N|auto] [--progress]`);
    }
    // (Thread counts above 1 start workers, which cliSimulateThreads.test.ts covers; a small timeline on auto stays on one thread.)
    for (const ok of [['--threads', '1'], ['--threads', 'auto'], ['--seed', '-3'], ['--seed', '42'], ['--at', '+010000-01-01T00:00:00Z'], ['--at', '+010000-01-01T00:00:00.125+01:00'], ['--at', '2026-01-01T09:00:00+01:00']]) {
      const r = await run(simulateCommand, journey, '--timeline', timeline, '--no-trace', ...ok);
      assert.equal(r.exitCode, 0, `${ok.join(' ')}: ${r.error ?? ''}`);
    }
  });

  it('R4: an invalid journey is refused with its located errors and how many, nothing simulated, exit 1', async () => {
    const { journey, timeline } = tagFolder('c1');
    writeFileSync(journey, tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"'));
    const r = await run(simulateCommand, journey, '--timeline', timeline);
    assert.equal(r.exitCode, 1);
    assert.equal(r.error, `journey simulate: ${journey} has 1 error; nothing was simulated.`);
    assert.deepEqual(r.lines.map((l) => l.slice(0, journey.length)), [journey]);
    assert.match(r.lines[0]!, / error .*\[R4\.dangling-reference\]$/);
  });

  it('a journey with errors and a timeline with errors: both counted, in the plural', async () => {
    const { journey, timeline } = tagFolder('c1');
    writeFileSync(journey, tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"').replace('"next": "p_end"', '"next": "p_edn"'));
    writeFileSync(timeline, '{ "formatVersion": 1, "contacts": [], "events": [{ "at": "soon", "contact": "c", "type": "purchase" }, { "at": "later", "contact": "c", "type": "purchase" }] }');
    const r = await run(simulateCommand, journey, '--timeline', timeline);
    assert.equal(r.exitCode, 1);
    assert.match(r.error!, new RegExp(`^journey simulate: \\S+tag\\.journey\\.json has \\d+ errors and \\S+tag\\.timeline\\.json has 2 errors; nothing was simulated\\.$`));
  });

  it('warnings of the journey do not stop the replay; a file that cannot be read does', async () => {
    const { journey, timeline } = tagFolder('c1');
    writeFileSync(journey, tagJourney().replace('{\n      "id": "p_end",', '{\n      "id": "p_spare",\n      "type": "end"\n    },\n    {\n      "id": "p_end",'));
    const warned = await run(simulateCommand, journey, '--timeline', timeline, '--no-trace');
    assert.equal(warned.exitCode, 0, warned.error);
    assert.ok(!warned.lines.some((l) => l.includes('R4.unreachable-point')), 'warnings of the journey are not printed by simulate');
    const missing = join(tmp(), 'missing.journey.json');
    const r = await run(simulateCommand, missing, '--timeline', timeline);
    assert.equal(r.exitCode, 1);
    assert.deepEqual(r.lines, [`${missing}:1:1 error cannot read the file: ENOENT`]);
    assert.equal(r.error, `journey simulate: ${missing} has 1 error; nothing was simulated.`);
  });

  it('a timeline naming a starting point the journey lacks is refused at the name (R2)', async () => {
    const { journey, timeline } = tagFolder('c1');
    writeFileSync(timeline, JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_vpi' }] }, null, 2));
    const r = await run(simulateCommand, journey, '--timeline', timeline);
    assert.equal(r.exitCode, 1);
    assert.match(r.stdout, /error There is no starting point "sp_vpi" in journey .*\[reference\.unknown-starting-point\]$/m);
    assert.equal(r.error, `journey simulate: ${timeline} has 1 error; nothing was simulated.`);
  });

  it('R4/R2: a journey\'s errors are printed in text order, and its timeline\'s names are not checked against it', async () => {
    const { journey, timeline } = tagFolder('c1');
    // A dangling next near the end (R4), found by the validator before an undeclared trigger tag near the start (R2).
    const text = tagJourney().replace('"next": "p_end"', '"next": "p_edn"').replace('"tag": "vip"\n', '"tag": "vipx"\n');
    writeFileSync(journey, text);
    writeFileSync(timeline, JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_vpi' }] }, null, 2));
    const r = await run(simulateCommand, journey, '--timeline', timeline);
    assert.equal(r.exitCode, 1);
    const at = (needle: string) => {
      const before = text.slice(0, text.indexOf(needle)).split('\n');
      return `${journey}:${before.length}:${before.at(-1)!.length + 1} error `;
    };
    assert.equal(r.lines.length, 2, r.stdout);
    assert.ok(r.lines[0]!.startsWith(at('"vipx"')), r.lines[0]);
    assert.ok(r.lines[1]!.startsWith(at('"p_edn"')), r.lines[1]);
    assert.equal(r.error, `journey simulate: ${journey} has 2 errors; nothing was simulated.`);
  });

  it('--json still refuses a timeline naming a starting point the journey lacks (R2), at the name', async () => {
    const { journey, timeline } = tagFolder('c1');
    writeFileSync(timeline, JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_vpi' }] }, null, 2));
    const r = await run(simulateCommand, journey, '--timeline', timeline, '--json');
    assert.equal(r.exitCode, 1);
    assert.equal(r.lines.length, 1);
    assert.match(r.lines[0]!, /error There is no starting point "sp_vpi" .*\[reference\.unknown-starting-point\]$/);
  });

  it('--json leaves out the timeline\'s likely typos (warnings) so stdout is JSON alone; without --json they are printed before the report', async () => {
    const { journey, timeline } = tagFolder('c1');
    writeFileSync(timeline, JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1', tags: ['seem'] }], events: [{ at: '2026-01-01T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'vip' }] }, null, 2));
    const json = await run(simulateCommand, journey, '--timeline', timeline, '--json');
    assert.equal(json.exitCode, 0, json.stdout);
    assert.equal(json.lines.length, 1);
    assert.equal((JSON.parse(json.lines[0]!) as { journey: string }).journey, journey);
    const text = await run(simulateCommand, journey, '--timeline', timeline, '--no-trace');
    assert.equal(text.exitCode, 0);
    assert.match(text.lines[0]!, / warning .*"seem".*\[reference\.unknown-tag\]$/);
    assert.ok(text.lines[1]!.startsWith('Journey '), text.stdout);
  });
});
