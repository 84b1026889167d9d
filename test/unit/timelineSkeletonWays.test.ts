// Specification of the timeline skeleton on journeys written here, its whole
// output derived by hand from the rules of timelineSkeleton.ts: one contact
// per starting point (entering by its trigger, a minute apart), then one per
// branch of every if/else, wait-for-event and split reached from a starting
// point, entering at the starting point that reaches it first (breadth-first)
// and getting what each step of the way needs: the awaited event ten minutes
// after arriving for a "yes" (R11), the time a timeout or a wait takes, the
// instant a wait-until waits for (in its own time zone, else the journey's),
// the if/else condition's data (R12) with campaign history as an event a
// second after entering, and a split's branch left to the hash (R13). A
// segment journey's contacts are in its segment and enter at its start
// (R19), with no entry event.
import assert from 'node:assert/strict';
import { Journey } from '../../src/core/schema';
import { timelineSkeleton } from '../../src/core/timelineSkeleton';

describe('timeline skeleton: every contact and event, by hand', () => {
  const journey = Journey.parse({
    formatVersion: 1,
    id: 'sk',
    name: 'Skeleton',
    kind: 'trigger',
    settings: { timeZone: 'Europe/Berlin' },
    segmentEntry: { segment: 'top', start: '2026-07-01T00:00' },
    lists: [{ id: 'news' }],
    content: [
      { id: 'welcome', channel: 'email', status: 'ready', list: 'offers', links: ['pricing'] },
      { id: 'promo', channel: 'email', status: 'ready', list: 'news' },
      { id: 'sms1', channel: 'sms', status: 'ready' },
    ],
    startingPoints: [
      { id: 'sp_tag', trigger: { type: 'tagAdded', tag: 'vip' }, filter: { type: 'language', language: 'de' }, next: 'p_send' },
      { id: 'sp_api', trigger: { type: 'api' }, next: 'p_if' },
      { id: 'sp_dup', trigger: { type: 'formSubmitted', form: 'f1' }, next: 'p_send' },
      { id: 'sp_bday', trigger: { type: 'dateField', field: 'birthday', time: '09:00' }, next: 'p_missing' },
    ],
    points: [
      { id: 'p_send', type: 'sendEmail', content: 'welcome', next: 'p_wait_click' },
      { id: 'p_wait_click', type: 'waitForEvent', event: { type: 'emailClicked', point: 'p_send', link: 'pricing' }, timeout: 'P2D', branches: { yes: 'p_if', timeout: 'p_wait_late' } },
      { id: 'p_wait_late', type: 'waitForEvent', event: { type: 'tagAdded', tag: 'late' }, timeout: 'P1D', branches: { yes: 'p_if', timeout: 'p_end' } },
      {
        id: 'p_if',
        type: 'ifElse',
        condition: { type: 'all', of: [{ type: 'field', field: 'plan', op: 'eq', value: 'gold' }, { type: 'any', of: [{ type: 'campaignActivity', campaign: 'spring', activity: 'opened' }, { type: 'hasTag', tag: 'x' }] }] },
        branches: { yes: 'p_wait', no: 'p_end' },
      },
      { id: 'p_wait', type: 'wait', duration: 'PT1H', next: 'p_until' },
      { id: 'p_until', type: 'waitUntil', at: '2026-06-01T09:00', next: 'p_until_utc' },
      { id: 'p_until_utc', type: 'waitUntil', at: '2026-06-01T08:00', timeZone: 'UTC', next: 'p_until_past' },
      { id: 'p_until_past', type: 'waitUntil', at: '2026-01-01T00:00', next: 'p_split' },
      { id: 'p_split', type: 'split', branches: [{ percent: 30, next: 'p_sms' }, { percent: 70, label: 'the rest', next: 'p_end' }] },
      { id: 'p_sms', type: 'sendSms', content: 'sms1', next: 'p_wait_sms' },
      { id: 'p_wait_sms', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_sms' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
      { id: 'p_end', type: 'end' },
      { id: 'p_orphan_if', type: 'ifElse', condition: { type: 'hasTag', tag: 'x' }, branches: { yes: 'p_end', no: 'p_end' } },
    ],
  });

  it('one contact per starting point, then per branch in point order, each with its data, its entry and the events of its way', () => {
    const skeleton = timelineSkeleton(journey, { start: '2026-05-04T07:00:00Z', journeyPath: './sk.journey.json' });
    const lists = { news: 'subscribed', offers: 'subscribed' };
    const contact = (id: string, n: number, more: object = {}) => ({ id, email: `${id}@example.com`, name: id, lists, phone: `+155510000${String(n).padStart(2, '0')}`, smsConsent: true, ...more });
    const de = { language: 'de' };
    const gold = { language: 'de', fields: { plan: 'gold' } };
    assert.deepEqual(skeleton.contacts, [
      contact('c_sp_tag', 0, de),
      contact('c_sp_api', 1),
      contact('c_sp_dup', 2),
      contact('c_sp_bday', 3, { fields: { birthday: '1990-05-04' } }),
      contact('c_p_wait_click_yes', 4, de),
      contact('c_p_wait_click_timeout', 5, de),
      contact('c_p_wait_late_yes', 6, de),
      contact('c_p_wait_late_timeout', 7, de),
      contact('c_p_if_yes', 8, gold),
      contact('c_p_if_no', 9, de),
      contact('c_p_split_30pct', 10, gold),
      contact('c_p_split_the_rest', 11, gold),
      contact('c_p_wait_sms_yes', 12, gold),
      contact('c_p_wait_sms_timeout', 13, gold),
    ]);
    const tag = (at: string, contact: string, t = 'vip') => ({ at, contact, type: 'tagAdded', tag: t });
    const click = (at: string, contact: string) => ({ at, contact, type: 'emailClicked', point: 'p_send', content: 'welcome', link: 'pricing' });
    const spring = (at: string, contact: string) => ({ at, contact, type: 'campaignActivity', campaign: 'spring', activity: 'opened' });
    assert.deepEqual(skeleton.events, [
      tag('2026-05-04T07:00:00Z', 'c_sp_tag'),
      { at: '2026-05-04T07:01:00Z', contact: 'c_sp_api', type: 'apiEntry', startingPoint: 'sp_api' },
      { at: '2026-05-04T07:02:00Z', contact: 'c_sp_dup', type: 'formSubmitted', form: 'f1' },
      tag('2026-05-04T07:04:00Z', 'c_p_wait_click_yes'),
      tag('2026-05-04T07:05:00Z', 'c_p_wait_click_timeout'),
      tag('2026-05-04T07:06:00Z', 'c_p_wait_late_yes'),
      tag('2026-05-04T07:07:00Z', 'c_p_wait_late_timeout'),
      tag('2026-05-04T07:08:00Z', 'c_p_if_yes'),
      spring('2026-05-04T07:08:01Z', 'c_p_if_yes'),
      tag('2026-05-04T07:09:00Z', 'c_p_if_no'),
      tag('2026-05-04T07:10:00Z', 'c_p_split_30pct'),
      spring('2026-05-04T07:10:01Z', 'c_p_split_30pct'),
      tag('2026-05-04T07:11:00Z', 'c_p_split_the_rest'),
      spring('2026-05-04T07:11:01Z', 'c_p_split_the_rest'),
      tag('2026-05-04T07:12:00Z', 'c_p_wait_sms_yes'),
      spring('2026-05-04T07:12:01Z', 'c_p_wait_sms_yes'),
      tag('2026-05-04T07:13:00Z', 'c_p_wait_sms_timeout'),
      spring('2026-05-04T07:13:01Z', 'c_p_wait_sms_timeout'),
      click('2026-05-04T07:14:00Z', 'c_p_wait_click_yes'),
      click('2026-05-04T07:18:00Z', 'c_p_if_yes'),
      click('2026-05-04T07:19:00Z', 'c_p_if_no'),
      click('2026-05-04T07:20:00Z', 'c_p_split_30pct'),
      click('2026-05-04T07:21:00Z', 'c_p_split_the_rest'),
      click('2026-05-04T07:22:00Z', 'c_p_wait_sms_yes'),
      click('2026-05-04T07:23:00Z', 'c_p_wait_sms_timeout'),
      // The click window (two days) timed out, then the late tag ten minutes into the next wait.
      tag('2026-05-06T07:16:00Z', 'c_p_wait_late_yes', 'late'),
      // An hour's wait, until 09:00 Berlin (07:00Z), until 08:00 UTC, not back to January; then the SMS opened ten minutes later.
      { at: '2026-06-01T08:10:00Z', contact: 'c_p_wait_sms_yes', type: 'emailOpened', point: 'p_sms', content: 'sms1' },
    ]);
  });

  it('starts a minute before the first entry, names its journey, and says what each contact is for', () => {
    const skeleton = timelineSkeleton(journey, { start: '2026-05-04T07:00:00Z', journeyPath: './sk.journey.json' });
    assert.equal(skeleton.formatVersion, 1);
    assert.equal(skeleton.journey, './sk.journey.json');
    assert.equal(skeleton.start, '2026-05-04T06:59:00Z');
    const purposes = [
      'c_sp_tag: enters at sp_tag and takes the default way (no awaited event)',
      'c_sp_api: enters at sp_api and takes the default way (no awaited event)',
      'c_sp_dup: enters at sp_dup and takes the default way (no awaited event)',
      'c_sp_bday: enters at sp_bday and takes the default way (no awaited event)',
      'c_p_wait_click_yes: enters at sp_tag and takes yes at p_wait_click',
      'c_p_wait_click_timeout: enters at sp_tag and takes timeout at p_wait_click',
      'c_p_wait_late_yes: enters at sp_tag and takes yes at p_wait_late',
      'c_p_wait_late_timeout: enters at sp_tag and takes timeout at p_wait_late',
      'c_p_if_yes: enters at sp_tag and takes yes at p_if',
      'c_p_if_no: enters at sp_tag and takes no at p_if',
      'c_p_split_30pct: enters at sp_tag to reach split p_split (branch 30% if the split hash picks it, R13)',
      'c_p_split_the_rest: enters at sp_tag to reach split p_split (branch the rest if the split hash picks it, R13)',
      'c_p_wait_sms_yes: enters at sp_tag and takes yes at p_wait_sms',
      'c_p_wait_sms_timeout: enters at sp_tag and takes timeout at p_wait_sms',
    ];
    assert.equal(skeleton.description, `Skeleton for Skeleton: one contact per starting point and per branch. ${purposes.join('; ')}.`);
    assert.equal('journey' in timelineSkeleton(journey, { start: '2026-05-04T07:00:00Z' }), false, 'no journey path, no journey field');
  });

  it('a journey without lists or content gives contacts without lists', () => {
    const bare = Journey.parse({ formatVersion: 1, id: 'b', name: 'Bare', kind: 'trigger', startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_end' }], points: [{ id: 'p_end', type: 'end' }] });
    const skeleton = timelineSkeleton(bare, { start: '2026-05-04T07:00:00Z' });
    assert.deepEqual(skeleton.contacts, [{ id: 'c_sp', email: 'c_sp@example.com', name: 'c_sp', phone: '+15551000000', smsConsent: true }]);
    assert.deepEqual(skeleton.events, [{ at: '2026-05-04T07:00:00Z', contact: 'c_sp', type: 'apiEntry', startingPoint: 'sp' }]);
  });

  it('the breadth-first way wins: a point reached again by a longer way keeps the first (p_if by the click, not after the late tag)', () => {
    const skeleton = timelineSkeleton(journey, { start: '2026-05-04T07:00:00Z' });
    assert.deepEqual(skeleton.events.filter((e) => e.contact === 'c_p_if_yes').map((e) => e.type), ['tagAdded', 'campaignActivity', 'emailClicked']);
  });

  it('without a journey time zone a wait-until is read in UTC; an awaited email of a point the journey lacks names no content', () => {
    const plain = Journey.parse({
      formatVersion: 1,
      id: 'p',
      name: 'Plain',
      kind: 'trigger',
      startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_until' }],
      points: [
        { id: 'p_until', type: 'waitUntil', at: '2026-06-01T09:00', next: 'p_open' },
        { id: 'p_open', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_gone' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
        { id: 'p_end', type: 'end' },
      ],
    });
    assert.deepEqual(timelineSkeleton(plain, { start: '2026-05-04T07:00:00Z' }).events, [
      { at: '2026-05-04T07:00:00Z', contact: 'c_sp', type: 'apiEntry', startingPoint: 'sp' },
      { at: '2026-05-04T07:01:00Z', contact: 'c_p_open_yes', type: 'apiEntry', startingPoint: 'sp' },
      { at: '2026-05-04T07:02:00Z', contact: 'c_p_open_timeout', type: 'apiEntry', startingPoint: 'sp' },
      { at: '2026-06-01T09:10:00Z', contact: 'c_p_open_yes', type: 'emailOpened', point: 'p_gone' },
    ]);
  });

  describe('R19: a segment journey', () => {
    it('without a segment entry it has no segment to put contacts in: they enter by their trigger', () => {
      const loose = Journey.parse({ formatVersion: 1, id: 'l', name: 'Loose', kind: 'segment', startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_end' }], points: [{ id: 'p_end', type: 'end' }] });
      const skeleton = timelineSkeleton(loose, { start: '2026-05-04T07:00:00Z' });
      assert.deepEqual(skeleton.contacts.map((c) => c.segments), [undefined]);
      assert.deepEqual(skeleton.events, [{ at: '2026-05-04T07:00:00Z', contact: 'c_sp', type: 'apiEntry', startingPoint: 'sp' }]);
    });

    const segmentJourney = (start: string) =>
      Journey.parse({
        formatVersion: 1,
        id: 'seg',
        name: 'Segment',
        kind: 'segment',
        settings: { timeZone: 'Europe/Berlin' },
        segments: [{ id: 'top' }],
        segmentEntry: { segment: 'top', start, timeZone: 'UTC' },
        startingPoints: [{ id: 'sp_seg', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'p_wait_go' }],
        points: [
          { id: 'p_wait_go', type: 'waitForEvent', event: { type: 'tagAdded', tag: 'go' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
          { id: 'p_end', type: 'end' },
        ],
      });

    it('its contacts are in its segment, enter without an event, and not before its start (in the entry\'s own time zone)', () => {
      const skeleton = timelineSkeleton(segmentJourney('2026-05-10T09:00'), { start: '2026-05-04T07:00:00Z' });
      assert.deepEqual(skeleton.contacts.map((c) => [c.id, c.segments]), [['c_sp_seg', ['top']], ['c_p_wait_go_yes', ['top']], ['c_p_wait_go_timeout', ['top']]]);
      // Entered at the segment's start plus its minute, the awaited tag ten minutes later.
      assert.deepEqual(skeleton.events, [{ at: '2026-05-10T09:11:00Z', contact: 'c_p_wait_go_yes', type: 'tagAdded', tag: 'go' }]);
    });

    it('a contact the skeleton starts exactly at the segment\'s start is not moved', () => {
      const skeleton = timelineSkeleton(segmentJourney('2026-05-04T07:01'), { start: '2026-05-04T07:00:00Z' });
      assert.deepEqual(skeleton.events, [{ at: '2026-05-04T07:11:00Z', contact: 'c_p_wait_go_yes', type: 'tagAdded', tag: 'go' }]);
    });

    it('a start already past leaves the entries where the skeleton starts them', () => {
      const skeleton = timelineSkeleton(segmentJourney('2026-05-01T09:00'), { start: '2026-05-04T07:00:00Z' });
      assert.deepEqual(skeleton.events, [{ at: '2026-05-04T07:11:00Z', contact: 'c_p_wait_go_yes', type: 'tagAdded', tag: 'go' }]);
    });
  });
});
