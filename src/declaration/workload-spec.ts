/* eslint-disable */
/**
 * The workload declaration as TypeScript types: the props of the constructs, the document a
 * declaration file and the Helm values hold. Generated from src/declaration/schema.ts by
 * `npm run generate`: do not edit by hand.
 */

export type ProbeTarget = HttpGetProbe | TcpSocketProbe | GrpcProbe | ExecProbe;

/**
 * One hardened workload: the declaration both faces read (docs/derivation.md).
 */
export interface WorkloadSpec {
  /**
   * Workload name: a DNS-1035 label. Also app.kubernetes.io/name.
   *
   * @example "checkout"
   */
  name: string;
  /**
   * Instance name: every object's metadata.name and app.kubernetes.io/instance. Set it to run the same application twice in one namespace.
   *
   * @default - `name`
   * @example "checkout-canary"
   */
  instance?: string;
  /**
   * Container image pinned by a tag or a digest; never `latest` and never untagged.
   *
   * @example "ghcr.io/acme/checkout:1.4.2"
   */
  image: string;
  /**
   * true when the image has no shell and no `sleep` binary (distroless, scratch).
   *
   * @default - true for well-known distroless registries (gcr.io/distroless, cgr.dev/chainguard) except their debug tags, else false
   * @example true
   */
  distroless?: boolean;
  /**
   * web: serves traffic through a Service. worker: no Service, no preStop hook.
   *
   * @default "web"
   * @example "worker"
   */
  kind?: 'web' | 'worker';
  /**
   * Serving port of the container (required for web workloads).
   *
   * Unit: TCP port number.
   *
   * @default - none: a worker without a port admits no ingress
   * @example 8080
   */
  port?: number;
  /**
   * Number of pods. 1 needs acknowledge.singleReplica (and then there is no PodDisruptionBudget). Leave it out with autoscaling, which decides the number.
   *
   * Unit: pods.
   *
   * @default - 2, or what autoscaling decides
   * @example 3
   */
  replicas?: number;
  /**
   * Adds an autoscaling/v2 HorizontalPodAutoscaler; the Deployment then omits spec.replicas.
   *
   * @default - none: `replicas` pods
   * @example {"maxReplicas":10}
   */
  autoscaling?: Autoscaling;
  /**
   * What the probes check. Their timings are derived from `startup`, `drainSeconds`, `traffic` and `probeLatencyMs`.
   *
   * @default {}
   * @example {"readiness":{"path":"/readyz"}}
   */
  health?: Health;
  /**
   * How long the application takes to start.
   *
   * @example {"maxSeconds":90}
   */
  startup: StartupTimes;
  /**
   * Time the application needs after SIGTERM: the longest in-flight request plus cleanup.
   *
   * Unit: seconds.
   *
   * @example 30
   */
  drainSeconds: number;
  /**
   * How traffic reaches the pods (web workloads only).
   *
   * @default {}
   * @example {"platform":"aws-alb"}
   */
  traffic?: Traffic;
  /**
   * Framework preset: fills in health paths and probe latency the declaration leaves out, and sets the framework's graceful-shutdown deadline from drainSeconds where the framework documents a setting for it.
   *
   * @default - none
   * @example "spring-boot"
   */
  preset?: 'spring-boot' | 'uvicorn' | 'gunicorn' | 'phoenix-bandit' | 'nodejs';
  /**
   * p99 latency of the health endpoints at peak load.
   *
   * Unit: milliseconds.
   *
   * @default - 500, or the preset's
   * @example 300
   */
  probeLatencyMs?: number;
  /**
   * Oldest Kubernetes minor version the workload runs on; decides the preStop mechanism (sleep action from 1.30).
   *
   * @default "1.28"
   * @example "1.30"
   */
  kubernetesVersion?: string;
  /**
   * The delay between deletion and SIGTERM that lets endpoints and load balancers catch up.
   *
   * @default {}
   * @example {"type":"app"}
   */
  preStop?: PreStop;
  /**
   * Container resources: requests always, memory limit = memory request.
   *
   * @default {}
   * @example {"cpu":"500m"}
   */
  resources?: Resources;
  /**
   * Environment variables of the container, by name; values are strings.
   *
   * @default {}
   * @example {"LOG_LEVEL":"info"}
   */
  env?: {
    [k: string]: string;
  };
  /**
   * Container args.
   *
   * @default - the image's CMD
   * @example ["--port","8080"]
   */
  args?: string[];
  /**
   * Init containers, run in this order before the application (migrations, waiting for a dependency, fetching assets). Hardened like the main container.
   *
   * @default - none
   * @example [{"name":"migrate","image":"ghcr.io/acme/checkout:1.4.2","command":["python","manage.py","migrate"],"maxSeconds":300}]
   */
  initContainers?: InitContainer[];
  /**
   * Sidecars, in start order. From Kubernetes 1.29 native sidecars (init containers with restartPolicy Always, stopped after the application); on 1.28 ordinary containers kept alive by a preStop delay. Hardened like the main container.
   *
   * @default - none
   * @example [{"name":"cloud-sql-proxy","image":"gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1","stopSeconds":10}]
   */
  sidecars?: Sidecar[];
  /**
   * The service mesh whose webhook injects a proxy into the pods: its documented drain annotations are set from the derived timings, so that the proxy outlives the application's drain.
   *
   * @default - none
   * @example "istio"
   */
  mesh?: 'istio' | 'linkerd';
  /**
   * Extra labels for every object and pod (never part of a selector).
   *
   * @default {}
   * @example {"team":"payments"}
   */
  labels?: {
    [k: string]: string;
  };
  /**
   * The NetworkPolicy: ingress only to declared ports, egress open unless declared.
   *
   * @default {}
   * @example {"egressTo":[{"cidr":"10.0.0.0/8"}]}
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Explicit values that replace derived ones. An override that breaks an invariant is rejected unless `acknowledge` gives a reason.
   *
   * @default {}
   * @example {"terminationGracePeriodSeconds":60}
   */
  overrides?: TimingOverrides;
  /**
   * Written reasons for deliberate departures from the invariants or hardening defaults (docs/derivation.md), keyed by invariant or waiver. Each reason is recorded in an annotation.
   *
   * @default {}
   * @example {"singleReplica":"preview environment, downtime is acceptable"}
   */
  acknowledge?: Acknowledgements;
}
export interface Autoscaling {
  /**
   * Fewest pods the HorizontalPodAutoscaler keeps.
   *
   * Unit: pods.
   *
   * @default 2
   * @example 3
   */
  minReplicas?: number;
  /**
   * Most pods the HorizontalPodAutoscaler creates.
   *
   * Unit: pods.
   *
   * @example 10
   */
  maxReplicas: number;
  /**
   * Average CPU use that the autoscaler aims for.
   *
   * Unit: percent of the CPU request.
   *
   * @default 70
   * @example 60
   */
  targetCPUUtilizationPercentage?: number;
}
/**
 * An httpGet probe: `path`, and optionally `port` and `scheme`.
 */
