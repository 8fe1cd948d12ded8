import type { ResolvedWorkload } from '../declaration/resolve';
import { effectiveInterval } from '../timing/arithmetic';
import type { JobTimings } from '../timing/kinds/job';
import type { ContainerTimings, ProbeTimings, Rollout, Timings } from '../timing/types';

/**
 * The derivation in five short lines (one more each for init containers, sidecars, a mesh proxy and a load balancer), for the Deployment's annotation: a reviewer sees a timing
 * change and its cause in the same diff. Wording stays neutral (no "covers"), because an
 * acknowledged override may make a comparison fail on purpose. The Helm templates render the
 * same text (`templates/_annotations.tpl`).
 */
export function timingSummary(workload: ResolvedWorkload): string {
  const { timings, probes } = workload;
  if (timings.job) return jobSummary(timings.job, timings);
  const window = (name: string, present: boolean, probe: ProbeTimings) =>
    present
      ? `${name}: window ${probe.windowSeconds}s (${effectiveInterval(probe.periodSeconds, probe.timeoutSeconds)}s x ${probe.failureThreshold}), timeout ${probe.timeoutSeconds}s`
      : `${name}: none`;
  const { rollout, containers } = timings;
  const loadBalancer = timings.loadBalancer;
  const healthCheck = loadBalancer?.healthCheck;
  return [
    `${window('startup', probes.startup !== undefined, timings.startup)}, max start ${timings.startupMaxSeconds}s`,
    window('readiness', probes.readiness !== undefined, timings.readiness),
    `${window('liveness', probes.liveness !== undefined, timings.liveness)}, propagation ${timings.propagationSeconds}s`,
    shutdownLine(timings),
    ...containerLines(containers),
    rolloutLine(rollout),
    ...(loadBalancer && healthCheck
      ? [
          `load balancer (${loadBalancer.kind}): health check window ${healthCheck.windowSeconds}s (${healthCheck.intervalSeconds}s x ${healthCheck.unhealthyThresholdCount}), timeout ${healthCheck.timeoutSeconds}s, healthy after ${healthCheck.healthyThresholdCount}; deregistration delay ${loadBalancer.deregistrationDelaySeconds}s`,
        ]
      : []),
  ].join('\n');
}

/** The stop: preStop delay, drain, the sidecars' stops and the margin that make up the grace period. */
function shutdownLine({ preStop, drainSeconds, terminationGracePeriodSeconds: grace, containers }: Timings): string {
  const { sidecarMode: mode, sidecarStopSeconds: sidecarStop } = containers;
  const margin = grace - preStop.seconds - drainSeconds - sidecarStop;
  const sidecarPart =
    mode === 'none' ? '' : ` + sidecars ${sidecarStop}s (${mode === 'native' ? 'native, one by one' : 'ordinary, longest'})`;
  return `shutdown: preStop ${preStop.seconds}s (${preStop.mechanism}) + drain ${drainSeconds}s${sidecarPart} + margin ${margin}s = grace ${grace}s`;
}

/** A Job's lines: its run, deadline, failure policy, shutdown and clean-up (templates/_annotations.tpl renders the same). */
function jobSummary(job: JobTimings, timings: Timings): string {
  const codes = job.nonRetryableExitCodes;
  const { cronJob } = timings;
  // An overridden number says so, with the field that set it.
  const by = (name: 'activeDeadlineSeconds' | 'ttlSecondsAfterFinished') => (job.overridden.includes(name) ? ` (overrides.${name})` : '');
  const fit = job.attemptsFitSchedule
    ? ', as many as fit between two runs'
    : job.attemptsFitDeadline
      ? ', as many as fit the deadline'
      : '';
  const attempts = `${job.attempts} x ${job.attemptDeadlineSeconds} + back-off ${job.backoffSeconds}`;
  const ttl = `ttlSecondsAfterFinished ${job.ttlSecondsAfterFinished}${by('ttlSecondsAfterFinished')}`;
  return [
    ...(cronJob
      ? [
          `schedule: ${cronJob.cron}${cronJob.timeZone !== undefined ? ` (${cronJob.timeZone})` : ''}, shortest interval ${cronJob.shortestIntervalSeconds}s, ${cronJob.concurrencyPolicy}, startingDeadlineSeconds ${cronJob.startingDeadlineSeconds}${cronJob.startingDeadlineOverridden ? ' (overrides.startingDeadlineSeconds)' : ''}`,
        ]
      : []),
    `run: max ${job.runMaxSeconds}s (typical ${job.runTypicalSeconds}s), ${job.attempts} attempts (backoffLimit ${job.backoffLimit}${fit}), back-off ${job.backoffSeconds}s`,
    `attempt deadline: activeDeadlineSeconds ${job.attemptDeadlineSeconds} = start ${job.startSeconds} + init ${timings.containers.initSeconds} + run ${job.runMaxSeconds} + margin ${job.attemptMarginSeconds}`,
    job.overridden.includes('activeDeadlineSeconds')
      ? `deadline: activeDeadlineSeconds ${job.activeDeadlineSeconds}${by('activeDeadlineSeconds')} vs ${attempts} = ${job.attempts * job.attemptDeadlineSeconds + job.backoffSeconds}`
      : `deadline: activeDeadlineSeconds ${job.activeDeadlineSeconds} = ${attempts}`,
    `failure policy: DisruptionTarget ignored${codes.length > 0 ? `; exit codes ${codes.join(', ')} fail the Job` : ''}`,
    shutdownLine(timings),
    ...containerLines(timings.containers),
    cronJob
      ? `clean-up: history ${cronJob.successfulJobsHistoryLimit} succeeded, ${cronJob.failedJobsHistoryLimit} failed${job.ttlSecondsAfterFinished !== undefined ? `; ${ttl}` : ''}`
      : `clean-up: ${ttl}`,
  ].join('\n');
}

