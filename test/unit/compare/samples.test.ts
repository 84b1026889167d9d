// Comparing two versions of each sample journey on its own timeline: a
// hand-made change (a timeout shortened, a branch condition changed, a
// filter tightened, a point inserted, a wait shortened, a point renamed)
// and the outcome per contact derived by hand from the sample's timeline
// description and the rules, never copied from a run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, type JourneyComparison } from '../../../src/core/compare/index';
import type { Journey, JourneyPoint } from '../../../src/core/schema';
import { Timeline } from '../../../src/core/timeline';
import { validateJourneyText } from '../../../src/core/validate';

const SAMPLES = join(__dirname, '../../../samples');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function sample(name: string): { journey: Journey; timeline: Timeline } {
  const { journey, diagnostics } = validateJourneyText(readFileSync(join(SAMPLES, `${name}.journey.json`), 'utf8'));
  assert.ok(journey, JSON.stringify(diagnostics.slice(0, 3)));
  return { journey, timeline: Timeline.parse(JSON.parse(readFileSync(join(SAMPLES, `${name}.timeline.json`), 'utf8'))) };
}

/** A copy of the journey with `edit` applied; the copy must still be a valid journey. */
function changed(journey: Journey, edit: (j: Journey) => void): Journey {
  const copy = structuredClone(journey);
  edit(copy);
  const { journey: checked, diagnostics } = validateJourneyText(JSON.stringify(copy));
  assert.ok(checked && diagnostics.every((d) => d.severity !== 'error'), JSON.stringify(diagnostics.filter((d) => d.severity === 'error')));
  return checked;
}

function point<T extends JourneyPoint['type']>(j: Journey, id: string, type: T): Extract<JourneyPoint, { type: T }> {
  const p = j.points.find((x) => x.id === id);
  assert.ok(p && p.type === type, `${id} is a ${type}`);
  return p as Extract<JourneyPoint, { type: T }>;
}

const changedIds = (c: JourneyComparison) => c.changedContacts.map((x) => x.contact).sort();
const contact = (c: JourneyComparison, id: string) => {
  const found = c.changedContacts.find((x) => x.contact === id);
  assert.ok(found, `${id} is among the changed contacts`);
  return found;
};
const pointRow = (c: JourneyComparison, id: string) => {
  const found = c.points.find((p) => (p.b ?? p.a) === id);
  assert.ok(found, `point ${id}`);
  return found;
};

