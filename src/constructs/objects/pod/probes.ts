import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import type { ResolvedProbe } from '../../../declaration/probes';
import type { ProbeTimings, RestartingProbeTimings } from '../../../timing/types';

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
  const handler = probeHandler(target);
  // Every key written, absent ones undefined (cdk8s drops them): one object shape for every probe (see kubernetes-json.ts).
  return {
    httpGet: handler.httpGet,
    tcpSocket: handler.tcpSocket,
    grpc: handler.grpc,
    exec: handler.exec,
    periodSeconds: timings.periodSeconds,
    timeoutSeconds: timings.timeoutSeconds,
    failureThreshold: timings.failureThreshold,
    successThreshold: timings.successThreshold,
    terminationGracePeriodSeconds: isRestarting(timings) ? timings.terminationGracePeriodSeconds : undefined,
  };
}
