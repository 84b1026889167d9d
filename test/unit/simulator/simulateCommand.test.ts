// Specification of `journey simulate FILE --timeline T [--at TIME] [--json]`:
// refuses invalid journeys and timelines with located errors, prints the
// stats at TIME and the trace as a table or as JSON.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateCommand } from '../../../src/cli/simulateCommand';
import { benchJourney } from '../../bench/simulate/benchJourney';
import { benchTimeline } from '../../bench/simulate/benchTimeline';

const SAMPLES = join(__dirname, '../../../samples');
const VIP = join(SAMPLES, 'mailchimp-vip-welcome.journey.json');

async function run(...args: string[]) {
  return runWith({ isTerminal: false }, ...args);
}

/** Runs the command with stderr a terminal or not; stdout's lines and stderr's progress lines apart. */
async function runWith({ isTerminal }: { isTerminal: boolean }, ...args: string[]) {
  const lines: string[] = [];
  const progress: string[] = [];
  const result = await simulateCommand(args, (l) => lines.push(l), { write: (l) => progress.push(l), isTerminal });
  return { ...result, out: lines.join('\n'), progress };
}

const minimal = (points: string) => `{
  "formatVersion": 1,
  "id": "j",
  "name": "J",
  "kind": "trigger",
  "startingPoints": [{ "id": "sp", "trigger": { "type": "tagAdded", "tag": "go" }, "next": "p1" }],
  "points": [
${points}
  ]
}
`;

