// Specification of a point's queue order in a snapshot (#16,
// src/core/simulator/queueOrder.ts): R14, contacts in order of arrival,
// those arriving at one instant in contact order, exactly as a stable sort
// by arrival instant gives, for any instants (close together, years apart,
// fractions, far beyond what one number can pack with a position).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../support/propertySeed'; // the fixed, printed property seed (JOURNEY_PROPERTY_SEED overrides it)
import { inArrivalOrder } from '../../../src/core/simulator/queueOrder';

describe('queue order in a snapshot (#16)', () => {
  const instants = fc.oneof(
    fc.integer({ min: 1_767_225_600_000, max: 1_767_225_600_000 + 5 * 86_400_000 }), // a few days of ms
    fc.constantFrom(0, 1_000, 8.64e15, -8.64e15), // the ends of the range: too far apart to pack
    fc.double({ min: 0, max: 1e6, noNaN: true }), // fractions
  );

  it('R14: by arrival instant, ties in contact order: the same as a stable comparator sort', () => {
    fc.assert(
      fc.property(fc.array(instants, { maxLength: 300 }), fc.boolean(), (arrivals, narrow) => {
        // Contacts 0..n-1 arriving at arrivals[c] (narrow: a handful of instants, many ties).
        const at = narrow ? arrivals.map((t) => Math.floor(Math.abs(t)) % 4) : arrivals;
        const contacts = at.map((_, c) => c);
        const expected = [...contacts].sort((a, b) => at[a]! - at[b]!);
        assert.deepEqual(inArrivalOrder([...contacts], (c) => at[c]!), expected);
      }),
      { numRuns: 500 },
    );
  });

  it('R14: contacts arriving 2^52 ms apart (beyond what one number packs with a position) keep their order', () => {
    const far = 2 ** 52;
    assert.deepEqual(inArrivalOrder([0, 1], (c) => (c === 0 ? 0 : far)), [0, 1]);
    assert.deepEqual(inArrivalOrder([0, 1, 2], (c) => (c === 1 ? 0 : far / 2)), [1, 0, 2]);
  });
});
