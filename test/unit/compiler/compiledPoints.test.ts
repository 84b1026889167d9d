// Specification of the compiled journey (IR, src/core/compiler/) point by
// point: the facts each point type carries (R4 R9-R13 R17), durations as
// milliseconds with their nominal days (R0), the journey header, re-entry,
// the segment plan (R19), what the simulator's lenient compilation warns
// about, and how a journey that cannot be compiled is refused.
import assert from 'node:assert/strict';
import { CompileError, compileForSimulation, compileJourney, irToJson } from '../../../src/core/compiler/compileJourney';
import { IR_SCHEMA_ID, journeyIrJsonSchema } from '../../../src/core/compiler/irJsonSchema';
import { JourneyIr } from '../../../src/core/compiler/irSchema';
import { Journey } from '../../../src/core/schema';
import { SimulationError } from '../../../src/core/simulator/index';

const H = 3_600_000;
const DAY = 24 * H;

function journey(over: Record<string, unknown>): Journey {
  return Journey.parse({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', settings: { timeZone: 'Europe/Berlin' }, startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_end' }], points: [{ id: 'p_end', type: 'end' }], ...over });
}

/** Every point type once, each leading to p_end. */
const ALL = journey({
  lists: [{ id: 'news', kind: 'marketing' }, { id: 'orders', kind: 'transactional' }],
  content: [
    { id: 'hello', channel: 'email', status: 'ready', list: 'news', subject: 'Hi' },
    { id: 'receipt', channel: 'email', status: 'ready', list: 'orders' },
    { id: 'ping', channel: 'sms', status: 'ready', transactional: true },
  ],
  points: [
    { id: 'p_mail', type: 'sendEmail', title: 'Say hi', content: 'hello', next: 'p_receipt' },
    { id: 'p_receipt', type: 'sendEmail', content: 'receipt', next: 'p_sms' },
    { id: 'p_sms', type: 'sendSms', content: 'ping', phoneField: 'mobile', next: 'p_sms2' },
    { id: 'p_sms2', type: 'sendSms', content: 'ping', next: 'p_tag' },
    { id: 'p_tag', type: 'addTag', tag: 'vip', next: 'p_untag' },
    { id: 'p_untag', type: 'removeTag', tag: 'old', next: 'p_field' },
    { id: 'p_field', type: 'updateField', field: 'score', value: 3, next: 'p_sub' },
    { id: 'p_sub', type: 'subscribeList', list: 'news', next: 'p_unsub' },
    { id: 'p_unsub', type: 'unsubscribeList', list: 'news', next: 'p_hook' },
    { id: 'p_hook', type: 'webhook', url: 'https://example.com/a', next: 'p_hook_put' },
    { id: 'p_hook_put', type: 'webhook', url: 'https://example.com/b', method: 'PUT', next: 'p_if' },
    { id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'p_wait', no: 'p_exit' } },
    { id: 'p_wait', type: 'wait', duration: 'P1DT2H', next: 'p_wait_short' },
    { id: 'p_wait_short', type: 'wait', duration: 'PT5M', next: 'p_until' },
    { id: 'p_until', type: 'waitUntil', at: '2026-07-01T09:00', timeZone: 'America/New_York', next: 'p_until_here' },
    { id: 'p_until_here', type: 'waitUntil', at: '2026-07-01T09:00', next: 'p_event' },
    { id: 'p_event', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_mail' }, timeout: 'P2D', branches: { yes: 'p_event_short', timeout: 'p_split' } },
    { id: 'p_event_short', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'PT3H', branches: { yes: 'p_split', timeout: 'p_split' } },
    { id: 'p_split', type: 'split', branches: [{ percent: 30, next: 'p_exit_plain' }, { percent: 70, label: 'most', next: 'p_end' }] },
    { id: 'p_exit', type: 'exit', reason: 'not vip' },
    { id: 'p_exit_plain', type: 'exit' },
    { id: 'p_end', type: 'end' },
  ],
});

/** A point's IR without its id, title and edges. */
function facts(ir: JourneyIr, id: string): Record<string, unknown> {
  const p = ir.points.find((x) => x.id === id);
  assert.ok(p, id);
  const { id: _id, title: _title, next: _next, ...rest } = p as Record<string, unknown>;
  return rest;
}

