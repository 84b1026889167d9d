// Parses journey text with jsonc-parser into a tree that keeps every node's
// offset, so each diagnostic can point at the exact key or value it is
// about. Syntax errors (and duplicate keys, which JSON parsers resolve
// silently) are reported with their location; never throws.
import { findNodeAtLocation, getNodeValue, type Node, type NodeType, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { JourneyDiagnostic } from './diagnostic';
import { JsonChar } from './jsonChars';

export type JsonPath = (string | number)[];

export interface JsonDocument {
  readonly text: string;
  /** The parse tree; undefined only for empty or hopelessly broken text. */
  readonly root: Node | undefined;
  /** The plain value of the tree (the last of duplicate keys wins). */
  readonly value: unknown;
  readonly syntaxErrors: JourneyDiagnostic[];
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'A property name in double quotes is expected',
  ValueExpected: 'A value is expected',
  ColonExpected: 'A colon is expected after the property name',
  CommaExpected: 'A comma is expected between items',
  CloseBraceExpected: 'A closing brace } is expected',
  CloseBracketExpected: 'A closing bracket ] is expected',
  EndOfFileExpected: 'Only one JSON value is allowed; nothing may follow it',
  InvalidCommentToken: 'Comments are not allowed in journey files',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

export function parseJsonDocument(text: string): JsonDocument {
  return parseStrictJson(text) ?? parseTolerantly(text);
}

/**
 * The fast path, for text that is strict JSON (what an editor saves): the
 * platform's JSON.parse gives the value and one allocation-light pass finds
 * duplicate keys. The tree, needed only to locate diagnostics and for the
 * editing features, is built on first use by an iterative pass that gives
 * exactly jsonc-parser's tree; deep nesting cannot overflow the stack.
 * Undefined if the text is not strict JSON.
 */
function parseStrictJson(text: string): JsonDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const syntaxErrors = strictDuplicateKeys(text);
  let root: Node | undefined;
  return {
    text,
    value,
    syntaxErrors,
    get root() {
      root ??= buildStrictTree(text);
      return root;
    },
  };
}

/** Broken text: jsonc-parser's error-recovering parser, so the errors and the partial tree match the editor's. */
function parseTolerantly(text: string): JsonDocument {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  let value: unknown;
  try {
    root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    value = root ? getNodeValue(root) : undefined;
  } catch (error) {
    // jsonc-parser recurses once per nesting level: absurd nesting overflows the stack.
    if (!(error instanceof RangeError)) throw error;
    return { text, root: undefined, value: undefined, syntaxErrors: [tooDeep(text)] };
  }
  const syntaxErrors: JourneyDiagnostic[] = errors.map((e) => {
    const name = printParseErrorCode(e.error);
    // An error at the very end (a missing closing brace) is shown on the last character, never past the text.
    const atEnd = e.offset >= text.length;
    const offset = atEnd ? Math.max(0, text.length - 1) : e.offset;
    return {
      code: `syntax.${name}`,
      rule: 'syntax',
      severity: 'error',
      message: `${SYNTAX_MESSAGES[name] ?? name}.`,
      offset,
      length: Math.min(Math.max(e.length, 1), text.length - offset),
      path: [],
    };
  });
  if (root) for (const d of duplicateKeys(root)) syntaxErrors.push(d);
  return { text, root, value, syntaxErrors };
}

function tooDeep(text: string): JourneyDiagnostic {
  const offset = Math.max(0, text.search(/[[{]/));
  return {
    code: 'syntax.too-deep',
    rule: 'syntax',
    severity: 'error',
    message: 'The document is nested too deeply to read (thousands of levels of objects or arrays); a journey never needs that.',
    offset,
    length: 1,
    path: [],
  };
}

/** A tree node while it is being built (jsonc-parser's Node, writable). */
interface TreeNode {
  type: NodeType;
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: TreeNode;
  children?: TreeNode[];
}

function duplicateKey(key: string, span: Span, objectPath: JsonPath): JourneyDiagnostic {
  return {
    code: 'syntax.duplicate-key',
    rule: 'syntax',
    severity: 'error',
    message: `Duplicate property "${key}": JSON readers keep only the last one. Remove or rename one of them.`,
    offset: span.offset,
    length: span.length,
    path: [...objectPath, key],
  };
}

/** The JSON path of a node of a tree, from its parent links. */
export function pathOfNode(node: Node): JsonPath {
  const path: JsonPath = [];
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') {
      if (parent.children?.[1] === child) path.push(String(parent.children[0]?.value));
    } else if (parent.type === 'array') {
      path.push(parent.children?.indexOf(child) ?? 0);
    }
  }
  return path.reverse();
}

/** Duplicate keys anywhere in a tree, walked with an explicit stack (no recursion), each node with its path (linear). */
function duplicateKeys(root: Node): JourneyDiagnostic[] {
  const found: JourneyDiagnostic[] = [];
  const stack: { node: Node; path: JsonPath }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) found.push(duplicateKey(key, keyNode, path));
        seen.add(key);
        if (valueNode) stack.push({ node: valueNode, path: [...path, key] });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * Duplicate keys of text JSON.parse accepted, in one pass that keeps only
 * the keys of the objects still open and the current path.
 */
/** Whether strict JSON text has an object with the same key twice (which JSON.parse resolves silently). */
export function hasDuplicateKeys(text: string): boolean {
  return strictDuplicateKeys(text).length > 0;
}

function strictDuplicateKeys(text: string): JourneyDiagnostic[] {
  const found: JourneyDiagnostic[] = [];
  const end = text.length;
  /** Per open container: the keys an object has so far, or null for an array. */
  const keys: (Set<string> | null)[] = [];
  const path: JsonPath = [];
  let expectKey = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === JsonChar.Quote) {
      const start = i;
      let escaped = false;
      for (i = start + 1; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === JsonChar.Quote) break;
        if (d === JsonChar.Backslash) {
          escaped = true;
          i++;
        }
      }
      if (!expectKey) continue;
      expectKey = false;
      const raw = text.slice(start, i + 1);
      const key: string = escaped ? JSON.parse(raw) : raw.slice(1, -1);
      const seen = keys[keys.length - 1]!;
      if (seen.has(key)) found.push(duplicateKey(key, { offset: start, length: i + 1 - start }, path.slice(0, -1)));
      else seen.add(key);
      path[path.length - 1] = key;
    } else if (c === JsonChar.OpenBrace) {
      keys.push(new Set());
      path.push('');
      expectKey = true;
    } else if (c === JsonChar.OpenBracket) {
      keys.push(null);
      path.push(0);
    } else if (c === JsonChar.CloseBrace || c === JsonChar.CloseBracket) {
      keys.pop();
      path.pop();
      expectKey = false;
    } else if (c === JsonChar.Comma) {
      if (keys[keys.length - 1] === null) path[path.length - 1] = (path[path.length - 1] as number) + 1;
      else expectKey = true;
    }
  }
  return found;
}

