// Contacts of a replay, indexed by id. The timeline's contact objects are
// read as they are; a contact gets its own mutable copy only when an event or
// an action changes its data (copy on write), so a million untouched
// contacts cost no more than the timeline itself.
import type { Contact } from '../timeline';
import { setOwn } from '../ownProperty';
import { ContactIndex } from './contactIndex';
import type { Numbers } from './heapNumbers';

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

// Per contact flags: it has an own copy (OWN), and which collections of it are already
// copied (the others are still shared with the input).
const OWN = 1;
const TAGS = 2;
const FIELDS = 4;
const LISTS = 8;
const SEGMENTS = 16;
const ACTIVITY = 32;
/** The contact's data will not be read again (see retire). */
const RETIRED = 64;

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
  // Every field is set (undefined when absent), so all own copies share one shape and the
  // filter and consent code reading them stays monomorphic.
  return {
    id: b.id,
    email: b.email,
    name: b.name,
    phone: b.phone,
    language: b.language,
    tags: (b.tags ?? NONE) as string[],
    fields: (b.fields ?? NO_FIELDS) as Record<string, FieldValueT>,
    lists: (b.lists ?? NO_LISTS) as Record<string, ListStatus>,
    segments: (b.segments ?? NONE) as string[],
    smsConsent: b.smsConsent,
    unsubscribedAll: b.unsubscribedAll,
    frequency: b.frequency,
    activity: (b.activity ?? NONE) as string[],
  };
}

function copyPart(m: OwnContact, part: number): void {
  switch (part) {
    case TAGS:
      m.tags = [...m.tags];
      break;
    case FIELDS:
      m.fields = copyRecord(m.fields);
      break;
    case LISTS:
      m.lists = copyRecord(m.lists);
      break;
    case SEGMENTS:
      m.segments = [...m.segments];
      break;
    case ACTIVITY:
      m.activity = [...m.activity];
      break;
  }
}

/**
 * A record's own copy: the keys, values and key order of `{ ...record }`
 * (string keys; fields and lists have no others), built key by key on an
 * empty object. Adding a key to the copy afterwards (a field the contact did
 * not have yet: an update-field point) then follows the map transitions
 * V8 shares between such objects; a key added to a spread copy took the slow
 * path every time (measured: about 10× the whole copy; see
 * src/core/semantics/performance.md).
 */
function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const copy: Record<string, T> = {};
  const keys = Object.keys(record);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key === '__proto__') setOwn(copy, key, record[key]!);
    else copy[key] = record[key]!;
  }
  return copy;
}

/** Removes every `item` from an array the store owns, in place (no new array to collect). */
function removeAll(items: string[], item: string): void {
  let kept = 0;
  for (let k = 0; k < items.length; k++) if (items[k] !== item) items[kept++] = items[k]!;
  items.length = kept;
}

const NONE: readonly string[] = Object.freeze([]);
const NO_FIELDS: Readonly<Record<string, FieldValueT>> = Object.freeze({});
const NO_LISTS: Readonly<Record<string, ListStatus>> = Object.freeze({});

export class ContactStore {
  readonly ids: string[] = [];
  /** Contact number by id, of ids[0, indexed): built on first use when the contacts given were known to be distinct (see the constructor). */
  private index: ContactIndex | undefined;
  private indexed = 0;
  /** Each contact's data as read now: the input object until its first change, then its own copy (one array, one lookup). */
  private readonly current: ContactView[] = [];
  /** Per contact: OWN once `current` holds its own copy, plus the bits of the collections already copied (TAGS, FIELDS...). */
  private readonly copied: number[] = [];
  /** Each contact's input data (what `current` holds until the first change). */
  private readonly inputs: ContactView[] = [];

  /**
   * @param distinct the caller knows that no id repeats among `contacts`
   * (the packed timeline's reader numbered them): they are taken as they are,
   * and the index is built the first time an id is looked up or a contact
   * added, which a replay of a timeline whose events name listed contacts
   * only never does (a million ids hashed for nothing otherwise).
   */
  constructor(contacts: readonly Contact[], distinct = false) {
    if (!distinct) {
      this.index = new ContactIndex(this.ids, contacts.length);
      for (const c of contacts) this.add(c);
      return;
    }
    for (const c of contacts) this.append(c);
  }

  /** The index of every id so far. */
  private indexOfIds(): ContactIndex {
    const index = (this.index ??= new ContactIndex(this.ids, this.ids.length));
    for (; this.indexed < this.ids.length; this.indexed++) index.addIfAbsent(this.ids[this.indexed]!, this.indexed);
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds a contact (the first one wins if an id repeats); returns its index. */
  add(contact: ContactView): number {
    const i = this.ids.length;
    const known = this.indexOfIds().addIfAbsent(contact.id, i);
    if (known >= 0) return known;
    this.indexed++;
    this.append(contact);
    return i;
  }

  /** Numbers `contact` next, as its input data (the caller knows its id is new). */
  private append(contact: ContactView): void {
    this.ids.push(contact.id);
    this.current.push(contact);
    this.inputs.push(contact);
    this.copied.push(0);
  }

  /** The number of the contact with this id, or -1. */
  indexOf(id: string): number {
    return this.indexOfIds().get(id);
  }

  /** `out[outFrom + i] = indexOf(ids[i])` for i < count, faster than one by one. */
  indicesOf(ids: readonly string[], count: number, out: Numbers, outFrom = 0): void {
    this.indexOfIds().getAll(ids, count, out, outFrom);
  }

  view(i: number): ContactView {
    return this.current[i]!;
  }

  /**
   * Drops the contact's own copy of its data, once the replay is sure never
   * to read or change it again (it has replayed the contact to its end): the
   * copy is then garbage young, instead of living on to the end of the replay.
   */
  retire(i: number): void {
    this.current[i] = this.inputs[i]!;
    this.copied[i] = RETIRED;
  }

  private mutable(i: number, part: number): OwnContact {
    let copied = this.copied[i]!;
    if (copied === RETIRED) throw new Error(`internal: contact "${this.ids[i]}" was retired, its data cannot change`);
    let m: OwnContact;
    if ((copied & OWN) === 0) {
      m = ownCopy(this.current[i]!);
      this.current[i] = m;
      copied |= OWN;
    } else {
      m = this.current[i] as OwnContact;
    }
    if (part !== 0 && (copied & part) === 0) {
      copyPart(m, part);
      copied |= part;
    }
    this.copied[i] = copied;
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
    removeAll(this.mutable(i, TAGS).tags, tag);
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
    setOwn(this.mutable(i, FIELDS).fields, field, value);
    return true;
  }

  /** Sets the consent status of a list; returns the status before (undefined: not a member). */
  setList(i: number, list: string, status: ListStatus): ListStatus | undefined {
    const lists = this.view(i).lists;
    const before = lists !== undefined && Object.prototype.hasOwnProperty.call(lists, list) ? lists[list] : undefined;
    if (before !== status) setOwn(this.mutable(i, LISTS).lists, list, status);
    return before;
  }

  joinSegment(i: number, segment: string): boolean {
    if (this.view(i).segments?.includes(segment)) return false;
    this.mutable(i, SEGMENTS).segments.push(segment);
    return true;
  }

  leaveSegment(i: number, segment: string): boolean {
    if (!this.view(i).segments?.includes(segment)) return false;
    removeAll(this.mutable(i, SEGMENTS).segments, segment);
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
