import {
  ALB_ANNOTATION_PREFIX,
  ALB_BACKEND_PROTOCOL_VERSION,
  ALB_INGRESS_CLASS,
  ANNOTATIONS,
  GRPC_HEALTH_CHECK_PATH,
  GRPC_SUCCESS_CODES,
  HTTP_SUCCESS_CODES,
  NLB_TYPE,
  READINESS_GATE_ENABLED,
  READINESS_GATE_LABEL,
  setsDeregistrationDelay,
  TRAFFIC_PORT,
} from '../../load-balancers/aws-load-balancer-controller';
import type { LoadBalancerKind, Timings } from '../../timing/types';
import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';
import { probeForm } from '../probes';
import type { ResolvedWorkload } from './index';
import { makes } from '../../kinds/table';
import type { Resolution } from './resolution';

/** What the load balancer's health check calls: the readiness endpoint, in the load balancer's terms. */
export interface ResolvedHealthCheck {
  readonly protocol: 'HTTP' | 'HTTPS' | 'TCP';
  /** `traffic-port` when it is the serving port. */
  readonly port: number | typeof TRAFFIC_PORT;
  readonly path?: string;
  /** An ALB calling the gRPC health checking protocol (backend-protocol-version GRPC). */
  readonly grpc: boolean;
  readonly successCodes?: string;
}

/** The load balancer whose target group the declaration configures, and what its health check calls. */
export interface ResolvedLoadBalancer {
  readonly kind: LoadBalancerKind;
  readonly healthCheck: ResolvedHealthCheck;
}

/** The ways in, in the order the NetworkPolicy lists their peers. */
const WAYS_IN = ['ingress', 'route', 'service'] as const;

/**
 * The ways traffic comes in (ingress, route, service) as they relate to the rest of the
 * declaration, and the load balancer they configure: an Ingress with traffic.platform aws-alb is an
 * ALB, a LoadBalancer Service with aws-nlb an NLB, both with IP targets. The Helm face mirrors this
 * step in templates/_routes.tpl, problem for problem and in the same order.
 */
export function resolveRoutes(
  spec: EffectiveSpec,
  probes: ResolvedWorkload['probes'],
  { problems }: Resolution,
): ResolvedLoadBalancer | undefined {
  const { ingress, route, service } = spec;
  const platform = spec.traffic.platform;
  // Ways in of kinds that serve no traffic are refused by the kinds table (checkKindFields).
  if (!makes(spec.kind, 'Service')) return undefined;

  const loadBalancerService = service?.type === 'LoadBalancer';
  if (loadBalancerService && platform !== 'aws-nlb') {
    problems.push({
      path: 'service.type',
      value: 'LoadBalancer',
      rule: `a LoadBalancer Service is configured for the AWS Load Balancer Controller's Network Load Balancer, whose propagation the preStop delay must cover (traffic.platform is ${platform})`,
      fix: 'set traffic.platform: aws-nlb, or keep service.type ClusterIP behind a load balancer of your own',
    });
  }
  if (service?.from !== undefined && !loadBalancerService) {
    problems.push({
      path: 'service.from',
      value: service.from,
      rule: 'service.from names the clients of a LoadBalancer Service; in-cluster clients are networkPolicy.ingressFrom',
      fix: 'move the peers to networkPolicy.ingressFrom, or set service.type: LoadBalancer',
    });
  }
  if (ingress !== undefined && platform !== 'aws-alb') {
    const forAlb =
      ingress.className === ALB_INGRESS_CLASS || Object.keys(ingress.annotations).some((key) => key.startsWith(ALB_ANNOTATION_PREFIX));
    if (forAlb) {
      problems.push({
        path: 'traffic.platform',
        value: platform,
        rule: `the Ingress is for the AWS Load Balancer Controller (class ${ALB_INGRESS_CLASS} or ${ALB_ANNOTATION_PREFIX} annotations): its ALB needs traffic.platform aws-alb, so that the preStop delay covers the ALB's propagation and its target group settings are derived`,
        fix: 'set traffic.platform: aws-alb',
      });
    }
  }

  const kind: LoadBalancerKind | undefined =
    platform === 'aws-alb' && ingress !== undefined ? 'aws-alb' : platform === 'aws-nlb' && loadBalancerService ? 'aws-nlb' : undefined;
  const healthCheck = kind === undefined ? undefined : healthCheckOf(kind, spec, probes, problems);
  if (kind !== undefined && healthCheck !== undefined) {
    const declared =
      kind === 'aws-alb'
        ? { field: 'ingress', annotations: ingress!.annotations }
        : { field: 'service', annotations: service!.annotations };
    refuseDerivedAnnotations(kind, healthCheck, declared, problems);
  }

  if (route !== undefined) routeProblems(route, problems);
  peerProblems(spec, problems);

  if (spec.overrides.loadBalancer !== undefined && kind === undefined) {
    problems.push({
      path: 'overrides.loadBalancer',
      value: spec.overrides.loadBalancer,
      rule: 'load-balancer overrides apply to a configured load balancer: an Ingress with traffic.platform aws-alb, or service.type LoadBalancer with aws-nlb',
      fix: 'remove overrides.loadBalancer, or configure the load balancer',
    });
  }
  return kind !== undefined && healthCheck !== undefined ? { kind, healthCheck } : undefined;
}

