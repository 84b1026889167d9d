// Validates documents with the core and publishes LSP diagnostics: debounced
// while typing (200 ms), immediately on open, and never for a stale version
// (a result computed for version N is dropped if the document moved on).
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JourneyDiagnostic, Severity } from '../src/core/diagnostic';
import { validateJourneyText } from '../src/core/validate';

export const DEBOUNCE_MS = 200;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(document: TextDocument, d: JourneyDiagnostic): Diagnostic {
  return {
    range: { start: document.positionAt(d.offset), end: document.positionAt(d.offset + d.length) },
    severity: SEVERITY[d.severity],
    code: d.code,
    source: `journey ${d.rule}`,
    message: d.message,
    data: { rule: d.rule, path: d.path, ...(d.data ?? {}) },
  };
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  schedule(document: TextDocument): void {
    this.cancel(document.uri);
    this.timers.set(document.uri, setTimeout(() => this.validateNow(document), DEBOUNCE_MS));
  }

  validateNow(document: TextDocument): void {
    this.cancel(document.uri);
    const version = document.version;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = validateJourneyText(document.getText()).diagnostics.map((d) => toLspDiagnostic(document, d));
    } catch (error) {
      this.connection.console.error(`journey: validation failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const current = this.documents.get(document.uri);
    if (!current || current.version !== version) return; // stale: a newer version is already scheduled
    void this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
