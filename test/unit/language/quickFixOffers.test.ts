// Specification of which quick fixes a diagnostic offers: exactly the fixes
// its rule calls for, in order, the preferred one marked, and none for a
// diagnostic that has no fix or that the server did not make; and what each
// fix changes (every other character stays). The fixes themselves are
// described in codeActions.test.ts and moreQuickFixes.test.ts; here the
// point is that no other fix slips in and none goes missing.
import assert from 'node:assert/strict';
import { type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../language/codeActions';
import { AnalysisCache } from '../../../language/documentAnalysis';
import { toLspDiagnostic } from '../../../language/diagnosticsPublisher';
import { validateJourneyText } from '../../../src/core/validate';
import { analyze, applyEdits, editsOf, URI, WELCOME } from './support';

/** The LSP diagnostic of `code` in `text` (the `nth`, from 0), and the fixes offered for it as the client sends it. */
function offered(text: string, code: string, nth = 0): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const analysis = analyze(text);
  const found = analysis.result.diagnostics.filter((d) => d.code === code)[nth];
  assert.ok(found, `no ${code} (#${nth}) in ${analysis.result.diagnostics.map((d) => d.code).join(', ')}`);
  const diagnostic = toLspDiagnostic(analysis, found);
  return { diagnostic, actions: ask(text, [diagnostic]) };
}
function ask(text: string, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const analysis = analyze(text);
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return codeActions(analysis, { textDocument: { uri: URI }, range, context: { diagnostics, ...(only ? { only } : {}) } }, { versioned: false });
}
/** Each offer as its title, with " (preferred)" after the preferred one. */
const titles = (actions: CodeAction[]) => actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
const offers = (text: string, code: string, nth = 0) => titles(offered(text, code, nth).actions);
const apply = (text: string, action: CodeAction | undefined) => {
  assert.ok(action, 'no such fix');
  return applyEdits(text, editsOf(action.edit));
};
const codes = (text: string) => validateJourneyText(text).diagnostics.map((d) => d.code);

const FREE = (text: string) => text.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "plan": "free" },');
const withSecondStart = (text: string, id = 'sp_two') => text.replace('"next": "p_email"\n    }', `"next": "p_email"\n    },\n    { "id": "${id}", "trigger": { "type": "tagAdded", "tag": "VIP" }, "next": "p_email" }`);

