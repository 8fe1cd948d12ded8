import { z } from 'zod';
import { ACKNOWLEDGEMENT_IDS } from './ids';
import { isLatestTag, PINNED_IMAGE_PATTERN, pinImageFix } from './image';
import { TRAFFIC_PLATFORMS } from '../timing/platforms';
import { PRESET_NAMES } from './presets';

/**
 * The workload declaration: the single source of truth for the TypeScript types (`WorkloadSpec`
 * and its parts, generated into workload-spec.ts), runtime validation (`resolveWorkload`), the Helm
 * chart's `values.schema.json` and the comments of its `values.yaml` (all written by
 * `npm run generate`).
 *
 * Every field documents itself in `.meta()`, because that text reaches users through the generated
 * files (the JSDoc their editor shows, the comments of values.yaml):
 * - `description`: one summary, without the default;
 * - `x-unit`: the unit of every number (seconds, pods, ...);
 * - the default: zod's `.default()` for a literal, else `x-default` in prose;
 * - `examples`: a typical value.
 * A test holds every field to this. `title` names a part that TypeScript users see as its own
 * interface; other objects are named after their path. `x-rule` / `x-fix` explain a format check
 * in the field/value/rule/fix words of docs/rules.md; validation errors quote them.
 *
 * Patterns are RE2-compatible (no look-around) because Helm checks them with Go's regexp.
 */

const DNS_1035_LABEL = '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';
const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$';
const CPU_QUANTITY = '^([1-9][0-9]*m|[0-9]+(\\.[0-9]{1,3})?)$';
const MEMORY_QUANTITY = '^[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)?$';
const PERCENT_OR_COUNT = '^[0-9]+%$';
const PATH = '^/[^\\s]*$';

/** A whole number of seconds, pods or another unit: never negative, never fractional. */
function wholeNumber(minimum: number, unit: string, description: string) {
  return z.int().min(minimum).meta({ description, 'x-unit': unit });
}
const seconds = (minimum: number, description: string) => wholeNumber(minimum, 'seconds', description);

const portNumber = z.int().min(1).max(65535).meta({ 'x-unit': 'TCP port number' });

/** The forms of a probe target: a probe checks exactly one of them. */
export const PROBE_FORMS = ['path', 'tcp', 'grpc', 'exec'] as const;
export type ProbeForm = (typeof PROBE_FORMS)[number];

/**
 * The other forms' keys, declared absent: TypeScript's excess-property check lets one member of a
 * union carry another member's keys, so `{ path, tcp }` only fails to compile when each form says
 * it has no `tcp`. zod and JSON Schema reject them all the same.
 */
function notTheOtherForms<Form extends ProbeForm>(form: Form) {
  return Object.fromEntries(PROBE_FORMS.filter((other) => other !== form).map((other) => [other, z.never().optional()])) as Record<
    Exclude<ProbeForm, Form>,
    z.ZodOptional<z.ZodNever>
  >;
}

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
        'x-rule': 'an HTTP path starts with / and has no spaces',
        'x-fix': 'write it like /readyz',
      }),
    port: probePort,
    scheme: z
      .enum(['HTTP', 'HTTPS'])
      .optional()
      .meta({ description: 'Scheme of the httpGet request.', 'x-default': 'HTTP', examples: ['HTTPS'] }),
    ...notTheOtherForms('path'),
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
    ...notTheOtherForms('tcp'),
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
    ...notTheOtherForms('grpc'),
  })
  .meta({ title: 'GrpcProbe', description: 'A gRPC probe (the gRPC health checking protocol): `grpc`, and optionally `port`.' });

const execProbe = z
  .strictObject({
    exec: z
      .array(z.string())
      .min(1)
      .meta({ description: 'A command run in the container; exit code 0 means healthy.', examples: [['/app/healthcheck']] }),
    ...notTheOtherForms('exec'),
  })
  .meta({ title: 'ExecProbe', description: 'An exec probe: a command, and no port.' });

const PROBE_TARGET_RULE = {
  'x-rule': 'a probe checks exactly one thing: one of path, tcp, grpc or exec',
  'x-fix': 'keep exactly one, e.g. { path: /readyz } or { tcp: true }',
};

/**
 * What a probe checks: exactly one form. Never shared dependencies (databases, other services):
 * one failing dependency would take every pod down at once.
 */
const probeTarget = z.union([httpGetProbe, tcpSocketProbe, grpcProbe, execProbe]).meta({ title: 'ProbeTarget', ...PROBE_TARGET_RULE });

/** An override replaces a derived number; left out, the number is derived (see docs/rules.md). */
const DERIVED = 'derived (docs/rules.md)';

