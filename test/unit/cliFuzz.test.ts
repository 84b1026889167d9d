// Fuzz of the `journey` command line (#13): validate, simulate, test and
// publish run as child processes (node with a 256 MB heap) on the samples
// mangled byte by byte (flipped and inserted bytes, control characters,
// Latin-1, a BOM, truncation, duplicate keys, deep nesting, far-future
// instants). Whatever the input, the CLI ends (no hang) with exit 0 or 1,
// without a crash, a stack or V8 out-of-memory, prints no raw control
// character, never accepts a file that is not UTF-8 JSON without a located
// error, and publish rewrites a journey only when it publishes it, keeping
// its BOM. Seeded: JOURNEY_CLI_FUZZ_SEED, JOURNEY_CLI_FUZZ_CASES.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 as random } from '../../src/core/seededRandom';
import { ensureDistBuilt } from '../support/builtDist';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');
const SEED = Number(process.env.JOURNEY_CLI_FUZZ_SEED ?? 13);
const CASES = Number(process.env.JOURNEY_CLI_FUZZ_CASES ?? 40);
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Mangle = (bytes: Buffer, rnd: () => number) => { bytes: Buffer; what: string };

const at = (bytes: Buffer, rnd: () => number) => Math.floor(rnd() * (bytes.length + 1));
const splice = (bytes: Buffer, pos: number, remove: number, insert: Buffer | string) => Buffer.concat([bytes.subarray(0, pos), Buffer.from(insert), bytes.subarray(pos + remove)]);

/** Offsets just inside a JSON string value (after `": "`), where text from the file is printed back. */
function stringValueStarts(bytes: Buffer): number[] {
  const text = bytes.toString('latin1');
  const starts: number[] = [];
  for (const m of text.matchAll(/": "/g)) starts.push(m.index! + 4);
  return starts;
}

