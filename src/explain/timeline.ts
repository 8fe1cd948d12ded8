import type { ResolvedWorkload } from '../declaration/resolve';
import { resolveBudget } from '../invariants/facts';
import { ceilDiv } from '../timing/arithmetic';
import { effectiveInterval } from '../timing/arithmetic';
import { backoffSeconds, DEFAULT_ATTEMPTS } from '../timing/kinds/job';
import type { BatchRollout, ProbeTimings, Rollout } from '../timing/types';

/**
 * A workload's lifecycle as three short stories, in seconds from their own origin: how a pod
 * starts and joins a rollout, how a hung pod is taken out and restarted, and how a deleted pod
 * drains. A plain model, so that the text table and the SVG picture show the same numbers.
 */
export type Tone = 'init' | 'starting' | 'probing' | 'serving' | 'waiting' | 'draining' | 'margin' | 'failing' | 'danger';

export interface Segment {
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly tone: Tone;
  /** The state lasts beyond the axis: its drawn length is not a duration. */
  readonly openEnded?: boolean;
}

export interface Lane {
  readonly name: string;
  readonly segments: readonly Segment[];
}

export interface TimelineEvent {
  readonly at: number;
  readonly label: string;
}

export interface TimelineSection {
  readonly id: 'start' | 'hung' | 'run' | 'shutdown';
  readonly title: string;
  /** What t = 0 is. */
  readonly origin: string;
  /** The end of the drawn axis, in seconds. */
  readonly end: number;
  readonly lanes: readonly Lane[];
  /** Moments worth a line of their own, in time order. */
  readonly events: readonly TimelineEvent[];
  /** Facts beyond the axis (e.g. the progress deadline), in words. */
  readonly notes: readonly string[];
}

export interface Timeline {
  readonly workload: string;
  readonly sections: readonly TimelineSection[];
}

/** Seconds between a probe's attempts when each one fails (see effectiveInterval). */
function interval(probe: ProbeTimings): number {
  return effectiveInterval(probe.periodSeconds, probe.timeoutSeconds);
}

function loadBalancerName(kind: 'aws-alb' | 'aws-nlb'): string {
  return kind === 'aws-alb' ? 'ALB' : 'NLB';
}

/** Events in time order, those at the same moment joined into one line. */
function chronological(events: readonly TimelineEvent[]): TimelineEvent[] {
  const merged = new Map<number, string[]>();
  for (const event of [...events].sort((a, b) => a.at - b.at)) merged.set(event.at, [...(merged.get(event.at) ?? []), event.label]);
  return [...merged].map(([at, labels]) => ({ at, label: labels.join('; ') }));
}

/**
 * What runs before the application's container, at its worst case: native sidecars until their
 * startup probe passes (the window), then each init container for its declared maximum.
 */
function initPhase(workload: ResolvedWorkload): Segment[] {
  const { initContainers, sidecarMode, sidecars } = workload.timings.containers;
  const steps = [
    ...(sidecarMode === 'native' ? sidecars.filter((sidecar) => sidecar.startup) : []).map((sidecar) => ({
      name: sidecar.name,
      seconds: sidecar.startup!.windowSeconds,
    })),
    ...initContainers.map((init) => ({ name: init.name, seconds: init.maxSeconds })),
  ];
  let at = 0;
  return steps.map(({ name, seconds }) => {
    const segment: Segment = { from: at, to: at + seconds, label: name, tone: 'init' };
    at += seconds;
    return segment;
  });
}

