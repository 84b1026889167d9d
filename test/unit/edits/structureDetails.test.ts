// Specification of the map's structural edits where a journey is unusual:
// sections it does not have yet, pins of deleted points, selections that
// lead to several places, clipboards with junk, starting points without a
// section, published versions numbered oddly. Each edit still gives exactly
// the stated journey.
import assert from 'node:assert/strict';
import { startingPointLimit } from '../../../src/core/edits/startingPointLimit';
import { declarationKey, declaredKeys, newDeclaration } from '../../../src/core/edits/declarationOperations';
import { journeyEditFor } from '../../../src/core/edits/journeyEdit';
import { edited, NOW, refusal, WELCOME } from './fixtures';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const parsed = (text: string) => JSON.parse(text) as { points: { id: string; type: string; next?: string; branches?: unknown; event?: { point?: string } }[]; startingPoints: { id: string; next: string; trigger: unknown }[]; layout?: unknown; [k: string]: unknown };
const pointIds = (text: string) => parsed(text).points.map((p) => p.id);

const CHAIN = json({
  formatVersion: 1,
  id: 'chain',
  name: 'Chain',
  kind: 'trigger',
  startingPoints: [{ id: 'sp_a', trigger: { type: 'api' }, next: 'p_a' }],
  points: [
    { id: 'p_a', type: 'wait', duration: 'P1D', next: 'p_if' },
    { id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 'x' }, branches: { yes: 'p_y', no: 'p_n' } },
    { id: 'p_y', type: 'wait', duration: 'P1D', next: 'p_end' },
    { id: 'p_n', type: 'wait', duration: 'P1D', next: 'p_end2' },
    { id: 'p_end', type: 'end' },
    { id: 'p_end2', type: 'end' },
  ],
  layout: { p_if: { x: 0, y: 0 }, p_y: { x: 1, y: 1 }, p_a: { x: 2, y: 2 } },
});

describe('edits: deleting several points', () => {
  it('R4: a selection that leads to several places is replaced by a new end where its first point was; what led into it ends there', () => {
    const text = edited(CHAIN, { op: 'deletePoints', ids: ['p_if', 'p_y', 'p_n'] });
    const points = parsed(text).points;
    assert.deepEqual(points.map((p) => p.id), ['p_a', 'p_end_2', 'p_end', 'p_end2']);
    assert.deepEqual(points[1], { id: 'p_end_2', type: 'end' });
    assert.equal(points[0]!.next, 'p_end_2');
    assert.deepEqual(parsed(text).layout, { p_a: { x: 2, y: 2 } }, 'the deleted points\' pins go, the others stay');
  });

  it('R4: a selection nothing leads into is deleted without a new end, and all pins go with the last pinned point', () => {
    const orphan = json({ ...parsed(CHAIN), points: [...parsed(CHAIN).points, { id: 'p_o', type: 'wait', duration: 'P1D', next: 'p_o2' }, { id: 'p_o2', type: 'wait', duration: 'P1D', next: 'p_end' }], layout: { p_o: { x: 0, y: 0 } } });
    const text = edited(orphan, { op: 'deletePoints', ids: ['p_o2', 'p_o'] });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_n', 'p_end', 'p_end2']);
    assert.equal('layout' in parsed(text), false);
  });

  it('R4: the edges that led into the selection from outside, also from a starting point, lead to its one successor outside', () => {
    const text = edited(CHAIN, { op: 'deletePoints', ids: ['p_a'] });
    assert.equal(parsed(text).startingPoints[0]!.next, 'p_if');
    assert.deepEqual(pointIds(text), ['p_if', 'p_y', 'p_n', 'p_end', 'p_end2']);
  });

  it('R4: a point inside the selection that leads to another one inside is not an edge into the selection', () => {
    const text = edited(CHAIN, { op: 'deletePoints', ids: ['p_y', 'p_end'] });
    assert.deepEqual(parsed(text).points[1]!.branches, { yes: 'p_end_2', no: 'p_n' }, 'the yes branch leads to a new end (the selection led nowhere outside)');
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_end_2', 'p_n', 'p_end2']);
  });
});

