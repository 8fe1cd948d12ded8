import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../../declaration/schema';
import { HardenedWorkloadBase, type HardenedWorkloadOptions } from '../hardened-workload';

/**
 * Props of `HardenedDaemonSet`: the declaration without `kind` (and without `replicas` or
 * `autoscaling`: there is one pod on every node). `daemon` holds what only this kind declares: the
 * host paths the agent mounts (each needs `acknowledge.volumeTypes`) and whether it can run two
 * copies on a node (`surge`).
 */
export interface HardenedDaemonSetProps extends Omit<WorkloadSpec, 'kind'>, HardenedWorkloadOptions {}

/**
 * A node agent such as a log shipper (`kind: daemon`): ServiceAccount, DaemonSet, NetworkPolicy and
 * the ConfigMap of its config files. No Service, no PodDisruptionBudget (node drains do not evict
 * DaemonSet pods), no spread or anti-affinity (one pod per node by construction). Probes and grace are
 * derived as for a worker; the update budget from `daemon.surge`; the pods stay restricted except
 * for the declared, acknowledged host paths.
 *
 * @example
 * new HardenedDaemonSet(chart, 'log-shipper', {
 *   name: 'log-shipper',
 *   image: 'docker.io/timberio/vector:0.42.0-distroless-libc',
 *   health: { liveness: { exec: ['vector', 'validate', '--no-environment'] } },
 *   startup: { maxSeconds: 20 },
 *   drainSeconds: 15,
 *   daemon: { hostPaths: { logs: { path: '/var/log' } } },
 *   acknowledge: { volumeTypes: 'reads the container logs of its node' },
 * });
 */
export class HardenedDaemonSet extends HardenedWorkloadBase {
  public readonly daemonSet: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedDaemonSetProps) {
    super(scope, id, { ...props, kind: 'daemon' }, ['daemon']);
    this.daemonSet = this.objects.DaemonSet!;
  }
}