/** How the controller rolls the pods out, in the words of its own settings. */
function rolloutNotes(rollout: Exclude<Rollout, BatchRollout>, pods: number, available: number, initNote: string): string[] {
  if (rollout.controller === 'StatefulSet') {
    const { updatedPods, podSeconds, worstCaseSeconds, partition, maintenanceWindowSeconds } = rollout;
    return [
      `rollout: ${updatedPods} of ${pods} pods (ordinals ${partition} and up, partition ${partition}), one at a time from the highest ordinal, each deleted before its replacement starts: ` +
        `about ${updatedPods} x (stop + ${available}s) when starts are typical${initNote}`,
      `worst case ${updatedPods} x ${podSeconds}s = ${worstCaseSeconds}s (grace + init + startup window + minReadySeconds); a StatefulSet has no progress deadline` +
        (maintenanceWindowSeconds !== undefined ? `; maintenance window ${maintenanceWindowSeconds}s` : ''),
    ];
  }
  if (rollout.controller === 'DaemonSet') {
    const { maxSurge, maxUnavailable, nodeSeconds, nodeGapSeconds } = rollout;
    return [
      nodeGapSeconds === 0
        ? `rollout: node by node, the new pod started beside the old one (maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable}): no node is without its agent`
        : `rollout: node by node, the old pod stopped before the new one starts (maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable}): each node is without its agent for about stop + ${available}s when starts are typical${initNote}`,
      `worst case per node ${nodeSeconds}s${nodeGapSeconds === 0 ? '' : ' (grace + init + startup window + minReadySeconds), all of it without an agent'}; a DaemonSet has no progress deadline`,
    ];
  }
  const surge = Math.max(1, resolveBudget(rollout.maxSurge, pods, 'up'));
  const batches = ceilDiv(pods, surge);
  return [
    `rollout: ${pods} pods, ${surge} at a time (maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}): ` +
      `about ${batches} x ${available}s = ${batches * available}s when starts are typical${initNote}`,
    `a rollout that makes no progress for ${rollout.progressDeadlineSeconds}s is marked failed (progressDeadlineSeconds)`,
  ];
}

function startSection(workload: ResolvedWorkload): TimelineSection {
  const { timings, probes, replicas } = workload;
  const { startup, readiness, rollout } = timings;
  if (rollout.controller === 'Job' || rollout.controller === 'CronJob')
    throw new Error('pods that run to completion have a run section, not a start section');
  const init = initPhase(workload);
  // The application's container starts after the init phase: everything of its own is shifted by I.
  const I = timings.containers.initSeconds;
  // Only pods that run until deleted have this section, and they always have start times.
  const S_typ = I + timings.startupTypicalSeconds!;
  const S_max = timings.startupMaxSeconds!;
  const W_s = startup.windowSeconds;
  const available = S_typ + rollout.minReadySeconds;
  const end = Math.max(I + W_s, available, I + S_max);
  const pods = replicas.mode === 'fixed' ? replicas.count : replicas.min;

  const events: TimelineEvent[] = [
    {
      at: I,
      label: probes.startup
        ? `container starts; startup probe every ${startup.periodSeconds}s (timeout ${startup.timeoutSeconds}s)`
        : 'container starts (no startup probe)',
    },
    {
      at: S_typ,
      label: probes.readiness
        ? `typical start done: readiness probe every ${readiness.periodSeconds}s takes over`
        : 'typical start done (no readiness probe: ready at once)',
    },
    { at: available, label: `minReadySeconds ${rollout.minReadySeconds} elapsed: the pod counts as available` },
    { at: I + S_max, label: `slowest declared start (${S_max}s)` },
  ];
  if (init.length > 0) {
    events.push({
      at: 0,
      label: `pod starts: ${init.map((step) => `${step.label} (up to ${step.to - step.from}s)`).join(', then ')} before the application`,
    });
  }
  if (probes.startup) {
    events.push({
      at: I + W_s,
      label: `startup window ends (${interval(startup)}s x ${startup.failureThreshold}): a pod still starting is restarted`,
    });
  }
  const phase: Segment[] = init.length > 0 ? [{ from: 0, to: I, label: 'init', tone: 'init' }] : [];
  return {
    id: 'start',
    title: 'Start and rollout',
    origin: init.length > 0 ? 'the pod starts (init phase at its worst case)' : 'the container starts',
    end,
    lanes: [
      ...(init.length > 0 ? [{ name: 'init phase', segments: init }] : []),
      {
        name: 'pod',
        segments: [
          ...phase,
          { from: I, to: S_typ, label: 'starting', tone: 'starting' },
          { from: S_typ, to: available, label: 'minReady', tone: 'waiting' },
          { from: available, to: end, label: 'available', tone: 'serving', openEnded: true },
        ],
      },
      { name: 'worst case', segments: [...phase, { from: I, to: I + S_max, label: 'slowest start', tone: 'starting' }] },
      ...(probes.startup
        ? [{ name: 'startup probe', segments: [{ from: I, to: I + W_s, label: 'startup window', tone: 'probing' as const }] }]
        : []),
    ],
    events: chronological(events),
    notes: rolloutNotes(rollout, pods, available, init.length > 0 ? ' and the init phase at its worst' : ''),
  };
}

