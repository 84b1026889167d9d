// Checks a parsed timeline against its schema without copying it: zod's
// parse returns a new object for every contact and event, which for a
// timeline of millions of events doubles the memory. The top level is
// checked with empty lists, then each contact and event on its own, and
// the value itself is used (the timeline schema has no defaults or
// transforms, so a value that passes is exactly what the parse returns;
// JSON.parse keeps a `__proto__` field as an own property, which zod skips,
// so those entries are checked on their own: reservedRecordIssues).
// Stops after `limit` issues. Pure.
import type { z } from 'zod';
import { Contact, ContactEvent, parseTimeline, reservedRecordIssues, Timeline } from './timeline';

type Issue = z.core.$ZodIssue;

export type TimelineCheck = { ok: true; timeline: Timeline } | { ok: false; issues: Issue[]; more: boolean };

export function checkTimelineValue(value: unknown, limit = 100): TimelineCheck {
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!record || !Array.isArray(record.contacts) || !Array.isArray(record.events)) {
    const result = parseTimeline(value);
    return result.success ? { ok: true, timeline: result.data } : { ok: false, issues: result.error.issues.slice(0, limit), more: result.error.issues.length > limit };
  }
  const issues: Issue[] = [];
  const top = Timeline.safeParse({ ...record, contacts: [], events: [] });
  if (!top.success) issues.push(...top.error.issues);
  const each = (list: readonly unknown[], key: string, schema: z.ZodType): boolean => {
    for (let i = 0; i < list.length; i++) {
      const result = schema.safeParse(list[i]);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        if (issues.length >= limit) return false;
        issues.push({ ...issue, path: [key, i, ...issue.path] } as Issue);
      }
    }
    return true;
  };
  const complete = issues.length < limit && each(record.contacts, 'contacts', Contact) && each(record.events, 'events', ContactEvent);
  if (issues.length === 0) issues.push(...reservedRecordIssues(value));
  if (issues.length === 0) return { ok: true, timeline: value as Timeline };
  return { ok: false, issues: issues.slice(0, limit), more: !complete || issues.length > limit };
}
