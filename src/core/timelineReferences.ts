// Checks every name a timeline gives against the journey it is replayed
// with. Two kinds of names, two severities:
// - Journey references are errors: the content, point and link of an
//   emailOpened/emailClicked event and the starting point of an apiEntry
//   name something of the journey. A misspelt one is a typo for sure and
//   changes the replay silently (a click on a misspelt link is ignored and
//   the contact takes the timeout branch).
// - Contact data are warnings, and only when the name is close to one the
//   journey uses (a likely typo): tags, lists, segments, forms and campaigns
//   of contacts and events are the contact's own data, which may
//   legitimately hold names the journey never mentions ("newsletter" list
//   of a contact in a VIP journey). The same goes for an event for a
//   contact missing from `contacts` (the simulator replays it as a new
//   contact) when its id is close to a listed contact.
// Pure; the caller locates each finding by its path in the timeline text.
import { journeyNames, type ReferenceFinding, unknownName } from './journeyNames';
import type { Journey } from './schema';
import type { Timeline } from './timeline';

export function timelineReferences(timeline: Timeline, journey: Journey, journeyFile: string): ReferenceFinding[] {
  const names = journeyNames(journey);
  const where = `journey ${journeyFile}`;
  const findings: ReferenceFinding[] = [];
  const add = (f: ReferenceFinding | undefined) => {
    if (f) findings.push(f);
  };
  const data = (kind: Parameters<typeof unknownName>[0], name: string, known: ReadonlySet<string>, path: (string | number)[]) =>
    add(unknownName(kind, name, known, path, where, 'warning', true));
  const contactIds = new Set(timeline.contacts.map((c) => c.id));

  timeline.contacts.forEach((c, i) => {
    (c.tags ?? []).forEach((tag, k) => data('tag', tag, names.tags, ['contacts', i, 'tags', k]));
    for (const list of Object.keys(c.lists ?? {})) {
      const f = unknownName('list', list, names.lists, ['contacts', i, 'lists', list], where, 'warning', true);
      if (f) add({ ...f, onKey: true });
    }
    (c.segments ?? []).forEach((segment, k) => data('segment', segment, names.segments, ['contacts', i, 'segments', k]));
  });

  // Millions of events: a path is built only for a name the journey lacks.
  const pointById = new Map(journey.points.map((p) => [p.id, p]));
  const events = timeline.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = (key: string) => ['events', i, key];
    if (!contactIds.has(e.contact)) add(unknownName('contact', e.contact, contactIds, at('contact'), 'the contacts of this timeline', 'warning', true));
    switch (e.type) {
      case 'emailOpened':
      case 'emailClicked': {
        if (e.content !== undefined && !names.content.has(e.content)) add(unknownName('content', e.content, names.content, at('content'), where));
        if (e.point !== undefined && !names.points.has(e.point)) add(unknownName('point', e.point, names.points, at('point'), where));
        if (e.type === 'emailClicked' && e.link !== undefined) {
          const point = e.point === undefined ? undefined : pointById.get(e.point);
          const content = e.content ?? (point?.type === 'sendEmail' ? point.content : undefined);
          const ofContent = content === undefined ? undefined : names.linksOf.get(content);
          const known = ofContent ?? names.links;
          // A journey that names no link at all awaits no particular link: any click counts.
          if (known.size > 0 && !known.has(e.link)) add(unknownName('link', e.link, known, at('link'), ofContent ? `content item "${content}" of ${where}` : where));
        }
        break;
      }
      case 'apiEntry':
        if (e.startingPoint !== undefined && !names.startingPoints.has(e.startingPoint)) add(unknownName('startingPoint', e.startingPoint, names.startingPoints, at('startingPoint'), where));
        break;
      case 'tagAdded':
      case 'tagRemoved':
        if (!names.tags.has(e.tag)) data('tag', e.tag, names.tags, at('tag'));
        break;
      case 'audienceJoined':
      case 'unsubscribed':
      case 'subscribed':
        if (e.list !== undefined && !names.lists.has(e.list)) data('list', e.list, names.lists, at('list'));
        break;
      case 'segmentJoined':
      case 'segmentLeft':
        if (!names.segments.has(e.segment)) data('segment', e.segment, names.segments, at('segment'));
        break;
      case 'formSubmitted':
        if (!names.forms.has(e.form)) data('form', e.form, names.forms, at('form'));
        break;
      case 'campaignActivity':
        if (!names.campaigns.has(e.campaign)) data('campaign', e.campaign, names.campaigns, at('campaign'));
        break;
    }
  }
  return findings;
}
