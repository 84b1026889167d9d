// Specification of the map's edits for whole journeys (issue #14): declare
// and remove declarations, delete a branching point with the branches only
// it leads to, delete a multi-selection, paste copied points with fresh ids,
// continue a path past its end. Each is one edit of the text; the rest of
// the text stays as it was.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyEditFor } from '../../../src/core/edits/journeyEdit';
import { pointsOnlyReachedThrough } from '../../../src/core/edits/reachability';
import { validateJourneyText } from '../../../src/core/validate';
import { edited, NOW, refusal, replaced, WELCOME } from './fixtures';

const VIP = readFileSync(join(__dirname, '../../../samples/mailchimp-vip-welcome.journey.json'), 'utf8');
interface RawPoint { id: string; type: string; next?: string; branches?: Record<string, string>; event?: { point?: string } }
const pointsOf = (text: string) => (JSON.parse(text) as { points: RawPoint[] }).points;
const ids = (text: string) => pointsOf(text).map((p) => p.id);

describe('edits: declarations on the map', () => {
  it('declares a tag at the end of the journey\'s tags, touching nothing else', () => {
    assert.equal(edited(WELCOME, { op: 'declare', section: 'tags', entry: 'Kunde' }), replaced(WELCOME, ['"tags": ["VIP"]', '"tags": [\n    "VIP",\n    "Kunde"\n  ]']));
  });

  it('creates a missing section where a journey file lists it: lists after the header, before content', () => {
    const text = edited(WELCOME, { op: 'declare', section: 'lists', entry: { id: 'main', kind: 'marketing' } });
    const keys = Object.keys(JSON.parse(text) as object);
    assert.deepEqual(keys.slice(0, keys.indexOf('content') + 1), ['formatVersion', 'id', 'name', 'kind', 'lists', 'tags', 'content']);
    assert.ok(validateJourneyText(text).journey, 'the journey still fits the schema');
  });

  it('refuses a name the section already declares, and an id that is not an id', () => {
    assert.match(refusal(WELCOME, { op: 'declare', section: 'tags', entry: 'VIP' }), /already declares the tag "VIP"/);
    assert.match(refusal(WELCOME, { op: 'declare', section: 'segments', entry: { id: 'top customers' } }), /cannot be the id of a segment/);
  });

  it('removes a declaration by its key, and the section with its last entry', () => {
    const { content, ...rest } = JSON.parse(WELCOME) as Record<string, unknown>;
    assert.ok(content);
    assert.deepEqual(JSON.parse(edited(WELCOME, { op: 'undeclare', section: 'content', key: 'hello' })), rest);
    const two = edited(WELCOME, { op: 'declare', section: 'tags', entry: 'Kunde' });
    assert.equal(edited(two, { op: 'undeclare', section: 'tags', key: 'VIP' }), replaced(WELCOME, ['"tags": ["VIP"]', '"tags": [\n    "Kunde"\n  ]']));
  });

  it('"tag Kunde AND tag Instagram Follower": declaring both tags leaves no unknown-tag problem', () => {
    const filtered = VIP.replace(/"tags": \[[^\]]*\]/, '"tags": ["VIP", "major donor", "VIP welcome sent", "VIP engaged", "VIP inactive"]');
    const unknownTags = (text: string) => validateJourneyText(text).diagnostics.filter((d) => /tag/i.test(d.code) && d.severity === 'error').length;
    assert.ok(unknownTags(filtered) >= 2, 'before: the filter names two tags the journey does not declare');
    const declared = edited(edited(filtered, { op: 'declare', section: 'tags', entry: 'Kunde' }), { op: 'declare', section: 'tags', entry: 'Instagram Follower' });
    assert.equal(unknownTags(declared), 0);
  });
});

