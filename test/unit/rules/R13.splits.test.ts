// Specification of R13 for the validator: the branches of a percentage split
// add up to 100, else an error on the split's branches (the simulator would
// have to guess how to share the missing or extra percent).
import assert from 'node:assert/strict';
import { simulate } from '../../../src/core/simulator/index';
import { baseJourney, check, expectNone, expectOne } from './helpers';

const split = (...percents: number[]) =>
  baseJourney({
    startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'p_split' }],
    points: [{ id: 'p_split', type: 'split', branches: percents.map((percent) => ({ percent, next: 'p_end' })) }, { id: 'p_end', type: 'end' }],
  });

describe('R13 split percentages', () => {
  it('R13: a split of 50 + 40 is an error on its branches, proposing 50 for the last branch', () => {
    const d = expectOne(check(split(50, 40)), { code: 'R13.split-total', rule: 'R13', severity: 'error', spanned: '"branches"' });
    assert.match(d.message, /add up to 90%, not 100%/);
    assert.deepEqual(d.data, { fix: 'setPercent', at: ['points', 0, 'branches', 1, 'percent'], percent: 50 });
  });

  it('R13: a split over 100 (70 + 40) is an error too; one whose other branches already reach 100 offers no fix', () => {
    assert.equal(expectOne(check(split(70, 40)), { code: 'R13.split-total', rule: 'R13', severity: 'error', spanned: '"branches"' }).data?.percent, 30);
    assert.equal(expectOne(check(split(60, 50, 10)), { code: 'R13.split-total', rule: 'R13', severity: 'error', spanned: '"branches"' }).data, undefined);
  });

  it('R13: splits adding up to 100 are fine, also with fractions (33.3 + 33.3 + 33.4)', () => {
    expectNone(check(split(50, 50)), 'R13.split-total');
    expectNone(check(split(33.3, 33.3, 33.4)), 'R13.split-total');
    expectNone(check(split(0.1, 99.9)), 'R13.split-total');
  });

  it('R13: the simulator, given such a split without validation, says how it read it instead of rescaling silently', () => {
    const journey = check(split(50, 40));
    const result = simulate(JSON.parse(journey.text), { formatVersion: 1, contacts: [{ id: 'c' }], events: [{ at: '2026-03-01T09:00:00Z', contact: 'c', type: 'tagAdded', tag: 'VIP' }] }, {});
    assert.ok(result.warnings.some((w) => /split "p_split" add up to 90%, not 100% \(R13\)/.test(w)), result.warnings.join('\n'));
  });
});
