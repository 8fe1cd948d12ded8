import type { k8s } from 'cdk8s-plus-28';

/**
 * The 1.28 API types of cdk8s-plus-28, as plain JSON: IntOrString and Quantity become the numbers
 * and strings they wrap. Builders are typed with these, so the compiler still checks every field
 * name and type, while the objects need no conversion: cdk8s-plus-28's per-type `manifest()`
 * mappers, which copy every object once per field, cost more than the rest of our synthesis on
 * 1000 workloads (see BENCHMARKS.md).
 *
 * Builders write an optional field as `key: value-or-undefined`, never as a conditional spread
 * (`...(present ? { key } : {})`): cdk8s drops undefined values when it synthesizes, so the YAML is
 * the same, while every object of one kind keeps one shape. Spreads give each object its own
 * shape, built key by key, which made building the objects take about twice as long.
 */
export type Json<T> = T extends k8s.IntOrString | k8s.Quantity
  ? // Structural typing would also match { name, value } pairs such as HttpHeader: only `value` alone is a wrapper.
    Exclude<keyof T, 'value'> extends never
    ? number | string
    : { [Key in keyof T]: Json<T[Key]> }
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

/** A manifest of the given kind from its props (assigned, not spread: see above). */
export function manifest<Props extends object>(gvk: { apiVersion: string; kind: string }, props: Json<Props>) {
  return Object.assign({ apiVersion: gvk.apiVersion, kind: gvk.kind }, props as object);
}
