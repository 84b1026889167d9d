// Specification of renaming a declared name (a content item, a list, a
// tag) in the journey, and of a rename reaching the journey's timelines and
// scenarios (renameAcrossFiles), called in-process on analyses built from
// text. companionFiles.test.ts asks the same over a real LSP connection.
import assert from 'node:assert/strict';
import { type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompanionFile, companionRenameEdits, journeyRenameEdits, prepareRename, rename, renameAcrossFiles, renameTargetAt } from '../../../language/rename';
import { analyze, applyEdits, positionOf, refusal, renamed, URI, WELCOME } from './support';

const apply = (text: string, edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), [...edits]);

describe('rename of a content item, a list or a tag', () => {
  it('renames a content item in its declaration and every value that names it, from either', () => {
    const expected = WELCOME.replace(/"hello"/g, '"welcome_mail"');
    assert.equal(renamed(WELCOME, '"id": "hello"', 8, 'welcome_mail'), expected);
    assert.equal(renamed(WELCOME, '"content": "hello"', 13, 'welcome_mail'), expected);
  });

  it('renames a list in its declaration and in the content that is sent on it', () => {
    assert.equal(renamed(WELCOME, '"id": "newsletter"', 8, 'news'), WELCOME.replace(/"newsletter"/g, '"news"'));
  });

  it('R3: renames a tag in "tags" and in triggers and filters; a tag may be any text, even one that is not an id', () => {
    assert.equal(renamed(WELCOME, '"VIP", "Kunde"', 2, 'Top kunde'), WELCOME.replace(/"VIP"/g, '"Top kunde"'));
    assert.equal(renamed(WELCOME, '"tag": "Kunde"', 9, 'Customer'), WELCOME.replace(/"Kunde"/g, '"Customer"'));
  });

  it('prepares the rename on the name without its quotes, with the name as placeholder', () => {
    const analysis = analyze(WELCOME);
    const prepared = prepareRename(analysis, positionOf(WELCOME, '"content": "hello"', 13));
    assert.equal(prepared.placeholder, 'hello');
    const at = WELCOME.indexOf('"content": "hello"') + '"content": "'.length;
    assert.deepEqual(prepared.range, analysis.range(at, 'hello'.length));
    assert.deepEqual(renameTargetAt(analysis, positionOf(WELCOME, '"VIP", "Kunde"', 2)), { kind: 'tag', name: 'VIP', offset: WELCOME.indexOf('"VIP", "Kunde"') + 1, length: 3 });
  });

  it('refuses the same name, a name the journey already has, a content or list name that is not an id, and an empty tag', () => {
    const analysis = analyze(WELCOME);
    const content = { kind: 'content', name: 'hello' } as const;
    assert.equal(refusal(() => journeyRenameEdits(analysis, content, 'hello')), 'The content item is already called "hello".');
    assert.equal(refusal(() => journeyRenameEdits(analysis, content, 'reminder_sms')), 'The journey already has a content item "reminder_sms": renaming "hello" to it would merge the two.');
    assert.match(refusal(() => journeyRenameEdits(analysis, content, 'two words')), /^"two words" is not an id/);
    assert.match(refusal(() => journeyRenameEdits(analysis, { kind: 'list', name: 'newsletter' }, '1st')), /^"1st" is not an id/);
    assert.equal(refusal(() => journeyRenameEdits(analysis, { kind: 'tag', name: 'VIP' }, '  ')), 'A tag needs a name.');
    assert.equal(refusal(() => journeyRenameEdits(analysis, { kind: 'tag', name: 'VIP' }, 'Kunde')), 'The journey already has a tag "Kunde": renaming "VIP" to it would merge the two.');
  });

  it('refuses a name used but not declared (it would merge the two), and a reserved name for content but not for a tag', () => {
    const used = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "type": "hasTag", "tag": "Stammkunde" }');
    assert.match(refusal(() => journeyRenameEdits(analyze(used), { kind: 'tag', name: 'VIP' }, 'Stammkunde')), /already has a tag "Stammkunde"/);
    const reserved = refusal(() => journeyRenameEdits(analyze(WELCOME), { kind: 'content', name: 'hello' }, '__proto__'));
    assert.match(reserved, /^"__proto__" is reserved/);
    assert.equal(journeyRenameEdits(analyze(WELCOME), { kind: 'tag', name: 'VIP' }, '__proto__').length, 2, 'its declaration and the trigger');
  });

  it('a starting point id changes in its own place and on the map only', () => {
    const pinned = WELCOME.replace('"layout": { "p_email": { "x": 10, "y": 20 } }', '"layout": { "p_email": { "x": 10, "y": 20 }, "sp_vip": { "x": 0, "y": 0 } }');
    assert.equal(renamed(pinned, '"id": "sp_vip"', 8, 'sp_top'), pinned.replace(/"sp_vip"/g, '"sp_top"'));
  });
});

