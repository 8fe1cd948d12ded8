import {
  ALB_BACKEND_PROTOCOL_VERSION,
  ANNOTATIONS as AWS_ANNOTATIONS,
  DEREGISTRATION_DELAY_ATTRIBUTE,
  NLB_TYPE,
} from '../../load-balancers/aws-load-balancer-controller';
import type { KubernetesObject, Node } from '../../manifests/objects';
import { PROPAGATION_SECONDS } from '../../timing/platforms';
import type { ContainerAt } from './container';
import { isSnippetAnnotation } from '../../declaration/dangers';
import { DNS_1123_LABEL } from '../../declaration/schema/primitives';
import { CARRIED_OVER, OWN_ANNOTATIONS } from './identity';
import type { Ledger } from './ledger';
import { portNumber } from './probes';
import { type Declared, preStopDelay } from './times';

const SERVING_NAMES = ['http', 'http2', 'grpc', 'tcp'];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/;
/** A Service port's name: a DNS-1123 label (src/declaration/schema: keep.servicePortName, service.extraPorts). */
const SERVICE_PORT_NAME = new RegExp(DNS_1123_LABEL);

/** The Service port that reaches the container, and the container port it targets (by number or name). */
interface ServingPort {
  readonly service?: KubernetesObject;
  readonly servicePort?: Node;
  readonly containerPort: Node;
}

/**
 * The serving port: the container port the (first) selecting Service targets; without a Service,
 * the container's only port, or its port named after a protocol. Two Services, or a Service with
 * several ports, are ambiguities: the first is taken, and `--service` / the declaration resolves it.
 */
export function servingPort(
  ledger: Ledger,
  at: ContainerAt,
  services: readonly KubernetesObject[],
  preferred?: string,
): ServingPort | undefined {
  const ports = (at.container.ports as Node[] | undefined) ?? [];
  // A headless Service (clusterIP None) gives a StatefulSet's pods their DNS names; it sends no traffic.
  // https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
  const sending = services.filter((service) => service.spec?.clusterIP !== 'None');
  // Of several, the Service named as the workload is taken first (ingress-nginx's controller beside its
  // -admission webhook Service): charts name the main Service after the workload and the others with a suffix.
  const own = ledger.subject.slice(ledger.subject.lastIndexOf('/') + 1);
  const candidates = (preferred ? sending.filter((service) => service.metadata?.name === preferred) : sending)
    .map((service, index) => ({ service, index }))
    .sort(
      (left, right) =>
        Number(right.service.metadata?.name === own) - Number(left.service.metadata?.name === own) || left.index - right.index,
    )
    .map(({ service }) => service);
  if (candidates.length > 1) {
    ledger.ambiguous(
      `${candidates.length} Services select the pods (${candidates.map((service) => service.metadata?.name).join(', ')}); the first (the one named as the workload, else the first in the input) is the declaration's Service`,
      'the adopt option service (--service NAME), or move the others into patches',
    );
  }
  for (const service of candidates) {
    const servicePorts = (service.spec?.ports as Node[] | undefined) ?? [];
    if (servicePorts.length > 1) {
      ledger.ambiguous(
        `Service ${service.metadata?.name} has ${servicePorts.length} ports; the first is the serving port, the others are listed in ports`,
        'port',
        `Service/${service.metadata?.name}`,
      );
    }
    for (const servicePort of servicePorts) {
      const target = servicePort.targetPort ?? servicePort.port;
      const number = portNumber(at.container, target);
      const containerPort =
        ports.find((entry) => entry.containerPort === number) ?? (number !== undefined ? { containerPort: number } : undefined);
      if (containerPort) return { service, servicePort, containerPort };
    }
  }
  const named = ports.find((entry) => SERVING_NAMES.includes(String(entry.name)));
  if (named) return { containerPort: named };
  if (ports.length > 0)
    ledger.ambiguous(
      `no Service says which of ${at.container.name}'s ports serves, and none is named http, http2, grpc or tcp: they are listed in ports`,
      'port',
    );
  return undefined;
}

/**
 * port, protocol and the other ports. The protocol is the port's name when it names one (http,
 * http2, grpc, tcp, as the synthesis names them), else the Service port's appProtocol
 * (kubernetes.io/h2c: HTTP/2 in cleartext; https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol),
 * else http; it is written only where the default (grpc with a gRPC readiness check, else http) differs.
 */
