// Specification of what `journey rehearse` does before it reaches a
// deployment: usage problems and errors in the journey or timeline file are
// reported (located) with exit 2, and nothing is sent anywhere. The
// rehearsal itself, against a real restate-server and service, is
// test/restate/rehearse.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDistBuilt } from '../support/builtDist';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');
const JOURNEY = join(SAMPLES, 'mailchimp-vip-welcome.journey.json');
const TIMELINE = join(SAMPLES, 'mailchimp-vip-welcome.timeline.json');
/** An ingress nobody would listen on: a rehearsal that got this far would say no ingress answers. */
const INGRESS = 'http://127.0.0.1:9';

function journeyCli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('journey rehearse (before any deployment is asked)', function () {
  this.timeout(60_000);
  before(function () {
    this.timeout(300_000);
    ensureDistBuilt();
  });

  it('without --timeline: exit 2 with the usage', () => {
    const r = journeyCli('rehearse', JOURNEY);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /journey rehearse: name the timeline to replay with --timeline\nUsage: journey rehearse FILE --timeline T/);
  });

  it('a bad --day-ms or --ingress: exit 2 naming the option and the value', () => {
    const dayMs = journeyCli('rehearse', JOURNEY, '--timeline', TIMELINE, '--day-ms', '0');
    assert.equal(dayMs.code, 2);
    assert.match(dayMs.stderr, /--day-ms must be a positive number of milliseconds, not "0"/);
    const ingress = journeyCli('rehearse', JOURNEY, '--timeline', TIMELINE, '--ingress', 'ftp://x');
    assert.equal(ingress.code, 2);
    assert.match(ingress.stderr, /--ingress must be an http\(s\) URL/);
  });

  it('a timeline naming a point the journey lacks: the error located in the timeline, exit 2, nothing rehearsed', () => {
    const timeline = JSON.parse(readFileSync(TIMELINE, 'utf8')) as { events: { type: string; point?: string }[] };
    const click = timeline.events.find((e) => e.point !== undefined);
    assert.ok(click, 'the sample timeline has an event naming a point');
    click.point = 'p_nowhere';
    const file = join(mkdtempSync(join(tmpdir(), 'journey-rehearse-')), 'bad.timeline.json');
    writeFileSync(file, JSON.stringify(timeline, null, 2));
    const r = journeyCli('rehearse', JOURNEY, '--timeline', file, '--ingress', INGRESS);
    assert.equal(r.code, 2);
    assert.match(r.stdout, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+ error .*p_nowhere`));
    assert.match(r.stderr, /errors in .*bad\.timeline\.json; nothing was rehearsed\./);
    assert.doesNotMatch(r.stderr, /No Restate ingress answers/);
  });
});
