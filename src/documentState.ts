// Computes what the designer shows for a journey text: the parsed value and
// its diagnostics with line/character, or the syntax errors of text that is
// not JSON. Pure: shared by the custom editor and its tests.
import { LineIndex } from './core/textPosition';
import { validateJourneyText } from './core/validate';
import type { DocumentState, WireDiagnostic } from './webviewProtocol';

export function documentStateOf(text: string): DocumentState {
  const result = validateJourneyText(text);
  const lines = new LineIndex(text);
  const wire = result.diagnostics.map((d): WireDiagnostic => {
    const { line, character } = lines.positionAt(d.offset);
    return { code: d.code, rule: d.rule, severity: d.severity, message: d.message, path: d.path, line, character };
  });
  if (result.doc.syntaxErrors.length > 0 || result.doc.root === undefined || typeof result.doc.value !== 'object' || result.doc.value === null) {
    return { kind: 'unparseable', errors: wire.length > 0 ? wire : [{ code: 'syntax.not-an-object', rule: 'syntax', severity: 'error', message: 'A journey file holds one JSON object.', path: [], line: 0, character: 0 }] };
  }
  return { kind: 'journey', value: result.doc.value, valid: result.journey !== undefined, diagnostics: wire };
}
