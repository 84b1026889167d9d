// Specification of how `journey simulate` steers V8's collector while
// threads read a timeline file at once (src/cli/readHeapGrowth.ts, #16):
// while they read, a heap grows four times what survives each full
// collection, so a heap filling with live data goes through fewer of them;
// a collection sets the usual growth again. Each of those cases runs in its
// own Node process: the growth is a flag of the whole process (and V8
// ignores a flag it does not know, so this spec is what says the Node in use
// still has it). And the reader's side: a sharded read (readFast) collects
// its garbage once it has read a large shard, never after a small one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFast } from '../../src/cli/packedTimelineFile';
import { shardOf } from '../../src/core/simulator/timelineShards';

const MODULE = resolve(__dirname, '../../src/cli/readHeapGrowth.ts');

/**
 * The full collections of a process with a 1 GB heap (as the benchmark
 * gives journey simulate) that keeps 3 million small objects alive while it
 * makes garbage, as a shard's read does, after `before` (calls of
 * readHeapGrowth.ts as `growth`): for each, in order, the factor by which
 * V8 set the heap's next limit over what survived it, as V8's own trace
 * (--trace-gc-verbose) prints it. A count of collections alone moves by one
 * with the machine's load (a collection more or less near the end of the
 * fill); the factor of each is what the flag sets.
 */
function fullCollections(before: string): number[] {
  const script = `
    const growth = require(${JSON.stringify(MODULE)});
    ${before}
    const kept = [];
    let garbage = [];
    for (let i = 0; i < 3_000_000; i++) {
      kept.push({ id: 'c' + i, n: i, tags: [i] });
      if (i % 64 === 0) garbage.push(new Array(200).fill(i));
      if (garbage.length > 100) garbage = [];
    }
    console.log('kept ' + kept.length);`;
  const run = spawnSync(process.execPath, ['--max-old-space-size=1024', '--trace-gc-verbose', '--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^kept 3000000$/m);
  return [...run.stdout.matchAll(/\[HeapController\] Limit: old size: \d+ KB, new limit: \d+ KB \(([\d.]+)\)/g)].map((m) => Number(m[1]));
}

describe('the heap growth while threads read a timeline file (#16)', function () {
  this.timeout(240_000);

  it('the Node in use knows the flag (V8 would ignore it silently)', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    assert.match(options.stdout, /--heap-growing-percent\b/);
  });

  it('while threads read, every full collection sets the heap\'s next limit at four times what survived it, so a heap filling with live data goes through fewer of them than with the usual growth (V8\'s own, at most twice for a 1 GB heap); a collection (a thread that has read its shard) sets the usual growth again', () => {
    const usual = fullCollections('');
    const reading = fullCollections('growth.readingHeapGrowth();');
    const after = fullCollections('growth.readingHeapGrowth(); growth.collectGarbage();');
    assert.ok(usual.length >= 3, `the usual growth collects ${usual.length} times (the case must fill the heap enough to tell)`);
    assert.ok(usual.every((factor) => factor <= 2), `the usual growth's factors: ${usual.join(', ')}`);
    assert.ok(reading.length >= 2 && reading.every((factor) => factor === 4), `while reading, the factors: ${reading.join(', ')}`);
    assert.ok(reading.length < usual.length, `while reading: ${reading.length} full collections, usual: ${usual.length}`);
    assert.ok(after.length > reading.length && after.every((factor) => factor <= 2), `after the collection asked for (the first of them), the factors: ${after.join(', ')}; while reading there were ${reading.length}`);
  });

  it('a sharded read collects its garbage once it has read a large shard (200,000 records of its own or more, before its heap is measured for the replay), never for a smaller one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-growth-'));
    /** A file whose contacts each have one event, `own` of them in shard 0 of 2 (the shard read): 2 × own records of its own. */
    const file = (own: number) => {
      const ids: string[] = [];
      for (let i = 0, mine = 0; mine < own; i++) {
        ids.push(`c${i}`);
        if (shardOf(`c${i}`, 2) === 0) mine++;
      }
      const path = join(dir, `t${own}.timeline.json`);
      writeFileSync(path, JSON.stringify({ formatVersion: 1, contacts: ids.map((id) => ({ id })), events: ids.map((contact) => ({ at: '2026-01-01T00:00:00Z', contact, type: 'tagAdded', tag: 'vip' })) }));
      return path;
    };
    for (const [own, expected] of [[500, 0], [99_999, 0], [100_000, 1]] as const) {
      let collected = 0;
      const read = readFast(file(own), undefined, { shard: { index: 0, count: 2 }, collectGarbage: () => collected++ });
      assert.equal(read.kind, 'packed');
      assert.equal(read.kind === 'packed' && read.timeline.contacts.length, own);
      assert.equal(collected, expected, `${own * 2} records of the shard's own`);
    }
  });
});
