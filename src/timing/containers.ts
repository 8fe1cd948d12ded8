import { ceilDiv, clamp } from './arithmetic';
import type { Recorder } from './record';
import type {
  ContainerTimings,
  InitContainerInput,
  MeshName,
  RestartingProbeTimings,
  SidecarInput,
  SidecarMode,
  SidecarTimings,
  ProbeTimings,
} from './types';

/**
 * The timing rules of the containers beside the application's (docs/derivation.md): init
 * containers lengthen the start, sidecars the stop, and a mesh proxy must outlive the drain.
 * Pure, like derive.ts, which calls these in its order.
 */

/**
 * Native sidecars (init containers with restartPolicy Always) are stopped after the application
 * from Kubernetes 1.29 on. On 1.28 they were alpha and, measured, stopped together with the
 * application, so a 1.28 target gets ordinary containers.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export const NATIVE_SIDECAR_MINOR = 29;

/** A sidecar's health endpoint answers locally: the shortest timeout invariant 5 allows. */
export const SIDECAR_PROBE_TIMEOUT_SECONDS = 2;

export function sidecarMode(minor: number, sidecars: readonly SidecarInput[]): SidecarMode {
  if (sidecars.length === 0) return 'none';
  return minor >= NATIVE_SIDECAR_MINOR ? 'native' : 'ordinary';
}

/**
 * X, what the sidecars add to the grace period. Native sidecars get SIGTERM only after the
 * application has exited, one after another in reverse order: their stops add up. Ordinary
 * sidecars get it after their own preStop delay, all at once: the longest stop counts.
 */
export function sidecarStopSeconds(record: Recorder, mode: SidecarMode, sidecars: readonly SidecarInput[]): number {
  if (mode === 'none') return 0;
  const stops = Object.fromEntries(
    sidecars.map(({ name, stopSeconds }) => [
      name,
      record.declared(`sidecars.${name}.stopSeconds`, stopSeconds, 'Time the sidecar needs after SIGTERM, as declared (default 5 s).'),
    ]),
  );
  const seconds = Object.values(stops);
  return mode === 'native'
    ? record.decide('sidecarStopSeconds', undefined, {
        formula: 'X = Σ stopSeconds (native)',
        inputs: stops,
        reason:
          'Native sidecars are stopped after the application has exited, one after another in reverse order, inside the one grace period.',
        compute: () => seconds.reduce((sum, stop) => sum + stop, 0),
      })
    : record.decide('sidecarStopSeconds', undefined, {
        formula: 'X = max(stopSeconds) (ordinary)',
        inputs: stops,
        reason: 'Ordinary sidecars all receive SIGTERM when their preStop delay ends, so they stop side by side.',
        compute: () => Math.max(...seconds),
      });
}

/**
 * Each sidecar's probes and preStop delay. Its probes follow the application's startup and
 * readiness rules with the timeout of a local endpoint; an ordinary sidecar's preStop delay keeps it
 * serving until the application's preStop delay and drain are over.
 */
