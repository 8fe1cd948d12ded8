/** A Kubernetes object as parsed from YAML: only the fields read here are typed. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are untyped input
  /** ServiceAccount's only field read here. */
  automountServiceAccountToken?: boolean;
}

/** A node of a manifest: untyped input, read through the shapes below. */
export type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `Kind/name`, or `Kind/namespace/name` when a namespace is written, as reviewers name objects. */
export function objectName(object: KubernetesObject): string {
  const { name, generateName, namespace } = (object.metadata ?? {}) as { name?: string; generateName?: string; namespace?: string };
  return `${object.kind}/${namespace ? `${namespace}/` : ''}${name ?? `${generateName}*`}`;
}

/**
 * A map keyed by names from the input (labels, annotations, container and port names) that has no
 * prototype: a name such as `constructor` or `__proto__` is only ever its own entry, never an
 * inherited member (a `declared` annotation `constructor.keys=1` once overwrote Object.keys).
 */
export function dictionary<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const map = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) map[key] = value;
  return map;
}

/** A record's own entry for a name from the input, never an inherited member. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * What makes an object one object in a cluster: its API group (not its version: apps/v1 and
 * apps/v1beta2 are the same Deployment), kind, namespace and name. The namespace is as written:
 * none is the namespace of the apply, which the input does not show, so it is never `default`.
 * Undefined for an object named by `generateName`, which creates a new object each time.
 */
export function identityOf(object: KubernetesObject): string | undefined {
  const name = object.metadata?.name;
  if (typeof name !== 'string') return undefined;
  const apiVersion = String(object.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return [group, String(object.kind), object.metadata?.namespace ?? '', name].join('\u0000');
}
