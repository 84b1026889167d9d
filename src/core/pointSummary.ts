// One-line, human summaries of starting points and journey points, e.g.
// "Wait for click on 'product' · 1 day": shown on the map, in hover and in
// the outline. Given the journey's names (`SummaryNames`), they name content,
// points, lists, campaigns, forms and segments by their titles and names
// instead of their ids.
import { describeDuration } from './durations';
import type { Filter, JourneyPoint, Trigger } from './schema';

/** What a summary calls a declared thing: its name or title, else its id. */
export interface SummaryNames {
  content(id: string): string;
  point(id: string): string;
  list(id: string): string;
  campaign(id: string): string;
  form(id: string): string;
  segment(id: string): string;
}

/** Names things by their ids (the summaries of the text's hover and outline). */
export const ID_NAMES: SummaryNames = { content: (id) => id, point: (id) => id, list: (id) => id, campaign: (id) => id, form: (id) => id, segment: (id) => id };

export const POINT_TYPE_LABELS: Record<JourneyPoint['type'], string> = {
  sendEmail: 'Send email',
  sendSms: 'Send SMS',
  addTag: 'Add tag',
  removeTag: 'Remove tag',
  updateField: 'Update field',
  subscribeList: 'Subscribe to list',
  unsubscribeList: 'Unsubscribe from list',
  webhook: 'Webhook',
  exit: 'Exit',
  ifElse: 'If / else',
  wait: 'Wait',
  waitUntil: 'Wait until',
  waitForEvent: 'Wait for event',
  split: 'Percentage split',
  end: 'End',
};

export function summarizeTrigger(trigger: Trigger, names: SummaryNames = ID_NAMES): string {
  switch (trigger.type) {
    case 'audienceJoined':
      return trigger.list ? `Joins list '${names.list(trigger.list)}'` : 'Joins the audience';
    case 'tagAdded':
      return `Tag '${trigger.tag}' added`;
    case 'tagRemoved':
      return `Tag '${trigger.tag}' removed`;
    case 'customEvent':
      return `Event '${trigger.name}'`;
    case 'formSubmitted':
      return `Submits form '${names.form(trigger.form)}'`;
    case 'campaignActivity':
      return `${activityLabel(trigger.activity)} campaign '${names.campaign(trigger.campaign)}'`;
    case 'dateField':
      return `Yearly on '${trigger.field}' at ${trigger.time}${trigger.timeZone ? ` (${trigger.timeZone})` : ''}`;
    case 'segmentEntered':
      return `Enters segment '${names.segment(trigger.segment)}'`;
    case 'api':
      return 'API call';
  }
}

function activityLabel(activity: 'opened' | 'clicked' | 'notOpened'): string {
  return activity === 'opened' ? 'Opened' : activity === 'clicked' ? 'Clicked' : 'Did not open';
}

export function summarizeFilter(filter: Filter, names: SummaryNames = ID_NAMES): string {
  switch (filter.type) {
    case 'all':
      return filter.of.length === 0 ? '(all of nothing)' : filter.of.map((f) => summarizeFilter(f, names)).join(' AND ');
    case 'any':
      return filter.of.length === 0 ? '(any of nothing)' : `(${filter.of.map((f) => summarizeFilter(f, names)).join(' OR ')})`;
    case 'not':
      return `NOT ${summarizeFilter(filter.filter, names)}`;
    case 'hasTag':
      return `tag '${filter.tag}'`;
    case 'field':
      return `${filter.field} ${filter.op}${filter.value === undefined ? '' : ` ${JSON.stringify(filter.value)}`}`;
    case 'memberOf':
      return `on list '${names.list(filter.list)}'`;
    case 'inSegment':
      return `in segment '${names.segment(filter.segment)}'`;
    case 'language':
      return `language ${filter.language}`;
    case 'campaignActivity':
      return `${activityLabel(filter.activity).toLowerCase()} campaign '${names.campaign(filter.campaign)}'`;
    case 'emailEquals':
      return `email is ${filter.email}`;
    case 'nameEquals':
      return `name is ${filter.name}`;
  }
}

export function summarizePoint(point: JourneyPoint, names: SummaryNames = ID_NAMES): string {
  switch (point.type) {
    case 'sendEmail':
      return `Email '${names.content(point.content)}'`;
    case 'sendSms':
      return `SMS '${names.content(point.content)}'${point.phoneField ? ` to ${point.phoneField}` : ''}`;
    case 'addTag':
    case 'removeTag':
      return `Tag '${point.tag}'`;
    case 'updateField':
      return `${point.field} = ${JSON.stringify(point.value)}`;
    case 'subscribeList':
    case 'unsubscribeList':
      return `List '${names.list(point.list)}'`;
    case 'webhook':
      return `${point.method ?? 'POST'} ${point.url}`;
    case 'exit':
      return point.reason ? `Exit: ${point.reason}` : 'Leave the journey';
    case 'ifElse':
      return `If ${summarizeFilter(point.condition, names)}`;
    case 'wait':
      return describeDuration(point.duration);
    case 'waitUntil':
      return `${point.at.replace('T', ' ')}${point.timeZone ? ` ${point.timeZone}` : ''}`;
    case 'waitForEvent': {
      const e = point.event;
      const what =
        e.type === 'emailClicked' ? `click${e.link ? ` on '${e.link}'` : ''} in '${names.point(e.point)}'`
        : e.type === 'emailOpened' ? `open of '${names.point(e.point)}'`
        : e.type === 'formSubmitted' ? `form '${names.form(e.form)}'`
        : e.type === 'purchase' ? `purchase${e.product ? ` of '${e.product}'` : ''}`
        : e.type === 'tagAdded' ? `tag '${e.tag}'`
        : `event '${e.name}'`;
      return `Wait for ${what} · ${describeDuration(point.timeout)}`;
    }
    case 'split':
      return point.branches.map((b) => `${b.percent}%`).join(' / ');
    case 'end':
      return 'Journey complete';
  }
}
