import { effectiveInterval } from '../timing/arithmetic';
import type { LoadBalancerKind, PodBudget } from '../timing/types';

/**
 * What the invariants look at, independent of where it came from: a derivation (before any
 * object exists) or a set of manifests (ours or anyone's). Keeping one shape means the same checks
 * guard the declaration, the synthesized YAML and the CLI's `check` of foreign manifests.
 */
export interface ProbeFacts {
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
  readonly successThreshold: number;
  readonly terminationGracePeriodSeconds?: number;
  /** Seconds before the first attempt (manifests only; derived probes leave it out, as the startup probe gates them). */
  readonly initialDelaySeconds?: number;
  /** A canonical text of what the probe checks (e.g. `httpGet HTTP :8080/readyz`), to compare probes. */
  readonly handler: string;
}

export interface PodDisruptionBudgetFacts {
  readonly maxUnavailable?: PodBudget;
  readonly minAvailable?: PodBudget;
}

/** What starts before the application's container: init containers, and native sidecars that gate it. */
export interface InitPhaseFacts {
  /** Init containers in their order; their run times can only be declared. */
  readonly initContainers: readonly string[];
  /** Startup windows of the native sidecars that hold the next container back until their startup probe passes. */
  readonly sidecarWindowSeconds: number;
}

/** A container that runs beside the application and must outlive its drain. */
export interface SidecarFacts {
  readonly name: string;
  /** Native: an init container with restartPolicy Always, stopped after the application. */
  readonly native: boolean;
  /** Ordinary sidecars: seconds from deletion to its SIGTERM (its preStop delay); undefined when the hook cannot be read. */
  readonly preStopSeconds?: number;
}

/** The proxy a mesh webhook injects, as its pod annotations configure it. */
export interface MeshProxyFacts {
  readonly mesh: 'istio' | 'linkerd';
  /** Seconds after deletion during which the proxy keeps serving. */
  readonly drainSeconds: number;
}

/**
 * A load balancer with IP targets in front of the pods: its target group settings as it will run
 * them. A setting that cannot be read (an annotation that is no number) is undefined.
 */
export interface LoadBalancerFacts {
  /** Name used in messages, e.g. `ALB` or `Ingress/orders (ALB)`. */
  readonly subject: string;
  readonly kind: LoadBalancerKind;
  readonly deregistrationDelaySeconds?: number;
  readonly healthCheck: {
    /** HTTP, HTTPS, TCP, or GRPC for an ALB calling the gRPC health checking protocol. */
    readonly protocol: string;
    readonly path?: string;
    readonly intervalSeconds?: number;
    readonly timeoutSeconds?: number;
    readonly unhealthyThresholdCount?: number;
  };
}

export interface WorkloadFacts {
  /** Name used in messages, e.g. `Deployment/checkout`. */
  readonly subject: string;
  /** Whether a Service sends traffic to the pods (decides whether a preStop delay is needed). */
  readonly servesTraffic: boolean;
  readonly readiness?: ProbeFacts;
  readonly liveness?: ProbeFacts;
  readonly startup?: ProbeFacts;
  /** Seconds between deletion and SIGTERM; undefined when it cannot be read (e.g. an httpGet hook). */
  readonly preStopSeconds?: number;
  readonly terminationGracePeriodSeconds: number;
  /** Desired pods (the autoscaler's minimum when there is one). */
  readonly replicas: number;
  readonly maxSurge: PodBudget;
  readonly maxUnavailable: PodBudget;
  readonly minReadySeconds: number;
  readonly progressDeadlineSeconds: number;
  readonly podDisruptionBudget?: PodDisruptionBudgetFacts;
  /** Absent when the application's container starts first. */
  readonly initPhase?: InitPhaseFacts;
  /** Absent or empty without sidecars. */
  readonly sidecars?: readonly SidecarFacts[];
  readonly meshProxy?: MeshProxyFacts;
  /** Load balancers with IP targets that send traffic to the pods. */
  readonly loadBalancers?: readonly LoadBalancerFacts[];
  /** A Job's (or a CronJob's job template's) deadline and retry budget; absent for pods that run until deleted. */
  readonly job?: JobFacts;
  /** A CronJob's schedule and starting deadline; absent for other kinds. */
  readonly cronJob?: CronJobFacts;
  /** Node disk: absent or without limits when no container limits its ephemeral storage. */
  readonly ephemeralStorage?: EphemeralStorageFacts;
}