function hungSection(workload: ResolvedWorkload): TimelineSection {
  const { timings, probes } = workload;
  const { readiness, liveness } = timings;
  const W_r = readiness.windowSeconds;
  const W_l = liveness.windowSeconds;
  const P = timings.propagationSeconds;
  const restartEnd = W_l + liveness.terminationGracePeriodSeconds;
  const end = Math.max(probes.liveness ? restartEnd : 0, probes.readiness ? W_r + P : 0, W_r, 10);
  const lanes: Lane[] = [];
  const events: TimelineEvent[] = [{ at: 0, label: 'last successful probe: the process stops answering' }];
  if (probes.readiness) {
    // Only a pod behind a Service has endpoints to leave; any other pod is just reported not ready.
    const served = timings.servesTraffic;
    lanes.push({
      name: 'readiness',
      segments: [
        { from: 0, to: W_r, label: `${readiness.failureThreshold} misses`, tone: 'failing' },
        { from: W_r, to: end, label: served ? 'out of rotation' : 'not ready', tone: 'waiting', openEnded: true },
      ],
    });
    events.push({
      at: W_r,
      label: `readiness fails ${interval(readiness)}s x ${readiness.failureThreshold}: ${served ? 'removed from endpoints' : 'marked not ready (no Service sends it traffic)'}`,
    });
    if (P > 0) events.push({ at: W_r + P, label: `routers have caught up (${P}s propagation): no more requests` });
  }
  const loadBalancer = timings.loadBalancer;
  if (loadBalancer) {
    const { intervalSeconds, unhealthyThresholdCount, windowSeconds } = loadBalancer.healthCheck;
    events.push({
      at: windowSeconds,
      label: `${loadBalancerName(loadBalancer.kind)} health check fails ${intervalSeconds}s x ${unhealthyThresholdCount}: taken out of its target group`,
    });
  }
  if (probes.liveness) {
    lanes.push({
      name: 'liveness',
      segments: [
        { from: 0, to: W_l, label: `${liveness.failureThreshold} misses`, tone: 'failing' },
        { from: W_l, to: restartEnd, label: 'restart', tone: 'danger' },
      ],
    });
    events.push({
      at: W_l,
      label: `liveness fails ${interval(liveness)}s x ${liveness.failureThreshold}: container is stopped and restarted`,
    });
    events.push({ at: restartEnd, label: `SIGKILL if it has not stopped (probe-level grace ${liveness.terminationGracePeriodSeconds}s)` });
  }
  return {
    id: 'hung',
    title: 'Hung process',
    origin: 'the last successful probe',
    end,
    lanes,
    events: chronological(events),
    notes: probes.liveness ? [] : ['no liveness probe: a hung process is never restarted (acknowledged)'],
  };
}

function shutdownSection(workload: ResolvedWorkload): TimelineSection {
  const { timings } = workload;
  const { preStop, drainSeconds: D, terminationGracePeriodSeconds: G } = timings;
  const P = timings.propagationSeconds;
  const hookSeconds = preStop.mechanism === 'app' || preStop.mechanism === 'none' ? 0 : preStop.seconds;
  const drainStart = preStop.seconds;
  const drainEnd = drainStart + D;
  const end = Math.max(G, drainEnd);
  const hook: Record<typeof preStop.mechanism, string> = {
    sleep: `preStop sleep action ${preStop.seconds}s`,
    exec: `preStop exec "sleep ${preStop.seconds}"`,
    http: `preStop httpGet returns after ${preStop.seconds}s`,
    app: `the app keeps serving ${preStop.seconds}s after SIGTERM (no hook)`,
    none: '',
  };
  // After the drain the sidecars stop (X, their lanes show how), and only what is left of G is margin.
  const sidecarsDone = drainEnd + timings.containers.sidecarStopSeconds;
  const podSegments: Segment[] = [];
  if (drainStart > 0) podSegments.push({ from: 0, to: drainStart, label: 'preStop', tone: 'waiting' });
  podSegments.push({ from: drainStart, to: Math.min(drainEnd, G), label: 'drain', tone: 'draining' });
  if (sidecarsDone > drainEnd && drainEnd < G) {
    podSegments.push({ from: drainEnd, to: Math.min(sidecarsDone, G), label: 'sidecars stop', tone: 'draining' });
  }
  if (sidecarsDone < G) podSegments.push({ from: sidecarsDone, to: G, label: 'margin', tone: 'margin' });
  if (sidecarsDone > G) podSegments.push({ from: G, to: sidecarsDone, label: 'cut off', tone: 'danger' });

  const events: TimelineEvent[] = [
    {
      at: 0,
      label:
        preStop.mechanism === 'none'
          ? 'pod deleted (no Service traffic, no preStop hook)'
          : `pod deleted: endpoints removal starts; ${hook[preStop.mechanism]}`,
    },
    { at: hookSeconds, label: 'SIGTERM' },
    { at: drainEnd, label: `drain done (${D}s)` },
    { at: G, label: `SIGKILL at the grace deadline (terminationGracePeriodSeconds ${G})` },
  ];
  if (preStop.mechanism === 'app') events.push({ at: drainStart, label: 'the app stops accepting requests and drains' });
  if (timings.loadBalancer) {
    events.push({
      at: timings.loadBalancer.deregistrationDelaySeconds,
      label: `${loadBalancerName(timings.loadBalancer.kind)} deregistration delay ends (${timings.loadBalancer.deregistrationDelaySeconds}s): it closes what is left`,
    });
  }
  const others = besideTheApp(workload, drainEnd, events);
  return {
    id: 'shutdown',
    title: 'Deletion',
    origin: 'the pod is deleted',
    end: Math.max(end, ...others.flatMap((lane) => lane.segments.map((segment) => segment.to))),
    lanes: [
      ...(P > 0 ? [{ name: 'traffic', segments: [{ from: 0, to: P, label: 'still arriving', tone: 'serving' as const }] }] : []),
      { name: 'pod', segments: podSegments },
      ...others,
    ],
    events: chronological(events),
    notes: [],
  };
}

