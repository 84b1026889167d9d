// R17: consent can be checked: a marketing email names its list; lists are
// declared; the transactional flag agrees with the list's kind; send points
// use declared content of their own channel; an SMS phone field is declared.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

const LISTS = [
  { id: 'offers', kind: 'marketing' },
  { id: 'news', kind: 'marketing' },
  { id: 'orders', kind: 'transactional' },
];

const email = (id: string, extra: JourneyObject = {}) => ({ id, channel: 'email', status: 'ready', ...extra });

/** One send point of `type` sending `content`, with these content items. */
function journey(content: JourneyObject[], send: JourneyObject = { type: 'sendEmail', content: 'c1' }, extra: JourneyObject = {}): JourneyObject {
  return baseJourney({
    lists: LISTS,
    content,
    points: [{ id: 'p1', ...send, next: 'p2' }, { id: 'p2', type: 'end' }],
    ...extra,
  });
}

describe('R17 marketing emails and their lists', () => {
  it('R17: a marketing email without a list is an error on the content item, offering the marketing lists', () => {
    const c = check(journey([email('c1')]));
    const d = expectOne(c, { code: 'R17.marketing-email-without-list', rule: 'R17', severity: 'error', spanned: '"c1"' });
    assert.deepEqual(d.path, ['content', 0]);
    assert.deepEqual(d.data, { content: 'c1', missing: 'list', lists: ['offers', 'news'] });
  });

  it('R17: a marketing email on a list, a transactional email without one, and an SMS without one raise nothing', () => {
    expectNone(check(journey([email('c1', { list: 'news' })])));
    expectNone(check(journey([email('c1', { transactional: true })])));
    expectNone(check(journey([{ id: 'c1', channel: 'sms', status: 'ready' }], { type: 'sendSms', content: 'c1' })));
  });

  it('R17: a list that is not declared is an error with the closest list', () => {
    const d = expectOne(check(journey([email('c1', { list: 'offer' })])), { code: 'R17.unknown-list', rule: 'R17', severity: 'error', spanned: '"offer"' });
    assert.equal(d.data?.['suggestion'], 'offers');
    expectOne(check(journey([email('c1', { list: 'news' })], { type: 'unsubscribeList', list: 'newz' })), { code: 'R17.unknown-list', rule: 'R17', severity: 'error', spanned: '"newz"' });
  });
});

describe('R17 transactional flag and list kind', () => {
  it('R17: a transactional content item on a marketing list is an error on its flag', () => {
    const d = expectOne(check(journey([email('c1', { list: 'offers', transactional: true })])), { code: 'R17.transactional-on-marketing-list', rule: 'R17', severity: 'error', spanned: 'true' });
    assert.equal(d.data?.['fix'], 'removeTransactional');
  });

  it('R17: a marketing content item on a transactional list is an error on its list', () => {
    expectOne(check(journey([email('c1', { list: 'orders', transactional: false })])), { code: 'R17.marketing-on-transactional-list', rule: 'R17', severity: 'error', spanned: '"orders"' });
  });

  it('R17: content that is transactional only through its list is a warning asking to say so', () => {
    const d = expectOne(check(journey([email('c1', { list: 'orders' })])), { code: 'R17.implicitly-transactional', rule: 'R17', severity: 'warning', spanned: '"orders"' });
    assert.equal(d.data?.['fix'], 'setTransactional');
  });

  it('R17: flags that agree with their lists raise nothing', () => {
    expectNone(check(journey([email('c1', { list: 'orders', transactional: true })])));
    expectNone(check(journey([email('c1', { list: 'offers', transactional: false })])));
  });
});

describe('R17 send points and their content', () => {
  it('R17: content that is not declared is an error with the closest content of the same channel', () => {
    const content = [email('welcome', { list: 'news' }), { id: 'welcome_sms', channel: 'sms', status: 'ready' }];
    const d = expectOne(check(journey(content, { type: 'sendSms', content: 'welcome-sms' })), { code: 'R17.unknown-content', rule: 'R17', severity: 'error', spanned: '"welcome-sms"' });
    assert.equal(d.data?.['suggestion'], 'welcome_sms');
  });

  it('R17: an email point sending SMS content (or the reverse) is an error on the content', () => {
    const content = [email('mail', { list: 'news' }), { id: 'text', channel: 'sms', status: 'ready' }];
    const d = expectOne(check(journey(content, { type: 'sendEmail', content: 'text' })), { code: 'R17.channel-mismatch', rule: 'R17', severity: 'error', spanned: '"text"' });
    assert.equal(d.data?.['suggestion'], 'mail');
    expectOne(check(journey(content, { type: 'sendSms', content: 'mail' })), { code: 'R17.channel-mismatch', rule: 'R17', severity: 'error', spanned: '"mail"' });
  });

  it('R17: an SMS phone field that is not a declared field is an error; a declared string field is fine', () => {
    const content = [{ id: 'text', channel: 'sms', status: 'ready' }];
    const fields = { fields: [{ name: 'mobile', type: 'string' }, { name: 'born', type: 'date' }] };
    const d = expectOne(check(journey(content, { type: 'sendSms', content: 'text', phoneField: 'mobil' }, fields)), { code: 'R17.unknown-field', rule: 'R17', severity: 'error', spanned: '"mobil"' });
    assert.equal(d.data?.['suggestion'], 'mobile');
    expectOne(check(journey(content, { type: 'sendSms', content: 'text', phoneField: 'born' }, fields)), { code: 'R17.phone-field-type', rule: 'R17', severity: 'error', spanned: '"born"' });
    expectNone(check(journey(content, { type: 'sendSms', content: 'text', phoneField: 'mobile' }, fields)));
    expectNone(check(journey(content, { type: 'sendSms', content: 'text', phoneField: 'phone' }, fields)));
    expectNone(check(journey(content, { type: 'sendSms', content: 'text', phoneField: 'anything' })), 'R17.unknown-field');
  });

  it('R17: without a content array, content ids are not checked (R21 asks for them before publishing)', () => {
    expectNone(check(baseJourney({ points: [{ id: 'p1', type: 'sendEmail', content: 'whatever', next: 'p2' }, { id: 'p2', type: 'end' }] })));
  });
});
