import type { InvariantResult } from '../../invariants/check';
import { API_DEFAULTS, type EphemeralStorageFacts, type WorkloadFacts } from '../../invariants/facts';
import { memoryBytes } from '../quantities';
import type { ContainerTimings, ProbeTimings, Rollout, Timings } from '../../timing/types';
import type { Problem } from '../errors';
import { inDeclarationFields } from '../fix-fields';
import { attemptFit } from '../../timing/kinds/job';
import { CONTROLLER_CHECK_SECONDS, minutesApartFor } from '../../timing/kinds/cronjob';
import { ACKNOWLEDGEABLE_INVARIANTS, acknowledgementKey, type InvariantId } from '../ids';
import type { EffectiveSpec } from '../presets';
import { SCRATCH_SIZE_DEFAULT } from '../schema/volumes';
import { describeHandler, type ResolvedProbe } from '../probes';
import type { Replicas, ResolvedWorkload } from './index';
import type { ResolvedResources } from './resources';
import type { ResolvedLoadBalancer } from './routes';

/**
 * The invariants as a declaration sees them: the facts they read, straight from the derivation, and
 * a violation turned into a problem reported under the field that caused it.
 */

export function isAcknowledgeable(id: InvariantId): id is (typeof ACKNOWLEDGEABLE_INVARIANTS)[number] {
  return (ACKNOWLEDGEABLE_INVARIANTS as readonly string[]).includes(id);
}

function probeFacts(timings: ProbeTimings, probe: ResolvedProbe, grace?: number) {
  return {
    periodSeconds: timings.periodSeconds,
    timeoutSeconds: timings.timeoutSeconds,
    failureThreshold: timings.failureThreshold,
    successThreshold: timings.successThreshold,
    terminationGracePeriodSeconds: grace,
    handler: describeHandler(probe),
  };
}

/** The facts the invariants read, straight from the derivation (before any object exists). */
export function factsOf(
  timings: Timings,
  probes: ResolvedWorkload['probes'],
  replicas: Replicas,
  loadBalancer?: ResolvedLoadBalancer,
  ephemeralStorage?: EphemeralStorageFacts,
): WorkloadFacts {
  const count = replicas.mode === 'fixed' ? replicas.count : replicas.min;
  const derived = timings.loadBalancer;
  return {
    subject: 'declaration',
    servesTraffic: timings.servesTraffic,
    readiness: probes.readiness && probeFacts(timings.readiness, probes.readiness),
    liveness: probes.liveness && probeFacts(timings.liveness, probes.liveness, timings.liveness.terminationGracePeriodSeconds),
    startup: probes.startup && probeFacts(timings.startup, probes.startup, timings.startup.terminationGracePeriodSeconds),
    preStopSeconds: timings.preStop.seconds,
    terminationGracePeriodSeconds: timings.terminationGracePeriodSeconds,
    replicas: count,
    ...rolloutFacts(timings.rollout),
    podDisruptionBudget: count >= 2 ? { maxUnavailable: 1 } : undefined,
    loadBalancers:
      loadBalancer && derived
        ? [
            {
              subject: loadBalancer.kind === 'aws-alb' ? 'ALB' : 'NLB',
              kind: loadBalancer.kind,
              deregistrationDelaySeconds: derived.deregistrationDelaySeconds,
              healthCheck: {
                protocol: loadBalancer.healthCheck.grpc ? 'GRPC' : loadBalancer.healthCheck.protocol,
                path: loadBalancer.healthCheck.path,
                intervalSeconds: derived.healthCheck.intervalSeconds,
                timeoutSeconds: derived.healthCheck.timeoutSeconds,
                unhealthyThresholdCount: derived.healthCheck.unhealthyThresholdCount,
              },
            },
          ]
        : [],
    ...containerFacts(timings.containers),
    ...(timings.job
      ? {
          job: {
            activeDeadlineSeconds: timings.job.activeDeadlineSeconds,
            backoffLimit: timings.job.backoffLimit,
            attemptDeadlineSeconds: timings.job.attemptDeadlineSeconds,
          },
        }
      : {}),
    ...(timings.cronJob
      ? {
          cronJob: {
            cron: timings.cronJob.cron,
            ...(timings.cronJob.timeZone !== undefined ? { timeZone: timings.cronJob.timeZone } : {}),
            concurrencyPolicy: timings.cronJob.concurrencyPolicy,
            startingDeadlineSeconds: timings.cronJob.startingDeadlineSeconds,
          },
        }
      : {}),
    ephemeralStorage,
  };
}

/**
 * The pod's node disk as the objects will have it (invariant 19): the ephemeral-storage limits of
 * the application's container and its sidecars (each the main container's resources unless it
 * declares its own), and the pod's emptyDirs on disk, /tmp and the scratch folders.
 */
