// Specification of the `journey compare`, `import`, `timeline`, `reference`,
// `rehearse` and `publish` commands, called in-process (the functions
// main.ts dispatches to) with real files in a temporary folder and their
// output lines captured: what each prints, in which order, and the exit
// code it returns. compareCli, import, cliTimeline, rehearseCli and
// cli.test.ts run the same commands end to end through dist/cli.js; the
// rehearsal against a running service is test/restate/rehearse.test.ts.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { CommandResult } from '../../src/cli/command';
import { compareCommand } from '../../src/cli/compareCommand';
import { importCommand, importReportLines } from '../../src/cli/importCommand';
import { keptPublishedVersions } from '../../src/cli/keptPublishedVersions';
import { publishCommand } from '../../src/cli/publishCommand';
import { END_MARKER, referenceCommand, START_MARKER, withReference } from '../../src/cli/referenceCommand';
import { rehearseCommand } from '../../src/cli/rehearseCommand';
import { timelineCommand } from '../../src/cli/timelineCommand';
import { validateCommand } from '../../src/cli/validateCommand';
import { journeyFormatReference } from '../../src/core/formatReference';
import { writeRuntimeFiles } from '../restate/support/runtimeBundle';
import { tagJourney } from '../support/tagJourney';

const SAMPLES = join(__dirname, '../../samples');
const FIXTURES = join(__dirname, '../fixtures/import');
const tmp = () => mkdtempSync(join(tmpdir(), 'journey-workflow-'));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Command = (args: string[], out: (line: string) => void) => Promise<CommandResult>;

/** Runs a command with its output lines captured. */
async function run(command: Command, ...args: string[]): Promise<CommandResult & { lines: string[]; stdout: string }> {
  const lines: string[] = [];
  const result = await command(args, (line) => lines.push(line));
  return { ...result, lines, stdout: lines.join('\n') };
}

/** The line and column (from 1) of the first `needle` in `text`, as `line:col`. */
function placeOf(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/**
 * The tag journey with two errors the validator reports out of text order:
 * a dangling next (R4, near the end) found before an undeclared trigger tag
 * (R2, near the start). The commands print errors in text order.
 */
function outOfOrderJourney(): { text: string; first: string; second: string } {
  const text = tagJourney().replace('"next": "p_end"', '"next": "p_edn"').replace('"tag": "vip"\n', '"tag": "vipx"\n');
  return { text, first: placeOf(text, '"vipx"'), second: placeOf(text, '"p_edn"') };
}

/** Lines written to process.stderr while `action` runs (the commands' progress lines go there). */
async function stderrOf<T>(action: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  const write = process.stderr.write;
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { result: await action(), stderr };
  } finally {
    process.stderr.write = write;
  }
}

const DYNAMICS = join(SAMPLES, 'dynamics-product-announcement.journey.json');
const DYNAMICS_TIMELINE = join(SAMPLES, 'dynamics-product-announcement.timeline.json');

/** The dynamics sample with its click timeout set to `timeout` (R11), in a temporary file. */
function dynamicsWithTimeout(timeout: string, dir = tmp()): string {
  const journey = JSON.parse(readFileSync(DYNAMICS, 'utf8')) as { $schema?: string; points: { id: string; timeout?: string }[] };
  delete journey.$schema;
  journey.points.find((p) => p.id === 'p_wait_product_click')!.timeout = timeout;
  const file = join(dir, 'b.journey.json');
  writeFileSync(file, JSON.stringify(journey, null, 2));
  return file;
}

