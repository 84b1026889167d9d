// Specification of `journey import` in process (src/core/importing/): a
// Segment Spec history (identify and track messages) or CSV rows become
// timeline contacts and events, one record at a time; the mapping's
// templates read "$paths" from the record and translate values; traits set
// contact properties or fields; every record that cannot become an event is
// a bad row at its line; unmapped event names and unused message types are
// counted, never dropped silently. (test/unit/import.test.ts runs the CLI.)
import assert from 'node:assert/strict';
import { setTrait } from '../../../src/core/importing/contactTraits';
import { fillTemplate, valueAtPath } from '../../../src/core/importing/eventTemplate';
import { CsvMapping, SEGMENT_SPEC_EVENTS, SegmentMapping } from '../../../src/core/importing/importMapping';
import { type BadRow, TimelineImport } from '../../../src/core/importing/timelineImport';
import { ContactEvent } from '../../../src/core/timeline';

function importer() {
  const events: ContactEvent[] = [];
  const bad: BadRow[] = [];
  const run = new TimelineImport((e) => events.push(e), (b) => bad.push(b));
  return { run, events, bad };
}

const SEGMENT: SegmentMapping = SegmentMapping.parse({ formatVersion: 1 });
const AT = '2026-03-02T09:00:00Z';

describe('import: event templates', () => {
  it('reads "$paths" from the record, keeps other values as written, leaves out what the record does not have', () => {
    const record = { properties: { email_id: 'mail_1', link_url: 'https://x/a', empty: '' } };
    const read = (path: string) => valueAtPath(record, path);
    assert.deepEqual(fillTemplate({ type: 'emailClicked', content: '$properties.email_id', link: '$properties.link_url', point: '$properties.point' }, read, undefined), { type: 'emailClicked', content: 'mail_1', link: 'https://x/a' });
    assert.deepEqual(fillTemplate({ type: 'customEvent', name: 'Fixed', note: '$properties.empty', none: '$nothing' }, read, undefined), { type: 'customEvent', name: 'Fixed' });
  });

  it('translates a value read from the record by the mapping\'s value map of that property, and only that property', () => {
    const read = () => 'Welcome Mail';
    assert.deepEqual(fillTemplate({ type: 'emailOpened', content: '$x', point: '$x' }, read, { content: { 'Welcome Mail': 'welcome' } }), { type: 'emailOpened', content: 'welcome', point: 'Welcome Mail' });
    assert.deepEqual(fillTemplate({ type: 'emailOpened', content: '$x' }, () => 'toString', { content: { 'Welcome Mail': 'welcome' } }), { type: 'emailOpened', content: 'toString' }, 'a value named like an object member is not translated');
    assert.deepEqual(fillTemplate({ type: 'emailOpened', content: '$x' }, () => 7, { content: { '7': 'seven' } }), { type: 'emailOpened', content: 7 }, 'only text is translated');
  });

  it('an amount read as text is a number when it is one', () => {
    assert.deepEqual(fillTemplate({ type: 'purchase', amount: '$a', product: '$p' }, (p) => (p === 'a' ? ' 89.90 ' : '42'), undefined), { type: 'purchase', amount: 89.9, product: '42' });
    assert.deepEqual(fillTemplate({ type: 'purchase', amount: '$a' }, () => 'lots', undefined), { type: 'purchase', amount: 'lots' });
    assert.deepEqual(fillTemplate({ type: 'purchase', amount: '$a' }, () => '  ', undefined), { type: 'purchase', amount: '  ' });
    assert.deepEqual(fillTemplate({ type: 'purchase', amount: '$a' }, () => 12, undefined), { type: 'purchase', amount: 12 });
  });

  it('fields and properties keep only the record\'s primitive values; written as an object, each entry is read', () => {
    const record = { props: { plan: 'pro', seats: 3, paid: true, nested: { x: 1 }, list: [1], nothing: null }, col: 'blue', blank: '' };
    const read = (path: string) => valueAtPath(record, path);
    assert.deepEqual(fillTemplate({ type: 'customEvent', name: 'n', properties: '$props' }, read, undefined), { type: 'customEvent', name: 'n', properties: { plan: 'pro', seats: 3, paid: true } });
    assert.deepEqual(fillTemplate({ type: 'formSubmitted', form: 'f', fields: '$props.list' }, read, undefined), { type: 'formSubmitted', form: 'f' });
    assert.deepEqual(fillTemplate({ type: 'formSubmitted', form: 'f', fields: '$col' }, read, undefined), { type: 'formSubmitted', form: 'f' });
    assert.deepEqual(fillTemplate({ type: 'formSubmitted', form: 'f', fields: { colour: '$col', fixed: 'x', gone: '$blank' } }, read, undefined), { type: 'formSubmitted', form: 'f', fields: { colour: 'blue', fixed: 'x' } });
    assert.deepEqual(fillTemplate({ type: 'customEvent', name: 'n', other: { colour: '$col' } }, read, undefined), { type: 'customEvent', name: 'n', other: { colour: '$col' } }, 'only fields and properties are read entry by entry');
    const proto = fillTemplate({ type: 'customEvent', name: 'n', properties: { __proto__: '$col' } as never }, read, undefined);
    assert.deepEqual(Object.keys(proto['properties'] as object), [], 'a literal __proto__ key is not an entry');
  });

  it('a dotted path reads into objects and arrays, and gives nothing past a leaf or for inherited members', () => {
    const root = { a: { b: [{ c: 'x' }] }, n: null };
    assert.equal(valueAtPath(root, 'a.b.0.c'), 'x');
    assert.equal(valueAtPath(root, 'a.b.1.c'), undefined);
    assert.equal(valueAtPath(root, 'a.b.0.c.d'), undefined);
    assert.equal(valueAtPath(root, 'n.x'), undefined);
    assert.equal(valueAtPath(root, 'a.toString'), undefined);
  });
});