/**
 * The sidecars and the mesh proxy while the pod stops, a lane each, and their SIGTERMs. Native
 * sidecars get SIGTERM once the application has exited (at the latest when its drain is done), the
 * last one first; ordinary sidecars when their preStop delay ends; the mesh proxy serves until its
 * drain ends.
 */
function besideTheApp(workload: ResolvedWorkload, drainEnd: number, events: TimelineEvent[]): Lane[] {
  const { sidecarMode, sidecars, mesh } = workload.timings.containers;
  const lanes: Lane[] = [];
  let nativeAt = drainEnd;
  const stopping = sidecarMode === 'native' ? [...sidecars].reverse() : sidecars;
  const byName = new Map<string, Lane>();
  for (const sidecar of stopping) {
    const sigterm = sidecarMode === 'native' ? nativeAt : sidecar.preStopSeconds!;
    const done = sigterm + sidecar.stopSeconds;
    if (sidecarMode === 'native') nativeAt = done;
    events.push({ at: sigterm, label: `SIGTERM to sidecar ${sidecar.name} (stops within ${sidecar.stopSeconds}s)` });
    byName.set(sidecar.name, {
      name: sidecar.name,
      segments: [
        {
          from: 0,
          to: sigterm,
          label: sidecarMode === 'native' ? 'serving' : 'preStop',
          tone: sidecarMode === 'native' ? 'serving' : 'waiting',
        },
        { from: sigterm, to: done, label: 'stop', tone: 'draining' },
      ],
    });
  }
  for (const sidecar of sidecars) lanes.push(byName.get(sidecar.name)!);
  if (mesh) {
    events.push({ at: mesh.drainSeconds, label: `the ${mesh.name} proxy stops serving` });
    lanes.push({ name: `${mesh.name} proxy`, segments: [{ from: 0, to: mesh.drainSeconds, label: 'serving', tone: 'serving' }] });
  }
  return lanes;
}

/**
 * A Job's runs: a typical one, and the worst case the deadline covers — every attempt with its pod
 * start, init phase and slowest run, and the controller's back-off between them.
 */
