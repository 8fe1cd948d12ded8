import type { ResolvedWorkload } from '../declaration/resolve';
import { resolveBudget } from '../invariants/facts';
import { ceilDiv } from '../timing/arithmetic';
import { effectiveInterval } from '../timing/derive';
import type { ProbeTimings } from '../timing/types';

/**
 * A workload's lifecycle as three short stories, in seconds from their own origin: how a pod
 * starts and joins a rollout, how a hung pod is taken out and restarted, and how a deleted pod
 * drains. A plain model, so that the text table and the SVG picture show the same numbers.
 */
export type Tone = 'starting' | 'probing' | 'serving' | 'waiting' | 'draining' | 'margin' | 'failing' | 'danger';

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
  readonly id: 'start' | 'hung' | 'shutdown';
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

function startSection(workload: ResolvedWorkload): TimelineSection {
  const { timings, probes, replicas } = workload;
  const { startup, readiness, rollout } = timings;
  const S_typ = timings.startupTypicalSeconds;
  const S_max = timings.startupMaxSeconds;
  const W_s = startup.windowSeconds;
  const available = S_typ + rollout.minReadySeconds;
  const end = Math.max(W_s, available, S_max);
  const pods = replicas.mode === 'fixed' ? replicas.count : replicas.min;
  const surge = Math.max(1, resolveBudget(rollout.maxSurge, pods, 'up'));
  const batches = ceilDiv(pods, surge);

  const events: TimelineEvent[] = [
    {
      at: 0,
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
    { at: S_max, label: `slowest declared start (${S_max}s)` },
  ];
  if (probes.startup) {
    events.push({
      at: W_s,
      label: `startup window ends (${interval(startup)}s x ${startup.failureThreshold}): a pod still starting is restarted`,
    });
  }
  return {
    id: 'start',
    title: 'Start and rollout',
    origin: 'the container starts',
    end,
    lanes: [
      {
        name: 'pod',
        segments: [
          { from: 0, to: S_typ, label: 'starting', tone: 'starting' },
          { from: S_typ, to: available, label: 'minReady', tone: 'waiting' },
          { from: available, to: end, label: 'available', tone: 'serving', openEnded: true },
        ],
      },
      { name: 'worst case', segments: [{ from: 0, to: S_max, label: 'slowest start', tone: 'starting' }] },
      ...(probes.startup
        ? [{ name: 'startup probe', segments: [{ from: 0, to: W_s, label: 'startup window', tone: 'probing' as const }] }]
        : []),
    ],
    events: chronological(events),
    notes: [
      `rollout: ${pods} pods, ${surge} at a time (maxSurge ${rollout.maxSurge}, maxUnavailable ${rollout.maxUnavailable}): ` +
        `about ${batches} x ${available}s = ${batches * available}s when starts are typical`,
      `a rollout that makes no progress for ${rollout.progressDeadlineSeconds}s is marked failed (progressDeadlineSeconds)`,
    ],
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
    lanes.push({
      name: 'readiness',
      segments: [
        { from: 0, to: W_r, label: `${readiness.failureThreshold} misses`, tone: 'failing' },
        { from: W_r, to: end, label: 'out of rotation', tone: 'waiting', openEnded: true },
      ],
    });
    events.push({ at: W_r, label: `readiness fails ${interval(readiness)}s x ${readiness.failureThreshold}: removed from endpoints` });
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
  const podSegments: Segment[] = [];
  if (drainStart > 0) podSegments.push({ from: 0, to: drainStart, label: 'preStop', tone: 'waiting' });
  podSegments.push({ from: drainStart, to: Math.min(drainEnd, G), label: 'drain', tone: 'draining' });
  if (drainEnd < G) podSegments.push({ from: drainEnd, to: G, label: 'margin', tone: 'margin' });
  if (drainEnd > G) podSegments.push({ from: G, to: drainEnd, label: 'cut off', tone: 'danger' });

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
  return {
    id: 'shutdown',
    title: 'Deletion',
    origin: 'the pod is deleted',
    end,
    lanes: [
      ...(P > 0 ? [{ name: 'traffic', segments: [{ from: 0, to: P, label: 'still arriving', tone: 'serving' as const }] }] : []),
      { name: 'pod', segments: podSegments },
    ],
    events: chronological(events),
    notes: [],
  };
}

export function timeline(workload: ResolvedWorkload): Timeline {
  return { workload: workload.instance, sections: [startSection(workload), hungSection(workload), shutdownSection(workload)] };
}
