// Specification of how `journey compare` replays a large timeline
// (src/core/compare/compareVersions.ts): in slices of whole contacts, each
// replayed through both versions, the counts, totals, changed contacts and
// warnings added up, giving exactly the comparison of one replay of the whole
// timeline (contacts do not interact), with warnings naming events by their
// index in the whole timeline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, formatComparison } from '../../../src/core/compare/index';
import { simulate } from '../../../src/core/simulator/index';
import type { Journey } from '../../../src/core/schema';
import { Timeline } from '../../../src/core/timeline';
import { validateJourneyText } from '../../../src/core/validate';

const SAMPLES = join(__dirname, '../../../samples');

function sample(name: string): { journey: Journey; timeline: Timeline } {
  const { journey } = validateJourneyText(readFileSync(join(SAMPLES, `${name}.journey.json`), 'utf8'));
  assert.ok(journey);
  return { journey, timeline: Timeline.parse(JSON.parse(readFileSync(join(SAMPLES, `${name}.timeline.json`), 'utf8'))) };
}

/** The dynamics sample with its click timeout shortened to 12 hours (as compareCli.test.ts). */
function dynamics() {
  const { journey, timeline } = sample('dynamics-product-announcement');
  const b = structuredClone(journey);
  const wait = b.points.find((p) => p.id === 'p_wait_product_click');
  assert.ok(wait?.type === 'waitForEvent');
  wait.timeout = 'PT12H';
  return { a: journey, b, timeline };
}

/** The VIP welcome sample (a trigger journey, replayed in slices when large) with its 3-day wait made 2 days. */
function vip() {
  const { journey, timeline } = sample('mailchimp-vip-welcome');
  const b = structuredClone(journey);
  const wait = b.points.find((p) => p.id === 'p_wait_3d');
  assert.ok(wait?.type === 'wait');
  wait.duration = 'P2D';
  return { a: journey, b, timeline };
}

const withoutSlices = <T extends { slices: number }>(c: T) => ({ ...c, slices: 0 });

