// The contact events the runtime's ingress accepts: the timeline's event
// shapes (tag added, email clicked, unsubscribed ...), with the contact taken
// from the object key and the instant optional (default: when it arrives).
// Validated with the timeline's zod schema, so a malformed event is refused
// with a terminal error instead of being retried.
import { z } from 'zod';
import type { SimEvent } from '../../core/simulator/matching';
import { Contact, ContactEvent } from '../../core/timeline';

/** A contact profile to import (the timeline's contact without its id, which is the object key). */
export const ProfileImport = Contact.omit({ id: true }).extend({ at: z.iso.datetime({ offset: true }).optional() });
export type ProfileImport = z.infer<typeof ProfileImport>;

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
  return { event: eventBody(parsed), at: hasAt ? Date.parse(parsed.at) : undefined };
}
