// Completion of values and objects the JSON Schema cannot suggest well: ISO
// durations (timeouts, waits, cooldowns, recurring intervals) with what they
// mean, local date-times (`at`, `start`, `until`), IANA time zones, the
// contact field of `phoneField`, whole re-entry policies (with
// `afterCooldown`) and segment schedules (with `recurring`); an empty
// trigger, filter or awaited event offers its `type` first (its keys come
// once the type is chosen); an empty file offers a whole journey, and an
// empty slot of `points` a whole point of each type. Anything else is left
// to the schema completion (undefined result).
import { getLocation } from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind, type CompletionList, InsertTextFormat, type Position, type Range } from 'vscode-languageserver';
import { journeyIdFromFileName } from '../src/core/journeyTemplate';
import type { JsonPath } from '../src/core/jsonDocument';
import { Duration, Journey, LocalDateTime, TimeZone } from '../src/core/schema';
import { schemaAtPath } from '../src/core/schemaWalk';
import { knownTimeZones } from '../src/core/timeZones';
import { z } from 'zod';
import type { DocumentAnalysis } from './documentAnalysis';
import { roleOfObject, valueAt } from './journeyPaths';
import { defaultObject, snippetOfValue, typesOf } from './typeSnippets';

const DURATIONS: readonly [string, string][] = [
  ['PT1H', '1 hour'],
  ['PT12H', '12 hours'],
  ['P1D', '1 day'],
  ['P2D', '2 days'],
  ['P3D', '3 days'],
  ['P1W', '1 week'],
  ['P2W', '2 weeks'],
  ['P30D', '30 days'],
];

/** The JSON Schema pattern of a zod schema, to recognise a field's kind whatever its own description. */
const patternOf = (schema: z.ZodType): string | undefined => {
  try {
    return (z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as { pattern?: string }).pattern;
  } catch {
    return undefined;
  }
};
let patterns: { duration?: string; local?: string } | undefined;
const PATTERNS = () => (patterns ??= { duration: patternOf(Duration), local: patternOf(LocalDateTime) });

type ValueKind = 'duration' | 'localDateTime' | 'timeZone' | 'phoneField' | 'reEntry' | 'schedule';

function valueKindAt(analysis: DocumentAnalysis, path: JsonPath): ValueKind | undefined {
  const last = path[path.length - 1];
  if (last === 'phoneField') return 'phoneField';
  if (last === 'timeZone') return 'timeZone';
  if (path.length === 2 && path[0] === 'settings' && last === 'reEntry') return 'reEntry';
  if (path.length === 2 && path[0] === 'segmentEntry' && last === 'schedule') return 'schedule';
  const schema = schemaAtPath(Journey, analysis.doc.value, path);
  if (!schema) return undefined;
  if (schema === TimeZone) return 'timeZone';
  const pattern = patternOf(schema);
  if (pattern === undefined) return undefined;
  if (pattern === PATTERNS().duration) return 'duration';
  if (pattern === PATTERNS().local) return 'localDateTime';
  return undefined;
}

const sortKey = (i: number) => String(i).padStart(5, '0');

export function valueCompletion(analysis: DocumentAnalysis, position: Position, options: { snippets: boolean }): CompletionList | undefined {
  const offset = analysis.offsetAt(position);
  if (analysis.text.trim() === '') return { isIncomplete: false, items: [wholeJourney(analysis, position, options)] };
  let location: ReturnType<typeof getLocation>;
  try {
    location = getLocation(analysis.text, offset);
  } catch {
    return undefined;
  }
  const previous = location.previousNode;
  if (location.isAtPropertyKey) return typeFirst(analysis, location.path, offset, options);
  // The span the completion replaces: the string (or other scalar) under the cursor, or nothing.
  const within = previous && offset >= previous.offset && offset <= previous.offset + previous.length;
  const range: Range = within ? analysis.range(previous.offset, previous.length) : analysis.range(offset, 0);
  if (previous && !within) return undefined;
  const path = location.path;
  if (path.length === 2 && path[0] === 'points' && typeof path[1] === 'number' && !within) return { isIncomplete: false, items: wholePoints(analysis, range, options) };
  const kind = valueKindAt(analysis, path);
  if (!kind) return undefined;
  const items = itemsFor(analysis, kind, range, options);
  return items.length ? { isIncomplete: false, items } : undefined;
}

