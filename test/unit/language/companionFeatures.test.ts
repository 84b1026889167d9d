// Specification of completion, hover and go to definition in a timeline or
// a scenario (companionFeatures.ts), in process against a small journey:
// contacts from the timeline (and, in a scenario, the contacts only its
// timeline's events name), points by what the place may name, an email's
// links, declared names and names the journey only uses, the branches of
// an expected point; hovers that say what a name is and where, or that
// there is none; definitions in the journey or the timeline.
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver';
import { analyzeCompanion, type CompanionAnalysis } from '../../../language/companionAnalysis';
import { companionCompletion, companionDefinition, companionHover } from '../../../language/companionFeatures';
import { DocumentAnalysis } from '../../../language/documentAnalysis';
import { validateJourneyText } from '../../../src/core/validate';
import { positionOf, WELCOME } from './support';

const DIR = 'file:///work/journeys/';
const JOURNEY_URI = `${DIR}welcome.journey.json`;
const TIMELINE_URI = `${DIR}welcome.timeline.json`;
const SCENARIO_URI = `${DIR}welcome.scenario.json`;
/** WELCOME, its filter naming a tag it never declares. */
const JOURNEY = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', '"filter": { "type": "any", "of": [{ "type": "hasTag", "tag": "Kunde" }, { "type": "hasTag", "tag": "Gold" }] }');

const TIMELINE = `{
  "formatVersion": 1,
  "journey": "./welcome.journey.json",
  "start": "2026-01-01T00:00:00Z",
  "contacts": [
    { "id": "c_anna", "name": "Anna", "email": "anna@example.com", "tags": ["VIP", "likes-cats", "Gold", "Nope"] },
    { "id": "c_ben" },
    { "id": "c_anna" }
  ],
  "events": [
    { "at": "2026-01-01T01:00:00Z", "contact": "c_anna", "type": "emailClicked", "point": "p_email", "link": "shop" },
    { "at": "2026-01-01T02:00:00Z", "contact": "c_carl", "type": "emailClicked", "content": "hello", "link": "blog" },
    { "at": "2026-01-01T03:00:00Z", "contact": "c_carl", "type": "emailClicked", "point": "p_nowhere", "link": "blog" },
    { "at": "2026-01-01T04:00:00Z", "contact": "c_ben", "type": "tagAdded", "tag": "" }
  ]
}`;

const SCENARIO = `{
  "formatVersion": 1,
  "name": "welcome",
  "journey": "./welcome.journey.json",
  "timeline": "./welcome.timeline.json",
  "expectations": [
    { "type": "takesBranch", "contact": "c_carl", "point": "p_wait_open", "branch": "yes" },
    { "type": "takesBranch", "contact": "c_anna", "point": "p_wait_open", "branch": "maybe" },
    { "type": "takesBranch", "contact": "c_nobody", "point": "p_done", "branch": "" },
    { "type": "passes", "contact": "c_ben", "point": "sp_vip" },
    { "type": "receives", "contact": "c_ben", "content": "hello" }
  ]
}`;

async function analyzed(uri: string, text: string, kind: 'timeline' | 'scenario', journey = JOURNEY): Promise<CompanionAnalysis> {
  const texts: Record<string, string> = { [JOURNEY_URI]: journey, [TIMELINE_URI]: TIMELINE, [SCENARIO_URI]: SCENARIO };
  const files = { read: async (u: string) => texts[u] ?? Promise.reject(new Error(`no ${u}`)), companions: async () => [] };
  return analyzeCompanion(uri, 1, text, kind, { files, journeyAnalysis: (u, t) => new DocumentAnalysis(u, 0, t, validateJourneyText(t)), clientValidatesSchemas: false });
}
const timeline = () => analyzed(TIMELINE_URI, TIMELINE, 'timeline');
const scenario = () => analyzed(SCENARIO_URI, SCENARIO, 'scenario');

const at = (analysis: CompanionAnalysis, needle: string, delta: number, occurrence = 1) => positionOf(analysis.text, needle, delta, occurrence);
const complete = (analysis: CompanionAnalysis, needle: string, delta: number, occurrence = 1) => companionCompletion(analysis, at(analysis, needle, delta, occurrence));
const rows = (items: CompletionItem[] | undefined) => (items ?? []).map((i) => [i.label, i.detail, i.sortText]);
const hoverText = (analysis: CompanionAnalysis, needle: string, delta: number, occurrence = 1) => {
  const hover = companionHover(analysis, at(analysis, needle, delta, occurrence));
  assert.ok(hover, `no hover at ${needle}`);
  return (hover.contents as MarkupContent).value;
};

