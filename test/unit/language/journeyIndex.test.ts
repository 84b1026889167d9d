// Specification of the index of names of a journey document (the base of
// rename, references, definition, hover and quick fixes): which ids and
// names it finds, where, of what kind, and what it skips while the
// document does not fit the schema.
import assert from 'node:assert/strict';
import { JourneyIndex, nodeAtOffset } from '../../../language/journeyIndex';
import { parseJsonDocument } from '../../../src/core/jsonDocument';
import { WELCOME, withExitCriterionOnEmail } from './support';

const indexOf = (text: string) => new JourneyIndex(parseJsonDocument(text));

describe('the index of names of a journey', () => {
  it('finds the starting points and points with their index, path and type (the trigger type for a starting point)', () => {
    const index = indexOf(WELCOME);
    assert.deepEqual(index.starts.map((e) => [e.kind, e.id, e.index, e.path, e.type]), [['start', 'sp_vip', 0, ['startingPoints', 0], 'tagAdded']]);
    assert.deepEqual(index.points.map((e) => [e.id, e.index, e.type]), [['p_email', 0, 'sendEmail'], ['p_wait_open', 1, 'waitForEvent'], ['p_done', 2, 'end'], ['p_gave_up', 3, 'end']]);
    const email = index.byId.get('p_email')!;
    assert.equal(WELCOME.slice(email.idNode.offset, email.idNode.offset + email.idNode.length), '"p_email"');
  });

  it('R4: every reference to a point in document order: successors with their label, the awaited event, the map pin', () => {
    const index = indexOf(WELCOME);
    assert.deepEqual(index.referencesTo('p_email').map((r) => [r.kind, r.label, r.path, r.owner?.id]), [
      ['successor', 'next', ['startingPoints', 0, 'next'], 'sp_vip'],
      ['awaited-event', 'event', ['points', 1, 'event', 'point'], 'p_wait_open'],
      ['map-pin', 'pin', ['layout', 'p_email'], undefined],
    ]);
    assert.deepEqual(index.referencesTo('p_done').map((r) => [r.label, r.path]), [['yes', ['points', 1, 'branches', 'yes']]]);
    assert.deepEqual(index.referencesTo('p_nowhere'), []);
  });

  it('R16: an exit criterion watching a point is a reference without an owner point', () => {
    const text = withExitCriterionOnEmail(WELCOME);
    const watched = indexOf(text).referencesTo('p_email').filter((r) => r.path[0] === 'settings');
    assert.deepEqual(watched.map((r) => [r.kind, r.path, r.owner]), [['awaited-event', ['settings', 'exitCriteria', 0, 'event', 'point'], undefined]]);
  });

  it('finds the declared tags, lists, fields and content, by the string that names each', () => {
    const index = indexOf(WELCOME);
    assert.deepEqual(index.declared('tag').map((d) => [d.name, d.value]), [['VIP', 'VIP'], ['Kunde', 'Kunde']]);
    assert.deepEqual(index.declared('list').map((d) => d.name), ['newsletter']);
    assert.deepEqual(index.declared('field').map((d) => d.name), ['birthday', 'score']);
    assert.deepEqual(index.declared('content').map((d) => [d.name, (d.value as { channel: string }).channel]), [['hello', 'email'], ['reminder_sms', 'sms']]);
    assert.deepEqual(index.declared('segment'), []);
  });

  it('skips what does not fit while typing: items without a string id, ids that are not strings, types that are not strings, tags that are not strings', () => {
    const text = WELCOME.replace('"points": [', '"points": [\n    { "type": "end" },\n    { "id": 7, "type": "end" },\n    "p_text",\n    { "id": "p_typed", "type": 3 },')
      .replace('"tags": ["VIP", "Kunde"]', '"tags": ["VIP", 3, "Kunde"]')
      .replace('"lists": [{ "id": "newsletter", "kind": "marketing" }]', '"lists": [{ "id": "newsletter", "kind": "marketing" }, "news", { "id": 4 }]');
    const index = indexOf(text);
    assert.deepEqual(index.points.map((e) => [e.id, e.index, e.type]), [['p_typed', 3, undefined], ['p_email', 4, 'sendEmail'], ['p_wait_open', 5, 'waitForEvent'], ['p_done', 6, 'end'], ['p_gave_up', 7, 'end']]);
    assert.deepEqual(index.declared('tag').map((d) => d.name), ['VIP', 'Kunde']);
    assert.deepEqual(index.declared('list').map((d) => d.name), ['newsletter']);
  });

  it('R4: of duplicate ids the first is the point, both are listed', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_done", "type": "addTag", "tag": "VIP", "next": "p_gave_up" }');
    const index = indexOf(text);
    assert.equal(index.byId.get('p_done')!.index, 2);
    assert.deepEqual(index.points.filter((e) => e.id === 'p_done').map((e) => e.index), [2, 4]);
  });

  it('indexes nothing for a document that is not a journey object, or not JSON', () => {
    for (const text of ['[1, 2]', '"text"', '', '{ "points": 3, "startingPoints": {}, "tags": "VIP", "layout": [] }']) {
      const index = indexOf(text);
      assert.deepEqual([index.starts, index.points, index.references, index.declarations], [[], [], [], []], text);
    }
  });

  it('finds the id or name under an offset, its quotes included, and nothing on a property key or a plain value', () => {
    const index = indexOf(WELCOME);
    const at = WELCOME.indexOf('"p_done"');
    for (const offset of [at, at + 4, at + '"p_done"'.length]) assert.equal(index.occurrenceAt(offset)?.kind, 'reference', `offset ${offset - at}`);
    assert.equal(index.occurrenceAt(at - 1), undefined, 'before the quote');
    const id = WELCOME.indexOf('"id": "p_email"') + 7;
    assert.equal(index.occurrenceAt(id)?.kind, 'definition');
    assert.equal(index.occurrenceAt(WELCOME.indexOf('"Kunde"]') + 1)?.kind, 'declaration');
    assert.equal(index.occurrenceAt(WELCOME.indexOf('"title"') + 1), undefined, 'a key');
    assert.equal(index.occurrenceAt(WELCOME.indexOf('"Say hello"') + 1), undefined, 'a plain value');
  });

  it('nodeAtOffset: the innermost node whose span holds the offset, ends included; nothing outside the root', () => {
    const doc = parseJsonDocument('  {"a": ["xy"]}  ');
    const root = doc.root!;
    assert.equal(nodeAtOffset(root, 1), undefined);
    assert.equal(nodeAtOffset(root, 2), root);
    assert.equal(nodeAtOffset(root, 15), root, 'just after the closing brace');
    assert.equal(nodeAtOffset(root, 16), undefined);
    const text = '  {"a": ["xy"]}  ';
    const xy = text.indexOf('"xy"');
    assert.equal(nodeAtOffset(root, xy)?.value, 'xy');
    assert.equal(nodeAtOffset(root, xy + 4)?.value, 'xy', 'after its closing quote');
    assert.equal(nodeAtOffset(root, xy + 5)?.type, 'array');
  });
});
