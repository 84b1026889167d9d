// Specification of the contact index (src/core/simulator/contactIndex.ts)
// and the contact store over it (contactStore.ts): every id finds its own
// number, one by one or many at once, also when two ids share a hash
// ("costarring" and "liquid" have the same FNV-1a 32-bit hash) and after the
// table has grown; an unknown id finds -1; a repeated id keeps its first
// number. A replay gives each of two such contacts its own events.
import assert from 'node:assert/strict';
import { ContactIndex } from '../../../src/core/simulator/contactIndex';
import { ContactStore } from '../../../src/core/simulator/contactStore';
import { simulate } from '../../../src/core/simulator/index';
import { journey, T, tagTrigger, timeline } from './helpers';

/** Pairs of ids with one FNV-1a 32-bit hash (published collisions). */
const COLLIDING = [
  ['costarring', 'liquid'],
  ['declinate', 'macallums'],
  ['altarage', 'zinke'],
];

function indexOf(ids: string[]): ContactIndex {
  const known: string[] = [];
  const index = new ContactIndex(known);
  for (const id of ids) if (index.addIfAbsent(id, known.length) < 0) known.push(id);
  return index;
}

describe('contact numbers by id', () => {
  it('finds every id’s number, one by one and all at once, across growth and ids of one hash; -1 for an unknown id', () => {
    const ids = [...COLLIDING.flat(), ...Array.from({ length: 300 }, (_, k) => `c${k}`)];
    const index = indexOf(ids);
    ids.forEach((id, n) => assert.equal(index.get(id), n, id));
    assert.equal(index.get('nobody'), -1);
    assert.equal(index.get(''), -1);
    const asked = [...ids].reverse().concat(['nobody', 'liquid', 'costarring']);
    const out = new Array<number>(asked.length + 2).fill(99);
    index.getAll(asked, asked.length, out, 2);
    assert.deepEqual(out.slice(0, 2), [99, 99], 'nothing written before outFrom');
    assert.deepEqual(out.slice(2), asked.map((id) => ids.indexOf(id)));
    const fromMinus = new Array<number>(asked.length).fill(-1);
    index.getAll(asked, asked.length, fromMinus);
    assert.deepEqual(fromMinus, asked.map((id) => ids.indexOf(id)), 'whatever the output held before');
  });

  it('an id whose hash is taken by another is found by its own text, whichever was added first', () => {
    for (const [a, b] of COLLIDING) {
      for (const order of [[a!, b!], [b!, a!]]) {
        const index = indexOf(order);
        assert.equal(index.get(order[0]!), 0);
        assert.equal(index.get(order[1]!), 1);
        const out = [0, 0];
        index.getAll([order[1]!, order[0]!], 2, out);
        assert.deepEqual(out, [1, 0]);
        const alone = indexOf([order[0]!]);
        assert.equal(alone.get(order[1]!), -1, 'the same hash, another id: not found');
        const none = [7];
        alone.getAll([order[1]!], 1, none);
        assert.deepEqual(none, [-1]);
      }
    }
  });

  it('looks up more ids than one block at once: an id whose hash is taken by another is found in a later block too, and nothing is written past the ids asked', () => {
    const ids = ['liquid', ...Array.from({ length: 200 }, (_, k) => `c${k}`), 'costarring'];
    const index = indexOf(ids);
    const asked = [...Array.from({ length: 4100 }, (_, k) => `c${k % 200}`), 'costarring', 'liquid', 'nobody'];
    const out = new Array<number>(asked.length + 3).fill(150);
    index.getAll(asked, asked.length, out, 1);
    assert.equal(out[0], 150, 'nothing before outFrom');
    assert.deepEqual(out.slice(1, asked.length + 1), asked.map((id) => ids.indexOf(id)));
    assert.deepEqual(out.slice(asked.length + 1), [150, 150], 'nothing after the ids asked');
  });

  it('answers the number already given for an id added again, and -1 (recording the new number) for a new one', () => {
    const known: string[] = [];
    const index = new ContactIndex(known, 2);
    assert.equal(index.addIfAbsent('a', 0), -1);
    known.push('a');
    assert.equal(index.addIfAbsent('liquid', 1), -1);
    known.push('liquid');
    assert.equal(index.addIfAbsent('costarring', 2), -1);
    known.push('costarring');
    assert.equal(index.addIfAbsent('a', 3), 0);
    assert.equal(index.addIfAbsent('costarring', 3), 2);
    assert.equal(index.addIfAbsent('liquid', 3), 1);
  });

  it('the store numbers contacts in list order, the first of a repeated id wins, and looks ids up in blocks', () => {
    const many = Array.from({ length: 5000 }, (_, k) => ({ id: `c${k}` }));
    const store = new ContactStore([{ id: 'liquid' }, ...many, { id: 'costarring', tags: ['x'] }, { id: 'liquid', tags: ['late'] }]);
    assert.equal(store.size, 5002);
    assert.equal(store.indexOf('liquid'), 0);
    assert.equal(store.indexOf('costarring'), 5001);
    assert.equal(store.view(0).tags, undefined);
    const asked = ['costarring', 'c4999', 'nobody', 'liquid', ...many.map((c) => c.id)];
    const out = new Array<number>(asked.length).fill(99);
    store.indicesOf(asked, asked.length, out);
    assert.deepEqual(out.slice(0, 4), [5001, 5000, -1, 0]);
    assert.ok(out.slice(4).every((n, k) => n === k + 1));
  });

  it('R7: in a replay, two contacts whose ids share a hash each get their own events', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'go', 'e')], points: [{ id: 'e', type: 'end' }] });
    const tl = timeline([{ id: 'liquid' }, { id: 'costarring' }], [{ at: '2026-03-02T09:00:00Z', contact: 'costarring', type: 'tagAdded', tag: 'go' }]);
    for (const trace of [true, false]) {
      const r = simulate(j, tl, { trace });
      assert.equal(r.stats.completed, 1);
      if (trace) assert.deepEqual(r.trace.filter((e) => e.kind === 'enter').map((e) => [e.contact, e.at]), [['costarring', T('2026-03-02T09:00:00Z')]]);
    }
  });
});
