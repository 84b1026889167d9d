// How the `journey` commands read their input files and report what they
// found in them: one `file:line:col severity message [code]` line per
// finding (line and column from 1), and `file:1:1 error cannot read the
// file: CODE` for a file that cannot be read. Files are UTF-8: bytes that
// are not are an error at their line and column ([encoding.not-utf8]) and
// the file is never rewritten; a leading BOM is accepted, and reported so a
// command that writes the file back keeps it. Whatever comes from a file is
// printed with its control characters escaped (terminalSafe).
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { LineIndex, type Position } from '../core/textPosition';
import { decodeUtf8, firstInvalidUtf8, invalidUtf8At, startsWithUtf8Bom, UTF8_BOM } from '../core/utf8Text';

/** A file's text (without a leading BOM) and whether it had one. */
export interface SourceText {
  text: string;
  bom: boolean;
}

/** A file's bytes (without a leading BOM, checked to be UTF-8) and whether it had one. */
export interface SourceBytes {
  bytes: Uint8Array;
  bom: boolean;
}

export const ENCODING_CODE = 'encoding.not-utf8';

/**
 * Control characters (C0, DEL, C1: ESC starts terminal sequences) and the
 * bidirectional overrides, written as \uXXXX so text from a file cannot
 * drive the terminal, forge lines or hide characters. The escape is JSON's,
 * so JSON output stays valid JSON.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Text from a file, made safe to print on one line of a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A whole output line (which may hold our own line breaks) made safe to print. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeChar);
}

function cannotRead(file: string, error: unknown, out: (line: string) => void): undefined {
  out(`${terminalSafe(file)}:1:1 error cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  return undefined;
}

function printNotUtf8(file: string, bytes: Uint8Array, out: (line: string) => void): undefined {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  const invalid = invalidUtf8At(bytes, at);
  printAt(file, invalid.position, 'error', invalid.message, ENCODING_CODE, out);
  return undefined;
}

/** The file's text, or undefined after printing why it cannot be read (or is not UTF-8). */
export async function readSourceFile(file: string, out: (line: string) => void): Promise<SourceText | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return cannotRead(file, error, out);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    printAt(file, decoded.invalid.position, 'error', decoded.invalid.message, ENCODING_CODE, out);
    return undefined;
  }
  return { text: decoded.text, bom: decoded.bom };
}

/** The file's bytes checked to be UTF-8 (a large timeline is parsed from them), or undefined after printing why not. */
export async function readSourceBytes(file: string, out: (line: string) => void): Promise<SourceBytes | undefined> {
  let all: Buffer;
  try {
    all = await readFile(file);
  } catch (error) {
    return cannotRead(file, error, out);
  }
  const bom = startsWithUtf8Bom(all);
  const bytes = bom ? all.subarray(3) : all;
  if (!isUtf8(bytes)) return printNotUtf8(file, bytes, out);
  return { bytes, bom };
}

/** The text to write back to a file read as `source`: with its BOM if it had one. */
export function withSourceBom(source: SourceText, text: string): string {
  return source.bom ? UTF8_BOM + text : text;
}

/** A finding at an offset of a file's text. */
export interface Finding {
  offset: number;
  severity: string;
  message: string;
  code: string;
}

/** Prints one finding at a zero-based position as `file:line:col severity message [code]`. */
export function printAt(file: string, position: Position, severity: string, message: string, code: string, out: (line: string) => void): void {
  out(`${terminalSafe(file)}:${position.line + 1}:${position.character + 1} ${severity} ${terminalSafe(message)} [${terminalSafe(code)}]`);
}

/** Prints each finding as `file:line:col severity message [code]`, in the order given. */
export function printFindings(file: string, text: string, findings: Iterable<Finding>, out: (line: string) => void): void {
  const lines = new LineIndex(text);
  for (const f of findings) printAt(file, lines.positionAt(f.offset), f.severity, f.message, f.code, out);
}
