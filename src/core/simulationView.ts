// What the editor shows of a simulation: the instants worth stepping to,
// the per-point overlay for the map, each contact's path and place. Pure
// functions of the simulator's snapshots, shared by the Contact Queues view,
// the map overlay and their tests.
import { setOwn } from './ownProperty';
import { placeOf } from './scenarioCheck';
import type { Place } from './scenario';
import type { SimulationSnapshot } from './simulator/types';

export interface PointOverlay {
  entered: number;
  left: number;
  queued: number;
  sent: number;
  suppressed: number;
  /** Contacts that left the journey there without completing it (exit criteria, an exit point, unsubscribing). */
  exited: number;
}

export interface MapOverlay {
  label: string;
  points: Record<string, PointOverlay>;
  startingPoints: Record<string, { entered: number }>;
  contact?: { id: string; label: string; path: string[] };
  /** The overlay describes an older version of the journey (it could not be simulated again). */
  stale?: boolean;
}

/** How a contact is named on the map and in the queues: its name and email, else its id. */
export function contactLabel(contact: { id: string; name?: string | undefined; email?: string | undefined }): string {
  if (contact.name && contact.email) return `${contact.name} <${contact.email}>`;
  return contact.name ?? contact.email ?? contact.id;
}

/** Every instant at which something happened in the replay, in order: the steps of the time scrubber. */
export function instantsOf(snapshot: SimulationSnapshot): number[] {
  // The trace is in time order as the replay writes it: its distinct instants in one pass (#16: a Set and a
  // comparator sort of a million-entry trace took seconds); a trace out of order is sorted.
  const trace = snapshot.trace;
  const instants = new Float64Array(trace.length + 1);
  instants[0] = snapshot.start;
  let n = 1;
  let sorted = true;
  for (let k = 0; k < trace.length; k++) {
    const at = trace[k]!.at;
    const last = instants[n - 1]!;
    if (at === last) continue;
    if (at < last) sorted = false;
    instants[n++] = at;
  }
  const distinct = instants.subarray(0, n);
  if (sorted) return Array.from(distinct);
  distinct.sort();
  const result: number[] = [];
  for (let k = 0; k < n; k++) if (k === 0 || distinct[k] !== distinct[k - 1]) result.push(distinct[k]!);
  return result;
}

/** The node ids a contact went through, in order (starting point ids included), for its latest stay or all of them. */
export function pathOf(snapshot: SimulationSnapshot, contact: string): string[] {
  const path: string[] = [];
  for (const entry of snapshot.trace) {
    if (entry.contact !== contact) continue;
    if (path[path.length - 1] !== entry.point) path.push(entry.point);
  }
  return path;
}

export function formatInstantShort(t: number): string {
  return new Date(t).toISOString().replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, '').replace(/Z$/, '') + ' UTC';
}

export function mapOverlay(snapshot: SimulationSnapshot, selectedContact?: { id: string; label: string }): MapOverlay {
  const exits = new Map<string, number>();
  for (const entry of snapshot.trace) if (entry.kind === 'exit' && entry.at <= snapshot.at) exits.set(entry.point, (exits.get(entry.point) ?? 0) + 1);
  const points: Record<string, PointOverlay> = {};
  for (const [id, c] of Object.entries(snapshot.points)) setOwn(points, id, { entered: c.entered, left: c.left, queued: c.queued, sent: c.sent, suppressed: c.suppressed, exited: exits.get(id) ?? 0 });
  return {
    label: `Simulated to ${formatInstantShort(snapshot.at)} · ${snapshot.stats.started} started · ${snapshot.stats.inProgress} in progress · ${snapshot.stats.completed} completed · ${snapshot.stats.exited} exited`,
    points,
    startingPoints: snapshot.startingPoints,
    ...(selectedContact ? { contact: { id: selectedContact.id, label: selectedContact.label, path: pathOf(snapshot, selectedContact.id) } } : {}),
  };
}

export interface ContactPlace {
  contact: string;
  place: Place;
  point?: string;
}

/** Where every contact of the timeline is at the snapshot's instant. */
export function contactPlaces(snapshot: SimulationSnapshot, contacts: readonly string[]): ContactPlace[] {
  return contacts.map((contact) => ({ contact, ...placeOf(snapshot, contact) }));
}
