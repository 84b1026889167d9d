// Specification of the generated Restate project: a TypeScript project for
// Node 20 that type-checks as written (against the runtime's declarations,
// generated from its sources), whose declarations match the runtime's real
// API, whose runtime is readable (not minified, with its source map), loads
// and exports that API, and which serves every published version it is given.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { restateProjectFiles } from '../../src/restate/projectGenerator';
import { PLACEHOLDER_RUNTIME, runtimeBundle } from './support/runtimeBundle';
import { sampleCases } from './support/samples';
import { node22, writeProject } from './support/serviceProcess';

const ROOT = join(__dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

describe('generated Restate project', function () {
  this.timeout(120_000);
  const journey = sampleCases().find((s) => s.name === 'mailchimp-vip-welcome')!.journey;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'journey-project-'));
    const irs = [compileJourney(journey, { version: 1 }), compileJourney({ ...journey, version: 2 }, { version: 2 })];
    writeProject(dir, restateProjectFiles({ irs, runtime: await runtimeBundle() }));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a TypeScript project that npm installs with Node 20 and whose scripts run on the Node 22 it brings from the registry, serving every version it was given', () => {
    const files = restateProjectFiles({ irs: [compileJourney(journey)], runtime: PLACEHOLDER_RUNTIME });
    const pkg = JSON.parse(files.find((f) => f.path === 'package.json')!.content) as { dependencies: Record<string, string>; scripts: Record<string, string>; type: string; engines: { node: string } };
    assert.match(pkg.dependencies['@restatedev/restate-sdk']!, /1\.17/);
    assert.equal(pkg.engines.node, '>=20');
    assert.equal(pkg.scripts.start, 'node --enable-source-maps src/main.ts');
    assert.match((pkg as unknown as { devDependencies: Record<string, string> }).devDependencies.node!, /^\^22\./, 'Node 22 from the registry runs the scripts');
    assert.equal(pkg.type, 'module');
    assert.deepEqual(
      files.map((f) => f.path).filter((p) => p.startsWith('journeys/')),
      ['journeys/mailchimp-vip-welcome.v1.ir.json'],
    );
    const readme = files.find((f) => f.path === 'README.md')!.content;
    for (const name of ['journey.mailchimp-vip-welcome.Contact', 'journey.mailchimp-vip-welcome.Stay', 'journey.mailchimp-vip-welcome.Stats']) assert.ok(readme.includes(name), `README names ${name}`);
  });

  it('type-checks as generated (tsc --noEmit with its own tsconfig)', () => {
    const r = spawnSync(node22(), [TSC, '--noEmit', '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('declares exactly the runtime\'s real API (the declarations and src/restate/runtime agree both ways)', () => {
    const check = join(dir, 'runtime', 'declarations-check.ts');
    const real = join(ROOT, 'src/restate/runtime/index');
    writeFileSync(
      check,
      `import type * as D from './journey-runtime.mjs';
import type * as R from ${JSON.stringify(real)};
declare const r: typeof R;
declare const d: typeof D;
export const fromReal: [typeof D.serveJourneys, typeof D.readIrDirectory, typeof D.configFromEnvironment, typeof D.resolveRuntimeConfig, typeof D.httpChannels, typeof D.loggingChannels, typeof D.recordingChannels, typeof D.serviceNames, typeof D.createRequestIdentity, typeof D.identityKeysFromEnvironment] =
  [r.serveJourneys, r.readIrDirectory, r.configFromEnvironment, r.resolveRuntimeConfig, r.httpChannels, r.loggingChannels, r.recordingChannels, r.serviceNames, r.createRequestIdentity, r.identityKeysFromEnvironment];
export const toReal: [R.ChannelAdapters, R.OutboundMessage, R.WebhookCall, R.RuntimeConfig, R.RequestIdentity] = [{} as D.ChannelAdapters, {} as D.OutboundMessage, {} as D.WebhookCall, {} as D.RuntimeConfig, {} as D.RequestIdentity];
export const fromRealData: [D.ChannelAdapters, D.OutboundMessage, D.WebhookCall, D.RuntimeConfig, D.RequestIdentity] = [{} as R.ChannelAdapters, {} as R.OutboundMessage, {} as R.WebhookCall, {} as R.RuntimeConfig, {} as R.RequestIdentity];
export const used = d;
`,
    );
    const tsconfig = join(dir, 'runtime', 'tsconfig.check.json');
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] }, files: [check] }));
    const r = spawnSync(node22(), [TSC, '-p', tsconfig], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('ships the runtime readable: not minified, with a source map holding the original sources, and declarations generated from them', async () => {
    const runtime = await runtimeBundle();
    const code = runtime.code.split('\n');
    const long = code.filter((l) => l.length > 200);
    assert.ok(code.length > 1000 && long.length < code.length / 200, `one statement a line, not minified (${long.length} of ${code.length} lines over 200 characters)`);
    assert.match(runtime.code, /\/\/# sourceMappingURL=journey-runtime\.mjs\.map\s*$/);
    const map = JSON.parse(runtime.sourceMap) as { sources: string[]; sourcesContent: string[] };
    const index = map.sources.findIndex((s) => s.endsWith('src/restate/runtime/index.ts'));
    assert.ok(index >= 0, 'the map names the runtime\'s sources');
    assert.equal(map.sourcesContent[index], readFileSync(join(ROOT, 'src/restate/runtime/index.ts'), 'utf8'));
    for (const name of ['serveJourneys', 'readIrDirectory', 'configFromEnvironment', 'httpChannels', 'callWebhooks', 'createRequestIdentity']) assert.match(runtime.declarations, new RegExp(`export declare function ${name}\\b`));
    assert.ok(!existsSync(join(ROOT, 'src/restate/runtimeDeclarations.ts')), 'no hand-kept declarations');
  });

  it('its bundled runtime loads in Node and exports the declared functions', async () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'runtime/journey-runtime.mjs')).href)});
console.log(JSON.stringify(Object.fromEntries(['serveJourneys','readIrDirectory','configFromEnvironment','resolveRuntimeConfig','httpChannels','loggingChannels','recordingChannels','serviceNames','createRequestIdentity','identityKeysFromEnvironment'].map((k) => [k, typeof m[k]]))));
console.log(JSON.stringify(m.readIrDirectory(${JSON.stringify(join(dir, 'journeys'))}).map((ir) => ir.journey.version)));`;
    const r = spawnSync(node22(), ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [exportsLine, versionsLine] = r.stdout.trim().split('\n');
    assert.ok(Object.values(JSON.parse(exportsLine!) as Record<string, string>).every((t) => t === 'function'), exportsLine);
    assert.deepEqual(JSON.parse(versionsLine!), [1, 2]);
  });
});
