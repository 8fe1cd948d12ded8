import { ApiObject, type ApiObjectProps, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { instanceCollision } from '../declaration/instances';
import { type ResolvedWorkload, resolveWorkload } from '../declaration/resolve';
import type { WorkloadSpec } from '../declaration/schema';
import { configMapProps } from './objects/config-map';
import { deploymentProps } from './objects/deployment';
import { gatewayRoute } from './objects/gateway-route';
import { ingressProps } from './objects/ingress';
import { horizontalPodAutoscalerProps } from './objects/horizontal-pod-autoscaler';
import { networkPolicyProps } from './objects/network-policy';
import { podDisruptionBudgetProps } from './objects/pod-disruption-budget';
import { serviceProps } from './objects/service';
import { serviceAccountProps } from './objects/service-account';
import { selectorLabels } from './metadata';
import { manifest } from './kubernetes-json';

/**
 * The workloads each chart holds, counted in creation order with the position of each instance:
 * a second workload with the same instance would write objects of the same names. Kept as the
 * workloads are created: searching the whole construct tree for every new workload made a chart
 * of N workloads cost N² (a chart of 1000 spent most of its synthesis there).
 */
const WORKLOADS_BY_CHART = new WeakMap<Chart, { count: number; readonly firstByInstance: Map<string, number> }>();

/**
 * Props of `HardenedWorkload`: exactly the workload declaration, the same document a Helm user
 * writes as values. Every field documents its unit and default; docs/derivation.md says how the
 * timings are derived from them.
 */
export interface HardenedWorkloadProps extends WorkloadSpec {}

/**
 * A hardened workload: ServiceAccount, Deployment, Service (web), PodDisruptionBudget (2+ pods),
 * NetworkPolicy, an optional HorizontalPodAutoscaler, the ConfigMap of its inline config files, and
 * the declared ways in (an Ingress, a
 * Gateway API route), with every timing derived from the declared startup and drain times — the
 * load balancer's too.
 *
 * The declaration is validated as a whole before any object is created, so an invalid one throws
 * a `DeclarationError` listing every problem and leaves nothing behind in the chart. So does a
 * second workload with the same instance name in one chart, whose objects would collide.
 *
 * Object names come from the declaration (`instance`, default `name`), never from the construct
 * path, so moving or renaming the construct changes no name and no selector.
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
export class HardenedWorkload extends Construct {
  /** The validated declaration with its derived timings and their explanations. */
  public readonly resolved: ResolvedWorkload;
  /** The labels every object selects the pods by. */
  public readonly selector: Readonly<Record<string, string>>;
  // The objects are plain ApiObjects built from the typed 1.28 props: their escape hatches
  // (addJsonPatch) accept any field, including ones newer than the 1.28 types.
  public readonly serviceAccount: ApiObject;
  /** Present when the declaration has config files: the immutable ConfigMap that holds them. */
  public readonly configMap?: ApiObject;
  public readonly deployment: ApiObject;
  /** Present for web workloads. */
  public readonly service?: ApiObject;
  /** Present when the declaration has `ingress`. */
  public readonly ingress?: ApiObject;
  /** The HTTPRoute or GRPCRoute, present when the declaration has `route`. */
  public readonly route?: ApiObject;
  /** Present when at least two pods run. */
  public readonly podDisruptionBudget?: ApiObject;
  public readonly networkPolicy: ApiObject;
  /** Present when the declaration has `autoscaling`. */
  public readonly horizontalPodAutoscaler?: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedWorkloadProps) {
    const resolved = resolveWorkload(props);
    const chart = Chart.of(scope);
    const workloads = WORKLOADS_BY_CHART.get(chart) ?? { count: 0, firstByInstance: new Map<string, number>() };
    const first = workloads.firstByInstance.get(resolved.instance);
    if (first !== undefined) throw instanceCollision(props, resolved.instance, workloads.count, first);
    super(scope, id);
    workloads.firstByInstance.set(resolved.instance, workloads.count);
    workloads.count += 1;
    WORKLOADS_BY_CHART.set(chart, workloads);
    this.resolved = resolved;
    this.selector = selectorLabels(resolved);
    const { spec, replicas } = resolved;

    const object = (objectId: string, manifest: ApiObjectProps) => new ApiObject(this, objectId, manifest);

    this.serviceAccount = object('service-account', manifest(k8s.KubeServiceAccount.GVK, serviceAccountProps(resolved)));
    if (resolved.configMap) {
      this.configMap = object('config-map', manifest(k8s.KubeConfigMap.GVK, configMapProps(resolved, resolved.configMap)));
    }
    this.deployment = object('deployment', { ...k8s.KubeDeployment.GVK, ...deploymentProps(resolved) });
    if (spec.kind === 'web' && spec.port !== undefined) {
      this.service = object('service', manifest(k8s.KubeService.GVK, serviceProps(resolved, spec.port)));
      if (spec.ingress) this.ingress = object('ingress', manifest(k8s.KubeIngress.GVK, ingressProps(resolved, spec.ingress)));
      if (spec.route) this.route = object('route', { ...gatewayRoute(resolved, spec.route, spec.port) });
    }
    const fewestPods = replicas.mode === 'fixed' ? replicas.count : replicas.min;
    if (fewestPods >= 2) {
      this.podDisruptionBudget = object(
        'pod-disruption-budget',
        manifest(k8s.KubePodDisruptionBudget.GVK, podDisruptionBudgetProps(resolved)),
      );
    }
    this.networkPolicy = object('network-policy', manifest(k8s.KubeNetworkPolicy.GVK, networkPolicyProps(resolved)));
    if (replicas.mode === 'autoscaled') {
      this.horizontalPodAutoscaler = object(
        'horizontal-pod-autoscaler',
        manifest(k8s.KubeHorizontalPodAutoscalerV2.GVK, horizontalPodAutoscalerProps(resolved, replicas)),
      );
    }
  }
}

/** Props of `HardenedWebService`: the declaration without `kind`. */
export interface HardenedWebServiceProps extends Omit<WorkloadSpec, 'kind'> {}

/** A workload that serves traffic through a Service (`kind: web`). */
export class HardenedWebService extends HardenedWorkload {
  /** The Service in front of the pods: a web workload always has one. */
  declare public readonly service: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedWebServiceProps) {
    super(scope, id, { ...props, kind: 'web' });
  }
}

/** Props of `HardenedWorker`: the declaration without `kind`. */
export interface HardenedWorkerProps extends Omit<WorkloadSpec, 'kind'> {}

/** A workload without a Service or preStop hook, such as a queue consumer (`kind: worker`). */
export class HardenedWorker extends HardenedWorkload {
  constructor(scope: Construct, id: string, props: HardenedWorkerProps) {
    super(scope, id, { ...props, kind: 'worker' });
  }
}
