// Specification of the diagnostics of a timeline or a scenario
// (companionAnalysis.ts), in process: its own problems at their place (its
// schema's only when the client does not check the schema itself), and a
// problem of the journey or timeline it names once, at the path naming
// that file: unreadable, or with errors (an error in a scenario, which
// cannot run; a warning in a timeline).
import assert from 'node:assert/strict';
import { analyzeCompanion } from '../../../language/companionAnalysis';
import { DocumentAnalysis } from '../../../language/documentAnalysis';
import { validateJourneyText } from '../../../src/core/validate';
import { positionOf, WELCOME } from './support';

const DIR = 'file:///work/journeys/';
const TIMELINE = `{
  "formatVersion": 1,
  "journey": "./welcome.journey.json",
  "start": "2026-01-01T00:00:00Z",
  "contacts": [{ "id": "c_anna", "email": "anna@example.com" }],
  "events": []
}`;
const SCENARIO = `{
  "formatVersion": 1,
  "name": "welcome",
  "journey": "./welcome.journey.json",
  "timeline": "./welcome.timeline.json",
  "expectations": [{ "type": "passes", "contact": "c_anna", "point": "p_email" }]
}`;

async function diagnosticsOf(kind: 'timeline' | 'scenario', text: string, texts: Record<string, string>, clientValidatesSchemas = false) {
  const files = { read: async (u: string) => texts[u.slice(DIR.length)] ?? Promise.reject(new Error(`cannot read ${u}`)), companions: async () => [] };
  const analysis = await analyzeCompanion(`${DIR}welcome.${kind}.json`, 3, text, kind, { files, journeyAnalysis: (u, t) => new DocumentAnalysis(u, 0, t, validateJourneyText(t)), clientValidatesSchemas });
  assert.equal(analysis.version, 3);
  return analysis.diagnostics;
}
const span = (text: string, needle: string) => ({ start: positionOf(text, needle), end: positionOf(text, needle, needle.length) });

describe('diagnostics of timelines and scenarios', () => {
  it('has none for a timeline and a scenario that name only what exists', async () => {
    const texts = { 'welcome.journey.json': WELCOME, 'welcome.timeline.json': TIMELINE };
    assert.deepEqual(await diagnosticsOf('timeline', TIMELINE, texts), []);
    assert.deepEqual(await diagnosticsOf('scenario', SCENARIO, texts), []);
  });

  it('says once, at its journey path, that the journey of a timeline has errors: a warning with the first error and its place', async () => {
    const broken = WELCOME.replace('"next": "p_wait_open"', '"next": "p_nowhere"').replace('"yes": "p_done"', '"yes": "p_nope"');
    const [d, ...rest] = await diagnosticsOf('timeline', TIMELINE, { 'welcome.journey.json': broken });
    assert.deepEqual(rest, []);
    assert.deepEqual(d!.range, span(TIMELINE, '"./welcome.journey.json"'));
    assert.equal(d!.severity, 2);
    assert.equal(d!.code, 'reference.file-has-errors');
    assert.equal(d!.source, 'journey reference');
    assert.deepEqual(d!.data, { rule: 'reference', path: ['journey'], file: `${DIR}welcome.journey.json` });
    const place = positionOf(broken, '"p_nowhere"');
    const errors = validateJourneyText(broken).diagnostics.filter((x) => x.severity === 'error').length;
    assert.ok(errors > 1);
    assert.match(String(d!.message), new RegExp(`^The journey welcome\\.journey\\.json has ${errors} errors; first: .*p_nowhere.* \\(welcome\\.journey\\.json:${place.line + 1}:${place.character + 1}\\)\\.$`));
  });

  it("says in a scenario, as an error, that it cannot run because its timeline has an error", async () => {
    const timeline = TIMELINE.replace('"start": "2026-01-01T00:00:00Z"', '"start": "yesterday"');
    const diagnostics = await diagnosticsOf('scenario', SCENARIO, { 'welcome.journey.json': WELCOME, 'welcome.timeline.json': timeline });
    const d = diagnostics.find((x) => x.code === 'reference.file-has-errors');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.deepEqual(d.range, span(SCENARIO, '"./welcome.timeline.json"'));
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /^The timeline welcome\.timeline\.json has 1 error, so this scenario cannot run; first: .*\(welcome\.timeline\.json:\d+:\d+\)\.$/);
  });

  it('says at the journey path when the journey cannot be read, and how to name it', async () => {
    const diagnostics = await diagnosticsOf('timeline', TIMELINE, {});
    const d = diagnostics.find((x) => x.code === 'reference.unreadable-file');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.deepEqual(d.range, span(TIMELINE, '"./welcome.journey.json"'));
    assert.match(String(d.message), /\. Give the path of the journey, relative to this file\.$/);
  });

  it("reports its own schema errors at their value, unless the client checks the schema itself, in document order", async () => {
    const text = TIMELINE.replace('"formatVersion": 1', '"formatVersion": 2').replace('"events": []', '"events": 5');
    const texts = { 'welcome.journey.json': WELCOME };
    const own = await diagnosticsOf('timeline', text, texts);
    assert.ok(own.length >= 2, JSON.stringify(own));
    assert.deepEqual(own[0]!.range, span(text, '2'));
    assert.equal(own[0]!.source, 'journey schema');
    assert.deepEqual((own[0]!.data as { rule: string; path: unknown[] }).path, ['formatVersion']);
    const starts = own.map((d) => d.range.start.line * 1000 + d.range.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.deepEqual(await diagnosticsOf('timeline', text, texts, true), []);
  });
});
