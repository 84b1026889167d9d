// Completion the JSON Schema cannot give: point ids wherever a successor or
// an awaited event names a point, the journey's own declared names (tags,
// lists, fields, content items, segments, campaigns, forms, email links),
// and `type` values of points, triggers, filters and awaited events with a
// snippet that adds the properties the chosen type requires. Anything else
// is left to the schema completion (undefined result).
import { findNodeAtLocation, getLocation, type Node } from 'jsonc-parser';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { JsonPath } from '../src/core/jsonDocument';
import type { DocumentAnalysis } from './documentAnalysis';
import type { Declaration, NodeEntry } from './journeyIndex';
import { meaningOfValue, type ValueMeaning, valueAt } from './journeyPaths';
import { describeEntry } from './pointDescription';
import { TYPE_DOCS, type TypeFamily, typeDocMarkdown } from './ruleDocs';
import { typeInsertion, typesOf } from './typeSnippets';

export interface CompletionOptions {
  /** Whether the client accepts snippets (placeholders) in completion items. */
  snippets: boolean;
}

/** Where a value completion applies: the meaning of the value and the span it replaces. */
export interface ValueSite {
  path: JsonPath;
  meaning: ValueMeaning;
  /** The existing string value (quotes included) the completion replaces, or the empty span at the cursor. */
  offset: number;
  length: number;
}

/** The value position at `offset` that our completion answers for, if any. */
export function valueSiteAt(analysis: DocumentAnalysis, offset: number): ValueSite | undefined {
  let location: ReturnType<typeof getLocation>;
  try {
    location = getLocation(analysis.text, offset);
  } catch {
    return undefined; // nested deeper than jsonc-parser's recursive scan can follow
  }
  if (location.isAtPropertyKey) return undefined;
  const previous = location.previousNode;
  let start = offset;
  let length = 0;
  if (previous) {
    if (previous.type !== 'string' || offset < previous.offset || offset > previous.offset + previous.length) return undefined;
    start = previous.offset;
    length = previous.length;
  }
  const meaning = meaningOfValue(location.path, analysis.doc.value);
  return meaning ? { path: location.path, meaning, offset: start, length } : undefined;
}

export function journeyCompletion(analysis: DocumentAnalysis, position: Position, options: CompletionOptions): CompletionList | undefined {
  const site = valueSiteAt(analysis, analysis.offsetAt(position));
  if (!site) return undefined;
  const range = analysis.range(site.offset, site.length);
  const items = itemsFor(analysis, site, range, options);
  return { isIncomplete: false, items };
}

function itemsFor(analysis: DocumentAnalysis, site: ValueSite, range: Range, options: CompletionOptions): CompletionItem[] {
  const { index } = analysis;
  const meaning = site.meaning;
  switch (meaning.kind) {
    case 'point-id': {
      const ownerId = index.points.find((p) => p.path[1] === meaning.owner[1] && meaning.owner[0] === 'points')?.id;
      return index.points.filter((p) => p.id !== ownerId).map((p, i) => pointItem(p, i, range, analysis));
    }
    case 'email-point-id':
      return index.points.filter((p) => p.type === 'sendEmail').map((p, i) => pointItem(p, i, range, analysis));
    case 'name': {
      let declarations = index.declared(meaning.declaration);
      if (meaning.channel) declarations = declarations.filter((d) => field(d.value, 'channel') === meaning.channel);
      if (meaning.dateFieldsOnly) declarations = declarations.filter((d) => field(d.value, 'type') === 'date');
      const seen = new Set<string>();
      return declarations.filter((d) => !seen.has(d.name) && seen.add(d.name)).map((d, i) => nameItem(d, i, range));
    }
    case 'link': {
      const emailPoint = field(valueAt(analysis.doc.value, meaning.eventPath), 'point');
      const sender = typeof emailPoint === 'string' ? index.byId.get(emailPoint) : undefined;
      const contentId = field(sender?.value, 'content');
      const content = index.declared('content').find((d) => d.name === contentId);
      const links = field(content?.value, 'links');
      return (Array.isArray(links) ? links.filter((l): l is string => typeof l === 'string') : []).map((link, i) => ({
        label: link,
        kind: CompletionItemKind.Reference,
        detail: `Link of '${String(contentId)}'`,
        sortText: sortKey(i),
        filterText: JSON.stringify(link),
        textEdit: { range, newText: JSON.stringify(link) },
      }));
    }
    case 'type':
      return typeItems(analysis, site, meaning.of, range, options);
  }
}

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined);
const sortKey = (i: number) => String(i).padStart(5, '0');