/** The controller's rollout settings; a StatefulSet's and a DaemonSet's with their worst cases, as neither has a progress deadline. */
function rolloutLine(rollout: Rollout): string {
  if (rollout.controller === 'Deployment') {
    return `rollout: maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}, minReadySeconds ${rollout.minReadySeconds}, progressDeadlineSeconds ${rollout.progressDeadlineSeconds}`;
  }
  // A Job's summary is jobSummary's: it shows the run, not a rollout.
  if (rollout.controller === 'Job' || rollout.controller === 'CronJob') throw new Error('pods that run to completion have no rollout line');
  if (rollout.controller === 'DaemonSet') {
    const { maxSurge, maxUnavailable, minReadySeconds, nodeSeconds, nodeGapSeconds } = rollout;
    return `rollout: maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable}, minReadySeconds ${minReadySeconds}, worst case per node ${nodeSeconds}s, ${nodeGapSeconds}s of it without an agent`;
  }
  const { podManagementPolicy, partition, minReadySeconds, updatedPods, podSeconds, worstCaseSeconds, maintenanceWindowSeconds } = rollout;
  const window = maintenanceWindowSeconds === undefined ? '' : `, maintenance window ${maintenanceWindowSeconds}s`;
  return `rollout: ${podManagementPolicy}, partition ${partition}, minReadySeconds ${minReadySeconds}, worst case ${updatedPods} x ${podSeconds}s = ${worstCaseSeconds}s${window}`;
}

/** The init phase, the sidecars and the mesh proxy, a line each, when the workload has them. */
function containerLines({ initContainers, initSeconds, sidecarMode: mode, sidecars, mesh }: ContainerTimings): string[] {
  const lines: string[] = [];
  const gating = mode === 'native' ? sidecars.filter((sidecar) => sidecar.startup) : [];
  if (initContainers.length > 0 || gating.length > 0) {
    const parts = [
      ...gating.map((sidecar) => `${sidecar.name} ${sidecar.startup!.windowSeconds}s`),
      ...initContainers.map((init) => `${init.name} ${init.maxSeconds}s`),
    ];
    lines.push(`init: ${parts.join(' + ')} = ${initSeconds}s before the app starts`);
  }
  if (mode !== 'none') {
    const parts = sidecars.map(({ name, startup, liveness, preStopSeconds, stopSeconds }) => {
      const stop = `${preStopSeconds !== undefined ? `preStop ${preStopSeconds}s + ` : ''}stop ${stopSeconds}s`;
      const window = startup ? `startup window ${startup.windowSeconds}s (${startup.periodSeconds}s x ${startup.failureThreshold}), ` : '';
      const restart = liveness
        ? `liveness window ${liveness.windowSeconds}s (${liveness.periodSeconds}s x ${liveness.failureThreshold}), `
        : '';
      return `${name}: ${window}${restart}${stop}`;
    });
    lines.push(`sidecars (${mode}): ${parts.join('; ')}`);
  }
  if (mesh) lines.push(`mesh: ${mesh.name} proxy serves ${mesh.drainSeconds}s after deletion`);
  return lines;
}

/**
 * The declared times the invariants compare against, machine-readable, so that `check` can verify
 * a synthesized manifest without its declaration, and the other timing inputs of a pod that starts
 * (`startupTypicalSeconds`, `probeLatencyMs`, as the derivation used them), so that `adopt` reads
 * them back exactly even from a pod with no probe to show them. `preStopSeconds` is included only
 * when the delay cannot be read from the hook itself (an httpGet hook, or a delay inside the
 * application). The keys are in a fixed order (docs/derivation.md, "The declared annotation").
 */
export function declaredTimes(workload: ResolvedWorkload): string {
  const { timings } = workload;
  const hidden = timings.preStop.mechanism === 'http' || timings.preStop.mechanism === 'app';
  const { initContainers, sidecars } = timings.containers;
  return [
    ...(timings.job
      ? [`runMaxSeconds=${timings.job.runMaxSeconds}`]
      : [`startupMaxSeconds=${timings.startupMaxSeconds}`, `startupTypicalSeconds=${timings.startupTypicalSeconds}`]),
    `drainSeconds=${timings.drainSeconds}`,
    `propagationSeconds=${timings.propagationSeconds}`,
    ...(timings.job ? [] : [`probeLatencyMs=${workload.spec.probeLatencyMs}`]),
    ...(hidden ? [`preStopSeconds=${timings.preStop.seconds}`] : []),
    // The other containers' times, as `<container>.<key>=seconds` (parseDeclaredTimes reads them back),
    // in declaration order: a record would put names such as "3" first.
    ...initContainers.map(({ name, maxSeconds }) => `${name}.maxSeconds=${maxSeconds}`),
    ...sidecars.flatMap(({ name, startSeconds, stopSeconds }) => [
      ...(startSeconds !== undefined ? [`${name}.startSeconds=${startSeconds}`] : []),
      `${name}.stopSeconds=${stopSeconds}`,
    ]),
  ].join(' ');
}