const MANGLES: Mangle[] = [
  (b, r) => {
    const pos = Math.min(b.length - 1, at(b, r));
    const byte = Math.floor(r() * 256);
    return { bytes: splice(b, pos, 1, Buffer.from([byte])), what: `byte ${pos} set to 0x${byte.toString(16)}` };
  },
  (b, r) => {
    const pos = at(b, r);
    const junk = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 6) }, () => [0x1b, 0x9b, 0x00, 0x07, 0xe9, 0xff, 0xc3, 0x80, 0x22, 0x5c][Math.floor(r() * 10)]!));
    return { bytes: splice(b, pos, 0, junk), what: `${junk.length} bytes inserted at ${pos}` };
  },
  (b, r) => {
    const pos = at(b, r);
    return { bytes: b.subarray(0, pos), what: `truncated at ${pos}` };
  },
  (b) => ({ bytes: Buffer.concat([BOM, b]), what: 'BOM added' }),
  (b) => ({ bytes: Buffer.from(b.toString('utf8').replace(/e/g, 'é'), 'latin1'), what: 'Latin-1 with é' }),
  (b, r) => {
    const starts = stringValueStarts(b);
    const pos = starts[Math.floor(r() * starts.length)] ?? 0;
    const escaped = r() < 0.5;
    return { bytes: splice(b, pos, 0, escaped ? '\\u001b[2J\\u009b31m\\u202e\\n' : '\u001b[2J'), what: `${escaped ? 'escaped' : 'raw'} control characters in a string at ${pos}` };
  },
  (b, r) => {
    const lines = b.toString('utf8').split('\n');
    const i = Math.floor(r() * lines.length);
    if (/^\s*"[^"]+": [^{[]*,$/.test(lines[i] ?? '')) lines.splice(i, 0, lines[i]!);
    return { bytes: Buffer.from(lines.join('\n')), what: `line ${i + 1} duplicated` };
  },
  (b) => ({ bytes: Buffer.from(b.toString('utf8').replace(/"(\d{4})-(\d\d)-(\d\d)T/g, (_, y: string, m: string) => `"${y === '2026' ? '9999' : y}-${m === '06' ? '13' : m}-31T`)), what: 'dates moved to 9999 / impossible days' }),
  (b, r) => {
    const pos = at(b, r);
    return { bytes: splice(b, pos, 0, '['.repeat(20_000)), what: `20000 [ at ${pos}` };
  },
  (b, r) => {
    const starts = stringValueStarts(b);
    const pos = starts[Math.floor(r() * starts.length)] ?? 0;
    return { bytes: splice(b, pos, 0, 'x'.repeat(200_000)), what: `a 200 kB string at ${pos}` };
  },
];

/** Whether the bytes are a file the CLI may accept: UTF-8 (a BOM allowed) and strict JSON. */
function isUtf8Json(bytes: Buffer): boolean {
  const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const SAMPLE_NAMES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => f.replace(/\.scenario\.json$/, ''))
  .filter((n) => existsSync(join(SAMPLES, `${n}.journey.json`)) && existsSync(join(SAMPLES, `${n}.timeline.json`)));

describe('journey CLI fuzz (#13)', function () {
  this.timeout(CASES * 60_000);
  before(function () {
    this.timeout(300_000);
    ensureDistBuilt(); // the CLI under test is the current sources' build
  });

  it(`ends every command with exit 0 or 1, no crash, hang, raw control character or silent acceptance (seed ${SEED}, ${CASES} cases)`, () => {
    assert.ok(SAMPLE_NAMES.length >= 3, 'the samples with journey, timeline and scenario');
    console.log(`      journey CLI fuzz: seed ${SEED}, ${CASES} cases (JOURNEY_CLI_FUZZ_SEED, JOURNEY_CLI_FUZZ_CASES)`);
    const rnd = random(SEED);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    const commands = ['validate', 'simulate', 'test', 'publish'] as const;
    for (let n = 0; n < CASES; n++) {
      const dir = mkdtempSync(join(tmpdir(), 'journey-fuzz-'));
      const sample = pick(SAMPLE_NAMES);
      for (const kind of ['journey', 'timeline', 'scenario']) copyFileSync(join(SAMPLES, `${sample}.${kind}.json`), join(dir, `${sample}.${kind}.json`));
      const command = commands[n % commands.length]!;
      const target = command === 'simulate' ? pick(['journey', 'timeline']) : command === 'test' ? pick(['journey', 'timeline', 'scenario']) : 'journey';
      const file = join(dir, `${sample}.${target}.json`);
      let bytes: Buffer = readFileSync(file);
      const whats: string[] = [];
      for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) {
        const mangled = pick(MANGLES)(bytes, rnd);
        bytes = mangled.bytes;
        whats.push(mangled.what);
      }
      writeFileSync(file, bytes);
      const journey = join(dir, `${sample}.journey.json`);
      const args =
        command === 'validate' ? [journey] : command === 'simulate' ? [journey, '--timeline', join(dir, `${sample}.timeline.json`), '--no-trace'] : command === 'test' ? [join(dir, `${sample}.scenario.json`)] : [journey, '--yes', '--now', '2026-12-01T00:00:00Z'];
      const journeyBefore = readFileSync(journey);
      const label = `case ${n} (seed ${SEED}): journey ${command} on ${sample}.${target}.json with ${whats.join(', ')}`;
      const run = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, command, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20 });
      const output = `${run.stdout}\n${run.stderr}`;
      assert.equal(run.error, undefined, `${label}: ${run.error?.message} (a hang?)`);
      assert.equal(run.signal, null, `${label}: killed by ${run.signal}\n${run.stderr.slice(0, 1000)}`);
      assert.ok(run.status === 0 || run.status === 1, `${label}: exit ${run.status}\n${output.slice(0, 2000)}`);
      assert.doesNotMatch(run.stderr, /internal error|FATAL ERROR|heap out of memory|\n\s+at \S+ \(/, `${label}: a crash\n${run.stderr.slice(0, 2000)}`);
      assert.doesNotMatch(output, RAW_CONTROL, `${label}: a raw control character in the output`);
      if (!isUtf8Json(bytes)) {
        assert.equal(run.status, 1, `${label}: accepted a file that is not UTF-8 JSON\n${output.slice(0, 2000)}`);
        assert.match(run.stdout, /:\d+:\d+ (error )?\S/, `${label}: the error has no location\n${output.slice(0, 2000)}`);
      }
      if (command === 'publish') {
        const after = readFileSync(journey);
        if (run.status !== 0) assert.ok(after.equals(journeyBefore), `${label}: a refused publish changed the journey file`);
        else {
          assert.equal(after.subarray(0, 3).equals(BOM), journeyBefore.subarray(0, 3).equals(BOM), `${label}: the BOM was not kept`);
          assert.ok(isUtf8Json(after), `${label}: the published journey file is not UTF-8 JSON`);
        }
      }
    }
  });
});
