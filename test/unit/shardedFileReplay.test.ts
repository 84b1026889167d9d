// Specification of the sharded file read of `journey simulate`
// (src/cli/shardedFileReplay.ts, #16): every thread reads the whole timeline
// file and keeps only its own shard (the contacts whose id hashes to it and
// their events); the shards' replays, merged, give exactly the snapshot of
// reading the file on one thread and replaying it (R14), in both formats and
// in any layout the fast reader takes (one record per line, one line,
// indented, contacts after events, ids not first), for trigger, date-field
// (R20) and segment (R19) journeys. A shard declines exactly when the
// one-thread read would not replay the file as it is: a contact the
// timeline does not list (whether it is a likely typo needs every contact),
// a name the journey lacks, a record the fast reader is not sure of.
// Seeded like every property (propertyRuns.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import '../support/propertySeed';
import { readTimelineForReplay } from '../../src/cli/packedTimelineFile';
import { type ReadShard, readShard, replayFileInShards, type ShardedFileTimings, type ShardNameCheck } from '../../src/cli/shardedFileReplay';
import { PackedTimelineBuilder } from '../../src/core/packedTimelineBuilder';
import { Journey } from '../../src/core/schema';
import { simulate, type SimulationOptions } from '../../src/core/simulator/index';
import { boundsOf, mergeShardResults } from '../../src/core/simulator/shardedReplay';
import { shardOf } from '../../src/core/simulator/timelineShards';
import { type ContactEvent, Timeline } from '../../src/core/timeline';
import { timelineReferences } from '../../src/core/timelineReferences';
import { benchJourney } from '../bench/simulate/benchJourney';
import { benchTimeline } from '../bench/simulate/benchTimeline';
import { scenarioArb, T0 } from './simulator/arbitraries';
import { replayOutcome, widenTimeline } from './simulator/helpers';
import { propertyParameters } from './simulator/propertyRuns';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const CHECK: ShardNameCheck = { journeyFile: 'test.journey.json', errorsOnly: false };

/** How a timeline is written to its file. */
type Layout = 'json' | 'jsonLines' | 'jsonIndented' | 'contactsLast' | 'idNotFirst' | 'ndjson';
const LAYOUTS: readonly Layout[] = ['json', 'jsonLines', 'jsonIndented', 'contactsLast', 'idNotFirst', 'ndjson'];

