// One journey semantics (#12): what a contact does is written once, in the
// kernel (src/core/semantics/kernel.ts). The two drivers, the simulator's
// scheduler and the Restate contact machine, call it and keep no progression
// of their own: they switch on no point type. The test reference model stays
// independent of the kernel (it is the oracle the simulator is compared with).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POINT_KIND } from '../../../src/core/semantics/kernelJourney';

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The drivers: every module of the simulator's scheduler and of the Restate runtime. */
const DRIVERS = [
  ...readdirSync(join(ROOT, 'src/core/simulator'))
    .filter((f) => f.endsWith('.ts') && f !== 'compiledJourney.ts') // compiledJourney.ts only reads each point's facts (durations, content)
    .map((f) => `src/core/simulator/${f}`),
  ...readdirSync(join(ROOT, 'src/restate/runtime'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/restate/runtime/${f}`),
];

/** Point types that are also everyday words (a timer of kind 'wait', a segment 'end'): their `case` alone proves nothing. */
const COMMON_WORDS = new Set(['wait', 'end', 'exit', 'split']);

/** Ways of deciding what a point does by its type: a switch on a type, a case of a point type, a case on the kernel's kinds. */
function pointTypeDecisions(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/switch \((?:p|pt|point|[\w.]*\.point)\.type\)/g)) found.push(m[0]);
  for (const type of Object.keys(POINT_KIND)) if (!COMMON_WORDS.has(type) && source.includes(`case '${type}'`)) found.push(`case '${type}'`);
  for (const m of source.matchAll(/case K_[A-Z_]+/g)) found.push(m[0]);
  return found;
}

describe('one journey kernel (#12)', () => {
  it('the simulator and the runtime make no decision on a point type: the kernel alone does', () => {
    assert.ok(DRIVERS.includes('src/core/simulator/engine.ts') && DRIVERS.includes('src/restate/runtime/contactMachine.ts'));
    const offenders = DRIVERS.map((path) => ({ path, decisions: pointTypeDecisions(read(path)) })).filter((d) => d.decisions.length > 0);
    assert.deepEqual(offenders, []);
  });

  it('the kernel itself decides on every point type', () => {
    const kernel = read('src/core/semantics/kernel.ts');
    const cases = new Set([...kernel.matchAll(/case (K_[A-Z_]+)/g)].map((m) => m[1]));
    assert.equal(cases.size, Object.keys(POINT_KIND).length);
  });

  it('the test reference model does not use the kernel (it stays an independent oracle)', () => {
    const model = read('test/unit/simulator/referenceModel.ts');
    assert.doesNotMatch(model, /core\/semantics\//);
  });
});
