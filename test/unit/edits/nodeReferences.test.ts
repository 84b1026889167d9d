// Specification of how the map reads a node's edges from the raw journey
// value (also while it does not fit the schema): which successor slots each
// point kind has, in document order, labelled as the map shows them; every
// reference to a point; and the points only one point leads to.
import assert from 'node:assert/strict';
import { referencesTo, refInSlot, slotPath, successorRefs } from '../../../src/core/edits/nodeReferences';
import { pointsOnlyReachedThrough } from '../../../src/core/edits/reachability';

const slots = (kind: 'start' | 'point', node: unknown) => successorRefs(kind, node).map((r) => [r.slot, r.to, r.label, r.path.join('/')]);

describe('edits: successor references (R4)', () => {
  it('a starting point has one slot, next, whatever else it holds', () => {
    assert.deepEqual(slots('start', { id: 'sp', type: 'end', next: 'p_a' }), [['next', 'p_a', 'next', 'next']]);
    assert.deepEqual(slots('start', { id: 'sp' }), [['next', undefined, 'next', 'next']]);
  });

  it('end and exit points have no successor, even with a stray next', () => {
    assert.deepEqual(slots('point', { id: 'p', type: 'end', next: 'p_a' }), []);
    assert.deepEqual(slots('point', { id: 'p', type: 'exit', branches: { yes: 'p_a' } }), []);
  });

  it('R12 R11: an if/else has yes and no, a wait-for-event yes and timeout, in that order, also when missing', () => {
    assert.deepEqual(slots('point', { type: 'ifElse', branches: { no: 'p_n', yes: 'p_y' } }), [['yes', 'p_y', 'yes', 'branches/yes'], ['no', 'p_n', 'no', 'branches/no']]);
    assert.deepEqual(slots('point', { type: 'waitForEvent', next: 'p_x' }), [['yes', undefined, 'yes', 'branches/yes'], ['timeout', undefined, 'timeout', 'branches/timeout']]);
  });

  it('R13: a split has one slot per branch, labelled by its label, else its share', () => {
    assert.deepEqual(slots('point', { type: 'split', branches: [{ percent: 30, next: 'p_a' }, { percent: 70, label: 'rest', next: 'p_b' }, { next: 'p_c' }, 'junk'] }), [
      [0, 'p_a', '30%', 'branches/0/next'],
      [1, 'p_b', 'rest', 'branches/1/next'],
      [2, 'p_c', '?%', 'branches/2/next'],
      [3, undefined, '?%', 'branches/3/next'],
    ]);
    assert.deepEqual(slots('point', { type: 'split', branches: [{ percent: '30', next: 'p_a' }] }), [[0, 'p_a', '?%', 'branches/0/next']]);
    assert.deepEqual(slots('point', { type: 'split' }), []);
  });

  it('a point of an unknown type shows whatever edges it names: branch array, yes/no/timeout branches, or next', () => {
    assert.deepEqual(slots('point', { type: 'typo', branches: [{ percent: 50, next: 'p_a' }] }), [[0, 'p_a', '50%', 'branches/0/next']]);
    assert.deepEqual(slots('point', { type: 'typo', branches: { timeout: 'p_t', other: 'p_o', yes: 'p_y', no: 'p_n' } }), [
      ['timeout', 'p_t', 'timeout', 'branches/timeout'],
      ['yes', 'p_y', 'yes', 'branches/yes'],
      ['no', 'p_n', 'no', 'branches/no'],
    ]);
    assert.deepEqual(slots('point', { type: 'typo', next: 'p_a' }), [['next', 'p_a', 'next', 'next']]);
    assert.deepEqual(slots('point', { next: 7 }), [['next', undefined, 'next', 'next']]);
    assert.deepEqual(slots('point', { type: 'typo' }), []);
    assert.deepEqual(slots('point', 'not a point'), []);
  });

  it('R4: every action and wait has a next slot, even before it names one', () => {
    for (const type of ['sendEmail', 'sendSms', 'addTag', 'removeTag', 'updateField', 'subscribeList', 'unsubscribeList', 'webhook', 'wait', 'waitUntil']) {
      assert.deepEqual(slots('point', { type }), [['next', undefined, 'next', 'next']], type);
    }
  });

  it('the slot of a reference and its path inside the node', () => {
    assert.deepEqual(slotPath('next'), ['next']);
    assert.deepEqual(slotPath('yes'), ['branches', 'yes']);
    assert.deepEqual(slotPath('timeout'), ['branches', 'timeout']);
    assert.deepEqual(slotPath(1), ['branches', 1, 'next']);
    assert.equal(refInSlot('point', { type: 'ifElse', branches: { yes: 'a', no: 'b' } }, 'no')?.to, 'b');
    assert.equal(refInSlot('point', { type: 'ifElse', branches: { yes: 'a', no: 'b' } }, 'next'), undefined);
  });

  it('R4: every reference to a point, starting points first, with its owner, kind and absolute path', () => {
    const journey = {
      startingPoints: [{ id: 'sp_a', next: 'p_x' }, { next: 'p_x' }, { id: 'sp_c', next: 'p_y' }],
      points: [
        { id: 'p_if', type: 'ifElse', branches: { yes: 'p_x', no: 'p_x' } },
        { id: 'p_x', type: 'wait', next: 'p_x' },
        { id: 'p_split', type: 'split', branches: [{ percent: 100, next: 'p_x' }] },
      ],
    };
    assert.deepEqual(referencesTo(journey, 'p_x'), [
      { owner: 'sp_a', kind: 'start', path: ['startingPoints', 0, 'next'] },
      { owner: undefined, kind: 'start', path: ['startingPoints', 1, 'next'] },
      { owner: 'p_if', kind: 'point', path: ['points', 0, 'branches', 'yes'] },
      { owner: 'p_if', kind: 'point', path: ['points', 0, 'branches', 'no'] },
      { owner: 'p_x', kind: 'point', path: ['points', 1, 'next'] },
      { owner: 'p_split', kind: 'point', path: ['points', 2, 'branches', 0, 'next'] },
    ]);
    assert.deepEqual(referencesTo({}, 'p_x'), []);
  });
});

