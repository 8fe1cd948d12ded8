import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, nightlyWith } from './declarations';

/**
 * Messages that lead to the fix in both faces (issue 19 §5): a misplaced field names where it
 * belongs, in the Helm face too (values.schema.json lets it through to the templates, which say it
 * with the TypeScript words, with the schema or without).
 */
export const MESSAGE_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'tolerations written at the top, where they do not belong',
    {
      declaration: checkoutWith({ tolerations: [{ key: 'dedicated', operator: 'Exists' }] }),
      path: 'tolerations',
      value: [{ key: 'dedicated', operator: 'Exists' }],
      rule: /^unknown field here$/,
      fix: /^it belongs at scheduling.tolerations: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'a run time written in the schedule',
    {
      declaration: nightlyWith({ schedule: { cron: '0 2 * * *', maxSeconds: 600 } }),
      path: 'schedule.maxSeconds',
      value: 600,
      rule: /^unknown field here$/,
      fix: /^it belongs at run.maxSeconds: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'several misplaced fields, nested and at the top, each with where it belongs',
    {
      declaration: checkoutWith({ timeZone: 'UTC', nodeSelector: { pool: 'general' }, ingress: { host: 'shop.example.com', tls: true } }),
      path: 'ingress.host',
      value: 'shop.example.com',
      rule: /^unknown field here$/,
      fix: /^it belongs at ingress.hosts: move it there$/,
      helm: 'templates',
    },
  ],
];

/** A number or a boolean where text is expected: YAML read it unquoted, and both faces say to quote it. */
export const UNQUOTED_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a Kubernetes version written 1.30, which YAML reads as the number 1.3',
    {
      declaration: checkoutWith({ kubernetesVersion: 1.3 }),
      path: 'kubernetesVersion',
      value: 1.3,
      rule: /^must be a string; unquoted, YAML reads it as the number 1.3$/,
      fix: /^write it in quotes: kubernetesVersion: "1.30"$/,
      helm: 'templates',
    },
  ],
  [
    'an environment value written as a number',
    {
      declaration: checkoutWith({ env: { PORT: 8080 } }),
      path: 'env.PORT',
      value: 8080,
      rule: /^must be a string; unquoted, YAML reads it as the number 8080$/,
      fix: /^write it in quotes: PORT: "8080"$/,
      helm: 'templates',
    },
  ],
  [
    'an argument written as a number',
    {
      declaration: checkoutWith({ args: ['--port', 8080] }),
      path: 'args[1]',
      value: 8080,
      rule: /^must be a string; unquoted, YAML reads it as the number 8080$/,
      fix: /^write it in quotes: - "8080"$/,
      helm: 'templates',
    },
  ],
  [
    'an annotation value written as yes, which YAML 1.1 reads as true',
    {
      declaration: checkoutWith({ podAnnotations: { 'example.com/audited': true } }),
      path: 'podAnnotations.example.com/audited',
      value: true,
      rule: /^must be a string; unquoted, YAML reads it as true \(yes, no, on, off, true and false are booleans\)$/,
      fix: /^write it in quotes, e.g. "yes"/,
      helm: 'templates',
    },
  ],
  [
    'an acknowledgement whose reason is a boolean',
    {
      declaration: checkoutWith({ replicas: 1, acknowledge: { singleReplica: true } }),
      path: 'acknowledge.singleReplica',
      value: true,
      rule: /YAML reads it as true/,
      fix: /^write it in quotes/,
      helm: 'templates',
    },
  ],
];

const initContainer = (index: number) => ({ name: `step-${index}`, image: 'ghcr.io/acme/checkout:1.4.2', maxSeconds: 2_592_000 });

/** Bounds on what declared times add up to, so that every derived number fits the API's int32. */
export const SUM_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'init containers whose run times add up to more than 30 days (38 of them would overflow a Job deadline)',
    {
      declaration: checkoutWith({ initContainers: [0, 1].map(initContainer) }),
      path: 'initContainers',
      value: 5_184_000,
      rule: /^the containers that run before the application add up to 5184000 seconds \(initContainers\[\*\].maxSeconds and sidecars\[\*\].startSeconds\), more than 2592000 seconds \(30 days\): every number derived from them must fit the Kubernetes API's 32-bit integers$/,
      fix: /^lower initContainers\[\*\].maxSeconds and sidecars\[\*\].startSeconds until they add up to at most 2592000$/,
      helm: 'templates',
    },
  ],
  [
    'sidecars whose start times add up to more than 30 days',
    {
      declaration: checkoutWith({
        kubernetesVersion: '1.30',
        sidecars: ['a', 'b'].map((name, index) => ({
          name: `proxy-${name}`,
          image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1',
          ports: [{ name: `health-${name}`, port: 9090 + index }],
          health: { startup: { path: '/startup' } },
          startSeconds: 1_296_001,
        })),
      }),
      path: 'sidecars',
      value: 2_592_002,
      rule: /add up to 2592002 seconds/,
      fix: /until they add up to at most 2592000/,
      helm: 'templates',
    },
  ],
];