/** An HTTPRoute routes paths, a GRPCRoute services; and a route attaches to each listener of a Gateway once. */
function routeProblems(route: NonNullable<EffectiveSpec['route']>, problems: Problem[]): void {
  if (route.kind === 'HTTPRoute' && route.services !== undefined) {
    problems.push({
      path: 'route.services',
      value: route.services,
      rule: 'services select gRPC services, which a GRPCRoute routes',
      fix: 'set route.kind: GRPCRoute, or route by path with route.paths',
    });
  }
  if (route.kind === 'GRPCRoute' && route.paths !== undefined) {
    problems.push({
      path: 'route.paths',
      value: route.paths,
      rule: 'paths select HTTP requests, which an HTTPRoute routes; a GRPCRoute selects gRPC services',
      fix: 'use route.services, or set route.kind: HTTPRoute',
    });
  }
  route.parentRefs.forEach((reference, index) => {
    const gateway = (other: typeof reference) => other.name === reference.name && (other.namespace ?? '') === (reference.namespace ?? '');
    const others = route.parentRefs.filter((other, at) => at !== index && gateway(other));
    if (others.length === 0) return;
    if (reference.sectionName === undefined || others.some((other) => other.sectionName === reference.sectionName)) {
      problems.push({
        path: `route.parentRefs[${index}]`,
        value: reference,
        rule: 'a route attaches to each listener of a Gateway once: references to the same Gateway each need their own sectionName',
        fix: 'give each reference to this Gateway a different sectionName, or list the Gateway once',
      });
    }
  });
}

/**
 * Peers are pods or a network, never both; and once any peer is declared, the NetworkPolicy admits
 * only the declared ones, so every way in must name where its traffic comes from.
 */
/** A peer that names nothing: the API refuses it (networking/v1 NetworkPolicyPeer), and the whole policy with it. */
const EMPTY_PEER_RULE =
  'a peer names pods (namespaceLabels, podLabels) or a network (cidr): Kubernetes refuses a peer with none of them, and the workload would run without its NetworkPolicy';
const EMPTY_PEER_FIX =
  'write podLabels: {} for every pod of the namespace, namespaceLabels: {} for every pod of the cluster, or the labels or cidr of the clients';

