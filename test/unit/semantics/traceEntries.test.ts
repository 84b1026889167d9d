// Specification of what the trace records (R8) and of the instant a replay
// without a horizon ends at (R23), for the kernel's trace sinks
// (src/core/semantics/traceSinks.ts) and the journey facts it reads
// (kernelJourney.ts): each entry has exactly the fields its kind has, a
// segment entry names its schedule, an exit point its reason, and a replay
// with or without a trace, in either order, ends at its last activity.
import assert from 'node:assert/strict';
import { createSimulation, simulate } from '../../../src/core/simulator/index';
import { journey, T, tagTrigger, timeline } from '../simulator/helpers';

const at9 = '2026-03-02T09:00:00Z';

describe('R8: each trace entry has who, which point, when, which stay, and only the outcome, reason or branch of its kind', () => {
  it('enter (trigger), arrive (until when), leave and branch (which way), exit (the exit point’s reason) and complete (nothing more)', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'if' },
        { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'x', no: 'e' } },
        { id: 'x', type: 'exit', reason: 'VIPs are handled elsewhere' },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline([{ id: 'vip', tags: ['vip'] }, { id: 'plain' }], [{ at: at9, contact: 'vip', type: 'tagAdded', tag: 'go' }, { at: at9, contact: 'plain', type: 'tagAdded', tag: 'go' }]);
    const day = T('2026-03-03T09:00:00Z');
    const vip = { contact: 'vip', entry: 1 };
    const plain = { contact: 'plain', entry: 1 };
    assert.deepEqual(simulate(j, tl).trace, [
      { at: T(at9), ...vip, point: 'sp', kind: 'enter', outcome: 'tagAdded' },
      { at: T(at9), ...vip, point: 'w', kind: 'arrive', outcome: 'until 2026-03-03T09:00:00Z' },
      { at: T(at9), ...plain, point: 'sp', kind: 'enter', outcome: 'tagAdded' },
      { at: T(at9), ...plain, point: 'w', kind: 'arrive', outcome: 'until 2026-03-03T09:00:00Z' },
      { at: day, ...vip, point: 'w', kind: 'leave', branch: 'next' },
      { at: day, ...vip, point: 'if', kind: 'branch', branch: 'yes' },
      { at: day, ...vip, point: 'x', kind: 'exit', outcome: 'VIPs are handled elsewhere', reason: 'exitPoint' },
      { at: day, ...plain, point: 'w', kind: 'leave', branch: 'next' },
      { at: day, ...plain, point: 'if', kind: 'branch', branch: 'no' },
      { at: day, ...plain, point: 'e', kind: 'complete' },
    ]);
  });

  it('R19: an entry by a segment schedule is recorded as made by that schedule', () => {
    const j = journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-03-02T09:00', timeZone: 'UTC' },
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });
    const r = simulate(j, timeline([{ id: 'c1', segments: ['top'] }], [], { horizon: '2026-03-03T00:00:00Z' }));
    assert.deepEqual(r.trace.filter((e) => e.kind === 'enter').map((e) => e.outcome), ['segment:oneTimeStatic']);
  });
});

describe('R7: a segmentEntered trigger of a trigger-based journey', () => {
  it('enters a contact when a segmentJoined event for its segment arrives', () => {
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });
    const r = simulate(j, timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: at9, contact: 'c1', type: 'segmentJoined', segment: 'top' },
      { at: at9, contact: 'c2', type: 'segmentJoined', segment: 'other' },
    ]));
    assert.deepEqual(r.trace.filter((e) => e.kind === 'enter').map((e) => `${e.contact} ${e.outcome}`), ['c1 segmentEntered']);
  });
});

describe('R23: a replay without a horizon ends at the instant of its last activity, with or without a trace', () => {
  it('contact by contact, a contact replayed later whose last activity is earlier (every kind of entry) does not move the end back', () => {
    // `late` (first in contact order) completes two days after its event; `busy` and `done`, replayed after it,
    // pass every kind of entry at 10:00 on the first day, long before `late`'s end.
    const j = journey({
      content: [
        { id: 'promo', channel: 'email', status: 'ready' },
        { id: 'text', channel: 'sms', status: 'ready', transactional: true },
      ],
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [tagTrigger('sp_late', 'late', 'w_long'), tagTrigger('sp_busy', 'busy', 'mail'), tagTrigger('sp_done', 'done', 'e')],
      points: [
        { id: 'w_long', type: 'wait', duration: 'P2D', next: 'e' },
        { id: 'mail', type: 'sendEmail', content: 'promo', next: 'sms' },
        { id: 'sms', type: 'sendSms', content: 'text', next: 'tag' },
        { id: 'tag', type: 'addTag', tag: 'seen', next: 'if' },
        { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'seen' }, branches: { yes: 'w0', no: 'w0' } },
        { id: 'w0', type: 'wait', duration: 'PT0S', next: 'x' },
        { id: 'x', type: 'exit', reason: 'busy' },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline(
      [{ id: 'late' }, { id: 'busy' }, { id: 'done' }],
      [
        { at: '2026-03-02T09:00:00Z', contact: 'late', type: 'tagAdded', tag: 'late' },
        { at: '2026-03-02T10:00:00Z', contact: 'busy', type: 'tagAdded', tag: 'busy' },
        { at: '2026-03-02T10:00:00Z', contact: 'done', type: 'tagAdded', tag: 'done' },
      ],
    );
    const end = T('2026-03-04T09:00:00Z');
    const traced = simulate(j, tl);
    assert.deepEqual([...new Set(traced.trace.filter((e) => e.contact !== 'late').map((e) => e.kind))].sort(), ['branch', 'complete', 'arrive', 'enter', 'exit', 'leave', 'pass', 'send', 'suppressed'].sort());
    assert.equal(traced.at, end);
    for (const options of [{ trace: false }, { trace: false, replayOrder: 'time' as const }]) {
      assert.equal(createSimulation(j, tl, options).run().snapshot().at, end, JSON.stringify(options));
    }
  });
  it('an event the journey can never notice still happened: the replay ends at it, traced or not, in either order; one before the start is history', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    const tl = timeline(
      [{ id: 'c1' }, { id: 'c2' }],
      [
        { at: '2026-03-01T09:00:00Z', contact: 'c2', type: 'purchase' },
        { at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' },
        { at: '2026-03-02T12:00:00Z', contact: 'c2', type: 'purchase' },
      ],
      { start: '2026-03-02T00:00:00Z' },
    );
    const end = T('2026-03-02T12:00:00Z');
    assert.equal(simulate(j, tl).at, end);
    for (const options of [{ trace: false }, { trace: false, replayOrder: 'time' as const }]) {
      assert.equal(createSimulation(j, tl, options).run().snapshot().at, end, JSON.stringify(options));
    }
  });
});
