// Specification of what a JSON path of a journey means (journeyPaths.ts):
// the kind of object a path is in, whatever its value, and what a string
// value there names. Completion, hover and go to definition of names all
// read these answers, so each case is stated here once, path by path.
import assert from 'node:assert/strict';
import { meaningOfValue, roleOfObject, valueAt } from '../../../language/journeyPaths';
import type { JsonPath } from '../../../src/core/jsonDocument';

describe('what a path of a journey means', () => {
  it('names the role of the object at each path of a journey', () => {
    const roles: [JsonPath, string][] = [
      [[], 'journey'],
      [['startingPoints', 0], 'startingPoint'],
      [['startingPoints', 'x'], 'other'],
      [['startingPoints', 0, 'trigger'], 'trigger'],
      [['points', 2], 'point'],
      [['points', 2, 'event'], 'event'],
      [['settings', 'exitCriteria', 1, 'event'], 'event'],
      [['settings', 'exitCriteria', 'x', 'event'], 'other'],
      [['points', 2, 'branches'], 'ifElseBranches'],
      [['points', 2, 'branches', 0], 'splitBranch'],
      [['segmentEntry'], 'segmentEntry'],
      [['segmentEntry', 'schedule'], 'other'],
      [['content', 0], 'contentItem'],
      [['lists', 0], 'other'],
    ];
    for (const [path, role] of roles) assert.equal(roleOfObject(path), role, JSON.stringify(path));
  });

  it('R3: a filter is a filter root (a starting point filter, an if/else condition, an exit criterion condition) and any run of of[k] and filter below it', () => {
    const filters: JsonPath[] = [
      ['startingPoints', 0, 'filter'],
      ['startingPoints', 0, 'filter', 'of', 1],
      ['startingPoints', 0, 'filter', 'of', 1, 'filter', 'of', 0],
      ['points', 3, 'condition'],
      ['points', 3, 'condition', 'filter'],
      ['settings', 'exitCriteria', 0, 'condition'],
      ['settings', 'exitCriteria', 0, 'condition', 'of', 2],
    ];
    for (const path of filters) assert.equal(roleOfObject(path), 'filter', JSON.stringify(path));
    const others: JsonPath[] = [
      ['startingPoints', 'a', 'filter'],
      ['startingPoints', 0, 'trigger', 'filter'],
      ['startingPoints', 0, 'filter', 'of'],
      ['startingPoints', 0, 'filter', 'of', 'x'],
      ['startingPoints', 0, 'filter', 'tag'],
      ['points', 'a', 'condition'],
      ['points', 3, 'filter'],
      ['content', 3, 'condition'],
      ['settings', 'exitCriteria', 'a', 'condition'],
      ['settings', 'other', 0, 'condition'],
      ['other', 'exitCriteria', 0, 'condition'],
      ['settings', 'exitCriteria', 0, 'when'],
    ];
    for (const path of others) assert.equal(roleOfObject(path), 'other', JSON.stringify(path));
  });

  it('reads the raw value at a path, undefined past a scalar or null', () => {
    const root = { points: [{ id: 'a', type: 'end', n: null }] };
    assert.equal(valueAt(root, ['points', 0, 'id']), 'a');
    assert.equal(valueAt(root, []), root);
    assert.equal(valueAt(root, ['points', 0, 'id', 'length']), undefined);
    assert.equal(valueAt(root, ['points', 0, 'n', 'x']), undefined);
  });

  it('R4: the successors of starting points, points, split branches and if/else branches name a point, owned by their point', () => {
    assert.deepEqual(meaningOfValue(['startingPoints', 0, 'next'], {}), { kind: 'point-id', owner: ['startingPoints', 0] });
    assert.deepEqual(meaningOfValue(['points', 1, 'next'], {}), { kind: 'point-id', owner: ['points', 1] });
    assert.deepEqual(meaningOfValue(['points', 1, 'branches', 0, 'next'], {}), { kind: 'point-id', owner: ['points', 1] });
    for (const branch of ['yes', 'no', 'timeout']) assert.deepEqual(meaningOfValue(['points', 1, 'branches', branch], {}), { kind: 'point-id', owner: ['points', 1] }, branch);
    assert.equal(meaningOfValue(['points', 1, 'branches', 'maybe'], {}), undefined);
    assert.equal(meaningOfValue(['points', 1, 'branches', 0, 'percent'], {}), undefined);
    assert.equal(meaningOfValue(['content', 0, 'next'], {}), undefined);
    assert.equal(meaningOfValue(['points', 1, 'event', 'next'], {}), undefined);
    assert.equal(meaningOfValue(['points', 1, 'branches', 0], {}), undefined, 'an array index is no property');
  });

  it('R11: an awaited event names an email point and one of its links', () => {
    assert.deepEqual(meaningOfValue(['points', 1, 'event', 'point'], {}), { kind: 'email-point-id' });
    assert.deepEqual(meaningOfValue(['points', 1, 'event', 'link'], {}), { kind: 'link', eventPath: ['points', 1, 'event'] });
    assert.deepEqual(meaningOfValue(['points', 1, 'point'], {}), undefined);
    assert.deepEqual(meaningOfValue(['points', 1, 'link'], {}), undefined);
    assert.deepEqual(meaningOfValue(['points', 1, 'event', 'tag'], {}), { kind: 'name', declaration: 'tag' });
    assert.deepEqual(meaningOfValue(['points', 1, 'event', 'form'], {}), { kind: 'name', declaration: 'form' });
  });

  it('the type of a point, trigger, filter or awaited event is a type of that family; no other type is', () => {
    assert.deepEqual(meaningOfValue(['points', 0, 'type'], {}), { kind: 'type', of: 'point' });
    assert.deepEqual(meaningOfValue(['startingPoints', 0, 'trigger', 'type'], {}), { kind: 'type', of: 'trigger' });
    assert.deepEqual(meaningOfValue(['points', 0, 'condition', 'of', 0, 'type'], {}), { kind: 'type', of: 'filter' });
    assert.deepEqual(meaningOfValue(['settings', 'exitCriteria', 0, 'event', 'type'], {}), { kind: 'type', of: 'event' });
    assert.equal(meaningOfValue(['segmentEntry', 'schedule', 'type'], {}), undefined);
  });

  it('names the declarations each kind of object refers to: content by the channel of its point, date fields only in a trigger', () => {
    const journey = { points: [{ type: 'sendSms' }, { type: 'sendEmail' }, { type: 7 }] };
    assert.deepEqual(meaningOfValue(['points', 0, 'content'], journey), { kind: 'name', declaration: 'content', channel: 'sms' });
    assert.deepEqual(meaningOfValue(['points', 1, 'content'], journey), { kind: 'name', declaration: 'content', channel: 'email' });
    assert.deepEqual(meaningOfValue(['points', 2, 'content'], journey), { kind: 'name', declaration: 'content', channel: 'email' });
    assert.deepEqual(meaningOfValue(['points', 0, 'content'], { points: [['sendSms']] }), { kind: 'name', declaration: 'content', channel: 'email' });
    assert.deepEqual(meaningOfValue(['startingPoints', 0, 'trigger', 'field'], {}), { kind: 'name', declaration: 'field', dateFieldsOnly: true });
    assert.deepEqual(meaningOfValue(['startingPoints', 0, 'filter', 'field'], {}), { kind: 'name', declaration: 'field' });
    assert.deepEqual(meaningOfValue(['startingPoints', 0, 'trigger', 'campaign'], {}), { kind: 'name', declaration: 'campaign' });
    assert.deepEqual(meaningOfValue(['segmentEntry', 'segment'], {}), { kind: 'name', declaration: 'segment' });
    assert.deepEqual(meaningOfValue(['content', 0, 'list'], {}), { kind: 'name', declaration: 'list' });
    assert.equal(meaningOfValue(['content', 0, 'tag'], {}), undefined);
    assert.equal(meaningOfValue(['lists', 0, 'list'], {}), undefined);
    assert.equal(meaningOfValue(['points', 0, 'toString'], {}), undefined, 'a property of every object names nothing');
    assert.equal(meaningOfValue(['points', 0, 'constructor'], {}), undefined);
  });
});