export function sidecarTimings(
  record: Recorder,
  mode: SidecarMode,
  sidecars: readonly SidecarInput[],
  shutdown: { preStopSeconds: number; drainSeconds: number; graceSeconds: number; propagationSeconds: number },
): SidecarTimings[] {
  const G = shutdown.graceSeconds;
  const P = shutdown.propagationSeconds;
  const localTimeout = (key: string) =>
    record.decide(key, undefined, {
      formula: 'T_c = 2',
      inputs: {},
      reason: 'A local health endpoint that answers at once: the shortest timeout that is never the 1 s default.',
      compute: () => SIDECAR_PROBE_TIMEOUT_SECONDS,
    });
  return sidecars.map((sidecar): SidecarTimings => {
    const key = (field: string) => `sidecars.${sidecar.name}.${field}`;
    // A probe that restarts the sidecar gets its own short grace period (Kubernetes 1.25+
    // probe-level terminationGracePeriodSeconds): restarting it must not wait for the pod's drain.
    const restarting = (
      probe: 'startup' | 'liveness',
      reason: string,
      timing: Pick<RestartingProbeTimings, 'periodSeconds' | 'timeoutSeconds' | 'failureThreshold'>,
    ): RestartingProbeTimings => ({
      ...timing,
      successThreshold: 1,
      windowSeconds: timing.periodSeconds * timing.failureThreshold,
      terminationGracePeriodSeconds: record.decide(key(`${probe}.terminationGracePeriodSeconds`), undefined, {
        formula: 'min(G, 10)',
        inputs: { G },
        reason,
        compute: () => Math.min(G, 10),
      }),
    });
    let startup: RestartingProbeTimings | undefined;
    if (sidecar.startSeconds !== undefined) {
      const S_c = record.declared(
        key('startSeconds'),
        sidecar.startSeconds,
        'The slowest acceptable start of the sidecar, as declared (default 30 s).',
      );
      const timeoutSeconds = localTimeout(key('startup.timeoutSeconds'));
      const periodSeconds = record.decide(key('startup.periodSeconds'), undefined, {
        formula: 'p_c = max(clamp(ceil(S_c / 10), 1, 10), T_c + 1)',
        inputs: { S_c, T_c: timeoutSeconds },
        reason: 'About ten attempts during the slowest start, and longer than the timeout, so attempts never queue.',
        compute: () => Math.max(clamp(ceilDiv(S_c, 10), 1, 10), timeoutSeconds + 1),
      });
      const failureThreshold = record.decide(key('startup.failureThreshold'), undefined, {
        formula: 'f_c = max(3, ceil(1.5 × S_c / p_c))',
        inputs: { S_c, p_c: periodSeconds },
        reason: 'The window covers 1.5 × the slowest start, so a slow start is not restarted.',
        compute: () => Math.max(3, ceilDiv(3 * S_c, 2 * periodSeconds)),
      });
      startup = restarting('startup', 'A sidecar that never started is not serving: restart it quickly.', {
        periodSeconds,
        timeoutSeconds,
        failureThreshold,
      });
    }
    let readiness: ProbeTimings | undefined;
    if (sidecar.readiness) {
      const timeoutSeconds = localTimeout(key('readiness.timeoutSeconds'));
      const periodSeconds = record.decide(key('readiness.periodSeconds'), undefined, {
        formula: 'max(5, T_c + 1)',
        inputs: { T_c: timeoutSeconds },
        reason: "Every 5 s, as the application's readiness, and longer than the timeout.",
        compute: () => Math.max(5, timeoutSeconds + 1),
      });
      const failureThreshold = record.decide(key('readiness.failureThreshold'), undefined, {
        formula: '3',
        inputs: {},
        reason: 'Three misses take the pod out of rotation; one slow answer is forgiven.',
        compute: () => 3,
      });
      readiness = { periodSeconds, timeoutSeconds, failureThreshold, successThreshold: 1, windowSeconds: periodSeconds * failureThreshold };
    }
    // The application's liveness rules, with the sidecar's own readiness window: a stuck proxy is
    // restarted, but only after readiness has long taken the pod out of rotation.
    let liveness: RestartingProbeTimings | undefined;
    if (sidecar.liveness) {
      const timeoutSeconds = localTimeout(key('liveness.timeoutSeconds'));
      const periodSeconds = record.decide(key('liveness.periodSeconds'), undefined, {
        formula: 'max(10, T_c + 1)',
        inputs: { T_c: timeoutSeconds },
        reason: "Every 10 s, as the application's liveness: it only needs to catch a wedged process. Longer than the timeout.",
        compute: () => Math.max(10, timeoutSeconds + 1),
      });
      const W_r = readiness?.windowSeconds;
      const failureThreshold = record.decide(
        key('liveness.failureThreshold'),
        undefined,
        W_r !== undefined
          ? {
              formula: 'max(3, ceil(max(2 × W_r, W_r + P, 30) / p))',
              inputs: { W_r, P, p: periodSeconds },
              reason:
                "Liveness waits until the sidecar's readiness has long taken the pod out of rotation, so load never restarts it (invariant 3).",
              compute: () => Math.max(3, ceilDiv(Math.max(2 * W_r, W_r + P, 30), periodSeconds)),
            }
          : {
              formula: 'max(3, ceil(max(P, 30) / p))',
              inputs: { P, p: periodSeconds },
              reason: 'No readiness probe to wait for: liveness gives a slow sidecar 30 s before it restarts it.',
              compute: () => Math.max(3, ceilDiv(Math.max(P, 30), periodSeconds)),
            },
      );
      liveness = restarting('liveness', 'A wedged sidecar is restarted quickly.', { periodSeconds, timeoutSeconds, failureThreshold });
    }
    const preStopSeconds =
      mode === 'ordinary'
        ? record.decide(key('preStop.seconds'), undefined, {
            formula: 'preStop + D',
            inputs: { preStop: shutdown.preStopSeconds, D: shutdown.drainSeconds },
            reason:
              "An ordinary sidecar receives SIGTERM with the application: a preStop delay keeps it serving until the application's preStop delay and drain are over.",
            compute: () => shutdown.preStopSeconds + shutdown.drainSeconds,
          })
        : undefined;
    return {
      name: sidecar.name,
      ...(sidecar.startSeconds !== undefined ? { startSeconds: sidecar.startSeconds } : {}),
      ...(startup ? { startup } : {}),
      ...(readiness ? { readiness } : {}),
      ...(liveness ? { liveness } : {}),
      ...(preStopSeconds !== undefined ? { preStopSeconds } : {}),
      stopSeconds: sidecar.stopSeconds,
    };
  });
}

