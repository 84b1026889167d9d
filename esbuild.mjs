// Builds every bundle of the extension: the extension host, the language
// server, the webview app, the `journey` CLI, the web extension (its browser
// builds are in src/build/webBundles.ts) and the test suites; also writes the
// JSON Schema generated from the zod schema.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  target: 'es2022',
  // jsonc-parser and vscode-json-languageservice ship UMD builds that esbuild
  // cannot follow; their ESM builds bundle cleanly.
  mainFields: ['module', 'main'],
};

/** Node bundles: the extension host, the language server, the CLI. */
const nodeBuilds = [
  { entryPoints: { extension: 'src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'language/server.ts' } },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The worker thread of the CLI's sharded replay (src/core/simulator/shardedReplay.ts finds it beside dist/cli.js).
  { entryPoints: { replayShardWorker: 'src/core/simulator/replayShardWorker.ts' } },
  // The worker thread of `journey simulate`'s sharded file read (src/cli/shardedFileReplay.ts finds it beside dist/cli.js).
  { entryPoints: { fileShardWorker: 'src/cli/fileShardWorker.ts' } },
].filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)))
  .map((b) => ({ ...common, ...b, platform: 'node', format: 'cjs', outdir: 'dist' }));

/** The webview's React app runs in the browser. */
const webviewBuilds = existsSync('webview/main.tsx')
  ? [{ ...common, entryPoints: { webview: 'webview/main.tsx' }, platform: 'browser', format: 'iife', outdir: 'dist', jsx: 'automatic', loader: { '.ttf': 'file' } }]
  : [];

/** VS Code for the Web: the extension and its language server in web workers (no Node built-ins: the build fails on one). */
const { WEB_BUNDLES } = await tsImport('./src/build/webBundles.ts', import.meta.url);
const webBuilds = WEB_BUNDLES.map((b) => ({ ...common, ...b }));

/** The mocha suites that run inside a real VS Code extension host. */
const testBuilds = ['test/integration/index', 'test/e2e/index', 'test/restricted/index', 'test/typing/probe']
  .filter((entry) => existsSync(`${entry}.ts`))
  .map((entry) => ({ ...common, entryPoints: { [entry]: `${entry}.ts` }, platform: 'node', format: 'cjs', outdir: 'dist', external: ['vscode', 'mocha'], minify: false }));
const webTestBuilds = existsSync('test/web/index.ts') ? [{ ...common, ...(await tsImport('./test/web/testBundle.ts', import.meta.url)).WEB_TEST_BUNDLE }] : [];

async function writeJsonSchema() {
  if (!existsSync('src/core/schema.ts')) return;
  const mod = await tsImport('./src/core/jsonSchema.ts', import.meta.url);
  await mkdir('dist', { recursive: true });
  await writeFile('dist/journey.schema.json', JSON.stringify(mod.journeyJsonSchema(), null, 2) + '\n');
  await writeFile('dist/timeline.schema.json', JSON.stringify(mod.timelineJsonSchema(), null, 2) + '\n');
  await writeFile('dist/scenario.schema.json', JSON.stringify(mod.scenarioJsonSchema(), null, 2) + '\n');
  if (existsSync('src/core/compiler/irJsonSchema.ts')) await writeFile('dist/journey-ir.schema.json', JSON.stringify((await tsImport('./src/core/compiler/irJsonSchema.ts', import.meta.url)).journeyIrJsonSchema(), null, 2) + '\n');
  console.log('[schema] dist/journey.schema.json, dist/timeline.schema.json, dist/scenario.schema.json');
}

/** The journey runtime that generated Restate projects run, readable, with its source map and declarations (src/restate/runtimeBundle.ts). */
const runtimeBundle = existsSync('src/restate/runtime/index.ts') ? await tsImport('./src/restate/runtimeBundle.ts', import.meta.url) : undefined;
const runtimeBuilds = runtimeBundle ? [{ ...common, ...runtimeBundle.RUNTIME_BUNDLE_BUILD, outdir: 'dist' }] : [];
async function writeRuntimeDeclarations() {
  if (!runtimeBundle) return;
  await mkdir('dist/restate', { recursive: true });
  const { runtimeDeclarations } = await tsImport('./src/build/runtimeDeclarations.ts', import.meta.url);
  await writeFile(`dist/${runtimeBundle.RUNTIME_DECLARATIONS_FILE}`, runtimeDeclarations(process.cwd()));
  console.log(`[declarations] dist/${runtimeBundle.RUNTIME_DECLARATIONS_FILE}`);
}

const all = [...nodeBuilds, ...webviewBuilds, ...webBuilds, ...testBuilds, ...webTestBuilds, ...runtimeBuilds];
await writeJsonSchema();
if (watch) {
  const contexts = await Promise.all(all.map((o) => esbuild.context(o)));
  await Promise.all(contexts.map((c) => c.watch()));
  await writeRuntimeDeclarations();
  console.log('[watch] watching for changes (the runtime declarations are written once, at start)');
} else {
  // esbuild works in its own process while the declarations are generated here.
  const builds = Promise.all(all.map((o) => esbuild.build(o)));
  await writeRuntimeDeclarations();
  await builds;
}
