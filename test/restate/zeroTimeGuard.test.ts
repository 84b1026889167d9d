// Specification of the runtime's zero-time guard (src/core/semantics.md,
// "The zero-time guard"; R8, R15): a pass that loops without waiting is
// discarded whole (no send, data change, trace entry or count of it
// remains) and the contact is removed, reason `removed`, from the point it
// waited at or from the starting point the pass entered it at. Run in
// process on the runtime's contact machine (no restate-server needed).
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey, type JourneyPoint, type StartingPoint } from '../../src/core/schema';
import { ContactMachine } from '../../src/restate/runtime/contactMachine';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T = Date.parse('2026-03-02T09:00:00Z');

/** A journey that re-enters after completion or right after leaving (cool-down zero), so nothing but the guard keeps a contact out. */
function machineOf(startingPoints: StartingPoint[], points: JourneyPoint[]): ContactMachine {
  const j = Journey.parse({
    formatVersion: 1,
    id: 'j',
    name: 'J',
    kind: 'trigger',
    settings: { reEntry: { mode: 'afterCooldown', cooldown: 'PT0S' } },
    content: [{ id: 'promo', channel: 'email', status: 'ready' }],
    startingPoints,
    points,
  });
  return new ContactMachine([loadRuntimeJourney(compileJourney(j, { version: 1 }), { dayMs: DAY, activeFrom: T - DAY, activeUntil: Infinity, splitSeed: 0 })]);
}

/** send, tag x, untag x, and round again: each pass through it sends and changes data, without ever waiting. */
const loop: JourneyPoint[] = [
  { id: 'p_send', type: 'sendEmail', content: 'promo', next: 'p_tag' },
  { id: 'p_tag', type: 'addTag', tag: 'x', next: 'p_untag' },
  { id: 'p_untag', type: 'removeTag', tag: 'x', next: 'p_send' },
];
const go = (at: number, tag = 'go') => ({ type: 'event' as const, at, event: { type: 'tagAdded' as const, tag } });
const steps = (trace: readonly { point: string; kind: string; reason?: string }[]) => trace.map((e) => `${e.point} ${e.kind}${e.reason ? ` (${e.reason})` : ''}`);

describe('the zero-time guard in the runtime: a looping pass is discarded and the contact removed', () => {
  it('a contact whose wait ends into a zero-time cycle is removed from the wait; the tag events the discarded pass caused are never handled', () => {
    // sp_x would enter the contact on one of the loop's own "tagAdded x" events if any survived the discard.
    const m = machineOf(
      [
        { id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'w' },
        { id: 'sp_x', trigger: { type: 'tagAdded', tag: 'x' }, next: 'e_x' },
      ],
      [{ id: 'w', type: 'wait', duration: 'PT1H', next: 'p_send' }, ...loop, { id: 'e_x', type: 'end' }],
    );
    const state = m.create('c1', T);
    assert.deepEqual(steps(m.handle(state, go(T)).trace), ['sp enter', 'w arrive']);
    // The next input comes two hours later: the wait's end (T + 1 h) is handled first, in the same step, then the event.
    const fx = m.handle(state, { type: 'event', at: T + 2 * HOUR, event: { type: 'customEvent', name: 'ping' } });
    assert.deepEqual(steps(fx.trace), ['w exit (removed)']);
    assert.equal(fx.trace[0]!.at, T + HOUR);
    assert.match(fx.trace[0]!.outcome ?? '', /zero-time cycle/);
    assert.equal(fx.cycle, fx.trace[0]!.outcome);
    assert.deepEqual(fx.sends, [], 'the sends of the discarded pass are gone');
    assert.equal(state.status, 'exited');
    assert.deepEqual(state.outcomes.at(-1), { entry: 1, version: 1, outcome: 'exited', reason: 'removed', point: 'w', at: T + HOUR });
    assert.ok(!(state.data.tags ?? []).includes('x'), 'the data changes of the discarded pass are gone');
    assert.equal(state.stuck, 1);
    assert.equal(state.timers.filter((t) => t.kind === 'wait').length, 0, 'no wait timer is left');
    const counts = fx.stats[0]!;
    assert.equal(counts.exited, 1);
    assert.equal(counts.exitedBy.removed, 1);
    assert.equal(counts.started, 0);
    assert.equal(counts.points.w?.left, 1);
    assert.equal(counts.points.p_send, undefined, 'no count of the discarded pass remains');
  });

  it('a contact that the looping pass entered enters and is removed at that starting point, counted once', () => {
    const m = machineOf([{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'p_send' }], loop);
    const state = m.create('c1', T);
    const fx = m.handle(state, go(T));
    assert.deepEqual(steps(fx.trace), ['sp enter', 'sp exit (removed)']);
    assert.equal(fx.trace[0]!.outcome, 'tagAdded', 'the entry keeps how the contact entered');
    assert.deepEqual(fx.sends, []);
    assert.deepEqual(state.outcomes.at(-1), { entry: 1, version: 1, outcome: 'exited', reason: 'removed', point: 'sp', at: T });
    const counts = fx.stats[0]!;
    assert.equal(counts.started, 1);
    assert.equal(counts.startingPoints.sp, 1);
    assert.equal(counts.exitedBy.removed, 1);
    assert.deepEqual(Object.keys(counts.points), [], 'no point counts of the discarded pass remain');
  });

  it('a pass that enters, completes, re-enters on its own tag event and then loops is removed at the starting point it entered first', () => {
    const m = machineOf(
      [
        { id: 'sp_go', trigger: { type: 'tagAdded', tag: 'go' }, next: 'p_again' },
        { id: 'sp_again', trigger: { type: 'tagAdded', tag: 'again' }, next: 'p_send' },
      ],
      [{ id: 'p_again', type: 'addTag', tag: 'again', next: 'e' }, { id: 'e', type: 'end' }, ...loop],
    );
    const state = m.create('c1', T);
    const fx = m.handle(state, go(T));
    assert.deepEqual(steps(fx.trace), ['sp_go enter', 'sp_go exit (removed)']);
    assert.equal(state.entry, 1, 'the discarded pass leaves one stay, the first');
    assert.ok(!(state.data.tags ?? []).includes('again'));
  });
});
