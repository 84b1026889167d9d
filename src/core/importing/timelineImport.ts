// One import of an event history into a timeline, a record at a time
// (streamed by the caller): Segment Spec messages (identify: the contact's
// traits; track: an event) or CSV rows. Keeps only the contacts (their
// first traits) and counts; each event is handed to `emit` as soon as it is
// made, so memory follows the number of contacts, not of events. Track
// events without a template and message types a timeline has no use for
// (page, screen, group, alias) are counted by name, never dropped silently;
// a record that cannot become an event is a bad row, reported with its line.
// A contact's first identify sets its data; a later one becomes events
// (fieldChanged, tagAdded) at its instant where the timeline has them, and
// the other trait changes are counted as not replayed.
import { type Contact, Contact as ContactSchema, ContactEvent, Instant } from '../timeline';
import { setTrait } from './contactTraits';
import { type EventTemplate, fillTemplate, valueAtPath } from './eventTemplate';
import { type CsvMapping, SEGMENT_SPEC_EVENTS, SEGMENT_SPEC_TRAITS, type SegmentMapping } from './importMapping';

export interface BadRow {
  line: number;
  message: string;
}

export interface ImportReport {
  contacts: number;
  events: number;
  /** Source event names no template maps, with how many records had each. */
  unmapped: Record<string, number>;
  /** Segment message types a timeline has no use for (page, screen, group, alias), with counts. */
  ignoredTypes: Record<string, number>;
  /** Later identify traits that changed something a timeline event cannot say (email, phone...), with counts. */
  traitChangesNotReplayed: Record<string, number>;
  badRows: number;
}

const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

export class TimelineImport {
  private readonly contacts = new Map<string, Record<string, unknown>>();
  private readonly identified = new Set<string>();
  private readonly unmapped = new Map<string, number>();
  private readonly ignoredTypes = new Map<string, number>();
  private readonly notReplayed = new Map<string, number>();
  private events = 0;
  private badRows = 0;

  constructor(
    private readonly emit: (event: ContactEvent) => void,
    private readonly onBadRow: (row: BadRow) => void,
  ) {}

  private bad(line: number, message: string): void {
    this.badRows++;
    this.onBadRow({ line, message });
  }

  /** A record the caller could not read (not JSON, not a CSV row): a bad row. */
  unreadable(row: BadRow): void {
    this.bad(row.line, row.message);
  }

  private contact(id: string): Record<string, unknown> {
    let c = this.contacts.get(id);
    if (!c) this.contacts.set(id, (c = { id }));
    return c;
  }

