// Specification of how the language server reads files that are not open
// (workspaceFiles.ts, nodeWorkspaceFiles.ts): an open document's text
// first; URIs resolved and compared whatever their spelling; a file named
// in messages by its name when beside the file naming it; the disk's
// timelines and scenarios found under the workspace folders, skipping
// dependency, build and hidden folders.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeWorkspaceFiles } from '../../../language/nodeWorkspaceFiles';
import { displayName, NO_WORKSPACE_FILES, resolveUri, sameUri, withOpenDocuments } from '../../../language/workspaceFiles';

describe('files of the workspace for the language server', () => {
  it('reads an open document from the editor, any other file from the files given', async () => {
    const files = { read: async (uri: string) => `disk:${uri}`, companions: async () => ['file:///w/a.scenario.json'] };
    const open = withOpenDocuments(files, (uri) => (uri === 'file:///w/open.journey.json' ? 'unsaved' : undefined));
    assert.equal(await open.read('file:///w/open.journey.json'), 'unsaved');
    assert.equal(await open.read('file:///w/closed.journey.json'), 'disk:file:///w/closed.journey.json');
    assert.deepEqual(await open.companions(), ['file:///w/a.scenario.json']);
    await assert.rejects(NO_WORKSPACE_FILES.read('file:///w/x.json'), /file:\/\/\/w\/x\.json is not open and the client offers no way to read it/);
    assert.deepEqual(await NO_WORKSPACE_FILES.companions(), []);
  });

  it('resolves a path as a file writes it (also with backslashes) against the file, and keeps what is no URI', () => {
    assert.equal(resolveUri('file:///w/scenarios/a.scenario.json', '../welcome.journey.json'), 'file:///w/welcome.journey.json');
    assert.equal(resolveUri('file:///w/scenarios/a.scenario.json', '..\\journeys\\welcome.journey.json'), 'file:///w/journeys/welcome.journey.json');
    assert.equal(resolveUri('not a uri', 'x.json'), 'x.json');
  });

  it('compares URIs whatever their percent-encoding or dot segments', () => {
    assert.ok(sameUri('file:///w/my%20journey.journey.json', 'file:///w/my journey.journey.json'));
    assert.ok(sameUri('file:///w/x/../a.json', 'file:///w/a.json'));
    assert.ok(!sameUri('file:///w/a.json', 'file:///w/b.json'));
    assert.ok(sameUri('no uri', 'no uri'));
    assert.ok(!sameUri('no uri', 'other'));
  });

  it('names a file by its name when beside the file naming it, else by its path; keeps what is no URI', () => {
    assert.equal(displayName('file:///w/a.scenario.json', 'file:///w/my%20welcome.journey.json'), 'my welcome.journey.json');
    assert.equal(displayName('file:///w/scenarios/a.scenario.json', 'file:///w/welcome.journey.json'), '/w/welcome.journey.json');
    assert.equal(displayName('vscode-vfs:///w/a.scenario.json', 'file:///w/welcome.journey.json'), '/w/welcome.journey.json');
    assert.equal(displayName('no uri', 'file:///w/welcome.journey.json'), 'file:///w/welcome.journey.json');
  });

  describe('on the disk (a Node server without a client that reads files)', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'journey-workspace-'));
      for (const dir of ['a/b', 'node_modules/x', '.hidden', 'dist', 'out', '.vscode-test']) mkdirSync(join(folder, dir), { recursive: true });
      for (const file of ['one.timeline.json', 'a/two.scenario.json', 'a/b/THREE.Scenario.JSON', 'a/welcome.journey.json', 'node_modules/x/n.scenario.json', '.hidden/h.scenario.json', 'dist/d.timeline.json', 'out/o.timeline.json', '.vscode-test/v.timeline.json', 'a/b/not.scenario.json.bak']) writeFileSync(join(folder, file), '{}');
      mkdirSync(join(folder, 'a', 'dir.scenario.json'));
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('finds every timeline and scenario under the workspace folders, skipping dependency, build and hidden folders', async () => {
      const files = nodeWorkspaceFiles(() => [pathToFileURL(folder).toString(), 'vscode-vfs:///elsewhere', pathToFileURL(join(folder, 'missing')).toString()]);
      const found = (await files.companions()).map((u) => u.slice(pathToFileURL(folder).toString().length)).sort();
      assert.deepEqual(found, ['/a/b/THREE.Scenario.JSON', '/a/two.scenario.json', '/one.timeline.json']);
    });

    it('reads a file of this machine, and refuses a URI that is not one', async () => {
      const files = nodeWorkspaceFiles(() => []);
      assert.equal(await files.read(pathToFileURL(join(folder, 'one.timeline.json')).toString()), '{}');
      await assert.rejects(files.read('vscode-vfs:///w/a.json'), /vscode-vfs:\/\/\/w\/a\.json is not a file on this machine/);
      assert.deepEqual(await files.companions(), []);
    });
  });
});