/**
 * Builds jsonc-parser's tree (same node types, offsets, lengths, colon
 * offsets and parent links) for text JSON.parse accepted, with an explicit
 * stack.
 */
function buildStrictTree(text: string): Node {
  const end = text.length;
  let i = 0;
  const skipWhitespace = () => {
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== JsonChar.Space && c !== JsonChar.LineFeed && c !== JsonChar.CarriageReturn && c !== JsonChar.Tab) return;
    }
  };
  /** Scans the string starting at i (a quote) and returns its node. */
  const scanString = (parent: TreeNode | undefined): TreeNode => {
    const start = i;
    let escaped = false;
    for (i = start + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === JsonChar.Quote) break;
      if (c === JsonChar.Backslash) {
        escaped = true;
        i++;
      }
    }
    i++; // past the closing quote
    const raw = text.slice(start, i);
    return { type: 'string', offset: start, length: i - start, parent, value: escaped ? JSON.parse(raw) : raw.slice(1, -1) };
  };
  /** Scans a number or literal starting at i. */
  const scanScalar = (parent: TreeNode | undefined): TreeNode => {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 116 /* t */) {
      i += 4;
      return { type: 'boolean', offset: start, length: 4, parent, value: true };
    }
    if (c === 102 /* f */) {
      i += 5;
      return { type: 'boolean', offset: start, length: 5, parent, value: false };
    }
    if (c === 110 /* n */) {
      i += 4;
      return { type: 'null', offset: start, length: 4, parent, value: null };
    }
    for (i = start + 1; i < end; i++) {
      const d = text.charCodeAt(i);
      // digits, '+', '-', '.', 'e', 'E'
      if (!((d >= 48 && d <= 57) || d === 43 || d === 45 || d === 46 || d === 101 || d === 69)) break;
    }
    return { type: 'number', offset: start, length: i - start, parent, value: Number(text.slice(start, i)) };
  };

  // Containers (objects and arrays) still open, innermost last; an object's
  // current property, if any, is its last child.
  const open: TreeNode[] = [];
  let root: TreeNode | undefined;
  skipWhitespace();
  for (let guard = 0; guard <= end; guard++) {
    // Here i is at the start of a value whose parent is the innermost container (or its current property).
    const container = open[open.length - 1];
    const parent = container?.type === 'object' ? container.children![container.children!.length - 1] : container;
    const c = text.charCodeAt(i);
    let value: TreeNode;
    if (c === JsonChar.OpenBrace || c === JsonChar.OpenBracket) {
      value = { type: c === JsonChar.OpenBrace ? 'object' : 'array', offset: i, length: 0, parent, children: [] };
      i++;
    } else if (c === JsonChar.Quote) {
      value = scanString(parent);
    } else {
      value = scanScalar(parent);
    }
    if (parent) parent.children!.push(value);
    else root = value;
    let opened = value.type === 'object' || value.type === 'array';
    if (opened) {
      open.push(value);
    }
    // Close containers and finish properties until the next value starts.
    for (;;) {
      skipWhitespace();
      const top = open[open.length - 1];
      if (!top) break;
      const isObject = top.type === 'object';
      if (isObject && !opened) {
        // A finished value of a property ends the property.
        const property = top.children![top.children!.length - 1];
        if (property && property.length < 0) property.length = (property.children![1]!.offset + property.children![1]!.length) - property.offset;
      }
      const ch = text.charCodeAt(i);
      if (ch === (isObject ? JsonChar.CloseBrace : JsonChar.CloseBracket)) {
        i++;
        top.length = i - top.offset;
        open.pop();
        opened = false;
        continue;
      }
      if (ch === JsonChar.Comma) {
        i++;
        skipWhitespace();
      }
      if (isObject) {
        // A key, a colon, then the property's value.
        const propertyNode: TreeNode = { type: 'property', offset: i, length: -1, parent: top, children: [] };
        const keyNode = scanString(propertyNode);
        propertyNode.children!.push(keyNode);
        top.children!.push(propertyNode);
        skipWhitespace();
        propertyNode.colonOffset = i;
        i++;
        skipWhitespace();
      }
      break;
    }
    if (open.length === 0) break;
  }
  return root!;
}

