import type { Timings } from '../../timing/types';
import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';

/**
 * A target group's own rule, checked on the derived settings: the health check timeout is shorter
 * than the interval (Elastic Load Balancing refuses the target group otherwise). The derived
 * interval always exceeds the timeout; only overrides can break it. templates/_load-balancer.tpl
 * mirrors it.
 */
export function targetGroupProblem(spec: EffectiveSpec, timings: Timings): Problem | undefined {
  const healthCheck = timings.loadBalancer?.healthCheck;
  if (healthCheck === undefined || healthCheck.timeoutSeconds < healthCheck.intervalSeconds) return undefined;
  const { timeoutSeconds: timeout, intervalSeconds: interval } = healthCheck;
  const overridden = spec.overrides.loadBalancer ?? {};
  const field = overridden.healthCheckIntervalSeconds !== undefined ? 'healthCheckIntervalSeconds' : 'healthCheckTimeoutSeconds';
  return {
    path: `overrides.loadBalancer.${field}`,
    value: overridden[field],
    rule: `a target group's health check timeout must be shorter than its interval (timeout ${timeout} s, interval ${interval} s)`,
    fix: `lower overrides.loadBalancer.healthCheckTimeoutSeconds to at most ${interval - 1}, or raise overrides.loadBalancer.healthCheckIntervalSeconds to at least ${timeout + 1}`,
  };
}
