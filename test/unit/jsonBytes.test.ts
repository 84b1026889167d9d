// Specification of reading large JSON from bytes (src/core/jsonBytes.ts),
// which `journey simulate` uses for timelines instead of a location tree,
// and of strict UTF-8 decoding (src/core/utf8Text.ts): both must agree with
// the platform exactly, so the fast path never accepts what JSON.parse or a
// fatal TextDecoder refuses, nor reads a value differently (#13).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { arrayElementSpans, keyCount, parseJsonBytes, propertyCount } from '../../src/core/jsonBytes';
import { hasDuplicateKeys, parseJsonDocument } from '../../src/core/jsonDocument';
import { TimelineStrings } from '../../src/core/timelineStrings';
import { LineIndex } from '../../src/core/textPosition';
import { decodeUtf8, firstInvalidUtf8, invalidUtf8At, positionOfByte, positionsOfBytes, startsWithUtf8Bom } from '../../src/core/utf8Text';

const RUNS = { numRuns: 300, seed: 13 };
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A top-level object whose members are often arrays (the timeline's shape), written with random spacing. */
const documentArb = fc
  .tuple(fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))), fc.constantFrom(undefined, 1, 2, '\t'))
  .map(([value, space]) => ({ value, text: JSON.stringify(value, null, space) }));

describe('parseJsonBytes', function () {
  this.timeout(30_000);

  it('reads every strict JSON object exactly as JSON.parse does, whatever the chunk size', () => {
    fc.assert(
      fc.property(documentArb, fc.integer({ min: 1, max: 64 }), ({ text }, chunk) => {
        const result = parseJsonBytes(utf8(text), undefined, undefined, chunk);
        assert.ok(result.ok, text);
        assert.deepEqual(result.value, JSON.parse(text));
      }),
      RUNS,
    );
  });

  it('accepts mangled text only when JSON.parse accepts it without duplicate keys, and locates the problem inside the bytes', () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', ' 1', '\\', '\u001b', '\u00e9', '"a":1,'), fc.nat(), fc.integer({ min: 1, max: 64 }), ({ text }, at, insert, cut, chunk) => {
        const pos = at % (text.length + 1);
        const mangled = text.slice(0, pos) + insert + text.slice(pos + (cut % 3));
        let accepted = true;
        try {
          JSON.parse(mangled);
          accepted = !hasDuplicateKeys(mangled);
        } catch {
          accepted = false;
        }
        const bytes = utf8(mangled);
        const result = parseJsonBytes(bytes, undefined, undefined, chunk);
        assert.equal(result.ok, accepted, mangled);
        if (result.ok) assert.deepEqual(result.value, JSON.parse(mangled));
        else if ('problem' in result) assert.ok(result.problem.byteOffset >= 0 && result.problem.byteOffset <= bytes.length, JSON.stringify(result.problem));
      }),
      RUNS,
    );
  });

  it('refuses a duplicate key inside an element, which JSON.parse would resolve silently, at the second key', () => {
    const text = '{"events": [{"a": 1}, {"at": "x", "at": "y"}]}';
    const result = parseJsonBytes(utf8(text));
    assert.ok(!result.ok && 'problem' in result);
    assert.equal(result.problem.code, 'syntax.duplicate-key');
    assert.equal(result.problem.byteOffset, text.lastIndexOf('"at"'));
  });

  it('"__proto__" is an own member, as with JSON.parse, never the prototype', () => {
    const result = parseJsonBytes(utf8('{"__proto__": {"polluted": true}, "events": []}'));
    assert.ok(result.ok);
    assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
    assert.deepEqual(Object.keys(result.value as object), ['__proto__', 'events']);
  });

  it('stops when the budget says so, after a chunk', () => {
    let chunks = 0;
    const result = parseJsonBytes(utf8(JSON.stringify({ events: Array.from({ length: 100 }, (_, i) => ({ i })) })), undefined, () => ++chunks < 3, 40);
    assert.deepEqual(result, { ok: false, overBudget: true });
    assert.equal(chunks, 3);
  });

  it('hands each element of a top-level array to the element hook with its member, in order, and what the hook shares leaves the value equal to JSON.parse', () => {
    const timeline = {
      formatVersion: 1,
      contacts: [{ id: 'c1' }, { id: 'c2' }],
      events: [
        { at: '2026-03-01T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'vip' },
        { at: '2026-03-01T09:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'vip' },
        { at: '2026-03-01T09:00:01Z', contact: 'c1', type: 'purchase', amount: 3 },
      ],
    };
    const text = JSON.stringify(timeline);
    const seen: string[] = [];
    const strings = new TimelineStrings();
    const result = parseJsonBytes(utf8(text), undefined, undefined, 24, (key, element) => {
      seen.push(`${key}:${JSON.stringify(element)}`);
      strings.share(key, element);
    });
    assert.ok(result.ok);
    assert.deepEqual(result.value, JSON.parse(text));
    assert.deepEqual(seen, [...timeline.contacts.map((c) => `contacts:${JSON.stringify(c)}`), ...timeline.events.map((e) => `events:${JSON.stringify(e)}`)]);
  });

  it('finds the span of the elements asked for in one pass', () => {
    const text = '{"events": [ {"a": "]"} , 2,[3, {"b": [4]}],"x\\"y" ]}';
    const bytes = utf8(text);
    const spans = arrayElementSpans(bytes, text.indexOf('['), [0, 2, 3]);
    assert.deepEqual([...spans.entries()].map(([i, s]) => [i, text.slice(s.start, s.end)]), [[0, '{"a": "]"}'], [2, '[3, {"b": [4]}]'], [3, '"x\\"y"']]);
  });
});

