// R10: time zones and wait-until instants. Every time zone the journey names
// (settings.timeZone, a date-field trigger's, a wait-until's, the segment
// entry's) must be an IANA zone; a wait-until must be a real calendar time;
// and one whose instant lies before the journey starts (the segment start of
// a segment journey, else now) lets contacts go on at once - a warning.
import type { JsonPath } from '../jsonDocument';
import { closestTimeZone, isIanaTimeZone, localDateTimeToEpochMs, parseLocalDateTime } from '../timeZones';
import type { JourneyRule, RuleContext } from './ruleContext';

/** Every time zone of the journey with its path. */
export function timeZoneSites(ctx: RuleContext): { zone: string; path: JsonPath; where: string }[] {
  const { journey } = ctx;
  const sites: { zone: string; path: JsonPath; where: string }[] = [];
  if (journey.settings?.timeZone !== undefined) sites.push({ zone: journey.settings.timeZone, path: ['settings', 'timeZone'], where: 'the journey time zone' });
  if (journey.segmentEntry?.timeZone !== undefined) sites.push({ zone: journey.segmentEntry.timeZone, path: ['segmentEntry', 'timeZone'], where: 'the segment entry time zone' });
  journey.startingPoints.forEach((sp, i) => {
    if (sp.trigger.type === 'dateField' && sp.trigger.timeZone !== undefined) sites.push({ zone: sp.trigger.timeZone, path: ['startingPoints', i, 'trigger', 'timeZone'], where: `the time zone of starting point "${sp.id}"` });
  });
  journey.points.forEach((p, i) => {
    if (p.type === 'waitUntil' && p.timeZone !== undefined) sites.push({ zone: p.timeZone, path: ['points', i, 'timeZone'], where: `the time zone of "${p.id}"` });
  });
  return sites;
}

/** The zone a local date-time is read in: the given one if valid, else the journey's if valid, else UTC. */
export function effectiveZone(ctx: RuleContext, own?: string): string {
  for (const zone of [own, ctx.journey.settings?.timeZone]) if (zone !== undefined) return isIanaTimeZone(zone) ? zone : 'UTC';
  return 'UTC';
}

/** Reports a local date-time that is not on the calendar (2026-02-30T09:00); returns whether it is fine. */
export function checkCalendarTime(ctx: RuleContext, text: string, path: JsonPath, rule: 'R10' | 'R19', what: string): boolean {
  if (parseLocalDateTime(text)) return true;
  ctx.report({
    code: `${rule}.invalid-date-time`,
    rule,
    severity: 'error',
    message: `"${text}" (${what}) is not a real date and time: a local date-time must exist on the calendar (${rule}). Correct the day, month or time.`,
    path,
    data: { value: text },
  });
  return false;
}

export const timingRule: JourneyRule = {
  rule: 'R10',
  title: 'time zones are IANA names; wait-until instants lie after the journey start',
  check(ctx) {
    for (const site of timeZoneSites(ctx)) {
      if (isIanaTimeZone(site.zone)) continue;
      const suggestion = closestTimeZone(site.zone);
      ctx.report({
        code: 'R10.unknown-time-zone',
        rule: 'R10',
        severity: 'error',
        message:
          `"${site.zone}" (${site.where}) is not an IANA time zone: local times are read in an IANA zone such as Europe/Berlin or UTC, which knows its daylight saving changes (R10). ` +
          (suggestion ? `Did you mean "${suggestion}"?` : 'Use a name such as Europe/Berlin, America/New_York or UTC.'),
        path: site.path,
        data: { timeZone: site.zone, ...(suggestion ? { suggestion } : {}) },
      });
    }

    const { journey } = ctx;
    const entry = journey.segmentEntry;
    let start: { ms: number; text: string } | undefined;
    if (journey.kind === 'segment' && entry?.start !== undefined) {
      const zone = effectiveZone(ctx, entry.timeZone);
      const ms = localDateTimeToEpochMs(entry.start, zone);
      if (ms !== undefined) start = { ms, text: `the segment start, ${entry.start} ${zone}` };
    }
    if (!start) {
      const now = ctx.options.now ?? new Date();
      start = { ms: now.getTime(), text: `now, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC` };
    }
    journey.points.forEach((p, i) => {
      if (p.type !== 'waitUntil') return;
      if (!checkCalendarTime(ctx, p.at, ['points', i, 'at'], 'R10', `the wait-until time of "${p.id}"`)) return;
      const zone = effectiveZone(ctx, p.timeZone);
      const at = localDateTimeToEpochMs(p.at, zone)!;
      if (at > start.ms) return;
      ctx.report({
        code: 'R10.wait-until-past',
        rule: 'R10',
        severity: 'warning',
        message: `"${p.id}" waits until ${p.at} ${zone}, which is not after the journey starts (${start.text}): when the instant of a wait-until has passed, contacts go on at once (R10). Choose a later date and time, or remove the wait.`,
        path: ['points', i, 'at'],
        data: { at: p.at, timeZone: zone, atInstant: new Date(at).toISOString(), start: new Date(start.ms).toISOString() },
      });
    });
  },
};
