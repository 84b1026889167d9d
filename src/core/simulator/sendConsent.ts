// Consent and frequency (R17, R18): whether a send point sends to a contact
// or records a suppression with its reason; which content is transactional;
// which journeys are "marketing".
import { approximateMs, hasElapsed, type NominalDuration } from '../time/nominalDuration';
import type { ContentItem, Journey } from '../schema';
import type { Frequency } from '../timeline';
import type { ContactView } from './contactStore';
import type { SuppressionReason } from './types';

/**
 * R18: a contact's chosen frequency allows one marketing email per rolling
 * period (measured from the last marketing email actually sent, in this
 * journey): daily 1 day, weekly 7 days, bi-weekly 14 days, quarterly 91
 * days, nominal days in the journey's zone (R0).
 */
export const FREQUENCY_PERIOD: Record<Frequency, NominalDuration> = {
  daily: { days: 1, exactMs: 0 },
  weekly: { days: 7, exactMs: 0 },
  biweekly: { days: 14, exactMs: 0 },
  quarterly: { days: 91, exactMs: 0 },
};

/** The periods with a day counted as 24 h (for sizing and display). */
export const FREQUENCY_PERIOD_MS: Record<Frequency, number> = {
  daily: approximateMs(FREQUENCY_PERIOD.daily),
  weekly: approximateMs(FREQUENCY_PERIOD.weekly),
  biweekly: approximateMs(FREQUENCY_PERIOD.biweekly),
  quarterly: approximateMs(FREQUENCY_PERIOD.quarterly),
};

/** Content is transactional if it says so or its list is declared transactional. */
export function isTransactional(content: ContentItem | undefined, journey: Journey): boolean {
  if (!content) return false;
  if (content.transactional === true) return true;
  return content.list !== undefined && (journey.lists ?? []).some((l) => l.id === content.list && l.kind === 'transactional');
}

/**
 * A journey is "marketing" if any of its send points sends content that is
 * not transactional (content that is not declared counts as marketing). A
 * master unsubscribe makes a contact in a marketing journey exit it (R17).
 */
export function isMarketingJourney(journey: Journey): boolean {
  const content = new Map((journey.content ?? []).map((c) => [c.id, c]));
  return journey.points.some((p) => (p.type === 'sendEmail' || p.type === 'sendSms') && !isTransactional(content.get(p.content), journey));
}

function listCheck(contact: ContactView, list: string | undefined): SuppressionReason | undefined {
  if (list === undefined) return undefined;
  const status = contact.lists?.[list];
  if (status === 'subscribed') return undefined;
  return status === 'unsubscribed' ? 'listUnsubscribed' : 'notSubscribed';
}

/**
 * R17/R18 for an email: transactional is always sent; marketing needs no
 * master unsubscribe, a subscription to the content's list (when it names
 * one), and room under the frequency cap. Undefined means "send".
 */
export function emailSuppression(transactional: boolean, list: string | undefined, contact: ContactView, now: number, lastMarketingEmail: number, timeZone: string): SuppressionReason | undefined {
  if (transactional) return undefined;
  if (contact.unsubscribedAll) return 'unsubscribedAll';
  const byList = listCheck(contact, list);
  if (byList) return byList;
  if (contact.frequency !== undefined && !hasElapsed(lastMarketingEmail, FREQUENCY_PERIOD[contact.frequency], now, timeZone)) return 'frequency';
  return undefined;
}

/** The phone number an SMS point sends to: its phone field, else the contact's phone (or a `phone` field). */
export function phoneOf(contact: ContactView, phoneField: string | undefined): string | undefined {
  const usable = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
  if (phoneField !== undefined && phoneField !== 'phone') return usable(contact.fields?.[phoneField]);
  return usable(contact.phone) ?? usable(contact.fields?.['phone']);
}

/**
 * R17 for an SMS: a phone number is always needed; a marketing SMS also
 * needs no master unsubscribe, the content's list (if any) and SMS consent.
 */
export function smsSuppression(transactional: boolean, list: string | undefined, contact: ContactView, phoneField: string | undefined): SuppressionReason | undefined {
  if (phoneOf(contact, phoneField) === undefined) return 'noPhone';
  if (transactional) return undefined;
  if (contact.unsubscribedAll) return 'unsubscribedAll';
  const byList = listCheck(contact, list);
  if (byList) return byList;
  if (contact.smsConsent !== true) return 'noSmsConsent';
  return undefined;
}
