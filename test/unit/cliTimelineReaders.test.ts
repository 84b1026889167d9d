// Specification of the timeline file readers of the `journey` commands
// (src/cli/timelineFile.ts for .timeline.json, timelineNdjsonFile.ts for
// .timeline.ndjson, packedTimelineFile.ts for the replay's fast read) and of
// the import stream (importTimeline.ts), called in-process on real files:
// the timeline read, or every problem printed at its line and column as
// `file:line:col severity message [code]` with how many errors; the names
// the timeline gives checked against its journey (errors refuse it,
// warnings are counted). timelineFileReplay.test.ts compares the fast read
// with the exact one; this file says what the exact one prints.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTimeline } from '../../src/cli/importTimeline';
import { readFast, readTimelineForReplay } from '../../src/cli/packedTimelineFile';
import { readTimelineFile, timelineTooBig, type TimelineNameCheck } from '../../src/cli/timelineFile';
import { SegmentMapping } from '../../src/core/importing/importMapping';
import type { Journey } from '../../src/core/schema';
import { timelineReferences } from '../../src/core/timelineReferences';
import { tagJourney } from '../support/tagJourney';

const FIXTURES = join(__dirname, '../fixtures/import');
const tmp = () => mkdtempSync(join(tmpdir(), 'journey-readers-'));
const JOURNEY = JSON.parse(tagJourney()) as Journey;
/** The tag journey's names: its starting point sp_vip, its tags vip and seen. */
const checkNames: TimelineNameCheck = (t) => timelineReferences(t, JOURNEY, 'tag.journey.json');

/** Reads `text` written to a file named `name` with the exact reader; the result and the lines printed. */
async function read(name: string, text: string | Buffer, names?: TimelineNameCheck) {
  const file = join(tmp(), name);
  writeFileSync(file, text);
  const lines: string[] = [];
  const result = await readTimelineFile(file, (l) => lines.push(l), names);
  return { file, result, lines };
}

const EVENT = '{"at":"2026-01-01T00:00:00Z","contact":"c1","type":"tagAdded","tag":"vip"}';

