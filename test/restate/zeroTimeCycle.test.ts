// Specification of a zero-time cycle in the runtime (R8): a contact that
// passes the most points one instant allows without waiting. The simulator
// refuses such a journey with a `zero-time-cycle` error naming the cycle;
// the runtime cannot stop the whole journey, so it discards the looping pass
// whole (no send, webhook, data change, trace entry or count of it remains)
// and removes the contact, reporting the simulator's message. Checked
// in-process on the contact machine and on a real restate-server with the
// generated project and the recording provider: the 4,500-point chain with a
// send → tag → send loop of issue #13, which once sent one contact
// thousands of emails from one event.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { simulate, SimulationError } from '../../src/core/simulator/index';
import type { Timeline } from '../../src/core/timeline';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { ContactMachine } from '../../src/restate/runtime/contactMachine';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';
import { TestDeployment } from './support/deployment';

const DAY = 86_400_000;
const T = Date.parse('2026-06-01T09:00:00Z');
const CHAIN = 4_500;

/** apiEntry → CHAIN field updates → p_send → p_tag → p_send ... (transactional, so no frequency cap stops it). */
function loopingJourney(id: string, chain: number, first: 'chain' | 'wait' = 'chain'): Journey {
  const steps = Array.from({ length: chain }, (_, i) => ({ id: `p_step${i}`, type: 'updateField' as const, field: 'step', value: i, next: i + 1 < chain ? `p_step${i + 1}` : 'p_send' }));
  return Journey.parse({
    formatVersion: 1,
    id,
    name: 'Loops without waiting',
    kind: 'trigger',
    settings: { limits: { journeyPoints: chain + 10 } },
    fields: [{ name: 'step', type: 'number' }],
    content: [{ id: 'receipt', channel: 'email', status: 'ready', transactional: true }],
    startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: first === 'wait' ? 'p_wait' : chain > 0 ? 'p_step0' : 'p_send' }],
    points: [
      ...(first === 'wait' ? [{ id: 'p_wait', type: 'wait', duration: 'PT1H', next: chain > 0 ? 'p_step0' : 'p_send' }] : []),
      ...steps,
      { id: 'p_send', type: 'sendEmail', content: 'receipt', next: 'p_tag' },
      { id: 'p_tag', type: 'addTag', tag: 'looped', next: 'p_send' },
    ],
  });
}

/** The simulator's error for one apiEntry of contact c1 at T. */
function simulatorMessage(journey: Journey): string {
  const timeline: Timeline = { formatVersion: 1, contacts: [{ id: 'c1', email: 'c1@example.com' }], events: [{ at: new Date(T).toISOString(), contact: 'c1', type: 'apiEntry' }], horizon: new Date(T + DAY).toISOString() };
  try {
    simulate(journey, timeline);
  } catch (error) {
    if (error instanceof SimulationError && error.code === 'zero-time-cycle') return error.message;
    throw error;
  }
  throw new Error('the simulator did not refuse the loop');
}