const probeOverride = z
  .strictObject({
    periodSeconds: seconds(1, 'Time between probe attempts.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [10] }),
    timeoutSeconds: seconds(1, 'Time before one attempt counts as failed.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [3] }),
    failureThreshold: wholeNumber(1, 'probe attempts', 'Consecutive failures before the probe acts.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [3] }),
  })
  .meta({ title: 'ProbeTimingOverrides' });

const restartingProbeOverride = probeOverride
  .extend({
    terminationGracePeriodSeconds: seconds(1, 'Grace when this probe kills the container (probe-level terminationGracePeriodSeconds).')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [10] }),
  })
  .meta({ title: 'RestartingProbeTimingOverrides' });

const overrides = z
  .strictObject({
    readiness: probeOverride.optional().meta({
      description: 'Readiness-probe timings that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ timeoutSeconds: 3 }],
    }),
    liveness: restartingProbeOverride.optional().meta({
      description: 'Liveness-probe timings that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ failureThreshold: 6 }],
    }),
    startup: restartingProbeOverride.optional().meta({
      description: 'Startup-probe timings that replace the derived ones.',
      'x-default': DERIVED,
      examples: [{ periodSeconds: 5 }],
    }),
    preStopSeconds: seconds(0, 'Time the preStop hook waits before SIGTERM.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [15] }),
    terminationGracePeriodSeconds: seconds(1, 'Time from deletion to SIGKILL (pod-level grace).')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [60] }),
    minReadySeconds: seconds(0, 'Time a new pod must stay ready before it counts as available.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [10] }),
    progressDeadlineSeconds: seconds(1, 'Time a rollout may make no progress before it is marked failed.')
      .optional()
      .meta({ 'x-default': DERIVED, examples: [900] }),
    maxSurge: z
      .union([z.int().min(0), z.string().regex(new RegExp(PERCENT_OR_COUNT))])
      .optional()
      .meta({
        description: 'Extra pods a rollout may create.',
        'x-unit': 'pods, or a percentage of the replicas such as "25%"',
        'x-default': DERIVED,
        examples: [1],
        'x-rule': 'a pod count (integer) or a percentage such as "25%"',
        'x-fix': 'write 1 or "25%"',
      }),
    maxUnavailable: z
      .union([z.int().min(0), z.string().regex(new RegExp(PERCENT_OR_COUNT))])
      .optional()
      .meta({
        description: 'Pods a rollout may take down at once.',
        'x-unit': 'pods, or a percentage of the replicas such as "25%"',
        'x-default': DERIVED,
        examples: ['10%'],
        'x-rule': 'a pod count (integer) or a percentage such as "25%"',
        'x-fix': 'write 0 or "25%"',
      }),
  })
  .meta({
    title: 'TimingOverrides',
    description:
      'Explicit values that replace derived ones. An override that breaks an invariant is rejected unless `acknowledge` gives a reason.',
  });

export const workloadSchema = z
  .strictObject({
    name: z
      .string()
      .regex(new RegExp(DNS_1035_LABEL))
      .meta({
        description: 'Workload name: a DNS-1035 label. Also app.kubernetes.io/name.',
        examples: ['checkout'],
        'x-rule': 'a DNS-1035 label: lowercase letters, digits and "-", starting with a letter, at most 63 characters',
        'x-fix': 'use a name like checkout or checkout-api',
      }),
    instance: z
      .string()
      .regex(new RegExp(DNS_1035_LABEL))
      .optional()
      .meta({
        description:
          "Instance name: every object's metadata.name and app.kubernetes.io/instance. Set it to run the same application twice in one namespace.",
        'x-default': '`name`',
        examples: ['checkout-canary'],
        'x-rule': 'a DNS-1035 label: lowercase letters, digits and "-", starting with a letter, at most 63 characters',
        'x-fix': 'use a name like checkout-canary',
      }),
    image: z
      .string()
      .regex(new RegExp(PINNED_IMAGE_PATTERN))
      .superRefine((image, context) => {
        if (!isLatestTag(image)) return;
        context.addIssue({
          code: 'custom',
          message: 'the image must not use the tag "latest": every restart could run different code',
          params: { fix: pinImageFix(image) },
        });
      })
      .meta({
        description: 'Container image pinned by a tag or a digest; never `latest` and never untagged.',
        examples: ['ghcr.io/acme/checkout:1.4.2'],
        'x-rule': 'the image must be pinned by a tag or a digest (registry/repository:tag or @sha256:...)',
        'x-fix': 'add a version tag such as :1.4.2, or a digest @sha256:...',
        // Messages offer the user's own repository with a tag (pinImageFix) instead of a fixed example.
        'x-format': 'image',
      }),
    distroless: z
      .boolean()
      .optional()
      .meta({
        description: 'true when the image has no shell and no `sleep` binary (distroless, scratch).',
        'x-default':
          'true for well-known distroless registries (gcr.io/distroless, cgr.dev/chainguard) except their debug tags, else false',
        examples: [true],
      }),
    kind: z
      .enum(['web', 'worker'])
      .default('web')
      .meta({ description: 'web: serves traffic through a Service. worker: no Service, no preStop hook.', examples: ['worker'] }),
    port: portNumber.optional().meta({
      description: 'Serving port of the container (required for web workloads).',
      'x-default': 'none: a worker without a port admits no ingress',
      examples: [8080],
    }),
    replicas: wholeNumber(
      1,
      'pods',
      'Number of pods. 1 needs acknowledge.singleReplica (and then there is no PodDisruptionBudget). Leave it out with autoscaling, which decides the number.',
    )
      .optional()
      .meta({ 'x-default': '2, or what autoscaling decides', examples: [3] }),
    autoscaling: z
      .strictObject({
        minReplicas: wholeNumber(1, 'pods', 'Fewest pods the HorizontalPodAutoscaler keeps.')
          .default(2)
          .meta({ examples: [3] }),
        maxReplicas: wholeNumber(1, 'pods', 'Most pods the HorizontalPodAutoscaler creates.').meta({ examples: [10] }),
        targetCPUUtilizationPercentage: wholeNumber(1, 'percent of the CPU request', 'Average CPU use that the autoscaler aims for.')
          .default(70)
          .meta({ examples: [60] }),
      })
      .optional()
      .meta({
        description: 'Adds an autoscaling/v2 HorizontalPodAutoscaler; the Deployment then omits spec.replicas.',
        'x-default': 'none: `replicas` pods',
        examples: [{ maxReplicas: 10 }],
      }),
    health: z
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
      }),
    startup: z
      .strictObject({
        typicalSeconds: seconds(1, 'Time a start usually takes.')
          .optional()
          .meta({ 'x-default': 'ceil(maxSeconds / 3)', examples: [20] }),
        maxSeconds: seconds(1, 'Time the slowest acceptable start takes (cold caches, busy node).').meta({ examples: [90] }),
      })
      .meta({ title: 'StartupTimes', description: 'How long the application takes to start.', examples: [{ maxSeconds: 90 }] }),
    drainSeconds: seconds(0, 'Time the application needs after SIGTERM: the longest in-flight request plus cleanup.').meta({
      examples: [30],
    }),
    traffic: z
      .strictObject({
        platform: z
          .enum(TRAFFIC_PLATFORMS)
          .default('kube-proxy')
          .meta({
            description: 'What routes traffic to the pods; sets the propagation default: kube-proxy 10 s, aws-alb 30 s, aws-nlb 120 s.',
            examples: ['aws-alb'],
          }),
        propagationSeconds: seconds(0, 'Time until every load balancer has stopped sending new requests to a terminating pod.')
          .optional()
          .meta({ 'x-default': 'from `platform`', examples: [15] }),
      })
      .prefault({})
      .meta({ description: 'How traffic reaches the pods (web workloads only).', examples: [{ platform: 'aws-alb' }] }),
    preset: z
      .enum(PRESET_NAMES)
      .optional()
      .meta({
        description:
          "Framework preset: fills in health paths and probe latency the declaration leaves out, and sets the framework's graceful-shutdown deadline from drainSeconds where the framework documents a setting for it.",
        'x-default': 'none',
        examples: ['spring-boot'],
      }),
    probeLatencyMs: wholeNumber(1, 'milliseconds', 'p99 latency of the health endpoints at peak load.')
      .optional()
      .meta({ 'x-default': "500, or the preset's", examples: [300] }),
    kubernetesVersion: z
      .string()
      .regex(/^1\.(2[89]|[3-9][0-9])$/)
      .default('1.28')
      .meta({
        description: 'Oldest Kubernetes minor version the workload runs on; decides the preStop mechanism (sleep action from 1.30).',
        examples: ['1.30'],
        'x-rule': 'a Kubernetes minor version from 1.28 on, written "1.N"',
        'x-fix': 'write it as a quoted string such as "1.28" or "1.30"',
      }),
    preStop: z
      .strictObject({
        type: z
          .enum(['auto', 'sleep', 'exec', 'http', 'app'])
          .default('auto')
          .meta({
            description:
              'How the pod waits for traffic to stop before SIGTERM. auto: the sleep action on Kubernetes >= 1.30, else exec `sleep` (refused for distroless images). ' +
              'sleep: the sleep action. exec: `sleep` in the container. http: an httpGet hook that returns after the delay. app: no hook; the app waits itself after SIGTERM.',
            examples: ['http'],
          }),
        path: z
          .string()
          .regex(new RegExp(PATH))
          .optional()
          .meta({
            description: 'Path of the httpGet hook (type http).',
            'x-default': 'none; required for type http',
            examples: ['/prestop'],
            'x-rule': 'an HTTP path starts with / and has no spaces',
            'x-fix': 'write it like /prestop',
          }),
        port: portNumber.optional().meta({
          description: 'Port of the httpGet hook (type http).',
          'x-default': '`port`',
          examples: [8081],
        }),
      })
      .prefault({})
      .meta({
        description: 'The delay between deletion and SIGTERM that lets endpoints and load balancers catch up.',
        examples: [{ type: 'app' }],
      }),
    resources: z
      .strictObject({
        cpu: z
          .string()
          .regex(new RegExp(CPU_QUANTITY))
          .default('250m')
          .meta({
            description: 'CPU request.',
            'x-unit': 'CPU cores, or millicores with the suffix m',
            examples: ['500m'],
            'x-rule': 'a CPU quantity in millicores (250m) or cores with at most 3 decimals (1.5)',
            'x-fix': 'write it like 250m or 2',
          }),
        memory: z
          .string()
          .regex(new RegExp(MEMORY_QUANTITY))
          .default('256Mi')
          .meta({
            description: 'Memory request, also the memory limit.',
            'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
            examples: ['1Gi'],
            'x-rule': 'a whole memory quantity such as 256Mi or 1Gi',
            'x-fix': 'write it like 256Mi or 1Gi',
          }),
        cpuLimit: z
          .union([z.literal(false), z.string().regex(new RegExp(CPU_QUANTITY))])
          .optional()
          .meta({
            description:
              'CPU limit, generous by default because CPU throttling makes probes time out. false removes it and needs acknowledge.noCpuLimit.',
            'x-unit': 'CPU cores, or millicores with the suffix m',
            'x-default': '4 x the CPU request',
            examples: ['2'],
            'x-rule': 'a CPU quantity such as 1 or 500m, or false',
            'x-fix': 'write it like 1 or 500m, or false with acknowledge.noCpuLimit',
          }),
      })
      .prefault({})
      .meta({ description: 'Container resources: requests always, memory limit = memory request.', examples: [{ cpu: '500m' }] }),
    env: z
      .record(
        z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
          .meta({
            'x-rule': 'an environment variable name: letters, digits and _, not starting with a digit',
            'x-fix': 'rename it, e.g. with _ instead of - or .',
          }),
        z.string(),
      )
      .default({})
      .meta({ description: 'Environment variables of the container, by name; values are strings.', examples: [{ LOG_LEVEL: 'info' }] }),
    args: z
      .array(z.string())
      .optional()
      .meta({ description: 'Container args.', 'x-default': "the image's CMD", examples: [['--port', '8080']] }),
    labels: z
      .record(
        z.string(),
        z.string().regex(new RegExp(LABEL_VALUE)).meta({
          'x-rule': 'a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
          'x-fix': 'shorten it or replace other characters, e.g. payments-team',
        }),
      )
      .default({})
      .meta({ description: 'Extra labels for every object and pod (never part of a selector).', examples: [{ team: 'payments' }] }),
    networkPolicy: z
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
      }),
    overrides: overrides.prefault({}).meta({ examples: [{ terminationGracePeriodSeconds: 60 }] }),
    acknowledge: z
      .partialRecord(
        z.enum(ACKNOWLEDGEMENT_IDS),
        z
          .string()
          .min(10)
          .meta({
            description: 'Why this departure is deliberate; recorded in an annotation.',
            'x-default': 'none: the rule holds without exception',
            examples: ['preview environment, downtime is acceptable'],
            'x-rule': 'a written reason of at least 10 characters',
            'x-fix': 'say why, e.g. singleReplica: "preview environment, downtime is acceptable"',
          }),
      )
      .default({})
      .meta({
        title: 'Acknowledgements',
        description:
          'Written reasons for deliberate departures from the invariants or hardening defaults (docs/rules.md), keyed by invariant or waiver. Each reason is recorded in an annotation.',
        examples: [{ singleReplica: 'preview environment, downtime is acceptable' }],
      }),
  })
  .meta({ title: 'WorkloadSpec', description: 'One hardened workload: the declaration both faces read (docs/rules.md).' });

/** The declaration as a user writes it (TypeScript props, YAML file, Helm values), and its parts. */
export type { WorkloadSpec, ProbeTarget } from './workload-spec';
/** The declaration after validation, with every default filled in. */
export type ParsedSpec = z.output<typeof workloadSchema>;
export { probeTarget };