export function inferPorts(ledger: Ledger, at: ContainerAt, serving: ServingPort | undefined, grpcReadiness: boolean): void {
  ledger.consume(at.object, `${at.path}.ports`);
  const ports = (at.container.ports as Node[] | undefined) ?? [];
  if (serving) {
    const number = serving.containerPort.containerPort as number;
    ledger.set(
      ['port'],
      number,
      `${at.path}.ports containerPort ${number}${serving.service ? `, which Service ${serving.service.metadata?.name} targets` : ''}`,
    );
    const name = String(serving.containerPort.name ?? '');
    const appProtocol = String(serving.servicePort?.appProtocol ?? '');
    const protocol = SERVING_NAMES.includes(name)
      ? name
      : appProtocol === 'kubernetes.io/h2c'
        ? grpcReadiness || /grpc/.test(name)
          ? 'grpc'
          : 'http2'
        : /grpc/i.test(appProtocol) || /^grpc/.test(name)
          ? 'grpc'
          : /^tcp$/i.test(appProtocol)
            ? 'tcp'
            : 'http';
    if (protocol !== (grpcReadiness ? 'grpc' : 'http')) {
      ledger.set(
        ['protocol'],
        protocol,
        SERVING_NAMES.includes(name)
          ? `the port's name ${name}`
          : appProtocol
            ? `the Service port's appProtocol ${appProtocol}`
            : `the port's name ${name}`,
      );
    }
    if (name !== '' && !SERVING_NAMES.includes(name)) {
      const kind = kindWithoutService(ledger, serving);
      ledger.drop(
        at.object,
        `${at.path}.ports`,
        kind === undefined
          ? `the serving port is named ${protocol} instead of ${name}: keep.servicePortName keeps the Service port's name`
          : `the serving port is named ${protocol} instead of ${name}: kind ${kind} makes no Service, so no Service port name is kept; a Service or monitor of your own must address it by number (${number}) or as ${protocol}`,
      );
    }
    serviceNotMade(ledger, serving, protocol);
  }
  const others = ports.filter((entry) => entry !== serving?.containerPort);
  const extra = others.flatMap((entry, index) => {
    const name = String(entry.name ?? `port-${entry.containerPort}`);
    if (!DNS_LABEL.test(name)) {
      ledger.drop(
        at.object,
        `${at.path}.ports.${index}`,
        `the port name ${name} is not an IANA service name (at most 15 lowercase letters, digits and "-")`,
      );
      return [];
    }
    return [{ name, port: entry.containerPort as number }];
  });
  if (extra.length > 0) ledger.set(['ports'], extra, `${at.path}.ports`);
}

/** The declaration's kind when a Service selects the pods but the kind makes none (only web and stateful do: src/kinds/table.ts). */
function kindWithoutService(ledger: Ledger, serving: ServingPort): string | undefined {
  const kind = String(ledger.get(['kind']) ?? 'web');
  return serving.service !== undefined && kind !== 'web' && kind !== 'stateful' ? kind : undefined;
}

/**
 * A Service that selects a daemon's (or a job's) pods: the declaration makes no Service for the
 * kind, so the Service is dropped, saying so and how to keep reaching the pods through it.
 */
function serviceNotMade(ledger: Ledger, serving: ServingPort, protocol: string): void {
  const kind = kindWithoutService(ledger, serving);
  if (kind === undefined) return;
  const { metadata } = serving.service!;
  ledger.drop(
    `Service/${metadata?.namespace ? `${metadata.namespace}/` : ''}${metadata?.name}`,
    '',
    `kind ${kind} makes no Service: Service ${metadata?.name} is not carried over. To keep reaching the pods through it, keep it as a manifest of your own beside the declaration, with targetPort ${serving.containerPort.containerPort} (the port is named ${protocol} in the output)`,
  );
}

