// One analysed version of a timeline (`*.timeline.json`) or scenario
// (`*.scenario.json`) document, the journey's companion files: its parse,
// the journey it belongs to and (for a scenario) the timeline it replays,
// found as `journey validate` and the scenario runner find them (the
// `journey` and `timeline` paths the file gives, relative to it), and its
// located diagnostics. The checks are the core's (checkTimelineFile,
// checkScenarioFile: schema, then every name against the journey and the
// timeline), so the editor, the CLI and the Test Explorer say the same at
// the same place. A problem of the journey or timeline itself is shown once,
// at the path that names that file.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { CompanionKind } from '../src/core/companionNames';
import type { JourneyDiagnostic, Severity } from '../src/core/diagnostic';
import { type JsonDocument, parseJsonDocument, valueSpan } from '../src/core/jsonDocument';
import { checkScenarioFile, checkTimelineFile, type FileProblem, type ScenarioFiles } from '../src/core/scenarioRunner';
import { LineIndex } from '../src/core/textPosition';
import type { DocumentAnalysis } from './documentAnalysis';
import { displayName, resolveUri, sameUri, type WorkspaceFiles } from './workspaceFiles';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A parsed file this document names (its journey, a scenario's timeline). */
export interface NamedFile {
  uri: string;
  text: string;
  doc: JsonDocument;
}

export class CompanionAnalysis {
  private lines: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly kind: CompanionKind,
    readonly doc: JsonDocument,
    /** The journey it belongs to, analysed, when it names one that can be read. */
    readonly journey: DocumentAnalysis | undefined,
    /** A scenario's timeline, parsed, when it can be read; a timeline's own text for a timeline. */
    readonly timeline: NamedFile | undefined,
    readonly diagnostics: Diagnostic[],
  ) {}

  private get lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }

  offsetAt(position: { line: number; character: number }): number {
    return this.lineIndex.offsetAt(position);
  }

  range(offset: number, length: number) {
    return { start: this.lineIndex.positionAt(offset), end: this.lineIndex.positionAt(offset + length) };
  }
}

export interface CompanionContext {
  files: WorkspaceFiles;
  /** The analysis of a journey text (the open document's own, or one made for the file's text). */
  journeyAnalysis(uri: string, text: string): DocumentAnalysis;
  /** The client validates timelines and scenarios against their JSON Schemas itself (VS Code's jsonValidation): no schema diagnostic is published twice. */
  clientValidatesSchemas: boolean;
}

const stringAt = (value: unknown, key: string): string | undefined => {
  const v = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v.length > 0 ? v : undefined;
};

async function readNamed(files: WorkspaceFiles, uri: string): Promise<NamedFile | undefined> {
  try {
    const text = await files.read(uri);
    return { uri, text, doc: parseJsonDocument(text) };
  } catch {
    return undefined;
  }
}

export async function analyzeCompanion(uri: string, version: number, text: string, kind: CompanionKind, context: CompanionContext): Promise<CompanionAnalysis> {
  const doc = parseJsonDocument(text);
  // This document is read as the editor has it, whatever the disk holds.
  const files: WorkspaceFiles = { read: (u) => (sameUri(u, uri) ? Promise.resolve(text) : context.files.read(u)), companions: () => context.files.companions() };
  const journeyPath = stringAt(doc.value, 'journey');
  const journeyUri = journeyPath === undefined ? undefined : resolveUri(uri, journeyPath);
  const journeyFile = journeyUri === undefined ? undefined : await readNamed(files, journeyUri);
  const journey = journeyFile ? context.journeyAnalysis(journeyFile.uri, journeyFile.text) : undefined;
  let timeline: NamedFile | undefined = { uri, text, doc };
  if (kind === 'scenario') {
    const timelinePath = stringAt(doc.value, 'timeline');
    timeline = timelinePath === undefined ? undefined : await readNamed(files, resolveUri(uri, timelinePath));
  }

  const scenarioFiles: ScenarioFiles = { readText: (u) => files.read(u), resolve: resolveUri };
  const naming = { displayName: (file: string) => displayName(uri, file), withWarnings: kind === 'timeline' };
  const problems = kind === 'timeline' ? await checkTimelineFile(uri, scenarioFiles, naming) : await checkScenarioFile(uri, scenarioFiles, naming);

  const lines = new LineIndex(text);
  const range = (offset: number, length: number) => ({ start: lines.positionAt(offset), end: lines.positionAt(offset + length) });
  const own = (d: JourneyDiagnostic): Diagnostic => ({
    range: range(d.offset, d.length),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: `journey ${d.rule}`,
    message: d.message,
    data: { rule: d.rule, path: d.path, ...(d.data ?? {}) },
  });
  const diagnostics: Diagnostic[] = [];
  const elsewhere = new Map<string, FileProblem[]>();
  for (const problem of problems) {
    if (sameUri(problem.file, uri)) {
      if (!(context.clientValidatesSchemas && problem.diagnostic.rule === 'schema')) diagnostics.push(own(problem.diagnostic));
    } else {
      const list = elsewhere.get(problem.file) ?? [];
      list.push(problem);
      elsewhere.set(problem.file, list);
    }
  }
  // A problem of another file, once, at the path that names that file.
  for (const [file, list] of elsewhere) {
    const key = journeyUri !== undefined && sameUri(file, journeyUri) ? 'journey' : 'timeline';
    const span = valueSpan(doc, [key]);
    const first = list[0]!;
    const name = displayName(uri, file);
    const at = first.position ? `${name}:${first.position.line + 1}:${first.position.character + 1}` : name;
    const unreadable = first.diagnostic.code === 'io.unreadable';
    diagnostics.push({
      range: range(span.offset, span.length),
      severity: kind === 'scenario' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: unreadable ? 'reference.unreadable-file' : 'reference.file-has-errors',
      source: 'journey reference',
      message: unreadable
        ? `${first.diagnostic.message}. Give the path of the ${key}, relative to this file.`
        : `The ${key} ${name} has ${list.length} error${list.length === 1 ? '' : 's'}${kind === 'scenario' ? ', so this scenario cannot run' : ''}; first: ${first.diagnostic.message} (${at}).`,
      data: { rule: 'reference', path: [key], file },
    });
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return new CompanionAnalysis(uri, version, text, kind, doc, journey, timeline, diagnostics);
}