function writeTimeline(dir: string, tl: Timeline, layout: Layout): string {
  const { contacts, events, ...properties } = tl;
  const file = join(dir, `t.timeline.${layout === 'ndjson' ? 'ndjson' : 'json'}`);
  const head = JSON.stringify(properties).slice(0, -1);
  const sep = head.length > 1 ? ',' : '';
  let text: string;
  switch (layout) {
    case 'json':
      text = JSON.stringify(tl);
      break;
    case 'jsonLines':
      text = `${head}${sep}"contacts":[\n${contacts.map((c) => JSON.stringify(c)).join(',\n')}\n],"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
      break;
    case 'jsonIndented':
      text = JSON.stringify(tl, null, 2);
      break;
    case 'contactsLast':
      text = `${head}${sep}"events":${JSON.stringify(events)},"contacts":${JSON.stringify(contacts)}}`;
      break;
    case 'idNotFirst':
      text = JSON.stringify({ ...properties, contacts: contacts.map(({ id, ...rest }) => ({ ...rest, id })), events: events.map(({ at, contact, ...body }) => ({ ...body, contact, at })) });
      break;
    case 'ndjson':
      text = [JSON.stringify(properties), ...contacts.map((contact) => JSON.stringify({ contact })), ...events.map((event) => JSON.stringify({ event }))].join('\n') + '\n';
      break;
  }
  writeFileSync(file, text);
  return file;
}

/** The file read on one thread, then replayed (what `journey simulate --threads 1` does), or the error it stops with. */
async function oneThread(j: Journey, file: string, options: SimulationOptions): Promise<unknown> {
  const read = await readTimelineForReplay(file, () => {});
  assert.ok(read.ok, 'the one-thread read takes the file');
  return replayOutcome(() => simulate(j, read.timeline, options));
}

/** Every shard read from the file and replayed on this thread, merged as the CLI merges its threads' results; or why a shard declined. */
function inShards(j: Journey, file: string, options: SimulationOptions, count: number, check: ShardNameCheck): { declined: string } | { snapshot: unknown } {
  const shards: Extract<ReadShard, { ok: true }>[] = [];
  for (let index = 0; index < count; index++) {
    const read = readShard(file, { index, count }, j, options, check);
    if (!read.ok) return { declined: read.reason };
    shards.push(read);
  }
  const bounds = boundsOf(j, shards[0]!.replay.timeline, options, shards.map((s) => ({ first: s.replay.prepared.firstEventTime, last: s.replay.prepared.lastEventTime })));
  if (!bounds) return { declined: 'no bounds' };
  return { snapshot: replayOutcome(() => mergeShardResults(j, shards[0]!.replay.timeline, options, bounds, shards.map((s) => s.replay.run(bounds)))) };
}

/** A contact id (none of the benchmark timeline's) whose shard of `count` is `index`. */
const idInShard = (index: number, count: number) => Array.from({ length: 100 }, (_, k) => `stranger${k}`).find((id) => shardOf(id, count) === index)!;

const isReplayError = (outcome: unknown) => typeof outcome === 'object' && outcome !== null && 'error' in outcome;

/** More contacts, the first listed twice (none known only from events: a shard declines those). */
const widen = (tl: Timeline, copies: number) => widenTimeline(tl, copies, { stranger: false });

/** R20: a date-field starting point on `birthday`, each contact's birthday within the first days of the replay. */
function withDateTrigger(j: Journey, tl: Timeline, days: number[]): [Journey, Timeline] {
  const next = j.startingPoints[0]!.next;
  const journey = Journey.parse({ ...j, startingPoints: [...j.startingPoints, { id: 'sp_birthday', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next }] });
  const birthday = (d: number) => iso(T0 + d * DAY).slice(0, 10).replace(/^\d{4}/, '1990');
  return [journey, Timeline.parse({ ...tl, contacts: tl.contacts.map((c, i) => ({ ...c, fields: { ...c.fields, birthday: birthday(days[i % days.length]!) } })) })];
}

/** R19: a segment journey on segment `top`, members at the start and joining by events. */
function asSegmentJourney(j: Journey, tl: Timeline, members: boolean[]): [Journey, Timeline] {
  const { startingPoints, ...rest } = j;
  const journey = Journey.parse({
    ...rest,
    kind: 'segment',
    segmentEntry: { segment: 'top', schedule: { type: 'recurring', every: 'PT12H' }, start: iso(T0 + 10 * 3_600_000).slice(0, 16), timeZone: j.settings?.timeZone ?? 'UTC' },
    startingPoints: [{ id: 'sp_top', trigger: { type: 'segmentEntered', segment: 'top' }, next: startingPoints[0]!.next }],
  });
  const contacts = tl.contacts.map((c, i) => (members[i % members.length] ? { ...c, segments: ['top'] } : c));
  const events: ContactEvent[] = [...tl.events, ...tl.contacts.map((c, i) => ({ at: iso(T0 + (i + 1) * 7 * 3_600_000), contact: c.id, type: 'segmentJoined' as const, segment: 'top' }))];
  return [journey, Timeline.parse({ ...tl, contacts, events })];
}

/** Whether the one-thread read would not replay the file as it is: an unlisted contact, or a name the journey lacks (with errorsOnly, --json: an error). */
function oneThreadWouldSaySomething(j: Journey, tl: Timeline, check: ShardNameCheck): boolean {
  const listed = new Set(tl.contacts.map((c) => c.id));
  return tl.events.some((e) => !listed.has(e.contact)) || timelineReferences(tl, j, check.journeyFile).some((f) => !check.errorsOnly || f.severity === 'error');
}

describe('journey simulate, read sharded: each thread reads the file for its own contacts (#16)', function () {
  this.timeout(180_000); // 150 generated timelines, each written, read in every shard and once more on one thread, and replayed
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'journey-sharded-read-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('R14: the merged shards give the snapshot of a one-thread read and replay, in every layout and format, for trigger, date-field (R20) and segment (R19) journeys', async () => {
    let replayed = 0;
    let declined = 0;
    const reasons = new Set<string>();
    const reached = new Set<Layout>();
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom(...LAYOUTS),
        fc.constantFrom('trigger', 'dateField', 'segment'),
        fc.array(fc.integer({ min: -2, max: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 30 * 24 }).map((h) => iso(T0 + h * 3_600_000)), { nil: undefined }),
        fc.boolean(),
        async ([j0, tl0], copies, count, layout, kind, days, members, at, errorsOnly) => {
          const check = { ...CHECK, errorsOnly };
          const widened = widen(tl0, copies);
          const [j, tl] = kind === 'dateField' ? withDateTrigger(j0, widened, days) : kind === 'segment' ? asSegmentJourney(j0, widened, members) : [j0, widened];
          const options: SimulationOptions = { trace: false, ...(at !== undefined ? { at } : {}) };
          const file = writeTimeline(dir, tl, layout);
          const sharded = inShards(j, file, options, count, check);
          if ('declined' in sharded) {
            declined++;
            reasons.add(sharded.declined);
            assert.ok(oneThreadWouldSaySomething(j, tl, check), `a shard declined (${sharded.declined}) a timeline the one-thread read replays as it is`);
            return;
          }
          const one = await oneThread(j, file, options);
          if (isReplayError(sharded.snapshot)) {
            // A shard's replay stopped: the CLI replays on one thread, which stops too and reports its own first error.
            assert.ok(isReplayError(one), 'a replay error in a shard is one in the whole replay');
            return;
          }
          replayed++;
          reached.add(layout);
          assert.deepStrictEqual(sharded.snapshot, one);
        },
      ),
      propertyParameters(150),
    );
    assert.ok(replayed > declined, `most cases replay sharded (${replayed} replayed, ${declined} declined: ${[...reasons].join('; ')})`);
    assert.deepStrictEqual([...reached].sort(), [...LAYOUTS].sort(), 'every layout was replayed sharded');
  });

  it('keeps every contact and event in exactly one shard, at its place in the whole timeline, over many batches of contacts (ids named "__proto__" and "constructor" too)', () => {
    const tl = benchTimeline(3_000); // about 400 KB of contacts: parsed in batches of 64 KB
    // One contact longer than a batch (its tags), among the others: the batch before it is parsed first.
    const big = { ...tl.contacts[1_500]!, tags: Array.from({ length: 12_000 }, (_, k) => `t${k}`) };
    const contacts = [...tl.contacts.slice(0, 1_500), big, ...tl.contacts.slice(1_501), { id: '__proto__', email: 'p@example.com' }, { id: 'constructor' }];
    const events = [...tl.events, { at: tl.events[0]!.at, contact: '__proto__', type: 'purchase' as const, product: 'kit', amount: 1 }, { at: tl.events[1]!.at, contact: 'constructor', type: 'tagAdded' as const, tag: 'vip' }];
    const j = benchJourney();
    // One record per line (events read in place), and ids not first (events read member by member).
    for (const [layout, count] of [['jsonLines', 2], ['jsonLines', 3], ['idNotFirst', 2]] as const) {
      const file = writeTimeline(dir, Timeline.parse({ ...tl, contacts, events }), layout);
      const contactOwner = new Array<number>(contacts.length).fill(-1);
      const eventOwner = new Array<number>(events.length).fill(-1);
      for (let index = 0; index < count; index++) {
        const read = readShard(file, { index, count }, j, { trace: false }, { ...CHECK, errorsOnly: true });
        assert.ok(read.ok, read.ok ? '' : read.reason);
        assert.equal(read.places.contactCount, contacts.length);
        assert.equal(read.places.eventCount, events.length);
        const { timeline } = read.replay;
        read.places.contactPositions.forEach((p, k) => {
          assert.equal(contactOwner[p], -1, `contact ${p} in one shard only`);
          contactOwner[p] = index;
          assert.equal(timeline.contacts[k]!.id, contacts[p]!.id);
          assert.equal(shardOf(contacts[p]!.id, count), index);
        });
        read.places.eventPositions.forEach((p, k) => {
          assert.equal(eventOwner[p], -1, `event ${p} in one shard only`);
          eventOwner[p] = index;
          assert.equal(timeline.eventContactIds[timeline.eventContact[k]!], events[p]!.contact);
          assert.equal(timeline.eventTime[k], Date.parse(events[p]!.at));
        });
      }
      assert.ok(!contactOwner.includes(-1) && !eventOwner.includes(-1), `every record is in a shard (${layout}, ${count} shards)`);
    }
  });

  it('counts and places every record of a file longer than its 4 MB read window (records cut at a window\'s end are stepped over once)', () => {
    const tl = benchTimeline(40_000);
    const file = writeTimeline(dir, tl, 'jsonLines');
    const j = benchJourney();
    const placed = [0, 1].map((index) => {
      const read = readShard(file, { index, count: 2 }, j, { trace: false }, { ...CHECK, errorsOnly: true });
      assert.ok(read.ok, read.ok ? '' : read.reason);
      assert.deepStrictEqual([read.places.contactCount, read.places.eventCount], [tl.contacts.length, tl.events.length], `shard ${index} counts the whole timeline`);
      return read.places.eventPositions;
    });
    const all = [...placed[0]!, ...placed[1]!].sort((a, b) => a - b);
    assert.deepStrictEqual(all, tl.events.map((_, k) => k), 'every event placed once');
    placed.forEach((positions, index) => positions.forEach((p) => assert.equal(shardOf(tl.events[p]!.contact, 2), index, `event ${p} in shard ${index}`)));
  });

  it('a contact id written with escapes (\\u0063 for c) is kept by the shard of the id it spells, like any other', () => {
    const tl = benchTimeline(60);
    const escaped = (id: string) => id.replace(/[0-9c]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
    const text = JSON.stringify(tl).replace(/"id":"(c\d+)"/g, (_, id: string) => `"id":"${escaped(id)}"`);
    assert.ok(text.includes('"id":"\\u0063'), 'the ids are written with escapes');
    const file = join(dir, 'escaped.timeline.json');
    writeFileSync(file, text);
    const j = benchJourney();
    const kept: string[] = [];
    for (const index of [0, 1]) {
      const read = readShard(file, { index, count: 2 }, j, { trace: false }, CHECK);
      assert.ok(read.ok, read.ok ? '' : read.reason);
      for (const c of read.replay.timeline.contacts) {
        assert.equal(shardOf(c.id, 2), index, `${c.id} in its id's shard`);
        kept.push(c.id);
      }
    }
    assert.deepStrictEqual(kept.sort(), tl.contacts.map((c) => c.id).sort(), 'every contact kept once');
  });

  it('a .timeline.ndjson contact whose id repeats (JSON.parse keeps the last) is never lost: its shard keeps it or the read declines', () => {
    const tl = benchTimeline(20);
    const first = idInShard(0, 2);
    const last = idInShard(1, 2);
    const repeated = `{"contact":{"id":"${first}","id":"${last}"}}`;
    const header = JSON.stringify({ formatVersion: 1, start: tl.start });
    const contacts = tl.contacts.map((contact) => JSON.stringify({ contact }));
    for (const [placement, lines] of [
      // First of all, with events after.
      ['first', [header, repeated, ...contacts, ...tl.events.map((event) => JSON.stringify({ event }))]],
      // Last, and no events: a thread that lost it, or what followed it, would have no event naming an unlisted contact to make it decline.
      ['last', [header, ...contacts, repeated]],
    ] as const) {
      const file = join(dir, `repeated-${placement}.timeline.ndjson`);
      writeFileSync(file, lines.join('\n') + '\n');
      const reads = [0, 1].map((index) => readShard(file, { index, count: 2 }, benchJourney(), { trace: false }, CHECK));
      const keptLast = reads.some((r) => r.ok && r.replay.timeline.contacts.some((c) => c.id === last));
      assert.ok(keptLast || reads.some((r) => !r.ok), `the contact ${last} (first written ${first}), ${placement}, is kept or the read declines`);
    }
  });

  it('declines an event for a contact the timeline does not list (whether its id is a typo of a listed one needs every contact)', () => {
    const tl = benchTimeline(50);
    const file = writeTimeline(dir, { ...tl, events: [...tl.events, { ...tl.events[0]!, contact: 'c00000O1' }] }, 'jsonLines');
    const reasons = [0, 1].map((index) => readShard(file, { index, count: 2 }, benchJourney(), { trace: false }, CHECK)).map((r) => (r.ok ? 'ok' : r.reason));
    assert.ok(reasons.includes('an event names a contact the timeline does not list'), reasons.join('; '));
  });

  it('declines a name the journey lacks (the one-thread read prints it at its place), and with --json only an error counts', () => {
    const tl = benchTimeline(50);
    const typo = { at: tl.events[0]!.at, contact: tl.contacts[0]!.id, type: 'emailOpened' as const, point: 'no_such_point' };
    const listTypo = { at: tl.events[0]!.at, contact: tl.contacts[0]!.id, type: 'unsubscribed' as const, list: 'newsleter' };
    const j = benchJourney();
    const owner = shardOf(tl.contacts[0]!.id, 2);
    const errorFile = writeTimeline(dir, { ...tl, events: [...tl.events, typo] }, 'jsonLines');
    const read = readShard(errorFile, { index: owner, count: 2 }, j, { trace: false }, { ...CHECK, errorsOnly: true });
    assert.deepStrictEqual(read.ok ? 'ok' : read.reason, 'the timeline names something the journey lacks');
    const warningFile = writeTimeline(dir, { ...tl, events: [...tl.events, listTypo] }, 'jsonLines');
    const warned = readShard(warningFile, { index: owner, count: 2 }, j, { trace: false }, CHECK);
    assert.deepStrictEqual(warned.ok ? 'ok' : warned.reason, 'the timeline names something the journey lacks', 'a likely typo (a warning) is printed by the one-thread read');
    assert.ok(readShard(warningFile, { index: owner, count: 2 }, j, { trace: false }, { ...CHECK, errorsOnly: true }).ok, 'with --json a warning does not stop the sharded read');
  });

  it('declines a file the fast reader is not sure of (the exact reader locates its errors)', () => {
    const tl = benchTimeline(20);
    const file = join(dir, 'bad.timeline.json');
    writeFileSync(file, JSON.stringify(tl).replace('"contacts":[', '"contacts":[{"id":"x","id":"y"},'));
    for (const index of [0, 1]) {
      const read = readShard(file, { index, count: 2 }, benchJourney(), { trace: false }, CHECK);
      if (!read.ok) assert.match(read.reason, /not sure|does not list/);
    }
    assert.ok([0, 1].some((index) => !readShard(file, { index, count: 2 }, benchJourney(), { trace: false }, CHECK).ok), 'the shard of the contact with a repeated key declines');
  });

  it('the builder steps over another shard’s event without reading it, and counts it', () => {
    const builder = new PackedTimelineBuilder({ crIsSpace: true, strictKeys: true, shard: { index: 0, count: 2 } });
    const mine = idInShard(0, 2);
    const theirs = idInShard(1, 2);
    const bytes = (text: string) => new TextEncoder().encode(text);
    // Another shard's event with a body no shard accepts alone is still stepped over to its end (its owner judges it).
    const foreign = bytes(`{"at":"2026-01-01T00:00:00Z","contact":"${theirs}","type":"purchase","nested":{"x":"}\\""}}`);
    assert.equal(builder.event(foreign, 0, foreign.length), foreign.length);
    const own = bytes(`{"at":"2026-01-01T00:00:00Z","contact":"${mine}","type":"purchase","product":"kit","amount":1}`);
    assert.equal(builder.event(own, 0, own.length), own.length);
    const places = builder.places();
    assert.deepStrictEqual([places.eventCount, places.eventPositions], [2, [1]]);
    assert.equal(builder.events, 1);
  });
});

