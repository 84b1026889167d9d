// The sharded replay (src/core/simulator/shardedReplay.ts) gives exactly the
// snapshot of one replay (R14): stats, per-point counters, queues in their
// order, the instant reached and the warnings, for generated journeys and
// timelines, with date-field starting points (R20) and segment schedules
// (R19) whose clock-driven entries every shard runs over its own contacts,
// with contacts listed twice or known only from events, in any number of
// shards on this thread; and on worker threads, as the CLI runs it. The
// timeline comes as objects or packed as the file readers give it (with its
// contacts listed before its events or not); every shard but the first
// goes through what a worker receives (columns, a structured clone).
// Seeded like every property (propertyRuns.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { Journey } from '../../../src/core/schema';
import { simulate, SimulationError, type SimulationOptions } from '../../../src/core/simulator/index';
import { replaySharded, SHARD_MIN_EVENTS, simulateInShards, threadsFor } from '../../../src/core/simulator/shardedReplay';
import { availableParallelism } from 'node:os';
import { openShard, splitPackedTimeline, transferList, withContactColumns } from '../../../src/core/simulator/timelineShards';
import { type PackedTimeline, packTimeline } from '../../../src/core/packedTimeline';
import { type ContactEvent, parseTimeline, Timeline } from '../../../src/core/timeline';
import { MessageChannel } from 'node:worker_threads';
import { journey, replayOutcome as outcome, widenTimeline } from './helpers';
import { benchJourney } from '../../bench/simulate/benchJourney';
import { benchTimeline } from '../../bench/simulate/benchTimeline';
import { scenarioArb, T0 } from './arbitraries';
import { propertyParameters } from './propertyRuns';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();


/** More contacts, one listed twice and one known only from its events. */
const widen = (tl: Timeline, copies: number) => widenTimeline(tl, copies, { stranger: true });

/** R20: a date-field starting point on `birthday`, each contact's birthday within the first days of the replay, some changed by events. */
function withDateTrigger(j: Journey, tl: Timeline, days: number[]): [Journey, Timeline] {
  const next = j.startingPoints[0]!.next;
  const journey = Journey.parse({ ...j, startingPoints: [...j.startingPoints, { id: 'sp_birthday', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next }] });
  const birthday = (d: number) => iso(T0 + d * DAY).slice(0, 10).replace(/^\d{4}/, '1990');
  const contacts = tl.contacts.map((c, i) => ({ ...c, fields: { ...c.fields, birthday: birthday(days[i % days.length]!) } }));
  const events: ContactEvent[] = [...tl.events, ...tl.contacts.slice(0, 2).map((c, i) => ({ at: iso(T0 + (i + 1) * DAY), contact: c.id, type: 'fieldChanged' as const, field: 'birthday', value: birthday(days[(i + 1) % days.length]! + 1) }))];
  return [journey, Timeline.parse({ ...tl, contacts, events })];
}

const SCHEDULES = [{ type: 'oneTimeStatic' }, { type: 'oneTimeRolling' }, { type: 'recurring', every: 'P1D', until: iso(T0 + 6 * DAY).slice(0, 16) }, { type: 'recurring', every: 'PT12H' }] as const;

/** R19: a segment journey on segment `top` (each schedule kind), members at the start and joining and leaving by events. */
function asSegmentJourney(j: Journey, tl: Timeline, schedule: number, members: boolean[]): [Journey, Timeline] {
  const { startingPoints, ...rest } = j;
  const journey = Journey.parse({
    ...rest,
    kind: 'segment',
    segmentEntry: { segment: 'top', schedule: SCHEDULES[schedule % SCHEDULES.length], start: iso(T0 + 10 * 3_600_000).slice(0, 16), timeZone: j.settings?.timeZone ?? 'UTC' },
    startingPoints: [{ id: 'sp_top', trigger: { type: 'segmentEntered', segment: 'top' }, next: startingPoints[0]!.next }],
  });
  const contacts = tl.contacts.map((c, i) => (members[i % members.length] ? { ...c, segments: ['top'] } : c));
  const events: ContactEvent[] = [...tl.events];
  tl.contacts.forEach((c, i) => events.push({ at: iso(T0 + (i + 1) * 7 * 3_600_000), contact: c.id, type: members[i % members.length] ? 'segmentLeft' : 'segmentJoined', segment: 'top' }));
  tl.contacts.slice(0, 2).forEach((c, i) => events.push({ at: iso(T0 + (i + 2) * DAY + 3_600_000), contact: c.id, type: 'segmentJoined', segment: 'top' }));
  return [journey, Timeline.parse({ ...tl, contacts, events })];
}

