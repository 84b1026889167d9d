// Specification of reading a timeline file for a replay (#16,
// src/cli/packedTimelineFile.ts): the file path streams a timeline into
// columns, and its replay gives exactly the snapshots (stats, counters,
// queues, trace, warnings) of replaying the same timeline as an object, in
// both file formats (.timeline.json, .timeline.ndjson), laid out compact or
// pretty. Input the fast reader is not sure of is read the exact way: bad
// input gets exactly the located errors the exact reader prints.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { readTimelineForReplay } from '../../../src/cli/packedTimelineFile';
import { PackedTimelineBuilder } from '../../../src/core/packedTimelineBuilder';
import { Id } from '../../../src/core/schema';
import { parseIsoInstant } from '../../../src/core/simulator/isoInstant';
import { readTimelineFile } from '../../../src/cli/timelineFile';
import { isPackedTimeline } from '../../../src/core/packedTimeline';
import type { Journey } from '../../../src/core/schema';
import { simulate, type SimulationOptions } from '../../../src/core/simulator/index';
import { Instant, type Timeline } from '../../../src/core/timeline';
import { generateTimeline } from '../../../src/core/timelineGenerator';
import { ndjsonContact, ndjsonEvent, ndjsonHeader } from '../../../src/core/timelineNdjson';
import { timelineReferences } from '../../../src/core/timelineReferences';
import { validateJourneyText } from '../../../src/core/validate';
import { benchJourney } from '../../bench/simulate/benchJourney';
import { benchTimeline } from '../../bench/simulate/benchTimeline';

const SAMPLES = resolve(__dirname, '../../../samples');

function sampleJourney(name: string): Journey {
  const journey = validateJourneyText(readFileSync(join(SAMPLES, `${name}.journey.json`), 'utf8')).journey;
  assert.ok(journey, name);
  return journey;
}

const asJson = (t: Timeline) => JSON.stringify(t);
const asPrettyJson = (t: Timeline) => JSON.stringify(t, null, 2);
function asNdjson(t: Timeline, lineEnd = '\n'): string {
  const { contacts, events, ...header } = t;
  const lines = [ndjsonHeader(header)];
  // Contacts and events interleaved: the format allows any order.
  const n = Math.max(contacts.length, events.length);
  for (let i = 0; i < n; i++) {
    if (i < events.length) lines.push(ndjsonEvent(events[i]!));
    if (i < contacts.length) lines.push(ndjsonContact(contacts[i]!));
  }
  return lines.join(lineEnd) + lineEnd;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'journey-file-replay-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function readBoth(name: string, text: string, journey: Journey) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const check = (t: Timeline) => timelineReferences(t, journey, 'j.journey.json');
  const fastOut: string[] = [];
  const exactOut: string[] = [];
  const fast = await readTimelineForReplay(file, (l) => fastOut.push(l), check);
  const exact = await readTimelineFile(file, (l) => exactOut.push(l), check);
  return { file, fast, exact, fastOut, exactOut };
}

const OPTIONS: SimulationOptions[] = [{ trace: false }, { trace: true }, { trace: false, replayOrder: 'time' }];

/** The file, read for a replay, takes the packed path and replays exactly as the timeline object. */
async function assertSameReplay(name: string, text: string, journey: Journey, timeline: Timeline): Promise<void> {
  const { fast, exact, fastOut } = await readBoth(name, text, journey);
  assert.ok(exact.ok, `the exact reader accepts ${name}`);
  assert.ok(fast.ok, `${name}: ${fastOut.join('\n')}`);
  assert.ok(isPackedTimeline(fast.timeline), `${name} is read into columns, not by the exact reader`);
  // Contacts before events (the JSON files here) number the events' contacts as the replay does; interleaved (the NDJSON files here), not.
  assert.equal(fast.timeline.listedContactIds >= 0, name.endsWith('.json'), `${name}: listedContactIds ${fast.timeline.listedContactIds}`);
  assert.deepEqual(fastOut, []);
  for (const options of OPTIONS) {
    assert.deepEqual(simulate(journey, fast.timeline, options), simulate(journey, timeline, options), `${name} ${JSON.stringify(options)}`);
  }
}

