import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, migrationWith, nightlyWith } from './declarations';

/** A valid stateful declaration (a cache with one volume). */
export const SESSIONS = {
  name: 'sessions',
  kind: 'stateful',
  image: 'docker.io/valkey/valkey:8.0.1',
  port: 6379,
  replicas: 3,
  health: { readiness: { exec: ['valkey-cli', 'ping'] } },
  startup: { maxSeconds: 90 },
  drainSeconds: 20,
  stateful: { volumeClaims: { data: { size: '10Gi', mountPath: '/data' } } },
};
const LONG = 'a-name-of-fifty-three-characters-for-a-stateful-store';

/**
 * Inputs on which the two faces once disagreed or the API server refused the result (issue 19):
 * one list that both faces' rejection tests read, as CONFIGURATION_REJECTIONS is. Every row is
 * also rendered with the schema skipped (test/helm-without-schema.test.ts), where the templates
 * must give the TypeScript message word for word.
 */
export const EDGE_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a startup time whose progress deadline would overflow the API’s int32',
    {
      declaration: checkoutWith({ startup: { maxSeconds: 1_000_000_000 } }),
      path: 'startup.maxSeconds',
      value: 1_000_000_000,
      rule: /must be at most 2592000 seconds \(30 days\): every number derived from it must fit the Kubernetes API's 32-bit integers/,
      fix: /use a value ≤ 2592000/,
      helm: 'schema',
    },
  ],
  [
    'a time above 2^53, where Helm’s arithmetic wraps',
    {
      declaration: checkoutWith({ startup: { maxSeconds: 4611686018427387904 } }),
      path: 'startup.maxSeconds',
      rule: /must be at most 2592000 seconds/,
      fix: /use a value ≤ 2592000/,
      helm: 'schema',
    },
  ],
  [
    'a run whose active deadline would overflow the API’s int32',
    {
      declaration: migrationWith({ run: { maxSeconds: 200_000_000 } }),
      path: 'run.maxSeconds',
      value: 200_000_000,
      rule: /must be at most 2592000 seconds/,
      fix: /use a value ≤ 2592000/,
      helm: 'schema',
    },
  ],
  [
    'replicas beyond the API’s int32',
    {
      declaration: checkoutWith({ replicas: 3_000_000_000 }),
      path: 'replicas',
      value: 3_000_000_000,
      rule: /must be at most 2147483647, the largest number the Kubernetes API takes here/,
      fix: /use a value ≤ 2147483647/,
      helm: 'schema',
    },
  ],
  [
    'a peer that names nothing, which the API refuses with the whole policy',
    {
      declaration: checkoutWith({ networkPolicy: { ingressFrom: [{}] } }),
      path: 'networkPolicy.ingressFrom[0]',
      value: {},
      rule: /Kubernetes refuses a peer with none of them, and the workload would run without its NetworkPolicy/,
      fix: /podLabels: \{\} for every pod of the namespace/,
      helm: 'templates',
    },
  ],
  [
    'a DNS server that names nothing',
    {
      declaration: checkoutWith({ networkPolicy: { egressTo: [{ cidr: '10.0.0.0/8' }], dns: [{ podLabels: { 'k8s-app': 'dns' } }, {}] } }),
      path: 'networkPolicy.dns[1]',
      rule: /Kubernetes refuses a peer with none of them/,
      fix: /or the labels or cidr of the clients/,
      helm: 'templates',
    },
  ],
  [
    'an egress destination that is no CIDR',
    {
      declaration: checkoutWith({ networkPolicy: { egressTo: [{ cidr: '10.0.0.0' }] } }),
      path: 'networkPolicy.egressTo[0].cidr',
      value: '10.0.0.0',
      rule: /an IPv4 or IPv6 CIDR such as 10.0.0.0\/8: the API refuses anything else/,
      fix: /write the network address and prefix length/,
      helm: 'schema',
    },
  ],
  [
    'a pod label key that is not a Kubernetes label key',
    {
      declaration: checkoutWith({ networkPolicy: { ingressFrom: [{ podLabels: { 'role?': 'frontend' } }] } }),
      path: 'networkPolicy.ingressFrom[0].podLabels.role?',
      rule: /a label key/,
      fix: /write it like topology.kubernetes.io\/zone/,
      helm: 'schema',
    },
  ],
  [
    'a namespace label value that is not a Kubernetes label value',
    {
      declaration: checkoutWith({ networkPolicy: { ingressFrom: [{ namespaceLabels: { team: 'pay ments' } }] } }),
      path: 'networkPolicy.ingressFrom[0].namespaceLabels.team',
      value: 'pay ments',
      rule: /a label value: at most 63 letters/,
      fix: /write it like general-purpose/,
      helm: 'schema',
    },
  ],
  [
    'a stateful name whose pods and headless Service would need names over 63 characters',
    {
      declaration: { ...SESSIONS, name: LONG },
      path: 'name',
      value: LONG,
      rule: /a StatefulSet's name has at most 52 characters \(this one has 53\): its pods carry the label controller-revision-hash/,
      fix: /shorten it to 52 characters or fewer, e.g. "a-name-of-fifty-three-characters-for-a-stateful-stor"/,
      helm: 'templates',
    },
  ],
  [
    'a cronjob instance whose Jobs would need names over 63 characters',
    {
      declaration: nightlyWith({ instance: `${LONG.slice(0, 49)}-x-y` }),
      path: 'instance',
      rule: /a CronJob's name has at most 52 characters \(this one has 53\): each Job it creates is named <name>-<11 digits>/,
      fix: /e.g. "a-name-of-fifty-three-characters-for-a-stateful-s-x"/,
      helm: 'templates',
    },
  ],
  [
    'a node selector written at the top, where it does not belong',
    {
      declaration: checkoutWith({ nodeSelector: { pool: 'general' } }),
      path: 'nodeSelector',
      rule: /^unknown field here$/,
      fix: /^it belongs at scheduling.nodeSelector: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'a time zone written beside the schedule instead of in it',
    {
      declaration: nightlyWith({ timeZone: 'Europe/Berlin' }),
      path: 'timeZone',
      rule: /^unknown field here$/,
      fix: /^it belongs at schedule.timeZone: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'tls on an Ingress, which takes the name of its Secret',
    {
      declaration: checkoutWith({ ingress: { tls: true } }),
      path: 'ingress.tls',
      rule: /^unknown field here$/,
      fix: /^it belongs at ingress.tlsSecretName: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'a drain too long for the grace limit, with the longest drain that fits',
    {
      declaration: checkoutWith({ drainSeconds: 700 }),
      path: 'drainSeconds',
      value: 700,
      rule: /grace 781 s vs 600 s/,
      fix: /^shorten drainSeconds to at most 535 s, the longest drain whose grace period fits 600 s, or acknowledge graceLimit/,
      helm: 'templates',
    },
  ],
];