describe('import: contact traits', () => {
  it('sets contact properties, converting text lists and booleans; fields take primitives only', () => {
    const c: Record<string, unknown> = { id: 'c' };
    assert.equal(setTrait(c, 'email', 'a@b.c'), true);
    assert.equal(setTrait(c, 'name', 'Ann'), true);
    assert.equal(setTrait(c, 'phone', '+49'), true);
    assert.equal(setTrait(c, 'language', 'de'), true);
    assert.equal(setTrait(c, 'frequency', 'weekly'), true);
    assert.equal(setTrait(c, 'tags', 'vip; gold|,new'), true);
    assert.equal(setTrait(c, 'segments', ['s1']), true);
    assert.equal(setTrait(c, 'lists', 'news=unsubscribed; offers'), true);
    assert.equal(setTrait(c, 'smsConsent', ' Yes '), true);
    assert.equal(setTrait(c, 'unsubscribedAll', 'n'), true);
    assert.equal(setTrait(c, 'fields.score', 5), true);
    assert.equal(setTrait(c, 'fields.nested', { a: 1 }), false);
    assert.equal(setTrait(c, 'shoeSize', '42'), false);
    assert.equal(setTrait(c, 'email', ''), true, 'an empty value sets nothing');
    assert.equal(setTrait(c, 'name', null), true);
    assert.deepEqual(c, {
      id: 'c',
      email: 'a@b.c',
      name: 'Ann',
      phone: '+49',
      language: 'de',
      frequency: 'weekly',
      tags: ['vip', 'gold', 'new'],
      segments: ['s1'],
      lists: { news: 'unsubscribed', offers: 'subscribed' },
      smsConsent: true,
      unsubscribedAll: false,
      fields: { score: 5 },
    });
    // R17: a text list of lists is read without the spaces around its parts and around "=", and a blank part names no list.
    const spaced: Record<string, unknown> = { id: 'd' };
    assert.equal(setTrait(spaced, 'lists', ' news = unsubscribed ,  , offers ; '), true);
    assert.deepEqual(spaced['lists'], { news: 'unsubscribed', offers: 'subscribed' });
  });

  it('R17: lists as an array are all subscribed; booleans from true/false/yes/no/1/0/y/n, other text kept as it is', () => {
    const c: Record<string, unknown> = {};
    setTrait(c, 'lists', ['a', 3, 'b']);
    assert.deepEqual(c['lists'], { a: 'subscribed', b: 'subscribed' });
    setTrait(c, 'lists', { x: 'subscribed' });
    assert.deepEqual(c['lists'], { x: 'subscribed' });
    for (const [text, value] of [['true', true], ['1', true], ['y', true], ['FALSE', false], ['no', false], ['0', false], ['maybe', 'maybe']] as const) {
      setTrait(c, 'smsConsent', text);
      assert.equal(c['smsConsent'], value, text);
    }
    setTrait(c, 'smsConsent', false);
    assert.equal(c['smsConsent'], false);
    setTrait(c, 'fields.__proto__', 'x');
    assert.deepEqual(Object.keys(c['fields'] as object), ['__proto__'], 'a field named __proto__ is a field');
  });
});

