/**
 * Workload kinds: the user words of the declaration's `kind`, each mapped here — and only here — to
 * the controller that runs its pods, the objects it makes and the declaration fields it accepts.
 * Both faces read this one table: the constructs directly, the Helm templates through
 * templates/_generated.tpl (written by `npm run generate`), so no face keeps a second `if kind` list.
 */

// One kind a line, so that kinds added on different branches merge.
// prettier-ignore
export const WORKLOAD_KINDS = [
  'web',
  'worker',
  'stateful',
  'daemon',
  'job',
  'cronjob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/**
 * The objects a workload can make, by role. A role names one object; two roles may share a
 * Kubernetes kind (a StatefulSet's Service and its headless Service). Whether an object of a kind's
 * list is made still depends on the declaration (a PodDisruptionBudget needs two pods).
 */
export const OBJECT_ROLES = [
  'ServiceAccount',
  'ConfigMap',
  'Deployment',
  'StatefulSet',
  'HeadlessService',
  'DaemonSet',
  'Service',
  'Ingress',
  'Route',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'Job',
  'CronJob',
  // Prometheus Operator monitors (monitoring.coreos.com/v1), made with `metrics`.
  'ServiceMonitor',
  'PodMonitor',
] as const;
export type ObjectRole = (typeof OBJECT_ROLES)[number];

/** The controllers the kinds map to (the manifests' kind of the object that runs the pods). */
export type Controller = 'Deployment' | 'StatefulSet' | 'DaemonSet' | BatchController;
/** Controllers whose pods run to completion (restartPolicy Never) instead of until deleted. */
export const BATCH_CONTROLLERS = ['Job', 'CronJob'] as const;
export type BatchController = (typeof BATCH_CONTROLLERS)[number];

/**
 * How each controller's pods are spread over zones and nodes: by the label the controller gives its
 * pods to tell revisions apart, so that the spread is computed per revision (matchLabelKeys) and a
 * rollout does not skew it
 * (https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/#spread-constraint-definition);
 * or not at all, for a DaemonSet, which runs one pod on every node by construction. A Job's pods
 * carry the uid of their Job (`batch.kubernetes.io/controller-uid`, Kubernetes 1.27+; a key a pod
 * lacks is ignored), so the pods of one run, a CronJob's included, are spread among themselves.
 */
export const POD_SPREAD: Readonly<Record<Controller, { readonly revisionLabel: string } | undefined>> = {
  Deployment: { revisionLabel: 'pod-template-hash' },
  StatefulSet: { revisionLabel: 'controller-revision-hash' },
  DaemonSet: undefined,
  Job: { revisionLabel: 'batch.kubernetes.io/controller-uid' },
  CronJob: { revisionLabel: 'batch.kubernetes.io/controller-uid' },
};

/**
 * The rollout overrides a controller does not have (they are a Deployment's), why, and what to do
 * instead: a foreign one is an error.
 */
export const FOREIGN_ROLLOUT_OVERRIDES: Readonly<
  Record<
    Controller,
    {
      readonly fields: readonly ('maxSurge' | 'maxUnavailable' | 'progressDeadlineSeconds')[];
      readonly why: string;
      readonly instead: string;
    }
  >
> = {
  Deployment: { fields: [], why: '', instead: '' },
  StatefulSet: {
    fields: ['maxSurge', 'maxUnavailable', 'progressDeadlineSeconds'],
    why: 'a StatefulSet updates one pod at a time and has no progress deadline',
    instead: 'stateful.partition stages an update',
  },
  DaemonSet: {
    fields: ['progressDeadlineSeconds'],
    why: 'a DaemonSet has no progress deadline',
    instead: 'explain states the worst case for each node',
  },
  // A Job's rollout overrides are refused with the other overrides a run has no use for (resolve/run.ts).
  Job: { fields: [], why: '', instead: '' },
  CronJob: { fields: [], why: '', instead: '' },
};

export interface KindEntry {
  /** What the kind is for, in the words of the field documentation. */
  readonly summary: string;
  /** The Kubernetes controller that runs the pods. */
  readonly controller: Controller;
  /**
   * Whether a Service sends the pods traffic, which decides the propagation time, the preStop
   * delay and whether a readiness check is required: `always` (a port is required), `never`, or
   * `with-port` (when the declaration has a port).
   */
  readonly traffic: 'always' | 'never' | 'with-port';
  /** The objects the kind may make, in the order they are created. */
  readonly objects: readonly ObjectRole[];
}

export const KINDS: Readonly<Record<WorkloadKind, KindEntry>> = {
  web: {
    summary: 'serves traffic through a Service (a Deployment)',
    controller: 'Deployment',
    traffic: 'always',
    objects: [
      'ServiceAccount',
      'ConfigMap',
      'Deployment',
      'Service',
      'Ingress',
      'Route',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'HorizontalPodAutoscaler',
      'ServiceMonitor',
    ],
  },
  worker: {
    summary: 'no Service and no preStop hook, e.g. a queue consumer (a Deployment)',
    controller: 'Deployment',
    traffic: 'never',
    objects: ['ServiceAccount', 'ConfigMap', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodMonitor'],
  },
  stateful: {
    summary:
      'stable identity and storage, e.g. a database or a broker (a StatefulSet with a headless Service, and a Service when it has a port)',
    controller: 'StatefulSet',
    traffic: 'with-port',
    // A PodMonitor, not a ServiceMonitor: one selecting the Service would select the headless Service (same labels) too and scrape every pod twice.
    objects: [
      'ServiceAccount',
      'ConfigMap',
      'StatefulSet',
      'HeadlessService',
      'Service',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'PodMonitor',
    ],
  },
  daemon: {
    summary:
      'one pod on every node, e.g. a log shipper or a node agent (a DaemonSet); no Service and no PodDisruptionBudget, because node drains do not evict its pods',
    controller: 'DaemonSet',
    traffic: 'never',
    objects: ['ServiceAccount', 'ConfigMap', 'DaemonSet', 'NetworkPolicy', 'PodMonitor'],
  },
  job: {
    summary: 'runs to completion once, e.g. a data migration (a Job): no Service, no PodDisruptionBudget, no probes',
    controller: 'Job',
    traffic: 'never',
    objects: ['ServiceAccount', 'ConfigMap', 'Job', 'NetworkPolicy'],
  },
  cronjob: {
    summary: 'runs to completion on a schedule, e.g. a nightly report (a CronJob): no Service, no PodDisruptionBudget, no probes',
    controller: 'CronJob',
    traffic: 'never',
    objects: ['ServiceAccount', 'ConfigMap', 'CronJob', 'NetworkPolicy'],
  },
};

/**
 * Top-level declaration fields that only some kinds accept; every other field means the same for
 * every kind. A field here must have no default (so that both faces can tell that it was written):
 * a foreign one is an error naming the kinds that take it.
 */
export const KIND_FIELDS: Readonly<Record<string, readonly WorkloadKind[]>> = {
  ingress: ['web'],
  route: ['web'],
  service: ['web'],
  // Pods that run until deleted: how long they take to start.
  startup: ['web', 'worker', 'stateful', 'daemon'],
  // A StatefulSet's members join and leave a cluster: the number of pods is declared, not autoscaled.
  autoscaling: ['web', 'worker'],
  stateful: ['stateful'],
  // A DaemonSet runs one pod on every node its scheduling allows, a Job one pod per attempt: there is no number of pods to declare.
  replicas: ['web', 'worker', 'stateful'],
  daemon: ['daemon'],
  // Pods that run to completion: how long a run takes, how often it is tried.
  run: ['job', 'cronjob'],
  schedule: ['cronjob'],
  // Pods that run until deleted can be scraped; a run's pods are gone before the next scrape.
  metrics: ['web', 'worker', 'stateful', 'daemon'],
};

/** Whether a kind's pods run to completion (a Job's, a CronJob's) rather than until deleted. */
export function runsToCompletion(kind: WorkloadKind): boolean {
  return (BATCH_CONTROLLERS as readonly string[]).includes(KINDS[kind].controller);
}

/** Whether a kind makes an object of this role (subject to the object's own conditions). */
export function makes(kind: WorkloadKind, role: ObjectRole): boolean {
  return KINDS[kind].objects.includes(role);
}

/** Whether a Service sends the workload's pods traffic (see `KindEntry.traffic`). */
export function servesTraffic(kind: WorkloadKind, port: number | undefined): boolean {
  const { traffic } = KINDS[kind];
  return traffic === 'always' || (traffic === 'with-port' && port !== undefined);
}
