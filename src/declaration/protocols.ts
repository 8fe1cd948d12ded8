/**
 * The serving port's protocol, and how it is told to the meshes and load balancers that read it
 * from the port: both faces read this one table (the Helm face through templates/_generated.tpl).
 *
 * Istio selects a port's protocol from its name (`<protocol>[-<suffix>]`) or, when set, from the
 * Service port's `appProtocol`, which then wins over the name
 * (https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/); a port
 * named `http` is treated as HTTP/1.1, which breaks gRPC and misreads Redis or Kafka traffic. So
 * the port is named after its protocol. `appProtocol` is written only where the name alone is not
 * understood everywhere: HTTP/2 in cleartext, gRPC's transport, has the Kubernetes-defined name
 * `kubernetes.io/h2c` (https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol),
 * which Istio maps to HTTP/2 and Gateway API implementations use to speak HTTP/2 to the backend
 * (https://gateway-api.sigs.k8s.io/guides/backend-protocol/). Plain HTTP keeps the name `http` and
 * no appProtocol, exactly as before the field existed (upgrade safety); `tcp` is no IANA service
 * name, so it is said by the port name only.
 */
export const SERVING_PROTOCOLS = ['http', 'http2', 'grpc', 'tcp'] as const;
export type ServingProtocol = (typeof SERVING_PROTOCOLS)[number];

export const PROTOCOL_PORTS: Readonly<Record<ServingProtocol, { readonly name: string; readonly appProtocol?: string }>> = {
  http: { name: 'http' },
  http2: { name: 'http2', appProtocol: 'kubernetes.io/h2c' },
  grpc: { name: 'grpc', appProtocol: 'kubernetes.io/h2c' },
  tcp: { name: 'tcp' },
};
