// One validated version of a journey document, shared by every request the
// server answers for that version: the core's validation result (syntax,
// schema, semantic rules), the id/name index built from its tree, and
// offset <-> position conversion for the exact text that was validated. The
// cache keeps the latest analysis per document, keyed by (uri, version), so
// diagnostics, completion, hover, navigation, symbols and code actions never
// parse or validate the same version twice.
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../src/core/textPosition';
import { type ValidationOptions, type ValidationResult, validateJourneyText } from '../src/core/validate';
import { JourneyIndex } from './journeyIndex';

export type Validator = (text: string, options: ValidationOptions) => ValidationResult;

export class DocumentAnalysis {
  private lines: LineIndex | undefined;
  private indexed: JourneyIndex | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    /** The text as it was at `version` (a TextDocument changes in place, this never does). */
    readonly text: string,
    readonly result: ValidationResult,
  ) {}

  get doc() {
    return this.result.doc;
  }

  /** Ids, references and declarations of this version, built on first use. */
  get index(): JourneyIndex {
    this.indexed ??= new JourneyIndex(this.result.doc);
    return this.indexed;
  }

  private get lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }

  positionAt(offset: number): Position {
    return this.lineIndex.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lineIndex.offsetAt(position);
  }

  range(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  /** The range of a tree node or any `{ offset, length }` span. */
  rangeOf(span: { offset: number; length: number }): Range {
    return this.range(span.offset, span.length);
  }
}

export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis>();
  private options: ValidationOptions = {};
  /** How many times a text was validated: once per (uri, version) while the options stay the same. */
  validations = 0;

  constructor(
    private readonly validate: Validator = validateJourneyText,
    /** Options of one document on top of the shared ones (R22: the published versions kept beside it). */
    private readonly optionsOf: (uri: string) => ValidationOptions = () => ({}),
  ) {}

  /** The analysis of the document's current version, validating it only if this version has not been. */
  get(document: TextDocument): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    this.validations++;
    const analysis = new DocumentAnalysis(document.uri, document.version, text, this.validate(text, { ...this.options, ...this.optionsOf(document.uri) }));
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  /** The cached analysis of exactly this version, if any. */
  peek(uri: string, version: number): DocumentAnalysis | undefined {
    const cached = this.entries.get(uri);
    return cached?.version === version ? cached : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** New validation options (user settings) make every cached result stale. */
  setOptions(options: ValidationOptions): void {
    this.options = options;
    this.entries.clear();
  }
}
