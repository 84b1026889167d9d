// Specification of the quick fixes for what people write by hand: a
// duration as words ("3 days", "1d", "P3d") becomes ISO 8601; a missing
// `next` leads to the following point or a new end; an undeclared tag with
// no close match is declared; properties left over after changing a type
// go; a duplicate id gets a fresh one (R4); too many starting points raise
// the plan or the limit (R1). Each fix removes its diagnostic and leaves
// every other character as it was. The last test asks over a real LSP
// connection.
import assert from 'node:assert/strict';
import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { codeActions } from '../../../language/codeActions';
import { toLspDiagnostic } from '../../../language/diagnosticsPublisher';
import { isoDurationOf } from '../../../src/core/durationText';
import { validateJourneyText } from '../../../src/core/validate';
import { startServer } from './lspClient';
import { analyze, applyEdits, editsOf, URI, WELCOME } from './support';

function fixesFor(text: string, code: string): CodeAction[] {
  const analysis = analyze(text);
  const found = analysis.result.diagnostics.find((d) => d.code === code);
  assert.ok(found, `no ${code} in ${analysis.result.diagnostics.map((d) => d.code).join(', ')}`);
  const diagnostic = toLspDiagnostic(analysis, found);
  return codeActions(analysis, { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { versioned: false });
}
const titled = (actions: CodeAction[], title: RegExp) => {
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix ${title} in ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.kind, CodeActionKind.QuickFix);
  return action;
};
const apply = (text: string, action: CodeAction) => applyEdits(text, editsOf(action.edit));
const codes = (text: string) => validateJourneyText(text).diagnostics.map((d) => d.code);

