// Hover for what the schema cannot explain: a point id (where it is defined
// or named) shows the point's summary, where it leads and what leads to it,
// its problems and the rules that govern it; a `type` value shows what the
// type does and its rules; a declared name shows its declaration. Anything
// else is left to the schema hover (undefined result).
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver';
import type { JsonPath } from '../src/core/jsonDocument';
import type { DocumentAnalysis } from './documentAnalysis';
import type { Declaration, NodeEntry } from './journeyIndex';
import { valueSiteAt } from './completion';
import { describeEntry } from './pointDescription';
import { rulesMarkdown, TYPE_DOCS, typeDocMarkdown } from './ruleDocs';

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function journeyHover(analysis: DocumentAnalysis, position: Position): Hover | undefined {
  const offset = analysis.offsetAt(position);
  const { index } = analysis;
  const occurrence = index.occurrenceAt(offset);
  if (occurrence) {
    const range = analysis.rangeOf(occurrence.node);
    if (occurrence.kind === 'definition') return { range, contents: markdown(entryHover(analysis, occurrence.entry)) };
    if (occurrence.kind === 'declaration') return { range, contents: markdown(declarationHover(occurrence.declaration)) };
    const target = index.byId.get(occurrence.reference.id);
    if (target) return { range, contents: markdown(entryHover(analysis, target)) };
    return { range, contents: markdown(`**${occurrence.reference.id}**: no starting point or journey point has this id (R4). Create the point or name an existing one.`) };
  }
  const site = valueSiteAt(analysis, offset);
  if (!site || site.length === 0) return undefined;
  const range = analysis.range(site.offset, site.length);
  const value = analysis.text.slice(site.offset + 1, site.offset + site.length - 1);
  if (site.meaning.kind === 'type') {
    const docs = TYPE_DOCS[site.meaning.of] as Record<string, Parameters<typeof typeDocMarkdown>[0]>;
    // A type named like a property of every object ("constructor") has no doc.
    const doc = Object.hasOwn(docs, value) ? docs[value] : undefined;
    return doc ? { range, contents: markdown(typeDocMarkdown(doc)) } : undefined;
  }
  if (site.meaning.kind === 'name') {
    const kind = site.meaning.declaration;
    const declaration = index.declared(kind).find((d) => d.name === value);
    return { range, contents: markdown(declaration ? declarationHover(declaration) : `**${value}**: not declared in the journey's \`${SECTION[kind]}\`.`) };
  }
  return undefined;
}

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

export function entryHover(analysis: DocumentAnalysis, entry: NodeEntry): string {
  const d = describeEntry(entry, analysis.index);
  const lines = [`**${entry.id}** · ${d.typeLabel}`];
  if (d.summary) lines.push(code(d.summary));
  if (d.filter) lines.push(`Only if ${code(d.filter)}`);
  if (d.title) lines.push(`*${d.title.replace(/([*_`\\])/g, '\\$1')}*`);
  if (d.successors.length) lines.push(`Leads to: ${d.successors.map((s) => `${s.label} → ${s.to ? code(s.to) : '(missing)'}`).join(', ')}`);
  if (entry.kind === 'point') lines.push(d.incoming.length ? `Reached from: ${d.incoming.map((i) => `${code(i.from)} (${i.label})`).join(', ')}` : 'Nothing leads here yet.');
  const problems = problemsAt(analysis, entry.path);
  if (problems.length) lines.push(`Problems: ${problems.map((p) => `${p.message} (${p.code})`).join('; ')}`);
  return `${lines.join('\n\n')}\n\n---\n\n${rulesMarkdown(d.rules)}`;
}

/** The diagnostics about a node or anything inside it. */
function problemsAt(analysis: DocumentAnalysis, path: JsonPath) {
  return analysis.result.diagnostics.filter((d) => path.every((segment, i) => d.path[i] === segment)).slice(0, 5);
}

const SECTION: Record<Declaration['kind'], string> = {
  tag: 'tags',
  list: 'lists',
  segment: 'segments',
  field: 'fields',
  content: 'content',
  campaign: 'campaigns',
  form: 'forms',
};

export function declarationHover(declaration: Declaration): string {
  const value = declaration.value;
  const lines = [`**${declaration.name}** · declared in ${code(SECTION[declaration.kind])}`];
  if (typeof value === 'object' && value !== null) {
    const facts = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'id' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
      .map(([k, v]) => `${k}: ${code(String(v))}`);
    if (facts.length) lines.push(facts.join(' · '));
    if (declaration.kind === 'content') lines.push(rulesMarkdown(['R17', 'R21']));
  }
  return lines.join('\n\n');
}
