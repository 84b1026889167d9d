// Specification of the language server as any LSP client sees it: started
// over stdio, it publishes located diagnostics for journey documents and
// answers completion and hover from the journey schema.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const SERVER = join(__dirname, '../../dist/server.js');
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

describe('language server over stdio', function () {
  this.timeout(15000);
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  let onPublish: (() => void) | undefined;

  before(async () => {
    assert.ok(existsSync(SERVER), 'dist/server.js is missing: run `npm run build` first');
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
      onPublish?.();
    });
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.equal(init.serverInfo?.name, 'journey-language-server');
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(() => {
    connection?.dispose();
    server?.kill();
  });

  /** Resolves with the next diagnostics published for URI at `version`. */
  const nextDiagnostics = (version: number) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 5000);
      onPublish = () => {
        const hit = published.find((p) => p.uri === URI && p.version === version);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        }
      };
      onPublish();
    });

  it('publishes no diagnostics for a valid journey on open', async () => {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'journey-json', version: 1, text: VALID } });
    assert.deepEqual((await nextDiagnostics(1)).diagnostics, []);
  });

  it('publishes a schema error at the exact range of the wrong value after an edit', async () => {
    const broken = VALID.replace('"type": "end"', '"type": "ende"');
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: broken }] });
    const { diagnostics } = await nextDiagnostics(2);
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
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
    }
    assert.deepEqual((await nextDiagnostics(6)).diagnostics, []);
    assert.deepEqual(published.filter((p) => p.version === 3 || p.version === 4 || p.version === 5), []);
  });

  it('completes the properties a point type allows, from the schema', async () => {
    const text = VALID.replace('{ "id": "done", "type": "end" }', '{ "id": "done", "type": "end" },\n    { "id": "w", "type": "wait",  }');
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 7 }, contentChanges: [{ text }] });
    const line = text.split('\n').findIndex((l) => l.includes('"type": "wait"'));
    const character = text.split('\n')[line]!.indexOf('"wait",') + '"wait", '.length;
    const result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character } });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    for (const property of ['duration', 'next', 'title']) assert.ok(labels.includes(property), `missing ${property} in ${labels.join(', ')}`);
  });

  it('hovers a property with its schema description', async () => {
    const line = VALID.split('\n').findIndex((l) => l.includes('"kind"'));
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line, character: 4 } });
    assert.match(JSON.stringify(hover?.contents).replace(/\\/g, ''), /segment-based ones on a segment schedule \(R5\)/);
  });
});
