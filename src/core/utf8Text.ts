// Journey, timeline and scenario files are UTF-8 text. Decodes a file's bytes
// strictly: a byte sequence that is not UTF-8 (a Latin-1 "é", a cut-off
// sequence) is an error located at its line and column, never a silent
// U+FFFD that a later write would make permanent. A leading byte order mark
// is accepted (VS Code accepts it) and reported, so a writer can keep it;
// the text itself is without it, so offsets and columns are the editor's.
// Pure: TextDecoder is in every runtime the extension runs in.
import type { Position } from './textPosition';

/** The UTF-8 byte order mark, as it starts a file. */
export const UTF8_BOM = '\uFEFF';

export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Where a file stops being UTF-8. */
export interface InvalidUtf8 {
  /** Offset of the first byte that is not part of a valid UTF-8 sequence. */
  byteOffset: number;
  byte: number;
  /** Zero-based line and character (UTF-16 units, as editors count) of that byte in the text before it. */
  position: Position;
  message: string;
}

export type DecodedText = { ok: true; text: string; bom: boolean } | { ok: false; invalid: InvalidUtf8 };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of UTF-8 bytes (without a leading BOM, which `bom` reports), or where they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const bom = startsWithUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictDecoder.decode(body), bom };
  } catch {
    const at = firstInvalidUtf8(body);
    return { ok: false, invalid: invalidUtf8At(body, at < 0 ? 0 : at) };
  }
}

/** The located error for the byte at `byteOffset` of `bytes` (a text without BOM). */
export function invalidUtf8At(bytes: Uint8Array, byteOffset: number): InvalidUtf8 {
  const byte = bytes[byteOffset] ?? 0;
  const position = positionOfByte(bytes, byteOffset);
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    byteOffset,
    byte,
    position,
    message: `The file is not UTF-8 text: byte ${hex} (at byte ${byteOffset}) is not valid UTF-8${byte >= 0xa0 ? ` (in Latin-1 it would be "${String.fromCharCode(byte)}")` : ''}. Journey files are UTF-8: convert the file (e.g. in VS Code, "Reopen with Encoding", then "Save with Encoding" UTF-8); it was left unchanged.`,
  };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min2 = 0xa0;
      else if (b === 0xed) max2 = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min2 = 0x90;
      else if (b === 0xf4) max2 = 0x8f;
    } else return i;
    if (i + need >= n) return i; // cut off at the end
    const b2 = bytes[i + 1]!;
    if (b2 < min2 || b2 > max2) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Zero-based line and character of a byte offset of UTF-8 text: lines end at
 * \n, \r\n or \r (as LineIndex counts them), characters are UTF-16 units.
 */
export function positionOfByte(bytes: Uint8Array, byteOffset: number): Position {
  return positionsOfBytes(bytes, [byteOffset])[0]!;
}

/** positionOfByte for several offsets in ascending order, in one pass. */
export function positionsOfBytes(bytes: Uint8Array, byteOffsets: readonly number[]): Position[] {
  const positions: Position[] = [];
  let line = 0;
  let character = 0;
  let i = 0;
  for (const offset of byteOffsets) {
    const end = Math.max(0, Math.min(offset, bytes.length));
    for (; i < end; i++) {
      const b = bytes[i]!;
      // A CR ends a line unless an LF follows (then the LF does, and an offset between them is on the first line).
      if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) {
        line++;
        character = 0;
      } else if (b < 0x80 || b >= 0xc0) {
        // a lead byte (or an invalid one) starts a character; 4-byte ones are two UTF-16 units
        character += b >= 0xf0 ? 2 : 1;
      }
    }
    positions.push({ line, character });
  }
  return positions;
}
