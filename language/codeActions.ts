// Quick fixes, computed from the codes and data the core puts on its
// diagnostics: replace a misspelt name with the closest known one (unknown
// property, unknown type, invalid value, and any rule's unknown name with a
// suggestion), create a missing point (R4), remove a starting point over the
// plan's limit (R1), set a default timeout and add a timeout branch (R11),
// turn a published journey into a new version (R22), and the fixes a rule
// names in `data.fix` or proposes for a missing property. Also: a duration
// written as people do ("3 days", "1d", "P3d") becomes ISO (P3D); a missing
// `next` gets the following point or a new end point; an undeclared tag
// with no close match is declared; properties left over after changing a
// type are removed; a duplicate id gets a fresh one (R4); too many starting
// points: raise the plan or the limit (R1). Whether a
// structural fix may be made is decided by the core's journey edits (the
// ones the map uses); the edits themselves are the smallest ones
// (jsonTextEdits.ts: jsonc-parser `modify` in place, insertions and removals
// in the style of their surroundings), so the rest of the document keeps its
// formatting.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { coreEdit } from './coreEdit';
import type { JourneyOperation } from '../src/core/edits/journeyOperation';
import { freshId, usedIds } from '../src/core/edits/newNodes';
import type { TextEdit } from '../src/core/edits/textEdits';
import type { JsonPath } from '../src/core/jsonDocument';
import { isoDurationOf } from '../src/core/durationText';
import { PLAN_LIMITS, PLAN_NAMES } from '../src/core/platformLimits';
import { Duration, Journey, type Plan } from '../src/core/schema';
import { schemaAtPath } from '../src/core/schemaWalk';
import { z } from 'zod';
import type { DocumentAnalysis } from './documentAnalysis';
import { valueAt } from './journeyPaths';
import { appendToArray, remove, removeAll, replaceValue as replaceValueEdits, setProperty } from './jsonTextEdits';
import { toWorkspaceEdit } from './workspaceEdits';

/** The timeout a new or fixed wait-for-event gets when the diagnostic proposes none (R11). */
export const DEFAULT_TIMEOUT = 'P1D';

/** What the core attached to a diagnostic (see toLspDiagnostic). */
interface FixData {
  rule?: string;
  path?: JsonPath;
  suggestion?: unknown;
  property?: unknown;
  missing?: unknown;
  defaultTimeout?: unknown;
  fix?: unknown;
  [key: string]: unknown;
}

export interface CodeActionOptions {
  versioned: boolean;
}

const isPath = (v: unknown): v is JsonPath => Array.isArray(v) && v.every((s) => typeof s === 'string' || typeof s === 'number');
const codeOf = (d: Diagnostic) => (typeof d.code === 'string' ? d.code : String(d.code ?? ''));

export function codeActions(analysis: DocumentAnalysis, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = dataOf(analysis, diagnostic);
    if (!data) continue;
    for (const fix of fixesFor(analysis, codeOf(diagnostic), data)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: toWorkspaceEdit(analysis, fix.edits, options.versioned),
      });
    }
  }
  return actions;
}

/** The diagnostic's data as the client sent it back, else the data of our own diagnostic with the same code at the same range. */
function dataOf(analysis: DocumentAnalysis, diagnostic: Diagnostic): FixData | undefined {
  const sent = diagnostic.data as FixData | undefined;
  if (sent && typeof sent === 'object' && isPath(sent.path)) return sent;
  const start = analysis.offsetAt(diagnostic.range.start);
  const end = analysis.offsetAt(diagnostic.range.end);
  const own = analysis.result.diagnostics.find((d) => d.code === codeOf(diagnostic) && d.offset === start && d.offset + d.length === end);
  return own ? { rule: own.rule, path: own.path, ...(own.data ?? {}) } : undefined;
}

interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

function fixesFor(analysis: DocumentAnalysis, code: string, data: FixData): Fix[] {
  const path = isPath(data.path) ? data.path : [];
  const fixes: (Fix | undefined)[] = [];
  if (typeof data.suggestion === 'string' && data.suggestion !== '') {
    fixes.push(code === 'schema.unknown-property' ? renameProperty(analysis, path, data.suggestion) : replaceValue(analysis, path, data.suggestion));
  }
  if (code === 'R4.dangling-reference' && typeof data.missing === 'string') fixes.push(createPoint(analysis, data.missing));
  if (data.rule === 'R1' && path[0] === 'startingPoints' && typeof path[1] === 'number') fixes.push(removeStartingPoint(analysis, path[1]));
  fixes.push(...timeoutFixes(analysis, code, data, path));
  if (data.rule === 'R22') fixes.push(editAsNewVersion(analysis));
  fixes.push(...namedFixes(analysis, data, path));
  fixes.push(...missingPropertyFixes(analysis, data, path));
  fixes.push(...textFixes(analysis, code, data, path));
  return fixes.filter((f): f is Fix => f !== undefined);
}

