import type { Check } from './check';
import type { RuleId } from './catalogue';
import { HARDENING_CHECKS } from './hardening';
import { INVARIANT_CHECKS } from './invariants';
import { POD_SECURITY_CHECKS } from './pod-security';

/**
 * Every rule's predicate. Typed as a complete record of the catalogue's ids: a rule without a
 * predicate does not compile, and each family's record rejects a predicate without a rule.
 */
export const CHECKS: Record<RuleId, Check> = { ...INVARIANT_CHECKS, ...POD_SECURITY_CHECKS, ...HARDENING_CHECKS };
