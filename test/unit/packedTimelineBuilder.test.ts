// Specification of the packed timeline builder (src/core/packedTimelineBuilder.ts)
// record by record, as the file readers drive it: a record cut anywhere (even
// inside a multi-byte character, as a read window may end) asks for more
// bytes; a record the hand checks are not sure of makes it give up (the file
// is then read the exact way); what it takes is what the schema takes, with
// the same values, equal bodies one object, equal contact lists one frozen
// object (src/core/sharedContactLists.ts).
import assert from 'node:assert/strict';
import { GIVE_UP, INCOMPLETE, PackedTimelineBuilder } from '../../src/core/packedTimelineBuilder';
import { SharedContactLists } from '../../src/core/sharedContactLists';
import { parseIsoInstant } from '../../src/core/simulator/isoInstant';
import { ContactEvent, Instant } from '../../src/core/timeline';

const utf8 = (s: string) => new TextEncoder().encode(s);
const JSON_FORMAT = { crIsSpace: true, strictKeys: true };
const NDJSON_FORMAT = { crIsSpace: false, strictKeys: false };
const T0 = '2026-03-01T09:00:00Z';
const T1 = '2026-03-01T09:00:01Z';

/** The builder's answer for one event record given whole (the bytes end with it). */
function readEvent(record: string, options = JSON_FORMAT, builder = new PackedTimelineBuilder(options)): number {
  const bytes = utf8(record);
  return builder.event(bytes, 0, bytes.length);
}

/** A builder that has read these event records whole (each must be taken). */
function eventsRead(records: string[], options = JSON_FORMAT): PackedTimelineBuilder {
  const builder = new PackedTimelineBuilder(options);
  for (const record of records) assert.equal(readEvent(record, options, builder), utf8(record).length, record);
  return builder;
}

/** The timeline of these contact records (each taken whole), or undefined when the builder gives up. */
function contactsRead(records: string[], options = JSON_FORMAT) {
  const builder = new PackedTimelineBuilder(options);
  for (const record of records) {
    const bytes = utf8(record);
    const end = builder.contact(bytes, 0, bytes.length);
    if (end === GIVE_UP) return undefined;
    assert.equal(end, bytes.length, record);
  }
  return builder.finish({ formatVersion: 1 })?.contacts;
}

