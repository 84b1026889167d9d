// Specification of src/core/journeyHash.ts (R22): the hash of a journey's
// logic is `fnv1a64:` and 16 hex digits of 64-bit FNV-1a over the UTF-8 of
// a canonical JSON (keys sorted at every level, arrays in order, no
// whitespace) of the journey without what is not logic.
import assert from 'node:assert/strict';
import { canonicalJson, fnv1a64Hex, journeyLogic, journeyLogicHash } from '../../src/core/journeyHash';

describe('R22 the hash of a journey\'s logic (journeyHash.ts)', () => {
  it('R22: FNV-1a 64 gives the published test vectors (of the FNV reference, over the bytes of the text)', () => {
    assert.equal(fnv1a64Hex(''), 'cbf29ce484222325');
    assert.equal(fnv1a64Hex('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64Hex('foobar'), '85944171f73967e8');
  });

  it('R22: the hash is over UTF-8: a character outside ASCII counts as its bytes', () => {
    assert.notEqual(fnv1a64Hex('é'), fnv1a64Hex('\u00e9'.normalize('NFD')));
    assert.equal(fnv1a64Hex('é'), fnv1a64Hex('\u00e9'));
  });

  it('R22: the hash is always 16 lower-case hex digits, leading zeros included', () => {
    const hashes = Array.from({ length: 2000 }, (_, i) => fnv1a64Hex(`point_${i}`));
    for (const hash of hashes) assert.match(hash, /^[0-9a-f]{16}$/);
    assert.ok(hashes.some((h) => h.startsWith('0')), 'some of 2,000 hashes begin with a zero digit');
  });

  it('R22: canonical JSON sorts object keys at every level, keeps arrays in order and has no whitespace', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x y' } }), '{"a":{"c":"x y","d":[3,1,2]},"b":1}');
    assert.equal(canonicalJson({ z: 1, y: 2, x: 3, w: 4 }), '{"w":4,"x":3,"y":2,"z":1}');
    assert.equal(canonicalJson({ B: 1, a: 2, _: 3, '10': 4, '9': 5 }), canonicalJson({ '9': 5, '10': 4, _: 3, a: 2, B: 1 }));
  });

  it('R22: canonical JSON drops undefined properties and writes undefined array items as null, as JSON does', () => {
    assert.equal(canonicalJson({ a: undefined, b: 1 }), '{"b":1}');
    assert.equal(canonicalJson([undefined, 1]), '[null,1]');
    assert.equal(canonicalJson(undefined), 'null');
    assert.equal(canonicalJson([undefined, 1]), JSON.stringify([undefined, 1]));
    assert.equal(canonicalJson(null), 'null');
    assert.equal(canonicalJson('a "quoted" text'), JSON.stringify('a "quoted" text'));
  });

  it('R22: what is not logic is left out: $schema, layout, status, version, publication, description, point titles, starting point names', () => {
    const journey = {
      $schema: 's', layout: { p: { x: 1 } }, status: 'draft', version: 3, publication: { hash: 'h' }, description: 'd',
      id: 'j', name: 'Journey',
      startingPoints: [{ id: 'sp', name: 'Start here', next: 'p' }],
      points: [{ id: 'p', type: 'end', title: 'The end' }],
    };
    assert.deepEqual(journeyLogic(journey), { id: 'j', name: 'Journey', startingPoints: [{ id: 'sp', next: 'p' }], points: [{ id: 'p', type: 'end' }] });
  });

  it('R22: a value that is not an object, and a point or starting point that is not one, is kept as it is', () => {
    for (const value of [null, 'text', 42, true, [1, { title: 't' }]]) assert.deepEqual(journeyLogic(value), value);
    assert.deepEqual(journeyLogic({ points: [null, 'x', [{ title: 't' }], { id: 'a', title: 'A' }], startingPoints: [null, 7, ['n'], { id: 's', name: 'S' }] }), {
      points: [null, 'x', [{ title: 't' }], { id: 'a' }],
      startingPoints: [null, 7, ['n'], { id: 's' }],
    });
    assert.deepEqual(journeyLogic({ points: 'not a list', startingPoints: { name: 'kept' } }), { points: 'not a list', startingPoints: { name: 'kept' } });
  });

  it('R22: a top-level name that is a property of Object.prototype is logic like any other', () => {
    const journey = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2, "id": "j"}') as unknown;
    const logic = journeyLogic(journey) as Record<string, unknown>;
    assert.deepEqual(Object.keys(logic), ['__proto__', 'constructor', 'id']);
    assert.notEqual(journeyLogicHash(journey), journeyLogicHash({ id: 'j' }));
  });

  it('R22: the hash of a journey does not change with key order or what is not logic, and changes with its logic', () => {
    const journey = { id: 'j', kind: 'trigger', points: [{ id: 'p', type: 'wait', duration: 'P1D', next: 'e', title: 'Wait' }] };
    const hash = journeyLogicHash(journey);
    assert.match(hash, /^fnv1a64:[0-9a-f]{16}$/);
    assert.equal(hash, `fnv1a64:${fnv1a64Hex(canonicalJson(journeyLogic(journey)))}`);
    assert.equal(journeyLogicHash({ points: [{ next: 'e', title: 'Other', duration: 'P1D', type: 'wait', id: 'p' }], kind: 'trigger', id: 'j', layout: {} }), hash);
    assert.notEqual(journeyLogicHash({ ...journey, points: [{ ...journey.points[0], duration: 'P2D' }] }), hash);
  });
});
