import type { FieldPath } from '../files/manifests';
import type { KubernetesObject, Node } from './objects';

/**
 * Every kind that runs pods, mapped to one shape: where its pod template is. Rules read pods and
 * containers through this adapter only, so none of them branches on the kind, and a new kind is
 * one line here.
 */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Path from the object's root to its pod template (`metadata` + `spec`); a bare Pod is its own template. */
const POD_TEMPLATE_PATHS: Record<WorkloadKind, FieldPath> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

export function isWorkloadKind(kind: unknown): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly unknown[]).includes(kind);
}

/**
 * How a container takes part in the pod's life. A native sidecar is an init container with
 * `restartPolicy: Always`: it starts before the app, runs beside it and stops after it
 * (https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/). Ephemeral containers
 * are debugging shells added to a running Pod; only Pod Security rules look at them.
 */
export type ContainerRole = 'main' | 'init' | 'sidecar' | 'ephemeral';

export interface ContainerView {
  readonly role: ContainerRole;
  readonly name: string;
  readonly container: Node;
  /** From the object's root, e.g. `['spec', 'template', 'spec', 'initContainers', 0]`. */
  readonly path: FieldPath;
}

export interface PodTemplateView {
  readonly metadata: Node;
  readonly spec: Node;
  /** From the object's root to the template; the pod spec is at `[...path, 'spec']`. */
  readonly path: FieldPath;
  readonly containers: readonly ContainerView[];
}

const CONTAINER_LISTS = [
  ['initContainers', (container: Node): ContainerRole => (container.restartPolicy === 'Always' ? 'sidecar' : 'init')],
  ['containers', (): ContainerRole => 'main'],
  ['ephemeralContainers', (): ContainerRole => 'ephemeral'],
] as const;

/** The pod template of a workload object whose shape has been validated. */
export function podTemplateOf(object: KubernetesObject & { kind: WorkloadKind }): PodTemplateView {
  const path = POD_TEMPLATE_PATHS[object.kind];
  const template = path.reduce<Node>((node, key) => node[key], object as Node);
  const spec: Node = template.spec;
  const containers = CONTAINER_LISTS.flatMap(([list, roleOf]) =>
    ((spec[list] as Node[] | null | undefined) ?? []).map((container, index) => ({
      role: roleOf(container),
      name: String(container.name),
      container,
      path: [...path, 'spec', list, index],
    })),
  );
  return { metadata: template.metadata ?? {}, spec, path, containers };
}
