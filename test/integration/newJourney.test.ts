// In a real VS Code: "New Journey…" creates a journey from every one of the
// product's templates (and the empty one), opens it on the map with the name
// given, and the file is a valid draft named after the journey.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { JOURNEY_TEMPLATES } from '../../src/core/journeyTemplate';
import { closeAllEditors, journeyApi, readJson, waitFor } from './journeyTestKit';

describe('New Journey', function () {
  this.timeout(60_000);
  const folder = mkdtempSync(join(tmpdir(), 'journey-new-'));
  afterEach(closeAllEditors);
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const template of [...JOURNEY_TEMPLATES.map((t) => t.key), 'empty']) {
    it(`creates a journey from the template "${template}" and shows it on the map`, async () => {
      const api = await journeyApi();
      const target = vscode.Uri.file(join(folder, `from-${template}.journey.json`));
      const name = `Geburtstagsgrüße from ${template}`;
      const created = await vscode.commands.executeCommand<vscode.Uri>('journeyDesigner.newJourney', { template, uri: target, name });
      assert.equal(created?.toString(), target.toString());
      const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(target), `the map of the journey from ${template}`, 30_000);
      assert.equal(summary.title, name);
      assert.equal(summary.unparseable, false);
      const journey = await readJson<{ id: string; name: string; status?: string; publication?: unknown }>(target);
      assert.equal(journey.id, `from-${template}`);
      assert.equal(journey.name, name);
      assert.notEqual(journey.status, 'published');
      assert.equal(journey.publication, undefined);
    });
  }
});
