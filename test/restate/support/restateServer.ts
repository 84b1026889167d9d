// A local restate-server for the tests and the benchmark: the binary from
// the npm package, on 127.0.0.1 only, with ingress, admin and node-to-node
// (fabric) ports chosen at run time, a fresh temporary base directory,
// telemetry off (it never reaches the internet), TCP only; given a request
// identity private key, it signs every request it sends to services. It can be killed
// (SIGKILL, as a crash) and started again on the same directory and ports.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntilHealthy } from '../../../src/restate/adminClient';
import { IDENTITY_SERVER_ENV } from '../../../src/restate/projectGenerator';
import { freePorts, waitForPort } from './ports';
import { RestartableProcess } from './restartableProcess';

export const RESTATE_SERVER_BINARY = join(__dirname, '../../../node_modules/@restatedev/restate-server-linux-x64/bin/restate-server');

export class LocalRestateServer {
  readonly baseDir: string;
  private readonly child: RestartableProcess;

  private constructor(
    readonly ingressPort: number,
    readonly adminPort: number,
    readonly fabricPort: number,
    readonly partitions: number,
    /** The PEM file of the request identity private key it signs requests with, if any. */
    readonly identityKeyFile: string | undefined,
  ) {
    this.baseDir = mkdtempSync(join(tmpdir(), 'journey-restate-'));
    this.child = new RestartableProcess('restate-server', this.baseDir, 'server');
  }

  static async start(options: { partitions?: number; identityKeyFile?: string } = {}): Promise<LocalRestateServer> {
    if (!existsSync(RESTATE_SERVER_BINARY)) throw new Error(`restate-server is not installed at ${RESTATE_SERVER_BINARY}`);
    const [ingress, admin, fabric] = await freePorts(3);
    const server = new LocalRestateServer(ingress!, admin!, fabric!, options.partitions ?? 4, options.identityKeyFile);
    await server.boot();
    return server;
  }

  get ingressUrl(): string {
    return `http://127.0.0.1:${this.ingressPort}`;
  }

  get adminUrl(): string {
    return `http://127.0.0.1:${this.adminPort}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** How many times the process was started. */
  get starts(): number {
    return this.child.starts;
  }

  /** Starts the process (again) on the same directory and ports; resolves when admin and ingress answer. */
  async boot(): Promise<void> {
    const args = ['--base-dir', join(this.baseDir, 'data'), '--node-name', 'journey-test', '--no-logo'];
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: this.baseDir,
      RESTATE_LISTEN_MODE: 'tcp',
      RESTATE_BIND_ADDRESS: `127.0.0.1:${this.fabricPort}`,
      RESTATE_ADVERTISED_ADDRESS: `http://127.0.0.1:${this.fabricPort}/`,
      RESTATE_INGRESS__BIND_ADDRESS: `127.0.0.1:${this.ingressPort}`,
      RESTATE_INGRESS__ADVERTISED_INGRESS_ENDPOINT: `http://127.0.0.1:${this.ingressPort}/`,
      RESTATE_ADMIN__BIND_ADDRESS: `127.0.0.1:${this.adminPort}`,
      RESTATE_ADMIN__ADVERTISED_ADMIN_ENDPOINT: `http://127.0.0.1:${this.adminPort}/`,
      RESTATE_DISABLE_TELEMETRY: 'true',
      RESTATE_ADMIN__DISABLE_WEB_UI: 'true',
      RESTATE_DEFAULT_NUM_PARTITIONS: String(this.partitions),
      RESTATE_LOG_FILTER: 'warn',
      RESTATE_LOG_DISABLE_ANSI_CODES: 'true',
      RESTATE_ROCKSDB_TOTAL_MEMORY_SIZE: '512 MiB',
      ...(this.identityKeyFile ? { [IDENTITY_SERVER_ENV]: this.identityKeyFile } : {}),
    };
    await this.child.start(RESTATE_SERVER_BINARY, args, { env }, async () => {
      await Promise.all([waitUntilHealthy(this.adminUrl, 60_000), waitForPort(this.ingressPort, 60_000)]);
      await this.ingressHealthy(60_000);
    });
  }

  private async ingressHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const r = await fetch(`${this.ingressUrl}/restate/health`, { signal: AbortSignal.timeout(1000) });
        if (r.ok) return;
      } catch {
        // not yet
      }
      if (Date.now() > deadline) throw new Error(`restate ingress not healthy after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Kills the server: SIGKILL by default (a crash), SIGTERM for a clean stop. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return this.child.kill(signal);
  }

  async restart(): Promise<void> {
    await this.kill('SIGKILL');
    await this.boot();
  }

  /** Stops the server and removes its directory. */
  async dispose(): Promise<void> {
    await this.kill('SIGTERM');
    if (!process.env.JOURNEY_KEEP_TEST_FILES) rmSync(this.baseDir, { recursive: true, force: true });
  }
}
