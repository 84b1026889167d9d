// Specification of src/core/reservedNames.ts at the level of the document:
// every place of a journey file where a string or a key is a name, what it
// names there (the word the message uses and the prefix of the name it
// suggests), and the places where a reserved word is not a name and is fine.
// (test/unit/rules/reservedNames.test.ts checks the same through validation.)
import assert from 'node:assert/strict';
import type { JourneyDiagnostic } from '../../src/core/diagnostic';
import { parseJsonDocument } from '../../src/core/jsonDocument';
import { reservedIdRefusal, reservedNameDiagnostics, unreservedName } from '../../src/core/reservedNames';

const found = (text: string) => {
  const diagnostics = reservedNameDiagnostics(parseJsonDocument(text));
  return diagnostics.map((d: JourneyDiagnostic) => ({ path: d.path.join('.'), spanned: text.slice(d.offset, d.offset + d.length), ...(d.data as { name: string; suggestion: string; what: string }) }));
};

describe('R4 reserved names in a journey document (reservedNameDiagnostics)', () => {
  it('R4: what each reserved name names, by where it stands, with the prefixed name to use', () => {
    const text = JSON.stringify({
      id: 'constructor',
      tags: ['ok', 'toString'],
      fields: [{ name: 'valueOf', type: 'string' }],
      content: [{ id: 'prototype', channel: 'email', links: ['hasOwnProperty'] }],
      startingPoints: [{ id: '__proto__', trigger: { type: 'customEvent', name: 'isPrototypeOf' }, next: 'toLocaleString' }],
      points: [{ id: 'p', type: 'addTag', tag: '__defineGetter__', next: 'e' }],
      settings: { exitCriteria: [{ id: '__defineSetter__' }], id: '__lookupGetter__' },
    });
    assert.deepEqual(
      found(text).map(({ path, what, suggestion }) => [path, what, suggestion]),
      [
        ['id', 'journey', 'journey_constructor'],
        ['tags.1', 'tag', 'tag_toString'],
        ['fields.0.name', 'field', 'field_valueOf'],
        ['content.0.id', 'content item', 'content_prototype'],
        ['content.0.links.0', 'link', 'link_hasOwnProperty'],
        ['startingPoints.0.id', 'starting point', 'sp_proto'],
        ['startingPoints.0.trigger.name', 'event', 'event_isPrototypeOf'],
        ['startingPoints.0.next', 'journey point', 'p_toLocaleString'],
        ['points.0.tag', 'tag', 'tag_defineGetter'],
        ['settings.exitCriteria.0.id', 'exit criterion', 'exit_defineSetter'],
        ['settings.id', 'thing', 'thing_lookupGetter'],
      ],
    );
  });

  it('R4: a reserved key is refused where keys are names: layout entries, event properties, any other object', () => {
    const text = '{"layout": {"__proto__": {"x": 1}}, "startingPoints": [{"trigger": {"type": "customEvent", "properties": {"constructor": 1}}}], "settings": {"toString": true}}';
    assert.deepEqual(found(text), [
      { path: 'layout.__proto__', spanned: '"__proto__"', name: '__proto__', suggestion: 'p_proto', what: 'journey point (in layout)' },
      { path: 'startingPoints.0.trigger.properties.constructor', spanned: '"constructor"', name: 'constructor', suggestion: 'prop_constructor', what: 'event property' },
      { path: 'settings.toString', spanned: '"toString"', name: 'toString', suggestion: 'property_toString', what: 'property' },
    ]);
  });

  it('R4: a reserved word that is not a name is fine: display names, titles, other array items, a name that is not a field\'s or an event\'s', () => {
    const text = JSON.stringify({
      name: 'constructor',
      description: 'toString',
      notes: ['constructor'],
      fields: [{ name: 'ok', label: 'valueOf' }],
      startingPoints: [{ id: 'sp', name: '__proto__', trigger: { type: 'tagAdded', tag: 'ok', name: 'toString' }, next: 'p' }],
      points: [{ id: 'p', type: 'end', title: 'toString' }],
      layout: { p: { x: 1, y: null } },
      nothing: null,
      count: 3,
    });
    assert.deepEqual(found(text), []);
  });

  it('a document without a value (empty or not JSON) has no reserved names', () => {
    assert.deepEqual(found(''), []);
    assert.deepEqual(found('nul'), []);
  });

  it('the diagnostic: code schema.reserved-name, rule schema, an error at the exact name, its message with "a" or "an"', () => {
    const text = '{"settings": {"exitCriteria": [{"id": "valueOf"}]}, "tags": ["toString"]}';
    const [exit, tag] = reservedNameDiagnostics(parseJsonDocument(text));
    assert.deepEqual({ ...exit!, message: undefined }, {
      code: 'schema.reserved-name',
      rule: 'schema',
      severity: 'error',
      message: undefined,
      offset: text.indexOf('"valueOf"'),
      length: '"valueOf"'.length,
      path: ['settings', 'exitCriteria', 0, 'id'],
      data: { name: 'valueOf', suggestion: 'exit_valueOf', what: 'exit criterion' },
    });
    assert.equal(
      exit!.message,
      '"valueOf" cannot name an exit criterion: __proto__, constructor, prototype, toString, valueOf, hasOwnProperty and the other names every JavaScript object already has are reserved in journey files, ' +
        'because programs that read the journey would take them for built-in properties (the name would vanish or match everything). Rename it, e.g. "exit_valueOf", everywhere it is used.',
    );
    assert.match(tag!.message, /^"toString" cannot name a tag: /);
  });
});

describe('unreserved names (unreservedName, reservedIdRefusal)', () => {
  it('the prefix is the kind\'s short word, else the first word of what it names; underscores around the name are dropped', () => {
    assert.equal(unreservedName('constructor', 'journey point'), 'p_constructor');
    assert.equal(unreservedName('__proto__', 'starting point'), 'sp_proto');
    assert.equal(unreservedName('toString', 'content item'), 'content_toString');
    assert.equal(unreservedName('valueOf', 'event property'), 'prop_valueOf');
    assert.equal(unreservedName('valueOf', 'tag'), 'tag_valueOf');
    assert.equal(unreservedName('valueOf', 'custom thing kind'), 'custom_valueOf');
  });

  it('only leading and trailing underscores are dropped; a name of underscores only becomes "name"', () => {
    assert.equal(unreservedName('__my_own__name__', 'tag'), 'tag_my_own__name');
    assert.equal(unreservedName('___', 'list'), 'list_name');
  });

  it('the refusal to rename a point to a reserved name says why and what to use', () => {
    assert.equal(
      reservedIdRefusal('__proto__'),
      '"__proto__" is reserved: names every JavaScript object already has (__proto__, constructor, toString ...) cannot name a journey point. Use e.g. "p_proto".',
    );
  });
});
