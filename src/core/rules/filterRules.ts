// R3: filters (starting point filters, if/else conditions, exit criteria
// conditions) that cannot work as written: names not among the journey's
// declarations, field comparisons whose operator or value does not fit the
// field's type or the operator, empty all/any groups, and `all` groups whose
// conditions contradict each other so the filter can never hold.
import type { JsonPath } from '../jsonDocument';
import type { Filter } from '../schema';
import { checkDeclared, type FieldType, fieldType, type FilterSite, filterSites } from './declarations';
import type { JourneyRule, RuleContext } from './ruleContext';

type FieldFilter = Extract<Filter, { type: 'field' }>;
type Op = FieldFilter['op'];

const NEEDS_VALUE: readonly Op[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains'];
const TAKES_NO_VALUE: readonly Op[] = ['exists', 'notExists', 'isToday', 'isAnniversary'];
const NUMERIC_OPS: readonly Op[] = ['gt', 'gte', 'lt', 'lte'];
const DATE_OPS: readonly Op[] = ['before', 'after', 'isToday', 'isAnniversary'];

/** The operators each field type allows. */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly Op[]> = {
  string: ['exists', 'notExists', 'eq', 'neq', 'contains', 'gt', 'gte', 'lt', 'lte'],
  number: ['exists', 'notExists', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['exists', 'notExists', 'eq', 'neq'],
  date: ['exists', 'notExists', 'eq', 'neq', 'before', 'after', 'isToday', 'isAnniversary'],
};

/** The operator that most likely meant the same on a field of another type. */
const OPERATOR_FOR_TYPE: Partial<Record<FieldType, Partial<Record<Op, Op>>>> = {
  date: { gt: 'after', gte: 'after', lt: 'before', lte: 'before' },
  number: { before: 'lt', after: 'gt' },
  string: { before: 'lt', after: 'gt' },
};

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

export const filtersRule: JourneyRule = {
  rule: 'R3',
  title: 'filters use declared names, fitting operators and values, and can hold',
  check(ctx) {
    for (const site of filterSites(ctx.journey)) visit(ctx, site, site.filter, site.path, { positive: true, absorbed: false });
  },
};

/**
 * Where a filter sits: `positive` is false under an odd number of `not`;
 * `absorbed` is true when an enclosing positive `all` group already counts
 * this filter's conditions among its own (so contradictions are reported
 * once, by the outermost group).
 */
interface Position {
  positive: boolean;
  absorbed: boolean;
}

function visit(ctx: RuleContext, site: FilterSite, filter: Filter, path: JsonPath, pos: Position): void {
  const name = (kind: Parameters<typeof checkDeclared>[1]['kind'], value: string, key: string) =>
    checkDeclared(ctx, { kind, name: value, path: [...path, key], rule: 'R3', where: site.where });
  switch (filter.type) {
    case 'all':
    case 'any':
      if (filter.of.length === 0) {
        const any = filter.type === 'any';
        ctx.report({
          code: any ? 'R3.empty-any' : 'R3.empty-all',
          rule: 'R3',
          severity: any ? 'error' : 'warning',
          message: any
            ? `This empty "any" group in ${site.where} never holds: an "any" group needs at least one condition that holds (R3), so no contact ever ${site.effect}. Add conditions to it or remove the group.`
            : `This empty "all" group in ${site.where} always holds: an "all" group only filters through its conditions (R3), so it lets every contact through. Add conditions to it or remove the group.`,
          path: [...path, 'of'],
          on: 'key',
          data: { group: filter.type },
        });
        return;
      }
      if (filter.type === 'all') {
        filter.of.forEach((f, i) => visit(ctx, site, f, [...path, 'of', i], { positive: pos.positive, absorbed: pos.positive }));
        if (pos.positive && !pos.absorbed) checkContradictions(ctx, site, filter, path);
      } else {
        // A positive any of several alternatives starts afresh; not(any) and a one-member any pass through.
        const passes = !pos.positive || filter.of.length === 1;
        filter.of.forEach((f, i) => visit(ctx, site, f, [...path, 'of', i], passes ? pos : { positive: true, absorbed: false }));
      }
      return;
    case 'not':
      visit(ctx, site, filter.filter, [...path, 'filter'], { positive: !pos.positive, absorbed: pos.absorbed });
      return;
    case 'hasTag':
      name('tag', filter.tag, 'tag');
      return;
    case 'memberOf':
      name('list', filter.list, 'list');
      return;
    case 'inSegment':
      name('segment', filter.segment, 'segment');
      return;
    case 'campaignActivity':
      name('campaign', filter.campaign, 'campaign');
      return;
    case 'field':
      if (name('field', filter.field, 'field')) checkField(ctx, site, filter, path);
      return;
    case 'language':
    case 'emailEquals':
    case 'nameEquals':
      return;
  }
}

function describeValue(v: unknown): string {
  return JSON.stringify(v);
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function checkField(ctx: RuleContext, site: FilterSite, f: FieldFilter, path: JsonPath): void {
  const { op, value, field } = f;
  if (NEEDS_VALUE.includes(op) && value === undefined) {
    ctx.report({
      code: 'R3.missing-value',
      rule: 'R3',
      severity: 'error',
      message: `The "${op}" comparison of field "${field}" in ${site.where} has no value: "${op}" compares the field with a value (R3). Add a "value".`,
      path: [...path, 'op'],
      data: { op, field },
    });
    return;
  }
  if (TAKES_NO_VALUE.includes(op) && value !== undefined) {
    ctx.report({
      code: 'R3.unexpected-value',
      rule: 'R3',
      severity: 'error',
      message: `The "${op}" test of field "${field}" in ${site.where} takes no value, yet has ${describeValue(value)}: "${op}" ignores it (R3). Remove the value, or use "eq" to compare with it.`,
      path: [...path, 'value'],
      data: { op, field, fix: 'removeValue' },
    });
  }
  const type = fieldType(ctx.journey, field);
  if (type !== undefined && !OPERATORS_BY_TYPE[type].includes(op)) {
    const replacement = OPERATOR_FOR_TYPE[type]?.[op];
    ctx.report({
      code: 'R3.operator-type-mismatch',
      rule: 'R3',
      severity: 'error',
      message:
        `"${op}" does not apply to field "${field}", which is a ${type} field: a ${type} field allows ${OPERATORS_BY_TYPE[type].join(', ')} (R3). ` +
        (replacement ? `Use "${replacement}" instead.` : 'Choose one of those operators.'),
      path: [...path, 'op'],
      data: { op, field, fieldType: type, allowed: OPERATORS_BY_TYPE[type], ...(replacement ? { suggestion: replacement } : {}) },
    });
    return;
  }
  if (value === undefined || TAKES_NO_VALUE.includes(op)) return;
  const mismatch = (expected: string) =>
    ctx.report({
      code: 'R3.value-type-mismatch',
      rule: 'R3',
      severity: 'error',
      message: `The value ${describeValue(value)} cannot be compared with "${op}" on field "${field}"${type ? ` (a ${type} field)` : ''}: the comparison needs ${expected} (R3), so it never holds as written. Change the value or the operator.`,
      path: [...path, 'value'],
      data: { op, field, expected, ...(type ? { fieldType: type } : {}) },
    });
  if (DATE_OPS.includes(op)) {
    if (typeof value !== 'string' || !DATE_VALUE.test(value)) mismatch('a date such as "2026-01-31"');
    return;
  }
  if (NUMERIC_OPS.includes(op)) {
    if (asNumber(value) === undefined) mismatch('a number');
    return;
  }
  if (op === 'contains') {
    if (typeof value === 'boolean') mismatch('text');
    return;
  }
  // eq / neq: the value must be one the field can hold.
  if (type === 'number' && asNumber(value) === undefined) mismatch('a number');
  else if (type === 'boolean' && typeof value !== 'boolean') mismatch('true or false');
  else if (type === 'date' && (typeof value !== 'string' || !DATE_VALUE.test(value))) mismatch('a date such as "2026-01-31"');
}

// ---------------------------------------------------------------------------
// Contradictions inside one `all` group.

interface Literal {
  atom: Exclude<Filter, { type: 'all' | 'any' | 'not' }>;
  positive: boolean;
  /** Path of the atomic filter. */
  path: JsonPath;
}

/** The conditions an `all` group requires, nested all-groups and double negations flattened. */
function literalsOf(filter: Filter, path: JsonPath, positive: boolean, out: Literal[]): void {
  switch (filter.type) {
    case 'all':
      if (positive) filter.of.forEach((f, i) => literalsOf(f, [...path, 'of', i], true, out));
      return;
    case 'any':
      // not(any[a, b]) = not a and not b
      if (!positive) filter.of.forEach((f, i) => literalsOf(f, [...path, 'of', i], false, out));
      else if (filter.of.length === 1) literalsOf(filter.of[0]!, [...path, 'of', 0], true, out);
      return;
    case 'not':
      literalsOf(filter.filter, [...path, 'filter'], !positive, out);
      return;
    default:
      out.push({ atom: filter, positive, path });
  }
}

const normal = (v: unknown): string => {
  const n = asNumber(v);
  return n !== undefined ? `n:${n}` : `s:${String(v).toLowerCase()}`;
};

/** A canonical form: the literal's predicate and whether it is required or forbidden. */
function canonical(l: Literal): { key: string; positive: boolean; eq?: { field: string; value: string } } {
  const a = l.atom;
  switch (a.type) {
    case 'field':
      if (a.op === 'exists' || a.op === 'notExists') return { key: `exists:${a.field}`, positive: l.positive === (a.op === 'exists') };
      if ((a.op === 'eq' || a.op === 'neq') && a.value !== undefined) {
        const positive = l.positive === (a.op === 'eq');
        return { key: `eq:${a.field}:${normal(a.value)}`, positive, ...(positive ? { eq: { field: a.field, value: normal(a.value) } } : {}) };
      }
      return { key: `field:${a.field}:${a.op}:${a.value === undefined ? '' : normal(a.value)}`, positive: l.positive };
    case 'hasTag':
      return { key: `tag:${a.tag}`, positive: l.positive };
    case 'memberOf':
      return { key: `list:${a.list}`, positive: l.positive };
    case 'inSegment':
      return { key: `segment:${a.segment}`, positive: l.positive };
    case 'campaignActivity':
      return { key: `campaign:${a.campaign}:${a.activity}`, positive: l.positive };
    case 'language':
      return { key: `language:${a.language.toLowerCase()}`, positive: l.positive };
    case 'emailEquals':
      return { key: `email:${a.email.trim().toLowerCase()}`, positive: l.positive };
    case 'nameEquals':
      return { key: `name:${a.name.trim().toLowerCase()}`, positive: l.positive };
  }
}

function languagesCompatible(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const prefix = (p: string, s: string) => s === p || s.startsWith(p + '-') || s.startsWith(p + '_');
  return prefix(x, y) || prefix(y, x);
}

/** Why two literals can never hold together, or undefined. */
function conflict(earlier: Literal, later: Literal): string | undefined {
  const e = canonical(earlier);
  const l = canonical(later);
  if (e.key === l.key && e.positive !== l.positive) return 'one requires what the other rules out';
  if (e.eq && l.eq && e.eq.field === l.eq.field && e.eq.value !== l.eq.value) return `field "${l.eq.field}" cannot equal two different values`;
  const ea = earlier.atom;
  const la = later.atom;
  if (ea.type === 'field' && la.type === 'field' && ea.field === la.field) {
    const eqAndMissing = (x: typeof e, y: typeof l) => x.eq !== undefined && y.key === `exists:${ea.field}` && !y.positive;
    if (eqAndMissing(e, l) || eqAndMissing(l, e)) return `field "${la.field}" cannot both be empty and equal a value`;
  }
  if (earlier.positive && later.positive) {
    if (ea.type === 'language' && la.type === 'language' && !languagesCompatible(ea.language, la.language)) return 'a contact has one language';
    if (ea.type === 'emailEquals' && la.type === 'emailEquals' && e.key !== l.key) return 'a contact has one email address';
    if (ea.type === 'nameEquals' && la.type === 'nameEquals' && e.key !== l.key) return 'a contact has one name';
    if (ea.type === 'campaignActivity' && la.type === 'campaignActivity' && ea.campaign === la.campaign && (ea.activity === 'notOpened') !== (la.activity === 'notOpened'))
      return `"notOpened" means neither opened nor clicked campaign "${la.campaign}"`;
  }
  return undefined;
}

function describeLiteral(l: Literal): string {
  const a = l.atom;
  const base = (() => {
    switch (a.type) {
      case 'field':
        return `field "${a.field}" ${a.op}${a.value === undefined ? '' : ` ${describeValue(a.value)}`}`;
      case 'hasTag':
        return `has tag "${a.tag}"`;
      case 'memberOf':
        return `member of list "${a.list}"`;
      case 'inSegment':
        return `in segment "${a.segment}"`;
      case 'campaignActivity':
        return `${a.activity} campaign "${a.campaign}"`;
      case 'language':
        return `language "${a.language}"`;
      case 'emailEquals':
        return `email "${a.email}"`;
      case 'nameEquals':
        return `name "${a.name}"`;
    }
  })();
  return l.positive ? base : `not (${base})`;
}

/** The key whose value best shows a condition. */
function locus(l: Literal): JsonPath {
  const a = l.atom;
  const key = a.type === 'field' ? (a.value !== undefined ? 'value' : 'op') : a.type === 'hasTag' ? 'tag' : a.type === 'memberOf' ? 'list' : a.type === 'inSegment' ? 'segment' : a.type === 'campaignActivity' ? 'activity' : a.type === 'language' ? 'language' : a.type === 'emailEquals' ? 'email' : 'name';
  return [...l.path, key];
}

/**
 * Reports each condition of an `all` group that contradicts an earlier one,
 * naming the earliest it contradicts. The earlier conditions are indexed by
 * what they require (their canonical key, equalities by field, languages,
 * addresses, names, campaign activity), so a group of any size is checked in
 * one pass instead of pair by pair.
 */
function checkContradictions(ctx: RuleContext, site: FilterSite, group: Extract<Filter, { type: 'all' }>, path: JsonPath): void {
  const literals: Literal[] = [];
  literalsOf(group, path, true, literals);
  const own = literals;
  const whole = path.length === site.path.length;
  const index = new ContradictionIndex();
  for (let j = 0; j < own.length; j++) {
    const later = own[j]!;
    const form = canonical(later);
    const i = index.earliestConflict(later, form);
    index.add(j, later, form);
    if (i === undefined) continue;
    const earlier = own[i]!;
    const why = conflict(earlier, later);
    if (!why) continue;
    ctx.report({
      code: 'R3.contradiction',
      rule: 'R3',
      severity: 'error',
      message:
        `${whole ? `${site.where[0]!.toUpperCase()}${site.where.slice(1)}` : `An "all" group in ${site.where}`} can never hold: in one "all" group every condition must hold (R3), but ${describeLiteral(later)} contradicts ${describeLiteral(earlier)} (${why}), ` +
        `so ${whole ? `no contact ever ${site.effect}` : 'the group never lets a contact through'}. Remove one of the two conditions, or put them in an "any" group.`,
      path: locus(later),
      data: { conflictsWith: earlier.path },
    });
  }
}

/** The first index seen of a value, and the first index of any value different from it. */
class FirstTwo {
  first: { value: string; at: number } | undefined;
  otherAt: number | undefined;
  add(value: string, at: number): void {
    if (!this.first) this.first = { value, at };
    else if (this.otherAt === undefined && value !== this.first.value) this.otherAt = at;
  }
  /** The earliest index whose value differs from `value`. */
  differentFrom(value: string): number | undefined {
    if (!this.first) return undefined;
    return this.first.value !== value ? this.first.at : this.otherAt;
  }
}

/** Languages compared one by one: at most this many distinct earlier languages are looked at. */
const LANGUAGES_COMPARED = 100;

/** The earlier literals of one group, indexed by each way two literals can conflict (see `conflict`). */
class ContradictionIndex {
  private readonly byKey = new Map<string, number>();
  private readonly eqByField = new Map<string, FirstTwo>();
  private readonly firstEqOfField = new Map<string, number>();
  private readonly firstMissingField = new Map<string, number>();
  private readonly languages: { language: string; at: number }[] = [];
  private readonly languageSeen = new Set<string>();
  private readonly emails = new FirstTwo();
  private readonly names = new FirstTwo();
  private readonly notOpened = new Map<string, number>();
  private readonly openedOrClicked = new Map<string, number>();

  earliestConflict(l: Literal, form: ReturnType<typeof canonical>): number | undefined {
    const found: (number | undefined)[] = [this.byKey.get(`${form.positive ? '-' : '+'}${form.key}`)];
    const a = l.atom;
    if (form.eq) found.push(this.eqByField.get(form.eq.field)?.differentFrom(form.eq.value));
    if (a.type === 'field') {
      if (form.eq) found.push(this.firstMissingField.get(a.field));
      if (form.key === `exists:${a.field}` && !form.positive) found.push(this.firstEqOfField.get(a.field));
    }
    if (l.positive) {
      if (a.type === 'language') found.push(this.languages.find((e) => !languagesCompatible(e.language, a.language))?.at);
      if (a.type === 'emailEquals') found.push(this.emails.differentFrom(form.key));
      if (a.type === 'nameEquals') found.push(this.names.differentFrom(form.key));
      if (a.type === 'campaignActivity') found.push((a.activity === 'notOpened' ? this.openedOrClicked : this.notOpened).get(a.campaign));
    }
    let earliest: number | undefined;
    for (const i of found) if (i !== undefined && (earliest === undefined || i < earliest)) earliest = i;
    return earliest;
  }

  add(at: number, l: Literal, form: ReturnType<typeof canonical>): void {
    const signed = `${form.positive ? '+' : '-'}${form.key}`;
    if (!this.byKey.has(signed)) this.byKey.set(signed, at);
    const a = l.atom;
    if (form.eq) {
      let values = this.eqByField.get(form.eq.field);
      if (!values) this.eqByField.set(form.eq.field, (values = new FirstTwo()));
      values.add(form.eq.value, at);
      if (!this.firstEqOfField.has(form.eq.field)) this.firstEqOfField.set(form.eq.field, at);
    }
    if (a.type === 'field' && form.key === `exists:${a.field}` && !form.positive && !this.firstMissingField.has(a.field)) this.firstMissingField.set(a.field, at);
    if (!l.positive) return;
    if (a.type === 'language') {
      const language = a.language.toLowerCase();
      if (!this.languageSeen.has(language) && this.languages.length < LANGUAGES_COMPARED) {
        this.languageSeen.add(language);
        this.languages.push({ language, at });
      }
    }
    if (a.type === 'emailEquals') this.emails.add(form.key, at);
    if (a.type === 'nameEquals') this.names.add(form.key, at);
    if (a.type === 'campaignActivity') {
      const map = a.activity === 'notOpened' ? this.notOpened : this.openedOrClicked;
      if (!map.has(a.campaign)) map.set(a.campaign, at);
    }
  }
}
