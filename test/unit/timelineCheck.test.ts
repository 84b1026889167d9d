// Specification of checking a parsed timeline without copying it
// (src/core/timelineCheck.ts), of the `__proto__` entries of its data
// records (parseTimeline, reservedRecordIssues in src/core/timeline.ts) and
// of sharing repeated event instants while a timeline is parsed
// (src/core/timelineStrings.ts). The check must say exactly what the schema
// says: the same verdict, the same issues at the same paths, at most `limit`
// of them and whether there were more.
import assert from 'node:assert/strict';
import { checkTimelineValue } from '../../src/core/timelineCheck';
import { parseTimeline, reservedRecordIssues } from '../../src/core/timeline';
import { TimelineStrings } from '../../src/core/timelineStrings';

const AT = '2026-03-01T09:00:00Z';
const event = (contact: string, extra: Record<string, unknown> = {}) => ({ at: AT, contact, type: 'tagAdded', tag: 'VIP', ...extra });
const timeline = (contacts: unknown[], events: unknown[], top: Record<string, unknown> = {}) => ({ formatVersion: 1, ...top, contacts, events });
const paths = (check: ReturnType<typeof checkTimelineValue>) => (check.ok ? [] : check.issues.map((i) => i.path.join('.')));

describe('checking a parsed timeline (timelineCheck)', () => {
  it('a valid timeline passes as the very value given, not a copy', () => {
    const value = timeline([{ id: 'ann', fields: { city: 'Rome' } }], [event('ann')]);
    const check = checkTimelineValue(value);
    assert.equal(check.ok, true);
    assert.ok(check.ok && check.timeline === value, 'the value itself is the timeline');
  });

  it('a value that is not an object with contact and event lists gets the schema\'s own issues', () => {
    for (const value of [null, [], 'text', { formatVersion: 1, contacts: [] }, { formatVersion: 1, contacts: 'x', events: [] }]) {
      const check = checkTimelineValue(value);
      assert.equal(check.ok, false, JSON.stringify(value));
      assert.ok(!check.ok && check.issues.length > 0 && check.more === false, JSON.stringify(value));
    }
    const noEvents = checkTimelineValue({ formatVersion: 1, contacts: [] });
    assert.deepEqual(paths(noEvents), ['events']);
  });

  it('a value of the wrong shape stops after `limit` issues and says there were more', () => {
    const value = { formatVersion: 2, contacts: 'x', events: 'y', extra: 1 };
    const all = checkTimelineValue(value);
    assert.ok(!all.ok && all.issues.length >= 3 && all.more === false);
    const one = checkTimelineValue(value, 1);
    assert.ok(!one.ok && one.issues.length === 1 && one.more === true);
    const exact = checkTimelineValue(value, all.issues.length);
    assert.ok(!exact.ok && exact.issues.length === all.issues.length && exact.more === false, 'exactly `limit` issues are not more');
  });

  it('issues of the top level, of contacts and of events are located by their path, in that order', () => {
    const value = timeline([{ id: 'ann' }, { id: '1bad' }], [event('ann'), event('ann', { type: 'nope' })], { formatVersion: 9 });
    const check = checkTimelineValue(value);
    assert.deepEqual(paths(check), ['formatVersion', 'contacts.1.id', 'events.1.type']);
    assert.ok(!check.ok && check.more === false);
  });

  it('stops at `limit` issues among contacts and events, and says there were more', () => {
    const value = timeline([{ id: '1a' }, { id: '2b' }], [event('3c')]);
    const all = checkTimelineValue(value);
    assert.deepEqual(paths(all), ['contacts.0.id', 'contacts.1.id', 'events.0.contact']);
    assert.ok(!all.ok && all.more === false);
    const two = checkTimelineValue(value, 2);
    assert.deepEqual(paths(two), ['contacts.0.id', 'contacts.1.id']);
    assert.ok(!two.ok && two.more === true, 'an issue was left out');
    const three = checkTimelineValue(value, 3);
    assert.deepEqual(paths(three), ['contacts.0.id', 'contacts.1.id', 'events.0.contact']);
    assert.ok(!three.ok && three.more === false, 'exactly `limit` issues, none left out');
  });

  it('a top level with `limit` issues already does not read the contacts and says there may be more', () => {
    const value = timeline([{ id: '1a' }], [], { formatVersion: 9 });
    const check = checkTimelineValue(value, 1);
    assert.deepEqual(paths(check), ['formatVersion']);
    assert.ok(!check.ok && check.more === true);
  });

  it('a contact that is not an object is an issue at its place, and the "__proto__" entries are then not read (no crash)', () => {
    const check = checkTimelineValue(timeline([null, { id: 'ann' }], [7]));
    assert.deepEqual(paths(check), ['contacts.0', 'events.0']);
  });

  it('many issues of the top level of a timeline with lists are cut to `limit`', () => {
    const check = checkTimelineValue(timeline([], [], { formatVersion: 9, one: 1, two: 2 }), 1);
    assert.ok(!check.ok && check.issues.length === 1 && check.more === true, JSON.stringify(check));
  });

  it('a contact field or event property called "__proto__" is checked like any other entry (names are data)', () => {
    const good = JSON.parse(`{"formatVersion":1,"contacts":[{"id":"ann","fields":{"__proto__":"gold"},"lists":{"__proto__":"subscribed"}}],
      "events":[{"at":"${AT}","contact":"ann","type":"customEvent","name":"n","properties":{"__proto__":1}}]}`);
    assert.equal(checkTimelineValue(good).ok, true);
    const bad = JSON.parse(`{"formatVersion":1,"contacts":[{"id":"ann","lists":{"__proto__":"maybe"}}],
      "events":[{"at":"${AT}","contact":"ann","type":"formSubmitted","form":"f","fields":{"__proto__":{}}}]}`);
    assert.deepEqual(paths(checkTimelineValue(bad)), ['contacts.0.lists.__proto__', 'events.0.fields.__proto__']);
    assert.deepEqual(paths(checkTimelineValue(bad, 1)), ['contacts.0.lists.__proto__']);
    const parsed = parseTimeline(bad);
    assert.ok(!parsed.success);
    assert.deepEqual(parsed.error.issues.map((i) => i.path.join('.')), ['contacts.0.lists.__proto__', 'events.0.fields.__proto__']);
  });

  it('parseTimeline keeps a valid "__proto__" entry as an own, enumerable, writable member, and only where it was', () => {
    const value = JSON.parse(`{"formatVersion":1,"contacts":[{"id":"ann","fields":{"__proto__":"gold","city":"Rome"}},{"id":"bob","fields":{"city":"Oslo"}}],
      "events":[{"at":"${AT}","contact":"ann","type":"customEvent","name":"n","properties":{"__proto__":2}}]}`);
    const parsed = parseTimeline(value);
    assert.ok(parsed.success);
    const fields = parsed.data.contacts[0]!.fields!;
    assert.deepEqual(Object.keys(fields).sort(), ['__proto__', 'city']);
    assert.equal(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value, 'gold');
    assert.equal(Object.getPrototypeOf(fields), Object.prototype, 'the prototype is untouched');
    const descriptor = Object.getOwnPropertyDescriptor(fields, '__proto__')!;
    assert.deepEqual([descriptor.enumerable, descriptor.writable, descriptor.configurable], [true, true, true]);
    assert.deepEqual(Object.keys(parsed.data.contacts[1]!.fields!), ['city']);
    assert.equal(Object.getOwnPropertyDescriptor(parsed.data.events[0]!.type === 'customEvent' ? parsed.data.events[0]!.properties : {}, '__proto__')?.value, 2);
    assert.equal(JSON.stringify(parsed.data.contacts[0]!.fields), '{"city":"Rome","__proto__":"gold"}');
  });

  it('a timeline the schema refuses is refused with the schema\'s issues, before its "__proto__" entries are read', () => {
    const value = JSON.parse(`{"formatVersion":1,"contacts":[{"id":"1a","fields":{"__proto__":{}}}],"events":[]}`);
    const parsed = parseTimeline(value);
    assert.ok(!parsed.success);
    assert.deepEqual(parsed.error.issues.map((i) => i.path.join('.')), ['contacts.0.id']);
  });

  it('an array or a function is never a timeline, whatever properties it carries: the same verdict as the schema\'s', () => {
    const lists = { formatVersion: 1, contacts: [], events: [] };
    for (const value of [Object.assign([], lists), Object.assign(() => undefined, lists)]) {
      const check = checkTimelineValue(value);
      assert.equal(parseTimeline(value).success, false, typeof value);
      assert.ok(!check.ok && check.issues.length > 0, typeof value);
    }
  });

  it('a top level with `limit` issues already does not read a single contact or event', () => {
    const unread = () => {
      throw new Error('a contact was read');
    };
    const contacts = Object.defineProperty([], 0, { get: unread, enumerable: true });
    const events = Object.defineProperty([], 0, { get: unread, enumerable: true });
    const check = checkTimelineValue({ formatVersion: 9, contacts, events }, 1);
    assert.deepEqual(paths(check), ['formatVersion']);
    assert.ok(!check.ok && check.more === true);
  });

  it('more invalid "__proto__" entries than `limit` are cut to `limit`, and it says there were more', () => {
    const contacts = ['a', 'b', 'c'].map((id) => JSON.parse(`{"id":"${id}","lists":{"__proto__":"maybe"}}`));
    const value = timeline(contacts, []);
    const all = checkTimelineValue(value);
    assert.deepEqual(paths(all), ['contacts.0.lists.__proto__', 'contacts.1.lists.__proto__', 'contacts.2.lists.__proto__']);
    assert.ok(!all.ok && all.more === false);
    const two = checkTimelineValue(value, 2);
    assert.deepEqual(paths(two), ['contacts.0.lists.__proto__', 'contacts.1.lists.__proto__']);
    assert.ok(!two.ok && two.more === true, 'an issue was left out');
    const three = checkTimelineValue(value, 3);
    assert.ok(!three.ok && three.issues.length === 3 && three.more === false, 'exactly `limit` issues, none left out');
  });

  it('reservedRecordIssues reads records that are not objects (null, text) as having no "__proto__" entry, without a crash', () => {
    const value = { formatVersion: 1, contacts: [{ id: 'a', fields: null, lists: 'x' }], events: [{ at: AT, contact: 'a', type: 'customEvent', name: 'n', properties: null }] };
    assert.deepEqual(reservedRecordIssues(value), []);
  });

  it('reservedRecordIssues hands each valid "__proto__" entry over with its owner, index and record', () => {
    const value = JSON.parse(`{"formatVersion":1,"contacts":[{"id":"a"},{"id":"b","lists":{"__proto__":"unsubscribed"}}],
      "events":[{"at":"${AT}","contact":"a","type":"formSubmitted","form":"f","fields":{"__proto__":true}}]}`);
    const kept: unknown[] = [];
    assert.deepEqual(reservedRecordIssues(value, (owner, i, key, entry) => kept.push([owner, i, key, entry])), []);
    assert.deepEqual(kept, [['contacts', 1, 'lists', 'unsubscribed'], ['events', 0, 'fields', true]]);
  });
});

describe('sharing repeated event instants while parsing (TimelineStrings)', () => {
  it('an event whose instant equals the previous event\'s takes that copy; other members and values are left alone', () => {
    const strings = new TimelineStrings();
    const first = { at: '2026-03-01T09:00:00' + 'Z' };
    const second = { at: ['2026-03-01T09:00:00', 'Z'].join('') };
    const third = { at: '2026-03-01T10:00:00Z' };
    const fourth = { at: ['2026-03-01T10:00:00', 'Z'].join('') };
    const contact = { at: '2026-03-01T10:00:00Z' };
    strings.share('events', first);
    strings.share('events', second);
    strings.share('contacts', contact);
    strings.share('events', third);
    strings.share('events', { at: 5 });
    strings.share('events', null);
    strings.share('events', fourth);
    assert.deepEqual([first.at, second.at, third.at, fourth.at], ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z']);
    assert.deepEqual(contact, { at: '2026-03-01T10:00:00Z' });
  });

  it('an element without an instant gets none, even before any instant was seen', () => {
    const strings = new TimelineStrings();
    const element = {};
    strings.share('events', element);
    assert.deepStrictEqual(Object.keys(element), []);
  });
});
