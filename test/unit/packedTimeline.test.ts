// Specification of the packed form of a timeline (src/core/packedTimeline.ts):
// packTimeline's columns (instants in epoch ms, contact numbers with the
// contacts' ids first, bodies shared by equal JSON text unless the text is
// ambiguous), the properties without the columns, and the small name sample
// that a check of a timeline's names reads instead of the whole timeline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { contactsWithDistinctNames, eventCount, nameSample, packedProperties, packTimeline, type PackedTimeline } from '../../src/core/packedTimeline';
import type { Journey } from '../../src/core/schema';
import type { Contact, ContactEvent, Timeline } from '../../src/core/timeline';
import { timelineReferences } from '../../src/core/timelineReferences';
import { propertyParameters } from '../support/propertySeed';

const T0 = '2026-03-01T09:00:00Z';
const T1 = '2026-03-01T10:00:00+01:00';
const ev = (at: string, contact: string, rest: Record<string, unknown>) => ({ at, contact, ...rest }) as ContactEvent;

const TIMELINE: Timeline = {
  formatVersion: 1,
  seed: 4,
  description: 'd',
  contacts: [{ id: 'ann' }, { id: 'bob' }, { id: 'ann', tags: ['x'] }],
  events: [
    ev(T0, 'zed', { type: 'tagAdded', tag: 'VIP' }),
    ev(T0, 'ann', { type: 'tagAdded', tag: 'VIP' }),
    ev(T1, 'bob', { type: 'purchase', amount: 0 }),
    ev(T1, 'zed', { type: 'purchase', amount: 0 }),
    ev(T0, 'yan', { type: 'tagAdded', tag: 'VIP' }),
  ],
};

