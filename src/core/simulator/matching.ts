// Which events fire which triggers (R2, R7), satisfy a wait-for-event rule
// (R11) or an event exit criterion (R16). Events from the timeline and the
// events the journey's own actions cause have the same shape (SimEvent).
import type { AwaitedEvent, Trigger } from '../schema';
import type { ContactEvent } from '../timeline';

type WithoutContext<E> = E extends unknown ? Omit<E, 'at' | 'contact'> : never;

/** A contact event without its instant and contact (those travel beside it). */
export type SimEvent = WithoutContext<ContactEvent>;

function propertiesMatch(wanted: Readonly<Record<string, string | number | boolean>> | undefined, actual: Readonly<Record<string, string | number | boolean>> | undefined): boolean {
  if (!wanted) return true;
  for (const key of Object.keys(wanted)) {
    if (!actual || !Object.prototype.hasOwnProperty.call(actual, key) || actual[key] !== wanted[key]) return false;
  }
  return true;
}

/**
 * Whether an event fires a trigger. Date-field and segment triggers are
 * driven by the clock and the segment schedule, not by single events, except
 * `segmentEntered`, which a `segmentJoined` event fires in trigger journeys.
 */
export function triggerMatches(trigger: Trigger, ev: SimEvent): boolean {
  switch (trigger.type) {
    case 'audienceJoined':
      return ev.type === 'audienceJoined' && (trigger.list === undefined || ev.list === trigger.list);
    case 'tagAdded':
      return ev.type === 'tagAdded' && ev.tag === trigger.tag;
    case 'tagRemoved':
      return ev.type === 'tagRemoved' && ev.tag === trigger.tag;
    case 'customEvent':
      return ev.type === 'customEvent' && ev.name === trigger.name && propertiesMatch(trigger.properties, ev.properties);
    case 'formSubmitted':
      return ev.type === 'formSubmitted' && ev.form === trigger.form;
    case 'campaignActivity':
      return ev.type === 'campaignActivity' && ev.campaign === trigger.campaign && ev.activity === trigger.activity;
    case 'segmentEntered':
      return ev.type === 'segmentJoined' && ev.segment === trigger.segment;
    case 'api':
      return ev.type === 'apiEntry';
    case 'dateField':
      return false;
  }
}

/**
 * Whether an event is the awaited one. An email event names the send point
 * (`point`) or, failing that, the content it sent: `point` must be the
 * awaited send point, else `content` the content that point sends.
 */
export function awaitedMatches(awaited: AwaitedEvent, ev: SimEvent, contentOfPoint: (pointId: string) => string | undefined): boolean {
  switch (awaited.type) {
    case 'emailOpened':
    case 'emailClicked': {
      if (ev.type !== awaited.type) return false;
      const fromPoint = ev.point !== undefined ? ev.point === awaited.point : ev.content !== undefined && ev.content === contentOfPoint(awaited.point);
      if (!fromPoint) return false;
      return awaited.type === 'emailOpened' || awaited.link === undefined || (ev.type === 'emailClicked' && ev.link === awaited.link);
    }
    case 'formSubmitted':
      return ev.type === 'formSubmitted' && ev.form === awaited.form;
    case 'purchase':
      return ev.type === 'purchase' && (awaited.product === undefined || ev.product === awaited.product);
    case 'tagAdded':
      return ev.type === 'tagAdded' && ev.tag === awaited.tag;
    case 'customEvent':
      return ev.type === 'customEvent' && ev.name === awaited.name && propertiesMatch(awaited.properties, ev.properties);
  }
}
