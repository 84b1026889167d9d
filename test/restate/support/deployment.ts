// A journey deployed for a test: the generated Restate project written to a
// temporary folder, its request identity made with its own `npm run keys`,
// run as its own process (sends go to a recording server outside it),
// registered with a local restate-server that signs its requests with that
// identity, through the admin API (POST /deployments), called through the
// ingress.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyIr } from '../../../src/core/compiler/irSchema';
import { registerDeployment, type RegisteredDeployment } from '../../../src/restate/adminClient';
import { IDENTITY_DIR, IDENTITY_PRIVATE_FILE, restateProjectFiles } from '../../../src/restate/projectGenerator';
import type { JourneySettingsInput, RuntimeConfigFile } from '../../../src/restate/runtime/runtimeConfig';
import { freePort } from './ports';
import { RecordingServer } from './recordingServer';
import { LocalRestateServer } from './restateServer';
import { runtimeBundle } from './runtimeBundle';
import { node22, ServiceProcess, writeProject } from './serviceProcess';

export interface DeployOptions {
  irs: readonly JourneyIr[];
  /**
   * Runtime settings per journey id, given the wall instant at which the
   * journeys can start (restate-server up, a few seconds ahead). Without
   * them the service runs on the project's own journey-runtime.config.json,
   * as `npm start` does.
   */
  settings?: (wallStart: number) => Record<string, JourneySettingsInput>;
  /** How long after restate-server is up the journeys start (the service must be started and registered by then). */
  startDelayMs?: number;
  settleMs?: number;
  partitions?: number;
}

/** What a deployment needs of Restate: one admin API and one ingress (a server, or chosen nodes of a cluster). */
export interface RestateEndpoints {
  readonly adminUrl: string;
  readonly ingressUrl: string;
  dispose(): Promise<void>;
}

export class TestDeployment<S extends RestateEndpoints = LocalRestateServer> {
  private constructor(
    readonly server: S,
    readonly recorder: RecordingServer,
    readonly service: ServiceProcess,
    readonly projectDir: string,
    readonly registered: RegisteredDeployment,
    /** The wall instant the settings were made for. */
    readonly wallStart: number,
  ) {}

  static start(options: DeployOptions): Promise<TestDeployment> {
    return TestDeployment.startWith(options, (identityKeyFile) => LocalRestateServer.start({ partitions: options.partitions ?? 4, identityKeyFile }));
  }

  /** Deploys on the Restate that `startRestate` starts, signing with the project's request identity (its private key file). */
  static async startWith<S extends RestateEndpoints>(options: DeployOptions, startRestate: (identityKeyFile: string) => Promise<S>): Promise<TestDeployment<S>> {
    const [bundle, recorder] = await Promise.all([runtimeBundle(), RecordingServer.start()]);
    const projectDir = mkdtempSync(join(tmpdir(), 'journey-service-'));
    writeProject(projectDir, restateProjectFiles({ irs: options.irs, runtime: bundle }));
    let server: S | undefined;
    try {
      server = await startRestate(makeProjectKeys(projectDir));
      return await TestDeployment.deploy(options, server, recorder, projectDir);
    } catch (error) {
      await server?.dispose();
      await recorder.close();
      throw error;
    }
  }

  private static async deploy<S extends RestateEndpoints>(options: DeployOptions, server: S, recorder: RecordingServer, projectDir: string): Promise<TestDeployment<S>> {
    const wallStart = Date.now() + (options.startDelayMs ?? 4_000);
    const env: Record<string, string> = { JOURNEY_CHANNEL_URL: recorder.url, RESTATE_ADMIN_URL: server.adminUrl };
    if (options.settings) {
      const config: RuntimeConfigFile = {
        settleMs: options.settleMs ?? 250,
        adminUrls: [server.adminUrl],
        retry: { initialIntervalMs: 50, maxIntervalMs: 500 },
        journeys: options.settings(wallStart),
      };
      writeFileSync(join(projectDir, 'test-runtime.config.json'), JSON.stringify(config, null, 2));
      env.JOURNEY_RUNTIME_CONFIG = join(projectDir, 'test-runtime.config.json');
    }
    const service = new ServiceProcess(projectDir, await freePort(), env);
    await service.start();
    try {
      const registered = await registerDeployment(server.adminUrl, service.url);
      if (options.settings && Date.now() > wallStart - 300) throw new Error(`starting the journey service took too long: the journeys were to start ${Date.now() - wallStart} ms ago`);
      return new TestDeployment(server, recorder, service, projectDir, registered, wallStart);
    } catch (error) {
      await service.kill();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.service.kill('SIGTERM');
    await this.server.dispose();
    await this.recorder.close();
    if (!process.env.JOURNEY_KEEP_TEST_FILES) rmSync(this.projectDir, { recursive: true, force: true });
  }
}

/** Runs the project's `npm run keys` (node src/keys.ts); returns the private key file for restate-server. */
export function makeProjectKeys(projectDir: string): string {
  const r = spawnSync(node22(), ['src/keys.ts'], { cwd: projectDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run keys failed in ${projectDir}: ${r.stdout}${r.stderr}`);
  return join(projectDir, IDENTITY_DIR, IDENTITY_PRIVATE_FILE);
}
