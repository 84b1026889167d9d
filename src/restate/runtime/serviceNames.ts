// The Restate names of a journey's services and the keys of their objects,
// shared by the runtime, the ingress client, the project generator and the
// tests, so a URL is spelled in one place.
//   journey.<id>.Contact   virtual object, key = contact id: events in, state per contact
//   journey.<id>.Stay      workflow, key = v<version>/<contact>/<entry>: one per stay
//   journey.<id>.Stats     virtual object, key = v<version>.<shard>: counters and queues
//   journey.<id>           service: stats, queue and contact queries

export interface JourneyServiceNames {
  contact: string;
  stay: string;
  stats: string;
  api: string;
}

export function serviceNames(journeyId: string): JourneyServiceNames {
  const base = `journey.${journeyId}`;
  return { contact: `${base}.Contact`, stay: `${base}.Stay`, stats: `${base}.Stats`, api: base };
}

export function stayKey(version: number, contact: string, entry: number): string {
  return `v${version}/${contact}/${entry}`;
}

export function statsKey(version: number, shard: number): string {
  return `v${version}.${shard}`;
}

/** The stats shard of a contact: a stable hash of its id (FNV-1a), modulo the shard count. */
export function shardOf(contact: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < contact.length; i++) {
    h ^= contact.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}
