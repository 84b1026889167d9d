// Specification: in the runtime every name that comes from input is data.
// Point and starting-point ids (from the compiled journey), contact ids,
// tags, list, field and property names (from events and profiles at the
// ingress, i.e. the outside world) may be `__proto__`, `constructor`,
// `toString`...: they are counted, queued and stored like any other name,
// never touch Object.prototype, and never crash a handler (which Restate
// would retry forever). The journey format refuses such ids; this IR is
// built directly, as a hand-written or older IR file could be. Checked on
// the contact machine and stats in-process, then with the services served
// from this very process (so a polluted Object.prototype would show here)
// against a real restate-server.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { JourneyIr } from '../../src/core/compiler/irSchema';
import { Journey } from '../../src/core/schema';
import { registerDeployment } from '../../src/restate/adminClient';
import { IngressError, JourneyIngressClient } from '../../src/restate/ingressClient';
import { ContactMachine } from '../../src/restate/runtime/contactMachine';
import { recordingChannels, resolveRuntimeConfig, serveJourneys, type RunningJourneyService } from '../../src/restate/runtime/index';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';
import { addCounters, emptyCounters, toJourneyStats } from '../../src/restate/runtime/statsDelta';
import { LocalRestateServer } from './support/restateServer';

const DAY = 86_400_000;
/** In an hour, on the wall clock: the one-day wait is still running while the tests look. */
const T = Math.floor(Date.now() / 60_000) * 60_000 + 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

/** Point ids of the safe journey and the names they get in the IR. */
const RENAMED: Record<string, string> = { sp: 'valueOf', p_tag: '__proto__', p_offer: 'constructor', p_wait: 'toString', p_end: 'hasOwnProperty' };

function irWithReservedNames(id: string): JourneyIr {
  const journey = Journey.parse({
    formatVersion: 1,
    id,
    name: 'Reserved names',
    kind: 'trigger',
    lists: [{ id: 'news' }],
    content: [{ id: 'offer', channel: 'email', status: 'ready', list: 'news' }],
    startingPoints: [{ id: 'sp', trigger: { type: 'customEvent', name: 'go' }, next: 'p_tag' }],
    points: [
      { id: 'p_tag', type: 'addTag', tag: 'vip', next: 'p_offer' },
      { id: 'p_offer', type: 'sendEmail', content: 'offer', next: 'p_wait' },
      { id: 'p_wait', type: 'wait', duration: 'P1D', next: 'p_end' },
      { id: 'p_end', type: 'end' },
    ],
  });
  let text = JSON.stringify(compileJourney(journey));
  for (const [from, to] of Object.entries(RENAMED)) text = text.replaceAll(`"${from}"`, `"${to}"`);
  text = text.replaceAll('"vip"', '"__proto__"').replaceAll('"news"', '"constructor"');
  return JourneyIr.parse(JSON.parse(text));
}

/** The entry of a record under a name TypeScript would otherwise read as an Object member (constructor, valueOf...). */
const at = <T>(record: Record<string, T>, name: string): T | undefined => record[name];

/** Own property names of Object.prototype, to see that nothing was added or changed. */
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const polluted = () => ['entered', 'left', 'sent', 'suppressed', 'suppressedBy', 'at', 'stamp'].filter((k) => k in {});

describe('names from input are data in the runtime (in-process)', () => {
  it('a contact "__proto__" passes points "__proto__" (tag "__proto__") and "constructor" (suppressed: not subscribed to list "constructor") and waits at "toString": counted per point, Object.prototype untouched', () => {
    const names = prototypeNames();
    const machine = new ContactMachine([loadRuntimeJourney(irWithReservedNames('reserved'), { dayMs: DAY, activeFrom: T - DAY, activeUntil: Infinity, splitSeed: 0 })]);
    const state = machine.create('__proto__', T);
    const fx = machine.handle(state, { type: 'event', at: T, event: { type: 'customEvent', name: 'go' } });
    assert.deepEqual(fx.trace.map((e) => `${e.point} ${e.kind} ${e.reason ?? ''}`.trim()), ['valueOf enter', '__proto__ pass', 'constructor suppressed notSubscribed', 'toString arrive']);
    assert.deepEqual(polluted(), []);
    assert.deepEqual(prototypeNames(), names);
    const [delta] = fx.stats;
    assert.ok(delta);
    assert.ok(Object.hasOwn(delta.points, '__proto__'), 'point "__proto__" is an own key of the delta');
    assert.deepEqual({ ...delta.points.__proto__ }, { entered: 1, left: 1, sent: 0, suppressed: 0, suppressedBy: delta.points.__proto__!.suppressedBy });
    assert.equal(at(delta.points, 'constructor')!.suppressedBy.notSubscribed, 1);
    assert.equal(at(delta.startingPoints, 'valueOf'), 1);
    assert.deepEqual(state.data.tags, ['__proto__']);
    // The stats shard sums deltas read back from JSON, and the query reads the sum.
    const sum = addCounters(addCounters(emptyCounters(1), JSON.parse(JSON.stringify(delta))), JSON.parse(JSON.stringify(delta)));
    const stats = toJourneyStats(sum, JSON.parse('{"toString":[{"contact":"__proto__","at":0,"stamp":1}]}'), ['__proto__', 'constructor', 'toString', 'hasOwnProperty'], ['valueOf']);
    assert.deepEqual(
      Object.entries(stats.points).map(([id, p]) => `${id} ${p.entered} ${p.suppressed} ${p.queued}`),
      ['__proto__ 2 0 0', 'constructor 2 2 0', 'toString 2 0 1', 'hasOwnProperty 0 0 0'],
    );
    assert.equal(at(stats.startingPoints, 'valueOf')!.entered, 2);
    assert.deepEqual(polluted(), []);
    assert.deepEqual(prototypeNames(), names);
  });
});

