// Splits a timeline by contact into shards for a sharded replay
// (shardedReplay.ts): every contact, and all of its events, go to the shard
// its id hashes to, so a contact listed twice, or known only from its events,
// is still one contact in one shard. Each shard keeps the timeline's order
// (contacts in list order, events in timeline order) and, for each of its
// contacts and events, the position in the whole timeline, so that merged
// queues and warnings come out in the order one replay gives them.
import type { Contact, ContactEvent, Timeline } from '../timeline';

export interface TimelineShard {
  /** The shard's timeline: its contacts and their events, with the whole timeline's seed, start and horizon. */
  readonly timeline: Timeline;
  /** Per contact of the shard: its position in the timeline's contacts. */
  readonly contactPositions: Int32Array;
  /** Per event of the shard: its position in the timeline's events. */
  readonly eventPositions: Int32Array;
  /** How many contacts the whole timeline lists (contacts known only from events come after them). */
  readonly contactCount: number;
}

/** FNV-1a over the id: the shard of a contact (any stable spread works; this one is cheap). */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

export function splitTimeline(timeline: Timeline, shards: number): TimelineShard[] {
  const contacts: Contact[][] = [];
  const events: ContactEvent[][] = [];
  const contactPositions: number[][] = [];
  const eventPositions: number[][] = [];
  for (let k = 0; k < shards; k++) {
    contacts.push([]);
    events.push([]);
    contactPositions.push([]);
    eventPositions.push([]);
  }
  timeline.contacts.forEach((c, i) => {
    const k = shardOf(c.id, shards);
    contacts[k]!.push(c);
    contactPositions[k]!.push(i);
  });
  // Events of one contact are often neighbours: the last id's shard is kept.
  let lastId = '';
  let lastShard = 0;
  const all = timeline.events;
  for (let i = 0; i < all.length; i++) {
    const ev = all[i]!;
    const id = ev.contact;
    const k = id === lastId ? lastShard : shardOf(id, shards);
    lastId = id;
    lastShard = k;
    events[k]!.push(ev);
    eventPositions[k]!.push(i);
  }
  const { contacts: _c, events: _e, ...rest } = timeline;
  return contacts.map((list, k) => ({
    timeline: { ...rest, contacts: list, events: events[k]! },
    contactPositions: Int32Array.from(contactPositions[k]!),
    eventPositions: Int32Array.from(eventPositions[k]!),
    contactCount: timeline.contacts.length,
  }));
}
