// Specification of the quick fixes: each diagnostic with a fix offers it,
// and applying the fix removes the diagnostic while every other character
// of the document stays as it was.
import assert from 'node:assert/strict';
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../../../language/codeActions';
import { toLspDiagnostic } from '../../../language/diagnosticsPublisher';
import { journeyLogicHash } from '../../../src/core/journeyHash';
import { Journey } from '../../../src/core/schema';
import { validateJourneyText } from '../../../src/core/validate';
import { analyze, applyEdits, editsOf, sample, URI, WELCOME } from './support';

/** The LSP diagnostic of `code` in `text`, and the quick fixes offered for it. */
function fixes(text: string, code: string, options: { dropData?: boolean; only?: string[] } = {}): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const analysis = analyze(text);
  const found = analysis.result.diagnostics.find((d) => d.code === code);
  assert.ok(found, `no ${code} in ${analysis.result.diagnostics.map((d) => d.code).join(', ')}`);
  const diagnostic = toLspDiagnostic(analysis, found);
  if (options.dropData) delete diagnostic.data;
  const actions = codeActions(
    analysis,
    { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(options.only ? { only: options.only } : {}) } },
    { versioned: false },
  );
  return { diagnostic, actions };
}

const titled = (actions: CodeAction[], title: RegExp) => {
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix ${title} in ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.kind, CodeActionKind.QuickFix);
  return action;
};
const apply = (text: string, action: CodeAction) => applyEdits(text, editsOf(action.edit));
const codes = (text: string) => validateJourneyText(text).diagnostics.map((d) => d.code);