/** The fixes of this module's second part (durations, next, tags, leftovers, duplicates, limits). */
function textFixes(analysis: DocumentAnalysis, code: string, data: FixData, path: JsonPath): (Fix | undefined)[] {
  const value = valueAt(analysis.doc.value, path);
  switch (code) {
    case 'schema.invalid-format': {
      if (typeof value !== 'string' || !isDurationPath(analysis, path)) return [];
      const iso = isoDurationOf(value);
      const edits = iso && iso !== value ? editsFor(analysis, () => replaceValueEdits(analysis.doc, path, iso)) : undefined;
      return [edits && { title: `Change "${value}" to the ISO 8601 duration "${iso!}"`, edits, preferred: true }];
    }
    case 'schema.missing-property':
      return data.property === 'next' ? missingNextFixes(analysis, path.slice(0, -1)) : [];
    case 'schema.unknown-property':
      return data.suggestion === undefined || data.suggestion === null ? leftoverFixes(analysis, path) : [];
    case 'R4.duplicate-id': {
      if (typeof data['id'] !== 'string') return [];
      const fresh = freshId(data['id'], usedIds(analysis.doc.value));
      const edits = editsFor(analysis, () => replaceValueEdits(analysis.doc, path, fresh));
      return [edits && { title: `Give this one a new id, "${fresh}" (R4)`, edits, preferred: true }];
    }
    case 'R1.too-many-starting-points':
      return limitFixes(analysis, data);
    default:
      if (data['kind'] === 'tag' && data['declaration'] === 'tags' && typeof data['name'] === 'string' && (data.suggestion === undefined || data.suggestion === null)) return [declareTag(analysis, data['name'])];
      return [];
  }
}

/** Whether the schema wants a duration at `path` (a wait's duration, a timeout, a cooldown ...). */
function isDurationPath(analysis: DocumentAnalysis, path: JsonPath): boolean {
  const schema = schemaAtPath(Journey, analysis.doc.value, path);
  if (!schema) return false;
  // A duration field is described in its own words: compare the pattern it checks.
  const pattern = (s: z.ZodType) => {
    try {
      return (z.toJSONSchema(s, { target: 'draft-7', unrepresentable: 'any' }) as { pattern?: string }).pattern;
    } catch {
      return undefined;
    }
  };
  return schema === Duration || (pattern(schema) !== undefined && pattern(schema) === pattern(Duration));
}

/** A point or starting point without `next`: the point after it in `points`, or a new end point. */
function missingNextFixes(analysis: DocumentAnalysis, objectPath: JsonPath): (Fix | undefined)[] {
  const [section, index] = objectPath;
  if ((section !== 'points' && section !== 'startingPoints') || typeof index !== 'number' || objectPath.length !== 2) return [];
  const ownId = valueAt(analysis.doc.value, [...objectPath, 'id']);
  const following = section === 'points' ? analysis.index.points.find((p) => p.index === index + 1)?.id : analysis.index.points[0]?.id;
  const fixes: (Fix | undefined)[] = [];
  if (following !== undefined && following !== ownId) {
    const edits = editsFor(analysis, () => setProperty(analysis.doc, objectPath, 'next', following));
    fixes.push(edits && { title: `Add "next": "${following}"`, edits, preferred: true });
  }
  const endId = freshId(`${typeof ownId === 'string' ? ownId : 'point'}_end`, usedIds(analysis.doc.value));
  const edits = editsFor(analysis, () => [...setProperty(analysis.doc, objectPath, 'next', endId), ...appendToArray(analysis.doc, ['points'], { id: endId, type: 'end' })]);
  fixes.push(edits && { title: `Add "next" to a new end point "${endId}"`, edits });
  return fixes;
}