describe('journey simulate, read sharded on worker threads: replayFileInShards as the CLI calls it (#16)', function () {
  this.timeout(120_000); // every call starts its workers (under tsx here) and each reads the whole file
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'journey-sharded-threads-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('R14: on 2 and 3 threads (this one and workers) the snapshot is the one-thread read and replay\'s, with the whole timeline\'s counts, each thread timed, and progress told the bytes read and the events replayed', async () => {
    const j = benchJourney();
    const tl = benchTimeline(400);
    for (const layout of ['jsonLines', 'ndjson'] as const) {
      const file = writeTimeline(dir, tl, layout);
      const one = await oneThread(j, file, { trace: false });
      for (const threads of [2, 3]) {
        const timings: ShardedFileTimings = { readMs: [], replayMs: [], mergeMs: -1 };
        const read: [number, number][] = [];
        const replayed: [number, number][] = [];
        const t0 = performance.now();
        const sharded = await replayFileInShards(j, file, { trace: false }, threads, CHECK, { reading: (bytes, size) => read.push([bytes, size]), replaying: (done, total) => replayed.push([done, total]) }, timings);
        const wall = performance.now() - t0;
        assert.ok(sharded.ok, sharded.ok ? '' : sharded.reason);
        assert.deepStrictEqual(sharded.snapshot, one, `${layout} on ${threads} threads`);
        assert.deepStrictEqual([sharded.contacts, sharded.events], [tl.contacts.length, tl.events.length]);
        assert.equal(timings.readMs.length, threads, 'a read time per thread');
        assert.equal(timings.replayMs.length, threads, 'a replay time per thread');
        assert.ok([...timings.readMs, ...timings.replayMs, timings.mergeMs].every((ms) => ms >= 0 && ms <= wall), `every step timed, within the whole call (${wall} ms): ${JSON.stringify(timings)}`);
        const size = read[0]![1];
        assert.ok(size > 0 && read.every(([, s]) => s === size), 'reading progress is told the file size');
        assert.deepStrictEqual(read.at(-1), [size, size], 'this thread reads the whole file');
        assert.ok(replayed.length > 0 && replayed.every(([, total]) => total === tl.events.length), "replay progress counts the whole timeline's events");
        assert.deepStrictEqual(replayed.at(-1), [tl.events.length, tl.events.length], "this thread's replay ends told the whole timeline's events");
        const quiet = await replayFileInShards(j, file, { trace: false }, threads, CHECK);
        assert.deepStrictEqual(quiet.ok && quiet.snapshot, one, 'without progress, the same snapshot');
      }
    }
  });

  it("R14: with no start in the timeline the replay starts at the first event of any thread's shard, and a thread with no events of its own tells no progress of its own", async () => {
    const j = benchJourney();
    const { start: _start, ...tl } = benchTimeline(200);
    const mine = (c: string) => shardOf(c, 2) === 0;
    // This thread's shard holds the first event (and only it: the rest of this shard's contacts have none).
    const first = tl.events.find((e) => mine(e.contact))!;
    const early = { ...first, at: iso(Date.parse(tl.events[0]!.at) - DAY) };
    const timeline = Timeline.parse({ ...tl, events: [early, ...tl.events.filter((e) => !mine(e.contact))] });
    const file = writeTimeline(dir, timeline, 'jsonLines');
    const one = await oneThread(j, file, { trace: false });
    const sharded = await replayFileInShards(j, file, { trace: false }, 2, CHECK);
    assert.ok(sharded.ok, sharded.ok ? '' : sharded.reason);
    assert.deepStrictEqual(sharded.snapshot, one);
    assert.equal(sharded.snapshot.start, Date.parse(early.at), "the replay starts at this thread's early event");
    // Without its one early event this thread's shard has no events: it tells no replay progress (its share of none is not a number).
    const none = writeTimeline(dir, Timeline.parse({ ...timeline, events: timeline.events.slice(1) }), 'jsonLines');
    const told: number[] = [];
    const quiet = await replayFileInShards(j, none, { trace: false }, 2, CHECK, { replaying: (done, total) => told.push(done, total) });
    assert.ok(quiet.ok, quiet.ok ? '' : quiet.reason);
    assert.deepStrictEqual(told, [], 'no replay progress from a thread with no events of its own');
  });

  it("declines with a worker's reason when its shard declines, and with this thread's reason when this one's does", async () => {
    const j = benchJourney();
    const tl = benchTimeline(50);
    for (const [owner, who] of [
      [1, 'a worker'],
      [0, 'this thread'],
    ] as const) {
      const file = writeTimeline(dir, { ...tl, events: [...tl.events, { ...tl.events[0]!, contact: idInShard(owner, 2) }] }, 'jsonLines');
      const sharded = await replayFileInShards(j, file, { trace: false }, 2, CHECK);
      assert.deepStrictEqual(sharded, { ok: false, reason: 'an event names a contact the timeline does not list' }, `the unlisted contact's shard is read by ${who}`);
    }
  });

  it('declines when there is nothing to start the replay from (no start, no event), and with the error of a replay that cannot start (the one-thread replay reports it)', async () => {
    const j = benchJourney();
    const tl = benchTimeline(50);
    const { start: _start, ...noStart } = tl;
    const empty = writeTimeline(dir, Timeline.parse({ ...noStart, events: [] }), 'jsonLines');
    assert.deepStrictEqual(await replayFileInShards(j, empty, { trace: false }, 2, CHECK), { ok: false, reason: 'nothing to start the replay from' });
    const file = writeTimeline(dir, tl, 'jsonLines');
    const badHorizon = await replayFileInShards(j, file, { trace: false, horizon: 'not an instant' }, 2, CHECK);
    assert.equal(badHorizon.ok, false);
    assert.match(badHorizon.ok ? '' : badHorizon.reason, /horizon/);
    assert.ok(isReplayError(await oneThread(j, file, { trace: false, horizon: 'not an instant' })), 'the one-thread replay stops with its own error');
  });

  it('a file the threads cannot read ends the sharded read (the one-thread read then says why)', async () => {
    const sharded = await replayFileInShards(benchJourney(), join(dir, 'missing.timeline.json'), { trace: false }, 2, CHECK);
    assert.equal(sharded.ok, false);
    assert.match(sharded.ok ? '' : sharded.reason, /not sure/);
  });
});
