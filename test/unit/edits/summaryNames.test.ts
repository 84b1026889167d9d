// Summaries on the map name what the journey declares by its name or title
// (a content item's name, a point's title, a list's, campaign's, form's or
// segment's name), falling back to the id when it has none (issue #15).
import assert from 'node:assert/strict';
import { buildMapModel } from '../../../src/core/mapModel';

const journey = {
  formatVersion: 1,
  id: 'names',
  name: 'Names',
  kind: 'trigger',
  lists: [{ id: 'news', name: 'Newsletter', kind: 'marketing' }, { id: 'bare', kind: 'marketing' }],
  campaigns: [{ id: 'spring', name: 'Spring sale' }],
  forms: [{ id: 'signup', name: 'Sign-up form' }],
  content: [
    { id: 'welcome_email', channel: 'email', name: 'Welcome', status: 'ready', list: 'news' },
    { id: 'nameless_sms', channel: 'sms', status: 'ready' },
  ],
  startingPoints: [{ id: 'sp', trigger: { type: 'formSubmitted', form: 'signup' }, filter: { type: 'memberOf', list: 'news' }, next: 'p_email' }],
  points: [
    { id: 'p_email', type: 'sendEmail', title: 'Send the welcome', content: 'welcome_email', next: 'p_wait' },
    { id: 'p_wait', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_email' }, timeout: 'P2D', branches: { yes: 'p_sms', timeout: 'p_check' } },
    { id: 'p_sms', type: 'sendSms', content: 'nameless_sms', next: 'p_list' },
    { id: 'p_list', type: 'subscribeList', list: 'bare', next: 'p_check' },
    { id: 'p_check', type: 'ifElse', condition: { type: 'campaignActivity', activity: 'clicked', campaign: 'spring' }, branches: { yes: 'p_end', no: 'p_end' } },
    { id: 'p_end', type: 'end' },
  ],
};

describe('map summaries use names, not ids', () => {
  const summaryOf = (id: string) => buildMapModel(journey, []).nodes.find((n) => n.id === id)!.summary;

  it("names a sent email's content by its name and a waited-for point by its title", () => {
    assert.equal(summaryOf('p_email'), "Email 'Welcome'");
    assert.equal(summaryOf('p_wait'), "Wait for open of 'Send the welcome' · 2 days");
  });

  it('names forms, lists and campaigns by their names', () => {
    assert.equal(summaryOf('sp'), "Submits form 'Sign-up form' · only if on list 'Newsletter'");
    assert.equal(summaryOf('p_check'), "If clicked campaign 'Spring sale'");
  });

  it('falls back to the id of what has no name', () => {
    assert.equal(summaryOf('p_sms'), "SMS 'nameless_sms'");
    assert.equal(summaryOf('p_list'), "List 'bare'");
  });
});
