// Completion, hover and go to definition in a timeline or a scenario, from
// the journey it belongs to (and, for a scenario, the timeline it replays):
// each place that names something (companionNames.ts: an event's content,
// point, link or starting point, a contact's tags and lists, an
// expectation's contact, point or content) offers the names the journey
// (the timeline, for contacts) has, shows what the name is there, and leads
// to where it is defined, in the other file. Anything else is left to the
// schema completion and hover (undefined result).
import { findNodeAtLocation, getLocation, type Node } from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind, type CompletionList, type Hover, type Location, MarkupKind, type Position, type Range } from 'vscode-languageserver';
import { nameKindAt } from '../src/core/companionNames';
import type { JsonPath } from '../src/core/jsonDocument';
import { journeyNames, KIND_WORDS, type NameKind } from '../src/core/journeyNames';
import type { CompanionAnalysis } from './companionAnalysis';
import type { DocumentAnalysis } from './documentAnalysis';
import { nameItem, pointItem } from './completion';
import { declarationHover, entryHover } from './hover';
import type { Declaration, DeclarationKind, NodeEntry } from './journeyIndex';
import { valueAt } from './journeyPaths';
import { successorsOf } from '../src/core/graph';
import { displayName } from './workspaceFiles';

/** A place of a companion document that names something, at a position. */
export interface CompanionSite {
  path: JsonPath;
  kind: NameKind;
  /** The string (quotes included) at the position, or the empty span at the cursor. */
  offset: number;
  length: number;
  /** The name written there (undefined while there is none). */
  name: string | undefined;
}

export function companionSiteAt(analysis: CompanionAnalysis, offset: number): CompanionSite | undefined {
  let location: ReturnType<typeof getLocation>;
  try {
    location = getLocation(analysis.text, offset);
  } catch {
    return undefined;
  }
  const kind = nameKindAt(analysis.kind, location.path);
  if (!kind) return undefined;
  const previous = location.previousNode;
  if (previous && previous.type === 'string' && offset >= previous.offset && offset <= previous.offset + previous.length) {
    return { path: location.path, kind, offset: previous.offset, length: previous.length, name: String(previous.value) };
  }
  if (location.isAtPropertyKey) return undefined;
  return previous ? undefined : { path: location.path, kind, offset, length: 0, name: undefined };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);

const DECLARED: Partial<Record<NameKind, DeclarationKind>> = { content: 'content', list: 'list', tag: 'tag', segment: 'segment', form: 'form', campaign: 'campaign' };

/** A contact of a timeline: its id node and its raw value. */
interface ContactEntry {
  id: string;
  node: Node | undefined;
  value: unknown;
}

function contactsOf(analysis: CompanionAnalysis): ContactEntry[] {
  const timeline = analysis.timeline;
  if (!timeline) return [];
  const contacts = field(timeline.doc.value, 'contacts');
  const found: ContactEntry[] = [];
  const seen = new Set<string>();
  if (Array.isArray(contacts)) {
    contacts.forEach((c, i) => {
      const id = field(c, 'id');
      if (typeof id !== 'string' || seen.has(id)) return;
      seen.add(id);
      found.push({ id, node: timeline.doc.root ? findNodeAtLocation(timeline.doc.root, ['contacts', i, 'id']) : undefined, value: c });
    });
  }
  // A scenario may name a contact that only appears in the events (the simulator replays it as a new contact).
  const events = field(timeline.doc.value, 'events');
  if (analysis.kind === 'scenario' && Array.isArray(events)) {
    for (const e of events) {
      const id = field(e, 'contact');
      if (typeof id === 'string' && !seen.has(id)) {
        seen.add(id);
        found.push({ id, node: undefined, value: undefined });
      }
    }
  }
  return found;
}

/** The content item's links, with the string nodes that declare them. */
function linksOf(journey: DocumentAnalysis, contentId: string | undefined): { link: string; node: Node; content: string }[] {
  const out: { link: string; node: Node; content: string }[] = [];
  for (const declaration of journey.index.declared('content')) {
    if (contentId !== undefined && declaration.name !== contentId) continue;
    const object = declaration.node.parent?.parent;
    const links = object ? findNodeAtLocation(object, ['links']) : undefined;
    for (const node of links?.children ?? []) if (node.type === 'string') out.push({ link: String(node.value), node, content: declaration.name });
  }
  return out;
}

/** The content a timeline event's link belongs to: its own `content`, or the content its `point` sends. */
function eventContent(analysis: CompanionAnalysis, path: JsonPath, journey: DocumentAnalysis): string | undefined {
  const event = valueAt(analysis.doc.value, path.slice(0, -1));
  const content = field(event, 'content');
  if (typeof content === 'string') return content;
  const point = field(event, 'point');
  const sender = typeof point === 'string' ? journey.index.byId.get(point) : undefined;
  const sent = field(sender?.value, 'content');
  return typeof sent === 'string' ? sent : undefined;
}

