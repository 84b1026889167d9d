// R19 (with R5): a segment-based journey names its segment, schedule, start
// and time zone in segmentEntry; a recurring schedule can fire; a trigger
// journey's segmentEntry is ignored.
import assert from 'node:assert/strict';
import { baseJourney, check, codes, expectNone, expectOne, type JourneyObject } from './helpers';

const ENTRY = { segment: 'top', schedule: { type: 'oneTimeRolling' }, start: '2026-05-04T10:00', timeZone: 'Europe/Warsaw' };

function segmentJourney(segmentEntry: JourneyObject | undefined, extra: JourneyObject = {}): JourneyObject {
  return baseJourney({
    kind: 'segment',
    ...(segmentEntry ? { segmentEntry } : {}),
    segments: [{ id: 'top' }],
    startingPoints: [{ id: 'start', trigger: { type: 'segmentEntered', segment: 'top' }, next: 'p1' }],
    ...extra,
  });
}

const without = (key: string) => Object.fromEntries(Object.entries(ENTRY).filter(([k]) => k !== key));

describe('R19 segment entry', () => {
  it('R19: a complete segment entry raises nothing', () => {
    expectNone(check(segmentJourney(ENTRY)));
    expectNone(check(segmentJourney({ ...ENTRY, schedule: { type: 'recurring', every: 'P1W', until: '2026-12-31T10:00' } })));
  });

  it('R19: a segment journey without segmentEntry is an error on its kind', () => {
    const d = expectOne(check(segmentJourney(undefined)), { code: 'R19.missing-segment-entry', rule: 'R19', severity: 'error', spanned: '"segment"' });
    assert.deepEqual(d.path, ['kind']);
    assert.deepEqual(d.data, { missing: 'segmentEntry', addTo: [], segment: 'top', default: { segment: 'top', schedule: { type: 'oneTimeStatic' }, timeZone: 'UTC' } });
  });

  it('R19: each missing part of the segment entry is its own error on "segmentEntry"', () => {
    const seg = expectOne(check(segmentJourney(without('segment'))), { code: 'R19.missing-segment', rule: 'R19', severity: 'error', spanned: '"segmentEntry"' });
    assert.deepEqual(seg.data, { missing: 'segment', suggestion: 'top' });
    const schedule = expectOne(check(segmentJourney(without('schedule'))), { code: 'R19.missing-schedule', rule: 'R19', severity: 'error', spanned: '"segmentEntry"' });
    assert.deepEqual(schedule.data, { missing: 'schedule', default: { type: 'oneTimeStatic' } });
    expectOne(check(segmentJourney(without('start'))), { code: 'R19.missing-start', rule: 'R19', severity: 'error', spanned: '"segmentEntry"' });
    assert.deepEqual(codes(check(segmentJourney({ timeZone: 'UTC' }))), ['R19.missing-segment', 'R19.missing-schedule', 'R19.missing-start']);
  });

  it('R19: a missing time zone falls back to the journey time zone; without either it is a warning', () => {
    expectNone(check(segmentJourney(without('timeZone'), { settings: { timeZone: 'Europe/Warsaw' } })));
    const d = expectOne(check(segmentJourney(without('timeZone'))), { code: 'R19.missing-time-zone', rule: 'R19', severity: 'warning', spanned: '"segmentEntry"' });
    assert.equal(d.data?.['missing'], 'timeZone');
  });

  it('R19: a segment that is not declared is an error with the closest segment', () => {
    const d = expectOne(check(segmentJourney({ ...ENTRY, segment: 'tops' })), { code: 'R19.unknown-segment', rule: 'R19', severity: 'error', spanned: '"tops"' });
    assert.equal(d.data?.['suggestion'], 'top');
  });

  it('R19: a start that is not on the calendar is an error', () => {
    expectOne(check(segmentJourney({ ...ENTRY, start: '2026-04-31T10:00' })), { code: 'R19.invalid-date-time', rule: 'R19', severity: 'error', spanned: '"2026-04-31T10:00"' });
  });
});

describe('R19 recurring schedules', () => {
  it('R19: a recurring schedule that ends before it starts never fires: an error on until', () => {
    const c = check(segmentJourney({ ...ENTRY, schedule: { type: 'recurring', every: 'P1D', until: '2026-05-04T09:59' } }));
    expectOne(c, { code: 'R19.until-before-start', rule: 'R19', severity: 'error', spanned: '"2026-05-04T09:59"' });
    expectNone(check(segmentJourney({ ...ENTRY, schedule: { type: 'recurring', every: 'P1D', until: '2026-05-04T10:00' } })), 'R19.until-before-start');
  });

  it('R19: a recurring schedule every zero time is an error on every', () => {
    const d = expectOne(check(segmentJourney({ ...ENTRY, schedule: { type: 'recurring', every: 'PT0S' } })), { code: 'R19.zero-interval', rule: 'R19', severity: 'error', spanned: '"PT0S"' });
    assert.equal(d.data?.['suggestion'], 'P1D');
  });
});

describe('R19 trigger journeys', () => {
  it('R19: a segmentEntry on a trigger journey is ignored: a warning on its key', () => {
    const d = expectOne(check(baseJourney({ segmentEntry: ENTRY })), { code: 'R19.segment-entry-ignored', rule: 'R19', severity: 'warning', spanned: '"segmentEntry"' });
    assert.equal(d.data?.['fix'], 'removeSegmentEntry');
  });

  it('R19: a trigger journey without segmentEntry raises nothing', () => {
    expectNone(check(baseJourney()));
  });
});
