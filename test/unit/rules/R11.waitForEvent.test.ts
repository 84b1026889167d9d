// R11: a wait for an event has a timeout above zero and within the
// platform's longest wait; an awaited email open or click names a send-email
// point upstream and, when its content declares links, one of them. Exit
// criteria events (R16) name a send-email point too.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

const CONTENT = [
  { id: 'announce', channel: 'email', status: 'ready', list: 'news', links: ['product', 'pricing'] },
  { id: 'nolinks', channel: 'email', status: 'ready', list: 'news' },
];

/** start -> send (announce) -> wait for `event` with `timeout` -> yes: after / timeout: done. */
function journey(event: JourneyObject, timeout = 'P1D', extra: JourneyObject = {}, content = 'announce'): JourneyObject {
  return baseJourney({
    lists: [{ id: 'news', kind: 'marketing' }],
    content: CONTENT,
    startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'send' }],
    points: [
      { id: 'send', type: 'sendEmail', content, next: 'wait' },
      { id: 'wait', type: 'waitForEvent', event, timeout, branches: { yes: 'after', timeout: 'done' } },
      { id: 'after', type: 'sendEmail', content: 'announce', next: 'done' },
      { id: 'done', type: 'end' },
    ],
    ...extra,
  });
}

describe('R11 timeouts', () => {
  it('R11: a zero timeout is an error on it, offering a default timeout', () => {
    for (const timeout of ['P0D', 'PT0S']) {
      const d = expectOne(check(journey({ type: 'purchase' }, timeout)), { code: 'R11.zero-timeout', rule: 'R11', severity: 'error', spanned: `"${timeout}"` });
      assert.deepEqual(d.data, { defaultTimeout: 'P1D' });
    }
  });

  it('R11: on Dynamics a timeout over 90 days is an error; 90 days is fine', () => {
    const d = expectOne(check(journey({ type: 'purchase' }, 'P13W', { platform: 'dynamics' })), { code: 'R11.timeout-too-long', rule: 'R11', severity: 'error', spanned: '"P13W"' });
    assert.match(d.message, /waits up to 91 days for the event, but Dynamics 365 allows a wait-for-event timeout of at most 90 days \(R11\)\. Shorten the timeout to P90D or less\./);
    assert.equal(d.data?.['maxWait'], 'P90D');
    expectNone(check(journey({ type: 'purchase' }, 'P90D', { platform: 'dynamics' })));
  });

  it('R11: settings.limits.maxWait overrides the platform; without either there is no maximum', () => {
    expectOne(check(journey({ type: 'purchase' }, 'P8D', { platform: 'generic', settings: { limits: { maxWait: 'P1W' } } })), { code: 'R11.timeout-too-long', rule: 'R11', severity: 'error', spanned: '"P8D"' });
    expectNone(check(journey({ type: 'purchase' }, 'P100D', { platform: 'dynamics', settings: { limits: { maxWait: 'P180D' } } })));
    expectNone(check(journey({ type: 'purchase' }, 'P365D', { platform: 'mailchimp' })));
  });
});

describe('R11 awaited emails and links', () => {
  it('R11: an awaited click on the email of an upstream send-email point, on one of its links, raises nothing', () => {
    expectNone(check(journey({ type: 'emailClicked', point: 'send', link: 'product' })));
    expectNone(check(journey({ type: 'emailOpened', point: 'send' })));
    expectNone(check(journey({ type: 'emailClicked', point: 'send', link: 'anything' }, 'P1D', {}, 'nolinks')), 'R11.unknown-link');
  });

  it('R11: an awaited email point that does not exist is an error with a suggestion', () => {
    const d = expectOne(check(journey({ type: 'emailOpened', point: 'sned' })), { code: 'R11.unknown-email-point', rule: 'R11', severity: 'error', spanned: '"sned"' });
    assert.equal(d.data?.['suggestion'], 'send');
  });

  it('R11: an awaited email point that is not a send-email point is an error', () => {
    const d = expectOne(check(journey({ type: 'emailClicked', point: 'start' })), { code: 'R11.event-point-not-email', rule: 'R11', severity: 'error', spanned: '"start"' });
    assert.equal(d.data?.['suggestion'], 'send');
    expectOne(check(journey({ type: 'emailOpened', point: 'done' })), { code: 'R11.event-point-not-email', rule: 'R11', severity: 'error', spanned: '"done"' });
  });

  it('R11: an awaited email sent only after the wait is an error: the contact cannot have it yet', () => {
    const d = expectOne(check(journey({ type: 'emailOpened', point: 'after' })), { code: 'R11.email-point-not-upstream', rule: 'R11', severity: 'error', spanned: '"after"' });
    assert.deepEqual(d.data?.['candidates'], ['send']);
  });

  it('R11: a link the email does not contain is an error on the link, with the closest link', () => {
    const d = expectOne(check(journey({ type: 'emailClicked', point: 'send', link: 'prodcut' })), { code: 'R11.unknown-link', rule: 'R11', severity: 'error', spanned: '"prodcut"' });
    assert.equal(d.data?.['suggestion'], 'product');
    assert.deepEqual(d.data?.['links'], ['product', 'pricing']);
  });

  it('R11: awaited forms and tags are checked against their declarations', () => {
    expectOne(check(journey({ type: 'formSubmitted', form: 'survey' }, 'P1D', { forms: [{ id: 'signup' }] })), { code: 'R11.unknown-form', rule: 'R11', severity: 'error', spanned: '"survey"' });
    expectOne(check(journey({ type: 'tagAdded', tag: 'buyer' }, 'P1D', { tags: ['VIP'] })), { code: 'R11.unknown-tag', rule: 'R11', severity: 'error', spanned: '"buyer"' });
    expectNone(check(journey({ type: 'tagAdded', tag: 'buyer' })));
  });
});

describe('R16 exit criteria events', () => {
  it('R16: an exit criterion event on an email names a send-email point, anywhere in the journey', () => {
    const exit = (event: JourneyObject) => ({ settings: { exitCriteria: [{ id: 'clicked', when: 'event', event }] } });
    expectNone(check(journey({ type: 'purchase' }, 'P1D', exit({ type: 'emailClicked', point: 'after', link: 'pricing' }))));
    expectOne(check(journey({ type: 'purchase' }, 'P1D', exit({ type: 'emailOpened', point: 'wait' }))), { code: 'R16.event-point-not-email', rule: 'R16', severity: 'error', spanned: '"wait"' });
    expectOne(check(journey({ type: 'purchase' }, 'P1D', exit({ type: 'emailClicked', point: 'send', link: 'x' }))), { code: 'R16.unknown-link', rule: 'R16', severity: 'error', spanned: '"x"' });
  });
});
