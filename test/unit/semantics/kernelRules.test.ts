// Specification of kernel decisions (src/core/semantics/kernel.ts) that the
// mutation slice of the kernel found untested: the journey's own changes as
// events (R7, R8), a frequency cap that only marketing sends fill (R18), a
// zero timeout (R11), a dangling starting point (R4), date conditions read
// at the instant of arrival (R12), the rolling segment schedule (R19) and
// the entry recorded by a date field (R20). Every expectation follows from
// the rule it names.
import assert from 'node:assert/strict';
import { formatInstant, SimulationError, simulate } from '../../../src/core/simulator/index';
import { journey, lines, tagTrigger, timeline } from '../simulator/helpers';

const at9 = '2026-03-02T09:00:00Z';
const go = (contact: string, at = at9) => ({ at, contact, type: 'tagAdded' as const, tag: 'go' });


/** Tag "go" -> subscribe to the list "news" -> end; joining "news" enters at sp_join (R7). */
function subscribeJourney() {
  return journey({
    settings: { reEntry: { mode: 'afterCompletion' } },
    lists: [{ id: 'news' }],
    startingPoints: [tagTrigger('sp_go', 'go', 'sub'), { id: 'sp_join', trigger: { type: 'audienceJoined', list: 'news' }, next: 'e2' }],
    points: [
      { id: 'sub', type: 'subscribeList', list: 'news', next: 'e' },
      { id: 'e', type: 'end' },
      { id: 'e2', type: 'end' },
    ],
  });
}
describe("R7, R8: the journey's own changes are events for the contact that made them", () => {
  /** go → add tag "vip" → end; a second starting point enters on tag "vip" (after completion). */
  const vipJourney = journey({
    settings: { reEntry: { mode: 'afterCompletion' } },
    startingPoints: [tagTrigger('sp_go', 'go', 'add'), tagTrigger('sp_vip', 'vip', 'e2')],
    points: [
      { id: 'add', type: 'addTag', tag: 'vip', next: 'e' },
      { id: 'e', type: 'end' },
      { id: 'e2', type: 'end' },
    ],
  });

  it('each contact whose tag the journey adds is entered by that tag, itself and no other, at every instant', () => {
    const tl = timeline([{ id: 'c1' }, { id: 'c2' }], [go('c1'), go('c2', '2026-03-02T10:00:00Z')]);
    assert.deepEqual(lines(simulate(vipJourney, tl).trace), [
      '2026-03-02T09:00:00Z c1 sp_go enter',
      '2026-03-02T09:00:00Z c1 add pass',
      '2026-03-02T09:00:00Z c1 e complete',
      '2026-03-02T09:00:00Z c1 sp_vip enter #2',
      '2026-03-02T09:00:00Z c1 e2 complete #2',
      '2026-03-02T10:00:00Z c2 sp_go enter',
      '2026-03-02T10:00:00Z c2 add pass',
      '2026-03-02T10:00:00Z c2 e complete',
      '2026-03-02T10:00:00Z c2 sp_vip enter #2',
      '2026-03-02T10:00:00Z c2 e2 complete #2',
    ]);
  });

  it('adding a tag the contact already has adds nothing: no tag event, so no entry by it', () => {
    const r = simulate(vipJourney, timeline([{ id: 'c1', tags: ['vip'] }], [go('c1')]));
    assert.deepEqual(lines(r.trace), ['2026-03-02T09:00:00Z c1 sp_go enter', '2026-03-02T09:00:00Z c1 add pass', '2026-03-02T09:00:00Z c1 e complete']);
    assert.equal(r.trace.find((e) => e.point === 'add')?.outcome, 'already tagged "vip"');
  });

  it('removing a tag the contact does not have removes nothing: no tag event', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [tagTrigger('sp_go', 'go', 'rm'), { id: 'sp_untag', trigger: { type: 'tagRemoved', tag: 'trial' }, next: 'e2' }],
      points: [
        { id: 'rm', type: 'removeTag', tag: 'trial', next: 'e' },
        { id: 'e', type: 'end' },
        { id: 'e2', type: 'end' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'had', tags: ['trial'] }, { id: 'never' }], [go('had'), go('never')]));
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'enter' || e.kind === 'pass').map((e) => `${e.contact} ${e.point} ${e.outcome}`),
      ['had sp_go tagAdded', 'had rm tag "trial" removed', 'had sp_untag tagRemoved', 'never sp_go tagAdded', 'never rm was not tagged "trial"'],
    );
  });

  it('subscribing a contact to a list it was not on is a list join (it enters by it); one already on it is not', () => {
    const j = subscribeJourney();
    const r = simulate(j, timeline([{ id: 'new' }, { id: 'on', lists: { news: 'subscribed' } }], [go('new'), go('on')]));
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'enter' || e.kind === 'pass').map((e) => `${e.contact} ${e.point} ${e.outcome}`),
      ['new sp_go tagAdded', 'new sub subscribed to "news"', 'new sp_join audienceJoined', 'on sp_go tagAdded', 'on sub already subscribed to "news"'],
    );
  });
});

