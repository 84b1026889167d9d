// A child process of the Restate tests that can be killed (SIGKILL, as a
// crash) and started again: each start writes its own log file
// (`<name>-<start>.log` in its folder), and a start fails with that log's
// path if the process exits before it is ready. Used by restate-server
// (restateServer.ts) and the generated journey service (serviceProcess.ts).
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

export class RestartableProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  starts = 0;

  /** `what` names it in errors; its logs go to `logDir`. */
  constructor(
    private readonly what: string,
    private readonly logDir: string,
    private readonly logName: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns it (stdout and stderr to this start's log), then waits for `ready`; rejects if it exits first. */
  async start(command: string, args: readonly string[], options: SpawnOptions, ready: () => Promise<unknown>): Promise<void> {
    this.starts++;
    const logFile = join(this.logDir, `${this.logName}-${this.starts}.log`);
    const log = createWriteStream(logFile);
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const failed = this.exited.then(() => {
      throw new Error(`${this.what} exited while starting; see ${logFile}`);
    });
    await Promise.race([ready(), failed]);
  }

  /** Kills it: SIGKILL by default (a crash), SIGTERM for a clean stop; resolves once it has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await this.exited;
    this.child = undefined;
  }
}
