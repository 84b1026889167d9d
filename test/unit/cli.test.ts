// Specification of the `journey` command line: validate prints located
// diagnostics as file:line:col severity message and exits 1 on errors.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureDistBuilt } from '../support/builtDist';
import { tagJourney } from '../support/tagJourney';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');

function journeyCli(...args: string[]) {
  return journeyCliWith({}, ...args);
}

function journeyCliWith(options: { cwd?: string; nodeArgs?: string[]; timeout?: number }, ...args: string[]) {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.timeout ? { timeout: options.timeout } : {}) });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'journey-cli-'));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/** Any control character (C0 but the line feed, DEL, C1) in CLI output: text from files must come out escaped. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('journey CLI', () => {
  before(function () {
    this.timeout(300_000);
    ensureDistBuilt(); // the CLI under test is the current sources' build
  });

  it('validates every sample journey with exit code 0', () => {
    const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json')).map((f) => join(SAMPLES, f));
    assert.ok(samples.length >= 5, `expected the five seed samples, found ${samples.length}`);
    const { code, stdout } = journeyCli('validate', ...samples);
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`${samples.length} files checked: 0 errors`));
  });

  it('exits 1 on a broken journey and prints file:line:col severity message [code]', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
    const file = join(dir, 'broken.journey.json');
    writeFileSync(file, '{\n  "formatVersion": 1,\n  "id": "j",\n  "name": "Broken",\n  "kind": "trigger",\n  "startingPoints": [],\n  "points": [ { "id": "p", "type": "sendEmial" } ]\n}\n');
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:36 error "sendEmial" is not a valid type .*Did you mean "sendEmail"\\?.* \\[schema\\.unknown-discriminator\\]$`, 'm'));
  });

  it('exits 1 with a located syntax error for text that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
    const file = join(dir, 'syntax.journey.json');
    writeFileSync(file, '{\n  "formatVersion": 1\n  "id": "j"\n}\n');
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1);
    assert.match(stdout, /syntax\.journey\.json:3:3 error A comma is expected between items\. \[syntax\.CommaExpected\]/);
  });

  it('exits 1 and names the file when it cannot be read', () => {
    const { code, stdout } = journeyCli('validate', '/nonexistent/x.journey.json');
    assert.equal(code, 1);
    assert.match(stdout, /^\/nonexistent\/x\.journey\.json:1:1 error cannot read the file: ENOENT/m);
  });

  it('refuses to run without a file, with usage on stderr and exit 2', () => {
    const { code, stderr } = journeyCli('validate');
    assert.equal(code, 2);
    assert.match(stderr, /name at least one/);
  });

  it('journey test checks every sample scenario and writes JUnit XML with one testcase per expectation', () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'journey-cli-')), 'junit.xml');
    const { code, stdout } = journeyCli('test', SAMPLES, '--junit', junit);
    const scenarios = readdirSync(SAMPLES).filter((f) => f.endsWith('.scenario.json'));
    const expectations = scenarios.reduce((n, f) => n + (JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as { expectations: unknown[] }).expectations.length, 0);
    assert.ok(scenarios.length >= 5, 'a scenario per sample');
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`^${expectations} passed, 0 failed$`, 'm'));
    const xml = readFileSync(junit, 'utf8');
    assert.match(xml, new RegExp(`<testsuites name="journey scenarios" tests="${expectations}" failures="0" errors="0">`));
    assert.equal(xml.match(/<testcase /g)?.length, expectations);
  });

  it('journey test counts a scenario that cannot run (its journey is missing) as failed, says why, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
    for (const f of ['preference-center.journey.json', 'preference-center.timeline.json']) copyFileSync(join(SAMPLES, f), join(dir, f));
    writeFileSync(join(dir, 'a-holds.scenario.json'), JSON.stringify({
      formatVersion: 1, name: 'holds', journey: './preference-center.journey.json', timeline: './preference-center.timeline.json',
      expectations: [{ type: 'receives', contact: 'c_arta', content: 'news_whats_new' }],
    }));
    writeFileSync(join(dir, 'b-cannot-run.scenario.json'), JSON.stringify({
      formatVersion: 1, name: 'cannot run', journey: './missing.journey.json', timeline: './preference-center.timeline.json',
      expectations: [{ type: 'receives', contact: 'c_arta', content: 'news_whats_new' }],
    }));
    const junit = join(dir, 'junit.xml');
    const { code, stdout } = journeyCli('test', dir, '--junit', junit);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^cannot run \(.*b-cannot-run\.scenario\.json\)\n  ✗ .*Cannot read \S*missing\.journey\.json/m);
    assert.match(stdout, /^1 passed, 1 failed$/m);
    assert.match(readFileSync(junit, 'utf8'), /tests="2" failures="0" errors="1"/);
  });

  it('journey test fails with expected and actual when an expectation does not hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
    for (const f of ['preference-center.journey.json', 'preference-center.timeline.json']) copyFileSync(join(SAMPLES, f), join(dir, f));
    writeFileSync(join(dir, 'wrong.scenario.json'), JSON.stringify({
      formatVersion: 1, name: 'wrong on purpose', journey: './preference-center.journey.json', timeline: './preference-center.timeline.json',
      expectations: [{ type: 'receives', contact: 'c_hana', content: 'tips_getting_started' }],
    }));
    const junit = join(dir, 'junit.xml');
    const { code, stdout } = journeyCli('test', dir, '--junit', junit);
    assert.equal(code, 1);
    assert.match(stdout, /✗ c_hana receives tips_getting_started: tips_getting_started was never sent to c_hana/);
    assert.match(stdout, /^0 passed, 1 failed$/m);
    assert.match(readFileSync(junit, 'utf8'), /<failure message="tips_getting_started was never sent to c_hana">expected: sent\nactual: never sent<\/failure>/);
  });
});

/** Writes a timeline of `contacts` contacts, each with one "vip" tag (which enters the journey) and `perContact - 1` purchases, streaming; returns its byte size. */
async function writeTagTimeline(file: string, contacts: number, perContact: number, t0 = Date.UTC(2026, 0, 1)): Promise<void> {
  const out = createWriteStream(file);
  let buffer = '{"formatVersion":1,"contacts":[';
  const flush = async (force = false) => {
    if (!force && buffer.length < 1 << 16) return;
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  for (let c = 0; c < contacts; c++) {
    buffer += `${c ? ',' : ''}{"id":"c${c}"}`;
    await flush();
  }
  buffer += '],"events":[';
  for (let c = 0; c < contacts; c++) {
    const at = new Date(t0 + c * 1000).toISOString().replace('.000Z', 'Z');
    buffer += `${c ? ',' : ''}{"at":"${at}","contact":"c${c}","type":"tagAdded","tag":"vip"}`;
    for (let k = 1; k < perContact; k++) buffer += `,{"at":"${at}","contact":"c${c}","type":"purchase","amount":${k}}`;
    await flush();
  }
  buffer += ']}\n';
  await flush(true);
  out.end();
  await once(out, 'finish');
}

describe('journey simulate: memory bounded by the timeline, not its location tree (#13)', function () {
  this.timeout(600_000);

  it('replays 5 million events (1 million contacts) from a .timeline.json in a 1 GB heap and at most 1 GB of resident memory, with the right stats (#16)', async () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    const timeline = join(dir, 'big.timeline.json');
    const CONTACTS = 1_000_000;
    const PER_CONTACT = 5;
    writeFileSync(journey, tagJourney());
    await writeTagTimeline(timeline, CONTACTS, PER_CONTACT);
    // /usr/bin/time reports the child's peak resident memory (the whole process: heap, file buffers, code).
    assert.ok(existsSync('/usr/bin/time'), 'this test measures the peak resident memory with /usr/bin/time (GNU time)');
    const run = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB %M', process.execPath, '--max-old-space-size=1024', CLI, 'simulate', journey, '--timeline', timeline, '--no-trace'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    rmSync(dir, { recursive: true, force: true }); // 412 MB
    const { status: code, signal, stdout, stderr } = run;
    assert.equal(signal, null, `the CLI was killed by ${signal}: ${stderr.slice(0, 400)}`);
    assert.doesNotMatch(stderr, /heap out of memory|FATAL ERROR|internal error/);
    assert.equal(code, 0, stderr.slice(0, 2000));
    // Every contact enters on its tag, is tagged, waits a day and ends; the purchases enter nobody.
    assert.match(stdout, new RegExp(`: ${CONTACTS} contacts, ${CONTACTS * PER_CONTACT} events$`, 'm'));
    assert.match(stdout, new RegExp(`^Stats: started ${CONTACTS}, in progress 0, completed ${CONTACTS}, exited 0`, 'm'));
    assert.match(stdout, new RegExp(`^p_end +${CONTACTS} +${CONTACTS} +0$`, 'm'));
    const peakKb = Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1]);
    assert.ok(peakKb > 0 && peakKb <= 1024 * 1024, `peak resident memory ${Math.round(peakKb / 1024)} MB, at most 1024 MB wanted`);
  });

  it('refuses a timeline too big for the memory given with a clear message and exit 1', async () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    const timeline = join(dir, 'big.timeline.json');
    writeFileSync(journey, tagJourney());
    await writeTagTimeline(timeline, 200_000, 5); // about 16 MB of timeline against a 16 MB heap
    const { code, signal, stderr } = journeyCliWith({ nodeArgs: ['--max-old-space-size=16'] }, 'simulate', journey, '--timeline', timeline, '--no-trace');
    rmSync(dir, { recursive: true, force: true });
    assert.equal(signal, null);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /big\.timeline\.json \(\d+ MB\) is too big for the memory given: replaying it needs about \d+ MB of heap and this Node allows \d+ MB\. Give it more \(NODE_OPTIONS=--max-old-space-size=\d+\)/);
  });

  it('refuses a timeline whose contacts would not fit the replay (a million contacts, 17 MB, 160 MB heap) with the message, not a V8 crash', async () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    const timeline = join(dir, 'contacts.timeline.json');
    writeFileSync(journey, tagJourney());
    const out = createWriteStream(timeline);
    let buffer = '{"formatVersion":1,"contacts":[';
    for (let c = 0; c < 1_000_000; c++) {
      buffer += `${c ? ',' : ''}{"id":"c${c}"}`;
      if (buffer.length < 1 << 16) continue;
      const full = !out.write(buffer);
      buffer = '';
      if (full) await once(out, 'drain');
    }
    out.end(`${buffer}],"events":[{"at":"2026-01-01T00:00:00Z","contact":"c1","type":"tagAdded","tag":"vip"}]}`);
    await once(out, 'finish');
    const { code, signal, stderr } = journeyCliWith({ nodeArgs: ['--max-old-space-size=160'] }, 'simulate', journey, '--timeline', timeline, '--no-trace');
    rmSync(dir, { recursive: true, force: true });
    assert.equal(signal, null, `the CLI was killed by ${signal}: ${stderr.slice(0, 400)}`);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /contacts\.timeline\.json \(17 MB\) is too big for the memory given: replaying it needs about \d+ MB of heap and this Node allows \d+ MB\./);
  });

  it('locates schema and syntax errors in a timeline too big to parse with locations, at the event they are in', async () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    writeFileSync(journey, tagJourney());
    const good = join(dir, 'good.timeline.json');
    await writeTagTimeline(good, 20_000, 5); // about 1.6 MB, one line; a 96 MB heap locates in the events only
    const text = readFileSync(good, 'utf8');
    // Event 70001 gets an impossible month, event 90002 an unknown property.
    const nthEvent = (n: number) => {
      let at = text.indexOf('"events":[') + '"events":['.length;
      for (let k = 0; k < n; k++) at = text.indexOf('},{', at) + 2;
      return at;
    };
    const e1 = nthEvent(70_001);
    const e2 = nthEvent(90_002);
    const badAt = text.indexOf('"at":"', e1) + '"at":'.length;
    const badKey = text.indexOf('"contact"', e2);
    const schemaBroken = text.slice(0, badAt) + '"2026-13-01T00:00:00Z"' + text.slice(badAt + '"2026-01-01T00:00:00Z"'.length, badKey) + '"contakt"' + text.slice(badKey + '"contact"'.length);
    assert.equal(schemaBroken.length, text.length, 'the edits keep every offset');
    const bad = join(dir, 'bad.timeline.json');
    writeFileSync(bad, schemaBroken);
    const schema = journeyCliWith({ nodeArgs: ['--max-old-space-size=96'] }, 'simulate', journey, '--timeline', bad, '--no-trace');
    assert.equal(schema.code, 1, schema.stderr);
    assert.match(schema.stdout, new RegExp(`^${escapeRegExp(bad)}:1:${badAt + 1} error events\\[70001\\]\\.at: an instant is ISO 8601 with an offset, e\\.g\\. 2026-03-01T09:00:00Z\\. \\[schema\\.invalid-format\\]$`, 'm'));
    assert.match(schema.stdout, new RegExp(`^${escapeRegExp(bad)}:1:${badKey + 1} error Property "contakt" is not allowed in events\\[90002\\]\\..* \\[schema\\.unknown-property\\]$`, 'm'));

    // A missing comma between two events.
    const comma = nthEvent(60_000) - 1;
    assert.equal(text[comma], ',');
    writeFileSync(bad, text.slice(0, comma) + ' ' + text.slice(comma + 1));
    const syntax = journeyCliWith({ nodeArgs: ['--max-old-space-size=96'] }, 'simulate', journey, '--timeline', bad, '--no-trace');
    assert.equal(syntax.code, 1, syntax.stderr);
    assert.match(syntax.stdout, new RegExp(`^${escapeRegExp(bad)}:1:${comma + 2} error A comma is expected here\\. \\[syntax\\.unexpected\\]$`, 'm'));
  });
});

