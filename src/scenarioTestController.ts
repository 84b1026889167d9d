// Journey scenarios in VS Code's Test Explorer: every `*.scenario.json` of
// the workspace is a test, each of its expectations a child; running them
// replays the timeline in the simulator and reports pass/fail with a diff
// at the expectation's place in the file, and for a contact's expectation
// links to the contact's trace and to the map.
import * as vscode from 'vscode';
import { parseJsonDocument } from './core/jsonDocument';
import { expectationTitle } from './core/scenarioCheck';
import type { ScenarioFiles, SimulateFn } from './core/scenarioRunner';
import { LineIndex } from './core/textPosition';
import { contactLinks, resolveFrom } from './timelineCommands';

const SCENARIO_GLOB = '**/*.scenario.json';

const workspaceFiles: ScenarioFiles = {
  readText: async (path) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path))),
  resolve: (from, relative) => resolveFrom(vscode.Uri.parse(from), relative).toString(),
};

export class ScenarioTestController implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('journeyScenarios', 'Journey scenarios');
  private readonly disposables: vscode.Disposable[] = [this.controller];
  /** The outcome of each expectation's last run, by test id (read by tests and the status bar). */
  readonly lastOutcome = new Map<string, 'passed' | 'failed' | 'errored' | 'skipped'>();
  /** The messages of each expectation's last run that did not pass, by test id (read by tests). */
  readonly lastMessages = new Map<string, vscode.TestMessage[]>();
  private readonly ranEmitter = new vscode.EventEmitter<void>();
  /** Fires after each test run. */
  readonly onDidRun = this.ranEmitter.event;
  /**
   * The first discovery of the workspace's scenarios, started with the
   * controller: "Run All Tests" must find them even if the Testing view was
   * never opened (VS Code asks the resolve handler only when it opens).
   */
  readonly discovered: Promise<void>;
  /** Files being read into the tree: a run waits for them, so it never runs a file whose expectations are not in yet. */
  private readonly refreshing = new Set<Promise<unknown>>();

  constructor(private readonly loadSimulate: () => Promise<SimulateFn>) {
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discoverAll();
      else if (item.uri) await this.refreshFile(item.uri);
    };
    this.controller.refreshHandler = () => this.discoverAll();
    this.controller.createRunProfile('Simulate', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher(SCENARIO_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.refreshFile(uri)),
      watcher.onDidChange((uri) => this.refreshFile(uri)),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
    );
    this.discovered = this.discoverAll().catch(() => undefined);
  }

  async discoverAll(): Promise<void> {
    const files = await vscode.workspace.findFiles(SCENARIO_GLOB, '**/node_modules/**');
    await Promise.all(files.map((uri) => this.refreshFile(uri)));
  }

  /** Adds or updates the test item of one scenario file and its expectations. */
  refreshFile(uri: vscode.Uri): Promise<vscode.TestItem> {
    const refresh = this.readFile(uri);
    this.refreshing.add(refresh);
    const done = () => this.refreshing.delete(refresh);
    refresh.then(done, done);
    return refresh;
  }

  /**
   * Reads one scenario file into its test item. A new item joins the tree
   * only with its expectations: "Run All Tests" (offered as soon as the tree
   * has an item) must never find a file without them and run 0 tests.
   */
  private async readFile(uri: vscode.Uri): Promise<vscode.TestItem> {
    const id = uri.toString();
    const existing = this.controller.items.get(id);
    const item = existing ?? this.controller.createTestItem(id, uri.path.split('/').pop() ?? id, uri);
    try {
      return await this.fillItem(uri, item);
    } finally {
      if (!existing) this.controller.items.add(item);
    }
  }

  private async fillItem(uri: vscode.Uri, item: vscode.TestItem): Promise<vscode.TestItem> {
    const id = item.id;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const doc = parseJsonDocument(text);
    const { Scenario } = await import('./core/scenario');
    const parsed = Scenario.safeParse(doc.value);
    if (!parsed.success || doc.syntaxErrors.length > 0) {
      // Located like the CLI: the first problem's message at its line and column.
      const { schemaDiagnostics } = await import('./core/schemaDiagnostics');
      const first = doc.syntaxErrors[0] ?? (parsed.success ? undefined : schemaDiagnostics(doc, Scenario, parsed.error.issues, 'the scenario')[0]);
      const at = new LineIndex(text).positionAt(first?.offset ?? 0);
      item.error = `Not a valid scenario: ${uri.path.split('/').pop()}:${at.line + 1}:${at.character + 1} ${first?.message ?? 'invalid'}`;
    } else item.error = undefined;
    if (!parsed.success) {
      item.children.replace([]);
      return item;
    }
    item.label = parsed.data.name;
    item.description = uri.path.split('/').pop();
    const lines = new LineIndex(text);
    const positionAt = (offset: number) => {
      const p = lines.positionAt(offset);
      return new vscode.Position(p.line, p.character);
    };
    const expectations = doc.root?.children?.find((p) => p.children?.[0]?.value === 'expectations')?.children?.[1]?.children ?? [];
    item.children.replace(
      parsed.data.expectations.map((e, i) => {
        const child = this.controller.createTestItem(`${id}#${i}`, expectationTitle(e), uri);
        const node = expectations[i];
        if (node) child.range = new vscode.Range(positionAt(node.offset), positionAt(node.offset + node.length));
        return child;
      }),
    );
    return item;
  }

  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    // A run started while scenario files are still being read (a fresh window) runs them once they are in.
    await this.discovered;
    await Promise.all([...this.refreshing].map((r) => r.catch(() => undefined)));
    const run = this.controller.createTestRun(request);
    const files = new Map<string, vscode.TestItem>();
    const queue = request.include ?? [...iterate(this.controller.items)];
    for (const test of queue) {
      const file = test.parent ?? test;
      files.set(file.id, file);
    }
    try {
      for (const file of files.values()) {
        if (token.isCancellationRequested) break;
        await this.runFile(file, request, run);
      }
    } finally {
      run.end();
      this.ranEmitter.fire();
    }
  }

  private async runFile(file: vscode.TestItem, request: vscode.TestRunRequest, run: vscode.TestRun): Promise<void> {
    const wanted = (child: vscode.TestItem) => (!request.include || request.include.includes(child) || request.include.includes(file)) && !request.exclude?.includes(child);
    const children = [...iterate(file.children)].filter(wanted);
    children.forEach((c) => run.started(c));
    if (!vscode.workspace.isTrusted) {
      children.forEach((c) => {
        run.skipped(c);
        this.lastOutcome.set(c.id, 'skipped');
      });
      run.appendOutput('Simulating needs a trusted workspace (Restricted Mode is on).\r\n');
      return;
    }
    const { runScenario } = await import('./core/scenarioRunner');
    const result = await runScenario(file.id, workspaceFiles, await this.loadSimulate());
    if (result.problems.length > 0) {
      const messages = result.problems.map((p) => {
        const at = p.position ?? { line: 0, character: 0 };
        const message = new vscode.TestMessage(`${p.file.split('/').pop()}:${at.line + 1}:${at.character + 1}: ${p.diagnostic.message}`);
        message.location = new vscode.Location(vscode.Uri.parse(p.file), new vscode.Position(at.line, at.character));
        return message;
      });
      children.forEach((c) => {
        run.errored(c, messages);
        this.lastOutcome.set(c.id, 'errored');
        this.lastMessages.set(c.id, messages);
      });
      return;
    }
    for (const child of children) {
      const index = Number(child.id.split('#').pop());
      const r = result.results[index];
      if (!r) continue;
      this.lastOutcome.set(child.id, r.passed ? 'passed' : 'failed');
      this.lastMessages.delete(child.id);
      if (r.passed) run.passed(child, result.seconds * 1000);
      else {
        const message = r.expected !== undefined && r.actual !== undefined ? vscode.TestMessage.diff(r.message, r.expected, r.actual) : new vscode.TestMessage(r.message);
        if (child.uri && child.range) message.location = new vscode.Location(child.uri, child.range);
        const messages = [message];
        // Where to look next: the contact's trace (every action) and the map.
        const expectation = result.scenario?.expectations[index];
        if (expectation && 'contact' in expectation) {
          const scenarioUri = vscode.Uri.parse(file.id);
          const journey = result.scenario ? resolveFrom(scenarioUri, result.scenario.journey) : undefined;
          const links = new vscode.TestMessage(contactLinks(scenarioUri, expectation.contact, journey));
          if (message.location) links.location = message.location;
          messages.push(links);
        }
        run.failed(child, messages, result.seconds * 1000);
        this.lastMessages.set(child.id, messages);
      }
    }
  }

  dispose(): void {
    this.ranEmitter.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function* iterate(collection: vscode.TestItemCollection): Generator<vscode.TestItem> {
  const items: vscode.TestItem[] = [];
  collection.forEach((item) => items.push(item));
  yield* items;
}
