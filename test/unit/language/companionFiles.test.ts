// Specification of timelines and scenarios in the language server, over a
// real LSP connection (dist/server.js, and the sources in process: servers.ts): each is checked against the journey (and timeline)
// it names, found as `journey validate` finds it; ids complete from the
// journey (contacts from the timeline), hover says what they are, go to
// definition leads into the journey, and a rename of a point, content item,
// tag or list updates the journey and every timeline and scenario naming it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  type CompletionList,
  DefinitionRequest,
  HoverRequest,
  type Location,
  type MarkupContent,
  PrepareRenameRequest,
  RenameRequest,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { TestClient } from './lspClient';
import { SERVERS } from './servers';
import { applyEdits, positionOf, sample } from './support';

const BASE = 'dynamics-product-announcement';

for (const server of SERVERS) describe(`timelines and scenarios in the language server (${server.how})`, function () {
  this.timeout(30000);
  let client: TestClient;
  let folder: string;
  const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
  const journeyText = sample(`${BASE}.journey.json`);
  const timelineText = sample(`${BASE}.timeline.json`);
  const scenarioText = sample(`${BASE}.scenario.json`);
  let version = 1;
  /** Opens a file of the folder with `text` (written to the disk too) and waits for its diagnostics. */
  const open = async (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    const v = version++;
    await client.open(uri(name), text, v, name.endsWith('.journey.json') ? 'journey-json' : 'json');
    return (await client.diagnostics(uri(name), v)).diagnostics;
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'journey-companions-'));
    for (const [name, text] of [[`${BASE}.journey.json`, journeyText], [`${BASE}.timeline.json`, timelineText], [`${BASE}.scenario.json`, scenarioText]] as const) writeFileSync(join(folder, name), text);
    client = await server.start({ textDocument: { completion: { completionItem: { snippetSupport: true } } } }, undefined, { workspaceFolders: [pathToFileURL(folder).toString()] });
  });

  after(() => {
    client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes no diagnostics for the sample scenario and timeline, which name only what exists', async () => {
    assert.deepEqual(await open(`${BASE}.scenario.json`, scenarioText), []);
    assert.deepEqual(await open(`${BASE}.timeline.json`, timelineText), []);
  });

  it('locates a misspelt content of a scenario at its value, with the journey file and the close name', async () => {
    const text = scenarioText.replace('"content": "product_launch_sms"\n', '"content": "product_launch_smss"\n');
    assert.notEqual(text, scenarioText);
    const diagnostics = await open('typo.scenario.json', text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d!.code, 'reference.unknown-content');
    assert.match(d!.message, /no content item "product_launch_smss" in journey dynamics-product-announcement\.journey\.json\. Did you mean "product_launch_sms"\?/);
    assert.deepEqual(d!.range.start, positionOf(text, '"product_launch_smss"'));
  });

  it('locates a misspelt contact (against the timeline) and point (against the journey), not as behaviour failures', async () => {
    const text = scenarioText.replace('"contact": "c_nowak"', '"contact": "c_nowakk"').replace('"point": "p_wait_product_click",\n      "branch": "timeout"', '"point": "p_wait_product_clik",\n      "branch": "timeout"');
    const codes = (await open('typo2.scenario.json', text)).map((d) => [d.code, d.range.start.line]);
    const expected: [string, number][] = [
      ['reference.unknown-contact', positionOf(text, '"c_nowakk"').line],
      ['reference.unknown-point', positionOf(text, '"p_wait_product_clik"').line],
    ];
    assert.deepEqual(codes, expected.sort((a, b) => a[1] - b[1]));
  });

  it('locates a schema error of a scenario like the CLI, at the value ({"type": ""})', async () => {
    const text = scenarioText.replace('"type": "doesNotReceive"', '"type": ""');
    const diagnostics = await open('schema.scenario.json', text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0]!.source, 'journey schema');
    assert.deepEqual(diagnostics[0]!.range.start, positionOf(text, '""'));
  });

  it('in a timeline, flags a click on a link the email does not have, at the link', async () => {
    const text = timelineText.replace('"link": "product"', '"link": "prodct"');
    assert.notEqual(text, timelineText);
    const diagnostics = await open('typo.timeline.json', text.replace(`"./${BASE}.journey.json"`, `"./${BASE}.journey.json"`));
    const unknown = diagnostics.filter((d) => d.code === 'reference.unknown-link');
    assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(unknown[0]!.range.start, positionOf(text, '"prodct"'));
  });

  it('says at the `journey` path when the journey cannot be read', async () => {
    const text = scenarioText.replace(`"./${BASE}.journey.json"`, '"./missing.journey.json"');
    const diagnostics = await open('lost.scenario.json', text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0]!.code, 'reference.unreadable-file');
    assert.deepEqual(diagnostics[0]!.range.start, positionOf(text, '"./missing.journey.json"'));
  });

  it('re-checks an open scenario when its open journey changes (a point renamed by hand there)', async () => {
    await open(`${BASE}.scenario.json`, scenarioText);
    const journeyUri = uri(`${BASE}.journey.json`);
    const changed = journeyText.replace(/"p_wait_product_click"/g, '"p_wait_click"');
    await client.open(journeyUri, changed, 100);
    const deadline = Date.now() + 5000;
    let hit;
    while (Date.now() < deadline && !hit) {
      hit = [...client.published].reverse().find((p) => p.uri === uri(`${BASE}.scenario.json`) && p.diagnostics.some((d) => d.code === 'reference.unknown-point'));
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(hit, 'the scenario was not re-checked against the changed journey');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: journeyUri } });
  });

  it('completes contacts from the timeline and points and content from the journey', async () => {
    const scenarioUri = uri(`${BASE}.scenario.json`);
    const labels = async (needle: string, delta: number) =>
      ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: scenarioUri }, position: positionOf(scenarioText, needle, delta) })) as CompletionList).items.map((i) => i.label);
    const contacts = await labels('"c_kowalska"', 1);
    assert.ok(contacts.includes('c_kowalska') && contacts.includes('c_wojcik'), contacts.join());
    const points = await labels('"p_wait_product_click"', 1);
    assert.ok(points.includes('p_send_launch_sms') && points.includes('sp_top_customers'), points.join());
    const content = await labels('"product_launch_sms"', 1);
    assert.deepEqual(content.sort(), ['product_announcement_email', 'product_launch_sms']);
  });

  it('completes the links of the clicked email in a timeline event', async () => {
    const timelineUri = uri(`${BASE}.timeline.json`);
    await open(`${BASE}.timeline.json`, timelineText);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: timelineUri }, position: positionOf(timelineText, '"link": "product"', 9) })) as CompletionList;
    const links = list.items.map((i) => i.label).sort();
    const declared = (JSON.parse(journeyText) as { content: { links?: string[] }[] }).content.flatMap((c) => c.links ?? []).sort();
    assert.deepEqual(links, declared);
  });

  it('goes from a scenario point to its definition in the journey, and from a contact to the timeline', async () => {
    const scenarioUri = uri(`${BASE}.scenario.json`);
    const at = async (needle: string) => (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: scenarioUri }, position: positionOf(scenarioText, needle, 2) })) as Location[];
    const [point] = await at('"p_wait_product_click"');
    assert.equal(point!.uri, uri(`${BASE}.journey.json`));
    assert.deepEqual(point!.range.start, positionOf(journeyText, '"id": "p_wait_product_click"', 6));
    const [contact] = await at('"c_kowalska"');
    assert.equal(contact!.uri, uri(`${BASE}.timeline.json`));
    assert.deepEqual(contact!.range.start, positionOf(timelineText, '"c_kowalska"'));
  });

  it('goes from a timeline event link to the link declared on the content', async () => {
    const [link] = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(`${BASE}.timeline.json`) }, position: positionOf(timelineText, '"link": "product"', 10) })) as Location[];
    assert.equal(link!.uri, uri(`${BASE}.journey.json`));
    assert.equal(journeyText.slice(...[link!.range.start, link!.range.end].map((p) => offsetOf(journeyText, p)) as [number, number]), '"product"');
  });

  it('hovers a scenario point with the journey point it names', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(`${BASE}.scenario.json`) }, position: positionOf(scenarioText, '"p_wait_product_click"', 3) });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\*\*p_wait_product_click\*\*/);
    assert.match(value, /in `dynamics-product-announcement\.journey\.json`/);
  });

  it('renames a point from the journey in the journey, the timeline events and the scenario, and nothing else', async () => {
    const journeyUri = uri(`${BASE}.journey.json`);
    await open(`${BASE}.journey.json`, journeyText);
    for (const [point, newName] of [['p_send_announcement', 'p_announce'], ['p_wait_product_click', 'p_wait_click']] as const) {
      const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: journeyUri }, position: positionOf(journeyText, `"id": "${point}"`, 8), newName })) as WorkspaceEdit;
      const changes = edit.changes ?? {};
      const renamed = (text: string) => text.replaceAll(`"${point}"`, `"${newName}"`);
      assert.equal(applyEdits(journeyText, changes[journeyUri] ?? []), renamed(journeyText));
      for (const [name, text] of [[`${BASE}.timeline.json`, timelineText], [`${BASE}.scenario.json`, scenarioText]] as const) {
        assert.equal(applyEdits(text, changes[uri(name)] ?? []), renamed(text), name);
      }
      for (const [u, edits] of Object.entries(changes)) for (const e of edits as TextEdit[]) assert.equal(e.newText, `"${newName}"`, u);
    }
    assert.ok(timelineText.includes('"p_send_announcement"') && scenarioText.includes('"p_wait_product_click"'), 'the sample timeline and scenario name the points');
  });

  it('renames a content item from a scenario in the journey and every scenario and timeline naming it', async () => {
    const scenarioUri = uri(`${BASE}.scenario.json`);
    const position = positionOf(scenarioText, '"product_launch_sms"', 3);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: scenarioUri }, position });
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === 'product_launch_sms');
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: scenarioUri }, position, newName: 'launch_sms' })) as WorkspaceEdit;
    const changes = edit.changes ?? {};
    const renamed = (text: string) => text.replace(/"product_launch_sms"/g, '"launch_sms"');
    assert.equal(applyEdits(journeyText, changes[uri(`${BASE}.journey.json`)] ?? []), renamed(journeyText));
    assert.equal(applyEdits(scenarioText, changes[scenarioUri] ?? []), renamed(scenarioText));
    // The misspelt scenarios opened above name their own journey: they change too, where they name it.
    assert.ok(changes[uri('typo2.scenario.json')], 'an open scenario of the same journey is renamed');
  });

  it('renames a list and a tag from the journey declaration (content, tag and list ids can be renamed)', async () => {
    const journeyUri = uri(`${BASE}.journey.json`);
    const list = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: journeyUri }, position: positionOf(journeyText, '"product_news"', 2), newName: 'news' })) as WorkspaceEdit;
    assert.equal(applyEdits(journeyText, list.changes?.[journeyUri] ?? []), journeyText.replace(/"product_news"/g, '"news"'));
  });

  it('refuses to rename a content item to one the journey already has', async () => {
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(`${BASE}.journey.json`) }, position: positionOf(journeyText, '"product_launch_sms"', 2), newName: 'product_announcement_email' }),
      /already has a content item "product_announcement_email"/,
    );
  });

  it('reads the disk for files that are not open: the scenario on disk names a point renamed in the open journey', () => {
    assert.ok(readFileSync(join(folder, `${BASE}.scenario.json`), 'utf8').includes('p_wait_product_click'));
  });
});

