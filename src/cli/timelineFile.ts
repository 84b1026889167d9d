// Reads a `.timeline.json` for `journey simulate`, in memory bounded by the
// parsed timeline: the bytes are parsed without a location tree and without
// one string of the whole file (jsonBytes), and checked without a copy
// (timelineCheck). Locations are needed only to report errors: a file small
// enough for the memory given is then parsed again with locations, for
// exactly the editor's diagnostics; in a larger one each error is located by
// parsing only the contact or event it is in. A file whose replay would not
// fit in the memory given is refused up front with a clear message instead
// of a V8 out-of-memory crash.
import { getHeapStatistics } from 'node:v8';
import type { z } from 'zod';
import type { JourneyDiagnostic } from '../core/diagnostic';
import { arrayElementSpans, type MemberSpans, parseJsonBytes } from '../core/jsonBytes';
import { formatPath, parseJsonDocument } from '../core/jsonDocument';
import { schemaDiagnostics } from '../core/schemaDiagnostics';
import { checkTimelineValue } from '../core/timelineCheck';
import { Contact, ContactEvent, Timeline } from '../core/timeline';
import { positionOfByte, positionsOfBytes } from '../core/utf8Text';
import { printAt, printFindings, readSourceBytes } from './sourceFiles';

/** Heap per byte of timeline file: the parsed events (~1.5×) and the replay's own state, measured on generated timelines, with a margin. */
const HEAP_PER_FILE_BYTE = 2.2;
/** Heap per byte of text that parsing with locations (the jsonc-parser tree) takes, about 26× measured, with a margin. */
const LOCATED_HEAP_PER_TEXT_BYTE = 40;
/** What the CLI itself and the journey take besides the timeline. */
const BASE_HEAP = 64 * 2 ** 20;

export type TimelineRead = { ok: true; timeline: Timeline } | { ok: false; errors: number; tooBig?: string };

const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MB`;

function heapLimit(): number {
  return getHeapStatistics().heap_size_limit;
}

/** The located errors of a timeline that is not valid, as `file:line:col error message [code]` lines. */
export async function readTimelineFile(file: string, out: (line: string) => void): Promise<TimelineRead> {
  const source = await readSourceBytes(file, out);
  if (!source) return { ok: false, errors: 1 };
  const { bytes } = source;
  const limit = heapLimit();
  const needed = BASE_HEAP + bytes.length * HEAP_PER_FILE_BYTE;
  if (needed > limit) {
    return {
      ok: false,
      errors: 0,
      tooBig: `${file} (${mb(bytes.length)}) is too big for the memory given: replaying it needs about ${mb(needed)} of heap and this Node allows ${mb(limit)}. Give it more (NODE_OPTIONS=--max-old-space-size=${Math.ceil(needed / 2 ** 20 / 256) * 256}) or split the timeline.`,
    };
  }
  const spans = new Map<string, MemberSpans>();
  let parsed: ReturnType<typeof parseJsonBytes> | undefined = parseJsonBytes(bytes, spans);
  const locateInText = bytes.length * LOCATED_HEAP_PER_TEXT_BYTE + BASE_HEAP < limit;
  if (parsed.ok) {
    const check = checkTimelineValue(parsed.value);
    if (check.ok) return { ok: true, timeline: check.timeline };
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
    diagnostics = schemaDiagnostics(doc, Timeline, found);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').sort((a, b) => a.offset - b.offset);
  printFindings(file, text, errors, out);
  return errors.length;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** A message about a contact or event checked on its own, with the place named as in the whole timeline (events[7].at, not at). */
function inTimeline(message: string, relative: (string | number)[], full: (string | number)[]): string {
  const from = formatPath(relative) || 'the journey';
  const pattern = new RegExp(`(^|\\s)${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s.:,]|$)`);
  return message.replace(pattern, (_, before: string) => `${before}${formatPath(full)}`);
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
        for (const d of schemaDiagnostics(doc, key === 'contacts' ? Contact : ContactEvent, [issue])) {
          found.push({ byteOffset: span.start + utf8Length(text.slice(0, d.offset)), message: inTimeline(d.message, issuePath, [key, index, ...issuePath]), code: d.code });
        }
      }
    }
  }
  for (const i of issues) {
    if ((i.path[0] === 'contacts' || i.path[0] === 'events') && typeof i.path[1] === 'number') continue;
    const member = typeof i.path[0] === 'string' ? spans.get(i.path[0]) : undefined;
    const where = formatPath(i.path as (string | number)[]) || 'the timeline';
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) found.push({ byteOffset: spans.get(key)?.key.start ?? 0, message: `Property "${key}" is not allowed in ${where}.`, code: 'schema.unknown-property' });
    } else found.push({ byteOffset: member?.value.start ?? 0, message: `${where}: ${i.message}`, code: `schema.${i.code}` });
  }
  found.sort((a, b) => a.byteOffset - b.byteOffset);
  const positions = positionsOfBytes(bytes, found.map((f) => f.byteOffset));
  found.forEach((f, k) => printAt(file, positions[k]!, 'error', f.message, f.code, out));
  if (more) out(`${file}: more errors not shown (the first ${issues.length} are).`);
  return found.length;
}
