import type { FieldPath } from '../files/manifests';
import type { InvariantId } from '../declaration/ids';
import { checkInvariant, type InvariantResult } from '../invariants/check';
import type { DeclaredTimes, WorkloadFacts } from '../invariants/facts';
import { containerFacts, workloadFacts } from '../manifests/facts';
import { loadBalancersOf } from '../manifests/load-balancers';
import type { Check, Outcome, Subject } from './check';
import { containerOf } from './check';

/**
 * The invariants as rules over manifests: the same checks (`invariants/check.ts`) that guard every
 * declaration, run on the facts read from each container or from the whole workload, with the
 * field each violation points at.
 */

type Where = (facts: WorkloadFacts, result: InvariantResult) => FieldPath;

function outcomes(id: InvariantId, subject: Subject, facts: WorkloadFacts, base: FieldPath, where: Where, prefix: string): Outcome[] {
  const result = checkInvariant(id, facts, subject.declared);
  if (result.status === 'holds') return [];
  if (result.status === 'unknown') return [{ undecided: `${prefix}${result.detail}` }];
  return [{ path: [...base, ...where(facts, result)], message: `${prefix}${result.detail}`, fix: result.fix }];
}

/** An invariant about one container's probes or hook; `where` is relative to the container. */
function perContainer(id: InvariantId, where: Where): Check {
  return (subject) => {
    const view = containerOf(subject);
    // A sidecar's startup window covers its own slowest start, not the application's.
    const declared: DeclaredTimes =
      view.role === 'sidecar'
        ? { ...subject.declared, startupMaxSeconds: subject.declared.containers?.[view.name]?.startSeconds }
        : subject.declared;
    return outcomes(id, { ...subject, declared }, containerFacts(subject.workload, view), view.path, where, `container ${view.name}: `);
  };
}

/**
 * Invariant 13 points where the fix goes: the grace period, the preStop hook of an ordinary sidecar
 * that stops too early, or the pod annotation of a mesh proxy that does.
 */
const sidecarsOutliveDrain: Check = (subject) => {
  const { workload } = subject;
  const facts = workloadFacts(workload);
  const result = checkInvariant('sidecarsOutliveDrain', facts, subject.declared);
  if (result.status === 'holds') return [];
  if (result.status === 'unknown') return [{ undecided: result.detail }];
  const fix = result.fix ?? '';
  const early = workload.pod.containers.find((view) => view.role === 'sidecar' && fix.includes(`sidecar ${view.name} `));
  const path: FieldPath = early
    ? [...early.path, 'lifecycle', 'preStop']
    : fix.includes('annotation')
      ? [...workload.pod.path, 'metadata', 'annotations']
      : [...workload.pod.path, 'spec', 'terminationGracePeriodSeconds'];
  return [{ path, message: result.detail, fix }];
};

/** An invariant about the whole workload; `where` is relative to the pod spec or, with `fromRoot`, the object. */
function perWorkload(id: InvariantId, where: Where, fromRoot = false): Check {
  return (subject) => {
    const base = fromRoot ? [] : [...subject.workload.pod.path, 'spec'];
    return outcomes(id, subject, workloadFacts(subject.workload), base, where, '');
  };
}

/**
 * An invariant about the load balancers in front of the workload: a violation points at the
 * annotation of the setting it is about, on the Ingress or Service that holds it (or would).
 */
function perLoadBalancer(id: InvariantId): Check {
  return (subject) =>
    perWorkload(
      id,
      () => ['metadata', 'annotations'],
      true,
    )(subject).map((outcome) => {
      if (!('path' in outcome)) return outcome;
      const result = checkInvariant(id, workloadFacts(subject.workload), subject.declared);
      const at = result.loadBalancer;
      if (!at) return outcome;
      const { object, path } = loadBalancersOf(subject.workload)[at.index]!.where(at.setting);
      return { ...outcome, object, path };
    });
}

