import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../../declaration/schema';
import { HardenedWorkloadBase, type HardenedWorkloadOptions } from '../hardened-workload';

/**
 * Props of `HardenedStatefulSet`: the declaration without `kind`. `stateful` holds what only this
 * kind declares (volume claims, pod management policy, partition, claim retention, maintenance
 * window); with a `port` the pods are served like a web workload's (readiness required, preStop
 * delay), without one they are stopped like a worker's.
 */
export interface HardenedStatefulSetProps extends Omit<WorkloadSpec, 'kind'>, HardenedWorkloadOptions {}

/**
 * A workload with stable identity and its own storage, such as a database or a broker
 * (`kind: stateful`): ServiceAccount, StatefulSet, its headless Service `<instance>-headless`,
 * a Service when it has a port, a PodDisruptionBudget (2+ pods), NetworkPolicy and the ConfigMap of
 * its config files. Probes, preStop and grace are derived as for the other kinds; the rollout's
 * worst-case length is derived too, because a StatefulSet has no progress deadline.
 *
 * @example
 * new HardenedStatefulSet(chart, 'cache', {
 *   name: 'cache',
 *   image: 'docker.io/valkey/valkey:8.0.1',
 *   port: 6379,
 *   replicas: 3,
 *   health: { readiness: { exec: ['valkey-cli', 'ping'] } },
 *   startup: { maxSeconds: 60 },
 *   drainSeconds: 10,
 *   stateful: { volumeClaims: { data: { size: '10Gi', mountPath: '/data' } } },
 * });
 */
export class HardenedStatefulSet extends HardenedWorkloadBase {
  public readonly statefulSet: ApiObject;
  /** `<instance>-headless`: one DNS name per pod, published before the pod is ready. */
  public readonly headlessService: ApiObject;
  /** Present when the declaration has a `port`. */
  public readonly service?: ApiObject;
  /** Present when at least two pods run. */
  public readonly podDisruptionBudget?: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedStatefulSetProps) {
    super(scope, id, { ...props, kind: 'stateful' }, ['stateful']);
    const { objects } = this;
    this.statefulSet = objects.StatefulSet!;
    this.headlessService = objects.HeadlessService!;
    this.service = objects.Service;
    this.podDisruptionBudget = objects.PodDisruptionBudget;
  }
}
