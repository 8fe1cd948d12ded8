import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import type { ResolvedWorkload } from '../../../declaration/resolve';
import type { ResolvedContainerFields, ResolvedInitContainer, ResolvedSidecar } from '../../../declaration/resolve/containers';
import type { SidecarMode, SidecarTimings } from '../../../timing/types';
import { envFromSources, envVars } from './env';
import { preStopHandler } from './lifecycle';
import { probe } from './probes';
import { CONTAINER_SECURITY_CONTEXT, mainContainerSecurityContext } from './security';
import type { PodContainer } from './types';
import { claimMounts, containerMounts, hostPathMounts, sharedMounts } from './volumes';

/** What every container of the pod declares alike, whatever its role: the main one passes its own fields too. */
export type ContainerSource = ResolvedContainerFields;

/**
 * Requests always; the memory limit (the request unless declared); the CPU limit only when there is
 * one; node disk (ephemeral-storage) only when declared.
 */
function resources({ cpu, memory, cpuLimit, memoryLimit, ephemeralStorage }: ContainerSource['resources']): Json<k8s.ResourceRequirements> {
  const requests: Record<string, string> = { cpu, memory };
  const limits: Record<string, string> = cpuLimit !== undefined ? { cpu: cpuLimit, memory: memoryLimit } : { memory: memoryLimit };
  if (ephemeralStorage?.request !== undefined) requests['ephemeral-storage'] = ephemeralStorage.request;
  if (ephemeralStorage?.limit !== undefined) limits['ephemeral-storage'] = ephemeralStorage.limit;
  return { requests, limits } as Json<k8s.ResourceRequirements>;
}

/** What a container's role (main, init, sidecar) adds to the fields every container gets. */
type RoleFields = Pick<PodContainer, 'ports' | 'readinessProbe' | 'livenessProbe' | 'startupProbe' | 'lifecycle' | 'restartPolicy'> & {
  /** Mounted after the container's own /tmp and files: the pod's scratch folders, config files, claims, host paths. */
  readonly mounts?: readonly Json<k8s.VolumeMount>[];
  /** The application's declared user and capabilities; every other container keeps the restricted default. */
  readonly securityContext?: Json<k8s.SecurityContext>;
};

/**
 * A container, hardened alike whatever its role: image, command and arguments, environment,
 * resources, the restricted security context, the writable /tmp and the container's own files,
 * then what its role adds. Every container has every key, absent ones undefined (see
 * kubernetes-json.ts for why).
 */
export function container(source: ContainerSource, role: RoleFields = {}): PodContainer {
  const env = envVars(source.env);
  return {
    name: source.name,
    image: source.image,
    imagePullPolicy: 'IfNotPresent',
    command: source.command ? [...source.command] : undefined,
    args: source.args ? [...source.args] : undefined,
    env: env.length > 0 ? env : undefined,
    envFrom: source.envFrom && source.envFrom.length > 0 ? envFromSources(source.envFrom) : undefined,
    resources: resources(source.resources),
    securityContext: role.securityContext ?? CONTAINER_SECURITY_CONTEXT,
    volumeMounts: role.mounts ? [...containerMounts(source.files), ...role.mounts] : containerMounts(source.files),
    ports: role.ports,
    readinessProbe: role.readinessProbe,
    livenessProbe: role.livenessProbe,
    startupProbe: role.startupProbe,
    lifecycle: role.lifecycle,
    restartPolicy: role.restartPolicy,
  };
}

/** The serving port, then the extra ports in their order; undefined when there is none. */
function mainPorts({ servingPort, spec }: ResolvedWorkload): PodContainer['ports'] {
  const ports = [
    ...(servingPort ? [{ name: servingPort.name, containerPort: servingPort.containerPort, protocol: 'TCP' }] : []),
    ...(spec.ports ?? []).map(({ name, port }) => ({ name, containerPort: port, protocol: 'TCP' })),
  ];
  return ports.length > 0 ? ports : undefined;
}

/**
 * The application's container: its serving port, the derived probes, the preStop delay, and all
 * of the pod's scratch folders and config files.
 */
export function mainContainer(workload: ResolvedWorkload): PodContainer {
  const { spec, timings, probes } = workload;
  const preStop = preStopHandler(timings.preStop, { path: spec.preStop.path, port: spec.preStop.port ?? spec.port });
  const shared = { scratch: Object.keys(spec.scratch ?? {}), configFiles: Object.keys(spec.configFiles ?? {}) };
  return container(
    {
      name: spec.name,
      image: spec.image,
      command: spec.command,
      args: spec.args,
      env: workload.env,
      envFrom: spec.envFrom,
      files: spec.files,
      resources: workload.resources,
    },
    {
      mounts: [...sharedMounts(spec, shared), ...claimMounts(spec), ...hostPathMounts(spec)],
      securityContext: mainContainerSecurityContext(spec.securityContext),
      ports: mainPorts(workload),
      readinessProbe: probe(probes.readiness, timings.readiness),
      livenessProbe: probe(probes.liveness, timings.liveness),
      startupProbe: probe(probes.startup, timings.startup),
      lifecycle: preStop ? { preStop } : undefined,
    },
  );
}

/** An init container: the base fields and what it mounts; it runs to completion before the application starts. */
export function initContainer(init: ResolvedInitContainer, workload: ResolvedWorkload): PodContainer {
  return container(init, { mounts: sharedMounts(workload.spec, init) });
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
  return container(sidecar, {
    mounts: sharedMounts(workload.spec, sidecar),
    restartPolicy: mode === 'native' ? 'Always' : undefined,
    ports: sidecar.ports.length > 0 ? sidecar.ports.map(({ name, port }) => ({ name, containerPort: port, protocol: 'TCP' })) : undefined,
    startupProbe: timings.startup ? probe(sidecar.probes.startup, timings.startup) : undefined,
    readinessProbe: timings.readiness ? probe(sidecar.probes.readiness, timings.readiness) : undefined,
    livenessProbe: timings.liveness ? probe(sidecar.probes.liveness, timings.liveness) : undefined,
    lifecycle: preStop ? { preStop } : undefined,
  });
}