/** service.type, service.port (where the Service's port differs from the container's), service.annotations. */
export function inferService(
  ledger: Ledger,
  serving: ServingPort | undefined,
  at: ContainerAt,
  podSelector: Readonly<Record<string, string>>,
): void {
  const service = serving?.service;
  if (!service) return;
  const object = `Service/${service.metadata?.namespace ? `${service.metadata.namespace}/` : ''}${service.metadata?.name}`;
  ledger.consume(object, 'metadata', 'spec.selector', 'spec.ports', 'apiVersion', 'kind');
  const type = service.spec?.type ?? 'ClusterIP';
  ledger.consume(object, 'spec.type');
  if (type === 'LoadBalancer' && ledger.get(['traffic', 'platform']) === 'aws-nlb')
    ledger.set(['service', 'type'], 'LoadBalancer', `${object} spec.type`);
  else if (type === 'LoadBalancer') {
    // The schema makes a LoadBalancer Service only for the AWS Load Balancer Controller's NLB, whose
    // propagation time the preStop delay is derived from (src/declaration/schema: service.type).
    ledger.drop(
      object,
      'spec.type',
      'a LoadBalancer Service for a load balancer the schema does not know (no AWS Load Balancer Controller annotations): its propagation time is unknown, so it becomes ClusterIP — set traffic.platform: aws-nlb and service.type: LoadBalancer if it is an NLB, or put your load balancer in front of the Service',
    );
    ledger.ambiguous(
      `${object} is a LoadBalancer for a load balancer the schema does not know: the declaration's Service is ClusterIP, and applying it removes the external load balancer`,
      'traffic.platform: aws-nlb with service.type: LoadBalancer, or a load balancer of your own in front of the Service',
      object,
    );
  } else if (type !== 'ClusterIP')
    ledger.drop(object, 'spec.type', `a ${type} Service is not one the schema makes (ClusterIP or LoadBalancer): it becomes ClusterIP`);
  const port = serving.servicePort?.port;
  if (typeof port === 'number' && port !== serving.containerPort.containerPort)
    ledger.set(['service', 'port'], port, `${object} spec.ports port ${port}`);
  const carrier = ledger.get(['service', 'type']) === 'LoadBalancer' && ledger.get(['traffic', 'platform']) === 'aws-nlb';
  for (const [key, value] of carriedAnnotations(service.metadata?.annotations ?? {}, carrier)) {
    ledger.set(['service', 'annotations', key], value, `${object} metadata.annotations["${key}"]`);
  }
  inferPublishedPorts(ledger, object, service, serving, at);
  servicePortsNotKept(ledger, object, service, serving, at);
  serviceSelectorNotKept(ledger, service, podSelector);
  for (const field of [
    'clusterIP',
    'clusterIPs',
    'sessionAffinity',
    'externalTrafficPolicy',
    'loadBalancerSourceRanges',
    'ipFamilyPolicy',
    'ipFamilies',
  ]) {
    if (service.spec?.[field] !== undefined)
      ledger.drop(object, `spec.${field}`, 'the schema has no field for it: add it back with patches.Service if it matters');
  }
}

/** AWS Load Balancer Controller annotations the synthesis derives from the timings (src/load-balancers), but the target group attributes. */
function isDerivedLoadBalancerAnnotation(key: string): boolean {
  if (key === NLB_TYPE) return true;
  return Object.values(AWS_ANNOTATIONS).some(
    (annotations) => key !== annotations.targetGroupAttributes && (Object.values(annotations) as unknown[]).includes(key),
  );
}

/**
 * Annotations of a Service or Ingress the declaration carries. On the object that configures the
 * load balancer (`carrier`: the NLB's Service, the ALB's Ingress) the derived ones are left out and
 * the target group attributes lose the derived deregistration delay; on any other object the
 * synthesis writes the declared annotations as they are (src/constructs/objects/load-balancer-annotations.ts).
 */
function carriedAnnotations(annotations: Readonly<Record<string, string>>, carrier: boolean): Array<[string, string]> {
  const attributes = Object.values(AWS_ANNOTATIONS).map((names) => names.targetGroupAttributes as string);
  return Object.entries(annotations).flatMap(([key, value]): Array<[string, string]> => {
    if (OWN_ANNOTATIONS.has(key) || key.startsWith('meta.helm.sh/')) return [];
    if (!carrier) return [[key, String(value)]];
    if (isDerivedLoadBalancerAnnotation(key)) return [];
    if (!attributes.includes(key)) return [[key, String(value)]];
    const rest = String(value)
      .split(',')
      .filter((pair) => pair.trim() !== '' && !pair.trim().startsWith(`${DEREGISTRATION_DELAY_ATTRIBUTE}=`))
      .join(',');
    return rest === '' ? [] : [[key, rest]];
  });
}

