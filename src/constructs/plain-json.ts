import { k8s } from 'cdk8s-plus-28';

/**
 * Typed 1.28 props to plain JSON: IntOrString and Quantity unwrapped, undefined fields dropped.
 *
 * cdk8s-plus-28's `KubeX.manifest()` does the same through generated per-type mappers that copy
 * every object once per field; on 1000 workloads they cost more than the rest of our synthesis
 * (see BENCHMARKS.md). The props stay typed by the k8s interfaces; only the conversion is ours.
 */
export function plainJson(value: unknown): unknown {
  if (value instanceof k8s.IntOrString || value instanceof k8s.Quantity) return value.value;
  if (Array.isArray(value)) return value.map(plainJson);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) result[key] = plainJson(field);
  }
  return result;
}

/** A manifest of the given kind from its typed props. */
export function manifest(
  gvk: { apiVersion: string; kind: string },
  props: object,
): { apiVersion: string; kind: string } & Record<string, any> {
  return { apiVersion: gvk.apiVersion, kind: gvk.kind, ...(plainJson(props) as Record<string, unknown>) };
}
