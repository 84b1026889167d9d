// Specification of the packed form of a timeline (src/core/packedTimeline.ts):
// packTimeline's columns (instants in epoch ms, contact numbers with the
// contacts' ids first, bodies shared by equal JSON text unless the text is
// ambiguous), the properties without the columns, and the small name sample
// that a check of a timeline's names reads instead of the whole timeline.
import assert from 'node:assert/strict';
import { eventCount, nameSample, packedProperties, packTimeline, type PackedTimeline } from '../../src/core/packedTimeline';
import type { ContactEvent, Timeline } from '../../src/core/timeline';

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
});
