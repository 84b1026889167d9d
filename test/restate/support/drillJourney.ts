// The drill journey of the Restate fault and cluster tests: a welcome email,
// a 1-day wait, an email with a link, a wait for its click (at most 1 day)
// that thanks or reminds, an 18-hour wait, end; and its timeline: contacts
// entering through the API an hour or so apart, every third clicking in
// time, every fifth too late, every seventh unsubscribed from the list.
import { Journey } from '../../../src/core/schema';
import { Timeline } from '../../../src/core/timeline';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const drillJourney = Journey.parse({
  formatVersion: 1,
  id: 'fault-drill',
  name: 'Fault drill',
  kind: 'trigger',
  settings: { timeZone: 'UTC', reEntry: { mode: 'never' } },
  lists: [{ id: 'news' }],
  content: [
    { id: 'welcome', channel: 'email', status: 'ready', transactional: true },
    { id: 'day1', channel: 'email', status: 'ready', list: 'news', links: ['offer'] },
    { id: 'thanks', channel: 'email', status: 'ready', transactional: true },
    { id: 'reminder', channel: 'email', status: 'ready', list: 'news' },
  ],
  startingPoints: [{ id: 'sp_api', trigger: { type: 'api' }, next: 'p_welcome' }],
  points: [
    { id: 'p_welcome', type: 'sendEmail', content: 'welcome', next: 'p_wait1' },
    { id: 'p_wait1', type: 'wait', duration: 'P1D', next: 'p_day1' },
    { id: 'p_day1', type: 'sendEmail', content: 'day1', next: 'p_click' },
    { id: 'p_click', type: 'waitForEvent', event: { type: 'emailClicked', point: 'p_day1', link: 'offer' }, timeout: 'P1D', branches: { yes: 'p_thanks', timeout: 'p_reminder' } },
    { id: 'p_thanks', type: 'sendEmail', content: 'thanks', next: 'p_end' },
    { id: 'p_reminder', type: 'sendEmail', content: 'reminder', next: 'p_wait2' },
    { id: 'p_wait2', type: 'wait', duration: 'PT18H', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

/** The drill's timeline from `t0`; no event falls in `quiet` (e.g. while the only server is down). */
export function drillContactsTimeline(options: { t0: number; contacts: number; horizon: number; spacingMs?: number; quiet?: { from: number; to: number } }): Timeline {
  const { t0 } = options;
  const spacing = options.spacingMs ?? 1.15 * HOUR;
  const contacts = Array.from({ length: options.contacts }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, email: `c${i}@example.com`, lists: { news: i % 7 === 3 ? ('unsubscribed' as const) : ('subscribed' as const) } }));
  const events: Timeline['events'] = [];
  contacts.forEach((c, i) => {
    const entered = t0 + Math.round(i * spacing);
    events.push({ at: new Date(entered).toISOString(), contact: c.id, type: 'apiEntry' });
    // Every third contact clicks within the timeout, every fifth one too late.
    if (i % 3 === 0) events.push({ at: new Date(entered + DAY + 5 * HOUR).toISOString(), contact: c.id, type: 'emailClicked', point: 'p_day1', link: 'offer' });
    if (i % 5 === 1) events.push({ at: new Date(entered + 2 * DAY + 2 * HOUR).toISOString(), contact: c.id, type: 'emailClicked', point: 'p_day1', link: 'offer' });
  });
  const quiet = options.quiet;
  const kept = quiet ? events.filter((e) => Date.parse(e.at) < quiet.from || Date.parse(e.at) > quiet.to) : events;
  kept.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return Timeline.parse({ formatVersion: 1, seed: 7, start: new Date(t0).toISOString(), horizon: new Date(options.horizon).toISOString(), contacts, events: kept });
}
