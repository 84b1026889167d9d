// Specification of renaming a point id: the id and every place that names it
// change together, nothing else changes, and an id that is taken, not an id,
// or a frozen published journey (R22) is refused with a message.
import assert from 'node:assert/strict';
import { prepareRename, rename } from '../../../language/rename';
import { journeyEditFor } from '../../../src/core/edits/journeyEdit';
import { analyze, positionOf, refusal, renamed, sample, WELCOME, withExitCriterionOnEmail } from './support';


describe('rename of a point id', () => {
  it('renames the id, the successor, the awaited event and the map pin, and nothing else (R4)', () => {
    const after = renamed(WELCOME, '"id": "p_email"', 9, 'p_hello');
    assert.equal(after, WELCOME.replace(/"p_email"/g, '"p_hello"'));
  });

  it('R16: renames the point an exit criterion watches (event.point), from the id and from the criterion, as the map does', () => {
    const watched = withExitCriterionOnEmail(WELCOME);
    assert.equal((watched.match(/"p_email"/g) ?? []).length, 5, 'id, starting point, awaited event, exit criterion, map pin');
    const expected = watched.replace(/"p_email"/g, '"p_hello"');
    assert.equal(renamed(watched, '"id": "p_email"', 9, 'p_hello'), expected);
    assert.equal(renamed(watched, '"point": "p_email", "link"', 11, 'p_hello'), expected);
    const core = journeyEditFor(watched, { op: 'rename', id: 'p_email', newId: 'p_hello' });
    assert.ok(core.ok);
    assert.deepEqual(JSON.parse(core.text), JSON.parse(expected));
  });

  it('gives the same journey as the rename of the map', () => {
    const text = sample('mailchimp-vip-welcome.journey.json');
    const core = journeyEditFor(text, { op: 'rename', id: 'p_wait_3d', newId: 'p_wait_three_days' });
    assert.ok(core.ok);
    assert.deepEqual(JSON.parse(renamed(text, '"p_wait_3d"', 3, 'p_wait_three_days')), JSON.parse(core.text));
  });

  it('renames from any reference as from the id itself', () => {
    assert.equal(renamed(WELCOME, '"yes": "p_done"', 10, 'p_engaged'), WELCOME.replace(/"p_done"/g, '"p_engaged"'));
  });

  it('gives a versioned edit when the client supports it', () => {
    const analysis = analyze(WELCOME, 7);
    const edit = rename(analysis, positionOf(WELCOME, '"p_done"', 2), 'p_end', { versioned: true });
    const [change] = edit.documentChanges ?? [];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri: analysis.uri, version: 7 });
  });

  it('renames every reference in a sample, keeping its formatting', () => {
    const text = sample('mailchimp-vip-welcome.journey.json');
    const after = renamed(text, '"p_send_brand_story"', 3, 'p_brand_story');
    assert.equal(after, text.replace(/"p_send_brand_story"/g, '"p_brand_story"'));
    assert.equal((text.match(/"p_send_brand_story"/g) ?? []).length, 3);
  });

  it('prepares the rename on the id without its quotes', () => {
    const analysis = analyze(WELCOME);
    const { range, placeholder } = prepareRename(analysis, positionOf(WELCOME, '"p_gave_up"', 4));
    assert.equal(placeholder, 'p_gave_up');
    assert.equal(analysis.text.slice(analysis.offsetAt(range.start), analysis.offsetAt(range.end)), 'p_gave_up');
  });

  it('refuses a new id that another point already has', () => {
    assert.match(refusal(() => rename(analyze(WELCOME), positionOf(WELCOME, '"p_done"', 2), 'p_gave_up', { versioned: false })), /"p_gave_up" is already the id of another point/);
  });

  it('refuses a new name that is not an id', () => {
    assert.match(refusal(() => rename(analyze(WELCOME), positionOf(WELCOME, '"p_done"', 2), 'done now', { versioned: false })), /is not an id/);
  });

  it('refuses where there is no point id, and for a reference to no point (R4)', () => {
    assert.match(refusal(() => prepareRename(analyze(WELCOME), positionOf(WELCOME, '"Welcome"', 2))), /Only the id of a starting point or journey point/);
    const dangling = WELCOME.replace('"yes": "p_done"', '"yes": "p_nowhere"');
    assert.match(refusal(() => prepareRename(analyze(dangling), positionOf(dangling, '"p_nowhere"', 2))), /nothing to rename \(R4\)/);
  });

  it('refuses to edit a published journey: it is frozen (R22)', () => {
    const published = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "status": "published",\n  "version": 1,\n  "publication": { "version": 1, "publishedAt": "2026-01-01T00:00:00Z", "hash": "fnv1a64:0000000000000000" },');
    assert.match(refusal(() => rename(analyze(published), positionOf(published, '"p_done"', 2), 'p_end', { versioned: false })), /published and frozen \(R22\)/);
  });
});
