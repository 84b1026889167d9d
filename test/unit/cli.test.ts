// Specification of the `journey` command line: validate prints located
// diagnostics as file:line:col severity message and exits 1 on errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureDistBuilt } from '../support/builtDist';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');

function journeyCli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