/** The node at a path, or undefined. */
export function nodeAt(doc: JsonDocument, path: JsonPath): Node | undefined {
  return doc.root ? findNodeAtLocation(doc.root, path) : undefined;
}

/** The deepest node that exists along a path (the root for an empty path). */
export function deepestNodeAt(doc: JsonDocument, path: JsonPath): { node: Node | undefined; depth: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(doc, path.slice(0, depth));
    if (node) return { node, depth };
  }
  return { node: undefined, depth: 0 };
}

/** The property node (key + value) named `key` in an object node. */
export function propertyNode(objectNode: Node | undefined, key: string): Node | undefined {
  if (objectNode?.type !== 'object') return undefined;
  return objectNode.children?.find((p) => p.children?.[0]?.value === key);
}

export interface Span {
  offset: number;
  length: number;
}

/** The span of the key of the property at `path` (its last segment must be a key). */
export function keySpan(doc: JsonDocument, path: JsonPath): Span | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const keyNode = propertyNode(nodeAt(doc, path.slice(0, -1)), key)?.children?.[0];
  return keyNode ? { offset: keyNode.offset, length: keyNode.length } : undefined;
}

/**
 * Where to put a diagnostic about an object as a whole (e.g. a missing
 * property): the key that holds the object, else its `id` value, else its
 * opening brace. Never the whole object, which could span pages.
 */
export function objectAnchorSpan(doc: JsonDocument, path: JsonPath): Span {
  const parentKey = keySpan(doc, path);
  if (parentKey) return parentKey;
  const node = nodeAt(doc, path);
  const idValue = propertyNode(node, 'id')?.children?.[1];
  if (idValue) return { offset: idValue.offset, length: idValue.length };
  if (node) return { offset: node.offset, length: 1 };
  return { offset: 0, length: 1 };
}

/** The span of the value at `path`, or of the nearest thing that exists. */
export function valueSpan(doc: JsonDocument, path: JsonPath): Span {
  const node = nodeAt(doc, path);
  if (node) return { offset: node.offset, length: node.length };
  return objectAnchorSpan(doc, deepestNodeAt(doc, path).depth === path.length ? path : path.slice(0, deepestNodeAt(doc, path).depth));
}

/** `points[3].branches.yes` — a path as a person reads it. */
export function formatPath(path: JsonPath): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}
