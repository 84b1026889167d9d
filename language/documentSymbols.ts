// The outline of a journey: "Starting points" and "Points", each node named
// by its id with its type and summary beside it, its range the whole node
// object and its selection range the id, so the outline, breadcrumbs and
// "Go to Symbol" lead to the right place.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { PointType } from '../src/core/schema';
import type { DocumentAnalysis } from './documentAnalysis';
import type { NodeEntry } from './journeyIndex';
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
  const groups: DocumentSymbol[] = [];
  for (const [section, title, entries] of [
    ['startingPoints', 'Starting points', index.starts],
    ['points', 'Points', index.points],
  ] as const) {
    const property = findNodeAtLocation(root, [section])?.parent;
    const key = property?.children?.[0];
    if (!property || !key) continue;
    groups.push({
      name: title,
      detail: `${entries.length}`,
      kind: SymbolKind.Namespace,
      range: analysis.rangeOf(property),
      selectionRange: analysis.rangeOf(key),
      children: entries.map(symbol),
    });
  }
  return groups;
}
