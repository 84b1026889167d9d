// Specification of the replay's contact data (src/core/simulator/contactStore.ts):
// copy on write. A contact's data is the timeline's own object until an event
// or an action changes it; a change keeps everything the contact had (its
// other tags, segments, fields, list statuses and campaign activity), never
// touches the timeline's object, and each change says whether it changed
// anything (only a real change fires tagAdded, tagRemoved or audienceJoined,
// R7; conditions read the data, R3, R12, R16). A contact
// the replay has retired (replayed to its end) cannot change any more.
import assert from 'node:assert/strict';
import { ContactStore, type ContactView } from '../../../src/core/simulator/contactStore';

/** A deep-frozen contact: any write to the timeline's own data throws. */
function frozen(contact: ContactView): ContactView {
  for (const value of Object.values(contact)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  return Object.freeze(contact);
}

/** A store of these contacts, numbered in order (as the timeline's contacts, and campaign activity as data a replay gives them). */
function storeOf(...contacts: ContactView[]): ContactStore {
  const store = new ContactStore([]);
  for (const c of contacts) store.add(c);
  return store;
}

describe('the replay’s contact data (copy on write)', () => {
  it('R12: a contact’s first change of its segments or campaign activity keeps the ones it had', () => {
    const input = frozen({ id: 'c1', segments: ['s1'], activity: ['camp:opened'] });
    const store = storeOf(input);
    assert.equal(store.joinSegment(0, 's2'), true);
    store.addActivity(0, 'camp:clicked');
    assert.deepEqual(store.view(0).segments, ['s1', 's2']);
    assert.deepEqual(store.view(0).activity, ['camp:opened', 'camp:clicked']);
    assert.deepEqual(input.segments, ['s1'], 'the timeline’s contact is unchanged');
    assert.deepEqual(input.activity, ['camp:opened']);
  });

  it('R12: a change of one collection keeps the others, and later changes keep the earlier ones', () => {
    const input = frozen({ id: 'c1', tags: ['a', 'b', 'a'], fields: { plan: 'gold', age: 3 }, lists: { news: 'subscribed' }, segments: ['s1'] });
    const store = storeOf(input);
    assert.equal(store.addTag(0, 'c'), true);
    assert.equal(store.setField(0, 'city', 'Lyon'), true);
    assert.equal(store.setList(0, 'promo', 'subscribed'), undefined);
    assert.equal(store.joinSegment(0, 's2'), true);
    assert.equal(store.removeTag(0, 'a'), true, 'removes every copy of the tag');
    assert.equal(store.setField(0, 'age', 4), true);
    assert.equal(store.setList(0, 'news', 'unsubscribed'), 'subscribed');
    assert.deepEqual(store.view(0), {
      id: 'c1',
      email: undefined,
      name: undefined,
      phone: undefined,
      language: undefined,
      tags: ['b', 'c'],
      fields: { plan: 'gold', age: 4, city: 'Lyon' },
      lists: { news: 'unsubscribed', promo: 'subscribed' },
      segments: ['s1', 's2'],
      smsConsent: undefined,
      unsubscribedAll: undefined,
      frequency: undefined,
      activity: [],
    });
    assert.deepEqual(input, { id: 'c1', tags: ['a', 'b', 'a'], fields: { plan: 'gold', age: 3 }, lists: { news: 'subscribed' }, segments: ['s1'] });
  });

  it('R12: removing a tag or leaving a segment keeps the contact’s other ones, in order', () => {
    const store = storeOf(frozen({ id: 'c1', tags: ['x', 'y', 'z'], segments: ['s1', 's2', 's3'] }));
    assert.equal(store.removeTag(0, 'y'), true);
    assert.equal(store.leaveSegment(0, 's1'), true);
    assert.deepEqual(store.view(0).tags, ['x', 'z']);
    assert.deepEqual(store.view(0).segments, ['s2', 's3']);
  });

  it('R7, R12: a change that changes nothing says so (only a real change fires tagAdded, tagRemoved, audienceJoined) and leaves the contact’s data the timeline’s own object', () => {
    const input = frozen({ id: 'c1', tags: ['t'], fields: { plan: 'gold' }, lists: { news: 'subscribed' }, segments: ['s1'], activity: ['camp:opened'], unsubscribedAll: true });
    const store = storeOf(input);
    assert.equal(store.addTag(0, 't'), false);
    assert.equal(store.removeTag(0, 'other'), false);
    assert.equal(store.setField(0, 'plan', 'gold'), false);
    assert.equal(store.setField(0, 'missing', null), false);
    assert.equal(store.setList(0, 'news', 'subscribed'), 'subscribed');
    assert.equal(store.joinSegment(0, 's1'), false);
    assert.equal(store.leaveSegment(0, 'other'), false);
    store.addActivity(0, 'camp:opened');
    assert.equal(store.unsubscribeAll(0), false);
    assert.equal(store.view(0), input, 'no copy was made');
  });

  it('R7, R12: a contact without tags, fields, lists, segments or activity: removals and field removals change nothing, additions do', () => {
    const input = frozen({ id: 'bare' });
    const store = storeOf(input);
    assert.equal(store.removeTag(0, 't'), false);
    assert.equal(store.leaveSegment(0, 's'), false);
    assert.equal(store.setField(0, 'plan', null), false);
    assert.equal(store.view(0), input);
    assert.equal(store.unsubscribeAll(0), true);
    assert.equal(store.unsubscribeAll(0), false, 'already unsubscribed from all');
    store.addActivity(0, 'camp:opened');
    store.addActivity(0, 'camp:opened');
    assert.deepEqual(store.view(0).activity, ['camp:opened'], 'an activity is noted once');
    assert.equal(store.view(0).unsubscribedAll, true);
    assert.equal(input.unsubscribedAll, undefined);
  });

  it('R12: a field set to null is removed (and only a field the contact has is removed)', () => {
    const store = storeOf(frozen({ id: 'c1', fields: { plan: 'gold', age: 3 } }));
    assert.equal(store.setField(0, 'plan', null), true);
    assert.deepEqual(store.view(0).fields, { age: 3 });
    assert.equal(store.setField(0, 'plan', null), false, 'already removed');
    assert.equal(store.setField(0, 'age', 3), false, 'the same value');
    assert.equal(store.setField(0, 'age', '3'), true, 'a text is another value than a number');
    assert.deepEqual(store.view(0).fields, { age: '3' });
  });

  it('R4: a field or list named "__proto__" is data: a change of another field or list keeps it, as the contact’s own', () => {
    const input = frozen({ id: 'c1', fields: JSON.parse('{"__proto__": "gold", "plan": "x"}'), lists: JSON.parse('{"__proto__": "subscribed"}') });
    const store = storeOf(input);
    assert.equal(store.setField(0, 'age', 3), true);
    assert.equal(store.setList(0, 'news', 'subscribed'), undefined);
    const { fields, lists } = store.view(0);
    assert.deepEqual(Object.entries(fields!), [['__proto__', 'gold'], ['plan', 'x'], ['age', 3]]);
    assert.deepEqual(Object.entries(lists!), [['__proto__', 'subscribed'], ['news', 'subscribed']]);
    assert.equal(Object.getPrototypeOf(fields), Object.prototype);
  });

  it('a contact the replay has retired cannot change: an internal error naming it, not a lost change', () => {
    const input = frozen({ id: 'c1', tags: ['t'] });
    const store = storeOf(frozen({ id: 'c0' }), input);
    assert.equal(store.addTag(1, 'u'), true);
    store.retire(1);
    assert.equal(store.view(1), input, 'its own copy is dropped: its data is the timeline’s object again');
    assert.throws(() => store.addTag(1, 'v'), /internal: contact "c1" was retired, its data cannot change/);
    assert.equal(store.addTag(0, 'v'), true, 'the other contact still changes');
  });

  it('contacts known to be distinct are taken as given, and found by id (and an added one numbered after them) as with an index built up front', () => {
    const contacts = Array.from({ length: 5000 }, (_, i) => ({ id: i === 7 ? '__proto__' : `c${i}` }));
    const eager = new ContactStore(contacts);
    const lazy = new ContactStore(contacts, true);
    assert.equal(lazy.size, 5000);
    assert.equal(lazy.view(4999), contacts[4999], 'the timeline\'s own object');
    for (const id of ['c0', '__proto__', 'c4999', 'c5000', 'constructor']) assert.equal(lazy.indexOf(id), eager.indexOf(id), id);
    const out = [0, 0, 0];
    lazy.indicesOf(['c3', 'nobody', 'c4998'], 3, out);
    assert.deepEqual(out, [3, -1, 4998]);
    assert.equal(lazy.add({ id: 'c42' }), 42, 'an id it has: its number');
    assert.equal(lazy.add({ id: 'new' }), 5000, 'a new id: the next number');
    assert.equal(lazy.indexOf('new'), 5000);
    const addedFirst = new ContactStore(contacts, true);
    assert.equal(addedFirst.add({ id: 'c10' }), 10, 'an add before any lookup builds the index first');
    assert.equal(addedFirst.size, 5000);
  });
});
