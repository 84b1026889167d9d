// Specification of the confirmation publishing asks for (R21): it says what
// publishing will do and lists every warning, including instants that are
// already past at the moment of publishing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confirmationText, pastInstantWarnings, publishConfirmation } from '../../src/core/publishConfirmation';
import { Journey } from '../../src/core/schema';
import { validateJourneyText } from '../../src/core/validate';

const SAMPLES = join(__dirname, '../../samples');
const sample = (name: string) => readFileSync(join(SAMPLES, `${name}.journey.json`), 'utf8');

describe('the publish confirmation (R21)', () => {
  // The Dynamics sample starts its segment on a fixed local date-time and waits until a launch instant.
  const text = sample('dynamics-product-announcement');
  const journey = Journey.parse(JSON.parse(text));
  const entry = journey.segmentEntry!;
  const waitUntil = journey.points.find((p) => p.type === 'waitUntil')!;
  assert.ok(entry.start && waitUntil.type === 'waitUntil');

  it('R21 warns, seven months later, that the segment start and the wait-until are already past', () => {
    const later = new Date(Date.parse(`${waitUntil.at}Z`) + 7 * 30 * 86_400_000);
    const warnings = pastInstantWarnings(journey, later);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0]!, new RegExp(`segment start \\(${entry.start}.*already past.*runs at once`));
    assert.match(warnings[1]!, new RegExp(`waits until ${waitUntil.at}.*already past.*go on at once`));
  });

  it('R21 has no past-instant warning before the segment starts', () => {
    const before = new Date(Date.parse(`${entry.start}Z`) - 2 * 86_400_000);
    assert.deepEqual(pastInstantWarnings(journey, before), []);
  });

  it('R21 says what will happen and lists the validator\'s warnings with the past instants', () => {
    const now = new Date(Date.parse(`${waitUntil.at}Z`) + 86_400_000);
    const { diagnostics } = validateJourneyText(text, { now });
    const validatorWarnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
    const c = publishConfirmation(journey, 3, diagnostics, now, { output: 'published/x', service: true });
    assert.equal(c.question, `Publish "${journey.name}" as version 3?`);
    assert.match(c.consequences.join('\n'), /Version 3 is frozen/);
    assert.match(c.consequences.join('\n'), /published\/x, with the Restate service/);
    assert.deepEqual(c.warnings, [...validatorWarnings, ...pastInstantWarnings(journey, now)]);
    const shown = confirmationText(c);
    for (const w of c.warnings) assert.ok(shown.includes(w));
    assert.match(shown, new RegExp(`${c.warnings.length} warnings?:`));
  });
});
