import { z } from 'zod';
import { portNumber } from './primitives';

/** The NetworkPolicy's declared peers and destinations. */
export const networkPolicy = z
  .strictObject({
    ingressFrom: z
      .array(
        z
          .strictObject({
            namespaceLabels: z
              .record(z.string(), z.string())
              .optional()
              .meta({
                description: 'Namespaces with these labels.',
                'x-default': "none: the workload's own namespace",
                examples: [{ 'kubernetes.io/metadata.name': 'ingress-nginx' }],
              }),
            podLabels: z
              .record(z.string(), z.string())
              .optional()
              .meta({ description: 'Pods with these labels.', 'x-default': 'none: every pod', examples: [{ role: 'frontend' }] }),
          })
          .meta({ title: 'IngressPeer', description: 'Pods allowed to connect: by namespace labels, pod labels or both.' }),
      )
      .optional()
      .meta({
        description: 'Who may connect to `port`.',
        'x-default': 'anyone',
        examples: [[{ podLabels: { role: 'frontend' } }]],
      }),
    egressTo: z
      .array(
        z
          .strictObject({
            cidr: z.string().meta({ description: 'Destination network.', examples: ['10.0.0.0/8'] }),
            ports: z
              .array(portNumber)
              .optional()
              .meta({ description: 'TCP ports.', 'x-default': 'all', examples: [[5432]] }),
          })
          .meta({ title: 'EgressDestination', description: 'A network the pods may connect to.' }),
      )
      .optional()
      .meta({
        description: 'Where the pods may connect (DNS is always allowed).',
        'x-default': 'anywhere',
        examples: [[{ cidr: '10.0.0.0/8', ports: [5432] }]],
      }),
  })
  .prefault({})
  .meta({
    description: 'The NetworkPolicy: ingress only to declared ports, egress open unless declared.',
    examples: [{ egressTo: [{ cidr: '10.0.0.0/8' }] }],
  });
