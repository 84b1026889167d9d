// Specification of the journey as the kernel reads it
// (src/core/semantics/kernelJourney.ts, `fromIr`), checked on the compiled
// fields themselves rather than through a replay: every point has the one
// shape, with the facts of its own kind and the fields it does not use empty;
// successors are named by the ids of the points they lead to; the
// journey-wide rules (re-entry cool-down, segment interval, exit criteria by
// condition) are there only for the settings that have them.
import assert from 'node:assert/strict';
import { compileJourney } from '../../../src/core/compiler/compileJourney';
import { fromIr, type KernelJourney, type KernelPoint } from '../../../src/core/semantics/kernelJourney';
import type { Journey } from '../../../src/core/schema';
import { journey, tagTrigger } from '../simulator/helpers';

const kernelOf = (j: Journey): KernelJourney => fromIr(compileJourney(j), 7);

/** One point of every kind, in a chain that starts and ends at `e` (index 0, so that index 0 is a successor too). */
const everyKind = journey({
  content: [
    { id: 'promo', channel: 'email', status: 'ready', list: 'news' },
    { id: 'text', channel: 'sms', status: 'ready', transactional: true },
  ],
  startingPoints: [tagTrigger('sp', 'go', 'mail')],
  points: [
    { id: 'e', type: 'end' },
    { id: 'mail', type: 'sendEmail', content: 'promo', next: 'sms' },
    { id: 'sms', type: 'sendSms', content: 'text', phoneField: 'mobile', next: 'tag' },
    { id: 'tag', type: 'addTag', tag: 'seen', next: 'untag' },
    { id: 'untag', type: 'removeTag', tag: 'new', next: 'upd' },
    { id: 'upd', type: 'updateField', field: 'score', value: 3, next: 'sub' },
    { id: 'sub', type: 'subscribeList', list: 'news', next: 'unsub' },
    { id: 'unsub', type: 'unsubscribeList', list: 'old', next: 'hook' },
    { id: 'hook', type: 'webhook', url: 'https://example.com/hook', method: 'PUT', next: 'w' },
    { id: 'w', type: 'wait', duration: 'P1DT2H', next: 'wu' },
    { id: 'wu', type: 'waitUntil', at: '2026-03-02T09:00', next: 'wfe' },
    { id: 'wfe', type: 'waitForEvent', event: { type: 'customEvent', name: 'buy' }, timeout: 'PT3H', branches: { yes: 'if', timeout: 'e' } },
    { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'split', no: 'e' } },
    {
      id: 'split',
      type: 'split',
      branches: [
        { percent: 30, next: 'x', label: 'A' },
        { percent: 70, next: 'e', label: 'B' },
      ],
    },
    { id: 'x', type: 'exit', reason: 'done' },
  ],
});

const HOUR = 3_600_000;

