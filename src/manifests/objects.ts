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
