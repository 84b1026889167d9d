// Specification of how `journey compare` says what changed for one contact
// (src/core/compare/contactPaths.ts), from traces written by hand: the same
// path means the same steps at the same instants; otherwise the first step
// that differs (by what happened, else by when), the contents sent in one
// version only (copy by copy), and how much longer each stay lasted and how
// much later each content was sent.
import assert from 'node:assert/strict';
import { contactChange, samePath, stepOf } from '../../../src/core/compare/contactPaths';
import type { TraceEntry } from '../../../src/core/simulator/index';

const T = Date.parse('2026-03-02T09:00:00Z');
const H = 3_600_000;
const e = (at: number, kind: TraceEntry['kind'], point: string, extra: Partial<TraceEntry> = {}): TraceEntry => ({ at, contact: 'c', point, kind, entry: 1, ...extra });
const same = (id: string) => id;

/** Enter, send a mail, wait `waitH` hours at p_w, send `last`, complete. */
function path(waitH: number, last = 'bye', extra: TraceEntry[] = []): TraceEntry[] {
  return [
    e(T, 'enter', 'sp', { outcome: 'api' }),
    e(T, 'send', 'p_mail', { outcome: 'hello' }),
    e(T, 'arrive', 'p_w', { outcome: String(T + waitH * H) }),
    e(T + waitH * H, 'leave', 'p_w', { branch: 'next' }),
    e(T + waitH * H, 'send', 'p_last', { outcome: last }),
    ...extra,
    e(T + waitH * H, 'complete', 'p_end'),
  ];
}

