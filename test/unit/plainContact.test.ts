// Specification of the compact contact reader (src/core/plainContact.ts,
// #16): a contact record as JSON.stringify writes it is read from its bytes
// into exactly the object JSON.parse gives (same keys in the same order,
// same values, a plain object), only when the schema surely accepts it;
// anything else is left to JSON.parse (undefined). Equal lists are one
// frozen object. Both from a Node Buffer (the file readers' windows) and a
// plain Uint8Array. And the builder's side: compact contacts are read
// without JSON.parse, in file order among those it must parse, and in the
// right shard.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GIVE_UP, PackedTimelineBuilder } from '../../src/core/packedTimelineBuilder';
import { PlainContactReader } from '../../src/core/plainContact';
import { SharedContactLists } from '../../src/core/sharedContactLists';
import { shardOf } from '../../src/core/simulator/timelineShards';
import { Contact } from '../../src/core/timeline';
import { propertyParameters } from '../support/propertySeed';

const JSON_FORMAT = { crIsSpace: true, strictKeys: true };
const NDJSON_FORMAT = { crIsSpace: false, strictKeys: false };

/** The record's bytes as a Node Buffer (as the file readers hold them) and as a plain Uint8Array. */
const bytesOf = (record: string): Uint8Array[] => [Buffer.from(record, 'utf8'), new TextEncoder().encode(record)];

/** What a fresh reader makes of the record, from each kind of bytes (they must agree). */
function readRecord(record: string): unknown {
  const [fromBuffer, fromArray] = bytesOf(record).map((b) => new PlainContactReader(new SharedContactLists()).read(b, 0, b.length));
  assert.deepStrictEqual(fromBuffer, fromArray, `a Buffer and a Uint8Array read alike: ${record}`);
  return fromBuffer;
}

/** The record is read as JSON.parse reads it, a plain object the schema accepts. */
function assertReadAsJsonParse(record: string): void {
  const read = readRecord(record);
  assert.notEqual(read, undefined, `read in place: ${record}`);
  assert.deepStrictEqual(read, JSON.parse(record), record);
  assert.deepEqual(Object.keys(read as object), Object.keys(JSON.parse(record) as object), `keys in file order: ${record}`);
  assert.equal(Object.getPrototypeOf(read), Object.prototype);
  assert.ok(Contact.safeParse(read).success, `the schema accepts what is taken: ${record}`);
}