/** The branch labels of the point an expectation names (yes, no, timeout, next, split labels). */
function branchesAt(analysis: CompanionAnalysis, path: JsonPath, journey: DocumentAnalysis): string[] {
  const point = field(valueAt(analysis.doc.value, path.slice(0, -1)), 'point');
  const parsed = typeof point === 'string' ? journey.result.journey?.points.find((p) => p.id === point) : undefined;
  return parsed ? successorsOf(parsed).map((s) => s.label) : [];
}

/** The journey points a site may name: a scenario's point is a point or a starting point; a timeline event's point sent an email. */
function pointsFor(analysis: CompanionAnalysis, kind: NameKind, journey: DocumentAnalysis): NodeEntry[] {
  const { index } = journey;
  if (kind === 'startingPoint') return index.starts;
  if (analysis.kind === 'scenario') return [...index.points, ...index.starts];
  return index.points.filter((p) => p.type === 'sendEmail');
}

const sortKey = (i: number) => String(i).padStart(5, '0');

export function companionCompletion(analysis: CompanionAnalysis, position: Position): CompletionList | undefined {
  const site = companionSiteAt(analysis, analysis.offsetAt(position));
  if (!site) return undefined;
  if (site.kind === 'contact' && site.path[0] === 'contacts') return undefined; // a new contact's own id
  const range = analysis.range(site.offset, site.length);
  const items = completionItems(analysis, site, range);
  return items ? { isIncomplete: false, items } : undefined;
}

function completionItems(analysis: CompanionAnalysis, site: CompanionSite, range: Range): CompletionItem[] | undefined {
  const plain = (names: Iterable<string>, detail: string): CompletionItem[] =>
    [...names].map((name, i) => ({ label: name, kind: CompletionItemKind.Value, detail, sortText: sortKey(i), filterText: JSON.stringify(name), textEdit: { range, newText: JSON.stringify(name) } }));
  if (site.kind === 'contact') {
    return contactsOf(analysis).map((c, i) => ({
      label: c.id,
      kind: CompletionItemKind.Reference,
      detail: ['Contact', field(c.value, 'name'), field(c.value, 'email')].filter((x) => typeof x === 'string').join(' · '),
      sortText: sortKey(i),
      filterText: JSON.stringify(c.id),
      textEdit: { range, newText: JSON.stringify(c.id) },
    }));
  }
  const journey = analysis.journey;
  if (!journey) return undefined;
  if (site.kind === 'branch') return plain(branchesAt(analysis, site.path, journey), 'Branch of the point');
  if (site.kind === 'point' || site.kind === 'startingPoint') return pointsFor(analysis, site.kind, journey).map((p, i) => pointItem(p, i, range, journey));
  if (site.kind === 'link') {
    const seen = new Set<string>();
    return linksOf(journey, eventContent(analysis, site.path, journey))
      .filter((l) => !seen.has(l.link) && seen.add(l.link))
      .map((l, i) => ({ label: l.link, kind: CompletionItemKind.Reference, detail: `Link of '${l.content}'`, sortText: sortKey(i), filterText: JSON.stringify(l.link), textEdit: { range, newText: JSON.stringify(l.link) } }));
  }
  const declarationKind = DECLARED[site.kind];
  if (!declarationKind) return undefined;
  const seen = new Set<string>();
  const declared = journey.index.declared(declarationKind).filter((d) => !seen.has(d.name) && seen.add(d.name));
  const items: CompletionItem[] = declared.map((d, i) => nameItem(d, i, range));
  // Names the journey uses without declaring them (a list only named by a trigger).
  const names = journey.result.journey ? journeyNames(journey.result.journey) : undefined;
  const used = names ? ({ content: names.content, list: names.lists, tag: names.tags, segment: names.segments, form: names.forms, campaign: names.campaigns } as Partial<Record<NameKind, Set<string>>>)[site.kind] : undefined;
  const more = [...(used ?? [])].filter((n) => !seen.has(n));
  return items.concat(plain(more, `Used in the journey`).map((item, i) => ({ ...item, sortText: sortKey(declared.length + i) })));
}