describe('journey test FILE (#13)', () => {
  it('runs only the scenario named, not every scenario under the current folder', () => {
    const dir = tmp();
    for (const f of ['preference-center.journey.json', 'preference-center.timeline.json', 'preference-center.scenario.json']) copyFileSync(join(SAMPLES, f), join(dir, f));
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'failing.scenario.json'), JSON.stringify({
      formatVersion: 1, name: 'fails on purpose', journey: '../preference-center.journey.json', timeline: '../preference-center.timeline.json',
      expectations: [{ type: 'receives', contact: 'c_hana', content: 'tips_getting_started' }],
    }));
    const named = journeyCliWith({ cwd: dir }, 'test', 'preference-center.scenario.json');
    const expectations = (JSON.parse(readFileSync(join(dir, 'preference-center.scenario.json'), 'utf8')) as { expectations: unknown[] }).expectations.length;
    assert.equal(named.code, 0, named.stdout);
    assert.doesNotMatch(named.stdout, /fails on purpose/);
    assert.match(named.stdout, new RegExp(`^${expectations} passed, 0 failed$`, 'm'));
    const folder = journeyCliWith({ cwd: dir }, 'test', 'other');
    assert.equal(folder.code, 1);
    assert.match(folder.stdout, /fails on purpose/);
    assert.match(folder.stdout, /^0 passed, 1 failed$/m);
  });
});

