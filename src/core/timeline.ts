// The `.timeline.json` file format: contacts and their timestamped events,
// replayed by the simulator against a journey. Written with zod like the
// journey schema, so the CLI, the language server and the tests share it.
import { z } from 'zod';
import { CampaignActivityKind, FieldValue, FORMAT_VERSION, Id } from './schema';

/** An instant with an explicit offset, e.g. 2026-03-01T09:00:00Z. */
export const Instant = z.iso.datetime({ offset: true, error: 'an instant is ISO 8601 with an offset, e.g. 2026-03-01T09:00:00Z' }).describe('ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z');

export const Frequency = z.enum(['daily', 'weekly', 'biweekly', 'quarterly']);
export type Frequency = z.infer<typeof Frequency>;

export const Contact = z.strictObject({
  id: Id,
  email: z.string().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  language: z.string().optional(),
  tags: z.array(z.string()).optional(),
  fields: z.record(z.string(), FieldValue).optional(),
  lists: z.record(z.string(), z.enum(['subscribed', 'unsubscribed'])).optional().describe('List memberships and their consent (R17)'),
  segments: z.array(Id).optional(),
  smsConsent: z.boolean().optional(),
  unsubscribedAll: z.boolean().optional().describe('Master unsubscribe: no marketing at all (R17)'),
  frequency: Frequency.optional().describe('Chosen email frequency cap (R18)'),
});
export type Contact = z.infer<typeof Contact>;

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ at: Instant, contact: Id, type: z.literal(type), ...shape });

export const ContactEvent = z.discriminatedUnion('type', [
  event('audienceJoined', { list: Id.optional() }),
  event('tagAdded', { tag: z.string().min(1) }),
  event('tagRemoved', { tag: z.string().min(1) }),
  event('fieldChanged', { field: z.string().min(1), value: FieldValue.nullable() }),
  event('emailOpened', { content: Id.optional(), point: Id.optional() }),
  event('emailClicked', { content: Id.optional(), point: Id.optional(), link: z.string().optional() }),
  event('formSubmitted', { form: z.string().min(1), fields: z.record(z.string(), FieldValue).optional() }),
  event('purchase', { product: z.string().optional(), amount: z.number().optional() }),
  event('customEvent', { name: z.string().min(1), properties: z.record(z.string(), FieldValue).optional() }),
  event('campaignActivity', { campaign: Id, activity: CampaignActivityKind }),
  event('unsubscribed', { list: Id.optional().describe('Omitted: master unsubscribe from all marketing') }),
  event('subscribed', { list: Id }),
  event('segmentJoined', { segment: Id }),
  event('segmentLeft', { segment: Id }),
  event('apiEntry', { startingPoint: Id.optional() }),
]);
export type ContactEvent = z.infer<typeof ContactEvent>;
export type ContactEventType = ContactEvent['type'];

export const Timeline = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  journey: z.string().optional().describe('Path of the journey file this timeline replays, relative to this file'),
  description: z.string().optional(),
  seed: z.number().int().optional().describe('Seed of the percentage splits (R13)'),
  start: Instant.optional().describe('When the replay starts; defaults to the first event'),
  horizon: Instant.optional().describe('When the replay stops; defaults to after the last wait drains'),
  contacts: z.array(Contact),
  events: z.array(ContactEvent),
});
export type Timeline = z.infer<typeof Timeline>;

// Field, list and property names of a timeline are data: a contact may have
// a field called "__proto__". zod builds records by assignment and skips
// that key, so it would vanish; parseTimeline puts it back (checked against
// the record's value schema) as an own property.
const DATA_RECORDS: { owner: 'contacts' | 'events'; key: string; value: z.ZodType }[] = [
  { owner: 'contacts', key: 'fields', value: FieldValue },
  { owner: 'contacts', key: 'lists', value: z.enum(['subscribed', 'unsubscribed']) },
  { owner: 'events', key: 'fields', value: FieldValue },
  { owner: 'events', key: 'properties', value: FieldValue },
];

/**
 * The issues of the `__proto__` entries of a timeline's data records (zod
 * skips that key, so it is checked here against the record's value schema);
 * `keep` receives each valid entry with where it belongs.
 */
export function reservedRecordIssues(value: unknown, keep?: (owner: 'contacts' | 'events', index: number, key: string, entry: unknown) => void): z.core.$ZodIssue[] {
  const raw = value as Record<'contacts' | 'events', Record<string, unknown>[]>;
  const issues: z.core.$ZodIssue[] = [];
  for (const { owner, key, value: schema } of DATA_RECORDS) {
    raw[owner].forEach((item, i) => {
      const record = item[key];
      if (typeof record !== 'object' || record === null || !Object.hasOwn(record, '__proto__')) return;
      const checked = schema.safeParse((record as Record<string, unknown>)['__proto__']);
      if (!checked.success) {
        for (const issue of checked.error.issues) issues.push({ ...issue, path: [owner, i, key, '__proto__', ...issue.path] } as z.core.$ZodIssue);
        return;
      }
      keep?.(owner, i, key, checked.data);
    });
  }
  return issues;
}

/** Timeline.safeParse that keeps every record key, `__proto__` included. */
export function parseTimeline(value: unknown): ReturnType<typeof Timeline.safeParse> {
  const parsed = Timeline.safeParse(value);
  if (!parsed.success) return parsed;
  const issues = reservedRecordIssues(value, (owner, i, key, entry) => {
    const target = (parsed.data[owner][i] as unknown as Record<string, Record<string, unknown>>)[key]!;
    Object.defineProperty(target, '__proto__', { value: entry, enumerable: true, writable: true, configurable: true });
  });
  return issues.length > 0 ? ({ success: false, error: new z.ZodError(issues) } as ReturnType<typeof Timeline.safeParse>) : parsed;
}
