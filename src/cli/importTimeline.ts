// Streams an event history into a `.timeline.ndjson` (src/core/timelineNdjson.ts)
// for `journey import` and the editor's "Import Event History…": reads a
// Segment Spec NDJSON file line by line (node:readline) or a CSV export
// record by record (csv-parse's stream parser), turns each into contacts
// and events (src/core/importing), writes each event at once to a
// temporary file beside the output, and at the end writes the output:
// the header, the contacts, then the events. Memory follows the number of
// contacts; progress is reported as bytes read. Bad rows are reported with
// their line; unless `skipBadRows`, any bad row fails the import and
// nothing is written.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import type { CsvMapping, SegmentMapping } from '../core/importing/importMapping';
import { type BadRow, type ImportReport, TimelineImport } from '../core/importing/timelineImport';
import { ndjsonContact, ndjsonEvent, ndjsonHeader, type TimelineHeader } from '../core/timelineNdjson';

export type ImportSource = { format: 'segment'; mapping: SegmentMapping } | { format: 'csv'; mapping: CsvMapping };

export interface ImportOptions {
  input: string;
  output: string;
  source: ImportSource;
  header: TimelineHeader;
  skipBadRows: boolean;
  /** Called now and then with the bytes read so far and the input's size. */
  progress?: (bytesRead: number, size: number, records: number) => void;
  /** Called for each bad row, as it is found. */
  onBadRow?: (row: BadRow) => void;
  /** Checked between records: true stops the import (nothing is written). */
  cancelled?: () => boolean;
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; report: ImportReport; reason: 'badRows' | 'cancelled' };

const PROGRESS_EVERY = 50_000;

/** A write stream that waits for the disk when its buffer is full. */
function writer(path: string) {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  return {
    stream,
    async line(text: string) {
      if (!stream.write(text + '\n')) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

export async function importTimeline(options: ImportOptions): Promise<ImportResult> {
  const size = (await stat(options.input)).size;
  const eventsFile = `${options.output}.events-${process.pid}.tmp`;
  const events = writer(eventsFile);
  const pending: string[] = [];
  const importer = new TimelineImport(
    (event) => void pending.push(ndjsonEvent(event)),
    (row) => options.onBadRow?.(row),
  );
  const input = createReadStream(options.input);
  let records = 0;
  let cancelled = false;
  const flush = async () => {
    for (const line of pending.splice(0)) await events.line(line);
  };
  const tick = async () => {
    records++;
    if (pending.length >= 256) await flush();
    if (records % PROGRESS_EVERY === 0) options.progress?.(input.bytesRead, size, records);
    if (options.cancelled?.()) cancelled = true;
  };
  try {
    if (options.source.format === 'segment') {
      const mapping = options.source.mapping;
      const lines = createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const text of lines) {
        lineNumber++;
        if (text.trim() === '') continue;
        let message: unknown;
        try {
          message = JSON.parse(lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text);
        } catch (error) {
          importer.unreadable({ line: lineNumber, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
          await tick();
          continue;
        }
        importer.segment(message, lineNumber, mapping);
        await tick();
        if (cancelled) break;
      }
    } else {
      const mapping = options.source.mapping;
      const parser = input.pipe(parseCsv({ columns: true, bom: true, info: true, skip_empty_lines: true, delimiter: mapping.delimiter ?? ',', skip_records_with_error: true }));
      parser.on('skip', (error: Error & { lines?: number }) => importer.unreadable({ line: error.lines ?? 0, message: `not a CSV row of the header's columns: ${error.message}` }));
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        importer.csv(record, info.lines, mapping);
        await tick();
        if (cancelled) break;
      }
    }
    await flush();
  } finally {
    input.destroy();
    await events.close();
  }
  const report = importer.report();
  options.progress?.(size, size, records);
  if (cancelled || (report.badRows > 0 && !options.skipBadRows)) {
    await rm(eventsFile, { force: true });
    return { ok: false, report, reason: cancelled ? 'cancelled' : 'badRows' };
  }
  const partial = `${options.output}.part-${process.pid}.tmp`;
  const out = writer(partial);
  try {
    await out.line(ndjsonHeader(options.header));
    for (const contact of importer.contactList()) await out.line(ndjsonContact(contact));
    for await (const chunk of createReadStream(eventsFile)) if (!out.stream.write(chunk)) await once(out.stream, 'drain');
  } finally {
    await out.close();
    await rm(eventsFile, { force: true });
  }
  await rename(partial, options.output);
  return { ok: true, report };
}
