// Reads a `.timeline.json` for `journey simulate`, in memory bounded by the
// parsed timeline: the bytes are parsed without a location tree and without
// one string of the whole file (jsonBytes), and checked without a copy
// (timelineCheck). Locations are needed only to report errors: a file small
// enough for the memory given is then parsed again with locations, for
// exactly the editor's diagnostics; in a larger one each error is located by
// parsing only the contact or event it is in. While parsing, neighbouring
// events share their instant string (timelineStrings). A file whose replay
// would not fit in the memory given is refused up front with a clear message instead
// of a V8 out-of-memory crash. The names the timeline gives are checked
// against the journey (timelineReferences) once it parses: unknown journey
// references are errors located the same way, likely typos of contact data
// warnings.
import { getHeapStatistics } from 'node:v8';
import type { z } from 'zod';
import type { JourneyDiagnostic } from '../core/diagnostic';
import { arrayElementSpans, type MemberSpans, parseJsonBytes } from '../core/jsonBytes';
import { JsonChar } from '../core/jsonChars';
import { locateFinding, type ReferenceFinding } from '../core/journeyNames';
import { formatPath, parseJsonDocument } from '../core/jsonDocument';
import { schemaDiagnostics } from '../core/schemaDiagnostics';
import { checkTimelineValue } from '../core/timelineCheck';
import { Contact, ContactEvent, Timeline } from '../core/timeline';
import { TimelineStrings } from '../core/timelineStrings';
import { positionOfByte, positionsOfBytes } from '../core/utf8Text';
import { printAt, printFindings, readSourceBytes } from './sourceFiles';

/** Heap per byte of timeline file that the parsed timeline takes at least (1.5 to 4 measured, depending on how small its events are). */
const MIN_HEAP_PER_FILE_BYTE = 1.5;
/** The replay's own heap per contact and per event, on top of the parsed timeline (about 100-130 and 12 bytes measured), with a margin. */
const REPLAY_HEAP_PER_CONTACT = 160;
const REPLAY_HEAP_PER_EVENT = 16;
/** Parsing stops when the heap is this full: the rest would not fit. */
const PARSE_HEAP_SHARE = 0.9;
/** Heap per byte of text that parsing with locations (the jsonc-parser tree) takes, about 26× measured, with a margin. */
const LOCATED_HEAP_PER_TEXT_BYTE = 40;
/** What the CLI itself and the journey take besides the timeline. */
const BASE_HEAP = 64 * 2 ** 20;

export type TimelineRead = { ok: true; timeline: Timeline; warnings: number } | { ok: false; errors: number; tooBig?: string };

/** The names of a parsed timeline its journey lacks (timelineReferences bound to the journey). */
export type TimelineNameCheck = (timeline: Timeline) => ReferenceFinding[];

