// How a starting point or journey point is described in hovers, completion
// items and the outline: its type label, its one-line summary (from
// pointSummary.ts, when the node fits the schema), its title, where it leads
// and what leads to it, and the rules that govern it.
import { successorRefs } from '../src/core/edits/nodeReferences';
import { holdsTooDeepFilter } from '../src/core/filterDepth';
import { POINT_TYPE_LABELS, summarizeFilter, summarizePoint, summarizeTrigger } from '../src/core/pointSummary';
import { JourneyPoint, StartingPoint } from '../src/core/schema';
import type { JourneyIndex, NodeEntry } from './journeyIndex';
import { POINT_TYPE_DOCS, TRIGGER_TYPE_DOCS } from './ruleDocs';

export interface EntryDescription {
  /** "Starting point" or the point type's label ("Wait for event"). */
  typeLabel: string;
  /** The one-line summary, when the node fits the schema. */
  summary: string | undefined;
  /** The filter of a starting point, summarized. */
  filter: string | undefined;
  title: string | undefined;
  /** Where it leads: `yes → p3`. */
  successors: { label: string; to: string | undefined }[];
  /** What leads to it: ids and labels of the references to it. */
  incoming: { from: string; label: string }[];
  rules: string[];
}

const STARTING_POINT_RULES = ['R1', 'R2', 'R3', 'R7'];

/** The schema check and the summaries recurse into filters: absurdly deep ones give no summary rather than a throw. */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function describeEntry(entry: NodeEntry, index: JourneyIndex): EntryDescription {
  const value = entry.value as Record<string, unknown>;
  const title = typeof value['title'] === 'string' ? value['title'] : typeof value['name'] === 'string' ? value['name'] : undefined;
  const incoming = index
    .referencesTo(entry.id)
    .filter((r) => r.kind === 'successor' && r.owner)
    .map((r) => ({ from: r.owner!.id, label: r.label }));
  const successors = successorRefs(entry.kind, entry.value).map((r) => ({ label: r.label, to: r.to }));
  if (entry.kind === 'start') {
    const parsed = holdsTooDeepFilter(entry.value) ? undefined : attempt(() => StartingPoint.safeParse(entry.value));
    const triggerDoc = entry.type ? TRIGGER_TYPE_DOCS[entry.type as keyof typeof TRIGGER_TYPE_DOCS] : undefined;
    const filter = parsed?.success ? parsed.data.filter : undefined;
    return {
      typeLabel: 'Starting point',
      summary: parsed?.success ? summarizeTrigger(parsed.data.trigger) : triggerDoc?.label,
      filter: filter ? attempt(() => summarizeFilter(filter)) : undefined,
      title,
      successors,
      incoming,
      rules: [...new Set([...STARTING_POINT_RULES, ...(triggerDoc?.rules ?? [])])].sort(byRuleNumber),
    };
  }
  const parsed = holdsTooDeepFilter(entry.value) ? undefined : attempt(() => JourneyPoint.safeParse(entry.value));
  const type = entry.type as keyof typeof POINT_TYPE_LABELS | undefined;
  const known = type !== undefined && type in POINT_TYPE_LABELS;
  return {
    typeLabel: known ? POINT_TYPE_LABELS[type] : `Unknown type "${entry.type ?? ''}"`,
    summary: parsed?.success ? attempt(() => summarizePoint(parsed.data)) : undefined,
    filter: undefined,
    title,
    successors,
    incoming,
    rules: ['R4', ...(known ? POINT_TYPE_DOCS[type].rules : [])].sort(byRuleNumber),
  };
}

function byRuleNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
