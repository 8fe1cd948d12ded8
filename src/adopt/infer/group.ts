import type { SourcedObject } from '../../files/manifests';
import { type KubernetesObject, type Node, objectName } from '../../manifests/objects';
import { shapeProblems } from '../../manifests/shapes';
import { type Workload, workloadsOf } from '../../manifests/workloads';

/** The controllers adopt brings over; a bare Pod or ReplicaSet is run by something else (a Deployment, a person). */
export const ADOPTED_CONTROLLERS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;
export type AdoptedController = (typeof ADOPTED_CONTROLLERS)[number];

/** One workload of the input with the objects that belong to it, found as `check` finds them (src/manifests/relations.ts). */
export interface WorkloadGroup {
  readonly workload: Workload & { readonly kind: AdoptedController };
  /** The ConfigMaps and Secrets of the input that its pods mount or read (volumes, env, envFrom). */
  readonly configuration: readonly SourcedObject[];
  /**
   * Those of its ConfigMaps that other workloads of the input read too, by name, with those
   * workloads (`Kind/namespace/name`): such a ConfigMap belongs to none of them alone.
   */
  readonly shared: ReadonlyMap<string, readonly string[]>;
  /** NetworkPolicies whose podSelector selects its pods. */
  readonly networkPolicies: readonly KubernetesObject[];
  /** Prometheus Operator ServiceMonitors that select its Services and PodMonitors that select its pods. */
  readonly monitors: readonly KubernetesObject[];
  /** The objects that belong to it, the workload first, in input order after it. */
  readonly members: readonly KubernetesObject[];
}

export interface Grouping {
  readonly groups: readonly WorkloadGroup[];
  /** Objects whose shapes the reader refuses, with why: listed, never silently skipped. */
  readonly malformed: ReadonlyArray<{ readonly object: string; readonly message: string }>;
  /** Pods and ReplicaSets: they run pods, but adopt brings over controllers only. */
  readonly unadopted: readonly string[];
}

/** Whether matchLabels select these labels (a selector with matchExpressions is read by its matchLabels only). */
function selects(selector: Node | undefined, labels: Readonly<Record<string, string>>): boolean {
  const matchLabels: Record<string, string> = selector?.matchLabels ?? {};
  const keys = Object.keys(matchLabels);
  return (
    selector !== undefined &&
    selector !== null &&
    keys.length > 0 &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === matchLabels[key])
  );
}

/** An object as the relation index reads it; adopt works on parsed objects, without positions. */
function sourced(object: KubernetesObject): SourcedObject {
  return { object, file: '', position: { line: 1, column: 1 }, locate: () => ({ line: 1, column: 1 }) };
}

/** The names of the ConfigMaps and Secrets a pod reads: volumes (also projected), env valueFrom and envFrom. */
function configurationNames(pod: Node): { configMaps: Set<string>; secrets: Set<string> } {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  for (const volume of (pod.volumes as Node[] | undefined) ?? []) {
    if (volume?.configMap?.name) configMaps.add(String(volume.configMap.name));
    if (volume?.secret?.secretName) secrets.add(String(volume.secret.secretName));
    for (const source of (volume?.projected?.sources as Node[] | undefined) ?? []) {
      if (source?.configMap?.name) configMaps.add(String(source.configMap.name));
      if (source?.secret?.name) secrets.add(String(source.secret.name));
    }
  }
  for (const list of ['containers', 'initContainers']) {
    for (const container of (pod[list] as Node[] | undefined) ?? []) {
      for (const entry of (container?.env as Node[] | undefined) ?? []) {
        if (entry?.valueFrom?.configMapKeyRef?.name) configMaps.add(String(entry.valueFrom.configMapKeyRef.name));
        if (entry?.valueFrom?.secretKeyRef?.name) secrets.add(String(entry.valueFrom.secretKeyRef.name));
      }
      for (const entry of (container?.envFrom as Node[] | undefined) ?? []) {
        if (entry?.configMapRef?.name) configMaps.add(String(entry.configMapRef.name));
        if (entry?.secretRef?.name) secrets.add(String(entry.secretRef.name));
      }
    }
  }
  return { configMaps, secrets };
}