describe('import: Segment Spec messages', () => {
  it('R7 R11 R17: track messages of the Spec\'s email, order, form and unsubscribe events become timeline events of their contact, at their instant', () => {
    const { run, events, bad } = importer();
    run.segment({ type: 'track', userId: 'u1', event: 'Email Opened', timestamp: AT, properties: { email_id: 'mail_1' } }, 1, SEGMENT);
    run.segment({ type: 'track', anonymousId: 'anon', event: 'Order Completed', timestamp: '2026-03-02 10:00:00+01:00', properties: { revenue: 12.5, products: [{ name: 'Tea' }] } }, 2, SEGMENT);
    run.segment({ type: 'track', userId: 'u7', anonymousId: 'anon', event: 'Unsubscribed', originalTimestamp: AT, properties: {} }, 3, SEGMENT);
    run.segment({ type: 'track', userId: 'u1', event: 'Email Delivered', sentAt: AT }, 4, SEGMENT);
    run.segment({ type: 'track', userId: 'u1', event: 'Form Submitted', receivedAt: AT, properties: { form_id: 'signup', fields: { plan: 'pro' } } }, 5, SEGMENT);
    assert.deepEqual(events, [
      { at: AT, contact: 'u1', type: 'emailOpened', content: 'mail_1' },
      { at: '2026-03-02T10:00:00+01:00', contact: 'anon', type: 'purchase', product: 'Tea', amount: 12.5 },
      { at: AT, contact: 'u7', type: 'unsubscribed' },
      { at: AT, contact: 'u1', type: 'customEvent', name: 'Email Delivered' },
      { at: AT, contact: 'u1', type: 'formSubmitted', form: 'signup', fields: { plan: 'pro' } },
    ]);
    assert.deepEqual(bad, []);
    assert.deepEqual(run.contactList(), [{ id: 'u1' }, { id: 'anon' }, { id: 'u7' }]);
    assert.deepEqual(run.report(), { contacts: 3, events: 5, unmapped: {}, ignoredTypes: {}, traitChangesNotReplayed: {}, badRows: 0 });
  });

  it('the mapping\'s templates add to and override the Spec\'s; without a template an event is counted by name, or kept as a custom event when asked', () => {
    const mapping = SegmentMapping.parse({ formatVersion: 1, events: { 'Email Opened': { type: 'emailOpened', point: '$properties.email_id' }, 'Trial Started': { type: 'tagAdded', tag: 'trial' } }, values: { point: { m1: 'p_send' } } });
    const { run, events } = importer();
    run.segment({ type: 'track', userId: 'u', event: 'Email Opened', timestamp: AT, properties: { email_id: 'm1' } }, 1, mapping);
    run.segment({ type: 'track', userId: 'u', event: 'Trial Started', timestamp: AT }, 2, mapping);
    for (const line of [3, 4, 5]) run.segment({ type: 'track', userId: 'u', event: line === 5 ? 'Zebra' : 'Page Liked', timestamp: AT }, line, mapping);
    run.segment({ type: 'track', userId: 'u', event: 'toString', timestamp: AT }, 6, mapping);
    assert.deepEqual(events, [
      { at: AT, contact: 'u', type: 'emailOpened', point: 'p_send' },
      { at: AT, contact: 'u', type: 'tagAdded', tag: 'trial' },
    ]);
    assert.deepEqual(Object.entries(run.report().unmapped), [['Page Liked', 2], ['toString', 1], ['Zebra', 1]], 'most frequent first, then by name; an event named like an object member is an event name like any other');
    const kept = importer();
    const keep = SegmentMapping.parse({ formatVersion: 1, keepUnmapped: true });
    kept.run.segment({ type: 'track', userId: 'u', event: 'Page Liked', timestamp: AT, properties: { page: 'home', deep: { x: 1 } } }, 1, keep);
    assert.deepEqual(kept.events, [{ at: AT, contact: 'u', type: 'customEvent', name: 'Page Liked', properties: { page: 'home' } }]);
  });

  it('the contact id is read where the mapping says; messages other than identify and track are counted by type', () => {
    const { run, events, bad } = importer();
    const mapping = SegmentMapping.parse({ formatVersion: 1, contactId: 'context.traits.crm_id' });
    run.segment({ type: 'track', userId: 'u', event: 'Email Delivered', timestamp: AT, context: { traits: { crm_id: 'crm_9' } } }, 1, mapping);
    run.segment({ type: 'page', userId: 'u' }, 2, mapping);
    run.segment({ type: 'page', userId: 'u' }, 3, mapping);
    run.segment({ userId: 'u' }, 4, mapping);
    run.segment({ type: 'track', userId: 'u', event: 'Email Delivered', timestamp: AT }, 5, mapping);
    assert.deepEqual(events.map((e) => e.contact), ['crm_9']);
    assert.deepEqual(run.report().ignoredTypes, { page: 2, '(no type)': 1 });
    assert.deepEqual(bad, [{ line: 5, message: 'a track message without context.traits.crm_id' }]);
  });

  it('every message that cannot become an event is a bad row at its line, saying why', () => {
    const { run, events, bad } = importer();
    run.segment([1], 1, SEGMENT);
    run.segment(null, 2, SEGMENT);
    run.segment({ type: 'track', event: 'Email Delivered', timestamp: AT }, 3, SEGMENT);
    run.segment({ type: 'track', userId: '', event: 'Email Delivered', timestamp: AT }, 4, SEGMENT);
    run.segment({ type: 'track', userId: 'u', event: '', timestamp: AT }, 5, SEGMENT);
    run.segment({ type: 'track', userId: 'u', event: 'Email Delivered', timestamp: '2026-03-02T09:00:00' }, 6, SEGMENT);
    run.segment({ type: 'track', userId: 'u', event: 'Email Delivered', timestamp: 12 }, 7, SEGMENT);
    run.segment({ type: 'track', userId: 'u', event: 'Email Opened', timestamp: AT, properties: { email_id: 'not an id!' } }, 8, SEGMENT);
    run.segment({ type: 'track', userId: 'u', event: 'Form Submitted', timestamp: AT, properties: {} }, 9, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', traits: 'vip' }, 10, SEGMENT);
    run.segment({ type: 'identify', userId: 'v', traits: { email: 5 } }, 11, SEGMENT);
    run.unreadable({ line: 12, message: 'not JSON' });
    assert.deepEqual(events, []);
    assert.deepEqual(bad.map((b) => b.line), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.deepEqual(bad.slice(0, 7).map((b) => b.message), [
      'a Segment message is a JSON object',
      'a Segment message is a JSON object',
      'a track message without userId or anonymousId',
      'a track message without userId or anonymousId',
      'a track message without an event name',
      '"Email Delivered" has no timestamp that is an ISO 8601 instant with an offset',
      '"Email Delivered" has no timestamp that is an ISO 8601 instant with an offset',
    ]);
    assert.match(bad[7]!.message, /^"Email Opened" does not make a emailOpened event: content: ./);
    assert.match(bad[8]!.message, /^"Form Submitted" does not make a formSubmitted event: form: ./);
    assert.equal(bad[9]!.message, 'identify traits are a JSON object');
    assert.match(bad[10]!.message, /^the traits do not make a contact: email: ./);
    assert.equal(bad[11]!.message, 'not JSON');
    assert.equal(run.report().badRows, 12);
    assert.deepEqual(run.contactList(), [{ id: 'v' }], 'a contact whose traits are refused is kept without them; one whose events are refused is not met');
  });

  it('R7: a contact\'s first identify sets its data (Spec traits, mapped traits, the rest as fields); traits that are not contact data are counted', () => {
    const { run } = importer();
    const mapping = SegmentMapping.parse({ formatVersion: 1, traits: { plan: 'fields.tier', consent: 'smsConsent' } });
    run.segment({ type: 'identify', userId: 'u', traits: { email: 'u@x.io', tags: ['vip'], plan: 'pro', consent: 'yes', age: 30, address: { city: 'Rome' } } }, 1, mapping);
    run.segment({ type: 'identify', userId: 'w' }, 2, mapping);
    assert.deepEqual(run.contactList(), [{ id: 'u', email: 'u@x.io', tags: ['vip'], smsConsent: true, fields: { tier: 'pro', age: 30 } }, { id: 'w' }]);
    assert.deepEqual(run.report().traitChangesNotReplayed, { address: 1 });
  });

  it('R7 R16: a later identify becomes field changes and tags added at its instant; other changes are counted as not replayed', () => {
    const { run, events, bad } = importer();
    run.segment({ type: 'identify', userId: 'u', traits: { email: 'u@x.io', tags: ['vip'], score: 1, level: 'a' } }, 1, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', timestamp: AT, traits: { email: 'new@x.io', tags: ['vip', 'gold', 7], score: 2, level: 'a', gone: null, name: 'U' } }, 2, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', timestamp: AT, traits: { email: 'u@x.io' } }, 3, SEGMENT);
    assert.deepEqual(events, [
      { at: AT, contact: 'u', type: 'tagAdded', tag: 'gold' },
      { at: AT, contact: 'u', type: 'fieldChanged', field: 'score', value: 2 },
      { at: AT, contact: 'u', type: 'fieldChanged', field: 'gone', value: null },
    ]);
    assert.deepEqual(run.report().traitChangesNotReplayed, { email: 1, name: 1 });
    run.segment({ type: 'identify', userId: 'u', traits: { score: 3 } }, 4, SEGMENT);
    assert.deepEqual(bad, [{ line: 4, message: 'an identify that changes traits has no timestamp that is an ISO 8601 instant with an offset' }]);
    run.segment({ type: 'identify', userId: 'u', traits: { tags: ['silver'] } }, 5, SEGMENT);
    assert.equal(events.length, 3, 'tags without an instant add nothing');
  });

  it('the Spec\'s own event names are a fixed list', () => {
    assert.deepEqual(Object.keys(SEGMENT_SPEC_EVENTS), ['Email Opened', 'Email Link Clicked', 'Email Delivered', 'Email Bounced', 'Unsubscribed', 'Order Completed', 'Form Submitted']);
  });
});

describe('import: CSV rows', () => {
  const MAPPING = CsvMapping.parse({
    formatVersion: 1,
    columns: { contact: 'Id', at: 'When', event: 'Activity' },
    contact: { Email: 'email', Name: 'name', Lists: 'lists' },
    events: { Open: { type: 'emailOpened', content: '$Message' }, Click: { type: 'emailClicked', content: '$Message', link: '$Url' }, Buy: { type: 'purchase', amount: '$Total' } },
    values: { content: { 'Spring news': 'spring_news' } },
  });

  it('R11: each row is an event of its contact; the contact\'s columns are read from its first row', () => {
    const { run, events, bad } = importer();
    run.csv({ Id: ' c_ann ', Email: 'ann@x.io', When: '2026-03-02T09:00:00Z', Activity: ' Open ', Message: 'Spring news', Name: 'Ann', Lists: 'news;offers=unsubscribed' }, 2, MAPPING);
    run.csv({ Id: 'c_ann', Email: 'other@x.io', When: '2026-03-02 10:00:00+00:00', Activity: 'Buy', Total: '19.90', Name: 'Other' }, 3, MAPPING);
    assert.deepEqual(events, [
      { at: '2026-03-02T09:00:00Z', contact: 'c_ann', type: 'emailOpened', content: 'spring_news' },
      { at: '2026-03-02T10:00:00+00:00', contact: 'c_ann', type: 'purchase', amount: 19.9 },
    ]);
    assert.deepEqual(bad, []);
    assert.deepEqual(run.contactList(), [{ id: 'c_ann', email: 'ann@x.io', name: 'Ann', lists: { news: 'subscribed', offers: 'unsubscribed' } }]);
  });

  it('a row without a contact, an event name or an instant is a bad row naming the column; unmapped names are counted', () => {
    const { run, bad } = importer();
    run.csv({ Id: ' ', When: AT, Activity: 'Open' }, 2, MAPPING);
    run.csv({ Id: 'c_a', When: AT, Activity: '' }, 3, MAPPING);
    run.csv({ Id: 'c_a', When: '2026-03-02T09:00:00', Activity: 'Open' }, 4, MAPPING);
    run.csv({ Id: 'c_a', Activity: 'Open' }, 5, MAPPING);
    run.csv({ Id: 'c_a', When: AT, Activity: 'Bounce' }, 6, MAPPING);
    run.csv({ Id: 'c_a', When: AT, Activity: 'constructor' }, 7, MAPPING);
    run.csv({ Id: 'c_b', When: AT, Activity: 'Open', Lists: 'news=maybe' }, 8, MAPPING);
    assert.deepEqual(bad.slice(0, 4), [
      { line: 2, message: 'no contact id in column "Id"' },
      { line: 3, message: 'no event name in column "Activity"' },
      { line: 4, message: '"2026-03-02T09:00:00" in column "When" is not an ISO 8601 instant with an offset' },
      { line: 5, message: '"" in column "When" is not an ISO 8601 instant with an offset' },
    ]);
    assert.match(bad[4]!.message, /^the contact columns do not make a contact: lists\.news: ./);
    assert.equal(bad[4]!.line, 8);
    assert.deepEqual(run.report().unmapped, { Bounce: 1, constructor: 1 });
    assert.deepEqual(run.report().contacts, 1, 'the contact of an unmapped row is met; one whose columns are refused is not');
  });

  it('R0: with assumeUtc an instant without an offset is UTC, and the bad row says what it wanted', () => {
    const utc = CsvMapping.parse({ ...MAPPING, assumeUtc: true, contact: undefined });
    const { run, events, bad } = importer();
    run.csv({ Id: 'c_a', When: '2026-03-02 09:00:00', Activity: 'Open', Message: 'm1' }, 2, utc);
    run.csv({ Id: 'c_a', When: 'yesterday', Activity: 'Open' }, 3, utc);
    assert.deepEqual(events, [{ at: '2026-03-02T09:00:00Z', contact: 'c_a', type: 'emailOpened', content: 'm1' }]);
    assert.deepEqual(bad, [{ line: 3, message: '"yesterday" in column "When" is not an ISO 8601 instant' }]);
    assert.deepEqual(run.contactList(), [{ id: 'c_a' }]);
  });

  it('a mapping names its columns, its templates and targets that are contact data', () => {
    assert.equal(CsvMapping.safeParse({ formatVersion: 1, columns: { contact: 'a', at: 'b' }, events: {} }).success, false);
    assert.equal(SegmentMapping.safeParse({ formatVersion: 1, traits: { x: 'shoeSize' } }).success, false);
    assert.ok(SegmentMapping.safeParse({ formatVersion: 1, traits: { x: 'fields.shoeSize', y: 'email' } }).success);
    assert.equal(SegmentMapping.safeParse({ formatVersion: 1, traits: { x: 'fields.' } }).success, false);
    assert.equal(SegmentMapping.safeParse({ formatVersion: 1, events: { x: { type: '' } } }).success, false);
  });
});

describe('import: unusual records', () => {
  it('a null read from the record is left out; literal fields, properties and other values are kept as written', () => {
    const read = (path: string) => valueAtPath({ gone: null, text: 'abc' }, path);
    assert.deepEqual(fillTemplate({ type: 'customEvent', name: 'n', note: '$gone' }, read, undefined), { type: 'customEvent', name: 'n' });
    assert.deepEqual(fillTemplate({ type: 'formSubmitted', form: 'f', fields: 'as written', properties: ['a'], other: null }, read, undefined), { type: 'formSubmitted', form: 'f', fields: 'as written', properties: ['a'], other: null });
    assert.deepEqual(fillTemplate({ type: 'customEvent', name: 'n', properties: { plan: '$text', fixed: 1 } }, read, undefined), { type: 'customEvent', name: 'n', properties: { plan: 'abc', fixed: 1 } });
    assert.equal(valueAtPath({ a: 'xyz' }, 'a.0'), undefined, 'a text is a leaf');
  });

  it('a field takes a boolean; list text with empty parts has no empty list', () => {
    const c: Record<string, unknown> = {};
    assert.equal(setTrait(c, 'fields.vip', true), true);
    setTrait(c, 'lists', 'news;; offers ;');
    assert.deepEqual(c, { fields: { vip: true }, lists: { news: 'subscribed', offers: 'subscribed' } });
    assert.equal(SegmentMapping.safeParse({ formatVersion: 1, traits: { x: 'my.fields.x' } }).success, false);
  });

  it('a message that is text, an event name that is not text, traits that are null, a contact id that is a number: bad rows saying which', () => {
    const { run, bad } = importer();
    run.segment('identify', 1, SEGMENT);
    run.segment({ type: 'track', userId: 'u', event: 5, timestamp: AT }, 2, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', traits: null }, 3, SEGMENT);
    run.segment({ type: 'track', userId: 7, event: 'Email Delivered', timestamp: AT }, 4, SEGMENT);
    assert.deepEqual(bad.slice(0, 3), [
      { line: 1, message: 'a Segment message is a JSON object' },
      { line: 2, message: 'a track message without an event name' },
      { line: 3, message: 'identify traits are a JSON object' },
    ]);
    assert.match(bad[3]!.message, /^"Email Delivered" does not make a customEvent event: contact: ./, 'the number is read as the id "7", which is not an id');
    assert.deepEqual(run.report().unmapped, {});
  });

  it('R7 R16: later identifies: a field set for the first time, a boolean, an object (not replayed), a list other than tags (not replayed), tags without an instant (nothing, no bad row)', () => {
    const { run, events, bad } = importer();
    run.segment({ type: 'identify', userId: 'u', traits: { email: 'u@x.io' } }, 1, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', timestamp: AT, traits: { score: 1, vip: true, address: { city: 'Rome' }, segments: ['s2'] } }, 2, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', traits: { tags: ['late'] } }, 3, SEGMENT);
    assert.deepEqual(events, [
      { at: AT, contact: 'u', type: 'fieldChanged', field: 'score', value: 1 },
      { at: AT, contact: 'u', type: 'fieldChanged', field: 'vip', value: true },
    ]);
    assert.deepEqual(run.report().traitChangesNotReplayed, { address: 1, segments: 1 });
    assert.deepEqual(bad, []);
  });

  it('R7: a later identify whose change cannot be an event is a bad row naming the trait', () => {
    const { run, bad } = importer();
    run.segment({ type: 'identify', userId: 'u', traits: {} }, 1, SEGMENT);
    run.segment({ type: 'identify', userId: 'u', timestamp: AT, traits: { '': 'x', tags: [''] } }, 2, SEGMENT);
    assert.deepEqual(bad.map((b) => b.message.split(':')[0]), ['trait "" does not make a fieldChanged event', 'trait "tags" does not make a tagAdded event']);
  });

  it('CSV: cells are read trimmed, a missing column is no value, and a row whose event the template cannot make is a bad row naming the event', () => {
    const mapping = CsvMapping.parse({
      formatVersion: 1,
      columns: { contact: 'Id', at: 'When', event: 'Activity' },
      contact: { Name: 'name', Phone: 'phone' },
      events: { Open: { type: 'emailOpened', content: '$Message' }, Click: { type: 'emailClicked', content: '$Message', link: '$Url' }, Buy: { type: 'purchase', amount: '$Total' } },
      values: { content: { 'Spring news': 'spring_news' } },
    });
    const { run, events, bad } = importer();
    run.csv({ Id: 'c_a', When: ` ${AT} `, Activity: 'Click', Message: ' Spring news ', Name: ' Ann ' }, 2, mapping);
    run.csv({ When: AT, Activity: 'Open' }, 3, mapping);
    run.csv({ Id: 'c_a', When: AT }, 4, mapping);
    run.csv({ Id: 'c_a', When: AT, Activity: 'Buy', Total: 'lots' }, 5, mapping);
    assert.deepEqual(events, [{ at: AT, contact: 'c_a', type: 'emailClicked', content: 'spring_news' }]);
    assert.deepEqual(run.contactList(), [{ id: 'c_a', name: 'Ann' }]);
    assert.deepEqual(bad.slice(0, 2), [{ line: 3, message: 'no contact id in column "Id"' }, { line: 4, message: 'no event name in column "Activity"' }]);
    assert.match(bad[2]!.message, /^"Buy" does not make a purchase event: amount: ./);
  });
});

describe('import: nested problems', () => {
  it('literal null fields or properties in a template are kept as written (the timeline schema then judges them)', () => {
    assert.deepEqual(fillTemplate({ type: 'formSubmitted', form: 'f', fields: null, properties: null }, () => undefined, undefined), { type: 'formSubmitted', form: 'f', fields: null, properties: null });
  });

  it('R17: traits that do not make a contact name the nested property at fault', () => {
    const { run, bad } = importer();
    run.segment({ type: 'identify', userId: 'u', traits: { lists: 'news=maybe' } }, 1, SegmentMapping.parse({ formatVersion: 1, traits: { lists: 'lists' } }));
    assert.match(bad[0]!.message, /^the traits do not make a contact: lists\.news: ./);
  });
});
