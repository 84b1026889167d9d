// Publishes the core's diagnostics as LSP diagnostics: immediately on open,
// and while typing as soon as the burst of changes already received is read
// (a short coalescing delay, not a fixed 200 ms debounce: a validation blocks
// the server, so the keystrokes typed meanwhile queue up and are all applied
// before the next one starts; #16), once per version, and never for a
// stale version (a result computed for version N is dropped if the document
// moved on). The
// validation itself comes from the analysis cache, so a version that a
// completion or hover already validated is not validated again.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JourneyDiagnostic, Severity } from '../src/core/diagnostic';
import type { AnalysisCache, DocumentAnalysis } from './documentAnalysis';

/** Changes that arrive within this of each other are validated once, for the last (the messages of a burst already received are all read first). */
export const DEBOUNCE_MS = 10;
/** At most this many diagnostics are published per document (a garbage file can have hundreds of thousands); a last one says how many more there are. */
export const MAX_PUBLISHED = 1000;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(analysis: DocumentAnalysis, d: JourneyDiagnostic): Diagnostic {
  return {
    range: analysis.range(d.offset, d.length),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: `journey ${d.rule}`,
    message: d.message,
    data: { rule: d.rule, path: d.path, ...(d.data ?? {}) },
  };
}

/**
 * The first U+FFFD (replacement character) of a journey, as a warning: the
 * editor decodes the file itself, and when its bytes are not UTF-8 (a
 * Latin-1 file) it shows U+FFFD for them; saving then replaces the original
 * bytes for good. The CLI refuses such a file outright ([encoding.not-utf8]).
 */
export function replacementCharacterWarning(analysis: DocumentAnalysis): Diagnostic | undefined {
  const offset = analysis.text.indexOf('\uFFFD');
  if (offset < 0) return undefined;
  const count = analysis.text.split('\uFFFD').length - 1;
  return {
    range: analysis.range(offset, 1),
    severity: DiagnosticSeverity.Warning,
    code: 'encoding.replacement-character',
    source: 'journey encoding',
    message: `U+FFFD (the replacement character${count > 1 ? `, ${count} times in this file` : ''}): the file was probably not UTF-8 when it was opened, and saving it replaces the original bytes. Use "Reopen Editor with Encoding" with the file's real encoding, then save it as UTF-8.`,
  };
}

/** The LSP diagnostics of an analysis, capped at MAX_PUBLISHED. */
export function publishable(analysis: DocumentAnalysis): Diagnostic[] {
  const all = analysis.result.diagnostics;
  const encoding = replacementCharacterWarning(analysis);
  const shown = [...(encoding ? [encoding] : []), ...all.slice(0, MAX_PUBLISHED).map((d) => toLspDiagnostic(analysis, d))];
  if (all.length > MAX_PUBLISHED) {
    shown.push({
      range: analysis.range(0, 0),
      severity: DiagnosticSeverity.Information,
      code: 'journey.more-problems',
      source: 'journey',
      message: `${all.length - MAX_PUBLISHED} more problems are not shown; fix the ones above first.`,
    });
  }
  return shown;
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** After the client's shutdown request: nothing is scheduled or sent any more (LSP: the server sends nothing after shutdown). */
  private stopped = false;
  /** The version last published per document: opening a document also reports it changed, and one version is published once. */
  private readonly published = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: AnalysisCache,
    /** Whether a document is a journey this publisher validates (timelines and scenarios have their own). */
    private readonly serves: (uri: string) => boolean = () => true,
    /** Questions the validation of `uri` asked that are not answered yet (R22: the client reads the kept published versions); diagnostics wait for them. */
    private readonly unanswered: (uri: string) => Promise<void> | undefined = () => undefined,
  ) {}

  schedule(document: TextDocument): void {
    this.cancel(document.uri);
    if (this.stopped) return;
    const uri = document.uri;
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      const current = this.documents.get(uri);
      if (current) this.validateNow(current);
    }, DEBOUNCE_MS));
  }

  validateNow(document: TextDocument, force = false): void {
    this.cancel(document.uri);
    if (this.stopped) return;
    const version = document.version;
    if (!force && this.published.get(document.uri) === version) return;
    let diagnostics: Diagnostic[];
    try {
      const analysis = this.analyses.get(document);
      const waiting = this.unanswered(document.uri);
      if (waiting) {
        // Publish once the answers are in (the store then drops the analysis made without them), for this version only.
        void waiting.then(() => {
          const current = this.documents.get(document.uri);
          if (current && current.version === version) this.validateNow(current, force);
        });
        return;
      }
      diagnostics = publishable(analysis);
    } catch (error) {
      this.connection.console.error(`journey: validation failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const current = this.documents.get(document.uri);
    if (!current || current.version !== version) return; // stale: a newer version is already scheduled
    this.published.set(document.uri, version);
    void this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }

  /** Validates every open document again (after a settings change). */
  revalidateAll(): void {
    for (const document of this.documents.all()) if (this.serves(document.uri)) this.validateNow(document, true);
  }

  /** Stops for good: pending validations are dropped and nothing more is sent (the client asked the server to shut down). */
  stop(): void {
    this.stopped = true;
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    if (this.stopped) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