describe('strict UTF-8 decoding', function () {
  this.timeout(30_000);

  it('agrees with a fatal TextDecoder on any bytes, and places the first bad byte where the text before it ends', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 6 }), fc.nat(), (text, junk, at) => {
        const good = utf8(text);
        const pos = at % (good.length + 1);
        const bytes = new Uint8Array([...good.subarray(0, pos), ...junk, ...good.subarray(pos)]);
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        assert.equal(firstInvalidUtf8(bytes) < 0, valid);
        const decoded = decodeUtf8(bytes);
        if (decoded.ok) return;
        const before = fatal.decode(bytes.subarray(0, decoded.invalid.byteOffset));
        assert.deepEqual(decoded.invalid.position, new LineIndex(before).positionAt(before.length));
      }),
      RUNS,
    );
  });

  it('takes a leading BOM off the text and reports it', () => {
    const decoded = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a": "é"}')]));
    assert.deepEqual(decoded, { ok: true, text: '{"a": "é"}', bom: true });
  });

  it('counts columns in UTF-16 units, as editors do', () => {
    const text = 'ab\r\n😀é\nx';
    assert.deepEqual(positionOfByte(utf8(text), utf8('ab\r\n😀é').length), new LineIndex(text).positionAt('ab\r\n😀é'.length));
  });
});

