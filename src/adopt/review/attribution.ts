import { ANNOTATION_PREFIX } from '../../annotations';
import { type RuleId, RULES } from '../../rules/catalogue';
import type { Explanation } from '../../timing/types';
import { type Difference, sameValue } from './compare';

/**
 * Which rule changed a field, and why, with the numbers: one table, read from top to bottom (the
 * first pattern that matches the field's path wins). The rule ids are `check`'s (src/rules/catalogue.ts:
 * the invariants, the restricted Pod Security Standard, the hardening defaults) or, for a derived
 * number no check is about, the key `explain` prints it under (`rollout.minReadySeconds`). The
 * numbers come from the derivation's own explanations (what `explain` prints), so that the review
 * says what `explain` says.
 */

export interface AttributionContext {
  /** The derivation of the synthesized workload, by key (`terminationGracePeriodSeconds`, `readiness.timeoutSeconds`). */
  readonly explanations: ReadonlyMap<string, Explanation>;
  /** The departures the synthesized workload acknowledges (its `acknowledged` annotation): rule id → reason. */
  readonly acknowledged: ReadonlyMap<string, string>;
}

export interface Attribution {
  readonly rule?: string;
  readonly reason: string;
}

type Builder = (change: Difference, context: AttributionContext, match: RegExpMatchArray) => Attribution;

interface Row {
  /** Matched against the change's dotted path (keyed list items as `containers[web]`). */
  readonly path: RegExp;
  readonly attribute: Builder;
}

const PROBE = '(readiness|liveness|startup)Probe';

/** `formula, with a=1 b=2`: the derivation's rule and the numbers it read, as `explain` prints them. */
function derivation(explanation: Explanation): string {
  if (explanation.source === 'override') return `${explanation.formula} = ${explanation.value}, declared`;
  if (explanation.source === 'input') return `${explanation.key} ${explanation.value}, declared`;
  const inputs = Object.entries(explanation.inputs).map(([name, value]) => `${name}=${value}`);
  // A constant rule (`0`, `25%`) says nothing by itself: its reason does.
  return inputs.length === 0 ? `${explanation.formula}: ${explanation.reason}` : `${explanation.formula} with ${inputs.join(' ')}`;
}

/**
 * A derived number: the rule `rule` (a check id, or the explain key when none), the reason written
 * from the derivation's entry `key`; `special` words the common ones the way people say them.
 */
function derived(
  key: (match: RegExpMatchArray) => string,
  rule: RuleId | 'explain',
  special?: (explanation: Explanation) => string | undefined,
): Builder {
  return (_change, context, match) => {
    const entry = key(match);
    const explanation = context.explanations.get(entry);
    const id = rule === 'explain' ? entry : rule;
    if (explanation === undefined) return { rule: id, reason: rule === 'explain' ? `derived (${entry})` : RULES[rule].title };
    return { rule: id, reason: special?.(explanation) ?? derivation(explanation) };
  };
}

/** A rule of check that holds a fixed setting: its title says why. */
function checked(rule: RuleId): Builder {
  const meta = RULES[rule];
  const reason = meta.family === 'pod-security' ? `restricted Pod Security Standard: ${meta.title}` : meta.title;
  return () => ({ rule, reason });
}

function plain(reason: string): Builder {
  return () => ({ reason });
}

const PROBE_WINDOW_RULE: Record<string, RuleId> = {
  startup: 'startupWindow',
  readiness: 'livenessAfterReadiness',
  liveness: 'livenessAfterReadiness',
};

function grace(explanation: Explanation): string | undefined {
  const { preStop, D, X, M } = explanation.inputs;
  if (explanation.source !== 'derived' || preStop === undefined || D === undefined || M === undefined) return undefined;
  return `grace = preStop ${preStop} + drain ${D}${X === undefined ? '' : ` + sidecars ${X}`} + margin ${M}`;
}

function timeout(explanation: Explanation): string | undefined {
  const { L, T } = explanation.inputs;
  if (explanation.source !== 'derived') return undefined;
  if (L !== undefined) return `p99 latency ${L} ms: ${explanation.formula}`;
  if (T !== undefined) return `the readiness timeout T = ${T} s`;
  return undefined;
}

