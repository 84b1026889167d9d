// Specification of reading large JSON from bytes (src/core/jsonBytes.ts),
// which `journey simulate` uses for timelines instead of a location tree,
// and of strict UTF-8 decoding (src/core/utf8Text.ts): both must agree with
// the platform exactly, so the fast path never accepts what JSON.parse or a
// fatal TextDecoder refuses, nor reads a value differently (#13).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { arrayElementSpans, parseJsonBytes } from '../../src/core/jsonBytes';
import { hasDuplicateKeys } from '../../src/core/jsonDocument';
import { TimelineStrings } from '../../src/core/timelineStrings';
import { LineIndex } from '../../src/core/textPosition';
import { decodeUtf8, firstInvalidUtf8, positionOfByte } from '../../src/core/utf8Text';

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