/** Properties the object's type does not have (left over after changing `type`): remove this one, or all of them. */
function leftoverFixes(analysis: DocumentAnalysis, path: JsonPath): (Fix | undefined)[] {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  const objectPath = path.slice(0, -1);
  const type = valueAt(analysis.doc.value, [...objectPath, 'type']);
  const because = typeof type === 'string' ? ` ("${type}" does not use it)` : '';
  const one = editsFor(analysis, () => remove(analysis.doc, path));
  const fixes: (Fix | undefined)[] = [one && { title: `Remove property "${key}"${because}`, edits: one, preferred: true }];
  const siblings = analysis.result.diagnostics.filter((d) => d.code === 'schema.unknown-property' && d.path.length === path.length && objectPath.every((s, i) => d.path[i] === s) && d.data?.['suggestion'] === undefined);
  if (siblings.length > 1) {
    const all = editsFor(analysis, () => removeAll(analysis.doc, siblings.map((d) => d.path)));
    fixes.push(all && { title: typeof type === 'string' ? `Remove the ${siblings.length} properties "${type}" does not use` : `Remove the ${siblings.length} properties not allowed here`, edits: all });
  }
  return fixes;
}

/** Declares a tag the journey uses: appended to `tags`, or a new `tags` list. */
function declareTag(analysis: DocumentAnalysis, name: string): Fix | undefined {
  const tags = valueAt(analysis.doc.value, ['tags']);
  const edits = editsFor(analysis, () => (Array.isArray(tags) ? appendToArray(analysis.doc, ['tags'], name) : setProperty(analysis.doc, [], 'tags', [name], ['kind', 'name', 'id'])));
  return edits && { title: `Declare the tag "${name}" in "tags"`, edits };
}

/** R1: a plan that allows as many starting points, or a limit in settings.limits. */
function limitFixes(analysis: DocumentAnalysis, data: FixData): (Fix | undefined)[] {
  const count = typeof data['count'] === 'number' ? data['count'] : undefined;
  if (count === undefined) return [];
  const fixes: (Fix | undefined)[] = [];
  const settingsEdits = (key: string, value: unknown, inLimits: boolean) => () => {
    const settings = valueAt(analysis.doc.value, ['settings']);
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return setProperty(analysis.doc, [], 'settings', inLimits ? { limits: { [key]: value } } : { [key]: value }, ['kind', 'name', 'id']);
    if (!inLimits) return setProperty(analysis.doc, ['settings'], key, value);
    const limits = valueAt(settings, ['limits']);
    return typeof limits === 'object' && limits !== null && !Array.isArray(limits) ? setProperty(analysis.doc, ['settings', 'limits'], key, value) : setProperty(analysis.doc, ['settings'], 'limits', { [key]: value });
  };
  const hasOwnLimit = valueAt(analysis.doc.value, ['settings', 'limits', 'startingPoints']) !== undefined;
  if (!hasOwnLimit && typeof data['plan'] === 'string') {
    const current = data['plan'] as Plan;
    const plans = Object.keys(PLAN_LIMITS) as Plan[];
    const higher = plans.slice(plans.indexOf(current) + 1).find((p) => (PLAN_LIMITS[p].startingPoints ?? Infinity) >= count);
    if (higher) {
      const edits = editsFor(analysis, settingsEdits('plan', higher, false));
      fixes.push(edits && { title: `Raise the plan to ${PLAN_NAMES[higher]}, which allows ${PLAN_LIMITS[higher].startingPoints ?? 'any number of'} starting points (R1)`, edits });
    }
  }
  const edits = editsFor(analysis, settingsEdits('startingPoints', count, true));
  fixes.push(edits && { title: `Set settings.limits.startingPoints to ${count} (your account allows it) (R1)`, edits });
  return fixes;
}

/** The fixes a rule names in `data.fix`. */
function namedFixes(analysis: DocumentAnalysis, data: FixData, path: JsonPath): (Fix | undefined)[] {
  const set = (title: string, at: JsonPath, value: unknown) => {
    const key = at[at.length - 1];
    const edits = editsFor(analysis, () => (value === undefined ? remove(analysis.doc, at) : typeof key === 'string' ? setProperty(analysis.doc, at.slice(0, -1), key, value) : replaceValueEdits(analysis.doc, at, value)));
    return edits && { title, edits };
  };
  switch (data.fix) {
    case 'setStatus':
      return typeof data['status'] === 'string' ? [set(`Set the status to "${data['status']}"`, ['status'], data['status'])] : [];
    case 'setVersion':
      return typeof data['version'] === 'number' ? [set(`Continue as version ${data['version']} (R22)`, ['version'], data['version'])] : [];
    case 'markReady':
      return typeof data['contentIndex'] === 'number' ? [set(`Mark content "${String(data['content'])}" ready (R21)`, ['content', data['contentIndex'], 'status'], 'ready')] : [];
    case 'deletePoint':
      return typeof data['id'] === 'string' ? [deletePoint(analysis, data['id'])] : [];
    case 'removeSegmentEntry':
      return [set('Remove segmentEntry (R19)', ['segmentEntry'], undefined)];
    case 'removeTransactional':
      return [set('Remove "transactional": true (R17)', path, undefined)];
    case 'setTransactional':
      return path[0] === 'content' && typeof path[1] === 'number' ? [set('Mark it "transactional": true (R17)', ['content', path[1], 'transactional'], true)] : [];
    case 'setPercent':
      return isPath(data['at']) && typeof data['percent'] === 'number' ? [set(`Set the last branch to ${data['percent']}% so the split adds up to 100 (R13)`, data['at'], data['percent'])] : [];
    case 'removeValue':
      return path[path.length - 1] === 'value' ? [set('Remove the value (R3)', path, undefined)] : [];
    default:
      return [];
  }
}

