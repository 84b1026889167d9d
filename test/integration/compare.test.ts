// In a real VS Code: "Compare Journey With…" called with two URIs (as the
// "Compare with version N" entry calls it) compares the current journey (B)
// with the other (A) on a sample timeline: the Journey Simulation panel
// lists the contacts whose outcome changed, the map overlay marks the
// changed point and shows the counts as A → B, and picking a contact shows
// both paths. The dynamics sample's click timeout is shortened from 1 day
// to 12 hours; the outcome per contact is derived by hand from the
// timeline's description (R11): c_nowak clicks at the old deadline and
// loses the launch SMS, c_wisniewski and c_lewandowski time out 12 hours
// earlier.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, journeyApi, sampleUri } from './journeyTestKit';

describe('Compare Journey With… in the editor', function () {
  this.timeout(60000);
  const folder = mkdtempSync(join(tmpdir(), 'journey-compare-'));
  const shortened = vscode.Uri.file(join(folder, 'dynamics-shortened.journey.json'));
  before(() => {
    const journey = JSON.parse(readFileSync(sampleUri('dynamics-product-announcement.journey.json').fsPath, 'utf8')) as { $schema?: string; points: { id: string; timeout?: string }[] };
    delete journey.$schema;
    journey.points.find((p) => p.id === 'p_wait_product_click')!.timeout = 'PT12H';
    writeFileSync(shortened.fsPath, JSON.stringify(journey, null, 2));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  it('with two URIs and a timeline: lists the changed contacts, marks the changed point, shows counts as A → B, and both paths of a picked contact', async () => {
    const api = await journeyApi();
    const session = (await vscode.commands.executeCommand('journeyDesigner.compareJourneyWith', shortened, sampleUri('dynamics-product-announcement.journey.json'), { timeline: sampleUri('dynamics-product-announcement.timeline.json') })) as Awaited<ReturnType<typeof api.comparisons.compare>>;
    assert.ok(session, 'the comparison ran');
    assert.equal(api.comparisons.current, session);
    const changed = session.comparison.changedContacts.map((c) => c.contact).sort();
    assert.deepEqual(changed, ['c_lewandowski', 'c_nowak', 'c_wisniewski']);
    // B is the current journey (12 hours), A the sample (1 day): c_nowak receives the SMS in A only.
    assert.deepEqual(session.comparison.changedContacts.find((c) => c.contact === 'c_nowak')?.onlyInA, ['product_launch_sms']);
    const { comparisonOverlay } = await import('../../src/compareJourneyCommand');
    const overlay = comparisonOverlay(session);
    assert.equal(overlay.points['p_wait_product_click']?.mark, 'changed');
    assert.match(overlay.points['p_send_launch_sms']?.text ?? '', /^4 → 3 in · 3 → 2 sent · 1 suppressed$/);
    assert.match(overlay.label ?? '', /3 contacts changed \(1 path\)/);
    await vscode.commands.executeCommand('journeyDesigner.compare.selectContact', 'c_nowak');
    assert.equal(session.selectedContact, 'c_nowak');
    const picked = session.comparison.changedContacts.find((c) => c.contact === 'c_nowak')!;
    assert.ok(picked.paths, 'both paths are kept for the panel');
    assert.ok(picked.paths.a.some((s) => s.point === 'p_send_launch_sms' && s.kind === 'send'), 'A: the launch SMS');
    assert.ok(picked.paths.b.some((s) => s.point === 'p_end_no_interest' && s.kind === 'complete'), 'B: ends without interest');
    assert.deepEqual(comparisonOverlay(session).contact?.path.slice(-2), ['p_wait_product_click', 'p_end_no_interest']);
    await vscode.commands.executeCommand('journeyDesigner.simulation.clear');
    assert.equal(api.comparisons.current, undefined);
  });

  it('with two URIs only (the "Compare with version N" call): the timeline is picked like Simulate picks it, the one that replays the journey first', async () => {
    const api = await journeyApi();
    const running = vscode.commands.executeCommand('journeyDesigner.compareJourneyWith', sampleUri('dynamics-product-announcement.journey.json'), shortened) as Thenable<Awaited<ReturnType<typeof api.comparisons.compare>>>;
    // The timeline quick pick: its first item is the timeline that names this journey. Accept it
    // as soon as it shows (accepting with no quick pick open does nothing), for at most 15 s.
    let settled = false;
    void Promise.resolve(running).finally(() => (settled = true));
    for (let waited = 0; !settled && waited < 15_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const session = await running;
    assert.ok(session, 'the comparison ran after the timeline was picked');
    assert.equal(session.timelineLabel, 'dynamics-product-announcement.timeline.json');
    // Now A is the 12-hour version: c_nowak receives the SMS in B only.
    assert.deepEqual(session.comparison.changedContacts.find((c) => c.contact === 'c_nowak')?.onlyInB, ['product_launch_sms']);
    assert.equal(session.comparison.equal, false);
  });

  it('Import Event History… writes a .timeline.ndjson from a Segment Spec export, reports the unmapped event names, and Compare Journey With… replays both versions on it', async () => {
    const api = await journeyApi();
    const fixtures = vscode.Uri.joinPath(sampleUri(), '..', 'test', 'fixtures', 'import');
    const output = vscode.Uri.file(join(folder, 'history.timeline.ndjson'));
    const result = (await vscode.commands.executeCommand('journeyDesigner.importHistory', { input: vscode.Uri.joinPath(fixtures, 'dynamics.segment.ndjson'), mapping: vscode.Uri.joinPath(fixtures, 'dynamics.segment-mapping.json'), output, skipBadRows: false })) as { written: boolean; contacts: number; events: number; unmapped: Record<string, number> };
    assert.equal(result.written, true);
    assert.deepEqual([result.contacts, result.events, result.unmapped], [6, 9, { 'Product Viewed': 2 }]);
    // The imported history has no seed, start or horizon line: the replay starts at its first event and runs until nothing is pending.
    const session = await api.comparisons.compare(shortened, sampleUri('dynamics-product-announcement.journey.json'), { timeline: output });
    assert.ok(session);
    assert.ok(session.comparison.changedContacts.some((c) => c.contact === 'c_nowak' && c.onlyInA.includes('product_launch_sms')), JSON.stringify(session.comparison.changedContacts.map((c) => c.contact)));
  });

  it('without `other`: offers the version in git HEAD (through the built-in git extension), and a sample compared with its committed self is equal', async () => {
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: unknown[]; onDidOpenRepository: vscode.Event<unknown> } }>('vscode.git');
    assert.ok(git, 'the built-in git extension is installed');
    // The harness turns git off (git.enabled: false) for every other test: on for this one.
    const gitSettings = vscode.workspace.getConfiguration('git');
    const before = gitSettings.inspect<boolean>('enabled')?.globalValue;
    const parentsBefore = gitSettings.inspect<string>('openRepositoryInParentFolders')?.globalValue;
    // The workspace is samples/, inside the repository: git opens it only when told to look in parent folders.
    await gitSettings.update('openRepositoryInParentFolders', 'always', vscode.ConfigurationTarget.Global);
    await gitSettings.update('enabled', true, vscode.ConfigurationTarget.Global);
    try {
      const exports = git.isActive ? git.exports : await git.activate();
      let gitApi: ReturnType<typeof exports.getAPI> | undefined;
      for (let waited = 0; waited < 20_000 && !(gitApi && gitApi.repositories.length > 0); waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        try {
          gitApi = exports.getAPI(1);
        } catch {
          gitApi = undefined; // the git model is not up yet
        }
      }
      assert.ok(gitApi && gitApi.repositories.length > 0, 'git found the repository of the samples');
      await compareWithHead();
    } finally {
      await gitSettings.update('enabled', before, vscode.ConfigurationTarget.Global);
      await gitSettings.update('openRepositoryInParentFolders', parentsBefore, vscode.ConfigurationTarget.Global);
    }
  });

  async function compareWithHead(): Promise<void> {
    const api = await journeyApi();
    const journey = sampleUri('preference-center.journey.json');
    const running = vscode.commands.executeCommand('journeyDesigner.compareJourneyWith', journey) as Thenable<Awaited<ReturnType<typeof api.comparisons.compare>>>;
    // First pick: the other version (the samples have no published version, so git HEAD is first); second: the timeline.
    let settled = false;
    void Promise.resolve(running).finally(() => (settled = true));
    for (let waited = 0; !settled && waited < 20_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const session = await running;
    assert.ok(session, 'the comparison ran');
    assert.equal(session.aLabel, 'git HEAD');
    assert.equal(session.comparison.equal, true, 'the sample is committed as it is');
    assert.ok(session.comparison.statsA.started > 0);
  }
});
