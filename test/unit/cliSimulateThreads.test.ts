// Specification of `journey simulate --threads N|auto` from the built CLI
// (dist/cli.js with its workers dist/fileShardWorker.js and
// dist/replayShardWorker.js): a replay without a trace, sharded by contact
// over threads (each reading the file for its own contacts), prints exactly
// what one thread prints, for a large generated timeline in both formats and
// for a date-field journey (R20); by default a large file is read and
// replayed on every core, and never on more threads than cores; a bad --threads is refused with the usage (exit 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchJourney } from '../bench/simulate/benchJourney';
import { benchTimeline } from '../bench/simulate/benchTimeline';
import { SHARDED_READ_MIN_BYTES } from '../../src/cli/simulateCommand';
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

  it('R20: a date-field journey on 2 threads prints what one thread prints', () => {
    const journeyFile = join(SAMPLES, 'birthday-german.journey.json');
    assert.deepStrictEqual(report(journeyFile, '--threads', '2'), report(journeyFile, '--threads', '1'));
  });

  it('never starts more threads than the machine has cores (each would read the file into a heap of its own): --threads 999 runs on every core, says so on stderr, and prints what one thread prints', () => {
    const journeyFile = join(SAMPLES, 'mailchimp-vip-welcome.journey.json');
    const one = journeyCli('simulate', journeyFile, '--no-trace', '--threads', '1');
    assert.equal(one.status, 0, one.stderr);
    const cores = availableParallelism();
    // Before: 998 workers for a five-contact sample, 88 s and 14 GB of memory on the development machine.
    const many = journeyCli('simulate', journeyFile, '--no-trace', '--progress', '--threads', '999');
    assert.equal(many.status, 0, many.stderr);
    assert.equal(many.stdout, one.stdout);
    const s = cores === 1 ? '' : 's';
    assert.ok(many.stderr.includes(`journey simulate: --threads 999 is more than the ${cores} core${s} of this machine: ${cores} thread${s}`), many.stderr);
    if (cores > 1) assert.match(many.stderr, new RegExp(`read and replayed on ${cores} threads, each for its own contacts`));
    const asMany = journeyCli('simulate', journeyFile, '--no-trace', '--threads', String(cores));
    assert.equal(asMany.status, 0, asMany.stderr);
    assert.equal(asMany.stderr, '', 'as many threads as cores: nothing to say');
  });

  it('by default reads and replays a large timeline file on every core, each thread for its own contacts, printing what one thread prints (.timeline.json and .timeline.ndjson)', function () {
    const dir = mkdtempSync(join(tmpdir(), 'journey-threads-'));
    const journeyFile = join(dir, 'bench.journey.json');
    writeFileSync(journeyFile, JSON.stringify(benchJourney(), null, 2));
    const timeline = benchTimeline(30_000);
    const jsonFile = join(dir, 'bench.timeline.json');
    writeFileSync(jsonFile, JSON.stringify(timeline));
    const { contacts, events, ...properties } = timeline;
    const ndjsonFile = join(dir, 'bench.timeline.ndjson');
    writeFileSync(ndjsonFile, [JSON.stringify(properties), ...contacts.map((contact) => JSON.stringify({ contact })), ...events.map((event) => JSON.stringify({ event }))].join('\n') + '\n');
    assert.ok(statSync(jsonFile).size >= SHARDED_READ_MIN_BYTES, 'the file is large enough for the default to use every core');
    for (const file of [jsonFile, ndjsonFile]) {
      const one = journeyCli('simulate', journeyFile, '--timeline', file, '--no-trace', '--threads', '1');
      assert.equal(one.status, 0, one.stderr);
      assert.match(one.stdout, /30000 contacts, \d+ events/);
      // On one core, --threads 2 runs one thread too (never more threads than cores).
      for (const threads of availableParallelism() > 1 ? [[], ['--threads', '2']] : []) {
        const run = journeyCli('simulate', journeyFile, '--timeline', file, '--no-trace', '--progress', ...threads);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, /journey simulate: read and replayed on \d+ threads, each for its own contacts/, `${file} ${threads.join(' ') || 'by default'}`);
        assert.equal(run.stdout, one.stdout);
      }
    }
  });

  it('reads and replays on one thread a large file whose events name a contact the timeline does not list: its warning at its place, the replay’s progress, what --threads 1 prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-threads-'));
    const journeyFile = join(dir, 'bench.journey.json');
    writeFileSync(journeyFile, JSON.stringify(benchJourney(), null, 2));
    const timeline = benchTimeline(30_000);
    const file = join(dir, 'stranger.timeline.json');
    writeFileSync(file, JSON.stringify({ ...timeline, events: [...timeline.events, { ...timeline.events[5]!, contact: 'c00000O1' }] }));
    const one = journeyCli('simulate', journeyFile, '--timeline', file, '--no-trace', '--threads', '1');
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /warning There is no contact "c00000O1" in the contacts of this timeline\. Did you mean "c0000001"\?/);
    const run = journeyCli('simulate', journeyFile, '--timeline', file, '--no-trace', '--progress');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, one.stdout);
    assert.doesNotMatch(run.stderr, /read and replayed on \d+ threads/);
    const events = (timeline.events.length + 1).toLocaleString('en-US');
    assert.ok(run.stderr.includes(`journey simulate: replaying: 100% (${events} of ${events} events)`), run.stderr);
  });

  it('refuses a --threads that is not a count or auto, with the usage (exit 2)', () => {
    const run = journeyCli('simulate', join(SAMPLES, 'birthday-german.journey.json'), '--threads', 'many');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--threads must be a number of threads \(1 to 999\) or auto, not "many"/);
    assert.match(run.stderr, /--threads N\|auto/);
  });
});
