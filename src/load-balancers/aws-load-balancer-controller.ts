import type { LoadBalancerKind } from '../timing/types';

/**
 * The AWS Load Balancer Controller's annotations, as its documentation names them, with the
 * defaults it applies when one is left out. One table for the three places that need it: the
 * objects we write (src/constructs/objects/load-balancer.ts), the declarations we refuse
 * (src/declaration/resolve/routes.ts) and the manifests `check` reads (src/manifests/load-balancers.ts).
 * No dependencies, so that `check` loads no more than it needs.
 *
 * - Ingress (ALB): https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 * - Service (NLB): https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/
 * - Pod readiness gates: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/
 */

/** The annotations that configure one target group: the same settings under each load balancer's names. */
export interface TargetGroupAnnotations {
  readonly targetType: string;
  readonly targetGroupAttributes: string;
  readonly healthCheckProtocol: string;
  readonly healthCheckPort: string;
  readonly healthCheckPath: string;
  readonly healthCheckInterval: string;
  readonly healthCheckTimeout: string;
  readonly healthyThreshold: string;
  readonly unhealthyThreshold: string;
  readonly successCodes: string;
}

const ALB_PREFIX = 'alb.ingress.kubernetes.io/';
const NLB_PREFIX = 'service.beta.kubernetes.io/';

export const ANNOTATIONS: Readonly<Record<LoadBalancerKind, TargetGroupAnnotations>> = {
  'aws-alb': {
    targetType: `${ALB_PREFIX}target-type`,
    targetGroupAttributes: `${ALB_PREFIX}target-group-attributes`,
    healthCheckProtocol: `${ALB_PREFIX}healthcheck-protocol`,
    healthCheckPort: `${ALB_PREFIX}healthcheck-port`,
    healthCheckPath: `${ALB_PREFIX}healthcheck-path`,
    healthCheckInterval: `${ALB_PREFIX}healthcheck-interval-seconds`,
    healthCheckTimeout: `${ALB_PREFIX}healthcheck-timeout-seconds`,
    healthyThreshold: `${ALB_PREFIX}healthy-threshold-count`,
    unhealthyThreshold: `${ALB_PREFIX}unhealthy-threshold-count`,
    successCodes: `${ALB_PREFIX}success-codes`,
  },
  'aws-nlb': {
    targetType: `${NLB_PREFIX}aws-load-balancer-nlb-target-type`,
    targetGroupAttributes: `${NLB_PREFIX}aws-load-balancer-target-group-attributes`,
    healthCheckProtocol: `${NLB_PREFIX}aws-load-balancer-healthcheck-protocol`,
    healthCheckPort: `${NLB_PREFIX}aws-load-balancer-healthcheck-port`,
    healthCheckPath: `${NLB_PREFIX}aws-load-balancer-healthcheck-path`,
    healthCheckInterval: `${NLB_PREFIX}aws-load-balancer-healthcheck-interval`,
    healthCheckTimeout: `${NLB_PREFIX}aws-load-balancer-healthcheck-timeout`,
    healthyThreshold: `${NLB_PREFIX}aws-load-balancer-healthcheck-healthy-threshold`,
    unhealthyThreshold: `${NLB_PREFIX}aws-load-balancer-healthcheck-unhealthy-threshold`,
    successCodes: `${NLB_PREFIX}aws-load-balancer-healthcheck-success-codes`,
  },
};

/** Every ALB annotation starts with this; an Ingress carrying one is meant for the controller. */
export const ALB_ANNOTATION_PREFIX = ALB_PREFIX;
/** The IngressClass the controller's Helm chart creates, and the controller name an IngressClass names. */
export const ALB_INGRESS_CLASS = 'alb';
export const ALB_INGRESS_CONTROLLER = 'ingress.k8s.aws/alb';
/** The legacy class annotation, still read by the controller. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** ALB: HTTP1, HTTP2 or GRPC between the load balancer and the pods; GRPC makes the health check a gRPC call. */
export const ALB_BACKEND_PROTOCOL_VERSION = `${ALB_PREFIX}backend-protocol-version`;

/** NLB: `external` hands the Service to this controller (not the legacy cloud provider); `nlb-ip` is its deprecated IP form. */
export const NLB_TYPE = `${NLB_PREFIX}aws-load-balancer-type`;
export const NLB_TYPE_EXTERNAL = 'external';
export const NLB_TYPE_IP = 'nlb-ip';
/** NLB: the controller's load balancer class, an alternative to the type annotation. */
export const NLB_LOAD_BALANCER_CLASS = 'service.k8s.aws/nlb';

/** The target group attribute (stringMap `key=value,key=value`) for the deregistration delay, 0–3600 s. */
export const DEREGISTRATION_DELAY_ATTRIBUTE = 'deregistration_delay.timeout_seconds';

/**
 * The gRPC health checking protocol's method: an ALB with backend-protocol-version GRPC calls it
 * as its health check, as the kubelet's grpc probe does (without a service name).
 */
export const GRPC_HEALTH_CHECK_PATH = '/grpc.health.v1.Health/Check';
/** gRPC status OK: the only answer the kubelet's grpc probe takes as healthy (SERVING). */
export const GRPC_SUCCESS_CODES = '0';
/** What the kubelet's httpGet probe takes as success, so the load balancer takes the same. */
export const HTTP_SUCCESS_CODES = '200-399';
/** The health check port when it is the port traffic goes to. */
export const TRAFFIC_PORT = 'traffic-port';

/** The namespace label that makes the controller inject pod readiness gates (IP targets only). */
export const READINESS_GATE_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';
export const READINESS_GATE_ENABLED = 'enabled';

/**
 * What a target group does when an annotation is left out: the controller's documented defaults,
 * and Elastic Load Balancing's for the deregistration delay (300 s). `check` reads foreign
 * manifests with them. The NLB's timeout is 10 s for TCP checks and 6 s for HTTP ones.
 */
export const DEFAULTS = {
  deregistrationDelaySeconds: 300,
  'aws-alb': {
    targetType: 'instance',
    healthCheck: {
      protocol: 'HTTP',
      path: '/',
      grpcPath: '/AWS.ALB/healthcheck',
      intervalSeconds: 15,
      timeoutSeconds: 5,
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 2,
    },
  },
  'aws-nlb': {
    targetType: 'instance',
    healthCheck: {
      protocol: 'TCP',
      path: '/',
      intervalSeconds: 10,
      timeoutSeconds: 10,
      httpTimeoutSeconds: 6,
      healthyThresholdCount: 3,
      unhealthyThresholdCount: 3,
    },
  },
} as const;

/** The attribute's value in a `key=value,key=value` annotation, if it is there. */
export function targetGroupAttribute(attributes: string | undefined, key: string): string | undefined {
  for (const pair of (attributes ?? '').split(',')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === key) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * Whether declared attributes set the deregistration delay themselves (which the derivation owns).
 * Spaces are the ASCII ones only, as Go's regexp (the Helm face) reads `\\s`.
 */
export const SETS_DEREGISTRATION_DELAY = '(^|,)[\\t\\n\\f\\r ]*deregistration_delay\\.timeout_seconds[\\t\\n\\f\\r ]*=';
export function setsDeregistrationDelay(attributes: string): boolean {
  return new RegExp(SETS_DEREGISTRATION_DELAY).test(attributes);
}

/** The declared attributes, if any, followed by the derived deregistration delay. */
export function withDeregistrationDelay(declared: string | undefined, seconds: number): string {
  const derived = `${DEREGISTRATION_DELAY_ATTRIBUTE}=${seconds}`;
  return declared === undefined || declared === '' ? derived : `${declared},${derived}`;
}
