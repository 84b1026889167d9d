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
