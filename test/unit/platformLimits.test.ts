// Specification of src/core/platformLimits.ts (R1, R11): which limit of each
// kind applies to a journey (explicit limit, else the plan on Mailchimp or
// when a plan is declared, else the platform's own), where it comes from,
// and no limit where none is known. (R1.limits.test.ts checks the rules
// that apply them.)
import assert from 'node:assert/strict';
import { limitFor, maxWaitMs, PLAN_LIMITS, planSummary } from '../../src/core/platformLimits';
import type { Journey } from '../../src/core/schema';

const journey = (fields: Record<string, unknown>) => ({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', startingPoints: [], points: [], ...fields }) as unknown as Journey;

describe('R1 R11 platform and plan limits (platformLimits.ts)', () => {
  it('R1: a kind a plan does not limit is no limit, on Mailchimp and with a declared plan elsewhere', () => {
    assert.equal(limitFor(journey({}), 'waitForEventRules'), undefined);
    assert.equal(limitFor(journey({ platform: 'mailchimp', settings: { plan: 'premium' } }), 'maxWait'), undefined);
    assert.equal(limitFor(journey({ platform: 'dynamics', settings: { plan: 'free' } }), 'maxWait'), undefined, 'the declared plan, not the platform, is the source');
  });

  it('R11: a platform without plans gives its own limits, named after the platform', () => {
    assert.deepEqual(limitFor(journey({ platform: 'dynamics' }), 'maxWait'), { value: 'P90D', source: 'Dynamics 365', origin: 'platform' });
    assert.equal(limitFor(journey({ platform: 'dynamics' }), 'startingPoints'), undefined);
    assert.equal(limitFor(journey({ platform: 'mailup' }), 'maxWait'), undefined);
  });

  it('R1: without a declared plan the default plan applies, else Standard, and the source says it is assumed', () => {
    assert.deepEqual(limitFor(journey({}), 'startingPoints'), {
      value: 3,
      source: 'the Standard plan (assumed: the journey declares no platform or settings.plan)',
      origin: 'plan',
      plan: 'standard',
    });
    assert.deepEqual(limitFor(journey({ platform: 'mailchimp' }), 'journeyPoints', { defaultPlan: 'essentials' }), {
      value: 4,
      source: 'the Mailchimp Essentials plan (assumed: the journey declares no settings.plan)',
      origin: 'plan',
      plan: 'essentials',
    });
  });

  it('R1: an explicit limit wins and says where it is', () => {
    assert.deepEqual(limitFor(journey({ settings: { plan: 'free', limits: { journeyPoints: 9 } } }), 'journeyPoints'), {
      value: 9,
      source: 'the explicit limit settings.limits.journeyPoints',
      origin: 'limits',
    });
  });

  it('R11: the longest wait in milliseconds, with its source; none when unlimited or when the limit is not a duration', () => {
    assert.deepEqual(maxWaitMs(journey({ platform: 'dynamics' })), { value: 'P90D', source: 'Dynamics 365', origin: 'platform', ms: 90 * 86_400_000 });
    assert.equal(maxWaitMs(journey({ platform: 'generic' })), undefined);
    assert.equal(maxWaitMs(journey({ platform: 'dynamics', settings: { limits: { maxWait: 'ninety days' } } })), undefined);
  });

  it('R1: a plan as people read it: starting points (singular for one) and journey points', () => {
    assert.equal(planSummary('free'), '1 starting point, 4 journey points');
    assert.equal(planSummary('standard'), '3 starting points, 100 journey points');
    assert.equal(planSummary('premium'), `${PLAN_LIMITS.premium.startingPoints} starting points, ${PLAN_LIMITS.premium.journeyPoints} journey points`);
  });
});