describe('names from input are data in the runtime (served from this process, real restate-server)', function () {
  this.timeout(120_000);
  const ir = irWithReservedNames('reserved-live');
  let server: LocalRestateServer;
  let service: RunningJourneyService;
  let client: JourneyIngressClient;
  const errors: string[] = [];
  let closing = false;
  const names = prototypeNames();

  before(async () => {
    server = await LocalRestateServer.start({ partitions: 2 });
    service = await serveJourneys({
      irs: [ir],
      channels: recordingChannels(),
      config: resolveRuntimeConfig({ settleMs: 50, adminUrls: [server.adminUrl], journeys: { [ir.journey.id]: { activeFrom: T - DAY } } }),
      port: 0,
      unsignedRequests: true,
      logger: (meta, message) => {
        if (meta.level === 'error' && !closing) errors.push(`${meta.context?.invocationTarget}: ${String(message)}`);
      },
    });
    await registerDeployment(server.adminUrl, `http://127.0.0.1:${service.port}`);
    client = new JourneyIngressClient(server.ingressUrl, ir.journey.id);
  });

  after(async () => {
    closing = true;
    await service?.close();
    await server?.dispose();
  });

  it('a profile with fields and lists named "__proto__", "constructor", "toString" is accepted (its list "constructor" consent is what suppresses the send below)', async () => {
    const profile = JSON.parse(`{"email":"p@example.com","fields":{"__proto__":"a","constructor":"b","toString":"c"},"lists":{"__proto__":"subscribed","constructor":"unsubscribed"},"at":"${iso(T - 3_600_000)}"}`) as Record<string, unknown>;
    await client.upsert('__proto__', profile);
    const machineState = await client.contact('__proto__');
    assert.equal(machineState.status, 'never');
    assert.deepEqual(polluted(), []);
  });

  it('events whose form fields and custom properties are named "__proto__" or "constructor" are handled; an event with a top-level "__proto__" key is refused with 400', async () => {
    await client.event('__proto__', JSON.parse(`{"type":"formSubmitted","form":"f","fields":{"__proto__":"x","constructor":"y","valueOf":1},"at":"${iso(T - 1_800_000)}"}`) as Record<string, unknown>);
    await assert.rejects(client.event('__proto__', JSON.parse('{"type":"tagAdded","tag":"t","__proto__":{"entered":1}}') as Record<string, unknown>), (e: unknown) => e instanceof IngressError && e.status === 400);
    await client.event('__proto__', JSON.parse(`{"type":"customEvent","name":"go","properties":{"__proto__":1,"constructor":"x"},"at":"${iso(T)}"}`) as Record<string, unknown>);
    const report = await client.contact('__proto__');
    assert.deepEqual(report.trace.map((e) => `${e.point} ${e.kind} ${e.reason ?? ''}`.trim()), ['valueOf enter', '__proto__ pass', 'constructor suppressed listUnsubscribed', 'toString arrive']);
    assert.equal(report.waitingAt, 'toString');
    assert.deepEqual(polluted(), []);
    assert.deepEqual(prototypeNames(), names);
  });

  it('stats and the queue of point "toString" count and list the contact "__proto__"; the SDK logged no error', async () => {
    let stats = await client.stats();
    for (let i = 0; i < 50 && at(stats.points, 'toString')?.queued !== 1; i++) stats = await new Promise((r) => setTimeout(r, 100)).then(() => client.stats());
    assert.deepEqual(
      ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((id) => `${id} ${stats.points[id]?.entered} ${stats.points[id]?.suppressed} ${stats.points[id]?.queued}`),
      ['__proto__ 1 0 0', 'constructor 1 1 0', 'toString 1 0 1', 'hasOwnProperty 0 0 0'],
    );
    assert.equal(at(stats.startingPoints, 'valueOf')?.entered, 1);
    const queue = await client.queue('toString');
    assert.deepEqual(queue.contacts.map((c) => c.contact), ['__proto__']);
    assert.deepEqual((await client.queue('__proto__')).contacts, []);
    assert.deepEqual(polluted(), []);
    assert.deepEqual(errors, []);
  });
});