describe('quick fixes offered per diagnostic: exactly these, no more', () => {
  it('a misspelt point type: only the closest type, preferred', () => {
    const text = WELCOME.replace('"type": "sendEmail"', '"type": "sendEmial"');
    assert.deepEqual(offers(text, 'schema.unknown-discriminator'), ['Change "sendEmial" to "sendEmail" (preferred)']);
  });

  it('a misspelt property: only its rename, preferred; and no rename onto a property the object already has', () => {
    const text = WELCOME.replace('"title": "Say hello"', '"titel": "Say hello"');
    assert.deepEqual(offers(text, 'schema.unknown-property'), ['Rename property "titel" to "title" (preferred)']);
    const both = WELCOME.replace('"title": "Say hello",', '"title": "Say hello",\n      "titel": "Hello",');
    const { actions } = offered(both, 'schema.unknown-property');
    assert.ok(!titles(actions).some((t) => t.startsWith('Rename property')), titles(actions).join(' | '));
  });

  it('R4: a reference to a missing point: the closest id (preferred), or creating the point, nothing else', () => {
    const text = WELCOME.replace('"yes": "p_done"', '"yes": "p_dnoe"');
    assert.deepEqual(offers(text, 'R4.dangling-reference'), ['Change "p_dnoe" to "p_done" (preferred)', 'Create the missing point "p_dnoe" (an end point)']);
  });

  it('R1: two starting points on the Free plan: remove the second, raise the plan to Standard, or set the limit to 2', () => {
    const text = FREE(withSecondStart(WELCOME));
    assert.deepEqual(offers(text, 'R1.too-many-starting-points'), [
      'Remove starting point "sp_two" (R1)',
      'Raise the plan to Standard, which allows 3 starting points (R1)',
      'Set settings.limits.startingPoints to 2 (your account allows it) (R1)',
    ]);
  });

  it('R1: the limit fix goes into settings.limits, created or extended, and the plan fix into settings', () => {
    const text = FREE(withSecondStart(WELCOME));
    const { actions } = offered(text, 'R1.too-many-starting-points');
    assert.equal(apply(text, actions[1]), text.replace('"settings": { "plan": "free" }', '"settings": { "plan": "standard" }'));
    assert.equal(apply(text, actions[2]), text.replace('"settings": { "plan": "free" }', '"settings": { "plan": "free", "limits": { "startingPoints": 2 } }'));
    const limited = text.replace('"settings": { "plan": "free" }', '"settings": { "plan": "free", "limits": { "journeyPoints": 10 } }');
    const own = offered(limited, 'R1.too-many-starting-points').actions;
    assert.equal(apply(limited, own.find((a) => a.title.startsWith('Set settings.limits'))), limited.replace('"limits": { "journeyPoints": 10 }', '"limits": { "journeyPoints": 10, "startingPoints": 2 }'));
  });

  it('R1: with an own limit of 1 in settings.limits, raising the plan would change nothing: only the limit and the removal', () => {
    const text = withSecondStart(WELCOME).replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "limits": { "startingPoints": 1 } },');
    const { actions } = offered(text, 'R1.too-many-starting-points');
    assert.deepEqual(titles(actions), ['Remove starting point "sp_two" (R1)', 'Set settings.limits.startingPoints to 2 (your account allows it) (R1)']);
    assert.equal(apply(text, actions[1]), text.replace('"startingPoints": 1', '"startingPoints": 2'));
  });

  it('R1: four starting points on the Free plan: no plan allows four, so only the limit (and the removal of the second)', () => {
    const text = FREE(withSecondStart(withSecondStart(withSecondStart(WELCOME, 'sp_four'), 'sp_three')));
    assert.deepEqual(offers(text, 'R1.too-many-starting-points'), ['Remove starting point "sp_two" (R1)', 'Set settings.limits.startingPoints to 4 (your account allows it) (R1)']);
  });

  it('R1: three starting points on the Free plan: Standard allows exactly three, so raising the plan is offered', () => {
    const text = FREE(withSecondStart(withSecondStart(WELCOME, 'sp_three')));
    assert.ok(offers(text, 'R1.too-many-starting-points').includes('Raise the plan to Standard, which allows 3 starting points (R1)'));
  });

  it('R1: a plan and an own limit in settings.limits: the own limit wins, so no plan is proposed', () => {
    const text = withSecondStart(WELCOME).replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "plan": "free", "limits": { "startingPoints": 1 } },');
    assert.ok(!offers(text, 'R1.too-many-starting-points').some((t) => t.startsWith('Raise the plan')));
  });

  it('R1: removing a starting point of a journey without a map layout removes just the starting point', () => {
    const text = FREE(withSecondStart(WELCOME)).replace(',\n  "layout": { "p_email": { "x": 10, "y": 20 } }', '');
    assert.ok(!text.includes('"layout"'));
    const { actions } = offered(text, 'R1.too-many-starting-points');
    const fixed = apply(text, actions.find((a) => a.title === 'Remove starting point "sp_two" (R1)'));
    assert.equal(fixed, text.replace(',\n    { "id": "sp_two", "trigger": { "type": "tagAdded", "tag": "VIP" }, "next": "p_email" }', ''));
  });

  it('R1: on the Essentials plan two starting points need Standard, the next plan that allows them', () => {
    const text = withSecondStart(WELCOME).replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "plan": "essentials" },');
    assert.ok(offers(text, 'R1.too-many-starting-points').includes('Raise the plan to Standard, which allows 3 starting points (R1)'));
  });

  it('R1: four starting points without settings (Standard allows 3, no plan allows 4): removal or a settings object with the limit', () => {
    const text = withSecondStart(withSecondStart(withSecondStart(WELCOME, 'sp_four'), 'sp_three'));
    const { actions } = offered(text, 'R1.too-many-starting-points');
    assert.deepEqual(titles(actions), ['Remove starting point "sp_four" (R1)', 'Set settings.limits.startingPoints to 4 (your account allows it) (R1)']);
    const fixed = apply(text, actions.find((a) => a.title.startsWith('Set settings.limits')));
    assert.deepEqual(JSON.parse(fixed).settings, { limits: { startingPoints: 4 } });
    assert.ok(!codes(fixed).includes('R1.too-many-starting-points'));
  });

  it('R11: a zero timeout: only the proposed timeout, preferred', () => {
    const text = WELCOME.replace('"timeout": "P2D"', '"timeout": "PT0S"');
    assert.deepEqual(offers(text, 'R11.zero-timeout'), ['Set the timeout to P1D (R11) (preferred)']);
  });

  it('R11: a missing timeout: only the default timeout, preferred', () => {
    const text = WELCOME.replace('      "timeout": "P2D",\n', '');
    assert.deepEqual(offers(text, 'schema.missing-property'), ['Set the timeout to P1D (R11) (preferred)']);
  });

  it('R11: a missing timeout branch: only a branch to a new end point', () => {
    const text = WELCOME.replace('"branches": { "yes": "p_done", "timeout": "p_gave_up" }', '"branches": { "yes": "p_done" }').replace(',\n    { "id": "p_gave_up", "type": "end" }', '');
    const found = validateJourneyText(text).diagnostics.filter((d) => d.code === 'schema.missing-property');
    assert.equal(found.length, 1, 'one missing property: the timeout branch');
    assert.deepEqual(offers(text, 'schema.missing-property'), ['Add a timeout branch to a new end point "p_wait_open_timeout" (R11)']);
  });

  it('a missing property other than a timeout or next offers nothing for a point that is not a wait for an event', () => {
    const text = WELCOME.replace('      "content": "hello",\n', '');
    assert.deepEqual(offers(text, 'schema.missing-property'), []);
  });

  it('a missing next: the following point (preferred) or a new end point; for the last point only a new end point', () => {
    const text = WELCOME.replace('"content": "hello",\n      "next": "p_wait_open"', '"content": "hello"');
    assert.deepEqual(offers(text, 'schema.missing-property'), ['Add "next": "p_wait_open" (preferred)', 'Add "next" to a new end point "p_email_end"']);
  });

  it('a starting point without next: the first journey point (preferred) or a new end point named after it', () => {
    const text = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" },\n      "next": "p_email"', '"filter": { "type": "hasTag", "tag": "Kunde" }');
    const { actions } = offered(text, 'schema.missing-property');
    assert.deepEqual(titles(actions), ['Add "next": "p_email" (preferred)', 'Add "next" to a new end point "sp_vip_end"']);
    assert.equal(apply(text, actions[0]), WELCOME);
  });

  it('the last point of the list without next: only a new end point, since no point follows it', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_last", "type": "addTag", "tag": "VIP" }').replace('"no": "x"', '');
    const found = validateJourneyText(text).diagnostics.filter((d) => d.code === 'schema.missing-property');
    assert.equal(found.length, 1);
    assert.deepEqual(offers(text, 'schema.missing-property'), ['Add "next" to a new end point "p_last_end"']);
  });

  it('a split branch without next: no next fix (only a journey point or starting point gets one)', () => {
    const split = '{ "id": "p_split", "type": "split", "branches": [{ "percent": 50, "next": "p_email" }, { "percent": 50 }] }';
    const text = WELCOME.replace('"points": [', `"points": [\n    ${split},`);
    const found = validateJourneyText(text).diagnostics.filter((d) => d.code === 'schema.missing-property');
    assert.equal(found.length, 1);
    assert.deepEqual(offers(text, 'schema.missing-property'), []);
  });

  it('a point without id and next: the new end point is named after "point"', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "type": "addTag", "tag": "VIP" }');
    const nth = validateJourneyText(text).diagnostics.filter((d) => d.code === 'schema.missing-property').findIndex((d) => d.path.at(-1) === 'next');
    assert.ok(nth >= 0);
    assert.deepEqual(offers(text, 'schema.missing-property', nth), ['Add "next" to a new end point "point_end"']);
  });

  it('R19: a segment journey without segmentEntry: only adding one to the journey, preferred, which leaves only its start to write', () => {
    const segment = WELCOME.replace('"kind": "trigger",', '"kind": "segment",\n  "segments": [{ "id": "vip" }],');
    const { actions } = offered(segment, 'R19.missing-segment-entry');
    assert.deepEqual(titles(actions), ['Add "segmentEntry": {"segment":"vip","schedule":{"type":"oneTimeStatic"},"timeZone":"UTC"} (preferred)']);
    const after = apply(segment, actions[0]);
    assert.ok(!codes(after).includes('R19.missing-segment-entry'), codes(after).join());
    assert.ok(codes(after).includes('R19.missing-start'), 'the start is the one part left to the marketer');
  });

  it('R19: a segment journey\'s segmentEntry without a time zone: only the proposed time zone, preferred', () => {
    const segment = WELCOME.replace('"kind": "trigger",', '"kind": "segment",\n  "segments": [{ "id": "vip" }],\n  "segmentEntry": { "segment": "vip", "schedule": { "type": "oneTimeStatic" }, "start": "2026-09-01T09:00" },');
    assert.deepEqual(offers(segment, 'R19.missing-time-zone'), ['Add "timeZone": "UTC" (preferred)']);
  });

  it('a duration written in words: only its ISO 8601 form, preferred; nothing for words that are no duration, nor for an instant', () => {
    const text = WELCOME.replace('"timeout": "P2D"', '"timeout": "2 days"');
    assert.deepEqual(offers(text, 'schema.invalid-format'), ['Change "2 days" to the ISO 8601 duration "P2D" (preferred)']);
    const soon = WELCOME.replace('"timeout": "P2D"', '"timeout": "soon"');
    assert.deepEqual(offers(soon, 'schema.invalid-format'), []);
    const instant = WELCOME.replace('"kind": "trigger",', '"kind": "segment",\n  "segments": [{ "id": "vip" }],\n  "segmentEntry": { "segment": "vip", "schedule": { "type": "oneTimeStatic" }, "start": "1d", "timeZone": "UTC" },');
    assert.deepEqual(offers(instant, 'schema.invalid-format'), [], 'a start is an instant, not a duration');
  });

  it('R3: an undeclared tag with no close declared one: only declaring it', () => {
    const text = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "type": "hasTag", "tag": "Newsletter-Fan" }');
    assert.deepEqual(offers(text, 'R3.unknown-tag'), ['Declare the tag "Newsletter-Fan" in "tags"']);
  });

  it('a close declared tag: only the change to it, not declaring the misspelt one', () => {
    const text = WELCOME.replace('{ "type": "hasTag", "tag": "Kunde" }', '{ "type": "hasTag", "tag": "Kunden" }');
    assert.deepEqual(offers(text, 'R3.unknown-tag'), ['Change "Kunden" to "Kunde" (preferred)']);
  });

  it('one property left over after a type change: only its removal, preferred, saying which type does not use it', () => {
    const text = WELCOME.replace('"type": "sendEmail",\n      "title": "Say hello",\n      "content": "hello",', '"type": "wait",\n      "duration": "P1D",\n      "title": "Say hello",\n      "content": "hello",');
    const { actions } = offered(text, 'schema.unknown-property');
    assert.deepEqual(titles(actions), ['Remove property "content" ("wait" does not use it) (preferred)']);
    assert.equal(apply(text, actions[0]), text.replace('      "content": "hello",\n', ''));
  });

  it('two properties left over: each one, or both; leftovers of another object are not counted', () => {
    const text = WELCOME.replace('"type": "sendEmail",\n      "title": "Say hello",\n      "content": "hello",', '"type": "wait",\n      "duration": "P1D",\n      "title": "Say hello",\n      "content": "hello",\n      "subject": "Hi",')
      .replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done", "type": "end", "extra": 1 }');
    assert.deepEqual(offers(text, 'schema.unknown-property'), ['Remove property "content" ("wait" does not use it) (preferred)', 'Remove the 2 properties "wait" does not use']);
    const { actions } = offered(text, 'schema.unknown-property', 1);
    assert.equal(apply(text, actions[1]), text.replace('      "content": "hello",\n      "subject": "Hi",\n', ''));
  });

  it('"remove all leftovers" counts only the leftovers of that object: not another problem of one of its values, not a misspelt property (it has its rename), not a leftover nested deeper', () => {
    const wait = WELCOME.replace('"type": "sendEmail",\n      "title": "Say hello",\n      "content": "hello",', '"type": "wait",\n      "duration": 5,\n      "title": "Say hello",\n      "content": "hello",\n      "subject": "Hi",');
    assert.ok(codes(wait).includes('schema.invalid-type'), codes(wait).join(', '));
    assert.deepEqual(offers(wait, 'schema.unknown-property'), ['Remove property "content" ("wait" does not use it) (preferred)', 'Remove the 2 properties "wait" does not use']);
    const start = WELCOME.replace('"id": "sp_vip",', '"id": "sp_vip",\n      "colour": "red",\n      "size": 1,\n      "filtr": { "type": "hasTag", "tag": "Kunde" },').replace('"tag": "VIP"', '"tag": "VIP", "bogus": 1');
    const { actions } = offered(start, 'schema.unknown-property', 1);
    assert.deepEqual(titles(actions), ['Remove property "colour" (preferred)', 'Remove the 2 properties not allowed here']);
    assert.equal(apply(start, actions[1]), start.replace('      "colour": "red",\n      "size": 1,\n', ''));
  });

  it('a property a starting point does not have: its removal, without naming a type', () => {
    const text = WELCOME.replace('"id": "sp_vip",', '"id": "sp_vip",\n      "colour": "red",');
    assert.deepEqual(offers(text, 'schema.unknown-property'), ['Remove property "colour" (preferred)']);
  });

  it('R4: a duplicate id: only a fresh id, preferred', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_done", "type": "end" }');
    assert.deepEqual(offers(text, 'R4.duplicate-id'), ['Give this one a new id, "p_done_2" (R4) (preferred)']);
  });

  it('R4: an unreachable point with a map pin: deleting it removes the pin too', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_orphan", "type": "end" }').replace('"layout": { "p_email": { "x": 10, "y": 20 } }', '"layout": { "p_email": { "x": 10, "y": 20 }, "p_orphan": { "x": 1, "y": 2 } }');
    const { actions } = offered(text, 'R4.unreachable-point');
    assert.deepEqual(titles(actions), ['Delete the unreachable point "p_orphan" (R4)']);
    assert.equal(apply(text, actions[0]), WELCOME);
  });

  it('R4: an unreachable point another unreachable point leads to: deleting it reconnects the one before it to what follows', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_orphan_a", "type": "addTag", "tag": "VIP", "next": "p_orphan_b" },\n    { "id": "p_orphan_b", "type": "addTag", "tag": "VIP", "next": "p_done" }');
    const second = validateJourneyText(text).diagnostics.filter((d) => d.code === 'R4.unreachable-point').findIndex((d) => d.data?.['id'] === 'p_orphan_b');
    assert.ok(second >= 0);
    const { actions } = offered(text, 'R4.unreachable-point', second);
    assert.deepEqual(titles(actions), ['Delete the unreachable point "p_orphan_b" (R4)']);
    const fixed = JSON.parse(apply(text, actions[0])) as { points: { id: string; next?: string }[] };
    assert.deepEqual(fixed.points.map((p) => p.id), ['p_email', 'p_wait_open', 'p_done', 'p_gave_up', 'p_orphan_a']);
    assert.equal(fixed.points.at(-1)!.next, 'p_done');
  });

  it('R22: a status "published" without a publication: only setting the status to readyToPublish', () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "status": "published",');
    const { actions } = offered(text, 'R22.published-without-publication');
    assert.deepEqual(titles(actions), ['Set the status to "readyToPublish"']);
    assert.equal(apply(text, actions[0]), text.replace('"status": "published"', '"status": "readyToPublish"'));
  });

  it('R22: version 1 is kept as published and this file has no publication record: only continuing as version 2', () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "version": 1,');
    const kept = { versions: [1], text, location: 'published/welcome/welcome.v1.journey.json' };
    const analysis = new AnalysisCache(validateJourneyText, () => ({ publishedVersion: (id, version) => (id === 'welcome' && version === 1 ? kept : undefined) })).get(TextDocument.create(URI, 'journey-json', 1, text));
    const found = analysis.result.diagnostics.find((d) => d.code === 'R22.publication-removed');
    assert.ok(found, analysis.result.diagnostics.map((d) => d.code).join(', '));
    const diagnostic = toLspDiagnostic(analysis, found);
    const actions = codeActions(analysis, { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { versioned: false });
    assert.deepEqual(titles(actions), ['Continue as version 2 (R22)']);
    assert.equal(apply(text, actions[0]), text.replace('"version": 1', '"version": 2'));
  });

  it('R19: a trigger journey with a segmentEntry: only removing it', () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "segments": [{ "id": "vip" }],\n  "segmentEntry": { "segment": "vip", "schedule": { "type": "oneTimeStatic" }, "start": "2026-09-01T09:00", "timeZone": "UTC" },');
    const { actions } = offered(text, 'R19.segment-entry-ignored');
    assert.deepEqual(titles(actions), ['Remove segmentEntry (R19)']);
    assert.ok(!('segmentEntry' in JSON.parse(apply(text, actions[0]))));
  });

  it('R17: transactional content on a marketing list: only removing "transactional": true', () => {
    const text = WELCOME.replace('"status": "ready", "list": "newsletter", "links"', '"status": "ready", "list": "newsletter", "transactional": true, "links"');
    const { actions } = offered(text, 'R17.transactional-on-marketing-list');
    assert.deepEqual(titles(actions), ['Remove "transactional": true (R17)']);
    assert.equal(apply(text, actions[0]), WELCOME);
  });

  it('R17: content implicitly transactional through its list: only marking it transactional', () => {
    const text = WELCOME.replace('"lists": [{ "id": "newsletter", "kind": "marketing" }]', '"lists": [{ "id": "newsletter", "kind": "marketing" }, { "id": "orders", "kind": "transactional" }]')
      .replace('{ "id": "reminder_sms", "channel": "sms", "status": "ready", "list": "newsletter" }', '{ "id": "reminder_sms", "channel": "sms", "status": "ready", "list": "orders" }');
    const { actions } = offered(text, 'R17.implicitly-transactional');
    assert.deepEqual(titles(actions), ['Mark it "transactional": true (R17)']);
    assert.equal(apply(text, actions[0]), text.replace('"list": "orders" }', '"list": "orders", "transactional": true }'));
  });

  it('R17: a marketing email without a list: one "Add list" per marketing list, up to three, none preferred', () => {
    const lists = '"lists": [{ "id": "newsletter", "kind": "marketing" }, { "id": "offers", "kind": "marketing" }, { "id": "events", "kind": "marketing" }, { "id": "tips", "kind": "marketing" }]';
    const text = WELCOME.replace('"lists": [{ "id": "newsletter", "kind": "marketing" }]', lists).replace('"status": "ready", "list": "newsletter", "links"', '"status": "ready", "links"');
    const { actions } = offered(text, 'R17.marketing-email-without-list');
    assert.deepEqual(titles(actions), ['Add "list": "newsletter"', 'Add "list": "offers"', 'Add "list": "events"']);
    assert.equal(apply(text, actions[1]), text.replace('"status": "ready", "links": ["shop", "blog"] }', '"status": "ready", "links": ["shop", "blog"], "list": "offers" }'));
  });
});