describe('R7: subscribing a contact that had unsubscribed from the list', () => {
  it('subscribes it again but is no list join: the contact was on the list (unsubscribed), so no audienceJoined enters it', () => {
    const j = subscribeJourney();
    const r = simulate(j, timeline([{ id: 'back', lists: { news: 'unsubscribed' } }], [go('back')]));
    assert.deepEqual(lines(r.trace), ['2026-03-02T09:00:00Z back sp_go enter', '2026-03-02T09:00:00Z back sub pass', '2026-03-02T09:00:00Z back e complete']);
    assert.equal(r.trace.find((e) => e.point === 'sub')?.outcome, 'subscribed to "news"');
  });
});

describe("R17: a list the journey unsubscribed the contact from", () => {
  it('suppresses a later marketing email on that list as listUnsubscribed (not as never subscribed)', () => {
    const j = journey({
      lists: [{ id: 'news' }],
      content: [{ id: 'promo', channel: 'email', status: 'ready', list: 'news' }],
      startingPoints: [tagTrigger('sp', 'go', 'unsub')],
      points: [
        { id: 'unsub', type: 'unsubscribeList', list: 'news', next: 'm' },
        { id: 'm', type: 'sendEmail', content: 'promo', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'c1', lists: { news: 'subscribed' } }], [go('c1')]));
    assert.deepEqual(r.trace.filter((e) => e.kind === 'suppressed').map((e) => `${e.point} ${e.reason}`), ['m listUnsubscribed']);
  });
});

describe('R18: only marketing emails fill the frequency cap', () => {
  it('a transactional email sent just before does not suppress the next marketing email of a daily contact', () => {
    const j = journey({
      content: [
        { id: 'receipt', channel: 'email', status: 'ready', transactional: true },
        { id: 'promo', channel: 'email', status: 'ready' },
      ],
      startingPoints: [tagTrigger('sp', 'go', 'tx')],
      points: [
        { id: 'tx', type: 'sendEmail', content: 'receipt', next: 'm' },
        { id: 'm', type: 'sendEmail', content: 'promo', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'c1', frequency: 'daily' }], [go('c1')]));
    assert.deepEqual(r.trace.filter((e) => e.kind === 'send' || e.kind === 'suppressed').map((e) => `${e.point} ${e.kind}`), ['tx send', 'm send']);
  });
});

describe('R11: a wait for an event with a zero timeout', () => {
  it('times out at the arrival instant (the timeout branch), never the "yes" branch without an event', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'wfe')],
      points: [
        { id: 'wfe', type: 'waitForEvent', event: { type: 'customEvent', name: 'buy' }, timeout: 'PT0S', branches: { yes: 'y', timeout: 't' } },
        { id: 'y', type: 'end' },
        { id: 't', type: 'end' },
      ],
    });
    assert.deepEqual(lines(simulate(j, timeline([{ id: 'c1' }], [go('c1')])).trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 wfe arrive',
      '2026-03-02T09:00:00Z c1 wfe leave →timeout',
      '2026-03-02T09:00:00Z c1 t complete',
    ]);
  });
});