describe('journey compare (in-process)', function () {
  this.timeout(60_000);

  it('B only reformats A: the header names both journeys and the timeline, "The outcomes are equal.", exit 0', async () => {
    const b = join(tmp(), 'same.journey.json');
    writeFileSync(b, JSON.stringify(JSON.parse(readFileSync(DYNAMICS, 'utf8'))));
    const r = await run(compareCommand, DYNAMICS, b, '--timeline', DYNAMICS_TIMELINE);
    assert.equal(r.exitCode, 0, r.stdout);
    assert.equal(r.error, undefined);
    const name = (JSON.parse(readFileSync(DYNAMICS, 'utf8')) as { name: string }).name;
    assert.equal(r.lines[0], `Compare ${name} (A: ${DYNAMICS}) with ${name} (B: ${b}) on ${DYNAMICS_TIMELINE}`);
    assert.equal(r.lines.at(-1), 'The outcomes are equal.');
  });

  it('R11: a shorter click timeout changes outcomes: exit 1, "The outcomes differ."', async () => {
    const r = await run(compareCommand, DYNAMICS, dynamicsWithTimeout('PT12H'), '--timeline', DYNAMICS_TIMELINE);
    assert.equal(r.exitCode, 1, r.stdout);
    assert.equal(r.lines.at(-1), 'The outcomes differ.');
    assert.ok(r.lines.some((l) => /^ {2}c_nowak: path changed/.test(l)), r.stdout);
  });

  it('--json: one JSON document naming A, B and the timeline as given, with the seed given by --seed and the horizon by --horizon', async () => {
    const b = dynamicsWithTimeout('PT12H');
    const r = await run(compareCommand, DYNAMICS, b, '--timeline', DYNAMICS_TIMELINE, '--json', '--seed', '77', '--horizon', '2026-05-10T00:00:00Z');
    assert.equal(r.lines.length, 1);
    const report = JSON.parse(r.lines[0]!) as { a: string; b: string; timeline: string; seed: number; horizon: string; equal: boolean };
    assert.deepEqual([report.a, report.b, report.timeline], [DYNAMICS, b, DYNAMICS_TIMELINE]);
    assert.equal(report.seed, 77);
    assert.equal(report.horizon, '2026-05-10T00:00:00Z');
    assert.equal(r.exitCode, report.equal ? 0 : 1);
  });

  it('--horizon and --seed reach the replay in the table output too', async () => {
    const r = await run(compareCommand, DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--horizon', '2026-05-06T00:00:00Z', '--seed', '5');
    assert.equal(r.exitCode, 0, r.stdout);
    assert.match(r.lines[1]!, /^Replay \S+ → 2026-05-06T00:00:00Z, seed 5, /);
  });

  it('usage problems exit 2 with the reason and the usage line, and read no file', async () => {
    const cases: [string[], string][] = [
      [[DYNAMICS], 'name the two journey files to compare (1 given)'],
      [[DYNAMICS, DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE], 'name the two journey files to compare (3 given)'],
      [[DYNAMICS, DYNAMICS], 'name the timeline both versions replay with --timeline'],
      [[DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--seed', '1.5'], '--seed must be an integer, not "1.5"'],
      [[DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--seed', 'x1'], '--seed must be an integer, not "x1"'],
      [[DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--seed', '1x'], '--seed must be an integer, not "1x"'],
      [[DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--horizon', 'soon'], '--horizon must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "soon"'],
      [[DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--at', 'x'], 'unknown option --at'],
    ];
    for (const [args, reason] of cases) {
      const r = await run(compareCommand, ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, `journey compare: ${reason}\nUsage: journey compare A B --timeline T [--seed N] [--horizon TIME] [--json]`);
      assert.deepEqual(r.lines, []);
    }
    const negative = await run(compareCommand, DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--seed', '-3', '--json');
    assert.equal(negative.exitCode, 0, negative.error);
    assert.equal((JSON.parse(negative.stdout) as { seed: number }).seed, -3);
  });

  it('errors in A, in B and in the timeline are each printed located; exit 2 names the files with errors; nothing is compared', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.journey.json');
    const text = tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"');
    writeFileSync(broken, text);
    const missing = join(dir, 'missing.timeline.json');
    const r = await run(compareCommand, broken, DYNAMICS, '--timeline', missing);
    assert.equal(r.exitCode, 2);
    assert.equal(r.error, `journey compare: errors in ${broken} and ${missing}; nothing was compared.`);
    assert.deepEqual(r.lines, [`${broken}:${placeOf(text, '"p_wiat"')} error ${r.lines[0]!.split(' error ')[1]}`, `${missing}:1:1 error cannot read the file: ENOENT`]);
    assert.match(r.lines[0]!, /\[R4\.dangling-reference\]$/);

    const unreadableB = await run(compareCommand, DYNAMICS, join(dir, 'none.journey.json'), '--timeline', DYNAMICS_TIMELINE);
    assert.equal(unreadableB.exitCode, 2);
    assert.equal(unreadableB.error, `journey compare: errors in ${join(dir, 'none.journey.json')}; nothing was compared.`);
    assert.deepEqual(unreadableB.lines, [`${join(dir, 'none.journey.json')}:1:1 error cannot read the file: ENOENT`]);
  });

  it('R2: a timeline naming a starting point A lacks is an error at the name in the timeline, exit 2', async () => {
    const timeline = JSON.parse(readFileSync(DYNAMICS_TIMELINE, 'utf8')) as { events: { startingPoint?: string; type: string }[] };
    const dir = tmp();
    const file = join(dir, 'bad.timeline.json');
    const text = JSON.stringify({ ...timeline, events: [...timeline.events, { at: '2026-05-05T00:00:00Z', contact: 'c_nowak', type: 'apiEntry', startingPoint: 'sp_nowhere' }] }, null, 2);
    writeFileSync(file, text);
    const r = await run(compareCommand, DYNAMICS, DYNAMICS, '--timeline', file);
    assert.equal(r.exitCode, 2, r.stdout);
    assert.equal(r.error, `journey compare: errors in ${file}; nothing was compared.`);
    assert.equal(r.lines.length, 1, r.stdout);
    assert.match(r.lines[0]!, new RegExp(`^${escapeRegExp(file)}:\\d+:\\d+ error .*sp_nowhere`));
  });

  it('without --seed and --horizon the timeline\'s own seed and horizon are used', async () => {
    const timeline = JSON.parse(readFileSync(DYNAMICS_TIMELINE, 'utf8')) as { seed: number; horizon: string };
    const r = await run(compareCommand, DYNAMICS, DYNAMICS, '--timeline', DYNAMICS_TIMELINE, '--json');
    const report = JSON.parse(r.stdout) as { seed: number; horizon: string };
    assert.equal(report.seed, timeline.seed);
    assert.equal(report.horizon, timeline.horizon);
  });

  it('R4/R2: the errors of a journey are printed in text order, errors only', async () => {
    const { text, first, second } = outOfOrderJourney();
    const file = join(tmp(), 'a.journey.json');
    writeFileSync(file, text);
    const r = await run(compareCommand, file, DYNAMICS, '--timeline', DYNAMICS_TIMELINE);
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.lines.map((l) => l.split(' ').slice(0, 2).join(' ')), [`${file}:${first} error`, `${file}:${second} error`]);
  });

  it('likely typos of contact data in the timeline (warnings) do not stop the comparison and are not printed', async () => {
    const timeline = JSON.parse(readFileSync(DYNAMICS_TIMELINE, 'utf8')) as { contacts: { segments?: string[] }[] };
    timeline.contacts[0]!.segments = ['top-customer'];
    const file = join(tmp(), 'typo.timeline.json');
    writeFileSync(file, JSON.stringify(timeline, null, 2));
    const r = await run(compareCommand, DYNAMICS, DYNAMICS, '--timeline', file);
    assert.ok(r.lines[0]!.startsWith('Compare '), r.stdout);
    assert.doesNotMatch(r.stdout, /warning/);
  });

  it('a timeline whose names A lacks is not checked against a B or an A that does not parse: only the journey error is printed', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.journey.json');
    writeFileSync(broken, '{ "formatVersion": 1,');
    const r = await run(compareCommand, broken, DYNAMICS, '--timeline', DYNAMICS_TIMELINE);
    assert.equal(r.exitCode, 2);
    assert.ok(r.lines.length >= 1 && r.lines.every((l) => l.startsWith(`${broken}:`)), r.stdout);
    assert.equal(r.error, `journey compare: errors in ${broken}; nothing was compared.`);
  });
});

describe('journey import (in-process)', function () {
  this.timeout(60_000);
  const USAGE = 'Usage: journey import segment|csv FILE --mapping M --out X.timeline.ndjson [--skip-bad-rows] [--seed N] [--start TIME] [--horizon TIME] [--journey J]';
  const segmentArgs = (out: string) => ['segment', join(FIXTURES, 'dynamics.segment.ndjson'), '--mapping', join(FIXTURES, 'dynamics.segment-mapping.json'), '--out', out];

  it('Segment NDJSON: the report lists unmapped names and ignored types with counts, "Wrote OUT: 6 contacts, 9 events.", exit 0; the header carries --journey, --seed, --start, --horizon', async () => {
    const out = join(tmp(), 'h.timeline.ndjson');
    const r = await run(importCommand, ...segmentArgs(out), '--seed', '12', '--start', '2026-05-04T07:00:00Z', '--horizon', '2026-05-20T00:00:00Z', '--journey', './d.journey.json');
    assert.equal(r.exitCode, 0, r.stdout + r.error);
    assert.deepEqual(r.lines, [
      'Event names no template maps (not imported; name them in the mapping to import them):',
      '  "Product Viewed": 2',
      'Message types a timeline has no use for (not imported):',
      '  "page": 1',
      `Wrote ${out}: 6 contacts, 9 events.`,
    ]);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    assert.deepEqual(JSON.parse(lines[0]!), { formatVersion: 1, journey: './d.journey.json', seed: 12, start: '2026-05-04T07:00:00Z', horizon: '2026-05-20T00:00:00Z' });
    assert.equal(lines.length, 1 + 6 + 9);
  });

  it('says on stderr how many records it read, with the percentage of the input', async () => {
    const out = join(tmp(), 'h.timeline.ndjson');
    const input = join(FIXTURES, 'dynamics.segment.ndjson');
    const records = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    const { result, stderr } = await stderrOf(() => run(importCommand, ...segmentArgs(out)));
    assert.equal(result.exitCode, 0);
    assert.equal(stderr, `journey import: ${records} records, 100% of ${input}\n`);
  });

  it('without the optional options the header is {"formatVersion":1} alone', async () => {
    const out = join(tmp(), 'h.timeline.ndjson');
    const r = await run(importCommand, ...segmentArgs(out));
    assert.equal(r.exitCode, 0, r.stdout);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!), { formatVersion: 1 });
  });

  it('CSV: one contact and one event are singular; a bad row stops the import (an error at its line, nothing written, exit 1) unless --skip-bad-rows (a warning, and "1 bad row skipped")', async () => {
    const dir = tmp();
    const csv = join(dir, 'one.csv');
    const header = readFileSync(join(FIXTURES, 'mailup.csv'), 'utf8').split('\n')[0]!;
    writeFileSync(csv, `${header}\nc_a,a@example.it,A,it,newsletter,,Form Submit,2026-03-02 08:00:00,signup_form,A,blog,,,\nc_b,b@example.it,B,it,newsletter,,Form Submit,yesterday,signup_form,B,blog,,,\n`);
    const out = join(dir, 'one.timeline.ndjson');
    const args = ['csv', csv, '--mapping', join(FIXTURES, 'mailup.csv-mapping.json'), '--out', out];
    const refused = await run(importCommand, ...args);
    assert.equal(refused.exitCode, 1);
    assert.deepEqual(refused.lines, [`${csv}:3:1 error bad row: "yesterday" in column "Timestamp" is not an ISO 8601 instant [import.bad-row]`]);
    assert.equal(refused.error, `journey import: 1 bad row in ${csv}; nothing was written (--skip-bad-rows imports the others).`);
    assert.equal(existsSync(out), false);
    const skipped = await run(importCommand, ...args, '--skip-bad-rows');
    assert.equal(skipped.exitCode, 0, skipped.stdout);
    assert.deepEqual(skipped.lines, [`${csv}:3:1 warning bad row: "yesterday" in column "Timestamp" is not an ISO 8601 instant [import.bad-row]`, `Wrote ${out}: 1 contact, 1 event, 1 bad row skipped.`]);
  });

  it('many bad rows: the first 50 are shown, then how many more; the refusal counts them all in the plural', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, Array.from({ length: 53 }, () => 'not json').join('\n') + '\n');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, '{ "formatVersion": 1 }');
    const r = await run(importCommand, 'segment', file, '--mapping', mapping, '--out', join(dir, 'x.timeline.ndjson'));
    assert.equal(r.exitCode, 1);
    const shown = r.lines.filter((l) => l.includes('[import.bad-row]'));
    assert.equal(shown.length, 50);
    assert.match(shown[0]!, new RegExp(`^${escapeRegExp(file)}:1:1 error bad row: not JSON`));
    assert.match(shown[49]!, /:50:1 error /);
    assert.equal(r.lines.at(-1), `${file}: 3 more bad rows not shown.`);
    assert.equal(r.error, `journey import: 53 bad rows in ${file}; nothing was written (--skip-bad-rows imports the others).`);
  });

  it('exactly 50 bad rows are all shown, with no "more" line', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, Array.from({ length: 50 }, () => 'not json').join('\n') + '\n');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, '{ "formatVersion": 1 }');
    const r = await run(importCommand, 'segment', file, '--mapping', mapping, '--out', join(dir, 'x.timeline.ndjson'));
    assert.equal(r.lines.length, 50);
    assert.ok(r.lines.every((l) => l.endsWith('[import.bad-row]')));
  });

  it('a mapping that is wrong is refused with its errors located in it, exit 1: bad JSON, an empty file, a schema error', async () => {
    const dir = tmp();
    const mapping = join(dir, 'm.json');
    const input = join(FIXTURES, 'dynamics.segment.ndjson');
    const out = join(dir, 'x.timeline.ndjson');
    writeFileSync(mapping, '{ "formatVersion": 1, }');
    const syntax = await run(importCommand, 'segment', input, '--mapping', mapping, '--out', out);
    assert.equal(syntax.exitCode, 1);
    assert.equal(syntax.error, `journey import: ${mapping} is not a segment mapping; nothing was imported.`);
    assert.match(syntax.lines[0]!, new RegExp(`^${escapeRegExp(mapping)}:1:\\d+ error .*\\[syntax\\.`));
    writeFileSync(mapping, '');
    const empty = await run(importCommand, 'csv', input, '--mapping', mapping, '--out', out);
    assert.equal(empty.exitCode, 1);
    assert.equal(empty.lines.length, 1);
    assert.match(empty.lines[0]!, new RegExp(`^${escapeRegExp(mapping)}:1:1 error .*\\[syntax\\.`));
    assert.equal(empty.error, `journey import: ${mapping} is not a csv mapping; nothing was imported.`);
    const text = '{\n  "formatVersion": 1,\n  "traits": { "mail": "emial" }\n}\n';
    writeFileSync(mapping, text);
    const schema = await run(importCommand, 'segment', input, '--mapping', mapping, '--out', out);
    assert.equal(schema.exitCode, 1);
    assert.equal(schema.lines.length, 1, schema.stdout);
    assert.match(schema.lines[0]!, new RegExp(`^${escapeRegExp(mapping)}:3:\\d+ error traits\\.mail: a target is a contact property`));
    writeFileSync(mapping, '{\n  "formatVersion": 1,\n  "colour": "red"\n}\n');
    const root = await run(importCommand, 'segment', input, '--mapping', mapping, '--out', out);
    assert.equal(root.lines.length, 1, root.stdout);
    assert.match(root.lines[0]!, new RegExp(`^${escapeRegExp(mapping)}:3:3 error .*"colour".* in the segment mapping\\b`));
    assert.equal(existsSync(out), false);
  });

  it('a mapping or input that cannot be read: exit 1 with the reason, nothing imported', async () => {
    const dir = tmp();
    const out = join(dir, 'x.timeline.ndjson');
    const noMapping = await run(importCommand, 'segment', join(FIXTURES, 'dynamics.segment.ndjson'), '--mapping', join(dir, 'none.json'), '--out', out);
    assert.equal(noMapping.exitCode, 1);
    assert.deepEqual(noMapping.lines, [`${join(dir, 'none.json')}:1:1 error cannot read the file: ENOENT`]);
    assert.equal(noMapping.error, `journey import: cannot read the mapping ${join(dir, 'none.json')}; nothing was imported.`);
    const noInput = await run(importCommand, 'segment', join(dir, 'none.ndjson'), '--mapping', join(FIXTURES, 'dynamics.segment-mapping.json'), '--out', out);
    assert.equal(noInput.exitCode, 1);
    assert.match(noInput.error!, new RegExp(`^journey import: cannot read ${escapeRegExp(join(dir, 'none.ndjson'))} or write ${escapeRegExp(out)}: ENOENT`));
    const inputIsFolder = await run(importCommand, 'segment', dir, '--mapping', join(FIXTURES, 'dynamics.segment-mapping.json'), '--out', out);
    assert.equal(inputIsFolder.exitCode, 1, inputIsFolder.stdout);
    assert.match(inputIsFolder.error!, /^journey import: cannot read .* or write .*: EISDIR/);
  });

  it('usage problems exit 2 with the reason and the usage line', async () => {
    const m = join(FIXTURES, 'dynamics.segment-mapping.json');
    const cases: [string[], string][] = [
      [[], 'say which format, segment or csv'],
      [['xml', 'f'], 'say which format, segment or csv, not "xml"'],
      [['csv', 'f', '--mapping', m, '--out', 'o.json'], '--out names a .timeline.ndjson file, not "o.json"'],
      [['csv', 'f', 'g', '--mapping', m, '--out', 'o.timeline.ndjson'], 'name the one file to import (2 given)'],
      [['csv', '--mapping', m, '--out', 'o.timeline.ndjson'], 'name the one file to import (0 given)'],
      [['csv', 'f', '--out', 'o.timeline.ndjson'], '--mapping is needed'],
      [['csv', 'f', '--mapping', m], '--out is needed'],
      [['csv', 'f', '--mapping', m, '--out', 'o.timeline.ndjson', '--seed', 'two'], '--seed must be an integer, not "two"'],
      [['csv', 'f', '--mapping', m, '--out', 'o.timeline.ndjson', '--seed', '2.5'], '--seed must be an integer, not "2.5"'],
      [['csv', 'f', '--mapping', m, '--out', 'o.timeline.ndjson', '--start', 'today'], '--start must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "today"'],
      [['csv', 'f', '--mapping', m, '--out', 'o.timeline.ndjson', '--horizon', 'later'], '--horizon must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "later"'],
      [['csv', 'f', '--mapping', m, '--out', 'o.timeline.ndjson', '--json'], 'unknown option --json'],
    ];
    for (const [args, reason] of cases) {
      const r = await run(importCommand, ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, `journey import: ${reason}\n${USAGE}`);
      assert.deepEqual(r.lines, []);
    }
  });

  it('the report lists trait changes not replayed, and nothing for an empty report', () => {
    assert.deepEqual(importReportLines({ contacts: 0, events: 0, badRows: 0, unmapped: {}, ignoredTypes: {}, traitChangesNotReplayed: {} }), []);
    assert.deepEqual(importReportLines({ contacts: 1, events: 0, badRows: 0, unmapped: {}, ignoredTypes: {}, traitChangesNotReplayed: { plan: 3 } }), [
      'Trait changes after the first identify that no timeline event says (not replayed):',
      '  "plan": 3',
    ]);
  });
});

describe('journey timeline (in-process)', function () {
  this.timeout(60_000);
  const VIP = join(SAMPLES, 'mailchimp-vip-welcome.journey.json');
  const USAGE = 'Usage: journey timeline FILE [--start INSTANT] [--out FILE]';

  it('prints the skeleton to stdout, starting a minute before 2026-01-05T09:00:00Z by default, naming the journey relative to the working folder with ./', async () => {
    const r = await run(timelineCommand, VIP);
    assert.equal(r.exitCode, 0, r.error);
    assert.equal(r.lines.length, 1);
    const skeleton = JSON.parse(r.lines[0]!) as { journey: string; start: string; contacts: unknown[] };
    assert.equal(skeleton.start, '2026-01-05T08:59:00Z');
    assert.equal(resolve(skeleton.journey), VIP);
    const expected = relative(process.cwd(), VIP);
    assert.equal(skeleton.journey, expected.startsWith('.') ? expected : `./${expected}`);
    assert.equal(r.lines[0], JSON.stringify(skeleton, null, 2));
  });

  it('--out writes the skeleton there, the journey named relative to it, and says how many contacts and events', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'timelines'));
    const out = join(dir, 'timelines', 'vip.timeline.json');
    const r = await run(timelineCommand, '--start', '2026-03-02T09:00:00Z', VIP, '--out', out);
    assert.equal(r.exitCode, 0, r.error);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.endsWith('}\n'));
    const skeleton = JSON.parse(text) as { journey: string; start: string; contacts: unknown[]; events: unknown[] };
    assert.equal(skeleton.start, '2026-03-02T08:59:00Z');
    assert.equal(skeleton.journey, relative(join(dir, 'timelines'), VIP));
    assert.equal(resolve(dir, 'timelines', skeleton.journey), VIP);
    assert.deepEqual(r.lines, [`${out}: ${skeleton.contacts.length} contacts, ${skeleton.events.length} events`]);
  });

  it('a journey beside the output is named ./NAME', async () => {
    const dir = tmp();
    const journey = join(dir, 'tag.journey.json');
    writeFileSync(journey, tagJourney());
    const out = join(dir, 'tag.timeline.json');
    assert.equal((await run(timelineCommand, journey, '--out', out)).exitCode, 0);
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { journey: string }).journey, './tag.journey.json');
  });

  it('a journey with errors is refused with them located and counted; exit 1', async () => {
    const dir = tmp();
    const journey = join(dir, 'bad.journey.json');
    const text = tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"');
    writeFileSync(journey, text);
    const r = await run(timelineCommand, journey);
    assert.equal(r.exitCode, 1);
    assert.equal(r.error, `journey timeline: ${journey} has 1 error; fix them first`);
    assert.equal(r.lines.length, 1);
    assert.match(r.lines[0]!, new RegExp(`^${escapeRegExp(journey)}:${placeOf(text, '"p_wiat"')} error .*\\[R4\\.dangling-reference\\]$`));
    writeFileSync(journey, text.replace('"next": "p_end"', '"next": "p_edn"'));
    const two = await run(timelineCommand, journey);
    assert.equal(two.error, `journey timeline: ${journey} has 2 errors; fix them first`);
    assert.ok(two.lines.every((l) => / error /.test(l)), 'warnings are not printed');
  });

  it('a file that cannot be read: located at 1:1, exit 1', async () => {
    const missing = join(tmp(), 'none.journey.json');
    const r = await run(timelineCommand, missing);
    assert.equal(r.exitCode, 1);
    assert.deepEqual(r.lines, [`${missing}:1:1 error cannot read the file: ENOENT`]);
  });

  it('usage problems exit 2: no journey, two journeys, an unknown option, an option without a value, a --start that is not an instant', async () => {
    const cases: [string[], string][] = [
      [[], `journey timeline: name the journey\n${USAGE}`],
      [[VIP, VIP], `journey timeline: unexpected "${VIP}"\n${USAGE}`],
      [[VIP, '--json'], `journey timeline: unexpected "--json"\n${USAGE}`],
      [['--json', VIP], `journey timeline: unexpected "--json"\n${USAGE}`],
      [[VIP, '--out'], `journey timeline: --out needs a value\n${USAGE}`],
      [[VIP, '--start'], `journey timeline: --start needs a value\n${USAGE}`],
      [[VIP, '--start', 'tomorrow'], 'journey timeline: --start "tomorrow" is not an instant; an instant is ISO 8601 with an offset, e.g. 2026-03-01T09:00:00Z'],
    ];
    for (const [args, error] of cases) {
      const r = await run(timelineCommand, ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, error);
      assert.deepEqual(r.lines, []);
    }
  });

  it('an output it cannot write: exit 1 with the reason, no stack', async () => {
    const target = join(tmp(), 'no-such-folder', 'x.timeline.json');
    const r = await run(timelineCommand, VIP, '--out', target);
    assert.equal(r.exitCode, 1);
    assert.match(r.error!, new RegExp(`^journey timeline: cannot write ${escapeRegExp(target)}: ENOENT`));
    assert.deepEqual(r.lines, []);
  });
});