describe('reading a .timeline.ndjson (exact reader)', () => {
  it('a header, contacts and events, with a BOM, CRLF line ends and blank lines: the timeline in file order, nothing printed', async () => {
    const text = `\uFEFF{"formatVersion":1,"seed":3}\r\n{"contact":{"id":"c1"}}\r\n\r\n{"event":${EVENT}}\r\n{"contact":{"id":"c2"}}\n`;
    const { result, lines } = await read('t.timeline.ndjson', text);
    assert.deepEqual(lines, []);
    assert.ok(result.ok);
    assert.deepEqual(result.timeline, { formatVersion: 1, seed: 3, contacts: [{ id: 'c1' }, { id: 'c2' }], events: [JSON.parse(EVENT)] });
    assert.equal(result.warnings, 0);
  });

  it('a BOM only counts at the start of the file: on line 2 it makes the line an error', async () => {
    const { file, result, lines } = await read('t.timeline.ndjson', `{"formatVersion":1}\n\uFEFF{"contact":{"id":"c1"}}\n`);
    assert.equal(result.ok, false);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1 error not JSON`));
  });

  it('every bad line is an error at its line (and the column JSON.parse names), counted; nothing is read', async () => {
    const text = `{"formatVersion":1}\n{"contact":{"id":"c1"}\n{"event":{"at":"soon","contact":"c1","type":"tagAdded","tag":"vip"}}\n{"other":1}\n`;
    const { file, result, lines } = await read('t.timeline.ndjson', text);
    assert.deepEqual(result, { ok: false, errors: 3 });
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:23 error not JSON: .* \\[timeline\\.ndjson-line\\]$`));
    assert.match(lines[1]!, /:3:1 error event: at: an instant is ISO 8601.* \[timeline\.ndjson-line\]$/);
    assert.match(lines[2]!, /:4:1 error a line is \{"contact":\{\.\.\.\}\} or \{"event":\{\.\.\.\}\} \[timeline\.ndjson-line\]$/);
  });

  it('a first line that is not the header is an error at line 1', async () => {
    const { result, lines } = await read('t.timeline.ndjson', `{"contact":{"id":"c1"}}\n`);
    assert.deepEqual(result, { ok: false, errors: 1 });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /:1:1 error the first line is the timeline header/);
  });

  it('an empty file, and a file of blank lines only, are an error at 1:1 saying the header is missing', async () => {
    for (const text of ['', '\n', '  \n\n', '\uFEFF\n']) {
      const { file, result, lines } = await read('t.timeline.ndjson', text);
      assert.deepEqual(result, { ok: false, errors: 1 }, JSON.stringify(text));
      assert.deepEqual(lines, [`${file}:1:1 error the file is empty: its first line is the timeline header, {"formatVersion":1, ...} [timeline.ndjson-line]`], JSON.stringify(text));
    }
  });

  it('more than 50 bad lines: the first 50 are printed, then how many more; all are counted', async () => {
    const text = `{"formatVersion":1}\n${Array.from({ length: 52 }, () => 'x').join('\n')}\n`;
    const { file, result, lines } = await read('t.timeline.ndjson', text);
    assert.deepEqual(result, { ok: false, errors: 52 });
    assert.equal(lines.length, 51);
    assert.match(lines[49]!, /:51:1 error not JSON/);
    assert.equal(lines[50], `${file}: 2 more errors not shown.`);
  });

  it('exactly 50 bad lines are all printed, with no "more" line', async () => {
    const text = `{"formatVersion":1}\n${Array.from({ length: 50 }, () => 'x').join('\n')}\n`;
    const { result, lines } = await read('t.timeline.ndjson', text);
    assert.deepEqual(result, { ok: false, errors: 50 });
    assert.equal(lines.length, 50);
  });

  it('a file that cannot be read is an error naming why [io.unreadable]', async () => {
    const file = join(tmp(), 'none.timeline.ndjson');
    const lines: string[] = [];
    assert.deepEqual(await readTimelineFile(file, (l) => lines.push(l)), { ok: false, errors: 1 });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error cannot read the file: .*ENOENT.* \\[io\\.unreadable\\]$`));
  });

  it('R2: a starting point the journey lacks is an error at the line of its event; likely typos of contact data are warnings at their line; the timeline is refused for the error only', async () => {
    const text = [
      '{"formatVersion":1}',
      '{"contact":{"id":"c1","tags":["vipp"]}}',
      `{"event":${EVENT}}`,
      '{"event":{"at":"2026-01-02T00:00:00Z","contact":"c1","type":"apiEntry","startingPoint":"sp_vipp"}}',
      '',
    ].join('\n');
    const { file, result, lines } = await read('t.timeline.ndjson', text, checkNames);
    assert.deepEqual(result, { ok: false, errors: 1 });
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1 warning .*"vipp".*`));
    assert.match(lines[1]!, /:4:1 error .*"sp_vipp"/);

    const warned = await read('t.timeline.ndjson', text.replace('"sp_vipp"', '"sp_vip"'), checkNames);
    assert.ok(warned.result.ok);
    assert.equal(warned.result.warnings, 1);
    assert.equal(warned.lines.length, 1);
    assert.match(warned.lines[0]!, /:2:1 warning /);
  });

  it('an event for a contact not listed, close to a listed one, is a warning at the event line', async () => {
    const text = `{"formatVersion":1}\n{"contact":{"id":"c_anna"}}\n{"event":${EVENT.replace('"c1"', '"c_ana"')}}\n`;
    const { result, lines } = await read('t.timeline.ndjson', text, checkNames);
    assert.ok(result.ok);
    assert.equal(result.warnings, 1);
    assert.match(lines[0]!, /:3:1 warning .*"c_ana"/);
  });
});

