// Builds the property changes the inspector sends: a value to set at a
// path, nothing to remove it, or an insertion into an array. A change made
// while a text field commits, setting exactly the typed text, names the text
// the typing started from, so the host merges it into a value changed
// meanwhile (another map, the text editor) instead of overwriting that.
import type { FieldChange } from '../../src/core/edits/journeyOperation';
import type { JsonPath } from '../../src/core/jsonDocument';

let committing: { text: string; base: string } | undefined;

/** Runs a text field's commit handler: changes it builds that set `text` carry `base`. */
export function committingText(text: string, base: string, commit: () => void): void {
  committing = { text, base };
  try {
    commit();
  } finally {
    committing = undefined;
  }
}

export function change(path: JsonPath, value?: unknown, insert = false): FieldChange {
  const base = committing && !insert && value === committing.text ? committing.base : undefined;
  return { path, ...(value !== undefined ? { value: value as FieldChange['value'] } : {}), ...(insert ? { insert: true } : {}), ...(base !== undefined ? { base } : {}) };
}
