// `journey rehearse` against a real restate-server and the generated service
// of a journey, run on the project's own journey-runtime.config.json as
// `npm start` runs it (nothing edited, no time scale configured): the CLI
// sets the time scale through the service, replays the sample timeline and
// compares stats, queues and traces with the simulator, contact by contact.
// The service also runs a changed copy of the journey (its first wait one
// day longer) under another id: rehearsing the unchanged file against it
// must report exactly the contacts whose path the change moves (as the
// simulator says when it replays both), and exit 1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { compareTraces } from '../../src/restate/traceComparison';
import { TestDeployment } from './support/deployment';
import { freePort } from './support/ports';
import { SAMPLES_DIR } from './support/samples';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLE = 'mailchimp-vip-welcome';
/** One journey day in 700 wall ms: the sample's 12 days in about 8 s. */
const DAY_MS = '700';

function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The contacts named as differing in the CLI's report (`  <contact>: differs`). */
function reportedContacts(stdout: string): string[] {
  return [...stdout.matchAll(/^ {2}(\S+): differs$/gm)].map((m) => m[1]!).sort();
}

describe('journey rehearse: a live replay through the running service compared with the simulator (real restate-server)', function () {
  this.timeout(240_000);
  const journeyFile = join(SAMPLES_DIR, `${SAMPLE}.journey.json`);
  const timelineFile = join(SAMPLES_DIR, `${SAMPLE}.timeline.json`);
  const journey = Journey.parse(JSON.parse(readFileSync(journeyFile, 'utf8')));
  const timeline = Timeline.parse(JSON.parse(readFileSync(timelineFile, 'utf8')));
  const changedId = `${journey.id}-changed`;
  // The service's copy waits 4 days where the file waits 3.
  const changed: Journey = { ...journey, id: changedId, points: journey.points.map((p) => (p.id === 'p_wait_3d' ? { ...p, duration: 'P4D' } : p)) as Journey['points'] };
  let deployment: TestDeployment | undefined;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'journey-rehearse-'));
    deployment = await TestDeployment.start({ irs: [compileJourney(journey), compileJourney(changed)] });
  });

  after(async () => {
    await deployment?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a service that runs the journey as simulated: every contact, the stats and the queues match, exit 0; and again on the same service', async () => {
    for (const run of [1, 2]) {
      const r = await runCli(['rehearse', journeyFile, '--timeline', timelineFile, '--ingress', deployment!.server.ingressUrl, '--day-ms', DAY_MS]);
      assert.equal(r.status, 0, `run ${run}: ${r.stdout}${r.stderr}`);
      assert.deepEqual(reportedContacts(r.stdout), []);
      assert.match(r.stdout, new RegExp(`The service did what the simulator does: all ${new Set(timeline.contacts.map((c) => c.id)).size} contacts, the stats and the queues\\.`));
    }
  });

  it('a service whose journey waits a day longer: the contacts that wait there are reported with their differences, exit 1', async () => {
    const expected = compareTraces(simulate(journey, timeline).trace, simulate(changed, timeline).trace, timeline.contacts.map((c) => c.id))
      .filter((c) => !c.same)
      .map((c) => c.contact)
      .sort();
    assert.ok(expected.length > 0, 'the change moves some contact (simulator)');
    const file = join(dir, `${changedId}.journey.json`);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(journeyFile, 'utf8')), id: changedId }, null, 2));
    const r = await runCli(['rehearse', file, '--timeline', timelineFile, '--ingress', deployment!.server.ingressUrl, '--day-ms', DAY_MS]);
    assert.equal(r.status, 1, `${r.stdout}${r.stderr}`);
    assert.deepEqual(reportedContacts(r.stdout), expected, r.stdout);
    assert.match(r.stdout, /path differs from step \d+:\n\s+simulator: .*p_wait_3d leave.*\n\s+runtime: {3}/);
    assert.match(r.stdout, /The service differs from the simulator: \d+ of \d+ contacts/);
  });

  it('no Restate ingress answering: a message naming the URL, exit 2, nothing compared', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli(['rehearse', journeyFile, '--timeline', timelineFile, '--ingress', url]);
    assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
    assert.match(r.stderr, new RegExp(`journey rehearse: No Restate ingress answers at ${url.replace(/\./g, '\\.')}`));
    assert.doesNotMatch(r.stdout, /Rehearsal of/);
  });

  it('a journey the ingress does not serve: a message naming the URL and the journey, exit 2', async () => {
    const file = join(dir, 'not-deployed.journey.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(journeyFile, 'utf8')), id: 'not-deployed' }, null, 2));
    const r = await runCli(['rehearse', file, '--timeline', timelineFile, '--ingress', deployment!.server.ingressUrl]);
    assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /has no journey "not-deployed" \(no service journey\.not-deployed\)/);
    assert.ok(r.stderr.includes(deployment!.server.ingressUrl), r.stderr);
  });
});
