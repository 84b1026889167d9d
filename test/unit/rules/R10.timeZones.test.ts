// R10: every time zone is an IANA zone; a wait-until is a real calendar
// time, and one that is not after the journey start lets contacts go on at
// once (a warning). Also the Intl-only zone arithmetic the validator and the
// simulator share: local date-time + zone -> UTC instant across DST.
import assert from 'node:assert/strict';
import { localDateTimeToEpoch } from '../../../src/core/simulator/zonedTime';
import { closestTimeZone, epochMsToLocal, isIanaTimeZone, localDateTimeToEpochMs, offsetMsAt, parseLocalDateTime } from '../../../src/core/timeZones';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('R10 time zone names', () => {
  it('R10: a journey time zone that is not an IANA zone is an error on it, suggesting the closest zone', () => {
    const c = check(baseJourney({ settings: { timeZone: 'Europe/Berln' } }));
    const d = expectOne(c, { code: 'R10.unknown-time-zone', rule: 'R10', severity: 'error', spanned: '"Europe/Berln"' });
    assert.equal(d.data?.['suggestion'], 'Europe/Berlin');
  });

  it('R10: every time zone field is checked: date-field trigger, wait-until, segment entry', () => {
    const c = check(
      baseJourney({
        kind: 'segment',
        segmentEntry: { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-05-04T10:00', timeZone: 'Warsaw' },
        startingPoints: [{ id: 'start', trigger: { type: 'dateField', field: 'birthday', time: '09:00', timeZone: 'Europe/Pari' }, next: 'p1' }],
        points: [
          { id: 'p1', type: 'waitUntil', at: '2026-06-01T09:00', timeZone: 'New York', next: 'p2' },
          { id: 'p2', type: 'end' },
        ],
      }),
    );
    const found = c.diagnostics.filter((d) => d.code === 'R10.unknown-time-zone');
    assert.deepEqual(
      found.map((d) => [d.path.join('.'), d.data?.['suggestion']]),
      [
        ['segmentEntry.timeZone', 'Europe/Warsaw'],
        ['startingPoints.0.trigger.timeZone', 'Europe/Paris'],
        ['points.0.timeZone', 'America/New_York'],
      ],
    );
  });

  it('R10: the message names the zone, which time zone field it is, and the closest IANA zone (or examples when none is close)', () => {
    const c = check(
      baseJourney({
        kind: 'segment',
        settings: { timeZone: 'Mars/Olympus_Mons' },
        segmentEntry: { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-05-04T10:00', timeZone: 'Warsaw' },
        startingPoints: [{ id: 'start', trigger: { type: 'dateField', field: 'birthday', time: '09:00', timeZone: 'Europe/Pari' }, next: 'p1' }],
        points: [
          { id: 'p1', type: 'waitUntil', at: '2026-06-01T09:00', timeZone: 'New York', next: 'p2' },
          { id: 'p2', type: 'end' },
        ],
      }),
    );
    const messages = c.diagnostics.filter((d) => d.code === 'R10.unknown-time-zone').map((d) => d.message);
    assert.equal(messages.length, 4);
    assert.match(messages[0]!, /^"Mars\/Olympus_Mons" \(the journey time zone\) is not an IANA time zone: .* Use a name such as Europe\/Berlin, America\/New_York or UTC\.$/);
    assert.match(messages[1]!, /^"Warsaw" \(the segment entry time zone\) is not an IANA time zone: .* Did you mean "Europe\/Warsaw"\?$/);
    assert.match(messages[2]!, /^"Europe\/Pari" \(the time zone of starting point "start"\) .* Did you mean "Europe\/Paris"\?$/);
    assert.match(messages[3]!, /^"New York" \(the time zone of "p1"\) .* Did you mean "America\/New_York"\?$/);
  });

  it('R10: a wait-until whose zone is not an IANA zone is read in UTC for the start check (the zone itself is the error)', () => {
    // Now is 2026-01-15T00:00Z: 00:30 read in UTC is after it.
    const c = check(baseJourney({ points: [{ id: 'p1', type: 'waitUntil', at: '2026-01-15T00:30', timeZone: 'Berln', next: 'p2' }, { id: 'p2', type: 'end' }] }));
    assert.deepEqual(c.diagnostics.map((d) => d.code), ['R10.unknown-time-zone']);
    const past = check(baseJourney({ points: [{ id: 'p1', type: 'waitUntil', at: '2026-01-14T23:30', timeZone: 'Berln', next: 'p2' }, { id: 'p2', type: 'end' }] }));
    assert.deepEqual(past.diagnostics.find((d) => d.code === 'R10.wait-until-past')?.data?.['timeZone'], 'UTC');
  });

  it('R10: IANA names, their aliases and UTC are accepted; offsets and inventions are not', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Eastern', 'Etc/GMT+1', 'Australia/Lord_Howe']) assert.ok(isIanaTimeZone(zone), zone);
    for (const zone of ['+01:00', 'GMT+1', 'Mars/Olympus_Mons', 'Berlin', '']) assert.ok(!isIanaTimeZone(zone), zone);
    expectNone(check(baseJourney({ settings: { timeZone: 'Asia/Kolkata' } })));
    assert.equal(closestTimeZone('new york'), 'America/New_York');
  });
});

describe('R10 wait-until instants', () => {
  const waitUntil = (at: string, extra: JourneyObject = {}, timeZone?: string) =>
    baseJourney({
      ...extra,
      points: [
        { id: 'p1', type: 'waitUntil', at, ...(timeZone ? { timeZone } : {}), next: 'p2' },
        { id: 'p2', type: 'end' },
      ],
    });

  it('R10: a wait-until before now (trigger journeys) is a warning on its instant: contacts go on at once', () => {
    const c = check(waitUntil('2025-12-24T18:00', { settings: { timeZone: 'Europe/Berlin' } }));
    const d = expectOne(c, { code: 'R10.wait-until-past', rule: 'R10', severity: 'warning', spanned: '"2025-12-24T18:00"' });
    assert.match(d.message, /contacts go on at once \(R10\)/);
    assert.equal(d.data?.['atInstant'], '2025-12-24T17:00:00.000Z');
  });

  it('R10: a wait-until after now raises nothing; `now` comes from the options', () => {
    expectNone(check(waitUntil('2026-12-24T18:00')));
    expectOne(check(waitUntil('2026-12-24T18:00'), { now: new Date('2027-01-01T00:00:00Z') }), { code: 'R10.wait-until-past', rule: 'R10', severity: 'warning', spanned: '"2026-12-24T18:00"' });
  });

  it('R10: in a segment journey the start is the segment start, each read in its own zone', () => {
    const segment = (timeZone: string) => ({
      kind: 'segment',
      segments: [{ id: 'top' }],
      startingPoints: [{ id: 'start', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'p1' }],
      segmentEntry: { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-05-04T10:00', timeZone },
    });
    // 09:30 in New York is 15:30 in Warsaw: after a 10:00 Warsaw start.
    expectNone(check(waitUntil('2026-05-04T09:30', segment('Europe/Warsaw'), 'America/New_York')), 'R10.wait-until-past');
    expectOne(check(waitUntil('2026-05-04T09:30', segment('Europe/Warsaw'), 'Europe/Warsaw')), { code: 'R10.wait-until-past', rule: 'R10', severity: 'warning', spanned: '"2026-05-04T09:30"' });
    // at exactly the start it has passed too (at or before arrival); without a zone of its own, the journey zone (UTC) applies
    expectNone(check(waitUntil('2026-05-04T10:00', segment('Europe/Warsaw'))), 'R10.wait-until-past');
    expectOne(check(waitUntil('2026-05-04T10:00', segment('Europe/Warsaw'), 'Europe/Warsaw')), { code: 'R10.wait-until-past', rule: 'R10', severity: 'warning', spanned: '"2026-05-04T10:00"' });
  });

  it('R10, R19: a trigger journey ignores a segment entry: its wait-until is compared with now, not with the segment start', () => {
    const ignoredEntry = { segments: [{ id: 'top' }], segmentEntry: { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-05-04T10:00', timeZone: 'UTC' } };
    // Now is 2026-01-15 (NOW): 1 March is after it, though before the ignored segment start.
    expectNone(check(waitUntil('2026-03-01T09:00', ignoredEntry)), 'R10.wait-until-past');
    expectOne(check(waitUntil('2026-01-01T09:00', ignoredEntry)), { code: 'R10.wait-until-past', rule: 'R10', severity: 'warning', spanned: '"2026-01-01T09:00"' });
  });

  it('R10: the warning says which point waits until when, in which zone, and what it is compared with (now, or the segment start in its zone)', () => {
    const [past] = check(waitUntil('2026-01-01T09:00', {}, 'Europe/Berlin')).diagnostics.filter((d) => d.code === 'R10.wait-until-past');
    assert.match(past!.message, /^"p1" waits until 2026-01-01T09:00 Europe\/Berlin, which is not after the journey starts \(now, 2026-01-15 00:00 UTC\)/);
    assert.deepEqual(past!.data, { at: '2026-01-01T09:00', timeZone: 'Europe/Berlin', atInstant: '2026-01-01T08:00:00.000Z', start: '2026-01-15T00:00:00.000Z' });
    const segment = {
      kind: 'segment',
      segments: [{ id: 'top' }],
      startingPoints: [{ id: 'start', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'p1' }],
      segmentEntry: { segment: 'top', schedule: { type: 'oneTimeStatic' }, start: '2026-05-04T10:00', timeZone: 'Europe/Warsaw' },
    };
    const [beforeStart] = check(waitUntil('2026-05-01T09:00', segment)).diagnostics.filter((d) => d.code === 'R10.wait-until-past');
    assert.match(beforeStart!.message, /\(the segment start, 2026-05-04T10:00 Europe\/Warsaw\)/);
  });

  it('R10: a wait-until that is not on the calendar names the point and the value in its message, and carries the value', () => {
    const c = check(waitUntil('2026-02-30T09:00'));
    const d = expectOne(c, { code: 'R10.invalid-date-time', rule: 'R10', severity: 'error', spanned: '"2026-02-30T09:00"' });
    assert.match(d.message, /^"2026-02-30T09:00" \(the wait-until time of "p1"\) is not a real date and time/);
    assert.deepEqual(d.data, { value: '2026-02-30T09:00' });
  });

  it('R10: a wait-until that is not on the calendar is an error', () => {
    expectOne(check(waitUntil('2026-02-30T09:00')), { code: 'R10.invalid-date-time', rule: 'R10', severity: 'error', spanned: '"2026-02-30T09:00"' });
    expectNone(check(waitUntil('2028-02-29T09:00')));
  });
});

describe('R10 local date-times in IANA zones (timeZones.ts)', () => {
  it('R10: converts ordinary local times with the offset in force', () => {
    assert.equal(iso(localDateTimeToEpochMs('2026-01-15T09:00', 'Europe/Berlin')), '2026-01-15T08:00:00.000Z');
    assert.equal(iso(localDateTimeToEpochMs('2026-07-15T09:00', 'Europe/Berlin')), '2026-07-15T07:00:00.000Z');
    assert.equal(iso(localDateTimeToEpochMs('2026-07-15T09:00:30', 'America/New_York')), '2026-07-15T13:00:30.000Z');
    assert.equal(iso(localDateTimeToEpochMs('2026-07-15T09:00', 'UTC')), '2026-07-15T09:00:00.000Z');
    assert.equal(iso(localDateTimeToEpochMs('2026-01-15T09:00', 'Asia/Kolkata')), '2026-01-15T03:30:00.000Z');
  });

  it('R10: a local time in a spring-forward gap moves forward by the gap', () => {
    assert.equal(iso(localDateTimeToEpochMs('2026-03-29T02:30', 'Europe/Berlin')), '2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    assert.equal(iso(localDateTimeToEpochMs('2026-03-08T02:30', 'America/New_York')), '2026-03-08T07:30:00.000Z'); // = 03:30 EDT
    assert.equal(iso(localDateTimeToEpochMs('2026-10-04T02:15', 'Australia/Lord_Howe')), '2026-10-03T15:45:00.000Z'); // 30-minute gap
  });

  it('R10: an ambiguous local time in a fall-back overlap takes the earlier instant', () => {
    assert.equal(iso(localDateTimeToEpochMs('2026-10-25T02:30', 'Europe/Berlin')), '2026-10-25T00:30:00.000Z'); // CEST, not CET
    assert.equal(iso(localDateTimeToEpochMs('2026-11-01T01:30', 'America/New_York')), '2026-11-01T05:30:00.000Z'); // EDT, not EST
  });

  it('R10: round-trips instants to local times and knows the offsets', () => {
    assert.deepEqual(epochMsToLocal(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin'), { year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 });
    assert.equal(offsetMsAt(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin'), 2 * 3_600_000);
    assert.equal(parseLocalDateTime('2026-13-01T09:00'), undefined);
    assert.equal(localDateTimeToEpochMs('tomorrow', 'UTC'), undefined);
    assert.throws(() => localDateTimeToEpochMs('2026-01-01T00:00', 'Mars/Olympus_Mons'), RangeError);
  });

  it('R10: agrees with the simulator on every half hour around the 2026 changes in several zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Tehran', 'UTC'];
    const days = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-10-04', '2026-10-25', '2026-11-01'];
    for (const zone of zones) {
      for (const day of days) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
          const text = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          assert.equal(localDateTimeToEpochMs(text, zone), localDateTimeToEpoch(text, zone), `${text} ${zone}`);
        }
      }
    }
  });
});