describe('R8 a zero-time cycle in the runtime: the looping pass is discarded, the contact removed (in-process)', () => {
  const machineOf = (j: Journey) => new ContactMachine([loadRuntimeJourney(compileJourney(j), { dayMs: DAY, activeFrom: T - DAY, activeUntil: Infinity, splitSeed: 0 })]);

  it(`R8 the ${CHAIN}-point chain into a send → tag → send loop: no send, no tag, no count of the pass; the contact enters and is removed with the simulator's message`, () => {
    const journey = loopingJourney('loop-chain', CHAIN);
    const machine = machineOf(journey);
    const state = machine.create('c1', T);
    machine.handle(state, { type: 'upsert', at: T - 1, profile: { email: 'c1@example.com' } });
    const fx = machine.handle(state, { type: 'event', at: T, event: { type: 'apiEntry' } });
    assert.equal(fx.sends.length, 0, 'no send of the looping pass is handed to the channel adapters');
    assert.equal(fx.webhooks.length, 0);
    assert.equal(fx.trace.length, 2, `the trace keeps the entry and the removal only (${fx.trace.length} entries)`);
    assert.deepEqual(fx.trace.map((e) => `${e.point} ${e.kind} ${e.reason ?? ''}`.trim()), ['sp enter', 'sp exit removed']);
    const message = simulatorMessage(journey);
    assert.match(message, /zero-time cycle \((p_send → p_tag → p_send|p_tag → p_send → p_tag)\)/);
    assert.equal(fx.trace[1]!.outcome, message, 'the exit reports what the simulator reports');
    assert.equal(fx.cycle, message);
    assert.equal(state.status, 'exited');
    assert.equal(state.stuck, 1);
    assert.equal(state.data.tags?.includes('looped') ?? false, false, 'the tag the loop added is gone');
    assert.equal(state.data.fields?.step, undefined, 'the chain\'s field updates are gone');
    const [delta] = fx.stats;
    assert.ok(delta);
    assert.deepEqual([delta.started, delta.exited, delta.exitedBy.removed, delta.startingPoints.sp], [1, 1, 1, 1]);
    assert.deepEqual(Object.keys(delta.points), [], 'no point counts a pass that was discarded');
  });

  it('R8 a contact that loops when its wait ends leaves from the wait it was at, and nothing of the pass remains', () => {
    const journey = loopingJourney('loop-after-wait', 3, 'wait');
    const machine = machineOf(journey);
    const state = machine.create('c1', T);
    machine.handle(state, { type: 'event', at: T, event: { type: 'apiEntry' } });
    assert.equal(state.status, 'in');
    const fx = machine.handle(state, { type: 'wake', due: T + 3_600_000 });
    assert.equal(fx.sends.length, 0);
    assert.equal(fx.trace.length, 1, `only the removal is traced (${fx.trace.length} entries)`);
    assert.deepEqual(fx.trace.map((e) => `${e.point} ${e.kind} ${e.reason ?? ''}`.trim()), ['p_wait exit removed']);
    assert.match(fx.trace[0]!.outcome ?? '', /zero-time cycle/);
    assert.equal(state.status, 'exited');
    assert.deepEqual(machine.stayState(state, 1), { kind: 'done', entry: 1, version: 1, outcome: 'exited', reason: 'removed', point: 'p_wait', at: T + 3_600_000 }, 'the contact keeps how the stay ended');
    assert.deepEqual(fx.arm, [], 'no wake-up is left to come for the stay');
    const [delta] = fx.stats;
    assert.deepEqual(Object.keys(delta!.points), ['p_wait']);
    assert.equal(delta!.points.p_wait!.left, 1);
    assert.equal(delta!.exitedBy.removed, 1);
  });
});

describe('R8 a zero-time cycle on a real restate-server: no send delivered, the contact removed and reported', function () {
  this.timeout(180_000);
  const journey = loopingJourney('loop-chain-live', CHAIN);
  let deployment: TestDeployment | undefined;
  let client: JourneyIngressClient;

  before(async () => {
    deployment = await TestDeployment.start({ irs: [compileJourney(journey)], settings: () => ({ [journey.id]: { activeFrom: T - DAY } }), partitions: 2 });
    client = new JourneyIngressClient(deployment.server.ingressUrl, journey.id, 60_000);
    await client.upsert('c1', { email: 'c1@example.com', at: new Date(T - 1).toISOString() });
  });

  after(async () => {
    await deployment?.close();
  });

  it(`R8 one apiEntry into the ${CHAIN}-point chain and send → tag → send loop: the call completes, the provider receives nothing, the contact is removed with the simulator's message`, async () => {
    const answer = await client.event('c1', { type: 'apiEntry', at: new Date(T).toISOString() }, 'entry-c1');
    assert.equal(answer.accepted, true, 'the event is handled once and completes (not retried)');
    const report = await client.contact('c1');
    assert.equal(report.status, 'exited');
    assert.equal(report.zeroTimeCycles, 1);
    assert.deepEqual(report.trace.map((e) => `${e.point} ${e.kind} ${e.reason ?? ''}`.trim()), ['sp enter', 'sp exit removed']);
    assert.equal(report.trace[1]!.outcome, simulatorMessage(journey));
    let stats = await client.stats();
    for (let i = 0; i < 50 && stats.exited < 1; i++) stats = await new Promise((r) => setTimeout(r, 100)).then(() => client.stats());
    assert.deepEqual([stats.started, stats.exited, stats.exitedBy.removed, stats.inProgress], [1, 1, 1, 0]);
    assert.equal(stats.points.p_send!.sent, 0);
    // Give any straggling delivery time to arrive before checking that none did.
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(deployment!.recorder.messagesOf(journey.id).length, 0, 'no email reached the provider');
  });

  it('R7 a second apiEntry for the removed contact does not enter it again (re-entry: never) and sends nothing', async () => {
    await client.event('c1', { type: 'apiEntry', at: new Date(T + 60_000).toISOString() }, 'entry-c1-again');
    const report = await client.contact('c1');
    assert.equal(report.trace.length, 2);
    assert.equal(deployment!.recorder.messagesOf(journey.id).length, 0);
  });
});