describe('a rename reaching the timelines and scenarios of the journey', () => {
  const JOURNEY_URI = URI; // file:///work/journeys/welcome.journey.json
  const timeline: CompanionFile = {
    uri: 'file:///work/journeys/welcome.timeline.json',
    version: 3,
    text: JSON.stringify({ formatVersion: 1, journey: './welcome.journey.json', contacts: [{ id: 'c1', tags: ['VIP'], lists: { newsletter: 'subscribed' } }], events: [
      { at: '2026-01-01T00:00:00Z', contact: 'c1', type: 'apiEntry', startingPoint: 'sp_vip' },
      { at: '2026-01-01T00:00:00Z', contact: 'c1', type: 'emailOpened', point: 'p_email', content: 'hello' },
    ] }, null, 2),
  };
  const scenario: CompanionFile = {
    uri: 'file:///work/journeys/tests/welcome.scenario.json',
    version: undefined,
    text: JSON.stringify({ formatVersion: 1, name: 's', journey: '../welcome.journey.json', timeline: './other.timeline.json', expectations: [
      { type: 'passesThrough', contact: 'c1', point: 'p_email' },
      { type: 'passesThrough', contact: 'c1', point: 'sp_vip' },
      { type: 'receives', contact: 'c1', content: 'hello' },
    ] }, null, 2),
  };
  // The timeline the scenario replays: it names no journey, but belongs through the scenario.
  const replayed: CompanionFile = { uri: 'file:///work/journeys/tests/other.timeline.json', version: 1, text: JSON.stringify({ formatVersion: 1, contacts: [{ id: 'c1' }], events: [{ at: '2026-01-01T00:00:00Z', contact: 'c1', type: 'emailOpened', point: 'p_email' }] }) };
  const stranger: CompanionFile = { uri: 'file:///work/journeys/other.scenario.json', version: 1, text: JSON.stringify({ formatVersion: 1, name: 'x', journey: './other.journey.json', timeline: './welcome.timeline.json', expectations: [{ type: 'passesThrough', contact: 'c1', point: 'p_email' }] }) };
  const notCompanion: CompanionFile = { uri: 'file:///work/journeys/notes.json', version: 1, text: JSON.stringify({ journey: './welcome.journey.json', expectations: [{ point: 'p_email' }] }) };
  const broken: CompanionFile = { uri: 'file:///work/journeys/broken.scenario.json', version: 1, text: '[1, 2]' };
  const all = [timeline, scenario, replayed, stranger, notCompanion, broken];

  const editsByUri = (result: ReturnType<typeof companionRenameEdits>) => new Map(result.map((r) => [r.file.uri, r.edits]));

  it('a journey point: in the timeline events and the scenario expectations naming it, and in the timeline the scenario replays; not elsewhere', () => {
    const result = editsByUri(companionRenameEdits(JOURNEY_URI, false, { kind: 'point', id: 'p_email' }, 'p_hello', all));
    assert.deepEqual([...result.keys()].sort(), [replayed.uri, scenario.uri, timeline.uri].sort());
    for (const file of [timeline, scenario, replayed]) assert.equal(apply(file.text, result.get(file.uri)!), file.text.replaceAll('"p_email"', '"p_hello"'), file.uri);
  });

  it('a starting point: in the events that enter there and the scenario points naming it, not as a point of a timeline', () => {
    const result = editsByUri(companionRenameEdits(JOURNEY_URI, true, { kind: 'point', id: 'sp_vip' }, 'sp_top', all));
    assert.deepEqual([...result.keys()].sort(), [scenario.uri, timeline.uri].sort());
    assert.equal(apply(timeline.text, result.get(timeline.uri)!), timeline.text.replace('"sp_vip"', '"sp_top"'));
    assert.equal(apply(scenario.text, result.get(scenario.uri)!), scenario.text.replace('"sp_vip"', '"sp_top"'));
    const asPoint = editsByUri(companionRenameEdits(JOURNEY_URI, false, { kind: 'point', id: 'sp_vip' }, 'sp_top', [timeline]));
    assert.equal(asPoint.size, 0, 'a timeline\'s startingPoint names a starting point only');
  });

  it('a content item, a list, a tag: wherever a companion names one of that kind, including a contact\'s list key', () => {
    const content = editsByUri(companionRenameEdits(JOURNEY_URI, false, { kind: 'content', name: 'hello' }, 'welcome_mail', all));
    assert.deepEqual([...content.keys()].sort(), [scenario.uri, timeline.uri].sort());
    assert.equal(apply(timeline.text, content.get(timeline.uri)!), timeline.text.replace('"content": "hello"', '"content": "welcome_mail"'));
    const list = editsByUri(companionRenameEdits(JOURNEY_URI, false, { kind: 'list', name: 'newsletter' }, 'news', all));
    assert.equal(apply(timeline.text, list.get(timeline.uri)!), timeline.text.replace('"newsletter": "subscribed"', '"news": "subscribed"'));
    const tag = editsByUri(companionRenameEdits(JOURNEY_URI, false, { kind: 'tag', name: 'VIP' }, 'Top', all));
    assert.deepEqual([...tag.keys()], [timeline.uri]);
    assert.equal(apply(timeline.text, tag.get(timeline.uri)!), timeline.text.replace('"VIP"', '"Top"'));
  });

  it('renameAcrossFiles: one workspace edit with the journey and its companions, versioned with each open document\'s version', () => {
    const analysis = analyze(WELCOME, 5);
    const target = { kind: 'point', id: 'p_email' } as const;
    const plain = renameAcrossFiles(analysis, target, 'p_hello', [timeline, scenario, stranger, { uri: URI, version: 5, text: WELCOME }], { versioned: false, journeyOpen: true });
    assert.deepEqual(Object.keys(plain.changes ?? {}).sort(), [URI, scenario.uri, timeline.uri].sort());
    assert.equal(applyEdits(WELCOME, plain.changes![URI]!), WELCOME.replace(/"p_email"/g, '"p_hello"'));
    const versioned = renameAcrossFiles(analysis, target, 'p_hello', [timeline, scenario], { versioned: true, journeyOpen: true });
    const versions = (versioned.documentChanges ?? []).map((c) => ('textDocument' in c ? [c.textDocument.uri, c.textDocument.version] : []));
    assert.deepEqual(versions, [[URI, 5], [timeline.uri, 3], [scenario.uri, null]]);
    const closed = renameAcrossFiles(analysis, target, 'p_hello', [], { versioned: true, journeyOpen: false });
    assert.deepEqual((closed.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.version : 'x')), [null]);
  });

  it('renameAcrossFiles: a starting point reaches the companions as a starting point', () => {
    const edit = renameAcrossFiles(analyze(WELCOME), { kind: 'point', id: 'sp_vip' }, 'sp_top', [timeline], { versioned: false, journeyOpen: true });
    assert.equal(apply(timeline.text, edit.changes![timeline.uri]!), timeline.text.replace('"sp_vip"', '"sp_top"'));
  });
});