function peerProblems(spec: EffectiveSpec, problems: Problem[]): void {
  const { ingress, route, service } = spec;
  const loadBalancerService = service?.type === 'LoadBalancer';
  const peerLists: Array<[string, ReadonlyArray<{ cidr?: string; namespaceLabels?: unknown; podLabels?: unknown }> | undefined]> = [
    ['networkPolicy.ingressFrom', spec.networkPolicy.ingressFrom],
    ['ingress.from', ingress?.from],
    ['route.from', route?.from],
    ['service.from', service?.from],
  ];
  for (const [path, peers] of [...peerLists, ['networkPolicy.dns', spec.networkPolicy.dns] as const]) {
    (peers ?? []).forEach((peer, index) => {
      if (peer.cidr === undefined && peer.namespaceLabels === undefined && peer.podLabels === undefined) {
        problems.push({ path: `${path}[${index}]`, value: peer, rule: EMPTY_PEER_RULE, fix: EMPTY_PEER_FIX });
      }
      if (peer.cidr !== undefined && (peer.namespaceLabels !== undefined || peer.podLabels !== undefined)) {
        problems.push({
          path: `${path}[${index}].cidr`,
          value: peer.cidr,
          rule: 'a peer is either pods (namespaceLabels, podLabels) or a network (cidr): Kubernetes refuses a peer with both',
          fix: 'split it into two peers, one with the labels and one with the cidr',
        });
      }
    });
  }
  if (peerLists.some(([, peers]) => peers !== undefined)) {
    const unnamed: Array<[string, boolean, string]> = [
      [
        'ingress',
        ingress !== undefined && ingress.from === undefined,
        "the ingress controller's pods, e.g. [{ namespaceLabels: { kubernetes.io/metadata.name: ingress-nginx } }], or with aws-alb the load balancer's subnets, e.g. [{ cidr: 10.0.0.0/16 }]",
      ],
      [
        'route',
        route !== undefined && route.from === undefined,
        "the Gateway's pods, e.g. [{ namespaceLabels: { kubernetes.io/metadata.name: gateways } }]",
      ],
      ['service', loadBalancerService && service?.from === undefined, "the load balancer's subnets, e.g. [{ cidr: 10.0.0.0/16 }]"],
    ];
    for (const [field, missing, example] of unnamed) {
      if (!missing) continue;
      problems.push({
        path: `${field}.from`,
        value: undefined,
        rule: `with peers declared, the NetworkPolicy admits only them, and nothing names where the ${field === 'service' ? "load balancer's" : `${field}'s`} traffic comes from: it would be dropped`,
        fix: `add ${field}.from with ${example}`,
      });
    }
  }
}

/**
 * The readiness endpoint as the load balancer checks it. An ALB checks over HTTP(S) or gRPC only;
 * an NLB falls back to a TCP connection when readiness is no HTTP check.
 */
function healthCheckOf(
  kind: LoadBalancerKind,
  spec: EffectiveSpec,
  probes: ResolvedWorkload['probes'],
  problems: Problem[],
): ResolvedHealthCheck | undefined {
  const readiness = probes.readiness;
  if (readiness === undefined) return undefined;
  const port = (probePort: number) => (probePort === spec.port ? TRAFFIC_PORT : probePort);
  if (readiness.type === 'http') {
    return { protocol: readiness.scheme, port: port(readiness.port), path: readiness.path, grpc: false, successCodes: HTTP_SUCCESS_CODES };
  }
  if (kind === 'aws-nlb') return { protocol: 'TCP', port: TRAFFIC_PORT, grpc: false };
  if (readiness.type === 'grpc') {
    return { protocol: 'HTTP', port: port(readiness.port), path: GRPC_HEALTH_CHECK_PATH, grpc: true, successCodes: GRPC_SUCCESS_CODES };
  }
  problems.push({
    path: 'health.readiness',
    value: spec.health.readiness,
    rule: `the ALB health-checks the readiness endpoint over HTTP or gRPC, and cannot repeat a readiness check by ${probeForm(spec.health.readiness!)}`,
    fix: 'check readiness with an HTTP path (health.readiness.path) or gRPC (health.readiness.grpc)',
  });
  return undefined;
}

/** The annotations the derivation writes for this load balancer, which a declaration may not set itself. */
export function derivedAnnotationKeys(kind: LoadBalancerKind, healthCheck: ResolvedHealthCheck): string[] {
  const names = ANNOTATIONS[kind];
  return [
    ...(kind === 'aws-nlb' ? [NLB_TYPE] : []),
    names.targetType,
    ...(healthCheck.grpc ? [ALB_BACKEND_PROTOCOL_VERSION] : []),
    names.healthCheckProtocol,
    names.healthCheckPort,
    ...(healthCheck.path !== undefined ? [names.healthCheckPath] : []),
    names.healthCheckInterval,
    names.healthCheckTimeout,
    names.healthyThreshold,
    names.unhealthyThreshold,
    ...(healthCheck.successCodes !== undefined ? [names.successCodes] : []),
  ];
}

