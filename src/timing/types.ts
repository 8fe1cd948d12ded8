import type { Controller, WorkloadKind } from '../kinds/table';
import type { TrafficPlatform } from './platforms';

import type { JobTimings, RunInput } from './kinds/job';
import type { CronJobTimings, ScheduleInput } from './kinds/cronjob';
export type { WorkloadKind } from '../kinds/table';
export type PreStopType = 'auto' | 'sleep' | 'exec' | 'http' | 'app';
/** How the delay before SIGTERM is carried out; `none` for workers, which receive no traffic. */
export type PreStopMechanism = 'sleep' | 'exec' | 'http' | 'app' | 'none';
/** A rollout budget: a pod count or a percentage such as "25%". */
export type PodBudget = number | string;

export interface ProbeTimingOverride {
  readonly periodSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly failureThreshold?: number;
  readonly terminationGracePeriodSeconds?: number;
}

export interface TimingOverrides {
  readonly readiness?: ProbeTimingOverride;
  readonly liveness?: ProbeTimingOverride;
  readonly startup?: ProbeTimingOverride;
  readonly preStopSeconds?: number;
  readonly terminationGracePeriodSeconds?: number;
  readonly minReadySeconds?: number;
  readonly progressDeadlineSeconds?: number;
  readonly maxSurge?: PodBudget;
  readonly maxUnavailable?: PodBudget;
  readonly loadBalancer?: LoadBalancerOverrides;
  readonly activeDeadlineSeconds?: number;
  readonly startingDeadlineSeconds?: number;
  readonly ttlSecondsAfterFinished?: number;
}

/**
 * A load balancer whose target group this project configures: the AWS Load Balancer Controller's
 * ALB (for an Ingress) or NLB (for a Service of type LoadBalancer), both with IP targets.
 */
export type LoadBalancerKind = 'aws-alb' | 'aws-nlb';

export interface LoadBalancerOverrides {
  readonly deregistrationDelaySeconds?: number;
  readonly healthCheckIntervalSeconds?: number;
  readonly healthCheckTimeoutSeconds?: number;
  readonly healthyThresholdCount?: number;
  readonly unhealthyThresholdCount?: number;
}

/** A service mesh whose webhook injects a proxy into every pod. */
export type MeshName = 'istio' | 'linkerd';

/** An init container: it runs to completion before the application's container starts. */
export interface InitContainerInput {
  readonly name: string;
  /** Its worst-case run time, as declared. */
  readonly maxSeconds: number;
}

/** A sidecar as the timing rules see it. */
export interface SidecarInput {
  readonly name: string;
  /** Its slowest start; present exactly when the sidecar has a startup probe. */
  readonly startSeconds?: number;
  /** Whether it has a readiness probe. */
  readonly readiness: boolean;
  /** Whether it has a liveness probe. */
  readonly liveness?: boolean;
  /** Time it needs after SIGTERM. */
  readonly stopSeconds: number;
}

/** Everything the timing rules of docs/derivation.md read. */
export interface TimingInput {
  readonly kind: WorkloadKind;
  /** The controller that rolls the pods out: it decides the rollout rules. Default: the kind's (src/kinds/table.ts). */
  readonly controller?: Controller;
  /**
   * Whether a Service sends the pods traffic: decides propagation and the preStop delay. Default:
   * whether the kind always does (src/kinds/table.ts); a stateful workload does when it has a port.
   */
  readonly servesTraffic?: boolean;
  /** A StatefulSet's declared update settings (kind stateful). */
  readonly statefulSet?: StatefulSetInput;
  /** A DaemonSet's declared update setting (kind daemon). */
  readonly daemonSet?: DaemonSetInput;
  /** S_max; absent for pods that run to completion, which have no startup probe. */
  readonly startupMaxSeconds?: number;
  /** S_typ; default ceil(S_max / 3). */
  readonly startupTypicalSeconds?: number;
  /** D. */
  readonly drainSeconds: number;
  readonly platform: TrafficPlatform;
  /** P; default from the platform. */
  readonly propagationSeconds?: number;
  /** L. */
  readonly probeLatencyMs: number;
  /** "1.N": decides between the sleep action and exec sleep. */
  readonly kubernetesVersion: string;
  readonly preStopType: PreStopType;
  /** Which probes the pod has: a probe it lacks explains nothing and sizes nothing. */
  readonly probes: { readonly readiness: boolean; readonly liveness: boolean; readonly startup: boolean };
  /** The load balancer whose target group settings are derived, if the declaration configures one. */
  readonly loadBalancer?: LoadBalancerKind;
  readonly overrides: TimingOverrides;
  /** In their order; none when left out. */
  readonly initContainers?: readonly InitContainerInput[];
  /** In their order; none when left out. */
  readonly sidecars?: readonly SidecarInput[];
  readonly mesh?: MeshName;
  /** How one run of a Job's pod is timed and tried (kind job). */
  readonly run?: RunInput;
  /** When a CronJob runs (kind cronjob). */
  readonly schedule?: ScheduleInput;
}

