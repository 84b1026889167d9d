// Builders for small hand-written journeys and timelines, and a one-line
// rendering of trace entries so expected traces can be written literally:
// `2026-03-02T09:00:00Z c1 p_wait leave →timeout`.
import { Journey, type JourneyPoint, type StartingPoint } from '../../../src/core/schema';
import { formatInstant, SimulationError, type TraceEntry } from '../../../src/core/simulator/index';
import { type Contact, type ContactEvent, Timeline } from '../../../src/core/timeline';

export const T = (iso: string): number => Date.parse(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : iso + 'Z');

export function journey(parts: { startingPoints: StartingPoint[]; points: JourneyPoint[] } & Partial<Omit<Journey, 'startingPoints' | 'points'>>): Journey {
  return Journey.parse({ formatVersion: 1, id: 'j', name: 'Test journey', kind: 'trigger', ...parts });
}

export function timeline(contacts: Contact[], events: ContactEvent[], extra: Partial<Omit<Timeline, 'contacts' | 'events'>> = {}): Timeline {
  return Timeline.parse({ formatVersion: 1, contacts, events, ...extra });
}

/** `at contact point kind [→branch] [(reason)]` for each entry. */
export function lines(trace: readonly TraceEntry[]): string[] {
  return trace.map((e) => `${formatInstant(e.at)} ${e.contact} ${e.point} ${e.kind}${e.branch !== undefined ? ` →${e.branch}` : ''}${e.reason !== undefined ? ` (${e.reason})` : ''}${e.entry > 1 ? ` #${e.entry}` : ''}`);
}

export const tagTrigger = (id: string, tag: string, next: string, filter?: StartingPoint['filter']): StartingPoint => ({ id, trigger: { type: 'tagAdded', tag }, next, ...(filter ? { filter } : {}) });

/** The snapshot, or the error a replay stops with (its code and message), so one comparison covers both. */
export function replayOutcome(replay: () => unknown): unknown {
  try {
    return replay();
  } catch (error) {
    if (error instanceof SimulationError) return { error: error.code, message: error.message };
    throw error;
  }
}

/**
 * More contacts than a generator makes: each contact again under new ids
 * with the same data and events (so several contacts arrive at one point at
 * one instant, and their order in a queue is the timeline's), and the first
 * one listed twice; with `stranger`, one contact known only from its events.
 */
export function widenTimeline(tl: Timeline, copies: number, { stranger }: { stranger: boolean }): Timeline {
  const contacts: Contact[] = [...tl.contacts];
  const events: ContactEvent[] = [...tl.events];
  for (let k = 1; k <= copies; k++) {
    for (const c of tl.contacts) contacts.push({ ...c, id: `${c.id}_${k}` });
    for (const e of tl.events) events.push({ ...e, contact: `${e.contact}_${k}` });
  }
  if (contacts.length > 0) contacts.push({ ...contacts[0]!, tags: ['listed-twice'] });
  if (stranger) for (const e of tl.events.slice(0, 3)) events.push({ ...e, contact: 'only_in_events' });
  return Timeline.parse({ ...tl, contacts, events });
}
