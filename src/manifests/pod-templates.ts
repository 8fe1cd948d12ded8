import type { FieldPath } from '../files/manifests';
import type { KubernetesObject, Node } from './objects';

/**
 * Every kind of the core API that runs pods or describes them, mapped to one shape: where its pod
 * template is. Rules read pods and containers through this adapter only, so none of them branches
 * on the kind, and a new kind is one line here. ReplicationController (v1) is the ReplicaSet's
 * predecessor, with the same template; a PodTemplate (v1) is a pod template stored on its own,
 * with no controller (https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates): it is
 * checked as the pod it describes (run.ts), so the rollout, replica and budget rules never apply.
 * Any other kind that carries a pod template is named as not checked (`podTemplatePathIn`).
 */
export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
  'PodTemplate',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Path from the object's root to its pod template (`metadata` + `spec`); a bare Pod is its own template. */
const POD_TEMPLATE_PATHS: Record<WorkloadKind, FieldPath> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
  PodTemplate: ['template'],
};

export function isWorkloadKind(kind: unknown): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly unknown[]).includes(kind);
}

/** How deep `podTemplatePathIn` looks: Argo Rollouts and OpenKruise keep the template at spec.template, KEDA's ScaledJob at spec.jobTargetRef.template. */
const TEMPLATE_SEARCH_DEPTH = 5;

/**
 * Where an object of a kind `check` does not read (a custom resource such as an Argo Rollout or an
 * OpenKruise CloneSet) carries a pod template — a mapping whose `spec.containers` is a list of
 * containers —, or undefined when it carries none; breadth first, so the shallowest is named. Such
 * an object runs pods that no rule has seen: the report names it rather than pass it silently.
 */
export function podTemplatePathIn(object: Node): FieldPath | undefined {
  let level: Array<{ node: unknown; path: FieldPath }> = [{ node: object, path: [] }];
  for (let depth = 0; depth <= TEMPLATE_SEARCH_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { node, path } of level) {
      if (typeof node !== 'object' || node === null) continue;
      if (!Array.isArray(node) && isPodTemplate(node as Node)) return path;
      const entries: Array<[string | number, unknown]> = Array.isArray(node)
        ? node.map((item, index) => [index, item])
        : Object.entries(node);
      for (const [key, child] of entries) if (key !== 'metadata' && key !== 'status') next.push({ node: child, path: [...path, key] });
    }
    level = next;
  }
  return undefined;
}

function isPodTemplate(node: Node): boolean {
  const containers = node.spec?.containers;
  return (
    Array.isArray(containers) &&
    containers.length > 0 &&
    containers.every(
      (container) => typeof container === 'object' && container !== null && !Array.isArray(container) && 'image' in container,
    )
  );
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