/**
 * I, the worst-case time before the application's container starts: every init container runs to
 * completion first, and native sidecars with a startup probe hold the next container back until
 * it passes. Undefined (and unexplained) when nothing comes first.
 */
export function initSeconds(
  record: Recorder,
  initContainers: readonly InitContainerInput[],
  mode: SidecarMode,
  sidecars: readonly SidecarTimings[],
): number | undefined {
  const gating = mode === 'native' ? sidecars.filter((sidecar) => sidecar.startup) : [];
  if (initContainers.length === 0 && gating.length === 0) return undefined;
  const inputs: Record<string, number> = {};
  for (const sidecar of gating) inputs[sidecar.name] = sidecar.startup!.windowSeconds;
  for (const init of initContainers) {
    inputs[init.name] = record.declared(
      `initContainers.${init.name}.maxSeconds`,
      init.maxSeconds,
      'The worst-case run time of the init container, as declared.',
    );
  }
  return record.decide('initSeconds', undefined, {
    formula: 'I = Σ init maxSeconds + Σ native sidecar startup windows',
    inputs,
    reason:
      'Init containers run one after another, and each native sidecar with a startup probe holds back the next container until it passes, all before the application starts and before its startup probe runs.',
    compute: () => Object.values(inputs).reduce((sum, seconds) => sum + seconds, 0),
  });
}

const MESH_REASONS: Record<MeshName, string> = {
  istio:
    'terminationDrainDuration: Envoy receives SIGTERM at deletion and keeps serving this long, so it must last until the application has drained.',
  linkerd:
    "proxy-wait-before-exit-seconds: the proxy's preStop delay, so it keeps serving until the application has drained; it then stops within the grace margin.",
};

/** How long the injected mesh proxy stays alive after deletion: until the application has drained. */
export function meshDrainSeconds(record: Recorder, mesh: MeshName, preStopSeconds: number, drainSeconds: number): number {
  return record.decide('mesh.drainSeconds', undefined, {
    formula: 'preStop + D',
    inputs: { preStop: preStopSeconds, D: drainSeconds },
    reason: MESH_REASONS[mesh],
    compute: () => preStopSeconds + drainSeconds,
  });
}

export type { ContainerTimings };