export interface HttpGetProbe {
  /**
   * HTTP path checked with an httpGet probe; any status from 200 to 399 means healthy.
   *
   * @example "/readyz"
   */
  path: string;
  /**
   * Port the probe checks.
   *
   * Unit: TCP port number.
   *
   * @default - the workload `port`
   * @example 8081
   */
  port?: number;
  /**
   * Scheme of the httpGet request.
   *
   * @default - HTTP
   * @example "HTTPS"
   */
  scheme?: 'HTTP' | 'HTTPS';
  /**
   * Belongs to another form: leave it out.
   */
  tcp?: never;
  /**
   * Belongs to another form: leave it out.
   */
  grpc?: never;
  /**
   * Belongs to another form: leave it out.
   */
  exec?: never;
}
/**
 * A tcpSocket probe: `tcp: true`, and optionally `port`.
 */
export interface TcpSocketProbe {
  /**
   * true: a tcpSocket probe (the port accepts connections).
   *
   * @example true
   */
  tcp: true;
  /**
   * Port the probe checks.
   *
   * Unit: TCP port number.
   *
   * @default - the workload `port`
   * @example 8081
   */
  port?: number;
  /**
   * Belongs to another form: leave it out.
   */
  path?: never;
  /**
   * Belongs to another form: leave it out.
   */
  grpc?: never;
  /**
   * Belongs to another form: leave it out.
   */
  exec?: never;
}
export interface GrpcHealthCheck {
  /**
   * Service name sent in the gRPC health check request.
   *
   * @default - none: the server as a whole
   * @example "checkout.v1.Checkout"
   */
  service?: string;
}
/**
 * A gRPC probe (the gRPC health checking protocol): `grpc`, and optionally `port`.
 */
