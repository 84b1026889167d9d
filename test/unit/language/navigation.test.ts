// Specification of go to definition and find references: a point id leads
// from every place that names it to the point's id; a declared name leads to
// its declaration; references list every place that names the same thing.
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver';
import { definition, references } from '../../../language/navigation';
import type { DocumentAnalysis } from '../../../language/documentAnalysis';
import { analyze, positionOf, WELCOME, withExitCriterionOnEmail } from './support';

const textAt = (analysis: DocumentAnalysis, l: Location) => analysis.text.slice(analysis.offsetAt(l.range.start), analysis.offsetAt(l.range.end));
/** Each location as `line:text`, so a test reads which occurrence it is. */
const where = (analysis: DocumentAnalysis, locations: Location[]) => locations.map((l) => `${l.range.start.line}:${textAt(analysis, l)}`);
const lineOf = (needle: string, occurrence = 1) => positionOf(WELCOME, needle, 0, occurrence).line;

describe('go to definition and find references', () => {
  const analysis = analyze(WELCOME);

  it('goes from a successor reference to the id of the point it names (R4)', () => {
    const [target, ...rest] = definition(analysis, positionOf(WELCOME, '"yes": "p_done"', 10));
    assert.deepEqual(rest, []);
    assert.equal(textAt(analysis, target!), '"p_done"');
    assert.equal(target!.range.start.line, lineOf('{ "id": "p_done"'));
    assert.equal(target!.uri, analysis.uri);
  });

  it('goes to the point from a starting point, an awaited event and a map pin', () => {
    const idLine = lineOf('"id": "p_email"');
    for (const [needle, delta] of [['"next": "p_email"', 10], ['"point": "p_email"', 11], ['"layout": { "p_email"', 13]] as const) {
      const [target] = definition(analysis, positionOf(WELCOME, needle, delta));
      assert.equal(target?.range.start.line, idLine, needle);
    }
  });

  it('goes from a content name to its declaration, and from a tag to the declared tag', () => {
    const [content] = definition(analysis, positionOf(WELCOME, '"content": "hello"', 13));
    assert.deepEqual(where(analysis, [content!]), [`${lineOf('{ "id": "hello"')}:"hello"`]);
    const [tag] = definition(analysis, positionOf(WELCOME, '"tag": "Kunde"', 9));
    assert.deepEqual(where(analysis, [tag!]), [`${lineOf('"tags"')}:"Kunde"`]);
  });

  it('finds nothing to go to for a reference that names no point, or for a plain value', () => {
    const dangling = WELCOME.replace('"yes": "p_done"', '"yes": "p_nowhere"');
    assert.deepEqual(definition(analyze(dangling), positionOf(dangling, '"p_nowhere"', 2)), []);
    assert.deepEqual(definition(analysis, positionOf(WELCOME, '"P2D"', 2)), []);
  });

  it('finds every reference to a point: its id, the successor, the awaited event and the map pin', () => {
    const found = references(analysis, positionOf(WELCOME, '"id": "p_email"', 9), true);
    assert.deepEqual(where(analysis, found), [
      `${lineOf('"next": "p_email"')}:"p_email"`,
      `${lineOf('"id": "p_email"')}:"p_email"`,
      `${lineOf('"point": "p_email"')}:"p_email"`,
      `${lineOf('"layout"')}:"p_email"`,
    ]);
    assert.equal(references(analysis, positionOf(WELCOME, '"next": "p_email"', 10), false).length, 3);
  });

  it('R16: goes from an exit criterion\'s event.point to the point, and lists it among the references to that point', () => {
    const watched = withExitCriterionOnEmail(WELCOME);
    const a = analyze(watched);
    const criterion = positionOf(watched, '"point": "p_email", "link"', 11);
    const [target, ...rest] = definition(a, criterion);
    assert.deepEqual(rest, []);
    assert.equal(target?.range.start.line, positionOf(watched, '"id": "p_email"').line);
    const found = references(a, positionOf(watched, '"id": "p_email"', 9), true);
    assert.deepEqual(
      found.map((l) => l.range.start.line),
      [criterion.line, positionOf(watched, '"next": "p_email"').line, positionOf(watched, '"id": "p_email"').line, positionOf(watched, '"point": "p_email" }').line, positionOf(watched, '"layout"').line].sort((x, y) => x - y),
    );
    assert.ok(found.every((l) => textAt(a, l) === '"p_email"'));
  });

  it('finds every use of a declared list', () => {
    const found = references(analysis, positionOf(WELCOME, '"id": "newsletter"', 9), true);
    assert.deepEqual(where(analysis, found), [
      `${lineOf('"id": "newsletter"')}:"newsletter"`,
      `${lineOf('"id": "hello"')}:"newsletter"`,
      `${lineOf('"id": "reminder_sms"')}:"newsletter"`,
    ]);
  });

  it('finds all of 200,000 uses of one name (more than one call can take as arguments)', function () {
    this.timeout(20_000);
    const text = WELCOME.replace('"tags": ["VIP"', `"tags": ["VIP"${', "VIP"'.repeat(200_000)}`);
    assert.notEqual(text, WELCOME);
    const big = analyze(text);
    const found = references(big, positionOf(text, '"tag": "VIP"', 9), true);
    assert.ok(found.length > 200_000, String(found.length));
  });
});
