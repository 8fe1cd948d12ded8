import { z } from 'zod';
import { otherFormsAbsent, PATH, PATH_RULE, portNumber } from './primitives';

/** The forms of a probe target: a probe checks exactly one of them. */
export const PROBE_FORMS = ['path', 'tcp', 'grpc', 'exec'] as const;
export type ProbeForm = (typeof PROBE_FORMS)[number];

const probePort = portNumber.optional().meta({
  description: 'Port the probe checks.',
  'x-default': 'the workload `port`',
  examples: [8081],
});

const httpGetProbe = z
  .strictObject({
    path: z
      .string()
      .regex(new RegExp(PATH))
      .meta({
        description: 'HTTP path checked with an httpGet probe; any status from 200 to 399 means healthy.',
        examples: ['/readyz'],
        'x-rule': PATH_RULE,
        'x-fix': 'write it like /readyz',
      }),
    port: probePort,
    scheme: z
      .enum(['HTTP', 'HTTPS'])
      .optional()
      .meta({ description: 'Scheme of the httpGet request.', 'x-default': 'HTTP', examples: ['HTTPS'] }),
    ...otherFormsAbsent(PROBE_FORMS, 'path'),
  })
  .meta({ title: 'HttpGetProbe', description: 'An httpGet probe: `path`, and optionally `port` and `scheme`.' });

const tcpSocketProbe = z
  .strictObject({
    tcp: z.literal(true).meta({
      description: 'true: a tcpSocket probe (the port accepts connections).',
      examples: [true],
      'x-rule': 'tcp can only be true: it selects a tcpSocket probe',
      'x-fix': 'write tcp: true, or remove tcp and use path, grpc or exec',
    }),
    port: probePort,
    ...otherFormsAbsent(PROBE_FORMS, 'tcp'),
  })
  .meta({ title: 'TcpSocketProbe', description: 'A tcpSocket probe: `tcp: true`, and optionally `port`.' });

const grpcProbe = z
  .strictObject({
    grpc: z
      .strictObject({
        service: z
          .string()
          .optional()
          .meta({
            description: 'Service name sent in the gRPC health check request.',
            'x-default': 'none: the server as a whole',
            examples: ['checkout.v1.Checkout'],
          }),
      })
      .meta({ title: 'GrpcHealthCheck', description: 'A gRPC health-checking-protocol request.', examples: [{}] }),
    port: probePort,
    ...otherFormsAbsent(PROBE_FORMS, 'grpc'),
  })
  .meta({ title: 'GrpcProbe', description: 'A gRPC probe (the gRPC health checking protocol): `grpc`, and optionally `port`.' });

const execProbe = z
  .strictObject({
    exec: z
      .array(z.string())
      .min(1)
      .meta({ description: 'A command run in the container; exit code 0 means healthy.', examples: [['/app/healthcheck']] }),
    ...otherFormsAbsent(PROBE_FORMS, 'exec'),
  })
  .meta({ title: 'ExecProbe', description: 'An exec probe: a command, and no port.' });

export const PROBE_TARGET_RULE = {
  'x-rule': 'a probe checks exactly one thing: one of path, tcp, grpc or exec',
  'x-fix': 'keep exactly one, e.g. { path: /readyz } or { tcp: true }',
};

/**
 * What a probe checks: exactly one form. Never shared dependencies (databases, other services):
 * one failing dependency would take every pod down at once.
 */
export const probeTarget = z
  .union([httpGetProbe, tcpSocketProbe, grpcProbe, execProbe])
  .meta({ title: 'ProbeTarget', ...PROBE_TARGET_RULE });

/** What the probes check; their timings are derived. */
export const health = z
  .strictObject({
    readiness: probeTarget.optional().meta({
      description: 'Readiness check (required for web workloads): can this pod take traffic now?',
      'x-default': 'none; required for web workloads',
      examples: [{ path: '/readyz' }],
    }),
    liveness: z
      .union([z.literal(false), probeTarget])
      .optional()
      .meta({
        description: 'Liveness check: is the process wedged beyond recovery? `false` turns it off and needs acknowledge.noLiveness.',
        'x-default': 'tcpSocket on `port`',
        examples: [{ path: '/livez' }],
        'x-rule': `${PROBE_TARGET_RULE['x-rule']}; or false, which turns liveness off`,
        'x-fix': PROBE_TARGET_RULE['x-fix'],
      }),
    startup: probeTarget.optional().meta({
      description: 'Startup check, which gates liveness until the app has started.',
      'x-default': 'the liveness target (the readiness target without liveness)',
      examples: [{ path: '/livez' }],
    }),
  })
  .prefault({})
  .meta({
    description: 'What the probes check. Their timings are derived from `startup`, `drainSeconds`, `traffic` and `probeLatencyMs`.',
    examples: [{ readiness: { path: '/readyz' } }],
  });
