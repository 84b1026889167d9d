// Multi-node, for real: the generated journey service on a 3-node Restate
// cluster on loopback (8 partitions, replication 2). While contacts move
// through a journey with waits, the node that leads the most partitions is
// killed (a crash) and events keep arriving through another node's ingress.
// Leadership moves, timers fire on the surviving replicas; afterwards every
// contact's trace equals the simulator's, no contact is lost and no send is
// delivered twice by a provider that honours idempotency keys.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { simulate } from '../../src/core/simulator/index';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { TestDeployment, type RestateEndpoints } from './support/deployment';
import { drillContactsTimeline, drillJourney as journey } from './support/drillJourney';
import { LocalRestateCluster } from './support/restateCluster';
import { clockOf, collectWhenSettled, replayTimeline, type ReplayPlan, type ReplayResult, settingsFor } from '../../src/restate/timelineReplay';
import { compareTraces, describeDifferences } from '../../src/restate/traceComparison';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-04-06T00:00:00Z');
const CONTACTS = 30;
const PARTITIONS = 8;
/** Wall milliseconds per journey day: a failover (seconds) must stay well inside a wait. */
const DAY_MS = 10_000;
const KILL_AT = T0 + 1.2 * DAY;
/**
 * Journey time in which no click is sent: while a partition has no leader its
 * contacts' events wait, and a click that reaches its contact after the
 * timeout fired is late (counted, not replayed into the past). Entries, other
 * events and every timer still fall in this window.
 */
const FAILOVER = { from: KILL_AT - 0.1 * DAY, to: KILL_AT + 1.5 * DAY };

/** The cluster seen through two nodes that survive: one for the admin API, one for the ingress. */
interface ClusterEndpoints extends RestateEndpoints {
  cluster: LocalRestateCluster;
  victim: string;
  leadersBefore: Map<string, number[]>;
}

describe('Restate runtime on a 3-node cluster: the node leading the most partitions crashes mid-journey', function () {
  this.timeout(400_000);
  const drill = drillContactsTimeline({ t0: T0, contacts: CONTACTS, horizon: T0 + 4.5 * DAY, spacingMs: 1.2 * HOUR });
  const timeline = { ...drill, events: drill.events.filter((e) => e.type !== 'emailClicked' || Date.parse(e.at) < FAILOVER.from || Date.parse(e.at) > FAILOVER.to) };
  const sim = simulate(journey, timeline);
  const contacts = timeline.contacts.map((c) => c.id);
  let deployment: TestDeployment<ClusterEndpoints> | undefined;
  let result: ReplayResult | undefined;
  let leadersAfter = new Map<string, number[]>();
  let eventsAfterKill = 0;
  const log: string[] = [];

  before(async () => {
    let plan: ReplayPlan | undefined;
    deployment = await TestDeployment.startWith(
      {
        irs: [compileJourney(journey)],
        startDelayMs: 8_000,
        settings: (wallStart) => {
          plan = { journeyId: journey.id, timeline, start: sim.start, horizon: sim.horizon!, seed: sim.seed, dayMs: DAY_MS, wallStart };
          return { [journey.id]: settingsFor(plan) };
        },
      },
      async (identityKeyFile): Promise<ClusterEndpoints> => {
        const cluster = await LocalRestateCluster.start({ nodes: 3, partitions: PARTITIONS, replication: 2, identityKeyFile });
        const leadersBefore = await cluster.leaders();
        const victim = [...leadersBefore.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
        const [adminNode, ingressNode] = cluster.nodes.filter((n) => n.name !== victim);
        return { cluster, victim, leadersBefore, adminUrl: adminNode!.adminUrl, ingressUrl: ingressNode!.ingressUrl, dispose: () => cluster.dispose() };
      },
    );
    const d = deployment;
    const { cluster, victim } = d.server;
    log.push(`partition leaders before: ${[...d.server.leadersBefore.entries()].map(([n, p]) => `${n} ${p.length}`).join(', ')}; victim ${victim}`);
    const clock = clockOf(plan!);
    const client = new JourneyIngressClient(d.server.ingressUrl, journey.id);
    const crash = (async () => {
      await new Promise((r) => setTimeout(r, Math.max(0, clock.wallAt(KILL_AT) - Date.now())));
      await cluster.kill(victim);
      log.push(`${victim} killed at journey day ${((clock.journeyAt(Date.now()) - T0) / DAY).toFixed(2)}`);
    })();
    await replayTimeline(client, plan!);
    await crash;
    eventsAfterKill = timeline.events.filter((e) => Date.parse(e.at) > KILL_AT).length;
    log.push(`timers due in the failover window: ${sim.trace.filter((e) => e.kind === 'leave' && e.branch !== 'yes' && e.at > KILL_AT && e.at < FAILOVER.to).length}`);
    result = await collectWhenSettled(client, plan!, contacts, 180_000);
    leadersAfter = await cluster.leaders();
    log.push(`partition leaders after: ${[...leadersAfter.entries()].map(([n, p]) => `${n} ${p.length}`).join(', ')}; events sent after the crash: ${eventsAfterKill}`);
  });

  after(async () => {
    if (log.length > 0) console.log(`      ${log.join('\n      ')}`);
    await deployment?.close();
  });

  it('the crashed node led the most partitions, and its partitions got new leaders on the surviving nodes', () => {
    const { leadersBefore, victim } = deployment!.server;
    assert.ok(leadersBefore.get(victim)!.length >= Math.ceil(PARTITIONS / 3));
    assert.ok(!leadersAfter.has(victim), 'the dead node leads nothing');
    assert.equal([...leadersAfter.values()].reduce((n, p) => n + p.length, 0), PARTITIONS, 'every partition has a leader again');
    assert.ok(eventsAfterKill > 0, 'events kept arriving after the crash');
  });

  it('no contact is lost: all entered, all completed, no event late (R15)', () => {
    assert.equal(result!.stats.started, CONTACTS);
    assert.equal(result!.stats.late, 0);
    assert.equal(result!.stats.completed, CONTACTS);
    assert.equal(result!.stats.inProgress, 0);
  });

  it('every contact\'s path is the simulator\'s, timers fired at their journey instants (R9, R11, R14)', () => {
    const comparisons = compareTraces(sim.trace, result!.trace, contacts);
    assert.ok(comparisons.every((c) => c.same), describeDifferences('3-node cluster', comparisons));
  });

  it('no send is delivered twice: exactly the simulator\'s sends, one each (R17)', () => {
    const delivered = deployment!.recorder.messagesOf(journey.id);
    const expected = sim.trace.filter((e) => e.kind === 'send').map((e) => `${e.contact} ${e.point} ${e.outcome} ${e.at}`).sort();
    assert.deepEqual(delivered.map((m) => `${m.contact} ${m.point} ${m.content} ${m.at}`).sort(), expected);
    const retried = delivered.filter((m) => (deployment!.recorder.attempts.get(m.idempotencyKey) ?? 0) > 1).length;
    log.push(`messages delivered: ${delivered.length}; re-attempted (deduplicated by idempotency key): ${retried}`);
  });
});