describe('R4: a starting point whose next names no point', () => {
  it('stops the replay with a dangling-reference error naming the starting point and the missing id, when a contact enters there', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'p_nowhere')], points: [{ id: 'e', type: 'end' }] });
    assert.throws(
      () => simulate(j, timeline([{ id: 'c1' }], [go('c1')])),
      (e: unknown) => e instanceof SimulationError && e.code === 'dangling-reference' && /sp/.test(e.message) && /p_nowhere/.test(e.message),
    );
  });
});

describe('R12: an if/else reads dates at the instant of arrival, in the journey time zone', () => {
  it('"before" without a value compares the field with the arrival instant, a date being its day in the journey zone', () => {
    const j = journey({
      settings: { timeZone: 'Europe/Vilnius' },
      startingPoints: [tagTrigger('sp', 'go', 'if')],
      points: [
        { id: 'if', type: 'ifElse', condition: { type: 'field', field: 'expires', op: 'before' }, branches: { yes: 'expired', no: 'valid' } },
        { id: 'expired', type: 'end' },
        { id: 'valid', type: 'end' },
      ],
    });
    // 2026-03-02T23:30Z is 01:30 on 3 March in Vilnius (UTC+2): 3 March began there at 22:00Z, before the arrival
    // (in UTC it would begin after it); 4 March has not begun.
    const late = '2026-03-02T23:30:00Z';
    const tl = timeline([{ id: 'today', fields: { expires: '2026-03-03' } }, { id: 'tomorrow', fields: { expires: '2026-03-04' } }], [go('today', late), go('tomorrow', late)]);
    assert.deepEqual(simulate(j, tl).trace.filter((e) => e.kind === 'branch').map((e) => `${e.contact} ${e.branch}`), ['today yes', 'tomorrow no']);
  });
});

describe('R7, R16: one trigger event enters a contact at most once, also when it leaves at entry', () => {
  it('a contact that meets an exit criterion on entering enters and leaves once; the same event does not try the next starting point', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCooldown', cooldown: 'PT0S' }, exitCriteria: [{ id: 'stop', when: 'condition', condition: { type: 'hasTag', tag: 'stop' } }] },
      startingPoints: [tagTrigger('sp1', 'go', 'e'), tagTrigger('sp2', 'go', 'e')],
      points: [{ id: 'e', type: 'end' }],
    });
    const r = simulate(j, timeline([{ id: 'c1', tags: ['stop'] }], [go('c1')]));
    assert.deepEqual(lines(r.trace), ['2026-03-02T09:00:00Z c1 sp1 enter', '2026-03-02T09:00:00Z c1 sp1 exit (exitCriteria)']);
  });
});

describe('R20: an entry by a date-field starting point', () => {
  it('is recorded as made by the date field', () => {
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00', timeZone: 'UTC' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });
    const tl = timeline([{ id: 'c1', fields: { birthday: '1990-03-03' } }], [], { start: '2026-03-02T00:00:00Z', horizon: '2026-03-04T00:00:00Z' });
    assert.deepEqual(simulate(j, tl).trace.filter((e) => e.kind === 'enter').map((e) => `${formatInstant(e.at)} ${e.contact} ${e.outcome}`), ['2026-03-03T09:00:00Z c1 dateField']);
  });
});

