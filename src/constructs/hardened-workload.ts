import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DeclarationError } from '../declaration/errors';
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
  protected constructor(scope: Construct, id: string, props: WorkloadSpec, kinds: readonly WorkloadKind[]) {
    const resolved = resolveWorkload(props);
    if (!kinds.includes(resolved.spec.kind)) throw wrongClass(new.target.name, kinds, resolved.spec.kind);
    const chart = Chart.of(scope);
    const workloads = WORKLOADS_BY_CHART.get(chart) ?? { count: 0, claimed: new Map() };
    const collision = nameCollision(props, { instance: resolved.instance, kind: resolved.spec.kind }, workloads.count, workloads.claimed);
    if (collision !== undefined) throw collision;
    super(scope, id);
    claimNames({ instance: resolved.instance, kind: resolved.spec.kind }, workloads.count, workloads.claimed);
    workloads.count += 1;
    WORKLOADS_BY_CHART.set(chart, workloads);
    this.resolved = resolved;
    this.selector = selectorLabels(resolved);

    const objects: Partial<Record<ObjectRole, ApiObject>> = {};
    for (const role of KINDS[resolved.spec.kind].objects) {
      const manifest = OBJECT_BUILDERS[role](resolved);
      if (manifest) objects[role] = new ApiObject(this, OBJECT_IDS[role], manifest);
    }
    this.objects = objects;
    this.serviceAccount = objects.ServiceAccount!;
    this.configMap = objects.ConfigMap;
    this.networkPolicy = objects.NetworkPolicy!;
  }
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
