// Specification of consent and frequency (src/core/simulator/sendConsent.ts):
// which content is transactional and which journeys are marketing (R17),
// why a send is suppressed, in which order the reasons are checked (R17,
// R18), and which phone number an SMS goes to.
import assert from 'node:assert/strict';
import type { Journey } from '../../../src/core/schema';
import type { ContactView } from '../../../src/core/simulator/contactStore';
import { emailSuppression, FREQUENCY_PERIOD, FREQUENCY_PERIOD_MS, isMarketingJourney, isTransactional, phoneOf, smsSuppression } from '../../../src/core/simulator/sendConsent';
import { journey, T, tagTrigger } from './helpers';

const DAY = 86_400_000;
const contact = (parts: Omit<ContactView, 'id'> = {}): ContactView => ({ id: 'c1', ...parts });

function sending(content: Journey['content'], lists: Journey['lists'], type: 'sendEmail' | 'sendSms' = 'sendEmail'): Journey {
  return journey({
    content,
    lists,
    startingPoints: [tagTrigger('sp', 'go', 'send')],
    points: [
      { id: 'send', type, content: content?.[0]?.id ?? 'none', next: 'e' } as Journey['points'][number],
      { id: 'e', type: 'end' },
    ],
  });
}

describe('consent and frequency (R17, R18)', () => {
  it('R17: content is transactional when it says so or its list is a transactional list; undeclared content is not', () => {
    const lists: Journey['lists'] = [
      { id: 'receipts', kind: 'transactional' },
      { id: 'news', kind: 'marketing' },
      { id: 'plain' },
    ];
    const j = sending([{ id: 'x', channel: 'email', status: 'ready' }], lists);
    assert.equal(isTransactional(undefined, j), false);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', transactional: true }, j), true);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', transactional: false, list: 'receipts' }, j), true, 'its list makes it transactional');
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', list: 'receipts' }, j), true);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', list: 'news' }, j), false);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', list: 'plain' }, j), false);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', list: 'unknown' }, j), false);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready' }, j), false);
    assert.equal(isTransactional({ id: 'a', channel: 'email', status: 'ready', list: 'receipts' }, { ...j, lists: undefined }), false, 'no lists declared');
  });

  it('R17: a journey is marketing when one of its email or SMS points sends content that is not transactional (or not declared)', () => {
    const lists: Journey['lists'] = [{ id: 'receipts', kind: 'transactional' }];
    assert.equal(isMarketingJourney(sending([{ id: 'promo', channel: 'email', status: 'ready' }], lists)), true);
    assert.equal(isMarketingJourney(sending([{ id: 'receipt', channel: 'email', status: 'ready', transactional: true }], lists)), false);
    assert.equal(isMarketingJourney(sending([{ id: 'receipt', channel: 'email', status: 'ready', list: 'receipts' }], lists)), false);
    assert.equal(isMarketingJourney(sending([{ id: 'code', channel: 'sms', status: 'ready', transactional: true }], lists, 'sendSms')), false);
    assert.equal(isMarketingJourney(sending([{ id: 'offer', channel: 'sms', status: 'ready' }], lists, 'sendSms')), true);
    assert.equal(isMarketingJourney(sending(undefined, lists)), true, 'content that is not declared counts as marketing');
    const noSends = journey({ startingPoints: [tagTrigger('sp', 'go', 't')], points: [{ id: 't', type: 'addTag', tag: 'x', next: 'e' }, { id: 'e', type: 'end' }] });
    assert.equal(isMarketingJourney(noSends), false);
  });

  it('R17: a transactional email is always sent; a marketing one is suppressed by a master unsubscribe first, then by its list', () => {
    const now = T('2026-03-02T09:00:00Z');
    const everything = contact({ unsubscribedAll: true, lists: { news: 'unsubscribed' }, frequency: 'daily' });
    assert.equal(emailSuppression(true, 'news', everything, now, now, 'UTC'), undefined);
    assert.equal(emailSuppression(false, 'news', everything, now, now, 'UTC'), 'unsubscribedAll');
    assert.equal(emailSuppression(false, 'news', contact({ lists: { news: 'unsubscribed' }, frequency: 'daily' }), now, now, 'UTC'), 'listUnsubscribed');
    assert.equal(emailSuppression(false, 'news', contact({ lists: { other: 'subscribed' } }), now, -Infinity, 'UTC'), 'notSubscribed');
    assert.equal(emailSuppression(false, 'news', contact(), now, -Infinity, 'UTC'), 'notSubscribed');
    assert.equal(emailSuppression(false, 'news', contact({ lists: { news: 'subscribed' } }), now, -Infinity, 'UTC'), undefined);
    assert.equal(emailSuppression(false, undefined, contact({ lists: { news: 'unsubscribed' } }), now, -Infinity, 'UTC'), undefined, 'content without a list needs no subscription');
  });

  it('R18: the frequency cap allows the next marketing email exactly one period (nominal days in the zone, R0) after the last one sent', () => {
    const last = T('2026-03-02T09:00:00Z');
    const c = (frequency: ContactView['frequency']) => contact({ frequency });
    assert.equal(emailSuppression(false, undefined, c('weekly'), last + 7 * DAY - 1, last, 'UTC'), 'frequency');
    assert.equal(emailSuppression(false, undefined, c('weekly'), last + 7 * DAY, last, 'UTC'), undefined);
    assert.equal(emailSuppression(false, undefined, c('daily'), last + DAY - 1, last, 'UTC'), 'frequency');
    assert.equal(emailSuppression(false, undefined, c('daily'), last + DAY, last, 'UTC'), undefined);
    assert.equal(emailSuppression(false, undefined, c('biweekly'), last + 14 * DAY - 1, last, 'UTC'), 'frequency');
    assert.equal(emailSuppression(false, undefined, c('biweekly'), last + 14 * DAY, last, 'UTC'), undefined);
    assert.equal(emailSuppression(false, undefined, c('quarterly'), last + 91 * DAY - 1, last, 'UTC'), 'frequency');
    assert.equal(emailSuppression(false, undefined, c('quarterly'), last + 91 * DAY, last, 'UTC'), undefined);
    assert.equal(emailSuppression(false, undefined, c(undefined), last, last, 'UTC'), undefined, 'no chosen frequency: no cap');
    assert.equal(emailSuppression(false, undefined, c('daily'), last, -Infinity, 'UTC'), undefined, 'never sent before');
    // Across the spring-forward change in Berlin (29 March 2026) a day is 23 hours.
    const before = T('2026-03-28T09:00:00Z');
    assert.equal(emailSuppression(false, undefined, c('daily'), before + 23 * 3_600_000, before, 'Europe/Berlin'), undefined);
    assert.equal(emailSuppression(false, undefined, c('daily'), before + 23 * 3_600_000 - 1, before, 'Europe/Berlin'), 'frequency');
    assert.deepEqual(FREQUENCY_PERIOD_MS, { daily: DAY, weekly: 7 * DAY, biweekly: 14 * DAY, quarterly: 91 * DAY });
    assert.deepEqual(FREQUENCY_PERIOD.weekly, { days: 7, exactMs: 0 });
  });

  it('R17: an SMS needs a phone number first (transactional too), then for marketing no master unsubscribe, its list, and SMS consent', () => {
    const phone = '+37060000000';
    assert.equal(smsSuppression(true, undefined, contact({ unsubscribedAll: true }), undefined), 'noPhone');
    assert.equal(smsSuppression(true, 'news', contact({ phone, unsubscribedAll: true }), undefined), undefined);
    assert.equal(smsSuppression(false, 'news', contact({ phone, unsubscribedAll: true, lists: { news: 'unsubscribed' } }), undefined), 'unsubscribedAll');
    assert.equal(smsSuppression(false, 'news', contact({ phone, smsConsent: true, lists: { news: 'unsubscribed' } }), undefined), 'listUnsubscribed');
    assert.equal(smsSuppression(false, 'news', contact({ phone, smsConsent: true }), undefined), 'notSubscribed');
    assert.equal(smsSuppression(false, 'news', contact({ phone, lists: { news: 'subscribed' } }), undefined), 'noSmsConsent');
    assert.equal(smsSuppression(false, undefined, contact({ phone, smsConsent: false }), undefined), 'noSmsConsent');
    assert.equal(smsSuppression(false, 'news', contact({ phone, smsConsent: true, lists: { news: 'subscribed' } }), undefined), undefined);
  });

  it('R17: the phone is the point’s phone field when it names one, else the contact’s phone, else its phone field; blank is none, a number is one', () => {
    assert.equal(phoneOf(contact({ phone: '+1', fields: { mobile: '+2' } }), 'mobile'), '+2');
    assert.equal(phoneOf(contact({ phone: '+1' }), 'mobile'), undefined, 'the named field only');
    assert.equal(phoneOf(contact({ fields: { mobile: 37060000000 } }), 'mobile'), '37060000000');
    assert.equal(phoneOf(contact({ fields: { mobile: '   ' } }), 'mobile'), undefined);
    assert.equal(phoneOf(contact({ fields: { mobile: true } }), 'mobile'), undefined);
    assert.equal(phoneOf(contact({ phone: '+1', fields: { phone: '+3' } }), undefined), '+1');
    assert.equal(phoneOf(contact({ phone: '+1', fields: { phone: '+3' } }), 'phone'), '+1', 'the field "phone" is the contact’s phone first');
    assert.equal(phoneOf(contact({ phone: ' ', fields: { phone: '+3' } }), undefined), '+3');
    assert.equal(phoneOf(contact({ fields: { phone: 5 } }), undefined), '5');
    assert.equal(phoneOf(contact(), undefined), undefined);
  });
});