describe('R4, the zero-time guard: points are counted per contact and per instant', () => {
  it('a contact that goes round a cycle through a one-hour wait passes more points in all than the limit, one instant at a time, and is never stopped', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'hook')],
      points: [
        { id: 'hook', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'w', no: 'w' } },
        { id: 'w', type: 'wait', duration: 'PT1H', next: 'hook' },
      ],
    });
    // Two points (hook, w) at each hourly instant; 12 instants pass 24 points, over the limit of 5 but never 5 at one instant.
    const r = simulate(j, timeline([{ id: 'c1' }], [go('c1')], { horizon: '2026-03-02T20:00:00Z' }), { maxChainSteps: 5 });
    const arrivals = r.trace.filter((e) => e.kind === 'arrive').map((e) => formatInstant(e.at));
    assert.equal(arrivals.length, 12);
    assert.deepEqual(arrivals.slice(0, 2), ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z']);
    assert.equal(arrivals.at(-1), '2026-03-02T20:00:00Z');
  });

  it('a zero-time cycle reached after a lead-in is named from its first point round to that point again, without the lead-in', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'lead1')],
      points: [
        { id: 'lead1', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'lead2', no: 'lead2' } },
        { id: 'lead2', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'c1', no: 'c1' } },
        { id: 'c1', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'c2', no: 'c2' } },
        { id: 'c2', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'c1', no: 'c1' } },
      ],
    });
    // With a limit of one point, the guard follows the contact from lead2 on: lead2, c1, c2, c1 — c1 repeats.
    assert.throws(
      () => simulate(j, timeline([{ id: 'c1' }], [go('c1')]), { maxChainSteps: 1 }),
      (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle' && e.message.includes('zero-time cycle (c1 → c2 → c1)'),
    );
  });

  it('a zero-time cycle longer than 64 points is named by the 64 points passed after the limit', () => {
    const n = 70;
    const id = (k: number) => `p${k}`;
    const points = Array.from({ length: n }, (_, k) => ({
      id: id(k),
      type: 'ifElse' as const,
      condition: { type: 'hasTag' as const, tag: 'go' },
      branches: { yes: id((k + 1) % n), no: id((k + 1) % n) },
    }));
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', id(0))], points });
    const limit = 5;
    // Points p0..p4 are within the limit; from p5 on the guard follows the contact until a point repeats,
    // or for at most 64 points: p5..p68.
    const named = Array.from({ length: 64 }, (_, k) => id(limit + k)).join(' → ');
    assert.throws(
      () => simulate(j, timeline([{ id: 'c1' }], [go('c1')]), { maxChainSteps: limit }),
      (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle' && e.message.includes(`(${named})`),
    );
  });

  it('points passed past the limit at one instant without a cycle are forgotten at the next instant: a timed loop past the limit each hour is never stopped', () => {
    // hook, a, b, w at each hourly instant: four points over a limit of two, but no point twice at one instant.
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'hook')],
      points: [
        { id: 'hook', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'a', no: 'a' } },
        { id: 'a', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'b', no: 'b' } },
        { id: 'b', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'w', no: 'w' } },
        { id: 'w', type: 'wait', duration: 'PT1H', next: 'hook' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'c1' }], [go('c1')], { horizon: '2026-03-02T12:00:00Z' }), { maxChainSteps: 2 });
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'arrive').map((e) => formatInstant(e.at)),
      ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z'],
    );
  });

  it('a zero-time cycle reached at a later instant is named by the points of that instant only', () => {
    // At 09:00 the contact passes lead and w, over the limit of one, and waits; at 10:00 it enters the cycle p0 → p1 → … → p69 → p0.
    const n = 70;
    const id = (k: number) => `p${k}`;
    const cycle = Array.from({ length: n }, (_, k) => ({
      id: id(k),
      type: 'ifElse' as const,
      condition: { type: 'hasTag' as const, tag: 'go' },
      branches: { yes: id((k + 1) % n), no: id((k + 1) % n) },
    }));
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'lead')],
      points: [{ id: 'lead', type: 'ifElse', condition: { type: 'hasTag', tag: 'go' }, branches: { yes: 'w', no: 'w' } }, { id: 'w', type: 'wait', duration: 'PT1H', next: id(0) }, ...cycle],
    });
    // At 10:00, p0 is within the limit; the guard follows p1..p64 (64 points) and names them.
    const named = Array.from({ length: 64 }, (_, k) => id(1 + k)).join(' → ');
    assert.throws(
      () => simulate(j, timeline([{ id: 'c1' }], [go('c1')]), { maxChainSteps: 1 }),
      (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle' && e.message.includes(`(${named})`),
    );
  });
});

