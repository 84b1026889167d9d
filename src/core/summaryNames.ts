// The names summaries use for what a journey declares: a content item's
// `name`, a point's `title`, a list's, campaign's, form's or segment's
// `name`, falling back to the id when there is none. Works on the raw JSON
// value (a journey that does not fit the schema still gets names). Pure.
import { arrayField, isObject, stringField } from './edits/nodeReferences';
import type { SummaryNames } from './pointSummary';

function nameTable(value: unknown, section: string, key: 'name' | 'title'): (id: string) => string {
  const names = new Map<string, string>();
  for (const item of arrayField(value, section)) {
    const id = stringField(item, 'id');
    const name = stringField(item, key);
    if (id !== undefined && name !== undefined && name.trim() !== '' && !names.has(id)) names.set(id, name);
  }
  return (id) => names.get(id) ?? id;
}

export function summaryNamesOf(value: unknown): SummaryNames {
  const journey = isObject(value) ? value : {};
  return {
    content: nameTable(journey, 'content', 'name'),
    point: nameTable(journey, 'points', 'title'),
    list: nameTable(journey, 'lists', 'name'),
    campaign: nameTable(journey, 'campaigns', 'name'),
    form: nameTable(journey, 'forms', 'name'),
    segment: nameTable(journey, 'segments', 'name'),
  };
}