/** The first matching row attributes the change. */
export const ATTRIBUTION: readonly Row[] = [
  // Probes: the derivation's numbers.
  {
    path: new RegExp(`${PROBE}\\.timeoutSeconds$`),
    attribute: derived((match) => `${match[1]}.timeoutSeconds`, 'probeTimeout', timeout),
  },
  {
    path: new RegExp(`${PROBE}\\.(periodSeconds|failureThreshold)$`),
    attribute: (change, context, match) => derived(() => `${match[1]}.${match[2]}`, PROBE_WINDOW_RULE[match[1]!]!)(change, context, match),
  },
  { path: new RegExp(`${PROBE}\\.successThreshold$`), attribute: checked('probeSuccessThreshold') },
  {
    path: new RegExp(`${PROBE}\\.terminationGracePeriodSeconds$`),
    attribute: derived((match) => `${match[1]}.terminationGracePeriodSeconds`, 'probeGrace'),
  },
  {
    path: new RegExp(`${PROBE}\\.initialDelaySeconds$`),
    attribute: derived(
      () => 'startup.failureThreshold',
      'startupWindow',
      (startup) => {
        const { S_max, p_s } = startup.inputs;
        return S_max === undefined || p_s === undefined
          ? undefined
          : `the startup probe covers the start (slowest ${S_max} s, every ${p_s} s × ${startup.value}): no fixed delay`;
      },
    ),
  },
  { path: /startupProbe$/, attribute: derived(() => 'startup.failureThreshold', 'startupWindow') },
  { path: /readinessProbe$/, attribute: checked('readinessProbe') },
  // adopt replaces a liveness check equal to the readiness one (src/adopt/infer/probes.ts).
  {
    // A handler added or removed (httpGet → tcpSocket); a port named → numbered is the same check.
    path: /livenessProbe\.(httpGet|tcpSocket|grpc|exec)(\.|$)/,
    attribute: (change, context, match) =>
      change.before !== undefined && change.after !== undefined
        ? { reason: 'as the declaration says' }
        : checked('distinctProbes')(change, context, match),
  },
  { path: /livenessProbe$/, attribute: checked('noLiveness') },
  // Shutdown.
  {
    path: /lifecycle\.preStop(\.|$)/,
    attribute: derived(
      () => 'preStop.seconds',
      'preStopCoversPropagation',
      (preStop) =>
        preStop.source === 'derived' && preStop.inputs.P !== undefined
          ? `preStop ${preStop.value} s = propagation ${preStop.inputs.P} s`
          : undefined,
    ),
  },
  {
    path: /(^|\.)spec\.terminationGracePeriodSeconds$/,
    attribute: derived(() => 'terminationGracePeriodSeconds', 'graceCoversShutdown', grace),
  },
  // Rollout.
  { path: /^spec\.strategy\.rollingUpdate\.maxUnavailable$/, attribute: derived(() => 'rollout.maxUnavailable', 'rolloutMaxUnavailable') },
  { path: /^spec\.strategy\.rollingUpdate\.maxSurge$/, attribute: derived(() => 'rollout.maxSurge', 'surgeWhenNoUnavailable') },
  { path: /^spec\.minReadySeconds$/, attribute: derived(() => 'rollout.minReadySeconds', 'explain') },
  { path: /^spec\.progressDeadlineSeconds$/, attribute: derived(() => 'rollout.progressDeadlineSeconds', 'progressDeadline') },
  { path: /^spec\.replicas$/, attribute: checked('singleReplica') },
  { path: /^spec\.(maxUnavailable|minAvailable)$/, attribute: checked('pdbAllowsDisruption') },
  { path: /^spec\.unhealthyPodEvictionPolicy$/, attribute: checked('unhealthyPodEviction') },
  { path: /^spec\.persistentVolumeClaimRetentionPolicy/, attribute: checked('deleteVolumeClaims') },
  { path: /^spec\.(jobTemplate\.spec\.)?podFailurePolicy/, attribute: checked('jobPodFailurePolicy') },
  {
    path: /^spec\.(jobTemplate\.spec\.)?activeDeadlineSeconds$/,
    attribute: derived(() => 'job.activeDeadlineSeconds', 'deadlineCoversAttempts'),
  },
  { path: /^spec\.(jobTemplate\.spec\.)?backoffLimit$/, attribute: derived(() => 'job.backoffLimit', 'deadlineCoversAttempts') },
  // The restricted Pod Security Standard and the hardening defaults.
  { path: /securityContext\.runAsNonRoot$/, attribute: checked('runAsNonRoot') },
  { path: /securityContext\.(runAsUser|runAsGroup)$/, attribute: checked('runAsUser') },
  { path: /securityContext\.seccompProfile/, attribute: checked('seccomp') },
  { path: /securityContext\.privileged$/, attribute: checked('privileged') },
  { path: /securityContext\.allowPrivilegeEscalation$/, attribute: checked('privilegeEscalation') },
  { path: /securityContext\.capabilities/, attribute: checked('capabilities') },
  { path: /securityContext\.procMount$/, attribute: checked('procMount') },
  { path: /securityContext\.readOnlyRootFilesystem$/, attribute: checked('readOnlyRootFilesystem') },
  { path: /securityContext\.fsGroup$/, attribute: plain("the volumes' files belong to the pod's group, as the non-root user needs") },
  { path: /(^|\.)spec\.(hostNetwork|hostPID|hostIPC)$/, attribute: checked('hostNamespaces') },
  { path: /\.hostPort$/, attribute: checked('hostPorts') },
  { path: /resources\.requests/, attribute: checked('resourceRequests') },
  { path: /resources\.limits\.memory$/, attribute: checked('memoryLimit') },
  { path: /resources\.limits\.cpu$/, attribute: checked('cpuLimit') },
  {
    path: /resources\.limits\[ephemeral-storage\]$|resources\.limits\.ephemeral-storage$/,
    attribute: checked('ephemeralStorageCoversFolders'),
  },
  { path: /emptyDir\.sizeLimit$/, attribute: checked('emptyDirSizeLimit') },
  {
    path: /(volumes|volumeMounts)\[(tmp|\/tmp)\]$/,
    attribute: plain('a writable /tmp beside the read-only root filesystem (readOnlyRootFilesystem)'),
  },
  { path: /(^|\.)automountServiceAccountToken$/, attribute: checked('automountServiceAccountToken') },
  { path: /\.image$/, attribute: checked('imagePinned') },
  { path: /(^|\.)spec\.(topologySpreadConstraints|affinity\.podAntiAffinity)/, attribute: checked('zoneSpread') },
  // What the project writes on every object.
  {
    path: new RegExp(`metadata\\.annotations\\[${ANNOTATION_PREFIX.replace(/\./g, '\\.')}/(\\w+)\\]$`),
    attribute: (_change, _context, match) => ({
      reason: `the project's ${match[1]} annotation: the derivation written down for people and for check`,
    }),
  },
  {
    path: /labels\[app\.kubernetes\.io\/[a-z-]+\]$/,
    attribute: plain("the project's common labels (Kubernetes' recommended labels)"),
  },
];

