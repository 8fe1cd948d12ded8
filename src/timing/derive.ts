import { ceilDiv, clamp, effectiveInterval } from './arithmetic';
import { deriveLoadBalancer } from './load-balancer';
import { PROPAGATION_SECONDS } from './platforms';
import { initSeconds, meshDrainSeconds, sidecarMode, sidecarStopSeconds, sidecarTimings } from './containers';
import { Recorder, type Rule } from './record';
import { deriveJob } from './kinds/job';
import { CONTROLLER_CHECK_SECONDS, deriveCronJob, forbidsOverlap, shortestIntervalSeconds } from './kinds/cronjob';
import { KINDS, runsToCompletion } from '../kinds/table';
import { deriveDaemonSetRollout } from './kinds/daemon-set';
import { deriveStatefulSetRollout } from './kinds/stateful-set';

import type {
  Derivation,
  PodBudget,
  PreStopMechanism,
  ProbeTimingOverride,
  ProbeTimings,
  RestartingProbeTimings,
  Rollout,
  TimingInput,
} from './types';

/**
 * The timing rules of docs/derivation.md as one pure function: the same input always gives the same numbers
 * and the same explanations. No Kubernetes types here — the constructs and the Helm templates map
 * the result onto objects.
 *
 * Overrides replace a value and everything downstream reads the replaced value, so an override of
 * the readiness period also moves the liveness window and minReadySeconds. Whether the result
 * still satisfies the invariants is checked elsewhere (`checkInvariants`).
 *
 * With `explain: false` the explanations are left empty (the numbers are the same).
 */
