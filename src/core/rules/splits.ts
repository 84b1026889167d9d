// R13: the branches of a percentage split add up to 100. A split of 50 + 40
// is an error on its branches (the simulator would otherwise have to guess:
// rescale, or send the missing 10% nowhere), with a fix that sets the last
// branch to what makes the total 100 when that is a valid percentage.
import type { JourneyRule } from './ruleContext';

/** Percentages are compared with this tolerance, so 33.3 + 33.3 + 33.4 is 100. */
const TOLERANCE = 1e-9;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

export const splitsRule: JourneyRule = {
  rule: 'R13',
  title: 'split percentages add up to 100',
  check(ctx) {
    ctx.journey.points.forEach((point, i) => {
      if (point.type !== 'split') return;
      const percents = point.branches.map((b) => b.percent);
      const total = percents.reduce((a, b) => a + b, 0);
      if (Math.abs(total - 100) <= TOLERANCE) return;
      const last = percents.length - 1;
      const lastPercent = round(100 - percents.slice(0, last).reduce((a, b) => a + b, 0));
      const fixable = lastPercent > 0 && lastPercent <= 100;
      ctx.report({
        code: 'R13.split-total',
        rule: 'R13',
        severity: 'error',
        message:
          `The branches of split "${point.id}" add up to ${round(total)}%, not 100% (${percents.join(' + ')}): every contact must take exactly one branch (R13). ` +
          (fixable ? `Set the last branch to ${lastPercent}%, or change the others.` : 'Lower the percentages so they add up to 100.'),
        path: ['points', i, 'branches'],
        on: 'key',
        ...(fixable ? { data: { fix: 'setPercent', at: ['points', i, 'branches', last, 'percent'], percent: lastPercent } } : {}),
      });
    });
  },
};