/**
 * Fields Kubernetes fills in when they are left out, with the value it fills in (API reference v1.28:
 * Container, Probe, PodSpec, DeploymentSpec, DeploymentStrategy, ServiceSpec, ServicePort).
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/
 */
const KUBERNETES_DEFAULTS: ReadonlyArray<readonly [RegExp, unknown]> = [
  [/Probe\.successThreshold$/, 1],
  [/Probe\.failureThreshold$/, 3],
  [/Probe\.periodSeconds$/, 10],
  [/Probe\.timeoutSeconds$/, 1],
  [/Probe\.initialDelaySeconds$/, 0],
  [/Probe\.httpGet\.scheme$/, 'HTTP'],
  [/ports\[[^\]]+\]\.protocol$/, 'TCP'],
  [/\.imagePullPolicy$/, 'IfNotPresent'],
  [/(^|\.)spec\.terminationGracePeriodSeconds$/, 30],
  [/^spec\.type$/, 'ClusterIP'],
  [/^spec\.replicas$/, 1],
  [/^spec\.minReadySeconds$/, 0],
  [/^spec\.progressDeadlineSeconds$/, 600],
  [/^spec\.strategy\.type$/, 'RollingUpdate'],
  [/^spec\.strategy\.rollingUpdate\.(maxSurge|maxUnavailable)$/, '25%'],
  [/^spec\.revisionHistoryLimit$/, 10],
  [/\.terminationMessagePath$/, '/dev/termination-log'],
  [/\.terminationMessagePolicy$/, 'File'],
  [/(^|\.)spec\.dnsPolicy$/, 'ClusterFirst'],
  [/(^|\.)spec\.schedulerName$/, 'default-scheduler'],
  [/template\.spec\.restartPolicy$/, 'Always'],
  [/^spec\.podManagementPolicy$/, 'OrderedReady'],
  // ServiceSpec.internalTrafficPolicy, PodSpec.enableServiceLinks, PodSecurityContext.fsGroupChangePolicy ("If not specified, Always").
  // https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
  [/^spec\.internalTrafficPolicy$/, 'Cluster'],
  [/(^|\.)spec\.enableServiceLinks$/, true],
  [/(^|\.)spec\.securityContext\.fsGroupChangePolicy$/, 'Always'],
  // A claim template is a v1 PersistentVolumeClaim: the API server writes its apiVersion and kind when
  // they are left out (GitOps tools otherwise see every chart without them as out of sync:
  // https://github.com/argoproj/argo-cd/issues/16707, https://github.com/clastix/kamaji-etcd/pull/86).
  [/^spec\.volumeClaimTemplates\[[^\]]+\]\.apiVersion$/, 'v1'],
  [/^spec\.volumeClaimTemplates\[[^\]]+\]\.kind$/, 'PersistentVolumeClaim'],
];

