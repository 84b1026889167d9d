// Specification of which event fires which trigger (R2, R7) and which event
// a wait for an event takes (R11) (src/core/simulator/matching.ts): the
// event's type and every name the trigger or the awaited event gives must
// match; an event of another type with the same names never does.
import assert from 'node:assert/strict';
import type { AwaitedEvent, Trigger } from '../../../src/core/schema';
import { awaitedMatches, type SimEvent, triggerMatches } from '../../../src/core/simulator/matching';

/** Every kind of event, each naming "x" wherever it names something. */
const EVENTS: SimEvent[] = [
  { type: 'audienceJoined', list: 'x' },
  { type: 'tagAdded', tag: 'x' },
  { type: 'tagRemoved', tag: 'x' },
  { type: 'customEvent', name: 'x', properties: { x: 'x' } },
  { type: 'formSubmitted', form: 'x' },
  { type: 'campaignActivity', campaign: 'x', activity: 'opened' },
  { type: 'segmentJoined', segment: 'x' },
  { type: 'segmentLeft', segment: 'x' },
  { type: 'apiEntry' },
  { type: 'purchase', product: 'x' },
  { type: 'emailOpened', point: 'x' },
  { type: 'emailClicked', point: 'x', link: 'x' },
  { type: 'fieldChanged', field: 'x', value: 'x' },
] as SimEvent[];

/** The events among EVENTS a trigger or awaited event takes, by type. */
const takenBy = (matches: (ev: SimEvent) => boolean) => EVENTS.filter(matches).map((ev) => ev.type);