describe('journey simulate from a file: the packed read replays exactly as the timeline object (#16)', function () {
  this.timeout(120_000);

  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.timeline.json')).map((f) => f.replace('.timeline.json', ''));
  for (const name of samples) {
    it(`sample ${name}: its timeline and a generated one, in both formats, compact and pretty`, async () => {
      const journey = sampleJourney(name);
      const sample = JSON.parse(readFileSync(join(SAMPLES, `${name}.timeline.json`), 'utf8')) as Timeline;
      const generated = generateTimeline(journey, { contacts: 300, seed: 11, start: '2026-03-02T08:00:00Z', days: 20, unsubscribeShare: 0.1 });
      for (const [kind, timeline] of [['sample', sample], ['generated', generated]] as const) {
        await assertSameReplay(`${name}-${kind}.timeline.json`, asJson(timeline), journey, timeline);
        await assertSameReplay(`${name}-${kind}-pretty.timeline.json`, asPrettyJson(timeline), journey, timeline);
        await assertSameReplay(`${name}-${kind}.timeline.ndjson`, asNdjson(timeline), journey, timeline);
        await assertSameReplay(`${name}-${kind}-crlf.timeline.ndjson`, asNdjson(timeline, '\r\n'), journey, timeline);
      }
    });
  }

  it('the benchmark journey and timeline (1,500 contacts, one listed twice, unsorted, events for contacts not in contacts, other instant forms)', async () => {
    const journey = benchJourney();
    const timeline = benchTimeline(1500);
    // Some disorder, other instant forms (fraction, offset) and contacts only the events name.
    const events = timeline.events.map((e, i) => (i % 97 === 0 ? { ...e, at: e.at.replace('Z', '.250+01:00') } : i % 101 === 0 ? { ...e, contact: `ghost${i % 7}` } : e));
    [events[10], events[2000]] = [events[2000]!, events[10]!];
    // A contact listed twice (the first one counts) and one listed after its events' contacts would be.
    const contacts = [...timeline.contacts, { ...timeline.contacts[5]!, email: 'second@example.com' }];
    const changed: Timeline = { ...timeline, contacts, events };
    await assertSameReplay('bench.timeline.json', asJson(changed), journey, changed);
    await assertSameReplay('bench.timeline.ndjson', asNdjson(changed), journey, changed);
  });
});