/** What Kubernetes uses for a field left out, when the object holding it is there; undefined when unknown. */
export function kubernetesDefault(change: Difference): unknown {
  if (change.whole) return undefined;
  return KUBERNETES_DEFAULTS.find(([path]) => path.test(change.path))?.[1];
}

/**
 * A field written null or as an empty list on one side and left out on the other (bitnami's
 * `nodeAffinity: null`, `sysctls: []`): Kubernetes' optional fields are `omitempty`, so the API
 * server stores neither, and the object is the same.
 * https://github.com/kubernetes/community/blob/master/contributors/devel/sig-architecture/api-conventions.md#optional-vs-required
 */
function empty(change: Difference): boolean {
  const present = change.before === undefined ? change.after : change.after === undefined ? change.before : undefined;
  return present === null || (Array.isArray(present) && present.length === 0);
}

/** The rule and reason of one change; a field no rule is about is "as the declaration says". */
export function attribute(change: Difference, context: AttributionContext): Attribution {
  const standard = kubernetesDefault(change);
  const absent = change.before === undefined ? change.after : change.after === undefined ? change.before : undefined;
  if (standard !== undefined && absent !== undefined && sameValue(standard, absent)) {
    return { reason: "Kubernetes' default, written out or left out: no change in behaviour" };
  }
  if (empty(change))
    return { reason: 'empty in the input: the API server stores null or an empty list as left out, so no change in behaviour' };
  for (const row of ATTRIBUTION) {
    const match = change.path.match(row.path);
    if (!match) continue;
    const attribution = row.attribute(change, context, match);
    // A departure the declaration acknowledges (carried over from the input): the acknowledgement is the reason.
    const acknowledged = attribution.rule === undefined ? undefined : context.acknowledged.get(attribution.rule);
    return acknowledged === undefined ? attribution : { rule: attribution.rule, reason: `acknowledged: ${acknowledged}` };
  }
  if (change.after === undefined) return { reason: 'not in the declaration' };
  return { reason: 'as the declaration says' };
}
