// Specification of the scenario expectations QA needs (#19): "exactly N
// times", "never receives any SMS / any marketing email", "takes branch B at
// point P", "is suppressed with reason R at point P", "is in the queue of
// point P at T". Each is checked on the dynamics sample, whose timeline
// describes by hand what happens to each contact; each passes on what the
// description says and fails, with the actual outcome, on anything else. A
// branch the point does not have is a located error, not a failure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario, type Expectation } from '../../../src/core/scenario';
import { checkScenario } from '../../../src/core/scenarioCheck';
import { scenarioReferences } from '../../../src/core/scenarioReferences';
import { Journey } from '../../../src/core/schema';
import { simulate } from '../../../src/core/simulator/index';
import { parseTimeline } from '../../../src/core/timeline';

const SAMPLES = join(__dirname, '../../../samples');
const journey = Journey.parse(JSON.parse(readFileSync(join(SAMPLES, 'dynamics-product-announcement.journey.json'), 'utf8')));
const timelineParse = parseTimeline(JSON.parse(readFileSync(join(SAMPLES, 'dynamics-product-announcement.timeline.json'), 'utf8')));
assert.ok(timelineParse.success);
const timeline = timelineParse.data;

function outcome(expectation: Record<string, unknown>): { passed: boolean; message: string; actual?: string } {
  const scenario = Scenario.parse({ formatVersion: 1, name: 'x', journey: 'j', timeline: 't', expectations: [expectation] });
  const [result] = checkScenario(scenario, (at) => simulate(journey, timeline, at === undefined ? { seed: timeline.seed ?? 1 } : { seed: timeline.seed ?? 1, at }), journey);
  return result!;
}

describe('scenario expectations for QA', () => {
  it('receives ... exactly N times: one launch SMS for kowalska, not 0 or 2', () => {
    assert.equal(outcome({ type: 'receives', contact: 'c_kowalska', content: 'product_launch_sms', times: 1 }).passed, true);
    const two = outcome({ type: 'receives', contact: 'c_kowalska', content: 'product_launch_sms', times: 2 });
    assert.equal(two.passed, false);
    assert.match(two.message, /sent 1 time to c_kowalska, expected exactly 2/);
    assert.equal(outcome({ type: 'receives', contact: 'c_wisniewski', content: 'product_launch_sms', times: 0 }).passed, true);
  });

  it('R17: never receives any SMS passes without SMS consent and fails with the SMS sent to a consenting contact', () => {
    assert.equal(outcome({ type: 'neverReceives', contact: 'c_zielinski', channel: 'sms' }).passed, true);
    const sent = outcome({ type: 'neverReceives', contact: 'c_kowalska', channel: 'sms' });
    assert.equal(sent.passed, false);
    assert.match(sent.message, /received product_launch_sms at 2026-05-12T07:00:00.000Z/);
  });

  it('R17: never receives any marketing email fails for a contact sent the (marketing) announcement', () => {
    const content = journey.content!.find((c) => c.id === 'product_announcement_email')!;
    assert.ok(!content.transactional, 'the announcement is marketing');
    const got = outcome({ type: 'neverReceives', contact: 'c_kowalska', channel: 'email', marketing: true });
    assert.equal(got.passed, false);
    assert.match(got.message, /product_announcement_email/);
  });

  it('R11: takes branch B at point P: every pass took it', () => {
    assert.equal(outcome({ type: 'takesBranch', contact: 'c_nowak', point: 'p_wait_product_click', branch: 'yes' }).passed, true);
    const wrong = outcome({ type: 'takesBranch', contact: 'c_wisniewski', point: 'p_wait_product_click', branch: 'yes' });
    assert.equal(wrong.passed, false);
    assert.equal(wrong.actual, 'took timeout at p_wait_product_click');
  });

  it('R17: is suppressed with reason R at point P, and not at another point', () => {
    assert.equal(outcome({ type: 'suppressed', contact: 'c_zielinski', reason: 'noSmsConsent', point: 'p_send_launch_sms' }).passed, true);
    assert.equal(outcome({ type: 'suppressed', contact: 'c_zielinski', reason: 'noSmsConsent', point: 'p_send_announcement' }).passed, false);
  });

  it('R10: is in the queue of point P at T: kowalska waits for the launch after clicking, not before', () => {
    assert.equal(outcome({ type: 'inQueue', contact: 'c_kowalska', point: 'p_wait_launch', at: '2026-05-06T00:00:00Z' }).passed, true);
    const early = outcome({ type: 'inQueue', contact: 'c_kowalska', point: 'p_wait_launch', at: '2026-05-04T08:30:00Z' });
    assert.equal(early.passed, false);
    assert.match(early.message, /is waiting at p_wait_product_click at 2026-05-04T08:30:00Z, expected waiting at p_wait_launch/);
  });

  it('a branch the point does not have is a located reference error (never a failure or a pass)', () => {
    const scenario = Scenario.parse({ formatVersion: 1, name: 'x', journey: 'j', timeline: 't', expectations: [{ type: 'takesBranch', contact: 'c_nowak', point: 'p_wait_product_click', branch: 'no' }] });
    const findings = scenarioReferences(scenario, journey, timeline, { journey: 'j.journey.json', timeline: 't.timeline.json' });
    assert.deepEqual(findings.map((f) => [f.code, f.path.join('.')]), [['reference.unknown-branch', 'expectations.0.branch']]);
    assert.match(findings[0]!.message, /no branch "no" in point "p_wait_product_click" of journey j\.journey\.json\. Known: "yes", "timeout"\./);
  });

  it('every new expectation is in the scenario schema', () => {
    for (const type of ['neverReceives', 'takesBranch', 'inQueue'] as Expectation['type'][]) assert.ok(Scenario.shape.expectations.element.options.some((o) => o.shape.type.value === type), type);
  });
});
