// The integration entry loads every suite of test/integration: a suite that
// is written but not listed would silently never run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('integration suite index', () => {
  it('lists every test/integration/*.test.ts file', () => {
    const dir = join(__dirname, '../integration');
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
    assert.ok(files.length >= 3);
    for (const file of files) assert.ok(index.includes(`'${file}': () => import('./${file.replace(/\.ts$/, '')}')`), `${file} is not listed in test/integration/index.ts`);
  });
});
