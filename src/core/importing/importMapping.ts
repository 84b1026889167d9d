// The mapping files of `journey import` (small JSON files written by hand):
// how a Segment Spec history (NDJSON of identify and track messages) or a
// CSV export (one row per event) becomes a timeline. Both name, per source
// event name, an event template (eventTemplate.ts); Segment Spec's own
// event names have built-in templates (SEGMENT_SPEC_EVENTS) that a mapping
// may override. Traits and contact columns name the contact property or
// `fields.<name>` they set (contactTraits.ts).
import { z } from 'zod';
import { CONTACT_PROPERTIES } from './contactTraits';
import type { EventTemplate } from './eventTemplate';

const Target = z
  .string()
  .refine((t) => (CONTACT_PROPERTIES as readonly string[]).includes(t) || /^fields\..+/.test(t), { error: `a target is a contact property (${CONTACT_PROPERTIES.join(', ')}) or fields.<name>` });
const Template = z.looseObject({ type: z.string().min(1) }).describe('A timeline event without at and contact; "$path" values are read from the record');
const ValueMaps = z.record(z.string(), z.record(z.string(), z.string())).describe('Per event property (content, link, list, point, form...): source value → journey name');

export const SegmentMapping = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(1),
  contactId: z.string().min(1).optional().describe('Path of the contact id in a message; default userId, else anonymousId'),
  traits: z.record(z.string(), Target).optional().describe('Trait name → contact property or fields.<name>; unnamed primitive traits become fields'),
  events: z.record(z.string(), Template).optional().describe('Track event name → event template (adds to and overrides the Segment Spec ones)'),
  values: ValueMaps.optional(),
  keepUnmapped: z.boolean().optional().describe('Import track events no template names as customEvent (name = the event name) instead of leaving them out'),
});
export type SegmentMapping = z.infer<typeof SegmentMapping>;

export const CsvMapping = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(1),
  columns: z.strictObject({
    contact: z.string().min(1).describe('Column of the contact id'),
    at: z.string().min(1).describe('Column of the instant (ISO 8601; without an offset it is UTC when assumeUtc is true)'),
    event: z.string().min(1).describe('Column of the event name'),
  }),
  contact: z.record(z.string(), Target).optional().describe('Column → contact property or fields.<name>, taken from the contact’s first row'),
  events: z.record(z.string(), Template).describe('Event name (as in the event column) → event template; "$Column" reads a column'),
  values: ValueMaps.optional(),
  delimiter: z.string().length(1).optional(),
  assumeUtc: z.boolean().optional(),
});
export type CsvMapping = z.infer<typeof CsvMapping>;

/**
 * Segment Spec's standard event names (https://segment.com/docs/connections/spec/)
 * as timeline events. Delivered and bounced have no event of their own in a
 * timeline: they come as customEvent of the same name, which a journey can
 * await or trigger on.
 */
export const SEGMENT_SPEC_EVENTS: Record<string, EventTemplate> = {
  'Email Opened': { type: 'emailOpened', content: '$properties.email_id' },
  'Email Link Clicked': { type: 'emailClicked', content: '$properties.email_id', link: '$properties.link_url' },
  'Email Delivered': { type: 'customEvent', name: 'Email Delivered' },
  'Email Bounced': { type: 'customEvent', name: 'Email Bounced' },
  Unsubscribed: { type: 'unsubscribed', list: '$properties.list_id' },
  'Order Completed': { type: 'purchase', product: '$properties.products.0.name', amount: '$properties.revenue' },
  'Form Submitted': { type: 'formSubmitted', form: '$properties.form_id', fields: '$properties.fields' },
};

/** Segment Spec's reserved identify traits that name a contact property. */
export const SEGMENT_SPEC_TRAITS: Record<string, string> = { email: 'email', name: 'name', phone: 'phone', language: 'language', tags: 'tags' };