describe('the packed form of a timeline', () => {
  it('packTimeline: instants as epoch ms, the contacts\' distinct ids numbered first, then the ids only events name, in order of first use', () => {
    const packed = packTimeline(TIMELINE)!;
    assert.equal(packed.packed, true);
    assert.deepEqual(packed.eventTime, [Date.parse(T0), Date.parse(T0), Date.parse(T1), Date.parse(T1), Date.parse(T0)]);
    assert.deepEqual(packed.eventContactIds, ['ann', 'bob', 'zed', 'yan']);
    assert.equal(packed.listedContactIds, 2);
    assert.deepEqual(packed.eventContact, [2, 0, 1, 2, 3]);
    assert.equal(packed.contacts, TIMELINE.contacts);
    assert.deepEqual(packedProperties(packed), { formatVersion: 1, seed: 4, description: 'd' });
    assert.equal(eventCount(packed), 5);
    assert.equal(eventCount(TIMELINE), 5);
  });

  it('equal bodies share one object; a body whose JSON holds a 0 or a null (which -0 or NaN also give) keeps its own', () => {
    const packed = packTimeline(TIMELINE)!;
    assert.deepEqual(packed.eventBody[0], { type: 'tagAdded', tag: 'VIP' });
    assert.equal(packed.eventBody[0], packed.eventBody[1]);
    assert.equal(packed.eventBody[0], packed.eventBody[4]);
    assert.deepEqual(packed.eventBody[2], { type: 'purchase', amount: 0 });
    assert.notEqual(packed.eventBody[2], packed.eventBody[3], 'amount 0 could be -0: not shared');
    const negative = packTimeline({ formatVersion: 1, contacts: [], events: [ev(T0, 'a', { type: 'purchase', amount: 0 }), ev(T0, 'a', { type: 'purchase', amount: -0 })] })!;
    assert.ok(Object.is((negative.eventBody[1] as { amount: number }).amount, -0), '-0 stays -0');
    const ten = packTimeline({ formatVersion: 1, contacts: [], events: [ev(T0, 'a', { type: 'purchase', amount: 10 }), ev(T0, 'a', { type: 'purchase', amount: 10 })] })!;
    assert.equal(ten.eventBody[0], ten.eventBody[1], '10 is not ambiguous');
  });

  it('an event whose instant is not an ISO instant string makes no packed form (one replay reports it)', () => {
    assert.equal(packTimeline({ formatVersion: 1, contacts: [], events: [ev(T0, 'a', { type: 'purchase' }), ev('soon', 'a', { type: 'purchase' })] }), undefined);
    assert.equal(packTimeline({ formatVersion: 1, contacts: [], events: [ev(5 as unknown as string, 'a', { type: 'purchase' })] }), undefined);
    const empty = packTimeline({ formatVersion: 1, contacts: [], events: [] })!;
    assert.deepEqual([empty.eventTime, empty.eventContactIds, empty.listedContactIds], [[], [], 0]);
  });

  it('the name sample: one event per contact id only events name, and one per distinct body for a listed contact, at one instant', () => {
    const packed = packTimeline(TIMELINE)!;
    const bodies = [packed.eventBody[0]!, packed.eventBody[2]!];
    const at = '1970-01-01T00:00:00Z';
    const sample = nameSample(packed, bodies);
    assert.deepEqual(sample, {
      formatVersion: 1, seed: 4, description: 'd', contacts: TIMELINE.contacts,
      events: [
        { at, contact: 'zed', type: 'purchase' },
        { at, contact: 'yan', type: 'purchase' },
        { at, contact: 'ann', type: 'tagAdded', tag: 'VIP' },
        { at, contact: 'ann', type: 'purchase', amount: 0 },
      ],
    });
  });

  it('the name sample of a timeline whose events come before some contacts (listedContactIds -1) finds the unlisted ids by the contacts', () => {
    const packed: PackedTimeline = {
      packed: true, formatVersion: 1, contacts: [{ id: 'bob' }, { id: 'ann' }],
      eventTime: [0, 0, 0], eventContact: [0, 1, 2], eventBody: [], eventContactIds: ['ann', 'zed', 'bob'], listedContactIds: -1,
    };
    const sample = nameSample(packed, [{ type: 'tagAdded', tag: 'x' }]);
    assert.deepEqual(sample.events.map((e) => `${e.contact}:${e.type}`), ['zed:purchase', 'bob:tagAdded']);
    const noContacts: PackedTimeline = { ...packed, contacts: [], eventContactIds: ['zed'], listedContactIds: -1 };
    assert.deepEqual(nameSample(noContacts, [{ type: 'tagAdded', tag: 'x' }]).events.map((e) => `${e.contact}:${e.type}`), ['zed:purchase', 'zed:tagAdded']);
    const nobody: PackedTimeline = { ...packed, contacts: [], eventContactIds: [], listedContactIds: 0 };
    assert.deepEqual(nameSample(nobody, [{ type: 'tagAdded', tag: 'x' }]).events, [{ at: '1970-01-01T00:00:00Z', contact: 'someone', type: 'tagAdded', tag: 'x' }]);
  });

  it('the name sample of a timeline whose events name only listed contacts keeps one contact per distinct set of tags, list names and segments, the first one first', () => {
    const shared = { news: 'subscribed' } as const;
    const contacts: Contact[] = [
      { id: 'a', lists: shared },
      { id: 'b', lists: shared },
      { id: 'c', lists: { news: 'unsubscribed' } },
      { id: 'd', lists: { vip: 'subscribed' } },
      { id: 'e', tags: ['VIP'] },
      { id: 'f', tags: ['VIP'], lists: {} },
      { id: 'g', segments: ['s1'] },
      { id: 'h' },
      { id: 'i' },
    ];
    assert.deepEqual(contactsWithDistinctNames(contacts).map((c) => c.id), ['a', 'd', 'e', 'g', 'h']);
    const packed = packTimeline({ formatVersion: 1, contacts, events: [ev(T0, 'b', { type: 'purchase' })] })!;
    assert.deepEqual(nameSample(packed, [{ type: 'purchase' }]).contacts.map((c) => c.id), ['a', 'd', 'e', 'g', 'h']);
    assert.deepEqual(contactsWithDistinctNames([{ id: 'x', lists: shared }, { id: 'y', lists: shared }]).map((c) => c.id), ['x'], 'the first contact is kept whatever it holds');
    // The shared lists object passes over a contact only when it has no tags and no segments; segments alone make another set.
    assert.deepEqual(contactsWithDistinctNames([{ id: 'x', lists: shared }, { id: 'y', lists: shared, segments: ['s1'] }, { id: 'z', lists: shared, segments: ['s2'] }]).map((c) => c.id), ['x', 'y', 'z'], 'segments make a contact distinct, with the same lists object too');
  });

  it('property: the name check finds the same names in the sample of any timeline as in the whole timeline (names close to the journey\'s and typos of them)', () => {
    const journey = JSON.parse(readFileSync(join(__dirname, '../../samples/mailchimp-vip-welcome.journey.json'), 'utf8')) as Journey;
    const names = ['Kunde', 'Kunden', 'VIP', 'VIq', 'main_audience', 'main_audiense', 'news', 'major donor', 'major_donor', 'seg'];
    const pick = fc.constantFrom(...names);
    const contact = fc.record(
      { tags: fc.option(fc.uniqueArray(pick, { maxLength: 3 }), { nil: undefined }), lists: fc.option(fc.dictionary(pick, fc.constantFrom('subscribed' as const, 'unsubscribed' as const), { maxKeys: 3 }), { nil: undefined }), segments: fc.option(fc.uniqueArray(pick.map((n) => n.replace(' ', '_')), { maxLength: 2 }), { nil: undefined }) },
      { requiredKeys: [] },
    );
    // What a finding says, without where (the sample's contacts are at other indices).
    const said = (t: Timeline) => new Set(timelineReferences(t, journey, 'j.journey.json').map((f) => `${f.severity} ${f.message}`));
    fc.assert(
      fc.property(fc.array(contact, { minLength: 1, maxLength: 40 }), fc.boolean(), (drawn, unlisted) => {
        const contacts = drawn.map((c, i) => ({ id: `c${i}`, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) }) as Contact);
        const events = [ev(T0, 'c0', { type: 'tagAdded', tag: 'VIP' }), ...(unlisted ? [ev(T0, 'c1x', { type: 'purchase' })] : [])];
        const timeline: Timeline = { formatVersion: 1, contacts, events };
        const sample = nameSample(packTimeline(timeline)!, [{ type: 'tagAdded', tag: 'VIP' }, ...(unlisted ? [{ type: 'purchase' } as const] : [])]);
        assert.deepEqual(said(sample), said(timeline));
        if (unlisted) assert.equal(sample.contacts.length, contacts.length, 'an unlisted id is checked against every listed one');
      }),
      propertyParameters(200),
    );
  });
});
