import { z } from 'zod';
import { TARGET_GROUP_LIMITS } from '../../timing/load-balancer';
import { DERIVED, PERCENT_OR_COUNT, seconds, wholeNumber, wholeNumberBetween } from './primitives';

/** Explicit values that replace derived numbers (docs/derivation.md); each one is still held to the invariants. */
const probeOverride = z
  .strictObject({
    periodSeconds: seconds(1, 'Time between probe attempts.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [10] }),
    timeoutSeconds: seconds(1, 'Time before one attempt counts as failed.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [3] }),
    failureThreshold: wholeNumber(1, 'probe attempts', 'Consecutive failures before the probe acts.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [3] }),
  })
  .meta({ title: 'ProbeTimingOverrides' });

const restartingProbeOverride = probeOverride
  .extend({
    terminationGracePeriodSeconds: seconds(1, 'Grace when this probe kills the container (probe-level terminationGracePeriodSeconds).')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [10] }),
  })
  .meta({ title: 'RestartingProbeTimingOverrides' });

const { intervalSeconds, timeoutSeconds, thresholdCount, deregistrationDelaySeconds } = TARGET_GROUP_LIMITS;
const derivedFor = (examples: unknown[]) => ({ 'x-default': DERIVED, examples });

/** The load balancer's target group settings, within the ranges its API accepts. */
const loadBalancerOverride = z
  .strictObject({
    deregistrationDelaySeconds: wholeNumberBetween(
      deregistrationDelaySeconds.min,
      deregistrationDelaySeconds.max,
      'seconds',
      'How long the load balancer lets a deregistering pod finish its requests.',
    )
      .optional()
      .meta(derivedFor([60])),
    healthCheckIntervalSeconds: wholeNumberBetween(intervalSeconds.min, intervalSeconds.max, 'seconds', 'Time between health checks.')
      .optional()
      .meta(derivedFor([10])),
    healthCheckTimeoutSeconds: wholeNumberBetween(
      timeoutSeconds.min,
      timeoutSeconds.max,
      'seconds',
      'Time before one health check counts as failed; below the interval.',
    )
      .optional()
      .meta(derivedFor([5])),
    healthyThresholdCount: wholeNumberBetween(
      thresholdCount.min,
      thresholdCount.max,
      'health checks',
      'Successful checks before a pod takes traffic.',
    )
      .optional()
      .meta(derivedFor([3])),
    unhealthyThresholdCount: wholeNumberBetween(
      thresholdCount.min,
      thresholdCount.max,
      'health checks',
      'Failed checks before the load balancer takes a pod out.',
    )
      .optional()
      .meta(derivedFor([3])),
  })
  .meta({ title: 'LoadBalancerOverrides' });

export const overrides = z
  .strictObject({
    readiness: probeOverride.optional().meta({
      description: 'Readiness-probe timings that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ timeoutSeconds: 3 }],
    }),
    liveness: restartingProbeOverride.optional().meta({
      description: 'Liveness-probe timings that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ failureThreshold: 6 }],
    }),
    startup: restartingProbeOverride.optional().meta({
      description: 'Startup-probe timings that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ periodSeconds: 5 }],
    }),
    preStopSeconds: seconds(0, 'Time the preStop hook waits before SIGTERM.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [15] }),
    terminationGracePeriodSeconds: seconds(1, 'Time from deletion to SIGKILL (pod-level grace).')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [60] }),
    minReadySeconds: seconds(0, 'Time a new pod must stay ready before it counts as available.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [10] }),
    progressDeadlineSeconds: seconds(1, 'Time a rollout may make no progress before it is marked failed.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [900] }),
    maxSurge: z
      .union([z.int().min(0), z.string().regex(new RegExp(PERCENT_OR_COUNT))])
      .optional()
      .meta({
        description: 'Extra pods a rollout may create.',
        'x-unit': 'pods, or a percentage of the replicas such as "25%"',
        'x-default': DERIVED,
        examples: [1],
        'x-rule': 'a pod count (integer) or a percentage such as "25%"',
        'x-fix': 'write 1 or "25%"',
      }),
    maxUnavailable: z
      .union([z.int().min(0), z.string().regex(new RegExp(PERCENT_OR_COUNT))])
      .optional()
      .meta({
        description: 'Pods a rollout may take down at once.',
        'x-unit': 'pods, or a percentage of the replicas such as "25%"',
        'x-default': DERIVED,
        examples: ['10%'],
        'x-rule': 'a pod count (integer) or a percentage such as "25%"',
        'x-fix': 'write 0 or "25%"',
      }),
    // A Job's own limits (kinds job and cronjob). Its retries are run.attempts, the one way to say
    // them: an overrides.backoffLimit is refused with a pointer there (schema-problems.ts), so that
    // the attempts a deadline is derived from and the retries the Job makes can never disagree.
    activeDeadlineSeconds: seconds(
      1,
      "The Job's deadline (kinds job and cronjob): how long the whole Job, every attempt and the back-off between them, may run before it is failed. When run.attempts is left out, as many attempts (up to 3) are made as fit in it.",
    )
      .optional()
      .meta({ 'x-default': DERIVED, examples: [3600] }),
    startingDeadlineSeconds: seconds(
      10,
      'How late after its scheduled time a missed run may still start (kind cronjob). At least 10: the CronJob controller looks for due runs every 10 s, so a shorter deadline may miss a run it was on time for.',
    )
      .optional()
      .meta({ 'x-default': DERIVED, examples: [300] }),
    ttlSecondsAfterFinished: seconds(
      0,
      "How long a finished Job and its pods are kept before the TTL controller deletes them (kinds job and cronjob; a cronjob's Jobs are otherwise kept by its history limits).",
    )
      .optional()
      .meta({ 'x-default': 'a week (604800) for a job; none for a cronjob, whose history limits delete its Jobs', examples: [86400] }),
    loadBalancer: loadBalancerOverride.optional().meta({
      description:
        'Target group settings of the configured load balancer (an aws-alb Ingress or an aws-nlb LoadBalancer Service) that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ deregistrationDelaySeconds: 60 }],
    }),
  })
  .meta({
    title: 'TimingOverrides',
    description:
      'Explicit values that replace derived ones. An override that breaks an invariant is rejected unless `acknowledge` gives a reason.',
  });
