// Specification of what the map creates: a new point, trigger, filter or
// awaited event is valid by the schema, takes the journey's own first
// declaration of the kind it needs (content of its channel, tag, list,
// segment, campaign, form, field of the right type), falls back to a
// placeholder a person then edits, and gets an id no node uses yet.
import assert from 'node:assert/strict';
import {
  defaultAwaitedEvent,
  defaultFilter,
  defaultPoint,
  defaultTrigger,
  freshId,
  newPointId,
  newStartingPointId,
  usedIds,
} from '../../../src/core/edits/newNodes';
import { AwaitedEvent, Filter, JourneyPoint, POINT_TYPES, Trigger, TRIGGER_TYPES } from '../../../src/core/schema';

const FILTER_TYPES: Filter['type'][] = ['all', 'any', 'not', 'hasTag', 'field', 'memberOf', 'inSegment', 'language', 'campaignActivity', 'emailEquals', 'nameEquals'];
const AWAITED_TYPES = AwaitedEvent.options.map((o) => o.shape.type.value);

/** Declarations whose first entry of each kind is not the first entry of its section, and malformed entries before them. */
const DECLARED = {
  content: [
    { channel: 'email' },
    { id: 'sms_first', channel: 'sms' },
    { id: 'mail_first', channel: 'email' },
    { id: 'mail_second', channel: 'email' },
    { id: 'sms_second', channel: 'sms' },
  ],
  tags: [7, 'vip', 'gold'],
  lists: [{ name: 'no id' }, { id: 'main' }, { id: 'other' }],
  segments: [{ id: 'active' }, { id: 'lapsed' }],
  campaigns: [{}, { id: 'spring' }],
  forms: [{ id: 'signup_form' }],
  fields: ['not an object', { name: 'score', type: 'number' }, { name: 'vip_since', type: 'date' }, { name: 'bday', type: 'date' }],
  startingPoints: [{ id: 'sp_a', trigger: { type: 'api' }, next: 'p_sms' }, { trigger: { type: 'api' } }],
  points: [
    { id: 'p_sms', type: 'sendSms', content: 'sms_first', next: 'p_mail1' },
    { id: 'p_mail1', type: 'sendEmail', content: 'mail_first', next: 'p_mail2' },
    { id: 'p_mail2', type: 'sendEmail', content: 'mail_second', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
};
const BARE = { startingPoints: [], points: [] };
const NOW = new Date('2026-03-31T23:30:00Z');

describe('edits: new nodes', () => {
  it('every new point, trigger, filter and awaited event is valid by the schema, with or without declarations to use', () => {
    for (const journey of [BARE, DECLARED]) {
      for (const type of POINT_TYPES) {
        const p = defaultPoint(type, 'p_new', 'p_next', journey, { now: NOW });
        assert.ok(JourneyPoint.safeParse(p).success, `${type}: ${JSON.stringify(p)}`);
        assert.equal(p.type, type);
      }
      for (const type of TRIGGER_TYPES) {
        const t = defaultTrigger(type, journey);
        assert.ok(Trigger.safeParse(t).success, `${type}: ${JSON.stringify(t)}`);
        assert.equal(t.type, type);
      }
      for (const type of FILTER_TYPES) {
        const f = defaultFilter(type, journey);
        assert.ok(Filter.safeParse(f).success, `${type}: ${JSON.stringify(f)}`);
        assert.equal(f.type, type);
      }
      for (const type of AWAITED_TYPES) {
        const e = defaultAwaitedEvent(type, journey);
        assert.ok(AwaitedEvent.safeParse(e).success, `${type}: ${JSON.stringify(e)}`);
        assert.equal(e.type, type);
      }
    }
  });

  it('a new point uses the first declaration of the kind it needs, and leads every successor to the given point', () => {
    const made = (type: (typeof POINT_TYPES)[number]) => defaultPoint(type, 'p_new', 'p_next', DECLARED, { now: NOW });
    assert.deepEqual(made('sendEmail'), { id: 'p_new', type: 'sendEmail', content: 'mail_first', next: 'p_next' });
    assert.deepEqual(made('sendSms'), { id: 'p_new', type: 'sendSms', content: 'sms_first', next: 'p_next' });
    assert.deepEqual(made('addTag'), { id: 'p_new', type: 'addTag', tag: 'vip', next: 'p_next' });
    assert.deepEqual(made('removeTag'), { id: 'p_new', type: 'removeTag', tag: 'vip', next: 'p_next' });
    assert.deepEqual(made('updateField'), { id: 'p_new', type: 'updateField', field: 'score', value: 0, next: 'p_next' });
    assert.deepEqual(made('subscribeList'), { id: 'p_new', type: 'subscribeList', list: 'main', next: 'p_next' });
    assert.deepEqual(made('unsubscribeList'), { id: 'p_new', type: 'unsubscribeList', list: 'main', next: 'p_next' });
    assert.deepEqual(made('webhook'), { id: 'p_new', type: 'webhook', url: 'https://example.com/webhook', method: 'POST', next: 'p_next' });
    assert.deepEqual(made('exit'), { id: 'p_new', type: 'exit' });
    assert.deepEqual(made('end'), { id: 'p_new', type: 'end' });
    assert.deepEqual(made('ifElse'), { id: 'p_new', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'p_next', no: 'p_next' } });
    assert.deepEqual(made('wait'), { id: 'p_new', type: 'wait', duration: 'P1D', next: 'p_next' });
    assert.deepEqual(made('split'), { id: 'p_new', type: 'split', branches: [{ percent: 50, next: 'p_next' }, { percent: 50, next: 'p_next' }] });
  });

  it('R10: a new wait-until waits until 09:00 (local) the day after "now", across a month end', () => {
    assert.deepEqual(defaultPoint('waitUntil', 'p_new', 'p_next', BARE, { now: NOW }), { id: 'p_new', type: 'waitUntil', at: '2026-04-01T09:00', next: 'p_next' });
  });

  it('without declarations a new point names a placeholder to fill in', () => {
    const made = (type: (typeof POINT_TYPES)[number]) => defaultPoint(type, 'p_new', 'p_next', BARE, { now: NOW });
    assert.deepEqual(made('sendEmail'), { id: 'p_new', type: 'sendEmail', content: 'new_email', next: 'p_next' });
    assert.deepEqual(made('sendSms'), { id: 'p_new', type: 'sendSms', content: 'new_sms', next: 'p_next' });
    assert.deepEqual(made('addTag'), { id: 'p_new', type: 'addTag', tag: 'new tag', next: 'p_next' });
    assert.deepEqual(made('updateField'), { id: 'p_new', type: 'updateField', field: 'field', value: '', next: 'p_next' });
    assert.deepEqual(made('subscribeList'), { id: 'p_new', type: 'subscribeList', list: 'new_list', next: 'p_next' });
    assert.deepEqual(made('ifElse'), { id: 'p_new', type: 'ifElse', condition: { type: 'hasTag', tag: 'new tag' }, branches: { yes: 'p_next', no: 'p_next' } });
    assert.deepEqual(made('waitForEvent'), {
      id: 'p_new',
      type: 'waitForEvent',
      event: { type: 'customEvent', name: 'event' },
      timeout: 'P1D',
      branches: { yes: 'p_next', timeout: 'p_next' },
    });
  });

  it('a new update-field point sets its first field to a value of the field\'s type', () => {
    const withField = (field: unknown) => defaultPoint('updateField', 'p_new', 'p_next', { fields: [field] });
    assert.deepEqual(withField({ name: 'n', type: 'number' }), { id: 'p_new', type: 'updateField', field: 'n', value: 0, next: 'p_next' });
    assert.deepEqual(withField({ name: 'b', type: 'boolean' }), { id: 'p_new', type: 'updateField', field: 'b', value: true, next: 'p_next' });
    assert.deepEqual(withField({ name: 's', type: 'string' }), { id: 'p_new', type: 'updateField', field: 's', value: '', next: 'p_next' });
    assert.deepEqual(withField({ type: 'number' }), { id: 'p_new', type: 'updateField', field: 'field', value: 0, next: 'p_next' });
  });

  it('R11: a new wait-for-event waits for the opening of the email sent just before it, else of the first email the journey sends', () => {
    const waitAfter = (near: string | undefined) => defaultPoint('waitForEvent', 'p_new', 'p_next', DECLARED, near === undefined ? {} : { near });
    const opened = (point: string) => ({ id: 'p_new', type: 'waitForEvent', event: { type: 'emailOpened', point }, timeout: 'P1D', branches: { yes: 'p_next', timeout: 'p_next' } });
    assert.deepEqual(waitAfter('p_mail2'), opened('p_mail2'));
    assert.deepEqual(waitAfter('p_sms'), opened('p_mail1'));
    assert.deepEqual(waitAfter('sp_a'), opened('p_mail1'));
    assert.deepEqual(waitAfter(undefined), opened('p_mail1'));
  });

  it('R11: a new awaited event names the journey\'s email point, form or tag, else a placeholder', () => {
    assert.deepEqual(defaultAwaitedEvent('emailOpened', DECLARED, 'p_mail2'), { type: 'emailOpened', point: 'p_mail2' });
    assert.deepEqual(defaultAwaitedEvent('emailClicked', DECLARED, 'p_mail2'), { type: 'emailClicked', point: 'p_mail2' });
    assert.deepEqual(defaultAwaitedEvent('emailClicked', DECLARED), { type: 'emailClicked', point: 'p_mail1' });
    assert.deepEqual(defaultAwaitedEvent('emailOpened', BARE), { type: 'emailOpened', point: 'p_send_email' });
    assert.deepEqual(defaultAwaitedEvent('emailClicked', BARE), { type: 'emailClicked', point: 'p_send_email' });
    assert.deepEqual(defaultAwaitedEvent('formSubmitted', DECLARED), { type: 'formSubmitted', form: 'signup_form' });
    assert.deepEqual(defaultAwaitedEvent('formSubmitted', BARE), { type: 'formSubmitted', form: 'signup' });
    assert.deepEqual(defaultAwaitedEvent('purchase', DECLARED), { type: 'purchase' });
    assert.deepEqual(defaultAwaitedEvent('tagAdded', DECLARED), { type: 'tagAdded', tag: 'vip' });
    assert.deepEqual(defaultAwaitedEvent('tagAdded', BARE), { type: 'tagAdded', tag: 'new tag' });
    assert.deepEqual(defaultAwaitedEvent('customEvent', DECLARED), { type: 'customEvent', name: 'event' });
  });

  it('R2: a new trigger names the journey\'s first list, tag, form, campaign, date field or segment, else a placeholder', () => {
    assert.deepEqual(defaultTrigger('audienceJoined', DECLARED), { type: 'audienceJoined', list: 'main' });
    assert.deepEqual(defaultTrigger('audienceJoined', BARE), { type: 'audienceJoined' });
    assert.deepEqual(defaultTrigger('tagAdded', DECLARED), { type: 'tagAdded', tag: 'vip' });
    assert.deepEqual(defaultTrigger('tagRemoved', BARE), { type: 'tagRemoved', tag: 'new tag' });
    assert.deepEqual(defaultTrigger('customEvent', DECLARED), { type: 'customEvent', name: 'event' });
    assert.deepEqual(defaultTrigger('formSubmitted', DECLARED), { type: 'formSubmitted', form: 'signup_form' });
    assert.deepEqual(defaultTrigger('formSubmitted', BARE), { type: 'formSubmitted', form: 'signup' });
    assert.deepEqual(defaultTrigger('campaignActivity', DECLARED), { type: 'campaignActivity', campaign: 'spring', activity: 'opened' });
    assert.deepEqual(defaultTrigger('campaignActivity', BARE), { type: 'campaignActivity', campaign: 'campaign', activity: 'opened' });
    assert.deepEqual(defaultTrigger('dateField', DECLARED), { type: 'dateField', field: 'vip_since', time: '09:00' });
    assert.deepEqual(defaultTrigger('dateField', { fields: [{ name: 'score', type: 'number' }] }), { type: 'dateField', field: 'birthday', time: '09:00' });
    assert.deepEqual(defaultTrigger('segmentEntered', DECLARED), { type: 'segmentEntered', segment: 'active' });
    assert.deepEqual(defaultTrigger('segmentEntered', BARE), { type: 'segmentEntered', segment: 'segment' });
    assert.deepEqual(defaultTrigger('api', DECLARED), { type: 'api' });
  });

  it('R3: a new filter names the journey\'s first tag, field, list, segment or campaign, else a placeholder', () => {
    assert.deepEqual(defaultFilter('all', DECLARED), { type: 'all', of: [] });
    assert.deepEqual(defaultFilter('any', DECLARED), { type: 'any', of: [] });
    assert.deepEqual(defaultFilter('not', DECLARED), { type: 'not', filter: { type: 'hasTag', tag: 'vip' } });
    assert.deepEqual(defaultFilter('hasTag', BARE), { type: 'hasTag', tag: 'new tag' });
    assert.deepEqual(defaultFilter('field', DECLARED), { type: 'field', field: 'score', op: 'exists' });
    assert.deepEqual(defaultFilter('field', BARE), { type: 'field', field: 'field', op: 'exists' });
    assert.deepEqual(defaultFilter('memberOf', DECLARED), { type: 'memberOf', list: 'main' });
    assert.deepEqual(defaultFilter('memberOf', BARE), { type: 'memberOf', list: 'new_list' });
    assert.deepEqual(defaultFilter('inSegment', DECLARED), { type: 'inSegment', segment: 'active' });
    assert.deepEqual(defaultFilter('inSegment', BARE), { type: 'inSegment', segment: 'segment' });
    assert.deepEqual(defaultFilter('language', DECLARED), { type: 'language', language: 'en' });
    assert.deepEqual(defaultFilter('campaignActivity', DECLARED), { type: 'campaignActivity', campaign: 'spring', activity: 'opened' });
    assert.deepEqual(defaultFilter('campaignActivity', BARE), { type: 'campaignActivity', campaign: 'campaign', activity: 'opened' });
    assert.deepEqual(defaultFilter('emailEquals', DECLARED), { type: 'emailEquals', email: 'someone@example.com' });
    assert.deepEqual(defaultFilter('nameEquals', DECLARED), { type: 'nameEquals', name: 'Name' });
  });

  it('R4: a new id is the type\'s name, or the first free numbered variant; every starting point and point id counts as used', () => {
    assert.deepEqual([...usedIds(DECLARED)], ['sp_a', 'p_sms', 'p_mail1', 'p_mail2', 'p_end']);
    assert.equal(newPointId('waitForEvent', new Set()), 'p_wait_for_event');
    assert.equal(newStartingPointId('tagAdded', new Set()), 'sp_tag_added');
    assert.equal(freshId('p_wait', new Set(['p_wait', 'p_wait_2', 'p_wait_4'])), 'p_wait_3');
    assert.equal(freshId('p_wait', new Set(['p_wait_2'])), 'p_wait');
  });
});
