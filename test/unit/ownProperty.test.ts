// Specification of src/core/ownProperty.ts: names read from a file are data.
// setOwn stores any name as an ordinary own property of a record, even the
// names an attacker would pick to reach the prototype (`__proto__`,
// `constructor`, `toString`, `hasOwnProperty`); getOwn reads only the
// record's own properties, so an inherited member is never taken for data.
import assert from 'node:assert/strict';
import { getOwn, setOwn } from '../../src/core/ownProperty';

const ATTACKER_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('own properties keyed by names from a file (setOwn, getOwn)', () => {
  for (const name of ATTACKER_NAMES) {
    it(`setOwn stores "${name}" as an ordinary own data property (enumerable, writable, configurable), leaving the prototype alone`, () => {
      const record: Record<string, number> = {};
      setOwn(record, name, 7);
      assert.deepEqual(Object.getOwnPropertyDescriptor(record, name), { value: 7, enumerable: true, writable: true, configurable: true });
      assert.equal(Object.getPrototypeOf(record), Object.prototype);
      assert.deepEqual(Object.keys(record), [name]);
      assert.equal(JSON.stringify(record), `{"${name}":7}`);
      assert.equal(getOwn(record, name), 7);
    });

    it(`setOwn replaces an earlier value of "${name}"`, () => {
      const record: Record<string, number> = {};
      setOwn(record, name, 1);
      setOwn(record, name, 2);
      assert.equal(getOwn(record, name), 2);
      assert.deepEqual(Object.entries(record), [[name, 2]]);
    });

    it(`getOwn does not take the inherited "${name}" of a plain object for data`, () => {
      assert.equal(getOwn({ other: 1 } as Record<string, number>, name), undefined);
    });
  }

  it('a record written with setOwn keeps every name, in order of first write', () => {
    const record: Record<string, string> = {};
    for (const name of ['a', ...ATTACKER_NAMES, 'z']) setOwn(record, name, name.toUpperCase());
    assert.deepEqual(Object.keys(record), ['a', ...ATTACKER_NAMES, 'z']);
    for (const name of ATTACKER_NAMES) assert.equal(getOwn(record, name), name.toUpperCase());
  });

  it('getOwn of an ordinary own key gives its value; of a missing key or of no record, undefined', () => {
    const record: Record<string, number> = { present: 3, zero: 0 };
    assert.equal(getOwn(record, 'present'), 3);
    assert.equal(getOwn(record, 'zero'), 0);
    assert.equal(getOwn(record, 'absent'), undefined);
    assert.equal(getOwn(undefined, 'present'), undefined);
    assert.equal(getOwn(undefined, '__proto__'), undefined);
  });

  it('getOwn reads a record without a prototype', () => {
    const record = Object.create(null) as Record<string, number>;
    setOwn(record, 'constructor', 5);
    assert.equal(getOwn(record, 'constructor'), 5);
    assert.equal(getOwn(record, 'toString'), undefined);
  });
});