/**
 * Groups the input by workload: each controller with the Services that select its pods, their
 * Ingresses and routes, its PodDisruptionBudgets, its HorizontalPodAutoscaler, its ServiceAccount,
 * and the ConfigMaps and Secrets it reads, all in its namespace. One object may belong to several
 * workloads (a Service selecting two Deployments); adopt reports that as an ambiguity.
 */
export function groupWorkloads(objects: readonly KubernetesObject[]): Grouping {
  const malformed: Array<{ object: string; message: string }> = [];
  const readable: SourcedObject[] = [];
  for (const object of objects) {
    const problems = shapeProblems(object as Node);
    if (problems.length === 0) readable.push(sourced(object));
    else for (const { message } of problems) malformed.push({ object: objectName(object), message });
  }
  const byName = new Map(
    readable.map((source) => [
      `${source.object.kind}\u0000${source.object.metadata?.namespace ?? ''}\u0000${source.object.metadata?.name}`,
      source,
    ]),
  );
  const groups: WorkloadGroup[] = [];
  const unadopted: string[] = [];
  for (const workload of workloadsOf(readable)) {
    if (!(ADOPTED_CONTROLLERS as readonly string[]).includes(workload.kind)) {
      unadopted.push(workload.subject);
      continue;
    }
    const namespace = workload.source.object.metadata?.namespace ?? '';
    const { configMaps, secrets } = configurationNames(workload.pod.spec);
    const configuration = [
      ...[...configMaps].map((name) => byName.get(`ConfigMap\u0000${namespace}\u0000${name}`)),
      ...[...secrets].map((name) => byName.get(`Secret\u0000${namespace}\u0000${name}`)),
    ].filter((source): source is SourcedObject => source !== undefined);
    const { related } = workload;
    const podLabels: Record<string, string> = workload.pod.metadata.labels ?? {};
    const inNamespace = (source: SourcedObject) => (source.object.metadata?.namespace ?? '') === namespace;
    const networkPolicies = readable.filter(
      (source) => source.object.kind === 'NetworkPolicy' && inNamespace(source) && selects(source.object.spec?.podSelector, podLabels),
    );
    const monitors = readable.filter(
      (source) =>
        inNamespace(source) &&
        ((source.object.kind === 'PodMonitor' && selects(source.object.spec?.selector, podLabels)) ||
          (source.object.kind === 'ServiceMonitor' &&
            related.services.some((service) => selects(source.object.spec?.selector, service.object.metadata?.labels ?? {})))),
    );
    const belonging = new Set<SourcedObject>([
      ...(related.serviceAccount ? [related.serviceAccount] : []),
      ...configuration,
      ...related.services,
      ...related.ingresses,
      ...related.routes,
      ...related.podDisruptionBudgets,
      ...(related.autoscaler ? [related.autoscaler] : []),
      ...related.volumeClaims,
      ...networkPolicies,
      ...monitors,
    ]);
    const members = [workload.source.object, ...readable.filter((source) => belonging.has(source)).map((source) => source.object)];
    groups.push({
      workload: workload as WorkloadGroup['workload'],
      configuration,
      shared: new Map(),
      networkPolicies: networkPolicies.map((source) => source.object),
      monitors: monitors.map((source) => source.object),
      members,
    });
  }
  return { groups: withSharedConfigMaps(groups), malformed, unadopted };
}

/** Each group with the ConfigMaps of its configuration that other groups read too, and who they are. */
function withSharedConfigMaps(groups: readonly WorkloadGroup[]): WorkloadGroup[] {
  const readers = new Map<KubernetesObject, string[]>();
  for (const group of groups)
    for (const { object } of group.configuration)
      if (object.kind === 'ConfigMap') readers.set(object, [...(readers.get(object) ?? []), group.workload.subject]);
  return groups.map((group) => {
    const shared = new Map<string, readonly string[]>();
    for (const { object } of group.configuration) {
      const others = (readers.get(object) ?? []).filter((subject) => subject !== group.workload.subject);
      if (others.length > 0) shared.set(String(object.metadata?.name), others);
    }
    return { ...group, shared };
  });
}
