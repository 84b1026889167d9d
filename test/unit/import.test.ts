// Specification of `journey import segment|csv` and of the `.timeline.ndjson`
// it writes: a Segment Spec history (identify + track, NDJSON) and a CSV
// export (one row per event), both written by hand from the formats'
// public descriptions (test/fixtures/import/) to say what the dynamics and
// MailUp samples' timelines say, import to timelines that simulate exactly
// like those hand-written timelines; unmapped event names are reported with
// counts; bad rows are reported at their line and skipped only when asked;
// memory follows the contacts, not the events.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDistBuilt } from '../support/builtDist';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');
const FIXTURES = join(__dirname, '../fixtures/import');

function journeyCli(args: string[], nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'journey-import-'));

/** `journey simulate --json` of a sample journey on a timeline file, without the file's name. */
function simulation(sample: string, timeline: string): unknown {
  const { code, stdout, stderr } = journeyCli(['simulate', join(SAMPLES, `${sample}.journey.json`), '--timeline', timeline, '--json']);
  assert.equal(code, 0, stdout + stderr);
  const report = JSON.parse(stdout) as Record<string, unknown>;
  delete report['timeline'];
  return report;
}

describe('journey import', function () {
  this.timeout(120_000); // CLI runs and generated replays: slow on a busy 2-core machine
  before(function () {
    this.timeout(300_000);
    ensureDistBuilt();
  });

  it('Segment Spec NDJSON (identify traits, Email Link Clicked, custom audience events by mapping) imports to a timeline that simulates exactly like the hand-written dynamics timeline; Product Viewed (unmapped) and page (ignored) are reported with counts', () => {
    const out = join(tmp(), 'history.timeline.ndjson');
    const { code, stdout } = journeyCli(['import', 'segment', join(FIXTURES, 'dynamics.segment.ndjson'), '--mapping', join(FIXTURES, 'dynamics.segment-mapping.json'), '--out', out, '--seed', '2', '--start', '2026-05-04T07:00:00Z', '--horizon', '2026-05-20T00:00:00Z']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Event names no template maps .*\n {2}"Product Viewed": 2$/m);
    assert.match(stdout, /^Message types a timeline has no use for .*\n {2}"page": 1$/m);
    assert.match(stdout, /Wrote .*: 6 contacts, 9 events\.$/m);
    const sample = 'dynamics-product-announcement';
    const imported = simulation(sample, out) as { stats: { started: number } };
    assert.equal(imported.stats.started, 6, 'everyone entered');
    assert.deepEqual(imported, simulation(sample, join(SAMPLES, `${sample}.timeline.json`)));
  });

  it('a CSV export (RFC 4180, quoted cells, one row per event, contact columns) imports to a timeline that simulates exactly like the hand-written MailUp timeline; the unmapped "Viewed Page" is reported', () => {
    const out = join(tmp(), 'export.timeline.ndjson');
    const { code, stdout } = journeyCli(['import', 'csv', join(FIXTURES, 'mailup.csv'), '--mapping', join(FIXTURES, 'mailup.csv-mapping.json'), '--out', out, '--seed', '4', '--start', '2026-03-02T00:00:00Z', '--horizon', '2026-03-12T00:00:00Z']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^ {2}"Viewed Page": 1$/m);
    assert.match(stdout, /Wrote .*: 6 contacts, 10 events\.$/m);
    const sample = 'mailup-webform-nurture';
    assert.deepEqual(simulation(sample, out), simulation(sample, join(SAMPLES, `${sample}.timeline.json`)));
  });

  it('bad rows are errors at their line and nothing is written; with --skip-bad-rows they are warnings and the rest is written', () => {
    const dir = tmp();
    const csv = join(dir, 'bad.csv');
    const lines = readFileSync(join(FIXTURES, 'mailup.csv'), 'utf8').trimEnd().split('\n');
    lines.splice(3, 0, 'c_x,x@example.it,X,it,newsletter,,Form Submit,yesterday,signup_form,X,blog,,,', 'c_y,too,few,cells');
    writeFileSync(csv, lines.join('\n') + '\n');
    const out = join(dir, 'bad.timeline.ndjson');
    const args = ['import', 'csv', csv, '--mapping', join(FIXTURES, 'mailup.csv-mapping.json'), '--out', out];
    const refused = journeyCli(args);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1 error bad row: "yesterday" in column "Timestamp" is not an ISO 8601 instant \\[import\\.bad-row\\]$`, 'm'));
    assert.match(refused.stdout, /:5:1 error bad row: not a CSV row of the header's columns/);
    assert.match(refused.stderr, /2 bad rows in .*; nothing was written/);
    assert.equal(existsSync(out), false);
    const skipped = journeyCli([...args, '--skip-bad-rows']);
    assert.equal(skipped.code, 0, skipped.stdout);
    assert.match(skipped.stdout, /:4:1 warning bad row/);
    assert.match(skipped.stdout, /6 contacts, 10 events, 2 bad rows skipped\.$/m);
  });

  it('a Segment line that is not JSON, and a track without a timestamp, are bad rows at their line', () => {
    const dir = tmp();
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, '{"type":"identify","userId":"u1","traits":{"email":"a@example.com"}}\n{"type":"track","userId":"u1","event":"Email Opened"\n{"type":"track","userId":"u1","event":"Unsubscribed"}\n');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, '{ "formatVersion": 1 }');
    const { code, stdout } = journeyCli(['import', 'segment', file, '--mapping', mapping, '--out', join(dir, 'x.timeline.ndjson')]);
    assert.equal(code, 1);
    assert.match(stdout, /bad\.ndjson:2:1 error bad row: not JSON/);
    assert.match(stdout, /bad\.ndjson:3:1 error bad row: "Unsubscribed" has no timestamp/);
  });

  it('a mapping that names no contact property is refused with the error located in the mapping file', () => {
    const dir = tmp();
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, '{\n  "formatVersion": 1,\n  "traits": { "mail": "emial" }\n}\n');
    const { code, stdout } = journeyCli(['import', 'segment', join(FIXTURES, 'dynamics.segment.ndjson'), '--mapping', mapping, '--out', join(dir, 'x.timeline.ndjson')]);
    assert.equal(code, 1);
    assert.match(stdout, /m\.json:3:\d+ error .*a target is a contact property/);
  });

  it('usage errors exit 2: no format, an output that is not .timeline.ndjson', () => {
    assert.equal(journeyCli(['import', 'xml', 'f', '--mapping', 'm', '--out', 'o.timeline.ndjson']).code, 2);
    assert.equal(journeyCli(['import', 'csv', 'f', '--mapping', 'm', '--out', 'o.json']).code, 2);
  });

  it('a .timeline.ndjson line that is not a contact or an event is an error at its line, and nothing is simulated', () => {
    const dir = tmp();
    const file = join(dir, 't.timeline.ndjson');
    writeFileSync(file, '{"formatVersion":1}\n{"contact":{"id":"c1"}}\n{"event":{"at":"soon","contact":"c1","type":"tagAdded","tag":"VIP"}}\n');
    const { code, stdout } = journeyCli(['simulate', join(SAMPLES, 'mailchimp-vip-welcome.journey.json'), '--timeline', file]);
    assert.equal(code, 1);
    assert.match(stdout, /t\.timeline\.ndjson:3:1 error event: at: an instant is ISO 8601/);
  });

  it('what-if on imported history: journey compare replays both versions on it', () => {
    const dir = tmp();
    const out = join(dir, 'history.timeline.ndjson');
    assert.equal(journeyCli(['import', 'segment', join(FIXTURES, 'dynamics.segment.ndjson'), '--mapping', join(FIXTURES, 'dynamics.segment-mapping.json'), '--out', out, '--seed', '2', '--start', '2026-05-04T07:00:00Z', '--horizon', '2026-05-20T00:00:00Z']).code, 0);
    const journey = JSON.parse(readFileSync(join(SAMPLES, 'dynamics-product-announcement.journey.json'), 'utf8')) as { $schema?: string; points: { id: string; timeout?: string }[] };
    delete journey.$schema;
    journey.points.find((p) => p.id === 'p_wait_product_click')!.timeout = 'PT12H';
    writeFileSync(join(dir, 'b.journey.json'), JSON.stringify(journey));
    const { code, stdout } = journeyCli(['compare', join(SAMPLES, 'dynamics-product-announcement.journey.json'), join(dir, 'b.journey.json'), '--timeline', out, '--json']);
    assert.equal(code, 1);
    assert.deepEqual((JSON.parse(stdout) as { changedContacts: { contact: string }[] }).changedContacts.map((c) => c.contact).sort(), ['c_lewandowski', 'c_nowak', 'c_wisniewski']);
  });

  it('streams: 300,000 track events of 100 contacts import in a 40 MB heap (the events are never all in memory)', async function () {
    this.timeout(180_000);
    const dir = tmp();
    const file = join(dir, 'big.ndjson');
    const stream = createWriteStream(file);
    for (let i = 0; i < 300_000; i++) {
      const line = `{"type":"track","userId":"u${i % 100}","event":"${i % 7 === 0 ? 'Page Scrolled' : 'Email Opened'}","timestamp":"2026-03-0${1 + (i % 9)}T10:00:00Z","properties":{"email_id":"em_1","email_subject":"Hello there, this is a long enough subject line"}}\n`;
      if (!stream.write(line)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, '{ "formatVersion": 1, "values": { "content": { "em_1": "welcome" } } }');
    const out = join(dir, 'big.timeline.ndjson');
    const { code, stdout, stderr } = journeyCli(['import', 'segment', file, '--mapping', mapping, '--out', out], ['--max-old-space-size=40']);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /"Page Scrolled": 42858/);
    assert.match(stdout, /100 contacts, 257142 events\./);
    assert.match(stderr, /journey import: 50,000 records, \d+% of/, 'progress is reported');
  });
});
