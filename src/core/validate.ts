// Validates journey text: JSON syntax, then the zod schema, then the
// semantic rules on the same tree (also, with schema problems present, on
// the parts they leave well-formed: every problem at once); every
// diagnostic located at its exact span. The single entry point for the language server, the CLI, the
// designer and the publish gate. Never throws on any input.
import type { JourneyDiagnostic } from './diagnostic';
import { closestName, SuggestionBudget } from './editDistance';
import { filterTooDeepAt, MAX_FILTER_DEPTH } from './filterDepth';
import { buildGraph } from './graph';
import { type JsonDocument, type JsonPath, keySpan, objectAnchorSpan, parseJsonDocument, type Span, valueSpan } from './jsonDocument';
import { reservedNameDiagnostics } from './reservedNames';
import { allRules } from './rules/index';
import type { JourneyRule, RuleContext, ValidationOptions } from './rules/ruleContext';
import { Journey } from './schema';
import { schemaDiagnostics } from './schemaDiagnostics';
import { findingsOutsideStandIns, salvageJourney } from './schemaSalvage';

export type { PublishedVersion } from './rules/ruleContext';
export type { ValidationOptions };

export interface ValidationResult {
  doc: JsonDocument;
  /** The journey, when the text is valid JSON that fits the schema. */
  journey?: Journey;
  diagnostics: JourneyDiagnostic[];
}

export function validateJourneyText(text: string, options: ValidationOptions = {}, rules: readonly JourneyRule[] = allRules): ValidationResult {
  const doc = parseJsonDocument(text);
  // (`doc.value` first: the tree is built lazily, only when a span is needed.)
  if (doc.syntaxErrors.length > 0 || (doc.value === undefined && doc.root === undefined)) {
    const diagnostics = doc.syntaxErrors.length > 0 ? doc.syntaxErrors : [emptyDocument()];
    return { doc, diagnostics };
  }
  const tooDeep = filterTooDeep(doc);
  if (tooDeep) return { doc, diagnostics: [tooDeep] };
  // Reserved names are refused like schema errors: the rules never see them.
  const reserved = reservedNameDiagnostics(doc);
  try {
    const parsed = Journey.safeParse(doc.value);
    if (!parsed.success) {
      const schemaProblems = [...reserved, ...schemaDiagnostics(doc, Journey, parsed.error.issues)];
      // Every problem at once: the rules check what the schema problems leave well-formed (schemaSalvage.ts).
      const salvage = reserved.length === 0 ? salvageJourney(doc.value, parsed.error.issues) : undefined;
      if (!salvage) return { doc, diagnostics: schemaProblems };
      return { doc, diagnostics: [...schemaProblems, ...findingsOutsideStandIns(runRules(doc, salvage.journey, options, rules), salvage)] };
    }
    if (reserved.length > 0) return { doc, diagnostics: reserved };
    const journey = parsed.data;
    return { doc, journey, diagnostics: runRules(doc, journey, options, rules) };
  } catch (error) {
    // The schema recurses once per nested filter: absurd nesting overflows the stack.
    return { doc, diagnostics: [uncheckable(error)] };
  }
}

export { MAX_FILTER_DEPTH };

/**
 * The first filter nested deeper than MAX_FILTER_DEPTH (filterDepth.ts), as a
 * located error, before anything recursive (the schema, the rules, the
 * simulator) reads the filters.
 */
function filterTooDeep(doc: JsonDocument): JourneyDiagnostic | undefined {
  const root = doc.value;
  if (typeof root !== 'object' || root === null) return undefined;
  const sites: { filter: unknown; path: JsonPath }[] = [];
  const collect = (owner: unknown, key: string, property: string, base: JsonPath) => {
    const items = typeof owner === 'object' && owner !== null && Object.hasOwn(owner, key) ? (owner as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(items)) return;
    items.forEach((item: unknown, i) => {
      if (typeof item === 'object' && item !== null && Object.hasOwn(item, property)) sites.push({ filter: (item as Record<string, unknown>)[property], path: [...base, key, i, property] });
    });
  };
  const record = root as Record<string, unknown>;
  collect(record, 'startingPoints', 'filter', []);
  collect(record, 'points', 'condition', []);
  collect(Object.hasOwn(record, 'settings') ? record['settings'] : undefined, 'exitCriteria', 'condition', ['settings']);
  for (const site of sites) {
    const at = filterTooDeepAt(site.filter);
    if (at === undefined) continue;
    const path = [...site.path, ...at];
    return {
      code: 'schema.filter-too-deep',
      rule: 'schema',
      severity: 'error',
      message: `This filter is nested more than ${MAX_FILTER_DEPTH} levels deep (all / any / not inside one another): a journey accepts at most ${MAX_FILTER_DEPTH} levels, and none needs that many (R3). Flatten it: an all inside an all, or an any inside an any, can be merged into one group.`,
      ...objectAnchorSpan(doc, path),
      path,
    };
  }
  return undefined;
}

function uncheckable(error: unknown): JourneyDiagnostic {
  const tooDeep = error instanceof RangeError;
  return {
    code: tooDeep ? 'schema.too-deep' : 'internal.schema-failed',
    rule: 'schema',
    severity: 'error',
    message: tooDeep
      ? 'The journey is nested too deeply to check (filters inside filters thousands of levels deep); flatten it.'
      : `The journey could not be checked: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
    offset: 0,
    length: 1,
    path: [],
  };
}

export function runRules(doc: JsonDocument, journey: Journey, options: ValidationOptions, rules: readonly JourneyRule[]): JourneyDiagnostic[] {
  const diagnostics: JourneyDiagnostic[] = [];
  const budget = new SuggestionBudget();
  const spanOf = (path: JsonPath, on: 'key' | 'value' | 'object' = 'value'): Span =>
    on === 'key' ? (keySpan(doc, path) ?? valueSpan(doc, path)) : on === 'object' ? objectAnchorSpan(doc, path) : valueSpan(doc, path);
  const ctx: RuleContext = {
    doc,
    journey,
    graph: buildGraph(journey),
    options,
    spanOf,
    closestName: (name, candidates) => closestName(name, candidates, budget),
    report: (r) => diagnostics.push({ code: r.code, rule: r.rule, severity: r.severity, message: r.message, ...spanOf(r.path, r.on), path: r.path, ...(r.data ? { data: r.data } : {}) }),
  };
  for (const rule of rules) {
    try {
      rule.check(ctx);
    } catch (error) {
      diagnostics.push({
        // An error, never a warning: a check that did not run cannot vouch for the journey, so publishing is refused.
        code: 'internal.rule-failed',
        rule: rule.rule,
        severity: 'error',
        message: `The ${rule.rule} check (${rule.title}) failed on this document, so the journey cannot be published until it passes: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
        offset: 0,
        length: 1,
        path: [],
      });
    }
  }
  return diagnostics;
}

function emptyDocument(): JourneyDiagnostic {
  return { code: 'syntax.empty', rule: 'syntax', severity: 'error', message: 'The file is empty: a journey is a JSON object with formatVersion, id, name, kind, startingPoints and points.', offset: 0, length: 0, path: [] };
}