/** A rule's missing property (`data.missing`) on the object at the diagnostic's path, with the value it proposes. */
function missingPropertyFixes(analysis: DocumentAnalysis, data: FixData, at: JsonPath): (Fix | undefined)[] {
  if (typeof data.missing !== 'string' || data.missing === '' || analysis.doc.root === undefined) return [];
  // The object it goes into: the diagnostic's own, or `addTo` when the diagnostic is shown elsewhere (R19: on the journey's kind).
  const path = isPath(data['addTo']) ? data['addTo'] : at;
  const object = findNodeAtLocation(analysis.doc.root, path);
  if (object?.type !== 'object' || findNodeAtLocation(object, [data.missing])) return [];
  const values: unknown[] =
    data.suggestion !== undefined ? [data.suggestion]
    : data['default'] !== undefined ? [data['default']]
    : Array.isArray(data['lists']) ? data['lists'].slice(0, 3)
    : [];
  return values.map((value) => {
    const edits = editsFor(analysis, () => setProperty(analysis.doc, path, data.missing as string, value));
    return edits && { title: `Add "${data.missing as string}": ${JSON.stringify(value)}`, edits, preferred: values.length === 1 };
  });
}

/** The edits `make` computes on the analysed text, or undefined if it cannot (or the text is not valid JSON). */
function editsFor(analysis: DocumentAnalysis, make: () => TextEdit[]): TextEdit[] | undefined {
  if (analysis.doc.syntaxErrors.length > 0) return undefined;
  try {
    const edits = make();
    return edits.length ? edits : undefined;
  } catch {
    return undefined;
  }
}

/** Sets the string value at `path` to the suggestion. */
function replaceValue(analysis: DocumentAnalysis, path: JsonPath, suggestion: string): Fix | undefined {
  const node = analysis.doc.root ? findNodeAtLocation(analysis.doc.root, path) : undefined;
  if (node?.type !== 'string' || node.value === suggestion) return undefined;
  const edits = editsFor(analysis, () => replaceValueEdits(analysis.doc, path, suggestion));
  return edits && { title: `Change "${String(node.value)}" to "${suggestion}"`, edits, preferred: true };
}

/** Renames the key of the property at `path` to the suggestion, keeping its value and position. */
function renameProperty(analysis: DocumentAnalysis, path: JsonPath, suggestion: string): Fix | undefined {
  const key = path[path.length - 1];
  const objectNode = analysis.doc.root ? findNodeAtLocation(analysis.doc.root, path.slice(0, -1)) : undefined;
  if (typeof key !== 'string' || objectNode?.type !== 'object') return undefined;
  const properties = objectNode.children ?? [];
  if (properties.some((p) => p.children?.[0]?.value === suggestion)) return undefined;
  const keyNode: Node | undefined = properties.find((p) => p.children?.[0]?.value === key)?.children?.[0];
  if (!keyNode) return undefined;
  return { title: `Rename property "${key}" to "${suggestion}"`, edits: [{ offset: keyNode.offset, length: keyNode.length, content: JSON.stringify(suggestion) }], preferred: true };
}

/** R4: appends an end point with the missing id to `points`. */
function createPoint(analysis: DocumentAnalysis, id: string): Fix | undefined {
  const edits = editsFor(analysis, () => appendToArray(analysis.doc, ['points'], { id, type: 'end' }));
  return edits && { title: `Create the missing point "${id}" (an end point)`, edits };
}

function journeyOperation(analysis: DocumentAnalysis, operation: JourneyOperation, title: string): Fix | undefined {
  const outcome = coreEdit(analysis.text, operation);
  return outcome.ok ? { title, edits: outcome.edits } : undefined;
}