export interface GrpcProbe {
  /**
   * A gRPC health-checking-protocol request.
   *
   * @example {}
   */
  grpc: GrpcHealthCheck;
  /**
   * Port the probe checks.
   *
   * Unit: TCP port number.
   *
   * @default - the workload `port`
   * @example 8081
   */
  port?: number;
  /**
   * Belongs to another form: leave it out.
   */
  path?: never;
  /**
   * Belongs to another form: leave it out.
   */
  tcp?: never;
  /**
   * Belongs to another form: leave it out.
   */
  exec?: never;
}
/**
 * An exec probe: a command, and no port.
 */
export interface ExecProbe {
  /**
   * A command run in the container; exit code 0 means healthy.
   *
   * @example ["/app/healthcheck"]
   */
  exec: string[];
  /**
   * Belongs to another form: leave it out.
   */
  path?: never;
  /**
   * Belongs to another form: leave it out.
   */
  tcp?: never;
  /**
   * Belongs to another form: leave it out.
   */
  grpc?: never;
}
export interface Health {
  /**
   * Readiness check (required for web workloads): can this pod take traffic now?
   *
   * @default - none; required for web workloads
   * @example {"path":"/readyz"}
   */
  readiness?: ProbeTarget;
  /**
   * Liveness check: is the process wedged beyond recovery? `false` turns it off and needs acknowledge.noLiveness.
   *
   * @default - tcpSocket on `port`
   * @example {"path":"/livez"}
   */
  liveness?: false | ProbeTarget;
  /**
   * Startup check, which gates liveness until the app has started.
   *
   * @default - the liveness target (the readiness target without liveness)
   * @example {"path":"/livez"}
   */
  startup?: ProbeTarget;
}
export interface StartupTimes {
  /**
   * Time a start usually takes.
   *
   * Unit: seconds.
   *
   * @default - ceil(maxSeconds / 3)
   * @example 20
   */
  typicalSeconds?: number;
  /**
   * Time the slowest acceptable start takes (cold caches, busy node).
   *
   * Unit: seconds.
   *
   * @example 90
   */
  maxSeconds: number;
}
export interface Traffic {
  /**
   * What routes traffic to the pods; sets the propagation default: kube-proxy 10 s, aws-alb 30 s, aws-nlb 120 s.
   *
   * @default "kube-proxy"
   * @example "aws-alb"
   */
  platform?: 'kube-proxy' | 'aws-alb' | 'aws-nlb';
  /**
   * Time until every load balancer has stopped sending new requests to a terminating pod.
   *
   * Unit: seconds.
   *
   * @default - from `platform`
   * @example 15
   */
  propagationSeconds?: number;
}
export interface PreStop {
  /**
   * How the pod waits for traffic to stop before SIGTERM. auto: the sleep action on Kubernetes >= 1.30, else exec `sleep` (refused for distroless images). sleep: the sleep action. exec: `sleep` in the container. http: an httpGet hook that returns after the delay. app: no hook; the app waits itself after SIGTERM.
   *
   * @default "auto"
   * @example "http"
   */
  type?: 'auto' | 'sleep' | 'exec' | 'http' | 'app';
  /**
   * Path of the httpGet hook (type http).
   *
   * @default - none; required for type http
   * @example "/prestop"
   */
  path?: string;
  /**
   * Port of the httpGet hook (type http).
   *
   * Unit: TCP port number.
   *
   * @default - `port`
   * @example 8081
   */
  port?: number;
}
export interface Resources {
  /**
   * CPU request.
   *
   * Unit: CPU cores, or millicores with the suffix m.
   *
   * @default "250m"
   * @example "500m"
   */
  cpu?: string;
  /**
   * Memory request, also the memory limit.
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default "256Mi"
   * @example "1Gi"
   */
  memory?: string;
  /**
   * CPU limit, generous by default because CPU throttling makes probes time out. false removes it and needs acknowledge.noCpuLimit.
   *
   * Unit: CPU cores, or millicores with the suffix m.
   *
   * @default - 4 x the CPU request
   * @example "2"
   */
  cpuLimit?: false | string;
}
/**
 * A container that runs to completion before the application starts.
 */
