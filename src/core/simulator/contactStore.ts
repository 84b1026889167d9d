// Contacts of a replay, indexed by id. The timeline's contact objects are
// read as they are; a contact gets its own mutable copy only when an event or
// an action changes its data (copy on write), so a million untouched
// contacts cost no more than the timeline itself.
import type { Contact } from '../timeline';

type FieldValueT = string | number | boolean;
type ListStatus = 'subscribed' | 'unsubscribed';

/** A contact's data as filters and consent checks read it. */
export interface ContactView {
  readonly id: string;
  readonly email?: string;
  readonly name?: string;
  readonly phone?: string;
  readonly language?: string;
  readonly tags?: readonly string[];
  readonly fields?: Readonly<Record<string, FieldValueT>>;
  readonly lists?: Readonly<Record<string, ListStatus>>;
  readonly segments?: readonly string[];
  readonly smsConsent?: boolean;
  readonly unsubscribedAll?: boolean;
  readonly frequency?: Contact['frequency'];
  /** Campaign activity seen so far, as `campaign:activity` (opened, clicked, notOpened). */
  readonly activity?: readonly string[];
}

// Which collections of an own copy are already copied (the others are still shared with the input).
const TAGS = 1;
const FIELDS = 2;
const LISTS = 4;
const SEGMENTS = 8;
const ACTIVITY = 16;

/** A contact's own, changeable data: scalars copied, collections shared until their first change. */
interface OwnContact {
  id: string;
  email?: string;
  name?: string;
  phone?: string;
  language?: string;
  tags: string[];
  fields: Record<string, FieldValueT>;
  lists: Record<string, ListStatus>;
  segments: string[];
  smsConsent?: boolean;
  unsubscribedAll?: boolean;
  frequency?: Contact['frequency'];
  activity: string[];
}

function ownCopy(b: ContactView): OwnContact {
  // Collections stay shared until written: the casts are safe because every writer copies first.
  const m: OwnContact = {
    id: b.id,
    tags: (b.tags ?? NONE) as string[],
    fields: (b.fields ?? NO_FIELDS) as Record<string, FieldValueT>,
    lists: (b.lists ?? NO_LISTS) as Record<string, ListStatus>,
    segments: (b.segments ?? NONE) as string[],
    activity: (b.activity ?? NONE) as string[],
  };
  if (b.email !== undefined) m.email = b.email;
  if (b.name !== undefined) m.name = b.name;
  if (b.phone !== undefined) m.phone = b.phone;
  if (b.language !== undefined) m.language = b.language;
  if (b.smsConsent !== undefined) m.smsConsent = b.smsConsent;
  if (b.unsubscribedAll !== undefined) m.unsubscribedAll = b.unsubscribedAll;
  if (b.frequency !== undefined) m.frequency = b.frequency;
  return m;
}

function copyPart(m: OwnContact, part: number): void {
  switch (part) {
    case TAGS:
      m.tags = [...m.tags];
      break;
    case FIELDS:
      m.fields = { ...m.fields };
      break;
    case LISTS:
      m.lists = { ...m.lists };
      break;
    case SEGMENTS:
      m.segments = [...m.segments];
      break;
    case ACTIVITY:
      m.activity = [...m.activity];
      break;
  }
}

const NONE: readonly string[] = Object.freeze([]);
const NO_FIELDS: Readonly<Record<string, FieldValueT>> = Object.freeze({});
const NO_LISTS: Readonly<Record<string, ListStatus>> = Object.freeze({});

export class ContactStore {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly base: ContactView[] = [];
  private readonly own: (OwnContact | undefined)[] = [];
  /** Per contact: which collections of its own copy are already copied (bits TAGS, FIELDS...). */
  private readonly copied: number[] = [];

  constructor(contacts: readonly Contact[]) {
    for (const c of contacts) this.add(c);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds a contact (the first one wins if an id repeats); returns its index. */
  add(contact: ContactView): number {
    const known = this.index.get(contact.id);
    if (known !== undefined) return known;
    const i = this.ids.length;
    this.ids.push(contact.id);
    this.index.set(contact.id, i);
    this.base.push(contact);
    this.own.push(undefined);
    this.copied.push(0);
    return i;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  view(i: number): ContactView {
    return this.own[i] ?? this.base[i]!;
  }

  private mutable(i: number, part: number): OwnContact {
    let m = this.own[i];
    if (!m) this.own[i] = m = ownCopy(this.base[i]!);
    const copied = this.copied[i]!;
    if (part !== 0 && (copied & part) === 0) {
      copyPart(m, part);
      this.copied[i] = copied | part;
    }
    return m;
  }

  /** Adds a tag; false if the contact already had it. */
  addTag(i: number, tag: string): boolean {
    if (this.view(i).tags?.includes(tag)) return false;
    this.mutable(i, TAGS).tags.push(tag);
    return true;
  }

  /** Removes a tag; false if the contact did not have it. */
  removeTag(i: number, tag: string): boolean {
    if (!this.view(i).tags?.includes(tag)) return false;
    const m = this.mutable(i, TAGS);
    m.tags = m.tags.filter((t) => t !== tag);
    return true;
  }

  /** Sets a field (null removes it); false if nothing changed. */
  setField(i: number, field: string, value: FieldValueT | null): boolean {
    const fields = this.view(i).fields;
    const has = fields !== undefined && Object.prototype.hasOwnProperty.call(fields, field);
    if (value === null) {
      if (!has) return false;
      delete this.mutable(i, FIELDS).fields[field];
      return true;
    }
    if (has && fields[field] === value) return false;
    this.mutable(i, FIELDS).fields[field] = value;
    return true;
  }

  /** Sets the consent status of a list; returns the status before (undefined: not a member). */
  setList(i: number, list: string, status: ListStatus): ListStatus | undefined {
    const lists = this.view(i).lists;
    const before = lists !== undefined && Object.prototype.hasOwnProperty.call(lists, list) ? lists[list] : undefined;
    if (before !== status) this.mutable(i, LISTS).lists[list] = status;
    return before;
  }

  joinSegment(i: number, segment: string): boolean {
    if (this.view(i).segments?.includes(segment)) return false;
    this.mutable(i, SEGMENTS).segments.push(segment);
    return true;
  }

  leaveSegment(i: number, segment: string): boolean {
    if (!this.view(i).segments?.includes(segment)) return false;
    const m = this.mutable(i, SEGMENTS);
    m.segments = m.segments.filter((s) => s !== segment);
    return true;
  }

  addActivity(i: number, key: string): void {
    if (!this.view(i).activity?.includes(key)) this.mutable(i, ACTIVITY).activity.push(key);
  }

  unsubscribeAll(i: number): boolean {
    if (this.view(i).unsubscribedAll) return false;
    this.mutable(i, 0).unsubscribedAll = true;
    return true;
  }
}