export function deriveTimings(declared: TimingInput, { explain = true }: { readonly explain?: boolean } = {}): Derivation {
  const input = {
    ...declared,
    controller: declared.controller ?? KINDS[declared.kind].controller,
    servesTraffic: declared.servesTraffic ?? KINDS[declared.kind].traffic === 'always',
  };
  const record = new Recorder(explain);
  const decide = record.decide.bind(record) as Recorder['decide'];
  const asDeclared = record.declared.bind(record);
  const overrides = input.overrides;

  // Pods that run to completion have no probes and no rollout: their start numbers only keep the
  // probe rules whole and are dropped from the result, explanations included.
  const batch = runsToCompletion(input.kind);
  const S_max = asDeclared('startupMaxSeconds', input.startupMaxSeconds ?? 0, 'The slowest acceptable start, as declared.');
  const D = asDeclared('drainSeconds', input.drainSeconds, 'Longest in-flight request plus cleanup after SIGTERM, as declared.');
  const L = input.probeLatencyMs;
  const S_typ =
    input.startupTypicalSeconds === undefined
      ? decide('startupTypicalSeconds', undefined, {
          formula: 'ceil(S_max / 3)',
          inputs: { S_max },
          reason: 'A typical start is assumed to take a third of the slowest one.',
          compute: () => ceilDiv(S_max, 3),
        })
      : asDeclared('startupTypicalSeconds', input.startupTypicalSeconds, 'A typical start, as declared.');

  const P = !input.servesTraffic
    ? decide('propagationSeconds', undefined, {
        formula: '0',
        inputs: {},
        reason: 'No Service sends these pods traffic, so there is nothing to wait for before SIGTERM.',
        compute: () => 0,
      })
    : input.propagationSeconds !== undefined
      ? asDeclared('propagationSeconds', input.propagationSeconds, 'Time until routers stop sending new requests, as declared.')
      : decide('propagationSeconds', undefined, {
          formula: `platform default (${input.platform})`,
          inputs: { platform: input.platform },
          reason: 'Time until every router has stopped sending new requests to a terminating pod.',
          compute: () => PROPAGATION_SECONDS[input.platform],
        });

  // Every probe tolerates health endpoints that are slow under load (timeouts cause false failures).
  // T is the readiness timeout; a pod without a readiness probe still needs it for its other probes.
  const { probes } = input;
  const readinessTimeout = decide(
    probes.readiness ? 'readiness.timeoutSeconds' : 'probeTimeoutSeconds',
    overrides.readiness?.timeoutSeconds,
    {
      formula: 'T = max(2, ceil(3 × L / 1000))',
      inputs: { L },
      reason: 'Three times the p99 latency of the health endpoint, never the 1 s default, so load alone does not fail probes.',
      compute: () => Math.max(2, ceilDiv(3 * L, 1000)),
    },
    'readiness.timeoutSeconds',
  );
  const readiness = probe('readiness', overrides.readiness, {
    timeoutSeconds: readinessTimeout,
    period: (timeout) => ({
      formula: 'p_r = max(5, T_r + 1)',
      inputs: { T_r: timeout },
      reason:
        'Every 5 s, but always longer than the timeout: the kubelet waits for one attempt before the next, so a shorter period would make the window longer than it says.',
      compute: () => Math.max(5, timeout + 1),
    }),
    failureThreshold: () => ({
      formula: '3',
      inputs: {},
      reason: 'Three misses take a pod out of rotation: quick, yet one slow answer is forgiven.',
      compute: () => 3,
    }),
  });
  const W_r = readiness.windowSeconds;

  const startup = probe('startup', overrides.startup, {
    timeoutSeconds: readinessTimeout,
    period: (timeout) => ({
      formula: 'p_s = max(clamp(ceil(S_typ / 10), 1, 10), T_s + 1)',
      inputs: { S_typ, T_s: timeout },
      reason:
        'About ten attempts during a typical start, for fast detection of the end of the start; always longer than the timeout, so attempts never queue.',
      compute: () => Math.max(clamp(ceilDiv(S_typ, 10), 1, 10), timeout + 1),
    }),
    failureThreshold: (period) => ({
      formula: 'f_s = max(3, ceil(1.5 × S_max / p_s))',
      inputs: { S_max, p_s: period },
      reason: 'The window covers 1.5 × the slowest start, so a cold start never ends in CrashLoopBackOff.',
      compute: () => Math.max(3, ceilDiv(3 * S_max, 2 * period)),
    }),
  });
  const W_s = startup.windowSeconds;

  const liveness = probe('liveness', overrides.liveness, {
    timeoutSeconds: readinessTimeout,
    period: (timeout) => ({
      formula: 'p_l = max(10, T_l + 1)',
      inputs: { T_l: timeout },
      reason:
        'Liveness only needs to catch a wedged process: checking often adds load for nothing. Always longer than the timeout, so attempts never queue.',
      compute: () => Math.max(10, timeout + 1),
    }),
    failureThreshold: (period): Rule<number> =>
      probes.readiness
        ? {
            formula: 'f_l = max(3, ceil(max(2 × W_r, W_r + P, 30) / p_l))',
            inputs: { W_r, P, p_l: period },
            reason: 'Liveness waits until readiness has long taken the pod out of rotation, so load never triggers a restart cascade.',
            compute: () => Math.max(3, ceilDiv(Math.max(2 * W_r, W_r + P, 30), period)),
          }
        : {
            formula: 'f_l = max(3, ceil(max(P, 30) / p_l))',
            inputs: { P, p_l: period },
            reason: 'No readiness probe to wait for: liveness gives a slow process 30 s before it restarts it.',
            compute: () => Math.max(3, ceilDiv(Math.max(P, 30), period)),
          },
  });

  const mechanism = preStopMechanism(input);
  const preStopSeconds = decide(
    'preStop.seconds',
    overrides.preStopSeconds,
    mechanism === 'none'
      ? { formula: '0', inputs: {}, reason: 'No Service sends these pods traffic: nothing to wait for.', compute: () => 0 }
      : {
          formula: 'P',
          inputs: { P },
          reason: 'Keep serving until every router has stopped sending new requests (no 502s during rollouts).',
          compute: () => P,
        },
    'preStopSeconds',
  );

  // X: what the sidecars add to the grace period; without sidecars the rules are the plain ones.
  const sidecarInputs = input.sidecars ?? [];
  const mode = sidecarMode(kubernetesMinor(input.kubernetesVersion), sidecarInputs);
  const X = sidecarStopSeconds(record, mode, sidecarInputs);
  const M = decide(
    'graceMarginSeconds',
    undefined,
    mode === 'none'
      ? {
          formula: 'M = max(5, ceil((preStop + D) / 10))',
          inputs: { preStop: preStopSeconds, D },
          reason: 'Slack after the drain, so a slow last request is not cut off by SIGKILL.',
          compute: () => Math.max(5, ceilDiv(preStopSeconds + D, 10)),
        }
      : {
          formula: 'M = max(5, ceil((preStop + D + X) / 10))',
          inputs: { preStop: preStopSeconds, D, X },
          reason: "Slack after the drain and the sidecars' stop, so that neither is cut off by SIGKILL.",
          compute: () => Math.max(5, ceilDiv(preStopSeconds + D + X, 10)),
        },
  );
  const G = decide(
    'terminationGracePeriodSeconds',
    overrides.terminationGracePeriodSeconds,
    mode === 'none'
      ? {
          formula: 'G = preStop + D + M',
          inputs: { preStop: preStopSeconds, D, M },
          reason: 'The kubelet sends SIGKILL at G: it must come after the preStop delay and the whole drain.',
          compute: () => preStopSeconds + D + M,
        }
      : {
          formula: 'G = preStop + D + X + M',
          inputs: { preStop: preStopSeconds, D, X, M },
          reason:
            "The kubelet sends SIGKILL to every container at G: it must come after the preStop delay, the whole drain and the sidecars' stop.",
          compute: () => preStopSeconds + D + X + M,
        },
  );

  const probeGrace = (name: 'startup' | 'liveness', override: number | undefined) =>
    decide(`${name}.terminationGracePeriodSeconds`, override, {
      formula: 'min(G, 10)',
      inputs: { G },
      reason: 'A container the probe found hung is not serving: restart it quickly instead of waiting the full grace period.',
      compute: () => Math.min(G, 10),
    });
  const startupGrace = probeGrace('startup', overrides.startup?.terminationGracePeriodSeconds);
  const livenessGrace = probeGrace('liveness', overrides.liveness?.terminationGracePeriodSeconds);
  const sidecars = sidecarTimings(record, mode, sidecarInputs, { preStopSeconds, drainSeconds: D, graceSeconds: G, propagationSeconds: P });
  const mesh = input.mesh && { name: input.mesh, drainSeconds: meshDrainSeconds(record, input.mesh, preStopSeconds, D) };

  // A Deployment's budgets come first, as the rollout reads them; a StatefulSet has none, a DaemonSet its own.
  const budgets = input.controller === 'Deployment' ? deploymentBudgets() : undefined;
  const minReadySeconds = decide('rollout.minReadySeconds', overrides.minReadySeconds, minReadyRule(), 'minReadySeconds');
  const I = initSeconds(record, input.initContainers ?? [], mode, sidecars);
  const own = { graceSeconds: G, initSeconds: I ?? 0, startupWindowSeconds: W_s, minReadySeconds };
  const rollout: Rollout = budgets
    ? { controller: 'Deployment', ...budgets, minReadySeconds, progressDeadlineSeconds: progressDeadline(minReadySeconds, I) }
    : input.controller === 'Job' || input.controller === 'CronJob'
      ? ({ controller: input.controller } as Rollout)
      : input.controller === 'StatefulSet'
        ? deriveStatefulSetRollout(decide, { ...own, statefulSet: kindInput(input.statefulSet, 'statefulSet') })
        : deriveDaemonSetRollout(decide, { ...own, daemonSet: kindInput(input.daemonSet, 'daemonSet'), overrides });

  // Runs that must not overlap bound the Job's deadline, and so the attempts that are not declared: A ≤ C - 10.
  const fitSeconds =
    input.schedule && forbidsOverlap(input.schedule.concurrencyPolicy)
      ? shortestIntervalSeconds(input.schedule.shortestIntervalMinutes, input.schedule.timeZone) - CONTROLLER_CHECK_SECONDS
      : undefined;
  const job =
    input.run &&
    deriveJob(record, input.run, I ?? 0, input.schedule !== undefined, fitSeconds, {
      ...(overrides.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: overrides.activeDeadlineSeconds } : {}),
      ...(overrides.ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished: overrides.ttlSecondsAfterFinished } : {}),
    });
  const cronJob =
    job && input.schedule && deriveCronJob(record, input.schedule, job.activeDeadlineSeconds, overrides.startingDeadlineSeconds);

  const loadBalancer =
    input.loadBalancer === undefined
      ? undefined
      : deriveLoadBalancer(decide, {
          kind: input.loadBalancer,
          preStopSeconds,
          drainSeconds: D,
          readiness,
          overrides: overrides.loadBalancer ?? {},
        });

  return {
    // A probe the pod does not have gets no lines: its numbers exist only to keep Timings whole.
    explanations: record.explanations.filter(
      ({ key }) =>
        !PROBE_NAMES.some((name) => !probes[name] && key.startsWith(`${name}.`)) &&
        !(batch && (BATCH_UNUSED.includes(key) || key.startsWith('rollout.'))),
    ),
    timings: {
      kind: input.kind,
      servesTraffic: input.servesTraffic,
      startupTypicalSeconds: batch ? undefined : S_typ,
      startupMaxSeconds: batch ? undefined : S_max,
      drainSeconds: D,
      propagationSeconds: P,
      readiness,
      startup: restarting(startup, startupGrace),
      liveness: restarting(liveness, livenessGrace),
      preStop: { mechanism, seconds: preStopSeconds },
      graceMarginSeconds: M,
      terminationGracePeriodSeconds: G,
      rollout,
      containers: {
        initContainers: input.initContainers ?? [],
        initSeconds: I ?? 0,
        sidecarMode: mode,
        sidecars,
        sidecarStopSeconds: X,
        mesh: mesh || undefined,
      },
      // Absent parts are undefined rather than left out: every Timings then has one shape (see constructs/kubernetes-json.ts).
      loadBalancer,
      job: job || undefined,
      cronJob: cronJob || undefined,
    },
  };

  /** A Deployment's rolling update budgets: never an unavailable pod, so progress comes from surge. */
  function deploymentBudgets(): { maxSurge: PodBudget; maxUnavailable: PodBudget } {
    const maxUnavailable = decide<PodBudget>(
      'rollout.maxUnavailable',
      overrides.maxUnavailable,
      {
        formula: '0',
        inputs: {},
        reason: 'Never take a serving pod down before its replacement is available.',
        compute: () => 0,
      },
      'maxUnavailable',
    );
    const maxSurge = decide<PodBudget>(
      'rollout.maxSurge',
      overrides.maxSurge,
      {
        formula: '25%',
        inputs: {},
        reason: 'With maxUnavailable 0 the rollout can only progress by adding pods.',
        compute: () => '25%',
      },
      'maxSurge',
    );
    return { maxSurge, maxUnavailable };
  }

  /** A Deployment's deadline for progress: one worst-case pod start with room to spare. */
  function progressDeadline(minReadySeconds: number, I: number | undefined): number {
    return decide(
      'rollout.progressDeadlineSeconds',
      overrides.progressDeadlineSeconds,
      I === undefined
        ? {
            formula: 'max(600, ceil(1.5 × (120 + W_s + minReadySeconds)))',
            inputs: { W_s, minReadySeconds },
            reason: 'Covers scheduling and image pull (120 s), a worst-case start and minReadySeconds, with 50% to spare.',
            compute: () => Math.max(600, ceilDiv(3 * (120 + W_s + minReadySeconds), 2)),
          }
        : {
            formula: 'max(600, ceil(1.5 × (120 + I + W_s + minReadySeconds)))',
            inputs: { I, W_s, minReadySeconds },
            reason: 'Covers scheduling and image pull (120 s), the init phase, a worst-case start and minReadySeconds, with 50% to spare.',
            compute: () => Math.max(600, ceilDiv(3 * (120 + I + W_s + minReadySeconds), 2)),
          },
      'progressDeadlineSeconds',
    );
  }

  /** What decides when a new pod counts as available: its readiness window, else its liveness window. */
  function minReadyRule(): Rule<number> {
    if (probes.readiness) {
      return {
        formula: 'W_r',
        inputs: { W_r },
        reason: 'A new pod must pass one full readiness window before the rollout moves on.',
        compute: () => W_r,
      };
    }
    if (probes.liveness) {
      return {
        formula: 'W_l (no readiness probe)',
        inputs: { W_l: liveness.windowSeconds },
        reason:
          'A new pod must outlast one liveness window before the rollout moves on, so one that wedges at once is restarted before it replaces an old pod.',
        compute: () => liveness.windowSeconds,
      };
    }
    return {
      formula: '0 (no readiness or liveness probe)',
      inputs: {},
      reason: 'No probe can tell a working pod from a wedged one, so waiting would prove nothing.',
      compute: () => 0,
    };
  }

  /**
   * One probe's timings: the timeout first, because the period must exceed it. The kubelet runs
   * one attempt at a time and waits for it, so a timeout longer than the period stretches the real
   * interval to the timeout; the window is therefore counted in effective intervals, which equal
   * the period whenever the period exceeds the timeout (always, unless an override says otherwise).
   */
  function probe(
    name: 'readiness' | 'startup' | 'liveness',
    override: ProbeTimingOverride | undefined,
    rules: { timeoutSeconds: number; period: (timeout: number) => Rule<number>; failureThreshold: (period: number) => Rule<number> },
  ): ProbeTimings {
    const timeoutSeconds =
      name === 'readiness'
        ? rules.timeoutSeconds
        : decide(`${name}.timeoutSeconds`, override?.timeoutSeconds, {
            formula: probes.readiness ? 'T (the readiness timeout)' : 'T',
            inputs: { T: rules.timeoutSeconds },
            reason: 'Never stricter than readiness, so liveness does not fail where readiness still passes.',
            compute: () => rules.timeoutSeconds,
          });
    const periodSeconds = decide(`${name}.periodSeconds`, override?.periodSeconds, rules.period(timeoutSeconds));
    const failureThreshold = decide(`${name}.failureThreshold`, override?.failureThreshold, rules.failureThreshold(periodSeconds));
    return {
      periodSeconds,
      timeoutSeconds,
      failureThreshold,
      successThreshold: 1,
      windowSeconds: effectiveInterval(periodSeconds, timeoutSeconds) * failureThreshold,
    };
  }
}

