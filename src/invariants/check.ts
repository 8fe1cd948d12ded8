import { effectiveInterval } from '../timing/arithmetic';
import { INVARIANT_IDS, type InvariantId } from '../declaration/ids';
import { backoffSeconds } from '../timing/kinds/job';
import { CONTROLLER_CHECK_SECONDS, shortestIntervalSeconds } from '../timing/kinds/cronjob';
import { cronCadence, parseCron } from '../timing/cron';
import { BYTES_CAP } from '../declaration/quantities';
import {
  type DeclaredTimes,
  endpointOf,
  type LoadBalancerFacts,
  probeWindow,
  resolveBudget,
  type SizeFacts,
  type WorkloadFacts,
} from './facts';

export type InvariantStatus = 'holds' | 'violated' | 'unknown';

export interface InvariantResult {
  readonly id: InvariantId;
  /** The invariant's number in docs/derivation.md. */
  readonly number: number;
  readonly statement: string;
  readonly status: InvariantStatus;
  /** The numbers compared, e.g. `window 136 s ≥ 1.5 × 90 s = 135 s`. */
  readonly detail: string;
  /** What to change when violated. */
  readonly fix?: string;
  /** The probe a violation is about, when it is about one. */
  readonly probe?: ProbeName;
  /** The load balancer (its index in the facts) and the setting a violation is about, when it is about one. */
  readonly loadBalancer?: { readonly index: number; readonly setting: LoadBalancerSetting };
}

/** The target group settings an invariant may find wrong. */
export type LoadBalancerSetting = 'deregistrationDelay' | 'path' | 'timeout' | 'interval' | 'unhealthyThreshold';

type ProbeName = 'readiness' | 'liveness' | 'startup';
const PROBE_NAMES: readonly ProbeName[] = ['readiness', 'liveness', 'startup'];

type Outcome = Pick<InvariantResult, 'status' | 'detail' | 'fix' | 'probe' | 'loadBalancer'>;

interface Invariant {
  readonly statement: string;
  check(facts: WorkloadFacts, declared: DeclaredTimes): Outcome;
}

const holds = (detail: string): Outcome => ({ status: 'holds', detail });
const violated = (detail: string, fix: string): Outcome => ({ status: 'violated', detail, fix });
const unknown = (detail: string): Outcome => ({ status: 'unknown', detail });

/** Twice the startup window must reach three times S_max: W_s ≥ 1.5 × S_max in integers. */
function coversOneAndAHalf(window: number, seconds: number): boolean {
  return 2 * window >= 3 * seconds;
}

function isZero(budget: number | string): boolean {
  return budget === 0 || budget === '0%';
}

/** A bound in a fix: "between a and b" when the range is not empty, else the one side asked for. */
function between(low: number | undefined, high: number, side: 'low' | 'high'): string {
  if (low !== undefined && low <= high) return `between ${low} and ${high} s`;
  return side === 'high' ? `at most ${high} s` : `at least ${low} s`;
}

/** What a load balancer's health check calls, for messages. */
function checkedEndpoint(healthCheck: LoadBalancerFacts['healthCheck']): string {
  if (healthCheck.protocol === 'TCP') return 'a TCP connection';
  if (healthCheck.protocol === 'GRPC') return 'the gRPC health service';
  return `${healthCheck.protocol} ${healthCheck.path ?? '/'}`;
}

/** The first load balancer the check finds wrong or cannot decide, else the details of all. */
function eachLoadBalancer(
  loadBalancers: readonly LoadBalancerFacts[] | undefined,
  check: (loadBalancer: LoadBalancerFacts, index: number) => Outcome,
): Outcome {
  if (!loadBalancers || loadBalancers.length === 0) return holds('no load balancer with IP targets');
  const outcomes = loadBalancers.map(check);
  return (
    outcomes.find(({ status }) => status === 'violated') ??
    outcomes.find(({ status }) => status === 'unknown') ??
    holds(outcomes.map(({ detail }) => detail).join('; '))
  );
}

