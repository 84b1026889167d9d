// The rules of src/core/semantics.md in one or two sentences each, and which
// rules govern each point, trigger, filter and awaited-event type: the text
// of hovers and of the documentation of type completions.
import type { AwaitedEvent, Filter, PointType, TriggerType } from '../src/core/schema';
import { POINT_TYPE_LABELS } from '../src/core/pointSummary';

export const RULE_DOCS: Record<string, string> = {
  R0: 'Durations are ISO 8601: hours, minutes and seconds are exact; days and weeks are meant to be nominal (the same local time in the journey zone), but are 24 h today.',
  R1: 'A journey has one or more starting points; the account plan (or `settings.limits`) caps how many: up to 3 on Standard and above, 1 below.',
  R2: 'Each starting point has exactly one trigger: audience or list joined, tag added or removed, custom event, form submitted, campaign activity, a yearly date field, segment entered, or an API call.',
  R3: 'A starting point may carry a filter (all / any / not over contact predicates); a contact enters only if it holds when the trigger fires.',
  R4: 'Journey points are actions and rules; every point names its successors, every reference resolves, every point is reachable from a starting point, and every cycle passes a wait of positive duration or a wait for an event with a positive timeout.',
  R5: 'A journey is trigger-based or segment-based; a segment-based journey names its segment, schedule, start date/time and time zone.',
  R6: 'Journey settings: re-entry, exit criteria, and the lists, segments and content the journey uses (content is draft or ready).',
  R7: 'A contact enters at the starting point whose trigger fired and filter held, never while already in the journey; re-entry after leaving follows the re-entry setting.',
  R8: 'Actions take no time: a contact passes a chain of actions at one instant, in order, and each pass is recorded.',
  R9: 'Wait a duration: the contact waits exactly that long, then goes on.',
  R10: 'Wait until a date/time in the journey or point time zone; if it has already passed on arrival, the contact goes on at once.',
  R11: 'Wait for an event with a timeout: only events after arrival count; the first match takes the yes branch at once; otherwise the timeout branch is taken exactly at arrival + timeout (an event at the deadline still counts).',
  R12: 'If/else evaluates the contact data at the instant of arrival.',
  R13: 'A percentage split sends each contact down one branch, reproducibly from a seed; percentages add up to 100.',
  R14: 'At one instant, external events apply in timeline order before timers due then; the same journey, timeline and seed always give the same trace.',
  R15: 'Each contact in the journey waits at exactly one point; started = in progress + completed + exited at every instant.',
  R16: 'Exit criteria are checked whenever contact data changes or an event arrives; a contact meeting one leaves from wherever it is.',
  R17: 'Consent: a marketing email needs a subscription to its list; a list unsubscribe suppresses that list only, a master unsubscribe stops all marketing; transactional messages are always sent; SMS needs a phone number and SMS consent.',
  R18: "Frequency: the contact's chosen frequency caps marketing emails per period; a send over the cap is suppressed with reason \"frequency\".",
  R19: 'Segment schedules: one-time static runs once; one-time rolling also enters later members, each at most once ever; recurring enters the members added since the previous run.',
  R20: 'A date-field starting point (birthday) fires yearly on the date, at the configured time and time zone; 29 February falls on 28 February in other years.',
  R21: 'A journey can be published only with no errors and every content item it sends ready, and only once the person confirms after seeing what will happen and every warning.',
  R22: 'A published journey is frozen: changing it means a new version; every published version is kept.',
  R23: 'Replay bounds: events and timers at the horizon happen; an event for a contact the timeline does not list creates it, with a warning.',
};

export interface TypeDoc {
  label: string;
  /** What it does, in one sentence. */
  text: string;
  rules: readonly string[];
}

const ACTION = 'An action: takes no time.';

export const POINT_TYPE_DOCS: Record<PointType, TypeDoc> = {
  sendEmail: { label: POINT_TYPE_LABELS.sendEmail, text: `Sends an email content item. ${ACTION}`, rules: ['R8', 'R17', 'R18', 'R21'] },
  sendSms: { label: POINT_TYPE_LABELS.sendSms, text: `Sends an SMS content item to the phone field. ${ACTION}`, rules: ['R8', 'R17', 'R21'] },
  addTag: { label: POINT_TYPE_LABELS.addTag, text: `Adds a tag to the contact. ${ACTION}`, rules: ['R8'] },
  removeTag: { label: POINT_TYPE_LABELS.removeTag, text: `Removes a tag from the contact. ${ACTION}`, rules: ['R8'] },
  updateField: { label: POINT_TYPE_LABELS.updateField, text: `Sets a contact field. ${ACTION}`, rules: ['R8', 'R16'] },
  subscribeList: { label: POINT_TYPE_LABELS.subscribeList, text: `Subscribes the contact to a list. ${ACTION}`, rules: ['R8', 'R17'] },
  unsubscribeList: { label: POINT_TYPE_LABELS.unsubscribeList, text: `Unsubscribes the contact from one list only. ${ACTION}`, rules: ['R8', 'R17'] },
  webhook: { label: POINT_TYPE_LABELS.webhook, text: `Calls a webhook. ${ACTION}`, rules: ['R8'] },
  exit: { label: POINT_TYPE_LABELS.exit, text: 'The contact leaves the journey (counted as exited).', rules: ['R15'] },
  ifElse: { label: POINT_TYPE_LABELS.ifElse, text: 'Takes the yes or no branch by a condition on the contact data.', rules: ['R12'] },
  wait: { label: POINT_TYPE_LABELS.wait, text: 'Waits a duration.', rules: ['R9'] },
  waitUntil: { label: POINT_TYPE_LABELS.waitUntil, text: 'Waits until a local date/time.', rules: ['R10'] },
  waitForEvent: { label: POINT_TYPE_LABELS.waitForEvent, text: 'Waits for an event, at most the timeout.', rules: ['R11'] },
  split: { label: POINT_TYPE_LABELS.split, text: 'Sends each contact down one branch by percentage.', rules: ['R13'] },
  end: { label: POINT_TYPE_LABELS.end, text: 'The contact completes the journey.', rules: ['R15'] },
};

