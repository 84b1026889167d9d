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
  /**
   * R22: the published versions kept beside the journey
   * (published/<id>/<id>.v<N>.journey.json) and the source of version
   * `version` if it is one of them; undefined when not known (the rule then
   * judges the journey by its own publication record alone).
   */
  publishedVersion?: (id: string, version: number) => PublishedVersion | undefined;
}

/** What is kept of a journey's published versions (see ValidationOptions.publishedVersion). */
export interface PublishedVersion {
  /** Every version number kept for the journey's id. */
  versions: readonly number[];
  /** The source of the asked version, when it is kept. */
  text?: string;
  /** Where it is kept, as the user reads it (a relative path). */
  location?: string;
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