describe('compare: one contact\'s change', () => {
  it('a step is the trace entry with the point as B names it, keeping only what the entry has', () => {
    assert.deepEqual(stepOf(e(T, 'leave', 'p_old', { branch: 'yes' }), () => 'p_new'), { at: T, point: 'p_new', kind: 'leave', entry: 1, branch: 'yes' });
    assert.deepEqual(stepOf(e(T, 'send', 'p', { outcome: 'suppressed', reason: 'noConsent' }), same), { at: T, point: 'p', kind: 'send', entry: 1, outcome: 'suppressed', reason: 'noConsent' });
    assert.deepEqual(Object.keys(stepOf(e(T, 'complete', 'p'), same)), ['at', 'point', 'kind', 'entry']);
  });

  it('the same path: same steps at the same instants, points matched through the renames', () => {
    assert.equal(samePath(path(2), path(2), same), true);
    const renamed = path(2).map((x) => (x.point === 'p_w' ? { ...x, point: 'p_wait' } : x));
    assert.equal(samePath(path(2), renamed, (id) => (id === 'p_w' ? 'p_wait' : id)), true);
    assert.equal(samePath(path(2), renamed, same), false);
    assert.equal(samePath(path(2), path(3), same), false, 'other instants');
    assert.equal(samePath(path(2), path(2).slice(0, -1), same), false, 'one step fewer');
  });

  it('every part of a step counts: kind, stay, branch, reason, outcome (but an arrival\'s deadline)', () => {
    const base = e(T, 'leave', 'p', { branch: 'yes', outcome: 'x', reason: 'r' });
    for (const other of [{ kind: 'exit' as const }, { entry: 2 }, { branch: 'no' }, { reason: 's' }, { outcome: 'y' }, { point: 'q' }]) {
      assert.equal(samePath([base], [{ ...base, ...other }], same), false, JSON.stringify(other));
    }
    assert.equal(samePath([e(T, 'arrive', 'p', { outcome: '1' })], [e(T, 'arrive', 'p', { outcome: '2' })], same), true, 'an arrival\'s outcome is its deadline, an instant');
  });

  it('R9: the same steps at other times: the first step at another instant, how much longer the wait lasted, how much later the last content', () => {
    const change = contactChange('c', path(2), path(5), same, false);
    assert.deepEqual(change, {
      contact: 'c',
      pathChanged: false,
      firstDivergence: { index: 3, a: { at: T + 2 * H, point: 'p_w', kind: 'leave', entry: 1, branch: 'next' }, b: { at: T + 5 * H, point: 'p_w', kind: 'leave', entry: 1, branch: 'next' } },
      onlyInA: [],
      onlyInB: [],
      timing: [
        { what: 'waited', subject: 'p_w', occurrence: 1, a: 2 * H, b: 5 * H, delta: 3 * H },
        { what: 'sent', subject: 'bye', occurrence: 1, a: T + 2 * H, b: T + 5 * H, delta: 3 * H },
      ],
    });
  });

  it('R17: another path: the first step that differs, and the contents sent in one version only, copy by copy', () => {
    const a = path(2, 'bye', [e(T + 2 * H, 'send', 'p_again', { outcome: 'hello' }), e(T + 2 * H, 'send', 'p_promo', { outcome: 'promo' })]);
    const b = path(2, 'other');
    const change = contactChange('c', a, b, same, true);
    assert.equal(change.pathChanged, true);
    assert.equal(change.firstDivergence.index, 4);
    assert.deepEqual(change.onlyInA, ['bye', 'hello', 'promo']);
    assert.deepEqual(change.onlyInB, ['other']);
    assert.deepEqual(change.timing, []);
    assert.deepEqual(change.paths, { a: a.map((x) => stepOf(x, same)), b: b.map((x) => stepOf(x, same)) });
  });

  it('a path that ends earlier: the first step past its end has nothing on that side', () => {
    const short = path(2).slice(0, 3);
    const change = contactChange('c', path(2), short, same, false);
    assert.equal(change.pathChanged, true);
    assert.deepEqual(change.firstDivergence, { index: 3, a: { at: T + 2 * H, point: 'p_w', kind: 'leave', entry: 1, branch: 'next' } });
    assert.equal('paths' in change, false);
    const longer = contactChange('c', short, path(2), same, false);
    assert.deepEqual(longer.firstDivergence, { index: 3, b: { at: T + 2 * H, point: 'p_w', kind: 'leave', entry: 1, branch: 'next' } });
    assert.deepEqual(longer.onlyInB, ['bye']);
  });

  it('R9 R16: a stay ended by an exit is a wait too; stays and copies are counted by occurrence', () => {
    const twice = (h1: number, h2: number): TraceEntry[] => [
      e(T, 'arrive', 'p_w'),
      e(T + h1 * H, 'leave', 'p_w', { branch: 'next' }),
      e(T + h1 * H, 'send', 'p_s', { outcome: 'tip' }),
      e(T + h1 * H, 'arrive', 'p_w'),
      e(T + (h1 + h2) * H, 'exit', 'p_w', { reason: 'exitCriteria' }),
      e(T + (h1 + h2) * H, 'send', 'p_s2', { outcome: 'tip' }),
    ];
    const change = contactChange('c', twice(1, 1), twice(1, 4), same, false);
    assert.equal(change.pathChanged, false);
    assert.deepEqual(change.timing, [
      { what: 'waited', subject: 'p_w', occurrence: 2, a: H, b: 4 * H, delta: 3 * H },
      { what: 'sent', subject: 'tip', occurrence: 2, a: T + 2 * H, b: T + 5 * H, delta: 3 * H },
    ]);
    const leaveWithoutArrival = [e(T, 'leave', 'p_w', { branch: 'next' }), e(T, 'send', 'p_s', { outcome: 'tip' })];
    assert.deepEqual(contactChange('c', leaveWithoutArrival, [e(T, 'leave', 'p_w', { branch: 'next' }), e(T + H, 'send', 'p_s', { outcome: 'tip' })], same, false).timing, [
      { what: 'sent', subject: 'tip', occurrence: 1, a: T, b: T + H, delta: H },
    ], 'a leave without its arrival is no wait');
  });

  it('R9: stays are counted per wait point', () => {
    const waits = (h: number): TraceEntry[] => [e(T, 'arrive', 'p_a'), e(T + H, 'leave', 'p_a'), e(T + H, 'arrive', 'p_b'), e(T + (1 + h) * H, 'leave', 'p_b')];
    assert.deepEqual(contactChange('c', waits(1), waits(2), same, false).timing, [{ what: 'waited', subject: 'p_b', occurrence: 1, a: H, b: 2 * H, delta: H }]);
  });

  it('stays of two entries are told apart; a send without a content is no copy', () => {
    const a = [e(T, 'arrive', 'p_w', { entry: 1 }), e(T, 'arrive', 'p_w', { entry: 2 }), e(T + H, 'leave', 'p_w', { entry: 1 }), e(T + 2 * H, 'leave', 'p_w', { entry: 2 }), e(T + 2 * H, 'send', 'p_s')];
    const b = [e(T, 'arrive', 'p_w', { entry: 1 }), e(T, 'arrive', 'p_w', { entry: 2 }), e(T + H, 'leave', 'p_w', { entry: 1 }), e(T + 3 * H, 'leave', 'p_w', { entry: 2 }), e(T + 3 * H, 'send', 'p_s')];
    const change = contactChange('c', a, b, same, false);
    assert.deepEqual(change.timing, [{ what: 'waited', subject: 'p_w', occurrence: 2, a: 2 * H, b: 3 * H, delta: H }]);
    assert.deepEqual([change.onlyInA, change.onlyInB], [[], []]);
  });
});
