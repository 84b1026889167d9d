// Reads a `.timeline.ndjson` (src/core/timelineNdjson.ts) for `journey
// simulate` and `journey compare`: streamed line by line, each line parsed
// and checked on its own, so memory follows the timeline's contacts and
// events, never one string of the file; every bad line is printed as
// `file:line:col error message [timeline.ndjson-line]`, and the names the
// timeline gives that its journey lacks at the line that gives them.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Contact, ContactEvent, Timeline } from '../core/timeline';
import { readNdjsonLine, type TimelineHeader } from '../core/timelineNdjson';
import { printAt } from './sourceFiles';
import type { TimelineNameCheck, TimelineRead } from './timelineFile';

const MAX_PRINTED = 50;

export async function readNdjsonTimelineFile(file: string, out: (line: string) => void, checkNames?: TimelineNameCheck): Promise<TimelineRead> {
  let header: TimelineHeader | undefined;
  const contacts: Contact[] = [];
  const events: ContactEvent[] = [];
  const contactLines: number[] = [];
  const eventLines: number[] = [];
  let errors = 0;
  let lineNumber = 0;
  const error = (line: number, column: number, message: string) => {
    errors++;
    if (errors <= MAX_PRINTED) printAt(file, { line: line - 1, character: column - 1 }, 'error', message, 'timeline.ndjson-line', out);
  };
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of lines) {
      lineNumber++;
      const line = readNdjsonLine(lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text, lineNumber);
      if (line.kind === 'error') error(lineNumber, line.column, line.message);
      else if (line.kind === 'header') header = line.header;
      else if (line.kind === 'contact') {
        contacts.push(line.contact);
        contactLines.push(lineNumber);
      } else if (line.kind === 'event') {
        events.push(line.event);
        eventLines.push(lineNumber);
      }
    }
  } catch (e) {
    out(`${file}: error cannot read the file: ${e instanceof Error ? e.message : String(e)} [io.unreadable]`);
    return { ok: false, errors: 1 };
  }
  // No line but blank ones (or none): no header, and no line said why.
  if (!header && errors === 0) error(1, 1, 'the file is empty: its first line is the timeline header, {"formatVersion":1, ...}');
  if (errors > MAX_PRINTED) out(`${file}: ${errors - MAX_PRINTED} more errors not shown.`);
  if (errors > 0 || !header) return { ok: false, errors: Math.max(errors, 1) };
  const timeline: Timeline = { ...header, contacts, events };
  const findings = checkNames?.(timeline) ?? [];
  let nameErrors = 0;
  for (const f of findings) {
    const [owner, index] = f.path as [string, number];
    const line = owner === 'contacts' ? contactLines[index] : owner === 'events' ? eventLines[index] : 1;
    printAt(file, { line: (line ?? 1) - 1, character: 0 }, f.severity, f.message, f.code, out);
    if (f.severity === 'error') nameErrors++;
  }
  return nameErrors > 0 ? { ok: false, errors: nameErrors } : { ok: true, timeline, warnings: findings.length };
}
