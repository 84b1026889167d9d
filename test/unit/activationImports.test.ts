// Keeps activation fast (issue 7: under 50 ms): what the entries (extension.ts
// on the desktop, extension.web.ts in VS Code for the Web) load
// eagerly must not include the heavy parts, which load on first use through
// dynamic imports. Computed from esbuild's own module graph of the bundle.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '../..');
const HEAVY = [/node_modules\/zod\//, /node_modules\/vscode-languageclient\//, /node_modules\/elkjs\//, /^src\/core\/(schema|validate|timeline)\.ts$/, /^src\/core\/simulator\//, /^src\/restate\//, /^src\/core\/compiler\//, /^src\/core\/semantics\//];

/** The modules evaluated when the bundle loads: static imports from the entry, not dynamic ones. */
function eagerClosure(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (!imported.external && (imported.kind === 'import-statement' || imported.kind === 'require-call')) stack.push(imported.path);
    }
  }
  return seen;
}

describe('activation imports', function () {
  this.timeout(30000);

  for (const [entry, platform] of [['src/extension.ts', 'node'], ['src/extension.web.ts', 'browser']] as const) {
    it(`loads no zod, validator, simulator, exporter or language client when the extension activates (${entry}, ${platform})`, async () => {
      const result = await build({
        absWorkingDir: ROOT,
        entryPoints: [entry],
        bundle: true,
        platform,
        format: 'cjs',
        external: ['vscode'],
        mainFields: ['module', 'main'],
        write: false,
        metafile: true,
        logLevel: 'silent',
        outfile: 'out.js',
      });
      const eager = [...eagerClosure(result.metafile, entry)];
      assert.ok(eager.includes('src/statusBar.ts'), 'the closure is computed');
      const heavy = eager.filter((path) => HEAVY.some((pattern) => pattern.test(path)));
      assert.deepEqual(heavy, [], `loaded at activation: ${heavy.join(', ')}`);
    });
  }
});
