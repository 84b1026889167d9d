// What an imported trait (a Segment identify trait, a CSV contact column)
// sets on a timeline contact: one of its properties (email, name, phone,
// language, tags, lists, segments, smsConsent, unsubscribedAll, frequency)
// or a custom field (`fields.<name>`). Values are taken as the source gives
// them and, from text (CSV), converted: "a;b" lists for tags and segments,
// "list=subscribed;other=unsubscribed" or "a;b" (all subscribed) for lists,
// true/false/yes/no/1/0 for the two booleans.

export const CONTACT_PROPERTIES = ['email', 'name', 'phone', 'language', 'tags', 'lists', 'segments', 'smsConsent', 'unsubscribedAll', 'frequency'] as const;

const list = (value: unknown): unknown => (typeof value === 'string' ? value.split(/[;,|]/).map((s) => s.trim()).filter(Boolean) : value);

function bool(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return ['true', 'yes', '1', 'y'].includes(v) ? true : ['false', 'no', '0', 'n'].includes(v) ? false : value;
}

function lists(value: unknown): unknown {
  if (Array.isArray(value)) return Object.fromEntries(value.filter((x): x is string => typeof x === 'string').map((l) => [l, 'subscribed']));
  if (typeof value !== 'string') return value;
  const out: Record<string, string> = {};
  for (const part of value.split(/[;,|]/).map((s) => s.trim()).filter(Boolean)) {
    const [name, state] = part.split('=').map((s) => s.trim());
    out[name!] = state ?? 'subscribed';
  }
  return out;
}

/** Sets `target` (a contact property or fields.<name>) on the contact; false when the target is not one. */
export function setTrait(contact: Record<string, unknown>, target: string, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (target.startsWith('fields.')) {
    const name = target.slice('fields.'.length);
    if (!(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return false;
    const fields = (contact['fields'] ??= {}) as Record<string, unknown>;
    Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
    return true;
  }
  switch (target as (typeof CONTACT_PROPERTIES)[number]) {
    case 'tags':
    case 'segments':
      contact[target] = list(value);
      return true;
    case 'lists':
      contact[target] = lists(value);
      return true;
    case 'smsConsent':
    case 'unsubscribedAll':
      contact[target] = bool(value);
      return true;
    case 'email':
    case 'name':
    case 'phone':
    case 'language':
    case 'frequency':
      contact[target] = value;
      return true;
    default:
      return false;
  }
}

