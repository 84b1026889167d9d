// The semantic rules, in the order their diagnostics are reported.
import { referencesRule } from './references';
import type { JourneyRule } from './ruleContext';

export const allRules: readonly JourneyRule[] = [referencesRule];
