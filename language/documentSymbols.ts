// The outline of a journey, its sections in document order: "Settings"
// (each setting), the declarations ("Tags", "Lists", "Fields", "Segments",
// "Campaigns", "Forms"), "Content" (each item with its channel and status),
// "Starting points" and "Points", each node named by its id with its type
// and summary beside it, its range the whole node object and its selection
// range the id, so the outline, breadcrumbs and "Go to Symbol" lead to the
// right place.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { PointType } from '../src/core/schema';
import type { DocumentAnalysis } from './documentAnalysis';
import type { Declaration, DeclarationKind, NodeEntry } from './journeyIndex';
import { findNodeAtLocation } from 'jsonc-parser';
import { describeEntry } from './pointDescription';

/** Symbol kinds chosen for the icon they get: actions, decisions, waits, ends. */
const POINT_SYMBOL_KINDS: Record<PointType, SymbolKind> = {
  sendEmail: SymbolKind.Function,
  sendSms: SymbolKind.Function,
  addTag: SymbolKind.Function,
  removeTag: SymbolKind.Function,
  updateField: SymbolKind.Function,
  subscribeList: SymbolKind.Function,
  unsubscribeList: SymbolKind.Function,
  webhook: SymbolKind.Function,
  exit: SymbolKind.Null,
  ifElse: SymbolKind.Boolean,
  wait: SymbolKind.Event,
  waitUntil: SymbolKind.Event,
  waitForEvent: SymbolKind.Event,
  split: SymbolKind.Operator,
  end: SymbolKind.Null,
};

export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const root = analysis.doc.root;
  if (!root) return [];
  const { index } = analysis;
  const symbol = (entry: NodeEntry): DocumentSymbol => {
    const d = describeEntry(entry, index);
    const kind = entry.kind === 'start' ? SymbolKind.Event : (POINT_SYMBOL_KINDS[entry.type as PointType] ?? SymbolKind.Object);
    return {
      name: entry.id,
      detail: [d.typeLabel, d.summary].filter(Boolean).join(' · '),
      kind,
      range: analysis.rangeOf(entry.node),
      selectionRange: analysis.rangeOf(entry.idNode),
    };
  };
  const declaration = (d: Declaration): DocumentSymbol => {
    const facts = DECLARATION_FACTS[d.kind].map((k) => field(d.value, k)).filter((v): v is string => typeof v === 'string');
    // The declaration's whole object (a tag is its string).
    const object = d.node.parent?.type === 'property' ? d.node.parent.parent : d.node;
    return { name: d.name, detail: facts.join(' · '), kind: DECLARATION_KINDS[d.kind], range: analysis.rangeOf(object ?? d.node), selectionRange: analysis.rangeOf(d.node) };
  };
  const groups: { offset: number; symbol: DocumentSymbol }[] = [];
  const group = (section: string, title: string, children: DocumentSymbol[], kind: SymbolKind = SymbolKind.Namespace) => {
    const property = findNodeAtLocation(root, [section])?.parent;
    const key = property?.children?.[0];
    if (!property || !key) return;
    groups.push({ offset: property.offset, symbol: { name: title, detail: `${children.length}`, kind, range: analysis.rangeOf(property), selectionRange: analysis.rangeOf(key), children } });
  };
  const settings = findNodeAtLocation(root, ['settings']);
  if (settings?.type === 'object') {
    const children = (settings.children ?? []).flatMap((property) => {
      const [key, value] = property.children ?? [];
      if (!key) return [];
      const shown = value && (value.type === 'string' || value.type === 'number' || value.type === 'boolean') ? String(value.value) : value?.type === 'array' ? `${value.children?.length ?? 0} item(s)` : '';
      return [{ name: String(key.value), detail: shown, kind: SymbolKind.Property, range: analysis.rangeOf(property), selectionRange: analysis.rangeOf(key) }];
    });
    group('settings', 'Settings', children, SymbolKind.Module);
  }
  for (const [section, title, kind] of DECLARATION_SECTIONS) group(section, title, index.declared(kind).map(declaration));
  group('startingPoints', 'Starting points', index.starts.map(symbol));
  group('points', 'Points', index.points.map(symbol));
  return groups.sort((a, b) => a.offset - b.offset).map((g) => g.symbol);
}

const DECLARATION_SECTIONS: readonly [string, string, DeclarationKind][] = [
  ['tags', 'Tags', 'tag'],
  ['lists', 'Lists', 'list'],
  ['fields', 'Fields', 'field'],
  ['segments', 'Segments', 'segment'],
  ['campaigns', 'Campaigns', 'campaign'],
  ['forms', 'Forms', 'form'],
  ['content', 'Content', 'content'],
];

const DECLARATION_KINDS: Record<DeclarationKind, SymbolKind> = {
  tag: SymbolKind.String,
  list: SymbolKind.Enum,
  field: SymbolKind.Field,
  segment: SymbolKind.Class,
  campaign: SymbolKind.Event,
  form: SymbolKind.Interface,
  content: SymbolKind.File,
};

/** What an outline entry shows beside a declaration's name. */
const DECLARATION_FACTS: Record<DeclarationKind, readonly string[]> = {
  tag: [],
  list: ['kind', 'name'],
  field: ['type'],
  segment: ['name'],
  campaign: ['name'],
  form: ['name'],
  content: ['channel', 'status', 'subject'],
};

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined);
