// In VS Code for the Web: publishing to Restate needs Node, so the command
// says it needs the desktop or a remote extension host instead of failing,
// and the Command Palette does not offer it.
import { assert } from 'chai';
import * as vscode from 'vscode';
import { journeyApi, mountedUri } from './webTestKit';

describe('desktop-only commands in VS Code for the Web', function () {
  it('"Publish Journey" says it needs the desktop or a remote extension host', async () => {
    await journeyApi();
    const result = await vscode.commands.executeCommand<{ desktopOnly?: boolean; message?: string }>('journeyDesigner.publish', mountedUri('preference-center.journey.json'));
    assert.isTrue(result?.desktopOnly);
    assert.match(result?.message ?? '', /needs the desktop or a remote extension host/);
  });
});
