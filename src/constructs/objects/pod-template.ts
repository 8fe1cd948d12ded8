import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { commonLabels, selectorLabels } from '../metadata';
import { preStopHandler, probe } from './probes';

export const SERVING_PORT_NAME = 'http';
/** A non-root user that exists in distroless images (`nonroot`) and is safe elsewhere. */
export const NON_ROOT_ID = 65532;
const TMP_VOLUME = 'tmp';

/** Pod Security Standard "restricted", with a writable /tmp because the root filesystem is read-only. */
const POD_SECURITY_CONTEXT: Json<k8s.PodSecurityContext> = {
  runAsNonRoot: true,
  runAsUser: NON_ROOT_ID,
  runAsGroup: NON_ROOT_ID,
  fsGroup: NON_ROOT_ID,
  seccompProfile: { type: 'RuntimeDefault' },
};

const CONTAINER_SECURITY_CONTEXT: Json<k8s.SecurityContext> = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};

/**
 * Spread over zones first, then nodes, but never refuse to schedule (ScheduleAnyway): losing a
 * zone or a node should cost a fraction of the pods. `pod-template-hash` keeps the spread
 * computed per revision, so a rollout does not skew it.
 */
function spread(workload: ResolvedWorkload): Pick<k8s.PodSpec, 'topologySpreadConstraints' | 'affinity'> {
  const labelSelector = { matchLabels: selectorLabels(workload) };
  return {
    topologySpreadConstraints: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector,
      matchLabelKeys: ['pod-template-hash'],
    })),
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector } },
        ],
      },
    },
  };
}

function resources(workload: ResolvedWorkload): Json<k8s.ResourceRequirements> {
  const { cpu, memory, cpuLimit } = workload.resources;
  return {
    requests: { cpu, memory },
    limits: { ...(cpuLimit !== undefined ? { cpu: cpuLimit } : {}), memory },
  };
}

export function podTemplate(workload: ResolvedWorkload): Json<k8s.PodTemplateSpec> {
  const { spec, timings, probes } = workload;
  const preStop = preStopHandler(timings, { path: spec.preStop.path, port: spec.preStop.port ?? spec.port });
  const container: Json<k8s.Container> = {
    name: spec.name,
    image: spec.image,
    imagePullPolicy: 'IfNotPresent',
    ...(spec.args ? { args: [...spec.args] } : {}),
    ...(Object.keys(spec.env).length > 0
      ? {
          env: Object.keys(spec.env)
            .sort()
            .map((name) => ({ name, value: spec.env[name] })),
        }
      : {}),
    ...(spec.port !== undefined ? { ports: [{ name: SERVING_PORT_NAME, containerPort: spec.port, protocol: 'TCP' }] } : {}),
    readinessProbe: probe(probes.readiness, timings.readiness),
    livenessProbe: probe(probes.liveness, timings.liveness),
    startupProbe: probe(probes.startup, timings.startup),
    ...(preStop ? { lifecycle: { preStop } } : {}),
    resources: resources(workload),
    securityContext: CONTAINER_SECURITY_CONTEXT,
    volumeMounts: [{ name: TMP_VOLUME, mountPath: '/tmp' }],
  };
  return {
    metadata: { labels: commonLabels(workload) },
    spec: {
      serviceAccountName: workload.instance,
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: timings.terminationGracePeriodSeconds,
      securityContext: POD_SECURITY_CONTEXT,
      ...spread(workload),
      containers: [container],
      volumes: [{ name: TMP_VOLUME, emptyDir: {} }],
    },
  };
}