describe('journey reference (in-process)', () => {
  const reference = journeyFormatReference();
  const markdown = (inside: string) => `# Title\n\n${START_MARKER}\n\n${inside}\n\n${END_MARKER}\n\nAfter.\n`;

  it('without options prints the reference, exit 0', async () => {
    const r = await run(referenceCommand);
    assert.deepEqual(r.lines, [reference]);
    assert.equal(r.exitCode, 0);
  });

  it('withReference puts the reference between the markers, trimmed, a blank line either side, and keeps the rest', () => {
    assert.equal(withReference(markdown('old'), `\n${reference}\n\n`), markdown(reference.trim()));
    assert.equal(withReference('no markers', reference), undefined);
    assert.equal(withReference(`${END_MARKER}\n${START_MARKER}`, reference), undefined, 'the end marker before the start');
    assert.equal(withReference(`${START_MARKER}\n`, reference), undefined, 'no end marker');
    assert.equal(withReference(`x\n${END_MARKER}`, reference), undefined, 'no start marker');
    assert.equal(withReference(`${START_MARKER}${END_MARKER}`, 'R'), `${START_MARKER}\n\nR\n\n${END_MARKER}`);
  });

  it('--update writes the reference into the file, then finds it up to date and leaves the file alone', async () => {
    const file = join(tmp(), 'README.md');
    writeFileSync(file, markdown('old'));
    const updated = await run(referenceCommand, '--update', file);
    assert.equal(updated.exitCode, 0);
    assert.deepEqual(updated.lines, [`${file}: format reference updated`]);
    assert.equal(readFileSync(file, 'utf8'), markdown(reference.trim()));
    const again = await run(referenceCommand, '--update', file);
    assert.deepEqual(again.lines, [`${file}: format reference already up to date`]);
    assert.equal(again.exitCode, 0);
  });

  it('--check: exit 0 when up to date, exit 1 when out of date (the file untouched), exit 1 without markers', async () => {
    const file = join(tmp(), 'README.md');
    writeFileSync(file, markdown(reference.trim()));
    const fresh = await run(referenceCommand, '--check', file);
    assert.equal(fresh.exitCode, 0);
    assert.deepEqual(fresh.lines, [`${file}: the format reference is up to date`]);
    writeFileSync(file, markdown('old'));
    const stale = await run(referenceCommand, '--check', file);
    assert.equal(stale.exitCode, 1);
    assert.equal(stale.error, `${file}: the format reference is out of date; run \`npm run docs\``);
    assert.equal(readFileSync(file, 'utf8'), markdown('old'));
    writeFileSync(file, '# nothing\n');
    const none = await run(referenceCommand, '--check', file);
    assert.equal(none.exitCode, 1);
    assert.equal(none.error, `${file}: the markers ${START_MARKER} and ${END_MARKER} are missing`);
    assert.deepEqual(none.lines, []);
  });

  it('usage: an unknown flag or a flag without its file, exit 2', async () => {
    for (const args of [['--fix', 'README.md'], ['--check'], ['--update']]) {
      const r = await run(referenceCommand, ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, 'journey reference: use --update FILE or --check FILE');
    }
  });
});