export const TRIGGER_TYPE_DOCS: Record<TriggerType, TypeDoc> = {
  audienceJoined: { label: 'Joins the audience or a list', text: 'Fires when the contact joins the audience, or the named list.', rules: ['R2'] },
  tagAdded: { label: 'Tag added', text: 'Fires when the tag is added to the contact.', rules: ['R2'] },
  tagRemoved: { label: 'Tag removed', text: 'Fires when the tag is removed from the contact.', rules: ['R2'] },
  customEvent: { label: 'Custom event', text: 'Fires on an event of this name whose properties all match.', rules: ['R2'] },
  formSubmitted: { label: 'Form submitted', text: 'Fires when the contact submits the form.', rules: ['R2'] },
  campaignActivity: { label: 'Campaign activity', text: 'Fires when the contact opened, clicked or did not open a campaign.', rules: ['R2'] },
  dateField: { label: 'Date field (yearly)', text: 'Fires every year on the date in a contact field, e.g. a birthday.', rules: ['R2', 'R20'] },
  segmentEntered: { label: 'Segment entered', text: 'Fires when the contact enters the segment.', rules: ['R2', 'R19'] },
  api: { label: 'API call', text: 'Fires when an API call starts the contact.', rules: ['R2'] },
};

export const FILTER_TYPE_DOCS: Record<Filter['type'], TypeDoc> = {
  all: { label: 'All of', text: 'Holds when every filter of `of` holds.', rules: ['R3'] },
  any: { label: 'Any of', text: 'Holds when at least one filter of `of` holds.', rules: ['R3'] },
  not: { label: 'Not', text: 'Holds when `filter` does not.', rules: ['R3'] },
  hasTag: { label: 'Has tag', text: 'The contact has the tag.', rules: ['R3'] },
  field: { label: 'Field compare', text: 'Compares a contact field with `op` (and `value`).', rules: ['R3'] },
  memberOf: { label: 'Member of list', text: 'The contact is subscribed to the list.', rules: ['R3'] },
  inSegment: { label: 'In segment', text: 'The contact is in the segment.', rules: ['R3'] },
  language: { label: 'Language', text: 'The contact speaks the language.', rules: ['R3'] },
  campaignActivity: { label: 'Campaign activity', text: 'The contact opened, clicked or did not open the campaign.', rules: ['R3'] },
  emailEquals: { label: 'Email equals', text: 'The contact has this email address.', rules: ['R3'] },
  nameEquals: { label: 'Name equals', text: 'The contact has this name.', rules: ['R3'] },
};

export const EVENT_TYPE_DOCS: Record<AwaitedEvent['type'], TypeDoc> = {
  emailOpened: { label: 'Email opened', text: 'The contact opens the email sent by the named send-email point.', rules: ['R11'] },
  emailClicked: { label: 'Email clicked', text: 'The contact clicks a link (or the named link) in the email sent by the named point.', rules: ['R11'] },
  formSubmitted: { label: 'Form submitted', text: 'The contact submits the form.', rules: ['R11'] },
  purchase: { label: 'Purchase', text: 'The contact buys (the product, if named).', rules: ['R11'] },
  tagAdded: { label: 'Tag added', text: 'The tag is added to the contact.', rules: ['R11'] },
  customEvent: { label: 'Custom event', text: 'An event of this name whose properties all match.', rules: ['R11'] },
};

export const TYPE_DOCS = { point: POINT_TYPE_DOCS, trigger: TRIGGER_TYPE_DOCS, filter: FILTER_TYPE_DOCS, event: EVENT_TYPE_DOCS } as const;
export type TypeFamily = keyof typeof TYPE_DOCS;

/** The rules as Markdown lines: `**R11** Wait for an event ...`. */
export function rulesMarkdown(rules: readonly string[]): string {
  return rules.map((r) => `**${r}** ${RULE_DOCS[r] ?? ''}`).join('\n\n');
}

/** The documentation of one type as Markdown. */
export function typeDocMarkdown(doc: TypeDoc): string {
  return `**${doc.label}**: ${doc.text}\n\n${rulesMarkdown(doc.rules)}`;
}
