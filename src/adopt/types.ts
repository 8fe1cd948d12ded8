/**
 * The contract of `hardened-workloads adopt` (issue 20): what reading someone's manifests yields
 * for each workload, and what the review of the changes says. The inference (src/adopt/infer/)
 * produces `AdoptedWorkload`s; the review (src/adopt/review/) compares the input objects with what
 * the written declaration synthesizes. Neither imports cdk8s: the CLI synthesizes in between.
 */
import type { KubernetesObject } from '../manifests/objects';

export type { KubernetesObject };

/** Where an inferred value came from, for the comment written beside it in the declaration. */
export interface Inference {
  /** The declaration field, as a dotted path: `startup.maxSeconds`, `drainSeconds`, `health.p99LatencyMs`. */
  readonly field: string;
  readonly value: unknown;
  /** Why this value, in one line naming the input field or setting, e.g. "liveness initialDelaySeconds 30 + window 30 s (Deployment/shop/checkout)". */
  readonly source: string;
  /** Nothing in the input supports the value: it is a placeholder marked `# CONFIRM`. */
  readonly confirm: boolean;
}

/** A field of the input that the declaration does not carry, and why (e.g. a `latest` tag the user must pin). */
export interface Dropped {
  /** `Kind/namespace/name` of the input object. */
  readonly object: string;
  /** The field path inside that object, dotted, e.g. `spec.template.spec.hostNetwork`. */
  readonly path: string;
  readonly reason: string;
}

/** Something `adopt` would have to guess: resolved by a flag or a `# CONFIRM` value. */
export interface Ambiguity {
  readonly object: string;
  readonly message: string;
  /** The flag or declaration field that resolves it. */
  readonly resolve: string;
}

/** One workload of the input, brought over. */
export interface AdoptedWorkload {
  /** `Kind/namespace/name` of the workload object in the input. */
  readonly workload: string;
  /** The workload object and the objects that belong to it (Service, PDB, HPA, Ingress/route, ConfigMaps, ServiceAccount), as read. */
  readonly input: readonly KubernetesObject[];
  /** A declaration in this project's schema (what `synth` reads), plain data. */
  readonly declaration: Record<string, unknown>;
  readonly inferences: readonly Inference[];
  readonly dropped: readonly Dropped[];
  readonly ambiguities: readonly Ambiguity[];
}

/** One field that differs between the input object and the synthesized one. */
export interface FieldChange {
  /** Dotted path inside the object, e.g. `spec.template.spec.terminationGracePeriodSeconds`. */
  readonly path: string;
  /** Absent when the field is new. */
  readonly before?: unknown;
  /** Absent when the field is removed. */
  readonly after?: unknown;
  /** When `before` or `after` is absent: the value Kubernetes uses for the field left out (30 for terminationGracePeriodSeconds). */
  readonly kubernetesDefault?: unknown;
  /** The rule that set it: the same ids `explain` and `check` use (e.g. `graceCoversShutdown`), when one did. */
  readonly rule?: string;
  /** Why, with the numbers, e.g. "grace = preStop 10 + drain 30 + margin 7". */
  readonly reason: string;
}

/** What happens to one object when the synthesized objects replace the input. */
export interface ObjectReview {
  /** `Kind/namespace/name`. */
  readonly object: string;
  readonly status: 'changed' | 'unchanged' | 'added' | 'removed';
  readonly changes: readonly FieldChange[];
  /** What stays as it is, said explicitly: "name", "selector", "Service ports". */
  readonly kept: readonly string[];
  /** What cannot stay as it is, and why (e.g. a selector the declaration cannot express). */
  readonly notKept: ReadonlyArray<{ readonly what: string; readonly why: string }>;
}