describe('journey simulate from a file: input the packed read is not sure of is read the exact way (#16)', function () {
  this.timeout(120_000);
  const journey = sampleJourney('mailchimp-vip-welcome');
  const timeline = JSON.parse(readFileSync(join(SAMPLES, 'mailchimp-vip-welcome.timeline.json'), 'utf8')) as Timeline;
  const text = JSON.stringify(timeline, null, 2);
  const firstEventAt = timeline.events[0]!.at;
  const firstContact = timeline.contacts[0]!.id;

  const bad: [string, string][] = [
    ['an impossible instant', text.replace(firstEventAt, '2026-02-30T09:00:00Z')],
    ['an unknown event property', text.replace(`"at": "${firstEventAt}"`, `"at": "${firstEventAt}", "contakt": "x"`)],
    ['a duplicate key in an event', text.replace(`"at": "${firstEventAt}"`, `"at": "${firstEventAt}", "at": "${firstEventAt}"`)],
    ['a duplicate key in a contact', text.replace(`"id": "${firstContact}"`, `"id": "${firstContact}", "id": "${firstContact}"`)],
    ['a missing comma', text.replace(/\},\n(\s*)\{\n(\s*)"at"/, '}\n$1{\n$2"at"')],
    ['a contact id that is not an id', text.replace(`"contact": "${timeline.events[0]!.contact}"`, '"contact": "9 lives"')],
    ['a name the journey lacks (an error)', text.replace(/"content": "[^"]+"/, '"content": "no_such_content"')],
    ['a __proto__ field of a bad value', text.replace(`"id": "${firstContact}"`, `"id": "${firstContact}", "fields": {"__proto__": []}`)],
    ['a bad top-level property', text.replace('"formatVersion": 1', '"formatVersion": 2')],
    ['an empty file', ''],
    ['trailing text', `${text}x`],
  ];
  for (const [what, broken] of bad) {
    it(`JSON, ${what}: exactly the exact reader's located errors`, async () => {
      assert.notEqual(broken, text, 'the case changes the file');
      const { fast, exact, fastOut, exactOut } = await readBoth('bad.timeline.json', broken, journey);
      assert.equal(fast.ok, false);
      assert.deepEqual({ ...fast, out: fastOut }, { ...exact, out: exactOut });
      assert.ok(exactOut.some((l) => /bad\.timeline\.json:\d+:\d+ error /.test(l)), exactOut.join('\n'));
    });
  }

  const lines = asNdjson(timeline).split('\n');
  const ndjsonBad: [string, string][] = [
    ['a bad instant', lines.map((l, i) => (i === 3 ? l.replace(/"at":"[^"]+"/, '"at":"yesterday"') : l)).join('\n')],
    ['a lone carriage return inside a line', lines.map((l, i) => (i === 2 ? l.replace(',', ',\r') : l)).join('\n')],
    ['a line that is neither', lines.map((l, i) => (i === 2 ? '{"other":{}}' : l)).join('\n')],
    ['no header', lines.slice(1).join('\n')],
  ];
  for (const [what, broken] of ndjsonBad) {
    it(`NDJSON, ${what}: exactly the exact reader's located errors`, async () => {
      const { fast, exact, fastOut, exactOut } = await readBoth('bad.timeline.ndjson', broken, journey);
      assert.equal(fast.ok, false);
      assert.deepEqual({ ...fast, out: fastOut }, { ...exact, out: exactOut });
      assert.ok(exactOut.some((l) => /bad\.timeline\.ndjson:\d+:\d+ error /.test(l)), exactOut.join('\n'));
    });
  }

  const unusual: [string, string][] = [
    ['an escaped contact id', text.replace(`"contact": "${timeline.events[0]!.contact}"`, `"contact": "${timeline.events[0]!.contact.replace(/^./, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}"`)],
    ['a byte order mark', `\uFEFF${text}`],
    ['a likely typo of contact data (a warning)', text.replace('"tag": "VIP"', '"tag": "VIPP"')],
    ['a __proto__ field (data, kept)', text.replace(`"id": "${firstContact}"`, `"id": "${firstContact}", "fields": {"__proto__": 1}`)],
  ];
  for (const [what, changed] of unusual) {
    it(`JSON, ${what}: the same timeline and findings as the exact reader`, async () => {
      assert.notEqual(changed, text, 'the case changes the file');
      const { fast, exact, fastOut, exactOut } = await readBoth('unusual.timeline.json', changed, journey);
      assert.ok(fast.ok && exact.ok, fastOut.join('\n'));
      assert.deepEqual(fastOut, exactOut);
      assert.deepEqual(simulate(journey, fast.timeline, { trace: true }), simulate(journey, exact.timeline, { trace: true }));
    });
  }
});

describe('the packed reader\'s hand checks accept only what the schema accepts, with the same values (#16)', () => {
  /** The event's instant as the builder reads it from bytes, or undefined when it gives up on the event. */
  const builder = new PackedTimelineBuilder({ crIsSpace: true, strictKeys: true });
  function builderReads(at: string, contact = 'c1'): number | undefined {
    const bytes = new TextEncoder().encode(JSON.stringify({ at, contact, type: 'purchase' }));
    const before = builder.events;
    if (builder.event(bytes, 0, bytes.length) !== bytes.length) return undefined;
    assert.equal(builder.events, before + 1);
    return builder.finish({ formatVersion: 1 })!.eventTime[before];
  }
  const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));

  it('an instant of the plain form (any digits, in range or not) is taken exactly when the schema takes it, at parseIsoInstant\'s epoch ms', () => {
    const instant = fc.tuple(fc.integer({ min: 0, max: 9999 }), two, two, two, two, two, fc.constantFrom('Z', '.5Z', '.123+01:30', '-00:00', 'z', '')).map(([y, mo, d, h, mi, sec, zone]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${sec}${zone}`);
    fc.assert(
      fc.property(instant, (at) => {
        const read = builderReads(at);
        if (Instant.safeParse(at).success) assert.equal(read, parseIsoInstant(at), at);
        else assert.equal(read, undefined, at);
      }),
      { numRuns: 3000 },
    );
  });

  it('a contact id is taken exactly when it is an Id', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '_', '0', '9', '.', '-', ' ', 'é', '"', '\\'), maxLength: 6 }), (id) => {
        const taken = builderReads('2026-03-01T09:00:00Z', id) !== undefined;
        assert.equal(taken, Id.safeParse(id).success && !/["\\]/.test(id), JSON.stringify(id));
      }),
      { numRuns: 2000 },
    );
  });
});