describe('fromIr: each point in the kernel’s one shape, with the facts of its kind', () => {
  // Compiled in each test (not once when the suite is declared), so that each test reads fromIr as it is then.
  let kj: KernelJourney;
  let byId: Map<string, KernelPoint>;
  beforeEach(() => {
    kj = kernelOf(everyKind);
    byId = new Map(kj.points.map((p) => [p.id, p]));
  });
  const point = (id: string): KernelPoint => byId.get(id)!;

  it('the fields a kind does not use are empty: no tag, field, url, content, percentages, wait or caused event; not transactional; a webhook method of POST or PUT', () => {
    const uses: Record<string, readonly string[]> = {
      tag: ['tag', 'untag'],
      field: ['upd'],
      url: ['hook'],
      content: ['mail', 'sms'],
      transactional: ['sms'],
      percents: ['split'],
      waitMs: ['w', 'wfe'],
      caused: ['tag', 'untag', 'sub'],
    };
    const empty: Record<string, unknown> = { tag: '', field: '', url: '', content: '', transactional: false, percents: [], waitMs: 0, caused: undefined };
    for (const p of kj.points) {
      for (const [field, users] of Object.entries(uses)) {
        if (users.includes(p.id)) continue;
        assert.deepEqual(p[field as keyof KernelPoint], empty[field], `${p.id}.${field}`);
      }
      assert.ok(p.method === 'POST' || p.method === 'PUT', `${p.id}.method ${JSON.stringify(p.method)}`);
      assert.deepEqual(Object.keys(p), Object.keys(kj.points[0]!), `${p.id} has the one shape`);
    }
  });

  it('each kind has its own facts: content and transactional, tag and the event it causes, field and value, list, url and method, wait in nominal days and exact time, percentages', () => {
    assert.deepEqual([point('mail').content, point('mail').transactional, point('mail').list], ['promo', false, 'news']);
    assert.deepEqual([point('sms').content, point('sms').transactional, point('sms').phoneField], ['text', true, 'mobile']);
    assert.deepEqual([point('tag').tag, point('tag').caused], ['seen', { type: 'tagAdded', tag: 'seen' }]);
    assert.deepEqual([point('untag').tag, point('untag').caused], ['new', { type: 'tagRemoved', tag: 'new' }]);
    assert.deepEqual([point('sub').list, point('sub').caused], ['news', { type: 'audienceJoined', list: 'news' }]);
    assert.deepEqual([point('unsub').list, point('unsub').caused], ['old', undefined]);
    assert.deepEqual([point('upd').field, point('upd').value], ['score', 3]);
    assert.deepEqual([point('hook').url, point('hook').method], ['https://example.com/hook', 'PUT']);
    assert.deepEqual([point('w').wait, point('w').waitMs], [{ days: 1, exactMs: 2 * HOUR }, 26 * HOUR]);
    assert.deepEqual([point('wfe').wait, point('wfe').waitMs, point('wfe').awaitedType], [{ days: 0, exactMs: 3 * HOUR }, 3 * HOUR, 'customEvent']);
    assert.deepEqual(point('split').percents, [30, 70]);
    assert.equal(point('x').reason, 'done');
  });

  it('successors are named by the ids of the points they lead to, the first point (index 0) included', () => {
    assert.deepEqual(point('wfe').succIds, ['if', 'e']);
    assert.deepEqual(point('wfe').succ, [point('if').index, 0]);
    assert.deepEqual(point('split').succIds, ['x', 'e']);
    assert.deepEqual(point('split').labels, ['A', 'B']);
    assert.deepEqual([kj.starts[0]!.nextId, kj.starts[0]!.next], ['mail', point('mail').index]);
  });

  it('a successor index past the points (an IR not checked by its schema) is named by its number, without an error', () => {
    const ir = compileJourney(journey({ startingPoints: [tagTrigger('sp', 'go', 'w')], points: [{ id: 'w', type: 'wait', duration: 'PT1H', next: 'e' }, { id: 'e', type: 'end' }] }));
    const w = ir.points.find((p) => p.id === 'w')!;
    const broken = { ...ir, points: ir.points.map((p) => (p === w ? { ...p, next: [{ ...p.next[0]!, to: 9 }] } : p)) };
    const kernelW = fromIr(broken, 7).points.find((p) => p.id === 'w')!;
    assert.deepEqual([kernelW.succ, kernelW.succIds], [[9], ['9']]);
  });

  it('R17: the content of each send point, email or SMS, is found by the point’s id (awaited email events name it)', () => {
    assert.equal(kj.contentOf('mail'), 'promo');
    assert.equal(kj.contentOf('sms'), 'text');
    assert.equal(kj.contentOf('tag'), undefined);
  });
});

describe('fromIr: the journey-wide rules are there only for the settings that have them', () => {
  const plain = (settings: Journey['settings'] = {}) => kernelOf(journey({ settings, startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] }));

  it('R6: a cool-down only for re-entry after a cool-down; other policies have none', () => {
    assert.deepEqual(plain({ reEntry: { mode: 'afterCooldown', cooldown: 'P2DT1H' } }).cooldown, { days: 2, exactMs: HOUR });
    for (const mode of ['never', 'afterCompletion'] as const) assert.deepEqual(plain({ reEntry: { mode } }).cooldown, { days: 0, exactMs: 0 }, mode);
  });

  it('R16: exit criteria by condition are noted only when there is one (an event criterion alone is not one)', () => {
    assert.equal(plain().hasConditionCriteria, false);
    assert.equal(plain({ exitCriteria: [{ id: 'bought', when: 'event', event: { type: 'customEvent', name: 'buy' } }] }).hasConditionCriteria, false);
    assert.equal(plain({ exitCriteria: [{ id: 'stop', when: 'condition', condition: { type: 'hasTag', tag: 'stop' } }] }).hasConditionCriteria, true);
  });

  it('R19: a one-time segment schedule has no interval; a recurring one has its interval in nominal days', () => {
    const segmentJourney = (schedule: object) =>
      kernelOf(
        journey({
          kind: 'segment',
          segmentEntry: { segment: 'top', schedule, start: '2026-03-02T09:00', timeZone: 'UTC' },
          startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'e' }],
          points: [{ id: 'e', type: 'end' }],
        } as Parameters<typeof journey>[0]),
      ).segment!;
    for (const type of ['oneTimeStatic', 'oneTimeRolling']) assert.deepEqual(segmentJourney({ type }).every, { days: 0, exactMs: 0 }, type);
    assert.deepEqual(segmentJourney({ type: 'recurring', every: 'P1W' }).every, { days: 7, exactMs: 0 });
  });
});
