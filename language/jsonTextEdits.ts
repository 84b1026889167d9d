// The smallest text edits that change a JSON document at a path while every
// other character stays: a value replaced in place (jsonc-parser `modify`),
// a property inserted after a chosen sibling, an element appended to an
// array, a property or element removed with its separating comma. New JSON
// is written in the style of its surroundings: on one line inside an object
// or array written on one line, else one line per property with the
// siblings' indentation and the document's line ending. (jsonc-parser's own
// insertions re-format the neighbouring lines, which in a document that mixes
// one-line and multi-line objects rewrites what the user did not touch.)
import { findNodeAtLocation, modify, type Node } from 'jsonc-parser';
import { formattingOf, type TextEdit } from '../src/core/edits/textEdits';
import type { JsonDocument, JsonPath } from '../src/core/jsonDocument';

export class JsonEditError extends Error {}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const onOneLine = (text: string, node: Node) => !/[\r\n]/.test(text.slice(node.offset, node.offset + node.length));
const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
const indentationAt = (text: string, offset: number) => /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))?.[0] ?? '';

/** One line: `{ "id": "x", "type": "end" }`. */
export function oneLineJson(value: unknown): string {
  if (Array.isArray(value)) return value.length ? `[${value.map(oneLineJson).join(', ')}]` : '[]';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** Several lines, continuation lines indented from `indentation` by the document's unit. */
function multiLineJson(text: string, value: unknown, indentation: string): string {
  const formatting = formattingOf(text);
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  return JSON.stringify(value, null, unit).split('\n').join(`${eolOf(text)}${indentation}`);
}

function nodeAt(doc: JsonDocument, path: JsonPath): Node | undefined {
  return doc.root ? findNodeAtLocation(doc.root, path) : undefined;
}

/** Replaces the value at `path` (which must exist) in place. */
export function replaceValue(doc: JsonDocument, path: JsonPath, value: unknown): TextEdit[] {
  if (!nodeAt(doc, path)) throw new JsonEditError(`nothing at ${path.join('.')}`);
  return modify(doc.text, path, value, { formattingOptions: formattingOf(doc.text) }).map((e) => ({ offset: e.offset, length: e.length, content: e.content }));
}

/**
 * Sets the property `key` of the object at `objectPath`: in place if it
 * exists, else inserted after the first of `after` the object has (else
 * after its last property).
 */
export function setProperty(doc: JsonDocument, objectPath: JsonPath, key: string, value: unknown, after: readonly string[] = []): TextEdit[] {
  const object = nodeAt(doc, objectPath);
  if (object?.type !== 'object') throw new JsonEditError(`no object at ${objectPath.join('.')}`);
  if (findNodeAtLocation(object, [key])) return replaceValue(doc, [...objectPath, key], value);
  const properties = object.children ?? [];
  const anchor = after.map((k) => properties.find((p) => p.children?.[0]?.value === k)).find((p) => p !== undefined) ?? properties[properties.length - 1];
  const text = doc.text;
  if (!anchor) {
    // An empty object: `{}` becomes `{ "key": value }`.
    return [{ offset: object.offset, length: object.length, content: `{ ${JSON.stringify(key)}: ${oneLineJson(value)} }` }];
  }
  const anchorEnd = anchor.offset + anchor.length;
  if (onOneLine(text, object)) return [{ offset: anchorEnd, length: 0, content: `, ${JSON.stringify(key)}: ${oneLineJson(value)}` }];
  const indentation = indentationAt(text, anchor.offset);
  return [{ offset: anchorEnd, length: 0, content: `,${eolOf(text)}${indentation}${JSON.stringify(key)}: ${multiLineJson(text, value, indentation)}` }];
}

/** Appends `value` to the array at `arrayPath`, in the style of its last element. */
export function appendToArray(doc: JsonDocument, arrayPath: JsonPath, value: unknown): TextEdit[] {
  const array = nodeAt(doc, arrayPath);
  if (array?.type !== 'array') throw new JsonEditError(`no array at ${arrayPath.join('.')}`);
  const last = array.children?.[array.children.length - 1];
  const text = doc.text;
  if (!last) {
    const indentation = indentationAt(text, array.offset);
    return [{ offset: array.offset, length: array.length, content: `[${eolOf(text)}${indentation}  ${multiLineJson(text, value, `${indentation}  `)}${eolOf(text)}${indentation}]` }];
  }
  const end = last.offset + last.length;
  if (onOneLine(text, array)) return [{ offset: end, length: 0, content: `, ${oneLineJson(value)}` }];
  const indentation = indentationAt(text, last.offset);
  const json = onOneLine(text, last) ? oneLineJson(value) : multiLineJson(text, value, indentation);
  return [{ offset: end, length: 0, content: `,${eolOf(text)}${indentation}${json}` }];
}

/**
 * Removes every property or array element at `paths` at once, each with the
 * comma that separates it from a neighbour that stays. Removing them one by
 * one on the same text would not do: two neighbours removed separately both
 * claim the comma between them, and the edits overlap. So each run of
 * neighbours removed together is one edit: from the end of the sibling
 * before the run (when one stays), else up to the sibling after it, else the
 * container is emptied.
 */
export function removeAll(doc: JsonDocument, paths: readonly JsonPath[]): TextEdit[] {
  const byContainer = new Map<Node, Set<Node>>();
  for (const path of paths) {
    const target = nodeAt(doc, path);
    if (!target) throw new JsonEditError(`nothing at ${path.join('.')}`);
    const item = target.parent?.type === 'property' ? target.parent : target;
    const container = item.parent;
    if (!container) throw new JsonEditError(`cannot remove the document itself`);
    let removed = byContainer.get(container);
    if (!removed) byContainer.set(container, (removed = new Set()));
    removed.add(item);
  }
  const edits: TextEdit[] = [];
  for (const [container, removed] of byContainer) {
    const siblings = container.children ?? [];
    if (siblings.every((s) => removed.has(s))) {
      edits.push({ offset: container.offset + 1, length: container.length - 2, content: '' });
      continue;
    }
    for (let first = 0; first < siblings.length; first++) {
      if (!removed.has(siblings[first]!)) continue;
      let last = first;
      while (last + 1 < siblings.length && removed.has(siblings[last + 1]!)) last++;
      const previous = siblings[first - 1];
      const end = siblings[last]!.offset + siblings[last]!.length;
      if (previous) edits.push({ offset: previous.offset + previous.length, length: end - (previous.offset + previous.length), content: '' });
      else edits.push({ offset: siblings[first]!.offset, length: siblings[last + 1]!.offset - siblings[first]!.offset, content: '' });
      first = last;
    }
  }
  return edits;
}

/** Removes the property or array element at `path` with the comma that separates it from its neighbour. */
export function remove(doc: JsonDocument, path: JsonPath): TextEdit[] {
  const target = nodeAt(doc, path);
  if (!target) throw new JsonEditError(`nothing at ${path.join('.')}`);
  // For a property, the whole property (key and value) goes.
  const item = target.parent?.type === 'property' ? target.parent : target;
  const container = item.parent;
  const siblings = container?.children ?? [];
  const i = siblings.indexOf(item);
  if (!container || i < 0) throw new JsonEditError(`cannot remove the document itself`);
  const previous = siblings[i - 1];
  const next = siblings[i + 1];
  // Remove from the end of the previous sibling (its comma and our line), or up to the next sibling when first.
  if (previous) return [{ offset: previous.offset + previous.length, length: item.offset + item.length - (previous.offset + previous.length), content: '' }];
  if (next) return [{ offset: item.offset, length: next.offset - item.offset, content: '' }];
  // The only child: empty the container, keeping its brackets.
  return [{ offset: container.offset + 1, length: container.length - 2, content: '' }];
}
