// A Restate cluster on loopback for the tests: three restate-server nodes,
// each with its own ports and data folder, that provision one cluster (the
// first node auto-provisions it) with replicated metadata and logs, a fixed
// number of partitions and a replication factor. Nodes can be killed (a
// crash). `restatectl` (from the npm registry) says which node leads which
// partition.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitUntilHealthy } from '../../../src/restate/adminClient';
import { IDENTITY_SERVER_ENV } from '../../../src/restate/projectGenerator';
import { freePorts, waitForPort } from './ports';
import { RestartableProcess } from './restartableProcess';
import { RESTATE_SERVER_BINARY } from './restateServer';

const RESTATECTL = join(__dirname, '../../../node_modules/@restatedev/restatectl-linux-x64/bin/restatectl');

export interface ClusterNode {
  readonly name: string;
  readonly fabricUrl: string;
  readonly ingressUrl: string;
  readonly adminUrl: string;
  readonly process: RestartableProcess;
  alive: boolean;
}

export class LocalRestateCluster {
  private constructor(
    readonly baseDir: string,
    readonly nodes: ClusterNode[],
  ) {}

  static async start(options: { nodes?: number; partitions: number; replication: number; identityKeyFile?: string }): Promise<LocalRestateCluster> {
    const count = options.nodes ?? 3;
    const baseDir = mkdtempSync(join(tmpdir(), 'journey-cluster-'));
    const ports = await freePorts(count * 3);
    const fabric = (i: number) => `http://127.0.0.1:${ports[i * 3]}/`;
    const nodes: ClusterNode[] = [];
    for (let i = 0; i < count; i++) {
      const name = `node-${i + 1}`;
      const dir = join(baseDir, name);
      mkdirSync(dir, { recursive: true });
      const [fabricPort, ingressPort, adminPort] = [ports[i * 3]!, ports[i * 3 + 1]!, ports[i * 3 + 2]!];
      // Restate's cluster settings (docs.restate.dev, "Cluster deployment").
      writeFileSync(
        join(dir, 'restate.toml'),
        [
          `node-name = "${name}"`,
          'cluster-name = "journey-test"',
          `auto-provision = ${i === 0}`,
          `default-num-partitions = ${options.partitions}`,
          `default-replication = ${options.replication}`,
          'listen-mode = "tcp"',
          `bind-address = "127.0.0.1:${fabricPort}"`,
          `advertised-address = "${fabric(i)}"`,
          `base-dir = "${join(dir, 'data')}"`,
          'rocksdb-total-memory-size = "256 MiB"',
          '',
          '[metadata-client]',
          `addresses = [${Array.from({ length: count }, (_, j) => `"${fabric(j)}"`).join(', ')}]`,
          '',
          '[bifrost]',
          'default-provider = "replicated"',
          '',
          '[admin]',
          `bind-address = "127.0.0.1:${adminPort}"`,
          'disable-web-ui = true',
          '',
          '[ingress]',
          `bind-address = "127.0.0.1:${ingressPort}"`,
          `advertised-ingress-endpoint = "http://127.0.0.1:${ingressPort}/"`,
          '',
        ].join('\n'),
      );
      nodes.push({ name, fabricUrl: fabric(i), ingressUrl: `http://127.0.0.1:${ingressPort}`, adminUrl: `http://127.0.0.1:${adminPort}`, process: new RestartableProcess(`restate-server ${name}`, dir, 'server'), alive: false });
    }
    const cluster = new LocalRestateCluster(baseDir, nodes);
    try {
      await Promise.all(
        nodes.map(async (node) => {
          const env = {
            PATH: process.env.PATH ?? '',
            HOME: baseDir,
            RESTATE_DISABLE_TELEMETRY: 'true',
            RESTATE_LOG_FILTER: 'warn',
            RESTATE_LOG_DISABLE_ANSI_CODES: 'true',
            ...(options.identityKeyFile ? { [IDENTITY_SERVER_ENV]: options.identityKeyFile } : {}),
          };
          await node.process.start(RESTATE_SERVER_BINARY, ['--no-logo', '--config-file', join(baseDir, node.name, 'restate.toml')], { env }, async () => {
            await waitUntilHealthy(node.adminUrl, 120_000);
            await waitForPort(Number(new URL(node.ingressUrl).port), 120_000);
          });
          node.alive = true;
        }),
      );
      await cluster.waitForLeaders(options.partitions, 120_000);
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
    return cluster;
  }

  /** Partition leaders by node name, from `restatectl partitions list` asked of a live node. */
  async leaders(): Promise<Map<string, number[]>> {
    const asked = this.nodes.find((n) => n.alive)!;
    const run = (args: string[]) => promisify(execFile)(RESTATECTL, ['--address', asked.fabricUrl, ...args], { encoding: 'utf8', timeout: 30_000 });
    const [{ stdout: status }, { stdout: partitions }] = await Promise.all([run(['status']), run(['partitions', 'list'])]);
    // NODE-ID (N2:1) → name (node-2), from the status table.
    const names = new Map<string, string>();
    for (const m of status.matchAll(/^\s*(N\d+):\d+\s+(node-\d+)\s/gm)) names.set(m[1]!, m[2]!);
    const leaders = new Map<string, number[]>();
    for (const m of partitions.matchAll(/^\s*(\d+)\s+(N\d+):\d+\s+Leader\s/gm)) {
      const name = names.get(m[2]!) ?? m[2]!;
      leaders.set(name, [...(leaders.get(name) ?? []), Number(m[1])]);
    }
    return leaders;
  }

  private async waitForLeaders(partitions: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const led = await this.leaders().catch(() => new Map<string, number[]>());
      if ([...led.values()].reduce((n, list) => n + list.length, 0) >= partitions) return;
      if (Date.now() > deadline) throw new Error(`the cluster has no leader for every one of its ${partitions} partitions after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  node(name: string): ClusterNode {
    return this.nodes.find((n) => n.name === name)!;
  }

  /** Kills a node: SIGKILL, a crash. */
  async kill(name: string): Promise<void> {
    const node = this.node(name);
    await node.process.kill('SIGKILL');
    node.alive = false;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.process.kill('SIGTERM')));
    if (!process.env.JOURNEY_KEEP_TEST_FILES) rmSync(this.baseDir, { recursive: true, force: true });
  }
}