export interface InitContainer {
  /**
   * Container name, unique in the pod (the main container is named after the workload).
   *
   * @example "migrate"
   */
  name: string;
  /**
   * Container image pinned by a tag or a digest; never `latest` and never untagged.
   *
   * @example "ghcr.io/acme/checkout:1.4.2"
   */
  image: string;
  /**
   * Container command (replaces the image ENTRYPOINT).
   *
   * @default - the image's ENTRYPOINT
   * @example ["/app/migrate"]
   */
  command?: string[];
  /**
   * Container args.
   *
   * @default - the image's CMD
   * @example ["--port","8080"]
   */
  args?: string[];
  /**
   * Environment variables of the container, by name; values are strings.
   *
   * @default {}
   * @example {"LOG_LEVEL":"info"}
   */
  env?: {
    [k: string]: string;
  };
  /**
   * Resources of this container: requests always, memory limit = memory request. Given, each field defaults as the main container's does (250m, 256Mi, 4 x the CPU request).
   *
   * @default - the main container's resources
   * @example {"cpu":"100m","memory":"128Mi"}
   */
  resources?: Resources;
  /**
   * Time this init container may take at worst (a long migration, a slow dependency).
   *
   * Unit: seconds.
   *
   * @example 300
   */
  maxSeconds: number;
}
/**
 * A port the sidecar listens on.
 */
export interface SidecarPort {
  /**
   * Port name, unique in the pod (an IANA service name; `http` is the serving port).
   *
   * @example "metrics"
   */
  name: string;
  /**
   * Port number the sidecar listens on.
   *
   * Unit: TCP port number.
   *
   * @example 9090
   */
  port: number;
}
export interface SidecarHealth {
  /**
   * Startup check: from Kubernetes 1.29 the application starts only once it passes. A probe without a port checks the first of `ports`.
   *
   * @default - the readiness target
   * @example {"path":"/startup"}
   */
  startup?: ProbeTarget;
  /**
   * Readiness check: while it fails, the pod takes no traffic.
   *
   * @default - none
   * @example {"path":"/readiness"}
   */
  readiness?: ProbeTarget;
}
/**
 * A container that runs beside the application, from before it starts until after it stops.
 */
export interface Sidecar {
  /**
   * Container name, unique in the pod (the main container is named after the workload).
   *
   * @example "migrate"
   */
  name: string;
  /**
   * Container image pinned by a tag or a digest; never `latest` and never untagged.
   *
   * @example "ghcr.io/acme/checkout:1.4.2"
   */
  image: string;
  /**
   * Container command (replaces the image ENTRYPOINT).
   *
   * @default - the image's ENTRYPOINT
   * @example ["/app/migrate"]
   */
  command?: string[];
  /**
   * Container args.
   *
   * @default - the image's CMD
   * @example ["--port","8080"]
   */
  args?: string[];
  /**
   * Environment variables of the container, by name; values are strings.
   *
   * @default {}
   * @example {"LOG_LEVEL":"info"}
   */
  env?: {
    [k: string]: string;
  };
  /**
   * Resources of this container: requests always, memory limit = memory request. Given, each field defaults as the main container's does (250m, 256Mi, 4 x the CPU request).
   *
   * @default - the main container's resources
   * @example {"cpu":"100m","memory":"128Mi"}
   */
  resources?: Resources;
  /**
   * true when the image has no shell and no `sleep` binary (distroless, scratch).
   *
   * @default - true for well-known distroless registries (gcr.io/distroless, cgr.dev/chainguard) except their debug tags, else false
   * @example true
   */
  distroless?: boolean;
  /**
   * Ports the sidecar listens on, inside the pod (the NetworkPolicy admits ingress to the serving port only).
   *
   * @default - none
   * @example [{"name":"metrics","port":9090}]
   */
  ports?: SidecarPort[];
  /**
   * What the sidecar probes check; their timings are derived from `startSeconds`.
   *
   * @default - none: no probes
   * @example {"startup":{"path":"/startup","port":9090}}
   */
  health?: SidecarHealth;
  /**
   * Time the slowest acceptable start of the sidecar takes, until its startup check passes.
   *
   * Unit: seconds.
   *
   * @default - 30; only with a health check
   * @example 20
   */
  startSeconds?: number;
  /**
   * Time the sidecar needs after SIGTERM to stop (flush buffers, close connections).
   *
   * Unit: seconds.
   *
   * @default 5
   * @example 10
   */
  stopSeconds?: number;
}
/**
 * Pods allowed to connect: by namespace labels, pod labels or both.
 */