describe('edits: deleting a branching point with its branches', () => {
  it('counts the points only the if/else leads to (not the ones another path also reaches)', () => {
    assert.deepEqual(pointsOnlyReachedThrough(VIP, 'p_check_preview_click'), []);
    const vip = JSON.parse(VIP) as unknown;
    assert.deepEqual(pointsOnlyReachedThrough(vip, 'p_check_preview_click'), ['p_send_early_access', 'p_send_brand_story', 'p_wait_story_open', 'p_tag_engaged', 'p_end_engaged', 'p_tag_inactive', 'p_end_inactive']);
    assert.deepEqual(pointsOnlyReachedThrough(vip, 'p_check_preview_click', 'yes'), ['p_send_brand_story', 'p_wait_story_open', 'p_tag_inactive', 'p_end_inactive'], 'keeping "yes" keeps what it reaches, also p_tag_engaged that both reach');
  });

  it('deletes the if/else and its 7 points; the path that led to it ends at a new end point in its place', () => {
    const text = edited(VIP, { op: 'deleteBranches', id: 'p_check_preview_click' });
    assert.deepEqual(ids(text), ['p_send_welcome', 'p_tag_welcomed', 'p_wait_3d', 'p_end']);
    assert.equal(pointsOf(text).find((p) => p.id === 'p_wait_3d')?.next, 'p_end');
    assert.deepEqual(validateJourneyText(text).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('keeps the chosen branch in the point\'s place: the "yes" path goes on, the "no" path goes', () => {
    const text = edited(VIP, { op: 'deleteBranches', id: 'p_check_preview_click', keep: 'yes' });
    assert.deepEqual(ids(text), ['p_send_welcome', 'p_tag_welcomed', 'p_wait_3d', 'p_send_early_access', 'p_tag_engaged', 'p_end_engaged']);
    assert.equal(pointsOf(text).find((p) => p.id === 'p_wait_3d')?.next, 'p_send_early_access');
    assert.equal(validateJourneyText(text).diagnostics.length, 0);
  });

  it('is one edit, and refuses a branch the point does not have', () => {
    const outcome = journeyEditFor(VIP, { op: 'deleteBranches', id: 'p_check_preview_click' }, { now: NOW });
    assert.ok(outcome.ok);
    assert.match(refusal(VIP, { op: 'deleteBranches', id: 'p_check_preview_click', keep: 'timeout' }), /no branch "timeout"/);
  });
});

describe('edits: several points at once (multi-selection, cut, paste, duplicate)', () => {
  it('deletes a chain of selected points; what led into it leads to its one successor outside', () => {
    const text = edited(VIP, { op: 'deletePoints', ids: ['p_tag_welcomed', 'p_wait_3d'] });
    assert.equal(pointsOf(text).find((p) => p.id === 'p_send_welcome')?.next, 'p_check_preview_click');
    assert.equal(ids(text).includes('p_wait_3d'), false);
    assert.equal(validateJourneyText(text).diagnostics.length, 0);
  });

  it('pastes three copied points with fresh ids, their edges among themselves kept, free of the journey', () => {
    const copied = pointsOf(VIP).filter((p) => ['p_send_brand_story', 'p_wait_story_open', 'p_tag_inactive'].includes(p.id));
    const text = edited(VIP, { op: 'pastePoints', points: copied as never });
    const pasted = pointsOf(text).slice(-3);
    assert.deepEqual(pasted.map((p) => p.id), ['p_send_brand_story_2', 'p_wait_story_open_2', 'p_tag_inactive_2']);
    assert.equal(pasted[0]!.next, 'p_wait_story_open_2');
    assert.deepEqual(pasted[1]!.branches, { yes: 'p_tag_engaged', timeout: 'p_tag_inactive_2' }, 'the edge to a point outside the copy keeps its target');
    assert.equal(pasted[1]!.event?.point, 'p_send_brand_story_2', 'the wait watches the pasted email');
    assert.equal(pasted[2]!.next, 'p_end_inactive');
    const lastPointEnd = VIP.lastIndexOf('\n    }') + '\n    }'.length;
    assert.ok(text.startsWith(VIP.slice(0, lastPointEnd)), 'the text before the pasted points is unchanged');
  });

  it('pastes onto an edge: the edge leads into the copy, and what left the copy leads to the edge\'s old target', () => {
    const copied = pointsOf(VIP).filter((p) => ['p_tag_welcomed', 'p_wait_3d'].includes(p.id));
    const text = edited(VIP, { op: 'pastePoints', points: copied as never, at: { from: 'p_send_early_access', slot: 'next' } });
    const byId = new Map(pointsOf(text).map((p) => [p.id, p]));
    assert.equal(byId.get('p_send_early_access')?.next, 'p_tag_welcomed_2');
    assert.equal(byId.get('p_tag_welcomed_2')?.next, 'p_wait_3d_2');
    assert.equal(byId.get('p_wait_3d_2')?.next, 'p_tag_engaged');
    assert.deepEqual(validateJourneyText(text).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('pasting into a text whose "points" is not an array (an object, while typing) makes it the array of the pasted points', () => {
    const objectPoints = WELCOME.replace(/"points": \[[^]*\]\n\}\n$/, '"points": {}\n}\n');
    assert.notEqual(objectPoints, WELCOME);
    const text = edited(objectPoints, { op: 'pastePoints', points: [{ id: 'a', type: 'end' }, { id: 'b', type: 'end' }] as never });
    assert.deepEqual((JSON.parse(text) as { points: unknown }).points, [{ id: 'a', type: 'end' }, { id: 'b', type: 'end' }]);
  });

  it('a new starting point in a text whose "startingPoints" is not an array (an object, while typing) makes it the array of that one', () => {
    const objectStarts = WELCOME.replace(/"startingPoints": \[[^\]]*\]/, '"startingPoints": {}');
    assert.notEqual(objectStarts, WELCOME);
    const text = edited(objectStarts, { op: 'addStartingPoint', triggerType: 'api', next: 'p_email' });
    const starts = (JSON.parse(text) as { startingPoints: { next: string }[] }).startingPoints;
    assert.deepEqual([Array.isArray(starts), starts.length, starts[0]?.next], [true, 1, 'p_email']);
  });

  it('refuses a clipboard without points', () => {
    assert.match(refusal(VIP, { op: 'pastePoints', points: ['text'] }), /no journey points/);
  });
});

describe('edits: continuing a path past its end', () => {
  it('puts a new point before the end: what led to the end leads to it, and it leads to the end', () => {
    const text = edited(VIP, { op: 'continuePath', id: 'p_end_engaged', pointType: 'sendEmail' });
    const byId = new Map(pointsOf(text).map((p) => [p.id, p]));
    assert.equal(byId.get('p_tag_engaged')?.next, 'p_send_email');
    assert.equal(byId.get('p_send_email')?.next, 'p_end_engaged');
    assert.ok(validateJourneyText(text).journey);
  });

  it('refuses a point that does not end its path', () => {
    assert.match(refusal(VIP, { op: 'continuePath', id: 'p_wait_3d', pointType: 'wait' }), /does not end its path/);
  });
});
