import { OBJECT_ROLES, type ObjectRole } from '../kinds/table';
import { ANNOTATIONS } from '../load-balancers/aws-load-balancer-controller';

/**
 * What `patches` may not change, as data: both faces read this one table (the Helm chart through
 * `hw.table.patchRefusals` in templates/_generated.tpl), so a patch is refused with the same words
 * in each.
 *
 * Two reasons to refuse a field:
 * - upgrade safety: names, selectors and selector labels, Service ports and container names
 *   identify objects and pods across upgrades (a Deployment's selector is immutable once created);
 * - the declaration says it: a number the derivation writes (probes, preStop, grace, rollout,
 *   budgets, deadlines) or a field the declaration has, changed behind its back, would escape the
 *   invariants and `explain`; the fix names the declaration field (an `overrides.*` is checked by
 *   the invariants and shown by `explain`).
 * A patch *touches* a field when it sets it, deletes it, or replaces or deletes an object that holds
 * it (RFC 7386: a non-object value replaces the whole subtree).
 */
export interface PatchRefusal {
  /** Field path from the object's root (or the container's, for container patches); `*` matches any key. */
  readonly path: readonly string[];
  readonly rule: string;
  readonly fix: string;
}

/** Where each pod-running role keeps its pod template (the rest of the roles have none). */
export const POD_TEMPLATE_PATHS: Readonly<Partial<Record<ObjectRole, readonly string[]>>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

const NAME_RULE = 'names and selectors identify the objects and pods across upgrades (a selector is immutable once created)';
const SELECTOR_LABELS = ['app.kubernetes.io/name', 'app.kubernetes.io/instance'];
const declared = (what: string, field: string): Omit<PatchRefusal, 'path'> => ({
  rule: `${what} comes from the declaration, where the invariants check it and explain shows it`,
  fix: `declare it with ${field} instead of a patch`,
});

function everyObject(): PatchRefusal[] {
  return [
    { path: ['apiVersion'], rule: "an object's kind and API version are its role's", fix: 'patch the fields of the object instead' },
    { path: ['kind'], rule: "an object's kind and API version are its role's", fix: 'patch the fields of the object instead' },
    { path: ['metadata', 'name'], rule: NAME_RULE, fix: 'set instance to rename every object (a new instance is a new workload)' },
    {
      path: ['metadata', 'namespace'],
      rule: "the namespace is the chart's or the release's",
      fix: 'set the namespace of the cdk8s Chart or the Helm release',
    },
    ...SELECTOR_LABELS.map((label) => ({
      path: ['metadata', 'labels', label],
      rule: NAME_RULE,
      fix: 'leave the selector labels alone; labels adds labels',
    })),
    ...['timings', 'declared', 'acknowledged', 'patched'].map((record) => ({
      path: ['metadata', 'annotations', `hardened-workloads.io/${record}`],
      rule: 'annotations under hardened-workloads.io/ are written by this project, and check reads them',
      fix: 'use a key under your own prefix, e.g. example.com/owner',
    })),
  ];
}

