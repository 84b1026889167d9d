// Specification of the schema walk behind the schema diagnostics and the
// completions: which zod schema governs a path of a document (choosing a
// union's option by the literal properties the data carries), which
// properties an object allows, and the description of a property, looking
// through wrappers (optional, nullable, default, readonly, lazy, pipe).
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Journey } from '../../src/core/schema';
import { allowedKeys, descriptionOf, schemaAtPath, unwrap } from '../../src/core/schemaWalk';
import { baseJourney } from './rules/helpers';

const ab = z.strictObject({ a: z.string(), b: z.number() });
const wrapped = (schema: z.ZodType, times: number): z.ZodType => (times === 0 ? schema : wrapped(schema.optional(), times - 1));

describe('schema walk', () => {
  describe('allowed properties', () => {
    it('of an object, through every kind of wrapper', () => {
      for (const schema of [ab, ab.optional(), ab.nullable(), ab.default({ a: 'x', b: 1 }), ab.readonly(), z.lazy(() => ab), ab.pipe(z.transform((v) => v)), ab.optional().nullable()]) {
        assert.deepEqual(allowedKeys(schema), ['a', 'b']);
      }
    });

    it('of something that is not an object: none', () => {
      assert.deepEqual(allowedKeys(z.string()), []);
      assert.deepEqual(allowedKeys(z.array(ab)), []);
    });

    it('of a union: those of the option whose literal properties the data carries', () => {
      const union = z.union([
        z.string(),
        z.strictObject({ free: z.string() }),
        z.strictObject({ kind: z.literal('a'), mode: z.literal('x'), p: z.string() }),
        z.strictObject({ kind: z.literal('a'), mode: z.literal('y'), q: z.string() }),
        z.strictObject({ kind: z.literal('b'), r: z.string() }).optional(),
      ]);
      assert.deepEqual(allowedKeys(union, { kind: 'a', mode: 'y' }), ['kind', 'mode', 'q'], 'every literal property must match');
      assert.deepEqual(allowedKeys(union, { kind: 'b' }), ['kind', 'r'], 'an option without literal properties is never chosen by them');
      assert.deepEqual(allowedKeys(union, { kind: 'c' }), [], 'no option fits');
      assert.deepEqual(allowedKeys(union, null), []);
      assert.deepEqual(allowedKeys(union, 'kind'), []);
      assert.deepEqual(allowedKeys(union), []);
    });

    it('R4: of a journey point, those of its type', () => {
      const point = schemaAtPath(Journey, baseJourney(), ['points', 0])!;
      assert.deepEqual(allowedKeys(point, { id: 'p1', type: 'wait' }), ['id', 'type', 'title', 'duration', 'next']);
      assert.deepEqual(allowedKeys(point, { id: 'p1', type: 'split' }), ['id', 'type', 'title', 'branches']);
    });
  });

  describe('the schema at a path', () => {
    const journey = baseJourney({
      points: [{ id: 'p1', type: 'wait', duration: 'P1D', next: 'p2' }, { id: 'p2', type: 'ifElse', condition: { type: 'not', filter: { type: 'language', language: 'de' } }, branches: { yes: 'p1', no: 'p1' } }],
      layout: { p1: { x: 0, y: 0 } },
    });

    it('follows objects, arrays and the union option the data picks, down to a property\'s description', () => {
      assert.equal(descriptionOf(schemaAtPath(Journey, journey, ['points', 0, 'duration'])), 'ISO 8601 duration (weeks, days, hours, minutes, seconds), e.g. P1D, PT12H, P1W');
      assert.equal(descriptionOf(schemaAtPath(Journey, journey, ['points', 1, 'condition', 'filter', 'language'])), 'Language code, e.g. de, en, pt-BR', 'through the lazy filter union, twice');
      assert.equal(schemaAtPath(Journey, journey, []), Journey);
    });

    it('follows the values of a record (the map layout, by point id)', () => {
      assert.deepEqual(allowedKeys(schemaAtPath(Journey, journey, ['layout', 'p1'])!), ['x', 'y']);
      assert.equal(schemaAtPath(Journey, journey, ['layout', 'p9'])?.constructor, schemaAtPath(Journey, journey, ['layout', 'p1'])?.constructor, 'any key of a record');
    });

    it('is undefined for a path that leaves the schema: an unknown property, an inherited name, a step into a text', () => {
      assert.equal(schemaAtPath(Journey, journey, ['nope']), undefined);
      assert.equal(schemaAtPath(Journey, journey, ['nope', 'deeper', 0]), undefined);
      assert.equal(schemaAtPath(Journey, journey, ['toString']), undefined);
      assert.equal(schemaAtPath(Journey, journey, ['constructor', 'name']), undefined);
      assert.equal(schemaAtPath(Journey, journey, ['name', 0]), undefined);
      assert.equal(schemaAtPath(Journey, journey, [0]), undefined);
    });

    it('where the data is missing or not an object, cannot pick a union option below it', () => {
      assert.equal(schemaAtPath(Journey, {}, ['points', 0, 'duration']), undefined);
      assert.equal(schemaAtPath(Journey, { points: 'p1' }, ['points', 0, 'duration']), undefined);
      assert.equal(schemaAtPath(Journey, { points: [null] }, ['points', 0, 'duration']), undefined);
      assert.equal(schemaAtPath(Journey, undefined, ['points', 0, 'type']), undefined);
    });
  });

  describe('unwrapping', () => {
    it('a lazy schema that is itself ends the walk instead of looping', () => {
      const self: z.ZodType = z.lazy(() => self);
      assert.equal(unwrap(self), self);
    });

    it('looks through at most 32 wrappers', () => {
      assert.equal(unwrap(wrapped(ab, 32)), ab);
      assert.notEqual(unwrap(wrapped(ab, 33)), ab);
    });
  });

  describe('descriptions', () => {
    it('are found on the schema or through its optional, nullable, default and pipe wrappers', () => {
      const described = z.string().describe('a text');
      assert.equal(descriptionOf(described), 'a text');
      assert.equal(descriptionOf(described.optional()), 'a text');
      assert.equal(descriptionOf(described.nullable().default('x')), 'a text');
      assert.equal(descriptionOf(described.pipe(z.string())), 'a text');
      assert.equal(descriptionOf(z.string().optional().describe('outer')), 'outer', 'the outermost description first');
    });

    it('are undefined for a schema without one, or for no schema', () => {
      assert.equal(descriptionOf(z.string().optional()), undefined);
      assert.equal(descriptionOf(undefined), undefined);
    });

    it('are looked for through at most 7 wrappers', () => {
      const described = z.string().describe('deep');
      assert.equal(descriptionOf(wrapped(described, 7)), 'deep');
      assert.equal(descriptionOf(wrapped(described, 8)), undefined);
    });
  });
});