/** ingress.*: the class, hosts, paths, TLS Secret and annotations of the Ingress that sends to the Service. */
export function inferIngress(ledger: Ledger, ingresses: readonly KubernetesObject[]): void {
  const ingress = ingresses[0];
  if (!ingress) return;
  if (ingresses.length > 1)
    ledger.ambiguous(`${ingresses.length} Ingresses send to the Service; the first is the declaration's`, 'ingress');
  const object = `Ingress/${ingress.metadata?.namespace ? `${ingress.metadata.namespace}/` : ''}${ingress.metadata?.name}`;
  ledger.consume(object, 'apiVersion', 'kind', 'metadata', 'spec');
  ledger.set(['ingress'], {}, `${object}, which sends to the Service`);
  const spec: Node = ingress.spec ?? {};
  if (spec.ingressClassName) ledger.set(['ingress', 'className'], String(spec.ingressClassName), `${object} spec.ingressClassName`);
  const rules = (spec.rules as Node[] | undefined) ?? [];
  const hosts = rules.map((rule) => rule.host).filter((host): host is string => typeof host === 'string');
  if (hosts.length > 0) ledger.set(['ingress', 'hosts'], hosts, `${object} spec.rules[*].host`);
  // Every host gets the same paths: the first rule's, as written.
  const paths = (((rules[0]?.http?.paths as Node[] | undefined) ?? []) as Node[]).map((path) => String(path.path ?? '/'));
  if (
    rules.some(
      (rule) =>
        JSON.stringify(((rule.http?.paths as Node[] | undefined) ?? []).map((path) => String(path.path ?? '/'))) !== JSON.stringify(paths),
    )
  ) {
    ledger.ambiguous(
      `the rules of ${object} route different paths; the declaration routes the first rule's paths for every host`,
      'ingress.paths',
    );
  }
  if (paths.length > 0 && !(paths.length === 1 && paths[0] === '/'))
    ledger.set(['ingress', 'paths'], paths, `${object} spec.rules.0.http.paths[*].path`);
  const tls = ((spec.tls as Node[] | undefined) ?? [])[0];
  if (tls?.secretName) ledger.set(['ingress', 'tlsSecretName'], String(tls.secretName), `${object} spec.tls[0].secretName`);
  // An ALB calls a gRPC readiness check with backend-protocol-version GRPC, which the synthesis derives.
  const grpc = (ledger.get(['health', 'readiness']) as Record<string, unknown> | undefined)?.grpc !== undefined;
  for (const [key, value] of carriedAnnotations(ingress.metadata?.annotations ?? {}, ledger.get(['traffic', 'platform']) === 'aws-alb')) {
    if (grpc && key === ALB_BACKEND_PROTOCOL_VERSION && value === 'GRPC') continue;
    ledger.set(['ingress', 'annotations', key], value, `${object} metadata.annotations["${key}"]`);
    // An ingress-nginx snippet needs its own acknowledgement (src/declaration/dangers.ts): carried over.
    if (isSnippetAnnotation(key)) ledger.set(['acknowledge', 'ingressSnippets'], CARRIED_OVER, `${object} metadata.annotations["${key}"]`);
  }
}

/** route.*: the Gateway API route that sends to the Service: its kind, parents, hostnames and paths. */
export function inferRoute(ledger: Ledger, routes: readonly KubernetesObject[]): void {
  const route = routes[0];
  if (!route) return;
  if (routes.length > 1) ledger.ambiguous(`${routes.length} routes send to the Service; the first is the declaration's`, 'route');
  const object = `${route.kind}/${route.metadata?.namespace ? `${route.metadata.namespace}/` : ''}${route.metadata?.name}`;
  ledger.consume(object, 'apiVersion', 'kind', 'metadata', 'spec');
  const spec: Node = route.spec ?? {};
  if (route.kind === 'GRPCRoute') ledger.set(['route', 'kind'], 'GRPCRoute', `${object} kind`);
  const parentRefs = ((spec.parentRefs as Node[] | undefined) ?? []).map((parent) => ({
    name: String(parent.name),
    ...(parent.namespace ? { namespace: String(parent.namespace) } : {}),
    ...(parent.sectionName ? { sectionName: String(parent.sectionName) } : {}),
  }));
  ledger.set(['route', 'parentRefs'], parentRefs, `${object} spec.parentRefs`);
  if (Array.isArray(spec.hostnames) && spec.hostnames.length > 0)
    ledger.set(['route', 'hostnames'], spec.hostnames.map(String), `${object} spec.hostnames`);
  // Every match's path in order, a repeated one included: the declaration's paths give one match each, so our own output reads back exactly.
  const paths = ((spec.rules as Node[] | undefined) ?? [])
    .flatMap((rule) => (rule.matches as Node[] | undefined) ?? [])
    .flatMap((match) => (match.path?.value ? [String(match.path.value)] : []));
  const methods = [
    ...new Set(
      ((spec.rules as Node[] | undefined) ?? [])
        .flatMap((rule) => (rule.matches as Node[] | undefined) ?? [])
        .flatMap((match) => (match.method?.service ? [String(match.method.service)] : [])),
    ),
  ];
  if (methods.length > 0 && route.kind === 'GRPCRoute')
    ledger.set(['route', 'services'], methods, `${object} spec.rules[*].matches[*].method.service`);
  if (paths.length > 0 && route.kind !== 'GRPCRoute')
    ledger.set(['route', 'paths'], paths, `${object} spec.rules[*].matches[*].path.value`);
}

