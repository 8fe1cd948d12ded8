import { ApiObject, type ApiObjectProps, App, Chart, type JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { DeclarationError, formatProblems, sameJson } from '../declaration/errors';
import { parsePath } from '../manifests/field-paths';
import { patchObjects, type RoleObjects } from '../patches';
import { findingProblem, newFindings } from '../patches/check';
import { claimNames, nameCollision, type ClaimedNames } from '../declaration/instances';
import { type ResolvedWorkload, resolveWorkload } from '../declaration/resolve';
import type { WorkloadSpec } from '../declaration/schema';
import { KINDS, type ObjectRole, type WorkloadKind } from '../kinds/table';
import { selectorLabels } from './metadata';
import { OBJECT_BUILDERS, OBJECT_IDS } from './object-builders';

/**
 * The workloads each chart holds, counted in creation order with the position of each instance:
 * a second workload with the same instance would write objects of the same names. Kept as the
 * workloads are created: searching the whole construct tree for every new workload made a chart
 * of N workloads cost N² (a chart of 1000 spent most of its synthesis there).
 */
const WORKLOADS_BY_CHART = new WeakMap<Chart, { count: number; readonly claimed: ClaimedNames }>();

/**
 * What every workload construct shares, whatever controller runs its pods: the declaration is
 * validated as a whole before any object exists, so an invalid one throws a `DeclarationError`
 * listing every problem and leaves nothing behind in the chart (so does a second workload with the
 * same instance in one chart, whose objects would collide); then every object the kinds table lists
 * for the kind is made, in the table's order, when the declaration calls for it.
 *
 * Object names come from the declaration (`instance`, default `name`), never from the construct
 * path, so moving or renaming the construct changes no name and no selector. The objects are plain
 * ApiObjects built from the typed 1.28 props: their escape hatch (`addJsonPatch`) accepts any field,
 * including ones newer than the 1.28 types.
 */
export abstract class HardenedWorkloadBase extends Construct {
  /** The validated declaration with its derived timings and their explanations. */
  public readonly resolved: ResolvedWorkload;
  /** The labels every object selects the pods by. */
  public readonly selector: Readonly<Record<string, string>>;
  /** Every object this workload made, by role (src/kinds/table.ts). */
  public readonly objects: Readonly<Partial<Record<ObjectRole, ApiObject>>>;
  /** The pods' own identity, which mounts no API token unless the declaration asks for one. */
  public readonly serviceAccount: ApiObject;
  /** Present when the declaration has config files: the immutable ConfigMap that holds them. */
  public readonly configMap?: ApiObject;
  public readonly networkPolicy: ApiObject;

  /**
   * @param kinds the kinds this construct class makes; another kind is a `DeclarationError` naming
   * the class to use instead.
   */
  protected constructor(scope: Construct, id: string, props: WorkloadSpec & HardenedWorkloadOptions, kinds: readonly WorkloadKind[]) {
    const { checkAtSynth, ...declaration } = props;
    const resolved = resolveWorkload(declaration);
    if (!kinds.includes(resolved.spec.kind)) throw wrongClass(new.target.name, kinds, resolved.spec.kind);
    const chart = Chart.of(scope);
    const workloads = WORKLOADS_BY_CHART.get(chart) ?? { count: 0, claimed: new Map() };
    const collision = nameCollision(
      declaration,
      { instance: resolved.instance, kind: resolved.spec.kind, names: resolved.spec.keep?.names },
      workloads.count,
      workloads.claimed,
    );
    if (collision !== undefined) throw collision;
    const manifests = builtObjects(resolved);
    super(scope, id);
    claimNames(
      { instance: resolved.instance, kind: resolved.spec.kind, names: resolved.spec.keep?.names },
      workloads.count,
      workloads.claimed,
    );
    workloads.count += 1;
    WORKLOADS_BY_CHART.set(chart, workloads);
    this.resolved = resolved;
    this.selector = selectorLabels(resolved);

    const objects: Partial<Record<ObjectRole, ApiObject>> = {};
    for (const role of KINDS[resolved.spec.kind].objects) {
      const manifest = manifests[role];
      if (manifest) objects[role] = new WorkloadObject(this, OBJECT_IDS[role], manifest as ApiObjectProps);
    }
    this.objects = objects;
    if (checkAtSynth !== false) this.node.addValidation({ validate: () => this.editProblems() });
    this.serviceAccount = objects.ServiceAccount!;
    this.configMap = objects.ConfigMap;
    this.networkPolicy = objects.NetworkPolicy!;
  }

  /**
   * The invariants and the restricted Pod Security Standard on the final objects, at synthesis
   * (`app.synth()` runs every construct's validations): what TypeScript changed after construction
   * (`addJsonPatch`, edits of the ApiObjects) is held to the rules the declaration is, with the same
   * messages. Empty when the objects are as the declaration made them.
   */
  private editProblems(): string[] {
    const roles = (Object.keys(this.objects) as ObjectRole[]).filter((role) => this.objects[role]);
    // Nothing to check when no object was edited: the objects are the declaration's, already held
    // to every rule. An edit is a JSON patch or a change of metadata; a custom resolver of the app
    // may change any value, so then the objects are compared in full.
    const unedited = roles.every((role) => (this.objects[role] as WorkloadObject).unedited());
    if (unedited && App.of(this).resolvers.length === DEFAULT_RESOLVERS) return [];
    const made = builtObjects(this.resolved);
    const final = roles.map((role) => this.objects[role]!.toJson() as Record<string, unknown>);
    // The chart writes its namespace into every object it synthesizes: so do the objects compared with.
    const { namespace } = Chart.of(this);
    const before = roles.map((role) => {
      const object = made[role]!;
      return namespace === undefined ? object : { ...object, metadata: { ...(object.metadata as object), namespace } };
    });
    if (sameJson(final, before)) return [];
    const problems = newFindings(before, final)
      .filter((finding) => !finding.suppressed)
      .map((finding) => {
        const index = final.findIndex(
          (object) => object.kind === finding.object.kind && (object.metadata as { name?: string })?.name === finding.object.name,
        );
        const role = roles[index] ?? roles[0]!;
        return findingProblem(finding, `${role} (changed after construction)`, valueAt(final[index], parsePath(finding.fieldPath)));
      });
    return problems.length > 0 ? [formatProblems(`"${this.resolved.spec.name}"`, problems)] : [];
  }
}

/** cdk8s's own resolvers, which every App has (cdk8s lib/app.js): lazy values, implicit tokens, number-or-string unions. */
const DEFAULT_RESOLVERS = 3;

/**
 * An ApiObject that knows whether it was edited after construction: a JSON patch added, or its
 * metadata changed (labels, annotations, ...). These are the ways the ApiObject API offers to change
 * what it synthesizes, so synthesis checks the final objects only when one was used.
 */
class WorkloadObject extends ApiObject {
  private patched = false;
  private readonly builtMetadata: unknown;

  constructor(scope: Construct, id: string, props: ApiObjectProps) {
    super(scope, id, props);
    this.builtMetadata = this.metadata.toJson();
  }

  public override addJsonPatch(...ops: JsonPatch[]): void {
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  public unedited(): boolean {
    return !this.patched && sameJson(this.metadata.toJson(), this.builtMetadata);
  }
}

/** Options of every workload construct that are not part of the declaration (TypeScript only). */
export interface HardenedWorkloadOptions {
  /**
   * Whether `app.synth()` checks the final objects against the invariants and the restricted Pod
   * Security Standard, so that an `addJsonPatch` or an edit of an ApiObject that breaks one fails
   * the synthesis with the message a declared patch gets. false turns the check off for this
   * workload, for teams that review their own edits.
   *
   * @default true
   */
  readonly checkAtSynth?: boolean;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    root,
  );
}

/**
 * The objects of a workload as the declaration makes them, `patches` applied and checked
 * (src/patches/): a `DeclarationError` when a patch is refused or breaks a rule.
 */
function builtObjects(workload: ResolvedWorkload): RoleObjects {
  const roles = KINDS[workload.spec.kind].objects;
  const objects: RoleObjects = {};
  for (const role of roles) {
    const manifest = OBJECT_BUILDERS[role](workload);
    if (manifest) objects[role] = manifest as Record<string, unknown>;
  }
  return patchObjects(workload, roles, objects);
}

/** The construct classes of each kind, for the message that names the right one. */
const CLASS_OF_KIND: Readonly<Record<WorkloadKind, string>> = {
  web: 'HardenedWebService',
  worker: 'HardenedWorker',
  stateful: 'HardenedStatefulSet',
  daemon: 'HardenedDaemonSet',
  job: 'HardenedJob',
  cronjob: 'HardenedCronJob',
};

function wrongClass(className: string, kinds: readonly WorkloadKind[], kind: WorkloadKind): DeclarationError {
  return new DeclarationError(`(kind ${kind})`, [
    {
      path: 'kind',
      value: kind,
      rule: `${className} makes workloads of kind ${kinds.join(' or ')}`,
      fix: `use ${CLASS_OF_KIND[kind]} for kind ${kind}, or hardenedWorkload(), which picks the class from the kind`,
    },
  ]);
}
