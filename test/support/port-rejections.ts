import type { ConfigurationRejection } from './configuration-rejections';
import { CHECKOUT, checkoutWith } from './declarations';

/**
 * Invalid serving ports, extra ports and metrics (issue 17 §1), in the shape of
 * configuration-rejections.ts: both faces' rejection tests read this list too.
 */
export const PORT_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'protocol http with a gRPC readiness check on the serving port',
    {
      declaration: checkoutWith({ protocol: 'http', health: { readiness: { grpc: {} } } }),
      path: 'protocol',
      value: 'http',
      rule: /gRPC runs over HTTP\/2, and health.readiness checks gRPC on the serving port/,
      fix: /write protocol: grpc, or leave it out/,
      helm: 'templates',
    },
  ],
  [
    'a protocol no mesh knows',
    {
      declaration: checkoutWith({ protocol: 'udp' }),
      path: 'protocol',
      rule: /http|http2|grpc|tcp/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a Service port out of range',
    {
      declaration: checkoutWith({ service: { port: 70000 } }),
      path: 'service.port',
      value: 70000,
      rule: /at most 65535/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a sidecar port named like the serving port of protocol tcp',
    {
      declaration: {
        ...CHECKOUT,
        protocol: 'tcp',
        health: { readiness: { tcp: true }, liveness: { exec: ['/bin/alive'] } },
        sidecars: [{ name: 'exporter', image: 'ghcr.io/acme/exporter:1.0.0', ports: [{ name: 'tcp', port: 9121 }] }],
      },
      path: 'sidecars[0].ports[0].name',
      value: 'tcp',
      rule: /port names must be unique in the pod, and the serving port is already called "tcp"/,
      fix: /rename sidecars\[0\]\.ports\[0\]/,
      helm: 'templates',
    },
  ],
];

PORT_REJECTIONS.push(
  [
    'an extra port named like the serving port',
    {
      declaration: checkoutWith({ ports: [{ name: 'http', port: 9000 }] }),
      path: 'ports[0].name',
      value: 'http',
      rule: /port names must be unique in the pod, and the serving port is already called "http"/,
      fix: /rename ports\[0\]/,
      helm: 'templates',
    },
  ],
  [
    'two extra ports on one number',
    {
      declaration: checkoutWith({
        ports: [
          { name: 'admin', port: 9000 },
          { name: 'debug', port: 9000 },
        ],
      }),
      path: 'ports[1].port',
      value: 9000,
      rule: /the containers of a pod share one network, and ports\[0\] already listens on 9000/,
      fix: /give ports\[1\] another port/,
      helm: 'templates',
    },
  ],
  [
    'a sidecar port named like an extra port',
    {
      declaration: checkoutWith({
        ports: [{ name: 'metrics', port: 9102 }],
        sidecars: [{ name: 'exporter', image: 'ghcr.io/acme/exporter:1.0.0', ports: [{ name: 'metrics', port: 9121 }] }],
      }),
      path: 'sidecars[0].ports[0].name',
      value: 'metrics',
      rule: /port names must be unique in the pod, and ports\[0\] is already called "metrics"/,
      fix: /rename sidecars\[0\]\.ports\[0\]/,
      helm: 'templates',
    },
  ],
  [
    'an extra port name that is no IANA service name',
    {
      declaration: checkoutWith({ ports: [{ name: 'Admin_Port', port: 9000 }] }),
      path: 'ports[0].name',
      rule: /an IANA service name/,
      fix: /use a name like metrics or admin/,
      helm: 'schema',
    },
  ],
  [
    'an extra port admitting an empty list of peers',
    {
      declaration: checkoutWith({ ports: [{ name: 'admin', port: 9000, from: [] }] }),
      path: 'ports[0].from',
      rule: /an empty list of peers is ambiguous/,
      fix: /name at least one peer/,
      helm: 'schema',
    },
  ],
);

PORT_REJECTIONS.push(
  [
    'metrics from a port the workload does not have',
    {
      declaration: checkoutWith({ ports: [{ name: 'admin', port: 9000 }], metrics: { port: 'metrics' } }),
      path: 'metrics.port',
      value: 'metrics',
      rule: /metrics.port names a port of the main container, and the workload has no port called "metrics"/,
      fix: /write one of http, admin, or declare the port under ports/,
      helm: 'templates',
    },
  ],
  [
    'metrics without metrics.port on a worker without a serving port',
    {
      declaration: {
        ...checkoutWith({ port: undefined, health: { liveness: { exec: ['/bin/alive'] } } }),
        kind: 'worker',
        metrics: {},
      },
      path: 'metrics.port',
      rule: /the metrics are scraped from the serving port unless metrics.port names another, and this workload has no serving port/,
      fix: /declare the metrics port under ports/,
      helm: 'templates',
    },
  ],
  [
    'metrics of a job, whose pods are gone before the next scrape',
    {
      declaration: {
        name: 'migrate',
        image: 'ghcr.io/acme/migrate:1.0.0',
        kind: 'job',
        run: { maxSeconds: 60 },
        drainSeconds: 5,
        ports: [{ name: 'metrics', port: 9102 }],
        metrics: { port: 'metrics' },
      },
      path: 'metrics',
      rule: /.+/,
      fix: /.+/,
      helm: 'templates',
    },
  ],
  [
    'a metrics interval of 0 seconds',
    {
      declaration: checkoutWith({ metrics: { interval: 0 } }),
      path: 'metrics.interval',
      value: 0,
      rule: /must be at least 1/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
);

// ports[].servicePort (issue 20): the Service publishes each number once, and only a workload with a Service has one.
PORT_REJECTIONS.push(
  [
    'an extra port published on the Service port of the serving port',
    {
      declaration: checkoutWith({ service: { port: 443 }, ports: [{ name: 'https', port: 8443, servicePort: 443 }] }),
      path: 'ports[0].servicePort',
      value: 443,
      rule: /the Service's port numbers must be unique, and the serving port \(service.port\) is already published on 443 there/,
      fix: /give ports\[0\]\.servicePort another number/,
      helm: 'templates',
    },
  ],
  [
    'two extra ports published on one number',
    {
      declaration: checkoutWith({
        ports: [
          { name: 'https', port: 8443, servicePort: 443 },
          { name: 'admin', port: 9000, servicePort: 443 },
        ],
      }),
      path: 'ports[1].servicePort',
      value: 443,
      rule: /the Service's port numbers must be unique, and ports\[0\] is already published on 443 there/,
      fix: /give ports\[1\]\.servicePort another number/,
      helm: 'templates',
    },
  ],
  [
    "an extra port on service.port's number, published as it is",
    {
      declaration: checkoutWith({ service: { port: 9000 }, ports: [{ name: 'admin', port: 9000 }] }),
      path: 'ports[0].port',
      value: 9000,
      rule: /the Service's port numbers must be unique, and the serving port \(service.port\) is already published on 9000 there/,
      fix: /publish ports\[0\] under another number with ports\[0\]\.servicePort/,
      helm: 'templates',
    },
  ],
  [
    'a Service port for an extra port of a worker, which has no Service',
    {
      declaration: {
        ...checkoutWith({ port: undefined, health: { liveness: { exec: ['/bin/alive'] } } }),
        kind: 'worker',
        ports: [{ name: 'metrics', port: 9102, servicePort: 80 }],
      },
      path: 'ports[0].servicePort',
      value: 80,
      rule: /ports\[0\]\.servicePort publishes the port in the workload's Service, and this workload has no Service/,
      fix: /remove ports\[0\]\.servicePort/,
      helm: 'templates',
    },
  ],
  [
    "an extra port's Service port of 0",
    {
      declaration: checkoutWith({ ports: [{ name: 'https', port: 8443, servicePort: 0 }] }),
      path: 'ports[0].servicePort',
      value: 0,
      rule: /at least 1/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
);

// service.extraPorts (issue 20, argo-cd's server): more Service ports on the serving port, each name and number once in the Service.
PORT_REJECTIONS.push(
  [
    'a Service port on the serving port named like the serving port',
    {
      declaration: checkoutWith({ service: { extraPorts: [{ name: 'http', port: 443 }] } }),
      path: 'service.extraPorts[0].name',
      value: 'http',
      rule: /the Service's port names must be unique, and the serving port is already called "http" there/,
      fix: /rename service.extraPorts\[0\]/,
      helm: 'templates',
    },
  ],
  [
    'a Service port on the serving port named like an extra port',
    {
      declaration: checkoutWith({ ports: [{ name: 'admin', port: 9000 }], service: { extraPorts: [{ name: 'admin', port: 443 }] } }),
      path: 'service.extraPorts[0].name',
      value: 'admin',
      rule: /the Service's port names must be unique, and ports\[0\] is already called "admin" there/,
      fix: /rename service.extraPorts\[0\]/,
      helm: 'templates',
    },
  ],
  [
    'a Service port on the serving port published on the number of another',
    {
      declaration: checkoutWith({
        ports: [{ name: 'https', port: 8443, servicePort: 443 }],
        service: { port: 80, extraPorts: [{ name: 'alt', port: 443 }] },
      }),
      path: 'service.extraPorts[0].port',
      value: 443,
      rule: /the Service's port numbers must be unique, and ports\[0\] is already published on 443 there/,
      fix: /give service.extraPorts\[0\] another port/,
      helm: 'templates',
    },
  ],
  [
    'a Service port on the serving port whose name is no DNS label',
    {
      declaration: checkoutWith({ service: { extraPorts: [{ name: 'HTTPS', port: 443 }] } }),
      path: 'service.extraPorts[0].name',
      rule: /a Service port name: a DNS-1123 label/,
      fix: /write a name such as https/,
      helm: 'schema',
    },
  ],
);
