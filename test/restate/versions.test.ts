// R22 on a running Restate deployment: version 1 is published and running,
// contacts are inside it; version 2 (a changed copy) is published, the
// service is redeployed with both versions and re-registered in place.
// Contacts already inside finish on version 1; contacts entering after the
// redeploy go through version 2; the stats are kept per version.
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { registerDeployment } from '../../src/restate/adminClient';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { restateProjectFiles } from '../../src/restate/projectGenerator';
import { TestDeployment } from './support/deployment';
import { runtimeBundle } from './support/runtimeBundle';
import { writeProject } from './support/serviceProcess';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-09-07T00:00:00Z');
/** One journey day lasts 4 s: the redeploy (stop, rewrite, start, register) fits well inside the first day. */
const DAY_MS = 4_000;

const v1 = Journey.parse({
  formatVersion: 1,
  id: 'versioned',
  name: 'Versioned welcome',
  kind: 'trigger',
  version: 1,
  content: [
    { id: 'hello', channel: 'email', status: 'ready', transactional: true },
    { id: 'hello_again', channel: 'email', status: 'ready', transactional: true },
  ],
  startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'new' }, next: 'p_hello' }],
  points: [
    { id: 'p_hello', type: 'sendEmail', content: 'hello', next: 'p_wait' },
    { id: 'p_wait', type: 'wait', duration: 'P1D', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});
/** Version 2 waits half a day and then sends a second email. */
const v2 = Journey.parse({
  ...v1,
  version: 2,
  points: [
    { id: 'p_hello', type: 'sendEmail', content: 'hello', next: 'p_wait' },
    { id: 'p_wait', type: 'wait', duration: 'PT12H', next: 'p_again' },
    { id: 'p_again', type: 'sendEmail', content: 'hello_again', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

describe('R22 a new version on a running deployment: contacts inside stay on theirs', function () {
  this.timeout(120_000);
  let deployment: TestDeployment | undefined;
  let client: JourneyIngressClient;
  let wallStart = 0;
  const until = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, wallStart + ((t - T0) / DAY) * DAY_MS - Date.now())));
  const tag = (contact: string, at: number) => client.event(contact, { type: 'tagAdded', tag: 'new', at: new Date(at).toISOString() });

  let lateAt = 0;

  before(async () => {
    deployment = await TestDeployment.start({
      irs: [compileJourney(v1, { version: 1 })],
      settings: (start) => {
        wallStart = start;
        return { [v1.id]: { dayMs: DAY_MS, epoch: { journeyTime: T0, wallTime: start }, activeFrom: T0 - DAY } };
      },
    });
    client = new JourneyIngressClient(deployment.server.ingressUrl, v1.id);
    await until(T0 + HOUR);
    await tag('early_a', T0 + HOUR);
    await tag('early_b', T0 + 2 * HOUR);
    // Publish version 2: the same project folder now serves both versions; redeploy and re-register in place.
    await deployment.service.kill('SIGTERM');
    writeProject(deployment.projectDir, restateProjectFiles({ irs: [compileJourney(v1, { version: 1 }), compileJourney(v2, { version: 2 })], runtime: await runtimeBundle() }));
    await deployment.service.start();
    await registerDeployment(deployment.server.adminUrl, deployment.service.url, { force: true });
    lateAt = T0 + Math.ceil(((Date.now() - wallStart) / DAY_MS) * 24) * HOUR;
    assert.ok(lateAt < T0 + DAY, `the redeploy took less than a journey day (done at +${((lateAt - T0) / HOUR).toFixed(0)} h)`);
    await until(lateAt);
    await tag('late_c', lateAt);
    // Everyone is done once version 1's day has passed for the early contacts and version 2's half day for the late one.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const reports = await Promise.all(['early_a', 'early_b', 'late_c'].map((c) => client.contact(c)));
      if (reports.every((r) => r.status === 'completed') || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    await deployment?.close();
  });

  it('contacts that entered version 1 finish on it: one email, out after one day', async () => {
    for (const [contact, entered] of [['early_a', T0 + HOUR], ['early_b', T0 + 2 * HOUR]] as const) {
      const r = await client.contact(contact);
      assert.equal(r.version, 1);
      assert.equal(r.status, 'completed');
      assert.deepEqual(r.trace.map((e) => `${e.at - entered} ${e.point} ${e.kind}`), ['0 sp enter', '0 p_hello send', '0 p_wait arrive', `${DAY} p_wait leave`, `${DAY} p_end complete`]);
    }
  });

  it('a contact entering after the redeploy goes through version 2: two emails, the second after half a day', async () => {
    const r = await client.contact('late_c');
    assert.equal(r.version, 2);
    assert.equal(r.status, 'completed');
    assert.deepEqual(r.trace.filter((e) => e.kind === 'send').map((e) => `${e.at - lateAt} ${e.outcome}`), ['0 hello', `${12 * HOUR} hello_again`]);
  });

  it('stats are kept per version', async () => {
    let [s1, s2] = await Promise.all([client.stats(1), client.stats(2)]);
    for (let i = 0; i < 50 && s1.completed + s2.completed < 3; i++) [s1, s2] = await new Promise((r) => setTimeout(r, 100)).then(() => Promise.all([client.stats(1), client.stats(2)]));
    assert.deepEqual([s1.started, s1.completed, s2.started, s2.completed], [2, 2, 1, 1]);
    assert.equal(s2.points.p_again!.sent, 1);
    assert.equal(s1.points.p_again, undefined, 'version 1 has no such point');
    const versions = (await (await fetch(`${deployment!.server.ingressUrl}/journey.${v1.id}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { live: number; versions: { version: number }[] };
    assert.equal(versions.live, 2);
    assert.deepEqual(versions.versions.map((v) => v.version), [2, 1]);
  });
});
