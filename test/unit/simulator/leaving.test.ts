// Specification of queues and stats (R15), exit criteria (R16), consent
// (R17) and frequency caps (R18), with literal, hand-derived traces.
import assert from 'node:assert/strict';
import { createSimulation, simulate } from '../../../src/core/simulator/index';
import { journey, lines, T, tagTrigger, timeline } from './helpers';

const at9 = '2026-03-02T09:00:00Z';
const go = (contact: string, at = at9) => ({ at, contact, type: 'tagAdded' as const, tag: 'go' });

describe('R15 queues and stats at every instant', () => {
  const j = journey({
    startingPoints: [tagTrigger('sp', 'go', 'w1')],
    points: [
      { id: 'w1', type: 'wait', duration: 'PT1H', next: 'if' },
      { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'quit' }, branches: { yes: 'x', no: 'w2' } },
      { id: 'x', type: 'exit', reason: 'quitter' },
      { id: 'w2', type: 'wait', duration: 'PT2H', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });
  const tl = timeline([{ id: 'c1', tags: ['quit'] }, { id: 'c2' }, { id: 'c3' }], [go('c1'), go('c2', '2026-03-02T09:30:00Z'), go('c3', '2026-03-02T10:30:00Z')]);

  it('shows who waits where, and counts started = in progress + completed + exited', () => {
    const sim = createSimulation(j, tl);
    let s = sim.advanceTo('2026-03-02T09:45:00Z').snapshot();
    assert.deepEqual(s.queues, { w1: ['c1', 'c2'], if: [], x: [], w2: [], e: [] });
    assert.deepEqual(s.stats, { started: 2, inProgress: 2, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } });

    s = sim.advanceTo('2026-03-02T10:30:00Z').snapshot();
    assert.deepEqual(s.queues, { w1: ['c3'], if: [], x: [], w2: ['c2'], e: [] });
    assert.deepEqual(s.stats, { started: 3, inProgress: 2, completed: 0, exited: 1, exitedBy: { exitPoint: 1, exitCriteria: 0, unsubscribed: 0, removed: 0 } });
    assert.deepEqual(s.points.w1, { entered: 3, left: 2, queued: 1, sent: 0, suppressed: 0, suppressedBy: {} });
    assert.deepEqual(s.points.x, { entered: 1, left: 1, queued: 0, sent: 0, suppressed: 0, suppressedBy: {} });
    assert.deepEqual(s.points.w2, { entered: 1, left: 0, queued: 1, sent: 0, suppressed: 0, suppressedBy: {} });
    assert.deepEqual(s.startingPoints, { sp: { entered: 3 } });

    s = sim.advanceTo('2026-03-02T12:30:00Z').snapshot();
    assert.deepEqual(s.queues.w2, ['c3']);
    assert.equal(s.stats.completed, 1);

    s = sim.run().snapshot();
    assert.deepEqual(s.stats, { started: 3, inProgress: 0, completed: 2, exited: 1, exitedBy: { exitPoint: 1, exitCriteria: 0, unsubscribed: 0, removed: 0 } });
    assert.equal(s.at, T('2026-03-02T13:30:00Z'));
    assert.deepEqual(
      lines(s.trace).filter((l) => / (exit|complete)/.test(l)),
      ['2026-03-02T10:00:00Z c1 x exit (exitPoint)', '2026-03-02T12:30:00Z c2 e complete', '2026-03-02T13:30:00Z c3 e complete'],
    );
  });

  it('keeps every contact in at most one place and the counts balanced at every minute', () => {
    const sim = createSimulation(j, tl);
    for (let t = T('2026-03-02T08:59:00Z'); t <= T('2026-03-02T14:00:00Z'); t += 60_000) {
      const s = sim.advanceTo(t).snapshot();
      const queued = Object.values(s.queues).flat();
      assert.equal(new Set(queued).size, queued.length);
      assert.equal(queued.length, s.stats.inProgress);
      assert.equal(s.stats.started, s.stats.inProgress + s.stats.completed + s.stats.exited);
      for (const c of Object.values(s.points)) assert.equal(c.entered, c.left + c.queued);
    }
  });
});