/** A probe's timings with the grace period of a container it restarts. */
function restarting(probe: ProbeTimings, terminationGracePeriodSeconds: number): RestartingProbeTimings {
  const { periodSeconds, timeoutSeconds, failureThreshold, successThreshold, windowSeconds } = probe;
  return { periodSeconds, timeoutSeconds, failureThreshold, successThreshold, windowSeconds, terminationGracePeriodSeconds };
}

const PROBE_NAMES = ['readiness', 'liveness', 'startup'] as const;
/** Numbers that pods running to completion do not have: start times and a probe timeout (they have no probes). */
const BATCH_UNUSED = ['startupMaxSeconds', 'startupTypicalSeconds', 'probeTimeoutSeconds'];

/** A controller's own declared settings, which the declaration always gives for its kind. */
function kindInput<T>(settings: T | undefined, field: 'statefulSet' | 'daemonSet'): T {
  if (!settings) throw new Error(`the rollout needs the declared update settings (TimingInput.${field})`);
  return settings;
}

/** The Kubernetes minor version of a "1.N" string. */
export function kubernetesMinor(version: string): number {
  return Number(version.split('.')[1]);
}

/** The sleep action exists from Kubernetes 1.30 on (beta, on by default). */
export const SLEEP_ACTION_MINOR = 30;

export function preStopMechanism(
  input: { servesTraffic: boolean } & Pick<TimingInput, 'preStopType' | 'kubernetesVersion'>,
): PreStopMechanism {
  if (!input.servesTraffic) return 'none';
  if (input.preStopType !== 'auto') return input.preStopType;
  return kubernetesMinor(input.kubernetesVersion) >= SLEEP_ACTION_MINOR ? 'sleep' : 'exec';
}
