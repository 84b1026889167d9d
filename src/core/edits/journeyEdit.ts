// The one entry point of journey editing: a meaning-level operation on the
// journey text becomes the smallest list of text edits that performs it
// (jsonc-parser `modify`, the document's own indentation and line ending,
// untouched key order elsewhere), or a refusal a person can act on. Text
// that is not a JSON object is never edited; a published journey (R22)
// accepts only "edit as new version". Pure: the extension host and the
// webview test harness both apply edits with it.
import { parseTree } from 'jsonc-parser';
import { emptyJourneyText } from '../journeyTemplate';
import { Id } from '../schema';
import { parseJsonDocument } from '../jsonDocument';
import { createEditContext, type EditOptions, EditRefused } from './editContext';
import type { JourneyOperation } from './journeyOperation';
import { pinPositions, unpinPositions } from './layoutOperations';
import { isObject } from './nodeReferences';
import { changePointType, connect, deletePoint, insertPoint } from './pointOperations';
import { rename, setFields } from './propertyOperations';
import { addStartingPoint, removeStartingPoint } from './startingPointOperations';
import { EditComposer, type TextEdit } from './textEdits';
import { editAsNewVersion } from './versionOperations';
import { deleteBranches, deletePoints } from './branchOperations';
import { pastePoints } from './clipboardOperations';
import { declare, undeclare } from './declarationOperations';
import { continuePath } from './pathOperations';

export type { EditOptions };

export type EditOutcome =
  | {
      ok: true;
      /** Non-overlapping edits on the original text: one WorkspaceEdit. */
      edits: TextEdit[];
      /** The text after the edits. */
      text: string;
      /** What the edit did, for logs and messages: `Insert Wait after "p3"`. */
      label: string;
      /** The node to select on the map afterwards. */
      select?: string;
    }
  | { ok: false; error: string };

/** Whether the journey value is a published version, frozen by R22. */
export function isPublished(journey: unknown): boolean {
  return isObject(journey) && isObject(journey['publication']);
}

export function journeyEditFor(text: string, operation: JourneyOperation, options: EditOptions = {}): EditOutcome {
  if (operation.op === 'startJourney') return startJourney(text, operation);
  const doc = parseJsonDocument(text);
  if (doc.syntaxErrors.length > 0 || !isObject(doc.value) || !parseTree(text)) {
    return { ok: false, error: 'The document is not valid JSON, so the map does not change it: fix it in the text editor first.' };
  }
  const journey = doc.value;
  if (isPublished(journey) && operation.op !== 'editAsNewVersion') {
    return { ok: false, error: 'This journey version is published and frozen (R22): choose "Edit as new version" to change it.' };
  }
  const composer = new EditComposer(text);
  const ctx = createEditContext(journey, composer, options);
  try {
    const label = perform(ctx, operation);
    const edits = composer.result();
    if (edits.length === 0) return { ok: false, error: 'Nothing to change.' };
    return { ok: true, edits, text: composer.text, label, ...(ctx.select !== undefined ? { select: ctx.select } : {}) };
  } catch (error) {
    if (error instanceof EditRefused) return { ok: false, error: error.message };
    throw error;
  }
}

/** An empty file (only whitespace) becomes the smallest journey, to build on the map. */
function startJourney(text: string, op: Extract<JourneyOperation, { op: 'startJourney' }>): EditOutcome {
  if (text.trim() !== '') return { ok: false, error: 'The file is not empty: the map starts a journey only in an empty file.' };
  if (!Id.safeParse(op.id).success) return { ok: false, error: `"${op.id}" cannot be a journey id: start with a letter or _, then use letters, digits, _ . -` };
  const content = emptyJourneyText({ id: op.id, name: op.name, timeZone: op.timeZone });
  return { ok: true, edits: [{ offset: 0, length: text.length, content }], text: content, label: `Start journey "${op.name}"`, select: 'start' };
}

function perform(ctx: ReturnType<typeof createEditContext>, op: JourneyOperation): string {
  switch (op.op) {
    case 'insertPoint':
      return insertPoint(ctx, op.from, op.slot, op.pointType);
    case 'deletePoint':
      return deletePoint(ctx, op.id, op.reconnectTo);
    case 'connect':
      return connect(ctx, op.from, op.slot, op.to);
    case 'changePointType':
      return changePointType(ctx, op.id, op.pointType);
    case 'addStartingPoint':
      return addStartingPoint(ctx, op.triggerType, op.next);
    case 'removeStartingPoint':
      return removeStartingPoint(ctx, op.id);
    case 'setFields':
      return setFields(ctx, op.target, op.changes);
    case 'rename':
      return rename(ctx, op.id, op.newId);
    case 'pinPositions':
      return pinPositions(ctx, op.positions);
    case 'unpinPositions':
      return unpinPositions(ctx, op.ids);
    case 'editAsNewVersion':
      return editAsNewVersion(ctx);
    case 'deleteBranches':
      return deleteBranches(ctx, op.id, op.keep);
    case 'deletePoints':
      return deletePoints(ctx, op.ids);
    case 'pastePoints':
      return pastePoints(ctx, op.points, op.at);
    case 'continuePath':
      return continuePath(ctx, op.id, op.pointType);
    case 'declare': {
      const label = declare(ctx, op.section, op.entry);
      if (op.use) setFields(ctx, op.use.target, op.use.changes);
      return label;
    }
    case 'startJourney':
      throw new EditRefused('The file already holds a journey.');
    case 'undeclare':
      return undeclare(ctx, op.section, op.key);
  }
}
