// R1: starting points, journey points and wait-for-event rules stay within
// the plan's limits (platformLimits.ts); an excess is located on the first
// item over the limit and the message names the plan and its limit.
import assert from 'node:assert/strict';
import { limitFor, maxWaitMs } from '../../../src/core/platformLimits';
import { Journey } from '../../../src/core/schema';
import { baseJourney, chain, check, expectNone, expectOne, startingPoints } from './helpers';

const parse = (o: Record<string, unknown>) => Journey.parse(o);

describe('R1 starting-point limit', () => {
  it('R1: a fourth starting point on the Mailchimp Standard plan is an error on the fourth', () => {
    const c = check(baseJourney({ platform: 'mailchimp', settings: { plan: 'standard' }, startingPoints: startingPoints(4) }));
    const d = expectOne(c, { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s4"' });
    assert.match(d.message, /^The Mailchimp Standard plan allows up to 3 starting points \(R1\); this journey has 4/);
    assert.deepEqual(d.path, ['startingPoints', 3]);
    assert.equal(d.data?.['limit'], 3);
  });

  it('R1: three starting points on Standard (and Premium) are fine', () => {
    expectNone(check(baseJourney({ settings: { plan: 'standard' }, startingPoints: startingPoints(3) })), 'R1.too-many-starting-points');
    expectNone(check(baseJourney({ settings: { plan: 'premium' }, startingPoints: startingPoints(3) })), 'R1.too-many-starting-points');
  });

  it('R1: the Free and Essentials plans allow one; the second is the first over', () => {
    for (const plan of ['free', 'essentials']) {
      const c = check(baseJourney({ settings: { plan }, startingPoints: startingPoints(3) }));
      const d = expectOne(c, { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s2"' });
      assert.match(d.message, /allows 1 starting point \(R1\)/);
    }
  });

  it('R1: settings.limits overrides the plan, and the message says so', () => {
    expectNone(check(baseJourney({ settings: { plan: 'free', limits: { startingPoints: 5 } }, startingPoints: startingPoints(5) })));
    const c = check(baseJourney({ settings: { plan: 'premium', limits: { startingPoints: 2 } }, startingPoints: startingPoints(3) }));
    const d = expectOne(c, { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s3"' });
    assert.match(d.message, /^The explicit limit settings\.limits\.startingPoints allows up to 2/);
  });

  it('R1: without a declared plan the default plan (a user setting) decides, and the message says it was assumed', () => {
    const journey = baseJourney({ startingPoints: startingPoints(2) });
    expectNone(check(journey), 'R1.too-many-starting-points');
    const d = expectOne(check(journey, { defaultPlan: 'free' }), { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s2"' });
    assert.match(d.message, /^The Free plan \(assumed: the journey declares no platform or settings\.plan\)/, 'a journey without a platform is not called a Mailchimp journey');
    const mailchimp = expectOne(check(baseJourney({ platform: 'mailchimp', startingPoints: startingPoints(2) }), { defaultPlan: 'free' }), { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s2"' });
    assert.match(mailchimp.message, /^The Mailchimp Free plan \(assumed: the journey declares no settings\.plan\)/);
  });

  it('R1: Dynamics, MailUp and generic journeys have no starting-point limit unless the file sets one', () => {
    for (const platform of ['dynamics', 'mailup', 'generic']) {
      expectNone(check(baseJourney({ platform, startingPoints: startingPoints(6) }), { defaultPlan: 'free' }), 'R1.too-many-starting-points');
    }
    expectOne(check(baseJourney({ platform: 'generic', settings: { limits: { startingPoints: 1 } }, startingPoints: startingPoints(2) })), {
      code: 'R1.too-many-starting-points',
      rule: 'R1',
      severity: 'error',
      spanned: '"s2"',
    });
  });
});

describe('R1 at least one starting point', () => {
  it('R1: a journey without starting points is an error on "startingPoints"', () => {
    const c = check(baseJourney({ startingPoints: [] }));
    expectOne(c, { code: 'R1.no-starting-point', rule: 'R1', severity: 'error', spanned: '"startingPoints"' });
  });

  it('R1: one starting point is enough', () => {
    expectNone(check(baseJourney()), 'R1.no-starting-point');
  });
});

describe('R1 journey-point limit', () => {
  it('R1: 101 journey points on Standard is an error on the 101st', () => {
    const c = check(baseJourney({ settings: { plan: 'standard' }, points: chain(101) }));
    const d = expectOne(c, { code: 'R1.too-many-journey-points', rule: 'R1', severity: 'error', spanned: '"p101"' });
    assert.match(d.message, /Standard plan allows up to 100 journey points \(R1\); this journey has 101/);
  });

  it('R1: exactly 100 journey points on Standard are fine', () => {
    expectNone(check(baseJourney({ settings: { plan: 'standard' }, points: chain(100) })), 'R1.too-many-journey-points');
  });

  it('R1: Free allows 4 journey points; settings.limits.journeyPoints overrides', () => {
    expectOne(check(baseJourney({ settings: { plan: 'free' }, points: chain(5) })), { code: 'R1.too-many-journey-points', rule: 'R1', severity: 'error', spanned: '"p5"' });
    expectNone(check(baseJourney({ settings: { plan: 'free' }, points: chain(4) })), 'R1.too-many-journey-points');
    expectNone(check(baseJourney({ settings: { plan: 'free', limits: { journeyPoints: 10 } }, points: chain(10) })), 'R1.too-many-journey-points');
  });
});

describe('R1 wait-for-event rule limit', () => {
  const waits = (n: number) => {
    const points: Record<string, unknown>[] = [];
    for (let i = 1; i <= n; i++) points.push({ id: `w${i}`, type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1D', branches: { yes: 'done', timeout: i < n ? `w${i + 1}` : 'done' } });
    points.push({ id: 'done', type: 'end' });
    return points;
  };

  it('R1: more wait-for-event rules than settings.limits.waitForEventRules is an error on the first over', () => {
    const c = check(baseJourney({ settings: { limits: { waitForEventRules: 2 } }, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'w1' }], points: waits(3) }));
    const d = expectOne(c, { code: 'R1.too-many-wait-for-event-rules', rule: 'R1', severity: 'error', spanned: '"w3"' });
    assert.match(d.message, /allows up to 2 wait-for-event rules \(R1\); this journey has 3/);
  });

  it('R1: within the limit, or without one (no plan documents one), there is no diagnostic', () => {
    const start = [{ id: 'start', trigger: { type: 'api' }, next: 'w1' }];
    expectNone(check(baseJourney({ settings: { limits: { waitForEventRules: 3 } }, startingPoints: start, points: waits(3) })), 'R1.too-many-wait-for-event-rules');
    expectNone(check(baseJourney({ settings: { plan: 'standard' }, startingPoints: start, points: waits(12) })), 'R1.too-many-wait-for-event-rules');
  });
});

describe('R1 platform limits table', () => {
  it('R1: resolves each limit from settings.limits, then the plan, then the platform', () => {
    assert.deepEqual(limitFor(parse(baseJourney({ settings: { plan: 'free' } })), 'startingPoints'), { value: 1, source: 'the Free plan', origin: 'plan', plan: 'free' });
    assert.deepEqual(limitFor(parse(baseJourney({ platform: 'mailchimp', settings: { plan: 'free' } })), 'startingPoints'), { value: 1, source: 'the Mailchimp Free plan', origin: 'plan', plan: 'free' });
    assert.equal(limitFor(parse(baseJourney({ settings: { plan: 'free', limits: { startingPoints: 7 } } })), 'startingPoints')?.value, 7);
    assert.equal(limitFor(parse(baseJourney({ platform: 'generic' })), 'startingPoints'), undefined);
    assert.equal(limitFor(parse(baseJourney({ platform: 'dynamics', settings: { plan: 'standard' } })), 'startingPoints')?.value, 3, 'a declared plan applies on any platform');
    assert.equal(maxWaitMs(parse(baseJourney({ platform: 'dynamics' })))?.ms, 90 * 86_400_000);
    assert.equal(maxWaitMs(parse(baseJourney({ platform: 'mailchimp' }))), undefined);
    assert.equal(maxWaitMs(parse(baseJourney({ platform: 'dynamics', settings: { limits: { maxWait: 'P30D' } } })))?.value, 'P30D');
  });
});