describe('journey simulate', () => {
  it('prints the stats at the end, the per-point table and the trace (timeline found beside the journey)', async () => {
    const { exitCode, out } = await run(VIP);
    assert.equal(exitCode, 0, out);
    assert.match(out, /^Stats: started 5, in progress 0, completed 3, exited 2 \(exit criteria 1, unsubscribed 1\)$/m);
    assert.match(out, /^p_wait_3d\s+5\s+5\s+0$/m);
    assert.match(out, /^2026-03-05T14:00:00Z\s+c_lina\s+p_wait_3d\s+exit\s+no-longer-customer \(exitCriteria\)$/m);
  });

  it('prints JSON at --at with ISO instants, queues and counters', async () => {
    const { exitCode, out } = await run(VIP, '--timeline', join(SAMPLES, 'mailchimp-vip-welcome.timeline.json'), '--at', '2026-03-04T00:00:00Z', '--json');
    assert.equal(exitCode, 0);
    const json = JSON.parse(out);
    assert.equal(json.at, '2026-03-04T00:00:00Z');
    assert.deepEqual(json.stats, { started: 4, inProgress: 4, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } });
    assert.deepEqual(json.queues.p_wait_3d, ['c_ona', 'c_max', 'c_greta', 'c_lina']);
    assert.deepEqual(json.trace[0], { at: '2026-03-02T09:00:00Z', contact: 'c_ona', point: 'sp_tag_vip', kind: 'enter', entry: 1, outcome: 'tagAdded' });
    assert.ok(json.trace.every((e: { at: string }) => e.at <= '2026-03-04T00:00:00Z'));
  });

  it('refuses an invalid journey with located errors and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-sim-'));
    const file = join(dir, 'bad.journey.json');
    writeFileSync(file, minimal('    { "id": "p1", "type": "sendEmial", "content": "c", "next": "p2" }'));
    writeFileSync(join(dir, 'bad.timeline.json'), '{ "formatVersion": 1, "contacts": [], "events": [] }');
    const { exitCode, out, error } = await run(file);
    assert.equal(exitCode, 1);
    assert.match(out, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8:27 error .*sendEmial.* \\[schema\\.unknown-discriminator\\]$`, 'm'));
    assert.match(error ?? '', /nothing was simulated/);
  });

  it('refuses an invalid timeline with located errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-sim-'));
    const file = join(dir, 'ok.journey.json');
    writeFileSync(file, minimal('    { "id": "p1", "type": "end" }'));
    const timeline = join(dir, 'ok.timeline.json');
    writeFileSync(timeline, '{\n  "formatVersion": 1,\n  "contacts": [{ "id": "c1" }],\n  "events": [{ "at": "yesterday", "contact": "c1", "type": "tagAdded", "tag": "go" }]\n}\n');
    const { exitCode, out } = await run(file, '--timeline', timeline);
    assert.equal(exitCode, 1);
    assert.match(out, /ok\.timeline\.json:4:22 error events\[0\]\.at/);
  });

  it('refuses a journey with a zero-time cycle (R4) before replaying it, at the reference that closes the loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-sim-'));
    const file = join(dir, 'loop.journey.json');
    writeFileSync(file, minimal('    { "id": "p1", "type": "addTag", "tag": "x", "next": "p2" },\n    { "id": "p2", "type": "removeTag", "tag": "x", "next": "p1" }'));
    writeFileSync(join(dir, 'loop.timeline.json'), '{ "formatVersion": 1, "contacts": [{ "id": "c1" }], "events": [{ "at": "2026-03-02T09:00:00Z", "contact": "c1", "type": "tagAdded", "tag": "go" }] }');
    const { exitCode, out } = await run(file);
    assert.equal(exitCode, 1);
    assert.match(out, /loop\.journey\.json:\d+:\d+ error .*\[R4\.zero-time-cycle\]/);
  });

  it('rejects bad usage with exit 2', async () => {
    assert.equal((await run()).exitCode, 2);
    assert.equal((await run(VIP, '--at', 'tomorrow')).exitCode, 2);
    assert.equal((await run(VIP, '--frobnicate')).exitCode, 2);
    const dir = mkdtempSync(join(tmpdir(), 'journey-sim-'));
    const lonely = join(dir, 'lonely.journey.json');
    writeFileSync(lonely, minimal('    { "id": "p1", "type": "end" }'));
    const { exitCode, error } = await run(lonely);
    assert.equal(exitCode, 2);
    assert.match(error ?? '', /--timeline/);
  });

  describe('progress on stderr (#16)', function () {
    this.timeout(120_000);
    let journey: string;
    let timeline: string;
    before(() => {
      const dir = mkdtempSync(join(tmpdir(), 'journey-sim-progress-'));
      journey = join(dir, 'bench.journey.json');
      timeline = join(dir, 'bench.timeline.json');
      writeFileSync(journey, JSON.stringify(benchJourney(), null, 2));
      writeFileSync(timeline, JSON.stringify(benchTimeline(20_000)));
    });

    it('--progress says the bytes read and the events replayed, with their percentage, on stderr; stdout is the same as without', async () => {
      const quiet = await run(journey, '--timeline', timeline, '--no-trace');
      const shown = await run(journey, '--timeline', timeline, '--no-trace', '--progress');
      assert.equal(shown.exitCode, 0, shown.out);
      assert.equal(shown.out, quiet.out);
      assert.deepEqual(quiet.progress, []);
      const events = /(\d+) events/.exec(quiet.out)![1]!;
      // Reading first, to its end, then replaying (a slow run has lines between, about one a second).
      const reading = shown.progress.filter((l) => l.includes(': reading '));
      assert.match(reading.at(-1)!, /^journey simulate: reading .*bench\.timeline\.json: 100% \([\d.]+ of [\d.]+ MB\)$/);
      assert.equal(shown.progress.indexOf(reading.at(-1)!), reading.length - 1);
      assert.equal(shown.progress.at(-1), `journey simulate: replaying: 100% (${Number(events).toLocaleString('en-US')} of ${Number(events).toLocaleString('en-US')} events)`);
      assert.ok(shown.progress.every((l) => /^journey simulate: (reading|replaying)/.test(l)), shown.progress.join('\n'));
    });

    it('progress is shown without --progress when stderr is a terminal, and never in --json output', async () => {
      const terminal = await runWith({ isTerminal: true }, journey, '--timeline', timeline, '--no-trace', '--json');
      assert.equal(terminal.exitCode, 0);
      assert.ok(terminal.progress.some((l) => /replaying: 100%/.test(l)), terminal.progress.join('\n'));
      assert.equal((JSON.parse(terminal.out) as { stats: { started: number } }).stats.started > 0, true);
    });
  });
});
