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
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
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

async function readBoth(name: string, text: string | Uint8Array, journey: Journey) {
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

describe('journey simulate from a file: the in-place read of compact events (#16)', function () {
  this.timeout(120_000);
  // Compact JSON and NDJSON (one record a line, as JSON.stringify writes them) are read by the reader's in-place
  // path: each event's bytes straight into the columns. Whatever it meets mid-file, it reads what the exact reader
  // reads, or hands the file to it for its located errors.
  const journey = benchJourney();
  const timeline = benchTimeline(200);
  const records = (t: Timeline, separator = ',\n') => {
    const { contacts, events, ...header } = t;
    return `${JSON.stringify(header).slice(0, -1)},"contacts":[\n${contacts.map((c) => JSON.stringify(c)).join(separator)}\n],"events":[\n${events.map((e) => JSON.stringify(e)).join(separator)}\n]}\n`;
  };
  const text = records(timeline);
  const eventLines = text.split('\n').filter((l) => l.startsWith('{"at"'));
  /** The text with the middle event's line changed. */
  const midEvent = (change: (line: string) => string) => {
    const line = eventLines[Math.floor(eventLines.length / 2)]!;
    const changed = change(line);
    assert.notEqual(changed, line, 'the case changes the line');
    return text.replace(line, changed);
  };

  /** The fast read gives what the exact reader gives: the same located errors, or a timeline that replays the same. */
  async function assertLikeExact(name: string, changed: string, packed: boolean): Promise<{ ok: boolean; out: string[] }> {
    const { fast, exact, fastOut, exactOut } = await readBoth(name, changed, journey);
    assert.deepEqual(fastOut, exactOut);
    assert.equal(fast.ok, exact.ok, fastOut.join('\n'));
    if (fast.ok && exact.ok) {
      assert.equal(isPackedTimeline(fast.timeline), packed, `${name}: read into columns`);
      for (const options of OPTIONS) assert.deepEqual(simulate(journey, fast.timeline, options), simulate(journey, exact.timeline, options), `${name} ${JSON.stringify(options)}`);
    } else assert.deepEqual(fast, exact);
    return { ok: fast.ok, out: fastOut };
  }

  const malformed: [string, (line: string) => string][] = [
    ['a missing closing quote', (l) => l.replace(/"tag":"signup"|"name":"pageViewed"|"content":"[^"]+"|"product":"[^"]+"|"type":"unsubscribed"/, (m) => m.slice(0, -1))],
    ['two commas in the body', (l) => l.replace('","type"', '",,"type"')],
    ['an unclosed brace', (l) => l.replace(/\},$/, ',')],
    ['a closing bracket in place of the brace', (l) => l.replace(/\},$/, '],')],
    ['the body repeats "at"', (l) => l.replace(/\},$/, `,"at":"${timeline.start}"},`)],
    ['the body repeats a key', (l) => l.replace(/"type":"([a-zA-Z]+)"/, '"type":"$1","type":"$1"')],
    ['a body the schema rejects', (l) => l.replace(/"type":"[a-zA-Z]+"/, '"type":"teleported"')],
    ['a control character in a string', (l) => l.replace(/"type":"/, '"type":"\u0001')],
    ['a contact id that is not an id', (l) => l.replace(/"contact":"c/, '"contact":"9')],
    ['an empty contact id', (l) => l.replace(/"contact":"[^"]+"/, '"contact":""')],
    ['an impossible instant', (l) => l.replace(/"at":"[^"]+"/, '"at":"2026-02-30T09:00:00Z"')],
  ];
  for (const [what, change] of malformed) {
    it(`a malformed event mid-file, ${what}: exactly the exact reader's located errors`, async () => {
      const { ok, out } = await assertLikeExact('bad.timeline.json', midEvent(change), true);
      assert.equal(ok, false);
      assert.ok(out.some((l) => /bad\.timeline\.json:\d+:\d+ error /.test(l)), out.join('\n'));
    });
  }

  const unusual: [string, string, boolean][] = [
    ['every event as written (the in-place path throughout)', text, true],
    ['CRLF line ends between records', records(timeline, ',\r\n'), true],
    ['CRLF and spaces inside an event', midEvent((l) => l.replace(',"type"', ',\r\n  "type"').replace('":"', '" : "')), true],
    ['a unicode escape in a body string', midEvent((l) => l.replace(/"type":"([a-zA-Z]+)"/, (_, t: string) => `"type":"\\u00${t.charCodeAt(0).toString(16)}${t.slice(1)}"`)), true],
    // An escape in a name or id: the exact reader reads the file.
    ['a unicode escape in a property name', midEvent((l) => l.replace('"type"', '"t\\u0079pe"')), false],
    ['a unicode escape in the contact id', midEvent((l) => l.replace(/"contact":"c/, '"contact":"\\u0063')), false],
    ['a number in exponent form', text.replace(/"amount":49\}/, '"amount":4.9e1}').replace(/"amount":25\}/, '"amount":2500E-2}'), true],
    // A __proto__ name in a body is data (JSON.parse makes it an own property): the exact reader reads the file.
    ['a __proto__ property name in a body', text.replace('"fields":{"plan":"pro"}}', '"fields":{"__proto__":"pro"}}'), false],
  ];
  for (const [what, changed, packed] of unusual) {
    it(`${what}: what the exact reader reads`, async () => {
      assert.ok(changed !== text || what.startsWith('every'), 'the case changes the file');
      const { ok, out } = await assertLikeExact('unusual.timeline.json', changed, packed);
      assert.ok(ok, `the file is valid: ${out.join('\n')}`);
    });
  }

  it('a byte that is not UTF-8 in an event mid-file: exactly the exact reader\'s located error', async () => {
    const bytes = new TextEncoder().encode(midEvent((l) => l.replace('"type":"', '"type":"#')));
    bytes[bytes.indexOf(0x23, text.length / 2)] = 0xff;
    const { fast, exact, fastOut, exactOut } = await readBoth('bad.timeline.json', bytes, journey);
    assert.equal(fast.ok, false);
    assert.deepEqual({ ...fast, out: fastOut }, { ...exact, out: exactOut });
    assert.ok(exactOut.some((l) => /bad\.timeline\.json:\d+:\d+ error .*UTF-8/.test(l)), exactOut.join('\n'));
  });

  it('a contact and its events with the id __proto__ (JSON and NDJSON): read into columns, replayed as the timeline object', async () => {
    const renamed = JSON.parse(JSON.stringify(timeline).replaceAll('"c0000007"', '"__proto__"')) as Timeline;
    assert.ok(renamed.events.some((e) => e.contact === '__proto__'));
    await assertSameReplay('proto.timeline.json', JSON.stringify(renamed), journey, renamed);
    await assertSameReplay('proto.timeline.ndjson', asNdjson(renamed), journey, renamed);
  });

  it('events of one body share one object, whether read in place or in another layout', () => {
    const builder = new PackedTimelineBuilder({ crIsSpace: true, strictKeys: true });
    const compact = '{"at":"2026-03-01T09:00:00Z","contact":"c1","type":"purchase","product":"kit","amount":49}';
    const spaced = '{ "at": "2026-03-01T09:00:01Z", "contact": "c2",\r\n "type" : "purchase", "product": "kit", "amount": 49 }';
    const reordered = '{"type":"purchase","at":"2026-03-01T09:00:02Z","product":"kit","contact":"c1","amount":49}';
    for (const event of [compact, spaced, reordered]) {
      const bytes = new TextEncoder().encode(event);
      assert.equal(builder.event(bytes, 0, bytes.length), bytes.length, event);
    }
    const packed = builder.finish({ formatVersion: 1 })!;
    assert.deepEqual(packed.eventBody[0], { type: 'purchase', product: 'kit', amount: 49 });
    assert.equal(packed.eventBody[1], packed.eventBody[0]);
    assert.equal(packed.eventBody[2], packed.eventBody[0]);
    assert.deepEqual(packed.eventContact, [0, 1, 0]);
    assert.deepEqual(packed.eventContactIds, ['c1', 'c2']);
  });
});

describe('contacts read from a timeline file share their equal lists (#16: memory)', () => {
  const lists = { newsletter: 'subscribed', sms_alerts: 'subscribed' } as const;
  const journey = validateJourneyText(
    JSON.stringify({
      formatVersion: 1,
      id: 'unsubscribe_one',
      name: 'Unsubscribe one',
      kind: 'trigger',
      tags: ['leave'],
      lists: [
        { id: 'newsletter', name: 'Newsletter', kind: 'marketing' },
        { id: 'sms_alerts', name: 'SMS alerts', kind: 'marketing' },
      ],
      startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: 'leave' }, next: 'drop' }],
      points: [
        { id: 'drop', type: 'unsubscribeList', list: 'newsletter', next: 'end' },
        { id: 'end', type: 'end' },
      ],
    }),
  ).journey;

  it('R17: unsubscribing one contact leaves another with the same lists as read, in both formats', async () => {
    assert.ok(journey, 'the journey of this specification is valid');
    const timeline: Timeline = {
      formatVersion: 1,
      start: '2026-03-02T08:00:00Z',
      contacts: [
        { id: 'a', email: 'a@example.com', lists: { ...lists } },
        { id: 'b', email: 'b@example.com', lists: { ...lists } },
        { id: 'c', email: 'c@example.com', lists: { sms_alerts: 'subscribed', newsletter: 'subscribed' } },
      ],
      events: [{ at: '2026-03-02T09:00:00Z', contact: 'a', type: 'tagAdded', tag: 'leave' }],
    };
    for (const [name, text] of [['shared.timeline.json', asJson(timeline)], ['shared.timeline.ndjson', asNdjson(timeline)]] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const read = await readTimelineForReplay(file, () => undefined);
      assert.ok(read.ok && isPackedTimeline(read.timeline), name);
      const [a, b, c] = read.timeline.contacts;
      assert.equal(a!.lists, b!.lists, `${name}: equal lists are one object`);
      assert.notEqual(a!.lists, c!.lists, `${name}: the same lists in another order are not shared (their keys read in their own order)`);
      assert.deepEqual(Object.keys(c!.lists!), ['sms_alerts', 'newsletter']);
      assert.ok(Object.isFrozen(a!.lists), `${name}: a shared record cannot be changed in place`);
      const result = simulate(journey!, read.timeline, { trace: false });
      const object = simulate(journey!, timeline, { trace: false });
      assert.deepEqual(result.stats, object.stats, name);
      assert.equal(result.stats.started, 1, `${name}: a entered and was unsubscribed`);
      assert.deepEqual(b!.lists, lists, `${name}: b's lists as read after a replay that unsubscribed a`);
      assert.deepEqual(a!.lists, lists, `${name}: the timeline itself is not changed by the replay`);
    }
  });
});
