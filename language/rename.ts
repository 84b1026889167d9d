// Rename of a starting point or journey point id, from its definition or
// from any place that names it: the id, every successor, every awaited
// event and exit criterion watching it, and its map pin change together,
// as with the map's "Rename" (a new id that is taken or not an id, a
// document that is not valid JSON, or a published journey (R22) is refused
// with the same message). The edits replace just the quoted names, so every
// other character, formatting included, stays.
import { LSPErrorCodes, type Position, type Range, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { isPublished } from '../src/core/edits/journeyEdit';
import { usedIds } from '../src/core/edits/newNodes';
import { isObject } from '../src/core/edits/nodeReferences';
import { isReservedName, reservedIdRefusal } from '../src/core/reservedNames';
import { Id } from '../src/core/schema';
import type { DocumentAnalysis } from './documentAnalysis';
import { toWorkspaceEdit } from './workspaceEdits';

const refuse = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);

/** The id under the cursor, if it is one of a node or a reference to one. */
function renameTarget(analysis: DocumentAnalysis, position: Position): { id: string; offset: number; length: number } | undefined {
  const occurrence = analysis.index.occurrenceAt(analysis.offsetAt(position));
  if (!occurrence || occurrence.kind === 'declaration') return undefined;
  const id = occurrence.kind === 'definition' ? occurrence.entry.id : occurrence.reference.id;
  return { id, offset: occurrence.node.offset + 1, length: Math.max(0, occurrence.node.length - 2) };
}

/**
 * Why the rename may not be made, in the words of the core's rename edit
 * (the map's), or undefined. Checked here rather than by running that edit,
 * which re-parses the document once per reference.
 */
function renameRefusal(analysis: DocumentAnalysis, id: string, newId: string): string | undefined {
  if (analysis.doc.syntaxErrors.length > 0 || !isObject(analysis.doc.value)) return 'The document is not valid JSON, so the map does not change it: fix it in the text editor first.';
  if (isPublished(analysis.doc.value)) return 'This journey version is published and frozen (R22): choose "Edit as new version" to change it.';
  if (!analysis.index.byId.has(id)) return `There is no point "${id}" in the journey any more.`;
  if (newId === id) return `"${id}" already has that id.`;
  if (!Id.safeParse(newId).success) return `"${newId}" is not an id: start with a letter or _, then use letters, digits, _ . -`;
  if (isReservedName(newId)) return reservedIdRefusal(newId);
  if (usedIds(analysis.doc.value).has(newId)) return `"${newId}" is already the id of another point.`;
  return undefined;
}

export function prepareRename(analysis: DocumentAnalysis, position: Position): { range: Range; placeholder: string } {
  const target = renameTarget(analysis, position);
  if (!target) throw refuse('Only the id of a starting point or journey point can be renamed here: put the cursor on an id or on a reference to one.');
  if (!analysis.index.byId.has(target.id)) throw refuse(`No starting point or journey point has the id "${target.id}", so there is nothing to rename (R4).`);
  return { range: analysis.range(target.offset, target.length), placeholder: target.id };
}

export function rename(analysis: DocumentAnalysis, position: Position, newName: string, options: { versioned: boolean }): WorkspaceEdit {
  const target = renameTarget(analysis, position);
  if (!target) throw refuse('Only the id of a starting point or journey point can be renamed.');
  const refusal = renameRefusal(analysis, target.id, newName);
  if (refusal) throw refuse(refusal);
  const { index } = analysis;
  const entry = index.byId.get(target.id)!;
  // The same places the core renames: a journey point everywhere it is named, a starting point only on the map.
  const names = [entry.idNode, ...index.referencesTo(target.id).filter((r) => entry.kind === 'point' || r.kind === 'map-pin').map((r) => r.node)];
  const edits = names.map((node) => ({ offset: node.offset, length: node.length, content: JSON.stringify(newName) }));
  return toWorkspaceEdit(analysis, edits, options.versioned);
}
