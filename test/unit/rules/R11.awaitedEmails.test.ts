// R11 (and R16 for exit criteria): what the diagnostics of a wait for an
// email event tell the person - which point awaits it, whether the email must
// be opened or clicked, the send-email points that could be meant (upstream
// ones, in document order, for a wait; every one for an exit criterion), the
// links the email has - and the limits of the check on very large journeys.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

const LISTS = { lists: [{ id: 'news', kind: 'marketing' }] };
const email = (id: string, links?: string[]) => ({ id, channel: 'email', status: 'ready', list: 'news', ...(links ? { links } : {}) });

/** start -> sends (in order) -> wait for `event` -> yes/timeout: `after` (sends `afterContent`) -> done. */
function journey(event: JourneyObject, opts: { sends?: string[]; content?: JourneyObject[]; extra?: JourneyObject; timeout?: string } = {}): JourneyObject {
  const sends = opts.sends ?? ['send'];
  const content = opts.content ?? [email('announce', ['product', 'pricing'])];
  const first = content[0]!['id'];
  return baseJourney({
    ...LISTS,
    content,
    startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: sends[0] ?? 'wait' }],
    points: [
      ...sends.map((id, i) => ({ id, type: 'sendEmail', content: first, next: sends[i + 1] ?? 'wait' })),
      { id: 'wait', type: 'waitForEvent', event, timeout: opts.timeout ?? 'P1D', branches: { yes: 'after', timeout: 'done' } },
      { id: 'after', type: 'sendEmail', content: first, next: 'done' },
      { id: 'done', type: 'end' },
    ],
    ...opts.extra,
  });
}