describe('parseJsonBytes: where each problem is, and what it says', function () {
  this.timeout(30_000);
  const problemOf = (text: string, chunk?: number) => {
    const result = parseJsonBytes(utf8(text), undefined, undefined, chunk);
    assert.ok(!result.ok && 'problem' in result, `${text} is refused`);
    return result.problem;
  };
  const bytesBefore = (text: string, at: number) => utf8(text.slice(0, at)).length;

  const structural: [string, string, number | ((t: string) => number), string][] = [
    ['an empty file', '', 0, 'syntax.empty:The file is empty.'],
    ['whitespace only (space, CR, LF, tab)', ' \r\n\t ', 0, 'syntax.empty:The file is empty.'],
    ['something after the object', '{"é": 1} \r\n\tx', (t) => t.indexOf('x'), 'syntax.EndOfFileExpected:Only one JSON value is allowed; nothing may follow it.'],
    ['a name not in quotes', '{ 1: 2}', 2, 'syntax.unexpected:A property name in double quotes is expected here.'],
    ['a comma before the closing brace', '{"a": 1, }', (t) => t.indexOf('}'), 'syntax.unexpected:A property name in double quotes is expected here.'],
    ['a name that never ends', '{"a\\"', 1, 'syntax.unexpected:The end of the string is expected here.'],
    ['no colon', '{"a" \t1}', (t) => t.indexOf('1'), 'syntax.unexpected:A colon after the property name is expected here.'],
    ['no value', '{"a":\n}', (t) => t.indexOf('}'), 'syntax.unexpected:A value is expected here.'],
    ['an object value that never closes', '{"a": {"b": [}', 6, 'syntax.unexpected:A value is expected here.'],
    ['a string value that never ends', '{"a": "x\\"}', 6, 'syntax.unexpected:A value is expected here.'],
    ['no comma between members', '{"a": 1 "b": 2}', (t) => t.indexOf('"b"'), 'syntax.unexpected:A comma is expected here.'],
    ['the end of the file in place of the closing brace', '{"a": 1 ', (t) => t.length, 'syntax.unexpected:A closing brace } is expected here.'],
    ['no comma between elements', '{"a": [1 2]}', (t) => t.indexOf('2'), 'syntax.unexpected:A comma is expected here.'],
    ['the end of the file in place of the closing bracket', '{"a": [1\n', (t) => t.length, 'syntax.unexpected:A closing bracket ] is expected here.'],
    ['a comma before the closing bracket', '{"a": [1, ]}', (t) => t.indexOf(']'), 'syntax.unexpected:A value is expected here.'],
    ['a comma where the first element starts', '{"a": [ ,1]}', (t) => t.indexOf(','), 'syntax.unexpected:A value is expected here.'],
    ['an element that never closes', '{"a": [1, {"b": "]"', (t) => t.indexOf('{"b"'), 'syntax.unexpected:A value is expected here.'],
    ['a repeated top-level name (escaped the second time)', '{"ab": 1, "a\\u0062": 2}', (t) => t.lastIndexOf('"a'), 'syntax.duplicate-key:Duplicate property "ab": JSON readers keep only the last one. Remove or rename one of them.'],
  ];
  for (const [what, text, at, expected] of structural) {
    it(`${what}: at its byte, with its code and message`, () => {
      for (const chunk of [undefined, 1]) {
        const problem = problemOf(text, chunk);
        assert.equal(`${problem.code}:${problem.message}`, expected);
        assert.equal(problem.byteOffset, bytesBefore(text, typeof at === 'number' ? at : at(text)));
      }
    });
  }

  it('a syntax error inside a member or an element says what the whole text\'s parser says, at its byte after multi-byte characters', () => {
    for (const text of ['{"é😀": ["ü", 2, {"b": tru}, 3]}', '{"é😀": {"ü": nul}}', '["é😀", tru]', '{"a": [1, "€", [2, "x" 3]]}', '{"a": "😀\\x"}']) {
      const whole = parseJsonDocument(text).syntaxErrors[0]!;
      for (const chunk of [undefined, 1, 4]) {
        const problem = problemOf(text, chunk);
        assert.deepEqual(problem, { byteOffset: bytesBefore(text, whole.offset), code: whole.code, message: whole.message }, `${text} (chunk ${chunk})`);
      }
    }
  });

  it('a duplicate name inside an element is refused after multi-byte characters, at its byte', () => {
    const text = '{"events": [{"é": "😀"}, {"ü": 1, "ü": 2}]}';
    for (const chunk of [undefined, 1]) assert.equal(problemOf(text, chunk).byteOffset, bytesBefore(text, text.lastIndexOf('"ü"')));
  });

  it('bytes that are not UTF-8: the problem is at the start of the element (or name, or value) they are in', () => {
    const cases: [string, (t: string) => number, number | undefined][] = [
      ['{"events": [1, "#", 2]}', (t) => t.indexOf('"#"'), 1],
      ['{"events": [1, "#", 2]}', (t) => t.indexOf('1'), undefined],
      ['{"a#": 1}', (t) => t.indexOf('"a'), undefined],
      ['{"a": {"b": "#"}}', (t) => t.indexOf('{"b"'), undefined],
    ];
    for (const [text, at, chunk] of cases) {
      const bytes = utf8(text);
      bytes[text.indexOf('#')] = 0xff;
      const result = parseJsonBytes(bytes, undefined, undefined, chunk);
      assert.ok(!result.ok && 'problem' in result);
      assert.deepEqual(result.problem, { byteOffset: at(text), code: 'encoding.not-utf8', message: 'The file is not UTF-8 text.' }, text);
    }
  });

  it('reads a top-level value that is not an object, an empty object and empty arrays as JSON.parse does', () => {
    for (const text of ['[1, "é", {"a": [2]}]', ' "😀" ', '{}', '{ \n }', '{"a": [], "b": [ ], "c": {}}', '{"a":[1,2],"b":"x\\"y","c":-1.5e3,"d":null,"e":true}']) {
      const result = parseJsonBytes(utf8(text));
      assert.ok(result.ok, text);
      assert.deepEqual(result.value, JSON.parse(text));
    }
  });

  it('with spans, records where each top-level name and value is', () => {
    const text = '{ "é": [1, 2] ,\n"b" : {"c": "😀"}, "d": 3}';
    const spans = new Map();
    assert.ok(parseJsonBytes(utf8(text), spans).ok);
    const span = (from: string, to: string) => ({ start: bytesBefore(text, text.indexOf(from)), end: bytesBefore(text, text.indexOf(to) + to.length) });
    assert.deepEqual(Object.fromEntries(spans), { é: { key: span('"é"', '"é"'), value: span('[1', '2]') }, b: { key: span('"b"', '"b"'), value: span('{"c"', '"}') }, d: { key: span('"d"', '"d"'), value: span('3', '3') } });
  });

  it('a chunk of elements ends at the first element that brings it to the chunk size: the budget is asked once a chunk', () => {
    const asked = (chunk: number) => {
      let chunks = 0;
      const result = parseJsonBytes(utf8('{"a": [1,2,3,4,5,6], "b": []}'), undefined, () => ++chunks > 0, chunk);
      assert.deepEqual(result, { ok: true, value: { a: [1, 2, 3, 4, 5, 6], b: [] } });
      return chunks;
    };
    assert.equal(asked(1), 6);
    assert.equal(asked(3), 3, '"1,2" is 3 bytes');
    assert.equal(asked(4), 2, '"1,2,3" is 5 bytes, "4,5,6" the rest');
    assert.equal(asked(100), 1);
  });

  it('keyCount counts the strings followed by a colon (escapes and whitespace as JSON has them); propertyCount the properties of every level', () => {
    const text = '{"a": "b", "c\\"": {"d" \r\n: ":"}, "e"\t: [":", {"f": "g\\\\"}], "h": "i"}';
    const bytes = utf8(text);
    assert.equal(keyCount(bytes, 0, bytes.length), 6);
    assert.equal(keyCount(bytes, 1, bytes.length), 6);
    assert.equal(keyCount(bytes, text.indexOf('{"d"'), text.indexOf('}')), 1);
    assert.equal(keyCount(bytes, 0, text.indexOf(':')), 0, 'a name whose colon is past the end is not counted');
    assert.equal(propertyCount(JSON.parse(text)), 6);
    assert.equal(propertyCount([[{ a: 1 }], { b: { c: null } }, null, 'x', 3]), 3);
  });

  it('arrayElementSpans: nothing for a value that is not an array or no index asked; indices past the end are left out', () => {
    const text = '[1, "a", [2]]';
    const bytes = utf8(text);
    assert.deepEqual(arrayElementSpans(bytes, 1, [0]), new Map());
    assert.deepEqual(arrayElementSpans(bytes, 0, []), new Map());
    assert.deepEqual([...arrayElementSpans(bytes, 0, [1, 5])].map(([i, s]) => [i, text.slice(s.start, s.end)]), [[1, '"a"']]);
    assert.deepEqual([...arrayElementSpans(utf8('[1, {"a": '), 0, [0, 1])].map(([i, s]) => [i, s.end - s.start]), [[0, 1]]);
  });
});