export const INVARIANTS: Readonly<Record<InvariantId, Invariant>> = {
  startupWindow: {
    statement: 'The startup window covers 1.5 × the slowest start, and liveness is gated by the startup probe.',
    check({ liveness, startup }, { startupMaxSeconds }) {
      if (liveness && !startup) {
        // Without a startup probe, liveness restarts a starting pod once its initial delay and window have passed:
        // that is the start it tolerates. https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
        const delay = liveness.initialDelaySeconds ?? 0;
        const tolerance = delay + probeWindow(liveness);
        const tolerated = `no startup probe: liveness tolerates a start of initialDelaySeconds ${delay} + window ${probeWindow(liveness)} = ${tolerance} s`;
        if (startupMaxSeconds === undefined) return unknown(`${tolerated}; the slowest start is not known`);
        const detail = `${tolerated} vs 1.5 × ${startupMaxSeconds} s`;
        return coversOneAndAHalf(tolerance, startupMaxSeconds)
          ? holds(detail)
          : violated(
              detail,
              `add a startup probe whose window covers ${Math.ceil((3 * startupMaxSeconds) / 2)} s (or raise the liveness initialDelaySeconds to at least ${Math.ceil((3 * startupMaxSeconds) / 2) - probeWindow(liveness)})`,
            );
      }
      if (!startup) return holds('no liveness and no startup probe: nothing can restart a starting pod');
      const window = probeWindow(startup);
      if (startupMaxSeconds === undefined) return unknown(`startup window ${window} s; the slowest start is not known`);
      const interval = effectiveInterval(startup.periodSeconds, startup.timeoutSeconds);
      const detail = `startup window ${interval} s × ${startup.failureThreshold} = ${window} s vs 1.5 × ${startupMaxSeconds} s`;
      return coversOneAndAHalf(window, startupMaxSeconds)
        ? holds(detail)
        : violated(detail, `raise the startup failureThreshold to at least ${Math.ceil((3 * startupMaxSeconds) / (2 * interval))}`);
    },
  },
  probeSuccessThreshold: {
    statement: 'successThreshold is 1 for liveness and startup probes (API rule).',
    check({ liveness, startup }) {
      const wrong = [
        ['liveness', liveness],
        ['startup', startup],
      ].filter(([, probe]) => probe && (probe as { successThreshold: number }).successThreshold !== 1);
      return wrong.length === 0
        ? holds('successThreshold 1 where present')
        : violated(`successThreshold ≠ 1 on ${wrong.map(([name]) => name).join(', ')}`, 'set successThreshold to 1');
    },
  },
  livenessAfterReadiness: {
    statement:
      'Liveness fires only after readiness has taken the pod out of rotation: W_l ≥ max(2 × W_r, W_r + P), liveness timeout ≥ readiness timeout.',
    check({ liveness, readiness }, { propagationSeconds }) {
      if (!liveness || !readiness) return holds('not both a liveness and a readiness probe');
      const W_l = probeWindow(liveness);
      const W_r = probeWindow(readiness);
      const needed = Math.max(2 * W_r, W_r + (propagationSeconds ?? 0));
      const neededText =
        propagationSeconds === undefined
          ? `2 × ${W_r} = ${needed} s (propagation not known)`
          : `max(2 × ${W_r}, ${W_r} + ${propagationSeconds}) = ${needed} s`;
      const detail =
        `liveness window ${W_l} s vs ${neededText}; ` +
        `timeouts liveness ${liveness.timeoutSeconds} s, readiness ${readiness.timeoutSeconds} s`;
      if (W_l < needed) {
        return violated(
          detail,
          `raise the liveness failureThreshold to at least ${Math.ceil(needed / effectiveInterval(liveness.periodSeconds, liveness.timeoutSeconds))}`,
        );
      }
      if (liveness.timeoutSeconds < readiness.timeoutSeconds) {
        return violated(detail, `raise the liveness timeoutSeconds to at least ${readiness.timeoutSeconds}`);
      }
      return propagationSeconds === undefined ? unknown(detail) : holds(detail);
    },
  },
  distinctProbes: {
    statement: 'Readiness and liveness are different checks (and neither checks shared dependencies).',
    check({ liveness, readiness }) {
      if (!liveness || !readiness) return holds('not both a liveness and a readiness probe');
      if (liveness.handler !== readiness.handler) return holds(`readiness ${readiness.handler}; liveness ${liveness.handler}`);
      // A TCP readiness check is what liveness does already; it is readiness that must say more.
      return violated(
        `both probes check ${readiness.handler}`,
        readiness.handler.startsWith('tcpSocket')
          ? 'give readiness a check that says "can serve now", e.g. an HTTP path such as /readyz, and keep liveness on the TCP port'
          : 'let liveness check only that the process responds (e.g. tcpSocket on the port) and keep readiness for "can serve now"',
      );
    },
  },
  readinessTimeout: {
    statement: '2 ≤ timeout < period for every probe: no false failures under load, and windows as long as they say.',
    check({ readiness, liveness, startup }) {
      const probes = PROBE_NAMES.flatMap((name) => {
        const probe = { readiness, liveness, startup }[name];
        return probe ? [{ name, probe }] : [];
      });
      if (probes.length === 0) return holds('no probes');
      const detail = probes
        .map(({ name, probe }) => `${name} timeout ${probe.timeoutSeconds} s, period ${probe.periodSeconds} s`)
        .join('; ');
      for (const { name, probe } of probes) {
        if (probe.timeoutSeconds < 2) return { ...violated(detail, `set the ${name} timeoutSeconds to at least 2`), probe: name };
        if (probe.timeoutSeconds >= probe.periodSeconds) {
          return { ...violated(detail, `set the ${name} periodSeconds to at least ${probe.timeoutSeconds + 1}`), probe: name };
        }
      }
      return holds(detail);
    },
  },
  preStopCoversPropagation: {
    statement: 'The preStop delay covers endpoint propagation: no 502s from stale endpoints.',
    check({ servesTraffic, preStopSeconds }, { propagationSeconds }) {
      if (!servesTraffic) return holds('no Service traffic');
      if (preStopSeconds === undefined) return unknown('the preStop delay cannot be read from the manifest');
      // Removal from endpoints is never instantaneous, on any platform: no delay at all fails whatever the propagation time.
      if (preStopSeconds === 0 && propagationSeconds !== 0) {
        return violated(
          `no preStop delay, while endpoint removal takes ${propagationSeconds === undefined ? 'some seconds on every platform' : `${propagationSeconds} s`}`,
          `delay SIGTERM by ${propagationSeconds === undefined ? 'the propagation time (at least 5 s, more behind cloud load balancers)' : `at least ${propagationSeconds} s`} in a preStop hook`,
        );
      }
      if (propagationSeconds === undefined) return unknown(`preStop ${preStopSeconds} s; propagation time not known`);
      const detail = `preStop ${preStopSeconds} s vs propagation ${propagationSeconds} s`;
      return preStopSeconds >= propagationSeconds
        ? holds(detail)
        : violated(detail, `delay SIGTERM by at least ${propagationSeconds} s in the preStop hook`);
    },
  },
  graceCoversShutdown: {
    statement: 'G ≥ preStop + drain + 5: no SIGKILL mid-request; and preStop ≤ G (API rule).',
    check({ preStopSeconds, terminationGracePeriodSeconds: G }, { drainSeconds }) {
      if (preStopSeconds === undefined) {
        // An unreadable hook (httpGet, an exec that is not a sleep) takes an unknown time: never counted as 0 s.
        if (drainSeconds !== undefined && G < drainSeconds + 5) {
          return violated(
            `grace ${G} s < drain ${drainSeconds} + 5 s, before the preStop hook (unreadable) is counted`,
            `raise terminationGracePeriodSeconds to at least the preStop delay + ${drainSeconds + 5}`,
          );
        }
        return unknown(`grace ${G} s; the preStop delay cannot be read from the manifest`);
      }
      const preStop = preStopSeconds;
      if (preStop > G) {
        return violated(
          `preStop ${preStop} s > grace ${G} s`,
          `raise terminationGracePeriodSeconds to at least ${preStop + (drainSeconds ?? 0) + 5}`,
        );
      }
      if (drainSeconds === undefined) return unknown(`grace ${G} s, preStop ${preStop} s; drain time not known`);
      const needed = preStop + drainSeconds + 5;
      const detail = `grace ${G} s vs preStop ${preStop} + drain ${drainSeconds} + 5 = ${needed} s`;
      return G >= needed ? holds(detail) : violated(detail, `raise terminationGracePeriodSeconds to at least ${needed}`);
    },
  },
  probeGrace: {
    statement: 'Probe-level grace ≤ pod grace G.',
    check({ liveness, startup, terminationGracePeriodSeconds: G }) {
      const over = [
        ['liveness', liveness?.terminationGracePeriodSeconds],
        ['startup', startup?.terminationGracePeriodSeconds],
      ].filter(([, grace]) => grace !== undefined && (grace as number) > G);
      return over.length === 0
        ? holds(`probe grace within ${G} s`)
        : violated(
            over.map(([name, grace]) => `${name} probe grace ${grace} s > ${G} s`).join(', '),
            `lower the probe terminationGracePeriodSeconds to at most ${G}`,
          );
    },
  },
  surgeWhenNoUnavailable: {
    statement: 'maxSurge ≥ 1 whenever maxUnavailable is 0, or the rollout cannot progress (API rule).',
    check({ maxSurge, maxUnavailable, replicas }) {
      const detail = `maxUnavailable ${maxUnavailable}, maxSurge ${maxSurge}`;
      if (!isZero(maxUnavailable)) return holds(detail);
      return resolveBudget(maxSurge, replicas, 'up') >= 1 ? holds(detail) : violated(detail, 'set maxSurge to at least 1 (or "25%")');
    },
  },
  progressDeadline: {
    statement: 'progressDeadlineSeconds > minReadySeconds and covers one worst-case pod start.',
    check({ progressDeadlineSeconds, minReadySeconds, startup, initPhase }, { startupMaxSeconds, containers = {} }) {
      const worstStart = startup ? probeWindow(startup) : startupMaxSeconds;
      if (progressDeadlineSeconds <= minReadySeconds) {
        return violated(
          `progressDeadlineSeconds ${progressDeadlineSeconds} ≤ minReadySeconds ${minReadySeconds}`,
          `raise progressDeadlineSeconds above ${minReadySeconds}`,
        );
      }
      if (worstStart === undefined) return unknown(`progressDeadlineSeconds ${progressDeadlineSeconds}; worst-case start not known`);
      // Init containers and gating sidecars run before the application starts, before any probe.
      const undeclared = (initPhase?.initContainers ?? []).filter((name) => containers[name]?.maxSeconds === undefined);
      const init = initPhase
        ? initPhase.initContainers.reduce((sum, name) => sum + (containers[name]?.maxSeconds ?? 0), initPhase.sidecarWindowSeconds)
        : 0;
      const needed = init + worstStart + minReadySeconds;
      const detail = initPhase
        ? `progressDeadlineSeconds ${progressDeadlineSeconds} vs init ${init} + worst start ${worstStart} + minReady ${minReadySeconds} = ${needed} s`
        : `progressDeadlineSeconds ${progressDeadlineSeconds} vs worst start ${worstStart} + minReady ${minReadySeconds} = ${needed} s`;
      if (progressDeadlineSeconds < needed) return violated(detail, `raise progressDeadlineSeconds to at least ${needed}`);
      if (undeclared.length > 0) return unknown(`${detail}; no declared maxSeconds for init container ${undeclared.join(', ')}`);
      return holds(detail);
    },
  },
  pdbAllowsDisruption: {
    statement: 'The PodDisruptionBudget always allows at least one disruption (never blocks node drains).',
    check({ podDisruptionBudget: pdb, replicas }) {
      if (!pdb) return holds('no PodDisruptionBudget');
      const allowed =
        pdb.maxUnavailable !== undefined
          ? resolveBudget(pdb.maxUnavailable, replicas, 'up')
          : replicas - resolveBudget(pdb.minAvailable ?? 1, replicas, 'up');
      const detail = `${allowed} of ${replicas} pods may be disrupted`;
      return allowed >= 1 ? holds(detail) : violated(detail, 'use maxUnavailable: 1 in the PodDisruptionBudget');
    },
  },
  graceLimit: {
    statement: 'G ≤ 600 s: cluster autoscalers and spot interruption notices do not wait longer.',
    check({ terminationGracePeriodSeconds: G }, { drainSeconds: D }) {
      const detail = `grace ${G} s vs 600 s`;
      return G <= 600 ? holds(detail) : violated(detail, graceLimitFix(G, D));
    },
  },
  sidecarsOutliveDrain: {
    statement: "Every sidecar outlives the application's drain, and the grace period covers the sidecars' own stop.",
    check: sidecarsOutliveDrain,
  },
  deregistrationDelay: {
    statement:
      "The load balancer's deregistration delay lets in-flight requests finish and ends within the grace period: P + D ≤ deregistration delay ≤ G.",
    check({ loadBalancers, terminationGracePeriodSeconds: G }, { propagationSeconds: P, drainSeconds: D }) {
      return eachLoadBalancer(loadBalancers, (loadBalancer, index) => {
        const delay = loadBalancer.deregistrationDelaySeconds;
        const at = { index, setting: 'deregistrationDelay' as const };
        if (delay === undefined) return unknown(`${loadBalancer.subject}: the deregistration delay is no whole number of seconds`);
        const needed = P !== undefined && D !== undefined ? P + D : undefined;
        const detail =
          needed === undefined
            ? `${loadBalancer.subject}: deregistration delay ${delay} s, grace ${G} s; propagation or drain time not known`
            : `${loadBalancer.subject}: deregistration delay ${delay} s vs propagation ${P} + drain ${D} = ${needed} s, grace ${G} s`;
        if (delay > G) return { ...violated(detail, `set the deregistration delay ${between(needed, G, 'high')}`), loadBalancer: at };
        if (needed === undefined) return unknown(detail);
        if (delay < needed) return { ...violated(detail, `set the deregistration delay ${between(needed, G, 'low')}`), loadBalancer: at };
        return holds(detail);
      });
    },
  },
  loadBalancerHealthCheck: {
    statement:
      "The load balancer's health check is never stricter than readiness and notices a hung pod before liveness restarts it: it checks the readiness endpoint, its timeout ≥ the readiness timeout, and W_r ≤ interval × unhealthy threshold ≤ W_l.",
    check({ loadBalancers, readiness, liveness }) {
      if (!readiness) return holds('no readiness probe to compare with');
      return eachLoadBalancer(loadBalancers, (loadBalancer, index) => {
        const { healthCheck, subject } = loadBalancer;
        const at = (setting: LoadBalancerSetting) => ({ index, setting });
        if (healthCheck.protocol !== 'TCP') {
          const endpoint = endpointOf(readiness.handler);
          const same =
            endpoint !== undefined &&
            endpoint.protocol === healthCheck.protocol &&
            (endpoint.protocol === 'GRPC' || endpoint.path === healthCheck.path);
          if (!same) {
            return {
              ...violated(
                `${subject} checks ${checkedEndpoint(healthCheck)}, readiness checks ${readiness.handler}`,
                endpoint === undefined || endpoint.protocol === 'GRPC'
                  ? 'check the same endpoint in the readiness probe and the health check'
                  : `point the health check at the readiness endpoint (${endpoint.protocol} ${endpoint.path})`,
              ),
              loadBalancer: at('path'),
            };
          }
        }
        const { intervalSeconds: I, timeoutSeconds: T, unhealthyThresholdCount: U } = healthCheck;
        if (I === undefined || T === undefined || U === undefined) {
          return unknown(`${subject}: the health check interval, timeout or unhealthy threshold is no whole number`);
        }
        const W_r = probeWindow(readiness);
        const W_l = liveness ? probeWindow(liveness) : undefined;
        const window = I * U;
        const detail =
          `${subject} checks ${checkedEndpoint(healthCheck)} every ${I} s, timeout ${T} s, out after ${U} failures: window ${window} s vs readiness window ${W_r} s` +
          `${W_l !== undefined ? `, liveness window ${W_l} s` : ''}; timeout vs readiness timeout ${readiness.timeoutSeconds} s`;
        if (T < readiness.timeoutSeconds) {
          return {
            ...violated(detail, `raise the health check timeout to at least ${readiness.timeoutSeconds} s`),
            loadBalancer: at('timeout'),
          };
        }
        if (window < W_r) {
          const threshold = Math.ceil(W_r / I);
          return threshold <= 10
            ? { ...violated(detail, `raise the unhealthy threshold to at least ${threshold}`), loadBalancer: at('unhealthyThreshold') }
            : { ...violated(detail, `raise the health check interval to at least ${Math.ceil(W_r / 10)} s`), loadBalancer: at('interval') };
        }
        if (W_l !== undefined && window > W_l) {
          const threshold = Math.floor(W_l / I);
          return threshold >= 2
            ? { ...violated(detail, `lower the unhealthy threshold to at most ${threshold}`), loadBalancer: at('unhealthyThreshold') }
            : { ...violated(detail, `lower the health check interval to at most ${Math.floor(W_l / 2)} s`), loadBalancer: at('interval') };
        }
        return holds(detail);
      });
    },
  },
  deadlineCoversAttempts: {
    statement:
      "A Job's activeDeadlineSeconds is set and covers every attempt backoffLimit allows: (backoffLimit + 1) × (init phase + slowest run) + the back-off between attempts.",
    check({ job, initPhase }, { runMaxSeconds, containers = {} }) {
      if (!job) return holds('not a Job');
      const attempts = job.backoffLimit + 1;
      const init = initPhase
        ? initPhase.initContainers.reduce((sum, name) => sum + (containers[name]?.maxSeconds ?? 0), initPhase.sidecarWindowSeconds)
        : 0;
      const undeclared = (initPhase?.initContainers ?? []).filter((name) => containers[name]?.maxSeconds === undefined);
      const B = backoffSeconds(job.backoffLimit);
      const needed = runMaxSeconds === undefined ? undefined : attempts * (init + runMaxSeconds) + B;
      const formula = `${attempts} × (init ${init} + run ${shown(runMaxSeconds)}) + back-off ${B} = ${shown(needed)} s`;
      if (job.activeDeadlineSeconds === undefined) {
        // Without a declared run the numbers that are known are given, the run named (never a `?`).
        const perRun = `${attempts} attempts (backoffLimit ${job.backoffLimit} + 1) × (init ${init} s + the slowest run) + back-off ${B} s`;
        return needed === undefined
          ? violated(
              `no activeDeadlineSeconds: a run that hangs is never ended (needed ${perRun})`,
              `set activeDeadlineSeconds to at least ${perRun}; declare runMaxSeconds to have it worked out`,
            )
          : violated(
              `no activeDeadlineSeconds: a run that hangs is never ended (needed ${formula})`,
              `set activeDeadlineSeconds to at least ${needed}`,
            );
      }
      if (needed === undefined) return unknown(`activeDeadlineSeconds ${job.activeDeadlineSeconds}; the slowest run is not known`);
      const detail = `activeDeadlineSeconds ${job.activeDeadlineSeconds} vs ${formula}`;
      if (job.activeDeadlineSeconds < needed) {
        return violated(detail, `raise activeDeadlineSeconds to at least ${needed}, or lower backoffLimit`);
      }
      if (undeclared.length > 0) return unknown(`${detail}; no declared maxSeconds for init container ${undeclared.join(', ')}`);
      return holds(detail);
    },
  },
  runFitsSchedule: {
    statement:
      'When runs must not overlap (concurrencyPolicy Forbid or Replace), a late start plus the run fits between two scheduled runs: startingDeadlineSeconds + activeDeadlineSeconds ≤ the shortest interval of the schedule.',
    check({ cronJob, job }) {
      if (!cronJob) return holds('not a CronJob');
      const { cron, timeZone, concurrencyPolicy: policy, startingDeadlineSeconds: S } = cronJob;
      if (policy !== 'Forbid' && policy !== 'Replace') return holds(`concurrencyPolicy ${policy}: runs may overlap`);
      const fields = parseCron(cron);
      const cadence = fields && cronCadence(fields);
      if (!cadence) return unknown(`the schedule "${cron}" cannot be read`);
      if (cadence.runs !== 'repeatedly') return holds(`the schedule "${cron}" does not repeat`);
      const C = shortestIntervalSeconds(cadence.shortestIntervalMinutes, timeZone);
      const A = job?.activeDeadlineSeconds;
      const schedule = `"${cron}"${timeZone !== undefined ? ` (${timeZone})` : ''}, ${policy}`;
      const shorten = `shorten the run (activeDeadlineSeconds) to at most ${C - CONTROLLER_CHECK_SECONDS} s, schedule runs further apart, or let runs overlap (concurrencyPolicy Allow)`;
      if (A === undefined) {
        return violated(`no activeDeadlineSeconds: a run may last into the next, shortest interval ${C} s (${schedule})`, shorten);
      }
      if (S === undefined) {
        return violated(
          `no startingDeadlineSeconds: a missed run starts whenever the controller catches up, into the next, shortest interval ${C} s (${schedule})`,
          C - A >= CONTROLLER_CHECK_SECONDS ? `set startingDeadlineSeconds to at most ${C - A}` : shorten,
        );
      }
      const detail = `startingDeadlineSeconds ${S} + activeDeadlineSeconds ${A} = ${S + A} s vs shortest interval ${C} s (${schedule})`;
      if (S + A <= C) return holds(detail);
      return violated(detail, C - A >= CONTROLLER_CHECK_SECONDS ? `lower startingDeadlineSeconds to at most ${C - A}` : shorten);
    },
  },
  attemptFitsDeadline: {
    statement:
      "Every attempt has its own deadline (the pod's activeDeadlineSeconds), and every attempt backoffLimit allows fits inside the Job's: (backoffLimit + 1) × the pod's activeDeadlineSeconds + the back-off between attempts ≤ the Job's activeDeadlineSeconds.",
    check({ job }) {
      if (!job) return holds('not a Job');
      const { activeDeadlineSeconds: A, backoffLimit, attemptDeadlineSeconds: a } = job;
      const n = backoffLimit + 1;
      const B = backoffSeconds(backoffLimit);
      if (A === undefined) return unknown('no Job activeDeadlineSeconds to fit the attempts in (invariant 16)');
      if (a === undefined) {
        if (backoffLimit === 0) return holds(`one attempt: the Job's activeDeadlineSeconds ${A} is its deadline`);
        return violated(
          `no activeDeadlineSeconds in the pod template: a first attempt that hangs runs until the Job's deadline ${A} s, and none of the ${backoffLimit} retries follows`,
          `set the pod template's activeDeadlineSeconds to at most ${Math.floor((A - B) / n)} (the slowest attempt, start included)`,
        );
      }
      const needed = n * a + B;
      const detail = `${n} × attempt ${a} + back-off ${B} = ${needed} s vs the Job's activeDeadlineSeconds ${A}`;
      if (needed <= A) return holds(detail);
      return violated(
        detail,
        `raise the Job's activeDeadlineSeconds to at least ${needed}, lower the pod's to at most ${Math.max(0, Math.floor((A - B) / n))}, or lower backoffLimit`,
      );
    },
  },
  ephemeralStorageCoversFolders: {
    statement:
      "When the pod's containers limit their ephemeral storage, those limits together are larger than the size limits of the pod's emptyDirs on disk, whose files count against them.",
    check: ephemeralStorageCoversFolders,
  },
};