describe('compare: replaying in slices of contacts', function () {
  this.timeout(120_000);

  it('R11: a shorter timeout: the counts as A → B and the contacts whose path or timing changed (in process, as `journey compare` prints it)', () => {
    const { a, b, timeline } = dynamics();
    const c = compareVersions(a, b, timeline);
    assert.equal(c.equal, false);
    assert.equal(c.slices, 1);
    const lines = formatComparison(c);
    assert.ok(lines.some((l) => /^p_send_launch_sms \(sendSms\)\s+4 → 3 \(-1\)\s+3 → 2 \(-1\)/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^ {2}c_nowak: path changed .*A leave p_wait_product_click → yes .*B leave p_wait_product_click → timeout at 2026-05-04T20:00:00Z$/.test(l)));
    assert.ok(lines.includes('    receives in A only: product_launch_sms'));
    assert.ok(lines.includes('    waits 12 h less at p_wait_product_click (1 d → 12 h)'));
    assert.deepEqual(c.changedContacts.map((x) => [x.contact, x.pathChanged]), [['c_nowak', true], ['c_wisniewski', false], ['c_lewandowski', false]]);
    assert.equal(c.pathChanged, 1);
  });

  it('slices of any size give the comparison of one replay of the whole timeline', () => {
    const { a, b, timeline } = vip();
    const whole = compareVersions(a, b, timeline);
    assert.equal(whole.equal, false, 'the change shows');
    for (const size of [1, 2, 3]) {
      const sliced = compareVersions(a, b, timeline, { sliceContacts: size });
      assert.equal(sliced.slices, Math.ceil(timeline.contacts.length / size), `${size}: one slice per ${size} contacts`);
      const order = (c: typeof whole) => ({ ...withoutSlices(c), changedContacts: [...c.changedContacts].sort((x, y) => x.contact.localeCompare(y.contact)) });
      assert.deepEqual(order(sliced), order(whole), `slices of ${size}`);
    }
  });

  it('a timeline without a start is replayed from its first event, also in slices', () => {
    const { a, b, timeline } = vip();
    const { start: _start, ...noStart } = timeline;
    const half = Math.floor(timeline.events.length / 2);
    const shuffled = { ...noStart, events: [...timeline.events.slice(half), ...timeline.events.slice(0, half)] } as Timeline;
    const whole = compareVersions(a, b, shuffled);
    const sliced = compareVersions(a, b, shuffled, { sliceContacts: 1 });
    assert.equal(sliced.slices, timeline.contacts.length, 'replayed in slices from the first event');
    assert.equal(sliced.start, whole.start);
    assert.equal(sliced.start, Math.min(...timeline.events.map((e) => Date.parse(e.at))));
    assert.deepEqual(sliced.statsA, whole.statsA);
    assert.deepEqual(sliced.points, whole.points);
  });

  it('a warning names the event by its index in the whole timeline, once per version', () => {
    const { a, b, timeline } = vip();
    const stranger = { ...timeline.events[0]!, contact: 'c_stranger' };
    const withStranger = { ...timeline, events: [...timeline.events, stranger] } as Timeline;
    const index = withStranger.events.length - 1;
    const expected = [`A: events[${index}] is for contact "c_stranger", who is not in contacts: replayed as a new contact with no data.`, `B: events[${index}] is for contact "c_stranger", who is not in contacts: replayed as a new contact with no data.`];
    assert.deepEqual(compareVersions(a, b, withStranger).warnings, expected);
    const sliced = compareVersions(a, b, withStranger, { sliceContacts: 2 });
    assert.equal(sliced.slices, 3);
    assert.deepEqual(sliced.warnings, expected);
  });

  it('the totals and per-point counts of each version are its own replay\'s, also when added up over slices', () => {
    const { a, b, timeline } = vip();
    for (const options of [{}, { sliceContacts: 2 }, { sliceContacts: 2, horizon: '2026-03-04T00:00:00Z' }]) {
      const c = compareVersions(a, b, timeline, options);
      for (const [journey, stats, side] of [[a, c.statsA, 'countsA'], [b, c.statsB, 'countsB']] as const) {
        const run = simulate(journey, timeline, { trace: true, ...('horizon' in options ? { horizon: options.horizon } : {}) });
        assert.deepEqual(stats, run.stats);
        for (const [id, counters] of Object.entries(run.points)) {
          const row = c.points.find((p) => (side === 'countsA' ? p.a : p.b) === id)![side]!;
          const exits = run.trace.filter((e) => e.kind === 'exit' && e.point === id);
          const exitedBy: Record<string, number> = {};
          for (const e of exits) exitedBy[e.reason ?? 'unknown'] = (exitedBy[e.reason ?? 'unknown'] ?? 0) + 1;
          assert.deepEqual(row, {
            entered: counters.entered,
            sent: counters.sent,
            suppressed: counters.suppressed,
            suppressedBy: Object.fromEntries(Object.entries(counters.suppressedBy).filter(([, n]) => n !== undefined)),
            exited: exits.length,
            exitedBy,
            completed: run.trace.filter((e) => e.kind === 'complete' && e.point === id).length,
            queued: counters.queued,
          }, `${side} ${id}`);
        }
        if ('horizon' in options) assert.ok(Object.values(run.points).some((p) => p.queued > 0), 'contacts still wait at the horizon');
        for (const [id, s] of Object.entries(run.startingPoints)) assert.equal(c.points.find((p) => (side === 'countsA' ? p.a : p.b) === id)![side]!.entered, s.entered);
      }
    }
  });

  it('R9: a wait one hour longer: the same paths and counts, yet the outcomes differ (each contact who waited, later)', () => {
    const { journey, timeline } = sample('mailchimp-vip-welcome');
    const b = structuredClone(journey);
    const wait = b.points.find((p) => p.id === 'p_wait_3d');
    assert.ok(wait?.type === 'wait');
    wait.duration = 'P3DT1H';
    const c = compareVersions(journey, b, timeline);
    assert.ok(c.points.every((p) => !p.countsDiffer));
    assert.ok(c.changedContacts.length > 0 && c.changedContacts.every((x) => !x.pathChanged));
    assert.equal(c.equal, false);
  });

  it('R13 R23: the seed and horizon given are both replays\' own; paths are kept only when asked', () => {
    const { a, b, timeline } = vip();
    const c = compareVersions(a, b, timeline, { seed: 99, horizon: '2026-03-04T00:00:00Z' });
    assert.equal(c.seed, 99);
    assert.equal(c.horizon, Date.parse('2026-03-04T00:00:00Z'));
    assert.deepEqual(c.statsA, simulate(a, timeline, { seed: 99, horizon: '2026-03-04T00:00:00Z' }).stats);
    assert.ok(compareVersions(a, b, timeline).changedContacts.every((x) => x.paths === undefined));
    assert.ok(compareVersions(a, b, timeline, { keepPaths: true }).changedContacts.every((x) => x.paths !== undefined && x.paths.a.length > 0));
  });

  it('R19 R20: a journey started by the clock is replayed whole, whatever the slice size', () => {
    const { journey, timeline } = sample('birthday-german');
    assert.equal(compareVersions(journey, structuredClone(journey), timeline, { sliceContacts: 1 }).slices, 1);
    const { a, b, timeline: segmentTimeline } = dynamics();
    assert.equal(compareVersions(a, b, segmentTimeline, { sliceContacts: 1 }).slices, 1, 'R19: a segment journey too');
  });
});
