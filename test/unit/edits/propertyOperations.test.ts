// Specification of the inspector's property edits and of renaming: exact
// text, the document's indentation and line endings kept, references
// renamed along with the node.
import assert from 'node:assert/strict';
import { edited, refusal, replaced, WELCOME } from './fixtures';

describe('edits: properties and renames', () => {
  it('changes several properties of a point in one edit, a new title placed after the type', () => {
    assert.equal(
      edited(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_email' }, changes: [{ path: ['content'], value: 'hello' }, { path: ['title'], value: 'Say hello' }] }),
      replaced(WELCOME, [`      "type": "sendEmail",\n`, `      "type": "sendEmail",\n      "title": "Say hello",\n`]),
    );
  });

  it('edits one predicate deep inside a filter tree (R3) and nothing around it', () => {
    assert.equal(
      edited(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_check' }, changes: [{ path: ['condition'], value: { type: 'not', filter: { type: 'hasTag', tag: 'VIP' } } }] }),
      replaced(WELCOME, [
        `"condition": { "type": "hasTag", "tag": "VIP" },`,
        `"condition": {\n        "type": "not",\n        "filter": {\n          "type": "hasTag",\n          "tag": "VIP"\n        }\n      },`,
      ]),
    );
    assert.equal(
      edited(WELCOME, { op: 'setFields', target: { kind: 'start', id: 'sp_vip' }, changes: [{ path: ['trigger', 'tag'], value: 'Gold' }] }),
      replaced(WELCOME, [`{ "type": "tagAdded", "tag": "VIP" }`, `{ "type": "tagAdded", "tag": "Gold" }`]),
    );
  });

  it('inserts into and removes from arrays, such as the branches of a split (R13)', () => {
    const split = edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'split' });
    const three = edited(split, {
      op: 'setFields',
      target: { kind: 'point', id: 'p_split' },
      changes: [
        { path: ['branches', 0, 'percent'], value: 40 },
        { path: ['branches', 1, 'percent'], value: 30 },
        { path: ['branches', 2], value: { percent: 30, next: 'p_end' }, insert: true },
      ],
    });
    assert.match(three, /"percent": 40,\n {10}"next": "p_check"\n {8}\},\n {8}\{\n {10}"percent": 30,\n {10}"next": "p_check"\n {8}\},\n {8}\{\n {10}"percent": 30,\n {10}"next": "p_end"\n {8}\}\n {6}\]/);
    const back = edited(three, { op: 'setFields', target: { kind: 'point', id: 'p_split' }, changes: [{ path: ['branches', 2] }, { path: ['branches', 0, 'percent'], value: 50 }, { path: ['branches', 1, 'percent'], value: 50 }] });
    assert.equal(back, split);
  });

  it('removes an optional property', () => {
    const titled = edited(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_end' }, changes: [{ path: ['title'], value: 'Done' }] });
    assert.equal(edited(titled, { op: 'setFields', target: { kind: 'point', id: 'p_end' }, changes: [{ path: ['title'] }] }), WELCOME);
  });

  it('keeps tab indentation and CRLF line endings of the document', () => {
    const tabbed = WELCOME.replace(/^( +)/gm, (spaces) => '\t'.repeat(spaces.length / 2)).replace(/\n/g, '\r\n');
    const text = edited(tabbed, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'wait' });
    assert.ok(text.includes('\t\t{\r\n\t\t\t"id": "p_wait",\r\n\t\t\t"type": "wait",\r\n\t\t\t"duration": "P1D",\r\n\t\t\t"next": "p_check"\r\n\t\t},'), text);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare line feed was introduced');
  });

  it('changes journey-level properties', () => {
    assert.equal(
      edited(WELCOME, { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'Hello world' }] }),
      replaced(WELCOME, [`"name": "Welcome"`, `"name": "Hello world"`]),
    );
  });

  it('leaves ids to rename', () => {
    assert.match(refusal(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_end' }, changes: [{ path: ['id'], value: 'x' }] }), /Rename/);
  });

  it('a path into the id (not the id itself) is refused as a path the text does not have, not as a rename', () => {
    assert.match(refusal(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_end' }, changes: [{ path: ['id', 'x'], value: 'y' }] }), /^Cannot change id\.x: /);
  });

  it('renames a point with every reference to it, the awaited events that watch it and its pin', () => {
    const waiting = edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'waitForEvent' });
    const pinned = edited(waiting, { op: 'pinPositions', positions: [{ id: 'p_email', x: 1, y: 2 }] });
    const text = edited(pinned, { op: 'rename', id: 'p_email', newId: 'p_hello' });
    assert.doesNotMatch(text, /p_email/);
    assert.equal(text.match(/p_hello/g)?.length, 4, 'the id, the starting point, the awaited email and the pin');
    assert.equal(text, pinned.replace(/"p_email"/g, '"p_hello"'));
  });

  it('R4: renaming a starting point renames only it: a point that names it leads nowhere (points lead to points), and stays as written', () => {
    const dangling = WELCOME.replace('"no": "p_end"', '"no": "sp_vip"');
    const text = edited(dangling, { op: 'rename', id: 'sp_vip', newId: 'sp_gold' });
    assert.equal(text, dangling.replace('"id": "sp_vip"', '"id": "sp_gold"'));
  });

  it('renames a point called "constructor" on a map with pins: the text stays valid JSON and only its own pin moves', () => {
    const named = WELCOME.replace(/"p_email"/g, '"constructor"');
    const pinnedElsewhere = edited(named, { op: 'pinPositions', positions: [{ id: 'p_end', x: 1, y: 2 }] });
    const text = edited(pinnedElsewhere, { op: 'rename', id: 'constructor', newId: 'p_renamed' });
    assert.equal(text, pinnedElsewhere.replace(/"constructor"/g, '"p_renamed"'));
    assert.deepEqual(Object.keys((JSON.parse(text) as { layout: object }).layout), ['p_end']);

    const pinned = edited(named, { op: 'pinPositions', positions: [{ id: 'constructor', x: 3, y: 4 }] });
    const moved = edited(pinned, { op: 'rename', id: 'constructor', newId: 'p_renamed' });
    assert.deepEqual((JSON.parse(moved) as { layout: object }).layout, { p_renamed: { x: 3, y: 4 } });
  });

  it('refuses a rename to a reserved name such as __proto__, suggesting a prefixed one', () => {
    assert.match(refusal(WELCOME, { op: 'rename', id: 'p_email', newId: '__proto__' }), /"__proto__" is reserved: .* Use e\.g\. "p_proto"/);
  });

  it('refuses a rename to an id in use or that is not an id', () => {
    assert.match(refusal(WELCOME, { op: 'rename', id: 'p_email', newId: 'p_end' }), /already the id/);
    assert.match(refusal(WELCOME, { op: 'rename', id: 'p_email', newId: '1 bad' }), /is not an id/);
  });
});
