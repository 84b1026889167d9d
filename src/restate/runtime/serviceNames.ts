// The Restate names of a journey's services and the keys of their objects,
// shared by the runtime, the ingress client, the project generator and the
// tests, so a URL is spelled in one place.
//   journey.<id>.Contact   virtual object, key = contact id: events in, state per contact
//   journey.<id>.Stay      workflow, key = v<version>/<contact>/<entry>: the stays an earlier runtime began (none are started now)
//   journey.<id>.Stats     service: counters and queues, summed from the stats each contact keeps
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