export interface IngressPeer {
  /**
   * Namespaces with these labels.
   *
   * @default - none: the workload's own namespace
   * @example {"kubernetes.io/metadata.name":"ingress-nginx"}
   */
  namespaceLabels?: {
    [k: string]: string;
  };
  /**
   * Pods with these labels.
   *
   * @default - none: every pod
   * @example {"role":"frontend"}
   */
  podLabels?: {
    [k: string]: string;
  };
}
/**
 * A network the pods may connect to.
 */
export interface EgressDestination {
  /**
   * Destination network.
   *
   * @example "10.0.0.0/8"
   */
  cidr: string;
  /**
   * TCP ports.
   *
   * @default - all
   * @example [5432]
   */
  ports?: number[];
}
export interface NetworkPolicy {
  /**
   * Who may connect to `port`.
   *
   * @default - anyone
   * @example [{"podLabels":{"role":"frontend"}}]
   */
  ingressFrom?: IngressPeer[];
  /**
   * Where the pods may connect (DNS is always allowed).
   *
   * @default - anywhere
   * @example [{"cidr":"10.0.0.0/8","ports":[5432]}]
   */
  egressTo?: EgressDestination[];
}
export interface ProbeTimingOverrides {
  /**
   * Time between probe attempts.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 10
   */
  periodSeconds?: number;
  /**
   * Time before one attempt counts as failed.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 3
   */
  timeoutSeconds?: number;
  /**
   * Consecutive failures before the probe acts.
   *
   * Unit: probe attempts.
   *
   * @default - derived (docs/derivation.md)
   * @example 3
   */
  failureThreshold?: number;
}
export interface RestartingProbeTimingOverrides {
  /**
   * Time between probe attempts.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 10
   */
  periodSeconds?: number;
  /**
   * Time before one attempt counts as failed.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 3
   */
  timeoutSeconds?: number;
  /**
   * Consecutive failures before the probe acts.
   *
   * Unit: probe attempts.
   *
   * @default - derived (docs/derivation.md)
   * @example 3
   */
  failureThreshold?: number;
  /**
   * Grace when this probe kills the container (probe-level terminationGracePeriodSeconds).
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 10
   */
  terminationGracePeriodSeconds?: number;
}
export interface TimingOverrides {
  /**
   * Readiness-probe timings that replace the derived ones.
   *
   * @default - derived (docs/derivation.md)
   * @example {"timeoutSeconds":3}
   */
  readiness?: ProbeTimingOverrides;
  /**
   * Liveness-probe timings that replace the derived ones.
   *
   * @default - derived (docs/derivation.md)
   * @example {"failureThreshold":6}
   */
  liveness?: RestartingProbeTimingOverrides;
  /**
   * Startup-probe timings that replace the derived ones.
   *
   * @default - derived (docs/derivation.md)
   * @example {"periodSeconds":5}
   */
  startup?: RestartingProbeTimingOverrides;
  /**
   * Time the preStop hook waits before SIGTERM.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 15
   */
  preStopSeconds?: number;
  /**
   * Time from deletion to SIGKILL (pod-level grace).
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 60
   */
  terminationGracePeriodSeconds?: number;
  /**
   * Time a new pod must stay ready before it counts as available.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 10
   */
  minReadySeconds?: number;
  /**
   * Time a rollout may make no progress before it is marked failed.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 900
   */
  progressDeadlineSeconds?: number;
  /**
   * Extra pods a rollout may create.
   *
   * Unit: pods, or a percentage of the replicas such as "25%".
   *
   * @default - derived (docs/derivation.md)
   * @example 1
   */
  maxSurge?: number | string;
  /**
   * Pods a rollout may take down at once.
   *
   * Unit: pods, or a percentage of the replicas such as "25%".
   *
   * @default - derived (docs/derivation.md)
   * @example "10%"
   */
  maxUnavailable?: number | string;
}
export interface Acknowledgements {
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  startupWindow?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  livenessAfterReadiness?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  readinessTimeout?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  preStopCoversPropagation?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  graceCoversShutdown?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  progressDeadline?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  graceLimit?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  sidecarsOutliveDrain?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  singleReplica?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  noLiveness?: string;
  /**
   * Why this departure is deliberate; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  noCpuLimit?: string;
}
