// Computes what the designer shows for a journey text: the parsed value and
// its diagnostics with line/character, or the syntax errors of text that is
// not JSON. Pure: shared by the custom editor, the browser test harness and
// their tests.
import { findNodeAtLocation, getLocation, parseTree } from 'jsonc-parser';
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
  if (result.doc.syntaxErrors.length > 0 || result.doc.root === undefined || typeof result.doc.value !== 'object' || result.doc.value === null || Array.isArray(result.doc.value)) {
    return { kind: 'unparseable', ...(text.trim() === '' ? { empty: true } : {}), errors: wire.length > 0 ? wire : [{ code: 'syntax.not-an-object', rule: 'syntax', severity: 'error', message: 'A journey file holds one JSON object.', path: [], line: 0, character: 0 }] };
  }
  return { kind: 'journey', value: result.doc.value, valid: result.journey !== undefined, diagnostics: wire };
}

/**
 * The id of the starting point or journey point whose JSON the offset is
 * in (the text cursor → map selection), or null outside every node.
 */
export function nodeIdAtOffset(text: string, offset: number): string | null {
  const location = getLocation(text, offset);
  const [section, index] = location.path;
  if ((section !== 'startingPoints' && section !== 'points') || typeof index !== 'number') return null;
  const root = parseTree(text);
  const idNode = root ? findNodeAtLocation(root, [section, index, 'id']) : undefined;
  return typeof idNode?.value === 'string' ? idNode.value : null;
}
