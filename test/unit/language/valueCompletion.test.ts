// Specification of the completions people need while writing a journey by
// hand: durations with what they mean, local date-times for `at`, IANA time
// zones, the contact field of `phoneField`, whole re-entry policies (with
// afterCooldown, R7) and segment schedules (with recurring, R19), the
// `type` first in an empty trigger, a whole point in an empty slot of
// `points`, and a whole journey in an empty file (also over LSP).
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionList, InsertTextFormat, type TextEdit } from 'vscode-languageserver';
import { CompletionRequest } from 'vscode-languageserver-protocol/node';
import { valueCompletion } from '../../../language/valueCompletion';
import { validateJourneyText } from '../../../src/core/validate';
import { startServer } from './lspClient';
import { analyze, applyEdits, positionOf, WELCOME } from './support';

const complete = (text: string, needle: string, delta: number, snippets = false) => valueCompletion(analyze(text), positionOf(text, needle, delta), { snippets });
const labels = (list: CompletionList | undefined) => (list?.items ?? []).map((i) => i.label);
const insert = (text: string, list: CompletionList | undefined, label: string) => {
  const item = list?.items.find((i) => i.label === label);
  assert.ok(item && item.textEdit && 'range' in item.textEdit, `no ${label} in ${labels(list).join(', ')}`);
  return applyEdits(text, [item.textEdit]);
};