describe('R16: exit criteria are checked after an action that changed the contact data, not after one that changed nothing', () => {
  it('subscribing a contact already on the list and unsubscribing one already off it does not make it leave, though a condition now holds', () => {
    const j = journey({
      lists: [{ id: 'news' }, { id: 'old' }],
      settings: { exitCriteria: [{ id: 'expired', when: 'condition', condition: { type: 'field', field: 'expires', op: 'before' } }] },
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'wait', duration: 'P2D', next: 'sub' },
        { id: 'sub', type: 'subscribeList', list: 'news', next: 'unsub' },
        { id: 'unsub', type: 'unsubscribeList', list: 'old', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    // At entry (2 March) "expires before now" does not hold; after the two-day wait (4 March) it does,
    // but no event arrives and no data changes until a list action really changes a subscription.
    const fields = { expires: '2026-03-03' };
    const tl = timeline(
      [
        { id: 'unchanged', fields, lists: { news: 'subscribed', old: 'unsubscribed' } },
        { id: 'joins', fields, lists: { old: 'unsubscribed' } },
        { id: 'leaves', fields, lists: { news: 'subscribed', old: 'subscribed' } },
      ],
      [go('unchanged'), go('joins'), go('leaves')],
    );
    const ends = simulate(j, tl).trace.filter((e) => e.kind === 'complete' || e.kind === 'exit').map((e) => `${e.contact} ${e.point} ${e.kind}${e.reason ? ` ${e.reason}` : ''}`);
    assert.deepEqual(ends, ['unchanged e complete', 'joins sub exit exitCriteria', 'leaves unsub exit exitCriteria']);
  });
});

describe('R19: what counts as joining the segment of a schedule', () => {
  const segmentJourney = (schedule: object, reEntry?: { mode: 'afterCompletion' }) =>
    journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: schedule as never, start: '2026-05-04T10:00', timeZone: 'Europe/Warsaw' },
      segments: [{ id: 'top' }, { id: 'other' }],
      ...(reEntry ? { settings: { reEntry } } : {}),
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });

  it('a recurring run enters members who joined its segment since the last run: joining another segment, or joining again while a member, is no such join', () => {
    // Runs daily at 10:00 Warsaw = 08:00Z from 4 May; re-entry after completion.
    const j = segmentJourney({ type: 'recurring', every: 'P1D' }, { mode: 'afterCompletion' });
    const tl = timeline(
      [{ id: 'other', segments: ['top'] }, { id: 'again', segments: ['top'] }, { id: 'new' }],
      [
        { at: '2026-05-04T12:00:00Z', contact: 'other', type: 'segmentJoined', segment: 'other' },
        { at: '2026-05-04T12:00:00Z', contact: 'again', type: 'segmentJoined', segment: 'top' },
        { at: '2026-05-04T12:00:00Z', contact: 'new', type: 'segmentJoined', segment: 'top' },
      ],
      { start: '2026-05-04T00:00:00Z', horizon: '2026-05-07T00:00:00Z' },
    );
    assert.deepEqual(
      simulate(j, tl).trace.filter((e) => e.kind === 'enter').map((e) => `${formatInstant(e.at)} ${e.contact}`),
      ['2026-05-04T08:00:00Z other', '2026-05-04T08:00:00Z again', '2026-05-05T08:00:00Z new'],
    );
  });

  it('one-time rolling: after the start only joining its own segment enters a contact; joining another segment or leaving it does not', () => {
    const j = segmentJourney({ type: 'oneTimeRolling' });
    const tl = timeline(
      [{ id: 'elsewhere' }, { id: 'leaving' }, { id: 'joining' }],
      [
        { at: '2026-05-05T12:00:00Z', contact: 'elsewhere', type: 'segmentJoined', segment: 'other' },
        { at: '2026-05-05T12:00:00Z', contact: 'leaving', type: 'segmentLeft', segment: 'top' },
        { at: '2026-05-05T12:00:00Z', contact: 'joining', type: 'segmentJoined', segment: 'top' },
      ],
      { start: '2026-05-04T00:00:00Z', horizon: '2026-05-06T00:00:00Z' },
    );
    assert.deepEqual(simulate(j, tl).trace.filter((e) => e.kind === 'enter').map((e) => `${formatInstant(e.at)} ${e.contact}`), ['2026-05-05T12:00:00Z joining']);
  });

  it('one-time rolling: a member who joins before the schedule starts enters at the start, not when it joins', () => {
    const j = segmentJourney({ type: 'oneTimeRolling' });
    const tl = timeline([{ id: 'early' }], [{ at: '2026-05-03T12:00:00Z', contact: 'early', type: 'segmentJoined', segment: 'top' }], {
      start: '2026-05-03T00:00:00Z',
      horizon: '2026-05-06T00:00:00Z',
    });
    assert.deepEqual(lines(simulate(j, tl).trace), ['2026-05-04T08:00:00Z early sp enter', '2026-05-04T08:00:00Z early e complete']);
  });
});

