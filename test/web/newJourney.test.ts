// In VS Code for the Web: "New Journey…" creates a journey from every one of
// the product's templates (read from the extension, which is served over
// http there and cannot be listed) and opens it on the map.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { JOURNEY_TEMPLATES } from '../../src/core/journeyTemplate';
import { closeAllEditors, journeyApi, mountedUri, readJson, waitFor } from './webTestKit';

describe('New Journey in VS Code for the Web', function () {
  const folder = mountedUri('.new-journey-test');
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  for (const template of [...JOURNEY_TEMPLATES.map((t) => t.key), 'empty']) {
    it(`creates a journey from the template "${template}" and shows it on the map`, async () => {
      const api = await journeyApi();
      const target = vscode.Uri.joinPath(folder, `from-${template}.journey.json`);
      const name = `New from ${template}`;
      const created = await vscode.commands.executeCommand<vscode.Uri>('journeyDesigner.newJourney', { template, uri: target, name });
      assert.equal(created?.toString(), target.toString());
      const summary = await waitFor(api.onDidRenderMap, () => api.renderedMap(target), `the map of the journey from ${template}`, 30_000);
      assert.equal(summary.title, name);
      assert.isFalse(summary.unparseable);
      const journey = await readJson<{ id: string; name: string }>(target);
      assert.equal(journey.id, `from-${template}`);
    });
  }
});
