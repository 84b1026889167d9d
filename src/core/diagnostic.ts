// The diagnostic every check of the core produces: a stable code, the rule
// it enforces, a message that states the rule and the fix, and the exact
// character span it belongs to. The language server, the CLI and the
// designer each turn it into their own form.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule of src/core/semantics.md (R0..R23), the file format itself, or a name another file must define (scenarios, timelines). */
export type RuleId = `R${number}` | 'syntax' | 'schema' | 'reference';

/** What a quick fix needs to know, attached to the diagnostic that offers it. */
export type FixData = Record<string, unknown>;

export interface JourneyDiagnostic {
  /** Stable machine-readable code, e.g. `schema.unknown-property`, `R4.dangling-reference`. */
  code: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Character offset of the span the diagnostic belongs to. */
  offset: number;
  length: number;
  /** The JSON path of the node the span covers, for the designer's badges. */
  path: (string | number)[];
  data?: FixData;
}

export function isError(d: JourneyDiagnostic): boolean {
  return d.severity === 'error';
}
