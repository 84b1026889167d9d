// R4 at any size: the zero-time loop check, reachability and the graph work
// on journeys of thousands of points (no recursion whose depth grows with
// the journey), and validation stays linear in the document size whatever
// its content (floods of one repeated id, many references to one id).
import assert from 'node:assert/strict';
import { planPublication } from '../../../src/core/compiler/publishPlan';
import { validateJourneyText } from '../../../src/core/validate';
import { baseJourney, NOW, type JourneyObject } from './helpers';

/** A chain of `n` add-tag actions from the starting point, ending in a two-point loop send email → add tag → send email. */
function chainWithHiddenLoop(n: number): JourneyObject {
  const points: JourneyObject[] = [];
  for (let i = 0; i < n; i++) points.push({ id: `c${i}`, type: 'addTag', tag: `t${i % 7}`, next: i + 1 < n ? `c${i + 1}` : 'mail' });
  points.push({ id: 'mail', type: 'sendEmail', content: 'welcome', next: 'tag' });
  points.push({ id: 'tag', type: 'addTag', tag: 'mailed', next: 'mail' });
  return baseJourney({ settings: { limits: { journeyPoints: 100_000 } }, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'c0' }], points });
}

describe('R4 on large journeys', () => {
  for (const n of [4_500, 10_000]) {
    it(`R4: a zero-time loop hidden after a ${n.toLocaleString('en')}-point chain is an error at the reference that closes it, and publishing refuses`, () => {
      const text = JSON.stringify(chainWithHiddenLoop(n), null, 2);
      const { diagnostics } = validateJourneyText(text, { now: NOW });
      assert.deepEqual(
        diagnostics.filter((d) => d.code.startsWith('internal.')),
        [],
        'no rule fails internally',
      );
      const loops = diagnostics.filter((d) => d.code === 'R4.zero-time-cycle');
      assert.equal(loops.length, 1, JSON.stringify(diagnostics.slice(0, 5)));
      const loop = loops[0]!;
      assert.equal(loop.severity, 'error');
      assert.deepEqual(loop.path, ['points', n + 1, 'next']);
      assert.equal(text.slice(loop.offset, loop.offset + loop.length), '"mail"');
      assert.deepEqual(loop.data?.['cycle'], ['mail', 'tag', 'mail']);

      const plan = planPublication(text, { now: NOW });
      assert.equal(plan.ok, false, 'publish --dry-run is not ready');
      assert.ok(!plan.ok && plan.reasons.some((r) => r.code === 'R4.zero-time-cycle'));
    });
  }

  it('R4: a 10,000-point chain with no loop raises nothing, and every point is reachable', () => {
    const journey = chainWithHiddenLoop(10_000);
    const points = journey['points'] as JourneyObject[];
    points[points.length - 1] = { id: 'tag', type: 'end' };
    const { diagnostics } = validateJourneyText(JSON.stringify(journey), { now: NOW });
    assert.deepEqual(diagnostics, []);
  });
});

describe('R4 validation is linear in the document size', () => {
  it('R4: 100,000 points with one repeated id validate (a duplicate-id error on each repeat) well within the test timeout', function () {
    this.timeout(20_000); // linear: about a second; the quadratic graph took 89 s here
    const points: JourneyObject[] = [{ id: 'p1', type: 'end' }];
    for (let i = 1; i < 100_000; i++) points.push({ id: 'p1', type: 'addTag', tag: 'x', next: 'p1' });
    const { diagnostics } = validateJourneyText(JSON.stringify(baseJourney({ settings: { limits: { journeyPoints: 200_000 } }, points })), { now: NOW });
    assert.deepEqual(diagnostics.filter((d) => d.code.startsWith('internal.')), []);
    assert.equal(diagnostics.filter((d) => d.code === 'R4.duplicate-id').length, 99_999);
  });

  it('R4: 50,000 references to points that do not exist validate well within the test timeout (suggestions are bounded)', function () {
    this.timeout(20_000);
    const points: JourneyObject[] = [];
    for (let i = 0; i < 50_000; i++) points.push({ id: `p${i}`, type: 'addTag', tag: 'x', next: `q${i}` });
    const { diagnostics } = validateJourneyText(JSON.stringify(baseJourney({ settings: { limits: { journeyPoints: 200_000 } }, startingPoints: [{ id: 's', trigger: { type: 'api' }, next: 'p0' }], points })), { now: NOW });
    assert.deepEqual(diagnostics.filter((d) => d.code.startsWith('internal.')), []);
    assert.equal(diagnostics.filter((d) => d.code === 'R4.dangling-reference').length, 50_000);
  });
});
