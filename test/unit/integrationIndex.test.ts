// Each in-editor test entry (test/integration, test/web, test/restricted)
// loads every suite of its folder: a suite that is written but not listed
// would silently never run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('in-editor suite indexes', () => {
  for (const folder of ['integration', 'web', 'restricted']) {
    it(`test/${folder}/index.ts lists every test/${folder}/*.test.ts file`, () => {
      const dir = join(__dirname, '..', folder);
      const index = readFileSync(join(dir, 'index.ts'), 'utf8');
      const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
      assert.ok(files.length >= 1);
      for (const file of files) assert.ok(index.includes(`'${file}': () => import('./${file.replace(/\.ts$/, '')}')`), `${file} is not listed in test/${folder}/index.ts`);
    });
  }
});