describe('compiled journey: points, header, segment plan', () => {
  // Compiled in each test (not once when the file loads), so that every test runs the compiler it checks.
  let ir: JourneyIr;
  beforeEach(() => {
    ir = compileJourney(ALL);
  });

  it('R17: a send carries its content, whether it is transactional (by the content or its list), its list and subject; an SMS its phone field', () => {
    assert.deepEqual(facts(ir, 'p_mail'), { type: 'sendEmail', content: 'hello', transactional: false, list: 'news', subject: 'Hi' });
    assert.deepEqual(facts(ir, 'p_receipt'), { type: 'sendEmail', content: 'receipt', transactional: true, list: 'orders' });
    assert.deepEqual(facts(ir, 'p_sms'), { type: 'sendSms', content: 'ping', transactional: true, phoneField: 'mobile' });
    assert.deepEqual(facts(ir, 'p_sms2'), { type: 'sendSms', content: 'ping', transactional: true });
    assert.equal(ir.points[0]!.title, 'Say hi');
    assert.equal('title' in ir.points[1]!, false);
  });

  it('R4: actions carry what they change; a webhook its method (POST unless said); an exit its reason when it has one', () => {
    assert.deepEqual(facts(ir, 'p_tag'), { type: 'addTag', tag: 'vip' });
    assert.deepEqual(facts(ir, 'p_untag'), { type: 'removeTag', tag: 'old' });
    assert.deepEqual(facts(ir, 'p_field'), { type: 'updateField', field: 'score', value: 3 });
    assert.deepEqual(facts(ir, 'p_sub'), { type: 'subscribeList', list: 'news' });
    assert.deepEqual(facts(ir, 'p_unsub'), { type: 'unsubscribeList', list: 'news' });
    assert.deepEqual(facts(ir, 'p_hook'), { type: 'webhook', url: 'https://example.com/a', method: 'POST' });
    assert.deepEqual(facts(ir, 'p_hook_put'), { type: 'webhook', url: 'https://example.com/b', method: 'PUT' });
    assert.deepEqual(facts(ir, 'p_exit'), { type: 'exit', reason: 'not vip' });
    assert.deepEqual(facts(ir, 'p_exit_plain'), { type: 'exit' });
    assert.deepEqual(facts(ir, 'p_end'), { type: 'end' });
    assert.deepEqual(facts(ir, 'p_if'), { type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' } });
  });

  it('R0 R9 R11: a wait and a timeout are milliseconds (days as 24 h) with their nominal days, absent when none', () => {
    assert.deepEqual(facts(ir, 'p_wait'), { type: 'wait', durationMs: DAY + 2 * H, durationDays: 1 });
    assert.deepEqual(facts(ir, 'p_wait_short'), { type: 'wait', durationMs: 5 * 60_000 });
    assert.deepEqual(facts(ir, 'p_event'), { type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_mail' }, timeoutMs: 2 * DAY, timeoutDays: 2 });
    assert.deepEqual(facts(ir, 'p_event_short'), { type: 'waitForEvent', event: { type: 'purchase' }, timeoutMs: 3 * H });
  });

  it('R10: a wait-until is the instant of its local time in its own zone, else the journey\'s', () => {
    assert.deepEqual(facts(ir, 'p_until'), { type: 'waitUntil', atMs: Date.parse('2026-07-01T13:00:00Z'), at: '2026-07-01T09:00', timeZone: 'America/New_York' });
    assert.deepEqual(facts(ir, 'p_until_here'), { type: 'waitUntil', atMs: Date.parse('2026-07-01T07:00:00Z'), at: '2026-07-01T09:00', timeZone: 'Europe/Berlin' });
  });

  it('R13: a split carries its shares, and its edges their labels', () => {
    assert.deepEqual(facts(ir, 'p_split'), { type: 'split', percents: [30, 70] });
    const split = ir.points.find((p) => p.id === 'p_split')!;
    assert.deepEqual(split.next.map((e) => [ir.points[e.to]!.id, e.label]), [['p_exit_plain', '30%'], ['p_end', 'most']]);
  });

  it('R22: the header has the journey\'s id, name and version, and the hash and instant only when published', () => {
    assert.deepEqual(ir.journey, { id: 'j', name: 'J', version: 1 });
    assert.deepEqual(compileJourney(journey({ version: 4 })).journey, { id: 'j', name: 'J', version: 4 });
    assert.deepEqual(compileJourney(journey({ version: 4 }), { version: 5, hash: 'fnv1a64:0123456789abcdef', publishedAt: '2026-01-01T00:00:00Z' }).journey, { id: 'j', name: 'J', version: 5, hash: 'fnv1a64:0123456789abcdef', publishedAt: '2026-01-01T00:00:00Z' });
    assert.equal(compileForSimulation(journey({ version: 4 })).ir.journey.version, 1, 'the simulator runs version 1');
  });

  it('R6: re-entry after a cool-down is milliseconds with nominal days; other modes as they are', () => {
    assert.deepEqual(compileJourney(journey({ settings: { timeZone: 'UTC', reEntry: { mode: 'afterCooldown', cooldown: 'P2D' } } })).reEntry, { mode: 'afterCooldown', cooldownMs: 2 * DAY, cooldownDays: 2 });
    assert.deepEqual(compileJourney(journey({ settings: { timeZone: 'UTC', reEntry: { mode: 'afterCooldown', cooldown: 'PT1H' } } })).reEntry, { mode: 'afterCooldown', cooldownMs: H });
    assert.deepEqual(compileJourney(journey({ settings: { timeZone: 'UTC', reEntry: { mode: 'afterCompletion' } } })).reEntry, { mode: 'afterCompletion' });
    assert.deepEqual(compileJourney(journey({ settings: undefined })).reEntry, { mode: 'never' });
    assert.equal(compileJourney(journey({ settings: undefined })).timeZone, 'UTC');
  });

  it('R8: the zero-time guard allows at least 10,000 steps, and 50 per point on large journeys; a trigger journey has no segment plan', () => {
    assert.equal(ir.maxChainSteps, 10_000);
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `p_${i}`, type: 'wait', duration: 'PT1M', next: i === 299 ? 'p_end' : `p_${i + 1}` }));
    assert.equal(compileJourney(journey({ points: [...many, { id: 'p_end', type: 'end' }] })).maxChainSteps, 50 * 301);
    assert.equal(ir.segment, null);
  });

  it('the IR file: two-space JSON ending with a newline; its JSON Schema is named and titled', () => {
    const text = irToJson(ir);
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.startsWith('{\n  "irVersion": 1,'));
    const schema = journeyIrJsonSchema() as { $id: string; title: string };
    assert.equal(schema.$id, IR_SCHEMA_ID);
    assert.equal(schema.title, 'Journey Designer compiled journey (IR)');
  });
});