describe('R11 what the awaited-email diagnostics say', () => {
  it('R11: a wait on a point that is not a send-email point names the wait, the verb of the event and the one upstream send-email point', () => {
    const opened = expectOne(check(journey({ type: 'emailOpened', point: 'done' })), { code: 'R11.event-point-not-email', rule: 'R11', severity: 'error', spanned: '"done"' });
    assert.equal(
      opened.message,
      '"done", awaited by "wait", is a end point, not a send-email point: a wait for an email event names the send-email point whose email must be opened (R11). Did you mean "send"?',
    );
    const clicked = expectOne(check(journey({ type: 'emailClicked', point: 'done' })), { code: 'R11.event-point-not-email', rule: 'R11', severity: 'error', spanned: '"done"' });
    assert.match(clicked.message, /whose email must be clicked \(R11\)/);
  });

  it('R11: with several send-email points upstream and no close name, it lists them in document order and suggests none', () => {
    // sB comes after sA in the document, but is nearer the wait.
    const d = expectOne(check(journey({ type: 'emailOpened', point: 'zzzzzz' }, { sends: ['sA', 'sB'] })), { code: 'R11.unknown-email-point', rule: 'R11', severity: 'error', spanned: '"zzzzzz"' });
    assert.match(d.message, /^No journey point has the id "zzzzzz", awaited by "wait": a wait for an email event names .* \(R11\)\. Name one of "sA", "sB"\.$/);
    assert.deepEqual(d.data, { point: 'zzzzzz', candidates: ['sA', 'sB'] });
  });

  it('R11: at most ten candidates are carried in the data; the message says how many more there are', () => {
    const sends = Array.from({ length: 12 }, (_, i) => `send_${String.fromCharCode(97 + i)}`);
    const d = expectOne(check(journey({ type: 'emailOpened', point: 'zzzzzzzzzz' }, { sends, extra: { platform: 'generic' } })), {
      code: 'R11.unknown-email-point',
      rule: 'R11',
      severity: 'error',
      spanned: '"zzzzzzzzzz"',
    });
    assert.deepEqual(d.data?.['candidates'], sends.slice(0, 10));
    assert.match(d.message, /"send_j" and 2 more\.$/);
    const late = expectOne(check(journey({ type: 'emailOpened', point: 'after' }, { sends, extra: { platform: 'generic' } })), { code: 'R11.email-point-not-upstream', rule: 'R11', severity: 'error', spanned: '"after"' });
    assert.deepEqual(late.data?.['candidates'], sends.slice(0, 10));
  });

  it('R11: with no send-email point before the wait, it says to add one', () => {
    const d = expectOne(check(journey({ type: 'emailOpened', point: 'start' }, { sends: [] })), { code: 'R11.event-point-not-email', rule: 'R11', severity: 'error', spanned: '"start"' });
    assert.match(d.message, /^"start", awaited by "wait", is a starting point, not a send-email point: .*\(R11\)\. Add a send-email point before it, or wait for another event\.$/);
    assert.deepEqual(d.data, { point: 'start', candidates: [] });
  });

  it('R11: an email sent only after the wait: the one upstream send-email point is suggested, several are listed, none means add one', () => {
    const one = expectOne(check(journey({ type: 'emailOpened', point: 'after' })), { code: 'R11.email-point-not-upstream', rule: 'R11', severity: 'error', spanned: '"after"' });
    assert.equal(
      one.message,
      '"after", awaited by "wait", does not come before it: only events after a contact arrives count (R11), and a contact can only have opened an email it was sent on the way there. Name a send-email point before it ("send").',
    );
    assert.deepEqual(one.data, { point: 'after', candidates: ['send'], suggestion: 'send' });
    const two = expectOne(check(journey({ type: 'emailClicked', point: 'after' }, { sends: ['sA', 'sB'] })), { code: 'R11.email-point-not-upstream', rule: 'R11', severity: 'error', spanned: '"after"' });
    assert.deepEqual(two.data, { point: 'after', candidates: ['sA', 'sB'] });
    assert.match(two.message, /can only have clicked an email .* Name a send-email point before it \("sA", "sB"\)\.$/);
    const none = expectOne(check(journey({ type: 'emailOpened', point: 'after' }, { sends: [] })), { code: 'R11.email-point-not-upstream', rule: 'R11', severity: 'error', spanned: '"after"' });
    assert.match(none.message, /on the way there\. Add a send-email point before it, or wait for another event\.$/);
    assert.deepEqual(none.data, { point: 'after', candidates: [] });
  });

  it('R11: an unknown link lists the links of the email and the closest one', () => {
    const d = expectOne(check(journey({ type: 'emailClicked', point: 'send', link: 'prodcut' })), { code: 'R11.unknown-link', rule: 'R11', severity: 'error', spanned: '"prodcut"' });
    assert.equal(
      d.message,
      'The email "announce" sent by "send" has no link "prodcut": a click can only be awaited on a link the email contains (R11); its links are "product", "pricing". Did you mean "product"?',
    );
    const far = expectOne(check(journey({ type: 'emailClicked', point: 'send', link: 'unsubscribe' })), { code: 'R11.unknown-link', rule: 'R11', severity: 'error', spanned: '"unsubscribe"' });
    assert.match(far.message, /its links are "product", "pricing"\. Name one of its links, or add "unsubscribe" to the links of "announce"\.$/);
    assert.deepEqual(far.data, { link: 'unsubscribe', links: ['product', 'pricing'], content: 'announce' });
  });

  it('R11: an email that declares no links at all ("links": []) has none to click', () => {
    const d = expectOne(check(journey({ type: 'emailClicked', point: 'send', link: 'product' }, { content: [email('plain', [])] })), { code: 'R11.unknown-link', rule: 'R11', severity: 'error', spanned: '"product"' });
    assert.match(d.message, /its links are none\. Name one of its links, or add "product" to the links of "plain"\.$/);
  });

  it('R11: a click on any link, or on the email of undeclared content, is not checked against links', () => {
    expectNone(check(journey({ type: 'emailClicked', point: 'send' })));
    const c = check(
      baseJourney({
        startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'send' }],
        points: [
          { id: 'send', type: 'sendEmail', content: 'undeclared', next: 'wait' },
          { id: 'wait', type: 'waitForEvent', event: { type: 'emailClicked', point: 'send', link: 'x' }, timeout: 'P1D', branches: { yes: 'done', timeout: 'done' } },
          { id: 'done', type: 'end' },
        ],
      }),
    );
    expectNone(c);
  });

  it('R11: of two content items with the same id, the first declared gives the links', () => {
    const content = [email('announce', ['product']), email('announce', ['other'])];
    expectNone(check(journey({ type: 'emailClicked', point: 'send', link: 'product' }, { content })), 'R11.unknown-link');
    expectOne(check(journey({ type: 'emailClicked', point: 'send', link: 'other' }, { content })), { code: 'R11.unknown-link', rule: 'R11', severity: 'error', spanned: '"other"' });
  });

  it('R11: a timeout over the limit is stated in days, or exactly when not whole days', () => {
    const limit = (maxWait: string) => ({ extra: { platform: 'generic', settings: { limits: { maxWait } } } });
    const d = expectOne(check(journey({ type: 'purchase' }, { ...limit('P1D'), timeout: 'PT25H' })), { code: 'R11.timeout-too-long', rule: 'R11', severity: 'error', spanned: '"PT25H"' });
    assert.equal(
      d.message,
      '"wait" waits up to 1 day 1 hour for the event, but the explicit limit settings.limits.maxWait allows a wait-for-event timeout of at most 1 day (R11). Shorten the timeout to P1D or less.',
    );
    const days = expectOne(check(journey({ type: 'purchase' }, { ...limit('P2D'), timeout: 'P3D' })), { code: 'R11.timeout-too-long', rule: 'R11', severity: 'error', spanned: '"P3D"' });
    assert.match(days.message, /waits up to 3 days for the event, .* at most 2 days \(R11\)/);
  });
});

