// Rename of a starting point or journey point id, a content item, a list or
// a tag, from its definition or from any place that names it. In the
// journey: a point's id, every successor, every awaited event and exit
// criterion watching it, and its map pin change together, as with the map's
// "Rename"; a content item, list or tag changes in its declaration and every
// value that names it. Across files (renameAcrossFiles): every timeline and
// scenario of the workspace that belongs to the journey (companionNames.ts
// says where they name what) changes with it. A new name that is taken or
// not an id, a document that is not valid JSON, or a published journey
// (R22) is refused with the map's message. The edits replace just the
// quoted names, so every other character, formatting included, stays.
import { LSPErrorCodes, type Position, type Range, ResponseError, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { companionKindOf, type NameSite, nameSites } from '../src/core/companionNames';
import { isPublished } from '../src/core/edits/journeyEdit';
import { usedIds } from '../src/core/edits/newNodes';
import { isObject } from '../src/core/edits/nodeReferences';
import type { TextEdit } from '../src/core/edits/textEdits';
import { keySpan, parseJsonDocument, valueSpan } from '../src/core/jsonDocument';
import { isReservedName, reservedIdRefusal } from '../src/core/reservedNames';
import { Id } from '../src/core/schema';
import { LineIndex } from '../src/core/textPosition';
import type { DocumentAnalysis } from './documentAnalysis';
import { nameUsages, targetAt } from './navigation';
import { resolveUri, sameUri } from './workspaceFiles';
import { toLspEdits, toWorkspaceEdit } from './workspaceEdits';

const refuse = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);

/** What a rename changes: a point (by id) or a declared name. */
export type RenameTarget = { kind: 'point'; id: string } | { kind: 'content' | 'list' | 'tag'; name: string };

const RENAMED_NAMES = new Set(['content', 'list', 'tag']);
const WORDS = { content: 'content item', list: 'list', tag: 'tag' } as const;

/** The id or renamable name under the cursor, with the span of the name without its quotes. */
export function renameTargetAt(analysis: DocumentAnalysis, position: Position): (RenameTarget & { offset: number; length: number }) | undefined {
  const offset = analysis.offsetAt(position);
  const occurrence = analysis.index.occurrenceAt(offset);
  if (occurrence && occurrence.kind !== 'declaration') {
    const id = occurrence.kind === 'definition' ? occurrence.entry.id : occurrence.reference.id;
    return { kind: 'point', id, offset: occurrence.node.offset + 1, length: Math.max(0, occurrence.node.length - 2) };
  }
  const target = targetAt(analysis, offset);
  if (target?.kind === 'name' && RENAMED_NAMES.has(target.declaration)) {
    return { kind: target.declaration as 'content' | 'list' | 'tag', name: target.name, offset: target.node.offset + 1, length: Math.max(0, target.node.length - 2) };
  }
  return undefined;
}

const NOT_HERE = 'Only the id of a starting point or journey point, a content item, a list or a tag can be renamed: put the cursor on one or on a reference to one.';

/**
 * Why the rename may not be made, in the words of the core's rename edit
 * (the map's), or undefined. Checked here rather than by running that edit,
 * which re-parses the document once per reference.
 */
function renameRefusal(analysis: DocumentAnalysis, target: RenameTarget, newName: string): string | undefined {
  if (analysis.doc.syntaxErrors.length > 0 || !isObject(analysis.doc.value)) return 'The document is not valid JSON, so the map does not change it: fix it in the text editor first.';
  if (isPublished(analysis.doc.value)) return 'This journey version is published and frozen (R22): choose "Edit as new version" to change it.';
  if (target.kind === 'point') {
    const id = target.id;
    if (!analysis.index.byId.has(id)) return `There is no point "${id}" in the journey any more.`;
    if (newName === id) return `"${id}" already has that id.`;
    if (!Id.safeParse(newName).success) return `"${newName}" is not an id: start with a letter or _, then use letters, digits, _ . -`;
    if (isReservedName(newName)) return reservedIdRefusal(newName);
    if (usedIds(analysis.doc.value).has(newName)) return `"${newName}" is already the id of another point.`;
    return undefined;
  }
  const word = WORDS[target.kind];
  if (newName === target.name) return `The ${word} is already called "${newName}".`;
  if (target.kind === 'tag' ? newName.trim().length === 0 : !Id.safeParse(newName).success) return target.kind === 'tag' ? 'A tag needs a name.' : `"${newName}" is not an id: start with a letter or _, then use letters, digits, _ . -`;
  if (target.kind !== 'tag' && isReservedName(newName)) return reservedIdRefusal(newName);
  if (analysis.index.declared(target.kind).some((d) => d.name === newName) || nameUsages(analysis, target.kind, newName).length > 0) return `The journey already has a ${word} "${newName}": renaming "${target.name}" to it would merge the two.`;
  return undefined;
}

export function prepareRename(analysis: DocumentAnalysis, position: Position): { range: Range; placeholder: string } {
  const target = renameTargetAt(analysis, position);
  if (!target) throw refuse(NOT_HERE);
  if (target.kind === 'point') {
    if (!analysis.index.byId.has(target.id)) throw refuse(`No starting point or journey point has the id "${target.id}", so there is nothing to rename (R4).`);
    return { range: analysis.range(target.offset, target.length), placeholder: target.id };
  }
  return { range: analysis.range(target.offset, target.length), placeholder: target.name };
}

