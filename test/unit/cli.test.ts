// Specification of the `journey` command line: validate prints located
// diagnostics as file:line:col severity message and exits 1 on errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../dist/cli.js');
const SAMPLES = join(__dirname, '../../samples');

function journeyCli(...args: string[]) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('journey CLI', () => {
  it('validates every sample journey with exit code 0', () => {
    const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json')).map((f) => join(SAMPLES, f));
    assert.ok(samples.length >= 5, `expected the five seed samples, found ${samples.length}`);
    const { code, stdout } = journeyCli('validate', ...samples);
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`${samples.length} files checked: 0 errors`));
  });

  it('exits 1 on a broken journey and prints file:line:col severity message [code]', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
    const file = join(dir, 'broken.journey.json');
    writeFileSync(file, '{\n  "formatVersion": 1,\n  "id": "j",\n  "name": "Broken",\n  "kind": "trigger",\n  "startingPoints": [],\n  "points": [ { "id": "p", "type": "sendEmial" } ]\n}\n');
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:36 error "sendEmial" is not a valid type .*Did you mean "sendEmail"\\?.* \\[schema\\.unknown-discriminator\\]$`, 'm'));
  });

  it('exits 1 with a located syntax error for text that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-cli-'));
    const file = join(dir, 'syntax.journey.json');
    writeFileSync(file, '{\n  "formatVersion": 1\n  "id": "j"\n}\n');
    const { code, stdout } = journeyCli('validate', file);
    assert.equal(code, 1);
    assert.match(stdout, /syntax\.journey\.json:3:3 error A comma is expected between items\. \[syntax\.CommaExpected\]/);
  });

  it('exits 1 and names the file when it cannot be read', () => {
    const { code, stdout } = journeyCli('validate', '/nonexistent/x.journey.json');
    assert.equal(code, 1);
    assert.match(stdout, /^\/nonexistent\/x\.journey\.json:1:1 error cannot read the file: ENOENT/m);
  });

  it('refuses to run without a file, with usage on stderr and exit 2', () => {
    const { code, stderr } = journeyCli('validate');
    assert.equal(code, 2);
    assert.match(stderr, /name at least one/);
  });
});
