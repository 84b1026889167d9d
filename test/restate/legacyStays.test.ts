// Contacts an earlier runtime left waiting, on a real restate-server. That
// runtime started one Stay workflow per stay to hold the stay's timers (a
// durable sleep raced against a promise the contact object resolved); this
// one wakes contacts with their own delayed wake-ups. What the earlier
// runtime leaves in Restate is put there as it would be: each contact's
// state (format 1, its wait's timer with no wake-up of its own) written
// through the admin API, and its stay's workflow started with the stay's
// state. Then the current runtime must carry each contact on exactly as the
// simulator does: a workflow whose sleep ends still wakes its contact; an
// awaited event before it ends the stay; an unrelated event hands the wait
// over to the contact's own wake-up. Every old workflow ends, none is left
// waiting, and the stats count each contact once.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { ContactMachine, type ContactState } from '../../src/restate/runtime/contactMachine';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';
import { stayKey } from '../../src/restate/runtime/serviceNames';
import { addDeltas } from '../../src/restate/runtime/statsDelta';
import { clockOf, collectWhenSettled, type ReplayPlan, type ReplayResult, settingsFor } from '../../src/restate/timelineReplay';
import { compareTraces, describeDifferences } from '../../src/restate/traceComparison';
import { TestDeployment } from './support/deployment';
import { invocationsOf } from './support/introspection';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-05-04T00:00:00Z');
/** Wall ms per journey day: the 6-hour wait lasts 2 s. */
const DAY_MS = 8_000;

