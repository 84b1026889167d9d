// R17: what the consent diagnostics tell the person (the point or content
// item concerned, the channel of each side, the lists or content that would
// fit), and which sends and content items are not checked at all.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

const email = (id: string, extra: JourneyObject = {}) => ({ id, channel: 'email', status: 'ready', ...extra });
const sms = (id: string) => ({ id, channel: 'sms', status: 'ready' });

/** start -> p1 (`send`) -> p2 end, with these declarations. */
const journey = (declarations: JourneyObject, send: JourneyObject = { type: 'sendEmail', content: 'c1' }) =>
  baseJourney({ ...declarations, points: [{ id: 'p1', ...send, next: 'p2' }, { id: 'p2', type: 'end' }] });

describe('R17 lists of content items', () => {
  it('R17: a marketing email without a list, in a journey without marketing lists, only asks for a list', () => {
    for (const lists of [undefined, [{ id: 'orders', kind: 'transactional' }]]) {
      const d = expectOne(check(journey({ ...(lists ? { lists } : {}), content: [email('c1')] })), { code: 'R17.marketing-email-without-list', rule: 'R17', severity: 'error', spanned: '"c1"' });
      assert.match(d.message, /^Marketing email "c1" names no list: .* \(R17\), so without one consent cannot be checked\. Add "list", or mark it "transactional": true if it is an order or service message\.$/);
      assert.deepEqual(d.data, { content: 'c1', missing: 'list', lists: [] });
    }
  });

  it('R17: a marketing email without a list offers the marketing lists, ten at most in the data', () => {
    const lists = Array.from({ length: 11 }, (_, i) => ({ id: `list_${i}`, kind: 'marketing' }));
    const d = expectOne(check(journey({ lists, content: [email('c1')] })), { code: 'R17.marketing-email-without-list', rule: 'R17', severity: 'error', spanned: '"c1"' });
    assert.match(d.message, /Add "list" \(e\.g\. "list_0", .*"list_9" and 1 more\), or mark it/);
    assert.deepEqual(d.data?.['lists'], lists.slice(0, 10).map((l) => l.id));
  });

  it('R17: a marketing item on a transactional list names the marketing lists and suggests the only one', () => {
    const one = expectOne(
      check(journey({ lists: [{ id: 'orders', kind: 'transactional' }, { id: 'news', kind: 'marketing' }], content: [email('c1', { list: 'orders', transactional: false })] })),
      { code: 'R17.marketing-on-transactional-list', rule: 'R17', severity: 'error', spanned: '"orders"' },
    );
    assert.equal(
      one.message,
      'Content item "c1" is marketing ("transactional": false) but its list "orders" is transactional: messages on a transactional list are sent regardless of consent, marketing ones need it (R17). Put it on a marketing list ("news"), or mark it transactional.',
    );
    assert.deepEqual(one.data, { content: 'c1', list: 'orders', marketingLists: ['news'], suggestion: 'news' });
    const lists = [{ id: 'orders', kind: 'transactional' }, ...Array.from({ length: 11 }, (_, i) => ({ id: `list_${i}` }))];
    const many = expectOne(check(journey({ lists, content: [email('c1', { list: 'orders', transactional: false })] })), { code: 'R17.marketing-on-transactional-list', rule: 'R17', severity: 'error', spanned: '"orders"' });
    assert.deepEqual(many.data?.['marketingLists'], lists.slice(1, 11).map((l) => l.id));
    assert.equal(many.data?.['suggestion'], undefined);
    const none = expectOne(check(journey({ lists: [{ id: 'orders', kind: 'transactional' }], content: [email('c1', { list: 'orders', transactional: false })] })), {
      code: 'R17.marketing-on-transactional-list',
      rule: 'R17',
      severity: 'error',
      spanned: '"orders"',
    });
    assert.match(none.message, /Put it on a marketing list, or mark it transactional\.$/);
    assert.deepEqual(none.data, { content: 'c1', list: 'orders', marketingLists: [] });
  });

  it('R17: an unknown list of a content item names the content item', () => {
    const d = expectOne(check(journey({ lists: [{ id: 'news' }], content: [email('c1', { list: 'newz' })] })), { code: 'R17.unknown-list', rule: 'R17', severity: 'error', spanned: '"newz"' });
    assert.match(d.message, /^Unknown list "newz" in content item "c1": /);
  });

  it('R17: a content item without a list is not checked against the declared lists; undeclared lists are not checked at all', () => {
    expectNone(check(journey({ lists: [{ id: 'news' }], content: [email('c1', { transactional: true })] })));
    expectNone(check(journey({ content: [email('c1', { list: 'news' })] })));
    expectNone(check(journey({ content: [email('c1', { list: 'news', transactional: true })] })));
  });
});

