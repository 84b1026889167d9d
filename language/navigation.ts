// Go to definition and find references. A point id (a successor, an
// awaited event's point, a map pin, or the id itself) leads to the id of
// the starting point or journey point; its references are every place that
// names it. A declared name (content item, list, tag, field, segment,
// campaign, form) leads to its declaration, and its references are every
// value that names it.
import type { Location, Position } from 'vscode-languageserver';
import { type JsonPath, pathOfNode } from '../src/core/jsonDocument';
import type { Node } from 'jsonc-parser';
import type { DocumentAnalysis } from './documentAnalysis';
import { type DeclarationKind, nodeAtOffset } from './journeyIndex';
import { meaningOfValue } from './journeyPaths';

/** What is under the cursor, for navigation: a node id or a declared name. */
export type Target = { kind: 'node'; id: string; node: Node } | { kind: 'name'; declaration: DeclarationKind; name: string; node: Node };

export function targetAt(analysis: DocumentAnalysis, offset: number): Target | undefined {
  const occurrence = analysis.index.occurrenceAt(offset);
  if (occurrence?.kind === 'definition') return { kind: 'node', id: occurrence.entry.id, node: occurrence.node };
  if (occurrence?.kind === 'reference') return { kind: 'node', id: occurrence.reference.id, node: occurrence.node };
  if (occurrence?.kind === 'declaration') return { kind: 'name', declaration: occurrence.declaration.kind, name: occurrence.declaration.name, node: occurrence.node };
  const node = stringNodeAt(analysis, offset);
  if (!node) return undefined;
  const meaning = meaningOfValue(pathOfNode(node), analysis.doc.value);
  if (meaning?.kind === 'name') return { kind: 'name', declaration: meaning.declaration, name: String(node.value), node };
  return undefined;
}

function stringNodeAt(analysis: DocumentAnalysis, offset: number): Node | undefined {
  const root = analysis.doc.root;
  const node = root ? nodeAtOffset(root, offset) : undefined;
  if (node?.type !== 'string') return undefined;
  // A property key is not a value.
  if (node.parent?.type === 'property' && node.parent.children?.[0] === node) return undefined;
  return node;
}

const location = (analysis: DocumentAnalysis, node: Node): Location => ({ uri: analysis.uri, range: analysis.rangeOf(node) });

export function definition(analysis: DocumentAnalysis, position: Position): Location[] {
  const target = targetAt(analysis, analysis.offsetAt(position));
  if (!target) return [];
  if (target.kind === 'node') {
    const entry = analysis.index.byId.get(target.id);
    return entry ? [location(analysis, entry.idNode)] : [];
  }
  const declaration = analysis.index.declared(target.declaration).find((d) => d.name === target.name);
  return declaration ? [location(analysis, declaration.node)] : [];
}

export function references(analysis: DocumentAnalysis, position: Position, includeDeclaration: boolean): Location[] {
  const target = targetAt(analysis, analysis.offsetAt(position));
  if (!target) return [];
  // Concatenated, never spread into push: a name used 100,000 times exceeds the engine's argument limit.
  let nodes: Node[];
  if (target.kind === 'node') {
    const { index } = analysis;
    const declarations = includeDeclaration ? [...index.starts, ...index.points].filter((e) => e.id === target.id).map((e) => e.idNode) : [];
    nodes = declarations.concat(index.referencesTo(target.id).map((r) => r.node));
  } else {
    const declarations = includeDeclaration ? analysis.index.declared(target.declaration).filter((d) => d.name === target.name).map((d) => d.node) : [];
    nodes = declarations.concat(nameUsages(analysis, target.declaration, target.name));
  }
  return nodes.sort((a, b) => a.offset - b.offset).map((n) => location(analysis, n));
}

/** Every string value of the document that names the declared `name` of `kind`. */
export function nameUsages(analysis: DocumentAnalysis, kind: DeclarationKind, name: string): Node[] {
  const root = analysis.doc.root;
  if (!root) return [];
  const found: Node[] = [];
  const stack: { node: Node; path: JsonPath }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const childPath = [...path, String(key.value)];
        if (value.type === 'string') {
          if (value.value === name) {
            const meaning = meaningOfValue(childPath, analysis.doc.value);
            if (meaning?.kind === 'name' && meaning.declaration === kind) found.push(value);
          }
        } else stack.push({ node: value, path: childPath });
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, i) => {
        if (child.type === 'object' || child.type === 'array') stack.push({ node: child, path: [...path, i] });
      });
    }
  }
  return found;
}
