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

/** A journey built for one case: a trigger journey unless `kind` says segment. */
function journeyOf(parts: Record<string, unknown>): Journey {
  return Journey.parse({
    formatVersion: 1,
    id: 'j',
    name: 'Spring sale',
    kind: 'trigger',
    startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 't' }, next: 'done' }],
    points: [{ id: 'done', type: 'end' }],
    ...parts,
  });
}
const segmentJourney = (segmentEntry: Record<string, unknown>, settings?: Record<string, unknown>) =>
  journeyOf({ kind: 'segment', segmentEntry, ...(settings ? { settings } : {}), startingPoints: [{ id: 'sp', trigger: { type: 'segmentEntered', segment: 'vips' }, next: 'done' }] });
const utc = (iso: string) => new Date(`${iso}Z`);

describe('the publish confirmation: past instants (R21, R19, R10)', () => {
  it('R19: a segment start at the very moment of publishing is already past, one minute before it is not', () => {
    const j = segmentJourney({ segment: 'vips', start: '2026-05-04T10:00', timeZone: 'UTC' });
    assert.deepEqual(pastInstantWarnings(j, utc('2026-05-04T10:00')), ['The segment start (2026-05-04T10:00 UTC) is already past: the first entry of "vips" runs at once when the journey is published (R19).']);
    assert.deepEqual(pastInstantWarnings(j, utc('2026-05-04T09:59')), []);
  });

  it('R19: a segment entry without a segment id names "the segment"', () => {
    const j = segmentJourney({ start: '2026-05-04T10:00', timeZone: 'UTC' });
    assert.deepEqual(pastInstantWarnings(j, utc('2026-05-05T00:00')), ['The segment start (2026-05-04T10:00 UTC) is already past: the first entry of "the segment" runs at once when the journey is published (R19).']);
  });

  it('R19: a recurring schedule whose end is at or before the moment of publishing enters no one; one without an end, or a one-time schedule, never ends', () => {
    const ended = segmentJourney({ segment: 'vips', schedule: { type: 'recurring', every: 'P1D', until: '2026-06-01T00:00' }, timeZone: 'UTC' });
    assert.deepEqual(pastInstantWarnings(ended, utc('2026-06-01T00:00')), ['The recurring schedule ended on 2026-06-01T00:00 UTC: no run will enter anyone (R19).']);
    assert.deepEqual(pastInstantWarnings(ended, utc('2026-05-31T23:59')), []);
    const endless = segmentJourney({ segment: 'vips', schedule: { type: 'recurring', every: 'P1D' }, timeZone: 'UTC' });
    assert.deepEqual(pastInstantWarnings(endless, utc('2030-01-01T00:00')), []);
    for (const type of ['oneTimeStatic', 'oneTimeRolling']) assert.deepEqual(pastInstantWarnings(segmentJourney({ segment: 'vips', schedule: { type } }), utc('2030-01-01T00:00')), [], type);
  });

  it('R19: a segment entry left in a trigger journey enters no one, so its past start is no warning', () => {
    const j = journeyOf({ segmentEntry: { segment: 'vips', start: '2026-05-04T10:00', timeZone: 'UTC' } });
    assert.deepEqual(pastInstantWarnings(j, utc('2026-06-01T00:00')), []);
  });

  it('R19: the segment entry\'s own time zone comes first, then the journey\'s, then UTC; a zone that is not an IANA name is read as UTC', () => {
    // 10:00 in Berlin (winter, UTC+1) is 09:00 UTC; in New York (UTC-5) it is 15:00 UTC.
    const start = { segment: 'vips', start: '2026-01-10T10:00' };
    const own = segmentJourney({ ...start, timeZone: 'Europe/Berlin' }, { timeZone: 'America/New_York' });
    assert.equal(pastInstantWarnings(own, utc('2026-01-10T09:00'))[0], 'The segment start (2026-01-10T10:00 Europe/Berlin) is already past: the first entry of "vips" runs at once when the journey is published (R19).');
    assert.deepEqual(pastInstantWarnings(own, utc('2026-01-10T08:59')), []);
    const journeys = segmentJourney(start, { timeZone: 'America/New_York' });
    assert.deepEqual(pastInstantWarnings(journeys, utc('2026-01-10T14:59')), []);
    assert.match(pastInstantWarnings(journeys, utc('2026-01-10T15:00'))[0] ?? '', /\(2026-01-10T10:00 America\/New_York\)/);
    for (const j of [segmentJourney(start), segmentJourney({ ...start, timeZone: 'Mars/Olympus_Mons' }, { timeZone: 'Europe/Berlin' })]) {
      assert.deepEqual(pastInstantWarnings(j, utc('2026-01-10T09:59')), []);
      assert.match(pastInstantWarnings(j, utc('2026-01-10T10:00'))[0] ?? '', /\(2026-01-10T10:00 UTC\)/);
    }
  });

  it('R10: a wait-until at or before the moment of publishing lets contacts through at once (named by its title, else its id, in its own time zone); later ones and other points say nothing', () => {
    const j = journeyOf({
      settings: { timeZone: 'Europe/Berlin' },
      points: [
        { id: 'mail', type: 'sendEmail', content: 'c', next: 'launch' },
        { id: 'launch', type: 'waitUntil', title: 'Launch day', at: '2026-05-12T09:00', timeZone: 'UTC', next: 'berlin' },
        { id: 'berlin', type: 'waitUntil', at: '2026-05-12T09:00', next: 'later' },
        { id: 'later', type: 'waitUntil', at: '2026-05-13T09:00', timeZone: 'UTC', next: 'done' },
        { id: 'done', type: 'end' },
      ],
    });
    // 09:00 in Berlin (summer, UTC+2) is 07:00 UTC.
    assert.deepEqual(pastInstantWarnings(j, utc('2026-05-12T06:59')), []);
    assert.deepEqual(pastInstantWarnings(j, utc('2026-05-12T07:00')), ['"berlin" waits until 2026-05-12T09:00 Europe/Berlin, which is already past: contacts that reach it go on at once (R10).']);
    assert.deepEqual(pastInstantWarnings(j, utc('2026-05-12T09:00')), [
      '"Launch day" waits until 2026-05-12T09:00 UTC, which is already past: contacts that reach it go on at once (R10).',
      '"berlin" waits until 2026-05-12T09:00 Europe/Berlin, which is already past: contacts that reach it go on at once (R10).',
    ]);
  });
});

