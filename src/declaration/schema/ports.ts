import { z } from 'zod';
import { ingressPeers } from './network-policy';
import { portNumber } from './primitives';
import { sidecarPort } from './sidecars';

/**
 * The main container's ports besides the serving one (metrics, admin): each named, numbered and
 * admitted in the NetworkPolicy only to the peers it declares.
 */
export const ports = z
  .array(
    z
      .strictObject({
        // The same rule as a sidecar's port names: an IANA service name, unique in the pod.
        name: sidecarPort.shape.name.meta({
          description: "Port name, unique in the pod (an IANA service name), not the serving port's (named after `protocol`).",
          examples: ['metrics'],
        }),
        port: portNumber.meta({ description: 'Port number the main container listens on.', examples: [9102] }),
        servicePort: portNumber.optional().meta({
          description:
            "Number the workload's Service publishes this port under when clients connect to another than the container's (443 in front of 8443); the Service port keeps the port's name and sends to the container port by name. The NetworkPolicy admits the container's port, where the traffic arrives. Only for a workload with a Service (a serving port, kind web or stateful); unique among the Service's ports.",
          'x-default': '`port`',
          examples: [443],
        }),
        from: ingressPeers.optional().meta({
          description: 'Who may connect to this port: the NetworkPolicy admits them to it, and no one else.',
          'x-default': 'nobody (metrics.from admits the scraper to the metrics port)',
          examples: [[{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ops' } }]],
        }),
      })
      .meta({ title: 'ContainerPort', description: 'A port the main container listens on besides the serving port.' }),
  )
  .optional()
  .meta({
    description:
      "Extra ports of the main container (metrics, admin), also published by the workload's Service where it has one. The NetworkPolicy admits to each only its own `from`.",
    'x-default': 'none',
    examples: [[{ name: 'admin', port: 9000, from: [{ podLabels: { app: 'ops-console' } }] }]],
  });
