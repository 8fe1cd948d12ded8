import type { FieldPath, SourcedObject } from '../files/manifests';
import type { LoadBalancerSetting } from '../invariants/check';
import type { LoadBalancerFacts } from '../invariants/facts';
import {
  ALB_ANNOTATION_PREFIX,
  ALB_BACKEND_PROTOCOL_VERSION,
  ALB_INGRESS_CLASS,
  ALB_INGRESS_CONTROLLER,
  ANNOTATIONS,
  DEFAULTS,
  DEREGISTRATION_DELAY_ATTRIBUTE,
  INGRESS_CLASS_ANNOTATION,
  NLB_LOAD_BALANCER_CLASS,
  NLB_TYPE,
  NLB_TYPE_EXTERNAL,
  NLB_TYPE_IP,
  targetGroupAttribute,
  type TargetGroupAnnotations,
} from '../load-balancers/aws-load-balancer-controller';
import type { LoadBalancerKind } from '../timing/types';
import { type Node, objectName } from './objects';
import type { Workload } from './workloads';

/**
 * The AWS load balancers with IP targets in front of a workload, read from anyone's manifests: an
 * Ingress for the AWS Load Balancer Controller (class alb, an IngressClass of its controller, or its
 * annotations) that sends requests to one of the workload's Services, and a LoadBalancer Service the
 * controller provisions as an NLB. Settings left out take the controller's documented defaults
 * (src/load-balancers/aws-load-balancer-controller.ts); an ALB setting on the Service wins over the
 * Ingress's, as the controller documents.
 */
export interface ManifestLoadBalancer {
  readonly facts: LoadBalancerFacts;
  /** Where a setting is written, or would be: the annotation on the object that holds it. */
  where(setting: LoadBalancerSetting): { readonly object: SourcedObject; readonly path: FieldPath };
}

type Annotations = Readonly<Record<string, string>>;
const annotationsOf = (source: SourcedObject): Annotations => source.object.metadata?.annotations ?? {};

const SETTING_ANNOTATION: Record<LoadBalancerSetting, keyof TargetGroupAnnotations> = {
  deregistrationDelay: 'targetGroupAttributes',
  path: 'healthCheckPath',
  timeout: 'healthCheckTimeout',
  interval: 'healthCheckInterval',
  unhealthyThreshold: 'unhealthyThreshold',
};

/** A whole number of an annotation, its default when left out, undefined when it is no whole number. */
function wholeNumber(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

function facts(kind: LoadBalancerKind, subject: string, read: (key: string) => string | undefined): LoadBalancerFacts {
  const names = ANNOTATIONS[kind];
  const delay = targetGroupAttribute(read(names.targetGroupAttributes), DEREGISTRATION_DELAY_ATTRIBUTE);
  const defaults = DEFAULTS[kind].healthCheck;
  let protocol = (read(names.healthCheckProtocol) ?? defaults.protocol).toUpperCase();
  let path = read(names.healthCheckPath);
  if (kind === 'aws-alb') {
    const grpc = read(ALB_BACKEND_PROTOCOL_VERSION)?.toUpperCase() === 'GRPC';
    if (grpc) protocol = 'GRPC';
    path ??= grpc ? DEFAULTS['aws-alb'].healthCheck.grpcPath : defaults.path;
  } else if (protocol !== 'TCP') {
    path ??= defaults.path;
  }
  const timeoutDefault =
    kind === 'aws-nlb' && protocol !== 'TCP' ? DEFAULTS['aws-nlb'].healthCheck.httpTimeoutSeconds : defaults.timeoutSeconds;
  return {
    subject,
    kind,
    deregistrationDelaySeconds: wholeNumber(delay, DEFAULTS.deregistrationDelaySeconds),
    healthCheck: {
      protocol,
      ...(path !== undefined ? { path } : {}),
      intervalSeconds: wholeNumber(read(names.healthCheckInterval), defaults.intervalSeconds),
      timeoutSeconds: wholeNumber(read(names.healthCheckTimeout), timeoutDefault),
      unhealthyThresholdCount: wholeNumber(read(names.unhealthyThreshold), defaults.unhealthyThresholdCount),
    },
  };
}

function isAlbIngress(ingress: SourcedObject, classes: ReadonlyMap<string, string>): boolean {
  const annotations = annotationsOf(ingress);
  const className = ingress.object.spec?.ingressClassName ?? annotations[INGRESS_CLASS_ANNOTATION];
  return (
    className === ALB_INGRESS_CLASS ||
    (className !== undefined && classes.get(className) === ALB_INGRESS_CONTROLLER) ||
    Object.keys(annotations).some((key) => key.startsWith(ALB_ANNOTATION_PREFIX))
  );
}

/** The names of the Services an Ingress sends requests to. */
function backendNames(ingress: SourcedObject): Set<string> {
  const spec: Node = ingress.object.spec ?? {};
  const paths: Node[] = ((spec.rules as Node[] | undefined) ?? []).flatMap((rule) => rule?.http?.paths ?? []);
  return new Set(
    [spec.defaultBackend, ...paths.map((path) => path?.backend)]
      .map((backend) => backend?.service?.name)
      .filter((name): name is string => typeof name === 'string'),
  );
}

/** Read once per workload: several rules ask, each for every workload. */
const READ = new WeakMap<Workload, ManifestLoadBalancer[]>();

export function loadBalancersOf(workload: Workload): ManifestLoadBalancer[] {
  let found = READ.get(workload);
  if (!found) {
    found = readLoadBalancers(workload);
    READ.set(workload, found);
  }
  return found;
}

function readLoadBalancers(workload: Workload): ManifestLoadBalancer[] {
  const { services, ingresses, ingressClasses } = workload.related;
  const found: ManifestLoadBalancer[] = [];
  for (const ingress of ingresses.filter((source) => isAlbIngress(source, ingressClasses))) {
    const names = backendNames(ingress);
    for (const service of services.filter((source) => names.has(String(source.object.metadata?.name)))) {
      const holder = (key: string) => (annotationsOf(service)[key] !== undefined ? service : ingress);
      const read = (key: string) => annotationsOf(holder(key))[key];
      if (read(ANNOTATIONS['aws-alb'].targetType) !== 'ip') continue;
      found.push({
        facts: facts('aws-alb', `${objectName(ingress.object)} (ALB)`, read),
        where: (setting) => {
          const key = ANNOTATIONS['aws-alb'][SETTING_ANNOTATION[setting]];
          return { object: holder(key), path: ['metadata', 'annotations', key] };
        },
      });
    }
  }
  for (const service of services) {
    const annotations = annotationsOf(service);
    const spec: Node = service.object.spec ?? {};
    const type = annotations[NLB_TYPE];
    const provisioned = type === NLB_TYPE_EXTERNAL || type === NLB_TYPE_IP || spec.loadBalancerClass === NLB_LOAD_BALANCER_CLASS;
    const ipTargets = type === NLB_TYPE_IP || annotations[ANNOTATIONS['aws-nlb'].targetType] === 'ip';
    if (spec.type !== 'LoadBalancer' || !provisioned || !ipTargets) continue;
    found.push({
      facts: facts('aws-nlb', `${objectName(service.object)} (NLB)`, (key) => annotations[key]),
      where: (setting) => ({ object: service, path: ['metadata', 'annotations', ANNOTATIONS['aws-nlb'][SETTING_ANNOTATION[setting]]] }),
    });
  }
  return found;
}
