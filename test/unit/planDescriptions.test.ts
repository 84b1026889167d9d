// R1: one source for plan limits. The descriptions of the
// journeyDesigner.defaultPlan setting (package.json, what VS Code's
// Settings editor shows) must say what the validator enforces, which is
// PLAN_LIMITS in src/core/platformLimits.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_LIMITS, planSummary } from '../../src/core/platformLimits';
import type { Plan } from '../../src/core/schema';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { enum: Plan[]; enumDescriptions: string[] }> } };
};
const setting = manifest.contributes.configuration.properties['journeyDesigner.defaultPlan']!;

describe('R1: the default-plan setting describes the limits the validator enforces', () => {
  it('R1: offers every plan of the limits table, each described by its limits', () => {
    assert.deepEqual([...setting.enum].sort(), Object.keys(PLAN_LIMITS).sort());
    setting.enum.forEach((plan, i) => assert.equal(setting.enumDescriptions[i], planSummary(plan), `the description of ${plan}`));
  });

  it('R1: Premium is described with its 100-journey-point limit, as the validator enforces it', () => {
    assert.match(planSummary('premium'), /100 journey points/);
  });
});
