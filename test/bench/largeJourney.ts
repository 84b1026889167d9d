// Generates a large, valid, realistic journey for benchmarks and fuzzing:
// `pointCount` journey points of every type in a branching flow, with the
// content items, tags, lists and fields they use, pretty-printed the way an
// editor saves it (2,000 points ≈ 1 MB). Deterministic: the same count
// always gives the same text.
import type { ContentItem, Journey, JourneyPoint } from '../../src/core/schema';

const TOPICS = [
  'awareness: blog posts and articles on the topics the contact chose in the sign-up form',
  'conversion: webinar invitation, reminder the day before and the recording afterwards',
  'advocacy: referral programme, reviews and the customer community',
  'onboarding: product tour, first steps and the help centre',
];

export function largeJourney(pointCount = 2000): Journey {
  const points: JourneyPoint[] = [];
  const content: ContentItem[] = [];
  const id = (i: number) => `p_${String(i).padStart(5, '0')}`;
  const last = pointCount - 1;
  // Every point leads forward (to i+1 or i+2), so the graph is acyclic and every point is reachable.
  const ahead = (i: number, step: number) => id(Math.min(i + step, last));
  for (let i = 0; i < pointCount; i++) {
    const title = `Step ${i + 1} of ${pointCount} in the nurture flow, every two days in the contact time zone (${TOPICS[i % TOPICS.length]})`;
    if (i === last) {
      points.push({ id: id(i), type: 'end', title: 'Journey complete' });
      continue;
    }
    switch (i % 10) {
      case 0: {
        const contentId = `email_${i}`;
        content.push({ id: contentId, channel: 'email', name: `Nurture email ${i}, ${TOPICS[(i / 10) % TOPICS.length]!.split(":")[0]} stage`, subject: `Week ${i / 10 + 1}: ${TOPICS[(i / 10) % TOPICS.length]}, picked for *|FNAME|*`, status: 'ready', list: 'newsletter', links: ['read-more', 'webinar', 'unsubscribe-preferences', 'view-in-browser'] });
        points.push({ id: id(i), type: 'sendEmail', title, content: contentId, next: ahead(i, 1) });
        break;
      }
      case 1:
        points.push({ id: id(i), type: 'waitForEvent', title, event: { type: 'emailClicked', point: id(i - 1), link: 'webinar' }, timeout: 'P2D', branches: { yes: ahead(i, 1), timeout: ahead(i, 2) } });
        break;
      case 2:
        points.push({ id: id(i), type: 'addTag', title, tag: 'engaged', next: ahead(i, 1) });
        break;
      case 3:
        points.push({ id: id(i), type: 'wait', title, duration: 'P1DT12H', next: ahead(i, 1) });
        break;
      case 4:
        points.push({
          id: id(i),
          type: 'ifElse',
          title,
          condition: { type: 'all', of: [{ type: 'hasTag', tag: 'engaged' }, { type: 'field', field: 'score', op: 'gte', value: 10 }, { type: 'not', filter: { type: 'language', language: 'de' } }] },
          branches: { yes: ahead(i, 1), no: ahead(i, 2) },
        });
        break;
      case 5:
        points.push({ id: id(i), type: 'updateField', title, field: 'score', value: i, next: ahead(i, 1) });
        break;
      case 6: {
        const contentId = `sms_${i}`;
        content.push({ id: contentId, channel: 'sms', name: `Reminder SMS ${i} for the webinar of this week`, status: 'ready', list: 'sms_alerts' });
        points.push({ id: id(i), type: 'sendSms', title, content: contentId, phoneField: 'mobile', next: ahead(i, 1) });
        break;
      }
      case 7:
        points.push({ id: id(i), type: 'split', title, branches: [{ percent: 30, next: ahead(i, 1), label: 'A' }, { percent: 70, next: ahead(i, 2), label: 'B' }] });
        break;
      case 8:
        points.push({ id: id(i), type: 'subscribeList', title, list: 'newsletter', next: ahead(i, 1) });
        break;
      default:
        points.push({ id: id(i), type: 'removeTag', title, tag: 'engaged', next: ahead(i, 1) });
    }
  }
  return {
    formatVersion: 1,
    id: 'large-nurture',
    name: `Large nurture journey (${pointCount} points)`,
    description: 'Generated for benchmarks: every point type in a branching, acyclic flow.',
    platform: 'generic',
    kind: 'trigger',
    status: 'draft',
    settings: { plan: 'premium', limits: { startingPoints: 3, journeyPoints: pointCount + 10 }, timeZone: 'Europe/Berlin', reEntry: { mode: 'afterCooldown', cooldown: 'P30D' } },
    lists: [{ id: 'newsletter', name: 'Newsletter', kind: 'marketing' }, { id: 'sms_alerts', name: 'SMS alerts', kind: 'marketing' }],
    tags: ['engaged', 'signup'],
    fields: [{ name: 'score', type: 'number' }, { name: 'mobile', type: 'string' }],
    content,
    startingPoints: [
      { id: 'sp_signup', name: 'Signed up', trigger: { type: 'tagAdded', tag: 'signup' }, filter: { type: 'memberOf', list: 'newsletter' }, next: id(0) },
      { id: 'sp_form', name: 'Web form', trigger: { type: 'formSubmitted', form: 'webform' }, next: id(0) },
    ],
    points,
    // The map pins of a journey someone has arranged by hand.
    layout: Object.fromEntries(points.map((p, i) => [p.id, { x: 240 * (i % 7), y: 160 * Math.floor(i / 7) }])),
  };
}

/** The journey as the editor saves it: two-space indentation, a final newline. */
export function largeJourneyText(pointCount = 2000): string {
  return `${JSON.stringify(largeJourney(pointCount), null, 2)}\n`;
}
