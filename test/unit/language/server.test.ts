// Specification of the language server as any LSP client sees it (the
// built server over stdio, and its sources in process: servers.ts): it
// publishes located diagnostics for journey documents, and answers
// completion, hover, definition, references, rename, outline and quick
// fixes on the sample journeys.
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type Location,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { DEBOUNCE_MS } from '../../../language/diagnosticsPublisher';
import type { TestClient } from './lspClient';
import { SERVERS } from './servers';
import { applyEdits, editsOf, positionOf, sample } from './support';

const URI = 'file:///tmp/welcome.journey.json';

const VALID = `{
  "formatVersion": 1,
  "id": "welcome",
  "name": "Welcome",
  "kind": "trigger",
  "startingPoints": [
    { "id": "start", "trigger": { "type": "tagAdded", "tag": "VIP" }, "next": "done" }
  ],
  "points": [
    { "id": "done", "type": "end" }
  ]
}`;

for (const server of SERVERS) describe(`language server (${server.how})`, function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = await server.start({});
    assert.equal(client.initialized.serverInfo?.name, 'journey-language-server');
  });

  after(() => client?.stop());

  it('announces every editing feature it answers', () => {
    const c = client.initialized.capabilities;
    assert.ok(c.completionProvider && c.hoverProvider && c.definitionProvider && c.referencesProvider && c.documentSymbolProvider);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  it('publishes no diagnostics for a valid journey on open, once', async () => {
    await client.open(URI, VALID);
    assert.deepEqual((await client.diagnostics(URI, 1)).diagnostics, []);
    await new Promise((resolve) => setTimeout(resolve, 2 * DEBOUNCE_MS));
    assert.equal(client.published.filter((p) => p.uri === URI && p.version === 1).length, 1);
  });

  it('warns at the first U+FFFD, which a file that was not UTF-8 shows and saving makes permanent (#13)', async () => {
    const uri = 'file:///tmp/latin1.journey.json';
    const text = VALID.replace('"Welcome"', '"Caf\uFFFD cr\uFFFDme"');
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const warning = diagnostics.find((d) => d.code === 'encoding.replacement-character');
    assert.ok(warning, JSON.stringify(diagnostics));
    assert.equal(warning.severity, 2);
    assert.deepEqual(warning.range, { start: positionOf(text, '\uFFFD'), end: positionOf(text, '\uFFFD', 1) });
    assert.match(warning.message, /2 times in this file/);
  });

  it('publishes a schema error at the exact range of the wrong value after an edit', async () => {
    const broken = VALID.replace('"type": "end"', '"type": "ende"');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: broken }] });
    const { diagnostics } = await client.diagnostics(URI, 2);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d!.code, 'schema.unknown-discriminator');
    assert.equal(d!.severity, 1);
    assert.deepEqual(d!.range, { start: { line: 9, character: 28 }, end: { line: 9, character: 34 } });
    assert.match(d!.message, /Did you mean "end"\?/);
  });

  it('publishes only the last of rapid edits (debounced, never stale)', async () => {
    for (let version = 3; version <= 6; version++) {
      const text = version < 6 ? VALID.replace('"name": "Welcome"', `"name": ${version}`) : VALID;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
    }
    assert.deepEqual((await client.diagnostics(URI, 6)).diagnostics, []);
    assert.deepEqual(client.published.filter((p) => p.version === 3 || p.version === 4 || p.version === 5), []);
  });

  it('completes the properties a point type allows, from the schema', async () => {
    const text = VALID.replace('{ "id": "done", "type": "end" }', '{ "id": "done", "type": "end" },\n    { "id": "w", "type": "wait",  }');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 7 }, contentChanges: [{ text }] });
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '"wait", ', '"wait", '.length) });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    for (const property of ['duration', 'next', 'title']) assert.ok(labels.includes(property), `missing ${property} in ${labels.join(', ')}`);
  });

  it('hovers a property with its schema description', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(VALID, '"kind"', 2) });
    assert.match(JSON.stringify(hover?.contents).replace(/\\/g, ''), /segment-based ones on a segment schedule \(R5\)/);
  });
});

for (const server of SERVERS) describe(`language server settings (${server.how})`, function () {
  this.timeout(20000);

  it("validates with the user's default plan when the journey declares none (R1)", async () => {
    const uri = 'file:///tmp/two-starts.journey.json';
    const text = VALID.replace('"next": "done" }', '"next": "done" },\n    { "id": "start2", "trigger": { "type": "api" }, "next": "done" }');
    const client = await server.start({ workspace: { configuration: true } }, () => [{ defaultPlan: 'free' }]);
    try {
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, 1);
      assert.deepEqual(diagnostics.map((d) => d.code), ['R1.too-many-starting-points']);
      assert.match(diagnostics[0]!.message, /Free/);
    } finally {
      client.stop();
    }
  });
});

