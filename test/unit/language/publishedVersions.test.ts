// R22 over a real LSP connection (dist/server.js on stdio, and the sources in process: servers.ts): the server
// checks a journey against the published versions kept beside it
// (published/<id>/<id>.v<N>.journey.json) without reading files itself. It
// asks the client (journeyDesigner/publishedVersions, offered in the
// initialization options), which answers here from a real folder on disk
// as the extension's client does through the editor's file system, and it
// asks again after journeyDesigner/publishedVersionsChanged.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionRequest, type Diagnostic, DidChangeTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { PUBLISHED_VERSIONS_CHANGED_NOTIFICATION, PUBLISHED_VERSIONS_REQUEST, type PublishedVersionsParams, type PublishedVersionsResult } from '../../../language/publishedVersionsProtocol';
import { journeyLogicHash } from '../../../src/core/journeyHash';
import type { TestClient } from './lspClient';
import { SERVERS } from './servers';
import { applyEdits } from './support';

const DRAFT = {
  formatVersion: 1,
  id: 'welcome',
  name: 'Welcome',
  kind: 'trigger',
  status: 'published',
  version: 1,
  startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'wait' }],
  points: [
    { id: 'wait', type: 'wait', duration: 'P1D', next: 'done' },
    { id: 'done', type: 'end' },
  ],
};
/** Version 1 as publishing wrote it: the journey file and its kept copy. */
const PUBLISHED = { ...DRAFT, publication: { version: 1, publishedAt: '2026-02-01T09:00:00Z', hash: journeyLogicHash(DRAFT) } };
const text = (journey: object) => JSON.stringify(journey, null, 2);
const covered = (source: string, d: Diagnostic) => {
  const lines = source.split('\n');
  return d.range.start.line === d.range.end.line ? lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character) : '(several lines)';
};

for (const server of SERVERS) describe(`R22 over LSP: the published versions kept beside a journey, read by the client (${server.how})`, function () {
  this.timeout(30_000);
  let folder: string;
  let asked: PublishedVersionsParams[];
  const clients: TestClient[] = [];

  /** The client's answer, read from the folder beside the journey as the extension reads it through vscode.workspace.fs. */
  const answer = (params: PublishedVersionsParams): PublishedVersionsResult => {
    asked.push(params);
    const kept = join(dirname(fileURLToPath(params.uri)), 'published', params.id);
    let names: string[] = [];
    try {
      names = readdirSync(kept);
    } catch {
      return { versions: [] };
    }
    const versions = names.flatMap((n) => /^.+\.v(\d+)\.journey\.json$/.exec(n)?.[1] ?? []).map(Number).sort((a, b) => a - b);
    const file = join(kept, `${params.id}.v${params.version}.journey.json`);
    return versions.includes(params.version) ? { versions, text: readFileSync(file, 'utf8'), location: `published/${params.id}/${params.id}.v${params.version}.journey.json` } : { versions };
  };
  const start = async (offers = true) => {
    const client = await server.start({}, undefined, {
      ...(offers ? { initializationOptions: { publishedVersions: true } } : {}),
      handlers: (connection) => connection.onRequest(PUBLISHED_VERSIONS_REQUEST, answer),
    });
    clients.push(client);
    return client;
  };
  const keep = (journey: object, version = 1) => {
    mkdirSync(join(folder, 'published', 'welcome'), { recursive: true });
    writeFileSync(join(folder, 'published', 'welcome', `welcome.v${version}.journey.json`), text(journey));
  };
  /** The next diagnostics published for `uri` after `since` of them that `accept`s. */
  const published = async (client: TestClient, uri: string, accept: (p: PublishDiagnosticsParams) => boolean, since = 0): Promise<PublishDiagnosticsParams> => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const hit = client.published.slice(since).find((p) => p.uri === uri && accept(p));
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no such diagnostics for ${uri}; published: ${JSON.stringify(client.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.code)))}`);
  };
  const r22 = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => String(d.code).startsWith('R22'));

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'journey-published-lsp-'));
    asked = [];
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  after(() => clients.forEach((c) => c.stop()));

  it('R22: an edit of published version 1 is an error at the value that changed, from the source the client reads; the first diagnostics already say so', async () => {
    keep(PUBLISHED);
    const client = await start();
    const uri = pathToFileURL(join(folder, 'welcome.journey.json')).href;
    const edited = text({ ...PUBLISHED, points: [{ ...PUBLISHED.points[0], duration: 'P3D' }, PUBLISHED.points[1]] });
    await client.open(uri, edited);
    const first = await client.diagnostics(uri, 1);
    assert.deepEqual(asked, [{ uri, id: 'welcome', version: 1 }], 'the server asked the client for version 1 of "welcome"');
    const errors = r22(first);
    assert.deepEqual(errors.map((d) => [d.code, covered(edited, d)]), [['R22.published-version-edited', '"P3D"']], 'one error, at the changed duration, in the first diagnostics published');
    assert.match(errors[0]!.message, /this was "P1D" in the published version/);
  });

  it('R22: a removed publication (status set back to draft by hand) beside kept version 1 is an error on the version, with the quick fix "Continue as version 2"', async () => {
    keep(PUBLISHED);
    const client = await start();
    const uri = pathToFileURL(join(folder, 'welcome.journey.json')).href;
    const source = text({ ...DRAFT, status: 'draft' });
    await client.open(uri, source);
    const errors = r22(await client.diagnostics(uri, 1));
    assert.deepEqual(errors.map((d) => [d.code, covered(source, d)]), [['R22.publication-removed', '1']]);
    assert.match(errors[0]!.message, /its source is kept in published\/welcome\/welcome\.v1\.journey\.json/);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: errors[0]!.range, context: { diagnostics: errors } })) ?? [];
    const fix = actions.find((a) => a.title === 'Continue as version 2 (R22)');
    assert.ok(fix && 'edit' in fix && fix.edit?.changes, `offers "Continue as version 2 (R22)": ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixed = applyEdits(source, fix.edit!.changes![uri]!);
    assert.equal((JSON.parse(fixed) as { version: number }).version, 2);

    // The fixed text is the next draft: nothing frozen about it.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(r22(await client.diagnostics(uri, 2)), []);
  });

  it('R22: when the client says the kept versions changed (a publish wrote version 1), the open journey is checked again', async () => {
    const client = await start();
    const uri = pathToFileURL(join(folder, 'welcome.journey.json')).href;
    await client.open(uri, text({ ...DRAFT, status: 'draft' }));
    assert.deepEqual(r22(await client.diagnostics(uri, 1)), [], 'nothing is kept yet: a draft');
    const before = client.published.length;
    keep(PUBLISHED);
    await client.connection.sendNotification(PUBLISHED_VERSIONS_CHANGED_NOTIFICATION, {});
    const again = await published(client, uri, (p) => r22(p).length > 0, before);
    assert.deepEqual(r22(again).map((d) => d.code), ['R22.publication-removed']);
  });

  it('R22: a client that does not offer the request is never asked, and the journey is judged by its publication record alone', async () => {
    keep(PUBLISHED);
    const client = await start(false);
    const uri = pathToFileURL(join(folder, 'welcome.journey.json')).href;
    const edited = text({ ...PUBLISHED, points: [{ ...PUBLISHED.points[0], duration: 'P3D' }, PUBLISHED.points[1]] });
    await client.open(uri, edited);
    const errors = r22(await client.diagnostics(uri, 1));
    assert.deepEqual(errors.map((d) => [d.code, covered(edited, d)]), [['R22.published-version-edited', '"publication"']]);
    assert.deepEqual(asked, []);
  });
});