describe('quick fixes', () => {
  it('replaces a misspelt point type with the closest one (schema.unknown-discriminator)', () => {
    const text = sample('broken', 'unknown-point-type.journey.json');
    const { actions } = fixes(text, 'schema.unknown-discriminator');
    const action = titled(actions, /Change "sendEmial" to "sendEmail"/);
    assert.equal(action.isPreferred, true);
    assert.equal(apply(text, action), text.replace('"sendEmial"', '"sendEmail"'));
  });

  it('renames a misspelt property to the allowed one, keeping its value (schema.unknown-property)', () => {
    const text = WELCOME.replace('"title": "Say hello"', '"titel": "Say hello"');
    const action = titled(fixes(text, 'schema.unknown-property').actions, /Rename property "titel" to "title"/);
    assert.equal(apply(text, action), WELCOME);
  });

  it('replaces a value that is not allowed with the closest allowed one (schema.invalid-value)', () => {
    const text = WELCOME.replace('"kind": "trigger"', '"kind": "triger"');
    assert.equal(apply(text, titled(fixes(text, 'schema.invalid-value').actions, /Change "triger" to "trigger"/)), WELCOME);
  });

  it('R4: a reference to a missing point offers the closest id, or creating the point', () => {
    const text = WELCOME.replace('"yes": "p_done"', '"yes": "p_dnoe"');
    const { actions } = fixes(text, 'R4.dangling-reference');
    assert.equal(apply(text, titled(actions, /Change "p_dnoe" to "p_done"/)), WELCOME);
    const created = apply(text, titled(actions, /Create the missing point "p_dnoe"/));
    assert.ok(!codes(created).includes('R4.dangling-reference'), codes(created).join(', '));
    assert.equal(created, text.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_dnoe", "type": "end" }'));
  });

  it('R1: removes the first starting point over the limit of the plan', () => {
    const second = `,\n    {\n      "id": "sp_form",\n      "trigger": { "type": "formSubmitted", "form": "signup" },\n      "next": "p_email"\n    }`;
    const text = WELCOME.replace('"name": "Welcome",', '"name": "Welcome",\n  "settings": { "plan": "free" },').replace('"next": "p_email"\n    }', `"next": "p_email"\n    }${second}`);
    const { actions } = fixes(text, 'R1.too-many-starting-points');
    const fixed = apply(text, titled(actions, /Remove starting point "sp_form" \(R1\)/));
    assert.ok(!codes(fixed).includes('R1.too-many-starting-points'));
    assert.equal(fixed, text.replace(second, ''));
  });

  it('R1: removing the starting point over the limit also removes its map pin, and nothing else', () => {
    const second = `,\n    {\n      "id": "sp_form",\n      "trigger": { "type": "formSubmitted", "form": "signup" },\n      "next": "p_email"\n    }`;
    const pin = ', "sp_form": { "x": 30, "y": 0 }';
    const text = WELCOME.replace('"name": "Welcome",', '"name": "Welcome",\n  "settings": { "plan": "free" },')
      .replace('"next": "p_email"\n    }', `"next": "p_email"\n    }${second}`)
      .replace('"layout": { "p_email": { "x": 10, "y": 20 }', `"layout": { "p_email": { "x": 10, "y": 20 }${pin}`);
    assert.ok(text.includes(pin));
    const fixed = apply(text, titled(fixes(text, 'R1.too-many-starting-points').actions, /Remove starting point "sp_form" \(R1\)/));
    assert.equal(fixed, text.replace(second, '').replace(pin, ''));
    assert.deepEqual(codes(fixed), []);
  });

  it('R11: sets the proposed timeout on a wait for an event with a zero timeout', () => {
    const text = WELCOME.replace('"timeout": "P2D"', '"timeout": "PT0S"');
    const action = titled(fixes(text, 'R11.zero-timeout').actions, /Set the timeout to P1D \(R11\)/);
    assert.equal(apply(text, action), WELCOME.replace('"timeout": "P2D"', '"timeout": "P1D"'));
  });

  it('R11: gives a wait for an event without a timeout the default one', () => {
    const text = WELCOME.replace('      "timeout": "P2D",\n', '');
    const fixed = apply(text, titled(fixes(text, 'schema.missing-property').actions, /Set the timeout to P1D \(R11\)/));
    assert.equal(fixed, WELCOME.replace('"timeout": "P2D"', '"timeout": "P1D"'));
  });

  it('R11: adds a timeout branch to a new end point when the branch is missing', () => {
    const text = WELCOME.replace('"branches": { "yes": "p_done", "timeout": "p_gave_up" }', '"branches": { "yes": "p_done" }').replace(',\n    { "id": "p_gave_up", "type": "end" }', '');
    const fixed = apply(text, titled(fixes(text, 'schema.missing-property').actions, /Add a timeout branch to a new end point "p_wait_open_timeout" \(R11\)/));
    assert.deepEqual(codes(fixed), []);
    assert.match(fixed, /"branches": \{ "yes": "p_done", "timeout": "p_wait_open_timeout" \}/);
  });

  it('R22: turns an edited published version into a new draft version', () => {
    const journey = Journey.parse(JSON.parse(WELCOME));
    const published = WELCOME.replace('"kind": "trigger",', `"kind": "trigger",\n  "status": "published",\n  "version": 3,\n  "publication": { "version": 3, "publishedAt": "2026-01-01T00:00:00Z", "hash": "${journeyLogicHash(journey)}" },`);
    assert.deepEqual(codes(published), []);
    const edited = published.replace('"timeout": "P2D"', '"timeout": "P3D"');
    const fixed = apply(edited, titled(fixes(edited, 'R22.published-version-edited').actions, /Edit as new version 4 \(R22\)/));
    assert.deepEqual(codes(fixed), []);
    assert.equal(fixed, WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "status": "draft",\n  "version": 4,').replace('"timeout": "P2D"', '"timeout": "P3D"'));
  });

  it('replaces an unknown declared name with the closest declared one (a rule suggestion, R2)', () => {
    const text = WELCOME.replace('{ "type": "tagAdded", "tag": "VIP" }', '{ "type": "tagAdded", "tag": "VIPP" }');
    const { diagnostic, actions } = fixes(text, codes(text).find((c) => c.endsWith('.unknown-tag'))!);
    assert.match(String(diagnostic.code), /^R2\./);
    assert.equal(apply(text, titled(actions, /Change "VIPP" to "VIP"/)), WELCOME);
  });

  it('R21: marks draft content ready', () => {
    const text = WELCOME.replace('"status": "ready", "list": "newsletter", "links"', '"status": "draft", "list": "newsletter", "links"').replace('"kind": "trigger",', '"kind": "trigger",\n  "status": "readyToPublish",');
    const fixed = apply(text, titled(fixes(text, 'R21.content-not-ready').actions, /Mark content "hello" ready \(R21\)/));
    assert.ok(!codes(fixed).includes('R21.content-not-ready'));
  });

  it('R4: deletes an unreachable point', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_orphan", "type": "end" }');
    const fixed = apply(text, titled(fixes(text, 'R4.unreachable-point').actions, /Delete the unreachable point "p_orphan" \(R4\)/));
    assert.equal(fixed, WELCOME);
  });

  it('R19: adds the time zone a segment journey lacks, with the value the rule proposes', () => {
    const segment = WELCOME.replace('"kind": "trigger",', '"kind": "segment",\n  "segments": [{ "id": "vip" }],\n  "segmentEntry": { "segment": "vip", "schedule": { "type": "oneTimeStatic" }, "start": "2026-09-01T09:00" },');
    const fixed = apply(segment, titled(fixes(segment, 'R19.missing-time-zone').actions, /Add "timeZone": "UTC"/));
    assert.ok(!codes(fixed).includes('R19.missing-time-zone'), codes(fixed).join(', '));
    assert.equal(fixed, segment.replace('"start": "2026-09-01T09:00" }', '"start": "2026-09-01T09:00", "timeZone": "UTC" }'));
  });

  it('R3: removes the value of a field test that takes none', () => {
    const text = WELCOME.replace('{ "type": "hasTag", "tag": "Kunde" }', '{ "type": "field", "field": "score", "op": "exists", "value": 3 }');
    const fixed = apply(text, titled(fixes(text, 'R3.unexpected-value').actions, /Remove the value \(R3\)/));
    assert.equal(fixed, WELCOME.replace('{ "type": "hasTag", "tag": "Kunde" }', '{ "type": "field", "field": "score", "op": "exists" }'));
  });

  it('R13: a split whose branches do not add up to 100 gets its last branch set to what makes 100', () => {
    const split = '{ "id": "p_split", "type": "split", "branches": [{ "percent": 50, "next": "p_email" }, { "percent": 40, "next": "p_email" }] }';
    const valid = WELCOME.replace('"points": [', `"points": [\n    ${split.replace('"percent": 40', '"percent": 50')},`);
    const text = valid.replace('"percent": 50, "next": "p_email" }]', '"percent": 40, "next": "p_email" }]');
    assert.notEqual(text, valid);
    const action = titled(fixes(text, 'R13.split-total').actions, /Set the last branch to 50% so the split adds up to 100 \(R13\)/);
    assert.equal(apply(text, action), valid);
    assert.ok(!codes(valid).includes('R13.split-total'));
  });

  it('finds the fix data of its own diagnostic when the client does not send it back', () => {
    const text = sample('broken', 'unknown-point-type.journey.json');
    titled(fixes(text, 'schema.unknown-discriminator', { dropData: true }).actions, /Change "sendEmial" to "sendEmail"/);
  });

  it('offers nothing when the client asks only for other kinds of actions', () => {
    const text = sample('broken', 'unknown-point-type.journey.json');
    assert.deepEqual(fixes(text, 'schema.unknown-discriminator', { only: [CodeActionKind.Refactor] }).actions, []);
    assert.equal(fixes(text, 'schema.unknown-discriminator', { only: [CodeActionKind.QuickFix] }).actions.length, 1);
  });
});
