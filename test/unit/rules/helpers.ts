// Helpers of the semantic-rule tests: build a small journey as an object,
// validate its pretty-printed text, and assert a diagnostic by its code,
// rule id, severity and the exact text its span covers.
import assert from 'node:assert/strict';
import type { JourneyDiagnostic } from '../../../src/core/diagnostic';
import { validateJourneyText, type ValidationOptions } from '../../../src/core/validate';

/** The instant every rule test treats as now (R10). */
export const NOW = new Date('2026-01-15T00:00:00Z');

export type JourneyObject = Record<string, unknown>;

/** The smallest journey: one starting point (tag VIP added) leading to an end. */
export function baseJourney(overrides: JourneyObject = {}): JourneyObject {
  return {
    formatVersion: 1,
    id: 'j',
    name: 'Journey',
    kind: 'trigger',
    startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'p1' }],
    points: [{ id: 'p1', type: 'end' }],
    ...overrides,
  };
}

export interface Checked {
  text: string;
  diagnostics: JourneyDiagnostic[];
}

/** Validates the journey (which must fit the schema) with `now` = NOW. */
export function check(journey: JourneyObject, options: ValidationOptions = {}): Checked {
  const text = JSON.stringify(journey, null, 2);
  const result = validateJourneyText(text, { now: NOW, ...options });
  assert.ok(result.journey, `the test journey does not fit the schema: ${JSON.stringify(result.diagnostics, null, 1)}`);
  return { text, diagnostics: result.diagnostics };
}

/** The text a diagnostic's span covers. */
export const spanned = (text: string, d: { offset: number; length: number }) => text.slice(d.offset, d.offset + d.length);

const show = (c: Checked) => JSON.stringify(c.diagnostics.map((d) => ({ code: d.code, spanned: spanned(c.text, d), message: d.message })), null, 1);

export interface Expected {
  code: string;
  rule: string;
  severity: JourneyDiagnostic['severity'];
  spanned: string;
}

/** Asserts exactly one diagnostic with the code, with that rule, severity and span; returns it. */
export function expectOne(c: Checked, expected: Expected): JourneyDiagnostic {
  const found = c.diagnostics.filter((d) => d.code === expected.code);
  assert.equal(found.length, 1, `expected one ${expected.code}, got: ${show(c)}`);
  const d = found[0]!;
  assert.deepEqual({ code: d.code, rule: d.rule, severity: d.severity, spanned: spanned(c.text, d) }, expected);
  assert.match(d.message, new RegExp(`\\(${expected.rule}[,)]|${expected.rule}\\)`), `the message names the rule: ${d.message}`);
  return d;
}

/**
 * Asserts that no diagnostic has one of the codes (or, without codes, that
 * there is none at all), and that no rule failed internally (a crash is
 * never "nothing to report").
 */
export function expectNone(c: Checked, ...codes: string[]): void {
  const found = codes.length === 0 ? c.diagnostics : c.diagnostics.filter((d) => codes.includes(d.code) || d.code.startsWith('internal.'));
  assert.deepEqual(found.map((d) => d.code), [], show(c));
}

/** The codes of the diagnostics, in order. */
export const codes = (c: Checked) => c.diagnostics.map((d) => d.code);

/** `n` journey points p1..pn in a row: waits of one day, the last an end. */
export function chain(n: number): JourneyObject[] {
  const points: JourneyObject[] = [];
  for (let i = 1; i < n; i++) points.push({ id: `p${i}`, type: 'wait', duration: 'P1D', next: `p${i + 1}` });
  points.push({ id: `p${n}`, type: 'end' });
  return points;
}

/** `n` starting points s1..sn, each on a tag added, leading to p1. */
export function startingPoints(n: number): JourneyObject[] {
  return Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, trigger: { type: 'tagAdded', tag: `T${i + 1}` }, next: 'p1' }));
}
