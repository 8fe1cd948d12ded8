import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import type { ResolvedWorkload } from '../../../declaration/resolve';
import type {
  ResolvedContainerFields,
  ResolvedExtraContainer,
  ResolvedInitContainer,
  ResolvedSidecar,
} from '../../../declaration/resolve/containers';
import type { SidecarMode, SidecarTimings } from '../../../timing/types';
import { envFromSources, envVars } from './env';
import { preStopHandler } from './lifecycle';
import { probe } from './probes';
import { CONTAINER_SECURITY_CONTEXT } from './security';
import type { PodContainer } from './types';
import { claimMounts, containerMounts, hostPathMounts, sharedMounts } from './volumes';

export const SERVING_PORT_NAME = 'http';

/** What every container of the pod declares alike, whatever its role: the main one passes its own fields too. */
export type ContainerSource = ResolvedContainerFields;

/** Requests always; the memory limit equals the request; the CPU limit only when there is one. */
function resources({ cpu, memory, cpuLimit }: ContainerSource['resources']): Json<k8s.ResourceRequirements> {
  return {
    requests: { cpu, memory },
    limits: { ...(cpuLimit !== undefined ? { cpu: cpuLimit } : {}), memory },
  };
}

/**
 * The fields every container gets, hardened alike: image, command and arguments, environment,
 * resources, the restricted security context, the writable /tmp and the container's own files.
 * Roles (main, init, sidecar) add their own ports, probes, hooks and mounts to it. (Key order does
 * not matter: cdk8s writes keys sorted.)
 */
export function containerBase(source: ContainerSource): PodContainer {
  const env = envVars(source.env);
  return {
    name: source.name,
    image: source.image,
    imagePullPolicy: 'IfNotPresent',
    ...(source.command ? { command: [...source.command] } : {}),
    ...(source.args ? { args: [...source.args] } : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(source.envFrom && source.envFrom.length > 0 ? { envFrom: envFromSources(source.envFrom) } : {}),
    resources: resources(source.resources),
    securityContext: CONTAINER_SECURITY_CONTEXT,
    volumeMounts: containerMounts(source.files),
  };
}

/** The base fields of a container beside the application's, with the scratch folders and config files it lists. */
function extraContainerBase(container: ResolvedExtraContainer, workload: ResolvedWorkload): PodContainer {
  const base = containerBase(container);
  return { ...base, volumeMounts: [...base.volumeMounts!, ...sharedMounts(workload.spec, container)] };
}

/**
 * The application's container: its serving port, the derived probes, the preStop delay, and all
 * of the pod's scratch folders and config files.
 */
export function mainContainer(workload: ResolvedWorkload): PodContainer {
  const { spec, timings, probes } = workload;
  const base = containerBase({ ...spec, env: workload.env, resources: workload.resources });
  const preStop = preStopHandler(timings.preStop, { path: spec.preStop.path, port: spec.preStop.port ?? spec.port });
  const shared = { scratch: Object.keys(spec.scratch ?? {}), configFiles: Object.keys(spec.configFiles ?? {}) };
  return {
    ...base,
    volumeMounts: [...base.volumeMounts!, ...sharedMounts(spec, shared), ...claimMounts(spec), ...hostPathMounts(spec)],
    ...(spec.port !== undefined ? { ports: [{ name: SERVING_PORT_NAME, containerPort: spec.port, protocol: 'TCP' }] } : {}),
    readinessProbe: probe(probes.readiness, timings.readiness),
    livenessProbe: probe(probes.liveness, timings.liveness),
    startupProbe: probe(probes.startup, timings.startup),
    ...(preStop ? { lifecycle: { preStop } } : {}),
  };
}

/** An init container: the base fields and what it mounts; it runs to completion before the application starts. */
export function initContainer(container: ResolvedInitContainer, workload: ResolvedWorkload): PodContainer {
  return extraContainerBase(container, workload);
}

/**
 * A sidecar. Native (Kubernetes 1.29+): an init container with restartPolicy Always, which the
 * kubelet starts before the application (after its startup probe passes) and stops after it, so it
 * needs no hook. Ordinary (1.28): a container beside the application, kept serving by a preStop
 * delay until the application has drained.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export function sidecarContainer(
  sidecar: ResolvedSidecar,
  timings: SidecarTimings,
  mode: SidecarMode,
  workload: ResolvedWorkload,
): PodContainer {
  const preStop =
    timings.preStopSeconds !== undefined ? preStopHandler({ mechanism: 'exec', seconds: timings.preStopSeconds }, {}) : undefined;
  return {
    ...extraContainerBase(sidecar, workload),
    ...(mode === 'native' ? { restartPolicy: 'Always' } : {}),
    ...(sidecar.ports.length > 0 ? { ports: sidecar.ports.map(({ name, port }) => ({ name, containerPort: port, protocol: 'TCP' })) } : {}),
    ...(sidecar.probes.startup && timings.startup ? { startupProbe: probe(sidecar.probes.startup, timings.startup) } : {}),
    ...(sidecar.probes.readiness && timings.readiness ? { readinessProbe: probe(sidecar.probes.readiness, timings.readiness) } : {}),
    ...(preStop ? { lifecycle: { preStop } } : {}),
  };
}
