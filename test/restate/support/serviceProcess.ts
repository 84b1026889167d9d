// A generated journey service project run as its own process (`node
// src/main.ts`, as `npm start` does), with node_modules linked to this
// repository's (what `npm install` would provide). It can be killed (SIGKILL,
// a crash) and started again on the same port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../../../src/restate/projectGenerator';
import { waitForPort } from './ports';

const REPO_NODE_MODULES = join(__dirname, '../../../node_modules');

/** A Node that runs TypeScript natively (22.18+), as the generated project requires: this one, else the repository's node@22. */
export function node22(): string {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  return major > 22 || (major === 22 && minor >= 18) ? process.execPath : join(REPO_NODE_MODULES, 'node/bin/node');
}

export function writeProject(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(REPO_NODE_MODULES, join(dir, 'node_modules'), 'dir');
}

export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  starts = 0;

  constructor(
    readonly dir: string,
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.starts++;
    const log = createWriteStream(join(this.dir, `service-${this.starts}.log`));
    const child = spawn(node22(), ['src/main.ts'], {
      cwd: this.dir,
      env: { PATH: process.env.PATH ?? '', RESTATE_LOGGING: 'WARN', PORT: String(this.port), HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const failed = this.exited.then(() => {
      throw new Error(`the journey service exited while starting; see ${join(this.dir, `service-${this.starts}.log`)}`);
    });
    await Promise.race([waitForPort(this.port, 30_000), failed]);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await this.exited;
    this.child = undefined;
  }
}
