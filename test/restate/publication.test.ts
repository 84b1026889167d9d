// Specification of publishing (R21, R22): the gate refuses, listing every
// reason at its exact place, while the journey has errors or sends content
// that is not ready; publishing writes the compiled journey and its Restate
// project and freezes the version with a minimal edit of the journey file;
// a frozen version that was changed is refused; a new version is published
// beside the old ones, which the Restate project keeps serving.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journeyLogicHash } from '../../src/core/journeyHash';
import { planPublication } from '../../src/core/compiler/publishPlan';
import { JourneyIr } from '../../src/core/compiler/irSchema';
import { Journey } from '../../src/core/schema';
import { LineIndex } from '../../src/core/textPosition';
import { validateJourneyText } from '../../src/core/validate';
import { publishJourney, type PublishFs } from '../../src/restate/publishJourney';
import { runtimeBundle, writeRuntimeFiles } from './support/runtimeBundle';
import { SAMPLES_DIR } from './support/samples';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const ROOT = join(__dirname, '../..');
const sampleText = () => readFileSync(join(SAMPLES_DIR, 'mailchimp-vip-welcome.journey.json'), 'utf8');

/** The text with `from` replaced by `to` (exactly once). */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the text contains ${from}`);
  return text.replace(from, to);
}

function memoryFs(files = new Map<string, string>()): PublishFs & { files: Map<string, string> } {
  return {
    files,
    async list(dir) {
      const prefix = `${dir}/`;
      return [...new Set([...files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!))];
    },
    async read(path) {
      return files.get(path);
    },
    async write(path, content) {
      files.set(path, content);
    },
  };
}

const at = (text: string, offset: number) => {
  const { line, character } = new LineIndex(text).positionAt(offset);
  return `${line + 1}:${character + 1}`;
};

describe('publishing: the gate (R21, R22)', () => {
  it('R21 refuses while sent content is not ready, one reason per send, each at the point\'s content', () => {
    let text = edit(sampleText(), '"status": "ready",\n      "list": "main_audience",\n      "links": [\n        "vip-benefits"', '"status": "draft",\n      "list": "main_audience",\n      "links": [\n        "vip-benefits"');
    text = edit(text, '"content": "vip_brand_story_email"', '"content": "vip_story_v2"');
    const plan = planPublication(text, { now: NOW });
    assert.equal(plan.ok, false);
    const reasons = plan.ok ? [] : plan.reasons;
    const byCode = (code: string) => reasons.filter((r) => r.code === code);
    assert.equal(byCode('R21.content-not-ready').length, 1);
    const notReady = byCode('R21.content-not-ready')[0]!;
    assert.deepEqual(notReady.path, ['points', 0, 'content']);
    assert.equal(text.slice(notReady.offset, notReady.offset + notReady.length), '"vip_welcome_email"');
    assert.match(notReady.message, /vip_welcome_email.*draft/);
    const undeclared = reasons.find((r) => text.slice(r.offset, r.offset + r.length) === '"vip_story_v2"');
    assert.ok(undeclared, `the undeclared content is a reason, at its reference: ${JSON.stringify(reasons.map((r) => r.code))}`);
    assert.ok(reasons.every((r) => /^\d+:\d+$/.test(at(text, r.offset))));
  });

  it('R21 refuses a journey with errors, listing every error with its place (the validator\'s diagnostics)', () => {
    const text = edit(sampleText(), '"next": "p_tag_welcomed"', '"next": "p_tag_welcomd"');
    const plan = planPublication(text, { now: NOW });
    assert.equal(plan.ok, false);
    const errors = validateJourneyText(text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.length > 0);
    const reasons = plan.ok ? [] : plan.reasons;
    for (const e of errors) assert.ok(reasons.some((r) => r.code === e.code && r.offset === e.offset), `reason ${e.code} at ${at(text, e.offset)}`);
    assert.ok(reasons.some((r) => r.code === 'R4.dangling-reference' && text.slice(r.offset, r.offset + r.length) === '"p_tag_welcomd"'));
  });

  it('R21 refuses text that is not even JSON, at the syntax error', () => {
    const plan = planPublication('{\n  "formatVersion": 1\n  "id": "x"\n}', { now: NOW });
    assert.equal(plan.ok, false);
    assert.equal(plan.ok ? '' : at('{\n  "formatVersion": 1\n  "id": "x"\n}', plan.reasons[0]!.offset), '3:3');
  });

  it('R22 publishing freezes the version with a minimal edit: status "published" and the publication record, nothing else', () => {
    const text = sampleText();
    const plan = planPublication(text, { now: NOW });
    assert.ok(plan.ok, plan.ok ? '' : JSON.stringify(plan.reasons));
    const published = Journey.parse(JSON.parse(plan.text));
    assert.equal(published.status, 'published');
    assert.deepEqual(published.publication, { version: 1, publishedAt: NOW.toISOString(), hash: journeyLogicHash(Journey.parse(JSON.parse(text))) });
    // Only the status value changed and the publication block was inserted after it: all else is byte-identical.
    const status = text.indexOf('"status": "draft"');
    assert.ok(plan.edits.every((e) => e.offset >= status && e.offset + e.length <= status + '"status": "draft"'.length));
    assert.equal(plan.text.slice(0, status), text.slice(0, status));
    assert.equal(plan.text.slice(plan.text.length - (text.length - status - '"status": "draft"'.length)), text.slice(status + '"status": "draft"'.length));
    const { publication: _p, status: _s, ...restAfter } = JSON.parse(plan.text) as Record<string, unknown>;
    const { status: _s0, ...restBefore } = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(restAfter, restBefore);
    assert.match(plan.text, /"status": "published",\n  "publication": \{\n    "version": 1,\n    "publishedAt": "2026-11-23T09:00:00.000Z",\n    "hash": "fnv1a64:[0-9a-f]{16}"\n  \},\n  "settings"/);
    assert.deepEqual(validateJourneyText(plan.text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error'), [], 'the published file is valid');
    assert.equal(plan.ir.journey.version, 1);
    assert.equal(plan.ir.journey.hash, published.publication!.hash);
  });

  it('R22 publishing a published, unchanged version again changes nothing in the journey file', () => {
    const first = planPublication(sampleText(), { now: NOW });
    assert.ok(first.ok);
    const again = planPublication(first.text, { now: new Date('2027-01-01T00:00:00Z') });
    assert.ok(again.ok);
    assert.equal(again.alreadyPublished, true);
    assert.deepEqual(again.edits, []);
    assert.equal(again.ir.journey.publishedAt, NOW.toISOString(), 'the original publication instant is kept');
  });

  it('R22 refuses a published version that was changed afterwards, at its publication record', () => {
    const first = planPublication(sampleText(), { now: NOW });
    assert.ok(first.ok);
    const changed = edit(first.text, '"duration": "P3D"', '"duration": "P4D"');
    const plan = planPublication(changed, { now: NOW });
    assert.equal(plan.ok, false);
    const r22 = (plan.ok ? [] : plan.reasons).filter((r) => r.rule === 'R22');
    assert.equal(r22.length, 1);
    assert.equal(changed.slice(r22[0]!.offset, r22[0]!.offset + r22[0]!.length), '"publication"');
  });

  it('R22 a map label (title) is not logic: a published version may still be retitled', () => {
    const first = planPublication(sampleText(), { now: NOW });
    assert.ok(first.ok);
    const retitled = edit(first.text, '"title": "Wait 3 days"', '"title": "Wait three days"');
    const plan = planPublication(retitled, { now: NOW });
    assert.ok(plan.ok && plan.alreadyPublished);
  });
});

describe('publishing: files written (R22 versions)', function () {
  this.timeout(60_000);

  it('R22 writes the compiled journey and a Restate project; a new version joins the old one, which stays served', async () => {
    const fs = memoryFs();
    const bundle = await runtimeBundle();
    const v1 = await publishJourney(fs, { text: sampleText(), now: NOW, runtime: bundle });
    assert.ok(v1.plan.ok);
    assert.equal(v1.irPath, 'published/mailchimp-vip-welcome/mailchimp-vip-welcome.v1.ir.json');
    const ir1 = JourneyIr.parse(JSON.parse(fs.files.get(v1.irPath!)!));
    assert.equal(ir1.journey.version, 1);
    assert.ok(fs.files.has('published/mailchimp-vip-welcome/restate-service/src/main.ts'));
    assert.ok(fs.files.has('published/mailchimp-vip-welcome/restate-service/journeys/mailchimp-vip-welcome.v1.ir.json'));
    // "Edit as new version": version 2, no publication, draft again; then a change and a publish.
    const asV2 = edit(edit(v1.plan.text.replace(/,\n {2}"publication": \{[^}]*\}/, ''), '"status": "published"', '"status": "draft",\n  "version": 2'), '"duration": "P3D"', '"duration": "P2D"');
    fs.files.set('published/mailchimp-vip-welcome/restate-service/src/channels.ts', '// my providers\n');
    const v2 = await publishJourney(fs, { text: asV2, now: new Date('2026-12-01T00:00:00Z'), runtime: bundle });
    assert.ok(v2.plan.ok, v2.plan.ok ? '' : JSON.stringify(v2.plan.reasons));
    assert.deepEqual(v2.versions, [1, 2]);
    assert.ok(fs.files.has('published/mailchimp-vip-welcome/restate-service/journeys/mailchimp-vip-welcome.v1.ir.json'), 'version 1 is still served: its contacts stay on it');
    assert.ok(fs.files.has('published/mailchimp-vip-welcome/restate-service/journeys/mailchimp-vip-welcome.v2.ir.json'));
    assert.equal(fs.files.get('published/mailchimp-vip-welcome/restate-service/src/channels.ts'), '// my providers\n', 'the user\'s channel adapters are not overwritten');
    assert.equal(v1.sourcePath, 'published/mailchimp-vip-welcome/mailchimp-vip-welcome.v1.journey.json');
    assert.equal(fs.files.get(v1.sourcePath!), v1.plan.text, 'version 1\'s source is kept as it was published, though the journey file is version 2 now');
    assert.equal(fs.files.get(v2.sourcePath!), v2.plan.ok ? v2.plan.text : undefined, 'version 2\'s source is kept too');
    assert.equal(Journey.parse(JSON.parse(fs.files.get(v1.sourcePath!)!)).publication?.version, 1);
    const wait = (ir: JourneyIr) => ir.points.find((p) => p.id === 'p_wait_3d');
    const ir2 = JourneyIr.parse(JSON.parse(fs.files.get(v2.irPath!)!));
    assert.deepEqual([wait(ir1), wait(ir2)].map((p) => (p?.type === 'wait' ? p.durationMs : undefined)), [3 * 86_400_000, 2 * 86_400_000]);
  });

  it('R22 refuses to publish different logic under a version number already published', async () => {
    const fs = memoryFs();
    const v1 = await publishJourney(fs, { text: sampleText(), now: NOW });
    assert.ok(v1.plan.ok);
    const other = edit(sampleText(), '"duration": "P3D"', '"duration": "P5D"');
    const again = await publishJourney(fs, { text: other, now: NOW });
    assert.equal(again.plan.ok, false);
    const reason = (again.plan.ok ? [] : again.plan.reasons).find((r) => r.code === 'R22.version-already-published');
    assert.ok(reason);
    assert.match(reason.message, /new version \(2\)/);
    assert.equal(again.written.length, 0);
  });
});

describe('journey publish (CLI)', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-publish-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const cli = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'publish', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

  it('R21 exits 1 and prints every reason as file:line:col error message [code]; nothing is written', async () => {
    const dir = tempDir();
    const file = join(dir, 'vip.journey.json');
    const text = edit(sampleText(), '"content": "vip_early_access_email"', '"content": "vip_early_acess_email"');
    writeFileSync(file, text);
    const bundleFile = await writeRuntimeFiles(tempDir());
    const r = cli([file], { JOURNEY_RUNTIME_BUNDLE: bundleFile });
    assert.equal(r.status, 1, r.stderr);
    const offset = text.indexOf('"vip_early_acess_email"');
    assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${at(text, offset)} error .*vip_early_acess_email.*\\[R\\d+\\.[\\w-]+\\]$`, 'm'));
    assert.match(r.stdout, /not published: \d+ reasons? \(R21, R22\)/);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.deepEqual(readdirSync(dir).sort(), ['vip.journey.json']);
  });

  it('R21 publishes nothing without a confirmation: says what would happen and every warning, and asks for --yes (exit 1)', async () => {
    const dir = tempDir();
    const file = join(dir, 'announcement.journey.json');
    const text = readFileSync(join(ROOT, 'samples', 'dynamics-product-announcement.journey.json'), 'utf8');
    writeFileSync(file, text);
    const bundleFile = await writeRuntimeFiles(tempDir());
    const later = new Date('2026-12-01T00:00:00Z');
    const journey = Journey.parse(JSON.parse(text));
    const r = cli([file, '--now', later.toISOString()], { JOURNEY_RUNTIME_BUNDLE: bundleFile });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`^Publish "${journey.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" as version 1\\?$`, 'm'));
    assert.match(r.stdout, /Version 1 is frozen/);
    assert.match(r.stdout, new RegExp(`segment start \\(${journey.segmentEntry!.start}.*already past`));
    assert.match(r.stdout, /waits until .* already past/);
    assert.match(r.stdout, /not published: publishing needs a confirmation \(R21\)\. Read the above and run again with --yes\./);
    assert.equal(readFileSync(file, 'utf8'), text, 'the journey file is unchanged');
    assert.deepEqual(readdirSync(dir).sort(), ['announcement.journey.json'], 'nothing was written');
  });

  it('R22 publishes: writes the compiled journey and the Restate project, and marks the file published', async () => {
    const dir = tempDir();
    const file = join(dir, 'vip.journey.json');
    writeFileSync(file, sampleText());
    const bundleFile = await writeRuntimeFiles(tempDir());
    const r = cli([file, '--yes', '--now', NOW.toISOString()], { JOURNEY_RUNTIME_BUNDLE: bundleFile });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /published "VIP & major donor welcome" version 1 \(fnv1a64:[0-9a-f]{16}\)/);
    const journey = Journey.parse(JSON.parse(readFileSync(file, 'utf8')));
    assert.equal(journey.status, 'published');
    assert.equal(journey.publication?.publishedAt, NOW.toISOString());
    const out = join(dir, 'published', 'mailchimp-vip-welcome');
    assert.ok(JourneyIr.safeParse(JSON.parse(readFileSync(join(out, 'mailchimp-vip-welcome.v1.ir.json'), 'utf8'))).success);
    assert.deepEqual(readdirSync(join(out, 'restate-service')).sort(), ['.dockerignore', '.gitignore', 'Dockerfile', 'README.md', 'journey-ir.schema.json', 'journey-runtime.config.json', 'journeys', 'package.json', 'runtime', 'src', 'tsconfig.json']);
  });
});
