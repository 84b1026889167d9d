// What the diagnostics of R1 (plan limits), R2 (triggers), R10 (wait-until
// against the start), R13 (split totals), R19 (segment entry) and R21
// (ready content) tell the person, and the cases each leaves alone.
import assert from 'node:assert/strict';
import { baseJourney, chain, check, expectNone, expectOne, type JourneyObject, startingPoints } from './helpers';

describe('R1 limits, as told', () => {
  it('R1: one starting point over says "Remove it"; several over say "Remove it and the ones after it"; the fix depends on where the limit comes from', () => {
    const one = expectOne(check(baseJourney({ settings: { plan: 'standard' }, startingPoints: startingPoints(4) })), { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s4"' });
    assert.match(one.message, /and "s4" is the first over the limit\. Remove it, or declare a plan or settings\.limits\.startingPoints that allows more\.$/);
    const many = expectOne(check(baseJourney({ settings: { limits: { startingPoints: 2 } }, startingPoints: startingPoints(4) })), { code: 'R1.too-many-starting-points', rule: 'R1', severity: 'error', spanned: '"s3"' });
    assert.match(many.message, /Remove it and the ones after it, or raise settings\.limits\.startingPoints\.$/);
  });

  it('R1: no starting point at all offers to add one', () => {
    const d = expectOne(check(baseJourney({ startingPoints: [] })), { code: 'R1.no-starting-point', rule: 'R1', severity: 'error', spanned: '"startingPoints"' });
    assert.deepEqual(d.data, { fix: 'addStartingPoint' });
  });

  it('R1: too many journey points names the plan, its limit, the count and the first point over', () => {
    const d = expectOne(check(baseJourney({ settings: { plan: 'free' }, points: chain(5) })), { code: 'R1.too-many-journey-points', rule: 'R1', severity: 'error', spanned: '"p5"' });
    assert.equal(
      d.message,
      'The Mailchimp Free plan allows up to 4 journey points (R1); this journey has 5, and "p5" is the first over the limit. Remove or merge points, or declare a plan or settings.limits.journeyPoints that allows more.'.replace('Mailchimp ', ''),
    );
    assert.deepEqual(d.data, { limit: 4, count: 5, source: 'the Free plan', plan: 'free', id: 'p5' });
    const single = expectOne(check(baseJourney({ settings: { limits: { journeyPoints: 1 } }, points: chain(2) })), { code: 'R1.too-many-journey-points', rule: 'R1', severity: 'error', spanned: '"p2"' });
    assert.match(single.message, /^The explicit limit settings\.limits\.journeyPoints allows up to 1 journey point \(R1\); this journey has 2, .* or raise settings\.limits\.journeyPoints\.$/);
    assert.deepEqual(single.data, { limit: 1, count: 2, source: 'the explicit limit settings.limits.journeyPoints', id: 'p2' });
  });

  it('R1: wait-for-event rules over the limit: none allowed, one allowed, and fewer than the limit is fine', () => {
    const waits = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({ id: `w${i}`, type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1D', branches: { yes: i + 1 < n ? `w${i + 1}` : 'p1', timeout: i + 1 < n ? `w${i + 1}` : 'p1' } })),
      { id: 'p1', type: 'end' },
    ];
    const journey = (limit: number, n: number) => baseJourney({ platform: 'generic', settings: { limits: { waitForEventRules: limit } }, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'w0' }], points: waits(n) });
    const none = expectOne(check(journey(0, 1)), { code: 'R1.too-many-wait-for-event-rules', rule: 'R1', severity: 'error', spanned: '"w0"' });
    assert.equal(
      none.message,
      'The explicit limit settings.limits.waitForEventRules allows no wait-for-event rules (R1); this journey has 1, and "w0" is the first over the limit. Replace some with waits or if/else rules, or raise settings.limits.waitForEventRules.',
    );
    assert.deepEqual(none.data, { limit: 0, count: 1, source: 'the explicit limit settings.limits.waitForEventRules', id: 'w0' });
    const one = expectOne(check(journey(1, 3)), { code: 'R1.too-many-wait-for-event-rules', rule: 'R1', severity: 'error', spanned: '"w1"' });
    assert.match(one.message, /allows up to 1 wait-for-event rule \(R1\); this journey has 3,/);
    const two = expectOne(check(journey(2, 3)), { code: 'R1.too-many-wait-for-event-rules', rule: 'R1', severity: 'error', spanned: '"w2"' });
    assert.match(two.message, /allows up to 2 wait-for-event rules \(R1\)/);
    expectNone(check(journey(2, 1)), 'R1.too-many-wait-for-event-rules');
  });
});

describe('R2 triggers, as told', () => {
  const withTrigger = (trigger: JourneyObject, declarations: JourneyObject = {}) => baseJourney({ ...declarations, startingPoints: [{ id: 'start', trigger, next: 'p1' }] });

  it('R2: an unknown name names the starting point whose trigger uses it, for tag-removed triggers too', () => {
    const d = expectOne(check(withTrigger({ type: 'tagRemoved', tag: 'VPI' }, { tags: ['VIP'] })), { code: 'R2.unknown-tag', rule: 'R2', severity: 'error', spanned: '"VPI"' });
    assert.match(d.message, /^Unknown tag "VPI" in the trigger of starting point "start": /);
  });

  it('R2: a date-field trigger on a field of another type offers the date fields, and suggests the only one', () => {
    const one = expectOne(check(withTrigger({ type: 'dateField', field: 'score', time: '09:00' }, { fields: [{ name: 'score', type: 'number' }, { name: 'birthday', type: 'date' }] })), {
      code: 'R2.date-field-not-date',
      rule: 'R2',
      severity: 'error',
      spanned: '"score"',
    });
    assert.match(one.message, /^Field "score" is a number field: .* \(R2, R20\)\. Use a date field \("birthday"\) or declare "score" as type "date"\.$/);
    assert.deepEqual(one.data, { field: 'score', fieldType: 'number', dateFields: ['birthday'], suggestion: 'birthday' });
    const dates = Array.from({ length: 11 }, (_, i) => ({ name: `d${i}`, type: 'date' }));
    const many = expectOne(check(withTrigger({ type: 'dateField', field: 'score', time: '09:00' }, { fields: [{ name: 'score', type: 'string' }, ...dates] })), { code: 'R2.date-field-not-date', rule: 'R2', severity: 'error', spanned: '"score"' });
    assert.deepEqual(many.data, { field: 'score', fieldType: 'string', dateFields: dates.slice(0, 10).map((f) => f.name) });
    const none = expectOne(check(withTrigger({ type: 'dateField', field: 'score', time: '09:00' }, { fields: [{ name: 'score', type: 'boolean' }] })), { code: 'R2.date-field-not-date', rule: 'R2', severity: 'error', spanned: '"score"' });
    assert.match(none.message, /\(R2, R20\)\. Declare "score" as type "date" in "fields"\.$/);
    assert.deepEqual(none.data, { field: 'score', fieldType: 'boolean', dateFields: [] });
  });
});

describe('R10 wait-until against the start of a segment journey', () => {
  const waitUntil = { id: 'p1', type: 'waitUntil', at: '2026-12-01T09:00', next: 'p2' };
  const segment = (segmentEntry: JourneyObject | undefined) =>
    baseJourney({
      kind: 'segment',
      segments: [{ id: 'top' }],
      ...(segmentEntry ? { segmentEntry } : {}),
      startingPoints: [{ id: 'start', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'p1' }],
      points: [waitUntil, { id: 'p2', type: 'end' }],
    });

  it('R10: a segment journey whose start is not a real date, or that has no segment entry, is measured from now', () => {
    const invalid = check(segment({ segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-12-32T10:00', timeZone: 'UTC' }));
    expectOne(invalid, { code: 'R19.invalid-date-time', rule: 'R19', severity: 'error', spanned: '"2026-12-32T10:00"' });
    expectNone(invalid, 'R10.wait-until-past', 'internal.rule-failed');
    const missing = check(segment(undefined));
    expectOne(missing, { code: 'R19.missing-segment-entry', rule: 'R19', severity: 'error', spanned: '"segment"' });
    expectNone(missing, 'R10.wait-until-past');
    assert.ok(missing.diagnostics.every((d) => !d.code.startsWith('internal.')), JSON.stringify(missing.diagnostics));
  });
});

describe('R13 split totals, as told', () => {
  const split = (...percents: number[]) =>
    baseJourney({
      startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 's' }],
      points: [{ id: 's', type: 'split', branches: percents.map((percent) => ({ percent, next: 'e' })) }, { id: 'e', type: 'end' }],
    });

  it('R13: the message lists the percentages and proposes the last branch', () => {
    const d = expectOne(check(split(50, 40)), { code: 'R13.split-total', rule: 'R13', severity: 'error', spanned: '"branches"' });
    assert.equal(d.message, 'The branches of split "s" add up to 90%, not 100% (50 + 40): every contact must take exactly one branch (R13). Set the last branch to 50%, or change the others.');
  });

  it('R13: when the other branches already make 100 there is no fix, only advice to lower them', () => {
    const d = expectOne(check(split(60, 40, 10)), { code: 'R13.split-total', rule: 'R13', severity: 'error', spanned: '"branches"' });
    assert.match(d.message, /\(60 \+ 40 \+ 10\): .* \(R13\)\. Lower the percentages so they add up to 100\.$/);
    assert.equal(d.data, undefined);
  });
});

describe('R19 segment entry, as told', () => {
  const journey = (segmentEntry: JourneyObject, extra: JourneyObject = {}) =>
    baseJourney({ kind: 'segment', segmentEntry, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p1' }], ...extra });
  const ENTRY = { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-05-04T10:00', timeZone: 'UTC' };
  const without = (key: string) => Object.fromEntries(Object.entries(ENTRY).filter(([k]) => k !== key));

  it('R19: a missing segment is guessed from a segment-entered trigger, else from the only declared segment, else asked for', () => {
    const fromTrigger = expectOne(
      check(journey(without('segment'), { segments: [{ id: 'top' }, { id: 'new' }], startingPoints: [{ id: 'start', trigger: { type: 'segmentEntered', segment: 'new' }, next: 'p1' }] })),
      { code: 'R19.missing-segment', rule: 'R19', severity: 'error', spanned: '"segmentEntry"' },
    );
    assert.match(fromTrigger.message, /^The segmentEntry has no segment: .* \(R5, R19\)\. Add "segment": "new"\.$/);
    assert.deepEqual(fromTrigger.data, { missing: 'segment', suggestion: 'new' });
    const secondTrigger = check(
      journey(without('segment'), {
        segments: [{ id: 'top' }, { id: 'new' }],
        startingPoints: [
          { id: 'start', trigger: { type: 'api' }, next: 'p1' },
          { id: 'joined', trigger: { type: 'segmentEntered', segment: 'new' }, next: 'p1' },
        ],
      }),
    );
    assert.deepEqual(secondTrigger.diagnostics.find((x) => x.code === 'R19.missing-segment')!.data, { missing: 'segment', suggestion: 'new' });
    const several = check(journey(without('segment'), { segments: [{ id: 'top' }, { id: 'new' }] }));
    const d = several.diagnostics.find((x) => x.code === 'R19.missing-segment')!;
    assert.match(d.message, /\(R5, R19\)\. Add the id of the segment whose members enter\.$/);
    assert.deepEqual(d.data, { missing: 'segment' });
    const undeclared = check(journey(without('segment')));
    assert.deepEqual(undeclared.diagnostics.find((x) => x.code === 'R19.missing-segment')!.data, { missing: 'segment' });
  });

  it('R19: a missing schedule or start says what to add', () => {
    const schedule = check(journey(without('schedule'), { segments: [{ id: 'top' }] })).diagnostics.find((x) => x.code === 'R19.missing-schedule')!;
    assert.match(schedule.message, /\(R5, R19\)\. Add a schedule: \{ "type": "oneTimeStatic" \} runs once for the members at the start, "oneTimeRolling" also enters later members, "recurring" runs every interval\.$/);
    const start = check(journey(without('start'), { segments: [{ id: 'top' }] })).diagnostics.find((x) => x.code === 'R19.missing-start')!;
    assert.match(start.message, /\(R5, R19\)\. Add "start", the local date and time of the first run, e\.g\. "2026-05-04T10:00"\.$/);
  });

  it('R19: an unknown segment names the segment entry; a start or end that is not on the calendar names which', () => {
    const unknown = expectOne(check(journey({ ...ENTRY, segment: 'tops' }, { segments: [{ id: 'top' }] })), { code: 'R19.unknown-segment', rule: 'R19', severity: 'error', spanned: '"tops"' });
    assert.match(unknown.message, /^Unknown segment "tops" in the segment entry: /);
    const start = expectOne(check(journey({ ...ENTRY, start: '2026-02-30T10:00' }, { segments: [{ id: 'top' }] })), { code: 'R19.invalid-date-time', rule: 'R19', severity: 'error', spanned: '"2026-02-30T10:00"' });
    assert.match(start.message, /^"2026-02-30T10:00" \(the segment start\) is not a real date and time/);
    const until = expectOne(check(journey({ ...ENTRY, schedule: { type: 'recurring', every: 'P1W', until: '2026-02-30T10:00' } }, { segments: [{ id: 'top' }] })), {
      code: 'R19.invalid-date-time',
      rule: 'R19',
      severity: 'error',
      spanned: '"2026-02-30T10:00"',
    });
    assert.match(until.message, /^"2026-02-30T10:00" \(the end of the schedule\) is not a real date and time/);
    assert.deepEqual(until.path, ['segmentEntry', 'schedule', 'until']);
    expectNone(check(journey({ ...ENTRY, schedule: { type: 'recurring', every: 'P1W' } }, { segments: [{ id: 'top' }] })));
  });

  it('R19: a schedule that ends before it starts names both', () => {
    const d = expectOne(check(journey({ ...ENTRY, schedule: { type: 'recurring', every: 'P1W', until: '2026-05-01T10:00' } }, { segments: [{ id: 'top' }] })), {
      code: 'R19.until-before-start',
      rule: 'R19',
      severity: 'error',
      spanned: '"2026-05-01T10:00"',
    });
    assert.deepEqual(d.data, { until: '2026-05-01T10:00', start: '2026-05-04T10:00' });
  });
});

describe('R21 ready content, as told', () => {
  const journey = (content: JourneyObject[] | undefined, send = 'c1') =>
    baseJourney({
      status: 'readyToPublish',
      lists: [{ id: 'news' }],
      ...(content ? { content } : {}),
      startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'send' }],
      points: [{ id: 'send', type: 'sendEmail', content: send, next: 'p1' }, { id: 'p1', type: 'end' }],
    });

  it('R21: a draft is named with its name when it has one', () => {
    const d = expectOne(check(journey([{ id: 'c1', name: 'Welcome mail', channel: 'email', status: 'draft', list: 'news' }])), { code: 'R21.content-not-ready', rule: 'R21', severity: 'error', spanned: '"c1"' });
    assert.match(d.message, /^Content item "c1" \(Welcome mail\) sent by "send" is a draft: /);
    const plain = expectOne(check(journey([{ id: 'c1', channel: 'email', status: 'draft', list: 'news' }])), { code: 'R21.content-not-ready', rule: 'R21', severity: 'error', spanned: '"c1"' });
    assert.match(plain.message, /^Content item "c1" sent by "send" is a draft: /);
  });

  it('R21: undeclared content is an error only when the journey declares no content (else R17 reports it)', () => {
    const d = expectOne(check(journey(undefined)), { code: 'R21.content-undeclared', rule: 'R21', severity: 'error', spanned: '"c1"' });
    assert.deepEqual(d.data, { content: 'c1', status: 'readyToPublish' });
    const declared = check(journey([{ id: 'c2', channel: 'email', status: 'ready', list: 'news' }]));
    expectNone(declared, 'R21.content-undeclared');
    expectOne(declared, { code: 'R17.unknown-content', rule: 'R17', severity: 'error', spanned: '"c1"' });
  });
});