  /** The event of a template for one record, or a bad row. */
  private event(template: EventTemplate, read: (path: string) => unknown, values: Record<string, Record<string, string>> | undefined, at: string, contact: string, line: number, what: string): void {
    const filled = fillTemplate(template, read, values);
    const parsed = ContactEvent.safeParse({ ...filled, at, contact });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      this.bad(line, `${what} does not make a ${String(template.type)} event: ${issue.path.join('.') || 'event'}: ${issue.message}`);
      return;
    }
    this.contact(contact);
    this.events++;
    this.emit(parsed.data);
  }

  /** An instant as the timeline writes it: ISO 8601 with an offset (or UTC, when asked, for one without). */
  private instant(value: unknown, assumeUtc: boolean): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const text = value.trim();
    if (Instant.safeParse(text).success) return text;
    const iso = text.replace(' ', 'T');
    if (Instant.safeParse(iso).success) return iso;
    if (assumeUtc && Instant.safeParse(`${iso}Z`).success) return `${iso}Z`;
    return undefined;
  }

  /** One Segment Spec message (one line of the NDJSON history). */
  segment(message: unknown, line: number, mapping: SegmentMapping): void {
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return this.bad(line, 'a Segment message is a JSON object');
    const m = message as Record<string, unknown>;
    const idValue = mapping.contactId ? valueAtPath(m, mapping.contactId) : (m['userId'] ?? m['anonymousId']);
    const id = typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : undefined;
    const type = m['type'];
    if (type !== 'identify' && type !== 'track') {
      count(this.ignoredTypes, typeof type === 'string' ? type : '(no type)');
      return;
    }
    if (id === undefined || id === '') return this.bad(line, `a ${type} message without ${mapping.contactId ?? 'userId or anonymousId'}`);
    const at = this.instant(m['timestamp'] ?? m['originalTimestamp'] ?? m['sentAt'] ?? m['receivedAt'], false);
    if (type === 'identify') return this.identify(id, m['traits'], at, line, mapping);
    const name = m['event'];
    if (typeof name !== 'string' || name === '') return this.bad(line, 'a track message without an event name');
    if (at === undefined) return this.bad(line, `"${name}" has no timestamp that is an ISO 8601 instant with an offset`);
    const template = (mapping.events && Object.hasOwn(mapping.events, name) ? mapping.events[name] : undefined) ?? (Object.hasOwn(SEGMENT_SPEC_EVENTS, name) ? SEGMENT_SPEC_EVENTS[name] : undefined) ?? (mapping.keepUnmapped ? { type: 'customEvent', name, properties: '$properties' } : undefined);
    if (!template) {
      count(this.unmapped, name);
      return;
    }
    this.event(template, (path) => valueAtPath(m, path), mapping.values, at, id, line, `"${name}"`);
  }

  private identify(id: string, traits: unknown, at: string | undefined, line: number, mapping: SegmentMapping): void {
    if (traits === undefined) traits = {};
    if (traits === null || typeof traits !== 'object' || Array.isArray(traits)) return this.bad(line, 'identify traits are a JSON object');
    const targetOf = (trait: string) => mapping.traits?.[trait] ?? SEGMENT_SPEC_TRAITS[trait] ?? `fields.${trait}`;
    const first = !this.identified.has(id);
    this.identified.add(id);
    const contact = this.contact(id);
    if (first) {
      const candidate = { ...contact };
      for (const [trait, value] of Object.entries(traits)) {
        if (!setTrait(candidate, targetOf(trait), value)) count(this.notReplayed, trait);
      }
      const checked = ContactSchema.safeParse(candidate);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        return this.bad(line, `the traits do not make a contact: ${issue.path.join('.')}: ${issue.message}`);
      }
      Object.assign(contact, candidate);
      return;
    }
    for (const [trait, value] of Object.entries(traits)) {
      const target = targetOf(trait);
      if (target.startsWith('fields.') && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)) {
        const field = target.slice('fields.'.length);
        const before = (contact['fields'] as Record<string, unknown> | undefined)?.[field];
        if (before === value) continue;
        if (at === undefined) return this.bad(line, 'an identify that changes traits has no timestamp that is an ISO 8601 instant with an offset');
        // The value as the trait gives it, null included (the field was cleared): a template value that is not a "$path" is kept as written.
        this.event({ type: 'fieldChanged', field, value }, () => value, undefined, at, id, line, `trait "${trait}"`);
      } else if (target === 'tags' && Array.isArray(value)) {
        const had = new Set((contact['tags'] as string[] | undefined) ?? []);
        for (const tag of value) if (typeof tag === 'string' && !had.has(tag) && at !== undefined) this.event({ type: 'tagAdded', tag }, () => undefined, undefined, at, id, line, `trait "${trait}"`);
      } else if (JSON.stringify(value) !== JSON.stringify(contact[target])) count(this.notReplayed, trait);
    }
  }

  /** One CSV row (its columns by header name), at its line in the file. */
  csv(row: Record<string, string>, line: number, mapping: CsvMapping): void {
    const id = row[mapping.columns.contact]?.trim();
    if (!id) return this.bad(line, `no contact id in column "${mapping.columns.contact}"`);
    const name = row[mapping.columns.event]?.trim();
    if (!name) return this.bad(line, `no event name in column "${mapping.columns.event}"`);
    const at = this.instant(row[mapping.columns.at], mapping.assumeUtc ?? false);
    if (!at) return this.bad(line, `"${row[mapping.columns.at] ?? ''}" in column "${mapping.columns.at}" is not an ISO 8601 instant${mapping.assumeUtc ? '' : ' with an offset'}`);
    if (!this.contacts.has(id) && mapping.contact) {
      const candidate: Record<string, unknown> = { id };
      for (const [column, target] of Object.entries(mapping.contact)) setTrait(candidate, target, row[column]?.trim());
      const checked = ContactSchema.safeParse(candidate);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        return this.bad(line, `the contact columns do not make a contact: ${issue.path.join('.')}: ${issue.message}`);
      }
      this.contacts.set(id, candidate);
    }
    const template = Object.hasOwn(mapping.events, name) ? mapping.events[name] : undefined;
    if (!template) {
      count(this.unmapped, name);
      return;
    }
    this.event(template, (column) => row[column]?.trim(), mapping.values, at, id, line, `"${name}"`);
  }

  /** The contacts met, in order of first appearance. */
  contactList(): Contact[] {
    return [...this.contacts.values()] as Contact[];
  }

  report(): ImportReport {
    const obj = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    return { contacts: this.contacts.size, events: this.events, unmapped: obj(this.unmapped), ignoredTypes: obj(this.ignoredTypes), traitChangesNotReplayed: obj(this.notReplayed), badRows: this.badRows };
  }
}
