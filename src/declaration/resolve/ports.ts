import { KINDS } from '../../kinds/table';
import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';
import type { ResolvedProbe } from '../probes';
import { PROTOCOL_PORTS, type ServingProtocol } from '../protocols';

/** The port the workload serves on, as the container, the Service and the routes to it name and number it. */
export interface ServingPort {
  /** The port's name in the container and the Service (src/declaration/protocols.ts). */
  readonly name: string;
  /** The port's name in the workload's Services: `keep.servicePortName`, else `name`. The Service port targets `name`. */
  readonly servicePortName: string;
  readonly protocol: ServingProtocol;
  /** The Service port's appProtocol, where the name alone is not read everywhere. */
  readonly appProtocol?: string;
  /** Where the application listens: the probes, preStop hook and NetworkPolicy use it. */
  readonly containerPort: number;
  /** Where clients of the Service connect: Ingress and Gateway API routes send there. */
  readonly servicePort: number;
}

/** Whether the readiness check speaks gRPC to the serving port, which then needs HTTP/2. */
function grpcReadiness(spec: EffectiveSpec, readiness: ResolvedProbe | undefined): boolean {
  return spec.port !== undefined && readiness?.type === 'grpc' && readiness.port === spec.port;
}

/** The declared protocol, or the one a gRPC readiness check on the serving port implies. */
export function servingProtocol(spec: EffectiveSpec, readiness: ResolvedProbe | undefined): ServingProtocol {
  return spec.protocol ?? (grpcReadiness(spec, readiness) ? 'grpc' : 'http');
}

/** The serving port's name, which no other port of the pod may take. */
export function servingPortName(spec: EffectiveSpec, readiness: ResolvedProbe | undefined): string {
  return PROTOCOL_PORTS[servingProtocol(spec, readiness)].name;
}

/**
 * A kept Service port name no longer says the protocol, which Istio reads from the name when no
 * appProtocol is set (https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/):
 * plain HTTP then says it with appProtocol http, an IANA service name. TCP, Istio's default, needs nothing.
 */
function keptNameProtocol(protocol: ServingProtocol, servicePortName: string): string | undefined {
  return protocol === 'http' && servicePortName !== 'http' && !servicePortName.startsWith('http-') ? 'http' : undefined;
}

export function resolveServingPort(
  spec: EffectiveSpec,
  readiness: ResolvedProbe | undefined,
  problems: Problem[],
): ServingPort | undefined {
  if (spec.protocol === 'http' && grpcReadiness(spec, readiness)) {
    problems.push({
      path: 'protocol',
      value: spec.protocol,
      rule: 'gRPC runs over HTTP/2, and health.readiness checks gRPC on the serving port: a mesh or load balancer told http speaks HTTP/1.1 to it',
      fix: 'write protocol: grpc, or leave it out (a gRPC readiness check implies grpc)',
    });
  }
  if (spec.port === undefined) return undefined;
  const protocol = servingProtocol(spec, readiness);
  const servicePortName = spec.keep?.servicePortName ?? PROTOCOL_PORTS[protocol].name;
  return {
    name: PROTOCOL_PORTS[protocol].name,
    servicePortName,
    protocol,
    appProtocol: PROTOCOL_PORTS[protocol].appProtocol ?? keptNameProtocol(protocol, servicePortName),
    containerPort: spec.port,
    servicePort: spec.service?.port ?? spec.port,
  };
}

/** The port the metrics are scraped from: `metrics.port` by name, or the serving port. */
export function metricsPort(spec: EffectiveSpec, servingPort: ServingPort | undefined): { name: string; port: number } | undefined {
  if (spec.metrics === undefined) return undefined;
  const declared = [
    ...(servingPort ? [{ name: servingPort.name, port: servingPort.containerPort }] : []),
    ...(spec.ports ?? []).map(({ name, port }) => ({ name, port })),
  ];
  const name = spec.metrics.port ?? servingPort?.name;
  return declared.find((candidate) => candidate.name === name);
}

