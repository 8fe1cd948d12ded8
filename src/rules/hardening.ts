import { isKernelFolder, isRuntimeSocketPath, isSnippetAnnotation } from '../declaration/dangers';
import { parseImage } from '../declaration/image';
import { API_DEFAULTS, resolveBudget } from '../invariants/facts';
import { replicasOf } from '../manifests/facts';
import type { Workload } from '../manifests/workloads';
import type { PodBudget } from '../timing/types';
import { servingContainers } from '../manifests/roles';
import { loadBalancersOf } from '../manifests/load-balancers';
import { READINESS_GATE_ENABLED, READINESS_GATE_LABEL } from '../load-balancers/aws-load-balancer-controller';
import { type Node, objectName } from '../manifests/objects';
import type { Check, Outcome, Subject } from './check';
import { containerOf } from './check';
import type { RuleId } from './catalogue';
import { sameQuantity } from './quantities';
import { acknowledgements } from '../manifests/suppressions';

/** Whether the pod mounts a claim in the input that only one node may attach (ReadWriteOnce or ReadWriteOncePod). */
function readWriteOnceClaim(workload: Workload): boolean {
  return workload.related.volumeClaims.some((claim) =>
    ((claim.object.spec?.accessModes as unknown[] | undefined) ?? []).some(
      (mode) => mode === 'ReadWriteOnce' || mode === 'ReadWriteOncePod',
    ),
  );
}

const SECRET_NAME = /PASSWORD|TOKEN|SECRET/i;
const LOCATION_NAME = /_(FILE|PATH|DIR)$/i;
const REFERENCE = /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/;

/** An env entry with a secret-looking name and a literal value (not where the secret is, nor a reference to another variable). */
function isLiteralSecret(entry: Node): boolean {
  if (typeof entry?.name !== 'string' || typeof entry.value !== 'string') return false;
  if (!SECRET_NAME.test(entry.name) || LOCATION_NAME.test(entry.name)) return false;
  const value = entry.value.trim();
  // A switch is no secret: Bitnami's ALLOW_EMPTY_PASSWORD=yes says whether a password is needed.
  return value !== '' && !REFERENCE.test(value) && !['true', 'false', 'yes', 'no', 'on', 'off', '0', '1'].includes(value.toLowerCase());
}

/** The hardening defaults of the project (README, "Hardening") as predicates over manifests. */

/** A check of one container's own fields, reported at `field` (relative to the container). */
function containerCheck(test: (container: Node, subject: Subject) => { field: readonly string[]; message: string } | undefined): Check {
  return (subject) => {
    const view = containerOf(subject);
    const problem = test(view.container, subject);
    return problem ? [{ path: [...view.path, ...problem.field], message: `container ${view.name}: ${problem.message}` }] : [];
  };
}

const ZONE_KEYS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

const podSpecPath = (subject: Subject, ...field: Array<string | number>) => [...subject.workload.pod.path, 'spec', ...field];