/**
 * Instance targets are refused with the reason: the load balancer sends traffic to a NodePort on
 * every node, where kube-proxy forwards it to the pods, so the target group holds nodes rather than
 * the pods, whose stop the derived deregistration delay and health check are about
 * (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/,
 * "instance mode"; pod readiness gates are injected for IP targets only:
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/).
 * Mirrored in hw.routes.resolve (templates/_routes.tpl).
 */
function instanceTargetsProblem(kind: LoadBalancerKind, path: string): Problem {
  const name = kind === 'aws-alb' ? 'ALB' : 'NLB';
  return {
    path,
    value: 'instance',
    rule:
      `instance targets send the ${name}'s traffic to a NodePort on every node, from where kube-proxy forwards it to the pods: the target group holds nodes, not pods, so a stopping pod is never deregistered nor health-checked by it, and pod readiness gates are not injected; ` +
      `the deregistration delay and health check derived for the ${name} (invariants 14 and 15) hold for IP targets only`,
    fix: 'remove it: the derived IP targets send traffic straight to the pods, and need pods with VPC addresses (the Amazon VPC CNI, the EKS default); on a cluster without them, leave the load balancer out of this declaration and declare traffic.propagationSeconds to cover its delays',
  };
}

function refuseDerivedAnnotations(
  kind: LoadBalancerKind,
  healthCheck: ResolvedHealthCheck,
  declared: { field: string; annotations: Readonly<Record<string, string>> },
  problems: Problem[],
): void {
  const derived = derivedAnnotationKeys(kind, healthCheck);
  const attributes = ANNOTATIONS[kind].targetGroupAttributes;
  for (const key of Object.keys(declared.annotations).sort()) {
    const value = declared.annotations[key]!;
    if (key === ANNOTATIONS[kind].targetType && value === 'instance') {
      problems.push(instanceTargetsProblem(kind, `${declared.field}.annotations.${key}`));
    } else if (derived.includes(key)) {
      problems.push({
        path: `${declared.field}.annotations.${key}`,
        value,
        rule: `${key} is derived for the ${kind === 'aws-alb' ? 'ALB' : 'NLB'} with IP targets (docs/derivation.md, "Load balancer")`,
        fix: 'remove it; overrides.loadBalancer changes the derived numbers',
      });
    } else if (key === attributes && setsDeregistrationDelay(value)) {
      problems.push({
        path: `${declared.field}.annotations.${key}`,
        value,
        rule: 'the deregistration delay is derived from the preStop delay and the drain (docs/derivation.md, "Load balancer")',
        fix: 'remove deregistration_delay.timeout_seconds from it; overrides.loadBalancer.deregistrationDelaySeconds changes the derived delay',
      });
    }
  }
}

/** What a reader of `explain` should know about the ways in that no invariant can check. */
export function routeNotes(spec: EffectiveSpec, timings: Timings): string[] {
  const notes: string[] = [];
  const waysIn = WAYS_IN.filter((field) => (field === 'service' ? spec.service?.type === 'LoadBalancer' : spec[field] !== undefined));
  if (timings.loadBalancer !== undefined) {
    notes.push(
      `Pod readiness gates make a rollout wait until the ${timings.loadBalancer.kind === 'aws-alb' ? 'ALB' : 'NLB'} reports each new pod healthy, but the AWS Load Balancer Controller injects them only into namespaces labelled ${READINESS_GATE_LABEL}=${READINESS_GATE_ENABLED}, which a workload cannot set: ` +
        `label the namespace before the pods are created (kubectl label namespace <namespace> ${READINESS_GATE_LABEL}=${READINESS_GATE_ENABLED}); hardened-workloads check reports a namespace without it when the Namespace is in its input.`,
    );
  }
  const declaredPeers = [spec.networkPolicy.ingressFrom, spec.ingress?.from, spec.route?.from, spec.service?.from].some(
    (peers) => peers !== undefined,
  );
  if (waysIn.length > 0 && !declaredPeers) {
    notes.push(
      `The NetworkPolicy admits anyone to port ${spec.port}: name where the traffic comes from with ${waysIn.map((field) => `${field}.from`).join(', ')} (and networkPolicy.ingressFrom for clients in the cluster) to admit only them.`,
    );
  }
  return notes;
}
