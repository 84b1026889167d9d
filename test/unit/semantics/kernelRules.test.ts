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
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      lists: [{ id: 'news' }],
      startingPoints: [tagTrigger('sp_go', 'go', 'sub'), { id: 'sp_join', trigger: { type: 'audienceJoined', list: 'news' }, next: 'e2' }],
      points: [
        { id: 'sub', type: 'subscribeList', list: 'news', next: 'e' },
        { id: 'e', type: 'end' },
        { id: 'e2', type: 'end' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'new' }, { id: 'on', lists: { news: 'subscribed' } }], [go('new'), go('on')]));
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'enter' || e.kind === 'pass').map((e) => `${e.contact} ${e.point} ${e.outcome}`),
      ['new sp_go tagAdded', 'new sub subscribed to "news"', 'new sp_join audienceJoined', 'on sp_go tagAdded', 'on sub already subscribed to "news"'],
    );
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
