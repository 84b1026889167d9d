// Reserved names: the names every JavaScript object already has
// (`__proto__`, `constructor`, `toString` ...) and `prototype` cannot name
// anything in a journey file. Each use is a located error at the exact name,
// with the rule and a prefixed name to use instead; the journey is not
// checked further, so the CLI, the language server and publishing all refuse it.
import assert from 'node:assert/strict';
import { planPublication } from '../../../src/core/compiler/publishPlan';
import { RESERVED_NAMES } from '../../../src/core/reservedNames';
import { validateJourneyText } from '../../../src/core/validate';
import { baseJourney, type JourneyObject, NOW, spanned } from './helpers';

const validate = (journey: JourneyObject | string) => {
  const text = typeof journey === 'string' ? journey : JSON.stringify(journey, null, 2);
  return { text, ...validateJourneyText(text, { now: NOW }) };
};

describe('reserved names', () => {
  it('every property of Object.prototype, and prototype, is reserved', () => {
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), 'prototype']) assert.ok(RESERVED_NAMES.has(name), name);
  });

  it('R4: with a schema problem beside a reserved name, the rules still do not run: no stand-ins, only the schema\'s problems', () => {
    const journey = baseJourney({
      startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'constructor' }, { id: 'other', trigger: { type: 'api' }, next: 'p_nowhere' }],
      points: [{ id: 'constructor', type: 'wait', duration: '3 days', next: 'constructor' }],
    });
    const { diagnostics } = validate(journey);
    const codes = diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);
    assert.ok(codes.includes('schema.reserved-name points.0.id'), codes.join('; '));
    assert.ok(codes.some((c) => c.endsWith('points.0.duration')), codes.join('; '));
    assert.ok(diagnostics.every((d) => d.rule === 'schema'), codes.join('; '));
  });

  it('a journey point called "constructor" is refused at its id, naming the rule and a prefixed name; publishing refuses', () => {
    const journey = baseJourney({
      startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'constructor' }],
      points: [{ id: 'constructor', type: 'end' }],
    });
    const { text, diagnostics, journey: parsed } = validate(journey);
    assert.equal(parsed, undefined, 'the rules do not run on it');
    const byPath = diagnostics.map((d) => ({ code: d.code, severity: d.severity, path: d.path, spanned: spanned(text, d) }));
    assert.deepEqual(byPath, [
      { code: 'schema.reserved-name', severity: 'error', path: ['startingPoints', 0, 'next'], spanned: '"constructor"' },
      { code: 'schema.reserved-name', severity: 'error', path: ['points', 0, 'id'], spanned: '"constructor"' },
    ]);
    assert.match(diagnostics[1]!.message, /^"constructor" cannot name a journey point: .*reserved in journey files.* Rename it, e.g. "p_constructor"/);
    assert.equal(diagnostics[1]!.data?.['suggestion'], 'p_constructor');
    const plan = planPublication(text, { now: NOW });
    assert.equal(plan.ok, false);
    assert.ok(!plan.ok && plan.reasons.every((r) => r.code === 'schema.reserved-name'));
  });

  const uses: { what: string; name: string; journey: JourneyObject; path: (string | number)[]; spanned: string }[] = [
    { what: 'a starting point id', name: 'toString', journey: baseJourney({ startingPoints: [{ id: 'toString', trigger: { type: 'api' }, next: 'p1' }] }), path: ['startingPoints', 0, 'id'], spanned: '"toString"' },
    { what: 'a declared tag', name: '__proto__', journey: baseJourney({ tags: ['VIP', '__proto__'] }), path: ['tags', 1], spanned: '"__proto__"' },
    { what: 'a tag added', name: 'valueOf', journey: baseJourney({ points: [{ id: 'p1', type: 'addTag', tag: 'valueOf', next: 'p2' }, { id: 'p2', type: 'end' }] }), path: ['points', 0, 'tag'], spanned: '"valueOf"' },
    { what: 'a list id', name: 'hasOwnProperty', journey: baseJourney({ lists: [{ id: 'hasOwnProperty' }] }), path: ['lists', 0, 'id'], spanned: '"hasOwnProperty"' },
    { what: 'a segment id', name: 'isPrototypeOf', journey: baseJourney({ segments: [{ id: 'isPrototypeOf' }] }), path: ['segments', 0, 'id'], spanned: '"isPrototypeOf"' },
    { what: 'a field name', name: '__defineGetter__', journey: baseJourney({ fields: [{ name: '__defineGetter__', type: 'string' }] }), path: ['fields', 0, 'name'], spanned: '"__defineGetter__"' },
    { what: 'a field compared', name: 'constructor', journey: baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, filter: { type: 'all', of: [{ type: 'field', field: 'constructor', op: 'exists' }] }, next: 'p1' }] }), path: ['startingPoints', 0, 'filter', 'of', 0, 'field'], spanned: '"constructor"' },
    { what: 'a form id', name: 'propertyIsEnumerable', journey: baseJourney({ forms: [{ id: 'propertyIsEnumerable' }] }), path: ['forms', 0, 'id'], spanned: '"propertyIsEnumerable"' },
    { what: 'a campaign id', name: 'toLocaleString', journey: baseJourney({ campaigns: [{ id: 'toLocaleString' }] }), path: ['campaigns', 0, 'id'], spanned: '"toLocaleString"' },
    { what: 'a content item id', name: 'prototype', journey: baseJourney({ content: [{ id: 'prototype', channel: 'email', status: 'ready' }] }), path: ['content', 0, 'id'], spanned: '"prototype"' },
    { what: 'a link', name: '__lookupGetter__', journey: baseJourney({ content: [{ id: 'mail', channel: 'email', status: 'ready', links: ['shop', '__lookupGetter__'] }] }), path: ['content', 0, 'links', 1], spanned: '"__lookupGetter__"' },
    { what: 'an event name', name: '__lookupSetter__', journey: baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'customEvent', name: '__lookupSetter__' }, next: 'p1' }] }), path: ['startingPoints', 0, 'trigger', 'name'], spanned: '"__lookupSetter__"' },
    { what: 'an event property', name: '__proto__', journey: baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'customEvent', name: 'order', properties: JSON.parse('{"__proto__": "x"}') }, next: 'p1' }] }), path: ['startingPoints', 0, 'trigger', 'properties', '__proto__'], spanned: '"__proto__"' },
    { what: 'a layout entry', name: '__proto__', journey: baseJourney({ layout: JSON.parse('{"__proto__": {"x": 1, "y": 2}}') }), path: ['layout', '__proto__'], spanned: '"__proto__"' },
    { what: 'an exit criterion id', name: '__defineSetter__', journey: baseJourney({ settings: { exitCriteria: [{ id: '__defineSetter__', when: 'event', event: { type: 'purchase' } }] } }), path: ['settings', 'exitCriteria', 0, 'id'], spanned: '"__defineSetter__"' },
  ];
  for (const use of uses) {
    it(`${use.name} as ${use.what} is one located error at the name`, () => {
      const { text, diagnostics, journey } = validate(use.journey);
      assert.equal(journey, undefined);
      const reserved = diagnostics.filter((d) => d.code === 'schema.reserved-name');
      assert.deepEqual(
        reserved.map((d) => ({ path: d.path, spanned: spanned(text, d), name: d.data?.['name'] })),
        [{ path: use.path, spanned: use.spanned, name: use.name }],
      );
      assert.match(reserved[0]!.message, /reserved in journey files/);
    });
  }

  it('names that merely contain a reserved word, and display names, are fine', () => {
    const { diagnostics, journey } = validate(
      baseJourney({ name: 'constructor', tags: ['VIP', 'my_constructor', 'toStringy'], points: [{ id: 'p_constructor', type: 'end', title: 'toString' }], startingPoints: [{ id: 'start', name: '__proto__', trigger: { type: 'api' }, next: 'p_constructor' }] }),
    );
    assert.ok(journey);
    assert.deepEqual(diagnostics, []);
  });
});
