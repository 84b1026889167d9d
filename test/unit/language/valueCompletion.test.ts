// Specification of the completions people need while writing a journey by
// hand: durations with what they mean, local date-times for `at`, IANA time
// zones, the contact field of `phoneField`, whole re-entry policies (with
// afterCooldown, R7) and segment schedules (with recurring, R19), the
// `type` first in an empty trigger, a whole point in an empty slot of
// `points`, and a whole journey in an empty file (also over LSP).
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver';
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
