// Filters (R3) and if/else conditions (R12) evaluated on a contact's data at
// an instant. String comparisons ignore case; numeric comparisons need two
// numbers (or numeric strings); date operators read `YYYY-MM-DD[...]` values
// in the journey time zone. See src/core/semantics.md.
import type { Filter } from '../schema';
import type { ContactView } from './contactStore';
import { isLeapYear, localParts, zonedToEpoch } from './zonedTime';

export interface FilterContext {
  /** The instant of evaluation (epoch ms), for date operators. */
  now: number;
  /** The journey time zone, for date operators. */
  timeZone: string;
}

export function evaluateFilter(filter: Filter, contact: ContactView, ctx: FilterContext): boolean {
  switch (filter.type) {
    // Loops, not every/some: no closure to allocate on each evaluation.
    case 'all':
      for (let i = 0; i < filter.of.length; i++) if (!evaluateFilter(filter.of[i]!, contact, ctx)) return false;
      return true;
    case 'any':
      for (let i = 0; i < filter.of.length; i++) if (evaluateFilter(filter.of[i]!, contact, ctx)) return true;
      return false;
    case 'not':
      return !evaluateFilter(filter.filter, contact, ctx);
    case 'hasTag':
      return contact.tags?.includes(filter.tag) ?? false;
    case 'memberOf':
      return contact.lists?.[filter.list] === 'subscribed';
    case 'inSegment':
      return contact.segments?.includes(filter.segment) ?? false;
    case 'language': {
      const lang = contact.language?.toLowerCase();
      const want = filter.language.toLowerCase();
      return lang !== undefined && (lang === want || lang.startsWith(want + '-') || lang.startsWith(want + '_'));
    }
    case 'campaignActivity': {
      const seen = (activity: string) => contact.activity?.includes(`${filter.campaign}:${activity}`) ?? false;
      if (filter.activity === 'notOpened') return !seen('opened') && !seen('clicked');
      return seen(filter.activity);
    }
    case 'emailEquals':
      return contact.email !== undefined && contact.email.trim().toLowerCase() === filter.email.trim().toLowerCase();
    case 'nameEquals':
      return contact.name !== undefined && contact.name.trim().toLowerCase() === filter.name.trim().toLowerCase();
    case 'field':
      return compareField(fieldValue(contact, filter.field), filter.op, filter.value, ctx);
  }
}

function fieldValue(contact: ContactView, field: string): string | number | boolean | undefined {
  const fields = contact.fields;
  if (fields && Object.prototype.hasOwnProperty.call(fields, field)) return fields[field];
  // The contact's own properties are fields too (email, name, phone, language).
  switch (field) {
    case 'email':
      return contact.email;
    case 'name':
      return contact.name;
    case 'phone':
      return contact.phone;
    case 'language':
      return contact.language;
    default:
      return undefined;
  }
}

type Value = string | number | boolean | undefined;

function present(v: Value): v is string | number | boolean {
  return v !== undefined && v !== '';
}

function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function sameValue(a: Value, b: Value): boolean {
  if (!present(a) || b === undefined) return false;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  return String(a).toLowerCase() === String(b).toLowerCase();
}

function compareField(a: Value, op: Extract<Filter, { type: 'field' }>['op'], b: Value, ctx: FilterContext): boolean {
  switch (op) {
    case 'exists':
      return present(a);
    case 'notExists':
      return !present(a);
    case 'eq':
      return sameValue(a, b);
    case 'neq':
      return !sameValue(a, b);
    case 'contains':
      return present(a) && b !== undefined && String(a).toLowerCase().includes(String(b).toLowerCase());
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const na = asNumber(a);
      const nb = asNumber(b);
      if (na === undefined || nb === undefined) return false;
      return op === 'gt' ? na > nb : op === 'gte' ? na >= nb : op === 'lt' ? na < nb : na <= nb;
    }
    case 'before':
    case 'after': {
      const ta = dateInstant(a, ctx.timeZone);
      const tb = b === undefined ? ctx.now : dateInstant(b, ctx.timeZone);
      if (ta === undefined || tb === undefined) return false;
      return op === 'before' ? ta < tb : ta > tb;
    }
    case 'isToday':
    case 'isAnniversary': {
      const d = civilDate(a);
      if (!d) return false;
      const today = localParts(ctx.now, ctx.timeZone);
      if (op === 'isToday') return d.year === today.year && d.month === today.month && d.day === today.day;
      return anniversaryMatches(d.month, d.day, today.year, today.month, today.day);
    }
  }
}

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** The calendar date at the start of a date value such as `1990-03-05` or `1990-03-05T10:00:00Z`. */
export function civilDate(v: Value): { year: number; month: number; day: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = DATE_PREFIX.exec(v);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year: Number(m[1]), month, day };
}

/** An instant for a date value: an instant with offset as is, a bare date or local date-time in the zone. */
function dateInstant(v: Value, zone: string): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) return undefined;
  return zonedToEpoch({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) }, zone);
}

/** Whether a yearly date (month, day) falls on the given calendar day; 29 Feb falls on 28 Feb in other years (R20). */
export function anniversaryMatches(month: number, day: number, year: number, todayMonth: number, todayDay: number): boolean {
  if (month === todayMonth && day === todayDay) return true;
  return month === 2 && day === 29 && todayMonth === 2 && todayDay === 28 && !isLeapYear(year);
}

