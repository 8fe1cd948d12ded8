import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import type { ResolvedWorkload } from '../../../declaration/resolve';
import type { EnvEntry, EnvFromSource, FilesSource } from '../../../declaration/workload-spec';
import { envFromSources, envVars } from './env';
import { preStopHandler } from './lifecycle';
import { probe } from './probes';
import { CONTAINER_SECURITY_CONTEXT } from './security';
import type { PodContainer } from './types';
import { containerMounts, podMounts } from './volumes';

export const SERVING_PORT_NAME = 'http';

/** What every container of the pod declares alike, whatever its role. */
export interface ContainerSource {
  readonly name: string;
  readonly image: string;
  readonly args?: readonly string[];
  /** The variables in the order Kubernetes sets them (resolveEnv). */
  readonly env: readonly EnvEntry[];
  readonly envFrom?: readonly EnvFromSource[];
  /** Files from Secrets and ConfigMaps, mounted read-only. */
  readonly files?: Readonly<Record<string, FilesSource>>;
  readonly resources: { readonly cpu: string; readonly memory: string; readonly cpuLimit?: string };
}

/** Requests always; the memory limit equals the request; the CPU limit only when there is one. */
function resources({ cpu, memory, cpuLimit }: ContainerSource['resources']): Json<k8s.ResourceRequirements> {
  return {
    requests: { cpu, memory },
    limits: { ...(cpuLimit !== undefined ? { cpu: cpuLimit } : {}), memory },
  };
}

/**
 * The fields every container gets, hardened alike: image, arguments, environment, resources, the
 * restricted security context, the writable /tmp and the container's own files. Roles (main,
 * init, sidecar) add their own ports, probes, hooks and mounts to it. (Key order does not matter:
 * cdk8s writes keys sorted.)
 */
export function containerBase(source: ContainerSource): PodContainer {
  const env = envVars(source.env);
  return {
    name: source.name,
    image: source.image,
    imagePullPolicy: 'IfNotPresent',
    ...(source.args ? { args: [...source.args] } : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(source.envFrom && source.envFrom.length > 0 ? { envFrom: envFromSources(source.envFrom) } : {}),
    resources: resources(source.resources),
    securityContext: CONTAINER_SECURITY_CONTEXT,
    volumeMounts: containerMounts(source.files),
  };
}

/**
 * The application's container: its serving port, the derived probes, the preStop delay, and the
 * pod's scratch folders and config files.
 */
export function mainContainer(workload: ResolvedWorkload): PodContainer {
  const { spec, timings, probes } = workload;
  const base = containerBase({ ...spec, env: workload.env, resources: workload.resources });
  const preStop = preStopHandler(timings.preStop, { path: spec.preStop.path, port: spec.preStop.port ?? spec.port });
  return {
    ...base,
    volumeMounts: [...base.volumeMounts!, ...podMounts(workload)],
    ...(spec.port !== undefined ? { ports: [{ name: SERVING_PORT_NAME, containerPort: spec.port, protocol: 'TCP' }] } : {}),
    readinessProbe: probe(probes.readiness, timings.readiness),
    livenessProbe: probe(probes.liveness, timings.liveness),
    startupProbe: probe(probes.startup, timings.startup),
    ...(preStop ? { lifecycle: { preStop } } : {}),
  };
}
