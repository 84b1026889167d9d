// What the journey declares, read loosely from the raw value, to offer as
// choices in the inspector: content by channel, lists, tags, segments,
// campaigns, forms, fields, and its points.
import { arrayField, stringField } from '../../src/core/edits/nodeReferences';
import type { Choice } from './toolkit';

export interface Declarations {
  emailContent: Choice[];
  smsContent: Choice[];
  lists: Choice[];
  segments: Choice[];
  campaigns: Choice[];
  forms: Choice[];
  tags: Choice[];
  fields: { name: string; type: string }[];
  /** Every journey point, for successor choices. */
  points: Choice[];
  /** Send-email points, for wait-for-event rules. */
  emailPoints: Choice[];
  /** Links of each email content item. */
  linksOfContent: Map<string, string[]>;
  /** Content sent by each send point. */
  contentOfPoint: Map<string, string>;
}

const named = (section: unknown[]): Choice[] =>
  section
    .map((x) => ({ value: stringField(x, 'id') ?? '', label: stringField(x, 'name') ? `${stringField(x, 'name')} (${stringField(x, 'id')})` : (stringField(x, 'id') ?? '') }))
    .filter((c) => c.value);

export function declarationsOf(journey: unknown): Declarations {
  const content = arrayField(journey, 'content');
  const points = arrayField(journey, 'points');
  const linksOfContent = new Map<string, string[]>();
  for (const c of content) {
    const id = stringField(c, 'id');
    if (id) linksOfContent.set(id, arrayField(c, 'links').filter((l): l is string => typeof l === 'string'));
  }
  const contentOfPoint = new Map<string, string>();
  for (const p of points) {
    const id = stringField(p, 'id');
    const c = stringField(p, 'content');
    if (id && c) contentOfPoint.set(id, c);
  }
  const pointChoice = (p: unknown): Choice => {
    const id = stringField(p, 'id') ?? '';
    const title = stringField(p, 'title');
    return { value: id, label: title ? `${title} (${id})` : id };
  };
  return {
    emailContent: named(content.filter((c) => stringField(c, 'channel') === 'email')),
    smsContent: named(content.filter((c) => stringField(c, 'channel') === 'sms')),
    lists: named(arrayField(journey, 'lists')),
    segments: named(arrayField(journey, 'segments')),
    campaigns: named(arrayField(journey, 'campaigns')),
    forms: named(arrayField(journey, 'forms')),
    tags: arrayField(journey, 'tags').filter((t): t is string => typeof t === 'string').map((t) => ({ value: t, label: t })),
    fields: arrayField(journey, 'fields').map((f) => ({ name: stringField(f, 'name') ?? '', type: stringField(f, 'type') ?? 'string' })).filter((f) => f.name),
    points: points.map(pointChoice).filter((c) => c.value),
    emailPoints: points.filter((p) => stringField(p, 'type') === 'sendEmail').map(pointChoice).filter((c) => c.value),
    linksOfContent,
    contentOfPoint,
  };
}
