/**
 * Workload kinds: the user words of the declaration's `kind`, each mapped here — and only here — to
 * the controller that runs its pods, the objects it makes and the declaration fields it accepts.
 * Both faces read this one table: the constructs directly, the Helm templates through
 * templates/_generated.tpl (written by `npm run generate`), so no face keeps a second `if kind` list.
 */

export const WORKLOAD_KINDS = ['web', 'worker', 'stateful'] as const;
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
  'Service',
  'Ingress',
  'Route',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
] as const;
export type ObjectRole = (typeof OBJECT_ROLES)[number];

/** The controllers the kinds map to (the manifests' kind of the object that runs the pods). */
export type Controller = 'Deployment' | 'StatefulSet';

/**
 * The label each controller gives its pods to tell revisions apart, by which the topology spread
 * is computed per revision (matchLabelKeys), so that a rollout does not skew it:
 * https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/#spread-constraint-definition.
 */
export const REVISION_LABEL: Readonly<Record<Controller, string>> = {
  Deployment: 'pod-template-hash',
  StatefulSet: 'controller-revision-hash',
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
    ],
  },
  worker: {
    summary: 'no Service and no preStop hook, e.g. a queue consumer (a Deployment)',
    controller: 'Deployment',
    traffic: 'never',
    objects: ['ServiceAccount', 'ConfigMap', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler'],
  },
  stateful: {
    summary:
      'stable identity and storage, e.g. a database or a broker (a StatefulSet with a headless Service, and a Service when it has a port)',
    controller: 'StatefulSet',
    traffic: 'with-port',
    objects: ['ServiceAccount', 'ConfigMap', 'StatefulSet', 'HeadlessService', 'Service', 'PodDisruptionBudget', 'NetworkPolicy'],
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
  // A StatefulSet's members join and leave a cluster: the number of pods is declared, not autoscaled.
  autoscaling: ['web', 'worker'],
  stateful: ['stateful'],
};

/** Whether a kind makes an object of this role (subject to the object's own conditions). */
export function makes(kind: WorkloadKind, role: ObjectRole): boolean {
  return KINDS[kind].objects.includes(role);
}

/** Whether a Service sends the workload's pods traffic (see `KindEntry.traffic`). */
export function servesTraffic(kind: WorkloadKind, port: number | undefined): boolean {
  const { traffic } = KINDS[kind];
  return traffic === 'always' || (traffic === 'with-port' && port !== undefined);
}