/** R1: removes the starting point over the limit (and its map pin), if the core's edit allows it. */
function removeStartingPoint(analysis: DocumentAnalysis, index: number): Fix | undefined {
  const id = valueAt(analysis.doc.value, ['startingPoints', index, 'id']);
  if (typeof id !== 'string' || !coreEdit(analysis.text, { op: 'removeStartingPoint', id }).ok) return undefined;
  const edits = editsFor(analysis, () => [...remove(analysis.doc, ['startingPoints', index]), ...pinRemoval(analysis, id)]);
  return edits && { title: `Remove starting point "${id}" (R1)`, edits };
}

/** The removal of the map pin of `id`, if it has one. */
function pinRemoval(analysis: DocumentAnalysis, id: string): TextEdit[] {
  const layout = valueAt(analysis.doc.value, ['layout']);
  return typeof layout === 'object' && layout !== null && id in layout ? remove(analysis.doc, ['layout', id]) : [];
}

/** R4: deletes a point nothing leads to (and its pin); a point still named elsewhere is deleted by the core's edit, which reconnects the references. */
function deletePoint(analysis: DocumentAnalysis, id: string): Fix | undefined {
  const title = `Delete the unreachable point "${id}" (R4)`;
  const entry = analysis.index.byId.get(id);
  if (!entry || entry.kind !== 'point' || !coreEdit(analysis.text, { op: 'deletePoint', id }).ok) return undefined;
  if (analysis.index.referencesTo(id).some((r) => r.kind !== 'map-pin')) return journeyOperation(analysis, { op: 'deletePoint', id }, title);
  const edits = editsFor(analysis, () => [...remove(analysis.doc, entry.path), ...pinRemoval(analysis, id)]);
  return edits && { title, edits };
}

/** R22: the published version becomes the next draft version: the core decides the version, the edits touch only status, version and publication. */
function editAsNewVersion(analysis: DocumentAnalysis): Fix | undefined {
  const outcome = coreEdit(analysis.text, { op: 'editAsNewVersion' });
  if (!outcome.ok) return undefined;
  const version = valueAt(JSON.parse(outcome.text), ['version']);
  const edits = editsFor(analysis, () => [
    ...setProperty(analysis.doc, [], 'status', 'draft', ['kind', 'name', 'id']),
    ...setProperty(analysis.doc, [], 'version', version, ['status', 'kind', 'name', 'id']),
    ...remove(analysis.doc, ['publication']),
  ]);
  return edits && { title: `Edit as new version ${String(version)} (R22)`, edits };
}

/** R11: a wait-for-event without a timeout gets one; without a timeout branch, a branch to a new end point. */
function timeoutFixes(analysis: DocumentAnalysis, code: string, data: FixData, path: JsonPath): (Fix | undefined)[] {
  if (path[0] !== 'points' || typeof path[1] !== 'number') return [];
  const pointPath = path.slice(0, 2);
  const point = valueAt(analysis.doc.value, pointPath);
  const isWaitForEvent = valueAt(point, ['type']) === 'waitForEvent';
  const missing = code === 'schema.missing-property' ? path.slice(2).join('.') : undefined;
  const fixes: (Fix | undefined)[] = [];
  const timeout = typeof data.defaultTimeout === 'string' ? data.defaultTimeout : undefined;
  if (timeout || (isWaitForEvent && missing === 'timeout')) {
    const value = timeout ?? DEFAULT_TIMEOUT;
    const edits = editsFor(analysis, () => setProperty(analysis.doc, pointPath, 'timeout', value, ['event', 'type']));
    if (edits) fixes.push({ title: `Set the timeout to ${value} (R11)`, edits, preferred: true });
  }
  const branches = valueAt(point, ['branches']);
  const lacksTimeoutBranch = isWaitForEvent && (missing === 'branches.timeout' || (data.rule === 'R11' && typeof branches === 'object' && branches !== null && !('timeout' in branches)));
  if (lacksTimeoutBranch) {
    const ownId = valueAt(point, ['id']);
    const endId = freshId(`${typeof ownId === 'string' ? ownId : 'wait'}_timeout`, usedIds(analysis.doc.value));
    const edits = editsFor(analysis, () => [
      ...(typeof branches === 'object' && branches !== null && !Array.isArray(branches)
        ? setProperty(analysis.doc, [...pointPath, 'branches'], 'timeout', endId, ['yes'])
        : setProperty(analysis.doc, pointPath, 'branches', { yes: endId, timeout: endId })),
      ...appendToArray(analysis.doc, ['points'], { id: endId, type: 'end' }),
    ]);
    if (edits) fixes.push({ title: `Add a timeout branch to a new end point "${endId}" (R11)`, edits });
  }
  return fixes;
}
