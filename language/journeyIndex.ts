// Where every id and name of a journey document is defined and used, read
// from the parse tree so that it also works while the document does not fit
// the schema (the usual state while typing): starting points and journey
// points with their id spans, every reference to a point (successors,
// awaited events, map pins), and the declared tags, lists, fields, content,
// segments, campaigns and forms. Built once per document version.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { successorRefs } from '../src/core/edits/nodeReferences';
import type { JsonDocument, JsonPath } from '../src/core/jsonDocument';

export interface NodeEntry {
  kind: 'start' | 'point';
  id: string;
  /** Index in `startingPoints` or `points`. */
  index: number;
  /** Path of the node object, e.g. ['points', 3]. */
  path: JsonPath;
  /** The node object. */
  node: Node;
  /** The string node of its id. */
  idNode: Node;
  /** The point type or the trigger type, when it is a string. */
  type: string | undefined;
  /** The raw JSON value of the node object. */
  value: unknown;
}

export type ReferenceKind = 'successor' | 'awaited-event' | 'map-pin';

export interface Reference {
  /** The id it names. */
  id: string;
  /** The string node naming it (for a map pin, the property key). */
  node: Node;
  /** Path of the reference, e.g. ['points', 3, 'branches', 'yes']. */
  path: JsonPath;
  kind: ReferenceKind;
  /** `next`, `yes`, `no`, `timeout`, a split share, `event` or `pin`. */
  label: string;
  /** The node holding the reference, if any (map pins have none). */
  owner: NodeEntry | undefined;
}

export type DeclarationKind = 'tag' | 'list' | 'segment' | 'field' | 'content' | 'campaign' | 'form';

export interface Declaration {
  kind: DeclarationKind;
  name: string;
  /** The string node that declares it. */
  node: Node;
  /** The raw declaration object (undefined for tags, which are plain strings). */
  value: unknown;
}

/** An id or name under a position. */
export type Occurrence =
  | { kind: 'definition'; entry: NodeEntry; node: Node }
  | { kind: 'reference'; reference: Reference; node: Node }
  | { kind: 'declaration'; declaration: Declaration; node: Node };

