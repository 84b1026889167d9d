// Where a timeline or a scenario (the journey's "companion" files) names
// something: each JSON path of a `*.timeline.json` or `*.scenario.json` that
// holds a contact id, a journey point or starting point, a content item, a
// link, a list, a segment, a tag, a form or a campaign. One table, read by
// the language server for completion, hover, go to definition and rename
// across files, so they all agree with the checks of timelineReferences.ts
// and scenarioReferences.ts. Pure; reads only paths and raw values, so it
// works on files that do not fit their schema yet.
import type { JsonPath } from './jsonDocument';
import type { NameKind } from './journeyNames';

export type CompanionKind = 'timeline' | 'scenario';

/** What a file is, by its name (a URI or a path). */
export function companionKindOf(file: string): CompanionKind | undefined {
  if (/\.timeline\.json$/i.test(file)) return 'timeline';
  if (/\.scenario\.json$/i.test(file)) return 'scenario';
  return undefined;
}

/** The names an event of each type gives, by property. */
const EVENT_NAMES: Record<string, NameKind> = {
  contact: 'contact',
  content: 'content',
  point: 'point',
  link: 'link',
  startingPoint: 'startingPoint',
  tag: 'tag',
  list: 'list',
  segment: 'segment',
  form: 'form',
  campaign: 'campaign',
};

const EXPECTATION_NAMES: Record<string, NameKind> = { contact: 'contact', point: 'point', content: 'content', branch: 'branch' };

const isIndex = (segment: string | number | undefined) => typeof segment === 'number';

/**
 * The kind of name the string at `path` gives (for a key of a record, such
 * as a contact's `lists`, the key), or undefined. A scenario's `point` may
 * also name a starting point (where a contact enters): it is given as
 * 'point' and resolved against both.
 */
export function nameKindAt(kind: CompanionKind, path: JsonPath): NameKind | undefined {
  const [section, index, key, sub] = path;
  if (!isIndex(index) || typeof key !== 'string') return undefined;
  if (kind === 'scenario') return section === 'expectations' && path.length === 3 && Object.hasOwn(EXPECTATION_NAMES, key) ? EXPECTATION_NAMES[key] : undefined;
  if (section === 'events') return path.length === 3 && Object.hasOwn(EVENT_NAMES, key) ? EVENT_NAMES[key] : undefined;
  if (section !== 'contacts') return undefined;
  if (path.length === 3 && key === 'id') return 'contact';
  if (path.length === 4 && key === 'tags' && isIndex(sub)) return 'tag';
  if (path.length === 4 && key === 'segments' && isIndex(sub)) return 'segment';
  if (path.length === 4 && key === 'lists' && typeof sub === 'string') return 'list';
  return undefined;
}

export interface NameSite {
  path: JsonPath;
  kind: NameKind;
  name: string;
  /** The name is the key at `path` (a contact's list), not its value. */
  onKey?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every name a timeline or scenario value gives, in document order. */
export function nameSites(kind: CompanionKind, root: unknown): NameSite[] {
  const sites: NameSite[] = [];
  if (!isObject(root)) return sites;
  const sections = kind === 'scenario' ? ['expectations'] : ['contacts', 'events'];
  for (const section of sections) {
    const list = root[section];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!isObject(item)) return;
      for (const [key, value] of Object.entries(item)) {
        const path = [section, i, key];
        if (typeof value === 'string') {
          const named = nameKindAt(kind, path);
          if (named) sites.push({ path, kind: named, name: value });
        } else if (Array.isArray(value)) {
          value.forEach((v, k) => {
            const named = typeof v === 'string' ? nameKindAt(kind, [...path, k]) : undefined;
            if (named) sites.push({ path: [...path, k], kind: named, name: v as string });
          });
        } else if (isObject(value)) {
          for (const name of Object.keys(value)) {
            const named = nameKindAt(kind, [...path, name]);
            if (named) sites.push({ path: [...path, name], kind: named, name, onKey: true });
          }
        }
      }
    });
  }
  return sites;
}