/** Sizes added up in bytes (at most BYTES_CAP, as both faces add them); undefined when one cannot be read. */
function totalBytes(sizes: readonly SizeFacts[]): number | undefined {
  return sizes.reduce<number | undefined>(
    (sum, { bytes }) => (sum === undefined || bytes === undefined ? undefined : Math.min(sum + bytes, BYTES_CAP)),
    0,
  );
}

const sizesText = (sizes: readonly SizeFacts[]) =>
  `${sizes.map(({ name, quantity }) => `${name} ${quantity}`).join(' + ')} = ${shown(totalBytes(sizes))} bytes`;

/**
 * Invariant 19. The kubelet adds up the ephemeral-storage limits of a pod's containers and evicts
 * the pod when its containers' writable layers and logs and its emptyDirs on disk use more
 * ("Local ephemeral storage", https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage):
 * limits no larger than the folders' size limits evict the pod before its folders are full.
 */
function ephemeralStorageCoversFolders({ ephemeralStorage }: WorkloadFacts): Outcome {
  const { limits = [], folders = [] } = ephemeralStorage ?? {};
  if (limits.length === 0) return holds('no ephemeral-storage limit');
  const unbounded = folders.find(({ quantity }) => quantity === undefined);
  if (unbounded) {
    return violated(
      `ephemeral-storage limits ${sizesText(limits)}; emptyDir ${unbounded.name} on disk has no sizeLimit and may fill them`,
      `give emptyDir ${unbounded.name} a sizeLimit below the ephemeral-storage limits`,
    );
  }
  if (folders.length === 0) return holds(`ephemeral-storage limits ${sizesText(limits)}; no emptyDir on disk`);
  const detail = `ephemeral-storage limits ${sizesText(limits)} vs emptyDirs on disk ${sizesText(folders)}`;
  const [limit, held] = [totalBytes(limits), totalBytes(folders)];
  if (limit === undefined || held === undefined) return unknown(detail);
  if (held < limit) return holds(detail);
  return violated(
    detail,
    `raise the ephemeral-storage limit above ${held} bytes, or lower the emptyDirs' sizeLimits (or keep folders in memory)`,
  );
}