export const INVARIANT_CHECKS = {
  startupWindow: perContainer('startupWindow', ({ startup }) => (startup ? ['startupProbe', 'failureThreshold'] : ['livenessProbe'])),
  probeSuccessThreshold: perContainer('probeSuccessThreshold', ({ liveness }) =>
    liveness && liveness.successThreshold !== 1 ? ['livenessProbe', 'successThreshold'] : ['startupProbe', 'successThreshold'],
  ),
  livenessAfterReadiness: perContainer('livenessAfterReadiness', ({ liveness, readiness }) =>
    liveness!.timeoutSeconds < readiness!.timeoutSeconds ? ['livenessProbe', 'timeoutSeconds'] : ['livenessProbe', 'failureThreshold'],
  ),
  distinctProbes: perContainer('distinctProbes', () => ['livenessProbe']),
  // The violation names the probe it is about: any of the three may time out too soon or outlast its period.
  probeTimeout: perContainer('readinessTimeout', (facts, { probe = 'readiness' }) => [
    `${probe}Probe`,
    facts[probe]!.timeoutSeconds < 2 ? 'timeoutSeconds' : 'periodSeconds',
  ]),
  preStopCoversPropagation: perContainer('preStopCoversPropagation', () => ['lifecycle', 'preStop']),
  graceCoversShutdown: perWorkload('graceCoversShutdown', () => ['terminationGracePeriodSeconds']),
  probeGrace: perContainer('probeGrace', ({ liveness, terminationGracePeriodSeconds }) =>
    (liveness?.terminationGracePeriodSeconds ?? 0) > terminationGracePeriodSeconds
      ? ['livenessProbe', 'terminationGracePeriodSeconds']
      : ['startupProbe', 'terminationGracePeriodSeconds'],
  ),
  // A Deployment's budgets are in its strategy, a DaemonSet's in its updateStrategy.
  surgeWhenNoUnavailable: (subject) =>
    perWorkload(
      'surgeWhenNoUnavailable',
      () => ['spec', subject.workload.kind === 'DaemonSet' ? 'updateStrategy' : 'strategy', 'rollingUpdate', 'maxSurge'],
      true,
    )(subject),
  progressDeadline: perWorkload('progressDeadline', () => ['spec', 'progressDeadlineSeconds'], true),
  pdbAllowsDisruption: (subject) => {
    const [budget] = subject.workload.related.podDisruptionBudgets;
    return perWorkload('pdbAllowsDisruption', () => [])(subject).map((outcome) =>
      'path' in outcome && budget
        ? {
            ...outcome,
            object: budget,
            path: ['spec', budget.object.spec.maxUnavailable !== undefined ? 'maxUnavailable' : 'minAvailable'],
          }
        : outcome,
    );
  },
  graceLimit: perWorkload('graceLimit', () => ['terminationGracePeriodSeconds']),
  sidecarsOutliveDrain,
  deregistrationDelay: perLoadBalancer('deregistrationDelay'),
  loadBalancerHealthCheck: perLoadBalancer('loadBalancerHealthCheck'),
  deadlineCoversAttempts: (subject) =>
    perWorkload(
      'deadlineCoversAttempts',
      () =>
        subject.workload.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'activeDeadlineSeconds'] : ['spec', 'activeDeadlineSeconds'],
      true,
    )(subject),
  // The fix goes where the excess is: the starting deadline, or the run itself when no starting deadline could fit.
  runFitsSchedule: (subject) => {
    const fix = checkInvariant('runFitsSchedule', workloadFacts(subject.workload)).fix ?? '';
    const at: FieldPath = fix.includes('startingDeadlineSeconds')
      ? ['spec', 'startingDeadlineSeconds']
      : ['spec', 'jobTemplate', 'spec', 'activeDeadlineSeconds'];
    return perWorkload('runFitsSchedule', () => at, true)(subject);
  },
  attemptFitsDeadline: (subject) =>
    perWorkload(
      'attemptFitsDeadline',
      () =>
        subject.workload.kind === 'CronJob'
          ? ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'activeDeadlineSeconds']
          : ['spec', 'template', 'spec', 'activeDeadlineSeconds'],
      true,
    )(subject),
  // At the first container whose limit takes part: raising a limit is the usual fix.
  ephemeralStorageCoversFolders: (subject) => {
    const limited = subject.workload.pod.containers.find(
      (view) => (view.role === 'main' || view.role === 'sidecar') && view.container.resources?.limits?.['ephemeral-storage'] !== undefined,
    );
    const at: FieldPath = limited
      ? [...limited.path, 'resources', 'limits', 'ephemeral-storage']
      : [...subject.workload.pod.path, 'spec', 'volumes'];
    return perWorkload('ephemeralStorageCoversFolders', () => at, true)(subject);
  },
} satisfies Record<Exclude<InvariantId, 'readinessTimeout'> | 'probeTimeout', Check>;
