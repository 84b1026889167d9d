// Benchmark of the Restate export: contacts per second through a 5-point
// journey (send, wait one hour, if/else, tag, end), end to end: the entry
// event through the ingress, the contact object's step with its send through
// the channel adapter (in the step that journals the clock), the delayed
// wake-up the contact sends itself for the wait, the rest of the path, the
// stats (kept in each contact's object). Beside it,
// trivial request-response calls per second on the same Restate (measured
// before and after the journey run): contacts cost that many calls' worth
// each. Run on one restate-server and on a 3-node cluster (replication 2);
// exits 1 when a contact costs more than BENCH_MAX_CALLS calls' worth.
//   npm run bench:runtime   (BENCH_CONTACTS=2000 BENCH_CONCURRENCY=64 BENCH_PARTITIONS=4
//                            BENCH_CLUSTER_PARTITIONS=8 BENCH_TOPOLOGIES=single,cluster BENCH_MAX_CALLS=3)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { type DeployOptions, type RestateEndpoints, TestDeployment } from '../restate/support/deployment';
import { LocalRestateCluster } from '../restate/support/restateCluster';
import { LocalRestateServer } from '../restate/support/restateServer';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const PARTITIONS = Number(process.env.BENCH_PARTITIONS ?? 4);
const CLUSTER_PARTITIONS = Number(process.env.BENCH_CLUSTER_PARTITIONS ?? 8);
const TOPOLOGIES = (process.env.BENCH_TOPOLOGIES ?? 'single,cluster').split(',').map((t) => t.trim());
const MAX_CALLS = Number(process.env.BENCH_MAX_CALLS ?? 3);
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

/** Restate seen through its ingress nodes (one for a single server, every node of a cluster: calls go round-robin) and one admin API. */
interface BenchEndpoints extends RestateEndpoints {
  ingressUrls: string[];
  describe: string;
  /** The restate-server processes. */
  pids(): number[];
}

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 per second)
}

/** CPU milliseconds used so far by Restate, the journey service and this process (the ingress clients and the recording channel). */
function cpuNow(restatePids: number[], servicePid: number): { restate: number; service: number; bench: number } {
  const own = process.cpuUsage();
  return { restate: restatePids.reduce((n, pid) => n + processCpuMs(pid), 0), service: processCpuMs(servicePid), bench: (own.user + own.system) / 1000 };
}

type Cpu = ReturnType<typeof cpuNow>;
const cpuSince = (a: Cpu, b: Cpu): Cpu => ({ restate: b.restate - a.restate, service: b.service - a.service, bench: b.bench - a.bench });
const cpuTotal = (c: Cpu) => c.restate + c.service + c.bench;

async function singleServer(identityKeyFile: string): Promise<BenchEndpoints> {
  const server = await LocalRestateServer.start({ partitions: PARTITIONS, identityKeyFile });
  return { adminUrl: server.adminUrl, ingressUrl: server.ingressUrl, ingressUrls: [server.ingressUrl], describe: `1 restate-server, ${PARTITIONS} partitions`, pids: () => [server.pid!], dispose: () => server.dispose() };
}

async function threeNodeCluster(identityKeyFile: string): Promise<BenchEndpoints> {
  const cluster = await LocalRestateCluster.start({ nodes: 3, partitions: CLUSTER_PARTITIONS, replication: 2, identityKeyFile });
  const ingressUrls = cluster.nodes.map((n) => n.ingressUrl);
  return { adminUrl: cluster.nodes[0]!.adminUrl, ingressUrl: ingressUrls[0]!, ingressUrls, describe: `3-node restate-server cluster, ${CLUSTER_PARTITIONS} partitions, replication 2, ingress through all 3 nodes`, pids: () => cluster.nodes.map((n) => n.process.pid!), dispose: () => cluster.dispose() };
}