describe('journey rehearse (in-process, before any deployment answers)', function () {
  this.timeout(60_000);
  const VIP = join(SAMPLES, 'mailchimp-vip-welcome.journey.json');
  const VIP_TIMELINE = join(SAMPLES, 'mailchimp-vip-welcome.timeline.json');
  const USAGE = 'Usage: journey rehearse FILE --timeline T [--ingress URL] [--day-ms N] [--seed N] [--horizon TIME] [--json]';
  /** An ingress nobody listens on. */
  const NOBODY = 'http://127.0.0.1:9';
  const rehearse = (env: Record<string, string | undefined>) => (args: string[], out: (line: string) => void) => rehearseCommand(args, out, env);

  it('usage problems exit 2 with the reason and the usage line', async () => {
    const cases: [string[], string][] = [
      [[], 'name the one journey file to rehearse (0 given)'],
      [[VIP, VIP, '--timeline', VIP_TIMELINE], 'name the one journey file to rehearse (2 given)'],
      [[VIP], 'name the timeline to replay with --timeline'],
      [[VIP, '--timeline', VIP_TIMELINE, '--day-ms', '0'], '--day-ms must be a positive number of milliseconds, not "0"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--day-ms', '-5'], '--day-ms must be a positive number of milliseconds, not "-5"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--day-ms', '5ms'], '--day-ms must be a positive number of milliseconds, not "5ms"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--day-ms', 'x5'], '--day-ms must be a positive number of milliseconds, not "x5"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--day-ms', '1.'], '--day-ms must be a positive number of milliseconds, not "1."'],
      [[VIP, '--timeline', VIP_TIMELINE, '--seed', '1.5'], '--seed must be an integer, not "1.5"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--seed', 'x1'], '--seed must be an integer, not "x1"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--seed', '1x'], '--seed must be an integer, not "1x"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--horizon', 'soon'], '--horizon must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "soon"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--ingress', 'ftp://x'], '--ingress must be an http(s) URL, e.g. http://127.0.0.1:8080, not "ftp://x"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--ingress', 'not a url'], '--ingress must be an http(s) URL, e.g. http://127.0.0.1:8080, not "not a url"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--day-ms', '+5'], '--day-ms must be a positive number of milliseconds, not "+5"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--ingress', 'http+unix://x'], '--ingress must be an http(s) URL, e.g. http://127.0.0.1:8080, not "http+unix://x"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--ingress', 'xhttp://x'], '--ingress must be an http(s) URL, e.g. http://127.0.0.1:8080, not "xhttp://x"'],
      [[VIP, '--timeline', VIP_TIMELINE, '--at', 'x'], 'unknown option --at'],
    ];
    for (const [args, reason] of cases) {
      const r = await run(rehearse({}), ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, `journey rehearse: ${reason}\n${USAGE}`);
      assert.deepEqual(r.lines, []);
    }
  });

  it('accepts a fractional --day-ms, a negative --seed, an https ingress: it gets as far as asking the ingress', async () => {
    const r = await run(rehearse({}), VIP, '--timeline', VIP_TIMELINE, '--day-ms', '0.5', '--seed', '-2', '--ingress', 'https://127.0.0.1:9', '--horizon', '2026-04-01T00:00:00Z');
    assert.equal(r.exitCode, 2);
    assert.match(r.error!, /^journey rehearse: No Restate ingress answers at https:\/\/127\.0\.0\.1:9 /);
  });

  it('accepts whole and fractional --day-ms of several digits and a --seed of several digits', async () => {
    for (const [dayMs, seed] of [['10', '12'], ['0.25', '3'], ['86400000', '-40']]) {
      const r = await run(rehearse({}), VIP, '--timeline', VIP_TIMELINE, '--day-ms', dayMs!, '--seed', seed!, '--ingress', NOBODY);
      assert.equal(r.exitCode, 2);
      assert.match(r.error!, /^journey rehearse: No Restate ingress answers at /, `${dayMs} ${seed}`);
    }
  });

  it('R4/R2: the errors of the journey are printed in text order', async () => {
    const { text, first, second } = outOfOrderJourney();
    const file = join(tmp(), 'a.journey.json');
    writeFileSync(file, text);
    const r = await run(rehearse({}), file, '--timeline', VIP_TIMELINE, '--ingress', NOBODY);
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.lines.map((l) => l.split(' ').slice(0, 2).join(' ')), [`${file}:${first} error`, `${file}:${second} error`]);
  });

  it('likely typos of contact data in the timeline (warnings) do not stop it and are not printed', async () => {
    const timeline = JSON.parse(readFileSync(VIP_TIMELINE, 'utf8')) as { contacts: { tags?: string[] }[] };
    timeline.contacts[0]!.tags = ['VIPP'];
    const file = join(tmp(), 'typo.timeline.json');
    writeFileSync(file, JSON.stringify(timeline, null, 2));
    const r = await run(rehearse({}), VIP, '--timeline', file, '--ingress', NOBODY, '--json');
    assert.deepEqual(r.lines, []);
    assert.match(r.error!, /^journey rehearse: No Restate ingress answers at /);
  });

  it('no ingress answering: exit 2 naming the URL given by --ingress, else by RESTATE_INGRESS_URL, else http://127.0.0.1:8080', async () => {
    const given = await run(rehearse({ RESTATE_INGRESS_URL: 'http://127.0.0.1:10' }), VIP, '--timeline', VIP_TIMELINE, '--ingress', NOBODY, '--json');
    assert.equal(given.exitCode, 2);
    assert.match(given.error!, /^journey rehearse: No Restate ingress answers at http:\/\/127\.0\.0\.1:9 /);
    assert.deepEqual(given.lines, []);
    const fromEnv = await run(rehearse({ RESTATE_INGRESS_URL: NOBODY }), VIP, '--timeline', VIP_TIMELINE, '--json');
    assert.match(fromEnv.error!, /^journey rehearse: No Restate ingress answers at http:\/\/127\.0\.0\.1:9 /);
  });

  it('the default ingress is http://127.0.0.1:8080', async function () {
    const r = await run(rehearse({}), VIP, '--timeline', VIP_TIMELINE, '--json');
    if (r.exitCode !== 2 || !/No Restate ingress answers/.test(r.error ?? '')) this.skip(); // something listens on 8080 here
    assert.match(r.error!, /^journey rehearse: No Restate ingress answers at http:\/\/127\.0\.0\.1:8080 /);
  });

  it('errors in the journey and in the timeline are printed located; exit 2 names both; nothing is rehearsed', async () => {
    const dir = tmp();
    const journey = join(dir, 'bad.journey.json');
    const text = tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"').replace('"next": "p_end"', '"next": "p_edn"');
    writeFileSync(journey, text);
    const timeline = join(dir, 'bad.timeline.json');
    writeFileSync(timeline, '{\n  "formatVersion": 1,\n  "contacts": [],\n  "events": [ { "at": "yesterday", "contact": "c", "type": "tagAdded", "tag": "x" } ]\n}\n');
    const r = await run(rehearse({}), journey, '--timeline', timeline, '--ingress', NOBODY);
    assert.equal(r.exitCode, 2);
    assert.equal(r.error, `journey rehearse: errors in ${journey} and ${timeline}; nothing was rehearsed.`);
    const errors = r.lines.filter((l) => l.startsWith(`${journey}:`));
    assert.deepEqual(errors.map((l) => l.split(' ')[0]), [`${journey}:${placeOf(text, '"p_wiat"')}`, `${journey}:${placeOf(text, '"p_edn"')}`]);
    assert.ok(errors.every((l) => / error /.test(l)), 'only errors, no warnings');
    assert.match(r.lines.at(-1)!, new RegExp(`^${escapeRegExp(timeline)}:4:\\d+ error .*instant`));
  });

  it('a journey that cannot be read: exit 2, located at 1:1', async () => {
    const missing = join(tmp(), 'none.journey.json');
    const r = await run(rehearse({}), missing, '--timeline', VIP_TIMELINE, '--ingress', NOBODY);
    assert.equal(r.exitCode, 2);
    assert.deepEqual(r.lines, [`${missing}:1:1 error cannot read the file: ENOENT`]);
    assert.equal(r.error, `journey rehearse: errors in ${missing}; nothing was rehearsed.`);
  });

  it('a valid journey with a timeline naming a point it lacks: only the timeline is named', async () => {
    const timeline = JSON.parse(readFileSync(VIP_TIMELINE, 'utf8')) as { events: { point?: string }[] };
    timeline.events.find((e) => e.point !== undefined)!.point = 'p_nowhere';
    const file = join(tmp(), 'bad.timeline.json');
    writeFileSync(file, JSON.stringify(timeline, null, 2));
    const r = await run(rehearse({}), VIP, '--timeline', file, '--ingress', NOBODY);
    assert.equal(r.exitCode, 2);
    assert.equal(r.error, `journey rehearse: errors in ${file}; nothing was rehearsed.`);
    assert.equal(r.lines.length, 1);
    assert.match(r.lines[0]!, new RegExp(`^${escapeRegExp(file)}:\\d+:\\d+ error .*p_nowhere`));
  });
});

