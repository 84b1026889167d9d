// The core's journey edits (the ones the map uses) as the language features
// call them: an edit that fails on an odd document (e.g. one nested deeper
// than the parser can follow) is a refusal with a message, never a throw.
import { type EditOutcome, journeyEditFor } from '../src/core/edits/journeyEdit';
import type { JourneyOperation } from '../src/core/edits/journeyOperation';

export function coreEdit(text: string, operation: JourneyOperation): EditOutcome {
  try {
    return journeyEditFor(text, operation);
  } catch (error) {
    return { ok: false, error: `The journey cannot be edited as it is: ${error instanceof RangeError ? 'it is nested too deeply' : error instanceof Error ? error.message : String(error)}.` };
  }
}
