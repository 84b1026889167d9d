// Properties of the validator on large and hostile journeys: chains of
// 5,000-10,000 points of every kind with a zero-time loop hidden anywhere,
// floods of one repeated id, reserved names in every place a name goes.
// "A rule failed internally" is a failure, not a pass. Each property prints
// its number of cases and its seed; JOURNEY_FUZZ_SEED=n replays another seed.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import type { JourneyDiagnostic } from '../../../src/core/diagnostic';
import { RESERVED_NAMES } from '../../../src/core/reservedNames';
import { validateJourneyText } from '../../../src/core/validate';
import { baseJourney, type JourneyObject, NOW, spanned } from './helpers';

const SEED = Number(process.env['JOURNEY_FUZZ_SEED'] ?? 20261206);

/** Runs a property with the fixed (or given) seed and prints how many cases it checked. */
function check<T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, property: (value: T) => void): void {
  let cases = 0;
  try {
    fc.assert(
      fc.property(arbitrary, (value) => {
        cases++;
        property(value);
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
  } finally {
    console.log(`      ${name}: ${cases} cases, seed ${SEED} (JOURNEY_FUZZ_SEED to change)`);
  }
}

const noInternalFailure = (diagnostics: readonly JourneyDiagnostic[]) =>
  assert.deepEqual(
    diagnostics.filter((d) => d.code.startsWith('internal.') || d.code === 'schema.too-deep'),
    [],
    'no check failed internally',
  );

/** A point at index i of a forward-only journey: every successor comes later, so only the hidden loop can close a cycle. */
function forwardPoint(i: number, kind: number, next: (k: number) => string): JourneyObject {
  const id = `p${i}`;
  switch (kind % 6) {
    case 0:
      return { id, type: 'addTag', tag: `t${i % 5}`, next: next(1) };
    case 1:
      return { id, type: 'wait', duration: i % 2 ? 'PT0S' : 'P1D', next: next(1) };
    case 2:
      return { id, type: 'ifElse', condition: { type: 'hasTag', tag: 't1' }, branches: { yes: next(1), no: next(2) } };
    case 3:
      return { id, type: 'split', branches: [{ percent: 50, next: next(1) }, { percent: 50, next: next(3) }] };
    case 4:
      return { id, type: 'sendEmail', content: 'mail', next: next(1) };
    default:
      return { id, type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'P1D', branches: { yes: next(1), timeout: next(2) } };
  }
}

const hiddenLoop = fc.record({
  size: fc.integer({ min: 5_000, max: 10_000 }),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  loopLength: fc.integer({ min: 1, max: 4 }),
  kinds: fc.array(fc.nat(), { minLength: 1, maxLength: 64 }),
});

describe('fuzzing the validator with large journeys', function () {
  this.timeout(600_000);

  it('R4: a zero-time loop hidden anywhere in a 5,000-10,000-point journey is always found, once, at the reference that closes it', () => {
    check('R4 hidden loops', hiddenLoop, 12, ({ size, at, loopLength, kinds }) => {
      const loopStart = Math.floor(at * (size - loopLength));
      const points: JourneyObject[] = [];
      const last = size - 1;
      for (let i = 0; i < size; i++) {
        const next = (k: number) => `p${Math.min(i + k, last)}`;
        if (i === last) points.push({ id: `p${i}`, type: 'end' });
        else if (i >= loopStart && i < loopStart + loopLength) {
          // The loop: actions (no time) whose last leads back to the first.
          const closes = i === loopStart + loopLength - 1;
          points.push({ id: `p${i}`, type: i % 2 ? 'addTag' : 'sendEmail', ...(i % 2 ? { tag: 'looped' } : { content: 'mail' }), next: closes ? `p${loopStart}` : next(1) });
        } else points.push(forwardPoint(i, kinds[i % kinds.length]!, next));
      }
      // The point before the loop leads into it (the search finds loops whether or not they are reachable).
      if (loopStart > 0) points[loopStart - 1] = { id: `p${loopStart - 1}`, type: 'addTag', tag: 'enter', next: `p${loopStart}` };
      const journey = baseJourney({ settings: { limits: { journeyPoints: 20_000, waitForEventRules: 20_000 } }, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p0' }], points });
      const text = JSON.stringify(journey);
      const { diagnostics } = validateJourneyText(text, { now: NOW });
      noInternalFailure(diagnostics);
      const loops = diagnostics.filter((d) => d.code === 'R4.zero-time-cycle');
      assert.equal(loops.length, 1, `one loop, from p${loopStart + loopLength - 1} back to p${loopStart}`);
      assert.equal(loops[0]!.data?.['from'], `p${loopStart + loopLength - 1}`);
      assert.equal(loops[0]!.data?.['to'], `p${loopStart}`);
      assert.equal(spanned(text, loops[0]!), `"p${loopStart}"`);
    });
  });

  it('R4: floods of repeated ids (up to 30,000 points, a few ids) give one duplicate-id error per repeat and nothing internal', () => {
    const flood = fc.record({ size: fc.integer({ min: 1_000, max: 30_000 }), ids: fc.integer({ min: 1, max: 5 }), selfLoops: fc.boolean() });
    check('repeated-id floods', flood, 8, ({ size, ids, selfLoops }) => {
      const points: JourneyObject[] = [];
      for (let i = 0; i < size; i++) points.push({ id: `p${i % ids}`, type: 'addTag', tag: 'x', next: selfLoops ? `p${i % ids}` : `p${(i + 1) % ids}` });
      points.push({ id: 'end', type: 'end' });
      const { diagnostics } = validateJourneyText(JSON.stringify(baseJourney({ settings: { limits: { journeyPoints: 100_000 } }, startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p0' }], points })), { now: NOW });
      noInternalFailure(diagnostics);
      assert.equal(diagnostics.filter((d) => d.code === 'R4.duplicate-id').length, size - ids);
      assert.ok(diagnostics.some((d) => d.code === 'R4.zero-time-cycle'), 'R4: the actions loop through their ids at one instant');
    });
  });

  it('a reserved name in any place a name goes is refused at that name, and nothing else fails', () => {
    const places: ((name: string) => JourneyObject)[] = [
      (n) => baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: n }], points: [{ id: n, type: 'end' }] }),
      (n) => baseJourney({ tags: [n] }),
      (n) => baseJourney({ points: [{ id: 'p1', type: 'addTag', tag: n, next: 'p2' }, { id: 'p2', type: 'end' }] }),
      (n) => baseJourney({ fields: [{ name: n, type: 'number' }] }),
      (n) => baseJourney({ points: [{ id: 'p1', type: 'updateField', field: n, value: 1, next: 'p2' }, { id: 'p2', type: 'end' }] }),
      (n) => baseJourney({ lists: [{ id: n }] }),
      (n) => baseJourney({ segments: [{ id: n }] }),
      (n) => baseJourney({ campaigns: [{ id: n }] }),
      (n) => baseJourney({ forms: [{ id: n }] }),
      (n) => baseJourney({ content: [{ id: n, channel: 'sms', status: 'draft' }] }),
      (n) => baseJourney({ content: [{ id: 'mail', channel: 'email', status: 'draft', links: [n] }] }),
      (n) => baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'customEvent', name: n }, next: 'p1' }] }),
      (n) => baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'customEvent', name: 'e', properties: { [n]: 1 } }, next: 'p1' }] }),
      (n) => baseJourney({ layout: { [n]: { x: 0, y: 0 } } }),
      (n) => baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'api' }, filter: { type: 'any', of: [{ type: 'memberOf', list: n }] }, next: 'p1' }] }),
    ];
    const names = [...RESERVED_NAMES];
    check('reserved names', fc.tuple(fc.nat({ max: places.length - 1 }), fc.constantFrom(...names), fc.constantFrom(0, 2)), 120, ([place, name, indent]) => {
      // `{ [name]: … }` with "__proto__" sets the prototype: the key is written into the text instead.
      const text = JSON.stringify(places[place]!('\u0002'), null, indent).replace(/\\u0002/g, name);
      const { diagnostics, journey } = validateJourneyText(text, { now: NOW });
      noInternalFailure(diagnostics);
      assert.equal(journey, undefined, 'the journey is refused');
      const reserved = diagnostics.filter((d) => d.code === 'schema.reserved-name');
      assert.ok(reserved.length >= 1, JSON.stringify(diagnostics.map((d) => d.code)));
      for (const d of reserved) assert.equal(spanned(text, d), JSON.stringify(name));
    });
  });
});