describe('journey publish (in-process)', function () {
  this.timeout(120_000);
  const NOW = '2026-12-01T00:00:00Z';
  const USAGE = 'Usage: journey publish FILE [--yes] [--out DIR] [--dry-run] [--now ISO] [--register ADMIN_URL --service SERVICE_URL]';
  let savedBundle: string | undefined;

  before(async function () {
    this.timeout(300_000);
    savedBundle = process.env.JOURNEY_RUNTIME_BUNDLE;
    process.env.JOURNEY_RUNTIME_BUNDLE = await writeRuntimeFiles(tmp());
  });
  after(() => {
    if (savedBundle === undefined) delete process.env.JOURNEY_RUNTIME_BUNDLE;
    else process.env.JOURNEY_RUNTIME_BUNDLE = savedBundle;
  });

  function tagFile(text = tagJourney()): { dir: string; file: string } {
    const dir = tmp();
    const file = join(dir, 'tag.journey.json');
    writeFileSync(file, text);
    return { dir, file };
  }

  it('usage problems exit 2 with the reason and the usage line', async () => {
    const cases: [string[], string][] = [
      [[], 'name the .journey.json file to publish'],
      [['a.journey.json', 'b.journey.json'], 'name exactly one journey file'],
      [['a.journey.json', '--now', 'someday'], '--now must be an ISO 8601 instant, not "someday"'],
      [['a.journey.json', '--register', 'http://127.0.0.1:9070'], '--register and --service go together: the admin URL and the URL restate-server reaches the service at'],
      [['a.journey.json', '--service', 'http://127.0.0.1:9080'], '--register and --service go together: the admin URL and the URL restate-server reaches the service at'],
      [['a.journey.json', '--force'], 'unknown option --force'],
    ];
    for (const [args, reason] of cases) {
      const r = await run(publishCommand, ...args);
      assert.equal(r.exitCode, 2, args.join(' '));
      assert.equal(r.error, `journey publish: ${reason}\n${USAGE}`);
      assert.deepEqual(r.lines, []);
    }
  });

  it('R21: --dry-run says what publishing will do and that it is ready, writes nothing, exit 0', async () => {
    const { dir, file } = tagFile();
    const r = await run(publishCommand, file, '--dry-run', '--now', NOW);
    assert.equal(r.exitCode, 0, r.stdout);
    assert.equal(r.lines[0], 'Publish "Tag journey" as version 1?');
    assert.ok(r.lines.slice(1, -1).every((l) => l === '' || /^ {2}\S/.test(l)), r.stdout);
    assert.ok(r.lines.includes(''), 'a blank line is printed blank, not indented');
    assert.ok(r.lines.includes(`  The compiled journey and this version's source are written to ${join(dir, 'published', 'tag_journey')}, with the Restate service that runs it.`), r.stdout);
    assert.match(r.lines.at(-1)!, new RegExp(`^${escapeRegExp(file)}: ready to publish "Tag journey" version 1 \\(fnv1a64:[0-9a-f]{16}\\); nothing written \\(--dry-run\\)\\.$`));
    assert.equal(readFileSync(file, 'utf8'), tagJourney());
    assert.deepEqual(readdirSync(dir), ['tag.journey.json']);
  });

  it('R21: without --yes and without a terminal, nothing is published: exit 1 asking for --yes', async () => {
    const { dir, file } = tagFile();
    const r = await run(publishCommand, file, '--now', NOW);
    assert.equal(r.exitCode, 1);
    assert.equal(r.lines.at(-1), `${file}: not published: publishing needs a confirmation (R21). Read the above and run again with --yes.`);
    assert.equal(r.lines[0], 'Publish "Tag journey" as version 1?');
    assert.equal(readFileSync(file, 'utf8'), tagJourney());
    assert.deepEqual(readdirSync(dir), ['tag.journey.json']);
  });

  it('R21/R22: --yes publishes: the journey file is marked published (a minimal edit), the compiled journey and the service are written and named; a second run says it was already published', async () => {
    const { dir, file } = tagFile();
    const r = await run(publishCommand, file, '--yes', '--now', NOW);
    assert.equal(r.exitCode, 0, r.stdout + r.error);
    const published = JSON.parse(readFileSync(file, 'utf8')) as { status: string; publication: { version: number; publishedAt: string } };
    assert.equal(published.status, 'published');
    assert.equal(new Date(published.publication.publishedAt).toISOString(), new Date(NOW).toISOString(), 'published at --now');
    const out = join(dir, 'published', 'tag_journey');
    const tail = r.lines.slice(-3);
    assert.match(tail[0]!, new RegExp(`^${escapeRegExp(file)}: published "Tag journey" version 1 \\(fnv1a64:[0-9a-f]{16}\\); the journey file is marked published and frozen\\.$`));
    const irPath = tail[1]!.replace(/^compiled journey: /, '');
    assert.ok(tail[1]!.startsWith('compiled journey: ') && irPath.startsWith(out) && existsSync(irPath), tail[1]);
    assert.equal(tail[2], `Restate service: ${join(out, 'restate-service')} (versions 1; its README: npm install, npm run keys, start restate-server with the key, npm start, npm run register)`);
    assert.ok(existsSync(join(out, 'restate-service', 'package.json')));

    const text = readFileSync(file, 'utf8');
    const again = await run(publishCommand, file, '--now', NOW);
    assert.equal(again.exitCode, 0, again.stdout);
    assert.match(again.lines[0]!, new RegExp(`^${escapeRegExp(file)}: version 1 of "Tag journey" was already published \\(fnv1a64:[0-9a-f]{16}\\); compiled files rewritten\\.$`), 'no confirmation asked');
    assert.equal(readFileSync(file, 'utf8'), text, 'the journey file is not rewritten');
  });

  it('--out DIR writes the compiled journey and the service there, relative to the journey', async () => {
    const { dir, file } = tagFile();
    const out = join(dir, 'shipped');
    const r = await run(publishCommand, file, '--yes', '--out', out, '--now', NOW);
    assert.equal(r.exitCode, 0, r.stdout + r.error);
    assert.ok(r.lines.includes(`  The compiled journey and this version's source are written to ${out}, with the Restate service that runs it.`), r.stdout);
    assert.equal(r.lines.at(-1), `Restate service: ${join(out, 'restate-service')} (versions 1; its README: npm install, npm run keys, start restate-server with the key, npm start, npm run register)`);
    assert.ok(existsSync(join(out, 'restate-service')));
    assert.equal(existsSync(join(dir, 'published')), false);
  });

  it('--out naming the journey folder itself writes there', async () => {
    const { dir, file } = tagFile();
    const r = await run(publishCommand, file, '--yes', '--out', dir, '--now', NOW);
    assert.equal(r.exitCode, 0, r.stdout + r.error);
    assert.equal(r.lines.at(-1), `Restate service: ${join(dir, 'restate-service')} (versions 1; its README: npm install, npm run keys, start restate-server with the key, npm start, npm run register)`);
  });

  it('a BOM is kept when the journey file is marked published', async () => {
    const { file } = tagFile('\uFEFF' + tagJourney());
    const r = await run(publishCommand, file, '--yes', '--now', NOW);
    assert.equal(r.exitCode, 0, r.stdout);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal((JSON.parse(bytes.subarray(3).toString('utf8')) as { status: string }).status, 'published');
    const { file: plain } = tagFile();
    await run(publishCommand, plain, '--yes', '--now', NOW);
    assert.notEqual(readFileSync(plain)[0], 0xef, 'no BOM added to a file without one');
  });

  it('R4/R21: a journey with errors is refused with every reason located and counted, nothing written, exit 1', async () => {
    const text = tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"');
    const { dir, file } = tagFile(text);
    const r = await run(publishCommand, file, '--yes', '--now', NOW);
    assert.equal(r.exitCode, 1);
    const reasons = r.lines.slice(0, -1);
    assert.ok(reasons.length >= 1);
    assert.ok(reasons.every((l) => l.startsWith(`${file}:`) && / error /.test(l)), r.stdout);
    assert.ok(reasons.some((l) => l.startsWith(`${file}:${placeOf(text, '"p_wiat"')} error `)), r.stdout);
    assert.equal(r.lines.at(-1), `${file}: not published: ${reasons.length} reason${reasons.length === 1 ? '' : 's'} (R21, R22).`);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.deepEqual(readdirSync(dir), ['tag.journey.json']);
    const dry = await run(publishCommand, file, '--dry-run', '--now', NOW);
    assert.equal(dry.exitCode, 1, 'a dry run is refused for the same reasons');
    assert.deepEqual(dry.lines, r.lines);
  });

  it('one reason is singular, several plural', async () => {
    const one = tagFile(tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"'));
    const r1 = await run(publishCommand, one.file, '--yes', '--now', NOW);
    const n1 = r1.lines.length - 1;
    assert.equal(r1.lines.at(-1), `${one.file}: not published: ${n1} reason${n1 === 1 ? '' : 's'} (R21, R22).`);
    const two = tagFile(tagJourney().replace('"next": "p_wait"', '"next": "p_wiat"').replace('"next": "p_end"', '"next": "p_edn"'));
    const r2 = await run(publishCommand, two.file, '--yes', '--now', NOW);
    const n2 = r2.lines.length - 1;
    assert.ok(n2 > 1);
    assert.equal(r2.lines.at(-1), `${two.file}: not published: ${n2} reasons (R21, R22).`);
    assert.ok(n1 === 1, `one dangling reference is one reason (${r1.stdout})`);
  });

  it('a journey file that cannot be read: located at 1:1, exit 1', async () => {
    const missing = join(tmp(), 'none.journey.json');
    const r = await run(publishCommand, missing, '--yes');
    assert.equal(r.exitCode, 1);
    assert.deepEqual(r.lines, [`${missing}:1:1 error cannot read the file: ENOENT`]);
  });

  it('a corrupt compiled journey in the output folder: located, counted, nothing written, exit 1', async () => {
    const { dir, file } = tagFile();
    const out = join(dir, 'published', 'tag_journey');
    mkdirSync(out, { recursive: true });
    const corrupt = '{\n  "journey": {\n    "id": "tag_journey",\n    "version": 9,\n  }\n}\n';
    writeFileSync(join(out, 'tag_journey.v9.ir.json'), corrupt);
    const r = await run(publishCommand, file, '--yes', '--now', NOW);
    assert.equal(r.exitCode, 1, r.stdout);
    assert.match(r.lines.at(-2)!, new RegExp(`^${escapeRegExp(join(out, 'tag_journey.v9.ir.json'))}:5:3 error .*\\[publish\\.corrupt-compiled-file\\]$`));
    assert.equal(r.lines.at(-1), `${file}: not published: the output folder holds a compiled journey that cannot be read; nothing was written.`);
    assert.equal(readFileSync(file, 'utf8'), tagJourney());
    writeFileSync(join(out, 'tag_journey.v8.ir.json'), corrupt);
    const two = await run(publishCommand, file, '--yes', '--now', NOW);
    assert.equal(two.lines.at(-1), `${file}: not published: the output folder holds 2 compiled journeys that cannot be read; nothing was written.`);
    assert.deepEqual(readdirSync(out).sort(), ['tag_journey.v8.ir.json', 'tag_journey.v9.ir.json']);
  });

  it('--register with an admin API that does not answer: published, then "registering with Restate failed", exit 1', async () => {
    const { file } = tagFile();
    const r = await run(publishCommand, file, '--yes', '--now', NOW, '--register', 'http://127.0.0.1:9', '--service', 'http://127.0.0.1:9080');
    assert.equal(r.exitCode, 1);
    assert.match(r.lines.at(-1)!, /^registering with Restate failed: \S/);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { status: string }).status, 'published');
  });

  it('without the runtime bundle: --dry-run still checks, a real publish is refused (exit 2)', async () => {
    const bundle = process.env.JOURNEY_RUNTIME_BUNDLE;
    delete process.env.JOURNEY_RUNTIME_BUNDLE;
    try {
      const { dir, file } = tagFile();
      const refused = await run(publishCommand, file, '--yes', '--now', NOW);
      assert.equal(refused.exitCode, 2);
      assert.equal(refused.error, 'journey publish: the bundled runtime (dist/restate/journey-runtime.mjs) is missing; run `npm run build` (or set JOURNEY_RUNTIME_BUNDLE).');
      assert.deepEqual(readdirSync(dir), ['tag.journey.json']);
      const dry = await run(publishCommand, file, '--dry-run', '--now', NOW);
      assert.equal(dry.exitCode, 0, dry.stdout);
      assert.ok(dry.lines.includes(`  The compiled journey and this version's source are written to ${join(dir, 'published', 'tag_journey')}.`), `no service is promised without the runtime:\n${dry.stdout}`);
    } finally {
      process.env.JOURNEY_RUNTIME_BUNDLE = bundle;
    }
  });
});

