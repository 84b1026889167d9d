// Benchmark of the Restate export: contacts per second through a 5-point
// journey (send, wait one hour, if/else, tag, end) on one local
// restate-server, end to end: the entry event through the ingress, the
// contact object's step with its send through the channel adapter, the stay
// workflow's durable sleep, the wake-up, the rest of the path, the stats.
// Printed beside the simulator's rate for the same journey on the same run.
//   npm run bench:runtime            (BENCH_CONTACTS=2000 BENCH_CONCURRENCY=64 BENCH_PARTITIONS=4)
import { performance } from 'node:perf_hooks';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { TestDeployment } from '../restate/support/deployment';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 4);
const SIM_CONTACTS = Number(process.env.BENCH_SIM_CONTACTS ?? 200_000);
/** One journey day lasts this many wall ms, so the one-hour wait is a real durable sleep of ~10 ms. */
const DAY_MS = 240;

const journey = Journey.parse({
  formatVersion: 1,
  id: 'bench-five',
  name: 'Five-point benchmark journey',
  kind: 'trigger',
  lists: [{ id: 'news' }],
  content: [{ id: 'hello', channel: 'email', status: 'ready', list: 'news' }],
  startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_send' }],
  points: [
    { id: 'p_send', type: 'sendEmail', content: 'hello', next: 'p_wait' },
    { id: 'p_wait', type: 'wait', duration: 'PT1H', next: 'p_vip' },
    { id: 'p_vip', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'p_tag', no: 'p_tag' } },
    { id: 'p_tag', type: 'addTag', tag: 'welcomed', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

const contactId = (i: number) => `c${i}`;

function simulatorRate(): { contacts: number; ms: number; perSecond: number } {
  const start = Date.parse('2026-03-02T00:00:00Z');
  const contacts = Array.from({ length: SIM_CONTACTS }, (_, i) => ({ id: contactId(i), lists: { news: 'subscribed' as const }, ...(i % 4 === 0 ? { tags: ['vip'] } : {}) }));
  const events = contacts.map((c, i) => ({ at: new Date(start + i * 1000).toISOString(), contact: c.id, type: 'apiEntry' as const }));
  const timeline = Timeline.parse({ formatVersion: 1, start: new Date(start).toISOString(), contacts, events });
  const t0 = performance.now();
  const result = simulate(journey, timeline, { trace: false });
  const ms = performance.now() - t0;
  if (result.stats.completed !== SIM_CONTACTS) throw new Error(`simulator completed ${result.stats.completed} of ${SIM_CONTACTS}`);
  return { contacts: SIM_CONTACTS, ms, perSecond: SIM_CONTACTS / (ms / 1000) };
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function runtimeRate(): Promise<{ contacts: number; ms: number; perSecond: number; ingestMs: number; queued: number; baselinePerSecond: number }> {
  const epochJourney = Date.parse('2026-03-02T00:00:00Z');
  const deployment = await TestDeployment.start({
    irs: [compileJourney(journey)],
    settings: (wallStart) => ({ [journey.id]: { dayMs: DAY_MS, epoch: { journeyTime: epochJourney, wallTime: wallStart }, activeFrom: epochJourney - 86_400_000 } }),
    settleMs: 20,
    statsShards: 16,
    partitions: PARTITIONS,
  });
  try {
    const client = new JourneyIngressClient(deployment.server.ingressUrl, journey.id);
    const ids = Array.from({ length: CONTACTS }, (_, i) => i);
    await pool(ids, CONCURRENCY, async (i) => {
      await client.upsert(contactId(i), { lists: { news: 'subscribed' }, ...(i % 4 === 0 ? { tags: ['vip'] } : {}) });
    });
    await new Promise((r) => setTimeout(r, Math.max(0, deployment.wallStart - Date.now())));
    const t0 = performance.now();
    await pool(ids, CONCURRENCY, async (i) => {
      await client.sendEvent(contactId(i), { type: 'apiEntry' }, `bench/${i}`);
    });
    const ingestMs = performance.now() - t0;
    for (;;) {
      const stats = await client.stats();
      if (stats.completed >= CONTACTS) break;
      if (performance.now() - t0 > 600_000) throw new Error(`only ${stats.completed} of ${CONTACTS} completed after 10 minutes`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - t0;
    const delivered = deployment.recorder.messagesOf(journey.id).length;
    if (delivered !== CONTACTS) throw new Error(`${delivered} emails delivered for ${CONTACTS} contacts`);
    const stats = await client.stats();
    // Baseline on the same server and service: the cheapest call there is (a stateless handler), as many times.
    const b0 = performance.now();
    await pool(ids, CONCURRENCY, async () => {
      const r = await fetch(`${deployment.server.ingressUrl}/${client.names.api}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (!r.ok) throw new Error(`baseline call failed: HTTP ${r.status}`);
      await r.arrayBuffer();
    });
    const baselinePerSecond = CONTACTS / ((performance.now() - b0) / 1000);
    return { contacts: CONTACTS, ms, perSecond: CONTACTS / (ms / 1000), ingestMs, queued: stats.inProgress, baselinePerSecond };
  } finally {
    await deployment.close();
  }
}

async function main(): Promise<void> {
  console.log(`journey: ${journey.points.length} points (send, wait 1 h = ${(3_600_000 / (86_400_000 / DAY_MS)).toFixed(0)} ms of real durable sleep, if/else, tag, end)`);
  console.log(`restate-server ${PARTITIONS} partitions, 1 service process, ${CONCURRENCY} concurrent ingress calls, ${process.env.NUMBER_OF_PROCESSORS ?? (await import('node:os')).cpus().length} CPU cores`);
  const sim = simulatorRate();
  const rt = await runtimeRate();
  const row = (name: string, contacts: number, ms: number, rate: number) => `${name.padEnd(26)} ${String(contacts).padStart(8)} ${(ms / 1000).toFixed(2).padStart(9)} s ${rate.toFixed(0).padStart(12)}`;
  console.log(`\n${'engine'.padEnd(26)} ${'contacts'.padStart(8)} ${'time'.padStart(11)} ${'contacts/s'.padStart(12)}`);
  console.log(row('Restate runtime (durable)', rt.contacts, rt.ms, rt.perSecond));
  console.log(row('simulator (in memory)', sim.contacts, sim.ms, sim.perSecond));
  console.log(`\nruntime: the ingress accepted all ${rt.contacts} entry events in ${(rt.ingestMs / 1000).toFixed(2)} s; all completed (${rt.queued} still in progress); every email delivered once`);
  console.log(`per contact: 5 Restate invocations (contact event, stay workflow, contact wake-up, 2 stats deltas), 1 durable send step, 1 durable sleep`);
  console.log(`baseline on the same restate-server: ${rt.baselinePerSecond.toFixed(0)} trivial request-response calls/s through the ingress (${(rt.baselinePerSecond / rt.perSecond).toFixed(1)} per contact's worth of time)`);
  console.log(`simulator / runtime: ${(sim.perSecond / rt.perSecond).toFixed(0)}x (the simulator keeps nothing durable and makes no calls)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