/**
 * traffic.propagationSeconds and the preStop mechanism. Ours: the declared annotation. Anyone's:
 * a preStop `sleep N` is the time the current config gives endpoints and load balancers to stop
 * sending (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 * kubernetesVersion: the oldest that gives the same objects — 1.30 for the sleep action, 1.29 for
 * native sidecars (init containers with restartPolicy Always), else the default 1.28.
 */
export function inferStopping(ledger: Ledger, at: ContainerAt, pod: Node, declared: Declared, serves: boolean): void {
  ledger.consume(at.object, `${at.path}.lifecycle`);
  const hook: Node | undefined = at.container.lifecycle?.preStop;
  const delay = preStopDelay(at.container);
  const platform = String((ledger.get(['traffic', 'platform']) as string | undefined) ?? 'kube-proxy');
  const platformDefault = PROPAGATION_SECONDS[platform as keyof typeof PROPAGATION_SECONDS] ?? 10;
  if (typeof declared.propagationSeconds === 'number') {
    if (serves && declared.propagationSeconds !== platformDefault) {
      ledger.set(
        ['traffic', 'propagationSeconds'],
        declared.propagationSeconds,
        `propagationSeconds=${declared.propagationSeconds} in the hardened-workloads.io/declared annotation`,
      );
    }
  } else if (serves && delay && delay.seconds !== platformDefault) {
    ledger.set(
      ['traffic', 'propagationSeconds'],
      delay.seconds,
      `the preStop ${delay.how} of ${delay.seconds} s: the time the current config gives endpoints to stop sending (${at.path}.lifecycle.preStop)`,
    );
  }
  if (hook?.httpGet) {
    const port = portNumber(at.container, hook.httpGet.port);
    ledger.set(['preStop', 'type'], 'http', `${at.path}.lifecycle.preStop.httpGet`);
    ledger.set(['preStop', 'path'], String(hook.httpGet.path ?? '/'), `${at.path}.lifecycle.preStop.httpGet.path`);
    if (port !== undefined && port !== ledger.get(['port']))
      ledger.set(['preStop', 'port'], port, `${at.path}.lifecycle.preStop.httpGet.port`);
    if (typeof declared.preStopSeconds === 'number')
      ledger.set(
        ['overrides', 'preStopSeconds'],
        declared.preStopSeconds,
        'preStopSeconds in the hardened-workloads.io/declared annotation',
      );
  } else if (hook && !delay) {
    ledger.drop(
      at.object,
      `${at.path}.lifecycle.preStop`,
      'a preStop hook that does more than wait: the synthesis writes its own delay; run the rest from the application on SIGTERM',
    );
  } else if (serves && !hook && typeof declared.preStopSeconds === 'number') {
    ledger.set(
      ['preStop', 'type'],
      'app',
      'no preStop hook, and preStopSeconds in the hardened-workloads.io/declared annotation: the application waits itself',
    );
  }
  if (at.container.lifecycle?.postStart) ledger.drop(at.object, `${at.path}.lifecycle.postStart`, 'the schema has no postStart hook');
  const nativeSidecars = ((pod.initContainers as Node[] | undefined) ?? []).some((container) => container.restartPolicy === 'Always');
  if (hook?.sleep) ledger.set(['kubernetesVersion'], '1.30', 'the preStop sleep action exists from Kubernetes 1.30');
  else if (nativeSidecars)
    ledger.set(['kubernetesVersion'], '1.29', 'native sidecars (init containers with restartPolicy Always) exist from Kubernetes 1.29');
}

