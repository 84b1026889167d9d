// A rule that fails internally cannot vouch for the journey: its failure is
// an error diagnostic (never a warning), so the CLI exits 1 and the publish
// gate refuses, naming the rule that failed.
import assert from 'node:assert/strict';
import { planPublication } from '../../../src/core/compiler/publishPlan';
import { allRules } from '../../../src/core/rules/index';
import type { JourneyRule } from '../../../src/core/rules/ruleContext';
import { validateJourneyText } from '../../../src/core/validate';
import { baseJourney, NOW } from './helpers';

const failingR4: JourneyRule = {
  rule: 'R4',
  title: 'a check that breaks on this document',
  check() {
    throw new RangeError('Maximum call stack size exceeded');
  },
};

const READY = JSON.stringify(baseJourney({ status: 'readyToPublish' }), null, 2);

describe('a rule that fails internally', () => {
  it('R4: is an error diagnostic that names the rule, never a warning', () => {
    const { diagnostics } = validateJourneyText(READY, { now: NOW }, [...allRules, failingR4]);
    const failed = diagnostics.filter((d) => d.code === 'internal.rule-failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.severity, 'error');
    assert.equal(failed[0]!.rule, 'R4');
    assert.deepEqual([failed[0]!.path, failed[0]!.offset, failed[0]!.length], [[], 0, 1], 'on the start of the document, which it is about as a whole');
    assert.match(failed[0]!.message, /The R4 check \(a check that breaks on this document\) failed .*cannot be published/);
  });

  it('R4: makes the publish gate refuse a journey that is otherwise ready', () => {
    assert.equal(planPublication(READY, { now: NOW }).ok, true, 'the journey is ready with the real rules');
    const plan = planPublication(READY, { now: NOW, rules: [...allRules, failingR4] });
    assert.equal(plan.ok, false);
    assert.deepEqual(!plan.ok && plan.reasons.map((r) => r.code), ['internal.rule-failed']);
  });
});
