import type { ResolvedWorkload } from '../declaration/resolve';
import { effectiveInterval } from '../timing/derive';
import type { ProbeTimings } from '../timing/types';

/**
 * The derivation in five short lines (six with a load balancer), for the Deployment's annotation: a reviewer sees a timing
 * change and its cause in the same diff. Wording stays neutral (no "covers"), because an
 * acknowledged override may make a comparison fail on purpose. The Helm templates render the
 * same text (`templates/_annotations.tpl`).
 */
export function timingSummary(workload: ResolvedWorkload): string {
  const { timings, probes } = workload;
  const window = (name: string, present: boolean, probe: ProbeTimings) =>
    present
      ? `${name}: window ${probe.windowSeconds}s (${effectiveInterval(probe.periodSeconds, probe.timeoutSeconds)}s x ${probe.failureThreshold}), timeout ${probe.timeoutSeconds}s`
      : `${name}: none`;
  const { preStop, drainSeconds, terminationGracePeriodSeconds: grace, rollout } = timings;
  const margin = grace - preStop.seconds - drainSeconds;
  const loadBalancer = timings.loadBalancer;
  const healthCheck = loadBalancer?.healthCheck;
  return [
    `${window('startup', probes.startup !== undefined, timings.startup)}, max start ${timings.startupMaxSeconds}s`,
    window('readiness', probes.readiness !== undefined, timings.readiness),
    `${window('liveness', probes.liveness !== undefined, timings.liveness)}, propagation ${timings.propagationSeconds}s`,
    `shutdown: preStop ${preStop.seconds}s (${preStop.mechanism}) + drain ${drainSeconds}s + margin ${margin}s = grace ${grace}s`,
    `rollout: maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}, minReadySeconds ${rollout.minReadySeconds}, progressDeadlineSeconds ${rollout.progressDeadlineSeconds}`,
    ...(loadBalancer && healthCheck
      ? [
          `load balancer (${loadBalancer.kind}): health check window ${healthCheck.windowSeconds}s (${healthCheck.intervalSeconds}s x ${healthCheck.unhealthyThresholdCount}), timeout ${healthCheck.timeoutSeconds}s, healthy after ${healthCheck.healthyThresholdCount}; deregistration delay ${loadBalancer.deregistrationDelaySeconds}s`,
        ]
      : []),
  ].join('\n');
}

/**
 * The declared times the invariants compare against, machine-readable, so that `check` can verify
 * a synthesized manifest without its declaration. `preStopSeconds` is included only when the delay
 * cannot be read from the hook itself (an httpGet hook, or a delay inside the application).
 */
export function declaredTimes(workload: ResolvedWorkload): string {
  const { timings } = workload;
  const hidden = timings.preStop.mechanism === 'http' || timings.preStop.mechanism === 'app';
  return [
    `startupMaxSeconds=${timings.startupMaxSeconds}`,
    `drainSeconds=${timings.drainSeconds}`,
    `propagationSeconds=${timings.propagationSeconds}`,
    ...(hidden ? [`preStopSeconds=${timings.preStop.seconds}`] : []),
  ].join(' ');
}
