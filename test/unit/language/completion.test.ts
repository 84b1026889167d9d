// Specification of the journey completions the JSON Schema cannot give:
// point ids where a point is named, the journey's declared names, and
// `type` values whose snippet adds the properties the type requires.
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { journeyCompletion } from '../../../language/completion';
import { JourneyPoint, POINT_TYPES, Trigger, TRIGGER_TYPES } from '../../../src/core/schema';
import { validateJourneyText } from '../../../src/core/validate';
import { analyze, applyEdits, positionOf, WELCOME } from './support';

const complete = (text: string, needle: string, delta: number, snippets = true) => journeyCompletion(analyze(text), positionOf(text, needle, delta), { snippets });
const labels = (items: CompletionItem[] | undefined) => (items ?? []).map((i) => i.label);
const item = (items: CompletionItem[] | undefined, label: string) => {
  const found = items?.find((i) => i.label === label);
  assert.ok(found, `no completion "${label}" in ${labels(items).join(', ')}`);
  return found;
};
/** Applies an item's edit with its snippet syntax reduced to the placeholders' default text. */
const accept = (text: string, completion: CompletionItem) => {
  const edit = completion.textEdit as TextEdit;
  const plain = completion.insertTextFormat === InsertTextFormat.Snippet ? edit.newText.replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, (_, t: string) => t.replace(/\\(.)/g, '$1')).replace(/\$\d+/g, '') : edit.newText;
  return applyEdits(text, [{ range: edit.range, newText: plain }]);
};

