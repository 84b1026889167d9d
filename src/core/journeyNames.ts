// The names a journey defines or uses, by kind (points, starting points,
// content, links, lists, segments, tags, forms, campaigns), and the finding
// for a name a scenario or a timeline gives that is not among them: located
// by its JSON path, saying what kind of name it is, that the journey has no
// such one, and the closest known name when it is a likely typo. Pure; used
// by scenarioReferences.ts and timelineReferences.ts.
import type { JourneyDiagnostic, Severity } from './diagnostic';
import { closestName } from './editDistance';
import { type JsonDocument, type JsonPath, keySpan, valueSpan } from './jsonDocument';
import type { Journey } from './schema';

export type NameKind = 'contact' | 'point' | 'startingPoint' | 'content' | 'link' | 'list' | 'segment' | 'tag' | 'form' | 'campaign' | 'branch';

/** Each kind of name as messages and hovers say it. */
export const KIND_WORDS: Record<NameKind, string> = {
  contact: 'contact',
  point: 'journey point',
  startingPoint: 'starting point',
  content: 'content item',
  link: 'link',
  list: 'list',
  segment: 'segment',
  tag: 'tag',
  form: 'form',
  campaign: 'campaign',
  branch: 'branch',
};

/** A name in a scenario or timeline that its journey (or timeline) does not have, at its JSON path. */
export interface ReferenceFinding {
  path: JsonPath;
  severity: Severity;
  /** `reference.unknown-<kind>`. */
  code: string;
  message: string;
  kind: NameKind;
  name: string;
  suggestion?: string;
  /** The finding is about the key at `path` (a key of a record), not its value. */
  onKey?: boolean;
}

export interface JourneyNames {
  points: Set<string>;
  startingPoints: Set<string>;
  content: Set<string>;
  /** Links by content item id (only content that declares links). */
  linksOf: Map<string, Set<string>>;
  /** Every link the journey names: declared on content or awaited by a wait-for-click. */
  links: Set<string>;
  lists: Set<string>;
  segments: Set<string>;
  tags: Set<string>;
  forms: Set<string>;
  campaigns: Set<string>;
}

/** Collects the string values of the given keys anywhere in a value (triggers, filters, actions, awaited events). */
function collectKeys(value: unknown, keys: Record<string, Set<string>>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const into = keys[k];
        if (into && typeof child === 'string') into.add(child);
        else stack.push(child);
      }
    }
  }
}

export function journeyNames(journey: Journey): JourneyNames {
  const names: JourneyNames = {
    points: new Set(journey.points.map((p) => p.id)),
    startingPoints: new Set(journey.startingPoints.map((s) => s.id)),
    content: new Set((journey.content ?? []).map((c) => c.id)),
    linksOf: new Map((journey.content ?? []).filter((c) => c.links !== undefined).map((c) => [c.id, new Set(c.links)])),
    links: new Set((journey.content ?? []).flatMap((c) => c.links ?? [])),
    lists: new Set((journey.lists ?? []).map((l) => l.id)),
    segments: new Set((journey.segments ?? []).map((s) => s.id)),
    tags: new Set(journey.tags ?? []),
    forms: new Set((journey.forms ?? []).map((f) => f.id)),
    campaigns: new Set((journey.campaigns ?? []).map((c) => c.id)),
  };
  if (journey.segmentEntry?.segment) names.segments.add(journey.segmentEntry.segment);
  for (const c of journey.content ?? []) if (c.list) names.lists.add(c.list);
  collectKeys([journey.startingPoints, journey.points, journey.settings?.exitCriteria ?? []], {
    tag: names.tags,
    list: names.lists,
    segment: names.segments,
    form: names.forms,
    campaign: names.campaigns,
    link: names.links,
  });
  return names;
}

const quoteList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * The finding for `name` of `kind` at `path` when it is not in `known`, else
 * undefined. `where` names the file the name should be in ("journey
 * samples/x.journey.json"). With `onlyIfClose`, a name far from every known
 * one is no finding (it may be legitimate contact data).
 */
export function unknownName(kind: NameKind, name: string, known: ReadonlySet<string>, path: JsonPath, where: string, severity: Severity = 'error', onlyIfClose = false): ReferenceFinding | undefined {
  if (known.has(name)) return undefined;
  const suggestion = closestName(name, known);
  if (onlyIfClose && suggestion === undefined) return undefined;
  const few = [...known].slice(0, 6);
  const hint = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : known.size === 0 ? ` It has no ${KIND_WORDS[kind]}s.` : ` Known: ${quoteList(few)}${known.size > few.length ? ', ...' : ''}.`;
  return {
    path,
    severity,
    code: `reference.unknown-${kind === 'startingPoint' ? 'starting-point' : kind}`,
    message: `There is no ${KIND_WORDS[kind]} "${name}" in ${where}.${hint}`,
    kind,
    name,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}

/** A finding as a diagnostic at the exact value it is about in `doc` (the key, for a key of a record such as a contact's lists). */
export function locateFinding(doc: JsonDocument, f: ReferenceFinding): JourneyDiagnostic {
  const span = (f.onKey ? keySpan(doc, f.path) : undefined) ?? valueSpan(doc, f.path);
  return {
    code: f.code,
    rule: 'reference',
    severity: f.severity,
    message: f.message,
    offset: span.offset,
    length: span.length,
    path: f.path,
    data: { kind: f.kind, name: f.name, ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}) },
  };
}
