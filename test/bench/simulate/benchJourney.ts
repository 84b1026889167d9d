// The journey the simulator benchmark replays: a 20-point onboarding flow
// generated in code (two starting points, transactional and marketing
// emails, an SMS, plain waits, three waits for events with timeouts, an
// if/else on contact data, a 50/50 split, tags, a field update, an exit and
// an end). Every point kind the XState model has to reproduce is here once
// or more, so the comparison covers real journey semantics, not a toy loop.
import type { ContentItem, Journey, JourneyPoint } from '../../../src/core/schema';

/** Point ids are p01..p20, in the order below. */
const id = (n: number) => `p${String(n).padStart(2, '0')}`;

export function benchJourney(): Journey {
  const content: ContentItem[] = [
    { id: 'welcome', channel: 'email', name: 'Welcome and account confirmation', subject: 'Welcome aboard, *|FNAME|*', status: 'ready', transactional: true },
    { id: 'vip_offer', channel: 'email', name: 'Offer for engaged contacts', subject: 'A head start for you', status: 'ready', list: 'newsletter', links: ['claim', 'unsubscribe-preferences'] },
    { id: 'getting_started', channel: 'email', name: 'Getting started guide', subject: 'Your first week', status: 'ready', list: 'newsletter', links: ['guide', 'unsubscribe-preferences'] },
    { id: 'sms_tip', channel: 'sms', name: 'Tip of the week by SMS', status: 'ready', list: 'sms_alerts' },
    { id: 'reminder', channel: 'email', name: 'Did you see our welcome?', subject: 'One click to get started', status: 'ready', list: 'newsletter', links: ['start', 'unsubscribe-preferences'] },
    { id: 'last_chance', channel: 'email', name: 'Last chance for the starter kit', subject: 'Your starter kit offer ends soon', status: 'ready', list: 'newsletter', links: ['buy', 'unsubscribe-preferences'] },
  ];
  const points: JourneyPoint[] = [
    { id: id(1), type: 'sendEmail', title: 'Welcome email', content: 'welcome', next: id(2) },
    { id: id(2), type: 'addTag', title: 'Mark as onboarding', tag: 'onboarding', next: id(3) },
    { id: id(3), type: 'waitForEvent', title: 'Opened the welcome email?', event: { type: 'emailOpened', point: id(1) }, timeout: 'P2D', branches: { yes: id(4), timeout: id(10) } },
    {
      id: id(4),
      type: 'ifElse',
      title: 'Pro plan or high score?',
      condition: { type: 'any', of: [{ type: 'field', field: 'plan', op: 'eq', value: 'pro' }, { type: 'field', field: 'score', op: 'gte', value: 50 }] },
      branches: { yes: id(5), no: id(7) },
    },
    { id: id(5), type: 'sendEmail', title: 'Offer', content: 'vip_offer', next: id(6) },
    { id: id(6), type: 'wait', title: 'One day', duration: 'P1D', next: id(8) },
    { id: id(7), type: 'sendEmail', title: 'Getting started', content: 'getting_started', next: id(8) },
    { id: id(8), type: 'split', title: 'SMS or email follow-up', branches: [{ percent: 50, next: id(9), label: 'SMS' }, { percent: 50, next: id(12), label: 'Email' }] },
    { id: id(9), type: 'sendSms', title: 'Tip by SMS', content: 'sms_tip', next: id(13) },
    { id: id(10), type: 'sendEmail', title: 'Reminder', content: 'reminder', next: id(11) },
    { id: id(11), type: 'waitForEvent', title: 'Clicked start?', event: { type: 'emailClicked', point: id(10), link: 'start' }, timeout: 'P3D', branches: { yes: id(8), timeout: id(19) } },
    { id: id(12), type: 'wait', title: 'Half a day', duration: 'PT12H', next: id(13) },
    { id: id(13), type: 'updateField', title: 'Stage: nurtured', field: 'stage', value: 'nurtured', next: id(14) },
    { id: id(14), type: 'waitForEvent', title: 'Bought within a week?', event: { type: 'purchase', product: 'starter-kit' }, timeout: 'P7D', branches: { yes: id(15), timeout: id(16) } },
    { id: id(15), type: 'addTag', title: 'Customer', tag: 'customer', next: id(18) },
    { id: id(16), type: 'sendEmail', title: 'Last chance', content: 'last_chance', next: id(17) },
    { id: id(17), type: 'wait', title: 'Two days', duration: 'P2D', next: id(18) },
    { id: id(18), type: 'removeTag', title: 'Onboarding over', tag: 'onboarding', next: id(20) },
    { id: id(19), type: 'exit', title: 'Not engaged', reason: 'No reaction to the welcome or the reminder' },
    { id: id(20), type: 'end', title: 'Onboarded' },
  ];
  return {
    formatVersion: 1,
    id: 'bench-onboarding',
    name: 'Onboarding (simulator benchmark)',
    description: 'Generated for the simulator benchmark: sends, waits, an if/else, waits for events with timeouts, a split, tags, an exit and an end.',
    platform: 'generic',
    kind: 'trigger',
    status: 'draft',
    settings: { plan: 'premium', timeZone: 'Europe/Berlin', reEntry: { mode: 'never' } },
    lists: [
      { id: 'newsletter', name: 'Newsletter', kind: 'marketing' },
      { id: 'sms_alerts', name: 'SMS alerts', kind: 'marketing' },
    ],
    tags: ['signup', 'onboarding', 'customer'],
    fields: [
      { name: 'score', type: 'number' },
      { name: 'plan', type: 'string' },
      { name: 'stage', type: 'string' },
    ],
    forms: [{ id: 'webinar-form', name: 'Webinar sign-up' }],
    content,
    startingPoints: [
      { id: 'sp_signup', name: 'Signed up', trigger: { type: 'tagAdded', tag: 'signup' }, filter: { type: 'memberOf', list: 'newsletter' }, next: id(1) },
      { id: 'sp_webinar', name: 'Webinar form', trigger: { type: 'formSubmitted', form: 'webinar-form' }, next: id(1) },
    ],
    points,
  };
}