describe('R16 exit criteria awaiting an email', () => {
  const exit = (event: JourneyObject) => ({ extra: { settings: { exitCriteria: [{ id: 'engaged', when: 'event', event }] } } });

  it('R16: a point that is not a send-email point: every send-email point of the journey, in document order, is a candidate', () => {
    const d = expectOne(check(journey({ type: 'purchase' }, { sends: ['sA', 'sB'], ...exit({ type: 'emailClicked', point: 'wait' }) })), {
      code: 'R16.event-point-not-email',
      rule: 'R16',
      severity: 'error',
      spanned: '"wait"',
    });
    assert.equal(
      d.message,
      '"wait", awaited by exit criterion "engaged", is a waitForEvent point, not a send-email point: an email event names the send-email point whose email must be clicked (R16). Name one of "sA", "sB", "after".',
    );
    assert.deepEqual(d.data, { point: 'wait', candidates: ['sA', 'sB', 'after'] });
  });

  it('R16: an unknown point in a journey with one send-email point suggests it', () => {
    const d = expectOne(check(journey({ type: 'purchase' }, { sends: [], ...exit({ type: 'emailOpened', point: 'zzzzzz' }) })), { code: 'R16.unknown-email-point', rule: 'R16', severity: 'error', spanned: '"zzzzzz"' });
    assert.deepEqual(d.data, { point: 'zzzzzz', candidates: ['after'], suggestion: 'after' });
  });
});

describe('R11 on very large journeys', () => {
  it('R11: when the search budget runs out, the waits left unchecked get a warning that says so, never a silent pass or a false error', function () {
    this.timeout(60_000);
    const n = 1000;
    const waits = Array.from({ length: n }, (_, i) => ({
      id: `w${i}`,
      type: 'waitForEvent',
      event: { type: 'emailOpened', point: 'send' },
      timeout: 'P1D',
      branches: { yes: i + 1 < n ? `w${i + 1}` : 'done', timeout: i + 1 < n ? `w${i + 1}` : 'done' },
    }));
    const c = check(
      baseJourney({
        platform: 'generic',
        ...LISTS,
        content: [email('announce')],
        startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'send' }],
        points: [{ id: 'send', type: 'sendEmail', content: 'announce', next: 'w0' }, ...waits, { id: 'done', type: 'end' }],
      }),
    );
    const unchecked = c.diagnostics.filter((d) => d.code === 'R11.email-point-unchecked');
    assert.ok(unchecked.length > 0 && unchecked.length < n, `some waits are checked, the rest said unchecked: ${unchecked.length}`);
    const last = unchecked[unchecked.length - 1]!;
    assert.equal(last.severity, 'warning');
    assert.deepEqual(last.path, ['points', n, 'event', 'point']);
    assert.deepEqual(last.data, { point: 'send' });
    assert.equal(
      last.message,
      `Whether "send" comes before "w${n - 1}" was not checked: this journey is too large to search it from every wait for an email event. Only events after a contact arrives count (R11); make sure "send" is on the way to "w${n - 1}".`,
    );
    expectNone(c, 'R11.email-point-not-upstream', 'R11.event-point-not-email', 'R11.unknown-email-point');
  });

  it('R11: a wait naming a point that is not a send-email point is an error however large the journey (no search is needed to know it)', function () {
    this.timeout(60_000);
    const n = 1000;
    const waits = Array.from({ length: n }, (_, i) => ({
      id: `w${i}`,
      type: 'waitForEvent',
      event: { type: 'emailOpened', point: 'start' },
      timeout: 'P1D',
      branches: { yes: i + 1 < n ? `w${i + 1}` : 'done', timeout: i + 1 < n ? `w${i + 1}` : 'done' },
    }));
    const c = check(
      baseJourney({
        platform: 'generic',
        startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'w0' }],
        points: [...waits, { id: 'done', type: 'end' }],
      }),
    );
    assert.equal(c.diagnostics.filter((d) => d.code === 'R11.event-point-not-email').length, n);
    expectNone(c, 'R11.email-point-unchecked');
  });
});
