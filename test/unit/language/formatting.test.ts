// Specification of formatting a journey over a real LSP connection: Format
// Document gives the journey indented as the editor asks, keeping its line
// ending; Format Selection touches only the selection; a client that
// registers features dynamically (VS Code) gets the formatter for journeys
// only, so timelines and scenarios keep their JSON formatter.
import assert from 'node:assert/strict';
import { DocumentFormattingRequest, DocumentRangeFormattingRequest, RegistrationRequest, type RegistrationParams, type TextEdit } from 'vscode-languageserver-protocol/node';
import type { TestClient } from './lspClient';
import { SERVERS } from './servers';
import { applyEdits, WELCOME } from './support';

const URI = 'file:///tmp/format.journey.json';

for (const server of SERVERS) describe(`formatting a journey over LSP (${server.how})`, function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = await server.start({});
  });
  after(() => client?.stop());

  it('formats a minified journey as the editor indents', async () => {
    const minified = JSON.stringify(JSON.parse(WELCOME));
    await client.open(URI, minified);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    assert.equal(applyEdits(minified, edits), JSON.stringify(JSON.parse(WELCOME), null, 2));
    const tabs = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: false } })) as TextEdit[];
    assert.equal(applyEdits(minified, tabs), JSON.stringify(JSON.parse(WELCOME), null, '\t'));
  });

  it('keeps CRLF line endings and changes nothing in a formatted journey', async () => {
    const crlf = JSON.stringify(JSON.parse(WELCOME), null, 2).replace(/\n/g, '\r\n') + '\r\n';
    await client.open('file:///tmp/crlf.journey.json', crlf);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: 'file:///tmp/crlf.journey.json' }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    assert.equal(applyEdits(crlf, edits), crlf);
  });

  it('formats only the selected lines', async () => {
    const text = '{\n  "formatVersion": 1,\n  "tags": [   "a",\n "b"],\n  "name":    "x"\n}\n';
    await client.open('file:///tmp/range.journey.json', text);
    const edits = (await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: 'file:///tmp/range.journey.json' },
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 6 } },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    const after = applyEdits(text, edits);
    assert.ok(after.includes('"name":    "x"'), after);
    assert.ok(!after.includes('[   "a"'), after);
  });

  it('registers the formatter for journey documents only with a client that registers dynamically', async () => {
    const registrations: RegistrationParams[] = [];
    const dynamic = await server.start({ textDocument: { formatting: { dynamicRegistration: true }, rangeFormatting: { dynamicRegistration: true } } }, undefined, {
      handlers: (connection) => connection.onRequest(RegistrationRequest.type, (params) => void registrations.push(params)),
    });
    try {
      assert.equal(dynamic.initialized.capabilities.documentFormattingProvider, undefined);
      const deadline = Date.now() + 5000;
      while (registrations.flatMap((r) => r.registrations).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const formatting = registrations.flatMap((r) => r.registrations).filter((r) => /formatting/i.test(r.method));
      assert.deepEqual(formatting.map((r) => [r.method, (r.registerOptions as { documentSelector: unknown }).documentSelector]), [
        ['textDocument/formatting', [{ language: 'journey-json' }]],
        ['textDocument/rangeFormatting', [{ language: 'journey-json' }]],
      ]);
    } finally {
      dynamic.stop();
    }
  });
});
