// Fault tolerance of the Restate export: while contacts move through a
// journey with waits, wait-for-click timeouts and sends, the journey
// service process is killed (SIGKILL) and restarted later, and then the
// restate-server itself is killed and restarted on the same data. Timers
// that came due while a process was down must still fire (late, but at
// their journey instant), events sent during the service outage must still
// be handled in order, no contact may be lost and no message sent twice;
// in the end every contact's path is still exactly the simulator's.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { registerDeployment } from '../../src/restate/adminClient';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { TestDeployment } from './support/deployment';
import { drillContactsTimeline, drillJourney } from './support/drillJourney';
import { clockOf, collectWhenSettled, replayTimeline, type ReplayPlan, type ReplayResult, settingsFor } from '../../src/restate/timelineReplay';
import { compareTraces, describeDifferences } from '../../src/restate/traceComparison';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-04-06T00:00:00Z');
const CONTACTS = 40;
/** Wall milliseconds per journey day. */
const DAY_MS = 1_000;
/** Journey-time windows in which a process is down. */
const SERVICE_DOWN = { from: T0 + 1.5 * DAY, to: T0 + 2.7 * DAY };
const SERVER_DOWN_AT = T0 + 3.7 * DAY;

const journey = drillJourney;

function drillTimeline(): Timeline {
  // No events while restate-server is down (its ingress is down too).
  return drillContactsTimeline({ t0: T0, contacts: CONTACTS, horizon: T0 + 5.5 * DAY, quiet: { from: SERVER_DOWN_AT - 0.2 * DAY, to: SERVER_DOWN_AT + 1.2 * DAY } });
}

describe('Restate runtime survives crashes (fault test)', function () {
  this.timeout(300_000);
  const timeline = drillTimeline();
  const sim = simulate(journey, timeline);
  const contacts = timeline.contacts.map((c) => c.id);
  let deployment: TestDeployment | undefined;
  let result: ReplayResult | undefined;
  const log: string[] = [];
  let dueWhileServiceDown = 0;
  let dueWhileServerDown = 0;

  before(async () => {
    let plan: ReplayPlan | undefined;
    deployment = await TestDeployment.start({
      irs: [compileJourney(journey)],
      settings: (wallStart) => {
        plan = { journeyId: journey.id, timeline, start: sim.start, horizon: sim.horizon!, seed: sim.seed, dayMs: DAY_MS, wallStart };
        return { [journey.id]: settingsFor(plan) };
      },
    });
    const d = deployment;
    const clock = clockOf(plan!);
    const client = new JourneyIngressClient(d.server.ingressUrl, journey.id);
    const at = (journeyTime: number) => new Promise((r) => setTimeout(r, Math.max(0, clock.wallAt(journeyTime) - Date.now())));
    const faults = (async () => {
      await at(SERVICE_DOWN.from);
      await d.service.kill('SIGKILL');
      log.push(`service killed at journey day ${((SERVICE_DOWN.from - T0) / DAY).toFixed(2)}`);
      await at(SERVICE_DOWN.to);
      await d.service.start();
      await registerDeployment(d.server.adminUrl, d.service.url); // same URL: re-registering is a no-op, as after a redeploy
      log.push(`service restarted at journey day ${((clock.journeyAt(Date.now()) - T0) / DAY).toFixed(2)}`);
      await at(SERVER_DOWN_AT);
      const killedAt = clock.journeyAt(Date.now());
      await d.server.kill('SIGKILL');
      log.push(`restate-server killed at journey day ${((killedAt - T0) / DAY).toFixed(2)}`);
      await d.server.boot();
      const backAt = clock.journeyAt(Date.now());
      log.push(`restate-server restarted at journey day ${((backAt - T0) / DAY).toFixed(2)}`);
      return { killedAt, backAt };
    })();
    await replayTimeline(client, plan!);
    const { killedAt, backAt } = await faults;
    result = await collectWhenSettled(client, plan!, contacts, 120_000);
    const timerLeaves = sim.trace.filter((e) => e.kind === 'leave' && e.branch !== 'yes');
    dueWhileServiceDown = timerLeaves.filter((e) => e.at > SERVICE_DOWN.from && e.at < SERVICE_DOWN.to).length;
    dueWhileServerDown = timerLeaves.filter((e) => e.at > killedAt && e.at < backAt).length;
    log.push(`timers due while the service was down: ${dueWhileServiceDown}; while restate-server was down: ${dueWhileServerDown}`);
  });

  after(async () => {
    if (log.length > 0) console.log(`      ${log.join('\n      ')}`);
    await deployment?.close();
  });

  it('the drill really crashed both processes mid-journey, with timers due during the outages', () => {
    assert.equal(deployment!.service.starts, 2, 'the service process was started twice');
    assert.equal(deployment!.server.starts, 2, 'restate-server was started twice');
    assert.ok(dueWhileServiceDown > 0, 'some waits ended while the service was down');
    assert.ok(dueWhileServerDown > 0, 'some waits ended while restate-server was down');
  });

  it('no contact is lost: all entered, all completed, none still waiting (R15)', () => {
    const { stats } = result!;
    assert.equal(stats.started, CONTACTS);
    assert.equal(stats.completed, sim.stats.completed);
    assert.equal(stats.completed, CONTACTS);
    assert.equal(stats.inProgress, 0);
    for (const r of result!.reports.values()) assert.equal(r.status, 'completed', `${r.contact} completed`);
  });

  it('every timer still fires, at its journey instant: each contact\'s path is the simulator\'s (R9, R11)', () => {
    const comparisons = compareTraces(sim.trace, result!.trace, contacts);
    assert.ok(comparisons.every((c) => c.same), describeDifferences('fault drill', comparisons));
    const leaves = (trace: typeof sim.trace) => trace.filter((e) => e.kind === 'leave').length;
    assert.equal(leaves(result!.trace), leaves(sim.trace));
    assert.equal(result!.stats.late, 0, 'events queued during the outage were still handled in order');
  });

  it('no message is sent twice: each send is delivered once, exactly the simulator\'s sends (R17)', () => {
    const delivered = deployment!.recorder.messagesOf(journey.id);
    const perSend = new Map<string, number>();
    for (const m of delivered) perSend.set(`${m.contact}/${m.entry}/${m.point}`, (perSend.get(`${m.contact}/${m.entry}/${m.point}`) ?? 0) + 1);
    assert.ok([...perSend.values()].every((n) => n === 1), 'one delivery per contact, stay and send point');
    const expected = sim.trace.filter((e) => e.kind === 'send').map((e) => `${e.contact} ${e.point} ${e.outcome} ${e.at}`).sort();
    assert.deepEqual(delivered.map((m) => `${m.contact} ${m.point} ${m.content} ${m.at}`).sort(), expected);
    const retried = delivered.filter((m) => (deployment!.recorder.attempts.get(m.idempotencyKey) ?? 0) > 1).length;
    log.push(`messages delivered: ${delivered.length}; re-attempted after a crash (deduplicated by idempotency key): ${retried}`);
  });

  it('suppressions survive the crashes too: list-unsubscribed contacts get no marketing email (R17)', () => {
    const suppressed = result!.trace.filter((e) => e.kind === 'suppressed');
    assert.ok(suppressed.length > 0);
    assert.ok(suppressed.every((e) => e.reason === 'listUnsubscribed'));
    assert.equal(suppressed.length, sim.trace.filter((e) => e.kind === 'suppressed').length);
  });
});
