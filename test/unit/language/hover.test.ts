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
});