describe('edits: points only one point leads to', () => {
  const journey = {
    startingPoints: [{ id: 'sp_a', next: 'p_if' }, { id: 'sp_b', next: 'p_shared' }, { id: 'sp_c' }],
    points: [
      { id: 'p_if', type: 'ifElse', branches: { yes: 'p_yes', no: 'p_no' } },
      { id: 'p_no', type: 'wait', next: 'p_shared' },
      { id: 'p_yes', type: 'wait', next: 'p_yes_end' },
      { type: 'end' },
      { id: 'p_yes_end', type: 'end' },
      { id: 'p_shared', type: 'wait', next: 'p_loop' },
      { id: 'p_loop', type: 'wait', next: 'p_shared' },
      { id: 'p_orphan', type: 'wait', next: 'p_orphan_end' },
      { id: 'p_orphan_end', type: 'end' },
    ],
  };

  it('counts what only the point reaches, in document order, not what a starting point still reaches', () => {
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_if'), ['p_no', 'p_yes', 'p_yes_end']);
  });

  it('keeping a branch keeps what it reaches', () => {
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_if', 'yes'), ['p_no']);
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_if', 'no'), ['p_yes', 'p_yes_end']);
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_if', 'timeout'), ['p_no', 'p_yes', 'p_yes_end'], 'a slot the point does not have keeps nothing');
  });

  it('a point no starting point reaches takes what only it reaches; a point that is not there takes nothing', () => {
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_orphan'), ['p_orphan_end']);
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_gone'), []);
    assert.deepEqual(pointsOnlyReachedThrough(journey, 'p_loop'), [], 'a loop back into a reached point takes nothing');
  });

  it('a starting point that leads to the point itself does not keep it reached', () => {
    const direct = { startingPoints: [{ id: 'sp', next: 'p_a' }], points: [{ id: 'p_a', type: 'wait', next: 'p_b' }, { id: 'p_b', type: 'end' }] };
    assert.deepEqual(pointsOnlyReachedThrough(direct, 'p_a'), ['p_b']);
  });
});