describe('journey completion', () => {
  describe('point ids (R4)', () => {
    it('offers every other journey point for a "next" value, with its type and summary', () => {
      const list = complete(WELCOME, '"next": "p_wait_open"', '"next": "p_'.length);
      assert.deepEqual(labels(list?.items), ['p_wait_open', 'p_done', 'p_gave_up']);
      assert.equal(item(list?.items, 'p_wait_open').detail, "Wait for event · Wait for open of 'p_email' · 2 days");
    });

    it('replaces the whole value being typed, quotes included', () => {
      const text = WELCOME.replace('"next": "p_wait_open"', '"next": "p_d"');
      const list = complete(text, '"next": "p_d"', '"next": "p_d'.length);
      assert.equal(accept(text, item(list?.items, 'p_done')), WELCOME.replace('"next": "p_wait_open"', '"next": "p_done"'));
      assert.equal(item(list?.items, 'p_done').filterText, '"p_done"');
    });

    it('offers point ids for if/else and wait-for-event branches and split branches', () => {
      assert.ok(labels(complete(WELCOME, '"yes": "p_done"', '"yes": "'.length)?.items).includes('p_gave_up'));
      assert.ok(labels(complete(WELCOME, '"timeout": "p_gave_up"', '"timeout": "'.length)?.items).includes('p_done'));
      const split = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_split", "type": "split", "branches": [{ "percent": 100, "next": "" }] }');
      assert.deepEqual(labels(complete(split, '"next": ""', '"next": "'.length)?.items), ['p_email', 'p_wait_open', 'p_gave_up']);
    });

    it('offers a starting point every journey point as its first point', () => {
      assert.deepEqual(labels(complete(WELCOME, '"next": "p_email"', '"next": "'.length)?.items), ['p_email', 'p_wait_open', 'p_done', 'p_gave_up']);
    });

    it('offers only send-email points for the point of an awaited email event (R11)', () => {
      assert.deepEqual(labels(complete(WELCOME, '"point": "p_email"', '"point": "'.length)?.items), ['p_email']);
    });

    it('offers the links of the awaited email for an emailClicked link (R11)', () => {
      const text = WELCOME.replace('{ "type": "emailOpened", "point": "p_email" }', '{ "type": "emailClicked", "point": "p_email", "link": "" }');
      assert.deepEqual(labels(complete(text, '"link": ""', '"link": "'.length)?.items), ['shop', 'blog']);
    });

    it('completes a value not yet started, at the cursor', () => {
      const text = WELCOME.replace('"next": "p_wait_open"', '"next": ');
      const list = complete(text, '"content": "hello",\n      "next": ', '"content": "hello",\n      "next": '.length);
      assert.equal(accept(text, item(list?.items, 'p_wait_open')), WELCOME);
    });
  });

  describe('declared names', () => {
    it('offers the declared tags for a tag of a trigger, a filter and an action', () => {
      assert.deepEqual(labels(complete(WELCOME, '"tag": "VIP"', '"tag": "'.length)?.items), ['VIP', 'Kunde']);
      assert.deepEqual(labels(complete(WELCOME, '"tag": "Kunde"', '"tag": "'.length)?.items), ['VIP', 'Kunde']);
      const action = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_tag", "type": "addTag", "tag": "", "next": "p_done" }');
      assert.deepEqual(labels(complete(action, '"tag": ""', '"tag": "'.length)?.items), ['VIP', 'Kunde']);
    });

    it('offers email content for a send-email point and SMS content for a send-SMS point', () => {
      assert.deepEqual(labels(complete(WELCOME, '"content": "hello"', '"content": "'.length)?.items), ['hello']);
      const sms = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_sms", "type": "sendSms", "content": "", "next": "p_gave_up" }');
      assert.deepEqual(labels(complete(sms, '"content": ""', '"content": "'.length)?.items), ['reminder_sms']);
    });

    it('offers only date fields for a date-field trigger (R20) and every field for a field filter (R3)', () => {
      const birthday = WELCOME.replace('{ "type": "tagAdded", "tag": "VIP" }', '{ "type": "dateField", "field": "", "time": "09:00" }');
      assert.deepEqual(labels(complete(birthday, '"field": ""', '"field": "'.length)?.items), ['birthday']);
      const filter = WELCOME.replace('{ "type": "hasTag", "tag": "Kunde" }', '{ "type": "all", "of": [{ "type": "not", "filter": { "type": "field", "field": "", "op": "exists" } }] }');
      assert.deepEqual(labels(complete(filter, '"field": ""', '"field": "'.length)?.items), ['birthday', 'score']);
    });

    it('offers the declared lists for a list of a content item and of a subscribe action (R17)', () => {
      assert.deepEqual(labels(complete(WELCOME, '"list": "newsletter", "links"', '"list": "'.length)?.items), ['newsletter']);
      const subscribe = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_sub", "type": "subscribeList", "list": "", "next": "p_gave_up" }');
      const newsletter = item(complete(subscribe, '"list": ""', '"list": "'.length)?.items, 'newsletter');
      assert.equal(newsletter.detail, 'List · marketing');
    });
  });

  describe('what each item carries', () => {
    it('is a complete list, its items in order (sortText), each replacing the typed value with its JSON text', () => {
      const list = complete(WELCOME, '"next": "p_wait_open"', '"next": "p_'.length);
      assert.equal(list?.isIncomplete, false);
      assert.deepEqual(list?.items.map((i) => i.sortText), ['00000', '00001', '00002']);
      const done = item(list?.items, 'p_done');
      assert.deepEqual(done.labelDetails, { description: 'End' });
      assert.deepEqual(done.textEdit, { range: { start: positionOf(WELCOME, '"p_wait_open"'), end: positionOf(WELCOME, '"p_wait_open"', '"p_wait_open"'.length) }, newText: '"p_done"' });
    });

    it("documents a point with its title, and gives its type and summary as the detail", () => {
      const email = item(complete(WELCOME, '"next": "p_email"', '"next": "'.length)?.items, 'p_email');
      assert.deepEqual(email.documentation, { kind: 'plaintext', value: 'Say hello' });
      assert.equal(email.detail, "Send email · Email 'hello'");
      assert.equal(item(complete(WELCOME, '"next": "p_email"', '"next": "'.length)?.items, 'p_done').documentation, undefined);
    });

    it('describes a declared name by its kind, channel, type, kind of list, status and display name; a field is a Field item', () => {
      const named = WELCOME.replace('{ "id": "newsletter", "kind": "marketing" }', '{ "id": "newsletter", "kind": "marketing", "name": "Newsletter" }');
      const subscribe = named.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_sub", "type": "subscribeList", "list": "", "next": "p_gave_up" }');
      const newsletter = item(complete(subscribe, '"list": ""', '"list": "'.length)?.items, 'newsletter');
      assert.equal(newsletter.detail, "List · marketing · 'Newsletter'");
      assert.equal(newsletter.kind, CompletionItemKind.Value);
      assert.deepEqual(newsletter.textEdit, { range: { start: positionOf(subscribe, '""', 0), end: positionOf(subscribe, '""', 2) }, newText: '"newsletter"' });
      assert.equal(item(complete(WELCOME, '"content": "hello"', '"content": "'.length)?.items, 'hello').detail, 'Content · email · ready');
      const birthday = WELCOME.replace('{ "type": "tagAdded", "tag": "VIP" }', '{ "type": "dateField", "field": "", "time": "09:00" }');
      const field = item(complete(birthday, '"field": ""', '"field": "'.length)?.items, 'birthday');
      assert.equal(field.detail, "Field · date · 'birthday'");
      assert.equal(field.kind, CompletionItemKind.Field);
    });

    it('offers a name declared twice once (R4 reports the duplicate)', () => {
      const twice = WELCOME.replace('"tags": ["VIP", "Kunde"]', '"tags": ["VIP", "Kunde", "VIP"]');
      assert.deepEqual(labels(complete(twice, '"tag": "VIP"', '"tag": "'.length)?.items), ['VIP', 'Kunde']);
    });

    it("offers an emailClicked link's items with the content they belong to, and nothing when the awaited point is not an email of the journey (R11)", () => {
      const text = WELCOME.replace('{ "type": "emailOpened", "point": "p_email" }', '{ "type": "emailClicked", "point": "p_email", "link": "" }');
      const shop = item(complete(text, '"link": ""', '"link": "'.length)?.items, 'shop');
      assert.equal(shop.detail, "Link of 'hello'");
      assert.equal(accept(text, shop), text.replace('"link": ""', '"link": "shop"'));
      const unknown = text.replace('"point": "p_email", "link"', '"point": "p_nowhere", "link"');
      assert.deepEqual(labels(complete(unknown, '"link": ""', '"link": "'.length)?.items), []);
      const noContent = text.replace('"content": "hello",', '"content": "gone",');
      assert.deepEqual(labels(complete(noContent, '"link": ""', '"link": "'.length)?.items), []);
      const oddLinks = text.replace('"links": ["shop", "blog"]', '"links": ["shop", 3]');
      assert.deepEqual(labels(complete(oddLinks, '"link": ""', '"link": "'.length)?.items), ['shop']);
    });

    it('gives no completion at a value that is not a string, or after a string', () => {
      const numbered = WELCOME.replace('"next": "p_wait_open"', '"next": 12');
      assert.equal(complete(numbered, '"next": 12', '"next": 1'.length), undefined);
      assert.equal(complete(WELCOME, '"next": "p_wait_open"', '"next": "p_wait_open"'.length + 1), undefined);
    });
  });

  describe('type values with the required properties', () => {
    const blank = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done", "type": "" }');

    it('offers every point type, in palette order, with its rules', () => {
      const list = complete(blank, '"type": ""', '"type": "'.length);
      assert.deepEqual(labels(list?.items), [...POINT_TYPES]);
      assert.match(JSON.stringify(item(list?.items, 'waitForEvent').documentation), /R11/);
    });

    it('choosing "wait" adds a duration and the next point, and the point then fits the schema (R9)', () => {
      const wait = item(complete(blank, '"type": ""', '"type": "'.length)?.items, 'wait');
      assert.equal(wait.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal((wait.textEdit as TextEdit).newText, '"wait", "duration": "${1:P1D}", "next": "${2:p_gave_up}"$0');
      const text = accept(blank, wait);
      assert.match(text, /\{ "id": "p_done", "type": "wait", "duration": "P1D", "next": "p_gave_up" \}/);
      assert.deepEqual(validateJourneyText(text).diagnostics.filter((d) => d.rule === 'schema'), []);
    });

    it('every point type inserts a point that fits the schema', () => {
      for (const type of POINT_TYPES) {
        const text = accept(blank, item(complete(blank, '"type": ""', '"type": "'.length)?.items, type));
        const point = (JSON.parse(text) as { points: unknown[] }).points[2];
        assert.ok(JourneyPoint.safeParse(point).success, `${type}: ${JSON.stringify(point)}`);
      }
    });

    it('adds only the required properties the object lacks', () => {
      const text = WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done", "type": "", "next": "p_gave_up" }');
      const wait = item(complete(text, '"type": ""', '"type": "'.length)?.items, 'wait');
      assert.equal((wait.textEdit as TextEdit).newText, '"wait", "duration": "${1:P1D}"$0');
      assert.equal(wait.detail, 'Wait: adds duration');
    });

    it('puts the added properties on their own lines, indented like the object, in a multi-line object', () => {
      const typed = WELCOME.replace('"title": "Say hello",\n      "content": "hello",\n      "next": "p_wait_open"', '"title": "Say hello"');
      const text = typed.replace('"type": "sendEmail"', '"type": ""');
      const email = item(complete(text, '"type": ""', '"type": "'.length, false)?.items, 'sendEmail');
      assert.equal(email.insertTextFormat, InsertTextFormat.PlainText);
      assert.equal(accept(text, email), typed.replace('"type": "sendEmail"', '"type": "sendEmail",\n      "content": "hello",\n      "next": "p_wait_open"'));
    });

    it('names the type and what it adds as the detail, or only the type when nothing is added', () => {
      const wait = item(complete(blank, '"type": ""', '"type": "'.length)?.items, 'wait');
      assert.equal(wait.detail, 'Wait: adds duration, next');
      assert.deepEqual(wait.labelDetails, { description: 'Wait' });
      assert.equal(item(complete(blank, '"type": ""', '"type": "'.length)?.items, 'end').detail, 'End');
    });

    it('a type chosen in the last point leaves its next point empty, to be chosen', () => {
      const last = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "" }');
      const wait = item(complete(last, '"type": "" }', '"type": "'.length)?.items, 'wait');
      assert.equal((wait.textEdit as TextEdit).newText, '"wait", "duration": "${1:P1D}", "next": "$2"$0');
    });

    it('offers trigger types for a trigger, with the trigger it makes fitting the schema (R2)', () => {
      const text = WELCOME.replace('{ "type": "tagAdded", "tag": "VIP" }', '{ "type": "" }');
      const list = complete(text, '"type": ""', '"type": "'.length);
      assert.deepEqual(labels(list?.items), [...TRIGGER_TYPES]);
      const after = accept(text, item(list?.items, 'campaignActivity'));
      const trigger = (JSON.parse(after) as { startingPoints: { trigger: unknown }[] }).startingPoints[0]!.trigger;
      assert.ok(Trigger.safeParse(trigger).success, JSON.stringify(trigger));
    });

    it('offers filter types inside nested filters (R3) and awaited-event types (R11)', () => {
      const nested = WELCOME.replace('{ "type": "hasTag", "tag": "Kunde" }', '{ "type": "any", "of": [{ "type": "" }] }');
      const filters = labels(complete(nested, '"type": "" }', '"type": "'.length)?.items);
      assert.ok(filters.includes('hasTag') && filters.includes('not') && filters.includes('campaignActivity'), filters.join(', '));
      const events = labels(complete(WELCOME, '"type": "emailOpened"', '"type": "'.length)?.items);
      assert.deepEqual(events, ['emailOpened', 'emailClicked', 'formSubmitted', 'purchase', 'tagAdded', 'customEvent']);
    });

    it('leaves property names and other values to the schema completion', () => {
      assert.equal(complete(WELCOME, '"kind": "trigger"', 3), undefined);
      assert.equal(complete(WELCOME, '"kind": "trigger"', '"kind": "'.length), undefined);
      assert.equal(complete(WELCOME, '"timeout": "P2D"', '"timeout": "'.length), undefined);
    });

    it('answers while the document is not valid JSON yet', () => {
      const text = WELCOME.replace('"next": "p_wait_open"\n', '"next": "p_\n');
      assert.ok(labels(complete(text, '"next": "p_', '"next": "p_'.length)?.items).includes('p_wait_open'));
    });
  });
});
