// What a semantic rule sees: the parsed document (for exact spans), the
// schema-valid journey, its graph, and a way to report a diagnostic at a
// JSON path. Each rule of src/core/semantics.md lives in its own module.
import type { JourneyDiagnostic, RuleId, Severity } from '../diagnostic';
import type { JourneyGraph } from '../graph';
import type { JsonDocument, JsonPath, Span } from '../jsonDocument';
import type { Journey } from '../schema';

export interface ValidationOptions {
  /** The current instant, for checks against "now" (R10); defaults to the real clock. */
  now?: Date;
  /** Default plan when the journey declares none (a user setting). */
  defaultPlan?: Journey['settings'] extends infer S ? (S extends { plan?: infer P } ? P : never) : never;
}

export interface Report {
  code: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** The JSON path the diagnostic is about. */
  path: JsonPath;
  /** Put the span on the property key rather than its value. */
  on?: 'key' | 'value' | 'object';
  data?: Record<string, unknown>;
}

export interface RuleContext {
  readonly doc: JsonDocument;
  readonly journey: Journey;
  readonly graph: JourneyGraph;
  readonly options: ValidationOptions;
  report(report: Report): void;
  spanOf(path: JsonPath, on?: Report['on']): Span;
  /** The candidate closest to a misspelt name (editDistance.ts), within the validation's suggestion budget. */
  closestName(name: string, candidates: Iterable<string>): string | undefined;
}

export interface JourneyRule {
  /** The rule of src/core/semantics.md this enforces. */
  rule: RuleId;
  /** What it checks, in a few words, for docs and hover. */
  title: string;
  check(ctx: RuleContext): void;
}

export type { JourneyDiagnostic };