const ID_FIRST = 'abcxyzABCXYZ_';
const ID_REST = `${ID_FIRST}0189.-`;
const id = fc.tuple(fc.constantFrom(...ID_FIRST), fc.string({ unit: fc.constantFrom(...ID_REST), maxLength: 12 })).map(([a, b]) => a + b);
/** Printable ASCII and DEL (what JSON writes without an escape), with a quote or backslash now and then (written escaped: left to JSON.parse). */
const text = fc.string({ unit: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0x20, max: 0x7f }).map((c) => String.fromCharCode(c)) }, { weight: 1, arbitrary: fc.constantFrom('é', '\n', '\u0001') }), maxLength: 16 });
const number = fc.oneof(fc.integer(), fc.integer({ min: -1e15, max: 1e15 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 2 ** 53, 2 ** 53 + 2, 123456789012345, 1234567890123456, 1e21, 1.5e-7, Number.MAX_VALUE, Number.MIN_VALUE));
const fieldValue = fc.oneof(text, number, fc.boolean());
const fieldName = fc.oneof(text, fc.constantFrom('score', 'plan', '1', '007', 'constructor', 'toString', 'hasOwnProperty'));
const contact = fc.record(
  {
    id,
    email: text,
    name: text,
    phone: text,
    language: text,
    tags: fc.array(text, { maxLength: 3 }),
    segments: fc.array(id, { maxLength: 3 }),
    smsConsent: fc.boolean(),
    unsubscribedAll: fc.boolean(),
    frequency: fc.constantFrom('daily', 'weekly', 'biweekly', 'quarterly'),
    fields: fc.dictionary(fieldName, fieldValue, { maxKeys: 4 }),
    lists: fc.dictionary(fc.oneof(text, fc.constantFrom('newsletter', 'sms_alerts')), fc.constantFrom('subscribed', 'unsubscribed'), { maxKeys: 3 }),
  },
  { requiredKeys: ['id'] },
);

describe('the compact contact reader (#16)', () => {
  it('a contact as JSON.stringify writes it, its properties in any order, is the object JSON.parse gives (or is left to JSON.parse)', () => {
    fc.assert(
      fc.property(contact, fc.infiniteStream(fc.double()), (drawn, order) => {
        const shuffled = Object.fromEntries(Object.entries(drawn).sort(([a], [b]) => (a === b ? 0 : order.next().value < 0.5 ? -1 : 1)));
        const record = JSON.stringify(shuffled);
        const read = readRecord(record);
        // Left to JSON.parse only for what it cannot be sure of here: an escape or a byte past ASCII.
        if (read === undefined) assert.match(record, /\\|[^\x20-\x7f]/, `not taken: ${record}`);
        else assertReadAsJsonParse(record);
      }),
      propertyParameters(2000),
    );
  });

  it('every kind of number JSON writes is the value JSON.parse gives: integers to 15 digits computed, longer ones (where digit by digit would round otherwise: 45070686748431795469), fractions and exponents converted, -0 kept', () => {
    for (const n of ['0', '-0', '7', '-12', '123456789012345', '-999999999999999', '1234567890123456', '9007199254740993', '0.5', '-0.0', '1.25e3', '1E5', '1e-7', '2E+2', '5e0', '1.7976931348623157e308', '5e-324', '1e-400', '45070686748431795469']) {
      const record = `{"id":"c1","fields":{"x":${n}}}`;
      assertReadAsJsonParse(record);
      assert.ok(Object.is((readRecord(record) as Contact).fields!['x'], JSON.parse(n)), n);
    }
  });

  const notSure: [string, string][] = [
    ['whitespace between members', '{"id":"c1", "email":"a"}'],
    ['whitespace inside a value', '{"id":"c1","tags":[ "a"]}'],
    ['an escape in a string', '{"id":"c1","name":"a\\"b"}'],
    ['an escaped letter in the id', '{"id":"\\u00631"}'],
    ['a byte past ASCII', '{"id":"c1","name":"Zoë"}'],
    ['a control character', '{"id":"c1","name":"a\u0001"}'],
    ['a property the schema does not know', '{"id":"c1","age":3}'],
    ['a repeated property', '{"id":"c1","email":"a","email":"b"}'],
    ['a repeated field', '{"id":"c1","fields":{"a":1,"a":2}}'],
    ['a repeated list', '{"id":"c1","lists":{"n":"subscribed","n":"unsubscribed"}}'],
    ['__proto__ among the fields', '{"id":"c1","fields":{"__proto__":1}}'],
    ['__proto__ among the lists', '{"id":"c1","lists":{"__proto__":"subscribed"}}'],
    ['no id', '{"email":"a"}'],
    ['an id that is not an Id', '{"id":"1c"}'],
    ['an empty id', '{"id":""}'],
    ['a segment that is not an Id', '{"id":"c1","segments":["a b"]}'],
    ['a frequency the schema does not know', '{"id":"c1","frequency":"monthly"}'],
    ['a consent written as a string', '{"id":"c1","smsConsent":"true"}'],
    ['null', '{"id":"c1","email":null}'],
    ['a field that is null', '{"id":"c1","fields":{"a":null}}'],
    ['a field that is an object', '{"id":"c1","fields":{"a":{}}}'],
    ['a list status the schema does not know', '{"id":"c1","lists":{"n":"pending"}}'],
    ['a tag that is a number', '{"id":"c1","tags":[1]}'],
    ['a number with a leading zero', '{"id":"c1","fields":{"a":01}}'],
    ['a number ending in a point', '{"id":"c1","fields":{"a":1.}}'],
    ['a number with no digits', '{"id":"c1","fields":{"a":-}}'],
    ['a number starting with a point', '{"id":"c1","fields":{"a":.5}}'],
    ['an exponent with no digits', '{"id":"c1","fields":{"a":1e}}'],
    ['a number too large for a double (Infinity once parsed, which the schema refuses)', '{"id":"c1","fields":{"a":1e400}}'],
    ['a trailing comma in the contact', '{"id":"c1",}'],
    ['a trailing comma in the lists', '{"id":"c1","lists":{"n":"subscribed",}}'],
    ['a trailing comma in the fields', '{"id":"c1","fields":{"a":1,}}'],
    ['a trailing comma in the tags', '{"id":"c1","tags":["a",]}'],
    ['true misspelt', '{"id":"c1","smsConsent":tru}'],
    ['something after the value', '{"id":"c1"x}'],
    ['not an object', '["c1"]'],
    ['not opened by a brace', 'x"id":"c1"}'],
    ['bytes after its closing brace', '{"id":"c1"}x}'],
    ['a key not opened by a quote', '{xid":"c1"}'],
    ['a key that only begins like one the schema knows', '{"id":"c1","emails":"a"}'],
    ['a key not followed by a colon', '{"id"x"c1"}'],
    ['an id with a byte just past the letters (~)', '{"id":"a~"}'],
    ['an id with a byte between the capitals and the small letters (^)', '{"id":"a^"}'],
    ['an id with a byte just past the digits (@)', '{"id":"a@"}'],
    ['an id with a colon', '{"id":"a:b"}'],
    ['tags opened by a brace', '{"id":"c1","tags":{"a"]}'],
    ['tags not closed by a bracket', '{"id":"c1","tags":["a"x}'],
    ['fields opened by a bracket', '{"id":"c1","fields":["a":1}}'],
    ['a field name not followed by a colon', '{"id":"c1","fields":{"a"x1}}'],
    ['fields not closed by a brace', '{"id":"c1","fields":{"a":1x}'],
    ['lists opened by a bracket', '{"id":"c1","lists":["n":"subscribed"}}'],
    ['a list name not followed by a colon', '{"id":"c1","lists":{"n"x"subscribed"}}'],
    ['lists without a comma between them', '{"id":"c1","lists":{"n":"subscribed""m":"subscribed"}}'],
  ];
  for (const [what, record] of notSure) {
    it(`${what}: left to JSON.parse`, () => {
      assert.equal(readRecord(record), undefined);
    });
  }

  it('equal lists are one frozen object, found by their bytes; another order or value is its own; past 16 distinct ones the oldest is forgotten, the shared object stays equal', () => {
    const reader = new PlainContactReader(new SharedContactLists());
    const lists = (record: string) => {
      const b = Buffer.from(record);
      return reader.read(b, 0, b.length)!.lists!;
    };
    const a = lists('{"id":"c1","lists":{"n":"subscribed","s":"subscribed"}}');
    assert.ok(Object.isFrozen(a));
    assert.equal(lists('{"lists":{"n":"subscribed","s":"subscribed"},"id":"c2"}'), a);
    const other = lists('{"id":"c3","lists":{"s":"subscribed","n":"subscribed"}}');
    assert.notEqual(other, a);
    assert.deepEqual(Object.keys(other), ['s', 'n']);
    assert.notEqual(lists('{"id":"c4","lists":{"n":"unsubscribed","s":"subscribed"}}'), a);
    for (let k = 0; k < 16; k++) lists(`{"id":"d${k}","lists":{"l${k}":"subscribed"}}`);
    const again = lists('{"id":"c5","lists":{"n":"subscribed","s":"subscribed"}}');
    assert.deepStrictEqual(again, a);
    assert.ok(Object.isFrozen(again));
  });

  it('a record read at the place of one read before, whose first value is not taken, is left to JSON.parse (nothing of the record before counts)', () => {
    const reader = new PlainContactReader(new SharedContactLists());
    const window = Buffer.from('{"id":"c1"}');
    assert.deepEqual(reader.read(window, 0, window.length), { id: 'c1' });
    Buffer.from('{"id":"1c"}').copy(window);
    assert.equal(reader.read(window, 0, window.length), undefined);
  });

  it('bytes held in a window that is then overwritten do not change a list read before (the reader keeps its own copy)', () => {
    const reader = new PlainContactReader(new SharedContactLists());
    const window = Buffer.from('{"id":"c1","lists":{"n":"subscribed"}}');
    const first = reader.read(window, 0, window.length)!.lists;
    Buffer.from('{"id":"c1","lists":{"n":"unsubscribd"}}').copy(window);
    assert.equal(reader.read(window, 0, window.length), undefined, 'the overwritten bytes are read as what they now say');
    Buffer.from('{"id":"c1","lists":{"m":"subscribed"}}').copy(window);
    const second = reader.read(window, 0, window.length)!.lists;
    assert.notEqual(second, first);
    assert.deepEqual(second, { m: 'subscribed' });
    assert.deepEqual(first, { n: 'subscribed' });
  });
});

describe('the builder reads compact contacts in place (#16)', () => {
  /** The builder's contacts from these records (each taken whole), counting JSON.parse's calls. */
  function read(records: string[], options: { crIsSpace: boolean; strictKeys: boolean; shard?: { index: number; count: number } } = JSON_FORMAT) {
    const builder = new PackedTimelineBuilder(options);
    const parse = JSON.parse;
    let parses = 0;
    JSON.parse = ((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
      parses++;
      return parse(text, reviver);
    }) as typeof JSON.parse;
    try {
      for (const record of records) {
        const b = Buffer.from(record);
        assert.equal(builder.contact(b, 0, b.length), b.length, record);
      }
      const timeline = builder.finish({ formatVersion: 1 });
      return { timeline, parses, places: builder.places() };
    } finally {
      JSON.parse = parse;
    }
  }

  it('compact contacts need no JSON.parse; one in another layout is parsed and keeps its place among them', () => {
    const records = ['{"id":"c1","email":"a@x"}', '{"id":"c2","lists":{"n":"subscribed"}}', '{ "id": "c3" }', '{"id":"c4","fields":{"score":3}}'];
    const compact = read([records[0]!, records[1]!, records[3]!]);
    assert.equal(compact.parses, 0);
    const mixed = read(records);
    assert.equal(mixed.parses, 1, 'the one in another layout');
    assert.deepStrictEqual(mixed.timeline!.contacts, records.map((r) => JSON.parse(r)));
  });

  it('contacts read in place before every event number their ids first, in file order (a repeated id keeping its first number)', () => {
    const { timeline } = read(['{"id":"c2"}', '{"id":"c1"}', '{ "id": "c3" }', '{"id":"c2"}']);
    assert.deepEqual(timeline!.eventContactIds, ['c2', 'c1', 'c3']);
    assert.equal(timeline!.listedContactIds, 3);
  });

  it('a sharded read keeps a contact whose id is not first (compact, or parsed by JSON.parse) in the shard its id names, at its place among all contacts', () => {
    const ids = Array.from({ length: 18 }, (_, k) => `c${k}`);
    const records = ids.map((cid, k) => [`{"email":"e${k}","id":"${cid}"}`, `{"id":"${cid}"}`, `{ "email": "e${k}", "id": "${cid}" }`][k % 3]!);
    for (const index of [0, 1]) {
      const { timeline, places } = read(records, { ...NDJSON_FORMAT, shard: { index, count: 2 } });
      const mine = ids.map((cid, k) => [cid, k] as const).filter(([cid]) => shardOf(cid, 2) === index);
      assert.deepEqual(timeline!.contacts.map((c) => c.id), mine.map(([cid]) => cid));
      assert.deepEqual([...places.contactPositions], mine.map(([, k]) => k));
      assert.equal(places.contactCount, ids.length);
    }
  });

  for (const [layout, c1, c2] of [
    ['read in place', '{"id":"c1"}', '{"id":"c2"}'],
    ['in another layout (parsed by JSON.parse)', '{ "id": "c1" }', '{ "id": "c2" }'],
  ] as const) {
    it(`a contact ${layout} after an event makes the numbering the events' own (listedContactIds -1), and its id is not numbered as an event's`, () => {
      const builder = new PackedTimelineBuilder(JSON_FORMAT);
      for (const [record, read] of [[c1, 'contact'], ['{"at":"2026-03-01T09:00:00Z","contact":"c1","type":"tagAdded","tag":"vip"}', 'event'], [c2, 'contact']] as const) {
        const b = Buffer.from(record);
        assert.equal(read === 'event' ? builder.event(b, 0, b.length) : builder.contact(b, 0, b.length), b.length, record);
      }
      const timeline = builder.finish({ formatVersion: 1 })!;
      assert.deepEqual(timeline.contacts, [{ id: 'c1' }, { id: 'c2' }]);
      assert.equal(timeline.listedContactIds, -1);
      assert.deepEqual(timeline.eventContactIds, ['c1'], 'only ids listed before every event, and ids events name, are numbered');
    });
  }

  it('an event body read from a window that is then overwritten is still known by its own bytes (the builder keeps a copy, not a view of the window)', () => {
    const builder = new PackedTimelineBuilder(JSON_FORMAT);
    const window = Buffer.from('{"at":"2026-03-01T09:00:00Z","contact":"c1","type":"tagAdded","tag":"vip"}');
    assert.equal(builder.event(window, 0, window.length), window.length);
    Buffer.from('{"at":"2026-03-01T09:00:00Z","contact":"c1","type":"tagAdded","tag":"vap"}').copy(window);
    assert.equal(builder.event(window, 0, window.length), window.length);
    const again = Buffer.from(' {"at":"2026-03-01T09:00:01Z","contact":"c2","type":"tagAdded","tag":"vip"}');
    assert.equal(builder.event(again, 0, again.length), again.length);
    const timeline = builder.finish({ formatVersion: 1 })!;
    assert.deepEqual(timeline.eventBody, [{ type: 'tagAdded', tag: 'vip' }, { type: 'tagAdded', tag: 'vap' }, { type: 'tagAdded', tag: 'vip' }]);
    assert.equal(timeline.eventBody[2], timeline.eventBody[0], 'the same body again is the first one');
  });

  it('a field JSON writes as a number too large for a double (Infinity once parsed, which the schema refuses) makes the builder give up, in place or in another layout', () => {
    for (const record of ['{"id":"c1","fields":{"a":1e400}}', '{ "id": "c1", "fields": { "a": -1e400 } }']) {
      const builder = new PackedTimelineBuilder(JSON_FORMAT);
      const b = Buffer.from(record);
      const end = builder.contact(b, 0, b.length);
      assert.ok(end === GIVE_UP || builder.finish({ formatVersion: 1 }) === undefined, record);
    }
  });
});