/** A size in the pod: what it belongs to, as written, and in bytes (undefined when it cannot be read or is not set). */
export interface SizeFacts {
  readonly name: string;
  readonly quantity?: string;
  readonly bytes?: number;
}

/**
 * The pod's node disk (ephemeral storage): the limits of the containers that run together (the
 * application's and its sidecars, by container), and the emptyDirs on disk (by volume, without a
 * quantity when they have no sizeLimit), whose files count against the sum of those limits.
 */
export interface EphemeralStorageFacts {
  readonly limits: readonly SizeFacts[];
  readonly folders: readonly SizeFacts[];
}

export interface CronJobFacts {
  readonly cron: string;
  readonly timeZone?: string;
  /** Forbid, Replace or Allow (the API's default). */
  readonly concurrencyPolicy: string;
  /** Absent when the CronJob does not bound how late a missed run may start. */
  readonly startingDeadlineSeconds?: number;
}

export interface JobFacts {
  /** Absent when the Job has no deadline. */
  readonly activeDeadlineSeconds?: number;
  readonly backoffLimit: number;
  /** The pod template's activeDeadlineSeconds: one attempt's deadline; absent when an attempt has none. */
  readonly attemptDeadlineSeconds?: number;
}

/**
 * The declared times some invariants compare against. Unknown for foreign manifests unless the
 * user supplies them; invariants that need a missing one are reported as not checkable.
 */
export interface DeclaredTimes {
  readonly startupMaxSeconds?: number;
  /** A Job's slowest acceptable run. */
  readonly runMaxSeconds?: number;
  readonly propagationSeconds?: number;
  readonly drainSeconds?: number;
  /** Times of the other containers, by container name. */
  readonly containers?: Readonly<Record<string, ContainerTimes>>;
}

/** The declared times of an init container or a sidecar. */
export interface ContainerTimes {
  /** An init container's worst-case run time. */
  readonly maxSeconds?: number;
  /** A sidecar's slowest start (the window its startup probe must cover). */
  readonly startSeconds?: number;
  /** A sidecar's time to stop after SIGTERM. */
  readonly stopSeconds?: number;
}

/** Defaults of the Kubernetes API for fields a manifest may leave out. */
export const API_DEFAULTS = {
  probe: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, successThreshold: 1 },
  terminationGracePeriodSeconds: 30,
  replicas: 1,
  maxSurge: '25%',
  maxUnavailable: '25%',
  daemonSetMaxSurge: 0,
  daemonSetMaxUnavailable: 1,
  minReadySeconds: 0,
  progressDeadlineSeconds: 600,
  backoffLimit: 6,
  concurrencyPolicy: 'Allow',
} as const;

/**
 * How long a probe tolerates failure before it acts: failureThreshold attempts, each one period
 * apart — or one timeout apart when the timeout is longer, because the kubelet waits for an attempt
 * before it starts the next.
 */
export function probeWindow(probe: ProbeFacts): number {
  return effectiveInterval(probe.periodSeconds, probe.timeoutSeconds) * probe.failureThreshold;
}

/**
 * Resolves a count or percentage against a number of pods the way the Deployment controller does
 * (surge rounds up, unavailability rounds down).
 */
export function resolveBudget(budget: PodBudget, pods: number, round: 'up' | 'down'): number {
  if (typeof budget === 'number') return budget;
  const percent = Number(budget.replace('%', ''));
  const exact = (percent * pods) / 100;
  return round === 'up' ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * What an httpGet or grpc readiness handler (as `describeHandler` writes it) calls, in the terms a
 * load balancer's health check uses: protocol and path.
 */
export function endpointOf(handler: string): { protocol: string; path?: string } | undefined {
  const http = /^httpGet (HTTPS?) :[^/]*(\/.*)$/.exec(handler);
  if (http) return { protocol: http[1]!, path: http[2]! };
  return handler.startsWith('grpc ') ? { protocol: 'GRPC' } : undefined;
}