/** traffic.platform from the load balancer the input asks for: an ALB Ingress, or an NLB Service. */
export function inferPlatform(ledger: Ledger, services: readonly KubernetesObject[], ingresses: readonly KubernetesObject[]): void {
  const alb = ingresses.some(
    (ingress) =>
      ingress.spec?.ingressClassName === 'alb' ||
      ingress.metadata?.annotations?.['kubernetes.io/ingress.class'] === 'alb' ||
      ingress.metadata?.annotations?.[AWS_ANNOTATIONS['aws-alb'].targetType] !== undefined,
  );
  const nlb = services.some((service) => {
    const annotations = service.metadata?.annotations ?? {};
    // The AWS Load Balancer Controller makes an NLB for type nlb-ip / external (with nlb-target-type): https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/
    const type = annotations['service.beta.kubernetes.io/aws-load-balancer-type'] ?? '';
    return (
      /nlb/.test(type) || (type === 'external' && annotations['service.beta.kubernetes.io/aws-load-balancer-nlb-target-type'] !== undefined)
    );
  });
  if (alb)
    ledger.set(
      ['traffic', 'platform'],
      'aws-alb',
      'an Ingress for the AWS Load Balancer Controller (class alb, or its target-type annotation)',
    );
  else if (nlb)
    ledger.set(
      ['traffic', 'platform'],
      'aws-nlb',
      'the Service asks the AWS Load Balancer Controller for a Network Load Balancer (service.beta.kubernetes.io/aws-load-balancer-type)',
    );
}

const sortedEntries = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).sort(([left], [right]) => (left < right ? -1 : 1));

/** The declaration's extra ports as inferPorts wrote them, each with the number its Service publishes it under. */
type DeclaredPort = { readonly name: string; readonly port: number; readonly servicePort?: number };

/**
 * The Service ports besides the serving one that the declaration can keep. ports[].servicePort: an
 * extra container port that the Service publishes under another number (bitnami nginx's https 443
 * → 8443) keeps that number, as long as the Service port has the container port's name (the
 * declaration's Service names an extra port after it) and the number is not one another port of
 * the declaration's Service is published on. service.extraPorts: a second Service port on the
 * serving port (argo-cd's server: https 443 beside http 80, both → 8080) under its own name and number.
 */
function inferPublishedPorts(ledger: Ledger, object: string, service: KubernetesObject, serving: ServingPort, at: ContainerAt): void {
  const declared = (ledger.get(['ports']) as DeclaredPort[] | undefined) ?? [];
  const servicePorts = ((service.spec?.ports as Node[] | undefined) ?? []).filter((entry) => entry !== serving.servicePort);
  const published = declared.map((entry) => {
    const servicePort = servicePorts.find(
      (candidate) => candidate.name === entry.name && portNumber(at.container, candidate.targetPort ?? candidate.port) === entry.port,
    );
    return typeof servicePort?.port === 'number' && servicePort.port !== entry.port ? (servicePort.port as number) : undefined;
  });
  const numbers = [(serving.servicePort?.port as number | undefined) ?? (serving.containerPort.containerPort as number)];
  numbers.push(...declared.map((entry, index) => published[index] ?? entry.port));
  published.forEach((number, index) => {
    if (number === undefined || numbers.filter((taken) => taken === number).length > 1) return;
    ledger.set(
      ['ports', String(index), 'servicePort'],
      number,
      `${object} spec.ports port ${number}, which targets ${declared[index]!.name}`,
    );
  });
  // service.extraPorts: more Service ports on the serving port (argo-cd's server: https 443 beside http 80, both → 8080),
  // each under a name and number no other port of the declaration's Service has. `service` is kind web's only.
  if ((ledger.get(['kind']) ?? 'web') !== 'web') return;
  const names = new Set<unknown>([serving.servicePort?.name, ...declared.map((entry) => entry.name)]);
  const extraPorts = servicePorts.flatMap((servicePort) => {
    const { name, port } = servicePort;
    const onServingPort = portNumber(at.container, servicePort.targetPort ?? port) === serving.containerPort.containerPort;
    if (!onServingPort || typeof name !== 'string' || !SERVICE_PORT_NAME.test(name) || typeof port !== 'number') return [];
    if (names.has(name) || numbers.includes(port)) return [];
    names.add(name);
    numbers.push(port);
    return [{ name, port }];
  });
  if (extraPorts.length > 0)
    ledger.set(
      ['service', 'extraPorts'],
      extraPorts,
      `${object} spec.ports ${extraPorts.map(({ name, port }) => `${name} ${port}`).join(', ')}, which target the serving port too`,
    );
}