describe('encodings: files are UTF-8, never silently rewritten (#13)', function () {
  // Each case runs the CLI in a child process: seconds on a loaded machine, not mocha's 2.
  this.timeout(60_000);
  /** The tag journey with its name in Latin-1: "Café" is the bytes 43 61 66 E9. */
  function latin1Journey(dir: string) {
    const text = tagJourney('Café crème');
    const file = join(dir, 'latin1.journey.json');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const before = text.slice(0, text.indexOf('é'));
    const lines = before.split('\n');
    return { file, line: lines.length, col: lines[lines.length - 1]!.length + 1 };
  }

  it('validate reports a Latin-1 file at its first byte that is not UTF-8, with exit 1', () => {
    const { file, line, col } = latin1Journey(tmp());
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${escapeRegExp(file)}:${line}:${col} error The file is not UTF-8 text: byte 0xE9 .*\\[encoding\\.not-utf8\\]$`, 'm'));
    assert.match(stdout, /1 file checked: 1 error/);
  });

  it('publish refuses a Latin-1 journey and leaves its bytes as they were', () => {
    const dir = tmp();
    const { file, line, col } = latin1Journey(dir);
    const before = readFileSync(file);
    const { code, stdout } = journeyCli('publish', file, '--yes', '--now', '2026-12-01T00:00:00Z');
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${escapeRegExp(file)}:${line}:${col} error The file is not UTF-8 text`, 'm'));
    assert.deepEqual(readFileSync(file), before);
    assert.equal(existsSync(join(dir, 'published')), false);
  });

  it('simulate and test report a timeline or scenario that is not UTF-8 where it stops being UTF-8', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tag.journey.json'), tagJourney());
    const timelineText = '{\n  "formatVersion": 1,\n  "description": "für",\n  "contacts": [],\n  "events": []\n}\n';
    writeFileSync(join(dir, 'tag.timeline.json'), Buffer.from(timelineText, 'latin1'));
    const sim = journeyCli('simulate', join(dir, 'tag.journey.json'));
    assert.equal(sim.code, 1);
    assert.match(sim.stdout, /tag\.timeline\.json:3:20 error The file is not UTF-8 text: byte 0xFC .*\[encoding\.not-utf8\]$/m);
    writeFileSync(join(dir, 'tag.scenario.json'), Buffer.from('{ "formatVersion": 1, "name": "Zürich", "journey": "./tag.journey.json", "timeline": "./tag.timeline.json", "expectations": [] }', 'latin1'));
    const test = journeyCli('test', join(dir, 'tag.scenario.json'));
    assert.equal(test.code, 1);
    assert.match(test.stdout, /tag\.scenario\.json:1:33 .*The file is not UTF-8 text: byte 0xFC/);
  });

  it('accepts a file that starts with a BOM (as VS Code does) and publish keeps the BOM', () => {
    const dir = tmp();
    const file = join(dir, 'bom.journey.json');
    writeFileSync(file, '\uFEFF' + tagJourney('Café'));
    const validated = journeyCli('validate', file);
    assert.equal(validated.code, 0, validated.stdout);
    assert.match(validated.stdout, /1 file checked: 0 errors/);
    writeFileSync(join(dir, 'bom.timeline.json'), '\uFEFF{"formatVersion":1,"contacts":[],"events":[{"at":"2026-01-01T00:00:00Z","contact":"c1","type":"tagAdded","tag":"vip"}]}');
    const simulated = journeyCli('simulate', file, '--no-trace');
    assert.equal(simulated.code, 0, simulated.stdout + simulated.stderr);
    assert.match(simulated.stdout, /^Stats: started 1, /m);
    const published = journeyCli('publish', file, '--yes', '--now', '2026-12-01T00:00:00Z');
    assert.equal(published.code, 0, published.stdout);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
    const after = JSON.parse(bytes.subarray(3).toString('utf8')) as { status: string; name: string };
    assert.equal(after.status, 'published');
    assert.equal(after.name, 'Café');
  });
});