function podController(role: ObjectRole, template: readonly string[]): PatchRefusal[] {
  const pod = [...template, 'spec'];
  const jobSpec = role === 'Job' ? ['spec'] : role === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : undefined;
  return [
    { path: ['spec', 'selector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' },
    ...SELECTOR_LABELS.map((label) => ({
      path: [...template, 'metadata', 'labels', label],
      rule: NAME_RULE,
      fix: 'leave the selector labels alone; labels adds labels',
    })),
    { path: ['spec', 'replicas'], ...declared('the number of pods', 'replicas or autoscaling') },
    { path: ['spec', 'minReadySeconds'], ...declared('minReadySeconds', 'overrides.minReadySeconds') },
    { path: ['spec', 'progressDeadlineSeconds'], ...declared('progressDeadlineSeconds', 'overrides.progressDeadlineSeconds') },
    { path: ['spec', 'strategy'], ...declared('the rollout', 'overrides.maxSurge and overrides.maxUnavailable') },
    { path: ['spec', 'updateStrategy'], ...declared('the rollout', 'overrides.maxSurge, overrides.maxUnavailable or stateful.partition') },
    { path: [...pod, 'terminationGracePeriodSeconds'], ...declared('the grace period', 'overrides.terminationGracePeriodSeconds') },
    { path: [...pod, 'activeDeadlineSeconds'], ...declared("a pod's deadline", 'run') },
    { path: [...pod, 'restartPolicy'], ...declared('the restart policy', 'kind') },
    // A toleration of every taint needs its own acknowledgement (tolerateEveryTaint), which a patch would bypass.
    { path: [...pod, 'tolerations'], ...declared('the list of tolerations', 'scheduling.tolerations') },
    ...['containers', 'initContainers'].map((list) => ({
      path: [...pod, list],
      rule: 'a merge patch replaces a list whole, which would drop the hardened containers',
      fix: 'patch one container by name under containers.<name> instead',
    })),
    ...(jobSpec
      ? ['activeDeadlineSeconds', 'backoffLimit', 'podFailurePolicy', 'completions', 'parallelism', 'ttlSecondsAfterFinished'].map(
          (field) => ({ path: [...jobSpec, field], ...declared(`a Job's ${field}`, 'run') }),
        )
      : []),
    ...(role === 'CronJob'
      ? [
          'schedule',
          'timeZone',
          'startingDeadlineSeconds',
          'concurrencyPolicy',
          'successfulJobsHistoryLimit',
          'failedJobsHistoryLimit',
        ].map((field) => ({ path: ['spec', field], ...declared(`a CronJob's ${field}`, 'schedule') }))
      : []),
  ];
}

/** The target group settings the derivation writes as load balancer annotations (invariants 14 and 15 read them). */
const targetGroup = (kind: keyof typeof ANNOTATIONS): PatchRefusal[] =>
  Object.values(ANNOTATIONS[kind]).map((key) => ({
    path: ['metadata', 'annotations', key],
    ...declared(`the load balancer's ${key}`, 'traffic, health and overrides.loadBalancer'),
  }));

/** The other roles' fields that select pods, carry ports or are derived. */
const OWN_FIELDS: Readonly<Partial<Record<ObjectRole, readonly PatchRefusal[]>>> = {
  Service: [
    ...targetGroup('aws-nlb'),
    { path: ['spec', 'selector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' },
    {
      path: ['spec', 'ports'],
      rule: 'Service ports and port names are what clients and routes address across upgrades',
      fix: 'declare the port with port',
    },
  ],
  Ingress: targetGroup('aws-alb'),
  HeadlessService: [
    { path: ['spec', 'selector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' },
    {
      path: ['spec', 'ports'],
      rule: 'Service ports and port names are what clients and routes address across upgrades',
      fix: 'declare the port with port',
    },
  ],
  PodDisruptionBudget: [
    { path: ['spec', 'selector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' },
    { path: ['spec', 'maxUnavailable'], ...declared('the disruption budget', 'replicas (acknowledge.singleReplica for one pod)') },
    { path: ['spec', 'minAvailable'], ...declared('the disruption budget', 'replicas (acknowledge.singleReplica for one pod)') },
  ],
  NetworkPolicy: [{ path: ['spec', 'podSelector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' }],
  ServiceMonitor: [
    { path: ['spec', 'selector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' },
    { path: ['spec', 'endpoints'], ...declared('what is scraped', 'metrics') },
  ],
  PodMonitor: [
    { path: ['spec', 'selector'], rule: NAME_RULE, fix: 'leave the selector alone; it follows name and instance' },
    { path: ['spec', 'podMetricsEndpoints'], ...declared('what is scraped', 'metrics') },
  ],
  HorizontalPodAutoscaler: [
    { path: ['spec', 'scaleTargetRef'], rule: NAME_RULE, fix: 'leave the target alone; it is the workload' },
    { path: ['spec', 'minReplicas'], ...declared('the number of pods', 'autoscaling.minReplicas') },
    { path: ['spec', 'maxReplicas'], ...declared('the number of pods', 'autoscaling.maxReplicas') },
  ],
};

/** What a patch of one container (`containers.<name>`) may not change. */
export const CONTAINER_REFUSALS: readonly PatchRefusal[] = [
  { path: ['name'], rule: 'a container is addressed by its name across upgrades', fix: 'leave the name alone' },
  { path: ['image'], ...declared('the image', "image (or the sidecar's or init container's own image)") },
  { path: ['ports'], rule: 'port names are what Services, probes and the NetworkPolicy address', fix: 'declare the port with port' },
  ...['readinessProbe', 'livenessProbe', 'startupProbe'].map((probe) => ({
    path: [probe],
    ...declared(`the ${probe}`, 'health and overrides'),
  })),
  { path: ['lifecycle'], ...declared('the preStop hook', 'preStop and overrides.preStopSeconds') },
  { path: ['restartPolicy'], ...declared("a sidecar's restart policy", 'sidecars or initContainers') },
  { path: ['resources'], ...declared('the resources', 'resources') },
];

/**
 * The labels of a kept selector (keep.selector), which every object and pod carries: a patch of
 * the role's object may change them no more than the default selector labels. Sorted, as the Helm
 * face ranges over a map.
 */
export function keptSelectorRefusals(role: ObjectRole, keys: readonly string[]): PatchRefusal[] {
  const template = POD_TEMPLATE_PATHS[role];
  return [...keys].sort().flatMap((label) =>
    [['metadata', 'labels', label], ...(template ? [[...template, 'metadata', 'labels', label]] : [])].map((path) => ({
      path,
      rule: NAME_RULE,
      fix: 'leave the kept selector labels alone (keep.selector); labels adds labels',
    })),
  );
}

/** What a patch of each role's object may not change. */
export const PATCH_REFUSALS = Object.fromEntries(
  OBJECT_ROLES.map((role): [ObjectRole, readonly PatchRefusal[]] => {
    const template = POD_TEMPLATE_PATHS[role];
    return [role, [...everyObject(), ...(template ? podController(role, template) : (OWN_FIELDS[role] ?? []))]];
  }),
) as { readonly [Role in ObjectRole]: readonly PatchRefusal[] };