/** A number as the details print it: `?` when a manifest does not show it. */
const shown = (value: number | undefined) => (value === undefined ? '?' : String(value));

/**
 * Invariant 13. Native sidecars are stopped after the application, one after another, inside the
 * one grace period; ordinary sidecars and mesh proxies receive SIGTERM on their own schedule (their
 * preStop delay, or the proxy's drain), which must last until the application's preStop delay and
 * drain are over, and end at least 5 s before SIGKILL. An unknown time counts as 0 for a violation
 * that holds whatever it is, else leaves the invariant unknown.
 */
/**
 * The fix of graceLimit, with the number. A derived grace period is G = S + max(5, ceil(S / 10))
 * with S = preStop + drain + sidecar stops (docs/derivation.md), so G ≤ 600 holds exactly while
 * S ≤ 545: the longest drain that fits is 545 - (S - drain). A grace period that is not of that
 * form was set by overrides.terminationGracePeriodSeconds, which is then what to lower.
 * Mirrored in templates/_invariants.tpl.
 */
function graceLimitFix(G: number, D: number | undefined): string {
  const m = Math.max(5, Math.ceil(G / 11));
  const S = [m - 1, m, m + 1].map((margin) => G - margin).find((s) => s + Math.max(5, Math.ceil(s / 10)) === G);
  if (D === undefined || S === undefined || S - D > 545) {
    return 'lower terminationGracePeriodSeconds to 600 s or less (overrides.terminationGracePeriodSeconds, or a shorter drain), or acknowledge graceLimit with a reason';
  }
  return `shorten drainSeconds to at most ${545 - (S - D)} s, the longest drain whose grace period fits 600 s, or acknowledge graceLimit with a reason`;
}

