// Specification of the publishing gate in process (src/core/compiler/publishPlan.ts,
// R21 R22): only errors stop publishing, each reason at its exact span and
// in text order; the gate's own content and version checks; and the minimal
// edit that freezes the version, placed where the journey file reads best.
// (test/restate/publication.test.ts covers writing the files and the CLI.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPublication, type PublishPlan } from '../../../src/core/compiler/publishPlan';
import { journeyLogicHash } from '../../../src/core/journeyHash';
import { valueSpan, keySpan, parseJsonDocument } from '../../../src/core/jsonDocument';
import { validateJourneyText } from '../../../src/core/validate';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const SAMPLE = readFileSync(join(__dirname, '../../../samples/mailchimp-vip-welcome.journey.json'), 'utf8');
const HASH = journeyLogicHash(validateJourneyText(SAMPLE).journey!);

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}
const refused = (plan: PublishPlan) => {
  assert.equal(plan.ok, false);
  return plan.ok ? [] : plan.reasons;
};
const published = (text: string, version: number, hash = HASH, publishedAt = '2026-02-01T09:00:00Z') =>
  edit(text, '"status": "draft",', `"status": "published",\n  "publication": { "version": ${version}, "publishedAt": "${publishedAt}", "hash": "${hash}" },`);

describe('publishing: the gate and the freezing edit (R21 R22)', () => {
  it('R21: warnings do not stop publishing; the freezing edit sets the status and adds the publication after it', () => {
    const warned = edit(SAMPLE, '"tag": "VIP welcome sent"', '"tag": "never declared"');
    assert.ok(validateJourneyText(warned).diagnostics.some((d) => d.severity === 'warning'), 'a tag the journey does not declare is a warning');
    assert.ok(planPublication(warned, { now: NOW }).ok);
    const plan = planPublication(SAMPLE, { now: NOW });
    assert.ok(plan.ok);
    assert.equal(plan.alreadyPublished, false);
    assert.equal(plan.version, 1);
    assert.equal(plan.text, edit(SAMPLE, '"status": "draft",', `"status": "published",\n  "publication": {\n    "version": 1,\n    "publishedAt": "2026-11-23T09:00:00.000Z",\n    "hash": "${HASH}"\n  },`));
    assert.equal(plan.ir.journey.publishedAt, '2026-11-23T09:00:00.000Z');
  });

  it('R22: a journey without a status gets it after its kind, and the publication after its version', () => {
    const noStatus = edit(edit(SAMPLE, '  "status": "draft",\n', ''), '"kind": "trigger",', '"kind": "trigger",\n  "version": 3,');
    const plan = planPublication(noStatus, { now: NOW });
    assert.ok(plan.ok);
    const keys = Object.keys(JSON.parse(plan.text));
    assert.ok(keys.indexOf('status') === keys.indexOf('kind') + 1, keys.join());
    assert.ok(keys.indexOf('publication') === keys.indexOf('version') + 1, keys.join());
  });

  it('R19 R22: a segment journey without a status gets it after its segment entry, which follows its kind', () => {
    const segment = readFileSync(join(__dirname, '../../../samples/dynamics-product-announcement.journey.json'), 'utf8');
    const plan = planPublication(edit(segment, '  "status": "readyToPublish",\n', ''), { now: NOW });
    assert.ok(plan.ok);
    const keys = Object.keys(JSON.parse(plan.text));
    assert.ok(keys.indexOf('segmentEntry') === keys.indexOf('kind') + 1, keys.join());
    assert.ok(keys.indexOf('status') === keys.indexOf('segmentEntry') + 1, keys.join());
  });

  it('R22: an unchanged published version is already published: nothing to edit, its own publication instant', () => {
    const text = published(SAMPLE, 1);
    const plan = planPublication(text, { now: NOW });
    assert.ok(plan.ok);
    assert.deepEqual([plan.alreadyPublished, plan.edits, plan.text === text, plan.ir.journey.publishedAt], [true, [], true, '2026-02-01T09:00:00Z']);
  });

  it('R22: a published version changed since is refused at the publication key, proposing the next version', () => {
    const text = published(edit(SAMPLE, '"duration": "P3D"', '"duration": "P4D"'), 2);
    assert.deepEqual(refused(planPublication(text, { now: NOW })).map((r) => r.code), ['R22.published-version-edited'], 'the validator says it first, once');
    const [reason, ...rest] = refused(planPublication(text, { now: NOW, rules: [] }));
    assert.deepEqual(rest, []);
    const doc = parseJsonDocument(text);
    assert.deepEqual([reason!.code, reason!.rule, reason!.offset, reason!.length], ['R22.published-version-changed', 'R22', keySpan(doc, ['publication'])!.offset, keySpan(doc, ['publication'])!.length]);
    assert.equal(reason!.message, 'Version 2 was published on 2026-02-01T09:00:00Z and has been changed since: a published version is frozen. Save the changes as a new version (set "version" to 3 and remove "publication"), or undo them.');
  });

  it('R22: a publication of another version than the journey\'s is refused at the publication\'s version', () => {
    const text = edit(published(SAMPLE, 2), '"kind": "trigger",', '"kind": "trigger",\n  "version": 3,');
    const reasons = refused(planPublication(text, { now: NOW }));
    const doc = parseJsonDocument(text);
    assert.deepEqual(reasons.map((r) => [r.code, r.rule, r.offset, r.length, r.message]), [['R22.publication-version-mismatch', 'R22', valueSpan(doc, ['publication', 'version'])!.offset, 1, '"publication" records version 2 but the journey says version 3: remove "publication" to publish version 3.']]);
  });

  it('R22: a version number already published with other logic is refused at the version key, or at the id when the journey names no version; the same logic is not', () => {
    const versioned = edit(SAMPLE, '"kind": "trigger",', '"kind": "trigger",\n  "version": 2,');
    const reasons = refused(planPublication(versioned, { now: NOW, publishedVersions: new Map([[2, 'fnv1a64:0000000000000000'], [5, undefined]]) }));
    const doc = parseJsonDocument(versioned);
    assert.deepEqual(reasons.map((r) => [r.code, r.rule, r.offset, r.length]), [['R22.version-already-published', 'R22', keySpan(doc, ['version'])!.offset, keySpan(doc, ['version'])!.length]]);
    assert.equal(reasons[0]!.message, 'Version 2 of journey "mailchimp-vip-welcome" was already published with different logic: a published version never changes. Give this one a new version (6).');
    const unversioned = refused(planPublication(SAMPLE, { now: NOW, publishedVersions: new Map([[1, undefined]]) }));
    const doc2 = parseJsonDocument(SAMPLE);
    assert.deepEqual(unversioned.map((r) => [r.path, r.offset, r.length]), [[['id'], valueSpan(doc2, ['id'])!.offset, valueSpan(doc2, ['id'])!.length]]);
    assert.ok(planPublication(SAMPLE, { now: NOW, publishedVersions: new Map([[1, journeyLogicHash(validateJourneyText(SAMPLE).journey!)]]) }).ok, 'the same logic again');
    assert.ok(planPublication(SAMPLE, { now: NOW, publishedVersions: new Map([[2, 'fnv1a64:0000000000000000']]) }).ok, 'another version was published');
  });

  it('R21: without the validator\'s rules the gate still refuses content that is not declared or not ready, one reason per send, in text order', () => {
    let text = edit(SAMPLE, '"content": "vip_brand_story_email"', '"content": "vip_nowhere"');
    text = edit(text, '"status": "ready",\n      "list": "main_audience",\n      "links": [\n        "vip-benefits"', '"status": "draft",\n      "list": "main_audience",\n      "links": [\n        "vip-benefits"');
    const reasons = refused(planPublication(text, { now: NOW, rules: [] }));
    assert.deepEqual(reasons.map((r) => [r.code, r.rule]), [['R21.content-not-ready', 'R21'], ['R21.content-undeclared', 'R21']]);
    assert.ok(reasons[0]!.offset < reasons[1]!.offset);
    assert.match(reasons[0]!.message, /^Content item "vip_welcome_email" \(VIP welcome\) sent by "p_send_welcome" is a draft: /);
    assert.equal(reasons[1]!.message, '"p_send_brand_story" sends content "vip_nowhere", which the journey does not declare, so it cannot be checked as ready: declare it in "content" with "status": "ready" before publishing (R21).');
    const unnamed = edit(edit(text, '"name": "VIP welcome",', ''), '"content": "vip_nowhere"', '"content": "vip_brand_story_email"');
    assert.match(refused(planPublication(unnamed, { now: NOW, rules: [] }))[0]!.message, /^Content item "vip_welcome_email" sent by "p_send_welcome" is a draft: /);
  });

  it('R22: an unchanged published version whose number was published with other logic is refused; a changed one is refused only as changed', () => {
    const other = new Map([[1, 'fnv1a64:0000000000000000']]);
    assert.deepEqual(refused(planPublication(published(SAMPLE, 1), { now: NOW, publishedVersions: other })).map((r) => r.code), ['R22.version-already-published']);
    const changed = published(edit(SAMPLE, '"duration": "P3D"', '"duration": "P4D"'), 1);
    assert.deepEqual(refused(planPublication(changed, { now: NOW, rules: [], publishedVersions: other })).map((r) => r.code), ['R22.published-version-changed']);
  });

  it('R21: what the validator\'s rules would refuse but the compiler cannot compile is refused at the points, and every reason comes in text order', () => {
    const dangling = edit(SAMPLE, '"next": "p_tag_welcomed"', '"next": "p_nowhere"');
    const reasons = refused(planPublication(dangling, { now: NOW, rules: [] }));
    const doc = parseJsonDocument(dangling);
    assert.deepEqual(reasons.map((r) => [r.code, r.rule, r.offset]), [['R21.cannot-compile', 'R21', keySpan(doc, ['points'])!.offset]]);
    assert.match(reasons[0]!.message, /"p_nowhere", which is not a point of the journey/);
    const both = refused(planPublication(dangling, { now: NOW, publishedVersions: new Map([[1, 'fnv1a64:0000000000000000']]) }));
    assert.ok(both.length >= 2 && both[0]!.code === 'R22.version-already-published', both.map((r) => r.code).join());
    assert.deepEqual(both.map((r) => r.offset), [...both.map((r) => r.offset)].sort((x, y) => x - y));
  });

  it('R1 R21: the validation options given are the ones the gate validates with (a default plan too small refuses)', () => {
    const noPlan = edit(SAMPLE, '"plan": "standard",\n    ', '');
    assert.ok(planPublication(noPlan, { now: NOW }).ok, 'the Standard plan is assumed');
    const codes = refused(planPublication(noPlan, { now: NOW, validation: { now: NOW, defaultPlan: 'free' } })).map((r) => r.code);
    assert.ok(codes.length > 0 && codes.every((c) => c.startsWith('R1.')), codes.join());
  });

  it('R21: without the validator\'s rules the gate refuses an SMS whose content is not ready, as it does an email', () => {
    const segment = readFileSync(join(__dirname, '../../../samples/dynamics-product-announcement.journey.json'), 'utf8');
    const draftSms = edit(segment, '"name": "SMS o wprowadzeniu produktu",\n      "status": "ready"', '"name": "SMS o wprowadzeniu produktu",\n      "status": "draft"');
    const reasons = refused(planPublication(draftSms, { now: NOW, rules: [] }));
    assert.deepEqual(reasons.map((r) => r.code), ['R21.content-not-ready']);
    assert.match(reasons[0]!.message, /"product_launch_sms"/);
  });

  it('R4 R21: a journey the validator already refuses is not compiled: its reasons are the validator\'s alone', () => {
    const dangling = edit(SAMPLE, '"next": "p_tag_welcomed"', '"next": "p_nowhere"');
    const codes = refused(planPublication(dangling, { now: NOW })).map((r) => r.code);
    assert.ok(codes.length > 0 && codes.every((c) => c.startsWith('R4.')), codes.join());
  });

  it('R21: with the validator\'s rules, undeclared content is reported once, by the validator, at the point\'s content', () => {
    const text = edit(SAMPLE, '"content": "vip_brand_story_email"', '"content": "vip_nowhere"');
    const reasons = refused(planPublication(text, { now: NOW }));
    assert.deepEqual(reasons.map((r) => [r.code, r.path.join('/')]), [['R17.unknown-content', 'points/5/content']]);
  });

  it('R21: a text that does not make a journey gives the validator\'s errors and no journey', () => {
    const plan = planPublication('{ "id": 1 }', { now: NOW });
    assert.equal(plan.ok, false);
    assert.ok(!plan.ok && plan.journey === undefined && plan.reasons.length > 0 && plan.reasons.every((r) => r.rule !== undefined));
  });
});
