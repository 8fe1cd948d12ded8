import type { FieldPath, SourcedObject } from '../files/manifests';
import type { DeclaredTimes } from '../invariants/facts';
import type { ContainerView } from '../manifests/pod-templates';
import type { Workload } from '../manifests/workloads';

/**
 * What a rule's predicate sees: one workload, the times declared for it, and — for rules that
 * target containers — one container of a role the rule applies to. The runner decides which
 * kinds and containers a rule sees; predicates never branch on the kind.
 */
export interface Subject {
  readonly workload: Workload;
  readonly declared: DeclaredTimes;
  readonly container?: ContainerView;
}

/** A rule broken at a field. */
export interface Violation {
  /** The field from the root of `object` (the workload unless said otherwise). */
  readonly path: FieldPath;
  /** The numbers or values found, e.g. `readiness timeout 1 s, period 10 s`. */
  readonly message: string;
  /** A fix with this workload's numbers; the rule's general fix otherwise. */
  readonly fix?: string;
  /** When the field is in a related object, such as the PodDisruptionBudget. */
  readonly object?: SourcedObject;
  /** A note, whatever the rule's severity: something a reviewer should know that is not a violation. */
  readonly note?: true;
}

/** A rule that needs a declared time the manifests cannot show. */
export interface Undecided {
  readonly undecided: string;
}

export type Outcome = Violation | Undecided;
export type Check = (subject: Subject) => readonly Outcome[];

/** What a rule of the whole input sees (target `input`): every object, and the workloads checked. */
export interface InputSubject {
  /** Every object read, later copies of an object included, in input order. */
  readonly objects: readonly SourcedObject[];
  /** The objects the other rules check: the first copy of each, in input order. */
  readonly checked: readonly SourcedObject[];
  readonly workloads: readonly Workload[];
}

/** A rule of the whole input: each violation is in the object it names. */
export type InputCheck = (input: InputSubject) => ReadonlyArray<Violation & { readonly object: SourcedObject }>;

export function isUndecided(outcome: Outcome): outcome is Undecided {
  return 'undecided' in outcome;
}

/** The container of a container rule (the runner always passes one). */
export function containerOf(subject: Subject): ContainerView {
  if (!subject.container) throw new Error('a container rule was run without a container');
  return subject.container;
}
