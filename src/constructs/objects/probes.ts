import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedProbe } from '../../declaration/probes';
import type { ProbeTimings, RestartingProbeTimings, Timings } from '../../timing/types';

/** What a probe (or an httpGet hook) checks, as the Kubernetes API spells it. */
export function probeHandler(probe: ResolvedProbe): Pick<Json<k8s.Probe>, 'httpGet' | 'tcpSocket' | 'grpc' | 'exec'> {
  switch (probe.type) {
    case 'http':
      return { httpGet: { path: probe.path, port: probe.port, scheme: probe.scheme } };
    case 'tcp':
      return { tcpSocket: { port: probe.port } };
    case 'grpc':
      return { grpc: { port: probe.port, ...(probe.service !== undefined ? { service: probe.service } : {}) } };
    case 'exec':
      return { exec: { command: [...probe.command] } };
  }
}

function isRestarting(timings: ProbeTimings | RestartingProbeTimings): timings is RestartingProbeTimings {
  return 'terminationGracePeriodSeconds' in timings;
}

export function probe(target: ResolvedProbe | undefined, timings: ProbeTimings | RestartingProbeTimings): Json<k8s.Probe> | undefined {
  if (!target) return undefined;
  return {
    ...probeHandler(target),
    periodSeconds: timings.periodSeconds,
    timeoutSeconds: timings.timeoutSeconds,
    failureThreshold: timings.failureThreshold,
    successThreshold: timings.successThreshold,
    ...(isRestarting(timings) ? { terminationGracePeriodSeconds: timings.terminationGracePeriodSeconds } : {}),
  };
}

/**
 * The preStop hook for the mechanisms the 1.28 types can express. The sleep action (1.30) is not
 * in them and is patched in by the construct; `app` and `none` have no hook at all.
 */
export function preStopHandler(timings: Timings, httpHook: { path?: string; port?: number }): Json<k8s.LifecycleHandler> | undefined {
  const { mechanism, seconds } = timings.preStop;
  switch (mechanism) {
    case 'exec':
      return { exec: { command: ['sleep', String(seconds)] } };
    case 'http':
      return { httpGet: { path: httpHook.path, port: httpHook.port! } };
    default:
      return undefined;
  }
}