export const HARDENING_CHECKS = {
  resourceRequests: containerCheck((container) => {
    const requests: Node = container.resources?.requests ?? {};
    const missing = ['cpu', 'memory'].filter((resource) => requests[resource] === undefined || requests[resource] === null);
    return missing.length === 0 ? undefined : { field: ['resources', 'requests'], message: `no ${missing.join(' or ')} request` };
  }),
  memoryLimit: containerCheck((container) => {
    // `?? {}`, not destructuring defaults: rendered charts write `limits: null` (podinfo), which a default does not replace.
    const requests: Node = container.resources?.requests ?? {};
    const limits: Node = container.resources?.limits ?? {};
    if (limits.memory === undefined || limits.memory === null) return { field: ['resources', 'limits'], message: 'no memory limit' };
    // Kubernetes sets a missing request to the limit.
    if (requests.memory === undefined || requests.memory === null || sameQuantity(limits.memory, requests.memory)) return undefined;
    return {
      field: ['resources', 'limits', 'memory'],
      message: `memory limit ${limits.memory} differs from the request ${requests.memory}`,
    };
  }),
  cpuLimit: containerCheck((container) =>
    container.resources?.limits?.cpu === undefined || container.resources?.limits?.cpu === null
      ? { field: ['resources', 'limits'], message: 'no CPU limit' }
      : undefined,
  ),
  readOnlyRootFilesystem: containerCheck((container) =>
    container.securityContext?.readOnlyRootFilesystem === true
      ? undefined
      : { field: ['securityContext', 'readOnlyRootFilesystem'], message: 'the root filesystem is writable' },
  ),
  imagePinned: containerCheck((container) => {
    if (typeof container.image !== 'string') return { field: ['image'], message: 'no image' };
    const { tag, digest } = parseImage(container.image);
    if (digest !== undefined) return undefined;
    if (tag === undefined) return { field: ['image'], message: `image ${container.image} has no tag or digest` };
    return tag.toLowerCase() === 'latest' ? { field: ['image'], message: `image ${container.image} uses the tag latest` } : undefined;
  }),
  readinessProbe: containerCheck((container, { workload, container: view }) =>
    container.readinessProbe || !servingContainers(workload).has(view!.name)
      ? undefined
      : { field: ['readinessProbe'], message: 'receives Service traffic but has no readiness probe' },
  ),
  literalSecretEnv: (subject) => {
    const view = containerOf(subject);
    const env: Node[] = Array.isArray(view.container.env) ? view.container.env : [];
    return env.flatMap((entry, index) =>
      isLiteralSecret(entry)
        ? [{ path: [...view.path, 'env', index, 'value'], message: `container ${view.name}: ${entry.name} holds a literal value` }]
        : [],
    );
  },
  noLiveness: containerCheck((container) =>
    container.livenessProbe ? undefined : { field: ['livenessProbe'], message: 'no liveness probe' },
  ),

  emptyDirSizeLimit: (subject) => {
    const volumes: Node[] = subject.workload.pod.spec.volumes ?? [];
    return volumes.flatMap((volume, index) => {
      const at = [...subject.workload.pod.path, 'spec', 'volumes', index];
      // A volume with no source is an emptyDir (the API server's default).
      if (volume && Object.keys(volume).every((key) => key === 'name'))
        return [{ path: at, message: `volume ${volume.name} has no source, so it is an emptyDir without a sizeLimit` }];
      if (!volume?.emptyDir) return [];
      const limit = volume.emptyDir.sizeLimit;
      if (limit === undefined || limit === null)
        return [{ path: [...at, 'emptyDir'], message: `emptyDir volume ${volume.name} has no sizeLimit` }];
      // A zero quantity sets no limit at all. https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
      return sameQuantity(limit, 0)
        ? [{ path: [...at, 'emptyDir', 'sizeLimit'], message: `emptyDir volume ${volume.name} has sizeLimit ${limit}, which is no limit` }]
        : [];
    });
  },
  automountServiceAccountToken: (subject) => {
    const { pod, related } = subject.workload;
    const own = pod.spec.automountServiceAccountToken;
    const account = related.serviceAccount;
    const accountName = pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default';
    if (own === false || (own === undefined && account?.object.automountServiceAccountToken === false)) {
      // Automount off, but a projected volume mounts a token all the same.
      const volumes: Node[] = pod.spec.volumes ?? [];
      return volumes.flatMap((volume, index) =>
        ((volume?.projected?.sources as Node[] | undefined) ?? []).some((source) => source?.serviceAccountToken)
          ? [
              {
                path: [...subject.workload.pod.path, 'spec', 'volumes', index, 'projected'],
                message: `automount is off, but projected volume ${volume.name} mounts a service account token`,
              },
            ]
          : [],
      );
    }
    // A ServiceAccount that a binding in the input grants a role is meant to call the API: the token is needed.
    const [binding, ...more] = related.bindings;
    if (binding)
      return [
        {
          note: true,
          path: podSpecPath(subject, 'automountServiceAccountToken'),
          message: `the pod mounts a service account token, which ServiceAccount ${accountName} needs: ${objectName(binding.object)}${more.length > 0 ? ` and ${more.length} more binding(s)` : ''} grant it a role`,
          fix: 'nothing to change if the workload calls the Kubernetes API with that role; otherwise remove the binding and set automountServiceAccountToken: false',
        },
      ];
    if (own === true)
      return [{ path: podSpecPath(subject, 'automountServiceAccountToken'), message: 'the pod mounts a service account token' }];
    const why = account ? `its ServiceAccount ${accountName} does not opt out` : `ServiceAccount ${accountName} is not in the input`;
    return [{ path: podSpecPath(subject, 'automountServiceAccountToken'), message: `the pod mounts a service account token (${why})` }];
  },
  rolloutMaxUnavailable: ({ workload }) => {
    const spec: Node = workload.source.object.spec;
    const strategy: Node = spec.strategy ?? {};
    if (strategy.type === 'Recreate') {
      // A ReadWriteOnce claim can be attached to one node at a time: a surge pod elsewhere could never start.
      if (readWriteOnceClaim(workload)) return [];
      return [{ path: ['spec', 'strategy', 'type'], message: 'Recreate stops every pod before starting new ones' }];
    }
    const maxUnavailable: PodBudget = strategy.rollingUpdate?.maxUnavailable ?? API_DEFAULTS.maxUnavailable;
    const maxSurge: PodBudget = strategy.rollingUpdate?.maxSurge ?? API_DEFAULTS.maxSurge;
    // As the Deployment controller resolves them: unavailability rounds down, surge up, over the desired replicas;
    // when both come to 0 it takes 1 unavailable. https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-unavailable
    const replicas = replicasOf(workload);
    const unavailable = resolveBudget(maxUnavailable, replicas, 'down');
    const pods = unavailable === 0 && resolveBudget(maxSurge, replicas, 'up') === 0 ? 1 : unavailable;
    if (pods === 0) return [];
    const scaled = typeof maxUnavailable === 'string' ? ` (${pods} of ${replicas} replicas)` : '';
    return [
      {
        path: ['spec', 'strategy', 'rollingUpdate', unavailable === 0 ? 'maxSurge' : 'maxUnavailable'],
        message:
          unavailable === 0
            ? `maxSurge ${maxSurge} and maxUnavailable ${maxUnavailable} both come to 0 at ${replicas} replicas, so the controller stops 1 pod first`
            : `maxUnavailable ${maxUnavailable}${scaled}`,
      },
    ];
  },
  singleReplica: ({ workload }) => {
    const count = replicasOf(workload);
    if (count >= 2) return [];
    const autoscaler = workload.related.autoscaler;
    return autoscaler
      ? [{ object: autoscaler, path: ['spec', 'minReplicas'], message: `the autoscaler keeps ${count} replica` }]
      : [{ path: ['spec', 'replicas'], message: `${count} replica` }];
  },
  podDisruptionBudget: ({ workload }) =>
    replicasOf(workload) >= 2 && workload.related.podDisruptionBudgets.length === 0
      ? [{ path: ['metadata', 'name'], message: `${replicasOf(workload)} replicas and no PodDisruptionBudget selects their pods` }]
      : [],
  unhealthyPodEviction: ({ workload }) =>
    workload.related.podDisruptionBudgets
      .filter((budget) => budget.object.spec.unhealthyPodEvictionPolicy !== 'AlwaysAllow')
      .map((budget): Outcome => ({
        object: budget,
        path: ['spec', 'unhealthyPodEvictionPolicy'],
        message: `${budget.object.kind}/${budget.object.metadata?.name} uses ${budget.object.spec.unhealthyPodEvictionPolicy ?? 'the default policy (IfHealthyBudget)'}`,
      })),
  podReadinessGate: ({ workload }) => {
    const namespace = workload.related.namespace;
    const [loadBalancer] = loadBalancersOf(workload);
    if (!namespace || !loadBalancer || namespace.object.metadata?.labels?.[READINESS_GATE_LABEL] === READINESS_GATE_ENABLED) return [];
    return [
      {
        object: namespace,
        path: ['metadata', 'labels'],
        message: `namespace ${namespace.object.metadata?.name} is not labelled ${READINESS_GATE_LABEL}=${READINESS_GATE_ENABLED}: no pod readiness gates, so a rollout may stop old pods before ${loadBalancer.facts.subject} sends requests to new ones`,
      },
    ];
  },
  zoneSpread: (subject) => {
    const constraints: Node[] = subject.workload.pod.spec.topologySpreadConstraints ?? [];
    if (replicasOf(subject.workload) < 2 || constraints.some((constraint) => ZONE_KEYS.includes(constraint.topologyKey))) return [];
    return [{ path: podSpecPath(subject, 'topologySpreadConstraints'), message: 'no topology spread constraint over zones' }];
  },
  deleteVolumeClaims: ({ workload }) => {
    const policy: Node = workload.source.object.spec.persistentVolumeClaimRetentionPolicy ?? {};
    return (['whenDeleted', 'whenScaled'] as const)
      .filter((when) => policy[when] === 'Delete')
      .map((when) => ({
        path: ['spec', 'persistentVolumeClaimRetentionPolicy', when],
        message: `${when}: Delete removes the pods' volume claims`,
      }));
  },
  jobPodFailurePolicy: ({ workload }) => {
    // A bare pod that runs to completion (a Helm test hook) gets the batch rules, but has no Job to carry a policy.
    if (workload.kind !== 'Job' && workload.kind !== 'CronJob') return [];
    const cronJob = workload.kind === 'CronJob';
    const jobSpec: Node = (cronJob ? workload.source.object.spec?.jobTemplate?.spec : workload.source.object.spec) ?? {};
    const at = cronJob ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const rules: Node[] = Array.isArray(jobSpec.podFailurePolicy?.rules) ? jobSpec.podFailurePolicy.rules : [];
    // Rules apply in order and the first match decides: the Ignore rule must not come after one that also matches a disrupted pod's exit code.
    const ignoresDisruptions = rules.some(
      (rule) =>
        rule?.action === 'Ignore' &&
        Array.isArray(rule.onPodConditions) &&
        rule.onPodConditions.some((condition: Node) => condition?.type === 'DisruptionTarget' && (condition.status ?? 'True') === 'True'),
    );
    if (ignoresDisruptions) return [];
    const restartPolicy = workload.pod.spec.restartPolicy ?? 'Always';
    return [
      {
        path: rules.length > 0 ? [...at, 'podFailurePolicy', 'rules'] : at,
        message:
          rules.length > 0
            ? 'no podFailurePolicy rule ignores the DisruptionTarget condition: evicted and preempted pods spend backoffLimit'
            : `no podFailurePolicy${restartPolicy === 'Never' ? '' : ` (and restartPolicy ${restartPolicy}, which a pod failure policy does not allow)`}: evicted and preempted pods spend backoffLimit`,
      },
    ];
  },
  // The lines the runner did not honour (suppressions.ts reads them for both).
  validAcknowledgement: ({ workload }) => acknowledgements(workload).problems.map(({ path, message }): Outcome => ({ path, message })),
  // The dangers a declaration acknowledges each under its own id (src/declaration/dangers.ts).
  tolerateEveryTaint: (subject) => {
    const tolerations: Node[] = subject.workload.pod.spec.tolerations ?? [];
    return tolerations.flatMap((toleration, index) =>
      !toleration?.key && toleration?.operator === 'Exists'
        ? [
            {
              path: podSpecPath(subject, 'tolerations', index),
              message: 'a toleration without a key and with operator Exists tolerates every taint',
            },
          ]
        : [],
    );
  },
  ingressSnippets: (subject) =>
    subject.workload.related.ingresses.flatMap((ingress) => {
      const annotations: Node = ingress.object.metadata?.annotations ?? {};
      return Object.keys(annotations)
        .filter(isSnippetAnnotation)
        .map((key) => ({
          object: ingress,
          path: ['metadata', 'annotations', key],
          message: `Ingress ${objectName(ingress.object)} carries the ingress-nginx snippet ${key}`,
        }));
    }),
  kernelFolderMount: (subject) => {
    const view = containerOf(subject);
    const mounts: Node[] = view.container.volumeMounts ?? [];
    return mounts.flatMap((mount, index) =>
      typeof mount?.mountPath === 'string' && isKernelFolder(mount.mountPath)
        ? [
            {
              path: [...view.path, 'volumeMounts', index, 'mountPath'],
              message: `container ${view.name}: volume ${mount.name} is mounted at ${mount.mountPath}`,
            },
          ]
        : [],
    );
  },
  runtimeSocket: (subject) => {
    const volumes: Node[] = subject.workload.pod.spec.volumes ?? [];
    return volumes.flatMap((volume, index) =>
      typeof volume?.hostPath?.path === 'string' && isRuntimeSocketPath(volume.hostPath.path)
        ? [
            {
              path: podSpecPath(subject, 'volumes', index, 'hostPath', 'path'),
              message: `hostPath volume ${volume.name} is ${volume.hostPath.path}, which is or holds a container runtime socket`,
            },
          ]
        : [],
    );
  },
  writableHostPath: (subject) => {
    const view = containerOf(subject);
    const hostPaths = new Set(
      ((subject.workload.pod.spec.volumes as Node[] | undefined) ?? []).filter((volume) => volume?.hostPath).map((volume) => volume.name),
    );
    const mounts: Node[] = view.container.volumeMounts ?? [];
    return mounts.flatMap((mount, index) =>
      hostPaths.has(mount?.name) && mount.readOnly !== true
        ? [
            {
              path: [...view.path, 'volumeMounts', index],
              message: `container ${view.name}: hostPath volume ${mount.name} is mounted writable at ${mount.mountPath}`,
            },
          ]
        : [],
    );
  },
} satisfies Partial<Record<RuleId, Check>>;