const journey = Journey.parse({
  formatVersion: 1,
  id: 'legacy-stays',
  name: 'Stays an earlier runtime began',
  kind: 'trigger',
  startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_wait' }],
  points: [
    { id: 'p_wait', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'PT6H', branches: { yes: 'p_tag', timeout: 'p_end' } },
    { id: 'p_tag', type: 'addTag', tag: 'bought', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

// ann: nothing happens (her old workflow's sleep ends the wait); bob buys (the awaited event); cat gets an unrelated event.
const timeline = Timeline.parse({
  formatVersion: 1,
  start: new Date(T0).toISOString(),
  horizon: new Date(T0 + DAY).toISOString(),
  contacts: [{ id: 'ann' }, { id: 'bob' }, { id: 'cat' }],
  events: [
    ...['ann', 'bob', 'cat'].map((contact) => ({ at: new Date(T0).toISOString(), contact, type: 'apiEntry' as const })),
    { at: new Date(T0 + HOUR).toISOString(), contact: 'bob', type: 'purchase' as const },
    { at: new Date(T0 + HOUR).toISOString(), contact: 'cat', type: 'customEvent' as const, name: 'ping' },
  ],
});

describe('R7 contacts an earlier runtime left waiting in Stay workflows carry on under this runtime (real restate-server)', function () {
  this.timeout(180_000);
  const sim = simulate(journey, timeline);
  const contacts = ['ann', 'bob', 'cat'];
  let deployment: TestDeployment | undefined;
  let client: JourneyIngressClient;
  let plan: ReplayPlan;
  let result: ReplayResult;
  const outputs = new Map<string, unknown>();

  before(async () => {
    const ir = compileJourney(journey);
    deployment = await TestDeployment.start({
      irs: [ir],
      startDelayMs: 5_000,
      settings: (wallStart) => {
        plan = { journeyId: journey.id, timeline, start: sim.start, horizon: sim.horizon!, seed: sim.seed, dayMs: DAY_MS, wallStart };
        return { [journey.id]: settingsFor(plan) };
      },
    });
    const { adminUrl, ingressUrl } = deployment.server;
    client = new JourneyIngressClient(ingressUrl, journey.id);
    // What the earlier runtime did on each entry event: the same decisions, kept as it kept them.
    const machine = new ContactMachine([loadRuntimeJourney(ir, settingsFor(plan))]);
    for (const contact of contacts) {
      const state = machine.create(contact, T0);
      const fx = machine.handle(state, { type: 'event', at: T0, event: { type: 'apiEntry' } });
      const old: ContactState = { ...state, v: 1, timers: state.timers.map(({ armed: _armed, ...t }) => t) };
      const record = { state: old, trace: fx.trace, failed: 0, stats: addDeltas(undefined, fx.stats) };
      const written = await fetch(`${adminUrl}/services/${client.names.contact}/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ object_key: contact, new_state: { contact: [...Buffer.from(JSON.stringify(record))] } }),
      });
      assert.ok(written.ok, `state of ${contact} written: HTTP ${written.status} ${await written.text()}`);
      const stay = machine.stayState(state, 1);
      assert.equal(stay?.kind, 'waiting');
      const started = await fetch(`${ingressUrl}/${client.names.stay}/${encodeURIComponent(stayKey(1, contact, 1))}/run/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact, state: stay }) });
      assert.ok(started.ok, `Stay workflow of ${contact} started: HTTP ${started.status} ${await started.text()}`);
    }
    assert.ok(Date.now() < clockOf(plan).wallAt(T0 + HOUR), 'the earlier runtime\'s contacts were in place before their first event');
    await new Promise((r) => setTimeout(r, Math.max(0, clockOf(plan).wallAt(T0 + HOUR) - Date.now())));
    await client.event('bob', { type: 'purchase', at: new Date(T0 + HOUR).toISOString() });
    await client.event('cat', { type: 'customEvent', name: 'ping', at: new Date(T0 + HOUR).toISOString() });
    result = await collectWhenSettled(client, plan, contacts, 60_000);
    for (const contact of contacts) {
      const response = await fetch(`${ingressUrl}/restate/workflow/${client.names.stay}/${encodeURIComponent(stayKey(1, contact, 1))}/attach`, { signal: AbortSignal.timeout(30_000) });
      outputs.set(contact, response.ok ? await response.json() : `HTTP ${response.status} ${await response.text()}`);
    }
  });

  after(async () => {
    await deployment?.close();
  });

  it('R7-R11 every contact\'s path and final place are the simulator\'s: the old workflow\'s timer, the awaited event and the handed-over wait each end the stay at the right instant', () => {
    const comparisons = compareTraces(sim.trace, result.trace, contacts);
    assert.ok(comparisons.every((c) => c.same), describeDifferences(journey.id, comparisons));
    assert.equal(result.trace.length, sim.trace.length);
  });

  it('R15 the stats count each contact once, as the simulator does', () => {
    const { stats } = result;
    assert.deepEqual(
      { started: stats.started, inProgress: stats.inProgress, completed: stats.completed, tagged: stats.points.p_tag!.entered, queued: stats.points.p_wait!.queued },
      { started: sim.stats.started, inProgress: sim.stats.inProgress, completed: sim.stats.completed, tagged: sim.points.p_tag!.entered, queued: sim.points.p_wait!.queued },
    );
  });

  it('every old Stay workflow ended: with how the stay ended, or handed over to the contact\'s own wake-up', async () => {
    assert.deepEqual(outputs.get('ann'), { kind: 'done', entry: 1, version: 1, outcome: 'completed', point: 'p_end', at: T0 + 6 * HOUR });
    assert.deepEqual(outputs.get('bob'), { kind: 'done', entry: 1, version: 1, outcome: 'completed', point: 'p_end', at: T0 + HOUR });
    assert.deepEqual(outputs.get('cat'), { kind: 'handedOver', entry: 1, version: 1, gen: 1 });
    const runs = (await invocationsOf(deployment!.server.adminUrl, client.names.stay)).filter((i) => i.handler === 'run');
    assert.deepEqual(runs.map((i) => `${i.key} ${i.status}`).sort(), contacts.map((c) => `${stayKey(1, c, 1)} completed`));
  });

  it('R11 cat\'s wait, handed over, ended at its timeout by the contact\'s own wake-up', async () => {
    const cat = await client.contact('cat');
    assert.deepEqual(cat.stays.map((s) => `${s.outcome} ${s.point} ${s.at - T0}`), [`completed p_end ${6 * HOUR}`], 'cat\'s wait ended by its own wake-up at the timeout');
  });
});