/** Trivial request-response calls per second through the ingress (the cheapest handler there is: the stateless `versions` query), as many as there are contacts. */
async function trivialCallsPerSecond(ingressUrls: readonly string[], apiService: string): Promise<number> {
  const ids = Array.from({ length: CONTACTS }, (_, i) => i);
  const t0 = performance.now();
  await pool(ids, CONCURRENCY, async (i) => {
    const r = await fetch(`${ingressUrls[i % ingressUrls.length]}/${apiService}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (!r.ok) throw new Error(`baseline call failed: HTTP ${r.status}`);
    await r.arrayBuffer();
  });
  return CONTACTS / ((performance.now() - t0) / 1000);
}

interface RuntimeRate {
  topology: string;
  contacts: number;
  ms: number;
  perSecond: number;
  ingestMs: number;
  queued: number;
  baselineBefore: number;
  baselineAfter: number;
  /** Trivial calls' worth of time per contact (against the mean of both baselines). */
  callsWorth: number;
  /** CPU per contact and per trivial call: a measure that other load on the machine does not skew. */
  cpuPerContact: Cpu;
  cpuPerCall: Cpu;
}

async function runtimeRate(startRestate: (identityKeyFile: string) => Promise<BenchEndpoints>): Promise<RuntimeRate> {
  const epochJourney = Date.parse('2026-03-02T00:00:00Z');
  const options: DeployOptions = {
    irs: [compileJourney(journey)],
    settings: (wallStart) => ({ [journey.id]: { dayMs: DAY_MS, epoch: { journeyTime: epochJourney, wallTime: wallStart }, activeFrom: epochJourney - 86_400_000 } }),
    settleMs: 20,
    startDelayMs: 8_000,
  };
  const deployment = await TestDeployment.startWith(options, startRestate);
  try {
    const { ingressUrls } = deployment.server;
    // A long timeout: under load a stats query waits behind the contacts being handled.
    const clients = ingressUrls.map((url) => new JourneyIngressClient(url, journey.id, 300_000));
    const clientOf = (i: number) => clients[i % clients.length]!;
    const ids = Array.from({ length: CONTACTS }, (_, i) => i);
    await pool(ids, CONCURRENCY, async (i) => {
      await clientOf(i).upsert(contactId(i), { lists: { news: 'subscribed' }, ...(i % 4 === 0 ? { tags: ['vip'] } : {}) });
    });
    const cpu = () => cpuNow(deployment.server.pids(), deployment.service.pid!);
    const c0 = cpu();
    const baselineBefore = await trivialCallsPerSecond(ingressUrls, clients[0]!.names.api);
    const c1 = cpu();
    await new Promise((r) => setTimeout(r, Math.max(0, deployment.wallStart - Date.now())));
    const c2 = cpu();
    const t0 = performance.now();
    await pool(ids, CONCURRENCY, async (i) => {
      await clientOf(i).sendEvent(contactId(i), { type: 'apiEntry' }, `bench/${i}`);
    });
    const ingestMs = performance.now() - t0;
    for (;;) {
      const tq = performance.now();
      const stats = await clients[0]!.stats();
      if (process.env.BENCH_DEBUG) console.log(`stats ${(performance.now() - tq).toFixed(0)} ms, completed ${stats.completed}, at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      if (stats.completed >= CONTACTS) break;
      if (performance.now() - t0 > 600_000) throw new Error(`only ${stats.completed} of ${CONTACTS} completed after 10 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const ms = performance.now() - t0;
    const c3 = cpu();
    const delivered = deployment.recorder.messagesOf(journey.id).length;
    if (delivered !== CONTACTS) throw new Error(`${delivered} emails delivered for ${CONTACTS} contacts`);
    const stats = await clients[0]!.stats();
    const c4 = cpu();
    const baselineAfter = await trivialCallsPerSecond(ingressUrls, clients[0]!.names.api);
    const c5 = cpu();
    const perSecond = CONTACTS / (ms / 1000);
    const per = (c: Cpu, n: number): Cpu => ({ restate: c.restate / n, service: c.service / n, bench: c.bench / n });
    const calls = cpuSince(c0, c1);
    const after = cpuSince(c4, c5);
    return {
      cpuPerContact: per(cpuSince(c2, c3), CONTACTS),
      cpuPerCall: per({ restate: calls.restate + after.restate, service: calls.service + after.service, bench: calls.bench + after.bench }, 2 * CONTACTS), topology: deployment.server.describe, contacts: CONTACTS, ms, perSecond, ingestMs, queued: stats.inProgress, baselineBefore, baselineAfter, callsWorth: (baselineBefore + baselineAfter) / 2 / perSecond };
  } finally {
    await deployment.close();
  }
}

async function main(): Promise<void> {
  console.log(`journey: ${journey.points.length} points (send, wait 1 h = ${(3_600_000 / (86_400_000 / DAY_MS)).toFixed(0)} ms of real durable sleep, if/else, tag, end)`);
  console.log(`1 service process, ${CONCURRENCY} concurrent ingress calls, ${(await import('node:os')).cpus().length} CPU cores, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
  console.log(`per contact: 2 Restate invocations (contact event, the contact's delayed wake-up when the wait ends), 1 journaled step (clock reading and send); stats kept in the contact's object, summed on read`);
  const sim = simulatorRate();
  const rates: RuntimeRate[] = [];
  if (TOPOLOGIES.includes('single')) rates.push(await runtimeRate(singleServer));
  if (TOPOLOGIES.includes('cluster')) rates.push(await runtimeRate(threeNodeCluster));
  const row = (name: string, contacts: number, ms: number, rate: number) => `${name.padEnd(30)} ${String(contacts).padStart(8)} ${(ms / 1000).toFixed(2).padStart(9)} s ${rate.toFixed(0).padStart(12)}`;
  console.log(`\n${'engine'.padEnd(30)} ${'contacts'.padStart(8)} ${'time'.padStart(11)} ${'contacts/s'.padStart(12)}`);
  for (const rt of rates) console.log(row(`Restate runtime, ${rt.topology.startsWith('3-node') ? '3-node cluster' : '1 server'}`, rt.contacts, rt.ms, rt.perSecond));
  console.log(row('simulator (in memory)', sim.contacts, sim.ms, sim.perSecond));
  for (const rt of rates) {
    console.log(`\n${rt.topology}:`);
    console.log(`  the ingress accepted all ${rt.contacts} entry events in ${(rt.ingestMs / 1000).toFixed(2)} s; all completed (${rt.queued} still in progress); every email delivered once`);
    console.log(`  trivial request-response calls/s through the ingress: ${rt.baselineBefore.toFixed(0)} before, ${rt.baselineAfter.toFixed(0)} after the journey run`);
    const ms = (c: Cpu) => `${cpuTotal(c).toFixed(2)} ms (restate-server ${c.restate.toFixed(2)}, service ${c.service.toFixed(2)}, ingress clients and channel ${c.bench.toFixed(2)})`;
    console.log(`  CPU per contact ${ms(rt.cpuPerContact)}; per trivial call ${ms(rt.cpuPerCall)}: ${(cpuTotal(rt.cpuPerContact) / cpuTotal(rt.cpuPerCall)).toFixed(2)} calls' worth of CPU`);
    console.log(`  calls' worth per contact: ${rt.callsWorth.toFixed(2)} (goal ≤ ${MAX_CALLS})`);
  }
  if (rates[0]) console.log(`\nsimulator / runtime: ${(sim.perSecond / rates[0].perSecond).toFixed(0)}x (the simulator keeps nothing durable and makes no calls)`);
  const over = rates.filter((r) => r.callsWorth > MAX_CALLS);
  if (over.length > 0) {
    console.error(`\nA contact costs more than ${MAX_CALLS} trivial calls' worth on: ${over.map((r) => `${r.topology} (${r.callsWorth.toFixed(2)})`).join('; ')}`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