describe('the publish confirmation: what publishing does and every warning (R21)', () => {
  const diagnostic = (severity: 'error' | 'warning' | 'information', message: string) => ({ code: 'x', rule: 'R21' as const, severity, message, offset: 0, length: 0, path: [] });

  it('R21, R22: a trigger journey: version frozen, where it is written (without a service when none is written), its triggers enter contacts', () => {
    const c = publishConfirmation(journeyOf({}), 2, [], utc('2026-01-01T00:00'), { output: 'published/j', service: false });
    assert.deepEqual(c, {
      question: 'Publish "Spring sale" as version 2?',
      consequences: [
        'Version 2 is frozen: it can no longer be edited; changes need a new version (R22).',
        'The compiled journey and this version\'s source are written to published/j.',
        'Once the service runs, every trigger of its starting points enters contacts.',
      ],
      warnings: [],
    });
  });

  it('R21, R19: a segment journey: the segment schedule enters its members', () => {
    const c = publishConfirmation(segmentJourney({ segment: 'vips' }), 1, [], utc('2026-01-01T00:00'), { output: 'out', service: true });
    assert.deepEqual(c.consequences.slice(1), ['The compiled journey and this version\'s source are written to out, with the Restate service that runs it.', 'Once the service runs, the segment schedule enters its members.']);
  });

  it('R21: lists the validator\'s warnings (not its errors or notes), in order, then the past instants', () => {
    const j = segmentJourney({ segment: 'vips', start: '2026-05-04T10:00', timeZone: 'UTC' });
    const now = utc('2026-06-01T00:00');
    const c = publishConfirmation(j, 1, [diagnostic('warning', 'first'), diagnostic('error', 'an error'), diagnostic('information', 'a note'), diagnostic('warning', 'second')], now, { output: 'out', service: true });
    assert.deepEqual(c.warnings, ['first', 'second', ...pastInstantWarnings(j, now)]);
    assert.equal(c.warnings.length, 3);
  });

  it('R21: the text lists the consequences, then "No warnings.", "1 warning:" or "N warnings:" with each warning on its own line', () => {
    const consequences = ['Does one thing.', 'Does another.'];
    assert.equal(confirmationText({ question: 'Q?', consequences, warnings: [] }), 'Does one thing.\nDoes another.\n\nNo warnings.');
    assert.equal(confirmationText({ question: 'Q?', consequences, warnings: ['Mind this.'] }), 'Does one thing.\nDoes another.\n\n1 warning:\n- Mind this.');
    assert.equal(confirmationText({ question: 'Q?', consequences, warnings: ['Mind this.', 'And that.'] }), 'Does one thing.\nDoes another.\n\n2 warnings:\n- Mind this.\n- And that.');
  });
});
