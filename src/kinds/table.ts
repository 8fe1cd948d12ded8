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
  'Service',
  'Ingress',
  'Route',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'Job',
  'CronJob',
] as const;
export type ObjectRole = (typeof OBJECT_ROLES)[number];

/** The Kubernetes controllers that run a kind's pods. */
export type Controller = 'Deployment' | BatchController;
/** Controllers whose pods run to completion (restartPolicy Never) instead of until deleted. */
export const BATCH_CONTROLLERS = ['Job', 'CronJob'] as const;
export type BatchController = (typeof BATCH_CONTROLLERS)[number];

export interface KindEntry {
  /** What the kind is for, in the words of the field documentation. */
  readonly summary: string;
  /** The Kubernetes controller that runs the pods. */
  readonly controller: Controller;
  /** The objects the kind may make, in the order they are created. */
  readonly objects: readonly ObjectRole[];
}

export const KINDS: Readonly<Record<WorkloadKind, KindEntry>> = {
  web: {
    summary: 'serves traffic through a Service (a Deployment)',
    controller: 'Deployment',
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
    objects: ['ServiceAccount', 'ConfigMap', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler'],
  },
  job: {
    summary: 'runs to completion once, e.g. a data migration (a Job): no Service, no PodDisruptionBudget, no probes',
    controller: 'Job',
    objects: ['ServiceAccount', 'ConfigMap', 'Job', 'NetworkPolicy'],
  },
  cronjob: {
    summary: 'runs to completion on a schedule, e.g. a nightly report (a CronJob): no Service, no PodDisruptionBudget, no probes',
    controller: 'CronJob',
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
  // Pods that run until deleted: how long they take to start, how many run at once.
  startup: ['web', 'worker'],
  replicas: ['web', 'worker'],
  autoscaling: ['web', 'worker'],
  // Pods that run to completion: how long a run takes, how often it is tried.
  run: ['job', 'cronjob'],
  schedule: ['cronjob'],
};

/** Whether a kind's pods run to completion (a Job's, a CronJob's) rather than until deleted. */
export function runsToCompletion(kind: WorkloadKind): boolean {
  return (BATCH_CONTROLLERS as readonly string[]).includes(KINDS[kind].controller);
}

/** Whether a kind makes an object of this role (subject to the object's own conditions). */
export function makes(kind: WorkloadKind, role: ObjectRole): boolean {
  return KINDS[kind].objects.includes(role);
}
