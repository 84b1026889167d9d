// Builds the property changes the inspector sends: a value to set at a
// path, nothing to remove it, or an insertion into an array.
import type { FieldChange } from '../../src/core/edits/journeyOperation';
import type { JsonPath } from '../../src/core/jsonDocument';

export function change(path: JsonPath, value?: unknown, insert = false): FieldChange {
  return { path, ...(value !== undefined ? { value: value as FieldChange['value'] } : {}), ...(insert ? { insert: true } : {}) };
}
