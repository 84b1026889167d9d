// Specification of what each kind of event says about a contact's data, as
// the journey sees it afterwards (R3, R12, R17): an if/else (or a send)
// reached later reads the data the events left. Each expectation follows
// from the event's meaning alone. Written for the mutation slice of the
// kernel (src/core/semantics/kernel.ts, applyEventData), where dropping or
// bending one kind of change went unnoticed.
import assert from 'node:assert/strict';
import type { Filter } from '../../../src/core/schema';
import { simulate } from '../../../src/core/simulator/index';
import type { Contact, ContactEvent } from '../../../src/core/timeline';
import { journey, timeline } from '../simulator/helpers';

const BEFORE = '2026-03-02T09:00:00Z';
const CHECK = '2026-03-02T10:00:00Z';

/** An event without its instant and contact (each kind keeps its own fields). */
type EventData<E = ContactEvent> = E extends unknown ? Omit<E, 'at' | 'contact'> : never;

/** The branch an if/else on `condition` takes for a contact that, before it enters, had `events` (at 09:00); it enters at 10:00. */
function branchAfter(condition: Filter, contact: Omit<Contact, 'id'>, events: EventData[]): string | undefined {
  const j = journey({
    startingPoints: [{ id: 'sp', trigger: { type: 'customEvent', name: 'check' }, next: 'if' }],
    points: [
      { id: 'if', type: 'ifElse', condition, branches: { yes: 'y', no: 'n' } },
      { id: 'y', type: 'end' },
      { id: 'n', type: 'end' },
    ],
  });
  const tl = timeline(
    [{ id: 'c1', ...contact }],
    [...events.map((e) => ({ at: BEFORE, contact: 'c1', ...e }) as ContactEvent), { at: CHECK, contact: 'c1', type: 'customEvent', name: 'check' }],
  );
  return simulate(j, tl).trace.find((e) => e.kind === 'branch')?.branch;
}

describe('R3, R12: an event changes the contact data it speaks of, and only that', () => {
  it('joining an audience with a list subscribes the contact to that list; joining without a list subscribes it to none', () => {
    assert.equal(branchAfter({ type: 'memberOf', list: 'news' }, {}, [{ type: 'audienceJoined', list: 'news' }]), 'yes');
    assert.equal(branchAfter({ type: 'memberOf', list: 'news' }, {}, [{ type: 'audienceJoined' }]), 'no');
    // Not even to a list whose name is the word "undefined" (names are data, R4).
    assert.equal(branchAfter({ type: 'memberOf', list: 'undefined' }, {}, [{ type: 'audienceJoined' }]), 'no');
  });

  it('a tag added is there, a tag removed is gone', () => {
    assert.equal(branchAfter({ type: 'hasTag', tag: 'vip' }, {}, [{ type: 'tagAdded', tag: 'vip' }]), 'yes');
    assert.equal(branchAfter({ type: 'hasTag', tag: 'vip' }, { tags: ['vip'] }, [{ type: 'tagRemoved', tag: 'vip' }]), 'no');
  });

  it('a changed field holds its new value; a submitted form sets each of its fields', () => {
    assert.equal(branchAfter({ type: 'field', field: 'score', op: 'eq', value: 5 }, { fields: { score: 1 } }, [{ type: 'fieldChanged', field: 'score', value: 5 }]), 'yes');
    const plan = { type: 'field', field: 'plan', op: 'eq', value: 'pro' } as const;
    const city = { type: 'field', field: 'city', op: 'eq', value: 'Vilnius' } as const;
    const form = { type: 'formSubmitted', form: 'signup', fields: { plan: 'pro', city: 'Vilnius' } } as const;
    assert.equal(branchAfter({ type: 'all', of: [plan, city] }, {}, [form]), 'yes');
    assert.equal(branchAfter(plan, {}, [{ type: 'formSubmitted', form: 'signup' }]), 'no', 'a form without fields sets none');
  });

  it('campaign activity is remembered per campaign and activity', () => {
    const opened = { type: 'campaignActivity', campaign: 'spring', activity: 'opened' } as const;
    assert.equal(branchAfter(opened, {}, [{ type: 'campaignActivity', campaign: 'spring', activity: 'opened' }]), 'yes');
    assert.equal(branchAfter(opened, {}, [{ type: 'campaignActivity', campaign: 'autumn', activity: 'opened' }]), 'no');
    assert.equal(branchAfter(opened, {}, [{ type: 'campaignActivity', campaign: 'spring', activity: 'clicked' }]), 'no');
  });

  it('R17: unsubscribing from one list leaves the contact on its other lists; subscribing puts it back on that list', () => {
    const lists = { news: 'subscribed', offers: 'subscribed' } as const;
    assert.equal(branchAfter({ type: 'memberOf', list: 'offers' }, { lists }, [{ type: 'unsubscribed', list: 'offers' }]), 'no');
    assert.equal(branchAfter({ type: 'memberOf', list: 'news' }, { lists }, [{ type: 'unsubscribed', list: 'offers' }]), 'yes');
    assert.equal(branchAfter({ type: 'memberOf', list: 'offers' }, { lists: { offers: 'unsubscribed' } }, [{ type: 'subscribed', list: 'offers' }]), 'yes');
  });

  it('joining a segment makes the contact a member, leaving it ends that', () => {
    assert.equal(branchAfter({ type: 'inSegment', segment: 'top' }, {}, [{ type: 'segmentJoined', segment: 'top' }]), 'yes');
    assert.equal(branchAfter({ type: 'inSegment', segment: 'top' }, {}, [{ type: 'segmentJoined', segment: 'top' }, { type: 'segmentLeft', segment: 'top' }]), 'no');
  });

  it('R17: a master unsubscribe (no list) stops marketing sends to the contact; one from a list suppresses only that list', () => {
    const j = journey({
      lists: [{ id: 'news' }],
      content: [{ id: 'promo', channel: 'email', status: 'ready', list: 'news' }],
      startingPoints: [{ id: 'sp', trigger: { type: 'customEvent', name: 'check' }, next: 'send' }],
      points: [
        { id: 'send', type: 'sendEmail', content: 'promo', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const lists = { news: 'subscribed' } as const;
    const tl = timeline(
      [{ id: 'all', lists }, { id: 'other', lists }, { id: 'news', lists }],
      [
        { at: BEFORE, contact: 'all', type: 'unsubscribed' },
        { at: BEFORE, contact: 'other', type: 'unsubscribed', list: 'offers' },
        { at: BEFORE, contact: 'news', type: 'unsubscribed', list: 'news' },
        ...['all', 'other', 'news'].map((contact) => ({ at: CHECK, contact, type: 'customEvent' as const, name: 'check' })),
      ],
    );
    const outcome = simulate(j, tl).trace.filter((e) => e.point === 'send').map((e) => `${e.contact} ${e.kind}${e.reason ? ` ${e.reason}` : ''}`);
    assert.deepEqual(outcome, ['all suppressed unsubscribedAll', 'other send', 'news suppressed listUnsubscribed']);
  });
});
