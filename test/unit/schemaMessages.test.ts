// Specification of the schema diagnostics' messages, codes, spans and data:
// each says where the problem is (the property path, or "the journey" for the
// document itself), what was found and what is allowed, so a person can fix
// it without reading the format reference.
import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseJsonDocument } from '../../src/core/jsonDocument';
import { POINT_TYPES, TRIGGER_TYPES, Trigger } from '../../src/core/schema';
import { schemaDiagnostics } from '../../src/core/schemaDiagnostics';
import { validateJourneyText } from '../../src/core/validate';
import { baseJourney, type JourneyObject } from './rules/helpers';

interface Seen {
  code: string;
  message: string;
  spanned: string;
  path: string;
  data?: Record<string, unknown>;
}

const seen = (text: string, diagnostics: { code: string; message: string; offset: number; length: number; path: (string | number)[]; data?: Record<string, unknown> }[]): Seen[] =>
  diagnostics.map((d) => ({ code: d.code, message: d.message, spanned: text.slice(d.offset, d.offset + d.length), path: d.path.join('.'), ...(d.data ? { data: d.data } : {}) }));

/** The diagnostics of a journey, with the text each one's span covers. */
function problems(journey: JourneyObject): Seen[] {
  const text = JSON.stringify(journey, null, 2);
  return seen(text, validateJourneyText(text).diagnostics);
}

/** The diagnostics of `value` against a schema, with `root` naming the document. */
function against(schema: z.ZodType, value: unknown, root?: string): Seen[] {
  const text = JSON.stringify(value, null, 2);
  const parsed = schema.safeParse(value);
  assert.equal(parsed.success, false);
  return seen(text, schemaDiagnostics(parseJsonDocument(text), schema, parsed.error!.issues, root));
}

const zodMessage = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!.message;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const WAIT_KEYS = ['id', 'type', 'title', 'duration', 'next'];

