// Specification of the compiled journey (IR): what the compiler resolves
// (successors and their labels, durations, wait-until instants in their time
// zone, content facts, re-entry, the segment plan, date triggers), that every
// sample compiles to an IR valid against both its zod schema and its
// generated JSON Schema, and that a journey that cannot run is refused.
import assert from 'node:assert/strict';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompileError, compileJourney, irToJson } from '../../src/core/compiler/compileJourney';
import { IR_VERSION, JourneyIr } from '../../src/core/compiler/irSchema';
import { IR_SCHEMA_ID, journeyIrJsonSchema } from '../../src/core/compiler/irJsonSchema';
import { buildGraph } from '../../src/core/graph';
import { Journey } from '../../src/core/schema';
import { loadRuntimeJourney } from '../../src/restate/runtime/runtimeJourney';
import { sampleCases } from './support/samples';

const samples = sampleCases();
const sample = (name: string) => samples.find((s) => s.name === name)!.journey;

async function jsonSchemaProblems(json: string): Promise<string[]> {
  const service = getLanguageService({ schemaRequestService: async () => JSON.stringify(journeyIrJsonSchema()) });
  service.configure({ validate: true, schemas: [{ uri: IR_SCHEMA_ID, fileMatch: ['*.ir.json'], schema: journeyIrJsonSchema() }] });
  const doc = TextDocument.create('file:///x.ir.json', 'json', 1, json);
  const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc), { schemaValidation: 'error' });
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('compiled journey (IR)', () => {
  for (const { name, journey } of samples) {
    it(`R4 ${name} compiles to an IR valid against its zod schema and its JSON Schema`, async () => {
      const ir = compileJourney(journey);
      assert.equal(ir.irVersion, IR_VERSION);
      assert.ok(JourneyIr.safeParse(JSON.parse(irToJson(ir))).success);
      assert.deepEqual(await jsonSchemaProblems(irToJson(ir)), []);
      assert.equal(irToJson(compileJourney(journey)), irToJson(ir), 'compiling is deterministic');
    });
  }

  it('R4 successors are point indices with the graph\'s edge labels, in graph order', () => {
    for (const { journey } of samples) {
      const ir = compileJourney(journey);
      const graph = buildGraph(journey);
      ir.points.forEach((p) => {
        const edges = graph.out.get(p.id) ?? [];
        assert.deepEqual(
          p.next.map((e) => ({ to: ir.points[e.to]!.id, label: e.label })),
          edges.map((e) => ({ to: e.to, label: e.label })),
          `edges of ${p.id}`,
        );
      });
      ir.startingPoints.forEach((s, i) => assert.equal(ir.points[s.next]!.id, journey.startingPoints[i]!.next));
    }
  });

  it('a damaged compiled journey (an index past the points or starting points) is refused at that index, also by the runtime, instead of failing mid-journey', () => {
    const ir = JSON.parse(irToJson(compileJourney(sample('mailchimp-vip-welcome')))) as JourneyIr;
    const points = ir.points.length;
    const withEdge = ir.points.findIndex((p) => p.next.length > 0);
    ir.points[withEdge]!.next[0]!.to = points;
    ir.startingPoints[0]!.next = points + 7;
    const parsed = JourneyIr.safeParse(ir);
    assert.equal(parsed.success, false);
    const issues = parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    assert.deepEqual(issues, [
      `startingPoints.0.next: Starting point "${ir.startingPoints[0]!.id}" leads to point index ${points + 7}, but the compiled journey has ${points} points (0 to ${points - 1}): it is damaged; compile or publish the journey again`,
      `points.${withEdge}.next.0.to: Point "${ir.points[withEdge]!.id}" (${ir.points[withEdge]!.next[0]!.label}) leads to point index ${points}, but the compiled journey has ${points} points (0 to ${points - 1}): it is damaged; compile or publish the journey again`,
    ]);
    assert.throws(() => loadRuntimeJourney(ir, { dayMs: 86_400_000, activeFrom: 0, activeUntil: Infinity, splitSeed: 0 }), /leads to point index .* it is damaged/);
  });

  it('R9 R11 durations are milliseconds; R10 wait-until is the instant of the local time in its zone', () => {
    const ir = compileJourney(sample('dynamics-product-announcement'));
    const until = ir.points.find((p) => p.type === 'waitUntil');
    assert.ok(until?.type === 'waitUntil');
    // 2026-05-12T09:00 in Europe/Warsaw (CEST, UTC+2)
    assert.equal(new Date(until.atMs).toISOString(), '2026-05-12T07:00:00.000Z');
    const forEvent = ir.points.find((p) => p.type === 'waitForEvent');
    assert.ok(forEvent?.type === 'waitForEvent');
    assert.equal(forEvent.timeoutMs, 86_400_000);
    const vip = compileJourney(sample('mailchimp-vip-welcome'));
    const wait = vip.points.find((p) => p.id === 'p_wait_3d');
    assert.ok(wait?.type === 'wait' && wait.durationMs === 3 * 86_400_000);
  });

  it('R17 send points carry their content facts: transactional or the list whose consent they need', () => {
    const ir = compileJourney(sample('preference-center'));
    const sends = ir.points.filter((p) => p.type === 'sendEmail' || p.type === 'sendSms');
    assert.ok(sends.length > 0);
    for (const s of sends) {
      assert.ok(s.type === 'sendEmail' || s.type === 'sendSms');
      const item = sample('preference-center').content!.find((c) => c.id === s.content)!;
      assert.equal(s.list, item.list);
      assert.equal(s.transactional, item.transactional === true || sample('preference-center').lists!.some((l) => l.id === item.list && l.kind === 'transactional'));
    }
    assert.equal(ir.marketing, true);
  });

  it('R19 a segment journey carries its plan: segment, schedule, start instant in its zone, entry point', () => {
    const ir = compileJourney(sample('dynamics-product-announcement'));
    assert.deepEqual(ir.segment, { segment: 'top-customers', schedule: 'oneTimeRolling', startMs: Date.parse('2026-05-04T08:00:00Z'), everyMs: 0, untilMs: null, entry: 0 });
  });

  it('R20 a date-field trigger carries its field and daily instant, zone resolved; R7 re-entry is resolved', () => {
    const ir = compileJourney(sample('birthday-german'));
    assert.deepEqual(ir.startingPoints[0]!.dateTrigger, { field: 'birthday', hour: 9, minute: 0, timeZone: 'Europe/Berlin' });
    assert.deepEqual(ir.reEntry, { mode: 'afterCompletion' });
    assert.deepEqual(compileJourney(sample('mailup-webform-nurture')).reEntry, { mode: 'afterCooldown', cooldownMs: 30 * 86_400_000, cooldownDays: 30 }); // P30D: 30 nominal days (R0)
  });

  it('R4 refuses a journey whose successor names no point, saying which', () => {
    const broken = Journey.parse({ ...sample('mailchimp-vip-welcome'), points: sample('mailchimp-vip-welcome').points.map((p) => (p.id === 'p_wait_3d' ? { ...p, next: 'p_nowhere' } : p)) });
    assert.throws(() => compileJourney(broken), (e: unknown) => e instanceof CompileError && /p_wait_3d.*p_nowhere/.test(e.message));
  });

  it('a runtime refuses an IR of another format version', () => {
    const ir = { ...compileJourney(sample('mailchimp-vip-welcome')), irVersion: 2 };
    assert.throws(() => loadRuntimeJourney(ir, { dayMs: 86_400_000, activeFrom: 0, activeUntil: Infinity, splitSeed: 0 }), /irVersion|expected 1/i);
  });

  it('R22 records the published version, hash and instant', () => {
    const ir = compileJourney(sample('mailchimp-vip-welcome'), { version: 3, hash: 'fnv1a64:0123456789abcdef', publishedAt: '2026-11-23T09:00:00.000Z' });
    assert.deepEqual(ir.journey, { id: 'mailchimp-vip-welcome', name: 'VIP & major donor welcome', version: 3, hash: 'fnv1a64:0123456789abcdef', publishedAt: '2026-11-23T09:00:00.000Z' });
  });
});