/** Where each declaration kind lives in the journey, and the property holding its name. */
const DECLARATION_SECTIONS: readonly { kind: DeclarationKind; section: string; key: string | undefined }[] = [
  { kind: 'tag', section: 'tags', key: undefined },
  { kind: 'list', section: 'lists', key: 'id' },
  { kind: 'segment', section: 'segments', key: 'id' },
  { kind: 'field', section: 'fields', key: 'name' },
  { kind: 'content', section: 'content', key: 'id' },
  { kind: 'campaign', section: 'campaigns', key: 'id' },
  { kind: 'form', section: 'forms', key: 'id' },
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The innermost node whose span contains `offset` (ends included), like jsonc-parser's findNodeAtOffset but without recursion. */
export function nodeAtOffset(root: Node, offset: number): Node | undefined {
  if (offset < root.offset || offset > root.offset + root.length) return undefined;
  let node = root;
  for (;;) {
    const child = node.children?.find((c) => offset >= c.offset && offset <= c.offset + c.length);
    if (!child) return node;
    node = child;
  }
}

export class JourneyIndex {
  readonly starts: NodeEntry[] = [];
  readonly points: NodeEntry[] = [];
  /** Nodes by id; the first of duplicate ids wins, as in the graph. */
  readonly byId = new Map<string, NodeEntry>();
  readonly references: Reference[] = [];
  readonly declarations: Declaration[] = [];
  /** Every id or name occurrence, by the offset of its string node. */
  private readonly occurrences = new Map<number, Occurrence>();
  private readonly referencesById = new Map<string, Reference[]>();

  constructor(readonly doc: JsonDocument) {
    const root = doc.root;
    const value = doc.value;
    if (!root || root.type !== 'object' || !isObject(value)) return;
    this.collectNodes(root, value);
    this.collectReferences(root);
    this.collectDeclarations(root, value);
  }

  /** The id or name whose string node contains `offset` (its quotes included). */
  occurrenceAt(offset: number): Occurrence | undefined {
    const root = this.doc.root;
    if (!root) return undefined;
    const node = nodeAtOffset(root, offset);
    if (!node || node.type !== 'string') return undefined;
    return this.occurrences.get(node.offset);
  }

  /** Every reference to the node `id`, in document order. */
  referencesTo(id: string): readonly Reference[] {
    return this.referencesById.get(id) ?? [];
  }

  /** The declarations of one kind, in document order. */
  declared(kind: DeclarationKind): Declaration[] {
    return this.declarations.filter((d) => d.kind === kind);
  }

  private collectNodes(root: Node, value: Record<string, unknown>): void {
    for (const [kind, section, list] of [['start', 'startingPoints', this.starts], ['point', 'points', this.points]] as const) {
      const arrayNode = findNodeAtLocation(root, [section]);
      const raw = value[section];
      if (arrayNode?.type !== 'array' || !Array.isArray(raw)) continue;
      arrayNode.children?.forEach((node, index) => {
        const item: unknown = raw[index];
        const idNode = node.type === 'object' ? findNodeAtLocation(node, ['id']) : undefined;
        if (!idNode || idNode.type !== 'string' || !isObject(item)) return;
        const typeValue = kind === 'point' ? item['type'] : isObject(item['trigger']) ? item['trigger']['type'] : undefined;
        const entry: NodeEntry = { kind, id: String(idNode.value), index, path: [section, index], node, idNode, type: typeof typeValue === 'string' ? typeValue : undefined, value: item };
        list.push(entry);
        if (!this.byId.has(entry.id)) this.byId.set(entry.id, entry);
        this.occurrences.set(idNode.offset, { kind: 'definition', entry, node: idNode });
      });
    }
  }

  private addReference(reference: Reference): void {
    this.references.push(reference);
    const list = this.referencesById.get(reference.id);
    if (list) list.push(reference);
    else this.referencesById.set(reference.id, [reference]);
    this.occurrences.set(reference.node.offset, { kind: 'reference', reference, node: reference.node });
  }

  private collectReferences(root: Node): void {
    for (const entry of [...this.starts, ...this.points]) {
      for (const ref of successorRefs(entry.kind, entry.value)) {
        const node = findNodeAtLocation(entry.node, ref.path);
        if (node?.type === 'string') this.addReference({ id: String(node.value), node, path: [...entry.path, ...ref.path], kind: 'successor', label: ref.label, owner: entry });
      }
      if (entry.kind === 'point') this.addEventReference(entry.node, [...entry.path], entry);
    }
    const criteria = findNodeAtLocation(root, ['settings', 'exitCriteria']);
    criteria?.children?.forEach((criterion, i) => this.addEventReference(criterion, ['settings', 'exitCriteria', i], undefined));
    const layout = findNodeAtLocation(root, ['layout']);
    if (layout?.type === 'object') {
      for (const property of layout.children ?? []) {
        const key = property.children?.[0];
        if (key?.type === 'string') this.addReference({ id: String(key.value), node: key, path: ['layout', String(key.value)], kind: 'map-pin', label: 'pin', owner: undefined });
      }
    }
  }

  /** An awaited event's `point` (wait-for-event rules and exit criteria) names a send-email point. */
  private addEventReference(objectNode: Node, path: JsonPath, owner: NodeEntry | undefined): void {
    const node = findNodeAtLocation(objectNode, ['event', 'point']);
    if (node?.type === 'string') this.addReference({ id: String(node.value), node, path: [...path, 'event', 'point'], kind: 'awaited-event', label: 'event', owner });
  }

  private collectDeclarations(root: Node, value: Record<string, unknown>): void {
    for (const { kind, section, key } of DECLARATION_SECTIONS) {
      const arrayNode = findNodeAtLocation(root, [section]);
      const raw = value[section];
      if (arrayNode?.type !== 'array' || !Array.isArray(raw)) continue;
      arrayNode.children?.forEach((child, i) => {
        const node = key === undefined ? child : child.type === 'object' ? findNodeAtLocation(child, [key]) : undefined;
        if (node?.type !== 'string') return;
        const declaration: Declaration = { kind, name: String(node.value), node, value: raw[i] };
        this.declarations.push(declaration);
        this.occurrences.set(node.offset, { kind: 'declaration', declaration, node });
      });
    }
  }
}