/** metrics.port must name a port of the main container; without it there must be a serving port. */
export function checkMetricsPort(spec: EffectiveSpec, servingPort: ServingPort | undefined, problems: Problem[]): void {
  if (spec.metrics === undefined || metricsPort(spec, servingPort) !== undefined) return;
  const names = [...(servingPort ? [servingPort.name] : []), ...(spec.ports ?? []).map(({ name }) => name)];
  problems.push(
    spec.metrics.port === undefined
      ? {
          path: 'metrics.port',
          value: undefined,
          rule: 'the metrics are scraped from the serving port unless metrics.port names another, and this workload has no serving port',
          fix: 'declare the metrics port under ports (e.g. { name: metrics, port: 9102 }) and write metrics.port: metrics',
        }
      : {
          path: 'metrics.port',
          value: spec.metrics.port,
          rule: `metrics.port names a port of the main container, and the workload has no port called "${spec.metrics.port}"`,
          fix:
            names.length > 0
              ? `write one of ${names.join(', ')}, or declare the port under ports`
              : 'declare the port under ports, e.g. { name: metrics, port: 9102 }',
        },
  );
}

/**
 * `ports[].servicePort` publishes an extra port in the workload's Service, so it needs one; and the
 * Service publishes each number once, and each name (`service.extraPorts`) (Kubernetes refuses a Service with two ports of one number and
 * protocol: ValidateService in pkg/apis/core/validation/validation.go,
 * https://github.com/kubernetes/kubernetes/pull/55064/files). Mirrored in templates/_ports.tpl. Two
 * extra ports on one container number are the pod's clash (resolveContainers), reported there only.
 */
export function checkServicePorts(spec: EffectiveSpec, servingPort: ServingPort | undefined, problems: Problem[]): void {
  const ports = spec.ports ?? [];
  if (servingPort === undefined || !KINDS[spec.kind].objects.includes('Service')) {
    ports.forEach(({ servicePort }, index) => {
      if (servicePort === undefined) return;
      problems.push({
        path: `ports[${index}].servicePort`,
        value: servicePort,
        rule: `ports[${index}].servicePort publishes the port in the workload's Service, and this workload has no Service (it needs a port and kind web or stateful)`,
        fix: `remove ports[${index}].servicePort`,
      });
    });
    return;
  }
  const moved = servingPort.servicePort !== servingPort.containerPort;
  const published = new Map([[servingPort.servicePort, { holder: moved ? 'the serving port (service.port)' : 'the serving port', moved }]]);
  ports.forEach(({ port, servicePort }, index) => {
    const number = servicePort ?? port;
    const taken = published.get(number);
    if (taken === undefined) {
      published.set(number, { holder: `ports[${index}]`, moved: number !== port });
      return;
    }
    if (number === port && !taken.moved) return;
    problems.push({
      path: servicePort === undefined ? `ports[${index}].port` : `ports[${index}].servicePort`,
      value: number,
      rule: `the Service's port numbers must be unique, and ${taken.holder} is already published on ${number} there`,
      fix:
        servicePort === undefined
          ? `publish ports[${index}] under another number with ports[${index}].servicePort`
          : `give ports[${index}].servicePort another number`,
    });
  });
  // service.extraPorts: more Service ports on the serving port, each name and number apart from every other port of the Service.
  const names = new Map<string, string>([
    [servingPort.servicePortName, 'the serving port'],
    ...ports.map(({ name }, index) => [name, `ports[${index}]`] as const),
  ]);
  (spec.service?.extraPorts ?? []).forEach(({ name, port }, index) => {
    const path = `service.extraPorts[${index}]`;
    const named = names.get(name);
    if (named === undefined) names.set(name, path);
    else
      problems.push({
        path: `${path}.name`,
        value: name,
        rule: `the Service's port names must be unique, and ${named} is already called "${name}" there`,
        fix: `rename ${path}`,
      });
    const taken = published.get(port);
    if (taken === undefined) published.set(port, { holder: path, moved: true });
    else
      problems.push({
        path: `${path}.port`,
        value: port,
        rule: `the Service's port numbers must be unique, and ${taken.holder} is already published on ${port} there`,
        fix: `give ${path} another port`,
      });
  });
}
