// Contacts in columns (src/core/simulator/contactColumns.ts), as a shard
// worker of the sharded replay receives them: decoding gives the same
// contacts, values and key order, names such as "__proto__" kept as own
// keys, numbers such as -0 and NaN kept, for generated contacts; after a
// structured clone (postMessage) as well. A contact the columns do not
// describe travels as its JSON text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { type ContactColumns, decodeContacts, encodeContacts } from '../../../src/core/simulator/contactColumns';
import type { Contact } from '../../../src/core/timeline';
import { propertyParameters } from './propertyRuns';

const nameArb = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a', ''), fc.string({ maxLength: 6, unit: 'binary' }));

/** A record with own keys from `names`, `__proto__` included, set as own properties (as parseTimeline keeps them). */
const recordArb = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(nameArb, value), { maxLength: 4 }).map((entries) => {
    const record: Record<string, T> = {};
    for (const [k, v] of entries) Object.defineProperty(record, k, { value: v, enumerable: true, writable: true, configurable: true });
    return record;
  });

const contactArb: fc.Arbitrary<Contact> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      email: fc.string({ maxLength: 10, unit: 'binary' }),
      name: fc.string({ maxLength: 6 }),
      phone: fc.string({ maxLength: 6 }),
      language: fc.constantFrom('en', 'fr'),
      tags: fc.array(nameArb, { maxLength: 3 }),
      fields: recordArb(fc.oneof(fc.string({ maxLength: 5 }), fc.double(), fc.constantFrom(-0, 0, NaN, Infinity), fc.boolean())),
      lists: recordArb(fc.constantFrom('subscribed' as const, 'unsubscribed' as const)),
      segments: fc.array(fc.constantFrom('top', 'low'), { maxLength: 2 }),
      smsConsent: fc.boolean(),
      unsubscribedAll: fc.boolean(),
      frequency: fc.constantFrom('daily' as const, 'weekly' as const),
    },
    { requiredKeys: ['id'] },
  )
  // Properties in any order: decoding keeps the contact's own.
  .chain((c) => fc.shuffledSubarray(Object.keys(c), { minLength: Object.keys(c).length }).map((keys) => Object.fromEntries(keys.map((k) => [k, (c as Record<string, unknown>)[k]])) as unknown as Contact));

/** Same contact: deep equality, and the same own keys in the same order at every level (Object.is for numbers). */
function assertSameContact(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') return assert.ok(Object.is(actual, expected), `${where}: ${String(actual)} is not ${String(expected)}`);
  if (expected === null || typeof expected !== 'object') return assert.equal(actual, expected, where);
  assert.equal(Array.isArray(actual), Array.isArray(expected), where);
  assert.deepEqual(Object.keys(actual as object), Object.keys(expected), `${where}: keys`);
  for (const key of Object.keys(expected)) assertSameContact((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${where}.${key}`);
}

describe('contacts in columns, for a shard worker', () => {
  it('decode to the same contacts (values, key order, "__proto__" names, -0 and NaN), also after a structured clone', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 12 }), (contacts) => {
        const columns = encodeContacts(contacts);
        const cloned: ContactColumns = structuredClone(columns, { transfer: [columns.ints.buffer, columns.numbers.buffer] });
        const decoded = decodeContacts(cloned);
        assert.equal(decoded.length, contacts.length);
        contacts.forEach((c, i) => assertSameContact(decoded[i], c, `contacts[${i}]`));
      }),
      propertyParameters(200),
    );
  });

  it('encodes the contacts at given positions only, in that order', () => {
    const contacts: Contact[] = [{ id: 'a' }, { id: 'b', tags: ['x'] }, { id: 'c', fields: { score: 3 } }];
    assert.deepStrictEqual(decodeContacts(encodeContacts(contacts, Int32Array.from([2, 0]))), [contacts[2], contacts[0]]);
  });

  it('a contact the columns do not describe (a property or value outside the schema) travels as its JSON text', () => {
    const odd = { id: 'odd', nickname: 'x', fields: { nested: { a: 1 } } } as unknown as Contact;
    const columns = encodeContacts([{ id: 'a', email: 'a@example.com' }, odd, { id: 'b', smsConsent: false }]);
    assert.ok(columns.text.includes('"nickname":"x"'), 'the odd contact is its JSON text');
    assert.deepStrictEqual(decodeContacts(columns), [{ id: 'a', email: 'a@example.com' }, odd, { id: 'b', smsConsent: false }]);
  });

  it('every kind of value outside the schema makes its contact travel as its JSON text, the contacts around it in columns', () => {
    const odd = [
      { id: 1 },
      { id: 'a', email: 5 },
      { id: 'a', fields: ['x'] },
      { id: 'a', fields: null },
      { id: 'a', fields: new Date(0) },
      { id: 'a', fields: { when: { at: 1 } } },
      { id: 'a', fields: { none: null } },
      { id: 'a', fields: undefined },
      { id: 'a', lists: { news: true } },
      { id: 'a', lists: { news: 3 } },
      { id: 'a', tags: 'vip' },
      { id: 'a', tags: ['vip', 3] },
      { id: 'a', segments: [null] },
      { id: 'a', smsConsent: 'yes' },
      { id: 'a', unsubscribedAll: 1 },
      { id: 'a', vip: true },
      { id: 'a', nickname: 'x' },
    ] as unknown as Contact[];
    for (const contact of odd) {
      const around: Contact[] = [{ id: 'before', tags: ['t'], fields: { n: 1, ok: true, s: 'x' }, lists: { l: 'subscribed' }, smsConsent: true, unsubscribedAll: false }, contact, { id: 'after', segments: ['s'], frequency: 'daily' }];
      const columns = encodeContacts(around);
      assert.ok(columns.text.includes(JSON.stringify(contact)), `${JSON.stringify(contact)} as its JSON text`);
      assert.deepStrictEqual(decodeContacts(columns), JSON.parse(JSON.stringify(around)), JSON.stringify(contact));
    }
    const notObjects = ['just text', null, 5, '', true, false, 0] as unknown as Contact[];
    assert.deepStrictEqual(decodeContacts(encodeContacts(notObjects)), ['just text', null, 5, '', true, false, 0], 'a contact that is no object comes back as itself, not as {}');
  });
});