/** What a StatefulSet's rollout rules read besides the pod's timings. */
export interface StatefulSetInput {
  readonly replicas: number;
  readonly partition: number;
  readonly podManagementPolicy: 'OrderedReady' | 'Parallel';
  readonly maintenanceWindowSeconds?: number;
}

/** What a DaemonSet's rollout rules read besides the pod's timings. */
export interface DaemonSetInput {
  /** Whether the agent can run two copies on one node, so that the new one may start before the old one stops. */
  readonly surge: boolean;
}

export interface ProbeTimings {
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
  /** Always 1: the API requires it for liveness and startup probes. */
  readonly successThreshold: 1;
  /** max(periodSeconds, timeoutSeconds) × failureThreshold: how long the probe tolerates failure. */
  readonly windowSeconds: number;
}

export interface RestartingProbeTimings extends ProbeTimings {
  /** Probe-level grace: how long a container killed by this probe may take to stop. */
  readonly terminationGracePeriodSeconds: number;
}

/** A Deployment's rolling update: surge before removal, and a deadline for progress. */
export interface DeploymentRollout {
  readonly controller: 'Deployment';
  readonly maxSurge: PodBudget;
  readonly maxUnavailable: PodBudget;
  readonly minReadySeconds: number;
  readonly progressDeadlineSeconds: number;
}

/**
 * A StatefulSet's rolling update: one pod at a time from the highest ordinal down, each deleted
 * before its replacement starts; no progress deadline, so its worst-case length is derived instead.
 */
export interface StatefulSetRollout {
  readonly controller: 'StatefulSet';
  readonly minReadySeconds: number;
  readonly podManagementPolicy: 'OrderedReady' | 'Parallel';
  readonly partition: number;
  /** Pods an update replaces: those with an ordinal at or above the partition. */
  readonly updatedPods: number;
  /** One pod's worst case: grace + init + startup window + minReadySeconds. */
  readonly podSeconds: number;
  /** updatedPods × podSeconds. */
  readonly worstCaseSeconds: number;
  readonly maintenanceWindowSeconds?: number;
}

/**
 * A DaemonSet's rolling update: node by node, either stopping the old pod first (maxUnavailable) or
 * starting the new one first (maxSurge, when two copies may share a node); no progress deadline.
 */
export interface DaemonSetRollout {
  readonly controller: 'DaemonSet';
  readonly maxSurge: PodBudget;
  readonly maxUnavailable: PodBudget;
  readonly minReadySeconds: number;
  /** Worst case for one node: (G when the old pod stops first) + I + W_s + minReadySeconds. */
  readonly nodeSeconds: number;
  /** Worst case a node is without a working agent: nodeSeconds when the old pod stops first, 0 with surge. */
  readonly nodeGapSeconds: number;
}

/** A Job's or a CronJob's pods run to completion: nothing is rolled out (their deadline is in `Timings.job`). */
export type BatchRollout = { readonly controller: 'Job' } | { readonly controller: 'CronJob' };

export type Rollout = DeploymentRollout | StatefulSetRollout | DaemonSetRollout | BatchRollout;