/** The timeline as given: objects, packed (contacts numbered first, as a file with contacts before events gives), or packed with the ids in no particular order (contacts after events). */
type Packing = 'objects' | 'packed' | 'packedUnlisted';
function given(tl: Timeline, packing: Packing): Timeline | PackedTimeline {
  if (packing === 'objects') return tl;
  const packed = packTimeline(tl);
  assert.ok(packed, 'the timeline packs');
  return packing === 'packed' ? packed : { ...packed, eventContactIds: [...packed.eventContactIds].reverse(), eventContact: packed.eventContact.map((g) => packed.eventContactIds.length - 1 - g), listedContactIds: -1 };
}

const variantArb = fc.record({
  packing: fc.constantFrom<Packing>('objects', 'packed', 'packedUnlisted'),
  scenario: scenarioArb,
  copies: fc.integer({ min: 0, max: 4 }),
  shards: fc.integer({ min: 2, max: 5 }),
  kind: fc.constantFrom('trigger', 'dateField', 'segment'),
  days: fc.array(fc.integer({ min: -2, max: 8 }), { minLength: 1, maxLength: 5 }),
  schedule: fc.nat(3),
  members: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  at: fc.option(fc.integer({ min: 0, max: 30 * 24 }).map((h) => iso(T0 + h * 3_600_000)), { nil: undefined }),
});