describe('the packed timeline builder, record by record (#16)', () => {
  describe('a record cut anywhere asks for more bytes', () => {
    const events = [
      // In place (JSON.stringify's layout), with two- and four-byte characters in the body.
      `{"at":"${T0}","contact":"c_1.x-2","type":"purchase","product":"café 😀","amount":12.5}`,
      `{"at":"${T0}","contact":"c1","type":"customEvent","name":"x","properties":{"a":"]é}","c":true,"n":-1.5}}`,
      // Any other layout: spaces, CRLF, the members in another order, a body value that is a number at the end.
      `{ "type" : "purchase",\r\n "at": "${T0}", "product": "thé 😀", "contact" : "c2", "amount": 7 }`,
      `{"type":"tagAdded","tag":"vip","contact":"c3","at":"2026-03-01T10:00:00+01:00"}`,
    ];
    for (const record of events) {
      it(`event ${record.slice(0, 40)}…: every cut before its end is INCOMPLETE, the whole record its end`, () => {
        const bytes = utf8(record);
        for (let cut = 0; cut < bytes.length; cut++) {
          const builder = new PackedTimelineBuilder(JSON_FORMAT);
          assert.equal(builder.event(bytes, 0, cut), INCOMPLETE, `cut at byte ${cut} of ${record}`);
          // The bytes may also end there (the end of a read window): nothing past the limit is looked at.
          assert.equal(builder.event(bytes.subarray(0, cut), 0, cut), INCOMPLETE, `bytes ending at byte ${cut} of ${record}`);
          assert.equal(builder.events, 0, 'nothing is read from a cut record');
        }
        const builder = new PackedTimelineBuilder(JSON_FORMAT);
        // Whitespace before the record, and what follows it in the file, are not part of it.
        const inFile = utf8(` \n\t${record},\n{"at"`);
        assert.equal(builder.event(inFile, 0, inFile.length), 3 + bytes.length);
        assert.equal(builder.events, 1);
        assert.deepEqual(builder.finish({ formatVersion: 1 })!.eventBody[0], Object.fromEntries(Object.entries(JSON.parse(record) as object).filter(([k]) => k !== 'at' && k !== 'contact')));
      });
    }

    it('a contact cut anywhere (inside "é" or "😀" too) is INCOMPLETE; whole, it ends where its brace closes', () => {
      const record = '{"id":"c1","name":"Zoë 😀","tags":["a]","b}"],"fields":{"n":1.5,"s":"\\"}"}}';
      const bytes = utf8(record);
      for (let cut = 0; cut < bytes.length; cut++) assert.equal(new PackedTimelineBuilder(JSON_FORMAT).contact(bytes, 0, cut), INCOMPLETE, `cut at byte ${cut}`);
      // Asked again with more bytes (as the reader does), the same builder reads the contact once, as if never cut.
      const again = new PackedTimelineBuilder(JSON_FORMAT);
      const indented = utf8(`\n  ${record}`);
      for (let cut = 0; cut < indented.length; cut += 7) assert.equal(again.contact(indented, 0, cut), INCOMPLETE);
      assert.equal(again.contact(indented, 0, indented.length), indented.length);
      assert.deepEqual(again.finish({ formatVersion: 1 })!.contacts, [JSON.parse(record)]);
      const inFile = utf8(`\r\n ${record},`);
      const builder = new PackedTimelineBuilder(JSON_FORMAT);
      assert.equal(builder.contact(inFile, 0, inFile.length), 3 + bytes.length);
      assert.deepEqual(builder.finish({ formatVersion: 1 })!.contacts, [JSON.parse(record)]);
    });
  });

  describe('skipValue: the end of a JSON value by brackets and strings only', () => {
    const builder = new PackedTimelineBuilder(JSON_FORMAT);
    const end = (text: string, limit = utf8(text).length) => builder.skipValue(utf8(text), 0, limit);
    it('a string ends after its closing quote, an escaped quote does not close it', () => {
      assert.equal(end('"a\\"b",'), 6);
      assert.equal(end('"a\\"b'), INCOMPLETE);
    });
    it('an object or array ends at its matching bracket, brackets inside strings do not count', () => {
      assert.equal(end('{"a":[1,{"b":"]}"}],"c":{}} ,'), 27);
      assert.equal(end('[[],[[]]],'), 9);
      assert.equal(end('{"a":"}"'), INCOMPLETE);
      assert.equal(end('{"a":"\\"}"'), INCOMPLETE);
    });
    it('a number or literal ends before a comma, a closing bracket or whitespace; at the limit it may go on', () => {
      for (const after of [',', '}', ']', ' ', '\n', '\t', '\r']) assert.equal(end(`-1.5e3${after}`), 6, JSON.stringify(after));
      assert.equal(end('true'), INCOMPLETE);
      assert.equal(end('12,', 2), INCOMPLETE);
    });
    it('no value at all (a comma or a closing bracket where one starts) is GIVE_UP', () => {
      assert.equal(end(',1'), GIVE_UP);
      assert.equal(end('}'), GIVE_UP);
    });
  });

  describe('events the builder takes, with the values the schema gives', () => {
    it('the instant in epoch ms, the contact numbered by first use, the body without at and contact', () => {
      const builder = eventsRead([
        `{"at":"${T0}","contact":"b","type":"purchase","amount":1}`,
        `{"at":"${T1}","contact":"a","type":"purchase","amount":1}`,
        `{"at":"${T1}","contact":"b","type":"purchase","amount":2}`,
        `{"contact":"a","at":"2026-03-01T10:00:00.5+01:00","type":"purchase","amount":2}`,
        `{"at":"${T0}","contact":"b","type":"purchase","amount":2}`,
      ]);
      const packed = builder.finish({ formatVersion: 1, seed: 3 })!;
      assert.deepEqual(packed.eventTime, [Date.parse(T0), Date.parse(T1), Date.parse(T1), Date.parse('2026-03-01T09:00:00.500Z'), Date.parse(T0)]);
      assert.deepEqual(packed.eventContactIds, ['b', 'a']);
      assert.deepEqual(packed.eventContact, [0, 1, 0, 1, 0]);
      assert.deepEqual(packed.eventBody, [1, 1, 2, 2, 2].map((amount) => ({ type: 'purchase', amount })));
      assert.equal(packed.eventBody[0], packed.eventBody[1], 'equal bodies are one object');
      assert.equal(packed.eventBody[2], packed.eventBody[3], 'in place or not, equal bodies are one object');
      assert.notEqual(packed.eventBody[1], packed.eventBody[2]);
      assert.equal(packed.seed, 3);
      assert.equal(packed.packed, true);
      assert.equal(packed.listedContactIds, 0, 'no contacts, all before the (no) events');
    });

    it('instants of the same length one after the other are each read by their own bytes', () => {
      const instants = ['2026-03-01T09:00:00Z', '2026-03-01T09:00:09Z', '2026-03-01T09:00:09Z', '2027-03-01T09:00:09Z', '2026-03-01T09:00:00+01:00', '2026-03-01T09:00:00+02:00', '2026-03-01T09:00:00+02:00'];
      const builder = eventsRead(instants.map((at) => `{"at":"${at}","contact":"c","type":"purchase"}`));
      assert.deepEqual(builder.finish({ formatVersion: 1 })!.eventTime, instants.map((at) => Date.parse(at)));
    });

    it('an instant of the plain form: every field in and around its range, and any other byte at any place, is taken exactly when the schema takes it, at parseIsoInstant\'s epoch ms', () => {
      const variants = new Set<string>();
      const at = (y: string, mo: string, d: string, h: string, mi: string, sec: string) => `${y}-${mo}-${d}T${h}:${mi}:${sec}Z`;
      const two = (n: number) => String(n).padStart(2, '0');
      for (let n = 0; n <= 13; n++) variants.add(at('2026', two(n), '15', '12', '30', '30'));
      for (const mo of ['01', '02', '04', '11', '12']) for (let n = 0; n <= 32; n++) variants.add(at('2024', mo, two(n), '12', '30', '30'));
      for (let n = 0; n <= 25; n++) variants.add(at('2026', '10', '31', two(n), '30', '30'));
      for (let n = 0; n <= 61; n++) variants.add(at('1999', '12', '19', '23', two(n), '59'));
      for (let n = 0; n <= 61; n++) variants.add(at('0001', '11', '29', '00', '59', two(n)));
      const base = '2026-12-29T19:59:58Z';
      for (let p = 0; p < base.length; p++) for (const c of '0189-:TZz/ a+.') variants.add(base.slice(0, p) + c + base.slice(p + 1));
      for (const other of [`${base}Z`, `${base}0`, `${base} `, base.slice(0, -1), `0${base}`, `${base.slice(0, -1)}.5Z`, `${base.slice(0, -1)}+01:00`]) variants.add(other);
      const schema = (text: string) => (Instant.safeParse(text).success ? parseIsoInstant(text) : undefined);
      const read = (record: string) => {
        const builder = new PackedTimelineBuilder(JSON_FORMAT);
        const bytes = utf8(`${record}\n`);
        return builder.event(bytes, 0, bytes.length) === bytes.length - 1 ? builder.finish({ formatVersion: 1 })!.eventTime[0] : undefined;
      };
      for (const instant of variants) {
        const expected = schema(instant);
        assert.equal(read(`{"at":"${instant}","contact":"c","type":"purchase"}`), expected, instant);
        assert.equal(read(`{"product":"::::ZZZZ----TTTT::::ZZZZ----TTTT","at":"${instant}","contact":"c","type":"purchase"}`), expected, `${instant} in another layout`);
      }
    });

    it('every event type in another layout is read with its whole body (members named like "at" or "contact" are not them)', () => {
      const bodies = [
        { type: 'emailOpened', content: 'welcome', point: 'send_1' },
        { type: 'emailClicked', content: 'welcome', link: 'https://x.io/a' },
        { type: 'purchase', product: 'kit', amount: 3 },
        { type: 'segmentJoined', segment: 'gold' },
        { type: 'apiEntry', startingPoint: 'api' },
        { type: 'campaignActivity', campaign: 'spring', activity: 'opened' },
        { type: 'customEvent', name: 'contacted', properties: { at: 'x', contact: 'y', ct: 1, aт: 2 } },
        { type: 'fieldChanged', field: 'contacts', value: null },
      ];
      for (const body of bodies) {
        const spaced = `{ ${Object.entries(body).map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')}, "contact": "c", "at": "${T0}" }`;
        const compact = `{"at":"${T0}","contact":"c",${JSON.stringify(body).slice(1)}`;
        for (const record of [spaced, compact]) {
          const builder = new PackedTimelineBuilder(JSON_FORMAT);
          const bytes = utf8(`${record}\n`);
          if (!ContactEvent.safeParse({ ...body, at: T0, contact: 'c' }).success) assert.fail(`the specification's event ${JSON.stringify(body)} is valid`);
          assert.equal(builder.event(bytes, 0, bytes.length), bytes.length - 1, record);
          assert.deepEqual(builder.finish({ formatVersion: 1 })!.eventBody, [body]);
        }
      }
    });

    it('an event in place with whitespace in its body shares the body of the same event without it', () => {
      const builder = eventsRead([
        `{"at":"${T0}","contact":"c","type":"purchase","product":"kit"}`,
        `{"at":"${T0}","contact":"c","type": "purchase","product":"kit"}`,
        `{"at":"${T0}","contact":"c","type":"purchase",\n"product":"kit"}`,
        `{"at":"${T0}","contact":"c","type":"purchase",\t"product":"kit"}`,
        `{"at":"${T0}","contact":"c","type":"purchase","product":"kit"\r}`,
        `{"at":"${T0}","contact":"c","type":"customEvent","name":"n","properties":{"a": 1}}`,
        `{"at":"${T0}","contact":"c","type":"customEvent","name":"n","properties":{"a":1}}`,
      ]);
      const bodies = builder.finish({ formatVersion: 1 })!.eventBody;
      for (let k = 1; k < 5; k++) assert.equal(bodies[k], bodies[0], `event ${k}`);
      assert.deepEqual(bodies[5], { type: 'customEvent', name: 'n', properties: { a: 1 } });
      assert.deepEqual(bodies[6], bodies[5]);
    });

    it('an instant longer than the bytes kept of the previous one (64) is read, and the one before it still compared right', () => {
      const long = `2026-03-01T09:00:00.${'1'.repeat(60)}Z`;
      const builder = eventsRead([T0, long, long, T0, T1].map((at) => `{"at":"${at}","contact":"c","type":"purchase"}`));
      assert.deepEqual(builder.finish({ formatVersion: 1 })!.eventTime, [Date.parse(T0), Date.parse(T0) + 111, Date.parse(T0) + 111, Date.parse(T0), Date.parse(T1)]);
    });

    it('a body of more than 4 KB in another layout is read whole', () => {
      const product = 'p'.repeat(9000);
      const builder = eventsRead([`{ "at": "${T0}", "contact": "c", "type": "purchase", "note": 1, "product": "${product}" }`.replace('"note": 1, ', ''), `{ "at": "${T1}", "type": "purchase", "product": "${product}", "contact": "c" }`]);
      const packed = builder.finish({ formatVersion: 1 })!;
      assert.deepEqual(packed.eventBody[0], { type: 'purchase', product });
      assert.equal(packed.eventBody[1], packed.eventBody[0]);
    });

    it('more distinct bodies than the first table has slots: each is kept apart, and a repeat is still the first object', () => {
      const n = 1500;
      const records = Array.from({ length: n }, (_, i) => `{"at":"${T0}","contact":"c","type":"purchase","amount":${i + 1}}`);
      const builder = eventsRead([...records, ...records]);
      const packed = builder.finish({ formatVersion: 1 })!;
      assert.equal(builder.distinctBodies.length, n);
      for (let i = 0; i < n; i++) {
        assert.deepEqual(packed.eventBody[i], { type: 'purchase', amount: i + 1 });
        assert.equal(packed.eventBody[n + i], packed.eventBody[i], `the repeat of body ${i}`);
      }
    });

    it('contact ids of every letter case and every character an Id allows are taken, in place and in another layout', () => {
      const ids = ['A', 'Z', 'a', 'z', '_', 'Az', 'zA', 'A0', 'a.b-c_9', '_9Z'];
      const records = ids.flatMap((id) => [`{"at":"${T0}","contact":"${id}","type":"purchase"}`, `{"type":"purchase","contact":"${id}","at":"${T0}"}`]);
      assert.deepEqual(eventsRead(records).finish({ formatVersion: 1 })!.eventContactIds, ids);
      for (const id of ['@', '[', '`', '{', '0a', '.a', '-a', 'a/', 'a:']) assert.equal(readEvent(`{"at":"${T0}","contact":"${id}","type":"purchase"}\n`), GIVE_UP, id);
    });

    it('NDJSON: a repeated key in a body is read as JSON.parse reads the line (the last wins); in JSON it makes the builder give up', () => {
      const record = `{"at":"${T0}","contact":"c","type":"purchase","amount":1,"amount":2}`;
      const builder = eventsRead([record], NDJSON_FORMAT);
      assert.deepEqual(builder.finish({ formatVersion: 1 })!.eventBody, [{ type: 'purchase', amount: 2 }]);
      assert.equal(readEvent(record, JSON_FORMAT), GIVE_UP);
    });

    it('a carriage return between members is whitespace in JSON; in NDJSON it ends the line, so the builder gives up', () => {
      const record = `{"at":"${T0}","contact":"c","type":"purchase",\r"amount":1}`;
      assert.equal(readEvent(record, JSON_FORMAT), utf8(record).length);
      assert.equal(readEvent(record, NDJSON_FORMAT), GIVE_UP);
      const spaced = `{"at":"${T0}",\r"contact":"c","type":"purchase"}`;
      assert.equal(readEvent(spaced, JSON_FORMAT), utf8(spaced).length);
      assert.notEqual(readEvent(spaced, NDJSON_FORMAT), utf8(spaced).length);
    });
  });

  describe('events the builder is not sure of: it gives up (the exact reader then locates the problem)', () => {
    it('an event of only the instant and the contact at the very end of the bytes asks for more (a body could follow)', () => {
      assert.equal(readEvent(`{"at":"${T0}","contact":"c"}`), INCOMPLETE);
    });

    const cases: [string, string][] = [
      ['not an object', `["${T0}","c"]`],
      ['a name not in quotes', `{at:"${T0}","contact":"c","type":"purchase"}`],
      ['an escape in a name', `{"at":"${T0}","contact":"c","t\\u0079pe":"purchase"}`],
      ['no colon after a name', `{"at" "${T0}","contact":"c","type":"purchase"}`],
      ['another byte than a comma after the contact id', `{"at":"${T0}","contact":"c";"type":"purchase"}`],
      ['another byte than a quote after the comma after the contact id', `{"at":"${T0}","contact":"c",x"type":"purchase"}`],
      ['an escape in a body string, then a bad body', `{"at":"${T0}","contact":"c","type":"purch\\u0061se","x":1}`],
      ['a byte other than a brace where the event starts', `x"at":"${T0}","contact":"c","type":"purchase"}`],
      ['a member without a colon before a number, in another layout', `{"type":"purchase","at":"${T0}","contact":"c","amount" 12}`],
      ['an impossible instant, in another layout', `{"type":"purchase","at":"2026-02-30T09:00:00Z","contact":"c"}`],
      ['a body the schema rejects, in another layout', `{"type":"teleported","at":"${T0}","contact":"c"}`],
      ...['xontact', 'cxntact', 'coxtact', 'conxact', 'contxct', 'contaxt', 'contacx', 'contacts', 'contac'].map((key): [string, string] => [`no "contact" but "${key}"`, `{"type":"purchase","at":"${T0}","${key}":"c"}`]),
      ...['xt', 'ax', 'att', 'a'].map((key): [string, string] => [`no "at" but "${key}"`, `{"type":"purchase","${key}":"${T0}","contact":"c"}`]),
      ['two members without a comma', `{"at":"${T0}" "contact":"c","type":"purchase"}`],
      ['"at" twice', `{"type":"purchase","at":"${T0}","at":"${T0}","contact":"c"}`],
      ['"contact" twice', `{"type":"purchase","contact":"c","at":"${T0}","contact":"c"}`],
      ['an instant that is not a string', `{"type":"purchase","at":5,"contact":"c"}`],
      ['a contact that is not a string', `{"type":"purchase","at":"${T0}","contact":5}`],
      ['an escape in the instant', `{"at":"2026-03-01T09:00:00\\u005a","contact":"c","type":"purchase"}`],
      ['an escape in the contact id, in another layout', `{"type":"purchase","at":"${T0}","contact":"\\u0063"}`],
      ['no instant', '{"contact":"c","type":"purchase"}'],
      ['no contact', `{"at":"${T0}","type":"purchase"}`],
      ['nothing but the instant and the contact', `{"at":"${T0}","contact":"c"}`],
      ['nothing but the instant and the contact, spaced', `{ "at": "${T0}", "contact": "c" }`],
      ['an empty contact id', `{"at":"${T0}","contact":"","type":"purchase"}`],
      ['a contact id that is not an Id, in another layout', `{"type":"purchase","at":"${T0}","contact":"9c"}`],
      ['a contact id with a space, in place', `{"at":"${T0}","contact":"c d","type":"purchase"}`],
      ['an impossible instant', `{"at":"2026-02-30T09:00:00Z","contact":"c","type":"purchase"}`],
      ['an instant without an offset', `{"at":"2026-03-01T09:00:00","contact":"c","type":"purchase"}`],
      ['a body that is not UTF-8 text (0x23 below is made 0xFF)', `{"at":"${T0}","contact":"c","type":"purchase","product":"#"}`],
      ['an instant that is not UTF-8 text (0x23 below is made 0xFF)', `{"at":"2026-03-01T09:00:00#Z","contact":"c","type":"purchase"}`],
      ['a body the schema rejects', `{"at":"${T0}","contact":"c","type":"teleported"}`],
      ['a body that repeats "at"', `{"at":"${T0}","contact":"c","type":"purchase","at":"${T0}"}`],
      ['a body that repeats "contact"', `{"at":"${T0}","contact":"c","type":"purchase","contact":"d"}`],
      ['a __proto__ name in the body', `{"at":"${T0}","contact":"c","type":"customEvent","name":"n","properties":{"__proto__":1}}`],
      ['a closing bracket in place of the brace', `{"at":"${T0}","contact":"c","type":"purchase"]`],
      ['a body that is not JSON', `{"at":"${T0}","contact":"c","type":"purchase",,"amount":1}`],
      ['a body whose value is missing, in another layout', `{ "at": "${T0}", "contact": "c", "type": }`],
      ['another character after a member', `{ "at": "${T0}", "contact": "c", "type": "purchase"; }`],
    ];
    for (const [what, record] of cases) {
      it(`${what}: GIVE_UP`, () => {
        const builder = new PackedTimelineBuilder(JSON_FORMAT);
        // A line end follows, as in a file: the builder sees the record's end.
        const bytes = utf8(`${record}\n`);
        if (what.includes('UTF-8')) bytes[record.indexOf('#')] = 0xff;
        assert.equal(builder.event(bytes, 0, bytes.length), GIVE_UP, record);
        assert.equal(builder.events, 0);
        assert.deepEqual(builder.distinctBodies, [], 'no body is kept from an event given up');
      });
    }
  });

  describe('contacts', () => {
    it('a contact with every property the schema knows is taken as JSON.parse gives it, in file order', () => {
      const full = { id: 'ann', email: 'a@x.io', name: 'Ann', phone: '+1', language: 'fr', tags: ['vip', 'é'], segments: ['gold_1'], smsConsent: true, unsubscribedAll: false, frequency: 'weekly', fields: { plan: 'pro', n: 3, ok: false }, lists: { news: 'subscribed', sms: 'unsubscribed' } };
      const records = [JSON.stringify(full), '{"id":"bob"}', ...['daily', 'biweekly', 'quarterly'].map((frequency, i) => JSON.stringify({ id: `f${i}`, frequency }))];
      assert.deepEqual(contactsRead(records), records.map((r) => JSON.parse(r)));
    });

    const unsure: [string, object | string][] = [
      ['not an object', '["ann"]'],
      ['an array', '[{"id":"ann"}]'],
      ['no id', { email: 'a@x.io' }],
      ['an id that is not a string', { id: 5 }],
      ['an id that is not an Id', { id: '1ann' }],
      ['an unknown property', { id: 'ann', nickname: 'A' }],
      ['an email that is not a string', { id: 'ann', email: 1 }],
      ['a name that is not a string', { id: 'ann', name: null }],
      ['a phone that is not a string', { id: 'ann', phone: true }],
      ['a language that is not a string', { id: 'ann', language: ['fr'] }],
      ['tags that are not an array', { id: 'ann', tags: 'vip' }],
      ['a tag that is not a string', { id: 'ann', tags: ['vip', 1] }],
      ['a segment that is not an Id', { id: 'ann', segments: ['gold', 'not an id'] }],
      ['segments that are not an array', { id: 'ann', segments: { gold: true } }],
      ['smsConsent that is not a boolean', { id: 'ann', smsConsent: 'yes' }],
      ['unsubscribedAll that is not a boolean', { id: 'ann', unsubscribedAll: 0 }],
      ['another frequency', { id: 'ann', frequency: 'monthly' }],
      ['fields that are not an object', { id: 'ann', fields: ['x'] }],
      ['fields that are null', { id: 'ann', fields: null }],
      ['a field that is an object', { id: 'ann', fields: { a: { b: 1 } } }],
      ['a field that is null', { id: 'ann', fields: { a: null } }],
      ['a field named __proto__', '{"id":"ann","fields":{"__proto__":"x"}}'],
      ['lists that are not an object', { id: 'ann', lists: 'news' }],
      ['lists that are an array', { id: 'ann', lists: ['subscribed'] }],
      ['lists that are null', { id: 'ann', lists: null }],
      ['a list status that is neither subscribed nor unsubscribed', { id: 'ann', lists: { news: 'maybe' } }],
      ['a list named __proto__', '{"id":"ann","lists":{"__proto__":"subscribed"}}'],
      ['a repeated property (JSON)', '{"id":"ann","name":"A","name":"B"}'],
    ];
    for (const [what, contact] of unsure) {
      it(`${what}: the builder gives up`, () => {
        assert.equal(contactsRead(['{"id":"ok"}', typeof contact === 'string' ? contact : JSON.stringify(contact)]), undefined);
      });
    }

    it('NDJSON: a repeated property is read as JSON.parse reads the line; a carriage return ends the line, so the builder gives up', () => {
      assert.deepEqual(contactsRead(['{"id":"ann","name":"A","name":"B"}'], NDJSON_FORMAT), [{ id: 'ann', name: 'B' }]);
      assert.deepEqual(contactsRead(['{"id":"ann",\r"name":"A"}'], JSON_FORMAT), [{ id: 'ann', name: 'A' }]);
      assert.equal(contactsRead(['{"id":"ann",\r"name":"A"}'], NDJSON_FORMAT), undefined);
      assert.equal(new PackedTimelineBuilder(NDJSON_FORMAT).contact(utf8('\r{"id":"ann"}'), 0, 13), GIVE_UP, 'a carriage return before the record');
    });

    it('NDJSON: a carriage return inside a nested value of an event read in place makes the builder give up; a CR after a contact is not part of it', () => {
      const nested = `{"at":"${T0}","contact":"c","type":"customEvent","name":"n","properties":{"a":1,\r"b":2}}`;
      assert.equal(readEvent(nested, NDJSON_FORMAT), GIVE_UP);
      assert.equal(readEvent(nested, JSON_FORMAT), utf8(nested).length);
      const contact = utf8('{"id":"ann"}\r\n');
      const builder = new PackedTimelineBuilder(NDJSON_FORMAT);
      assert.equal(builder.contact(contact, 0, contact.length), contact.length - 2);
      assert.deepEqual(builder.finish({ formatVersion: 1 })!.contacts, [{ id: 'ann' }]);
    });

    it('a contact that is not UTF-8 text makes the builder give up', () => {
      const bytes = utf8('{"id":"ann","name":"#"}');
      bytes[bytes.indexOf(0x23)] = 0xff;
      const builder = new PackedTimelineBuilder(JSON_FORMAT);
      assert.equal(builder.contact(bytes, 0, bytes.length), bytes.length);
      assert.equal(builder.finish({ formatVersion: 1 }), undefined);
    });

    it('contacts that fill the batch buffer (128 KB) to its last byte, or one byte past it, are read whole', () => {
      const sized = (id: string, bytes: number) => {
        const head = `{"id":"${id}","name":"`;
        return `${head}${'n'.repeat(bytes - head.length - 2)}"}`;
      };
      const small = '{"id":"a"}';
      // The batch holds `[`, then each contact and a comma: `[` small `,` b `,` is 128 KB exactly; with b2, one byte more; `[` e `,` alone, one byte more.
      const records = [small, sized('b', (1 << 17) - small.length - 3), small, sized('b2', (1 << 17) - small.length - 2), sized('e', (1 << 17) - 1), sized('c', (1 << 17) + 1), small, sized('d', 1 << 17)];
      assert.deepEqual(records.map((r) => utf8(r).length).slice(1, 6), [(1 << 17) - 13, 10, (1 << 17) - 12, (1 << 17) - 1, (1 << 17) + 1]);
      assert.deepEqual(contactsRead(records), records.map((r) => JSON.parse(r)));
    });

    it('a contact that is not an object where one starts: GIVE_UP; only whitespace: INCOMPLETE', () => {
      assert.equal(new PackedTimelineBuilder(JSON_FORMAT).contact(utf8('"ann"'), 0, 5), GIVE_UP);
      assert.equal(new PackedTimelineBuilder(JSON_FORMAT).contact(utf8('  \n'), 0, 3), INCOMPLETE);
    });

    it('more contacts than one batch (64 KB), and one contact bigger than the batch buffer, are all read in order', () => {
      const many = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `c${i}`, email: `contact${i}@example.com`, tags: ['a', 'b'] }));
      const huge = JSON.stringify({ id: 'huge', name: 'n'.repeat(300_000) });
      const records = [...many.slice(0, 1500), huge, ...many.slice(1500)];
      const contacts = contactsRead(records)!;
      assert.equal(contacts.length, records.length);
      assert.deepEqual(contacts, records.map((r) => JSON.parse(r)));
    });

    it('a batch of contacts is checked before the next event: a bad contact makes that event give up', () => {
      const builder = new PackedTimelineBuilder(JSON_FORMAT);
      const contact = utf8('{"id":"ann","nickname":"A"}');
      assert.equal(builder.contact(contact, 0, contact.length), contact.length, 'a contact is checked with its batch');
      assert.equal(readEvent(`{"at":"${T0}","contact":"ann","type":"purchase"}`, JSON_FORMAT, builder), GIVE_UP);
    });

    it('contacts before every event number their ids first, a repeated id keeping its first number; a contact after an event makes the numbering the events\' own (listedContactIds -1)', () => {
      const builder = new PackedTimelineBuilder(JSON_FORMAT);
      for (const c of ['{"id":"bob"}', '{"id":"ann"}', '{"id":"bob","name":"B"}']) builder.contact(utf8(c), 0, utf8(c).length);
      for (const e of [`{"at":"${T0}","contact":"zed","type":"purchase"}`, `{"at":"${T0}","contact":"ann","type":"purchase"}`]) readEvent(e, JSON_FORMAT, builder);
      const packed = builder.finish({ formatVersion: 1 })!;
      assert.deepEqual(packed.eventContactIds, ['bob', 'ann', 'zed']);
      assert.deepEqual(packed.eventContact, [2, 1]);
      assert.equal(packed.listedContactIds, 2);

      const late = new PackedTimelineBuilder(JSON_FORMAT);
      readEvent(`{"at":"${T0}","contact":"zed","type":"purchase"}`, JSON_FORMAT, late);
      late.contact(utf8('{"id":"ann"}'), 0, 12);
      readEvent(`{"at":"${T0}","contact":"ann","type":"purchase"}`, JSON_FORMAT, late);
      const interleaved = late.finish({ formatVersion: 1 })!;
      assert.deepEqual(interleaved.eventContactIds, ['zed', 'ann']);
      assert.equal(interleaved.listedContactIds, -1);
      assert.deepEqual(interleaved.contacts, [{ id: 'ann' }]);
    });

    it('equal lists are one frozen object; lists in another order, or with another value, are their own', () => {
      const contacts = contactsRead([
        '{"id":"a","lists":{"n":"subscribed","s":"unsubscribed"}}',
        '{"id":"b","lists":{"n":"subscribed","s":"unsubscribed"}}',
        '{"id":"c","lists":{"s":"unsubscribed","n":"subscribed"}}',
        '{"id":"d","lists":{"n":"subscribed","s":"subscribed"}}',
        '{"id":"e"}',
      ])!;
      assert.equal(contacts[0]!.lists, contacts[1]!.lists);
      assert.ok(Object.isFrozen(contacts[0]!.lists));
      assert.notEqual(contacts[2]!.lists, contacts[0]!.lists);
      assert.notEqual(contacts[3]!.lists, contacts[0]!.lists);
      assert.equal('lists' in contacts[4]!, false, 'a contact without lists gets none');
    });
  });
});

