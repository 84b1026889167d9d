// Specification of the map's edit operations as the host receives them
// (src/core/edits/journeyOperation.ts): a well-formed operation is accepted
// as sent; one with a missing or malformed part is refused before any edit,
// so a webview message can never make the host edit with half an operation.
import assert from 'node:assert/strict';
import { JourneyOperation, Slot } from '../../../src/core/edits/journeyOperation';

describe('edits: the operation messages', () => {
  it('accepts every well-formed operation as it was sent', () => {
    const ops: unknown[] = [
      { op: 'insertPoint', from: 'p_a', slot: 'next', pointType: 'wait' },
      { op: 'insertPoint', from: 'p_a', slot: 2, pointType: 'split' },
      { op: 'deletePoint', id: 'p_a', reconnectTo: 'p_b' },
      { op: 'connect', from: 'p_a', slot: 'timeout', to: 'p_b' },
      { op: 'changePointType', id: 'p_a', pointType: 'end' },
      { op: 'addStartingPoint', triggerType: 'dateField' },
      { op: 'removeStartingPoint', id: 'sp' },
      { op: 'setFields', target: { kind: 'point', id: 'p_a' }, changes: [{ path: ['branches', 0, 'percent'], value: 40, insert: false, base: '4' }] },
      { op: 'rename', id: 'p_a', newId: 'p_b' },
      { op: 'pinPositions', positions: [{ id: 'p_a', x: 1.5, y: -2 }] },
      { op: 'unpinPositions' },
      { op: 'editAsNewVersion' },
      { op: 'deleteBranches', id: 'p_a', keep: 'yes' },
      { op: 'deletePoints', ids: ['p_a'] },
      { op: 'pastePoints', points: [{ id: 'p_a', type: 'end' }], at: { from: 'p_b', slot: 0 } },
      { op: 'continuePath', id: 'p_end', pointType: 'wait' },
      { op: 'declare', section: 'content', entry: { id: 'c' }, use: { target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'x' }] } },
      { op: 'startJourney', id: 'j', name: 'J', timeZone: 'UTC' },
      { op: 'undeclare', section: 'tags', key: 'VIP' },
    ];
    for (const op of ops) assert.deepEqual(JourneyOperation.parse(op), op);
  });

  it('refuses an operation with a missing, empty or unknown part', () => {
    const bad: unknown[] = [
      { op: 'insertPoint', from: 'p_a', slot: 'next' },
      { op: 'insertPoint', from: '', slot: 'next', pointType: 'wait' },
      { op: 'insertPoint', from: 'p_a', slot: 'maybe', pointType: 'wait' },
      { op: 'insertPoint', from: 'p_a', slot: -1, pointType: 'wait' },
      { op: 'insertPoint', from: 'p_a', slot: 1.5, pointType: 'wait' },
      { op: 'insertPoint', from: 'p_a', slot: 'next', pointType: 'teleport' },
      { op: 'addStartingPoint', triggerType: 'whenever' },
      { op: 'setFields', target: { kind: 'point', id: 'p_a' }, changes: [] },
      { op: 'setFields', target: { kind: 'point', id: 'p_a' }, changes: [{ path: [] }] },
      { op: 'setFields', target: { kind: 'point', id: 'p_a' }, changes: [{ path: [-1] }] },
      { op: 'setFields', target: { kind: 'point' }, changes: [{ path: ['x'] }] },
      { op: 'setFields', target: { kind: 'somewhere' }, changes: [{ path: ['x'] }] },
      { op: 'pinPositions', positions: [] },
      { op: 'pinPositions', positions: [{ id: 'p_a', x: '1', y: 0 }] },
      { op: 'deletePoints', ids: [] },
      { op: 'pastePoints', points: [] },
      { op: 'declare', section: 'friends', entry: 'x' },
      { op: 'startJourney', id: 'j', name: '', timeZone: 'UTC' },
      { op: 'startJourney', id: 'j', name: 'J', timeZone: '' },
      { op: 'undeclare', section: 'tags' },
      { op: 'teleport' },
    ];
    for (const op of bad) assert.equal(JourneyOperation.safeParse(op).success, false, JSON.stringify(op));
  });

  it('R4: a slot is next, yes, no, timeout or a split branch index', () => {
    for (const slot of ['next', 'yes', 'no', 'timeout', 0, 3]) assert.ok(Slot.safeParse(slot).success, String(slot));
    for (const slot of ['branch', -1, 0.5, null]) assert.equal(Slot.safeParse(slot).success, false, String(slot));
  });
});
