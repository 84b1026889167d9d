// Declarations made on the map: a tag, list, segment, field, form, campaign
// or content item is added to (or removed from) its section of the journey,
// the section created where it reads best when the journey has none yet.
// Their properties are edited with `setFields` on the journey. Pure.
import { Id } from '../schema';
import { type EditContext, EditRefused } from './editContext';
import { arrayField, isObject, stringField } from './nodeReferences';

/** The journey's declaration sections, in the order a journey file lists them. */
export const DECLARATION_SECTIONS = ['lists', 'segments', 'tags', 'fields', 'campaigns', 'forms', 'content'] as const;
export type DeclarationSection = (typeof DECLARATION_SECTIONS)[number];

/** What a person calls one entry of each section. */
export const DECLARATION_NOUNS: Record<DeclarationSection, string> = {
  lists: 'list',
  segments: 'segment',
  tags: 'tag',
  fields: 'field',
  campaigns: 'campaign',
  forms: 'form',
  content: 'content item',
};

/** The key that names an entry of a section: the tag itself, a field's name, else the id. */
export function declarationKey(section: DeclarationSection, entry: unknown): string | undefined {
  if (section === 'tags') return typeof entry === 'string' ? entry : undefined;
  return stringField(entry, section === 'fields' ? 'name' : 'id');
}

/** The keys a journey declares in a section. */
export function declaredKeys(journey: unknown, section: DeclarationSection): string[] {
  return arrayField(journey, section)
    .map((e) => declarationKey(section, e))
    .filter((k): k is string => k !== undefined);
}

/** Top-level keys a new section goes after: the nearest earlier section, else the journey's header. */
function placeAfter(section: DeclarationSection): string[] {
  const earlier = DECLARATION_SECTIONS.slice(0, DECLARATION_SECTIONS.indexOf(section)).reverse();
  return [...earlier, 'settings', 'segmentEntry', 'publication', 'version', 'status', 'kind', 'platform', 'description', 'name', 'id'];
}

/** The entry a new declaration of `key` starts as: valid by the schema. */
export function newDeclaration(section: DeclarationSection, key: string, channel: 'email' | 'sms' = 'email'): unknown {
  switch (section) {
    case 'tags':
      return key;
    case 'fields':
      return { name: key, type: 'string' };
    case 'lists':
      return { id: key, kind: 'marketing' };
    case 'content':
      return { id: key, channel, status: 'draft' };
    default:
      return { id: key };
  }
}

/** Adds `entry` to `section`; refuses a key already declared there, and ids that are not ids. */
export function declare(ctx: EditContext, section: DeclarationSection, entry: unknown): string {
  const key = declarationKey(section, entry);
  const noun = DECLARATION_NOUNS[section];
  if (key === undefined || key.trim() === '') throw new EditRefused(`A new ${noun} needs a name.`);
  if (section !== 'tags' && section !== 'fields' && section !== 'forms' && !Id.safeParse(key).success) {
    throw new EditRefused(`"${key}" cannot be the id of a ${noun}: start with a letter or _, then use letters, digits, _ . -`);
  }
  if (declaredKeys(ctx.journey, section).includes(key)) throw new EditRefused(`The journey already declares the ${noun} "${key}".`);
  const existing = ctx.journey[section];
  if (Array.isArray(existing)) ctx.composer.modify([section, existing.length], entry, { insert: true });
  else ctx.composer.modify([section], [entry], { after: placeAfter(section) });
  return `Declare ${noun} "${key}"`;
}

/** Removes the entry `key` from `section` (and the section when it was its last entry). */
export function undeclare(ctx: EditContext, section: DeclarationSection, key: string): string {
  const entries = arrayField(ctx.journey, section);
  const index = entries.findIndex((e) => declarationKey(section, e) === key);
  const noun = DECLARATION_NOUNS[section];
  if (index < 0) throw new EditRefused(`The journey declares no ${noun} "${key}" any more.`);
  if (entries.length === 1 && isObject(ctx.journey)) ctx.composer.modify([section], undefined);
  else ctx.composer.modify([section, index], undefined);
  return `Remove ${noun} "${key}"`;
}