describe('value completion', () => {
  it('R11: offers ISO durations with their meaning for a timeout', () => {
    const list = complete(WELCOME, '"timeout": "P2D"', '"timeout": "'.length);
    assert.ok(labels(list).includes('P3D') && labels(list).includes('PT12H'), labels(list).join());
    assert.equal(list!.items.find((i) => i.label === 'P1W')!.detail, '1 week');
    assert.equal(insert(WELCOME, list, 'P1W'), WELCOME.replace('"timeout": "P2D"', '"timeout": "P1W"'));
  });

  it('offers IANA time zones for settings.timeZone, and a local date-time for a wait until', () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "timeZone": "" },');
    const zones = labels(complete(text, '"timeZone": ""', '"timeZone": "'.length));
    assert.ok(zones.includes('Europe/Berlin') && zones.includes('America/New_York'), `${zones.length} zones`);
    const until = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done", "type": "waitUntil", "at": "", "next": "p_gave_up" }');
    const at = complete(until, '"at": ""', '"at": "'.length);
    assert.match(String(labels(at)[0]), /^\d{4}-\d{2}-\d{2}T09:00$/);
    assert.ok(!validateJourneyText(insert(until, at, String(labels(at)[0]))).diagnostics.some((d) => d.path.join('.') === 'points.2.at'));
  });

  it('offers the contact fields for phoneField, phone first', () => {
    const text = WELCOME.replace('{ "name": "score", "type": "number" }', '{ "name": "score", "type": "number" },\n    { "name": "mobile", "type": "string" }').replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "sendSms", "content": "reminder_sms", "phoneField": "", "next": "p_done" }');
    assert.deepEqual(labels(complete(text, '"phoneField": ""', '"phoneField": "'.length)).slice(0, 2), ['phone', 'mobile']);
  });

  it('R7: offers whole re-entry policies, afterCooldown with its cooldown', () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "reEntry":  },');
    const list = complete(text, '"reEntry":  ', '"reEntry": '.length);
    assert.deepEqual(labels(list), ['never', 'afterCompletion', 'afterCooldown']);
    const after = insert(text, list, 'afterCooldown');
    assert.ok(after.includes('"reEntry": { "mode": "afterCooldown", "cooldown": "P30D" }'), after);
    assert.deepEqual(validateJourneyText(after).diagnostics.filter((d) => d.path[0] === 'settings'), []);
  });

  it('R19: offers whole segment schedules, recurring with its interval', () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "segmentEntry": { "segment": "vips", "schedule":  },');
    const list = complete(text, '"schedule":  ', '"schedule": '.length);
    assert.deepEqual(labels(list), ['oneTimeStatic', 'oneTimeRolling', 'recurring']);
    assert.ok(insert(text, list, 'recurring').includes('"schedule": { "type": "recurring", "every": "P1W" }'));
  });

  it('offers only the type in an empty trigger, with a prompt for its value', () => {
    const text = WELCOME.replace('"trigger": { "type": "tagAdded", "tag": "VIP" }', '"trigger": {  }');
    const list = complete(text, '"trigger": {  }', '"trigger": { '.length, true);
    assert.deepEqual(labels(list), ['type']);
    assert.equal(list!.items[0]!.command?.command, 'editor.action.triggerSuggest');
  });

  it('offers a whole point of each type in an empty slot of points', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    ');
    const list = complete(text, '"p_gave_up", "type": "end" },\n    ', '"p_gave_up", "type": "end" },\n    '.length);
    assert.ok(labels(list).includes('sendEmail point') && labels(list).includes('split point'), labels(list).join());
    const after = insert(text, list, 'wait point');
    assert.deepEqual(validateJourneyText(after).diagnostics.filter((d) => d.code.startsWith('schema') || d.code.startsWith('syntax')), []);
  });

  it('offers a whole journey in an empty file, named after the file, as plain text or as a snippet whose trigger type is the placeholder', () => {
    const empty = (uri: string, snippets: boolean) => valueCompletion(analyze('  \n', 1, uri), { line: 1, character: 0 }, { snippets });
    const list = empty('file:///tmp/spring%20sale/spring-sale.journey.json', false);
    assert.equal(list?.isIncomplete, false);
    const [item] = list!.items;
    assert.deepEqual([item!.label, item!.kind, item!.detail, item!.insertTextFormat], ['New journey', CompletionItemKind.Snippet, 'A whole journey: one starting point leading to an end', InsertTextFormat.PlainText]);
    assert.ok(item!.textEdit && 'range' in item!.textEdit);
    assert.deepEqual(item!.textEdit.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    const journey = JSON.parse(item!.textEdit.newText) as Record<string, unknown>;
    assert.deepEqual(journey, {
      formatVersion: 1, id: 'spring-sale', name: 'spring-sale', kind: 'trigger', status: 'draft',
      settings: { timeZone: 'UTC', reEntry: { mode: 'never' } },
      startingPoints: [{ id: 'start', trigger: { type: 'audienceJoined' }, next: 'done' }],
      points: [{ id: 'done', type: 'end' }],
    });
    assert.equal(item!.textEdit.newText, JSON.stringify(journey, null, 2));
    assert.equal(JSON.parse(empty('file:///tmp/%20.journey.json', false)!.items[0]!.textEdit!.newText).id, 'journey', 'a file name that makes no id: "journey"');
    const snippet = empty('file:///tmp/spring-sale.journey.json', true)!.items[0]!;
    assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(snippet.textEdit!.newText, JSON.stringify(journey, null, 2).replace(/\}/g, '\\}').replace('"audienceJoined"', '"${1:audienceJoined}"'));
  });

  it('R7, R19: writes a re-entry policy and a schedule on one line as plain text, each with what it means', () => {
    const reEntry = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "reEntry":  },');
    const policies = complete(reEntry, '"reEntry":  ', '"reEntry": '.length);
    assert.equal(policies?.isIncomplete, false);
    assert.deepEqual(policies!.items.map((i) => [i.label, i.detail, i.sortText, i.insertTextFormat, (i.textEdit as TextEdit).newText]), [
      ['never', 'Never re-enter (the default)', '00000', InsertTextFormat.PlainText, '{ "mode": "never" }'],
      ['afterCompletion', 'Re-enter after completing the journey (R7)', '00001', InsertTextFormat.PlainText, '{ "mode": "afterCompletion" }'],
      ['afterCooldown', 'Re-enter after a cooldown since leaving (R7)', '00002', InsertTextFormat.PlainText, '{ "mode": "afterCooldown", "cooldown": "P30D" }'],
    ]);
    const schedule = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "segmentEntry": { "segment": "vips", "schedule":  },');
    assert.deepEqual(complete(schedule, '"schedule":  ', '"schedule": '.length)!.items.map((i) => [i.label, i.detail, (i.textEdit as TextEdit).newText]), [
      ['oneTimeStatic', 'Once, for the contacts in the segment at the start (R19)', '{ "type": "oneTimeStatic" }'],
      ['oneTimeRolling', 'Once per contact, also for those who join later (R19)', '{ "type": "oneTimeRolling" }'],
      ['recurring', 'Again at every interval (R19)', '{ "type": "recurring", "every": "P1W" }'],
    ]);
    const snippets = complete(schedule, '"schedule":  ', '"schedule": '.length, true)!.items.map((i) => (i.textEdit as TextEdit).newText);
    assert.match(snippets[2]!, /\$\{1:recurring\}.*\$\{2:P1W\}/);
  });

  it('offers re-entry policies and schedules only where the journey has them: settings.reEntry and segmentEntry.schedule', () => {
    const elsewhere = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "other": { "reEntry":  , "schedule":  },');
    assert.equal(complete(elsewhere, '"reEntry":  ', '"reEntry": '.length), undefined);
    assert.equal(complete(elsewhere, '"schedule":  ', '"schedule": '.length), undefined);
    const deeper = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "x": { "reEntry":  } },');
    assert.equal(complete(deeper, '"reEntry":  ', '"reEntry": '.length), undefined);
  });

  it("offers the journey's own time zone first, then every IANA time zone in order", () => {
    const text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "settings": { "timeZone": "Europe/Berlin" },');
    const list = complete(text, '"timeZone": "Europe/Berlin"', '"timeZone": "'.length);
    const zones = labels(list);
    assert.equal(zones[0], 'Europe/Berlin');
    assert.deepEqual(zones.slice(1), [...zones.slice(1)].sort());
    assert.equal(zones.filter((z) => z === 'Europe/Berlin').length, 1);
    assert.deepEqual([list!.items[0]!.detail, list!.items[0]!.kind], ['IANA time zone', CompletionItemKind.EnumMember]);
    const unknown = labels(complete(text.replace('"Europe/Berlin"', '"Mars/Olympus"'), '"timeZone": "Mars/Olympus"', '"timeZone": "'.length));
    assert.deepEqual(unknown, [...unknown].sort());
    assert.ok(!unknown.includes('Mars/Olympus'));
  });

  it('offers a wait-until date a day and a week from now, at 09:00', () => {
    const until = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done", "type": "waitUntil", "at": "", "next": "p_gave_up" }');
    const at = complete(until, '"at": ""', '"at": "'.length);
    const day = (plus: number) => new Date(Date.now() + plus * 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(at!.items.map((i) => [i.label, i.detail]), [
      [`${day(1)}T09:00`, 'tomorrow at 09:00, in the time zone beside it'],
      [`${day(7)}T09:00`, 'in a week at 09:00, in the time zone beside it'],
    ]);
  });

  it('offers "phone" once, then the other contact fields with their type', () => {
    const text = WELCOME.replace('{ "name": "score", "type": "number" }', '{ "name": "score", "type": "number" },\n    { "name": "phone", "type": "string" },\n    { "name": "mobile", "type": "string" }').replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "sendSms", "content": "reminder_sms", "phoneField": "", "next": "p_done" }');
    const list = complete(text, '"phoneField": ""', '"phoneField": "'.length);
    assert.deepEqual(list!.items.map((i) => [i.label, i.detail]), [
      ['phone', "the default: the contact's phone"],
      ['mobile', 'contact field (string)'],
      ['birthday', 'contact field (date)'],
      ['score', 'contact field (number)'],
    ]);
  });

  it('offers the type key of a filter and of an awaited event, as plain text or a snippet, replacing a key being typed', () => {
    const filter = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "ty" }');
    const list = complete(filter, '"filter": { "ty" }', '"filter": { "ty'.length);
    assert.deepEqual(list!.items.map((i) => [i.label, i.detail, i.insertTextFormat, i.command?.title]), [['type', "The filter's type: choose it first, its other properties follow from it", InsertTextFormat.PlainText, 'Suggest']]);
    assert.deepEqual(list!.items[0]!.textEdit, { range: { start: positionOf(filter, '"ty"'), end: positionOf(filter, '"ty"', 4) }, newText: '"type": ""' });
    assert.equal(list!.isIncomplete, false);
    assert.equal(insert(filter, list, 'type'), WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "type": "" }'));
    const quote = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "" }');
    assert.equal(insert(quote, complete(quote, '"filter": { "" }', '"filter": { "'.length), 'type'), WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "type": "" }'), 'the quotes the editor closed are replaced too');
    const event = WELCOME.replace('"event": { "type": "emailOpened", "point": "p_email" }', '"event": {  }');
    const snippet = complete(event, '"event": {  }', '"event": { '.length, true)!.items[0]!;
    assert.equal(snippet.detail, "The awaited event's type: choose it first, its other properties follow from it");
    assert.deepEqual(snippet.textEdit, { range: { start: positionOf(event, '"event": {  }', '"event": { '.length), end: positionOf(event, '"event": {  }', '"event": { '.length) }, newText: '"type": "$1"' });
    assert.equal(complete(WELCOME, '"filter": { "type"', '"filter": { "t'.length), undefined, 'a filter that has its type');
    const point = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{  }');
    assert.equal(complete(point, '{  }', 2), undefined, 'a point is not a trigger, filter or event');
  });

  it('writes a whole point on one line as plain text, its successor the first point', () => {
    const text = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    ');
    const list = complete(text, '"p_gave_up", "type": "end" },\n    ', '"p_gave_up", "type": "end" },\n    '.length);
    assert.equal(list?.isIncomplete, false);
    const wait = list!.items.find((i) => i.label === 'wait point')!;
    assert.equal(wait.detail, 'A whole wait point');
    assert.equal(wait.filterText, 'wait point');
    const newText = (wait.textEdit as TextEdit).newText;
    assert.ok(!newText.includes('\n'), newText);
    assert.deepEqual(JSON.parse(newText).next, 'p_email');
    assert.match(newText, /^\{ "id": "[^"]+", "type": "wait", /);
  });

  it('offers a whole journey in an empty file, which validates, over a real LSP connection', async function () {
    this.timeout(20000);
    const client = await startServer({});
    try {
      const uri = 'file:///tmp/spring-sale.journey.json';
      await client.open(uri, '');
      const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionList;
      const item = list.items.find((i) => i.label === 'New journey');
      assert.ok(item && item.textEdit && 'range' in item.textEdit, labels(list).join());
      const text = applyEdits('', [item.textEdit]);
      assert.equal((JSON.parse(text) as { id: string }).id, 'spring-sale');
      assert.deepEqual(validateJourneyText(text).diagnostics.filter((d) => d.severity === 'error'), []);
    } finally {
      client.stop();
    }
  });
});
