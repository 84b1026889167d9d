// Specification of src/core/pointSummary.ts: the one-line summaries of
// starting points' triggers and filters and of journey points shown on the
// map, in hover and in the outline. Each kind of declared thing is named
// through its own table of names (here each table marks its kind, so a
// summary that asks the wrong table shows it); without tables, by id.
import assert from 'node:assert/strict';
import { ID_NAMES, POINT_TYPE_LABELS, summarizeFilter, summarizePoint, summarizeTrigger, type SummaryNames } from '../../src/core/pointSummary';
import type { Filter, JourneyPoint, Trigger } from '../../src/core/schema';

const NAMES: SummaryNames = {
  content: (id) => `content ${id}`,
  point: (id) => `point ${id}`,
  list: (id) => `list ${id}`,
  campaign: (id) => `campaign ${id}`,
  form: (id) => `form ${id}`,
  segment: (id) => `segment ${id}`,
};

const trigger = (t: Record<string, unknown>) => summarizeTrigger(t as unknown as Trigger, NAMES);
const filter = (f: Record<string, unknown>) => summarizeFilter(f as unknown as Filter, NAMES);
const point = (p: Record<string, unknown>) => summarizePoint({ id: 'p', ...p } as unknown as JourneyPoint, NAMES);

describe('summaries of triggers, filters and points (pointSummary.ts)', () => {
  it('R2: each trigger in words, naming lists, forms, campaigns and segments by their names', () => {
    assert.equal(trigger({ type: 'audienceJoined' }), 'Joins the audience');
    assert.equal(trigger({ type: 'audienceJoined', list: 'news' }), "Joins list 'list news'");
    assert.equal(trigger({ type: 'tagAdded', tag: 'vip' }), "Tag 'vip' added");
    assert.equal(trigger({ type: 'tagRemoved', tag: 'vip' }), "Tag 'vip' removed");
    assert.equal(trigger({ type: 'customEvent', name: 'cart' }), "Event 'cart'");
    assert.equal(trigger({ type: 'formSubmitted', form: 'signup' }), "Submits form 'form signup'");
    assert.equal(trigger({ type: 'campaignActivity', activity: 'opened', campaign: 'spring' }), "Opened campaign 'campaign spring'");
    assert.equal(trigger({ type: 'campaignActivity', activity: 'clicked', campaign: 'spring' }), "Clicked campaign 'campaign spring'");
    assert.equal(trigger({ type: 'campaignActivity', activity: 'notOpened', campaign: 'spring' }), "Did not open campaign 'campaign spring'");
    assert.equal(trigger({ type: 'dateField', field: 'birthday', time: '09:00' }), "Yearly on 'birthday' at 09:00");
    assert.equal(trigger({ type: 'dateField', field: 'birthday', time: '09:00', timeZone: 'Europe/Berlin' }), "Yearly on 'birthday' at 09:00 (Europe/Berlin)");
    assert.equal(trigger({ type: 'segmentEntered', segment: 'top' }), "Enters segment 'segment top'");
    assert.equal(trigger({ type: 'api' }), 'API call');
  });

  it('R3: each filter predicate in words', () => {
    assert.equal(filter({ type: 'hasTag', tag: 'vip' }), "tag 'vip'");
    assert.equal(filter({ type: 'field', field: 'age', op: 'gt', value: 30 }), 'age gt 30');
    assert.equal(filter({ type: 'field', field: 'city', op: 'eq', value: 'Köln' }), 'city eq "Köln"');
    assert.equal(filter({ type: 'field', field: 'email', op: 'exists' }), 'email exists');
    assert.equal(filter({ type: 'memberOf', list: 'news' }), "on list 'list news'");
    assert.equal(filter({ type: 'inSegment', segment: 'top' }), "in segment 'segment top'");
    assert.equal(filter({ type: 'language', language: 'de' }), 'language de');
    assert.equal(filter({ type: 'campaignActivity', activity: 'opened', campaign: 'spring' }), "opened campaign 'campaign spring'");
    assert.equal(filter({ type: 'campaignActivity', activity: 'clicked', campaign: 'spring' }), "clicked campaign 'campaign spring'");
    assert.equal(filter({ type: 'campaignActivity', activity: 'notOpened', campaign: 'spring' }), "did not open campaign 'campaign spring'");
    assert.equal(filter({ type: 'emailEquals', email: 'a@b.c' }), 'email is a@b.c');
    assert.equal(filter({ type: 'nameEquals', name: 'Ann' }), 'name is Ann');
  });

  it('R3: all joins its parts with AND, any with OR in parentheses, not prefixes NOT; an empty all or any says so', () => {
    const tag = (t: string) => ({ type: 'hasTag', tag: t });
    assert.equal(filter({ type: 'all', of: [tag('a'), tag('b')] }), "tag 'a' AND tag 'b'");
    assert.equal(filter({ type: 'any', of: [tag('a'), tag('b')] }), "(tag 'a' OR tag 'b')");
    assert.equal(filter({ type: 'not', filter: tag('a') }), "NOT tag 'a'");
    assert.equal(filter({ type: 'all', of: [] }), '(all of nothing)');
    assert.equal(filter({ type: 'any', of: [] }), '(any of nothing)');
    assert.equal(
      filter({ type: 'all', of: [{ type: 'any', of: [tag('a'), { type: 'memberOf', list: 'l' }] }, { type: 'not', filter: { type: 'inSegment', segment: 's' } }] }),
      "(tag 'a' OR on list 'list l') AND NOT in segment 'segment s'",
    );
  });

  it('R4: each action point in words, naming content and lists by their names', () => {
    assert.equal(point({ type: 'sendEmail', content: 'welcome', next: 'n' }), "Email 'content welcome'");
    assert.equal(point({ type: 'sendSms', content: 'hi', next: 'n' }), "SMS 'content hi'");
    assert.equal(point({ type: 'sendSms', content: 'hi', phoneField: 'mobile', next: 'n' }), "SMS 'content hi' to mobile");
    assert.equal(point({ type: 'addTag', tag: 'vip', next: 'n' }), "Tag 'vip'");
    assert.equal(point({ type: 'removeTag', tag: 'vip', next: 'n' }), "Tag 'vip'");
    assert.equal(point({ type: 'updateField', field: 'score', value: 3, next: 'n' }), 'score = 3');
    assert.equal(point({ type: 'updateField', field: 'city', value: 'Köln', next: 'n' }), 'city = "Köln"');
    assert.equal(point({ type: 'subscribeList', list: 'news', next: 'n' }), "List 'list news'");
    assert.equal(point({ type: 'unsubscribeList', list: 'news', next: 'n' }), "List 'list news'");
    assert.equal(point({ type: 'webhook', url: 'https://example.com/hook', next: 'n' }), 'POST https://example.com/hook');
    assert.equal(point({ type: 'webhook', url: 'https://example.com/hook', method: 'PUT', next: 'n' }), 'PUT https://example.com/hook');
    assert.equal(point({ type: 'exit', reason: 'unsubscribed' }), 'Exit: unsubscribed');
    assert.equal(point({ type: 'exit' }), 'Leave the journey');
    assert.equal(point({ type: 'end' }), 'Journey complete');
  });

  it('R4: each rule point in words: the condition, the wait, the date-time, the shares', () => {
    assert.equal(point({ type: 'ifElse', condition: { type: 'memberOf', list: 'news' }, branches: { yes: 'a', no: 'b' } }), "If on list 'list news'");
    assert.equal(point({ type: 'wait', duration: 'P2DT6H', next: 'n' }), '2 days 6 hours');
    assert.equal(point({ type: 'waitUntil', at: '2026-12-24T18:00', next: 'n' }), '2026-12-24 18:00');
    assert.equal(point({ type: 'waitUntil', at: '2026-12-24T18:00', timeZone: 'Europe/Berlin', next: 'n' }), '2026-12-24 18:00 Europe/Berlin');
    assert.equal(point({ type: 'split', branches: [{ percent: 30, next: 'a' }, { percent: 70, next: 'b' }] }), '30% / 70%');
  });

  it('R11: a wait for an event names the event, its link, form, product or tag, and the timeout', () => {
    const wait = (event: Record<string, unknown>) => point({ type: 'waitForEvent', event, timeout: 'P1D', branches: { yes: 'a', timeout: 'b' } });
    assert.equal(wait({ type: 'emailClicked', point: 'mail' }), "Wait for click in 'point mail' · 1 day");
    assert.equal(wait({ type: 'emailClicked', point: 'mail', link: 'product' }), "Wait for click on 'product' in 'point mail' · 1 day");
    assert.equal(wait({ type: 'emailOpened', point: 'mail' }), "Wait for open of 'point mail' · 1 day");
    assert.equal(wait({ type: 'formSubmitted', form: 'signup' }), "Wait for form 'form signup' · 1 day");
    assert.equal(wait({ type: 'purchase' }), 'Wait for purchase · 1 day');
    assert.equal(wait({ type: 'purchase', product: 'shoes' }), "Wait for purchase of 'shoes' · 1 day");
    assert.equal(wait({ type: 'tagAdded', tag: 'vip' }), "Wait for tag 'vip' · 1 day");
    assert.equal(wait({ type: 'customEvent', name: 'cart' }), "Wait for event 'cart' · 1 day");
  });

  it('without names, summaries name things by their ids', () => {
    assert.equal(summarizeTrigger({ type: 'formSubmitted', form: 'signup' } as Trigger), "Submits form 'signup'");
    assert.equal(summarizeFilter({ type: 'inSegment', segment: 'top' } as Filter), "in segment 'top'");
    assert.equal(summarizePoint({ id: 'p', type: 'sendEmail', content: 'welcome', next: 'n' } as JourneyPoint), "Email 'welcome'");
    for (const kind of ['content', 'point', 'list', 'campaign', 'form', 'segment'] as const) assert.equal(ID_NAMES[kind]('some_id'), 'some_id');
  });

  it('every point type has a label', () => {
    assert.deepEqual(Object.keys(POINT_TYPE_LABELS).sort(), ['addTag', 'end', 'exit', 'ifElse', 'removeTag', 'sendEmail', 'sendSms', 'split', 'subscribeList', 'unsubscribeList', 'updateField', 'wait', 'waitForEvent', 'waitUntil', 'webhook']);
    assert.equal(POINT_TYPE_LABELS.split, 'Percentage split');
  });
});
