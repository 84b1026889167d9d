// R2: a starting point's trigger names what the journey declares; a
// date-field trigger (R20) names a date field.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne } from './helpers';

const withTrigger = (trigger: Record<string, unknown>, declarations: Record<string, unknown> = {}) =>
  baseJourney({ ...declarations, startingPoints: [{ id: 'start', trigger, next: 'p1' }] });

describe('R2 trigger names', () => {
  it('R2: a tag not among the declared tags is an error on the tag, with the closest tag suggested', () => {
    const c = check(withTrigger({ type: 'tagAdded', tag: 'VPI' }, { tags: ['VIP', 'Kunde'] }));
    const d = expectOne(c, { code: 'R2.unknown-tag', rule: 'R2', severity: 'error', spanned: '"VPI"' });
    assert.equal(d.data?.['suggestion'], 'VIP');
    assert.match(d.message, /Did you mean "VIP"\? Correct the name or add it to "tags"\./);
  });

  it('R2: a journey without a tags array does not declare tags, so any tag is accepted', () => {
    expectNone(check(withTrigger({ type: 'tagAdded', tag: 'anything' })));
    expectNone(check(withTrigger({ type: 'tagRemoved', tag: 'VIP' }, { tags: ['VIP'] })));
  });

  it('R2: lists, segments, campaigns and forms of triggers are checked against their declarations', () => {
    const declarations = { lists: [{ id: 'news' }], segments: [{ id: 'top' }], campaigns: [{ id: 'spring' }], forms: [{ id: 'signup' }] };
    expectOne(check(withTrigger({ type: 'audienceJoined', list: 'newz' }, declarations)), { code: 'R2.unknown-list', rule: 'R2', severity: 'error', spanned: '"newz"' });
    expectOne(check(withTrigger({ type: 'segmentEntered', segment: 'tops' }, declarations)), { code: 'R2.unknown-segment', rule: 'R2', severity: 'error', spanned: '"tops"' });
    expectOne(check(withTrigger({ type: 'campaignActivity', campaign: 'autumn', activity: 'opened' }, declarations)), { code: 'R2.unknown-campaign', rule: 'R2', severity: 'error', spanned: '"autumn"' });
    expectOne(check(withTrigger({ type: 'formSubmitted', form: 'sign-up' }, declarations)), { code: 'R2.unknown-form', rule: 'R2', severity: 'error', spanned: '"sign-up"' });
    for (const trigger of [
      { type: 'audienceJoined', list: 'news' },
      { type: 'audienceJoined' },
      { type: 'segmentEntered', segment: 'top' },
      { type: 'campaignActivity', campaign: 'spring', activity: 'clicked' },
      { type: 'formSubmitted', form: 'signup' },
    ]) {
      expectNone(check(withTrigger(trigger, declarations)));
    }
  });

  it('R2: a date-field trigger on a field that is not a date is an error on the field', () => {
    const fields = [{ name: 'birthday', type: 'string' }, { name: 'born', type: 'date' }];
    const c = check(withTrigger({ type: 'dateField', field: 'birthday', time: '09:00' }, { fields }));
    const d = expectOne(c, { code: 'R2.date-field-not-date', rule: 'R2', severity: 'error', spanned: '"birthday"' });
    assert.equal(d.data?.['suggestion'], 'born');
  });

  it('R2: a date-field trigger on an undeclared field is an unknown field; on a date field it is fine', () => {
    const fields = [{ name: 'birthday', type: 'date' }];
    expectOne(check(withTrigger({ type: 'dateField', field: 'birthdy', time: '09:00' }, { fields })), { code: 'R2.unknown-field', rule: 'R2', severity: 'error', spanned: '"birthdy"' });
    expectNone(check(withTrigger({ type: 'dateField', field: 'birthday', time: '09:00', timeZone: 'Europe/Berlin' }, { fields })));
  });
});