describe('edits: deleting a branching point', () => {
  it('R4: the branches go; the point\'s place holds a new end for the path that led to it, and the pins of what went are removed', () => {
    const text = edited(CHAIN, { op: 'deleteBranches', id: 'p_if' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_end_2']);
    assert.equal(parsed(text).points[0]!.next, 'p_end_2');
    assert.deepEqual(parsed(text).layout, { p_a: { x: 2, y: 2 } });
  });

  it('R4: keeping a branch: the path goes on to it, it is selected, and the point\'s pin goes', () => {
    const text = edited(CHAIN, { op: 'deleteBranches', id: 'p_if', keep: 'no' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_n', 'p_end2']);
    assert.equal(parsed(text).points[0]!.next, 'p_n');
  });

  it('R4: a branching point nothing leads to goes with its branches, and no end is made', () => {
    const text = edited(CHAIN.replace('"next": "p_a"', '"next": "p_end"'), { op: 'deleteBranches', id: 'p_a' });
    assert.deepEqual(pointIds(text), ['p_end']);
  });

  it('R4: refuses to keep a branch that leads back to the point, or to a starting point', () => {
    const loop = CHAIN.replace('"yes": "p_y"', '"yes": "p_if"');
    assert.equal(refusal(loop, { op: 'deleteBranches', id: 'p_if', keep: 'yes' }), 'The "yes" branch of "p_if" leads back to it: choose another one to keep.');
    const toStart = CHAIN.replace('"yes": "p_y"', '"yes": "sp_a"');
    assert.equal(refusal(toStart, { op: 'deleteBranches', id: 'p_if', keep: 'yes' }), 'There is no journey point "sp_a" in the journey any more.');
    assert.equal(refusal(CHAIN, { op: 'deleteBranches', id: 'p_if', keep: 0 }), '"p_if" has no branch "0" to keep.');
  });
});

describe('edits: deleting one point', () => {
  it('R4: a point that leads to itself is not its own successor; its pin goes and the other pins stay', () => {
    const selfLoop = CHAIN.replace('"id": "p_y",\n      "type": "wait",\n      "duration": "P1D",\n      "next": "p_end"', '"id": "p_y",\n      "type": "ifElse",\n      "condition": { "type": "hasTag", "tag": "x" },\n      "branches": { "yes": "p_y", "no": "p_end" }');
    const text = edited(selfLoop, { op: 'deletePoint', id: 'p_y' });
    assert.deepEqual((parsed(text).points[1]!.branches as object), { yes: 'p_end', no: 'p_n' });
    assert.deepEqual(parsed(text).layout, { p_if: { x: 0, y: 0 }, p_a: { x: 2, y: 2 } });
  });
});

describe('edits: changing a point\'s type', () => {
  it('R4: an action that becomes an end or exit keeps no successor; a title it did not have is not added', () => {
    assert.deepEqual(parsed(edited(CHAIN, { op: 'changePointType', id: 'p_y', pointType: 'exit' })).points[2], { id: 'p_y', type: 'exit' });
    const text = edited(CHAIN, { op: 'changePointType', id: 'p_y', pointType: 'end' });
    assert.deepEqual(parsed(text).points[2], { id: 'p_y', type: 'end' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_n', 'p_end', 'p_end2'], 'no new end is made');
  });

  it('R10: a point that becomes a wait-until waits until the next morning after "now"', () => {
    assert.equal((parsed(edited(CHAIN, { op: 'changePointType', id: 'p_y', pointType: 'waitUntil' })).points[2] as unknown as { at: string }).at, '2026-03-02T09:00');
  });

  it('R4: an end that becomes a branching point gets a new end right after it, on every branch', () => {
    const text = edited(CHAIN, { op: 'changePointType', id: 'p_end', pointType: 'ifElse' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_n', 'p_end', 'p_end_2', 'p_end2']);
    assert.deepEqual(parsed(text).points[4]!.branches, { yes: 'p_end_2', no: 'p_end_2' });
  });
});

describe('edits: inserting a point', () => {
  it('R4: after a starting point, the new point goes right before the point it leads to', () => {
    const text = edited(CHAIN.replace('"next": "p_a"', '"next": "p_n"'), { op: 'insertPoint', from: 'sp_a', slot: 'next', pointType: 'wait' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_wait', 'p_n', 'p_end', 'p_end2']);
  });

  it('R11: a new wait-for-event after an email watches that email', () => {
    const text = edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'waitForEvent' });
    assert.deepEqual(parsed(text).points[1]!.event, { type: 'emailOpened', point: 'p_email' });
  });
});

describe('edits: pasting points', () => {
  it('R4: junk on the clipboard is left out; an edge to a point the journey does not have ends at a new end pasted with them', () => {
    const text = edited(CHAIN, {
      op: 'pastePoints',
      points: ['text', 7, { id: 'p_q' }, { type: 'wait' }, { id: 'p_w', type: 'wait', duration: 'P1D', next: 'p_elsewhere' }, { id: 'p_v', type: 'wait', duration: 'P1D', next: 'p_elsewhere2' }],
    });
    const points = parsed(text).points;
    assert.deepEqual(points.slice(6).map((p) => [p.id, p.next]), [['p_w', 'p_end_2'], ['p_v', 'p_end_2'], ['p_end_2', undefined]]);
    assert.deepEqual(points[8], { id: 'p_end_2', type: 'end' });
  });

  it('R4: a pasted point without a successor stays without one', () => {
    const text = edited(CHAIN, { op: 'pastePoints', points: [{ id: 'p_w', type: 'wait', duration: 'P1D' }] });
    assert.deepEqual(parsed(text).points[6], { id: 'p_w', type: 'wait', duration: 'P1D' });
  });

  it('R11: a pasted wait-for-event watching an email that was not copied keeps watching it', () => {
    const wait = { id: 'p_wfe', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_mail' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } };
    const text = edited(CHAIN, { op: 'pastePoints', points: [wait] });
    assert.deepEqual(parsed(text).points[6]!.event, { type: 'emailOpened', point: 'p_mail' });
  });

  it('R4: pasted onto a starting point\'s edge, the points go at the end and the start leads into the first one nothing pasted leads to', () => {
    const text = edited(CHAIN, {
      op: 'pastePoints',
      points: [{ id: 'p_second', type: 'wait', duration: 'P1D', next: 'p_out' }, { id: 'p_first', type: 'wait', duration: 'P1D', next: 'p_second' }],
      at: { from: 'sp_a', slot: 'next' },
    });
    assert.deepEqual(pointIds(text).slice(-2), ['p_second', 'p_first']);
    assert.equal(parsed(text).startingPoints[0]!.next, 'p_first');
    assert.equal(parsed(text).points.find((p) => p.id === 'p_second')!.next, 'p_a', 'what leaves the copy leads to the edge\'s old target');
  });

  it('R4: a pasted cycle: the edge leads into the first pasted point', () => {
    const text = edited(CHAIN, {
      op: 'pastePoints',
      points: [{ id: 'p_c1', type: 'wait', duration: 'P1D', next: 'p_c2' }, { id: 'p_c2', type: 'wait', duration: 'P1D', next: 'p_c1' }],
      at: { from: 'p_y', slot: 'next' },
    });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_c1', 'p_c2', 'p_n', 'p_end', 'p_end2']);
    assert.equal(parsed(text).points[2]!.next, 'p_c1');
  });

  it('refuses an edge that is not there to paste onto', () => {
    assert.equal(refusal(CHAIN, { op: 'pastePoints', points: [{ id: 'p_x', type: 'end' }], at: { from: 'p_end', slot: 'next' } }), '"p_end" has no edge there to paste onto.');
    assert.equal(refusal(CHAIN, { op: 'pastePoints', points: [{ id: 'p_x', type: 'end' }], at: { from: 'p_if', slot: 'timeout' } }), '"p_if" has no edge there to paste onto.');
  });

  it('a journey without points gets a points section with the pasted points', () => {
    const bare = json({ formatVersion: 1, id: 'bare', name: 'Bare', kind: 'trigger' });
    const text = edited(bare, { op: 'pastePoints', points: [{ id: 'p_a', type: 'end' }, { id: 'p_b', type: 'end' }] });
    assert.deepEqual(parsed(text).points, [{ id: 'p_a', type: 'end' }, { id: 'p_b', type: 'end' }]);
  });
});

describe('edits: starting points (R1)', () => {
  it('R1: a new starting point leads where the first one leads, else to the first point; without points it is refused', () => {
    const text = edited(CHAIN, { op: 'addStartingPoint', triggerType: 'api' });
    assert.deepEqual(parsed(text).startingPoints[1], { id: 'sp_api', trigger: { type: 'api' }, next: 'p_a' });
    const noStart = json({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', points: [{ id: 'p_first', type: 'end' }] });
    const added = edited(noStart, { op: 'addStartingPoint', triggerType: 'api' });
    assert.deepEqual(parsed(added).startingPoints, [{ id: 'sp_api', trigger: { type: 'api' }, next: 'p_first' }]);
    const empty = json({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', startingPoints: [], points: [] });
    assert.equal(refusal(empty, { op: 'addStartingPoint', triggerType: 'api' }), 'Add a journey point first: a starting point must lead somewhere.');
    assert.equal(refusal(CHAIN, { op: 'addStartingPoint', triggerType: 'api', next: 'sp_a' }), 'There is no journey point "sp_a" in the journey any more.');
  });

  it('R1: on a platform that does not limit starting points, nothing limits them, and the map says so', () => {
    for (const platform of ['generic', 'dynamics', 'mailup']) {
      assert.deepEqual(startingPointLimit({ platform }), { max: null, reason: 'Nothing limits the number of starting points on this platform' }, platform);
    }
  });

  it('R1: removing a starting point removes its pin too', () => {
    const two = edited(edited(CHAIN, { op: 'addStartingPoint', triggerType: 'api' }), { op: 'pinPositions', positions: [{ id: 'sp_api', x: 5, y: 5 }] });
    const text = edited(two, { op: 'removeStartingPoint', id: 'sp_api' });
    assert.equal(text, CHAIN);
  });
});

describe('edits: declarations', () => {
  it('a declaration\'s key: a tag itself, a field\'s name, else the id', () => {
    assert.equal(declarationKey('tags', 'VIP'), 'VIP');
    assert.equal(declarationKey('tags', { id: 'VIP' }), undefined);
    assert.equal(declarationKey('fields', { id: 'x', name: 'score' }), 'score');
    assert.equal(declarationKey('lists', { id: 'main', name: 'Main' }), 'main');
    assert.deepEqual(declaredKeys({ tags: ['a', 3, 'b'] }, 'tags'), ['a', 'b']);
  });

  it('a new declaration starts valid: a tag, a string field, a marketing list, a draft content item of its channel, else an id', () => {
    assert.equal(newDeclaration('tags', 'Gold'), 'Gold');
    assert.deepEqual(newDeclaration('fields', 'score'), { name: 'score', type: 'string' });
    assert.deepEqual(newDeclaration('lists', 'main'), { id: 'main', kind: 'marketing' });
    assert.deepEqual(newDeclaration('content', 'hi'), { id: 'hi', channel: 'email', status: 'draft' });
    assert.deepEqual(newDeclaration('content', 'hi', 'sms'), { id: 'hi', channel: 'sms', status: 'draft' });
    assert.deepEqual(newDeclaration('segments', 'active'), { id: 'active' });
    assert.deepEqual(newDeclaration('forms', 'signup'), { id: 'signup' });
  });

  it('a new declaration goes at the end of its section; a new section after the nearest earlier one', () => {
    const two = edited(WELCOME, { op: 'declare', section: 'content', entry: { id: 'bye', channel: 'email', status: 'draft' } });
    assert.deepEqual((parsed(two)['content'] as { id: string }[]).map((c) => c.id), ['hello', 'bye']);
    const withFields = edited(WELCOME, { op: 'declare', section: 'fields', entry: { name: 'score', type: 'number' } });
    assert.deepEqual(Object.keys(parsed(withFields)), ['formatVersion', 'id', 'name', 'kind', 'tags', 'fields', 'content', 'startingPoints', 'points']);
    const withLists = edited(withFields, { op: 'declare', section: 'campaigns', entry: { id: 'spring' } });
    assert.deepEqual(Object.keys(parsed(withLists)), ['formatVersion', 'id', 'name', 'kind', 'tags', 'fields', 'campaigns', 'content', 'startingPoints', 'points']);
  });

  it('a field is removed by its name, and the section stays while it has other entries', () => {
    const two = edited(edited(WELCOME, { op: 'declare', section: 'fields', entry: { name: 'score', type: 'number' } }), { op: 'declare', section: 'fields', entry: { name: 'age', type: 'number' } });
    const text = edited(two, { op: 'undeclare', section: 'fields', key: 'age' });
    assert.deepEqual(parsed(text)['fields'], [{ name: 'score', type: 'number' }]);
  });
});

describe('edits: properties', () => {
  it('R13: inserting into the middle of an array inserts, not replaces', () => {
    const split = edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'split' });
    const text = edited(split, { op: 'setFields', target: { kind: 'point', id: 'p_split' }, changes: [{ path: ['branches', 0], value: { percent: 10, next: 'p_end' }, insert: true }] });
    assert.deepEqual((parsed(text).points[1]!.branches as { percent: number }[]).map((b) => b.percent), [10, 50, 50]);
  });

  it('a property named like an object\'s built-in member is placed like any other new property', () => {
    const text = edited(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_end' }, changes: [{ path: ['toString'], value: 'x' }] });
    assert.deepEqual(parsed(text).points[2], { id: 'p_end', type: 'end', toString: 'x' });
  });

  it('typed text for a property that is not there yet is set as typed, also inside an object that is not there yet', () => {
    const text = edited(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['settings', 'timeZone'], value: 'UTC', base: '' }, { path: ['description'], value: 'Hi', base: '' }] });
    assert.deepEqual([parsed(text)['settings'], parsed(text)['description']], [{ timeZone: 'UTC' }, 'Hi']);
  });

  it('a value that is not text is set as it is, even when the change names the text it was typed on', () => {
    const text = edited(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 42, base: 'Wel' }] });
    assert.equal(parsed(text)['name'], 42);
  });
});

describe('edits: published versions (R22)', () => {
  const published = (version: unknown, publicationVersion: unknown) =>
    WELCOME.replace('"kind": "trigger",', `"kind": "trigger",\n  "version": ${JSON.stringify(version)},\n  "publication": { "version": ${JSON.stringify(publicationVersion)}, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },`);
  const nextVersion = (text: string) => parsed(edited(text, { op: 'editAsNewVersion' }))['version'];

  it('R22: the new version follows the higher of the journey\'s and the publication\'s version', () => {
    assert.equal(nextVersion(published(5, 3)), 6);
    assert.equal(nextVersion(published(3, 7)), 8);
  });

  it('R22: a version that is not a positive whole number counts as none, and the first new version is 2', () => {
    assert.equal(nextVersion(published('5', 1)), 2);
    assert.equal(nextVersion(published(2.5, 1)), 2);
    assert.equal(nextVersion(published(-4, 'x')), 2);
  });
});

describe('edits: where new points go and what is selected', () => {
  it('R4: "+" after a point puts the new point right after it in the file, wherever its successor is', () => {
    const text = edited(CHAIN, { op: 'insertPoint', from: 'p_n', slot: 'next', pointType: 'wait' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_n', 'p_wait', 'p_end', 'p_end2']);
  });

  it('R4: "+" after a starting point whose first point is missing puts the new point last, leading to the missing one', () => {
    const text = edited(CHAIN.replace('"next": "p_a"', '"next": "p_gone"'), { op: 'insertPoint', from: 'sp_a', slot: 'next', pointType: 'end' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_if', 'p_y', 'p_n', 'p_end', 'p_end2', 'p_end_2']);
    assert.equal(parsed(text).startingPoints[0]!.next, 'p_end_2');
  });

  it('R10: a wait-until inserted on an edge or before an end waits until the morning after "now"', () => {
    const inserted = parsed(edited(CHAIN, { op: 'insertPoint', from: 'p_a', slot: 'next', pointType: 'waitUntil' })).points[1] as unknown as { at: string };
    assert.equal(inserted.at, '2026-03-02T09:00');
    const before = parsed(edited(CHAIN, { op: 'continuePath', id: 'p_end', pointType: 'waitUntil' }));
    assert.deepEqual(pointIds(JSON.stringify(before)), ['p_a', 'p_if', 'p_y', 'p_n', 'p_wait_until', 'p_end', 'p_end2']);
    assert.deepEqual(before.points[4], { id: 'p_wait_until', type: 'waitUntil', at: '2026-03-02T09:00', next: 'p_end' });
  });

  it('R4: a terminal point that becomes the other kind of terminal point gets no new end', () => {
    assert.deepEqual(pointIds(edited(CHAIN, { op: 'changePointType', id: 'p_end', pointType: 'exit' })), ['p_a', 'p_if', 'p_y', 'p_n', 'p_end', 'p_end2']);
    const exit = edited(CHAIN, { op: 'changePointType', id: 'p_end', pointType: 'exit' });
    assert.deepEqual(pointIds(edited(exit, { op: 'changePointType', id: 'p_end', pointType: 'end' })), ['p_a', 'p_if', 'p_y', 'p_n', 'p_end', 'p_end2']);
  });

  it('R4: a point nothing leads to and that leads nowhere is deleted without asking', () => {
    const text = edited(json({ ...parsed(CHAIN), points: [...parsed(CHAIN).points, { id: 'p_open', type: 'wait', duration: 'P1D' }] }), { op: 'deletePoint', id: 'p_open' });
    assert.equal(text, CHAIN);
  });

  it('R4: a point that loops to itself, deleted: the node selected is the one that led to it, not itself', () => {
    const loopFirst = json({ ...parsed(CHAIN), points: [{ id: 'p_self', type: 'ifElse', condition: { type: 'hasTag', tag: 'x' }, branches: { yes: 'p_self', no: 'p_end' } }, ...parsed(CHAIN).points.map((p) => (p.id === 'p_y' ? { ...p, next: 'p_self' } : p))] });
    const result = journeyEditFor(loopFirst, { op: 'deletePoint', id: 'p_self' }, { now: NOW });
    assert.ok(result.ok);
    assert.equal(result.select, 'p_y');
  });

  it('R4: deleting branches selects the kept branch, else the new end; a loop back from a branch that goes is not an edge to keep', () => {
    const kept = journeyEditFor(CHAIN, { op: 'deleteBranches', id: 'p_if', keep: 'no' }, { now: NOW });
    assert.ok(kept.ok);
    assert.equal(kept.select, 'p_n');
    const loopBack = CHAIN.replace('"next": "p_a"', '"next": "p_end"').replace('"next": "p_if"', '"next": "p_end"').replace('"id": "p_n",\n      "type": "wait",\n      "duration": "P1D",\n      "next": "p_end2"', '"id": "p_n",\n      "type": "wait",\n      "duration": "P1D",\n      "next": "p_if"');
    const text = edited(loopBack, { op: 'deleteBranches', id: 'p_if' });
    assert.deepEqual(pointIds(text), ['p_a', 'p_end', 'p_end2']);
  });

  it('R4: a branch that goes and stands first in the file goes too', () => {
    const first = json({ ...parsed(CHAIN), points: [...parsed(CHAIN).points].sort((x, y) => (x.id === 'p_y' ? -1 : y.id === 'p_y' ? 1 : 0)) });
    assert.deepEqual(pointIds(edited(first, { op: 'deleteBranches', id: 'p_if', keep: 'no' })), ['p_a', 'p_n', 'p_end2']);
  });

  it('R4: deleting a selection selects the first node that led into it; a selection nothing leads into makes no end whatever it leads to', () => {
    const result = journeyEditFor(CHAIN, { op: 'deletePoints', ids: ['p_y', 'p_n'] }, { now: NOW });
    assert.ok(result.ok);
    assert.equal(result.select, 'p_if');
    const free = CHAIN.replace('"next": "p_a"', '"next": "p_end"');
    assert.deepEqual(pointIds(edited(free, { op: 'deletePoints', ids: ['p_a', 'p_if'] })), ['p_y', 'p_n', 'p_end', 'p_end2']);
  });

  it('R4: a starting point\'s stray fields do not hide its next; a split whose branches are not a list has no edge', () => {
    const stray = json({ ...parsed(CHAIN), startingPoints: [{ id: 'sp_a', type: 'end', trigger: { type: 'api' }, next: 'p_a' }] });
    assert.equal(parsed(edited(stray, { op: 'rename', id: 'p_a', newId: 'p_first' })).startingPoints[0]!.next, 'p_first');
    const odd = json({ ...parsed(CHAIN), points: [...parsed(CHAIN).points, { id: 'p_odd', type: 'split', branches: { yes: 'p_end' } }] });
    assert.equal(refusal(odd, { op: 'insertPoint', from: 'p_odd', slot: 'yes', pointType: 'wait' }), '"p_odd" has no "yes" branch.');
  });

  it('setting an array element replaces it', () => {
    const text = edited(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['tags', 0], value: 'Gold' }] });
    assert.deepEqual(parsed(text)['tags'], ['Gold']);
  });

  it('R1: a new starting point leads where the first starting point leads, not to the first point in the file', () => {
    const text = edited(CHAIN.replace('"next": "p_a"', '"next": "p_if"'), { op: 'addStartingPoint', triggerType: 'api' });
    assert.equal(parsed(text).startingPoints[1]!.next, 'p_if');
  });

  it('R22: "edit as new version" puts the status after the kind, else the name, else the id', () => {
    const noKind = (text: string) => text.replace('  "kind": "trigger",\n', '');
    const publishedWithout = (text: string) => text.replace('"formatVersion": 1,', '"formatVersion": 1,\n  "publication": { "version": 1, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },');
    assert.deepEqual(Object.keys(parsed(edited(publishedWithout(noKind(WELCOME)), { op: 'editAsNewVersion' }))).slice(0, 5), ['formatVersion', 'id', 'name', 'status', 'version']);
    const noName = noKind(WELCOME).replace('  "name": "Welcome",\n', '');
    assert.deepEqual(Object.keys(parsed(edited(publishedWithout(noName), { op: 'editAsNewVersion' }))).slice(0, 4), ['formatVersion', 'id', 'status', 'version']);
  });
});