export interface Timings {
  readonly kind: WorkloadKind;
  /** Whether a Service sends the pods traffic. */
  readonly servesTraffic: boolean;
  /** Absent for pods that run to completion (no startup probe). */
  readonly startupTypicalSeconds?: number;
  readonly startupMaxSeconds?: number;
  readonly drainSeconds: number;
  /** 0 for workers. */
  readonly propagationSeconds: number;
  readonly readiness: ProbeTimings;
  readonly startup: RestartingProbeTimings;
  readonly liveness: RestartingProbeTimings;
  readonly preStop: { readonly mechanism: PreStopMechanism; readonly seconds: number };
  /** M: slack between the end of the drain and SIGKILL. */
  readonly graceMarginSeconds: number;
  /** G: pod-level terminationGracePeriodSeconds. */
  readonly terminationGracePeriodSeconds: number;
  readonly rollout: Rollout;
  /** Init containers, sidecars and the mesh proxy. */
  readonly containers: ContainerTimings;
  /** Present when the declaration configures a load balancer (src/timing/load-balancer.ts). */
  readonly loadBalancer?: LoadBalancerTimings;
  /** Present for pods that run to completion: the Job's deadline, retries and clean-up (src/timing/kinds/job.ts). */
  readonly job?: JobTimings;
  /** Present for kind cronjob: its schedule and starting deadline (src/timing/kinds/cronjob.ts). */
  readonly cronJob?: CronJobTimings;
}

/**
 * How the sidecars run: `native` (Kubernetes 1.29+: init containers with restartPolicy Always,
 * started before the application and stopped after it, one by one in reverse order), `ordinary`
 * (1.28: containers started and stopped with the application, kept alive by a preStop delay), or
 * `none` without sidecars.
 */
export type SidecarMode = 'native' | 'ordinary' | 'none';

export interface SidecarTimings {
  readonly name: string;
  /** Its slowest start, when it has a startup probe. */
  readonly startSeconds?: number;
  readonly startup?: RestartingProbeTimings;
  readonly readiness?: ProbeTimings;
  readonly liveness?: RestartingProbeTimings;
  /** Ordinary sidecars: the delay before SIGTERM that keeps them serving until the application has drained. */
  readonly preStopSeconds?: number;
  readonly stopSeconds: number;
}

export interface ContainerTimings {
  /** The init containers with their declared worst-case run times, in order. */
  readonly initContainers: readonly InitContainerInput[];
  /** I: worst-case time from the pod's start to the application container's start. */
  readonly initSeconds: number;
  readonly sidecarMode: SidecarMode;
  readonly sidecars: readonly SidecarTimings[];
  /** X: what the sidecars add to the grace period (the sum of their stops if native, the longest if ordinary). */
  readonly sidecarStopSeconds: number;
  /** The injected mesh proxy and how long it stays alive after deletion. */
  readonly mesh?: { readonly name: MeshName; readonly drainSeconds: number };
}

/** The target group settings of a load balancer, derived from the same timings as the pod. */
export interface LoadBalancerTimings {
  readonly kind: LoadBalancerKind;
  /** How long the load balancer lets a deregistering target finish its requests. */
  readonly deregistrationDelaySeconds: number;
  readonly healthCheck: {
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthyThresholdCount: number;
    readonly unhealthyThresholdCount: number;
    /** intervalSeconds × unhealthyThresholdCount: how long the load balancer tolerates failed checks. */
    readonly windowSeconds: number;
  };
}

/** Why one number is what it is. */
export interface Explanation {
  /** Dotted key of the value in `Timings`, e.g. `startup.failureThreshold`. */
  readonly key: string;
  readonly value: number | string;
  /** `derived` by a rule of docs/derivation.md, `override` from the declaration, `input` taken as declared. */
  readonly source: 'derived' | 'override' | 'input';
  /** The rule as a formula over named inputs, e.g. `max(3, ceil(1.5 × S_max / p_s))`. */
  readonly formula: string;
  /** The inputs the formula read, by the names it uses. */
  readonly inputs: Readonly<Record<string, number | string>>;
  /** Why the rule exists, in one sentence. */
  readonly reason: string;
}

export interface Derivation {
  readonly timings: Timings;
  /** One entry per derived or overridden value, in derivation order. */
  readonly explanations: readonly Explanation[];
}
