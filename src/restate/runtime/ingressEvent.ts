// The contact events the runtime's ingress accepts: the timeline's event
// shapes (tag added, email clicked, unsubscribed ...), with the contact taken
// from the object key and the instant optional (default: when it arrives).
// Validated with the timeline's zod schema, so a malformed event is refused
// with a terminal error instead of being retried. Names inside an event or
// a profile (field, property and list names) are data: the records holding
// them are prototype-less dictionaries that keep every name the sender gave,
// `__proto__` and `constructor` included.
import { z } from 'zod';
import { FieldValue } from '../../core/schema';
import type { SimEvent } from '../../core/simulator/matching';
import { Contact, ContactEvent } from '../../core/timeline';
import { dict } from './dictionary';

/** A contact profile to import (the timeline's contact without its id, which is the object key). */
export const ProfileImport = Contact.omit({ id: true }).extend({ at: z.iso.datetime({ offset: true }).optional() });
export type ProfileImport = z.infer<typeof ProfileImport>;

/**
 * The record `raw` (already validated by the zod schema, which drops a
 * `__proto__` key) as a dictionary with every own key of the input, each
 * value checked again.
 */
function dictOf<T>(raw: unknown, value: z.ZodType<T>): Record<string, T> {
  const out = dict<T>();
  if (typeof raw === 'object' && raw !== null) for (const key of Object.keys(raw)) out[key] = value.parse((raw as Record<string, unknown>)[key]);
  return out;
}

/** Parses a profile import; throws a ZodError naming what is wrong. */
export function parseProfileImport(input: unknown): ProfileImport {
  const parsed = ProfileImport.parse(input);
  const raw = input as Record<string, unknown>;
  if (parsed.fields !== undefined) parsed.fields = dictOf(raw.fields, FieldValue);
  if (parsed.lists !== undefined) parsed.lists = dictOf(raw.lists, z.enum(['subscribed', 'unsubscribed']));
  return parsed;
}

/** The event without its instant and contact, as the contact machine takes it. */
export function eventBody(e: { at?: string; contact?: string } & SimEvent): SimEvent {
  const { at: _at, contact: _contact, ...body } = e as { at?: string; contact?: string } & Record<string, unknown>;
  return body as SimEvent;
}

/** Parses an ingress event body; throws a ZodError naming what is wrong. */
export function parseIngressEvent(input: unknown): { event: SimEvent; at: number | undefined } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('a contact event is a JSON object with a "type"');
  const body = input as Record<string, unknown>;
  const hasAt = body.at !== undefined;
  const parsed = ContactEvent.parse({ ...body, at: hasAt ? body.at : '1970-01-01T00:00:00Z', contact: 'contact' });
  if (parsed.type === 'formSubmitted' && parsed.fields !== undefined) parsed.fields = dictOf(body.fields, FieldValue);
  if (parsed.type === 'customEvent' && parsed.properties !== undefined) parsed.properties = dictOf(body.properties, FieldValue);
  return { event: eventBody(parsed), at: hasAt ? Date.parse(parsed.at) : undefined };
}