describe('compare: two versions of each sample on its timeline', function () {
  this.timeout(120_000); // CLI runs and generated replays: slow on a busy 2-core machine
  it('every sample compared with itself: equal, no contact changed, every point the same', () => {
    for (const name of ['dynamics-product-announcement', 'mailchimp-vip-welcome', 'birthday-german', 'mailup-webform-nurture', 'preference-center']) {
      const { journey, timeline } = sample(name);
      const c = compareVersions(journey, structuredClone(journey), timeline);
      assert.equal(c.equal, true, name);
      assert.deepEqual(c.changedContacts, [], name);
      assert.ok(c.points.every((p) => p.change === 'same' && !p.countsDiffer), name);
      assert.ok(c.statsA.started > 0, `${name}: someone entered`);
    }
  });

  it('dynamics, click timeout shortened from 1 day to 12 hours (R11): c_nowak, who clicks at the 24-hour deadline, now times out and loses the launch SMS; c_wisniewski and c_lewandowski wait 12 hours less; the others are unchanged', () => {
    const { journey, timeline } = sample('dynamics-product-announcement');
    const b = changed(journey, (j) => (point(j, 'p_wait_product_click', 'waitForEvent').timeout = 'PT12H'));
    const c = compareVersions(journey, b, timeline);
    assert.equal(c.equal, false);
    assert.deepEqual(changedIds(c), ['c_lewandowski', 'c_nowak', 'c_wisniewski']);
    const nowak = contact(c, 'c_nowak');
    assert.equal(nowak.pathChanged, true);
    // The five start at 2026-05-04T08:00Z: the deadline moves from 05-05T08:00Z (A: her click, yes) to 05-04T20:00Z (B: timeout).
    assert.equal(nowak.firstDivergence.a?.kind, 'leave');
    assert.equal(nowak.firstDivergence.a?.branch, 'yes');
    assert.equal(nowak.firstDivergence.a?.at, Date.parse('2026-05-05T08:00:00Z'));
    assert.equal(nowak.firstDivergence.b?.branch, 'timeout');
    assert.equal(nowak.firstDivergence.b?.at, Date.parse('2026-05-04T20:00:00Z'));
    assert.deepEqual(nowak.onlyInA, ['product_launch_sms']);
    assert.deepEqual(nowak.onlyInB, []);
    for (const id of ['c_wisniewski', 'c_lewandowski']) {
      const x = contact(c, id);
      assert.equal(x.pathChanged, false, `${id}: same path (timeout in both)`);
      assert.deepEqual(x.timing, [{ what: 'waited', subject: 'p_wait_product_click', occurrence: 1, a: DAY, b: 12 * HOUR, delta: -12 * HOUR }]);
    }
    // Launch SMS: kowalska, nowak, wojcik sent and zielinski suppressed (no SMS consent) in A; nowak gone in B.
    const sms = pointRow(c, 'p_send_launch_sms');
    assert.equal(sms.countsA?.entered, 4);
    assert.equal(sms.countsB?.entered, 3);
    assert.equal(sms.countsA?.sent, 3);
    assert.equal(sms.countsB?.sent, 2);
    assert.deepEqual([sms.countsA?.suppressedBy, sms.countsB?.suppressedBy], [{ noSmsConsent: 1 }, { noSmsConsent: 1 }]);
    assert.deepEqual([pointRow(c, 'p_end_no_interest').countsA?.completed, pointRow(c, 'p_end_no_interest').countsB?.completed], [2, 3]);
    assert.equal(pointRow(c, 'p_wait_product_click').change, 'changed');
  });

  it('mailchimp, the audience starting point\'s filter tightened with tag "VIP" (R3): c_greta, who joins the audience without it, no longer enters and receives neither the welcome nor the brand story', () => {
    const { journey, timeline } = sample('mailchimp-vip-welcome');
    const b = changed(journey, (j) => {
      const sp = j.startingPoints.find((s) => s.id === 'sp_joined_audience')!;
      sp.filter = { type: 'all', of: [{ type: 'hasTag', tag: 'Kunde' }, { type: 'hasTag', tag: 'Instagram Follower' }, { type: 'hasTag', tag: 'VIP' }] };
    });
    const c = compareVersions(journey, b, timeline);
    assert.deepEqual(changedIds(c), ['c_greta']);
    const greta = contact(c, 'c_greta');
    assert.equal(greta.pathChanged, true);
    assert.equal(greta.firstDivergence.index, 0);
    assert.equal(greta.firstDivergence.a?.kind, 'enter');
    assert.equal(greta.firstDivergence.a?.point, 'sp_joined_audience');
    assert.deepEqual(greta.onlyInA, ['vip_welcome_email', 'vip_brand_story_email']);
    assert.deepEqual(greta.onlyInB, []);
    const start = pointRow(c, 'sp_joined_audience');
    assert.equal(start.change, 'changed');
    assert.deepEqual([start.countsA?.entered, start.countsB?.entered], [1, 0]);
    assert.deepEqual([pointRow(c, 'p_send_welcome').countsA?.sent, pointRow(c, 'p_send_welcome').countsB?.sent], [5, 4]);
  });

  it('mailup, the first if/else now asks for topic "blog" instead of "webinars" (R12): those with exactly one of the two topics get the other first email; c_chiara (both) and c_luca (neither) are unchanged', () => {
    const { journey, timeline } = sample('mailup-webform-nurture');
    const b = changed(journey, (j) => {
      const p = point(j, 'p_r1_choose', 'ifElse');
      p.condition = { type: 'field', field: 'topics', op: 'contains', value: 'blog' };
    });
    const c = compareVersions(journey, b, timeline);
    assert.deepEqual(changedIds(c), ['c_giulia', 'c_marco', 'c_paolo', 'c_sara']);
    for (const id of ['c_giulia', 'c_sara']) {
      const x = contact(c, id);
      assert.equal(x.pathChanged, true);
      assert.equal(x.firstDivergence.a?.point, 'p_r1_choose');
      assert.deepEqual([x.firstDivergence.a?.branch, x.firstDivergence.b?.branch], ['yes', 'no']);
      assert.deepEqual([x.onlyInA, x.onlyInB], [['r1_webinar_email'], ['r1_blog_email']]);
    }
    for (const id of ['c_marco', 'c_paolo']) {
      const x = contact(c, id);
      assert.deepEqual([x.firstDivergence.a?.branch, x.firstDivergence.b?.branch], ['no', 'yes']);
      assert.deepEqual([x.onlyInA, x.onlyInB], [['r1_blog_email'], ['r1_webinar_email']]);
    }
    assert.deepEqual([pointRow(c, 'p_r1_send_webinar').countsA?.sent, pointRow(c, 'p_r1_send_webinar').countsB?.sent], [3, 3]);
  });

  it('preference center, a tag point inserted after the order confirmation: every one of the seven contacts passes it, so every path changes at its third step, and nobody receives anything else', () => {
    const { journey, timeline } = sample('preference-center');
    const b = changed(journey, (j) => {
      point(j, 'p_send_order_confirmation', 'sendEmail').next = 'p_tag_customer';
      j.points.splice(1, 0, { id: 'p_tag_customer', type: 'addTag', tag: 'customer', next: 'p_wait_tips' });
    });
    const c = compareVersions(journey, b, timeline);
    assert.deepEqual(changedIds(c), ['c_arta', 'c_blerim', 'c_dea', 'c_erion', 'c_fjolla', 'c_genti', 'c_hana']);
    for (const x of c.changedContacts) {
      assert.equal(x.pathChanged, true);
      assert.equal(x.firstDivergence.index, 2);
      assert.deepEqual([x.firstDivergence.a?.kind, x.firstDivergence.a?.point], ['arrive', 'p_wait_tips']);
      assert.deepEqual([x.firstDivergence.b?.kind, x.firstDivergence.b?.point], ['pass', 'p_tag_customer']);
      assert.deepEqual([x.onlyInA, x.onlyInB, x.timing], [[], [], []]);
    }
    const inserted = pointRow(c, 'p_tag_customer');
    assert.equal(inserted.change, 'added');
    assert.equal(inserted.countsA, undefined);
    assert.equal(inserted.countsB?.entered, 7);
    assert.equal(pointRow(c, 'p_send_order_confirmation').change, 'changed');
  });

  it('birthday, purchase window shortened from 5 to 4 days (R11): c_ben, who buys exactly on day 5, now gets the reminder; c_lukas (both years) and c_klaus wait a day less and are reminded a day earlier', () => {
    const { journey, timeline } = sample('birthday-german');
    const b = changed(journey, (j) => (point(j, 'p_wait_purchase', 'waitForEvent').timeout = 'P4D'));
    const c = compareVersions(journey, b, timeline);
    assert.deepEqual(changedIds(c), ['c_ben', 'c_klaus', 'c_lukas']);
    const ben = contact(c, 'c_ben');
    assert.equal(ben.pathChanged, true);
    assert.deepEqual([ben.firstDivergence.a?.branch, ben.firstDivergence.b?.branch], ['yes', 'timeout']);
    assert.equal(ben.firstDivergence.b?.at, Date.parse('2026-06-16T07:00:00Z'));
    assert.deepEqual([ben.onlyInA, ben.onlyInB], [[], ['coupon_reminder_de']]);
    const lukas = contact(c, 'c_lukas');
    assert.equal(lukas.pathChanged, false);
    assert.deepEqual(
      lukas.timing.filter((t) => t.what === 'waited' && t.subject === 'p_wait_purchase').map((t) => t.delta),
      [-DAY, -DAY],
    );
    assert.deepEqual(
      lukas.timing.filter((t) => t.what === 'sent').map((t) => [t.subject, t.delta]),
      [['coupon_reminder_de', -DAY], ['coupon_reminder_de', -DAY]],
    );
    // Klaus's emails are suppressed (list unsubscribed, R17): only his wait is shorter.
    assert.deepEqual(contact(c, 'c_klaus').timing.map((t) => [t.what, t.subject, t.delta]), [['waited', 'p_wait_purchase', -DAY]]);
  });

  it('preference center, a wait point renamed (same place, new id, references updated): reported as renamed, and the outcomes are equal', () => {
    const { journey, timeline } = sample('preference-center');
    const b = changed(journey, (j) => {
      point(j, 'p_send_order_confirmation', 'sendEmail').next = 'p_wait_one_day';
      point(j, 'p_wait_tips', 'wait').id = 'p_wait_one_day';
    });
    const c = compareVersions(journey, b, timeline);
    const row = c.points.find((p) => p.a === 'p_wait_tips');
    assert.ok(row);
    assert.deepEqual([row.b, row.renamed, row.change], ['p_wait_one_day', true, 'same']);
    assert.equal(pointRow(c, 'p_send_order_confirmation').change, 'same', 'its next names the renamed point: no change once the rename is applied');
    assert.equal(c.equal, true);
  });
});