describe('reading a .timeline.json (exact reader)', () => {
  const valid = { formatVersion: 1, contacts: [{ id: 'c1' }], events: [JSON.parse(EVENT)] };

  it('a valid timeline (with a BOM): read, nothing printed, no warnings', async () => {
    const { result, lines } = await read('t.timeline.json', '\uFEFF' + JSON.stringify(valid, null, 2));
    assert.deepEqual(lines, []);
    assert.deepEqual(result, { ok: true, timeline: valid, warnings: 0 });
  });

  it('a file that cannot be read, or is not UTF-8: one error, located', async () => {
    const file = join(tmp(), 'none.timeline.json');
    const lines: string[] = [];
    assert.deepEqual(await readTimelineFile(file, (l) => lines.push(l)), { ok: false, errors: 1 });
    assert.deepEqual(lines, [`${file}:1:1 error cannot read the file: ENOENT`]);
    const latin1 = await read('t.timeline.json', Buffer.concat([Buffer.from('{\n  "description": "f'), Buffer.from([0xfc]), Buffer.from('r"\n}')]));
    assert.deepEqual(latin1.result, { ok: false, errors: 1 });
    assert.equal(latin1.lines.length, 1);
    assert.match(latin1.lines[0]!, /:2:20 error The file is not UTF-8 text: byte 0xFC .*\[encoding\.not-utf8\]$/);
  });

  it('syntax errors are located by the editor\'s parser, every one counted', async () => {
    const { file, result, lines } = await read('t.timeline.json', '{\n  "formatVersion": 1,\n  "contacts": [,],\n  "events": []\n}');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.errors === lines.length && lines.length >= 1, lines.join('\n'));
    assert.match(lines[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ error .*\\[syntax\\.`));
  });

  it('an empty file is one error at 1:1', async () => {
    const { result, lines } = await read('t.timeline.json', '');
    assert.deepEqual(result, { ok: false, errors: 1 });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /:1:1 error .*\[syntax\./);
  });

  it('a duplicate property (which the editor\'s parser accepts) is an error at the second one', async () => {
    const { result, lines } = await read('t.timeline.json', '{"formatVersion":1,"contacts":[],"events":[],"formatVersion":1}');
    assert.deepEqual(result, { ok: false, errors: 1 });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /:1:46 error Duplicate property "formatVersion".* \[syntax\.duplicate-key\]$/);
  });

  it('schema problems are errors at their place, in text order, every one counted', async () => {
    const text = '{\n  "formatVersion": 1,\n  "contacts": [ { "id": "c1", "colour": "red" } ],\n  "events": [\n    { "at": "later", "contact": "c1", "type": "tagAdded", "tag": "vip" },\n    { "at": "2026-01-01T00:00:00Z", "contact": "c1", "type": "tagAdded" }\n  ]\n}\n';
    const { result, lines } = await read('t.timeline.json', text);
    assert.deepEqual(result, { ok: false, errors: 3 });
    assert.deepEqual(lines.map((l) => l.split(' ')[0]!.split(':').slice(-2).join(':')), ['3:31', '5:13', '6:5']);
    assert.match(lines[0]!, /\[schema\.unknown-property\]$/);
    assert.match(lines[1]!, /error events\[0\]\.at: an instant is ISO 8601/);
  });

  it('R2: names the journey lacks: errors refuse the timeline, warnings alone let it through counted, each at its place in text order', async () => {
    const text = JSON.stringify(
      {
        formatVersion: 1,
        contacts: [{ id: 'c1', tags: ['vipp'] }],
        events: [JSON.parse(EVENT), { at: '2026-01-02T00:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_vipp' }],
      },
      null,
      2,
    );
    const { result, lines } = await read('t.timeline.json', text, checkNames);
    assert.deepEqual(result, { ok: false, errors: 1 });
    assert.equal(lines.length, 2);
    const at = (needle: string) => {
      const before = text.slice(0, text.indexOf(needle)).split('\n');
      return `:${before.length}:${before.at(-1)!.length + 1} `;
    };
    assert.ok(lines[0]!.includes(`${at('"vipp"')}warning `), lines[0]);
    assert.ok(lines[1]!.includes(`${at('"sp_vipp"')}error `), lines[1]);

    const warned = await read('t.timeline.json', text.replace('"sp_vipp"', '"sp_vip"'), checkNames);
    assert.ok(warned.result.ok);
    assert.equal(warned.result.warnings, 1);
    assert.equal(warned.lines.length, 1);
    assert.ok(warned.lines[0]!.includes(`${at('"vipp"')}warning `));
  });

  it('a timeline with no names the journey lacks: read with no warnings', async () => {
    const { result, lines } = await read('t.timeline.json', JSON.stringify(valid), checkNames);
    assert.deepEqual(result, { ok: true, timeline: valid, warnings: 0 });
    assert.deepEqual(lines, []);
  });

  it('too big for the heap: the message gives the size, what is needed (or that more than the limit is), the limit, and a --max-old-space-size to give', () => {
    const MB = 2 ** 20;
    assert.deepEqual(timelineTooBig('big.timeline.json', 300 * MB, 900 * MB, 512 * MB), {
      ok: false,
      errors: 0,
      tooBig: 'big.timeline.json (300 MB) is too big for the memory given: replaying it needs about 900 MB of heap and this Node allows 512 MB. Give it more (NODE_OPTIONS=--max-old-space-size=1024) or split the timeline.',
    });
    assert.equal(
      timelineTooBig('big.timeline.json', 300 * MB + 1, 0, 512 * MB).tooBig,
      'big.timeline.json (301 MB) is too big for the memory given: replaying it needs more than 512 MB of heap and this Node allows 512 MB. Give it more (NODE_OPTIONS=--max-old-space-size=768) or split the timeline.',
    );
  });
});

describe('reading a timeline for a replay (fast read, exact read when unsure)', () => {
  it('a timeline the fast reader takes is replayed as read, nothing printed; progress is told the bytes read of the size', async () => {
    for (const [name, text] of [
      ['t.timeline.json', JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [JSON.parse(EVENT)] })],
      ['t.timeline.ndjson', `{"formatVersion":1}\n{"contact":{"id":"c1"}}\n{"event":${EVENT}}\n`],
    ] as const) {
      const file = join(tmp(), name);
      writeFileSync(file, text);
      const lines: string[] = [];
      const told: [number, number][] = [];
      const r = await readTimelineForReplay(file, (l) => lines.push(l), checkNames, (bytes, size) => told.push([bytes, size]));
      assert.ok(r.ok, name);
      assert.equal(r.warnings, 0);
      assert.equal(r.timeline.contacts.length, 1);
      assert.deepEqual(lines, []);
      assert.deepEqual(told.at(-1), [Buffer.byteLength(text), Buffer.byteLength(text)], name);
    }
  });

  it('a timeline naming what the journey lacks is read the exact way, its findings printed at their place', async () => {
    const file = join(tmp(), 't.timeline.ndjson');
    writeFileSync(file, `{"formatVersion":1}\n{"contact":{"id":"c1","tags":["vipp"]}}\n{"event":${EVENT}}\n`);
    const lines: string[] = [];
    const r = await readTimelineForReplay(file, (l) => lines.push(l), checkNames);
    assert.ok(r.ok);
    assert.equal(r.warnings, 1);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /:2:1 warning /);
  });

  it('the fast reader closes every file it opens, whether it takes the file or not', () => {
    const dir = tmp();
    const taken = join(dir, 'taken.timeline.json');
    writeFileSync(taken, JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [JSON.parse(EVENT)] }));
    const refused = join(dir, 'refused.timeline.json');
    writeFileSync(refused, '{"formatVersion":1,"contacts":[{"id":"c1","id":"c2"}],"events":[]}');
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let k = 0; k < 20; k++) {
      assert.equal(readFast(taken, undefined).kind, 'packed');
      assert.equal(readFast(refused, undefined).kind, 'exact');
    }
    // Each read left open would leave one more: 40. Other files (a worker's, the runner's) may open or close meanwhile.
    assert.ok(openFiles() - before < 10, `${openFiles() - before} more files open after 40 reads`);
  });

  it('a file that cannot be read: the exact reader says why', async () => {
    const file = join(tmp(), 'none.timeline.json');
    const lines: string[] = [];
    assert.deepEqual(await readTimelineForReplay(file, (l) => lines.push(l)), { ok: false, errors: 1 });
    assert.deepEqual(lines, [`${file}:1:1 error cannot read the file: ENOENT`]);
  });
});

describe('importing an event history (importTimeline)', function () {
  this.timeout(30_000);
  const mapping = SegmentMapping.parse(JSON.parse(readFileSync(join(FIXTURES, 'dynamics.segment-mapping.json'), 'utf8')));

  it('writes the header, the contacts, then the events, and leaves no temporary file; progress ends at the whole size', async () => {
    const dir = tmp();
    const output = join(dir, 'h.timeline.ndjson');
    const told: [number, number, number][] = [];
    const input = join(FIXTURES, 'dynamics.segment.ndjson');
    const r = await importTimeline({ input, output, source: { format: 'segment', mapping }, header: { formatVersion: 1, seed: 4 }, skipBadRows: false, progress: (b, s, n) => told.push([b, s, n]) });
    assert.ok(r.ok);
    assert.deepEqual(readdirSync(dir), ['h.timeline.ndjson']);
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines[0], { formatVersion: 1, seed: 4 });
    const kinds = lines.slice(1).map((l) => Object.keys(l)[0]);
    assert.deepEqual(kinds, [...kinds].sort(), 'contacts before events');
    assert.equal(kinds.filter((k) => k === 'contact').length, r.report.contacts);
    assert.equal(kinds.filter((k) => k === 'event').length, r.report.events);
    const size = readFileSync(input).length;
    const records = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    assert.deepEqual(told.at(-1), [size, size, records]);
  });

  it('blank lines are skipped; a BOM on the first line is not a bad row', async () => {
    const dir = tmp();
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, '\uFEFF{"type":"identify","userId":"u1","traits":{"email":"a@example.com"},"timestamp":"2026-03-01T00:00:00Z"}\n\n   \n{"type":"track","userId":"u1","event":"Unsubscribed","timestamp":"2026-03-02T00:00:00Z"}\n');
    const bad: number[] = [];
    const r = await importTimeline({ input, output: join(dir, 'o.timeline.ndjson'), source: { format: 'segment', mapping: SegmentMapping.parse({ formatVersion: 1 }) }, header: { formatVersion: 1 }, skipBadRows: false, onBadRow: (row) => bad.push(row.line) });
    assert.deepEqual(bad, []);
    assert.ok(r.ok);
    assert.equal(r.report.contacts, 1);
  });

  it('cancelled between records: nothing is written, no temporary file is left, the reason is "cancelled"', async () => {
    for (const [format, input, map] of [
      ['segment', join(FIXTURES, 'dynamics.segment.ndjson'), mapping],
      ['csv', join(FIXTURES, 'mailup.csv'), JSON.parse(readFileSync(join(FIXTURES, 'mailup.csv-mapping.json'), 'utf8'))],
    ] as const) {
      const dir = tmp();
      const output = join(dir, 'o.timeline.ndjson');
      let asked = 0;
      const r = await importTimeline({ input, output, source: { format, mapping: map } as never, header: { formatVersion: 1 }, skipBadRows: true, cancelled: () => ++asked >= 2 });
      assert.equal(r.ok, false, format);
      assert.equal(!r.ok && r.reason, 'cancelled');
      assert.equal(asked, 2, `${format}: stops at the record it was cancelled at`);
      assert.equal(existsSync(output), false);
      assert.deepEqual(readdirSync(dir), []);
    }
  });

  it('bad rows without skipBadRows: reason "badRows", nothing written, no temporary file', async () => {
    const dir = tmp();
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, 'nope\n');
    const r = await importTimeline({ input, output: join(dir, 'o.timeline.ndjson'), source: { format: 'segment', mapping }, header: { formatVersion: 1 }, skipBadRows: false });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'badRows');
    assert.deepEqual(readdirSync(dir), ['in.ndjson']);
  });

  it('a CSV with another delimiter is read with the mapping\'s delimiter', async () => {
    const dir = tmp();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'id;when;what;tag\nc1;2026-03-01T00:00:00Z;Tagged;vip\n');
    const csvMapping = { formatVersion: 1, delimiter: ';', columns: { contact: 'id', at: 'when', event: 'what' }, events: { Tagged: { type: 'tagAdded', tag: '$tag' } } };
    const bad: string[] = [];
    const r = await importTimeline({ input, output: join(dir, 'o.timeline.ndjson'), source: { format: 'csv', mapping: csvMapping as never }, header: { formatVersion: 1 }, skipBadRows: false, onBadRow: (row) => bad.push(row.message) });
    assert.deepEqual(bad, []);
    assert.ok(r.ok);
    assert.equal(r.report.events, 1);
  });
});

describe('reading a .timeline.json: errors located element by element say what the whole text says', () => {
  // A file too big for a tree of the whole text (tens of MB) has its errors located by parsing only each contact or
  // event at fault. The two ways must print the same lines: the small files below are read both ways.
  async function bothWays(text: string, names?: TimelineNameCheck) {
    const file = join(tmp(), 't.timeline.json');
    writeFileSync(file, text);
    const inText: string[] = [];
    const inElements: string[] = [];
    const a = await readTimelineFile(file, (l) => inText.push(l), names, 'inText');
    const b = await readTimelineFile(file, (l) => inElements.push(l), names, 'inElements');
    return { file, a, b, inText, inElements };
  }
  const timeline = (contacts: string, events: string, extra = '') =>
    `{\n  "formatVersion": 1,${extra}\n  "contacts": [\n    ${contacts}\n  ],\n  "events": [\n    ${events}\n  ]\n}\n`;

  const cases: [string, string][] = [
    ['a contact with a wrong type and an unknown property', timeline('{"id":"c1"},\n    {"id":"c2","smsConsent":"yes","nickname":"x"}', EVENT)],
    ['an event with a bad instant and one without a contact', timeline('{"id":"c1"}', `${EVENT},\n    {"at":"soon","contact":"c1","type":"tagAdded","tag":"vip"},\n    {"at":"2026-01-01T00:00:00Z","type":"tagAdded","tag":"vip"}`)],
    ['several errors in one event, and errors in contacts and events together', timeline('{"id":"c1","lists":{"news":"maybe"}}', `{"at":"x","contact":"c1","type":"nope"},\n    ${EVENT}`)],
    ['an element that is not an object, and a property of the timeline that is not allowed', timeline('"c1"', `${EVENT},\n    42`, '\n  "owner": "me",')],
    ['a wrong top-level value', `{"formatVersion":1,"contacts":{},"events":[${EVENT}]}`],
    ['a missing member and a wrong format version', `{"formatVersion":2,\n "contacts":[{"id":"c1"}]}`],
    ['text with characters of several bytes before the errors', timeline('{"id":"c1","name":"Zoë Ünal 東京"},\n    {"id":"c2","name":"😀","phone":5}', EVENT)],
  ];
  for (const [what, text] of cases) {
    it(`${what}: the same lines, the same count`, async () => {
      const { a, b, inText, inElements } = await bothWays(text);
      assert.equal(a.ok, false, 'the file has errors');
      assert.ok(inText.length > 0, 'errors are printed');
      assert.deepEqual(inElements, inText);
      assert.deepEqual(b, a);
    });
  }

  it('names the journey lacks (its tags, its starting points): errors and warnings at the same places either way', async () => {
    const text = timeline('{"id":"c1","tags":["gold"]}', `${EVENT},\n    {"at":"2026-01-01T00:00:01Z","contact":"c1","type":"tagAdded","tag":"platinum"},\n    {"at":"2026-01-01T00:00:02Z","contact":"c1","type":"apiEntry","startingPoint":"sp_nope"}`);
    const { a, b, inText, inElements } = await bothWays(text, checkNames);
    assert.ok(inText.length > 0, 'findings are printed');
    assert.deepEqual(inElements, inText);
    assert.deepEqual(b, a);
  });
});