/**
 * The fixes of the invariants a declaration breaks, word for word, in the declaration's own fields
 * with the number (issue 19 §5): the shared checks name Kubernetes fields, which a declaration has
 * not (src/declaration/fix-fields.ts).
 */
const ACK = (id: string) => `; if this is deliberate, add acknowledge.${id}: "<reason>"`;
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
export const FIX_FIELD_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a grace override shorter than preStop + drain + 5 is told overrides.terminationGracePeriodSeconds and the number',
    {
      declaration: checkoutWith({ overrides: { terminationGracePeriodSeconds: 20 } }),
      path: 'overrides.terminationGracePeriodSeconds',
      value: 20,
      rule: /^invariant 7 \(graceCoversShutdown\)/,
      fix: exactly(`raise overrides.terminationGracePeriodSeconds to at least 45${ACK('graceCoversShutdown')}`),
      helm: 'templates',
    },
  ],
  [
    'a preStop override shorter than propagation is told overrides.preStopSeconds and the number',
    {
      declaration: checkoutWith({ overrides: { preStopSeconds: 3 } }),
      path: 'overrides.preStopSeconds',
      value: 3,
      rule: /^invariant 6 \(preStopCoversPropagation\)/,
      fix: exactly(`raise overrides.preStopSeconds to at least 10${ACK('preStopCoversPropagation')}`),
      helm: 'templates',
    },
  ],
  [
    'a progress deadline override shorter than a start is told overrides.progressDeadlineSeconds and the number',
    {
      declaration: checkoutWith({ overrides: { progressDeadlineSeconds: 30 } }),
      path: 'overrides.progressDeadlineSeconds',
      value: 30,
      rule: /^invariant 10 \(progressDeadline\)/,
      fix: exactly(`raise overrides.progressDeadlineSeconds to at least 150${ACK('progressDeadline')}`),
      helm: 'templates',
    },
  ],
  [
    'a startup period no longer than its timeout is told overrides.startup.periodSeconds and the number',
    {
      declaration: checkoutWith({ overrides: { readiness: { timeoutSeconds: 3 }, startup: { periodSeconds: 3 } } }),
      path: 'overrides.startup.periodSeconds',
      value: 3,
      rule: /^invariant 5 \(readinessTimeout\)/,
      fix: exactly(`set overrides.startup.periodSeconds to at least 4${ACK('probeTimeout')}`),
      helm: 'templates',
    },
  ],
  [
    'a liveness override that fires before readiness is told overrides.liveness.failureThreshold and the number',
    {
      declaration: checkoutWith({ overrides: { liveness: { failureThreshold: 1 } } }),
      path: 'overrides.liveness.failureThreshold',
      value: 1,
      rule: /^invariant 3 \(livenessAfterReadiness\)/,
      fix: exactly(`raise overrides.liveness.failureThreshold to at least 3${ACK('livenessAfterReadiness')}`),
      helm: 'templates',
    },
  ],
  [
    'a deregistration delay past the grace period is told overrides.loadBalancer.deregistrationDelaySeconds and the numbers',
    {
      declaration: checkoutWith({
        traffic: { platform: 'aws-nlb' },
        service: { type: 'LoadBalancer' },
        overrides: { loadBalancer: { deregistrationDelaySeconds: 300 } },
      }),
      path: 'overrides.loadBalancer.deregistrationDelaySeconds',
      value: 300,
      rule: /^invariant 14 \(deregistrationDelay\)/,
      fix: exactly(`set overrides.loadBalancer.deregistrationDelaySeconds between 150 and 165 s${ACK('deregistrationDelay')}`),
      helm: 'templates',
    },
  ],
  [
    "a target group's timeout no shorter than its interval is told both overrides and their bounds",
    {
      declaration: checkoutWith({
        traffic: { platform: 'aws-alb' },
        ingress: {},
        overrides: { loadBalancer: { healthCheckIntervalSeconds: 5, healthCheckTimeoutSeconds: 9 } },
      }),
      path: 'overrides.loadBalancer.healthCheckIntervalSeconds',
      value: 5,
      rule: /^a target group's health check timeout must be shorter than its interval \(timeout 9 s, interval 5 s\)$/,
      fix: exactly(
        'lower overrides.loadBalancer.healthCheckTimeoutSeconds to at most 4, or raise overrides.loadBalancer.healthCheckIntervalSeconds to at least 10',
      ),
      helm: 'templates',
    },
  ],
];