describe('output: escaped, robust to a closed pipe, located (#13)', () => {
  it('validate escapes control characters from the file (ESC, C1) instead of sending them to the terminal', () => {
    const dir = tmp();
    const file = join(dir, 'esc.journey.json');
    const journey = JSON.parse(tagJourney()) as Record<string, unknown>;
    journey['\u001b[31mred\u001b[0m\u009b2J'] = 1;
    writeFileSync(file, JSON.stringify(journey, null, 2));
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, RAW_CONTROL);
    assert.match(stdout, /Property "\\u001B\[31mred\\u001B\[0m\\u009B2J" is not allowed/);
  });

  it('publish escapes the journey name in its output and in the generated README', () => {
    const dir = tmp();
    const file = join(dir, 'named.journey.json');
    const name = 'Evil \u001b]0;pwned\u0007 *bold* <b>\nline';
    writeFileSync(file, tagJourney(name));
    const { code, stdout } = journeyCli('publish', file, '--yes', '--now', '2026-12-01T00:00:00Z');
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, RAW_CONTROL);
    assert.match(stdout, /published "Evil \\u001B\]0;pwned\\u0007 \*bold\* <b>\\u000Aline" version 1/);
    const readme = readFileSync(join(dir, 'published', 'tag_journey', 'restate-service', 'README.md'), 'utf8');
    assert.doesNotMatch(readme, RAW_CONTROL);
    assert.match(readme, /^- \*\*Evil \\u001B\\\]0;pwned\\u0007 \\\*bold\\\* \\<b\\>\\u000Aline\*\* \(`tag_journey`\)/m);
  });

  it('ends quietly with its own exit code when the reader closes stdout early (EPIPE)', async () => {
    const child = spawn(process.execPath, [CLI, 'simulate', join(SAMPLES, 'mailchimp-vip-welcome.journey.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(stderr, '', 'nothing on stderr: no EPIPE stack');
    assert.equal(code, 0);
  });

  it('publish names a corrupt compiled journey in the output folder with its place, exit 1, no stack, nothing written', () => {
    const dir = tmp();
    const file = join(dir, 'tag.journey.json');
    writeFileSync(file, tagJourney());
    const out = join(dir, 'published', 'tag_journey');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'tag_journey.v9.ir.json'), '{\n  "journey": {\n    "id": "tag_journey",\n    "version": 9,\n  }\n}\n');
    const before = readFileSync(file, 'utf8');
    const { code, stdout, stderr } = journeyCli('publish', file, '--yes', '--now', '2026-12-01T00:00:00Z');
    assert.equal(code, 1, stdout + stderr);
    assert.doesNotMatch(stderr, /internal error|\n\s+at /);
    assert.match(stdout, new RegExp(`^${escapeRegExp(join(out, 'tag_journey.v9.ir.json'))}:5:3 error The compiled journey tag_journey\\.v9\\.ir\\.json in the output folder cannot be read: .*\\[publish\\.corrupt-compiled-file\\]$`, 'm'));
    assert.match(stdout, /not published: the output folder holds a compiled journey that cannot be read; nothing was written\./);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.deepEqual(readdirSync(out), ['tag_journey.v9.ir.json']);
  });

  it('R23: instants after year 9999 print in the expanded ISO form, which --at accepts', () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    writeFileSync(journey, tagJourney());
    const timeline = join(dir, 'late.timeline.json');
    writeFileSync(timeline, JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [{ at: '9999-12-31T12:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'vip' }] }));
    const end = new Date(Date.parse('9999-12-31T12:00:00Z') + 86_400_000).toISOString().replace('.000Z', 'Z'); // the one-day wait ends in year 10000
    const full = journeyCli('simulate', journey, '--timeline', timeline, '--no-trace');
    assert.equal(full.code, 0, full.stderr);
    assert.match(full.stdout, new RegExp(`stats at ${escapeRegExp(end)}$`, 'm'));
    const at = journeyCli('simulate', journey, '--timeline', timeline, '--no-trace', '--at', end);
    assert.equal(at.code, 0, at.stderr);
    assert.match(at.stdout, /^Stats: started 1, in progress 0, completed 1, exited 0/m);
  });
});

describe('names in scenarios and timelines (#19)', function () {
  // Each case runs the CLI in a child process, one on a 1.6 MB timeline: seconds on a loaded machine, not mocha's 2.
  this.timeout(60_000);
  const DYNAMICS = 'dynamics-product-announcement';
  /** A copy of the Dynamics sample (journey, timeline, scenario) in a new folder, with `edit` applied to the file named. */
  function dynamicsCopy(edits: { timeline?: (t: string) => string; scenario?: (t: string) => string } = {}): string {
    const dir = tmp();
    for (const kind of ['journey', 'timeline', 'scenario'] as const) {
      const text = readFileSync(join(SAMPLES, `${DYNAMICS}.${kind}.json`), 'utf8');
      const edit = kind === 'journey' ? undefined : edits[kind];
      const edited = edit ? edit(text) : text;
      assert.ok(!edit || edited !== text, `the edit of the ${kind} changed nothing`);
      writeFileSync(join(dir, `${DYNAMICS}.${kind}.json`), edited);
    }
    return dir;
  }
  /** Line and column (from 1) of the nth occurrence of `needle` in the file. */
  function lineCol(file: string, needle: string, nth = 0): string {
    const text = readFileSync(file, 'utf8');
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} not in ${file}`);
    const before = text.slice(0, at).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  }

  it('journey test fails a scenario whose doesNotReceive names misspelt content, at its line and column, never passing it', () => {
    const dir = dynamicsCopy({ scenario: (t) => {
      const scenario = JSON.parse(t) as { expectations: { contact?: string }[] };
      scenario.expectations.push({ type: 'doesNotReceive', contact: scenario.expectations[0]!.contact, content: 'product_launch_smss' } as never);
      return JSON.stringify(scenario, null, 2);
    } });
    const scenario = join(dir, `${DYNAMICS}.scenario.json`);
    const { code, stdout } = journeyCliWith({ cwd: dir }, 'test', `${DYNAMICS}.scenario.json`);
    assert.equal(code, 1, stdout);
    assert.match(stdout, new RegExp(`✗ ${escapeRegExp(`${DYNAMICS}.scenario.json:${lineCol(scenario, '"product_launch_smss"')}`)} There is no content item "product_launch_smss" in journey ${escapeRegExp(`${DYNAMICS}.journey.json`)}\\. Did you mean "product_launch_sms"\\?`));
    assert.match(stdout, /^0 passed, 1 failed$/m);
  });

  it('journey test reports a misspelt point as "no such point", not as a behaviour failure', () => {
    const dir = dynamicsCopy({ scenario: (t) => t.replace('"point": "p_wait_product_click"', '"point": "p_wait_product_clik"') });
    const { code, stdout } = journeyCliWith({ cwd: dir }, 'test', '.');
    assert.equal(code, 1, stdout);
    assert.match(stdout, new RegExp(`:${lineCol(join(dir, `${DYNAMICS}.scenario.json`), '"p_wait_product_clik"')} There is no journey point "p_wait_product_clik" in journey .*Did you mean "p_wait_product_click"\\?`));
    assert.doesNotMatch(stdout, /was never at/);
    assert.match(stdout, /^0 passed, \d+ failed$/m);
  });

  it('journey simulate refuses a timeline whose click names a link the email does not have, at the link', () => {
    const dir = dynamicsCopy({ timeline: (t) => t.replace('"link": "pricing"', '"link": "pricng"') });
    const timeline = join(dir, `${DYNAMICS}.timeline.json`);
    const { code, stdout, stderr } = journeyCli('simulate', join(dir, `${DYNAMICS}.journey.json`), '--timeline', timeline);
    assert.equal(code, 1, stdout);
    assert.match(stdout, new RegExp(`^${escapeRegExp(`${timeline}:${lineCol(timeline, '"pricng"')}`)} error There is no link "pricng" in content item "product_announcement_email" of journey .*Did you mean "pricing"\\? \\[reference\\.unknown-link\\]$`, 'm'));
    assert.match(stderr, /has 1 error; nothing was simulated/);
  });

  it('journey simulate locates an unknown starting point in a timeline too big to parse with locations, at the event it is in', async () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    writeFileSync(journey, tagJourney());
    const good = join(dir, 'good.timeline.json');
    await writeTagTimeline(good, 20_000, 5); // about 1.6 MB, one line; a 96 MB heap locates in the events only
    const text = readFileSync(good, 'utf8');
    let at = text.indexOf('"events":[') + '"events":['.length;
    for (let k = 0; k < 70_001; k++) at = text.indexOf('},{', at) + 2;
    const inserted = '{"at":"2026-01-01T00:00:00Z","contact":"c1","type":"apiEntry","startingPoint":"sp_vpi"},';
    const bad = join(dir, 'bad.timeline.json');
    writeFileSync(bad, text.slice(0, at) + inserted + text.slice(at));
    const { code, stdout } = journeyCliWith({ nodeArgs: ['--max-old-space-size=96'] }, 'simulate', journey, '--timeline', bad, '--no-trace');
    assert.equal(code, 1, stdout);
    assert.match(stdout, new RegExp(`^${escapeRegExp(bad)}:1:${at + inserted.indexOf('"sp_vpi"') + 1} error There is no starting point "sp_vpi" in journey .*Did you mean "sp_vip"\\? \\[reference\\.unknown-starting-point\\]$`, 'm'));
  });

  it('journey validate checks a timeline as a timeline: its schema and its names against its journey', () => {
    const dir = dynamicsCopy({ timeline: (t) => t.replace('"link": "pricing"', '"link": "pricng"') });
    const bad = journeyCliWith({ cwd: dir }, 'validate', `${DYNAMICS}.timeline.json`);
    assert.equal(bad.code, 1, bad.stdout);
    assert.match(bad.stdout, new RegExp(`^${escapeRegExp(`${DYNAMICS}.timeline.json:${lineCol(join(dir, `${DYNAMICS}.timeline.json`), '"pricng"')}`)} error There is no link "pricng"`, 'm'));
    assert.doesNotMatch(bad.stdout, /startingPoints|"points"/, 'not checked as a journey');
    assert.match(bad.stdout, /1 file checked: 1 error, 0 warnings/);
    writeFileSync(join(dir, 'instant.timeline.json'), '{\n  "formatVersion": 1,\n  "contacts": [],\n  "events": [{ "at": "yesterday", "contact": "c", "type": "purchase" }]\n}\n');
    const instant = journeyCliWith({ cwd: dir }, 'validate', 'instant.timeline.json');
    assert.equal(instant.code, 1, instant.stdout);
    assert.match(instant.stdout, /^instant\.timeline\.json:4:22 error events\[0\]\.at: an instant is ISO 8601 with an offset, e\.g\. 2026-03-01T09:00:00Z\. \[schema\.invalid-format\]$/m);
  });

  it('journey validate checks a scenario as a scenario, and passes every sample timeline and scenario with 0 errors', () => {
    const dir = dynamicsCopy({ scenario: (t) => t.replace('"point": "p_wait_product_click"', '"point": "p_wait_product_clik"') });
    const bad = journeyCliWith({ cwd: dir }, 'validate', `${DYNAMICS}.scenario.json`);
    assert.equal(bad.code, 1, bad.stdout);
    assert.match(bad.stdout, /^dynamics-product-announcement\.scenario\.json:\d+:\d+ error There is no journey point "p_wait_product_clik" .*\[reference\.unknown-point\]$/m);
    const samples = readdirSync(SAMPLES).filter((f) => /\.(timeline|scenario)\.json$/.test(f));
    const good = journeyCliWith({ cwd: SAMPLES }, 'validate', ...samples);
    assert.equal(good.code, 0, good.stdout);
    assert.match(good.stdout, new RegExp(`${samples.length} files checked: 0 errors, 0 warnings`));
  });
});

describe('journey validate and the published versions kept beside a journey (R22)', () => {
  before(function () {
    this.timeout(300_000);
    ensureDistBuilt();
  });

  /** A folder with tag_journey published as version 1 by `journey publish` (which keeps its source in published/tag_journey/). */
  function publishedJourney(): { file: string; text: string } {
    const dir = tmp();
    const file = join(dir, 'tag.journey.json');
    writeFileSync(file, tagJourney());
    const published = journeyCli('publish', file, '--yes');
    assert.equal(published.code, 0, published.stdout + published.stderr);
    assert.ok(existsSync(join(dir, 'published', 'tag_journey', 'tag_journey.v1.journey.json')), 'publishing kept the source of version 1');
    return { file, text: readFileSync(file, 'utf8') };
  }

  it('R22: an edit of the published version is an error at the line and column of the changed value', function () {
    this.timeout(60_000);
    const { file, text } = publishedJourney();
    const edited = text.replace('"duration": "P1D"', '"duration": "P2D"');
    writeFileSync(file, edited);
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1, stdout);
    const line = edited.split('\n').findIndex((l) => l.includes('"P2D"')) + 1;
    const column = edited.split('\n')[line - 1]!.indexOf('"P2D"') + 1;
    assert.match(stdout, new RegExp(`^${escapeRegExp(file)}:${line}:${column} error Version 1 was published and is frozen \\(R22\\): this was "P1D" in the published version\\..* \\[R22\\.published-version-edited\\]$`, 'm'));
  });

  it('R22: a publication record removed by hand (status back to draft) is an error while version 1 is kept', function () {
    this.timeout(60_000);
    const { file, text } = publishedJourney();
    const unpublished = JSON.parse(text) as Record<string, unknown>;
    delete unpublished['publication'];
    unpublished['status'] = 'draft';
    writeFileSync(file, JSON.stringify(unpublished, null, 2));
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /tag\.journey\.json:\d+:\d+ error Version 1 of "tag_journey" was published \(its source is kept in .*published\/tag_journey\/tag_journey\.v1\.journey\.json\) and is frozen \(R22\).* \[R22\.publication-removed\]$/m);
  });
});
