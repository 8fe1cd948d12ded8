import type { Construct } from 'constructs';
import { resolveWorkload } from '../declaration/resolve';
import type { WorkloadSpec } from '../declaration/schema';
import { WORKLOAD_KINDS, type WorkloadKind } from '../kinds/table';
import type { HardenedWorkloadBase } from './hardened-workload';
import { HardenedWorkload } from './kinds/hardened-deployment';
import { HardenedStatefulSet } from './kinds/hardened-stateful-set';
import { HardenedDaemonSet } from './kinds/hardened-daemon-set';
import { HardenedJob } from './kinds/hardened-job';
import { HardenedCronJob } from './kinds/hardened-cron-job';

/** The construct class that makes each kind. */
const CONSTRUCT_OF_KIND: Readonly<Record<WorkloadKind, new (scope: Construct, id: string, props: WorkloadSpec) => HardenedWorkloadBase>> = {
  web: HardenedWorkload,
  worker: HardenedWorkload,
  stateful: HardenedStatefulSet,
  daemon: HardenedDaemonSet,
  job: HardenedJob as new (scope: Construct, id: string, props: WorkloadSpec) => HardenedWorkloadBase,
  cronjob: HardenedCronJob as new (scope: Construct, id: string, props: WorkloadSpec) => HardenedWorkloadBase,
};

/**
 * A workload of any kind, made by the construct class of its `kind` (a declaration read from a
 * file, where the kind is data). An unknown kind goes to `HardenedWorkload`, whose validation
 * reports it with every other problem.
 */
export function hardenedWorkload(scope: Construct, id: string, declaration: WorkloadSpec): HardenedWorkloadBase {
  // A declaration is data, as Helm values are: a construct option in it (checkAtSynth) is an unknown field there too.
  if (Object.prototype.hasOwnProperty.call(declaration, 'checkAtSynth')) resolveWorkload(declaration);
  const kind = (declaration.kind ?? 'web') as WorkloadKind;
  const Workload = (WORKLOAD_KINDS as readonly string[]).includes(kind) ? CONSTRUCT_OF_KIND[kind] : HardenedWorkload;
  return new Workload(scope, id, declaration);
}
