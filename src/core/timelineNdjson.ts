// The `.timeline.ndjson` file format: a timeline as one JSON value per line,
// for histories too big to write (or read) as one JSON document, e.g. the
// output of `journey import`. Line 1 is the header, the timeline's own
// properties without its arrays: {"formatVersion":1, "seed"?, "start"?,
// "horizon"?, "journey"?, "description"?}. Every other line is a contact,
// {"contact":{...}}, or an event, {"event":{...}}, each as in a
// `.timeline.json` (src/core/timeline.ts), in any order; blank lines are
// allowed. Each line is parsed and checked on its own, so a reader streams
// the file and locates every problem at its line.
import { z } from 'zod';
import { Contact, ContactEvent, reservedRecordIssues, Timeline } from './timeline';

export const TimelineHeader = Timeline.omit({ contacts: true, events: true });
export type TimelineHeader = z.infer<typeof TimelineHeader>;

export const TimelineLine = z.union([z.strictObject({ contact: Contact }), z.strictObject({ event: ContactEvent })]);

export type NdjsonLine = { kind: 'header'; header: TimelineHeader } | { kind: 'contact'; contact: Contact } | { kind: 'event'; event: ContactEvent } | { kind: 'blank' } | { kind: 'error'; column: number; message: string };

/** What a line holds (line 1 is the header); a problem comes with its column (1-based) and a message that says what a line must be. */
export function readNdjsonLine(text: string, lineNumber: number): NdjsonLine {
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return { kind: 'error', column: at !== undefined ? Number(at) + 1 : 1, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (lineNumber === 1) {
    const header = TimelineHeader.safeParse(value);
    if (!header.success) return { kind: 'error', column: 1, message: `the first line is the timeline header, {"formatVersion":1, ...}: ${issueText(header.error.issues)}` };
    return { kind: 'header', header: header.data };
  }
  const parsed = TimelineLine.safeParse(value);
  if (!parsed.success) {
    const wrapper = value !== null && typeof value === 'object' ? Object.keys(value) : [];
    const which = wrapper.length === 1 && (wrapper[0] === 'contact' || wrapper[0] === 'event') ? wrapper[0] : undefined;
    const issues = which ? (which === 'contact' ? Contact : ContactEvent).safeParse((value as Record<string, unknown>)[which]) : undefined;
    const detail = issues && !issues.success ? `${which}: ${issueText(issues.error.issues)}` : 'a line is {"contact":{...}} or {"event":{...}}';
    return { kind: 'error', column: 1, message: detail };
  }
  // Keys named __proto__ are data (see timeline.ts): checked and kept as own properties.
  const owner = 'contact' in parsed.data ? 'contacts' : 'events';
  const item = 'contact' in parsed.data ? parsed.data.contact : parsed.data.event;
  const raw = (value as Record<string, unknown>)[owner === 'contacts' ? 'contact' : 'event'];
  const reserved = reservedRecordIssues({ contacts: owner === 'contacts' ? [raw] : [], events: owner === 'events' ? [raw] : [] }, (_, __, key, entry) => {
    const target = (item as unknown as Record<string, Record<string, unknown>>)[key]!;
    Object.defineProperty(target, '__proto__', { value: entry, enumerable: true, writable: true, configurable: true });
  });
  if (reserved.length > 0) return { kind: 'error', column: 1, message: issueText(reserved) };
  return 'contact' in parsed.data ? { kind: 'contact', contact: parsed.data.contact } : { kind: 'event', event: parsed.data.event };
}

function issueText(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
}

/** The header line of a timeline (no arrays). */
export function ndjsonHeader(header: TimelineHeader): string {
  return JSON.stringify(header);
}

export const ndjsonContact = (contact: Contact): string => JSON.stringify({ contact });
export const ndjsonEvent = (event: ContactEvent): string => JSON.stringify({ event });

/** A whole `.timeline.ndjson` text (the editor reads files it has in memory): the timeline, or the first problem with its line. */
export function parseTimelineNdjsonText(text: string): { ok: true; timeline: Timeline } | { ok: false; line: number; column: number; message: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: TimelineHeader | undefined;
  const contacts: Timeline['contacts'] = [];
  const events: Timeline['events'] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = readNdjsonLine(lines[i]!, i + 1);
    if (line.kind === 'error') return { ok: false, line: i + 1, column: line.column, message: line.message };
    if (line.kind === 'header') header = line.header;
    else if (line.kind === 'contact') contacts.push(line.contact);
    else if (line.kind === 'event') events.push(line.event);
  }
  if (!header) return { ok: false, line: 1, column: 1, message: 'the first line is the timeline header, {"formatVersion":1, ...}' };
  return { ok: true, timeline: { ...header, contacts, events } };
}
