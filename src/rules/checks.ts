import type { Check } from './check';
import type { WorkloadRuleId } from './catalogue';
import { CONSISTENCY_CHECKS } from './consistency';
import { HARDENING_CHECKS } from './hardening';
import { INVARIANT_CHECKS } from './invariants';
import { POD_SECURITY_CHECKS } from './pod-security';

/**
 * Every rule's predicate. Typed as complete records of the catalogue's ids (the rules of a workload
 * here, those of the whole input in INPUT_CHECKS): a rule without a predicate does not compile,
 * and each family's record rejects a predicate without a rule.
 */
export const CHECKS: Record<WorkloadRuleId, Check> = {
  ...INVARIANT_CHECKS,
  ...POD_SECURITY_CHECKS,
  ...HARDENING_CHECKS,
  ...CONSISTENCY_CHECKS,
};
export { INPUT_CHECKS } from './consistency';
