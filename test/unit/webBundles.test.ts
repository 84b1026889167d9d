// The bundles that run in VS Code for the Web (the extension in the web
// worker extension host, its language server in a nested worker) must not
// import any Node built-in: checked on esbuild's own module graph of the
// exact builds esbuild.mjs makes, and the build guard itself is checked to
// fail on one.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { isNodeBuiltin, noNodeBuiltins } from '../../src/build/noNodeBuiltins';
import { WEB_BUNDLES } from '../../src/build/webBundles';

const ROOT = join(__dirname, '../..');
/** Modules that only make sense in Node: the CLI, the Restate publisher and runtime, the Node entries and transports. */
const NODE_ONLY = [
  /^src\/cli\//,
  /^src\/restate\/(?!runtimeBundleFile\.ts$)/,
  /^src\/(extension|languageClient|publishFromEditor)\.ts$/,
  /^language\/server\.ts$/,
  /node_modules\/vscode-(languageclient|languageserver|languageserver-protocol|jsonrpc)\/lib\/node\//,
];

async function metafileOf(options: BuildOptions): Promise<Metafile> {
  const result = await build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent', sourcemap: false });
  return result.metafile!;
}

describe('web bundles', function () {
  this.timeout(60000);

  for (const options of WEB_BUNDLES) {
    const [name, entry] = Object.entries(options.entryPoints as Record<string, string>)[0]!;

    it(`dist/${name}.js (${entry}) imports no Node built-in and nothing outside the bundle but vscode`, async () => {
      const metafile = await metafileOf(options);
      assert.ok(Object.keys(metafile.inputs).includes(entry), 'the module graph is computed');
      const imported = Object.values(metafile.inputs).flatMap((input) => input.imports).map((i) => i.path);
      assert.deepEqual(imported.filter(isNodeBuiltin), []);
      // What the written bundle still imports at run time (TypeScript imports of types only are dropped).
      const external = [...new Set(Object.values(metafile.outputs).flatMap((output) => output.imports).filter((i) => i.external).map((i) => i.path))];
      assert.deepEqual(external.filter((path) => path !== 'vscode'), []);
      const nodeOnly = Object.keys(metafile.inputs).filter((path) => NODE_ONLY.some((pattern) => pattern.test(path)));
      assert.deepEqual(nodeOnly, [], 'no Node-only module');
    });
  }

  it('the build fails, naming the importer, when a web bundle imports a Node built-in', async () => {
    for (const specifier of ['node:fs', 'child_process', 'fs/promises']) {
      await assert.rejects(
        build({ stdin: { contents: `import * as m from '${specifier}'; console.log(m);`, sourcefile: 'sneaky.ts', resolveDir: ROOT }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [noNodeBuiltins] }),
        (error: Error) => error.message.includes(`"${specifier}" is a Node built-in, imported by ${join(ROOT, 'sneaky.ts')}`),
        specifier,
      );
    }
  });
});