const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MB`;

/**
 * How errors are located: by default in the whole text parsed with locations when the heap has room for that
 * tree (about 40 bytes a byte of text), else element by element (only the contact or event at fault is parsed
 * with locations). Both print the same lines; the choice can be forced, so that the element-by-element way,
 * which a file needs tens of megabytes to take by itself, is specified on small files against the other.
 */
export type LocateErrors = 'byHeap' | 'inText' | 'inElements';

/** Why a timeline file is too big for the heap given (printed by the caller). */
export function timelineTooBig(file: string, size: number, needed: number, limit: number): TimelineRead & { ok: false } {
  return {
    ok: false,
    errors: 0,
    tooBig: `${file} (${mb(size)}) is too big for the memory given: replaying it needs ${needed > limit ? `about ${mb(needed)}` : `more than ${mb(limit)}`} of heap and this Node allows ${mb(limit)}. Give it more (NODE_OPTIONS=--max-old-space-size=${Math.ceil((Math.max(needed, limit * 1.5) / 2 ** 20) / 256) * 256}) or split the timeline.`,
  };
}

/**
 * The timeline of a file, or its errors printed as `file:line:col error
 * message [code]` lines, or why it is too big for the heap (printed by the caller).
 * The heap is checked three times: against the file size before parsing,
 * while parsing (a chunk at a time), and against the contacts and events
 * counted before the replay starts.
 */
export async function readTimelineFile(file: string, out: (line: string) => void, checkNames?: TimelineNameCheck, locate: LocateErrors = 'byHeap'): Promise<TimelineRead> {
  if (file.endsWith('.ndjson')) return (await import('./timelineNdjsonFile')).readNdjsonTimelineFile(file, out, checkNames);
  const source = await readSourceBytes(file, out);
  if (!source) return { ok: false, errors: 1 };
  const { bytes } = source;
  const limit = getHeapStatistics().heap_size_limit;
  const atLeast = BASE_HEAP + bytes.length * MIN_HEAP_PER_FILE_BYTE;
  if (atLeast > limit) return timelineTooBig(file, bytes.length, atLeast, limit);
  const spans = new Map<string, MemberSpans>();
  const withinBudget = () => getHeapStatistics().used_heap_size < limit * PARSE_HEAP_SHARE;
  let parsed: ReturnType<typeof parseJsonBytes> | undefined = parseJsonBytes(bytes, spans, withinBudget, undefined, new TimelineStrings().share);
  if (!parsed.ok && 'overBudget' in parsed) return timelineTooBig(file, bytes.length, 0, limit);
  const locateInText = locate === 'byHeap' ? bytes.length * LOCATED_HEAP_PER_TEXT_BYTE + BASE_HEAP < limit : locate === 'inText';
  if (parsed.ok) {
    const check = checkTimelineValue(parsed.value);
    if (check.ok) {
      const { contacts, events } = check.timeline;
      const needed = getHeapStatistics().used_heap_size + contacts.length * REPLAY_HEAP_PER_CONTACT + events.length * REPLAY_HEAP_PER_EVENT + BASE_HEAP / 2;
      if (needed > limit) return timelineTooBig(file, bytes.length, needed, limit);
      const findings = checkNames?.(check.timeline) ?? [];
      if (findings.length === 0) return { ok: true, timeline: check.timeline, warnings: 0 };
      const errors = findings.filter((f) => f.severity === 'error').length;
      printNameFindings(file, bytes, spans, findings, locateInText, out);
      return errors > 0 ? { ok: false, errors } : { ok: true, timeline: check.timeline, warnings: findings.length };
    }
    parsed = undefined; // free the value before locating
    if (locateInText) return { ok: false, errors: locateWithTree(file, new TextDecoder().decode(bytes), out, check.issues) };
    return { ok: false, errors: locateInElements(file, bytes, spans, check.issues, check.more, out) };
  }
  const problem = parsed.problem;
  parsed = undefined;
  if (locateInText) {
    const errors = locateWithTree(file, new TextDecoder().decode(bytes), out);
    if (errors > 0) return { ok: false, errors };
  }
  printAt(file, positionOfByte(bytes, problem.byteOffset), 'error', problem.message, problem.code, out);
  return { ok: false, errors: 1 };
}

/** Parses the text with locations and prints its syntax errors, or the schema issues given (or found); returns how many. */
function locateWithTree(file: string, text: string, out: (line: string) => void, issues?: z.core.$ZodIssue[]): number {
  const doc = parseJsonDocument(text);
  let diagnostics: JourneyDiagnostic[];
  if (doc.syntaxErrors.length > 0 || doc.value === undefined) {
    diagnostics = doc.syntaxErrors.length > 0 ? doc.syntaxErrors : [{ code: 'syntax.empty', rule: 'syntax', severity: 'error', message: 'The file is empty: a timeline is a JSON object with formatVersion, contacts and events.', offset: 0, length: 0, path: [] }];
  } else {
    const found = issues ?? (() => {
      const result = Timeline.safeParse(doc.value);
      return result.success ? [] : result.error.issues;
    })();
    diagnostics = schemaDiagnostics(doc, Timeline, found, 'the timeline');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').sort((a, b) => a.offset - b.offset);
  printFindings(file, text, errors, out);
  return errors.length;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * Prints the names the journey lacks at their exact place: in the text
 * parsed with locations when it is small enough, else in the contact or
 * event each is in, parsed on its own.
 */
function printNameFindings(file: string, bytes: Uint8Array, spans: ReadonlyMap<string, MemberSpans>, findings: readonly ReferenceFinding[], locateInText: boolean, out: (line: string) => void): void {
  if (locateInText) {
    const text = new TextDecoder().decode(bytes);
    const doc = parseJsonDocument(text);
    printFindings(file, text, findings.map((f) => locateFinding(doc, f)).sort((a, b) => a.offset - b.offset), out);
    return;
  }
  const found: { byteOffset: number; finding: ReferenceFinding }[] = [];
  const decoder = new TextDecoder();
  for (const key of ['contacts', 'events'] as const) {
    const mine = findings.filter((f) => f.path[0] === key);
    const member = spans.get(key);
    if (mine.length === 0 || !member) continue;
    const elements = arrayElementSpans(bytes, member.value.start, [...new Set(mine.map((f) => f.path[1] as number))]);
    for (const f of mine) {
      const span = elements.get(f.path[1] as number);
      if (!span) {
        found.push({ byteOffset: member.value.start, finding: f });
        continue;
      }
      const text = decoder.decode(bytes.subarray(span.start, span.end));
      const d = locateFinding(parseJsonDocument(text), { ...f, path: f.path.slice(2) });
      found.push({ byteOffset: span.start + utf8Length(text.slice(0, d.offset)), finding: f });
    }
  }
  found.sort((a, b) => a.byteOffset - b.byteOffset);
  const positions = positionsOfBytes(bytes, found.map((f) => f.byteOffset));
  found.forEach(({ finding }, k) => printAt(file, positions[k]!, finding.severity, finding.message, finding.code, out));
}

/** A message about a contact or event checked on its own, with the place named as in the whole timeline (events[7].at, not at). */
function inTimeline(message: string, relative: (string | number)[], full: (string | number)[]): string {
  if (relative.length === 0) return message; // at the element itself: schemaDiagnostics already names it (its root)
  const from = formatPath(relative);
  const pattern = new RegExp(`(^|\\s)${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s.:,]|$)`);
  return message.replace(pattern, (_, before: string) => `${before}${formatPath(full)}`);
}

/** A member's value for the skeleton of a timeline: an object or array empty (it may be huge), anything else as written. */
function skeletonValue(bytes: Uint8Array, start: number, end: number, decoder: TextDecoder): string {
  if (bytes[start] === JsonChar.OpenBrace) return '{}';
  if (bytes[start] === JsonChar.OpenBracket) return '[]';
  return decoder.decode(bytes.subarray(start, end));
}

/** Locates each issue by parsing with locations only the contact or event it is in; returns how many errors were printed. */
function locateInElements(file: string, bytes: Uint8Array, spans: ReadonlyMap<string, MemberSpans>, issues: readonly z.core.$ZodIssue[], more: boolean, out: (line: string) => void): number {
  const found: { byteOffset: number; message: string; code: string }[] = [];
  const decoder = new TextDecoder();
  for (const key of ['contacts', 'events'] as const) {
    const mine = issues.filter((i) => i.path[0] === key && typeof i.path[1] === 'number');
    const member = spans.get(key);
    if (mine.length === 0 || !member) continue;
    const indices = [...new Set(mine.map((i) => i.path[1] as number))].sort((a, b) => a - b);
    const elements = arrayElementSpans(bytes, member.value.start, indices);
    for (const index of indices) {
      const span = elements.get(index);
      const elementIssues = mine.filter((i) => i.path[1] === index);
      if (!span) {
        for (const i of elementIssues) found.push({ byteOffset: member.value.start, message: `${formatPath(i.path as (string | number)[])}: ${i.message}`, code: `schema.${i.code}` });
        continue;
      }
      const text = decoder.decode(bytes.subarray(span.start, span.end));
      const doc = parseJsonDocument(text);
      const relative = elementIssues.map((i) => ({ ...i, path: i.path.slice(2) }) as z.core.$ZodIssue);
      for (const issue of relative) {
        const issuePath = issue.path as (string | number)[];
        for (const d of schemaDiagnostics(doc, key === 'contacts' ? Contact : ContactEvent, [issue], formatPath([key, index]))) {
          // An unknown discriminator's message names the object it is in (the element, by its name in the timeline), not the issue's path.
          const message = d.code === 'schema.unknown-discriminator' ? d.message : inTimeline(d.message, issuePath, [key, index, ...issuePath]);
          found.push({ byteOffset: span.start + utf8Length(text.slice(0, d.offset)), message, code: d.code });
        }
      }
    }
  }
  // The timeline's own members: said as in the whole text, from a skeleton of the timeline (its arrays and objects
  // empty, its other values as written), placed at the member's key or value in the file.
  const topIssues = issues.filter((i) => !((i.path[0] === 'contacts' || i.path[0] === 'events') && typeof i.path[1] === 'number'));
  if (topIssues.length > 0) {
    const skeleton = `{${[...spans].map(([key, member]) => `${JSON.stringify(key)}:${skeletonValue(bytes, member.value.start, member.value.end, decoder)}`).join(',')}}`;
    for (const d of schemaDiagnostics(parseJsonDocument(skeleton), Timeline, topIssues, 'the timeline')) {
      const member = typeof d.path[0] === 'string' ? spans.get(d.path[0]) : undefined;
      const byteOffset = member === undefined ? 0 : d.code === 'schema.unknown-property' && d.path.length === 1 ? member.key.start : member.value.start;
      found.push({ byteOffset, message: d.message, code: d.code });
    }
  }
  found.sort((a, b) => a.byteOffset - b.byteOffset);
  const positions = positionsOfBytes(bytes, found.map((f) => f.byteOffset));
  found.forEach((f, k) => printAt(file, positions[k]!, 'error', f.message, f.code, out));
  if (more) out(`${file}: more errors not shown (the first ${issues.length} are).`);
  return found.length;
}