describe('the published versions kept beside a journey, for journey validate (R22)', function () {
  this.timeout(120_000);

  it('R22: lists the versions kept in published/<id>/ in number order, ignoring other files, and gives the text of the one asked for with its place relative to the working folder', () => {
    const dir = tmp();
    const file = join(dir, 'tag.journey.json');
    const kept = join(dir, 'published', 'tag_journey');
    mkdirSync(kept, { recursive: true });
    for (const name of ['tag_journey.v10.journey.json', 'tag_journey.v2.journey.json', 'tag_journey.v1.journey.json', 'tag_journey.v1.ir.json', 'tag_journey.vx.journey.json', 'tag_journey.v.journey.json', 'other.v3.journey.json', 'tag_journey.v4.journey.json.bak', 'xtag_journey.v5.journey.json', 'xag_journey.v5.journey.json', 'tag_journey.v6.journey-json', 'tag_journey.vx8.journey.json', 'tag_journey.v8x.journey.json', 'tag_journey.v1.5.journey.json']) {
      writeFileSync(join(kept, name), name);
    }
    mkdirSync(join(kept, 'tag_journey.v7.journey.json'));
    const lookup = keptPublishedVersions(file);
    assert.deepEqual(lookup('tag_journey', 3), { versions: [1, 2, 7, 10] });
    const location = relative(process.cwd(), join(kept, 'tag_journey.v2.journey.json'));
    assert.deepEqual(lookup('tag_journey', 2), { versions: [1, 2, 7, 10], text: 'tag_journey.v2.journey.json', location });
    assert.deepEqual(lookup('tag_journey', 7), { versions: [1, 2, 7, 10] }, 'a kept version that cannot be read has no text');
    assert.deepEqual(lookup('tag_journey', 1.5), { versions: [1, 2, 7, 10] }, 'a version not listed is not read');
  });

  it('R22: no folder means no kept versions; an id that is not a safe folder name is not looked up', () => {
    const dir = tmp();
    const lookup = keptPublishedVersions(join(dir, 'tag.journey.json'));
    assert.deepEqual(lookup('tag_journey', 1), { versions: [] });
    mkdirSync(join(dir, 'published', '..x'), { recursive: true });
    for (const id of ['../tag', '..x', '1abc', '', 'a/b', 'tag journey']) assert.equal(lookup(id, 1), undefined, id);
    assert.deepEqual(lookup('_a.b-c', 1), { versions: [] });
  });

  it('R22: journey validate locates an edit of the published version at the changed value', async () => {
    const bundle = process.env.JOURNEY_RUNTIME_BUNDLE;
    process.env.JOURNEY_RUNTIME_BUNDLE = await writeRuntimeFiles(tmp());
    try {
      const dir = tmp();
      const file = join(dir, 'tag.journey.json');
      writeFileSync(file, tagJourney());
      assert.equal((await run(publishCommand, file, '--yes', '--now', '2026-12-01T00:00:00Z')).exitCode, 0);
      const edited = readFileSync(file, 'utf8').replace('"duration": "P1D"', '"duration": "P2D"');
      writeFileSync(file, edited);
      const r = await run(validateCommand, file);
      assert.equal(r.exitCode, 1, r.stdout);
      assert.match(r.lines[0]!, new RegExp(`^${escapeRegExp(file)}:${placeOf(edited, '"P2D"')} error Version 1 was published and is frozen \\(R22\\).* \\[R22\\.published-version-edited\\]$`));
    } finally {
      if (bundle === undefined) delete process.env.JOURNEY_RUNTIME_BUNDLE;
      else process.env.JOURNEY_RUNTIME_BUNDLE = bundle;
    }
  });
});