export function ephemeralStorageFactsOf(
  spec: EffectiveSpec,
  containers: ReadonlyArray<{ readonly name: string; readonly resources: ResolvedResources }>,
): EphemeralStorageFacts {
  const size = (name: string, quantity: string) => ({ name, quantity, bytes: memoryBytes(quantity) });
  const limits = containers.flatMap(({ name, resources }) =>
    resources.ephemeralStorage?.limit !== undefined ? [size(name, resources.ephemeralStorage.limit)] : [],
  );
  const scratch = spec.scratch ?? {};
  const folders = [
    ...(spec.tmp.medium === 'memory' ? [] : [size('tmp', spec.tmp.sizeLimit)]),
    ...Object.keys(scratch)
      .sort()
      .filter((key) => scratch[key]!.medium !== 'memory')
      .map((key) => size(`scratch-${key}`, scratch[key]!.sizeLimit ?? SCRATCH_SIZE_DEFAULT)),
  ];
  return { limits, folders };
}

/**
 * The rollout as the invariants read it. A StatefulSet replaces one pod at a time, removing it first
 * (maxUnavailable 1, no surge); neither it nor a DaemonSet has a progress deadline (the API's
 * default stands in): the invariants that do not apply to a controller are not applied to it
 * (the check catalogue's kinds).
 */
function rolloutFacts(
  rollout: Rollout,
): Pick<WorkloadFacts, 'maxSurge' | 'maxUnavailable' | 'minReadySeconds' | 'progressDeadlineSeconds'> {
  if (rollout.controller === 'Deployment') {
    const { maxSurge, maxUnavailable, minReadySeconds, progressDeadlineSeconds } = rollout;
    return { maxSurge, maxUnavailable, minReadySeconds, progressDeadlineSeconds };
  }
  if (rollout.controller === 'DaemonSet') {
    const { maxSurge, maxUnavailable, minReadySeconds } = rollout;
    return { maxSurge, maxUnavailable, minReadySeconds, progressDeadlineSeconds: API_DEFAULTS.progressDeadlineSeconds };
  }
  if (rollout.controller === 'Job' || rollout.controller === 'CronJob') {
    // Nothing is rolled out: no rollout invariant applies to a Job (the catalogue's kinds), these only keep the facts whole.
    return { maxSurge: 0, maxUnavailable: 1, minReadySeconds: 0, progressDeadlineSeconds: API_DEFAULTS.progressDeadlineSeconds };
  }
  return {
    maxSurge: 0,
    maxUnavailable: 1,
    minReadySeconds: rollout.minReadySeconds,
    progressDeadlineSeconds: API_DEFAULTS.progressDeadlineSeconds,
  };
}

/** Init phase, sidecars and mesh proxy, straight from the derivation. */
function containerFacts({ initContainers, sidecarMode, sidecars, mesh }: ContainerTimings): Partial<WorkloadFacts> {
  const gating = sidecarMode === 'native' ? sidecars.filter((sidecar) => sidecar.startup) : [];
  return {
    ...(initContainers.length > 0 || gating.length > 0
      ? {
          initPhase: {
            initContainers: initContainers.map(({ name }) => name),
            sidecarWindowSeconds: gating.reduce((sum, sidecar) => sum + sidecar.startup!.windowSeconds, 0),
          },
        }
      : {}),
    ...(sidecars.length > 0
      ? {
          sidecars: sidecars.map(({ name, preStopSeconds }) => ({
            name,
            native: sidecarMode === 'native',
            ...(preStopSeconds !== undefined ? { preStopSeconds } : {}),
          })),
        }
      : {}),
    ...(mesh ? { meshProxy: { mesh: mesh.name, drainSeconds: mesh.drainSeconds } } : {}),
  };
}