describe('strict UTF-8 decoding: the edges', function () {
  this.timeout(30_000);

  it('a BOM is exactly EF BB BF at the start: a file of a BOM only is empty text with a BOM', () => {
    assert.deepEqual(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf])), { ok: true, text: '', bom: true });
    assert.equal(startsWithUtf8Bom(new Uint8Array([0xef, 0xbb, 0xbf])), true);
    for (const notBom of [[0xef, 0xbb], [0xee, 0xbb, 0xbf], [0xef, 0xba, 0xbf], [0xef, 0xbb, 0xbe], [0x20, 0xef, 0xbb, 0xbf]]) assert.equal(startsWithUtf8Bom(new Uint8Array(notBom)), false, notBom.join());
    const second = decodeUtf8(new Uint8Array([0x20, 0xef, 0xbb, 0xbf]));
    assert.deepEqual(second, { ok: true, text: ' \uFEFF', bom: false }, 'a BOM later is a character of the text');
  });

  it('a bad byte after a BOM is located in the text without the BOM', () => {
    const decoded = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x62, 0xff]));
    assert.ok(!decoded.ok);
    assert.deepEqual([decoded.invalid.byteOffset, decoded.invalid.byte, decoded.invalid.position], [3, 0xff, { line: 1, character: 1 }]);
  });

  it('the message names the byte in hex and its offset, and what it would be in Latin-1 from 0xA0 on', () => {
    const tail = 'Journey files are UTF-8: convert the file (e.g. in VS Code, "Reopen with Encoding", then "Save with Encoding" UTF-8); it was left unchanged.';
    const at = (bytes: number[], offset: number) => invalidUtf8At(new Uint8Array(bytes), offset).message;
    assert.equal(at([0x63, 0x61, 0x66, 0xe9], 3), `The file is not UTF-8 text: byte 0xE9 (at byte 3) is not valid UTF-8 (in Latin-1 it would be "é"). ${tail}`);
    assert.equal(at([0xa0], 0), `The file is not UTF-8 text: byte 0xA0 (at byte 0) is not valid UTF-8 (in Latin-1 it would be "\u00a0"). ${tail}`);
    assert.equal(at([0x61, 0x9f], 1), `The file is not UTF-8 text: byte 0x9F (at byte 1) is not valid UTF-8. ${tail}`);
    assert.equal(at([0x61], 1), `The file is not UTF-8 text: byte 0x00 (at byte 1) is not valid UTF-8. ${tail}`, 'past the end: no byte');
    assert.equal(at([0x0b], 0).slice(0, 41), 'The file is not UTF-8 text: byte 0x0B (at');
  });

  it('every lead byte with a second byte at each edge of the ranges UTF-8 allows, whole or cut off: the first bad byte is where a replacing decoder first replaces', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const replacing = new TextDecoder('utf-8', { ignoreBOM: true });
    for (let lead = 0x80; lead <= 0xff; lead++) {
      for (const second of [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff]) {
        for (const length of [2, 3, 4, 5]) {
          const bytes = new Uint8Array([0x61, lead, second, 0x80, 0x80].slice(0, length));
          let valid = true;
          try {
            fatal.decode(bytes);
          } catch {
            valid = false;
          }
          const decoded = replacing.decode(bytes);
          const expected = valid ? -1 : utf8(decoded.slice(0, decoded.indexOf('\uFFFD'))).length;
          const found = firstInvalidUtf8(bytes);
          if (found !== expected) assert.fail(`${[...bytes].map((b) => b.toString(16)).join(' ')}: ${found}, expected ${expected}`);
        }
      }
    }
  });

  it('positions of several byte offsets in one pass are LineIndex\'s, whatever the line ends (\\n, \\r\\n, \\r) and wherever the offsets fall', () => {
    const unit = fc.constantFrom('a', '\r', '\n', '\r\n', 'é', '€', '😀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 6 }), (units, picks) => {
        const text = units.join('');
        // Offsets at character boundaries (not inside a surrogate pair), ascending.
        const boundaries = [0];
        for (const u of units) for (const ch of u) boundaries.push(boundaries[boundaries.length - 1]! + ch.length);
        const offsets = picks.map((p) => boundaries[p % boundaries.length]!).sort((a, b) => a - b);
        const lines = new LineIndex(text);
        const bytes = utf8(text);
        assert.deepEqual(positionsOfBytes(bytes, offsets.map((o) => utf8(text.slice(0, o)).length)), offsets.map((o) => lines.positionAt(o)), JSON.stringify({ text, offsets }));
      }),
      RUNS,
    );
    assert.deepEqual(positionsOfBytes(utf8('a\r\nb'), [2, 3]), [{ line: 0, character: 2 }, { line: 1, character: 0 }], 'an offset between CR and LF');
    assert.deepEqual(positionsOfBytes(utf8('ab'), [1, 9, -1]), [{ line: 0, character: 1 }, { line: 0, character: 2 }, { line: 0, character: 2 }], 'offsets past the end are the end');
  });
});