describe('sharded replay: the snapshot of one replay (R14)', () => {
  it('gives one replay’s stats, counters, queues (in order), instant and warnings, for trigger, date-field (R20) and segment (R19) journeys, in any number of shards', () => {
    let clockDriven = 0;
    let queued = 0;
    fc.assert(
      fc.property(variantArb, ({ packing, scenario: [j0, tl0], copies, shards, kind, days, schedule, members, at }) => {
        const widened = widen(tl0, copies);
        const [j, tl] = kind === 'dateField' ? withDateTrigger(j0, widened, days) : kind === 'segment' ? asSegmentJourney(j0, widened, schedule, members) : [j0, widened];
        const options: SimulationOptions = { trace: false, ...(at !== undefined ? { at } : {}) };
        const one = outcome(() => simulate(j, tl, options));
        const sharded = outcome(() => simulateInShards(j, given(tl, packing), options, shards));
        assert.deepStrictEqual(sharded, one);
        const entries = (one as { startingPoints?: Record<string, { entered: number }> }).startingPoints;
        if ((entries?.['sp_birthday']?.entered ?? 0) + (entries?.['sp_top']?.entered ?? 0) > 0) clockDriven++;
        if (one && typeof one === 'object' && 'queues' in one && Object.values((one as { queues: Record<string, string[]> }).queues).some((q) => q.length > 1)) queued++;
      }),
      propertyParameters(200),
    );
    assert.ok(clockDriven > 0 && queued > 0, `the generator must reach entries by date ticks or segment runs (${clockDriven} cases) and queues of several contacts (${queued} cases)`);
  });

  it('places contacts known only from events, and contacts listed twice, as one replay does (warnings in timeline order)', () => {
    const j = benchJourney();
    const tl = benchTimeline(300);
    const events = tl.events.map((e, i) => (i % 40 === 7 ? { ...e, contact: `stranger${i}` } : e));
    const widened = { ...tl, contacts: [...tl.contacts, tl.contacts[5]!, tl.contacts[9]!], events };
    const one = simulate(j, widened, { trace: false });
    assert.ok(one.warnings.some((w) => w.startsWith('2 contact id(s) appear more than once')) && one.warnings.some((w) => w.startsWith('... and')), 'the timeline has duplicates and more than 20 unknown contacts');
    for (const shards of [2, 3, 7]) for (const packing of ['objects', 'packed', 'packedUnlisted'] as const) assert.deepStrictEqual(simulateInShards(j, given(widened, packing), { trace: false }, shards), one, `${shards} shards, ${packing}`);
  });

  it('on worker threads: the same snapshot, for the benchmark journey and for a date-field journey (R20)', async function () {
    this.timeout(120_000);
    const j = benchJourney();
    const tl = benchTimeline(4_000);
    const { snapshot, report } = await replaySharded(j, tl, { trace: false }, { threads: 2 });
    assert.equal(report.fallback, undefined);
    assert.equal(report.threads, 2);
    assert.ok(report.events.every((n) => n > 0), 'both threads replayed events');
    assert.deepStrictEqual(snapshot, simulate(j, tl, { trace: false }));

    const [dj, dtl] = withDateTrigger(
      Journey.parse({ ...j, kind: 'trigger' }),
      benchTimeline(500),
      [0, 1, 2, 3],
    );
    const dated = await replaySharded(dj, dtl, { trace: false, horizon: iso(T0 + 60 * DAY) }, { threads: 3 });
    assert.equal(dated.report.fallback, undefined);
    assert.ok(dated.snapshot.startingPoints['sp_birthday']!.entered > 0, 'the date trigger entered contacts');
    assert.deepStrictEqual(dated.snapshot, simulate(dj, dtl, { trace: false, horizon: iso(T0 + 60 * DAY) }));
  });

  it('on worker threads from a packed timeline (as the file readers give it): the same snapshot', async function () {
    this.timeout(120_000);
    const j = benchJourney();
    const tl = benchTimeline(3_000);
    for (const packing of ['packed', 'packedUnlisted'] as const) {
      const { snapshot, report } = await replaySharded(j, given(tl, packing), { trace: false }, { threads: 2 });
      assert.equal(report.fallback, undefined, packing);
      assert.ok(report.events.every((n) => n > 0), 'both threads replayed events');
      assert.deepStrictEqual(snapshot, simulate(j, tl, { trace: false }), packing);
    }
  });

  it('hands a worker its shard as columns: typed arrays transferred (the sender keeps none), contacts in columns, only the distinct event bodies as objects', async () => {
    const packed = packTimeline(benchTimeline(2_000))!;
    const shard = withContactColumns(splitPackedTimeline(packed, 2)[1]!, packed.contacts);
    const events = shard.eventTime.length;
    assert.ok(events > 4_000 && shard.bodies.length < events / 10, `${shard.bodies.length} distinct bodies for ${events} events`);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once('message', resolve));
    port1.postMessage(shard, transferList(shard));
    for (const column of [shard.eventTime, shard.eventContact, shard.eventBody, shard.eventPositions, shard.contactPositions, shard.contacts!.ints, shard.contacts!.numbers]) assert.equal((column as Int32Array).byteLength, 0, 'transferred, not copied');
    const got = (await received) as typeof shard;
    assert.equal(got.eventTime.length, events);
    port1.close();
  });

  it('a shard with more distinct event bodies than a 16-bit column holds numbers them all (each event keeps its own body)', () => {
    const contacts = [{ id: 'a' }, { id: 'b' }];
    const events = Array.from({ length: 70_000 }, (_, i) => ({ at: iso(T0 + i * 1000), contact: i % 3 === 0 ? 'b' : 'a', type: 'purchase' as const, amount: i + 1 }));
    const packed = packTimeline({ formatVersion: 1, contacts, events })!;
    const [shard] = splitPackedTimeline(packed, 1);
    assert.ok(shard!.bodies.length > 0xffff && shard!.eventBody instanceof Int32Array, `${shard!.bodies.length} bodies`);
    const opened = openShard(structuredClone(withContactColumns(shard!, packed.contacts)));
    assert.deepStrictEqual(opened.timeline.eventBody, packed.eventBody);
  });

  it('names are data on worker threads: contacts, fields, lists and event properties called "__proto__" replay as on one thread', async function () {
    this.timeout(120_000);
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'formSubmitted', form: 'f' }, next: 'check' }],
      points: [
        { id: 'check', type: 'ifElse', condition: { type: 'field', field: '__proto__', op: 'eq', value: 'gold' }, branches: { yes: 'wait_gold', no: 'wait_other' } },
        { id: 'wait_gold', type: 'waitForEvent', event: { type: 'customEvent', name: 'ping' }, timeout: 'P2D', branches: { yes: 'got', timeout: 'done' } },
        { id: 'wait_other', type: 'wait', duration: 'P1D', next: 'done' },
        { id: 'got', type: 'end' },
        { id: 'done', type: 'end' },
      ],
    });
    const contacts: string[] = [];
    const events: string[] = [];
    for (let i = 0; i < 200; i++) {
      const id = i === 0 ? '__proto__' : i === 1 ? 'constructor' : `c${i}`;
      contacts.push(`{ "id": "${id}", "fields": { "__proto__": "${i % 3 === 0 ? 'gold' : 'silver'}" }, "lists": { "__proto__": "subscribed" } }`);
      events.push(`{ "at": "2026-03-01T09:00:00Z", "contact": "${id}", "type": "formSubmitted", "form": "f", "fields": { "__proto__": "${i % 3 === 0 ? 'gold' : 'silver'}", "n": ${i} } }`);
      if (i % 2 === 0) events.push(`{ "at": "2026-03-02T09:00:00Z", "contact": "${id}", "type": "customEvent", "name": "ping", "properties": { "__proto__": "${i % 4 === 0 ? 'x' : 'y'}" } }`);
    }
    const parsed = parseTimeline(JSON.parse(`{ "formatVersion": 1, "contacts": [${contacts.join(',')}], "events": [${events.join(',')}] }`));
    assert.ok(parsed.success);
    const tl = parsed.data;
    const one = simulate(j, tl, { trace: false, at: '2026-03-02T12:00:00Z' });
    assert.ok(one.queues['wait_gold']!.includes('constructor') === false && one.points['got']!.entered > 0 && one.points['wait_other']!.entered > 0, 'the field "__proto__" is read');
    assert.ok(one.points['wait_gold']!.entered > 0 && one.points['wait_gold']!.entered < 200);
    for (const packing of ['objects', 'packed'] as const) {
      const { snapshot, report } = await replaySharded(j, given(tl, packing), { trace: false, at: '2026-03-02T12:00:00Z' }, { threads: 2 });
      assert.equal(report.fallback, undefined);
      assert.deepStrictEqual(snapshot, one, packing);
    }
  });

  it("'auto' shards a large packed timeline without a trace over every core, and replays on one thread a small one, one given as objects, or one with a trace", () => {
    const packedOf = (events: number) => ({ ...packTimeline(benchTimeline(2))!, eventTime: new Array<number>(events).fill(0) });
    const objectsOf = (events: number) => ({ ...benchTimeline(2), events: new Array<ContactEvent>(events) });
    assert.equal(threadsFor(packedOf(SHARD_MIN_EVENTS), { trace: false }, 'auto'), availableParallelism());
    assert.equal(threadsFor(packedOf(SHARD_MIN_EVENTS - 1), { trace: false }, 'auto'), 1);
    assert.equal(threadsFor(objectsOf(SHARD_MIN_EVENTS), { trace: false }, 'auto'), 1, 'packing objects costs more than sharding saves');
    assert.equal(threadsFor(packedOf(SHARD_MIN_EVENTS), {}, 'auto'), 1, 'a trace is one replay');
    assert.equal(threadsFor(objectsOf(10), { trace: false }, 3), 3, 'asked for: as many as asked');
  });

  it('with a trace, or on one thread, it is one replay', async () => {
    const j = benchJourney();
    const tl = benchTimeline(50);
    const traced = await replaySharded(j, tl, {}, { threads: 2 });
    assert.equal(traced.report.threads, 1);
    assert.ok(traced.snapshot.trace.length > 0);
    assert.deepStrictEqual(traced.snapshot, simulate(j, tl));
  });

  it('a shard that stops with an error makes the replay stop with the error one replay reports', async () => {
    const j = Journey.parse({
      formatVersion: 1,
      id: 'loop',
      name: 'Loop',
      kind: 'trigger',
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 't' }, next: 'r' }],
      points: [
        { id: 'r', type: 'removeTag', tag: 't', next: 'a' },
        { id: 'a', type: 'addTag', tag: 't', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = Timeline.parse({ formatVersion: 1, contacts: [{ id: 'a1' }, { id: 'b2' }, { id: 'c3' }], events: ['c3', 'a1'].map((contact, i) => ({ at: iso(T0 + i * 3_600_000), contact, type: 'tagAdded', tag: 't' })) });
    const one = outcome(() => simulate(j, tl, { trace: false }));
    assert.ok(one && typeof one === 'object' && 'error' in one, 'one replay stops with an error');
    assert.deepStrictEqual(outcome(() => simulateInShards(j, tl, { trace: false }, 3)), one);
    await assert.rejects(replaySharded(j, tl, { trace: false }, { threads: 2 }), (e: unknown) => e instanceof SimulationError && e.message === (one as unknown as { message: string }).message);
  });
});
