// The semantic rules, in the order their diagnostics are reported: one
// module per concern, each naming the rule of src/core/semantics.md it
// enforces.
import { actionsRule } from './actions';
import { consentRule } from './consentRules';
import { filtersRule } from './filterRules';
import { limitsRule } from './limits';
import { publicationRule } from './frozenVersions';
import { publishReadinessRule } from './publishReadiness';
import { reachabilityRule } from './reachability';
import { referencesRule } from './references';
import type { JourneyRule } from './ruleContext';
import { segmentEntryRule } from './segmentEntry';
import { splitsRule } from './splits';
import { timingRule } from './timing';
import { triggersRule } from './triggers';
import { waitForEventRule } from './waitForEvent';

export const allRules: readonly JourneyRule[] = [
  referencesRule, // R4: unique ids, successors resolve
  reachabilityRule, // R4: reachable points, no zero-time cycles
  actionsRule, // R4: tags and fields of actions
  limitsRule, // R1: plan limits
  triggersRule, // R2: trigger names
  filtersRule, // R3: filters
  timingRule, // R10: time zones, wait-until instants
  waitForEventRule, // R11 (and R16 exit events)
  splitsRule, // R13: split percentages add up to 100
  consentRule, // R17: consent
  segmentEntryRule, // R19: segment journeys
  publishReadinessRule, // R21: ready content
  publicationRule, // R22: frozen versions
];
