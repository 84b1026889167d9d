// Specification of `journey simulate --threads N|auto` from the built CLI
// (dist/cli.js with its worker dist/replayShardWorker.js): a replay without a
// trace, sharded by contact over worker threads, prints exactly what one
// thread prints, for a large generated timeline and for a date-field journey
// (R20); a bad --threads is refused with the usage (exit 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchJourney } from '../bench/simulate/benchJourney';
import { benchTimeline } from '../bench/simulate/benchTimeline';
import { ensureDistBuilt } from '../support/builtDist';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SAMPLES = resolve(__dirname, '../../samples');
ensureDistBuilt();
const journeyCli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

/** The JSON report of `journey simulate` with these arguments (exit 0 checked). */
function report(...args: string[]): unknown {
  const run = journeyCli('simulate', ...args, '--json', '--no-trace');
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.equal(run.stderr, '', 'the replay ran on the threads asked for (no note that it fell back to one)');
  return JSON.parse(run.stdout);
}

describe('journey simulate --threads', function () {
  this.timeout(240_000);

  it('prints on 2 threads exactly what one thread prints (stats, counters, queues, warnings)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-threads-'));
    const journeyFile = join(dir, 'bench.journey.json');
    const timelineFile = join(dir, 'bench.timeline.json');
    writeFileSync(journeyFile, JSON.stringify(benchJourney(), null, 2));
    const timeline = benchTimeline(3_000);
    writeFileSync(timelineFile, JSON.stringify({ ...timeline, contacts: [...timeline.contacts, timeline.contacts[0]] }));
    const one = report(journeyFile, '--timeline', timelineFile, '--threads', '1') as { stats: { started: number }; warnings: string[] };
    assert.ok(one.stats.started > 0);
    assert.ok(one.warnings.some((w) => w.includes('appear more than once')));
    assert.deepStrictEqual(report(journeyFile, '--timeline', timelineFile, '--threads', '2'), one);
  });

  it('R20: a date-field journey on 3 threads prints what one thread prints', () => {
    const journeyFile = join(SAMPLES, 'birthday-german.journey.json');
    assert.deepStrictEqual(report(journeyFile, '--threads', '3'), report(journeyFile, '--threads', '1'));
  });

  it('refuses a --threads that is not a count or auto, with the usage (exit 2)', () => {
    const run = journeyCli('simulate', join(SAMPLES, 'birthday-german.journey.json'), '--threads', 'many');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--threads must be a number of threads \(1 to 999\) or auto, not "many"/);
    assert.match(run.stderr, /--threads N\|auto/);
  });
});