describe('timeline and scenario features, in process', () => {
  describe('completion', () => {
    it("offers a timeline's contacts once each, with their name and email, and leaves a new contact's own id alone", async () => {
      const t = await timeline();
      const list = complete(t, '"contact": "c_anna"', '"contact": "'.length);
      assert.equal(list?.isIncomplete, false);
      assert.deepEqual(rows(list?.items), [['c_anna', 'Contact · Anna · anna@example.com', '00000'], ['c_ben', 'Contact', '00001']]);
      assert.deepEqual(list!.items[0]!.textEdit, { range: { start: at(t, '"c_anna"', 0, 3), end: at(t, '"c_anna"', 8, 3) }, newText: '"c_anna"' });
      assert.equal(complete(t, '{ "id": "c_ben" }', '{ "id": "'.length), undefined);
    });

    it('offers in a scenario also the contacts only the timeline\'s events name (replayed as new contacts)', async () => {
      assert.deepEqual(rows(complete(await scenario(), '"contact": "c_carl"', '"contact": "'.length)?.items).map((r) => r[0]), ['c_anna', 'c_ben', 'c_carl']);
    });

    it("offers for a timeline event's point the journey's email points, for a scenario's point every point and starting point", async () => {
      assert.deepEqual(complete(await timeline(), '"point": "p_email"', '"point": "'.length)?.items.map((i) => i.label), ['p_email']);
      assert.deepEqual(complete(await scenario(), '"point": "p_wait_open"', '"point": "'.length)?.items.map((i) => i.label), ['p_email', 'p_wait_open', 'p_done', 'p_gave_up', 'sp_vip']);
    });

    it("offers the links of the email an event names by its point or its content, or every email's links when its point is unknown", async () => {
      const t = await timeline();
      const list = complete(t, '"link": "shop"', '"link": "'.length);
      assert.deepEqual(rows(list?.items), [['shop', "Link of 'hello'", '00000'], ['blog', "Link of 'hello'", '00001']]);
      assert.deepEqual(list!.items[0]!.textEdit, { range: { start: at(t, '"shop"', 0, 1), end: at(t, '"shop"', 6, 1) }, newText: '"shop"' });
      assert.deepEqual(complete(t, '"link": "blog"', '"link": "'.length)?.items.map((i) => i.label), ['shop', 'blog']);
      const two = await analyzed(TIMELINE_URI, TIMELINE, 'timeline', JOURNEY.replace('"links": ["shop", "blog"] }', '"links": ["shop", "blog"] },\n    { "id": "news", "channel": "email", "status": "ready", "list": "newsletter", "links": ["shop", "unsubscribe"] }'));
      assert.deepEqual(complete(two, '"link": "blog"', '"link": "'.length, 2)?.items.map((i) => [i.label, i.detail]), [['shop', "Link of 'hello'"], ['blog', "Link of 'hello'"], ['unsubscribe', "Link of 'news'"]]);
    });

    it('offers the declared tags, then the tags the journey only uses, each once', async () => {
      const list = complete(await timeline(), '"tag": ""', '"tag": "'.length);
      assert.deepEqual(rows(list?.items), [['VIP', 'Tag', '00000'], ['Kunde', 'Tag', '00001'], ['Gold', 'Used in the journey', '00002']]);
    });

    it('offers the branches of the point an expectation names, or none for a point without branches', async () => {
      const s = await scenario();
      assert.deepEqual(rows(complete(s, '"branch": "yes"', '"branch": "'.length)?.items), [['yes', 'Branch of the point', '00000'], ['timeout', 'Branch of the point', '00001']]);
      assert.deepEqual(complete(s, '"branch": ""', '"branch": "'.length)?.items, []);
    });

    it('gives nothing where nothing is named, and nothing from a journey that cannot be read', async () => {
      const t = await timeline();
      assert.equal(complete(t, '"at": "2026-01-01T01:00:00Z"', '"at": "'.length), undefined);
      const lost = await analyzed(TIMELINE_URI, TIMELINE.replace('./welcome.journey.json', './lost.journey.json'), 'timeline');
      assert.equal(complete(lost, '"point": "p_email"', '"point": "'.length), undefined);
      assert.equal(complete(lost, '"contact": "c_anna"', '"contact": "'.length)?.items.length, 2, 'contacts come from the timeline itself');
    });
  });

  describe('hover', () => {
    it("shows a contact with its data, one only named by events, or says the timeline has no such contact", async () => {
      const s = await scenario();
      assert.equal(hoverText(s, '"contact": "c_anna"', '"contact": "'.length), '**c_anna** · contact of `welcome.timeline.json`\n\nname: `"Anna"` · email: `"anna@example.com"` · tags: `["VIP","likes-cats","Gold","Nope"]`');
      assert.equal(hoverText(s, '"contact": "c_carl"', '"contact": "'.length), '**c_carl** · contact of `welcome.timeline.json`\n\nonly named by events (replayed as a new contact)');
      assert.equal(hoverText(s, '"contact": "c_nobody"', '"contact": "'.length), '**c_nobody**: no contact of the timeline has this id.');
      const ben = await timeline();
      assert.equal(hoverText(ben, '{ "id": "c_ben" }', '{ "id": "'.length), '**c_ben** · contact of `welcome.timeline.json`');
    });

    it('says whether a branch is one of the point\'s, naming them', async () => {
      const s = await scenario();
      assert.equal(hoverText(s, '"branch": "yes"', '"branch": "'.length), '**yes** · a branch of the point, in `welcome.journey.json`; its branches: `yes`, `timeout`');
      assert.equal(hoverText(s, '"branch": "maybe"', '"branch": "'.length), '**maybe**: the point has no such branch in `welcome.journey.json`; its branches: `yes`, `timeout`.');
    });

    it('shows a journey point, a declaration and a link with the journey they are in', async () => {
      const s = await scenario();
      const point = hoverText(s, '"point": "sp_vip"', '"point": "'.length);
      assert.match(point, /^\*\*sp_vip\*\* · Starting point/);
      assert.match(point, /\n\n\*journey point in `welcome\.journey\.json`\*$/);
      assert.match(hoverText(s, '"content": "hello"', '"content": "'.length), /^\*\*hello\*\* · declared in `content`[\s\S]*\n\n\*in `welcome\.journey\.json`\*$/);
      assert.equal(hoverText(await timeline(), '"link": "shop"', '"link": "'.length), '**shop** · link in `welcome.journey.json`');
    });

    it("tells a tag the journey only uses, a contact's own tag, and a name the journey does not have apart", async () => {
      const t = await timeline();
      assert.equal(hoverText(t, '"Gold"', 2), '**Gold** · tag the journey uses (not declared) in `welcome.journey.json`');
      assert.equal(hoverText(t, '"likes-cats"', 2), "**likes-cats** · tag of the contact's data; the journey in `welcome.journey.json` never names it.");
      const s = await analyzed(SCENARIO_URI, SCENARIO.replace('"content": "hello"', '"content": "bye"'), 'scenario');
      assert.equal(hoverText(s, '"content": "bye"', '"content": "'.length), '**bye**: there is no content item with this name in `welcome.journey.json`.');
    });
  });

  describe('definition', () => {
    it('leads from a contact to the timeline, through the range the server gives for that file', async () => {
      const s = await scenario();
      const asked: string[] = [];
      const locations = companionDefinition(s, at(s, '"contact": "c_anna"', '"contact": "'.length), (uri, node) => {
        asked.push(`${uri}@${node.offset}`);
        return { start: { line: 5, character: 13 }, end: { line: 5, character: 21 } };
      });
      assert.deepEqual(locations, [{ uri: TIMELINE_URI, range: { start: { line: 5, character: 13 }, end: { line: 5, character: 21 } } }]);
      assert.deepEqual(asked, [`${TIMELINE_URI}@${TIMELINE.indexOf('"c_anna"')}`]);
      assert.deepEqual(companionDefinition(s, at(s, '"contact": "c_carl"', '"contact": "'.length), () => assert.fail('c_carl has no place')), []);
      assert.deepEqual(companionDefinition(s, at(s, '"contact": "c_anna"', '"contact": "'.length), () => undefined), []);
    });

    it('leads from a point, a content item and a link to where the journey defines them', async () => {
      const journey = new DocumentAnalysis(JOURNEY_URI, 0, JOURNEY, validateJourneyText(JOURNEY));
      const range = (needle: string, occurrence = 1) => ({ start: positionOf(JOURNEY, needle, 0, occurrence), end: positionOf(JOURNEY, needle, needle.length, occurrence) });
      const s = await scenario();
      const none = () => assert.fail('the journey is analysed');
      assert.deepEqual(companionDefinition(s, at(s, '"point": "sp_vip"', '"point": "'.length), none), [{ uri: JOURNEY_URI, range: range('"sp_vip"') }]);
      assert.deepEqual(companionDefinition(s, at(s, '"content": "hello"', '"content": "'.length), none), [{ uri: JOURNEY_URI, range: range('"hello"') }]);
      const t = await timeline();
      assert.deepEqual(companionDefinition(t, at(t, '"link": "shop"', '"link": "'.length), none), [{ uri: JOURNEY_URI, range: range('"shop"') }]);
      assert.deepEqual(companionDefinition(t, at(t, '"link": "blog"', '"link": "'.length, 2), none), [{ uri: JOURNEY_URI, range: range('"blog"') }], 'a link of an unknown point: any email\'s link of that name');
      assert.deepEqual(companionDefinition(t, at(t, '"point": "p_email"', '"point": "'.length), none), [{ uri: JOURNEY_URI, range: range('"p_email"', 2) }]);
      assert.deepEqual(companionDefinition(t, at(t, '"likes-cats"', 2), none), []);
      assert.deepEqual(companionDefinition(t, at(t, '"at": "2026', 7), none), []);
      assert.equal(journey.uri, JOURNEY_URI);
    });
  });
});
