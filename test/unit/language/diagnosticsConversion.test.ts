// Specification of how the core's diagnostics become LSP diagnostics: the
// exact range, severity, code, source, message and fix data of each; the
// U+FFFD warning of a file that was not UTF-8; and the cap on how many are
// published, with a last one saying how many more there are.
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { MAX_PUBLISHED, publishable, replacementCharacterWarning, toLspDiagnostic } from '../../../language/diagnosticsPublisher';
import type { JourneyDiagnostic } from '../../../src/core/diagnostic';
import { analyze, positionOf, WELCOME } from './support';

describe('LSP diagnostics from the core', () => {
  it('R4: a dangling reference: its range is the quoted id, an error, with code, "journey R4", the message and the fix data', () => {
    const text = WELCOME.replace('"yes": "p_done"', '"yes": "p_dnoe"');
    const analysis = analyze(text);
    const found = analysis.result.diagnostics.find((d) => d.code === 'R4.dangling-reference')!;
    const lsp = toLspDiagnostic(analysis, found);
    assert.deepEqual(lsp.range, { start: positionOf(text, '"p_dnoe"'), end: positionOf(text, '"p_dnoe"', '"p_dnoe"'.length) });
    assert.equal(lsp.severity, DiagnosticSeverity.Error);
    assert.equal(lsp.code, 'R4.dangling-reference');
    assert.equal(lsp.source, 'journey R4');
    assert.equal(lsp.message, found.message);
    assert.deepEqual(lsp.data, { rule: 'R4', path: found.path, ...found.data });
  });

  it('maps each severity to the LSP one', () => {
    const analysis = analyze(WELCOME);
    const at = (severity: JourneyDiagnostic['severity']) => toLspDiagnostic(analysis, { code: 'x', rule: 'R0', severity, message: 'm', path: [], offset: 0, length: 1 }).severity;
    assert.deepEqual([at('error'), at('warning'), at('information'), at('hint')], [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]);
  });

  it('warns at the first U+FFFD, saying how often it occurs when more than once; nothing without one', () => {
    assert.equal(replacementCharacterWarning(analyze(WELCOME)), undefined);
    const once = WELCOME.replace('"Say hello"', '"Say h\uFFFDllo"');
    const warning = replacementCharacterWarning(analyze(once))!;
    assert.deepEqual(warning.range, { start: positionOf(once, '\uFFFD'), end: positionOf(once, '\uFFFD', 1) });
    assert.equal(warning.severity, DiagnosticSeverity.Warning);
    assert.equal(warning.code, 'encoding.replacement-character');
    assert.equal(warning.source, 'journey encoding');
    assert.match(String(warning.message), /^U\+FFFD \(the replacement character\): the file was probably not UTF-8/);
    const twice = once.replace('"Welcome"', '"W\uFFFDlcome"');
    const first = replacementCharacterWarning(analyze(twice))!;
    assert.deepEqual(first.range.start, positionOf(twice, '\uFFFD'));
    assert.match(String(first.message), /^U\+FFFD \(the replacement character, 2 times in this file\)/);
  });

  it('publishes the encoding warning first, then every diagnostic of the journey', () => {
    const text = WELCOME.replace('"Say hello"', '"Say h\uFFFDllo"').replace('"yes": "p_done"', '"yes": "p_dnoe"');
    const analysis = analyze(text);
    const shown = publishable(analysis);
    assert.deepEqual(shown.map((d) => d.code), ['encoding.replacement-character', ...analysis.result.diagnostics.map((d) => d.code)]);
    assert.deepEqual(publishable(analyze(WELCOME)), []);
  });

  it(`publishes at most ${MAX_PUBLISHED} diagnostics and then one that says how many more there are`, () => {
    const dangling = (n: number) => Array.from({ length: n }, (_, i) => `    { "id": "p_x${i}", "type": "addTag", "tag": "VIP", "next": "p_missing${i}" }`).join(',\n');
    const near = (n: number) => WELCOME.replace('"points": [', `"points": [\n${dangling(n)},`);
    const exact = analyze(near(MAX_PUBLISHED));
    const count = exact.result.diagnostics.length;
    assert.ok(count >= MAX_PUBLISHED, `${count}`);
    const over = count - MAX_PUBLISHED;
    assert.ok(over > 0, 'each added point is both unreachable and dangling (R4): more than the cap');
    const shown = publishable(exact);
    assert.equal(shown.length, MAX_PUBLISHED + 1);
    const last = shown.at(-1)!;
    assert.deepEqual([last.code, last.source, last.severity, last.message], ['journey.more-problems', 'journey', DiagnosticSeverity.Information, `${over} more problems are not shown; fix the ones above first.`]);
    assert.deepEqual(last.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(shown.slice(0, MAX_PUBLISHED).map((d) => d.message), exact.result.diagnostics.slice(0, MAX_PUBLISHED).map((d) => d.message));
    // Fewer than the cap: all shown, no "more" line.
    const fewer = analyze(near(10));
    assert.ok(fewer.result.diagnostics.length < MAX_PUBLISHED);
    assert.ok(!publishable(fewer).some((d) => d.code === 'journey.more-problems'));
  });
});