function runSection(workload: ResolvedWorkload): TimelineSection {
  const { job: scheduledOrNot, cronJob } = workload.timings;
  const job = scheduledOrNot!;
  const I = workload.timings.containers.initSeconds;
  const init = initPhase(workload);
  const A = job.activeDeadlineSeconds;
  const typicalEnd = I + job.runTypicalSeconds;
  const worst: Segment[] = [];
  const T = job.startSeconds;
  const a = job.attemptDeadlineSeconds;
  const events: TimelineEvent[] = [
    { at: 0, label: `the Job starts: up to ${T}s for scheduling and image pull are allowed per attempt` },
    { at: typicalEnd, label: `a typical run is done (${job.runTypicalSeconds}s after the container starts, if the pod starts at once)` },
  ];
  let at = 0;
  for (let attempt = 1; attempt <= job.attempts; attempt++) {
    // The pod's own deadline counts from its start: an attempt that runs over is ended at `a` and the next one follows.
    const end = at + a;
    worst.push({ from: at, to: at + T, label: 'pod start', tone: 'init' });
    at += T;
    if (I > 0) worst.push({ from: at, to: at + I, label: 'init', tone: 'init' });
    at += I;
    worst.push({ from: at, to: at + job.runMaxSeconds, label: `attempt ${attempt}`, tone: 'starting' });
    at += job.runMaxSeconds;
    worst.push({ from: at, to: end, label: 'margin', tone: 'margin' });
    at = end;
    if (attempt < job.attempts) {
      const backoff = backoffSeconds(attempt) - backoffSeconds(attempt - 1);
      events.push({
        at,
        label: `attempt ${attempt} hangs and is ended by its deadline (pod activeDeadlineSeconds ${a}): back-off ${backoff}s before the next pod`,
      });
      worst.push({ from: at, to: at + backoff, label: 'back-off', tone: 'margin' });
      at += backoff;
    }
  }
  events.push({ at: A, label: `activeDeadlineSeconds ${A}: the Job is failed and a pod still running is stopped` });
  const codes = job.nonRetryableExitCodes;
  return {
    id: 'run',
    title: 'Runs',
    origin: cronJob ? 'a scheduled run starts its Job' : 'the Job starts',
    // An acknowledged overrides.activeDeadlineSeconds may be shorter than the attempts: show them all.
    end: Math.max(A, at),
    lanes: [
      {
        name: 'typical run',
        segments: [
          ...(init.length > 0 ? [{ from: 0, to: I, label: 'init', tone: 'init' as const }] : []),
          { from: I, to: typicalEnd, label: 'run', tone: 'serving' },
        ],
      },
      { name: `worst case (${job.attempts} attempts)`, segments: worst },
    ],
    events: chronological(events),
    notes: [
      `each attempt ends at its own deadline, activeDeadlineSeconds ${a} of the pod = start ${T} + init ${I} + run ${job.runMaxSeconds} + margin ${job.attemptMarginSeconds}; the Job's ${A} ${job.overridden.includes('activeDeadlineSeconds') ? `(overrides.activeDeadlineSeconds) vs ${job.attempts} x ${a} + back-off ${job.backoffSeconds} = ${job.attempts * a + job.backoffSeconds}` : `= ${job.attempts} x ${a} + back-off ${job.backoffSeconds}`}`,
      `backoffLimit ${job.backoffLimit}: ${job.attempts} attempts${job.attemptsFitSchedule ? ` (fewer than ${DEFAULT_ATTEMPTS}: no more fit between two runs)` : job.attemptsFitDeadline ? ` (fewer than ${DEFAULT_ATTEMPTS}: no more fit the overridden deadline)` : ''}; pods lost to evictions, preemption or node drains (DisruptionTarget) are retried without counting`,
      codes.length > 0
        ? `exit code ${codes.join(', ')} of the main container fails the Job at once (podFailurePolicy FailJob)`
        : 'every failure is retried until the attempts run out (no non-retryable exit codes declared)',
      cronJob && job.ttlSecondsAfterFinished === undefined
        ? `the last ${cronJob.successfulJobsHistoryLimit} succeeded and ${cronJob.failedJobsHistoryLimit} failed Jobs are kept with their pods (history limits)`
        : `a finished Job and its pods are deleted ${job.ttlSecondsAfterFinished}s after it ends (ttlSecondsAfterFinished${job.overridden.includes('ttlSecondsAfterFinished') ? ', overridden' : ''})`,
      ...(cronJob
        ? [
            `schedule ${cronJob.cron}${cronJob.timeZone !== undefined ? ` (${cronJob.timeZone})` : ''}: the next run is due ${cronJob.shortestIntervalSeconds}s after a run at the soonest; ` +
              `a missed run may start up to ${cronJob.startingDeadlineSeconds}s late (startingDeadlineSeconds${cronJob.startingDeadlineOverridden ? ', overridden' : ''})` +
              `; concurrencyPolicy ${cronJob.concurrencyPolicy}`,
          ]
        : []),
    ],
  };
}

export function timeline(workload: ResolvedWorkload): Timeline {
  const sections = workload.timings.job
    ? [runSection(workload), shutdownSection(workload)]
    : [startSection(workload), hungSection(workload), shutdownSection(workload)];
  return { workload: workload.instance, sections };
}