/**
 * The Service ports the declaration cannot keep: it publishes the serving port (service.port,
 * keep.servicePortName) and each other container port under the container port's own name, on its
 * number or ports[].servicePort. A Service port with another name than the container port it
 * targets, a number another port of the Service takes, or a second one on the serving port, is
 * dropped with why: clients that use it must follow.
 */
function servicePortsNotKept(ledger: Ledger, object: string, service: KubernetesObject, serving: ServingPort, at: ContainerAt): void {
  const containerPorts = (at.container.ports as Node[] | undefined) ?? [];
  const declared = (ledger.get(['ports']) as DeclaredPort[] | undefined) ?? [];
  const extraPorts = (ledger.get(['service', 'extraPorts']) as DeclaredPort[] | undefined) ?? [];
  const servicePorts = (service.spec?.ports as Node[] | undefined) ?? [];
  const targetOf = (servicePort: Node) => portNumber(at.container, servicePort.targetPort ?? servicePort.port);
  /** Why the declaration's Service cannot keep this port, or undefined where it does. */
  const whyNotKept = (servicePort: Node): string | undefined => {
    const number = targetOf(servicePort);
    const label = `${servicePort.name ?? ''} ${servicePort.port}`.trim();
    if (number === serving.containerPort.containerPort) {
      if (extraPorts.some((extra) => extra.name === servicePort.name && extra.port === servicePort.port)) return undefined;
      return (ledger.get(['kind']) ?? 'web') !== 'web'
        ? `a second Service port (${label}) on the serving port: service.extraPorts, which keeps one, is kind web's`
        : `a second Service port (${label}) on the serving port under a name or number another port of the declaration's Service has, or that is no Service port name`;
    }
    const target = containerPorts.find((entry) => entry.containerPort === number);
    if (target === undefined)
      return `Service port ${label} targets ${JSON.stringify(servicePort.targetPort ?? servicePort.port)}, which the application's container does not declare`;
    const name = String(target.name ?? `port-${target.containerPort}`);
    const entry = declared.find((each) => each.name === name);
    if (entry === undefined)
      return `Service port ${label} targets the container port ${name}, which is not among the declaration's ports (dropped above)`;
    if (entry.name === servicePort.name && (entry.servicePort ?? entry.port) === servicePort.port) return undefined;
    if (servicePorts.some((other) => other !== servicePort && other.name === name && targetOf(other) === number))
      return `a second Service port (${label}) on ${name}: the declaration's Service publishes each port once, under its name`;
    if (entry.name !== servicePort.name)
      return `Service port ${label} is published as ${name}, the container port's own name: ports[].servicePort changes the number only`;
    return `Service port ${label} is published on ${entry.port}: ${String(servicePort.port)} is taken by another port of the declaration's Service`;
  };
  for (const [index, servicePort] of servicePorts.entries()) {
    if (servicePort === serving.servicePort) continue;
    const why = whyNotKept(servicePort);
    if (why !== undefined) ledger.drop(object, `spec.ports.${index}`, `${why}; clients that use it must follow`);
  }
}

/** The declaration's Services (and a StatefulSet's headless one) select the pods by the workload's selector (keep.selector): another selector is dropped with why. */
export function serviceSelectorNotKept(ledger: Ledger, service: KubernetesObject, podSelector: Readonly<Record<string, string>>): void {
  const object = `Service/${service.metadata?.namespace ? `${service.metadata.namespace}/` : ''}${service.metadata?.name}`;
  const selector = (service.spec?.selector ?? {}) as Record<string, string>;
  if (JSON.stringify(sortedEntries(selector)) !== JSON.stringify(sortedEntries(podSelector)))
    ledger.drop(
      object,
      'spec.selector',
      `the declaration's Service selects the pods by the workload's selector (${JSON.stringify(podSelector)}), not by ${JSON.stringify(selector)}: the schema has no Service selector of its own`,
    );
}
