// The language server is standards-clean for a second, independent LSP
// client: Neovim's built-in one (Debian package `neovim`), headless. On the
// broken samples it shows our diagnostics at the exact text, and it gets a
// definition, a hover and an outline. Skipped, saying so, only when `nvim`
// is not installed.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER } from './lspClient';
import { positionOf, sample } from './support';

const SAMPLES = join(__dirname, '../../../samples');
const SCRIPT = join(__dirname, 'neovim', 'journeyClient.lua');

interface NeovimDiagnostic {
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
  text: string | null;
}
interface NeovimFile {
  path: string;
  published: boolean;
  diagnostics: NeovimDiagnostic[];
  definition?: { uri: string; range: { start: { line: number; character: number } } }[];
  hover?: { contents: { kind: string; value: string } };
  symbols?: { name: string; children?: { name: string }[] }[];
}

function runNeovim(files: { path: string; at?: { line: number; character: number } }[]): Promise<{ files: NeovimFile[]; errors: string[] }> {
  const home = mkdtempSync(join(tmpdir(), 'journey-nvim-'));
  const out = join(home, 'result.json');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_STATE_HOME: join(home, 'state'),
    XDG_CACHE_HOME: join(home, 'cache'),
    JOURNEY_NODE: process.execPath,
    JOURNEY_SERVER: SERVER,
    JOURNEY_FILES: JSON.stringify(files),
    JOURNEY_NVIM_OUT: out,
  };
  return new Promise((resolve, reject) => {
    const nvim = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    nvim.stdout.on('data', (c: Buffer) => (output += c.toString()));
    nvim.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => nvim.kill('SIGKILL'), 60_000);
    nvim.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (!existsSync(out)) throw new Error(`Neovim wrote no result (exit ${code ?? signal}): ${output}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as { files: NeovimFile[]; errors: string[] });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  });
}

describe('the language server with Neovim as the LSP client', function () {
  this.timeout(90_000);
  let result: { files: NeovimFile[]; errors: string[] };

  before(async function () {
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    // `npm test` installs Neovim first (test/harness/systemPackages.mjs): a missing client fails, it is never skipped.
    assert.ok(!probe.error && probe.status === 0, '`nvim` is not installed: install the Debian package `neovim` (`npm test` does it as root)');
    assert.ok(existsSync(SERVER), 'dist/server.js is missing: run `npm run build` first');
    const broken = sample('broken', 'unknown-point-type.journey.json');
    result = await runNeovim([
      { path: join(SAMPLES, 'broken', 'unknown-point-type.journey.json'), at: positionOf(broken, '"next": "p_wait_purchase"', 10) },
      { path: join(SAMPLES, 'broken', 'not-json.journey.json') },
    ]);
  });

  it('shows the misspelt point type at the exact text, with our code, severity and message', () => {
    assert.deepEqual(result.errors, []);
    const [file] = result.files;
    assert.ok(file?.published, 'Neovim received no diagnostics');
    assert.equal(file.diagnostics.length, 1, JSON.stringify(file.diagnostics));
    const [d] = file.diagnostics;
    assert.equal(d!.code, 'schema.unknown-discriminator');
    assert.equal(d!.text, '"sendEmial"');
    assert.equal(d!.severity, 1);
    assert.match(d!.message, /Did you mean "sendEmail"\?/);
    assert.equal(d!.source, 'journey schema');
  });

  it('shows the syntax error of a file that is not valid JSON at the exact place', () => {
    const file = result.files[1];
    assert.ok(file?.published, 'Neovim received no diagnostics');
    const comma = file.diagnostics.find((d) => d.code === 'syntax.CommaExpected');
    assert.ok(comma, JSON.stringify(file.diagnostics));
    assert.equal(comma.text, '"op"');
  });

  it('goes to a definition, hovers and outlines through Neovim', () => {
    const [file] = result.files;
    const broken = sample('broken', 'unknown-point-type.journey.json');
    assert.deepEqual(file?.definition?.map((l) => l.range.start), [positionOf(broken, '"id": "p_wait_purchase"', 6)]);
    assert.match(file?.hover?.contents.value ?? '', /\*\*p_wait_purchase\*\* · Wait for event/);
    assert.deepEqual(file?.symbols?.map((s) => s.name).slice(-2), ['Starting points', 'Points']);
    assert.ok(file?.symbols?.some((s) => s.name === 'Content'), 'the outline lists the content too');
  });
});
