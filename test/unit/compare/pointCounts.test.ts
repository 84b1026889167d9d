// Specification of the counts `journey compare` puts side by side
// (src/core/compare/compareVersions.ts): two points' counts are the same
// only when every count and every reason's count is; sends suppressed (R17)
// add up; a point only in one version has no counts in the other; and which
// timelines are replayed in slices (contacts do not interact) and which are
// replayed whole (a timeline with no contact, or a version that starts
// contacts by the clock: R19 segment runs, R20 date triggers).
import assert from 'node:assert/strict';
import { compareVersions, formatComparison, type PointCounts, sameCounts } from '../../../src/core/compare/index';
import { journey, tagTrigger, timeline } from '../simulator/helpers';

const counts = (over: Partial<PointCounts> = {}): PointCounts => ({ entered: 3, sent: 2, suppressed: 1, suppressedBy: { notSubscribed: 1 }, exited: 1, exitedBy: { exitPoint: 1 }, completed: 2, queued: 0, ...over });

describe('compare: the counts of a point in both versions', () => {
  it('are the same only when every count and every reason is the same (a reason counted 0 is one not counted; no counts are all zero)', () => {
    assert.equal(sameCounts(counts(), counts()), true);
    assert.equal(sameCounts(counts({ suppressedBy: { notSubscribed: 1, listUnsubscribed: 0 } }), counts()), true);
    assert.equal(sameCounts(undefined, counts({ entered: 0, sent: 0, suppressed: 0, suppressedBy: {}, exited: 0, exitedBy: {}, completed: 0 })), true);
    const oneDiffers: Partial<PointCounts>[] = [
      { entered: 4 },
      { sent: 3 },
      { suppressed: 2 },
      { exited: 2 },
      { completed: 3 },
      { queued: 1 },
      { suppressedBy: { listUnsubscribed: 1 } },
      { suppressedBy: { notSubscribed: 1, listUnsubscribed: 1 } },
      { exitedBy: { exitCriteria: 1 } },
    ];
    for (const over of oneDiffers) {
      assert.equal(sameCounts(counts(), counts(over)), false, JSON.stringify(over));
      assert.equal(sameCounts(counts(over), counts()), false, JSON.stringify(over));
    }
    assert.equal(sameCounts(undefined, counts()), false);
  });

  it('R17: sends suppressed at a point add up, with their reasons', () => {
    const j = journey({
      lists: [{ id: 'news' }],
      content: [{ id: 'promo', channel: 'email', status: 'ready', list: 'news' }],
      startingPoints: [tagTrigger('sp', 'go', 'm')],
      points: [
        { id: 'm', type: 'sendEmail', content: 'promo', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const go = (contact: string) => ({ at: '2026-03-02T09:00:00Z', contact, type: 'tagAdded' as const, tag: 'go' });
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }, { id: 'c3', lists: { news: 'subscribed' } }], [go('c1'), go('c2'), go('c3')]);
    const m = compareVersions(j, j, tl).points.find((p) => p.a === 'm')!;
    assert.deepEqual([m.countsA?.sent, m.countsA?.suppressed, m.countsA?.suppressedBy], [1, 2, { notSubscribed: 2 }]);
    assert.equal(m.countsDiffer, false);
  });

  it('a point removed in B has counts in A and none in B; one added in B, counts in B and none in A', () => {
    const a = journey({
      startingPoints: [tagTrigger('sp', 'go', 't')],
      points: [
        { id: 't', type: 'addTag', tag: 'seen', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const b = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    const t = compareVersions(a, b, tl).points.find((p) => p.a === 't')!;
    assert.equal(t.change, 'removed');
    assert.equal(t.countsA?.entered, 1);
    assert.equal('countsB' in t, false);
    // The other way round, the point is added in B: no counts in A, and the report's table lists it with none there.
    const added = compareVersions(b, a, tl);
    const u = added.points.find((p) => p.b === 't')!;
    assert.deepEqual([u.change, 'countsA' in u, u.countsB?.entered], ['added', false, 1]);
    assert.ok(formatComparison(added).some((line) => line.includes('t (addTag, added)')), formatComparison(added).join('\n'));
  });

  it('R17: a send added in B whose sends are suppressed is listed with its reasons in B and nothing in A', () => {
    const content = [{ id: 'promo', channel: 'email' as const, status: 'ready' as const, list: 'news' }];
    const a = journey({ lists: [{ id: 'news' }], content, startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    const b = journey({
      lists: [{ id: 'news' }],
      content,
      startingPoints: [tagTrigger('sp', 'go', 'm')],
      points: [
        { id: 'm', type: 'sendEmail', content: 'promo', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' }]);
    const c = compareVersions(a, b, tl);
    const m = c.points.find((p) => p.b === 'm')!;
    assert.deepEqual([m.change, 'countsA' in m, m.countsB?.suppressedBy], ['added', false, { notSubscribed: 1 }]);
    const row = formatComparison(c).find((line) => line.includes('m (sendEmail, added)'));
    assert.ok(row?.includes('notSubscribed'), formatComparison(c).join('\n'));
  });
});

describe('compare: which timelines are replayed in slices', () => {
  const byTag = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
  const byDate = journey({ startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'e' }], points: [{ id: 'e', type: 'end' }] });
  const byDateOrTag = journey({ startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'e' }, tagTrigger('sp_tag', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
  const three = timeline([{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }], [], { start: '2026-03-02T00:00:00Z', horizon: '2026-03-03T00:00:00Z' });

  it('a timeline of more contacts than a slice, through versions entered by events only, is replayed in slices', () => {
    assert.equal(compareVersions(byTag, byTag, three, { sliceContacts: 1 }).slices, 3);
  });

  it('R19, R20: a version that starts contacts by the clock, on either side or beside other triggers, has the whole timeline replayed at once', () => {
    assert.equal(compareVersions(byDate, byDate, three, { sliceContacts: 1 }).slices, 1);
    assert.equal(compareVersions(byDate, byTag, three, { sliceContacts: 1 }).slices, 1);
    assert.equal(compareVersions(byTag, byDate, three, { sliceContacts: 1 }).slices, 1);
    assert.equal(compareVersions(byDateOrTag, byDateOrTag, three, { sliceContacts: 1 }).slices, 1);
  });

  it('a warning of a sliced replay names the event by its index in the whole timeline, also past index 9 of its slice', () => {
    const ev = (contact: string) => ({ at: '2026-03-02T09:00:00Z', contact, type: 'tagAdded' as const, tag: 'go' });
    // c1's slice has events[0]; c2's slice has events[1..10] and, last, events[11] for a contact not in contacts (its 11th event).
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [ev('c1'), ...Array.from({ length: 10 }, () => ev('c2')), ev('ghost')], { start: '2026-03-02T00:00:00Z' });
    const c = compareVersions(byTag, byTag, tl, { sliceContacts: 1 });
    assert.equal(c.slices, 2);
    assert.ok(c.warnings.some((w) => w.startsWith('A: events[11] is for contact "ghost"')), c.warnings.join('\n'));
  });

  it('a contact listed twice is replayed in the slice of its first listing, with both listings, as one replay of the whole timeline does (the first is used, and that is said)', () => {
    const ev = (contact: string) => ({ at: '2026-03-02T09:00:00Z', contact, type: 'tagAdded' as const, tag: 'go' });
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }, { id: 'c1', tags: ['x'] }], [ev('c1'), ev('c2')], { start: '2026-03-02T00:00:00Z' });
    const whole = compareVersions(byTag, byTag, tl, { sliceContacts: 10 });
    const sliced = compareVersions(byTag, byTag, tl, { sliceContacts: 1 });
    assert.deepEqual([whole.slices, sliced.slices], [1, 3]);
    assert.deepEqual(sliced.warnings, whole.warnings);
    assert.ok(whole.warnings.some((w) => w.includes('appear more than once in contacts: the first of each is used')), whole.warnings.join('\n'));
  });

  it('a timeline with no contact is replayed once, as a whole', () => {
    const none = timeline([], [], { start: '2026-03-02T00:00:00Z', horizon: '2026-03-03T00:00:00Z' });
    const c = compareVersions(byTag, byTag, none, { sliceContacts: 1 });
    assert.deepEqual([c.slices, c.contacts, c.equal], [1, 0, true]);
  });
});