/** Where the name at a site is defined: a point, declaration or link of the journey, or a contact of the timeline. */
function definitionOf(analysis: CompanionAnalysis, site: CompanionSite): { uri: string; node: Node; analysis?: DocumentAnalysis; entry?: NodeEntry; declaration?: Declaration } | undefined {
  const name = site.name;
  if (name === undefined) return undefined;
  if (site.kind === 'contact') {
    const contact = contactsOf(analysis).find((c) => c.id === name);
    return contact?.node && analysis.timeline ? { uri: analysis.timeline.uri, node: contact.node } : undefined;
  }
  const journey = analysis.journey;
  if (!journey) return undefined;
  if (site.kind === 'point' || site.kind === 'startingPoint') {
    const entry = pointsFor(analysis, site.kind === 'point' && analysis.kind === 'timeline' ? 'point' : site.kind, journey).find((p) => p.id === name) ?? journey.index.byId.get(name);
    return entry ? { uri: journey.uri, node: entry.idNode, analysis: journey, entry } : undefined;
  }
  if (site.kind === 'link') {
    const link = linksOf(journey, eventContent(analysis, site.path, journey)).find((l) => l.link === name) ?? linksOf(journey, undefined).find((l) => l.link === name);
    return link ? { uri: journey.uri, node: link.node, analysis: journey } : undefined;
  }
  const declarationKind = DECLARED[site.kind];
  const declaration = declarationKind ? journey.index.declared(declarationKind).find((d) => d.name === name) : undefined;
  return declaration ? { uri: journey.uri, node: declaration.node, analysis: journey, declaration } : undefined;
}

export function companionDefinition(analysis: CompanionAnalysis, position: Position, rangeIn: (uri: string, node: Node) => Range | undefined): Location[] {
  const site = companionSiteAt(analysis, analysis.offsetAt(position));
  if (!site) return [];
  const target = definitionOf(analysis, site);
  if (!target) return [];
  const range = target.analysis ? target.analysis.rangeOf(target.node) : rangeIn(target.uri, target.node);
  return range ? [{ uri: target.uri, range }] : [];
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function companionHover(analysis: CompanionAnalysis, position: Position): Hover | undefined {
  const site = companionSiteAt(analysis, analysis.offsetAt(position));
  if (!site || site.name === undefined) return undefined;
  const range = analysis.range(site.offset, site.length);
  const markdown = (value: string): Hover => ({ range, contents: { kind: MarkupKind.Markdown, value } });
  const target = definitionOf(analysis, site);
  if (site.kind === 'contact') {
    const contact = contactsOf(analysis).find((c) => c.id === site.name);
    if (!contact) return markdown(`**${site.name}**: no contact of the timeline has this id.`);
    const facts = isObject(contact.value)
      ? Object.entries(contact.value)
          .filter(([k]) => k !== 'id')
          .map(([k, v]) => `${k}: ${code(JSON.stringify(v))}`)
      : ['only named by events (replayed as a new contact)'];
    return markdown([`**${site.name}** · contact of ${analysis.timeline ? code(displayName(analysis.uri, analysis.timeline.uri)) : 'the timeline'}`, facts.join(' · ')].filter(Boolean).join('\n\n'));
  }
  const journey = analysis.journey;
  if (!journey) return undefined;
  const inJourney = `in ${code(displayName(analysis.uri, journey.uri))}`;
  if (site.kind === 'branch') {
    const branches = branchesAt(analysis, site.path, journey);
    return markdown(branches.includes(site.name) ? `**${site.name}** · a branch of the point, ${inJourney}; its branches: ${branches.map(code).join(', ')}` : `**${site.name}**: the point has no such branch ${inJourney}${branches.length ? `; its branches: ${branches.map(code).join(', ')}` : ''}.`);
  }
  if (target?.entry && target.analysis) return markdown(`${entryHover(target.analysis, target.entry)}\n\n*${KIND_WORDS[site.kind]} ${inJourney}*`);
  if (target?.declaration) return markdown(`${declarationHover(target.declaration)}\n\n*${inJourney}*`);
  if (target) return markdown(`**${site.name}** · ${KIND_WORDS[site.kind]} ${inJourney}`);
  const names = journey.result.journey ? journeyNames(journey.result.journey) : undefined;
  const used = names ? ({ tag: names.tags, list: names.lists, segment: names.segments, form: names.forms, campaign: names.campaigns, link: names.links } as Partial<Record<NameKind, Set<string>>>)[site.kind] : undefined;
  if (used?.has(site.name)) return markdown(`**${site.name}** · ${KIND_WORDS[site.kind]} the journey uses (not declared) ${inJourney}`);
  // Tags, lists, segments, forms and campaigns of a timeline are the contact's own data: they may name what the journey never does.
  const data = analysis.kind === 'timeline' && ['tag', 'list', 'segment', 'form', 'campaign'].includes(site.kind);
  return markdown(data ? `**${site.name}** · ${KIND_WORDS[site.kind]} of the contact's data; the journey ${inJourney} never names it.` : `**${site.name}**: there is no ${KIND_WORDS[site.kind]} with this name ${inJourney}.`);
}
