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