describe('R9, R10: a wait that is due at the arrival instant goes on at once, within the same chain', () => {
  // The chain adds a tag, then waits; the tag's own event is handled after the chain (R7, R14). A wait that
  // goes on at once has brought the contact to its end before that event: the event criterion finds it gone.
  const withWait = (wait: object) =>
    journey({
      settings: { exitCriteria: [{ id: 'tagged', when: 'event', event: { type: 'tagAdded', tag: 'done' } }] },
      startingPoints: [tagTrigger('sp', 'go', 'tag')],
      points: [{ id: 'tag', type: 'addTag', tag: 'done', next: 'w' }, { id: 'w', next: 'e', ...wait } as never, { id: 'e', type: 'end' }],
    });

  for (const [rule, wait] of [
    ['R9 a zero duration', { type: 'wait', duration: 'PT0S' }],
    ['R10 a wait-until instant equal to the arrival', { type: 'waitUntil', at: '2026-03-02T09:00' }],
  ] as const) {
    it(`${rule}: the contact completes before the events its chain caused are handled`, () => {
      assert.deepEqual(lines(simulate(withWait(wait), timeline([{ id: 'c1' }], [go('c1')])).trace), [
        '2026-03-02T09:00:00Z c1 sp enter',
        '2026-03-02T09:00:00Z c1 tag pass',
        '2026-03-02T09:00:00Z c1 w arrive',
        '2026-03-02T09:00:00Z c1 w leave →next',
        '2026-03-02T09:00:00Z c1 e complete',
      ]);
    });
  }
});

describe('R16: exit criteria are checked when an action changes the contact, and only a criterion that holds makes it leave', () => {
  it('each action that changes data (tag added and removed, field set, list joined and left) while the exit condition does not hold goes on to the next point', () => {
    const j = journey({
      lists: [{ id: 'news' }],
      settings: { exitCriteria: [{ id: 'stop', when: 'condition', condition: { type: 'hasTag', tag: 'stop' } }] },
      startingPoints: [tagTrigger('sp', 'go', 'tag')],
      points: [
        { id: 'tag', type: 'addTag', tag: 'seen', next: 'untag' },
        { id: 'untag', type: 'removeTag', tag: 'seen', next: 'upd' },
        { id: 'upd', type: 'updateField', field: 'score', value: 3, next: 'sub' },
        { id: 'sub', type: 'subscribeList', list: 'news', next: 'unsub' },
        { id: 'unsub', type: 'unsubscribeList', list: 'news', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'c1' }], [go('c1')]));
    assert.deepEqual(lines(r.trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 tag pass',
      '2026-03-02T09:00:00Z c1 untag pass',
      '2026-03-02T09:00:00Z c1 upd pass',
      '2026-03-02T09:00:00Z c1 sub pass',
      '2026-03-02T09:00:00Z c1 unsub pass',
      '2026-03-02T09:00:00Z c1 e complete',
    ]);
  });
});
