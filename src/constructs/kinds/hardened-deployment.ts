import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../../declaration/schema';
import { HardenedWorkloadBase, type HardenedWorkloadOptions } from '../hardened-workload';

/**
 * Props of `HardenedWorkload`: the workload declaration, the same document a Helm user writes as
 * values (`hardened-workloads/kplus` also takes cdk8s-plus-28 Secrets and ConfigMaps where it takes
 * their names). Every field documents its unit and default; docs/derivation.md says how the
 * timings are derived from them.
 */
export interface HardenedWorkloadProps extends WorkloadSpec, HardenedWorkloadOptions {}

/**
 * A hardened workload run by a Deployment (kinds web and worker): ServiceAccount, Deployment,
 * Service (web), PodDisruptionBudget (2+ pods), NetworkPolicy, an optional HorizontalPodAutoscaler,
 * the ConfigMap of its inline config files, and the declared ways in (an Ingress, a Gateway API
 * route), with every timing derived from the declared startup and drain times — the load
 * balancer's too.
 *
 * @example
 * new HardenedWorkload(chart, 'checkout', {
 *   name: 'checkout',
 *   image: 'ghcr.io/acme/checkout:1.4.2',
 *   port: 8080,
 *   health: { readiness: { path: '/readyz' } },
 *   startup: { maxSeconds: 90 },
 *   drainSeconds: 30,
 * });
 */
export class HardenedWorkload extends HardenedWorkloadBase {
  public readonly deployment: ApiObject;
  /** Present for web workloads. */
  public readonly service?: ApiObject;
  /** Present when the declaration has `ingress`. */
  public readonly ingress?: ApiObject;
  /** The HTTPRoute or GRPCRoute, present when the declaration has `route`. */
  public readonly route?: ApiObject;
  /** Present when at least two pods run. */
  public readonly podDisruptionBudget?: ApiObject;
  /** Present when the declaration has `autoscaling`. */
  public readonly horizontalPodAutoscaler?: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedWorkloadProps) {
    super(scope, id, props, ['web', 'worker']);
    const { objects } = this;
    this.deployment = objects.Deployment!;
    this.service = objects.Service;
    this.ingress = objects.Ingress;
    this.route = objects.Route;
    this.podDisruptionBudget = objects.PodDisruptionBudget;
    this.horizontalPodAutoscaler = objects.HorizontalPodAutoscaler;
  }
}

/** Props of `HardenedWebService`: the declaration without `kind`. */
export interface HardenedWebServiceProps extends Omit<WorkloadSpec, 'kind'>, HardenedWorkloadOptions {}

/** A workload that serves traffic through a Service (`kind: web`). */
export class HardenedWebService extends HardenedWorkload {
  /** The Service in front of the pods: a web workload always has one. */
  declare public readonly service: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedWebServiceProps) {
    super(scope, id, { ...props, kind: 'web' });
  }
}

/** Props of `HardenedWorker`: the declaration without `kind`. */
export interface HardenedWorkerProps extends Omit<WorkloadSpec, 'kind'>, HardenedWorkloadOptions {}

/** A workload without a Service or preStop hook, such as a queue consumer (`kind: worker`). */
export class HardenedWorker extends HardenedWorkload {
  constructor(scope: Construct, id: string, props: HardenedWorkerProps) {
    super(scope, id, { ...props, kind: 'worker' });
  }
}