function sidecarsOutliveDrain(facts: WorkloadFacts, { drainSeconds: D, containers = {} }: DeclaredTimes): Outcome {
  const { sidecars = [], meshProxy, preStopSeconds: preStop, terminationGracePeriodSeconds: G } = facts;
  if (sidecars.length === 0 && !meshProxy) return holds('no sidecars');
  const drainEnd = preStop === undefined || D === undefined ? undefined : preStop + D;
  const drainText = `${shown(preStop)} + ${shown(D)} = ${shown(drainEnd)} s`;
  const parts: string[] = [];
  const outliveFixes: string[] = [];
  let graceNeeded = 0;
  let uncertain = false;

  /** One sidecar or proxy that receives SIGTERM `sigterm` s after deletion and needs `stop` s more. */
  const onItsOwn = (label: string, sigterm: number | undefined, stop: number | undefined, fix: string) => {
    const outlives =
      sigterm !== undefined && preStop !== undefined && sigterm < preStop
        ? false
        : drainEnd === undefined || sigterm === undefined
          ? undefined
          : sigterm >= drainEnd;
    if (outlives === false) outliveFixes.push(fix);
    const needed = sigterm === undefined ? undefined : sigterm + (stop ?? 0) + 5;
    if (outlives === undefined || needed === undefined || stop === undefined) uncertain = true;
    if (needed !== undefined) graceNeeded = Math.max(graceNeeded, needed);
    parts.push(
      `${label}: SIGTERM at ${shown(sigterm)} s vs drain end ${drainText}, grace ${G} s vs ${shown(sigterm)} + stop ${shown(stop)} + 5 = ${shown(stop === undefined ? undefined : needed)} s`,
    );
  };

  const native = sidecars.filter((sidecar) => sidecar.native);
  if (native.length > 0) {
    const stops = native.map((sidecar) => containers[sidecar.name]?.stopSeconds);
    const known = stops.every((stop) => stop !== undefined) && drainEnd !== undefined;
    const needed = (preStop ?? 0) + (D ?? 0) + stops.reduce<number>((sum, stop) => sum + (stop ?? 0), 0) + 5;
    if (!known) uncertain = true;
    graceNeeded = Math.max(graceNeeded, needed);
    parts.push(
      `native sidecars stop one by one after the application: grace ${G} s vs preStop ${shown(preStop)} + drain ${shown(D)} + stops (${stops.map(shown).join(' + ')}) + 5 = ${known ? needed : '?'} s`,
    );
  }
  // How long past deletion something must keep serving: known, or at least the application's preStop delay.
  const until = drainEnd !== undefined ? `${drainEnd}` : `the application's preStop delay (${shown(preStop)} s) plus its drain time`;
  for (const sidecar of sidecars.filter((each) => !each.native)) {
    onItsOwn(
      `sidecar ${sidecar.name}`,
      sidecar.preStopSeconds,
      containers[sidecar.name]?.stopSeconds,
      drainEnd !== undefined
        ? `delay SIGTERM to sidecar ${sidecar.name} by at least ${drainEnd} s in its preStop hook`
        : `delay SIGTERM to sidecar ${sidecar.name} in its preStop hook by ${until}`,
    );
  }
  if (meshProxy) {
    onItsOwn(
      `${meshProxy.mesh} proxy`,
      meshProxy.drainSeconds,
      0,
      meshProxy.mesh === 'istio'
        ? `set terminationDrainDuration in the proxy.istio.io/config annotation to ${drainEnd !== undefined ? `at least ${drainEnd}s` : until}`
        : `set the config.alpha.linkerd.io/proxy-wait-before-exit-seconds annotation to ${drainEnd !== undefined ? `at least ${drainEnd}` : until}`,
    );
  }
  const detail = parts.join('; ');
  if (outliveFixes.length > 0) return violated(detail, outliveFixes[0]!);
  if (G < graceNeeded) return violated(detail, `raise terminationGracePeriodSeconds to at least ${graceNeeded}`);
  return uncertain ? unknown(detail) : holds(detail);
}

/** Checks one invariant. */
export function checkInvariant(id: InvariantId, facts: WorkloadFacts, declared: DeclaredTimes = {}): InvariantResult {
  const { status, detail, fix, probe, loadBalancer } = INVARIANTS[id].check(facts, declared);
  // Every result has every key, absent ones undefined: one shape for all of them (see constructs/kubernetes-json.ts).
  return { id, number: INVARIANT_IDS.indexOf(id) + 1, statement: INVARIANTS[id].statement, status, detail, fix, probe, loadBalancer };
}

/** Checks every invariant of docs/derivation.md, in its order. */
export function checkInvariants(facts: WorkloadFacts, declared: DeclaredTimes = {}): InvariantResult[] {
  return INVARIANT_IDS.map((id) => checkInvariant(id, facts, declared));
}