function itemsFor(analysis: DocumentAnalysis, kind: ValueKind, range: Range, options: { snippets: boolean }): CompletionItem[] {
  const values = (list: readonly (readonly [string, string])[], itemKind: CompletionItemKind = CompletionItemKind.Value): CompletionItem[] =>
    list.map(([value, detail], i) => ({ label: value, kind: itemKind, detail, sortText: sortKey(i), filterText: JSON.stringify(value), textEdit: { range, newText: JSON.stringify(value) } }));
  switch (kind) {
    case 'duration':
      return values(DURATIONS);
    case 'localDateTime': {
      // Tomorrow at 09:00 and a week later, as local date-times (read in the time zone beside them).
      const day = (plus: number) => new Date(Date.now() + plus * 86_400_000).toISOString().slice(0, 10);
      return values([
        [`${day(1)}T09:00`, 'tomorrow at 09:00, in the time zone beside it'],
        [`${day(7)}T09:00`, 'in a week at 09:00, in the time zone beside it'],
      ]);
    }
    case 'timeZone': {
      const journeyZone = valueAt(analysis.doc.value, ['settings', 'timeZone']);
      const zones = [...knownTimeZones()].sort();
      const first = typeof journeyZone === 'string' && zones.includes(journeyZone) ? [journeyZone] : [];
      return values([...first, ...zones.filter((z) => !first.includes(z))].map((z) => [z, 'IANA time zone'] as const), CompletionItemKind.EnumMember);
    }
    case 'phoneField': {
      const fields = analysis.index.declared('field');
      const phoneFirst = [...fields].sort((a, b) => Number(/phone|mobile|sms/i.test(b.name)) - Number(/phone|mobile|sms/i.test(a.name)));
      return values([['phone', 'the default: the contact\'s phone'] as const, ...phoneFirst.filter((f) => f.name !== 'phone').map((f) => [f.name, `contact field (${String(valueAt(f.value, ['type']) ?? 'field')})`] as const)], CompletionItemKind.Field);
    }
    case 'reEntry':
      return objects(range, options, [
        ['never', 'Never re-enter (the default)', { mode: 'never' }],
        ['afterCompletion', 'Re-enter after completing the journey (R7)', { mode: 'afterCompletion' }],
        ['afterCooldown', 'Re-enter after a cooldown since leaving (R7)', { mode: 'afterCooldown', cooldown: 'P30D' }],
      ]);
    case 'schedule':
      return objects(range, options, [
        ['oneTimeStatic', 'Once, for the contacts in the segment at the start (R19)', { type: 'oneTimeStatic' }],
        ['oneTimeRolling', 'Once per contact, also for those who join later (R19)', { type: 'oneTimeRolling' }],
        ['recurring', 'Again at every interval (R19)', { type: 'recurring', every: 'P1W' }],
      ]);
  }
}

/** Whole objects, as snippets (every value a placeholder) or plain text. */
function objects(range: Range, options: { snippets: boolean }, list: readonly [string, string, Record<string, unknown>][]): CompletionItem[] {
  return list.map(([label, detail, value], i) => {
    let n = 0;
    const text = options.snippets ? snippetOfValue(value, () => ++n) : JSON.stringify(value).replace(/,/g, ', ').replace(/:/g, ': ').replace(/^\{/, '{ ').replace(/\}$/, ' }');
    return { label, kind: CompletionItemKind.Snippet, detail, sortText: sortKey(i), filterText: label, insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, textEdit: { range, newText: text } };
  });
}

/** In a trigger, filter or awaited event without a `type`, the `type` key alone (its other keys depend on it). */
function typeFirst(analysis: DocumentAnalysis, path: JsonPath, offset: number, options: { snippets: boolean }): CompletionList | undefined {
  const objectPath = path.slice(0, -1);
  const role = roleOfObject(objectPath);
  if (role !== 'trigger' && role !== 'filter' && role !== 'event') return undefined;
  const object = valueAt(analysis.doc.value, objectPath);
  if (object !== undefined && (typeof object !== 'object' || object === null || 'type' in object)) return undefined;
  const previous = getLocation(analysis.text, offset).previousNode;
  // A key being typed (jsonc-parser gives it as a 'property' node) is replaced, quotes included.
  const range = previous && previous.type === 'property' && offset >= previous.offset && offset <= previous.offset + previous.length ? analysis.range(previous.offset, previous.length) : analysis.range(offset, 0);
  return {
    isIncomplete: false,
    items: [
      {
        label: 'type',
        kind: CompletionItemKind.Property,
        detail: `The ${role === 'event' ? 'awaited event' : role}'s type: choose it first, its other properties follow from it`,
        insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range, newText: options.snippets ? '"type": "$1"' : '"type": ""' },
        command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
      },
    ],
  };
}

/** A whole point of each type, as the map creates it. */
function wholePoints(analysis: DocumentAnalysis, range: Range, options: { snippets: boolean }): CompletionItem[] {
  const successor = analysis.index.points[0]?.id ?? '';
  return typesOf('point').map((type, i) => {
    const value = defaultObject('point', type, analysis.doc.value, successor);
    let n = 0;
    const text = options.snippets ? snippetOfValue(value, () => ++n) : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
    return { label: `${type} point`, kind: CompletionItemKind.Snippet, detail: `A whole ${type} point`, sortText: sortKey(i), filterText: `${type} point`, insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, textEdit: { range, newText: text } };
  });
}

/** An empty file: a whole journey (one starting point, one end), named after the file. */
function wholeJourney(analysis: DocumentAnalysis, position: Position, options: { snippets: boolean }): CompletionItem {
  const file = decodeURIComponent(analysis.uri.slice(analysis.uri.lastIndexOf('/') + 1));
  const id = journeyIdFromFileName(file) || 'journey';
  const text = JSON.stringify(
    {
      formatVersion: 1,
      id,
      name: id,
      kind: 'trigger',
      status: 'draft',
      settings: { timeZone: 'UTC', reEntry: { mode: 'never' } },
      startingPoints: [{ id: 'start', trigger: { type: 'audienceJoined' }, next: 'done' }],
      points: [{ id: 'done', type: 'end' }],
    },
    null,
    2,
  );
  const snippet = options.snippets ? text.replace(/[\\$}]/g, (c) => `\\${c}`).replace('"audienceJoined"', '"${1:audienceJoined}"') : text;
  return {
    label: 'New journey',
    kind: CompletionItemKind.Snippet,
    detail: 'A whole journey: one starting point leading to an end',
    insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: { start: { line: 0, character: 0 }, end: position }, newText: snippet },
  };
}
