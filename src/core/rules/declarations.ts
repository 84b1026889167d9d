// Shared by the rules that check names against the journey's declarations
// (`tags`, `fields`, `lists`, `segments`, `campaigns`, `forms`, `content`):
// a kind of name is checked only when the journey declares that kind (has
// the array, even empty); a journey without a `tags` array does not declare
// its tags and any tag name is accepted. The contact properties email, name,
// phone and language are fields of every contact (string-typed) and need no
// declaration. Also: every filter of the journey with its path, for the
// filter rules.
import type { JsonPath } from '../jsonDocument';
import type { Filter, Journey } from '../schema';
import type { Report, RuleContext } from './ruleContext';

export type NameKind = 'tag' | 'field' | 'list' | 'segment' | 'campaign' | 'form' | 'content';
export type FieldType = 'string' | 'number' | 'boolean' | 'date';

/** The journey property that declares each kind of name. */
export const DECLARATION_KEY: Record<NameKind, keyof Journey> = {
  tag: 'tags',
  field: 'fields',
  list: 'lists',
  segment: 'segments',
  campaign: 'campaigns',
  form: 'forms',
  content: 'content',
};

const NOUN: Record<NameKind, string> = { tag: 'tag', field: 'field', list: 'list', segment: 'segment', campaign: 'campaign', form: 'form', content: 'content item' };

/** Contact properties every contact has; usable as fields without a declaration. */
export const BUILTIN_FIELDS: ReadonlyMap<string, FieldType> = new Map<string, FieldType>([
  ['email', 'string'],
  ['name', 'string'],
  ['phone', 'string'],
  ['language', 'string'],
]);

/** The declarations of a journey, indexed once per journey (rules look names up in constant time). */
interface DeclarationIndex {
  names: Map<NameKind, { list: string[]; set: Set<string> } | undefined>;
  fieldTypes: Map<string, FieldType>;
}
const indexes = new WeakMap<Journey, DeclarationIndex>();

function indexOf(journey: Journey): DeclarationIndex {
  let index = indexes.get(journey);
  if (!index) {
    const names = new Map<NameKind, { list: string[]; set: Set<string> } | undefined>();
    for (const kind of Object.keys(DECLARATION_KEY) as NameKind[]) {
      const list = namesOf(journey, kind);
      names.set(kind, list === undefined ? undefined : { list, set: new Set(list) });
    }
    const fieldTypes = new Map<string, FieldType>();
    // The first declaration of a field wins, as a search from the start would find it.
    for (const f of journey.fields ?? []) if (!fieldTypes.has(f.name)) fieldTypes.set(f.name, f.type);
    index = { names, fieldTypes };
    indexes.set(journey, index);
  }
  return index;
}

function namesOf(journey: Journey, kind: NameKind): string[] | undefined {
  switch (kind) {
    case 'tag':
      return journey.tags;
    case 'field':
      return journey.fields?.map((f) => f.name);
    case 'list':
      return journey.lists?.map((l) => l.id);
    case 'segment':
      return journey.segments?.map((s) => s.id);
    case 'campaign':
      return journey.campaigns?.map((c) => c.id);
    case 'form':
      return journey.forms?.map((f) => f.id);
    case 'content':
      return journey.content?.map((c) => c.id);
  }
}

/** The declared names of a kind, or undefined when the journey does not declare that kind. */
export function declaredNames(journey: Journey, kind: NameKind): readonly string[] | undefined {
  return indexOf(journey).names.get(kind)?.list;
}

/** The type of a field: declared, or a built-in contact property; undefined when unknown. */
export function fieldType(journey: Journey, name: string): FieldType | undefined {
  return indexOf(journey).fieldTypes.get(name) ?? BUILTIN_FIELDS.get(name);
}

function* withBuiltinFields(declared: readonly string[]): Iterable<string> {
  yield* declared;
  yield* BUILTIN_FIELDS.keys();
}

/** At most `max` names, quoted, for a message: `"a", "b" and 12 more`. */
export function someNames(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

export interface NameCheck {
  kind: NameKind;
  name: string;
  /** Path of the string holding the name. */
  path: JsonPath;
  rule: Report['rule'];
  /** Where the name is used, as a person reads it: `the filter of starting point "sp1"`. */
  where: string;
  severity?: Report['severity'];
  /** Candidates for the suggestion when not all declared names fit (e.g. only email content). */
  candidates?: readonly string[];
}

/**
 * Reports `<rule>.unknown-<kind>` when the kind is declared and the name is
 * not among the declarations; returns whether the name is known (or
 * unchecked).
 */
export function checkDeclared(ctx: RuleContext, check: NameCheck): boolean {
  const declared = indexOf(ctx.journey).names.get(check.kind);
  if (declared === undefined) return true;
  if (declared.set.has(check.name)) return true;
  if (check.kind === 'field' && BUILTIN_FIELDS.has(check.name)) return true;
  const key = DECLARATION_KEY[check.kind];
  const pool = check.candidates ?? (check.kind === 'field' ? withBuiltinFields(declared.list) : declared.list);
  const suggestion = ctx.closestName(check.name, pool);
  ctx.report({
    code: `${check.rule}.unknown-${check.kind}`,
    rule: check.rule,
    severity: check.severity ?? 'error',
    message:
      `Unknown ${NOUN[check.kind]} "${check.name}" in ${check.where}: every ${NOUN[check.kind]} the journey uses must be declared in "${key}" (${check.rule}). ` +
      (suggestion ? `Did you mean "${suggestion}"? ` : '') +
      `Correct the name or add it to "${key}".`,
    path: check.path,
    data: { kind: check.kind, name: check.name, declaration: key, ...(suggestion ? { suggestion } : {}) },
  });
  return false;
}

// ---------------------------------------------------------------------------
// Filters.

export interface FilterSite {
  filter: Filter;
  path: JsonPath;
  /** `the filter of starting point "sp1"` */
  where: string;
  /** What holding means there: `enters at this starting point`. */
  effect: string;
}

/** Every filter of the journey: starting point filters, if/else conditions, exit criteria conditions. */
export function filterSites(journey: Journey): FilterSite[] {
  const sites: FilterSite[] = [];
  journey.startingPoints.forEach((sp, i) => {
    if (sp.filter) sites.push({ filter: sp.filter, path: ['startingPoints', i, 'filter'], where: `the filter of starting point "${sp.id}"`, effect: `enters at starting point "${sp.id}"` });
  });
  journey.points.forEach((p, i) => {
    if (p.type === 'ifElse') sites.push({ filter: p.condition, path: ['points', i, 'condition'], where: `the condition of "${p.id}"`, effect: `takes the yes branch of "${p.id}"` });
  });
  journey.settings?.exitCriteria?.forEach((c, i) => {
    if (c.when === 'condition') sites.push({ filter: c.condition, path: ['settings', 'exitCriteria', i, 'condition'], where: `exit criterion "${c.id}"`, effect: `leaves by exit criterion "${c.id}"` });
  });
  return sites;
}
