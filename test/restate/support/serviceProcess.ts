// A generated journey service project run as its own process (`node
// src/main.ts`, as `npm start` does), with node_modules linked to this
// repository's (what `npm install` would provide). It can be killed (SIGKILL,
// a crash) and started again on the same port.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../../../src/restate/projectGenerator';
import { waitForPort } from './ports';
import { RestartableProcess } from './restartableProcess';

const REPO_NODE_MODULES = join(__dirname, '../../../node_modules');

/** A Node that runs TypeScript natively (22.18+), as the generated project requires: this one, else the repository's node@22. */
export function node22(): string {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  return major > 22 || (major === 22 && minor >= 18) ? process.execPath : join(REPO_NODE_MODULES, 'node/bin/node');
}

/** Writes the project; its node_modules is this repository's (linked) unless `linkNodeModules` is false (then `npm install` it). */
export function writeProject(dir: string, files: readonly GeneratedFile[], options: { linkNodeModules?: boolean } = {}): void {
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  if (options.linkNodeModules !== false && !existsSync(join(dir, 'node_modules'))) symlinkSync(REPO_NODE_MODULES, join(dir, 'node_modules'), 'dir');
}

export class ServiceProcess {
  private readonly child: RestartableProcess;

  constructor(
    readonly dir: string,
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    this.child = new RestartableProcess('the journey service', dir, 'service');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** How many times the process was started. */
  get starts(): number {
    return this.child.starts;
  }

  start(): Promise<void> {
    const env = { PATH: process.env.PATH ?? '', RESTATE_LOGGING: 'WARN', PORT: String(this.port), HOST: '127.0.0.1', ...this.env };
    return this.child.start(node22(), ['src/main.ts'], { cwd: this.dir, env }, () => waitForPort(this.port, 30_000));
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return this.child.kill(signal);
  }
}
