// Specification of the journey hovers: a point id shows the point's
// summary, where it leads, what leads to it and its rules; a type value its
// documentation; a declared name its declaration.
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { journeyHover } from '../../../language/hover';
import { analyze, positionOf, sample, WELCOME } from './support';

const hover = (text: string, needle: string, delta = 2, occurrence = 1) => journeyHover(analyze(text), positionOf(text, needle, delta, occurrence));
const markdownOf = (h: Hover | undefined) => {
  assert.ok(h, 'no hover');
  return (h.contents as MarkupContent).value;
};

describe('journey hover', () => {
  it('shows a wait-for-event point where it is named: summary, branches, what leads to it and R11', () => {
    const text = markdownOf(hover(WELCOME, '"p_wait_open"', 3));
    assert.match(text, /^\*\*p_wait_open\*\* · Wait for event/);
    assert.match(text, /`Wait for open of 'p_email' · 2 days`/);
    assert.match(text, /Leads to: yes → `p_done`, timeout → `p_gave_up`/);
    assert.match(text, /Reached from: `p_email` \(next\)/);
    assert.match(text, /\*\*R11\*\* Wait for an event with a timeout/);
  });

  it('shows the same on the id itself, with the range of the id', () => {
    const analysis = analyze(WELCOME);
    const h = journeyHover(analysis, positionOf(WELCOME, '"id": "p_wait_open"', 9));
    assert.match(markdownOf(h), /\*\*p_wait_open\*\* · Wait for event/);
    assert.equal(analysis.text.slice(analysis.offsetAt(h!.range!.start), analysis.offsetAt(h!.range!.end)), '"p_wait_open"');
  });

  it('shows a send-email point with its title, from an awaited event that names it (R17, R18)', () => {
    const text = markdownOf(hover(WELCOME, '"point": "p_email"', 12));
    assert.match(text, /\*\*p_email\*\* · Send email/);
    assert.match(text, /`Email 'hello'`/);
    assert.match(text, /\*Say hello\*/);
    assert.match(text, /\*\*R17\*\*/);
    assert.match(text, /\*\*R18\*\*/);
  });

  it('shows a starting point with its trigger and filter and the rules R1, R2, R3', () => {
    const text = markdownOf(hover(WELCOME, '"sp_vip"'));
    assert.match(text, /\*\*sp_vip\*\* · Starting point/);
    assert.match(text, /`Tag 'VIP' added`/);
    assert.match(text, /Only if `tag 'Kunde'`/);
    for (const rule of ['R1', 'R2', 'R3']) assert.match(text, new RegExp(`\\*\\*${rule}\\*\\*`));
  });

  it('says when a reference names no point (R4)', () => {
    const text = WELCOME.replace('"yes": "p_done"', '"yes": "p_dnoe"');
    assert.match(markdownOf(hover(text, '"p_dnoe"')), /no starting point or journey point has this id \(R4\)/);
  });

  it('lists the problems of the point it shows', () => {
    const text = WELCOME.replace('"timeout": "P2D"', '"timeout": "PT0S"');
    assert.match(markdownOf(hover(text, '"p_wait_open"', 3)), /Problems: .*R11\.zero-timeout/);
  });

  it('explains a point type value with its rules (R9)', () => {
    const text = markdownOf(hover(sample('mailchimp-vip-welcome.journey.json'), '"type": "wait"', '"type": "w'.length));
    assert.match(text, /\*\*Wait\*\*: Waits a duration\./);
    assert.match(text, /\*\*R9\*\* Wait a duration/);
  });

  it('explains a trigger type (R20) and shows a declared content item', () => {
    assert.match(markdownOf(hover(sample('birthday-german.journey.json'), '"type": "dateField"', 10)), /\*\*R20\*\*/);
    const content = markdownOf(hover(WELCOME, '"content": "hello"', 13));
    assert.match(content, /\*\*hello\*\* · declared in `content`/);
    assert.match(content, /status: `ready`/);
  });

  it('leaves everything else to the schema hover', () => {
    assert.equal(hover(WELCOME, '"kind"', 2), undefined);
    assert.equal(hover(WELCOME, '"P2D"', 2), undefined);
  });

  it('shows nothing, and does not fail, on a type or a key named like a property of every object', () => {
    const typed = WELCOME.replace('"type": "sendEmail"', '"type": "constructor"').replace('"type": "end"', '"type": "toString"');
    assert.notEqual(typed, WELCOME);
    assert.equal(hover(typed, '"constructor"', 3), undefined);
    assert.equal(hover(typed, '"toString"', 3), undefined);
    const keyed = WELCOME.replace('"next": "p_wait_open"', '"constructor": "p_wait_open"');
    assert.notEqual(keyed, WELCOME);
    assert.doesNotThrow(() => hover(keyed, '"constructor"', 3));
  });

  describe('what a point hover is made of', () => {
    it('shows an end point with what leads to it and nothing it leads to; the rules after a rule line', () => {
      const text = markdownOf(hover(WELCOME, '"yes": "p_done"', 8));
      assert.match(text, /^\*\*p_done\*\* · End\n\n`Journey complete`\n\nReached from: `p_wait_open` \(yes\)\n\n---\n\n\*\*R4\*\*/);
      assert.doesNotMatch(text, /Leads to|Problems|``/);
    });

    it('says when nothing leads to a point yet, and never says it of a starting point', () => {
      const lonely = WELCOME.replace('{ "id": "p_gave_up", "type": "end" }', '{ "id": "p_gave_up", "type": "end" },\n    { "id": "p_alone", "type": "end" }');
      assert.match(markdownOf(hover(lonely, '"p_alone"', 3)), /\n\nNothing leads here yet\.\n\n/);
      assert.doesNotMatch(markdownOf(hover(WELCOME, '"sp_vip"')), /Nothing leads here|Reached from/);
    });

    it("escapes the markdown of a point's title, and keeps a backtick of a filter from ending its code", () => {
      const titled = WELCOME.replace('"title": "Say hello"', '"title": "Say *hello*"');
      assert.match(markdownOf(hover(titled, '"next": "p_email"', 9)), /\n\n\*Say \\\*hello\\\*\*\n\n/);
      const ticked = WELCOME.replace('"tags": ["VIP", "Kunde"]', '"tags": ["VIP", "Ku`nde"]').replace('"tag": "Kunde"', '"tag": "Ku`nde"');
      assert.match(markdownOf(hover(ticked, '"sp_vip"')), /\n\nOnly if `tag 'Ku'nde'`\n\n/);
    });

    it('lists the problems of that point only, joined by "; "', () => {
      const text = WELCOME.replace('"timeout": "P2D"', '"timeout": "PT0S"').replace('"point": "p_email"', '"point": "p_done"');
      const wait = markdownOf(hover(text, '"p_wait_open"', 3));
      assert.match(wait, /Problems: [^\n]*\([^)]+\); [^\n]*\([^)]+\)/);
      assert.doesNotMatch(markdownOf(hover(text, '"next": "p_email"', 9)), /Problems/);
    });
  });

  describe('what a declared name hover is made of', () => {
    it('shows a declaration where it is declared, with its facts but not its id or lists', () => {
      const h = hover(WELCOME, '{ "id": "newsletter"', '{ "id": "'.length);
      const text = markdownOf(h);
      assert.equal(text, '**newsletter** · declared in `lists`\n\nkind: `marketing`');
      const content = markdownOf(hover(WELCOME.replace('"status": "ready", "list"', '"status": "ready", "transactional": true, "list"'), '"content": "hello"', 13));
      assert.match(content, /^\*\*hello\*\* · declared in `content`\n\nchannel: `email` · status: `ready` · transactional: `true` · list: `newsletter`\n\n[^\n]*\*\*R17\*\*/);
      assert.match(content, /\*\*R21\*\*/);
    });

    it('shows the tag a value names, or says it is not declared; a tag has no facts', () => {
      assert.equal(markdownOf(hover(WELCOME, '"tag": "Kunde"', 8)), '**Kunde** · declared in `tags`');
      const text = WELCOME.replace('"tag": "Kunde"', '"tag": "Kunde2"');
      assert.equal(markdownOf(hover(text, '"tag": "Kunde2"', 8)), "**Kunde2**: not declared in the journey's `tags`.");
    });

    it('leaves links and values not yet written to the schema hover', () => {
      const clicked = WELCOME.replace('{ "type": "emailOpened", "point": "p_email" }', '{ "type": "emailClicked", "point": "p_email", "link": "shop" }');
      assert.equal(hover(clicked, '"link": "shop"', 9), undefined);
      const unwritten = WELCOME.replace('"tag": "Kunde"', '"tag": ');
      assert.equal(hover(unwritten, '"tag":  }', '"tag": '.length), undefined);
    });
  });
});
