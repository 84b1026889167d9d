// Specification of `journey timeline FILE [--start] [--out]` (#19): it writes
// a timeline skeleton that `journey validate` accepts and `journey test`
// can replay, names its journey relative to the output, refuses a journey
// with errors with them located, and an unwritable output with a message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDistBuilt } from '../support/builtDist';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SAMPLES = resolve(__dirname, '../../samples');
ensureDistBuilt();
const journeyCli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('journey timeline (skeleton)', () => {
  it('writes a skeleton that validates against its journey, named relative to the output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-skeleton-'));
    const out = join(dir, 'vip.timeline.json');
    const made = journeyCli('timeline', join(SAMPLES, 'mailchimp-vip-welcome.journey.json'), '--start', '2026-03-02T09:00:00Z', '--out', out);
    assert.equal(made.status, 0, made.stderr);
    const timeline = JSON.parse(readFileSync(out, 'utf8')) as { journey: string; contacts: { id: string }[]; start: string };
    assert.equal(resolve(dir, timeline.journey), join(SAMPLES, 'mailchimp-vip-welcome.journey.json'));
    assert.ok(timeline.contacts.some((c) => c.id === 'c_sp_tag_vip'), timeline.contacts.map((c) => c.id).join());
    assert.equal(timeline.start, '2026-03-02T08:59:00Z');
    const checked = journeyCli('validate', out);
    assert.equal(checked.status, 0, checked.stdout);
    assert.match(checked.stdout, /0 errors, 0 warnings/);
  });

  it('refuses a journey with errors, located', () => {
    const refused = journeyCli('timeline', join(SAMPLES, 'broken', 'unknown-point-type.journey.json'));
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /unknown-point-type\.journey\.json:\d+:\d+ error .*\[schema\.unknown-discriminator\]/);
  });

  it('says why it cannot write, and a bad --start, without a stack', () => {
    const unwritable = journeyCli('timeline', join(SAMPLES, 'birthday-german.journey.json'), '--out', join(tmpdir(), 'no-such-folder-19', 'x.timeline.json'));
    assert.equal(unwritable.status, 1);
    assert.match(unwritable.stderr, /cannot write .*no-such-folder-19/);
    const badStart = journeyCli('timeline', join(SAMPLES, 'birthday-german.journey.json'), '--start', 'tomorrow');
    assert.equal(badStart.status, 2);
    assert.match(badStart.stderr, /"tomorrow" is not an instant/);
  });
});