export function pointItem(entry: NodeEntry, i: number, range: Range, analysis: DocumentAnalysis): CompletionItem {
  const description = describeEntry(entry, analysis.index);
  const text = JSON.stringify(entry.id);
  return {
    label: entry.id,
    kind: CompletionItemKind.Reference,
    labelDetails: { description: description.typeLabel },
    detail: `${description.typeLabel}${description.summary ? ` · ${description.summary}` : ''}`,
    documentation: description.title ? { kind: MarkupKind.PlainText, value: description.title } : undefined,
    sortText: sortKey(i),
    filterText: text,
    textEdit: { range, newText: text },
  };
}

const DECLARATION_LABELS: Record<Declaration['kind'], string> = {
  tag: 'Tag',
  list: 'List',
  segment: 'Segment',
  field: 'Field',
  content: 'Content',
  campaign: 'Campaign',
  form: 'Form',
};

export function nameItem(declaration: Declaration, i: number, range: Range): CompletionItem {
  const text = JSON.stringify(declaration.name);
  const name = field(declaration.value, 'name');
  const details = [
    DECLARATION_LABELS[declaration.kind],
    field(declaration.value, 'channel'),
    field(declaration.value, 'type'),
    field(declaration.value, 'kind'),
    field(declaration.value, 'status'),
    typeof name === 'string' ? `'${name}'` : undefined,
  ].filter((x): x is string => typeof x === 'string');
  return {
    label: declaration.name,
    kind: declaration.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.Value,
    detail: details.join(' · '),
    sortText: sortKey(i),
    filterText: text,
    textEdit: { range, newText: text },
  };
}

function typeItems(analysis: DocumentAnalysis, site: ValueSite, family: TypeFamily, range: Range, options: CompletionOptions): CompletionItem[] {
  const objectPath = site.path.slice(0, -1);
  const objectNode = analysis.doc.root ? findNodeAtLocation(analysis.doc.root, objectPath) : undefined;
  const present = new Set<string>((objectNode?.children ?? []).map((p) => String(p.children?.[0]?.value)));
  const separator = separatorFor(analysis, objectNode, site.offset);
  const successor = family === 'point' ? successorFor(analysis, objectPath) : '';
  const docs = TYPE_DOCS[family] as Record<string, { label: string; text: string; rules: readonly string[] }>;
  return typesOf(family).map((type, i) => {
    const insertion = typeInsertion(family, type, { present, journey: analysis.doc.value, successor, separator, snippets: options.snippets });
    const doc = docs[type];
    return {
      label: type,
      kind: CompletionItemKind.EnumMember,
      labelDetails: doc ? { description: doc.label } : undefined,
      detail: insertion.added.length ? `${doc?.label ?? type}: adds ${insertion.added.join(', ')}` : doc?.label,
      documentation: doc ? { kind: MarkupKind.Markdown, value: typeDocMarkdown(doc) } : undefined,
      sortText: sortKey(i),
      filterText: JSON.stringify(type),
      insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: insertion.text },
    };
  });
}

/** ", " in an object written on one line; else a line break and the indentation of the line holding the `type` value. */
function separatorFor(analysis: DocumentAnalysis, objectNode: Node | undefined, valueOffset: number): string {
  const text = analysis.text;
  if (objectNode && analysis.positionAt(objectNode.offset).line === analysis.positionAt(valueOffset).line) return ', ';
  const lineStart = text.lastIndexOf('\n', valueOffset - 1) + 1;
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, valueOffset))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `,${eol}${indentation}`;
}

/** The point a new point's successors default to: the one after it in `points`, if any. */
function successorFor(analysis: DocumentAnalysis, objectPath: JsonPath): string {
  const index = objectPath[1];
  if (typeof index !== 'number') return '';
  return analysis.index.points.find((p) => p.index === index + 1)?.id ?? '';
}
