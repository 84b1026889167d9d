// Formatting of a journey document (Format Document, Format Selection,
// format on save): jsonc-parser's formatter with the editor's indentation,
// keeping the document's line ending. A document that is not valid JSON is
// formatted as far as the formatter can read it, never rewritten otherwise.
import { format } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { DocumentAnalysis } from './documentAnalysis';

export function formatJourney(analysis: DocumentAnalysis, options: FormattingOptions, range?: Range): TextEdit[] {
  const text = analysis.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const span = range ? { offset: analysis.offsetAt(range.start), length: analysis.offsetAt(range.end) - analysis.offsetAt(range.start) } : undefined;
  const edits = format(text, span, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: options.insertFinalNewline ?? text.endsWith(eol),
    keepLines: false,
  });
  return edits.map((e) => ({ range: analysis.range(e.offset, e.length), newText: e.content }));
}
