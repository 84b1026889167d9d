// Specification of filters (R3) and if/else conditions (R12) on a contact's
// data at an instant (src/core/simulator/filterEvaluation.ts): each
// predicate, its edge cases (case, spaces, prefixes, numeric strings,
// dates in the journey's zone, the bounds of a comparison), and all / any /
// not over them.
import assert from 'node:assert/strict';
import type { Filter } from '../../../src/core/schema';
import type { ContactView } from '../../../src/core/simulator/contactStore';
import { anniversaryMatches, civilDate, evaluateFilter } from '../../../src/core/simulator/filterEvaluation';
import { T } from './helpers';

const NOW = T('2026-03-02T12:00:00Z');
const at = (contact: Omit<ContactView, 'id'>, filter: Filter, now = NOW, timeZone = 'UTC') => evaluateFilter(filter, { id: 'c1', ...contact }, { now, timeZone });
const field = (name: string, op: Extract<Filter, { type: 'field' }>['op'], value?: string | number | boolean): Filter => ({ type: 'field', field: name, op, ...(value !== undefined ? { value } : {}) });

describe('filters (R3) and conditions (R12) on contact data', () => {
  it('R3: all holds when every part holds (also when there is none), any when one does (not when there is none), not inverts', () => {
    const yes: Filter = { type: 'hasTag', tag: 'a' };
    const no: Filter = { type: 'hasTag', tag: 'b' };
    const c = { tags: ['a'] };
    assert.equal(at(c, { type: 'all', of: [yes, yes] }), true);
    assert.equal(at(c, { type: 'all', of: [yes, no] }), false);
    assert.equal(at(c, { type: 'all', of: [no, yes] }), false);
    assert.equal(at(c, { type: 'all', of: [] }), true);
    assert.equal(at(c, { type: 'any', of: [no, yes] }), true);
    assert.equal(at(c, { type: 'any', of: [yes, no] }), true);
    assert.equal(at(c, { type: 'any', of: [no, no] }), false);
    assert.equal(at(c, { type: 'any', of: [] }), false);
    assert.equal(at(c, { type: 'not', filter: yes }), false);
    assert.equal(at(c, { type: 'not', filter: no }), true);
  });

  it('R3: has tag, member of a list (subscribed only), in a segment; a contact without them has none', () => {
    const c = { tags: ['vip'], lists: { news: 'subscribed' as const, promo: 'unsubscribed' as const }, segments: ['top'] };
    assert.equal(at(c, { type: 'hasTag', tag: 'vip' }), true);
    assert.equal(at(c, { type: 'hasTag', tag: 'VIP' }), false);
    assert.equal(at({}, { type: 'hasTag', tag: 'vip' }), false);
    assert.equal(at(c, { type: 'memberOf', list: 'news' }), true);
    assert.equal(at(c, { type: 'memberOf', list: 'promo' }), false);
    assert.equal(at(c, { type: 'memberOf', list: 'other' }), false);
    assert.equal(at({}, { type: 'memberOf', list: 'news' }), false);
    assert.equal(at(c, { type: 'inSegment', segment: 'top' }), true);
    assert.equal(at(c, { type: 'inSegment', segment: 'low' }), false);
    assert.equal(at({}, { type: 'inSegment', segment: 'top' }), false);
  });

  it('R3: language matches the same tag or a regional variant of it (- or _), in any case, never a mere prefix', () => {
    const lang = (language: string | undefined, want: string) => at(language === undefined ? {} : { language }, { type: 'language', language: want });
    assert.equal(lang('de', 'de'), true);
    assert.equal(lang('DE', 'de'), true);
    assert.equal(lang('de', 'DE'), true);
    assert.equal(lang('de-AT', 'de'), true);
    assert.equal(lang('de_CH', 'de'), true);
    assert.equal(lang('dex', 'de'), false);
    assert.equal(lang('d', 'de'), false);
    assert.equal(lang('en-de', 'de'), false);
    assert.equal(lang('de', 'de-AT'), false);
    assert.equal(lang(undefined, 'de'), false);
  });

  it('R3: campaign activity: opened or clicked as seen for that campaign; did not open means neither an open nor a click', () => {
    const c = (...activity: string[]) => ({ activity });
    const f = (activity: 'opened' | 'clicked' | 'notOpened', campaign = 'spring'): Filter => ({ type: 'campaignActivity', campaign, activity });
    assert.equal(at(c('spring:opened'), f('opened')), true);
    assert.equal(at(c('spring:opened'), f('clicked')), false);
    assert.equal(at(c('autumn:opened'), f('opened')), false);
    assert.equal(at(c('spring:opened'), f('notOpened')), false);
    assert.equal(at(c('spring:clicked'), f('notOpened')), false);
    assert.equal(at(c('autumn:opened', 'autumn:clicked'), f('notOpened')), true);
    assert.equal(at({}, f('notOpened')), true);
    assert.equal(at({}, f('opened')), false);
  });

  it('R3: email and name equal ignoring case and surrounding spaces; a contact without one equals nothing', () => {
    assert.equal(at({ email: ' Ann@Example.com ' }, { type: 'emailEquals', email: 'ann@example.COM ' }), true);
    assert.equal(at({ email: 'ann@example.com' }, { type: 'emailEquals', email: 'bob@example.com' }), false);
    assert.equal(at({}, { type: 'emailEquals', email: 'ann@example.com' }), false);
    assert.equal(at({ name: ' Ann Lee' }, { type: 'nameEquals', name: 'ann lee ' }), true);
    assert.equal(at({ name: 'Ann' }, { type: 'nameEquals', name: 'Anna' }), false);
    assert.equal(at({}, { type: 'nameEquals', name: 'Ann' }), false);
  });

  it('R3: a field is the contact’s own field, else its email, name, phone or language; a field it lacks exists not', () => {
    const c = { email: 'a@x.io', name: 'Ann', phone: '+3701', language: 'lt', fields: { plan: 'gold', email: 'field@x.io' } };
    assert.equal(at(c, field('plan', 'eq', 'GOLD')), true);
    assert.equal(at(c, field('email', 'eq', 'field@x.io')), true, 'a field of that name comes first');
    assert.equal(at({ ...c, fields: {} }, field('email', 'eq', 'a@x.io')), true);
    assert.equal(at(c, field('name', 'eq', 'ann')), true);
    assert.equal(at(c, field('phone', 'eq', '+3701')), true);
    assert.equal(at(c, field('language', 'eq', 'LT')), true);
    assert.equal(at(c, field('city', 'exists')), false);
    assert.equal(at(c, field('city', 'notExists')), true);
    assert.equal(at({ fields: { toString: 'x' } }, field('toString', 'exists')), true);
    assert.equal(at({}, field('toString', 'exists')), false, 'names are data: an inherited property is no field');
    assert.equal(at({ fields: { city: '' } }, field('city', 'exists')), false, 'an empty string is no value');
    assert.equal(at({ fields: { n: 0 } }, field('n', 'exists')), true);
    assert.equal(at({ fields: { b: false } }, field('b', 'exists')), true);
  });

  it('R12: eq and neq compare numbers as numbers (numeric strings too), else text ignoring case; nothing equals a missing value', () => {
    const c = { fields: { score: '10', n: 10, word: 'Yes', blank: ' ', inf: Infinity } };
    assert.equal(at(c, field('score', 'eq', 10)), true);
    assert.equal(at(c, field('score', 'eq', '10.0')), true);
    assert.equal(at(c, field('n', 'eq', '1e1')), true);
    assert.equal(at(c, field('n', 'eq', 11)), false);
    assert.equal(at(c, field('word', 'eq', 'yes')), true);
    assert.equal(at(c, field('word', 'eq', true)), false);
    assert.equal(at({ fields: { flag: true } }, field('flag', 'eq', 'TRUE')), true);
    assert.equal(at(c, field('blank', 'eq', ' ')), true, 'a blank string is compared as text');
    assert.equal(at(c, field('blank', 'eq', 0)), false, 'a blank string is no number');
    assert.equal(at(c, field('inf', 'eq', 'Infinity')), true, 'not finite: compared as text');
    assert.equal(at(c, field('missing', 'eq', 'x')), false);
    assert.equal(at(c, field('word', 'eq')), false, 'no value to compare with');
    assert.equal(at(c, field('missing', 'neq', 'x')), true);
    assert.equal(at(c, field('n', 'neq', 10)), false);
    assert.equal(at(c, field('missing', 'eq', 'undefined')), false, 'a missing value is not the text "undefined"');
    assert.equal(at({ fields: { word: 'undefined' } }, field('word', 'eq')), false, 'nor is a missing value to compare with');
  });

  it('R12: contains is a case-blind substring of a present value', () => {
    const c = { fields: { city: 'New York', n: 12345, empty: '' } };
    assert.equal(at(c, field('city', 'contains', 'york')), true);
    assert.equal(at(c, field('city', 'contains', 'boston')), false);
    assert.equal(at(c, field('n', 'contains', 234)), true);
    assert.equal(at(c, field('empty', 'contains', '')), false);
    assert.equal(at(c, field('city', 'contains')), false);
    assert.equal(at(c, field('missing', 'contains', 'a')), false);
    assert.equal(at({ fields: { word: 'undefined or null' } }, field('word', 'contains')), false, 'nothing to look for: the text "undefined" is not it');
  });

  it('R12: gt, gte, lt, lte need two numbers (numeric strings too) and hold exactly at their bounds as their names say', () => {
    const c = { fields: { n: 5, s: '5', word: 'five', blank: '' } };
    const cases: [Extract<Filter, { type: 'field' }>['op'], number, boolean][] = [
      ['gt', 4, true], ['gt', 5, false], ['gt', 6, false],
      ['gte', 4, true], ['gte', 5, true], ['gte', 6, false],
      ['lt', 4, false], ['lt', 5, false], ['lt', 6, true],
      ['lte', 4, false], ['lte', 5, true], ['lte', 6, true],
    ];
    for (const [op, value, expected] of cases) {
      assert.equal(at(c, field('n', op, value)), expected, `5 ${op} ${value}`);
      assert.equal(at(c, field('s', op, String(value))), expected, `"5" ${op} "${value}"`);
    }
    assert.equal(at(c, field('word', 'gt', 1)), false);
    assert.equal(at(c, field('blank', 'lt', 1)), false);
    assert.equal(at(c, field('n', 'lt', 'ten')), false);
    assert.equal(at(c, field('missing', 'lte', 1)), false);
    assert.equal(at({ fields: { big: NaN } }, field('big', 'lt', 1)), false);
  });

  it('R0, R12: before and after compare dates: an instant with an offset as it is, a bare date or local date-time in the journey zone, a number as epoch ms; without a value, now', () => {
    const zone = 'Europe/Berlin'; // UTC+1 in March
    const c = { fields: { d: '2026-03-02', dt: '2026-03-02T12:30', z: '2026-03-02T12:30:00+01:00', zz: '2026-03-02T11:29:00Z', ms: T('2026-03-02T11:00:00Z'), bad: '2026-3-2', text: 'soon', flag: true } };
    // 2026-03-02 in Berlin is 2026-03-01T23:00Z, before now (12:00Z).
    assert.equal(at(c, field('d', 'before'), NOW, zone), true);
    assert.equal(at(c, field('d', 'after'), NOW, zone), false);
    // 12:30 Berlin is 11:30Z: before now; a Z instant as it is.
    assert.equal(at(c, field('dt', 'before'), NOW, zone), true);
    assert.equal(at(c, field('z', 'before', '2026-03-02T11:30:01Z'), NOW, zone), true);
    assert.equal(at(c, field('z', 'before', '2026-03-02T11:30:00Z'), NOW, zone), false, 'the same instant is not before');
    assert.equal(at(c, field('z', 'after', '2026-03-02T11:30:00Z'), NOW, zone), false, 'nor after');
    assert.equal(at(c, field('zz', 'before', '2026-03-02T12:30'), NOW, zone), true, 'the value in the zone: 11:30Z');
    assert.equal(at(c, field('zz', 'after', '2026-03-02T12:28:59'), NOW, zone), true, 'seconds read');
    assert.equal(at(c, field('zz', 'after', '2026-03-02T12:29:01'), NOW, zone), false);
    assert.equal(at(c, field('ms', 'before', '2026-03-02T12:00:01+01:00'), NOW, zone), true);
    assert.equal(at(c, field('ms', 'after', '2026-03-02T11:59:59+0100'), NOW, zone), true, 'an offset without a colon');
    assert.equal(at(c, field('d', 'after', '2026-03-01T23:59'), NOW, 'UTC'), true, 'a bare date is its midnight');
    for (const name of ['bad', 'text', 'flag', 'missing']) {
      assert.equal(at(c, field(name, 'before'), NOW, zone), false, name);
      assert.equal(at(c, field(name, 'after'), NOW, zone), false, name);
    }
    assert.equal(at(c, field('d', 'before', 'tomorrow'), NOW, zone), false);
    // Only the ISO forms are dates: not JavaScript's own date text (with its offset inside), nor an ISO date with text around it.
    for (const other of ['Mon Mar 02 2026 10:00:00 GMT+0100 (CET)', '2026-03-02 later', 'on 2026-03-02', '2026-03-02T10:00 sharp']) {
      assert.equal(at({ fields: { v: other } }, field('v', 'before'), NOW, zone), false, other);
      assert.equal(at({ fields: { v: other } }, field('v', 'after'), T('2000-01-01T00:00:00Z'), zone), false, other);
    }
    assert.equal(at({ fields: { z: '2026-13-01T00:00:00Z' } }, field('z', 'before'), NOW, zone), false, 'an instant Date.parse cannot read is no date');
  });

  it('R20: is today and is an anniversary read the value’s calendar date against today in the journey zone; 29 February falls on 28 February in other years', () => {
    const lateUtc = T('2026-03-01T23:30:00Z'); // 2 March 00:30 in Berlin
    assert.equal(at({ fields: { d: '2026-03-02' } }, field('d', 'isToday'), lateUtc, 'Europe/Berlin'), true);
    assert.equal(at({ fields: { d: '2026-03-02' } }, field('d', 'isToday'), lateUtc, 'UTC'), false);
    assert.equal(at({ fields: { d: '2025-03-02' } }, field('d', 'isToday'), lateUtc, 'Europe/Berlin'), false, 'another year');
    assert.equal(at({ fields: { d: '2026-04-02' } }, field('d', 'isToday'), lateUtc, 'Europe/Berlin'), false, 'another month');
    assert.equal(at({ fields: { d: '2026-03-03' } }, field('d', 'isToday'), lateUtc, 'Europe/Berlin'), false, 'another day');
    assert.equal(at({ fields: { d: '1990-03-02T22:00:00Z' } }, field('d', 'isAnniversary'), lateUtc, 'Europe/Berlin'), true, 'the date written at its start counts');
    assert.equal(at({ fields: { d: '1990-03-03' } }, field('d', 'isAnniversary'), lateUtc, 'Europe/Berlin'), false);
    assert.equal(at({ fields: { d: 19900302 } }, field('d', 'isAnniversary'), lateUtc, 'Europe/Berlin'), false, 'a number is no date');
    assert.equal(at({ fields: { d: '2000-02-29' } }, field('d', 'isAnniversary'), T('2027-02-28T12:00:00Z')), true);
    assert.equal(at({ fields: { d: '2000-02-29' } }, field('d', 'isAnniversary'), T('2028-02-28T12:00:00Z')), false, 'a leap year has its own 29th');
    assert.equal(at({ fields: { d: '2000-02-29' } }, field('d', 'isAnniversary'), T('2028-02-29T12:00:00Z')), true);
    assert.equal(anniversaryMatches(2, 28, 2027, 2, 28), true);
    assert.equal(anniversaryMatches(2, 29, 2027, 3, 1), false);
    assert.equal(anniversaryMatches(3, 29, 2027, 3, 28), false, 'only February');
    assert.equal(anniversaryMatches(2, 28, 2027, 2, 27), false);
    assert.equal(anniversaryMatches(4, 2, 2027, 3, 2), false, 'the same day of another month');
    assert.equal(anniversaryMatches(4, 29, 2027, 2, 28), false, 'only 29 February moves');
    assert.equal(anniversaryMatches(2, 10, 2027, 2, 28), false);
    assert.equal(anniversaryMatches(2, 29, 2027, 2, 10), false, 'to the 28th only');
    assert.equal(anniversaryMatches(2, 29, 2027, 3, 28), false, 'of February only');
  });

  it('R20: a calendar date is the YYYY-MM-DD at the start of a string with a month 1-12 and a day 1-31', () => {
    assert.deepEqual(civilDate('1990-03-05'), { year: 1990, month: 3, day: 5 });
    assert.deepEqual(civilDate('1990-12-31T10:00:00Z'), { year: 1990, month: 12, day: 31 });
    assert.deepEqual(civilDate('1990-01-01'), { year: 1990, month: 1, day: 1 });
    for (const v of ['1990-00-05', '1990-13-05', '1990-03-00', '1990-03-32', 'x1990-03-05', '1990-3-5', '']) assert.equal(civilDate(v), undefined, v);
    assert.equal(civilDate(19900305), undefined);
    assert.equal(civilDate(undefined), undefined);
  });
});
