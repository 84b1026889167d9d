// Specification of what each map edit reports besides its text: the label
// that names the edit (undo/redo entries, logs, messages), the node the map
// selects afterwards, and the refusal a person reads when the edit cannot
// be made: it says which node, which edge or which value is the problem.
import assert from 'node:assert/strict';
import type { JourneyOperation } from '../../../src/core/edits/journeyOperation';
import { journeyEditFor } from '../../../src/core/edits/journeyEdit';
import { applyTextEdits } from '../../../src/core/edits/textEdits';
import { edited, NOW, refusal, WELCOME } from './fixtures';

/** The outcome of an edit that must succeed: its label, the node it selects (absent: none), and its text. */
function outcome(text: string, op: JourneyOperation): { label: string; select: string | undefined; text: string; hasSelect: boolean } {
  const result = journeyEditFor(text, op, { now: NOW });
  assert.ok(result.ok, result.ok ? '' : `expected the edit to succeed, got: ${result.error}`);
  assert.equal(applyTextEdits(text, result.edits), result.text);
  return { label: result.label, select: result.select, text: result.text, hasSelect: 'select' in result };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A journey with every kind of branching point, two starting points and pinned positions. */
const BRANCHY = json({
  formatVersion: 1,
  id: 'branchy',
  name: 'Branchy',
  kind: 'trigger',
  startingPoints: [
    { id: 'sp_a', trigger: { type: 'api' }, next: 'p_mail' },
    { id: 'sp_b', trigger: { type: 'api' }, next: 'p_split' },
  ],
  points: [
    { id: 'p_mail', type: 'sendEmail', content: 'hello', next: 'p_split' },
    { id: 'p_split', type: 'split', branches: [{ percent: 30, next: 'p_wait' }, { percent: 70, next: 'p_end' }] },
    { id: 'p_wait', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_mail' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
    { id: 'p_end', type: 'end' },
    { id: 'p_lonely', type: 'addTag', tag: 'x', next: 'p_end' },
    { id: 'p_open', type: 'wait', duration: 'P1D' },
  ],
  layout: { p_mail: { x: 1, y: 2 }, p_end: { x: 3, y: 4 } },
});

describe('edits: labels, selection and refusals', () => {
  it('inserting, connecting and changing a point: named by the point type\'s label, the new or changed point selected', () => {
    assert.deepEqual(
      [outcome(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'waitForEvent' })].map((o) => [o.label, o.select]),
      [['Insert Wait for event after "p_email"', 'p_wait_for_event']],
    );
    const connected = outcome(WELCOME, { op: 'connect', from: 'p_check', slot: 'yes', to: 'p_email' });
    assert.deepEqual([connected.label, connected.select], ['Connect "p_check" to "p_email"', 'p_check']);
    const changed = outcome(WELCOME, { op: 'changePointType', id: 'p_email', pointType: 'sendSms' });
    assert.deepEqual([changed.label, changed.select], ['Change "p_email" to Send SMS', 'p_email']);
  });

  it('deleting a point selects the first node that led to it, and nothing when nothing led to it', () => {
    const deleted = outcome(WELCOME, { op: 'deletePoint', id: 'p_email' });
    assert.deepEqual([deleted.label, deleted.select], ['Delete "p_email"', 'sp_vip']);
    const lonely = outcome(BRANCHY, { op: 'deletePoint', id: 'p_lonely' });
    assert.deepEqual([lonely.label, lonely.hasSelect], ['Delete "p_lonely"', false]);
    assert.equal(JSON.parse(lonely.text).points.some((p: { id: string }) => p.id === 'p_lonely'), false);
  });

  it('R1: adding and removing starting points: named by the starting point, the new one or the removed one\'s first point selected', () => {
    const added = outcome(WELCOME, { op: 'addStartingPoint', triggerType: 'api' });
    assert.deepEqual([added.label, added.select], ['Add starting point "sp_api"', 'sp_api']);
    const removed = outcome(BRANCHY, { op: 'removeStartingPoint', id: 'sp_b' });
    assert.deepEqual([removed.label, removed.select], ['Remove starting point "sp_b"', 'p_split']);
  });

  it('property edits name the properties changed (once each, without array indexes) and the point, which stays selected', () => {
    const point = outcome(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_email' }, changes: [{ path: ['title'], value: 'Hi' }, { path: ['title'], value: 'Hello' }, { path: ['content'], value: 'hello' }] });
    assert.deepEqual([point.label, point.select], ['Set title, content of "p_email"', 'p_email']);
    const branch = outcome(BRANCHY, { op: 'setFields', target: { kind: 'point', id: 'p_split' }, changes: [{ path: ['branches', 0, 'percent'], value: 40 }, { path: ['branches', 1, 'percent'], value: 60 }] });
    assert.equal(branch.label, 'Set branches.percent of "p_split"');
    const start = outcome(WELCOME, { op: 'setFields', target: { kind: 'start', id: 'sp_vip' }, changes: [{ path: ['name'], value: 'VIPs' }] });
    assert.deepEqual([start.label, start.select], ['Set name of "sp_vip"', 'sp_vip']);
    const journey = outcome(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'Hello' }] });
    assert.deepEqual([journey.label, journey.hasSelect], ['Set name', false]);
    const tags = outcome(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['tags', 0], value: 'Gold' }] });
    assert.equal(tags.label, 'Set tags');
    // A change of the whole node (an empty path) names no property: alone it reads "properties", beside others it adds no empty name.
    const whole = { path: [], value: { id: 'p_email', type: 'sendEmail', title: 'Mail', content: 'hello', next: 'p_check' } };
    assert.equal(outcome(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_email' }, changes: [whole] }).label, 'Set properties of "p_email"');
    assert.equal(outcome(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_email' }, changes: [whole, { path: ['title'], value: 'Hi' }] }).label, 'Set title of "p_email"');
  });

  it('a journey\'s own id is a property like any other (only nodes are renamed with "Rename")', () => {
    const text = edited(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['id'], value: 'welcome_2' }] });
    assert.equal(JSON.parse(text).id, 'welcome_2');
    assert.match(refusal(WELCOME, { op: 'setFields', target: { kind: 'start', id: 'sp_vip' }, changes: [{ path: ['id'], value: 'sp_x' }] }), /Rename a point with "Rename"/);
  });

  it('a change the text cannot take is refused, naming the property and why', () => {
    assert.match(
      refusal(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_email' }, changes: [{ path: ['content', 'id'], value: 'x' }] }),
      /^Cannot change content\.id: ./,
    );
  });

  it('renaming names both ids and selects the renamed node; the same id is refused', () => {
    const renamed = outcome(WELCOME, { op: 'rename', id: 'p_email', newId: 'p_hello' });
    assert.deepEqual([renamed.label, renamed.select], ['Rename "p_email" to "p_hello"', 'p_hello']);
    assert.equal(refusal(WELCOME, { op: 'rename', id: 'p_email', newId: 'p_email' }), '"p_email" already has that id.');
  });

  it('pinning and unpinning say which points, or how many', () => {
    assert.equal(outcome(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 0, y: 0 }] }).label, 'Pin "p_email"');
    assert.equal(outcome(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 0, y: 0 }, { id: 'p_end', x: 1, y: 1 }] }).label, 'Pin 2 points');
    assert.equal(outcome(BRANCHY, { op: 'unpinPositions', ids: ['p_end', 'p_mail', 'p_split'] }).label, 'Unpin "p_end", "p_mail"');
    assert.equal(outcome(BRANCHY, { op: 'unpinPositions', ids: ['p_end', 'p_split'] }).label, 'Unpin "p_end"');
    assert.equal(outcome(BRANCHY, { op: 'unpinPositions' }).label, 'Reset the layout');
  });

  it('unpinning some of the pinned points keeps the others; unpinning them all removes the layout', () => {
    const one = edited(BRANCHY, { op: 'unpinPositions', ids: ['p_end', 'p_split'] });
    assert.deepEqual(JSON.parse(one).layout, { p_mail: { x: 1, y: 2 } });
    const all = edited(BRANCHY, { op: 'unpinPositions', ids: ['p_end', 'p_mail'] });
    assert.equal('layout' in JSON.parse(all), false);
    assert.equal(refusal(BRANCHY, { op: 'unpinPositions', ids: ['p_split'] }), 'None of these points is pinned.');
  });

  it('a position that is not a finite number is refused, whichever coordinate it is', () => {
    assert.equal(refusal(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: Number.NaN, y: 0 }] }), 'The position of "p_email" is not a number.');
    assert.equal(refusal(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 0, y: Number.POSITIVE_INFINITY }] }), 'The position of "p_email" is not a number.');
  });

  it('deleting branches counts the points that go with it', () => {
    assert.equal(outcome(BRANCHY, { op: 'deleteBranches', id: 'p_split' }).label, 'Delete "p_split" and 2 points only it leads to');
    assert.equal(outcome(BRANCHY, { op: 'deleteBranches', id: 'p_split', keep: 1 }).label, 'Delete "p_split" and 1 point only it leads to');
    assert.equal(outcome(BRANCHY, { op: 'deleteBranches', id: 'p_split', keep: 0 }).label, 'Delete "p_split" and 0 points only it leads to');
  });

  it('deleting a selection names the point, or counts them', () => {
    assert.equal(outcome(BRANCHY, { op: 'deletePoints', ids: ['p_lonely'] }).label, 'Delete "p_lonely"');
    assert.equal(outcome(BRANCHY, { op: 'deletePoints', ids: ['p_lonely', 'p_open', 'p_lonely'] }).label, 'Delete 2 points');
    assert.equal(refusal(BRANCHY, { op: 'deletePoints', ids: [] as unknown as [string] }), 'No point is selected.');
  });

  it('pasting names the pasted point, or counts the points, and selects the first one pasted', () => {
    const one = outcome(WELCOME, { op: 'pastePoints', points: [{ id: 'p_end', type: 'end' }] });
    assert.deepEqual([one.label, one.select], ['Paste "p_end_2"', 'p_end_2']);
    const two = outcome(WELCOME, { op: 'pastePoints', points: [{ id: 'p_a', type: 'end' }, { id: 'p_b', type: 'end' }] });
    assert.deepEqual([two.label, two.select], ['Paste 2 points', 'p_a']);
  });

  it('continuing a path names the new point and the end it goes before, and selects the new point', () => {
    const cont = outcome(WELCOME, { op: 'continuePath', id: 'p_end', pointType: 'wait' });
    assert.deepEqual([cont.label, cont.select], ['Add Wait before "p_end"', 'p_wait']);
    assert.equal(refusal(WELCOME, { op: 'continuePath', id: 'p_end', pointType: 'exit' }), 'The path already ends at "p_end".');
    assert.equal(refusal(WELCOME, { op: 'continuePath', id: 'sp_vip', pointType: 'wait' }), 'There is no journey point "sp_vip" in the journey any more.');
  });

  it('R22: editing as a new version names the new version', () => {
    const published = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "version": 3,\n  "publication": { "version": 3, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },');
    assert.equal(outcome(published, { op: 'editAsNewVersion' }).label, 'Edit as new version 4');
  });

  it('declaring and removing a declaration name the entry by what a person calls it', () => {
    assert.equal(outcome(WELCOME, { op: 'declare', section: 'tags', entry: 'Gold' }).label, 'Declare tag "Gold"');
    assert.equal(outcome(WELCOME, { op: 'declare', section: 'content', entry: { id: 'bye', channel: 'email', status: 'draft' } }).label, 'Declare content item "bye"');
    assert.equal(outcome(WELCOME, { op: 'undeclare', section: 'tags', key: 'VIP' }).label, 'Remove tag "VIP"');
    assert.equal(refusal(WELCOME, { op: 'undeclare', section: 'tags', key: 'Gold' }), 'The journey declares no tag "Gold" any more.');
    assert.equal(refusal(WELCOME, { op: 'declare', section: 'fields', entry: { name: ' ', type: 'string' } }), 'A new field needs a name.');
  });

  it('a node that is gone is named with the kind the edit needed', () => {
    assert.equal(refusal(WELCOME, { op: 'removeStartingPoint', id: 'p_email' }), 'There is no starting point "p_email" in the journey any more.');
    assert.equal(refusal(WELCOME, { op: 'deletePoint', id: 'sp_vip' }), 'There is no journey point "sp_vip" in the journey any more.');
    assert.equal(refusal(WELCOME, { op: 'connect', from: 'p_gone', slot: 'next', to: 'p_end' }), 'There is no point "p_gone" in the journey any more.');
    assert.equal(refusal(WELCOME, { op: 'changePointType', id: 'sp_vip', pointType: 'wait' }), 'There is no journey point "sp_vip" in the journey any more.');
    assert.equal(refusal(WELCOME, { op: 'deleteBranches', id: 'sp_vip' }), 'There is no journey point "sp_vip" in the journey any more.');
    assert.equal(refusal(WELCOME, { op: 'deletePoints', ids: ['p_email', 'sp_vip'] }), 'There is no journey point "sp_vip" in the journey any more.');
  });

  it('R4: an edge is named as a person sees it: the next point, a named branch, or a split branch counted from 1', () => {
    assert.equal(refusal(BRANCHY, { op: 'insertPoint', from: 'p_split', slot: 2, pointType: 'wait' }), '"p_split" has no branch 3.');
    assert.equal(refusal(BRANCHY, { op: 'insertPoint', from: 'p_mail', slot: 'yes', pointType: 'wait' }), '"p_mail" has no "yes" branch.');
    assert.equal(refusal(BRANCHY, { op: 'insertPoint', from: 'p_end', slot: 'next', pointType: 'wait' }), '"p_end" has no next point.');
    assert.equal(refusal(BRANCHY, { op: 'insertPoint', from: 'p_open', slot: 'next', pointType: 'wait' }), 'The next point of "p_open" names no point; connect it first.');
    assert.equal(refusal(BRANCHY, { op: 'connect', from: 'p_end', slot: 'next', to: 'p_mail' }), '"p_end" has no next point.');
    assert.equal(refusal(BRANCHY, { op: 'connect', from: 'p_split', slot: 1, to: 'p_end' }), 'The branch 2 of "p_split" is already "p_end".');
    assert.equal(refusal(BRANCHY, { op: 'connect', from: 'p_split', slot: 0, to: 'sp_a' }), 'There is no journey point "sp_a" in the journey any more.');
  });

  it('R4: deleting a point refuses to reconnect to itself or to a starting point, and counts one edge as one', () => {
    assert.equal(refusal(WELCOME, { op: 'deletePoint', id: 'p_email', reconnectTo: 'p_email' }), '"p_email" cannot take its own place.');
    assert.equal(refusal(WELCOME, { op: 'deletePoint', id: 'p_email', reconnectTo: 'sp_vip' }), 'There is no journey point "sp_vip" in the journey any more.');
    const toOpen = BRANCHY.replace('"tag": "x",\n      "next": "p_end"', '"tag": "x",\n      "next": "p_open"');
    assert.equal(refusal(toOpen, { op: 'deletePoint', id: 'p_open' }), '"p_open" ends its path: choose the point the 1 edge leading to it should go to instead.');
    const wait = edited(BRANCHY, { op: 'deletePoint', id: 'p_wait' });
    assert.equal(JSON.parse(wait).points[1].branches[0].next, 'p_end', 'both branches lead to one point: the edge that led to the deleted point leads there');
  });

  it('R4: changing a point to its own type is refused, naming the type', () => {
    assert.equal(refusal(WELCOME, { op: 'changePointType', id: 'p_email', pointType: 'sendEmail' }), '"p_email" is already a Send email point.');
  });

  it('startJourney: an empty (or blank) file becomes the smallest journey, named by the label, its start selected', () => {
    const blank = ' \n';
    const result = journeyEditFor(blank, { op: 'startJourney', id: 'hello', name: 'Hello', timeZone: 'Europe/Berlin' });
    assert.ok(result.ok);
    assert.equal(result.label, 'Start journey "Hello"');
    assert.equal(result.select, 'start');
    assert.deepEqual(result.edits, [{ offset: 0, length: blank.length, content: result.text }]);
    const journey = JSON.parse(result.text);
    assert.deepEqual([journey.id, journey.name, journey.settings.timeZone], ['hello', 'Hello', 'Europe/Berlin']);
    const full = journeyEditFor(WELCOME, { op: 'startJourney', id: 'hello', name: 'Hello', timeZone: 'UTC' });
    assert.deepEqual(full, { ok: false, error: 'The file is not empty: the map starts a journey only in an empty file.' });
    const badId = journeyEditFor('', { op: 'startJourney', id: '9lives', name: 'Nine', timeZone: 'UTC' });
    assert.deepEqual(badId, { ok: false, error: '"9lives" cannot be a journey id: start with a letter or _, then use letters, digits, _ . -' });
  });

  it('an edit that changes nothing is refused as such', () => {
    assert.deepEqual(
      journeyEditFor(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'Welcome' }] }),
      { ok: false, error: 'Nothing to change.' },
    );
  });
});