function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

for (const server of SERVERS) describe(`a settings change with a scenario open (${server.how})`, function () {
  this.timeout(20000);

  it('re-validates the journeys only: the scenario never gets journey diagnostics', async () => {
    const client = await server.start({ workspace: { configuration: true } }, () => [{ defaultPlan: 'free' }]);
    try {
      const uri = 'file:///tmp/settings/alone.scenario.json';
      await client.open(uri, sample(`${BASE}.scenario.json`), 1, 'json');
      await client.diagnostics(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { journeyDesigner: { defaultPlan: 'premium' } } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const codes = client.published.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics.map((d) => String(d.code)));
      assert.ok(codes.length > 0, 'the scenario names a journey that is not there');
      assert.deepEqual(codes.filter((c) => !c.startsWith('reference.')), [], codes.join());
    } finally {
      client.stop();
    }
  });
});

describe('hover of contact data in a timeline', () => {
  it('says a tag the journey never names is the contact\'s own data, not an error', async () => {
    const { analyzeCompanion } = await import('../../../language/companionAnalysis');
    const { companionHover } = await import('../../../language/companionFeatures');
    const { DocumentAnalysis } = await import('../../../language/documentAnalysis');
    const { validateJourneyText } = await import('../../../src/core/validate');
    const journey = sample(`${BASE}.journey.json`);
    const timeline = sample(`${BASE}.timeline.json`).replace('"contacts": [\n    {\n', '"contacts": [\n    {\n      "tags": ["likes-cats"],\n');
    assert.ok(timeline.includes('"likes-cats"'));
    const files = { read: async (u: string) => (u.endsWith('.journey.json') ? journey : timeline), companions: async () => [] };
    const analysis = await analyzeCompanion(`file:///tmp/x/${BASE}.timeline.json`, 1, timeline, 'timeline', { files, journeyAnalysis: (u, t) => new DocumentAnalysis(u, 0, t, validateJourneyText(t)), clientValidatesSchemas: false });
    const hover = companionHover(analysis, positionOf(timeline, '"likes-cats"', 2));
    assert.match((hover?.contents as MarkupContent).value, /tag of the contact's data; the journey .* never names it/);
  });
});