/** The field a violation is reported under: the override that caused it, else the declared input. */
export const INVARIANT_FIELDS: Readonly<Record<InvariantId, readonly string[]>> = {
  startupWindow: ['overrides.startup.failureThreshold', 'overrides.startup.periodSeconds', 'startup.maxSeconds'],
  probeSuccessThreshold: ['health'],
  livenessAfterReadiness: [
    'overrides.liveness.failureThreshold',
    'overrides.liveness.periodSeconds',
    'overrides.liveness.timeoutSeconds',
    'overrides.readiness.failureThreshold',
    'overrides.readiness.periodSeconds',
    'overrides.readiness.timeoutSeconds',
    'traffic.propagationSeconds',
  ],
  distinctProbes: ['health.liveness', 'health.readiness'],
  readinessTimeout: ['overrides.readiness.timeoutSeconds', 'overrides.readiness.periodSeconds', 'probeLatencyMs'],
  preStopCoversPropagation: ['overrides.preStopSeconds', 'traffic.propagationSeconds'],
  graceCoversShutdown: ['overrides.terminationGracePeriodSeconds', 'overrides.preStopSeconds', 'drainSeconds'],
  probeGrace: [
    'overrides.liveness.terminationGracePeriodSeconds',
    'overrides.startup.terminationGracePeriodSeconds',
    'overrides.terminationGracePeriodSeconds',
  ],
  surgeWhenNoUnavailable: ['overrides.maxSurge', 'overrides.maxUnavailable'],
  progressDeadline: ['overrides.progressDeadlineSeconds', 'overrides.minReadySeconds', 'startup.maxSeconds'],
  pdbAllowsDisruption: ['replicas'],
  graceLimit: ['overrides.terminationGracePeriodSeconds', 'drainSeconds'],
  sidecarsOutliveDrain: ['overrides.terminationGracePeriodSeconds', 'sidecars', 'mesh'],
  deregistrationDelay: [
    'overrides.loadBalancer.deregistrationDelaySeconds',
    'overrides.terminationGracePeriodSeconds',
    'overrides.preStopSeconds',
    'drainSeconds',
  ],
  loadBalancerHealthCheck: [
    'overrides.loadBalancer.unhealthyThresholdCount',
    'overrides.loadBalancer.healthCheckIntervalSeconds',
    'overrides.loadBalancer.healthCheckTimeoutSeconds',
    'overrides.readiness.timeoutSeconds',
    'overrides.readiness.periodSeconds',
    'overrides.readiness.failureThreshold',
    'overrides.liveness.failureThreshold',
    'overrides.liveness.periodSeconds',
    'health.readiness',
  ],
  deadlineCoversAttempts: ['overrides.activeDeadlineSeconds', 'run.maxSeconds'],
  runFitsSchedule: ['overrides.startingDeadlineSeconds', 'overrides.activeDeadlineSeconds', 'run.maxSeconds'],
  attemptFitsDeadline: ['overrides.activeDeadlineSeconds', 'run.maxSeconds'],
  ephemeralStorageCoversFolders: ['resources.ephemeralStorage.limit', 'sidecars', 'tmp.sizeLimit'],
};

function valueAtPath(spec: EffectiveSpec, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
}

/** The ways to make n attempts fit a Job deadline of at most `limit` by the run's own fields. */
function runFitWays(spec: EffectiveSpec, timings: Timings, limit: number): string[] {
  const job = timings.job!;
  const fit = attemptFit(limit, job.attempts, job.startSeconds, timings.containers.initSeconds, job.runMaxSeconds);
  return [
    ...(fit.runMaxSeconds !== undefined ? [`lower run.maxSeconds to at most ${fit.runMaxSeconds}`] : []),
    ...(fit.startSeconds !== undefined ? [`lower run.startSeconds to at most ${fit.startSeconds}`] : []),
    ...(spec.run?.attempts !== undefined && fit.attempts >= 1 ? [`lower run.attempts to ${fit.attempts}`] : []),
  ];
}

const isOverridden = (timings: Timings) => timings.job!.overridden.includes('activeDeadlineSeconds');

/**
 * Invariant 17's fix in the declaration's own fields (the manifests' fix names activeDeadlineSeconds,
 * which a declaration derives unless it overrides it): what would let the Job's deadline A end
 * before the next run, 10 s before it, or a late start's overrides.startingDeadlineSeconds S.
 * Mirrored by templates/_invariants.tpl.
 */
export function scheduleFitFix(spec: EffectiveSpec, timings: Timings): string {
  const job = timings.job!;
  const cronJob = timings.cronJob!;
  const C = cronJob.shortestIntervalSeconds;
  const S = cronJob.startingDeadlineOverridden ? cronJob.startingDeadlineSeconds : CONTROLLER_CHECK_SECONDS;
  const limit = C - S;
  const I = timings.containers.initSeconds;
  const A = job.activeDeadlineSeconds;
  const needs = isOverridden(timings)
    ? `the Job's deadline is ${A} s (overrides.activeDeadlineSeconds)`
    : job.attempts === 1
      ? `one attempt needs ${A} s (start ${job.startSeconds} + init ${I} + run ${job.runMaxSeconds} + margin ${job.attemptMarginSeconds})`
      : `${job.attempts} attempts need ${A} s (${job.attempts} x ${job.attemptDeadlineSeconds} + back-off ${job.backoffSeconds})`;
  const ways = [
    ...(cronJob.startingDeadlineOverridden && C - A >= CONTROLLER_CHECK_SECONDS
      ? [`lower overrides.startingDeadlineSeconds to at most ${C - A}`]
      : []),
    ...(isOverridden(timings)
      ? limit >= 1
        ? [`lower overrides.activeDeadlineSeconds to at most ${limit}`]
        : []
      : runFitWays(spec, timings, limit)),
    `schedule runs at least ${minutesApartFor(A + S - CONTROLLER_CHECK_SECONDS, cronJob.timeZone)} minutes apart (schedule.cron)`,
    'or let runs overlap (schedule.concurrencyPolicy: Allow)',
  ];
  const start = cronJob.startingDeadlineOverridden
    ? `a start up to ${S} s late (overrides.startingDeadlineSeconds) leaves ${limit} s`
    : `a run must end ${CONTROLLER_CHECK_SECONDS} s before the next is due, within ${limit} s`;
  return `${needs}, but ${start}: ${ways.join(', ')}`;
}