describe('compiled journey: segment plans (R19)', () => {
  const seg = (over: Record<string, unknown>) =>
    journey({
      kind: 'segment',
      startingPoints: [
        { id: 'sp_a', trigger: { type: 'segmentEntered', segment: 'seg_a' }, next: 'p_end' },
        { id: 'sp_b', trigger: { type: 'segmentEntered', segment: 'seg_b' }, next: 'p_end' },
      ],
      ...over,
    });

  it('R19: entries go through the starting point whose trigger enters the declared segment; one-time static by default, from when the runtime starts', () => {
    assert.deepEqual(compileJourney(seg({ segmentEntry: { segment: 'seg_b' } })).segment, { segment: 'seg_b', schedule: 'oneTimeStatic', startMs: null, everyMs: 0, untilMs: null, entry: 1 });
  });

  it('R19: without a declared segment, the first segment-entered starting point names it; a declared segment no trigger enters goes through the first', () => {
    const api = { id: 'sp_api', trigger: { type: 'api' }, next: 'p_end' };
    const j = seg({});
    j.startingPoints.unshift(api as never);
    assert.deepEqual(compileJourney(j).segment, { segment: 'seg_a', schedule: 'oneTimeStatic', startMs: null, everyMs: 0, untilMs: null, entry: 1 });
    assert.deepEqual(compileJourney(seg({ segmentEntry: { segment: 'seg_c' } })).segment?.entry, 0);
    assert.deepEqual(compileJourney(seg({ segmentEntry: { segment: 'seg_c' } })).segment?.segment, 'seg_c');
  });

  it('R19: a recurring schedule in its own zone: start, interval with its nominal days, last run, and the zone when not the journey\'s', () => {
    const plan = compileJourney(seg({ segmentEntry: { segment: 'seg_a', schedule: { type: 'recurring', every: 'P7D', until: '2026-12-31T09:00' }, start: '2026-07-01T09:00', timeZone: 'America/New_York' } })).segment;
    assert.deepEqual(plan, { segment: 'seg_a', schedule: 'recurring', startMs: Date.parse('2026-07-01T13:00:00Z'), everyMs: 7 * DAY, everyDays: 7, timeZone: 'America/New_York', untilMs: Date.parse('2027-01-01T14:00:00Z') - DAY, entry: 0 });
    const here = compileJourney(seg({ segmentEntry: { segment: 'seg_a', schedule: { type: 'recurring', every: 'PT6H' }, start: '2026-07-01T09:00', timeZone: 'Europe/Berlin' } })).segment;
    assert.deepEqual(here, { segment: 'seg_a', schedule: 'recurring', startMs: Date.parse('2026-07-01T07:00:00Z'), everyMs: 6 * H, untilMs: null, entry: 0 });
  });

  it('R19: a segment journey that names no segment, or has no starting point, has no plan, and the simulator is told nobody enters', () => {
    const none = journey({ kind: 'segment', startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_end' }] });
    const compiled = compileForSimulation(none);
    assert.equal(compiled.ir.segment, null);
    assert.deepEqual(compiled.warnings, ['This segment-based journey names no segment (segmentEntry.segment or a segmentEntered starting point) or has no starting point: nobody enters it.']);
    assert.equal(compileForSimulation(journey({ kind: 'segment', segmentEntry: { segment: 'seg_a' }, startingPoints: [] })).ir.segment, null);
  });

  it('R19 R0: a recurring schedule of no time at all cannot be compiled', () => {
    assert.throws(() => compileJourney(seg({ segmentEntry: { segment: 'seg_a', schedule: { type: 'recurring', every: 'P0D' } } })), (e: Error) => e instanceof CompileError && e.message === 'The journey cannot be compiled: The recurring schedule runs every 0 seconds: give it a positive interval.');
  });

  it('a damaged IR whose segment entry names no starting point is refused there', () => {
    const ir = JSON.parse(irToJson(compileJourney(seg({ segmentEntry: { segment: 'seg_a' } })))) as JourneyIr;
    ir.segment!.entry = 2;
    const result = JourneyIr.safeParse(ir);
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((i) => [i.path, i.code]), [[['segment', 'entry'], 'custom']]);
    assert.match(result.error!.issues[0]!.message, /^The segment entry goes through starting point index 2, but /);
    ir.segment!.entry = 1;
    assert.ok(JourneyIr.safeParse(ir).success);
  });
});

describe('compiled journey: what cannot be compiled, and what the simulator is told', () => {
  it('R4: references to no point: the simulator gets edges to -1 and each problem; the compiler refuses, listing them all', () => {
    const broken = journey({ startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_gone' }], points: [{ id: 'p_w', type: 'wait', duration: 'P1D', next: 'p_lost' }] });
    const compiled = compileForSimulation(broken);
    assert.deepEqual(compiled.ir.startingPoints[0]!.next, -1);
    assert.deepEqual(compiled.ir.points[0]!.next, [{ to: -1, label: 'next' }]);
    assert.deepEqual(compiled.unresolved, [
      { from: 'point', index: 0, edge: 0, to: 'p_lost', problem: 'Point "p_w" goes on (next) to "p_lost", which is not a point of the journey.' },
      { from: 'start', index: 0, edge: 0, to: 'p_gone', problem: 'Starting point "sp" goes on to "p_gone", which is not a point of the journey.' },
    ]);
    assert.throws(() => compileJourney(broken), (e: Error) => e instanceof CompileError && e.name === 'CompileError' && e.message === 'The journey cannot be compiled: Point "p_w" goes on (next) to "p_lost", which is not a point of the journey. Starting point "sp" goes on to "p_gone", which is not a point of the journey.');
  });

  it('R4: a repeated point id resolves to its first point', () => {
    const twice = journey({ points: [{ id: 'p_end', type: 'end' }, { id: 'p_end', type: 'exit' }] });
    assert.equal(compileForSimulation(twice).ir.startingPoints[0]!.next, 0);
  });

  it('R0: a duration that cannot be read is refused, naming the point', () => {
    const j = journey({});
    (j.points as unknown[]).unshift({ id: 'p_w', type: 'wait', duration: 'P1X', next: 'p_end' });
    assert.throws(() => compileJourney(j), (e: Error) => e instanceof CompileError && e.message === 'The journey cannot be compiled: Point "p_w": "P1X" is not a duration such as P1D or PT12H.');
  });

  it('R0 R19: for the simulator, an unreadable duration and a recurring schedule of zero length are simulation errors of code invalid-duration', () => {
    const unreadable = journey({});
    (unreadable.points as unknown[]).unshift({ id: 'p_w', type: 'wait', duration: 'P1X', next: 'p_end' });
    const everyZero = journey({ kind: 'segment', segmentEntry: { segment: 'seg_a', schedule: { type: 'recurring', every: 'PT0S' } }, startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'seg_a' }, next: 'p_end' }] });
    for (const [j, message] of [
      [unreadable, 'Point "p_w": "P1X" is not a duration such as P1D or PT12H.'],
      [everyZero, 'The recurring schedule runs every 0 seconds: give it a positive interval.'],
    ] as const) {
      assert.throws(() => compileForSimulation(j), (e: unknown) => e instanceof SimulationError && e.code === 'invalid-duration' && e.message === message);
    }
  });

  it('R0: an unreadable timeout, cool-down or schedule interval is refused, naming where it is', () => {
    /** The journey's compile error after `spoil` writes a duration the schema would refuse. */
    const bad = (spoil: (j: Record<string, unknown>) => void, over: Record<string, unknown> = {}) => {
      const j = journey(over) as unknown as Record<string, unknown>;
      spoil(j);
      try {
        compileJourney(j as unknown as Journey);
      } catch (error) {
        assert.ok(error instanceof CompileError);
        return error.message;
      }
      return assert.fail('refused');
    };
    const wfe = { id: 'p_w', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1X', branches: { yes: 'p_end', timeout: 'p_end' } };
    assert.equal(bad((j) => (j['points'] as unknown[]).unshift(wfe)), 'The journey cannot be compiled: Point "p_w": "P1X" is not a duration such as P1D or PT12H.');
    assert.equal(bad((j) => (j['settings'] = { timeZone: 'UTC', reEntry: { mode: 'afterCooldown', cooldown: 'P1X' } })), 'The journey cannot be compiled: The re-entry cool-down: "P1X" is not a duration such as P1D or PT12H.');
    assert.equal(
      bad((j) => (j['segmentEntry'] = { segment: 'seg_a', schedule: { type: 'recurring', every: 'P1X' } }), { kind: 'segment', startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'seg_a' }, next: 'p_end' }] }),
      'The journey cannot be compiled: The recurring schedule: "P1X" is not a duration such as P1D or PT12H.',
    );
  });

  it('R3: a starting point\'s filter is in the IR; one without a filter has none', () => {
    const filtered = journey({ startingPoints: [{ id: 'sp', trigger: { type: 'api' }, filter: { type: 'hasTag', tag: 'vip' }, next: 'p_end' }, { id: 'sp2', trigger: { type: 'api' }, next: 'p_end' }] });
    const ir = compileJourney(filtered);
    assert.deepEqual(ir.startingPoints[0]!.filter, { type: 'hasTag', tag: 'vip' });
    assert.equal('filter' in ir.startingPoints[1]!, false);
  });

  it('R17 R13: undeclared content is read as marketing without a list, and a split that does not add up to 100 by its shares: both said', () => {
    const j = journey({
      points: [
        { id: 'p_mail', type: 'sendEmail', content: 'nowhere', next: 'p_split' },
        { id: 'p_split', type: 'split', branches: [{ percent: 30, next: 'p_end' }, { percent: 30, next: 'p_end' }] },
        { id: 'p_end', type: 'end' },
      ],
    });
    const compiled = compileForSimulation(j);
    assert.deepEqual(compiled.warnings, [
      'Point "p_mail" sends content "nowhere", which the journey does not declare: it is treated as marketing content without a list.',
      'The branches of split "p_split" add up to 60%, not 100% (R13): their shares were read relative to 60.',
    ]);
    assert.deepEqual(facts(compiled.ir, 'p_mail'), { type: 'sendEmail', content: 'nowhere', transactional: false });
    assert.deepEqual(compileForSimulation(ALL).warnings, [], 'declared content and whole splits: nothing to say');
  });
});