describe('schema diagnostics: messages, codes, spans and data', () => {
  describe('an unknown property', () => {
    it('is named on its key, with the closest allowed name, and the allowed names in the data', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'wait', duraton: 'P1D', next: 'p1' }] }));
      assert.deepEqual(found.map((f) => f.code), ['schema.missing-property', 'schema.unknown-property'], 'the misspelt duration is missing too');
      assert.deepEqual(found[1], {
        code: 'schema.unknown-property',
        message: 'Property "duraton" is not allowed in points[0]. Did you mean "duration"?',
        spanned: '"duraton"',
        path: 'points.0.duraton',
        data: { property: 'duraton', suggestion: 'duration', allowed: WAIT_KEYS },
      });
    });

    it('with no close name, lists the names the object allows (of the point type it has)', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'end', colour: 'red' }] }));
      assert.deepEqual(found, [{
        code: 'schema.unknown-property',
        message: 'Property "colour" is not allowed in points[0]. Allowed: id, type, title.',
        spanned: '"colour"',
        path: 'points.0.colour',
        data: { property: 'colour', suggestion: undefined, allowed: ['id', 'type', 'title'] },
      }]);
    });

    it('at the top level is "in the journey"', () => {
      const found = problems({ ...baseJourney(), nmae: 'x' });
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, 'Property "nmae" is not allowed in the journey. Did you mean "name"?');
    });

    it('each unknown property of one object is its own diagnostic', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'end', colour: 'red', size: 2 }] }));
      assert.deepEqual(found.map((f) => f.spanned), ['"colour"', '"size"']);
    });
  });

  describe('a missing property', () => {
    it('is located on the object that lacks it and says what the property is, from its description', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'wait', next: 'p1' }] }));
      assert.deepEqual(found, [{
        code: 'schema.missing-property',
        message: 'Missing property "duration" in points[0]: ISO 8601 duration (weeks, days, hours, minutes, seconds), e.g. P1D, PT12H, P1W.',
        spanned: '"p1"',
        path: 'points.0.duration',
        data: { property: 'duration' },
      }]);
    });

    it('without a description ends after the object\'s name; a property of the document itself is missing "in the journey"', () => {
      const { name: _name, ...nameless } = baseJourney();
      const found = problems(nameless);
      assert.deepEqual(found.map((f) => [f.code, f.message, f.path]), [['schema.missing-property', 'Missing property "name" in the journey.', 'name']]);
    });

    it('of a filter names the filter and what the property holds', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'ifElse', condition: { type: 'all' }, branches: { yes: 'p1', no: 'p1' } }] }));
      assert.deepEqual(found.map((f) => [f.code, f.message, f.spanned]), [['schema.missing-property', 'Missing property "of" in points[0].condition: Every filter must hold.', '"condition"']]);
    });
  });

  describe('a point, trigger or filter type', () => {
    it('that is unknown is shown on its value, with the closest type and every allowed one', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'sendEmial', content: 'c', next: 'p1' }] }));
      assert.deepEqual(found, [{
        code: 'schema.unknown-discriminator',
        message: `"sendEmial" is not a valid type for points[0]. Did you mean "sendEmail"? Allowed: ${POINT_TYPES.join(', ')}.`,
        spanned: '"sendEmial"',
        path: 'points.0.type',
        data: { allowed: [...POINT_TYPES], actual: 'sendEmial', suggestion: 'sendEmail' },
      }]);
    });

    it('that is not a string says what it is, with no suggestion', () => {
      const number = problems(baseJourney({ points: [{ id: 'p1', type: 5 }] }));
      assert.deepEqual(number.map((f) => [f.message, f.spanned, f.data]), [[`number 5 is not a valid type for points[0]. Allowed: ${POINT_TYPES.join(', ')}.`, '5', { allowed: [...POINT_TYPES], actual: undefined, suggestion: undefined }]]);
      assert.equal(problems(baseJourney({ points: [{ id: 'p1', type: { t: 1 } }] }))[0]!.message, `an object is not a valid type for points[0]. Allowed: ${POINT_TYPES.join(', ')}.`);
      assert.equal(problems(baseJourney({ points: [{ id: 'p1', type: ['end'] }] }))[0]!.message, `an array is not a valid type for points[0]. Allowed: ${POINT_TYPES.join(', ')}.`);
      assert.equal(problems(baseJourney({ points: [{ id: 'p1', type: true }] }))[0]!.message, `boolean true is not a valid type for points[0]. Allowed: ${POINT_TYPES.join(', ')}.`);
    });

    it('that is missing is a missing property on the object, listing the allowed types', () => {
      const found = problems(baseJourney({ startingPoints: [{ id: 'start', trigger: { tag: 'A' }, next: 'p1' }] }));
      assert.deepEqual(found, [{
        code: 'schema.missing-property',
        message: `Missing property "type" in startingPoints[0].trigger: one of ${TRIGGER_TYPES.join(', ')}.`,
        spanned: '"trigger"',
        path: 'startingPoints.0.trigger.type',
        data: { property: 'type', allowed: [...TRIGGER_TYPES] },
      }]);
    });

    it('of the document itself (a trigger file, say) is named by the root the caller gives', () => {
      const missing = against(Trigger, { tag: 'A' }, 'the trigger');
      assert.deepEqual(missing.map((f) => [f.code, f.message, f.path]), [['schema.missing-property', `Missing property "type" in the trigger: one of ${TRIGGER_TYPES.join(', ')}.`, 'type']]);
      const unknown = against(Trigger, { type: 'tagAded', tag: 'A' }, 'the trigger');
      assert.deepEqual(unknown.map((f) => [f.message, f.spanned]), [[`"tagAded" is not a valid type for the trigger. Did you mean "tagAdded"? Allowed: ${TRIGGER_TYPES.join(', ')}.`, '"tagAded"']]);
      assert.match(against(Trigger, { type: 'tagAdded' })[0]!.message, /^Missing property "tag" in the journey\.$/);
    });
  });

  describe('a value of the wrong type', () => {
    it('says what was expected, with its article, and what was found, on the value', () => {
      const cases: [JourneyObject, string, string][] = [
        [{ name: 5 }, 'name must be a string, not number 5.', '5'],
        [{ name: false }, 'name must be a string, not boolean false.', 'false'],
        [{ version: '2' }, 'version must be a number, not "2".', '"2"'],
        [{ points: { p1: 1 } }, 'points must be an array, not an object.', '{\n    "p1": 1\n  }'],
        [{ settings: [] }, 'settings must be an object, not an array.', '[]'],
      ];
      for (const [overrides, message, spanned] of cases) {
        const found = problems(baseJourney(overrides));
        assert.deepEqual(found, [{ code: 'schema.invalid-type', message, spanned, path: Object.keys(overrides)[0]! }]);
      }
    });
  });

  describe('the document as a whole', () => {
    it('an empty file is a syntax error at its start (the JSON reader expects a value)', () => {
      assert.deepEqual(validateJourneyText('').diagnostics.map((d) => [d.code, d.severity, d.offset]), [['syntax.ValueExpected', 'error', 0]]);
    });

    it('a document nested thousands of levels deep where the points should be (50,000 arrays in arrays) is one error at its start, never a crash', () => {
      const deep = '['.repeat(50_000) + ']'.repeat(50_000);
      const text = JSON.stringify(baseJourney({ points: '@' })).replace('"@"', deep);
      assert.deepEqual(validateJourneyText(text).diagnostics, [{
        code: 'schema.too-deep',
        rule: 'schema',
        severity: 'error',
        message: 'The journey is nested too deeply to check (filters inside filters thousands of levels deep); flatten it.',
        offset: 0,
        length: 1,
        path: [],
      }]);
    });

    it('a document that is not an object says what it is: null is "null"', () => {
      assert.deepEqual(seen('null', validateJourneyText('null').diagnostics), [{ code: 'schema.invalid-type', message: 'the journey must be an object, not null.', spanned: 'null', path: '' }]);
      assert.deepEqual(problems(baseJourney({ name: null })).map((f) => f.message), ['name must be a string, not null.']);
    });
  });

  describe('a value that is not one of the allowed ones', () => {
    it('lists the allowed values and suggests the closest, with both in the data', () => {
      const found = problems(baseJourney({ kind: 'triger' }));
      assert.deepEqual(found, [{
        code: 'schema.invalid-value',
        message: '"triger" is not allowed for kind. Did you mean "trigger"? Allowed: "trigger", "segment".',
        spanned: '"triger"',
        path: 'kind',
        data: { allowed: ['trigger', 'segment'], suggestion: 'trigger' },
      }]);
    });

    it('suggests nothing for a value that is not a string', () => {
      const found = problems(baseJourney({ formatVersion: 2 }));
      assert.deepEqual(found, [{ code: 'schema.invalid-value', message: 'number 2 is not allowed for formatVersion. Allowed: 1.', spanned: '2', path: 'formatVersion', data: { allowed: [1], suggestion: undefined } }]);
      const kind = problems(baseJourney({ kind: null }));
      assert.deepEqual(kind.map((f) => [f.code, f.message, f.data]), [['schema.invalid-value', 'null is not allowed for kind. Allowed: "trigger", "segment".', { allowed: ['trigger', 'segment'], suggestion: undefined }]]);
    });
  });

  describe('a value too small or too big', () => {
    it('R13: a split needs at least 2 branches', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'split', branches: [{ percent: 100, next: 'p1' }] }] }));
      assert.deepEqual(found.map((f) => [f.code, f.message, f.path]), [['schema.too-small', 'points[0].branches must be at least 2 items.', 'points.0.branches']]);
    });

    it('R13: a branch percentage is > 0 and ≤ 100', () => {
      const split = (percent: number) => baseJourney({ points: [{ id: 'p1', type: 'split', branches: [{ percent, next: 'p1' }, { percent: 50, next: 'p1' }] }] });
      assert.deepEqual(problems(split(0)).map((f) => [f.code, f.message, f.spanned]), [['schema.too-small', 'points[0].branches[0].percent must be > 0.', '0']]);
      assert.deepEqual(problems(split(101)).map((f) => [f.code, f.message, f.spanned]), [['schema.too-big', 'points[0].branches[0].percent must be ≤ 100.', '101']]);
    });

    it('R1: an explicit limit of wait-for-event rules is ≥ 0', () => {
      const found = problems(baseJourney({ settings: { limits: { waitForEventRules: -1 } } }));
      assert.deepEqual(found.map((f) => [f.code, f.message]), [['schema.too-small', 'settings.limits.waitForEventRules must be ≥ 0.']]);
    });

    it('a text too short counts characters, one in the singular', () => {
      assert.deepEqual(problems(baseJourney({ name: '' })).map((f) => [f.code, f.message, f.spanned]), [['schema.too-small', 'name must be at least 1 character.', '""']]);
      const language = problems(baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, filter: { type: 'language', language: 'd' }, next: 'p1' }] }));
      assert.deepEqual(language.map((f) => f.message), ['startingPoints[0].filter.language must be at least 2 characters.']);
    });

    it('upper bounds on lists, texts and numbers say "at most" and "<"', () => {
      const schema = z.strictObject({ one: z.array(z.string()).max(1), two: z.array(z.string()).max(2), code: z.string().max(1), word: z.string().max(3), under: z.number().lt(5), few: z.array(z.string()).min(1) });
      const found = against(schema, { one: ['a', 'b'], two: ['a', 'b', 'c'], code: 'ab', word: 'abcd', under: 5, few: [] });
      assert.deepEqual(found.map((f) => [f.code, f.message]), [
        ['schema.too-big', 'one must be at most 1 item.'],
        ['schema.too-big', 'two must be at most 2 items.'],
        ['schema.too-big', 'code must be at most 1 character.'],
        ['schema.too-big', 'word must be at most 3 characters.'],
        ['schema.too-big', 'under must be < 5.'],
        ['schema.too-small', 'few must be at least 1 item.'],
      ]);
    });
  });

  describe('a text of the wrong form', () => {
    it('R6: a duration with months gets the format\'s own message, on the value', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'wait', duration: 'P1M', next: 'p1' }] }));
      assert.deepEqual(found, [{ code: 'schema.invalid-format', message: 'points[0].duration: a duration is ISO 8601 with weeks, days, hours, minutes, seconds only, e.g. P1D, PT12H, P2DT6H.', spanned: '"P1M"', path: 'points.0.duration' }]);
    });

    it('R22: a publication instant gets the schema library\'s message, starting in lower case, ending with a period', () => {
      const found = problems(baseJourney({ publication: { version: 1, publishedAt: 'yesterday', hash: 'fnv1a64:0123456789abcdef' } }));
      const expected = `publication.publishedAt: ${lowerFirst(zodMessage(z.iso.datetime({ offset: true }), 'yesterday'))}.`;
      assert.notEqual(zodMessage(z.iso.datetime({ offset: true }), 'yesterday').charAt(0), lowerFirst(zodMessage(z.iso.datetime({ offset: true }), 'yesterday')).charAt(0), 'the library\'s message starts in upper case');
      assert.deepEqual(found.map((f) => [f.code, f.message, f.spanned]), [['schema.invalid-format', expected, '"yesterday"']]);
    });
  });

  describe('any other problem', () => {
    it('has the library\'s code in kebab case and its message after the path: a value fitting none of a union\'s forms', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'updateField', field: 'f', value: { x: 1 }, next: 'p1' }] }));
      const expected = zodMessage(z.union([z.string(), z.number(), z.boolean()]), { x: 1 });
      assert.deepEqual(found.map((f) => [f.code, f.message, f.spanned]), [['schema.invalid-union', `points[0].value: ${expected}.`, '{\n        "x": 1\n      }']]);
    });

    it('a refinement\'s own message: a webhook URL with a space', () => {
      const found = problems(baseJourney({ points: [{ id: 'p1', type: 'webhook', url: 'https://a.example/ x', next: 'p1' }] }));
      assert.deepEqual(found.map((f) => [f.code, f.message]), [['schema.custom', 'points[0].url: A webhook URL must not contain spaces or control characters (newline, tab...).']]);
    });
  });
});