/**
 * The fix of invariants 16 and 18 in the declaration's own fields: a Job deadline is shorter than
 * its attempts only when overrides.activeDeadlineSeconds sets it (the derived one is n × a + B).
 * Mirrored by templates/_invariants.tpl.
 */
export function deadlineFitFix(spec: EffectiveSpec, timings: Timings): string {
  const job = timings.job!;
  const needed = job.attempts * job.attemptDeadlineSeconds + job.backoffSeconds;
  const ways = [
    `raise overrides.activeDeadlineSeconds to at least ${needed} (${job.attempts} x attempt ${job.attemptDeadlineSeconds} + back-off ${job.backoffSeconds})`,
    ...runFitWays(spec, timings, job.activeDeadlineSeconds),
    'or leave overrides.activeDeadlineSeconds out to have it derived',
  ];
  return ways.join(', ');
}

/**
 * Invariants 16-18 in the declaration's own words: each number named by the field that sets it
 * (run.*, overrides.*), or, when derived, by the Kubernetes field it becomes, which
 * overrides.<that name> would set. Mirrored by templates/_invariants.tpl.
 */
export function jobInvariantText(
  spec: EffectiveSpec,
  result: InvariantResult,
  timings: Timings,
): { detail: string; fix: string } | undefined {
  const { job, cronJob } = timings;
  if (!job) return undefined;
  const I = timings.containers.initSeconds;
  const A = job.activeDeadlineSeconds;
  const deadline = `${isOverridden(timings) ? 'overrides.' : ''}activeDeadlineSeconds ${A}`;
  const n = job.attempts;
  const attempts = `${n} attempt${n === 1 ? '' : 's'}${spec.run?.attempts !== undefined ? ' (run.attempts)' : ''}`;
  if (result.id === 'deadlineCoversAttempts') {
    const needed = n * (I + job.runMaxSeconds) + job.backoffSeconds;
    return {
      detail: `${deadline} s vs ${attempts} × (init ${I} + run.maxSeconds ${job.runMaxSeconds}) + back-off ${job.backoffSeconds} = ${needed} s`,
      fix: deadlineFitFix(spec, timings),
    };
  }
  if (result.id === 'attemptFitsDeadline') {
    const needed = n * job.attemptDeadlineSeconds + job.backoffSeconds;
    return {
      detail: `${attempts} × attempt ${job.attemptDeadlineSeconds} s (run.startSeconds ${job.startSeconds} + init ${I} + run.maxSeconds ${job.runMaxSeconds} + margin ${job.attemptMarginSeconds}) + back-off ${job.backoffSeconds} = ${needed} s vs ${deadline} s`,
      fix: deadlineFitFix(spec, timings),
    };
  }
  if (result.id === 'runFitsSchedule' && cronJob) {
    const S = cronJob.startingDeadlineSeconds;
    const zone = cronJob.timeZone !== undefined ? ` (${cronJob.timeZone})` : '';
    return {
      detail: `${cronJob.startingDeadlineOverridden ? 'overrides.' : ''}startingDeadlineSeconds ${S} + ${deadline} = ${S + A} s vs shortest interval ${cronJob.shortestIntervalSeconds} s ("${cronJob.cron}"${zone}, ${cronJob.concurrencyPolicy})`,
      fix: scheduleFitFix(spec, timings),
    };
  }
  return undefined;
}

export function invariantProblem(spec: EffectiveSpec, result: InvariantResult, timings: Timings): Problem {
  const fields =
    result.probe === undefined
      ? INVARIANT_FIELDS[result.id]
      : [`overrides.${result.probe}.timeoutSeconds`, `overrides.${result.probe}.periodSeconds`, 'probeLatencyMs'];
  const path = fields.find((field) => valueAtPath(spec, field) !== undefined) ?? fields[fields.length - 1]!;
  const escape = isAcknowledgeable(result.id)
    ? `; if this is deliberate, add acknowledge.${acknowledgementKey(result.id)}: "<reason>"`
    : ' (this invariant cannot be acknowledged)';
  const { detail, fix } = jobInvariantText(spec, result, timings) ?? result;
  return {
    path,
    value: valueAtPath(spec, path),
    rule: `invariant ${result.number} (${result.id}): ${result.statement} Here: ${detail}`,
    fix: `${inDeclarationFields(fix ?? '')}${escape}`,
  };
}