describe('which events fire triggers and end waits (R2, R7, R11)', () => {
  it('R2, R7: each trigger is fired by its own type of event only, naming what it names', () => {
    const cases: [Trigger, string[]][] = [
      [{ type: 'audienceJoined' }, ['audienceJoined']],
      [{ type: 'audienceJoined', list: 'x' }, ['audienceJoined']],
      [{ type: 'audienceJoined', list: 'y' }, []],
      [{ type: 'tagAdded', tag: 'x' }, ['tagAdded']],
      [{ type: 'tagAdded', tag: 'y' }, []],
      [{ type: 'tagRemoved', tag: 'x' }, ['tagRemoved']],
      [{ type: 'tagRemoved', tag: 'y' }, []],
      [{ type: 'customEvent', name: 'x' }, ['customEvent']],
      [{ type: 'customEvent', name: 'x', properties: { x: 'x' } }, ['customEvent']],
      [{ type: 'customEvent', name: 'x', properties: { x: 'y' } }, []],
      [{ type: 'customEvent', name: 'y' }, []],
      [{ type: 'formSubmitted', form: 'x' }, ['formSubmitted']],
      [{ type: 'formSubmitted', form: 'y' }, []],
      [{ type: 'campaignActivity', campaign: 'x', activity: 'opened' }, ['campaignActivity']],
      [{ type: 'campaignActivity', campaign: 'x', activity: 'clicked' }, []],
      [{ type: 'campaignActivity', campaign: 'y', activity: 'opened' }, []],
      [{ type: 'segmentEntered', segment: 'x' }, ['segmentJoined']],
      [{ type: 'segmentEntered', segment: 'y' }, []],
      [{ type: 'api' }, ['apiEntry']],
      [{ type: 'dateField', field: 'x', time: '09:00' }, []],
    ] as [Trigger, string[]][];
    for (const [trigger, types] of cases) assert.deepEqual(takenBy((ev) => triggerMatches(trigger, ev)), types, JSON.stringify(trigger));
  });

  it('R2: a custom event’s properties must all be there with equal values (own properties only); an event without properties has none', () => {
    const trigger = { type: 'customEvent', name: 'buy', properties: { plan: 'gold', seats: 2 } } as Trigger;
    const ev = (properties?: Record<string, string | number | boolean>): SimEvent => ({ type: 'customEvent', name: 'buy', ...(properties ? { properties } : {}) }) as SimEvent;
    assert.equal(triggerMatches(trigger, ev({ plan: 'gold', seats: 2, extra: true })), true);
    assert.equal(triggerMatches(trigger, ev({ plan: 'gold', seats: '2' })), false, 'the value with its type');
    assert.equal(triggerMatches(trigger, ev({ plan: 'gold' })), false);
    assert.equal(triggerMatches(trigger, ev()), false);
    assert.equal(triggerMatches({ type: 'customEvent', name: 'buy', properties: { toString: 'x' } } as Trigger, ev({})), false, 'names are data: nothing inherited counts');
  });

  it('R11: each awaited event is taken by its own type of event only, naming what it names', () => {
    const content = (point: string) => (point === 'x' ? 'news' : undefined);
    const cases: [AwaitedEvent, string[]][] = [
      [{ type: 'emailOpened', point: 'x' }, ['emailOpened']],
      [{ type: 'emailOpened', point: 'y' }, []],
      [{ type: 'emailClicked', point: 'x' }, ['emailClicked']],
      [{ type: 'emailClicked', point: 'x', link: 'x' }, ['emailClicked']],
      [{ type: 'emailClicked', point: 'x', link: 'y' }, []],
      [{ type: 'formSubmitted', form: 'x' }, ['formSubmitted']],
      [{ type: 'formSubmitted', form: 'y' }, []],
      [{ type: 'purchase' }, ['purchase']],
      [{ type: 'purchase', product: 'x' }, ['purchase']],
      [{ type: 'purchase', product: 'y' }, []],
      [{ type: 'tagAdded', tag: 'x' }, ['tagAdded']],
      [{ type: 'tagAdded', tag: 'y' }, []],
      [{ type: 'customEvent', name: 'x' }, ['customEvent']],
      [{ type: 'customEvent', name: 'x', properties: { x: 'x' } }, ['customEvent']],
      [{ type: 'customEvent', name: 'x', properties: { x: 'y' } }, []],
      [{ type: 'customEvent', name: 'y' }, []],
    ] as [AwaitedEvent, string[]][];
    for (const [awaited, types] of cases) assert.deepEqual(takenBy((ev) => awaitedMatches(awaited, ev, content)), types, JSON.stringify(awaited));
  });

  it('R11: an email event names the send point, else the content that point sent; a click on a link only when the wait names it', () => {
    const contentOf = (point: string) => (point === 'mail' ? 'news' : undefined);
    const opened = { type: 'emailOpened', point: 'mail' } as AwaitedEvent;
    const clicked = { type: 'emailClicked', point: 'mail', link: 'buy' } as AwaitedEvent;
    const anyClick = { type: 'emailClicked', point: 'mail' } as AwaitedEvent;
    const ev = (e: object) => e as SimEvent;
    assert.equal(awaitedMatches(opened, ev({ type: 'emailOpened', content: 'news' }), contentOf), true);
    assert.equal(awaitedMatches(opened, ev({ type: 'emailOpened', content: 'other' }), contentOf), false);
    assert.equal(awaitedMatches(opened, ev({ type: 'emailOpened' }), contentOf), false, 'neither point nor content');
    assert.equal(awaitedMatches(opened, ev({ type: 'emailOpened', point: 'other', content: 'news' }), contentOf), false, 'a point named is the one that counts');
    assert.equal(awaitedMatches({ type: 'emailOpened', point: 'sms' } as AwaitedEvent, ev({ type: 'emailOpened' }), contentOf), false, 'no content either way');
    assert.equal(awaitedMatches({ type: 'emailOpened', point: 'sms' } as AwaitedEvent, ev({ type: 'emailOpened', content: undefined }), () => undefined), false);
    assert.equal(awaitedMatches(opened, ev({ type: 'emailClicked', point: 'mail' }), contentOf), false, 'a click is not an open');
    assert.equal(awaitedMatches(clicked, ev({ type: 'emailClicked', point: 'mail', link: 'buy' }), contentOf), true);
    assert.equal(awaitedMatches(clicked, ev({ type: 'emailClicked', content: 'news', link: 'buy' }), contentOf), true);
    assert.equal(awaitedMatches(clicked, ev({ type: 'emailClicked', point: 'mail', link: 'other' }), contentOf), false);
    assert.equal(awaitedMatches(clicked, ev({ type: 'emailClicked', point: 'mail' }), contentOf), false);
    assert.equal(awaitedMatches(anyClick, ev({ type: 'emailClicked', point: 'mail', link: 'other' }), contentOf), true);
    assert.equal(awaitedMatches(anyClick, ev({ type: 'emailOpened', point: 'mail' }), contentOf), false);
    assert.equal(awaitedMatches({ type: 'emailOpened', point: 'mail', link: 'buy' } as unknown as AwaitedEvent, ev({ type: 'emailOpened', point: 'mail' }), contentOf), true, 'an open has no link to check');
  });
});