describe('shared contact lists (#16: memory)', () => {
  it('an equal record (same keys, same order, same values) is the first one, frozen', () => {
    const shared = new SharedContactLists();
    const first = shared.share({ a: 'subscribed', b: 'unsubscribed' });
    assert.ok(Object.isFrozen(first));
    assert.equal(shared.share({ a: 'subscribed', b: 'unsubscribed' }), first);
    assert.throws(() => {
      'use strict';
      (first as Record<string, string>).a = 'unsubscribed';
    }, TypeError);
  });

  it('a record with a key more, a key less, another order or another value is its own', () => {
    const shared = new SharedContactLists();
    const first = shared.share({ a: 'subscribed', b: 'unsubscribed' });
    for (const other of [{ a: 'subscribed' }, { a: 'subscribed', b: 'unsubscribed', c: 'subscribed' }, { b: 'unsubscribed', a: 'subscribed' }, { a: 'subscribed', b: 'subscribed' }, {}]) {
      const got = shared.share(other);
      assert.equal(got, other, JSON.stringify(other));
      assert.notEqual(got, first);
    }
    assert.equal(shared.share({}), shared.share({}), 'the empty record too is shared');
  });

  it('remembers the 16 most recent distinct records: a 17th replaces the oldest, and so on round', () => {
    const shared = new SharedContactLists();
    const record = (i: number) => ({ [`list${i}`]: 'subscribed' });
    const firsts = Array.from({ length: 16 }, (_, i) => shared.share(record(i)));
    for (let i = 0; i < 16; i++) assert.equal(shared.share(record(i)), firsts[i], `record ${i} is still kept`);
    const seventeenth = shared.share(record(16));
    assert.notEqual(shared.share(record(0)), firsts[0], 'the oldest was replaced');
    // record(0), shared again, replaced the next oldest (record 1); the others are kept.
    assert.equal(shared.share(record(16)), seventeenth);
    assert.notEqual(shared.share(record(1)), firsts[1]);
    for (let i = 3; i < 16; i++) assert.equal(shared.share(record(i)), firsts[i], `record ${i} is still kept`);
  });
});
