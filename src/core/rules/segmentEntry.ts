// R19 (with R5): a segment-based journey says how contacts enter - the
// segment, one of the three schedules, a start date/time and a time zone -
// in `segmentEntry`; a recurring schedule can fire; the segment is declared.
// A trigger-based journey's `segmentEntry` is ignored (a warning). A missing
// segmentEntry.timeZone falls back to settings.timeZone, so it is reported
// (as a warning: the start is read in UTC) only when that is missing too.
import { parseDuration } from '../durations';
import { civilToUtcMs, parseLocalDateTime } from '../timeZones';
import { checkDeclared } from './declarations';
import type { JourneyRule } from './ruleContext';
import { checkCalendarTime } from './timing';

export const segmentEntryRule: JourneyRule = {
  rule: 'R19',
  title: 'segment journeys name their segment, schedule, start and time zone',
  check(ctx) {
    const { journey } = ctx;
    const entry = journey.segmentEntry;
    if (journey.kind === 'trigger') {
      if (entry) {
        ctx.report({
          code: 'R19.segment-entry-ignored',
          rule: 'R19',
          severity: 'warning',
          message: 'This trigger-based journey has a segmentEntry, which is ignored: only segment-based journeys enter contacts on a segment schedule (R5, R19). Remove segmentEntry, or set "kind": "segment".',
          path: ['segmentEntry'],
          on: 'key',
          data: { fix: 'removeSegmentEntry' },
        });
      }
      return;
    }

    const triggerSegment = journey.startingPoints.map((sp) => sp.trigger).find((t) => t.type === 'segmentEntered')?.segment;
    const segments = journey.segments?.map((s) => s.id) ?? [];
    const segmentGuess = triggerSegment ?? (segments.length === 1 ? segments[0] : undefined);
    if (!entry) {
      ctx.report({
        code: 'R19.missing-segment-entry',
        rule: 'R19',
        severity: 'error',
        message: 'This segment-based journey has no segmentEntry: a segment-based journey names its segment, its schedule (one-time static, one-time rolling or recurring), a start date/time and a time zone (R5, R19). Add a segmentEntry with segment, schedule, start and timeZone.',
        path: ['kind'],
        data: {
          missing: 'segmentEntry',
          addTo: [], // the fix adds it to the journey; the error is shown on its kind
          ...(segmentGuess ? { segment: segmentGuess } : {}),
          default: { ...(segmentGuess ? { segment: segmentGuess } : {}), schedule: { type: 'oneTimeStatic' }, timeZone: journey.settings?.timeZone ?? 'UTC' },
        },
      });
      return;
    }
    const missing = (what: 'segment' | 'schedule' | 'start', text: string, extra: Record<string, unknown> = {}) =>
      ctx.report({
        code: `R19.missing-${what}`,
        rule: 'R19',
        severity: 'error',
        message: `The segmentEntry has no ${what}: a segment-based journey names its segment, its schedule, a start date/time and a time zone (R5, R19). ${text}`,
        path: ['segmentEntry'],
        on: 'object',
        data: { missing: what, ...extra },
      });
    if (entry.segment === undefined) missing('segment', segmentGuess ? `Add "segment": "${segmentGuess}".` : 'Add the id of the segment whose members enter.', segmentGuess ? { suggestion: segmentGuess } : {});
    else checkDeclared(ctx, { kind: 'segment', name: entry.segment, path: ['segmentEntry', 'segment'], rule: 'R19', where: 'the segment entry' });
    if (entry.schedule === undefined) missing('schedule', 'Add a schedule: { "type": "oneTimeStatic" } runs once for the members at the start, "oneTimeRolling" also enters later members, "recurring" runs every interval.', { default: { type: 'oneTimeStatic' } });
    if (entry.start === undefined) missing('start', 'Add "start", the local date and time of the first run, e.g. "2026-05-04T10:00".');
    if (entry.timeZone === undefined && journey.settings?.timeZone === undefined) {
      ctx.report({
        code: 'R19.missing-time-zone',
        rule: 'R19',
        severity: 'warning',
        message: 'Neither segmentEntry.timeZone nor settings.timeZone is set, so the start is read in UTC: a segment-based journey names the time zone of its start (R5, R19). Add "timeZone" to segmentEntry, e.g. "Europe/Berlin".',
        path: ['segmentEntry'],
        on: 'object',
        data: { missing: 'timeZone', suggestion: 'UTC' },
      });
    }
    const start = entry.start !== undefined && checkCalendarTime(ctx, entry.start, ['segmentEntry', 'start'], 'R19', 'the segment start') ? parseLocalDateTime(entry.start) : undefined;

    const schedule = entry.schedule;
    if (schedule?.type !== 'recurring') return;
    if (parseDuration(schedule.every) === 0) {
      ctx.report({
        code: 'R19.zero-interval',
        rule: 'R19',
        severity: 'error',
        message: 'A recurring schedule with an interval of zero never gets past its start instant: recurring runs are one interval apart, each entering the members added since the previous run (R19). Set an interval such as P1D or P1W.',
        path: ['segmentEntry', 'schedule', 'every'],
        data: { suggestion: 'P1D' },
      });
    }
    if (schedule.until !== undefined && checkCalendarTime(ctx, schedule.until, ['segmentEntry', 'schedule', 'until'], 'R19', 'the end of the schedule')) {
      const until = parseLocalDateTime(schedule.until)!;
      if (start && civilToUtcMs(until) < civilToUtcMs(start)) {
        ctx.report({
          code: 'R19.until-before-start',
          rule: 'R19',
          severity: 'error',
          message: `The schedule ends (${schedule.until}) before it starts (${entry.start}), so it never fires: recurring runs happen from the start while not after "until" (R19). Set "until" after the start, or remove it.`,
          path: ['segmentEntry', 'schedule', 'until'],
          data: { until: schedule.until, start: entry.start },
        });
      }
    }
  },
};