for (const server of SERVERS) describe(`language server editing features on a sample (${server.how})`, function () {
  this.timeout(20000);
  const uri = 'file:///tmp/samples/mailchimp-vip-welcome.journey.json';
  const text = sample('mailchimp-vip-welcome.journey.json');
  let client: TestClient;
  const doc = { uri };

  before(async () => {
    client = await server.start({
      textDocument: { completion: { completionItem: { snippetSupport: true } } },
      workspace: { workspaceEdit: { documentChanges: true } },
    });
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
  });

  after(() => client?.stop());

  it('completes point ids for a successor (R4)', async () => {
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: doc, position: positionOf(text, '"next": "p_tag_welcomed"', '"next": "p_'.length) });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('p_wait_3d') && labels.includes('p_end_inactive') && !labels.includes('p_send_welcome'), labels.join(', '));
  });

  it('completes a point type with a snippet of its required properties', async () => {
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: doc, position: positionOf(text, '"type": "wait"', '"type": "w'.length) });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const split = items.find((i) => i.label === 'split');
    assert.ok(split, items.map((i) => i.label).join(', '));
    assert.equal(split.insertTextFormat, 2);
    assert.match((split.textEdit as TextEdit).newText, /^"split",\n {6}"branches": \[\{ "percent": \$\{1:50\}/);
  });

  it('completes property names from the schema the file names in "$schema"', async () => {
    assert.match(text, /"\$schema": "\.\.\/dist\/journey\.schema\.json"/);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: doc, position: positionOf(text, '"title": "Wait 3 days"', 2) });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('title'), labels.join(', '));
  });

  it('hovers a point id with its summary and rules (R11)', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: doc, position: positionOf(text, '"p_wait_story_open"', 3) });
    const value = JSON.stringify(hover?.contents);
    assert.match(value, /Wait for open of 'p_send_brand_story' · 2 days/);
    assert.match(value, /R11/);
  });

  it('goes to the definition of a branch target', async () => {
    const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: doc, position: positionOf(text, '"yes": "p_tag_engaged"', 10) })) as Location[];
    assert.deepEqual(result.map((l) => l.range.start), [positionOf(text, '"id": "p_tag_engaged"', 6)]);
  });

  it('finds the references of a point', async () => {
    const result = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: doc, position: positionOf(text, '"id": "p_send_welcome"', 9), context: { includeDeclaration: false } })) ?? [];
    assert.equal(result.length, 3);
  });

  it('renames a point with a versioned edit, and refuses an id that exists', async () => {
    const position = positionOf(text, '"id": "p_wait_3d"', 9);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: doc, position });
    assert.deepEqual(prepared && 'placeholder' in prepared ? prepared.placeholder : undefined, 'p_wait_3d');
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: doc, position, newName: 'p_wait_three_days' });
    assert.equal(applyEdits(text, editsOf(edit, uri)), text.replace(/"p_wait_3d"/g, '"p_wait_three_days"'));
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: doc, position, newName: 'p_end_inactive' }), /"p_end_inactive" is already the id of another point/);
  });

  it('outlines the settings, declarations, content, starting points and points', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: doc })) ?? [];
    const sections = symbols.map((s) => s.name);
    assert.deepEqual(sections.slice(-2), ['Starting points', 'Points']);
    assert.ok(sections.includes('Content') && sections.includes('Tags'), sections.join());
    const starts = symbols.find((s) => s.name === 'Starting points');
    assert.ok(starts && 'children' in starts);
    assert.deepEqual(starts.children?.map((s) => s.name), ['sp_tag_vip', 'sp_tag_major_donor', 'sp_joined_audience']);
  });

  it('offers the quick fix of a published diagnostic', async () => {
    const broken = text.replace('"next": "p_tag_welcomed"', '"next": "p_tag_welcomd"');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
    const { diagnostics } = await client.diagnostics(uri, 2);
    const dangling = diagnostics.find((d) => d.code === 'R4.dangling-reference');
    assert.ok(dangling, JSON.stringify(diagnostics.map((d) => d.code)));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: doc, range: dangling.range, context: { diagnostics: [dangling] } })) ?? [];
    const fix = actions.find((a) => 'edit' in a && a.title === 'Change "p_tag_welcomd" to "p_tag_welcomed"');
    assert.ok(fix && 'edit' in fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyEdits(broken, editsOf(fix.edit, uri)), text);
  });
});
