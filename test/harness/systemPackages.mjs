// The Debian packages the real-VS Code harness needs: Chromium to drive the
// workbench, ripgrep for code-server's search, Kerberos headers and
// pkg-config to build code-server's native modules, Neovim as a second LSP
// client. Installs the missing ones with apt-get when running as root;
// otherwise says exactly what to install.
import { spawnSync } from 'node:child_process';

export const SYSTEM_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config', 'neovim'];

function installed(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let checked = false;

export function ensureSystemPackages(packages = SYSTEM_PACKAGES) {
  if (checked) return;
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) {
    checked = true;
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  console.log(`[system] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) throw new Error('apt-get update failed');
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (install.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
  checked = true;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) ensureSystemPackages();
