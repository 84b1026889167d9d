// Turns zod's issues into located diagnostics: an unknown property on its
// key, a missing property on the object that lacks it, a bad discriminator
// on its value with the allowed values, anything else on the offending value.
import type { z } from 'zod';
import type { JourneyDiagnostic } from './diagnostic';
import { closestName } from './editDistance';
import { formatPath, type JsonDocument, type JsonPath, keySpan, nodeAt, objectAnchorSpan, valueSpan } from './jsonDocument';
import { allowedKeys, descriptionOf, schemaAtPath } from './schemaWalk';

type Issue = z.core.$ZodIssue;

/** `root` names the whole document in messages ("Missing property "x" in the timeline"). */
export function schemaDiagnostics(doc: JsonDocument, schema: z.ZodType, issues: readonly Issue[], root = 'the journey'): JourneyDiagnostic[] {
  return issues.flatMap((issue) => locateIssue(doc, schema, issue, root));
}

const describeValue = (node: { type: string; value?: unknown } | undefined): string =>
  !node
    ? 'nothing'
    : node.type === 'string'
      ? `"${String(node.value)}"`
      : node.type === 'object' || node.type === 'array'
        ? `an ${node.type}`
        : node.type === 'null'
          ? 'null'
          : `${node.type} ${String(node.value)}`;

function locateIssue(doc: JsonDocument, schema: z.ZodType, issue: Issue, root: string): JourneyDiagnostic[] {
  const path = issue.path as JsonPath;
  const where = formatPath(path) || root;
  const make = (code: string, message: string, span: { offset: number; length: number }, at: JsonPath, data?: Record<string, unknown>): JourneyDiagnostic => ({
    code: `schema.${code}`,
    rule: 'schema',
    severity: 'error',
    message,
    ...span,
    path: at,
    ...(data ? { data } : {}),
  });

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schemaAtPath(schema, doc.value, path) ?? schema, valueAtPath(doc.value, path));
    return issue.keys.map((key) => {
      const suggestion = closestName(key, allowed);
      const span = keySpan(doc, [...path, key]) ?? objectAnchorSpan(doc, path);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : allowed.length ? ` Allowed: ${allowed.join(', ')}.` : '';
      return make('unknown-property', `Property "${key}" is not allowed in ${where}.${hint}`, span, [...path, key], { property: key, suggestion, allowed });
    });
  }

  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = ('options' in issue ? (issue.options as unknown[]) : []).map(String);
    const node = nodeAt(doc, path);
    if (!node) {
      const objectPath = path.slice(0, -1);
      return [make('missing-property', `Missing property "${issue.discriminator}" in ${formatPath(objectPath) || root}: one of ${options.join(', ')}.`, objectAnchorSpan(doc, objectPath), path, { property: issue.discriminator, allowed: options })];
    }
    const actual = typeof node.value === 'string' ? node.value : undefined;
    const suggestion = actual !== undefined ? closestName(actual, options) : undefined;
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    return [make('unknown-discriminator', `${describeValue(node)} is not a valid ${issue.discriminator} for ${formatPath(path.slice(0, -1)) || root}.${hint} Allowed: ${options.join(', ')}.`, { offset: node.offset, length: node.length }, path, { allowed: options, actual, suggestion })];
  }

  const node = nodeAt(doc, path);
  if (!node && path.length > 0) {
    const key = path[path.length - 1]!;
    const objectPath = path.slice(0, -1);
    const description = descriptionOf(schemaAtPath(schema, doc.value, path));
    return [make('missing-property', `Missing property "${String(key)}" in ${formatPath(objectPath) || root}${description ? `: ${description}` : ''}.`, objectAnchorSpan(doc, objectPath), path, { property: key })];
  }

  const span = valueSpan(doc, path);
  switch (issue.code) {
    case 'invalid_type':
      return [make('invalid-type', `${where} must be ${article(issue.expected)}, not ${describeValue(node)}.`, span, path)];
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const suggestion = typeof node?.value === 'string' ? closestName(node.value, issue.values.map(String)) : undefined;
      return [make('invalid-value', `${describeValue(node)} is not allowed for ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Allowed: ${values.join(', ')}.`, span, path, { allowed: issue.values, suggestion })];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const what = issue.origin === 'array' ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item${Number(bound) === 1 ? '' : 's'}` : issue.origin === 'string' ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} character${Number(bound) === 1 ? '' : 's'}` : `${issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<'} ${String(bound)}`;
      return [make(issue.code === 'too_small' ? 'too-small' : 'too-big', `${where} must be ${what}.`, span, path)];
    }
    case 'invalid_format':
      return [make('invalid-format', `${where}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`, span, path)];
    default:
      return [make(issue.code.replace(/_/g, '-'), `${where}: ${issue.message}.`, span, path)];
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAtPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
