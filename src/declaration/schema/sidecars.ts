import { z } from 'zod';
import { distroless } from './container';
import { extraContainerFields } from './extra-containers';
import { portNumber, seconds } from './primitives';
import { probeTarget } from './probes';

/**
 * Sidecars (database proxies, log shippers, agents) and the mesh proxy a webhook injects. Both take
 * part in the stop: each must keep serving until the application has drained, and the grace period
 * must cover its own stop (invariant 13 in docs/derivation.md). Order is meaningful (native sidecars
 * start in it and stop in reverse), so sidecars are a list.
 */

/** Default of `stopSeconds`: a proxy or agent with no connections left exits within a second or two. */
export const DEFAULT_SIDECAR_STOP_SECONDS = 5;
/** Default of `startSeconds`: the time `cloud-sql-proxy wait` and similar readiness waits allow by default. */
export const DEFAULT_SIDECAR_START_SECONDS = 30;

export const sidecarPort = z
  .strictObject({
    name: z
      .string()
      .max(15)
      .regex(/^[a-z](-?[a-z0-9])*$/)
      .meta({
        description: 'Port name, unique in the pod (an IANA service name; `http` is the serving port).',
        examples: ['metrics'],
        'x-rule': 'an IANA service name: at most 15 lowercase letters, digits and single "-", starting with a letter',
        'x-fix': 'use a name like metrics or admin',
      }),
    port: portNumber.meta({ description: 'Port number the sidecar listens on.', examples: [9090] }),
  })
  .meta({ title: 'SidecarPort', description: 'A port the sidecar listens on.' });

export const sidecars = z
  .array(
    z
      .strictObject({
        ...extraContainerFields,
        distroless,
        ports: z
          .array(sidecarPort)
          .optional()
          .meta({
            description: 'Ports the sidecar listens on, inside the pod (the NetworkPolicy admits ingress to the serving port only).',
            'x-default': 'none',
            examples: [[{ name: 'metrics', port: 9090 }]],
          }),
        health: z
          .strictObject({
            startup: probeTarget.optional().meta({
              description:
                'Startup check: from Kubernetes 1.29 the application starts only once it passes. A probe without a port checks the first of `ports`.',
              'x-default': 'the readiness target',
              examples: [{ path: '/startup' }],
            }),
            readiness: probeTarget.optional().meta({
              description: 'Readiness check: while it fails, the pod takes no traffic.',
              'x-default': 'the startup target',
              examples: [{ path: '/readiness' }],
            }),
            liveness: probeTarget.optional().meta({
              description:
                'Liveness check: when it fails long after readiness has (a stuck proxy), the kubelet restarts the sidecar. Never the same check as readiness.',
              'x-default': 'a TCP check of the port readiness checks over HTTP or gRPC; none when readiness is a TCP check or a command',
              examples: [{ tcp: true, port: 9090 }],
            }),
          })
          .optional()
          .meta({
            title: 'SidecarHealth',
            description:
              "What the sidecar probes check; their timings are derived from `startSeconds` and the application's readiness and liveness rules.",
            'x-default': 'none: no probes',
            examples: [{ startup: { path: '/startup', port: 9090 } }],
          }),
        startSeconds: seconds(1, 'Time the slowest acceptable start of the sidecar takes, until its startup check passes.')
          .optional()
          .meta({ 'x-default': `${DEFAULT_SIDECAR_START_SECONDS}; only with a health check`, examples: [20] }),
        stopSeconds: seconds(0, 'Time the sidecar needs after SIGTERM to stop (flush buffers, close connections).')
          .default(DEFAULT_SIDECAR_STOP_SECONDS)
          .meta({ examples: [10] }),
      })
      .meta({ title: 'Sidecar', description: 'A container that runs beside the application, from before it starts until after it stops.' }),
  )
  .optional()
  .meta({
    description:
      'Sidecars, in start order. From Kubernetes 1.29 native sidecars (init containers with restartPolicy Always, stopped after the application); on 1.28 ordinary containers kept alive by a preStop delay. Hardened like the main container.',
    'x-default': 'none',
    examples: [[{ name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1', stopSeconds: 10 }]],
  });

export const MESHES = ['istio', 'linkerd'] as const;
export type Mesh = (typeof MESHES)[number];

export const mesh = z
  .enum(MESHES)
  .optional()
  .meta({
    description:
      "The service mesh whose webhook injects a proxy into the pods: its documented drain annotations are set from the derived timings, so that the proxy outlives the application's drain.",
    'x-default': 'none',
    examples: ['istio'],
  });
