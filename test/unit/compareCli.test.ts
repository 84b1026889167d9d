// Specification of `journey compare A B --timeline T [--seed N] [--json]`:
// exit 0 when both versions give the same outcomes on the timeline, 1 when
// they differ, 2 on bad input with every error located in its file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDistBuilt } from '../support/builtDist';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');
const A = join(SAMPLES, 'dynamics-product-announcement.journey.json');
const TIMELINE = join(SAMPLES, 'dynamics-product-announcement.timeline.json');

function journeyCli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The dynamics sample with its click timeout set to `timeout`, written to a temporary file. */
function dynamicsWithTimeout(timeout: string): string {
  const journey = JSON.parse(readFileSync(A, 'utf8')) as { $schema?: string; points: { id: string; timeout?: string }[] };
  delete journey.$schema;
  journey.points.find((p) => p.id === 'p_wait_product_click')!.timeout = timeout;
  const file = join(mkdtempSync(join(tmpdir(), 'journey-compare-')), 'b.journey.json');
  writeFileSync(file, JSON.stringify(journey, null, 2));
  return file;
}

describe('journey compare', function () {
  this.timeout(120_000); // CLI runs and generated replays: slow on a busy 2-core machine
  before(function () {
    this.timeout(300_000);
    ensureDistBuilt();
  });

  it('exits 0 and says the outcomes are equal when B only reformats A', () => {
    const b = join(mkdtempSync(join(tmpdir(), 'journey-compare-')), 'same.journey.json');
    writeFileSync(b, JSON.stringify(JSON.parse(readFileSync(A, 'utf8'))));
    const { code, stdout } = journeyCli('compare', A, b, '--timeline', TIMELINE);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /Contacts whose outcome changed: 0/);
    assert.match(stdout, /The outcomes are equal\.$/m);
  });

  it('exits 1 when the outcomes differ, with the counts as A → B and the contacts whose path changed (R11: c_nowak clicks at the old 1-day deadline, after the new 12-hour one)', () => {
    const { code, stdout } = journeyCli('compare', A, dynamicsWithTimeout('PT12H'), '--timeline', TIMELINE);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^p_send_launch_sms \(sendSms\)\s+4 → 3 \(-1\)\s+3 → 2 \(-1\)/m);
    assert.match(stdout, /^ {2}c_nowak: path changed .*A leave p_wait_product_click → yes .*B leave p_wait_product_click → timeout at 2026-05-04T20:00:00Z$/m);
    assert.match(stdout, /^ {4}receives in A only: product_launch_sms$/m);
    assert.match(stdout, /^ {2}c_wisniewski: timing changed/m);
    assert.match(stdout, /^ {4}waits 12 h less at p_wait_product_click \(1 d → 12 h\)$/m);
    assert.match(stdout, /The outcomes differ\.$/m);
  });

  it('--json gives the per-point counts of both versions and every changed contact, with ISO instants', () => {
    const { code, stdout } = journeyCli('compare', A, dynamicsWithTimeout('PT12H'), '--timeline', TIMELINE, '--json');
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { equal: boolean; seed: number; points: { b: string; countsA: { sent: number }; countsB: { sent: number } }[]; changedContacts: { contact: string; pathChanged: boolean; onlyInA: string[]; firstDivergence: { b: { at: string } } }[] };
    assert.equal(report.equal, false);
    assert.equal(report.seed, 2, 'the timeline seed');
    const sms = report.points.find((p) => p.b === 'p_send_launch_sms')!;
    assert.deepEqual([sms.countsA.sent, sms.countsB.sent], [3, 2]);
    assert.deepEqual(report.changedContacts.map((c) => [c.contact, c.pathChanged]), [['c_nowak', true], ['c_wisniewski', false], ['c_lewandowski', false]]);
    assert.equal(report.changedContacts[0]!.firstDivergence.b.at, '2026-05-04T20:00:00Z');
  });

  it('exits 2 with the error located in its file when a version is not a valid journey, and compares nothing', () => {
    const broken = join(SAMPLES, 'broken', 'unknown-point-type.journey.json');
    const { code, stdout, stderr } = journeyCli('compare', A, broken, '--timeline', TIMELINE);
    assert.equal(code, 2);
    assert.match(stdout, new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error `, 'm'));
    assert.match(stderr, /nothing was compared/);
    assert.doesNotMatch(stdout, /outcomes/);
  });

  it('exits 2 with the error located in the timeline when it is not valid', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journey-compare-')), 'bad.timeline.json');
    writeFileSync(file, '{\n  "formatVersion": 1,\n  "contacts": [],\n  "events": [ { "at": "yesterday", "contact": "c", "type": "tagAdded", "tag": "x" } ]\n}\n');
    const { code, stdout } = journeyCli('compare', A, A, '--timeline', file);
    assert.equal(code, 2);
    assert.match(stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+ error .*instant`, 'm'));
  });

  it('exits 2 with the usage on a missing timeline, one journey only, or a seed that is not an integer', () => {
    for (const args of [[A, A], [A, '--timeline', TIMELINE], [A, A, '--timeline', TIMELINE, '--seed', 'x']]) {
      const { code, stderr } = journeyCli('compare', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /Usage: journey compare A B --timeline T/);
    }
  });

  it('--seed replays both versions with that seed', () => {
    const { code, stdout } = journeyCli('compare', A, A, '--timeline', TIMELINE, '--seed', '77', '--json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as { seed: number }).seed, 77);
  });
});
