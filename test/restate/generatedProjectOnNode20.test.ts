// Specification: a developer with Node 20 on PATH runs the generated Restate
// project exactly as its README says, from a shell: `npm install`, `npm run
// keys`, `npm start`, `npm run register`; the scripts run on the Node 22 the
// project brings from the npm registry (the Restate SDK needs it: on Node 20
// every invocation fails with "Promise.withResolvers is not a function"); the
// service serves the journey,
// registering an already registered URL needs an explicit --force, and the
// README's curl examples (made from the journey) are accepted by the ingress.
// Real npm (packages from the registry), real restate-server, no links to
// this repository's node_modules.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { IDENTITY_DIR, IDENTITY_PRIVATE_FILE, restateProjectFiles } from '../../src/restate/projectGenerator';
import { serviceNames } from '../../src/restate/runtime/serviceNames';
import { freePort, waitForPort } from './support/ports';
import { LocalRestateServer } from './support/restateServer';
import { runtimeBundle } from './support/runtimeBundle';
import { sampleCases } from './support/samples';
import { writeProject } from './support/serviceProcess';

/** A directory holding a Node 20 `node` and `npm` (Debian's /usr/bin on this machine and CI). */
function node20Dir(): string {
  for (const dir of ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(delimiter)]) {
    const node = join(dir, 'node');
    if (!existsSync(node) || !existsSync(join(dir, 'npm'))) continue;
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version.startsWith('v20.')) return dir;
  }
  throw new Error('no Node 20 (node and npm) found on this machine: the README promises Node 20');
}

/** The `curl ... -d '<json>'` bodies of a README code block, in order, with the path each is posted to. */
function curlCalls(readme: string): { path: string; body: string }[] {
  const calls: { path: string; body: string }[] = [];
  const commands = readme.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.startsWith('curl -X POST localhost:8080/'));
  for (const command of commands) {
    const path = /localhost:8080(\/\S+)/.exec(command)![1]!;
    const body = /-d '((?:[^']|'\\'')*)'/.exec(command)![1]!.replace(/'\\''/g, "'");
    calls.push({ path, body });
  }
  return calls;
}

describe('generated Restate project on Node 20, run as its README says', function () {
  this.timeout(600_000);
  const journey = sampleCases().find((s) => s.name === 'mailchimp-vip-welcome')!.journey;
  const dir = mkdtempSync(join(tmpdir(), 'journey-node20-'));
  const bin = node20Dir();
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: [bin, '/usr/bin', '/bin'].join(delimiter), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const key of Object.keys(env)) if (key.startsWith('npm_') && !key.startsWith('npm_config_')) delete env[key];
  const npm = (...args: string[]) => spawnSync(join(bin, 'npm'), args, { cwd: dir, env, encoding: 'utf8', timeout: 300_000 });
  let server: LocalRestateServer | undefined;
  let service: ChildProcess | undefined;
  let port = 0;
  let output = '';

  before(async () => {
    const files = restateProjectFiles({ irs: [compileJourney(journey, { version: 1 })], runtime: await runtimeBundle() });
    writeProject(dir, files, { linkNodeModules: false });
  });

  after(async () => {
    if (service?.pid !== undefined && service.exitCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      process.kill(-service.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await server?.dispose();
    if (!process.env.JOURNEY_KEEP_TEST_FILES) rmSync(dir, { recursive: true, force: true });
  });

  it('has Node 20 on the PATH it runs with', () => {
    const r = spawnSync('node', ['--version'], { env, encoding: 'utf8' });
    assert.match(r.stdout, /^v20\./);
  });

  it('installs with npm install (engines: node >= 20)', () => {
    const r = npm('install');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(existsSync(join(dir, 'node_modules/@restatedev/restate-sdk/package.json')));
    assert.match(spawnSync(join(dir, 'node_modules/.bin/node'), ['--version'], { env, encoding: 'utf8' }).stdout, /^v22\./);
  });

  it('makes its request identity with npm run keys', () => {
    const r = npm('run', 'keys');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(existsSync(join(dir, IDENTITY_DIR, IDENTITY_PRIVATE_FILE)));
  });

  it('starts with npm start, on the Node 22 it brought, and serves on PORT', async () => {
    server = await LocalRestateServer.start({ identityKeyFile: join(dir, IDENTITY_DIR, IDENTITY_PRIVATE_FILE) });
    port = await freePort();
    // Its own process group: npm start runs the service as a child, and stopping
    // npm alone would leave the service running (and this test run waiting on its output).
    service = spawn(join(bin, 'npm'), ['start'], { cwd: dir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    service.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    service.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitForPort(port, 120_000).catch((e: Error) => assert.fail(`${e.message}\n${output}`));
    await new Promise((r) => setTimeout(r, 500));
    assert.match(output, /journey service listening on port \d+ \(Node v22\.\d+\.\d+\)/);
  });

  it('registers with npm run register (force only when asked); the same URL with the same services again is accepted, and --force replaces it', () => {
    const uri = `http://127.0.0.1:${port}`;
    const first = npm('run', 'register', '--', server!.adminUrl, uri);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /Registered http:\/\/127\.0\.0\.1:\d+ as deployment \S+: .*journey\.mailchimp-vip-welcome\.Contact/);
    const again = npm('run', 'register', '--', server!.adminUrl, uri);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    const forced = npm('run', 'register', '--', server!.adminUrl, uri, '--force');
    assert.equal(forced.status, 0, forced.stdout + forced.stderr);
  });

  it('accepts the README\'s examples, which are made from this journey', async () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const calls = curlCalls(readme);
    const names = serviceNames(journey.id);
    assert.ok(calls.some((c) => c.path.endsWith('/upsert')), 'a profile example');
    assert.ok(calls.some((c) => c.path.endsWith('/event/send')), 'an event example');
    for (const call of calls.filter((c) => c.path.startsWith(`/${names.contact}/`))) {
      const response = await fetch(server!.ingressUrl + call.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: call.body, signal: AbortSignal.timeout(30_000) }).catch((e: Error) =>
        assert.fail(`${call.path} ${call.body}: ${e.message}\nthe service said:\n${output}`),
      );
      assert.ok(response.ok, `${call.path} ${call.body}: HTTP ${response.status} ${await response.text()}\nthe service said:\n${output}`);
    }
  });
});