describe('which diagnostics get quick fixes', () => {
  const text = WELCOME.replace('"yes": "p_done"', '"yes": "p_dnoe"');

  it('each action names the one diagnostic it fixes', () => {
    const { diagnostic, actions } = offered(text, 'R4.dangling-reference');
    assert.ok(actions.length > 0);
    for (const action of actions) assert.deepEqual(action.diagnostics, [diagnostic]);
  });

  it('uses the data the client sends back, even where the text has moved on', () => {
    const { diagnostic } = offered(text, 'R4.dangling-reference');
    const moved = { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    assert.deepEqual(titles(ask(text, [moved])), ['Change "p_dnoe" to "p_done" (preferred)', 'Create the missing point "p_dnoe" (an end point)']);
  });

  it('without data from the client, only our own diagnostic of the same code at the same range has fixes', () => {
    const { diagnostic } = offered(text, 'R4.dangling-reference');
    const bare = (d: Diagnostic): Diagnostic => {
      const { data: _ignored, ...rest } = d;
      return rest;
    };
    assert.equal(ask(text, [bare(diagnostic)]).length, 2, 'found by code and range');
    assert.deepEqual(ask(text, [{ ...bare(diagnostic), data: null }]).map((a) => a.title).length, 2, 'data null is no data');
    assert.deepEqual(ask(text, [{ ...bare(diagnostic), data: { path: 'points' } }]).length, 2, 'data without a path is not ours');
    assert.deepEqual(ask(text, [{ ...bare(diagnostic), code: 'R4.unreachable-point' }]), [], 'another code at that range');
    const { start, end } = diagnostic.range;
    assert.deepEqual(ask(text, [{ ...bare(diagnostic), range: { start, end: { line: end.line, character: end.character - 1 } } }]), [], 'a shorter range');
    assert.deepEqual(ask(text, [{ ...bare(diagnostic), range: { start: { line: start.line, character: start.character + 1 }, end } }]), [], 'a later start');
  });

  it('client data with a path that is not a list of keys and indexes, an empty suggestion or no missing id is read as it is', () => {
    const { diagnostic } = offered(text, 'R4.dangling-reference');
    assert.equal(ask(text, [{ ...diagnostic, data: { path: ['points', true] } }]).length, 2, 'not a path: our own data is used');
    const path = (diagnostic.data as { path: unknown }).path;
    assert.deepEqual(titles(ask(text, [{ ...diagnostic, data: { path, suggestion: '', missing: 'p_dnoe' } }])), ['Create the missing point "p_dnoe" (an end point)'], 'no change to an empty name');
    assert.deepEqual(titles(ask(text, [{ ...diagnostic, data: { path, suggestion: 'p_done' } }])), ['Change "p_dnoe" to "p_done" (preferred)'], 'no missing id, no point to create');
    assert.deepEqual(titles(ask(text, [{ ...diagnostic, data: { path, suggestion: 'p_dnoe' } }])), [], 'no change to the same name');
  });

  it("another tool's diagnostic (a numeric code, no data) gets no fix and breaks nothing", () => {
    const foreign: Diagnostic = { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, severity: DiagnosticSeverity.Error, code: 42, source: 'other', message: 'other' };
    assert.deepEqual(ask(text, [foreign]), []);
    const { diagnostic } = offered(text, 'R4.dangling-reference');
    assert.equal(ask(text, [foreign, diagnostic]).length, 2, 'and the next diagnostic still gets its fixes');
  });

  it('offers quick fixes when the client asks for them among other kinds, and none for a kind that merely ends like one', () => {
    const { diagnostic } = offered(text, 'R4.dangling-reference');
    assert.equal(ask(text, [diagnostic], [CodeActionKind.Refactor, CodeActionKind.QuickFix]).length, 2);
    assert.equal(ask(text, [diagnostic], [CodeActionKind.Empty]).length, 2, 'the empty kind is the parent of all');
    assert.deepEqual(ask(text, [diagnostic], ['fix']), []);
    assert.deepEqual(ask(text, [diagnostic], [`${CodeActionKind.QuickFix}.other`]), []);
  });

  it('offers no structural fix while the text is not valid JSON', () => {
    const broken = text.replace('"layout": {', '"layout": {,');
    const analysis = analyze(broken);
    const dangling = analysis.result.diagnostics.find((d) => d.code === 'R4.dangling-reference');
    if (dangling) assert.ok(!titles(ask(broken, [toLspDiagnostic(analysis, dangling)])).some((t) => t.startsWith('Create')));
    assert.ok(analysis.doc.syntaxErrors.length > 0);
  });
});
