// Every rule has a fixture with its expected diagnostics:
// test/fixtures/rules/<name>.journey.json is validated (with now =
// 2026-01-15T00:00Z) and its diagnostics must equal
// <name>.expected.json, each as { code, rule, severity, line, character,
// spanned } with a 1-based line and character (as `journey validate` prints
// them) and the exact text the span covers. Fixtures named valid*.journey.json
// expect none. The expectations are written and checked by hand (each names
// the faults its fixture plants, see test/fixtures/rules/README.md); this
// test only reads them, and checks each one against the fixture text on its
// own (the text at line:character is the span, the code belongs to the rule),
// so no run of the validator can write or bless them.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../src/core/rules/index';
import { LineIndex } from '../../../src/core/textPosition';
import { validateJourneyText } from '../../../src/core/validate';
import { NOW, spanned } from './helpers';

const DIR = join(__dirname, '../../fixtures/rules');

interface ExpectedDiagnostic {
  code: string;
  rule: string;
  severity: string;
  line: number;
  character: number;
  spanned: string;
}

function actualDiagnostics(text: string): ExpectedDiagnostic[] {
  const result = validateJourneyText(text, { now: NOW });
  assert.ok(result.journey, `a rule fixture must fit the schema: ${JSON.stringify(result.diagnostics)}`);
  const lines = new LineIndex(text);
  return result.diagnostics.map((d) => {
    const { line, character } = lines.positionAt(d.offset);
    return { code: d.code, rule: d.rule, severity: d.severity, line: line + 1, character: character + 1, spanned: spanned(text, d) };
  });
}

/** Each expectation on its own, without the validator: its span starts at its line:character, and its code is one of its rule's. */
function assertConsistent(text: string, expected: ExpectedDiagnostic[]): void {
  const lines = text.split('\n');
  for (const d of expected) {
    const at = `${d.code} at ${d.line}:${d.character}`;
    assert.ok(d.code.startsWith(`${d.rule}.`), `${at}: the code is not one of ${d.rule}'s`);
    assert.ok(d.severity === 'error' || d.severity === 'warning' || d.severity === 'information', `${at}: severity ${d.severity}`);
    const from = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.character - 1;
    assert.equal(text.slice(from, from + d.spanned.length), d.spanned, `${at}: the fixture text there is not the expected span`);
  }
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.journey.json'))
  .sort()
  .map((f) => f.slice(0, -'.journey.json'.length));

describe('rule fixtures (every rule has a fixture with expected diagnostics)', () => {
  for (const name of fixtures) {
    it(`${name}.journey.json gives the diagnostics of ${name}.expected.json`, () => {
      const text = readFileSync(join(DIR, `${name}.journey.json`), 'utf8');
      const expectedFile = join(DIR, `${name}.expected.json`);
      assert.ok(existsSync(expectedFile), `missing ${name}.expected.json: write it by hand, one entry per fault the fixture plants`);
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedDiagnostic[];
      assertConsistent(text, expected);
      assert.deepEqual(actualDiagnostics(text), expected);
      if (name.startsWith('valid')) assert.deepEqual(expected, [], 'a valid fixture expects no diagnostic');
      else assert.ok(expected.length > 0, 'a rule fixture expects at least one diagnostic');
    });
  }

  it('has, for every registered rule, a fixture whose expected diagnostics include that rule', () => {
    const covered = new Set<string>();
    for (const name of fixtures) {
      const file = join(DIR, `${name}.expected.json`);
      if (existsSync(file)) for (const d of JSON.parse(readFileSync(file, 'utf8')) as ExpectedDiagnostic[]) covered.add(d.rule);
    }
    const missing = [...new Set(allRules.map((r) => r.rule))].filter((rule) => !covered.has(rule));
    assert.deepEqual(missing, []);
  });
});
