import { ceilDiv, clamp } from './arithmetic';
import type { LoadBalancerKind, LoadBalancerOverrides, LoadBalancerTimings, ProbeTimings } from './types';

/**
 * The target group settings of the load balancer in front of the pods, derived from the same
 * timings as the pods themselves (docs/derivation.md, "Load balancer"). Pure, like derive.ts,
 * which calls it with its `decide` so that every number is explained the same way.
 *
 * Only the AWS Load Balancer Controller's load balancers with IP targets are configured: there the
 * target is the pod itself, so its deregistration follows the pod's deletion and its health check
 * reaches the pod's readiness endpoint. The controller's default deregistration delay is 300 s
 * whatever the pod's grace period is
 * (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-group-attributes).
 */

/**
 * What a target group accepts (Elastic Load Balancing API reference, CreateTargetGroup and
 * ModifyTargetGroupAttributes: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html):
 * the interval 5–300 s, the timeout 2–120 s and below the interval, both thresholds 2–10 checks,
 * the deregistration delay 0–3600 s.
 */
export const TARGET_GROUP_LIMITS = {
  intervalSeconds: { min: 5, max: 300 },
  timeoutSeconds: { min: 2, max: 120 },
  thresholdCount: { min: 2, max: 10 },
  deregistrationDelaySeconds: { min: 0, max: 3600 },
} as const;

type Rule = { formula: string; inputs: Record<string, number | string>; reason: string; compute: () => number };
/** derive.ts's `decide`: takes the override when there is one, else the rule, and records which. */
export type Decide = (key: string, override: number | undefined, rule: Rule, overrideField: string) => number;

export interface LoadBalancerInput {
  readonly kind: LoadBalancerKind;
  /** The preStop delay and the drain: how long the pod may still be finishing requests after deletion. */
  readonly preStopSeconds: number;
  readonly drainSeconds: number;
  readonly readiness: ProbeTimings;
  readonly overrides: LoadBalancerOverrides;
}

const {
  intervalSeconds: INTERVAL,
  timeoutSeconds: TIMEOUT,
  thresholdCount: THRESHOLD,
  deregistrationDelaySeconds: DELAY,
} = TARGET_GROUP_LIMITS;

export function deriveLoadBalancer(decide: Decide, input: LoadBalancerInput): LoadBalancerTimings {
  const { overrides, readiness } = input;
  const key = (name: string) => `loadBalancer.${name}`;
  const overrideField = (name: string) => `loadBalancer.${name}`;

  const D = input.drainSeconds;
  const preStop = input.preStopSeconds;
  const deregistrationDelaySeconds = decide(
    key('deregistrationDelaySeconds'),
    overrides.deregistrationDelaySeconds,
    {
      formula: `min(${DELAY.max}, preStop + D)`,
      inputs: { preStop, D },
      reason:
        'The load balancer lets a deregistering pod finish its requests for as long as the pod may still be serving (the preStop delay and the drain), and lets go before SIGKILL.',
      compute: () => Math.min(DELAY.max, preStop + D),
    },
    overrideField('deregistrationDelaySeconds'),
  );

  const T_r = readiness.timeoutSeconds;
  const p_r = readiness.periodSeconds;
  const W_r = readiness.windowSeconds;
  const timeoutSeconds = decide(
    key('healthCheck.timeoutSeconds'),
    overrides.healthCheckTimeoutSeconds,
    {
      formula: `clamp(T_r, ${TIMEOUT.min}, ${TIMEOUT.max})`,
      inputs: { T_r },
      reason: 'Waits as long for an answer as readiness does, so the load balancer never fails a pod that readiness passes.',
      compute: () => clamp(T_r, TIMEOUT.min, TIMEOUT.max),
    },
    overrideField('healthCheckTimeoutSeconds'),
  );
  const intervalSeconds = decide(
    key('healthCheck.intervalSeconds'),
    overrides.healthCheckIntervalSeconds,
    {
      formula: `clamp(max(p_r, T_lb + 1, ceil(W_r / ${THRESHOLD.max})), ${INTERVAL.min}, ${INTERVAL.max})`,
      inputs: { p_r, T_lb: timeoutSeconds, W_r },
      reason: `As often as readiness, longer than its own timeout (a target group requires it), and long enough that ${THRESHOLD.max} failed checks (the most a target group counts) span the readiness window.`,
      compute: () => clamp(Math.max(p_r, timeoutSeconds + 1, ceilDiv(W_r, THRESHOLD.max)), INTERVAL.min, INTERVAL.max),
    },
    overrideField('healthCheckIntervalSeconds'),
  );
  const unhealthyThresholdCount = decide(
    key('healthCheck.unhealthyThresholdCount'),
    overrides.unhealthyThresholdCount,
    {
      formula: `clamp(ceil(W_r / I), ${THRESHOLD.min}, ${THRESHOLD.max})`,
      inputs: { W_r, I: intervalSeconds },
      reason:
        "The load balancer's window (interval × threshold) reaches the readiness window: it never takes a pod out sooner than readiness would.",
      compute: () => clamp(ceilDiv(W_r, intervalSeconds), THRESHOLD.min, THRESHOLD.max),
    },
    overrideField('unhealthyThresholdCount'),
  );
  const healthyThresholdCount = decide(
    key('healthCheck.healthyThresholdCount'),
    overrides.healthyThresholdCount,
    {
      formula: `${THRESHOLD.min}`,
      inputs: {},
      reason:
        'The fewest successful checks a target group accepts: a new pod takes traffic as soon as the load balancer has seen it healthy (with pod readiness gates, the rollout waits for exactly that).',
      compute: () => THRESHOLD.min,
    },
    overrideField('healthyThresholdCount'),
  );

  return {
    kind: input.kind,
    deregistrationDelaySeconds,
    healthCheck: {
      intervalSeconds,
      timeoutSeconds,
      healthyThresholdCount,
      unhealthyThresholdCount,
      windowSeconds: intervalSeconds * unhealthyThresholdCount,
    },
  };
}