/** The edits of the journey itself, or a refusal. */
export function journeyRenameEdits(analysis: DocumentAnalysis, target: RenameTarget, newName: string): TextEdit[] {
  const refusal = renameRefusal(analysis, target, newName);
  if (refusal) throw refuse(refusal);
  const content = JSON.stringify(newName);
  if (target.kind === 'point') {
    const { index } = analysis;
    const entry = index.byId.get(target.id)!;
    // The same places the core renames: a journey point everywhere it is named, a starting point only on the map.
    const names = [entry.idNode, ...index.referencesTo(target.id).filter((r) => entry.kind === 'point' || r.kind === 'map-pin').map((r) => r.node)];
    return names.map((node) => ({ offset: node.offset, length: node.length, content }));
  }
  const nodes = [...analysis.index.declared(target.kind).filter((d) => d.name === target.name).map((d) => d.node), ...nameUsages(analysis, target.kind, target.name)];
  return nodes.map((node) => ({ offset: node.offset, length: node.length, content }));
}

/** The rename in the journey document alone. */
export function rename(analysis: DocumentAnalysis, position: Position, newName: string, options: { versioned: boolean }): WorkspaceEdit {
  const target = renameTargetAt(analysis, position);
  if (!target) throw refuse(NOT_HERE);
  return toWorkspaceEdit(analysis, journeyRenameEdits(analysis, target, newName), options.versioned);
}

/** A timeline or scenario file, with the version of its open document (undefined when it is not open). */
export interface CompanionFile {
  uri: string;
  text: string;
  version: number | undefined;
}

/** Whether a name site of a companion file names the target (a starting point of the journey `isStart`). */
function namesTarget(site: NameSite, fileKind: 'timeline' | 'scenario', target: RenameTarget, isStart: boolean): boolean {
  if (target.kind === 'point') {
    if (site.name !== target.id) return false;
    if (site.kind === 'point') return fileKind === 'scenario' || !isStart;
    return site.kind === 'startingPoint' && isStart;
  }
  return site.kind === target.kind && site.name === target.name;
}

/**
 * The edits of every timeline and scenario of `companions` that belongs to
 * the journey `journeyUri`: a scenario or timeline whose `journey` is it,
 * and the timeline such a scenario replays.
 */
export function companionRenameEdits(journeyUri: string, isStart: boolean, target: RenameTarget, newName: string, companions: readonly CompanionFile[]): { file: CompanionFile; edits: LspTextEdit[] }[] {
  const parsed = companions.flatMap((file) => {
    const kind = companionKindOf(file.uri);
    if (!kind) return [];
    const doc = parseJsonDocument(file.text);
    if (!isObject(doc.value)) return [];
    return [{ file, kind, doc, value: doc.value }];
  });
  const belongs = new Set<string>();
  for (const p of parsed) {
    const journey = p.value['journey'];
    if (typeof journey !== 'string' || !sameUri(resolveUri(p.file.uri, journey), journeyUri)) continue;
    belongs.add(p.file.uri);
    const timeline = p.value['timeline'];
    if (p.kind === 'scenario' && typeof timeline === 'string') {
      const timelineUri = resolveUri(p.file.uri, timeline);
      for (const q of parsed) if (sameUri(q.file.uri, timelineUri)) belongs.add(q.file.uri);
    }
  }
  const content = JSON.stringify(newName);
  return parsed
    .filter((p) => belongs.has(p.file.uri))
    .map((p) => {
      const lines = new LineIndex(p.file.text);
      const edits = nameSites(p.kind, p.value)
        .filter((site) => namesTarget(site, p.kind, target, isStart))
        .map((site) => {
          const span = (site.onKey ? keySpan(p.doc, site.path) : undefined) ?? valueSpan(p.doc, site.path);
          return { range: { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) }, newText: content };
        });
      return { file: p.file, edits };
    })
    .filter((c) => c.edits.length > 0);
}

/** The journey's own edits and those of its timelines and scenarios, as one workspace edit. */
export function renameAcrossFiles(analysis: DocumentAnalysis, target: RenameTarget, newName: string, companions: readonly CompanionFile[], options: { versioned: boolean; journeyOpen: boolean }): WorkspaceEdit {
  const ownEdits = toLspEdits(analysis, journeyRenameEdits(analysis, target, newName));
  const own: WorkspaceEdit = options.versioned
    ? { documentChanges: [{ textDocument: { uri: analysis.uri, version: options.journeyOpen ? analysis.version : null }, edits: ownEdits }] }
    : { changes: { [analysis.uri]: ownEdits } };
  const isStart = target.kind === 'point' && analysis.index.byId.get(target.id)?.kind === 'start';
  const others = companionRenameEdits(analysis.uri, isStart, target, newName, companions.filter((c) => !sameUri(c.uri, analysis.uri)));
  if (options.versioned) {
    return { documentChanges: [...(own.documentChanges ?? []), ...others.map(({ file, edits }) => ({ textDocument: { uri: file.uri, version: file.version ?? null }, edits }))] };
  }
  const changes = { ...(own.changes ?? {}) };
  for (const { file, edits } of others) changes[file.uri] = edits;
  return { changes };
}
