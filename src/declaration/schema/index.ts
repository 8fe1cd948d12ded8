import { z } from 'zod';
import { ACKNOWLEDGEMENT_KEYS } from '../ids';
import { PRESET_NAMES } from '../presets';
import { SERVING_PROTOCOLS } from '../protocols';
import { TRAFFIC_PLATFORMS } from '../../timing/platforms';
import { args, command, distroless, env, envFrom, files, image, resources } from './container';
import { networkPolicy } from './network-policy';
import { ports } from './ports';
import { metrics } from './metrics';
import { overrides } from './overrides';
import { patches } from './patches';
import { DNS_1035_LABEL, LABEL_VALUE, PATH, PATH_RULE, portNumber, seconds, wholeNumber } from './primitives';
import { imagePullSecrets, podAnnotations, serviceAccount } from './pod';
import { health } from './probes';
import { initContainers } from './init-containers';
import { mesh, sidecars } from './sidecars';
import { ingress, route, service } from './routes';
import { scheduling } from './scheduling';
import { autoscalingBehavior, autoscalingMetrics } from './autoscaling';
import { stateful } from './stateful';
import { daemon } from './daemon';
import { securityContext } from './security-context';
import { WORKLOAD_KINDS } from '../../kinds/table';
import { configFiles, scratch, tmp } from './volumes';
import { keep } from './keep';
import { run } from './run';
import { schedule } from './schedule';

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
 * in the field/value/rule/fix words of docs/derivation.md; validation errors quote them.
 *
 * Patterns are RE2-compatible (no look-around) because Helm checks them with Go's regexp.
 */

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
    image,
    distroless,
    kind: z
      .enum(WORKLOAD_KINDS)
      .default('web')
      .meta({
        description:
          'web: serves traffic through a Service. worker: no Service, no preStop hook. stateful: a StatefulSet with stable identity and its own volumes; with a port it is served like web, without like worker. daemon: a DaemonSet, one pod on every node, no Service. job: runs to completion once (a Job), timed by `run`. cronjob: runs to completion on a `schedule` (a CronJob), timed by `run`.',
        examples: ['worker'],
      }),
    port: portNumber.optional().meta({
      description: 'Serving port of the container (required for web workloads).',
      'x-default': 'none: a worker without a port admits no ingress',
      examples: [8080],
    }),
    protocol: z
      .enum(SERVING_PROTOCOLS)
      .optional()
      .meta({
        description:
          "Protocol of the serving port: http (HTTP/1.1), http2 (HTTP/2 in cleartext), grpc or tcp. It names the port (http, http2, grpc, tcp) and sets the Service port's appProtocol (kubernetes.io/h2c for http2 and grpc), which meshes such as Istio and load balancers read to pick the protocol.",
        'x-default': 'grpc when health.readiness checks gRPC on the serving port, else http',
        examples: ['tcp'],
      }),
    ports,
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
        metrics: autoscalingMetrics,
        behavior: autoscalingBehavior,
      })
      .optional()
      .meta({
        description: 'Adds an autoscaling/v2 HorizontalPodAutoscaler; the Deployment then omits spec.replicas.',
        'x-default': 'none: `replicas` pods',
        examples: [{ maxReplicas: 10 }],
      }),
    health,
    startup: z
      .strictObject({
        typicalSeconds: seconds(1, 'Time a start usually takes.')
          .optional()
          .meta({ 'x-default': 'ceil(maxSeconds / 3)', examples: [20] }),
        maxSeconds: seconds(1, 'Time the slowest acceptable start takes (cold caches, busy node).').meta({ examples: [90] }),
      })
      .optional()
      .meta({
        title: 'StartupTimes',
        description: 'How long the application takes to start (kinds web and worker; required there).',
        'x-default': 'none; required for kinds web and worker',
        examples: [{ maxSeconds: 90 }],
      }),
    run: run.optional().meta({ 'x-default': 'none; required for kinds job and cronjob', examples: [{ maxSeconds: 1800 }] }),
    schedule: schedule.optional().meta({ 'x-default': 'none; required for kind cronjob', examples: [{ cron: '0 2 * * *' }] }),
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
            'x-rule': PATH_RULE,
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
    resources,
    env,
    envFrom,
    command: command.meta({ examples: [['gunicorn', 'app.wsgi']] }),
    args,
    files,
    configFiles,
    scratch,
    tmp,
    securityContext,
    imagePullSecrets,
    podAnnotations,
    serviceAccount,
    scheduling,
    initContainers,
    sidecars,
    mesh,
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
    networkPolicy,
    metrics: metrics.optional().meta({ 'x-default': 'none: no monitor', examples: [{ port: 'metrics' }] }),
    service: service.optional().meta({ 'x-default': 'a ClusterIP Service on `port`', examples: [{ type: 'LoadBalancer' }] }),
    ingress: ingress.optional().meta({ 'x-default': 'none', examples: [{ hosts: ['shop.example.com'] }] }),
    route: route.optional().meta({ 'x-default': 'none', examples: [{ parentRefs: [{ name: 'public-gateway' }] }] }),
    stateful,
    daemon,
    keep,
    patches,
    overrides: overrides.prefault({}).meta({ examples: [{ terminationGracePeriodSeconds: 60 }] }),
    acknowledge: z
      .partialRecord(
        z.enum(ACKNOWLEDGEMENT_KEYS),
        z
          .string()
          .min(10)
          // One line: the annotation holds one `<id>: <reason>` line per acknowledgement, so a line
          // break in a reason would write a line of its own that `check` reads as another acknowledgement.
          .regex(/^[^\x00-\x1F\x7F]*$/)
          .meta({
            description: 'Why this departure is deliberate, on one line; recorded in an annotation.',
            'x-default': 'none: the rule holds without exception',
            examples: ['preview environment, downtime is acceptable'],
            'x-rule':
              'a written reason of at least 10 characters on one line: no line break or other control character, since the annotation holds one "<id>: <reason>" line per acknowledgement',
            'x-fix': 'say why in one line, e.g. singleReplica: "preview environment, downtime is acceptable"',
          }),
      )
      .default({})
      .meta({
        title: 'Acknowledgements',
        description:
          'Written reasons for deliberate departures from the invariants or hardening defaults (docs/derivation.md), keyed by invariant or waiver. Each reason is recorded in an annotation. cpuLimit and probeTimeout, the names of the check rules, replace noCpuLimit and readinessTimeout, which still work (with a note naming the new key); write one of each pair.',
        examples: [{ singleReplica: 'preview environment, downtime is acceptable' }],
      }),
  })
  .meta({ title: 'WorkloadSpec', description: 'One hardened workload: the declaration both faces read (docs/derivation.md).' });

/** The declaration as a user writes it (TypeScript props, YAML file, Helm values), and its parts. */
export type { WorkloadSpec, ProbeTarget } from '../workload-spec';
/** The declaration after validation, with every default filled in. */
export type ParsedSpec = z.output<typeof workloadSchema>;
export { probeTarget, PROBE_FORMS, type ProbeForm } from './probes';
