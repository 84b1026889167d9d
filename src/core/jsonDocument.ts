// Parses journey text with jsonc-parser into a tree that keeps every node's
// offset, so each diagnostic can point at the exact key or value it is
// about. Syntax errors (and duplicate keys, which JSON parsers resolve
// silently) are reported with their location; never throws.
import { findNodeAtLocation, getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { JourneyDiagnostic } from './diagnostic';

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
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const syntaxErrors: JourneyDiagnostic[] = errors.map((e) => {
    const name = printParseErrorCode(e.error);
    return {
      code: `syntax.${name}`,
      rule: 'syntax',
      severity: 'error',
      message: `${SYNTAX_MESSAGES[name] ?? name}.`,
      offset: e.offset,
      length: Math.max(e.length, 1),
      path: [],
    };
  });
  if (root) syntaxErrors.push(...duplicateKeys(root));
  return { text, root, value: root ? getNodeValue(root) : undefined, syntaxErrors };
}

function duplicateKeys(root: Node): JourneyDiagnostic[] {
  const found: JourneyDiagnostic[] = [];
  const visit = (node: Node, path: JsonPath): void => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) {
          found.push({
            code: 'syntax.duplicate-key',
            rule: 'syntax',
            severity: 'error',
            message: `Duplicate property "${key}": JSON readers keep only the last one. Remove or rename one of them.`,
            offset: keyNode.offset,
            length: keyNode.length,
            path: [...path, key],
          });
        }
        seen.add(key);
        if (valueNode) visit(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, i) => visit(child, [...path, i]));
    }
  };
  visit(root, []);
  return found;
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