describe('quick fixes for hand-written journeys', () => {
  it('reads durations as people write them, and never guesses a month', () => {
    assert.deepEqual(['3 days', '1d', 'P3d', '2 weeks', '1h 30m', '90 minutes', 'PT12h', 'P1H'].map(isoDurationOf), ['P3D', 'P1D', 'P3D', 'P2W', 'PT1H30M', 'PT90M', 'PT12H', 'PT1H']);
    assert.deepEqual(['1 month', 'P1M', 'soon', '', '3 days 3 days'].map(isoDurationOf), [undefined, undefined, undefined, undefined, undefined]);
  });

  for (const [written, iso] of [['3 days', 'P3D'], ['1d', 'P1D'], ['P3d', 'P3D']] as const) {
    it(`R11: changes the timeout "${written}" to ${iso}`, () => {
      const text = WELCOME.replace('"timeout": "P2D"', `"timeout": "${written}"`);
      const after = apply(text, titled(fixesFor(text, 'schema.invalid-format'), new RegExp(`to the ISO 8601 duration "${iso}"`)));
      assert.equal(after, WELCOME.replace('"timeout": "P2D"', `"timeout": "${iso}"`));
      assert.deepEqual(codes(after), []);
    });
  }

  it('adds a missing next: the following point, or a new end point', () => {
    const text = WELCOME.replace('"content": "hello",\n      "next": "p_wait_open"', '"content": "hello"');
    const actions = fixesFor(text, 'schema.missing-property');
    const following = apply(text, titled(actions, /Add "next": "p_wait_open"/));
    assert.deepEqual(JSON.parse(following), JSON.parse(WELCOME));
    assert.deepEqual(codes(following), []);
    const toEnd = apply(text, titled(actions, /Add "next" to a new end point "p_email_end"/));
    const journey = JSON.parse(toEnd) as { points: { id: string; next?: string }[] };
    assert.equal(journey.points[0]!.next, 'p_email_end');
    assert.deepEqual(journey.points.at(-1), { id: 'p_email_end', type: 'end' });
  });

  it('R3: declares a tag the journey uses when no declared tag is close', () => {
    const text = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "type": "hasTag", "tag": "Newsletter-Fan" }');
    const after = apply(text, titled(fixesFor(text, 'R3.unknown-tag'), /Declare the tag "Newsletter-Fan"/));
    assert.equal(after, text.replace('"tags": ["VIP", "Kunde"]', '"tags": ["VIP", "Kunde", "Newsletter-Fan"]'));
    assert.ok(!codes(after).includes('R3.unknown-tag'));
  });

  it('removes the properties a point keeps after its type changed, one or all', () => {
    const text = WELCOME.replace('"type": "sendEmail",\n      "title": "Say hello",\n      "content": "hello",', '"type": "wait",\n      "duration": "P1D",\n      "title": "Say hello",\n      "content": "hello",\n      "subject": "Hi",');
    const actions = fixesFor(text, 'schema.unknown-property');
    const one = apply(text, titled(actions, /Remove property "content" \("wait" does not use it\)/));
    assert.ok(!one.includes('"content": "hello",\n      "subject"'));
    const all = apply(text, titled(actions, /Remove the 2 properties "wait" does not use/));
    assert.ok(!codes(all).some((c) => c.startsWith('schema.')), codes(all).join());
    assert.ok(!all.includes('"subject"') && !all.includes('"content": "hello",\n'), all);
  });

  it('removes neighbouring leftover properties together, also first in their object and on one line (the edits never overlap)', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "subject": "Hi", "content": "hello", "id": "p_gave_up", "type": "end" }');
    const all = apply(text, titled(fixesFor(text, 'schema.unknown-property'), /Remove the 2 properties "end" does not use/));
    assert.equal(all, text.replace('{ "subject": "Hi", "content": "hello", "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" }'));
  });

  it('removes every property a journey does not allow in one fix, worded without a type', () => {
    const text = `{"extra":1,"more":true,${WELCOME.trim().slice(1)}`;
    const all = apply(text, titled(fixesFor(text, 'schema.unknown-property'), /^Remove the 2 properties not allowed here$/));
    assert.equal(all, `{${WELCOME.trim().slice(1).trimStart()}`);
  });

  it('R4: gives a duplicate id a fresh one', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_done", "type": "end" }');
    const after = apply(text, titled(fixesFor(text, 'R4.duplicate-id'), /new id, "p_done_2"/));
    const second = text.lastIndexOf('{ "id": "p_done", "type": "end" }');
    assert.equal(after, `${text.slice(0, second)}{ "id": "p_done_2", "type": "end" }${text.slice(second + '{ "id": "p_done", "type": "end" }'.length)}`);
    assert.ok(!codes(after).includes('R4.duplicate-id'));
  });

  it('R1: too many starting points on the Free plan: raise the plan, or the limit', () => {
    const extra = (id: string) => `,\n    { "id": "${id}", "trigger": { "type": "tagAdded", "tag": "VIP" }, "next": "p_email" }`;
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "plan": "free" },').replace('"next": "p_email"\n    }', `"next": "p_email"\n    }${extra('sp_two')}`);
    const actions = fixesFor(text, 'R1.too-many-starting-points');
    const raised = apply(text, titled(actions, /Raise the plan to Standard/));
    assert.ok(raised.includes('"settings": { "plan": "standard" }'), raised);
    assert.ok(!codes(raised).includes('R1.too-many-starting-points'));
    const limited = apply(text, titled(actions, /Set settings\.limits\.startingPoints to 2/));
    assert.ok(!codes(limited).includes('R1.too-many-starting-points'), codes(limited).join());
    assert.ok(actions.some((a) => /Remove starting point "sp_two"/.test(a.title)), 'removing one is still offered');
  });

  it('offers the duration fix over a real LSP connection', async function () {
    this.timeout(20000);
    const client = await startServer({});
    try {
      const uri = 'file:///tmp/durations.journey.json';
      const text = WELCOME.replace('"timeout": "P2D"', '"timeout": "3 days"');
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, 1);
      const invalid = diagnostics.filter((d) => d.code === 'schema.invalid-format');
      assert.equal(invalid.length, 1);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: invalid[0]!.range, context: { diagnostics: invalid } })) as CodeAction[];
      assert.equal(applyEdits(text, editsOf(titled(actions, /"P3D"/).edit, uri)), WELCOME.replace('"timeout": "P2D"', '"timeout": "P3D"'));
    } finally {
      client.stop();
    }
  });
});
