// Specification of how contacts enter a journey: triggers and filters (R7),
// re-entry, segment schedules (R19) and date-field triggers (R20). Every
// expected trace is derived by hand from the rules and written literally.
import assert from 'node:assert/strict';
import type { ReEntry } from '../../../src/core/schema';
import { simulate } from '../../../src/core/simulator/index';
import { journey, lines, T, tagTrigger, timeline } from './helpers';

describe('R7 entering by trigger and filter, no double entry, re-entry policy', () => {
  const vip = (reEntry?: ReEntry) =>
    journey({
      ...(reEntry ? { settings: { reEntry } } : {}),
      startingPoints: [tagTrigger('sp', 'VIP', 'w', { type: 'hasTag', tag: 'Kunde' })],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });

  it('enters when the trigger fires and the filter holds at that moment, never twice at once', () => {
    const tl = timeline(
      [{ id: 'c1', tags: ['Kunde'] }, { id: 'c2' }],
      [
        { at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
        { at: '2026-03-02T10:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'VIP' }, // filtered out: no Kunde
        { at: '2026-03-02T11:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' }, // already in: not entered again
        { at: '2026-03-02T12:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'Kunde' }, // not a trigger
        { at: '2026-03-02T13:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'VIP' }, // filter holds now
        { at: '2026-03-04T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' }, // re-entry never
      ],
    );
    const r = simulate(vip(), tl);
    assert.deepEqual(lines(r.trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 w arrive',
      '2026-03-02T13:00:00Z c2 sp enter',
      '2026-03-02T13:00:00Z c2 w arrive',
      '2026-03-03T09:00:00Z c1 w leave →next',
      '2026-03-03T09:00:00Z c1 e complete',
      '2026-03-03T13:00:00Z c2 w leave →next',
      '2026-03-03T13:00:00Z c2 e complete',
    ]);
    assert.deepEqual(r.stats, { started: 2, inProgress: 0, completed: 2, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } });
  });

  const again = timeline(
    [{ id: 'c1', tags: ['Kunde'] }],
    [
      { at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
      { at: '2026-03-03T10:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
      { at: '2026-03-05T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
    ],
  );
  const enters = (reEntry?: ReEntry) => simulate(vip(reEntry), again).trace.filter((e) => e.kind === 'enter').map((e) => new Date(e.at).toISOString());

  it('re-entry never (the default) lets a contact in once', () => {
    assert.deepEqual(enters(), ['2026-03-02T09:00:00.000Z']);
    assert.deepEqual(enters({ mode: 'never' }), ['2026-03-02T09:00:00.000Z']);
  });

  it('re-entry afterCompletion lets a contact in again once it reached an end', () => {
    assert.deepEqual(enters({ mode: 'afterCompletion' }), ['2026-03-02T09:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-05T09:00:00.000Z']);
  });

  it('re-entry afterCooldown waits the cool-down after leaving (exactly the cool-down is enough)', () => {
    // Left at 03-03 09:00; 03-03 10:00 is too early; 03-05 09:00 is exactly 2 days later.
    assert.deepEqual(enters({ mode: 'afterCooldown', cooldown: 'P2D' }), ['2026-03-02T09:00:00.000Z', '2026-03-05T09:00:00.000Z']);
  });

  it('afterCompletion does not let back a contact that exited; afterCooldown does', () => {
    const j = (reEntry: ReEntry) =>
      journey({
        settings: { reEntry, exitCriteria: [{ id: 'stop', when: 'event', event: { type: 'customEvent', name: 'stop' } }] },
        startingPoints: [tagTrigger('sp', 'VIP', 'w')],
        points: [
          { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
          { id: 'e', type: 'end' },
        ],
      });
    const tl = timeline(
      [{ id: 'c1' }],
      [
        { at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
        { at: '2026-03-02T10:00:00Z', contact: 'c1', type: 'customEvent', name: 'stop' },
        { at: '2026-03-02T11:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
      ],
    );
    assert.deepEqual(lines(simulate(j({ mode: 'afterCompletion' }), tl).trace), ['2026-03-02T09:00:00Z c1 sp enter', '2026-03-02T09:00:00Z c1 w arrive', '2026-03-02T10:00:00Z c1 w exit (exitCriteria)']);
    assert.deepEqual(lines(simulate(j({ mode: 'afterCooldown', cooldown: 'PT1H' }), tl).trace).slice(3), [
      '2026-03-02T11:00:00Z c1 sp enter #2',
      '2026-03-02T11:00:00Z c1 w arrive #2',
      '2026-03-03T11:00:00Z c1 w leave →next #2',
      '2026-03-03T11:00:00Z c1 e complete #2',
    ]);
  });

  it('tries starting points in document order: the first whose filter holds enters the contact', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp_gold', 'VIP', 'e1', { type: 'hasTag', tag: 'gold' }), tagTrigger('sp_any', 'VIP', 'e2')],
      points: [
        { id: 'e1', type: 'end' },
        { id: 'e2', type: 'end' },
      ],
    });
    const tl = timeline(
      [{ id: 'c1', tags: ['gold'] }, { id: 'c2' }],
      [
        { at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
        { at: '2026-03-02T09:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'VIP' },
      ],
    );
    assert.deepEqual(lines(simulate(j, tl).trace), ['2026-03-02T09:00:00Z c1 sp_gold enter', '2026-03-02T09:00:00Z c1 e1 complete', '2026-03-02T09:00:00Z c2 sp_any enter', '2026-03-02T09:00:00Z c2 e2 complete']);
  });

  it('fires every trigger type on its event: list joined, tag removed, custom event with properties, form, campaign activity, API', () => {
    const j = journey({
      startingPoints: [
        { id: 'sp_list', trigger: { type: 'audienceJoined', list: 'news' }, next: 'e' },
        { id: 'sp_untag', trigger: { type: 'tagRemoved', tag: 'trial' }, next: 'e' },
        { id: 'sp_custom', trigger: { type: 'customEvent', name: 'cart', properties: { step: 'checkout', items: 2 } }, next: 'e' },
        { id: 'sp_form', trigger: { type: 'formSubmitted', form: 'signup' }, next: 'e' },
        { id: 'sp_campaign', trigger: { type: 'campaignActivity', campaign: 'spring', activity: 'clicked' }, next: 'e' },
        { id: 'sp_api', trigger: { type: 'api' }, next: 'e' },
        { id: 'sp_api2', trigger: { type: 'api' }, next: 'e' },
      ],
      points: [{ id: 'e', type: 'end' }],
      settings: { reEntry: { mode: 'afterCompletion' } },
    });
    const at = '2026-03-02T09:00:00Z';
    const tl = timeline(
      [{ id: 'c1', tags: ['trial'] }],
      [
        { at, contact: 'c1', type: 'audienceJoined', list: 'other' }, // wrong list
        { at, contact: 'c1', type: 'audienceJoined', list: 'news' },
        { at, contact: 'c1', type: 'tagRemoved', tag: 'trial' },
        { at, contact: 'c1', type: 'customEvent', name: 'cart', properties: { step: 'checkout', items: 1 } }, // property differs
        { at, contact: 'c1', type: 'customEvent', name: 'cart', properties: { step: 'checkout', items: 2, extra: true } },
        { at, contact: 'c1', type: 'formSubmitted', form: 'signup' },
        { at, contact: 'c1', type: 'campaignActivity', campaign: 'spring', activity: 'opened' }, // wrong activity
        { at, contact: 'c1', type: 'campaignActivity', campaign: 'spring', activity: 'clicked' },
        { at, contact: 'c1', type: 'apiEntry' },
        { at, contact: 'c1', type: 'apiEntry', startingPoint: 'sp_api2' },
      ],
    );
    const r = simulate(j, tl);
    assert.deepEqual(
      r.trace.filter((e) => e.kind === 'enter').map((e) => `${e.point} ${e.outcome}`),
      ['sp_list audienceJoined', 'sp_untag tagRemoved', 'sp_custom customEvent', 'sp_form formSubmitted', 'sp_campaign campaignActivity', 'sp_api api', 'sp_api2 api'],
    );
  });

  it("counts the journey's own tag changes as trigger events, handled after the current chain at the same instant", () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [tagTrigger('sp1', 'start', 'tag'), tagTrigger('sp2', 'loop', 'w')],
      points: [
        { id: 'tag', type: 'addTag', tag: 'loop', next: 'e' },
        { id: 'e', type: 'end' },
        { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
      ],
    });
    const tl = timeline([{ id: 'c1' }], [{ at: '2026-03-02T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'start' }], { horizon: '2026-03-02T12:00:00Z' });
    assert.deepEqual(lines(simulate(j, tl).trace), [
      '2026-03-02T09:00:00Z c1 sp1 enter',
      '2026-03-02T09:00:00Z c1 tag pass',
      '2026-03-02T09:00:00Z c1 e complete',
      '2026-03-02T09:00:00Z c1 sp2 enter #2',
      '2026-03-02T09:00:00Z c1 w arrive #2',
    ]);
  });

  it('treats events before the replay start as history: they set data but enter nobody', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'VIP', 'e', { type: 'hasTag', tag: 'Kunde' })], points: [{ id: 'e', type: 'end' }] });
    const tl = timeline(
      [{ id: 'c1' }],
      [
        { at: '2026-03-01T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
        { at: '2026-03-01T10:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'Kunde' },
        { at: '2026-03-03T09:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
      ],
      { start: '2026-03-02T00:00:00Z' },
    );
    assert.deepEqual(lines(simulate(j, tl).trace), ['2026-03-03T09:00:00Z c1 sp enter', '2026-03-03T09:00:00Z c1 e complete']);
  });
});

describe('R19 segment-based schedules', () => {
  const segmentJourney = (schedule: object, reEntry?: ReEntry, wait = true) =>
    journey({
      kind: 'segment',
      segmentEntry: { segment: 'top', schedule: schedule as never, start: '2026-05-04T10:00', timeZone: 'Europe/Warsaw' },
      ...(reEntry ? { settings: { reEntry } } : {}),
      startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'top' }, next: wait ? 'w' : 'e' }],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
  // 2026-05-04 10:00 Warsaw (CEST, +2) = 08:00Z.
  const contacts = [{ id: 'c1', segments: ['top'] }, { id: 'c2', segments: ['top'] }, { id: 'c3' }, { id: 'c4' }];
  const events = [
    { at: '2026-05-04T07:00:00Z', contact: 'c2', type: 'segmentLeft', segment: 'top' },
    { at: '2026-05-04T08:00:00Z', contact: 'c3', type: 'segmentJoined', segment: 'top' },
    { at: '2026-05-04T09:00:00Z', contact: 'c4', type: 'segmentJoined', segment: 'top' },
    { at: '2026-05-04T10:00:00Z', contact: 'c1', type: 'segmentLeft', segment: 'top' },
    { at: '2026-05-06T12:00:00Z', contact: 'c1', type: 'segmentJoined', segment: 'top' },
  ] as const;

  it('one-time static enters the members at the start instant only (events at that instant count)', () => {
    const r = simulate(segmentJourney({ type: 'oneTimeStatic' }), timeline(contacts, [...events], { horizon: '2026-05-10T00:00:00Z' }));
    assert.deepEqual(lines(r.trace), [
      '2026-05-04T08:00:00Z c1 sp enter',
      '2026-05-04T08:00:00Z c1 w arrive',
      '2026-05-04T08:00:00Z c3 sp enter',
      '2026-05-04T08:00:00Z c3 w arrive',
      '2026-05-05T08:00:00Z c1 w leave →next',
      '2026-05-05T08:00:00Z c1 e complete',
      '2026-05-05T08:00:00Z c3 w leave →next',
      '2026-05-05T08:00:00Z c3 e complete',
    ]);
  });

  it('one-time rolling also enters members added later, each person at most once ever', () => {
    const r = simulate(segmentJourney({ type: 'oneTimeRolling' }, { mode: 'afterCompletion' }), timeline(contacts, [...events], { horizon: '2026-05-10T00:00:00Z' }));
    assert.deepEqual(lines(r.trace), [
      '2026-05-04T08:00:00Z c1 sp enter',
      '2026-05-04T08:00:00Z c1 w arrive',
      '2026-05-04T08:00:00Z c3 sp enter',
      '2026-05-04T08:00:00Z c3 w arrive',
      '2026-05-04T09:00:00Z c4 sp enter',
      '2026-05-04T09:00:00Z c4 w arrive',
      '2026-05-05T08:00:00Z c1 w leave →next',
      '2026-05-05T08:00:00Z c1 e complete',
      '2026-05-05T08:00:00Z c3 w leave →next',
      '2026-05-05T08:00:00Z c3 e complete',
      '2026-05-05T09:00:00Z c4 w leave →next',
      '2026-05-05T09:00:00Z c4 e complete',
      // c1 rejoins on 05-06 after completing: not entered again.
    ]);
  });

  it('recurring enters, at each run, the members added since the previous run', () => {
    // Runs at 05-04, 05-05 and 05-06 08:00Z (until 05-06 10:00 Warsaw = 08:00Z, inclusive).
    const j = segmentJourney({ type: 'recurring', every: 'P1D', until: '2026-05-06T10:00' }, { mode: 'afterCompletion' }, false);
    const tl = timeline(
      [{ id: 'c1', segments: ['top'] }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }, { id: 'c5' }],
      [
        { at: '2026-05-04T12:00:00Z', contact: 'c2', type: 'segmentJoined', segment: 'top' },
        { at: '2026-05-05T08:00:00Z', contact: 'c3', type: 'segmentJoined', segment: 'top' }, // at the run: counts for it
        { at: '2026-05-05T09:00:00Z', contact: 'c4', type: 'segmentJoined', segment: 'top' },
        { at: '2026-05-05T10:00:00Z', contact: 'c4', type: 'segmentLeft', segment: 'top' }, // gone before the next run
        { at: '2026-05-05T12:00:00Z', contact: 'c2', type: 'segmentLeft', segment: 'top' },
        { at: '2026-05-05T13:00:00Z', contact: 'c2', type: 'segmentJoined', segment: 'top' }, // added again
        { at: '2026-05-06T09:00:00Z', contact: 'c5', type: 'segmentJoined', segment: 'top' }, // after the last run
      ],
      { start: '2026-05-04T00:00:00Z', horizon: '2026-05-10T00:00:00Z' },
    );
    assert.deepEqual(lines(simulate(j, tl).trace), [
      '2026-05-04T08:00:00Z c1 sp enter',
      '2026-05-04T08:00:00Z c1 e complete',
      '2026-05-05T08:00:00Z c2 sp enter',
      '2026-05-05T08:00:00Z c2 e complete',
      '2026-05-05T08:00:00Z c3 sp enter',
      '2026-05-05T08:00:00Z c3 e complete',
      '2026-05-06T08:00:00Z c2 sp enter #2',
      '2026-05-06T08:00:00Z c2 e complete #2',
    ]);
  });
});

describe('R20 date-field starting point fires yearly at the time in the zone', () => {
  it('fires on the month/day at 09:00 Berlin, 29 February on 28 February in other years, with the field as it is then', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' }, timeZone: 'UTC' },
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '09:00', timeZone: 'Europe/Berlin' }, filter: { type: 'language', language: 'de' }, next: 'e' }],
      points: [{ id: 'e', type: 'end' }],
    });
    const tl = timeline(
      [
        { id: 'c1', language: 'de', fields: { birthday: '1992-02-29' } },
        { id: 'c2', language: 'de', fields: { birthday: '1990-07-01' } },
        { id: 'c3', language: 'de' },
        { id: 'c4', language: 'en', fields: { birthday: '1985-03-01' } },
        { id: 'c5', language: 'de-AT', fields: { birthday: '1970-02-20' } },
      ],
      [{ at: '2027-06-01T12:00:00Z', contact: 'c3', type: 'fieldChanged', field: 'birthday', value: '1980-03-01' }],
      { start: '2027-02-20T00:00:00Z', horizon: '2028-03-02T00:00:00Z' },
    );
    assert.deepEqual(lines(simulate(j, tl).trace), [
      '2027-02-20T08:00:00Z c5 sp enter', // CET: 09:00 = 08:00Z
      '2027-02-20T08:00:00Z c5 e complete',
      '2027-02-28T08:00:00Z c1 sp enter', // 2027 is not a leap year
      '2027-02-28T08:00:00Z c1 e complete',
      '2027-07-01T07:00:00Z c2 sp enter', // CEST: 09:00 = 07:00Z
      '2027-07-01T07:00:00Z c2 e complete',
      '2028-02-20T08:00:00Z c5 sp enter #2',
      '2028-02-20T08:00:00Z c5 e complete #2',
      '2028-02-29T08:00:00Z c1 sp enter #2', // 2028 is a leap year
      '2028-02-29T08:00:00Z c1 e complete #2',
      '2028-03-01T08:00:00Z c3 sp enter', // birthday set in June 2027
      '2028-03-01T08:00:00Z c3 e complete',
    ]);
  });

  it('does not enter a contact that is still in the journey on its next birthday', () => {
    const j = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [{ id: 'sp', trigger: { type: 'dateField', field: 'birthday', time: '00:00' }, next: 'w' }],
      points: [
        { id: 'w', type: 'wait', duration: 'P400D', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline([{ id: 'c1', fields: { birthday: '2000-01-10' } }], [], { start: '2026-01-01T00:00:00Z', horizon: '2027-12-31T00:00:00Z' });
    const r = simulate(j, tl);
    assert.deepEqual(lines(r.trace), [
      '2026-01-10T00:00:00Z c1 sp enter',
      '2026-01-10T00:00:00Z c1 w arrive',
      '2027-02-14T00:00:00Z c1 w leave →next',
      '2027-02-14T00:00:00Z c1 e complete',
    ]);
    assert.equal(T('2027-02-14T00:00:00Z') - T('2026-01-10T00:00:00Z'), 400 * 86_400_000);
  });
});
