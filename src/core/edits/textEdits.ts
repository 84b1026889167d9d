// Text edits on journey text, and their composition: several jsonc-parser
// `modify` steps, each computed on the text the previous step produced, are
// folded into ONE list of non-overlapping edits on the original text. That
// list becomes one WorkspaceEdit, so one gesture on the map is one undo step
// and touches only the characters it changes. Pure: no `vscode`.
import { type FormattingOptions, type JSONPath, modify } from 'jsonc-parser';

/** Replace `length` characters at `offset` with `content`. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/** Applies non-overlapping edits (all relative to `text`) and returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.offset + e.length > lastStart) throw new Error('applyTextEdits: overlapping edits');
    out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
    lastStart = e.offset;
  }
  return out;
}

/** The indentation and line ending the document already uses, so inserted JSON looks like the rest. */
export function formattingOf(text: string): FormattingOptions {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  const indent = indented?.[1] ?? '  ';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: Math.max(1, Math.min(indent.length, 8)), eol };
}

/**
 * Accumulates edits made one after another and reports them relative to the
 * text it started from. Edits that overlap or touch earlier ones are merged.
 */
export class EditComposer {
  private current: string;
  /** Sorted by offset in the original text; never overlapping. */
  private edits: TextEdit[] = [];
  readonly formatting: FormattingOptions;

  constructor(readonly original: string, formatting: FormattingOptions = formattingOf(original)) {
    this.current = original;
    this.formatting = formatting;
  }

  /** The text after every edit so far. */
  get text(): string {
    return this.current;
  }

  /**
   * Sets (or, with `undefined`, removes) the value at `path` of the current
   * text with jsonc-parser `modify`. `insert` inserts into an array instead
   * of replacing; a new property goes after the first of `after` that
   * exists, else last.
   */
  modify(path: JSONPath, value: unknown, options: { insert?: boolean; after?: readonly string[] } = {}): void {
    const after = options.after;
    const edits = modify(this.current, path, value, {
      formattingOptions: this.formatting,
      isArrayInsertion: options.insert === true,
      ...(after
        ? {
            getInsertionIndex: (properties: string[]) => {
              for (const key of after) {
                const i = properties.indexOf(key);
                if (i >= 0) return i + 1;
              }
              return properties.length;
            },
          }
        : {}),
    });
    this.applyAll(edits);
  }

  /** Applies edits that are all relative to the current text. */
  applyAll(edits: readonly TextEdit[]): void {
    for (const e of [...edits].sort((a, b) => b.offset - a.offset)) this.applyOne(e);
  }

  private applyOne(e: TextEdit): void {
    const cs = e.offset;
    const ce = e.offset + e.length;
    const next = this.current.slice(0, cs) + e.content + this.current.slice(ce);
    const growth = e.content.length - e.length;
    // Locate, in current coordinates, the existing edits this one overlaps or touches.
    let delta = 0;
    let first = -1;
    let last = -1;
    let deltaBeforeFirst = 0;
    let deltaBeforeStart = 0;
    for (let i = 0; i < this.edits.length; i++) {
      const x = this.edits[i]!;
      const xs = x.offset + delta;
      const xe = xs + x.content.length;
      if (xe < cs) {
        delta += x.content.length - x.length;
        deltaBeforeStart = delta;
        continue;
      }
      if (xs > ce) break;
      if (first < 0) {
        first = i;
        deltaBeforeFirst = delta;
      }
      last = i;
      delta += x.content.length - x.length;
    }
    if (first < 0) {
      const merged: TextEdit = { offset: cs - deltaBeforeStart, length: e.length, content: e.content };
      const at = this.edits.findIndex((x) => x.offset > merged.offset);
      this.edits.splice(at < 0 ? this.edits.length : at, 0, merged);
    } else {
      const f = this.edits[first]!;
      const l = this.edits[last]!;
      const fs = f.offset + deltaBeforeFirst;
      const deltaAfterLast = delta;
      const le = l.offset + deltaAfterLast - (l.content.length - l.length) + l.content.length;
      const unionStart = Math.min(cs, fs);
      const unionEnd = Math.max(ce, le);
      const originalStart = f.offset - (fs - unionStart);
      const originalEnd = l.offset + l.length + (unionEnd - le);
      const merged: TextEdit = { offset: originalStart, length: originalEnd - originalStart, content: next.slice(unionStart, unionEnd + growth) };
      this.edits.splice(first, last - first + 1, merged);
    }
    this.current = next;
  }

  /** The composed edits on the original text, each trimmed to the characters that really change. */
  result(): TextEdit[] {
    const out: TextEdit[] = [];
    for (const e of this.edits) {
      const before = this.original.slice(e.offset, e.offset + e.length);
      let head = 0;
      const max = Math.min(before.length, e.content.length);
      while (head < max && before.charCodeAt(head) === e.content.charCodeAt(head)) head++;
      let tail = 0;
      while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === e.content.charCodeAt(e.content.length - 1 - tail)) tail++;
      const trimmed = { offset: e.offset + head, length: before.length - head - tail, content: e.content.slice(head, e.content.length - tail) };
      if (trimmed.length > 0 || trimmed.content.length > 0) out.push(trimmed);
    }
    return out;
  }
}