describe('R17 send points', () => {
  it('R17: subscribe and unsubscribe points name declared lists; the message names the point', () => {
    for (const type of ['subscribeList', 'unsubscribeList']) {
      const d = expectOne(check(journey({ lists: [{ id: 'news' }] }, { type, list: 'newz' })), { code: 'R17.unknown-list', rule: 'R17', severity: 'error', spanned: '"newz"' });
      assert.match(d.message, /^Unknown list "newz" in "p1": /);
      assert.equal(d.data?.['suggestion'], 'news');
    }
  });

  it('R17: unknown content of a send point names the point', () => {
    const d = expectOne(check(journey({ lists: [{ id: 'news' }], content: [email('c1', { list: 'news' })] }, { type: 'sendEmail', content: 'c2' })), { code: 'R17.unknown-content', rule: 'R17', severity: 'error', spanned: '"c2"' });
    assert.match(d.message, /^Unknown content item "c2" in "p1": /);
  });

  it('R17: an email point sending an SMS item says both channels and lists the email items, suggesting none of several', () => {
    const declarations = { lists: [{ id: 'news' }], content: [email('welcome', { list: 'news' }), email('offer', { list: 'news' }), sms('reminder')] };
    const d = expectOne(check(journey(declarations, { type: 'sendEmail', content: 'reminder' })), { code: 'R17.channel-mismatch', rule: 'R17', severity: 'error', spanned: '"reminder"' });
    assert.equal(
      d.message,
      '"p1" sends an email but content item "reminder" is an SMS: a send point sends content of its own channel, with that channel\'s consent (R17). Use one of "welcome", "offer".',
    );
    assert.deepEqual(d.data, { content: 'reminder', expected: 'email', candidates: ['welcome', 'offer'] });
  });

  it('R17: an SMS point sending an email item, with one SMS item, suggests it', () => {
    const declarations = { lists: [{ id: 'news' }], content: [email('welcome', { list: 'news' }), sms('reminder')] };
    const d = expectOne(check(journey(declarations, { type: 'sendSms', content: 'welcome' })), { code: 'R17.channel-mismatch', rule: 'R17', severity: 'error', spanned: '"welcome"' });
    assert.equal(
      d.message,
      '"p1" sends an SMS but content item "welcome" is an email: a send point sends content of its own channel, with that channel\'s consent (R17). Did you mean "reminder"?',
    );
    assert.equal(d.data?.['suggestion'], 'reminder');
  });

  it('R17: with no content of the point\'s channel, it says to add some or change the point', () => {
    const toSms = expectOne(check(journey({ lists: [{ id: 'news' }], content: [email('welcome', { list: 'news' })] }, { type: 'sendSms', content: 'welcome' })), {
      code: 'R17.channel-mismatch',
      rule: 'R17',
      severity: 'error',
      spanned: '"welcome"',
    });
    assert.match(toSms.message, /\(R17\)\. Add an SMS content item, or change the point to sendEmail\.$/);
    const toEmail = expectOne(check(journey({ content: [sms('reminder')] }, { type: 'sendEmail', content: 'reminder' })), { code: 'R17.channel-mismatch', rule: 'R17', severity: 'error', spanned: '"reminder"' });
    assert.match(toEmail.message, /\(R17\)\. Add an email content item, or change the point to sendSms\.$/);
  });

  it('R17: at most ten content items of the channel are carried in the data', () => {
    const items = Array.from({ length: 12 }, (_, i) => sms(`sms_${i}`));
    const d = expectOne(check(journey({ content: [...items, email('welcome', { transactional: true })] }, { type: 'sendSms', content: 'welcome' })), {
      code: 'R17.channel-mismatch',
      rule: 'R17',
      severity: 'error',
      spanned: '"welcome"',
    });
    assert.deepEqual(d.data?.['candidates'], items.slice(0, 10).map((i) => i.id));
  });

  it('R17: an SMS phone field must be declared and hold text: a boolean or date field is an error naming the field and its type', () => {
    const fields = [{ name: 'mobile', type: 'string' }, { name: 'optIn', type: 'boolean' }, { name: 'since', type: 'date' }, { name: 'count', type: 'number' }];
    const send = (phoneField: string) => ({ type: 'sendSms', content: 'reminder', phoneField });
    for (const [name, type] of [['optIn', 'boolean'], ['since', 'date']] as const) {
      const d = expectOne(check(journey({ fields, content: [sms('reminder')] }, send(name))), { code: 'R17.phone-field-type', rule: 'R17', severity: 'error', spanned: `"${name}"` });
      assert.match(d.message, new RegExp(`^Field "${name}" is a ${type} field: an SMS is sent to the phone number the phone field holds`));
      assert.deepEqual(d.data, { field: name, fieldType: type });
    }
    expectNone(check(journey({ fields, content: [sms('reminder')] }, send('mobile'))));
    expectNone(check(journey({ fields, content: [sms('reminder')] }, send('phone'))));
    const unknown = expectOne(check(journey({ fields, content: [sms('reminder')] }, send('mobil'))), { code: 'R17.unknown-field', rule: 'R17', severity: 'error', spanned: '"mobil"' });
    assert.match(unknown.message, /^Unknown field "mobil" in the phone field of "p1": /);
  });

  it('R17: sends without a phone field are not checked against the declared fields', () => {
    const fields = [{ name: 'mobile', type: 'string' }];
    expectNone(check(journey({ fields, content: [sms('reminder')] }, { type: 'sendSms', content: 'reminder' })));
    expectNone(check(journey({ fields, lists: [{ id: 'news' }], content: [email('c1', { list: 'news' })] })));
  });
});