describe('R16 exit criteria', () => {
  const j = journey({
    settings: {
      exitCriteria: [
        { id: 'bought', when: 'condition', condition: { type: 'field', field: 'purchased', op: 'eq', value: true } },
        { id: 'cancelled', when: 'event', event: { type: 'customEvent', name: 'cancel' } },
      ],
    },
    startingPoints: [tagTrigger('sp', 'go', 'w1')],
    points: [
      { id: 'w1', type: 'wait', duration: 'P1D', next: 'upd' },
      { id: 'upd', type: 'updateField', field: 'purchased', value: true, next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });

  it('makes a contact leave from wherever it is when its data changes or a matching event arrives', () => {
    const tl = timeline(
      [{ id: 'c1' }, { id: 'c2' }, { id: 'c3', fields: { purchased: true } }, { id: 'c4' }, { id: 'c5' }, { id: 'c6' }],
      [
        go('c1'),
        go('c2'),
        go('c3'),
        go('c4'),
        go('c5'),
        { at: '2026-03-02T12:00:00Z', contact: 'c1', type: 'fieldChanged', field: 'purchased', value: true },
        { at: '2026-03-02T12:00:00Z', contact: 'c2', type: 'customEvent', name: 'cancel' },
        { at: '2026-03-02T12:00:00Z', contact: 'c5', type: 'customEvent', name: 'other' },
        { at: '2026-03-02T12:00:00Z', contact: 'c6', type: 'customEvent', name: 'cancel' }, // not in the journey
      ],
    );
    const r = simulate(j, tl);
    assert.deepEqual(lines(r.trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 w1 arrive',
      '2026-03-02T09:00:00Z c2 sp enter',
      '2026-03-02T09:00:00Z c2 w1 arrive',
      '2026-03-02T09:00:00Z c3 sp enter',
      '2026-03-02T09:00:00Z c3 sp exit (exitCriteria)', // meets the condition on entry
      '2026-03-02T09:00:00Z c4 sp enter',
      '2026-03-02T09:00:00Z c4 w1 arrive',
      '2026-03-02T09:00:00Z c5 sp enter',
      '2026-03-02T09:00:00Z c5 w1 arrive',
      '2026-03-02T12:00:00Z c1 w1 exit (exitCriteria)',
      '2026-03-02T12:00:00Z c2 w1 exit (exitCriteria)',
      '2026-03-03T09:00:00Z c4 w1 leave →next',
      '2026-03-03T09:00:00Z c4 upd pass',
      '2026-03-03T09:00:00Z c4 upd exit (exitCriteria)', // the journey's own change
      '2026-03-03T09:00:00Z c5 w1 leave →next',
      '2026-03-03T09:00:00Z c5 upd pass',
      '2026-03-03T09:00:00Z c5 upd exit (exitCriteria)',
    ]);
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'exit').map((e) => `${e.contact}:${e.outcome}`),
      ['c3:bought', 'c1:bought', 'c2:cancelled', 'c4:bought', 'c5:bought'],
    );
    assert.deepEqual(r.stats.exitedBy, { exitPoint: 0, exitCriteria: 5, unsubscribed: 0, removed: 0 });
  });

  it('R16: a condition criterion is checked on every event, also of a type the journey otherwise never notices (a purchase), so a date condition that came true with the day takes effect', () => {
    const k = journey({
      settings: { exitCriteria: [{ id: 'renewal', when: 'condition', condition: { type: 'field', field: 'renewal', op: 'isToday' } }] },
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'wait', duration: 'P10D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline([{ id: 'c1', fields: { renewal: '2026-03-05' } }], [go('c1'), { at: '2026-03-05T10:00:00Z', contact: 'c1', type: 'purchase', product: 'p' }]);
    for (const trace of [true, false]) {
      const r = simulate(k, tl, { trace });
      assert.deepEqual(r.stats.exitedBy, { exitPoint: 0, exitCriteria: 1, unsubscribed: 0, removed: 0 }, `trace: ${trace}`);
      assert.equal(r.at, T('2026-03-05T10:00:00Z'));
    }
  });

  it('takes an exit criterion before a wait-for-event match of the same event', () => {
    const k = journey({
      settings: { exitCriteria: [{ id: 'cancelled', when: 'event', event: { type: 'customEvent', name: 'cancel' } }] },
      startingPoints: [tagTrigger('sp', 'go', 'wfe')],
      points: [
        { id: 'wfe', type: 'waitForEvent', event: { type: 'customEvent', name: 'cancel' }, timeout: 'P1D', branches: { yes: 'e', timeout: 'e' } },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline([{ id: 'c1' }], [go('c1'), { at: '2026-03-02T10:00:00Z', contact: 'c1', type: 'customEvent', name: 'cancel' }]);
    assert.deepEqual(lines(simulate(k, tl).trace), ['2026-03-02T09:00:00Z c1 sp enter', '2026-03-02T09:00:00Z c1 wfe arrive', '2026-03-02T10:00:00Z c1 wfe exit (exitCriteria)']);
  });
});

describe('R17 consent: lists, master unsubscribe, transactional, SMS', () => {
  const content = [
    { id: 'promo', channel: 'email' as const, status: 'ready' as const, list: 'news' },
    { id: 'receipt', channel: 'email' as const, status: 'ready' as const, transactional: true },
    { id: 'sms_promo', channel: 'sms' as const, status: 'ready' as const },
    { id: 'sms_tx', channel: 'sms' as const, status: 'ready' as const, transactional: true },
  ];
  const j = journey({
    content,
    startingPoints: [tagTrigger('sp', 'go', 'm1')],
    points: [
      { id: 'm1', type: 'sendEmail', content: 'promo', next: 'm2' },
      { id: 'm2', type: 'sendEmail', content: 'receipt', next: 's1' },
      { id: 's1', type: 'sendSms', content: 'sms_promo', phoneField: 'mobile', next: 's2' },
      { id: 's2', type: 'sendSms', content: 'sms_tx', next: 'w' },
      { id: 'w', type: 'wait', duration: 'P1D', next: 'm3' },
      { id: 'm3', type: 'sendEmail', content: 'promo', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });
  const ok = { lists: { news: 'subscribed' as const }, fields: { mobile: '+1 555 0100' }, phone: '+1 555 0101', smsConsent: true };
  const tl = timeline(
    [
      { id: 'c1', ...ok },
      { id: 'c2', lists: { news: 'unsubscribed' }, phone: '+1 555 0102', smsConsent: true },
      { id: 'c3', lists: { news: 'subscribed' }, fields: { mobile: '+1 555 0103' }, smsConsent: false },
      { id: 'c4', phone: '+1 555 0104', smsConsent: true },
      { id: 'c5', ...ok },
      { id: 'c6', ...ok, unsubscribedAll: true },
      { id: 'c7', ...ok },
    ],
    [
      ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((c) => go(c)),
      { at: '2026-03-02T12:00:00Z', contact: 'c5', type: 'unsubscribed' },
      { at: '2026-03-02T12:00:00Z', contact: 'c7', type: 'unsubscribed', list: 'news' },
    ],
  );

  it('suppresses with a reason and goes on; a master unsubscribe exits the marketing journey; transactional is always sent, also to a contact unsubscribed before', () => {
    const r = simulate(j, tl);
    const day1 = (c: string, m1: string, s1: string, s2: string) => [
      `2026-03-02T09:00:00Z ${c} sp enter`,
      `2026-03-02T09:00:00Z ${c} m1 ${m1}`,
      `2026-03-02T09:00:00Z ${c} m2 send`,
      `2026-03-02T09:00:00Z ${c} s1 ${s1}`,
      `2026-03-02T09:00:00Z ${c} s2 ${s2}`,
      `2026-03-02T09:00:00Z ${c} w arrive`,
    ];
    const day2 = (c: string, m3: string) => [`2026-03-03T09:00:00Z ${c} w leave →next`, `2026-03-03T09:00:00Z ${c} m3 ${m3}`, `2026-03-03T09:00:00Z ${c} e complete`];
    assert.deepEqual(lines(r.trace), [
      ...day1('c1', 'send', 'send', 'send'),
      ...day1('c2', 'suppressed (listUnsubscribed)', 'suppressed (noPhone)', 'send'),
      ...day1('c3', 'send', 'suppressed (noSmsConsent)', 'suppressed (noPhone)'),
      ...day1('c4', 'suppressed (notSubscribed)', 'suppressed (noPhone)', 'send'),
      ...day1('c5', 'send', 'send', 'send'),
      // c6 was master-unsubscribed before: it still gets the transactional messages, every marketing one is suppressed.
      ...day1('c6', 'suppressed (unsubscribedAll)', 'suppressed (unsubscribedAll)', 'send'),
      ...day1('c7', 'send', 'send', 'send'),
      '2026-03-02T12:00:00Z c5 w exit (unsubscribed)',
      ...day2('c1', 'send'),
      ...day2('c2', 'suppressed (listUnsubscribed)'),
      ...day2('c3', 'send'),
      ...day2('c4', 'suppressed (notSubscribed)'),
      ...day2('c6', 'suppressed (unsubscribedAll)'),
      ...day2('c7', 'suppressed (listUnsubscribed)'),
    ]);
    assert.deepEqual(r.points.m1, { entered: 7, left: 7, queued: 0, sent: 4, suppressed: 3, suppressedBy: { unsubscribedAll: 1, listUnsubscribed: 1, notSubscribed: 1 } });
    assert.deepEqual(r.points.s1?.suppressedBy, { unsubscribedAll: 1, noPhone: 2, noSmsConsent: 1 });
    assert.equal(r.stats.exitedBy.unsubscribed, 1);
  });

  it('R17: a marketing SMS needs smsConsent exactly true: absent or false consent is suppressed with "noSmsConsent", a transactional SMS needs none', () => {
    const sms = journey({
      content,
      startingPoints: [tagTrigger('sp', 'go', 's1')],
      points: [
        { id: 's1', type: 'sendSms', content: 'sms_promo', next: 's2' },
        { id: 's2', type: 'sendSms', content: 'sms_tx', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const phone = '+1 555 0100';
    const contacts = [
      { id: 'yes', phone, smsConsent: true },
      { id: 'no', phone, smsConsent: false },
      { id: 'absent', phone },
    ];
    for (const trace of [true, false]) {
      const r = simulate(sms, timeline(contacts, contacts.map((c) => go(c.id))), { trace });
      assert.deepEqual(r.points['s1'], { entered: 3, left: 3, queued: 0, sent: 1, suppressed: 2, suppressedBy: { noSmsConsent: 2 } }, `trace: ${trace}`);
      assert.deepEqual(r.points['s2'], { entered: 3, left: 3, queued: 0, sent: 3, suppressed: 0, suppressedBy: {} }, `trace: ${trace}`);
      if (trace) {
        const s1 = r.trace.filter((e) => e.point === 's1').map((e) => `${e.contact} ${e.kind}${e.reason ? ` ${e.reason}` : ''}`);
        assert.deepEqual(s1, ['yes send', 'no suppressed noSmsConsent', 'absent suppressed noSmsConsent']);
      }
    }
  });

  it('keeps master-unsubscribed contacts in a journey that sends only transactional content', () => {
    const tx = journey({
      content,
      startingPoints: [tagTrigger('sp', 'go', 'm')],
      points: [
        { id: 'm', type: 'sendEmail', content: 'receipt', next: 'w' },
        { id: 'w', type: 'wait', duration: 'P1D', next: 'm2' },
        { id: 'm2', type: 'sendEmail', content: 'receipt', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const r = simulate(tx, timeline([{ id: 'c1', unsubscribedAll: true }, { id: 'c2' }], [go('c1'), go('c2'), { at: '2026-03-02T10:00:00Z', contact: 'c2', type: 'unsubscribed' }]));
    assert.equal(r.trace.filter((e) => e.kind === 'send').length, 4);
    assert.deepEqual(r.stats, { started: 2, inProgress: 0, completed: 2, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } });
  });

  it('treats content on a list declared transactional as transactional', () => {
    const tx = journey({
      lists: [{ id: 'orders', kind: 'transactional' }],
      content: [{ id: 'shipping', channel: 'email', status: 'ready', list: 'orders' }],
      startingPoints: [tagTrigger('sp', 'go', 'm')],
      points: [
        { id: 'm', type: 'sendEmail', content: 'shipping', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    assert.deepEqual(lines(simulate(tx, timeline([{ id: 'c1', unsubscribedAll: true }], [go('c1')])).trace), ['2026-03-02T09:00:00Z c1 sp enter', '2026-03-02T09:00:00Z c1 m send', '2026-03-02T09:00:00Z c1 e complete']);
  });
});

describe('R18 frequency caps on marketing emails', () => {
  /** One marketing email per stay; each "go" tag enters the contact again once it completed. */
  const once = journey({
    settings: { reEntry: { mode: 'afterCompletion' } },
    content: [{ id: 'promo', channel: 'email', status: 'ready' }],
    startingPoints: [tagTrigger('sp', 'go', 'm')],
    points: [
      { id: 'm', type: 'sendEmail', content: 'promo', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });
  const j = journey({
    content: [
      { id: 'promo', channel: 'email', status: 'ready' },
      { id: 'receipt', channel: 'email', status: 'ready', transactional: true },
    ],
    startingPoints: [tagTrigger('sp', 'go', 'm1')],
    points: [
      { id: 'm1', type: 'sendEmail', content: 'promo', next: 'r' },
      { id: 'r', type: 'sendEmail', content: 'receipt', next: 'w1' },
      { id: 'w1', type: 'wait', duration: 'PT12H', next: 'm2' },
      { id: 'm2', type: 'sendEmail', content: 'promo', next: 'w2' },
      { id: 'w2', type: 'wait', duration: 'PT12H', next: 'm3' },
      { id: 'm3', type: 'sendEmail', content: 'promo', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });

  it('allows one marketing email per rolling period (daily 24 h, weekly 7 days) and suppresses the rest with reason "frequency"', () => {
    const tl = timeline([{ id: 'd', frequency: 'daily' }, { id: 'wk', frequency: 'weekly' }, { id: 'n' }], [go('d'), go('wk'), go('n')]);
    const sends = (c: string) =>
      simulate(j, tl)
        .trace.filter((e) => e.contact === c && (e.kind === 'send' || e.kind === 'suppressed'))
        .map((e) => `${e.point} ${e.kind}${e.reason ? ` ${e.reason}` : ''}`);
    assert.deepEqual(sends('d'), ['m1 send', 'r send', 'm2 suppressed frequency', 'm3 send']); // m3 exactly 24 h after m1
    assert.deepEqual(sends('wk'), ['m1 send', 'r send', 'm2 suppressed frequency', 'm3 suppressed frequency']);
    assert.deepEqual(sends('n'), ['m1 send', 'r send', 'm2 send', 'm3 send']);
  });

  it('R18: in every period (daily 1, weekly 7, bi-weekly 14, quarterly 91 days) a send one day or one minute short of the period is suppressed, one exactly a period later is sent', () => {
    const MINUTE = 60_000;
    const DAY = 86_400_000;
    // The periods as the rule states them, in days.
    const periods = { daily: 1, weekly: 7, biweekly: 14, quarterly: 91 } as const;
    for (const [frequency, days] of Object.entries(periods) as [keyof typeof periods, number][]) {
      const period = days * DAY;
      // Offsets from the first send: a day short (for daily: 23 h), a minute short, exactly one period, a minute into the next period.
      const offsets = [0, period - Math.min(DAY, 23 * 3_600_000), period - MINUTE, period, period + MINUTE];
      const tl = timeline([{ id: 'c', frequency }], offsets.map((o) => go('c', new Date(T(at9) + o).toISOString())));
      const kinds = simulate(once, tl).trace.filter((e) => e.point === 'm').map((e) => `${e.kind}${e.reason ? ` ${e.reason}` : ''}`);
      assert.deepEqual(kinds, ['send', 'suppressed frequency', 'suppressed frequency', 'send', 'suppressed frequency'], frequency);
    }
  });

  it('R18: a contact’s first marketing email is sent whenever it comes, also within a period of 1970-01-01T00:00Z (no email yet is not an email at instant 0)', () => {
    const first = '1970-01-01T09:00:00Z';
    const tl = timeline([{ id: 'd', frequency: 'daily' }, { id: 'q', frequency: 'quarterly' }], [
      { at: first, contact: 'd', type: 'tagAdded', tag: 'go' },
      { at: first, contact: 'q', type: 'tagAdded', tag: 'go' },
    ]);
    for (const trace of [true, false]) {
      const r = simulate(j, tl, { trace });
      assert.equal(r.points['m1']!.sent, 2, `trace: ${trace}`);
      assert.equal(r.points['m2']!.suppressed, 2);
    }
  });

  it('counts across stays in the journey (bi-weekly: 14 days, quarterly: 91 days)', () => {
    const days = [0, 13, 14, 90, 91, 105];
    const at = (d: number) => new Date(T(at9) + d * 86_400_000).toISOString();
    const tl = timeline([{ id: 'b', frequency: 'biweekly' }, { id: 'q', frequency: 'quarterly' }], days.flatMap((d) => [go('b', at(d)), go('q', at(d))]));
    const kinds = (c: string) => simulate(once, tl).trace.filter((e) => e.contact === c && e.point === 'm').map((e) => e.kind);
    assert.deepEqual(kinds('b'), ['send', 'suppressed', 'send', 'send', 'suppressed', 'send']);
    assert.deepEqual(kinds('q'), ['send', 'suppressed', 'suppressed', 'suppressed', 'send', 'suppressed']);
  });
});
