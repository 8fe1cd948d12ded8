/* eslint-disable */
/**
 * The workload declaration as TypeScript types: the props of the constructs, the document a
 * declaration file and the Helm values hold. Generated from src/declaration/schema.ts by
 * `npm run generate`: do not edit by hand.
 */

export type Metric = ResourceMetric | PodsMetric | ObjectMetric | ExternalMetric;
export type ProbeTarget = HttpGetProbe | TcpSocketProbe | GrpcProbe | ExecProbe;
export type EnvSource = EnvValueSource | EnvSecretSource | EnvConfigMapSource | EnvPodSource | EnvResourceSource;
export type EnvEntry = EnvValueEntry | EnvSecretEntry | EnvConfigMapEntry | EnvPodEntry | EnvResourceEntry;
export type EnvFromSource = EnvFromSecret | EnvFromConfigMap;
export type FilesSource = SecretFiles | ConfigMapFiles;

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
   * web: serves traffic through a Service. worker: no Service, no preStop hook. stateful: a StatefulSet with stable identity and its own volumes; with a port it is served like web, without like worker. daemon: a DaemonSet, one pod on every node, no Service. job: runs to completion once (a Job), timed by `run`. cronjob: runs to completion on a `schedule` (a CronJob), timed by `run`.
   *
   * @default "web"
   * @example "worker"
   */
  kind?: 'web' | 'worker' | 'stateful' | 'daemon' | 'job' | 'cronjob';
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
   * Protocol of the serving port: http (HTTP/1.1), http2 (HTTP/2 in cleartext), grpc or tcp. It names the port (http, http2, grpc, tcp) and sets the Service port's appProtocol (kubernetes.io/h2c for http2 and grpc), which meshes such as Istio and load balancers read to pick the protocol.
   *
   * @default - grpc when health.readiness checks gRPC on the serving port, else http
   * @example "tcp"
   */
  protocol?: 'http' | 'http2' | 'grpc' | 'tcp';
  /**
   * Extra ports of the main container (metrics, admin), also published by the workload's Service where it has one. The NetworkPolicy admits to each only its own `from`.
   *
   * @default - none
   * @example [{"name":"admin","port":9000,"from":[{"podLabels":{"app":"ops-console"}}]}]
   */
  ports?: ContainerPort[];
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
   * How long the application takes to start (kinds web and worker; required there).
   *
   * @default - none; required for kinds web and worker
   * @example {"maxSeconds":90}
   */
  startup?: StartupTimes;
  /**
   * How long one run takes and how often it is tried (kinds job and cronjob; required there). The Job's deadline, retry budget and failure policy are derived from it.
   *
   * @default - none; required for kinds job and cronjob
   * @example {"maxSeconds":1800}
   */
  run?: RunTimes;
  /**
   * When the CronJob runs (kind cronjob; required there). Its starting deadline is derived from the shortest interval between two runs.
   *
   * @default - none; required for kind cronjob
   * @example {"cron":"0 2 * * *"}
   */
  schedule?: Schedule;
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
   * Container resources: requests always, memory limit = memory request unless memoryLimit says otherwise.
   *
   * @default {}
   * @example {"cpu":"500m"}
   */
  resources?: Resources;
  /**
   * Environment variables of the container: a map of names to values (set in name order), or a list of { name, ... } that keeps its order. A value is a string, or comes from a Secret key, a ConfigMap key, the pod (downward API) or the container resources.
   *
   * @default {}
   * @example {"LOG_LEVEL":"info","DB_PASSWORD":{"secret":{"name":"db-credentials","key":"password"}}}
   */
  env?:
    | {
        [k: string]: string | EnvSource;
      }
    | EnvEntry[];
  /**
   * Whole Secrets or ConfigMaps as environment variables, one per key (set before env, which wins on a name both give).
   *
   * @default - none
   * @example [{"secret":"db-credentials","prefix":"DB_"}]
   */
  envFrom?: EnvFromSource[];
  /**
   * Container command (replaces the image ENTRYPOINT).
   *
   * @default - the image's ENTRYPOINT
   * @example ["gunicorn","app.wsgi"]
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
   * Files from existing Secrets and ConfigMaps, by a name of your choice: each mounted read-only at its path (volume files-<name>).
   *
   * @default - none
   * @example {"db-tls":{"path":"/etc/db/tls","secret":"db-tls","items":{"ca.crt":"ca.pem"}}}
   */
  files?: {
    [k: string]: FilesSource;
  };
  /**
   * Files written in the declaration, by ConfigMap key. They become one immutable ConfigMap, <instance>-config-<hash of the files>, so that a change rolls the pods and an older ReplicaSet keeps its own files; each file is mounted read-only at its path.
   *
   * @default - none
   * @example {"settings.py":{"path":"/app/settings.py","content":"DEBUG = False\n"}}
   */
  configFiles?: {
    [k: string]: ConfigFile;
  };
  /**
   * Writable folders besides /tmp, by a name of your choice (volume scratch-<name>), for images that write a cache or run folder: the root filesystem is read-only.
   *
   * @default - none
   * @example {"cache":{"path":"/var/cache/app","sizeLimit":"2Gi"}}
   */
  scratch?: {
    [k: string]: ScratchFolder;
  };
  /**
   * The writable /tmp every container gets.
   *
   * @default {}
   * @example {"sizeLimit":"4Gi"}
   */
  tmp?: Tmp;
  /**
   * The user, groups and capabilities the pods run with, where the image needs others than the defaults; everything else stays restricted.
   *
   * @default - user and groups 65532, no capabilities
   * @example {"runAsUser":1000,"runAsGroup":1000,"fsGroup":1000}
   */
  securityContext?: SecurityContext;
  /**
   * Secrets (of type kubernetes.io/dockerconfigjson) with the credentials to pull the images, by name.
   *
   * @default - none: the node's own credentials
   * @example ["registry-credentials"]
   */
  imagePullSecrets?: string[];
  /**
   * Annotations of the pods, e.g. for a log shipper or a metrics scraper. Keys under hardened-workloads.io/ are reserved for this project, and AppArmor annotations may only name runtime/default or localhost/ profiles.
   *
   * @default - none
   * @example {"prometheus.io/scrape":"true"}
   */
  podAnnotations?: {
    [k: string]: string;
  };
  /**
   * The workload's own ServiceAccount: its annotations, and whether the pods get an API token.
   *
   * @default - no annotations, no token
   * @example {"annotations":{"iam.gke.io/gcp-service-account":"orders@acme.iam.gserviceaccount.com"}}
   */
  serviceAccount?: ServiceAccount;
  /**
   * Where the pods run: how strictly they spread over nodes and zones, node labels, tolerations, priority and node affinity.
   *
   * @default - any node, default priority
   * @example {"nodeSelector":{"kubernetes.io/arch":"arm64"},"priorityClassName":"business-critical"}
   */
  scheduling?: Scheduling;
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
   * Prometheus metrics: a Prometheus Operator ServiceMonitor (kind web) or PodMonitor (kinds worker, stateful, daemon), and the scraper admitted to the metrics port.
   *
   * @default - none: no monitor
   * @example {"port":"metrics"}
   */
  metrics?: MetricsSettings;
  /**
   * The Service in front of the pods (web workloads).
   *
   * @default - a ClusterIP Service on `port`
   * @example {"type":"LoadBalancer"}
   */
  service?: ServiceSettings;
  /**
   * An Ingress (networking.k8s.io/v1) to the Service, named like every object.
   *
   * @default - none
   * @example {"hosts":["shop.example.com"]}
   */
  ingress?: IngressSettings;
  /**
   * A Gateway API route to the Service, named like every object.
   *
   * @default - none
   * @example {"parentRefs":[{"name":"public-gateway"}]}
   */
  route?: GatewayRouteSettings;
  /**
   * Storage and update settings of a stateful workload (kind stateful only).
   *
   * @default - no volumes, OrderedReady, partition 0, volumes retained
   * @example {"volumeClaims":{"data":{"size":"20Gi","mountPath":"/data"}}}
   */
  stateful?: StatefulSettings;
  /**
   * Update and host access settings of a node agent (kind daemon only).
   *
   * @default - no host paths; one node at a time without its agent during an update
   * @example {"hostPaths":{"logs":{"path":"/var/log"}}}
   */
  daemon?: DaemonSettings;
  /**
   * What a workload brought over from existing manifests keeps of the objects it replaces, so that applying it is an in-place upgrade: selectors, names and the Service port name (README, "Keeping an existing workload's names and selectors").
   *
   * @default - none: this project's selectors, names and port names
   * @example {"selector":{"app":"nginx"},"names":{"Service":"web"},"servicePortName":"web"}
   */
  keep?: Keep;
  /**
   * Changes to the generated objects that the declaration cannot say, keyed by object role (Deployment, Service, PodDisruptionBudget, ...). Names, selectors, selector labels, Service ports and every field the declaration has are refused; the patched objects are held to the invariants and the restricted Pod Security Standard.
   *
   * @default {}
   * @example {"Deployment":{"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}}
   */
  patches?: Patches;
  /**
   * Explicit values that replace derived ones. An override that breaks an invariant is rejected unless `acknowledge` gives a reason.
   *
   * @default {}
   * @example {"terminationGracePeriodSeconds":60}
   */
  overrides?: TimingOverrides;
  /**
   * Written reasons for deliberate departures from the invariants or hardening defaults (docs/derivation.md), keyed by invariant or waiver. Each reason is recorded in an annotation. cpuLimit and probeTimeout, the names of the check rules, replace noCpuLimit and readinessTimeout, which still work (with a note naming the new key); write one of each pair.
   *
   * @default {}
   * @example {"singleReplica":"preview environment, downtime is acceptable"}
   */
  acknowledge?: Acknowledgements;
}
/**
 * Who may connect: pods by namespace labels, pod labels or both; or a network by its cidr.
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
  /**
   * Addresses in this range, e.g. the subnets of a load balancer that sends traffic from its own addresses; instead of labels.
   *
   * @default - none: pods by their labels
   * @example "10.0.0.0/16"
   */
  cidr?: string;
}
/**
 * A port the main container listens on besides the serving port.
 */
export interface ContainerPort {
  /**
   * Port name, unique in the pod (an IANA service name), not the serving port's (named after `protocol`).
   *
   * @example "metrics"
   */
  name: string;
  /**
   * Port number the main container listens on.
   *
   * Unit: TCP port number.
   *
   * @example 9102
   */
  port: number;
  /**
   * Number the workload's Service publishes this port under when clients connect to another than the container's (443 in front of 8443); the Service port keeps the port's name and sends to the container port by name. The NetworkPolicy admits the container's port, where the traffic arrives. Only for a workload with a Service (a serving port, kind web or stateful); unique among the Service's ports.
   *
   * Unit: TCP port number.
   *
   * @default - `port`
   * @example 443
   */
  servicePort?: number;
  /**
   * Who may connect to this port: the NetworkPolicy admits them to it, and no one else.
   *
   * @default - nobody (metrics.from admits the scraper to the metrics port)
   * @example [{"namespaceLabels":{"kubernetes.io/metadata.name":"ops"}}]
   */
  from?: IngressPeer[];
}
/**
 * Average use in percent of the pods’ request.
 */
export interface UtilizationTarget {
  /**
   * The kind of target: use in percent of the request.
   *
   * @example "Utilization"
   */
  type: 'Utilization';
  /**
   * Average use aimed for, in percent of the request.
   *
   * Unit: percent of the request.
   *
   * @example 80
   */
  averageUtilization: number;
}
/**
 * The value divided by the number of pods.
 */
export interface AverageValueTarget {
  /**
   * The kind of target: the value per pod.
   *
   * @example "AverageValue"
   */
  type: 'AverageValue';
  /**
   * Per-pod value aimed for.
   *
   * Unit: the metric's own unit, as a Kubernetes quantity.
   *
   * @example "1k"
   */
  averageValue: string;
}
export interface ResourceMetricResource {
  /**
   * memory, or cpu (whose utilization target is targetCPUUtilizationPercentage).
   *
   * @example "memory"
   */
  name: 'memory' | 'cpu';
  /**
   * The value aimed for: Utilization or AverageValue.
   *
   * @example {"type":"AverageValue","averageValue":"1000"}
   */
  target: UtilizationTarget | AverageValueTarget;
}
/**
 * The pods' memory (or CPU) use.
 */
export interface ResourceMetric {
  /**
   * The kind of metric: a resource of the pods (memory, or cpu).
   *
   * @example "Resource"
   */
  type: 'Resource';
  /**
   * The resource and the use aimed for.
   *
   * @example {"name":"memory","target":{"type":"AverageValue","averageValue":"512Mi"}}
   */
  resource: ResourceMetricResource;
}
export interface MetricIdentifierSelector {
  /**
   * Labels the series has.
   *
   * @example {"topic":"orders"}
   */
  matchLabels: {
    [k: string]: string;
  };
}
export interface MetricIdentifier {
  /**
   * Name of the metric, as the metrics adapter serves it.
   *
   * @example "kafka_consumergroup_lag"
   */
  name: string;
  /**
   * Which series of the metric.
   *
   * @default - none: every series
   * @example {"matchLabels":{"topic":"orders"}}
   */
  selector?: MetricIdentifierSelector;
}
export interface PodsMetricPods {
  /**
   * A metric, by name and labels.
   *
   * @example {"name":"kafka_consumergroup_lag"}
   */
  metric: MetricIdentifier;
  /**
   * The value aimed for: AverageValue.
   *
   * @example {"type":"AverageValue","averageValue":"1000"}
   */
  target: AverageValueTarget;
}
/**
 * A metric each pod serves, averaged over the pods.
 */
export interface PodsMetric {
  /**
   * The kind of metric: a metric each pod serves.
   *
   * @example "Pods"
   */
  type: 'Pods';
  /**
   * The metric and its value per pod aimed for.
   *
   * @example {"metric":{"name":"queue_depth"},"target":{"type":"AverageValue","averageValue":"100"}}
   */
  pods: PodsMetricPods;
}
export interface DescribedObject {
  /**
   * API version.
   *
   * @example "networking.k8s.io/v1"
   */
  apiVersion: string;
  /**
   * Kind.
   *
   * @example "Ingress"
   */
  kind: string;
  /**
   * Name, in the namespace.
   *
   * @example "storefront"
   */
  name: string;
}
/**
 * The value itself.
 */
export interface ValueTarget {
  /**
   * The kind of target: the value itself.
   *
   * @example "Value"
   */
  type: 'Value';
  /**
   * Value aimed for.
   *
   * Unit: the metric's own unit, as a Kubernetes quantity.
   *
   * @example "5000"
   */
  value: string;
}
export interface ObjectMetricObject {
  /**
   * The object the metric describes.
   *
   * @example {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","name":"storefront"}
   */
  describedObject: DescribedObject;
  /**
   * A metric, by name and labels.
   *
   * @example {"name":"kafka_consumergroup_lag"}
   */
  metric: MetricIdentifier;
  /**
   * The value aimed for: Value or AverageValue.
   *
   * @example {"type":"AverageValue","averageValue":"1000"}
   */
  target: ValueTarget | AverageValueTarget;
}
/**
 * A metric of another object in the namespace, such as requests per second of an Ingress.
 */
export interface ObjectMetric {
  /**
   * The kind of metric: a metric of another object.
   *
   * @example "Object"
   */
  type: 'Object';
  /**
   * The object, its metric and the value aimed for.
   *
   * @example {"describedObject":{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","name":"storefront"},"metric":{"name":"requests_per_second"},"target":{"type":"Value","value":"2k"}}
   */
  object: ObjectMetricObject;
}
export interface ExternalMetricExternal {
  /**
   * A metric, by name and labels.
   *
   * @example {"name":"kafka_consumergroup_lag"}
   */
  metric: MetricIdentifier;
  /**
   * The value aimed for: Value or AverageValue.
   *
   * @example {"type":"AverageValue","averageValue":"1000"}
   */
  target: ValueTarget | AverageValueTarget;
}
/**
 * A metric from outside the cluster, such as the lag of a Kafka consumer group or a queue length.
 */
export interface ExternalMetric {
  /**
   * The kind of metric: a metric from outside the cluster.
   *
   * @example "External"
   */
  type: 'External';
  /**
   * The external metric and the value aimed for.
   *
   * @example {"metric":{"name":"kafka_consumergroup_lag"},"target":{"type":"AverageValue","averageValue":"1000"}}
   */
  external: ExternalMetricExternal;
}
/**
 * At most this change per period.
 */
export interface ScalingPolicy {
  /**
   * Pods: a number of pods. Percent: a share of the current pods.
   *
   * @example "Percent"
   */
  type: 'Pods' | 'Percent';
  /**
   * How much may change in one period.
   *
   * Unit: pods or percent.
   *
   * @example 10
   */
  value: number;
  /**
   * The period the value applies to.
   *
   * Unit: seconds.
   *
   * @example 60
   */
  periodSeconds: number;
}
export interface ScaleUpRules {
  /**
   * How far back the autoscaler looks for the highest (scale-down) or lowest (scale-up) recommendation before scaling up.
   *
   * Unit: seconds.
   *
   * @default - 0
   * @example 600
   */
  stabilizationWindowSeconds?: number;
  /**
   * Which policy wins when several apply: Max (the largest change), Min, or Disabled (never scale this way).
   *
   * @default - Max
   * @example "Min"
   */
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  /**
   * Limits on the change per period.
   *
   * @default - double or add 4 pods every 15 s, whichever is more
   * @example [{"type":"Percent","value":10,"periodSeconds":60}]
   */
  policies?: ScalingPolicy[];
}
export interface ScaleDownRules {
  /**
   * How far back the autoscaler looks for the highest (scale-down) or lowest (scale-up) recommendation before scaling down.
   *
   * Unit: seconds.
   *
   * @default - 300
   * @example 600
   */
  stabilizationWindowSeconds?: number;
  /**
   * Which policy wins when several apply: Max (the largest change), Min, or Disabled (never scale this way).
   *
   * @default - Max
   * @example "Min"
   */
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  /**
   * Limits on the change per period.
   *
   * @default - remove up to all surplus pods every 15 s, after a 300 s window
   * @example [{"type":"Percent","value":10,"periodSeconds":60}]
   */
  policies?: ScalingPolicy[];
}
export interface ScalingBehavior {
  /**
   * How the autoscaler scales up.
   *
   * @default - the API's: double or add 4 pods every 15 s, whichever is more
   * @example {"stabilizationWindowSeconds":600,"policies":[{"type":"Percent","value":10,"periodSeconds":60}]}
   */
  scaleUp?: ScaleUpRules;
  /**
   * How the autoscaler scales down.
   *
   * @default - the API's: remove up to all surplus pods every 15 s, after a 300 s window
   * @example {"stabilizationWindowSeconds":600,"policies":[{"type":"Percent","value":10,"periodSeconds":60}]}
   */
  scaleDown?: ScaleDownRules;
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
  /**
   * Further metrics the autoscaler scales on, besides the CPU target (it takes the largest number of pods any metric asks for): memory, a per-pod metric, a metric of another object, or an external one such as the lag of a Kafka consumer group.
   *
   * @default - none: CPU only
   * @example [{"type":"External","external":{"metric":{"name":"kafka_consumergroup_lag"},"target":{"type":"AverageValue","averageValue":"1000"}}}]
   */
  metrics?: Metric[];
  /**
   * The autoscaling/v2 behavior: how fast the autoscaler scales up and down.
   *
   * @default - the API's defaults
   * @example {"scaleDown":{"stabilizationWindowSeconds":600,"policies":[{"type":"Percent","value":10,"periodSeconds":60}]}}
   */
  behavior?: ScalingBehavior;
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
export interface RunTimes {
  /**
   * Time the slowest acceptable run takes, from the start of the main container to its exit.
   *
   * Unit: seconds.
   *
   * @example 1800
   */
  maxSeconds: number;
  /**
   * Time a run usually takes; shown in the timeline of `explain`.
   *
   * Unit: seconds.
   *
   * @default - ceil(maxSeconds / 3)
   * @example 600
   */
  typicalSeconds?: number;
  /**
   * How many times a run is tried before the Job fails (backoffLimit = attempts - 1). Pods lost to disruptions (eviction, preemption, node drain) do not count: the pod failure policy ignores them. Kubernetes' own default is 7 attempts.
   *
   * Unit: attempts.
   *
   * @default - 3; for a cronjob whose runs must not overlap (concurrencyPolicy Forbid or Replace), as many of 3 as fit between two runs, at least 1
   * @example 5
   */
  attempts?: number;
  /**
   * Time each attempt's pod may take from its creation to the start of the main container: scheduling, image pull, container start. Part of every attempt's deadline (the pod's activeDeadlineSeconds).
   *
   * Unit: seconds.
   *
   * @default - 20: Kubernetes' pod startup objective (5 s without image pull) plus the pull of a small image; declare more for a large image or a node added on demand
   * @example 120
   */
  startSeconds?: number;
  /**
   * Exit codes of the main container that mean a permanent error (bad input, a failed precondition): the pod failure policy fails the Job at once instead of retrying. In increasing order, without repeats.
   *
   * Unit: exit codes.
   *
   * @default - none: every failure is retried until attempts run out
   * @example [2,64]
   */
  nonRetryableExitCodes?: number[];
}
export interface Schedule {
  /**
   * The schedule in cron format, as Kubernetes reads it (five fields, or a macro such as @daily).
   *
   * @example "0 2 * * *"
   */
  cron: string;
  /**
   * IANA time zone the schedule is read in: a name of the IANA time zone database (zones and links, case-sensitive), which the CronJob controller needs to run the schedule at all.
   *
   * @default - the kube-controller-manager's time zone (usually UTC)
   * @example "Europe/Berlin"
   */
  timeZone?: string;
  /**
   * What happens when a run is due while the last one still runs. Forbid: skip the new run. Replace: stop the old one. Allow: run both (the run must tolerate a second copy).
   *
   * @default "Forbid"
   * @example "Replace"
   */
  concurrencyPolicy?: 'Forbid' | 'Replace' | 'Allow';
  /**
   * Stops the schedule without deleting the CronJob: no new run starts while true; a run already started goes on. Missed runs are not made up later beyond startingDeadlineSeconds.
   *
   * @default - false: the schedule runs
   * @example true
   */
  suspend?: boolean;
  /**
   * Finished Jobs that succeeded to keep, with their pods and logs.
   *
   * Unit: Jobs.
   *
   * @default 3
   * @example 1
   */
  successfulJobsHistoryLimit?: number;
  /**
   * Finished Jobs that failed to keep, with their pods and logs.
   *
   * Unit: Jobs.
   *
   * @default 3
   * @example 5
   */
  failedJobsHistoryLimit?: number;
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
export interface EphemeralStorage {
  /**
   * Node disk the scheduler sets aside: the container's writable layer, its logs and its share of the pod's folders on disk.
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default - none (the API takes the limit when there is one)
   * @example "1Gi"
   */
  request?: string;
  /**
   * Most node disk the container may use, at least the request. The kubelet adds up the limits of the pod's containers and evicts the pod when they, its logs and its folders on disk (/tmp, scratch) use more: the limits must be larger than those folders' size limits (invariant ephemeralStorageCoversFolders).
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default - none: no limit but the folders' own size limits
   * @example "4Gi"
   */
  limit?: string;
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
   * Memory request, also the memory limit unless memoryLimit is given.
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default "256Mi"
   * @example "1Gi"
   */
  memory?: string;
  /**
   * CPU limit, generous by default because CPU throttling makes probes time out. false removes it and needs acknowledge.cpuLimit.
   *
   * Unit: CPU cores, or millicores with the suffix m.
   *
   * @default - 4 x the CPU request
   * @example "2"
   */
  cpuLimit?: false | string;
  /**
   * Memory limit, at least the request. Above the request the container may be OOM-killed whenever its node runs short of memory, so keep it close.
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default - the memory request
   * @example "1536Mi"
   */
  memoryLimit?: string;
  /**
   * Node disk (ephemeral-storage) the container requests and may use.
   *
   * @default - none
   * @example {"request":"1Gi","limit":"4Gi"}
   */
  ephemeralStorage?: EphemeralStorage;
}
/**
 * A value written out.
 */
export interface EnvValueSource {
  /**
   * The value. $(NAME) is replaced by the value of a variable defined earlier; $$ writes a literal $.
   *
   * @example "jdbc:postgresql://$(DB_HOST)/orders"
   */
  value: string;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
}
export interface SecretKey {
  /**
   * Name of the Secret.
   *
   * @example "db-credentials"
   */
  name: string;
  /**
   * Key in the Secret.
   *
   * @example "password"
   */
  key: string;
  /**
   * true: the container starts even when the Secret or its key is missing.
   *
   * @default - false: the container does not start without it
   * @example true
   */
  optional?: boolean;
}
/**
 * The value of a key of an existing Secret.
 */
export interface EnvSecretSource {
  /**
   * The value of a key of an existing Secret.
   *
   * @example {"name":"db-credentials","key":"password"}
   */
  secret: SecretKey;
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
}
export interface ConfigMapKey {
  /**
   * Name of the ConfigMap.
   *
   * @example "app-settings"
   */
  name: string;
  /**
   * Key in the ConfigMap.
   *
   * @example "log-level"
   */
  key: string;
  /**
   * true: the container starts even when the ConfigMap or its key is missing.
   *
   * @default - false: the container does not start without it
   * @example true
   */
  optional?: boolean;
}
/**
 * The value of a key of an existing ConfigMap.
 */
export interface EnvConfigMapSource {
  /**
   * The value of a key of an existing ConfigMap.
   *
   * @example {"name":"app-settings","key":"log-level"}
   */
  configMap: ConfigMapKey;
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
}
/**
 * A fact of the pod.
 */
export interface EnvPodSource {
  /**
   * A fact of the pod (downward API): name, namespace, uid, serviceAccountName, nodeName, hostIP, podIP or podIPs (comma-separated, dual-stack).
   *
   * @example "name"
   */
  pod: 'name' | 'namespace' | 'uid' | 'serviceAccountName' | 'nodeName' | 'hostIP' | 'podIP' | 'podIPs';
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
}
export interface ResourceField {
  /**
   * The container's own request or limit: requests.cpu, requests.memory, limits.cpu or limits.memory.
   *
   * @example "limits.memory"
   */
  field: 'requests.cpu' | 'requests.memory' | 'limits.cpu' | 'limits.memory';
  /**
   * Unit of the value, which is the quantity divided by it and rounded up: 1 or 1m for CPU; 1, 1k, 1Ki, 1M, 1Mi, 1G, 1Gi, 1T or 1Ti for memory.
   *
   * @default - 1 (cores for CPU, bytes for memory)
   * @example "1Mi"
   */
  divisor?: '1' | '1m' | '1k' | '1Ki' | '1M' | '1Mi' | '1G' | '1Gi' | '1T' | '1Ti';
}
/**
 * A request or limit of the container.
 */
export interface EnvResourceSource {
  /**
   * A request or limit of the container itself (resourceFieldRef), e.g. to size a JVM or Go heap from the memory limit.
   *
   * @example {"field":"limits.memory","divisor":"1Mi"}
   */
  resource: ResourceField;
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
}
/**
 * A variable set to a value written out.
 */
export interface EnvValueEntry {
  /**
   * The value. $(NAME) is replaced by the value of a variable defined earlier; $$ writes a literal $.
   *
   * @example "jdbc:postgresql://$(DB_HOST)/orders"
   */
  value: string;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
  /**
   * Name of the variable.
   *
   * @example "DATABASE_URL"
   */
  name: string;
}
/**
 * A variable set to the value of a key of an existing Secret.
 */
export interface EnvSecretEntry {
  /**
   * The value of a key of an existing Secret.
   *
   * @example {"name":"db-credentials","key":"password"}
   */
  secret: SecretKey;
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
  /**
   * Name of the variable.
   *
   * @example "DATABASE_URL"
   */
  name: string;
}
/**
 * A variable set to the value of a key of an existing ConfigMap.
 */
export interface EnvConfigMapEntry {
  /**
   * The value of a key of an existing ConfigMap.
   *
   * @example {"name":"app-settings","key":"log-level"}
   */
  configMap: ConfigMapKey;
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
  /**
   * Name of the variable.
   *
   * @example "DATABASE_URL"
   */
  name: string;
}
/**
 * A variable set to a fact of the pod.
 */
export interface EnvPodEntry {
  /**
   * A fact of the pod (downward API): name, namespace, uid, serviceAccountName, nodeName, hostIP, podIP or podIPs (comma-separated, dual-stack).
   *
   * @example "name"
   */
  pod: 'name' | 'namespace' | 'uid' | 'serviceAccountName' | 'nodeName' | 'hostIP' | 'podIP' | 'podIPs';
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  resource?: never;
  /**
   * Name of the variable.
   *
   * @example "DATABASE_URL"
   */
  name: string;
}
/**
 * A variable set to a request or limit of the container.
 */
export interface EnvResourceEntry {
  /**
   * A request or limit of the container itself (resourceFieldRef), e.g. to size a JVM or Go heap from the memory limit.
   *
   * @example {"field":"limits.memory","divisor":"1Mi"}
   */
  resource: ResourceField;
  /**
   * Belongs to another form: leave it out.
   */
  value?: never;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
  /**
   * Belongs to another form: leave it out.
   */
  pod?: never;
  /**
   * Name of the variable.
   *
   * @example "DATABASE_URL"
   */
  name: string;
}
/**
 * Every key of an existing Secret as a variable.
 */
export interface EnvFromSecret {
  /**
   * Name of the Secret.
   *
   * @example "db-credentials"
   */
  secret: string;
  /**
   * Text put before every key to make the variable name.
   *
   * @default - none: the keys are the names
   * @example "DB_"
   */
  prefix?: string;
  /**
   * true: the container starts even when the Secret or its keys is missing.
   *
   * @default - false: the container does not start without it
   * @example true
   */
  optional?: boolean;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
}
/**
 * Every key of an existing ConfigMap as a variable.
 */
export interface EnvFromConfigMap {
  /**
   * Name of the ConfigMap.
   *
   * @example "app-settings"
   */
  configMap: string;
  /**
   * Text put before every key to make the variable name.
   *
   * @default - none: the keys are the names
   * @example "DB_"
   */
  prefix?: string;
  /**
   * true: the container starts even when the ConfigMap or its keys is missing.
   *
   * @default - false: the container does not start without it
   * @example true
   */
  optional?: boolean;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
}
/**
 * The keys of an existing Secret as files.
 */
export interface SecretFiles {
  /**
   * Name of the Secret.
   *
   * @example "db-credentials"
   */
  secret: string;
  /**
   * Folder the files appear in, read-only.
   *
   * @example "/etc/db"
   */
  path: string;
  /**
   * Only these keys, each as the file name given (a path relative to `path`).
   *
   * @default - every key, as a file of the same name
   * @example {"ca.crt":"ca.pem"}
   */
  items?: {
    [k: string]: string;
  };
  /**
   * true: the container starts even when the object (or a listed key) is missing, with the folder empty.
   *
   * @default - false: the container does not start without it
   * @example true
   */
  optional?: boolean;
  /**
   * Permission bits of the files, as a number: 288 is octal 0440 (owner and group read). In YAML 1.1, as Helm and our CLI read declaration files, 0440 written with a leading zero is octal too; JSON and TypeScript need 288 (or 0o440). The group (the pod fsGroup 65532) must be able to read.
   *
   * Unit: permission bits.
   *
   * @default - 288 (0440: owner and group read)
   * @example 288
   */
  mode?: number;
  /**
   * Belongs to another form: leave it out.
   */
  configMap?: never;
}
/**
 * The keys of an existing ConfigMap as files.
 */
export interface ConfigMapFiles {
  /**
   * Name of the ConfigMap.
   *
   * @example "app-settings"
   */
  configMap: string;
  /**
   * Folder the files appear in, read-only.
   *
   * @example "/etc/db"
   */
  path: string;
  /**
   * Only these keys, each as the file name given (a path relative to `path`).
   *
   * @default - every key, as a file of the same name
   * @example {"ca.crt":"ca.pem"}
   */
  items?: {
    [k: string]: string;
  };
  /**
   * true: the container starts even when the object (or a listed key) is missing, with the folder empty.
   *
   * @default - false: the container does not start without it
   * @example true
   */
  optional?: boolean;
  /**
   * Permission bits of the files, as a number: 288 is octal 0440 (owner and group read). In YAML 1.1, as Helm and our CLI read declaration files, 0440 written with a leading zero is octal too; JSON and TypeScript need 288 (or 0o440). The group (the pod fsGroup 65532) must be able to read.
   *
   * Unit: permission bits.
   *
   * @default - 288 (0440: owner and group read)
   * @example 288
   */
  mode?: number;
  /**
   * Belongs to another form: leave it out.
   */
  secret?: never;
}
/**
 * A file written in the declaration.
 */
export interface ConfigFile {
  /**
   * Where the file appears in the container, read-only.
   *
   * @example "/app/settings.py"
   */
  path: string;
  /**
   * The text of the file.
   *
   * @example "DEBUG = False\n"
   */
  content: string;
}
/**
 * A writable folder, emptied when the pod goes (an emptyDir).
 */
export interface ScratchFolder {
  /**
   * The writable folder.
   *
   * @example "/var/cache/app"
   */
  path: string;
  /**
   * Most bytes the folder may hold; beyond it the pod is evicted.
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default - 1Gi on disk; required in memory
   * @example "2Gi"
   */
  sizeLimit?: string;
  /**
   * Where the files live: disk (the node's ephemeral storage) or memory (tmpfs, fast, and counted against the container's memory limit).
   *
   * @default - disk
   * @example "memory"
   */
  medium?: 'disk' | 'memory';
}
export interface Tmp {
  /**
   * Most bytes /tmp may hold; beyond it the pod is evicted.
   *
   * Unit: bytes, usually with a suffix such as Mi or Gi.
   *
   * @default "1Gi"
   * @example "4Gi"
   */
  sizeLimit?: string;
  /**
   * Where the files live: disk (the node's ephemeral storage) or memory (tmpfs, fast, and counted against the container's memory limit).
   *
   * @default "disk"
   * @example "memory"
   */
  medium?: 'disk' | 'memory';
}
export interface SecurityContext {
  /**
   * User id the application's container runs as (sidecars and init containers keep 65532). 0 is root: kind daemon only, with acknowledge.runAsNonRoot.
   *
   * Unit: user id.
   *
   * @default - 65532 (nonroot, present in distroless images)
   * @example 1000
   */
  runAsUser?: number;
  /**
   * Primary group id of the application's container's processes.
   *
   * Unit: group id.
   *
   * @default - 65532
   * @example 1000
   */
  runAsGroup?: number;
  /**
   * Group that owns the volumes Kubernetes prepares for the pod (emptyDir, claims, config files), so that every container can write them.
   *
   * Unit: group id.
   *
   * @default - 65532
   * @example 1000
   */
  fsGroup?: number;
  /**
   * Further groups of every container's processes, e.g. the group that may read a host folder.
   *
   * @default - none
   * @example [4]
   */
  supplementalGroups?: number[];
  /**
   * Linux capabilities the application's container adds back after dropping ALL, without the CAP_ prefix. NET_BIND_SERVICE is allowed everywhere; any other is for kind daemon only, with acknowledge.capabilities.
   *
   * @default - none: every capability dropped
   * @example ["NET_BIND_SERVICE"]
   */
  capabilities?: (
    | 'AUDIT_CONTROL'
    | 'AUDIT_READ'
    | 'AUDIT_WRITE'
    | 'BLOCK_SUSPEND'
    | 'BPF'
    | 'CHECKPOINT_RESTORE'
    | 'CHOWN'
    | 'DAC_OVERRIDE'
    | 'DAC_READ_SEARCH'
    | 'FOWNER'
    | 'FSETID'
    | 'IPC_LOCK'
    | 'IPC_OWNER'
    | 'KILL'
    | 'LEASE'
    | 'LINUX_IMMUTABLE'
    | 'MAC_ADMIN'
    | 'MAC_OVERRIDE'
    | 'MKNOD'
    | 'NET_ADMIN'
    | 'NET_BIND_SERVICE'
    | 'NET_BROADCAST'
    | 'NET_RAW'
    | 'PERFMON'
    | 'SETFCAP'
    | 'SETGID'
    | 'SETPCAP'
    | 'SETUID'
    | 'SYS_ADMIN'
    | 'SYS_BOOT'
    | 'SYS_CHROOT'
    | 'SYS_MODULE'
    | 'SYS_NICE'
    | 'SYS_PACCT'
    | 'SYS_PTRACE'
    | 'SYS_RAWIO'
    | 'SYS_RESOURCE'
    | 'SYS_TIME'
    | 'SYS_TTY_CONFIG'
    | 'SYSLOG'
    | 'WAKE_ALARM'
  )[];
}
export interface ServiceAccount {
  /**
   * Annotations of the ServiceAccount, e.g. a cloud workload identity (eks.amazonaws.com/role-arn, iam.gke.io/gcp-service-account).
   *
   * @default - none
   * @example {"eks.amazonaws.com/role-arn":"arn:aws:iam::123456789012:role/orders"}
   */
  annotations?: {
    [k: string]: string;
  };
  /**
   * true mounts a Kubernetes API token into the pods, for workloads that call the Kubernetes API; needs acknowledge.automountServiceAccountToken with the reason.
   *
   * @default - false: no token
   * @example true
   */
  mountApiToken?: boolean;
}
/**
 * A node taint the pods accept.
 */
export interface Toleration {
  /**
   * Taint key tolerated.
   *
   * @default - none: every taint, which needs operator Exists
   * @example "dedicated"
   */
  key?: string;
  /**
   * Equal: the taint has this value. Exists: any value.
   *
   * @default - Equal
   * @example "Exists"
   */
  operator?: 'Equal' | 'Exists';
  /**
   * Taint value tolerated (operator Equal).
   *
   * @default - none: the empty value
   * @example "payments"
   */
  value?: string;
  /**
   * Taint effect tolerated.
   *
   * @default - none: every effect
   * @example "NoSchedule"
   */
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /**
   * How long a pod stays on a node after a NoExecute taint appears (effect NoExecute).
   *
   * Unit: seconds.
   *
   * @default - none: for ever
   * @example 300
   */
  tolerationSeconds?: number;
}
/**
 * A condition on one node label.
 */
export interface NodeExpression {
  /**
   * Node label key.
   *
   * @example "node.kubernetes.io/instance-type"
   */
  key: string;
  /**
   * In, NotIn: the label has (not) one of the values. Exists, DoesNotExist: the label is (not) there. Gt, Lt: the label is a number greater or less than the one value.
   *
   * @example "In"
   */
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  /**
   * Values compared with the label.
   *
   * @default - none; at least one for In and NotIn, exactly one integer for Gt and Lt, none for Exists and DoesNotExist
   * @example ["m6i.large","m7i.large"]
   */
  values?: string[];
}
/**
 * Conditions a node meets all of.
 */
export interface NodeTerm {
  /**
   * Conditions a node meets all of.
   *
   * @example [{"key":"kubernetes.io/arch","operator":"In","values":["arm64"]}]
   */
  matchExpressions: NodeExpression[];
}
/**
 * Conditions a node should meet all of, with a weight.
 */
export interface WeightedNodeTerm {
  /**
   * How much meeting this term counts, from 1 to 100.
   *
   * Unit: points.
   *
   * @example 50
   */
  weight: number;
  /**
   * Conditions a node meets all of.
   *
   * @example [{"key":"kubernetes.io/arch","operator":"In","values":["arm64"]}]
   */
  matchExpressions: NodeExpression[];
}
export interface SchedulingNodeAffinity {
  /**
   * A node must meet one of these terms.
   *
   * @default - none
   * @example [{"matchExpressions":[{"key":"kubernetes.io/arch","operator":"In","values":["arm64"]}]}]
   */
  required?: NodeTerm[];
  /**
   * Terms the scheduler prefers nodes by, adding up the weights of the terms a node meets.
   *
   * @default - none
   * @example [{"weight":50,"matchExpressions":[{"key":"node-pool","operator":"In","values":["spot"]}]}]
   */
  preferred?: WeightedNodeTerm[];
}
export interface Scheduling {
  /**
   * How strictly the pods spread over nodes and zones. preferred: the scheduler tries (host anti-affinity preferred, zone and node spread ScheduleAnyway). required: no two pods on one node and zones kept within one pod of each other (host anti-affinity required, spread DoNotSchedule), for quorum members that must not fail together; a pod then stays Pending rather than share a node. Not for kind daemon, which runs one pod on every node.
   *
   * @default - preferred
   * @example "required"
   */
  spread?: 'preferred' | 'required';
  /**
   * Node labels a node must have, each with the value given.
   *
   * @default - none: any node
   * @example {"kubernetes.io/arch":"arm64"}
   */
  nodeSelector?: {
    [k: string]: string;
  };
  /**
   * Node taints the pods tolerate.
   *
   * @default - none
   * @example [{"key":"dedicated","value":"payments","effect":"NoSchedule"}]
   */
  tolerations?: Toleration[];
  /**
   * PriorityClass of the pods: who is preempted first when the cluster is full.
   *
   * @default - none: the cluster's default priority
   * @example "business-critical"
   */
  priorityClassName?: string;
  /**
   * Node affinity, besides the spread over zones and nodes.
   *
   * @default - none
   * @example {"required":[{"matchExpressions":[{"key":"kubernetes.io/arch","operator":"In","values":["arm64"]}]}]}
   */
  nodeAffinity?: SchedulingNodeAffinity;
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
   * Environment variables of the container: a map of names to values (set in name order), or a list of { name, ... } that keeps its order. A value is a string, or comes from a Secret key, a ConfigMap key, the pod (downward API) or the container resources.
   *
   * @default {}
   * @example {"LOG_LEVEL":"info","DB_PASSWORD":{"secret":{"name":"db-credentials","key":"password"}}}
   */
  env?:
    | {
        [k: string]: string | EnvSource;
      }
    | EnvEntry[];
  /**
   * Whole Secrets or ConfigMaps as environment variables, one per key (set before env, which wins on a name both give).
   *
   * @default - none
   * @example [{"secret":"db-credentials","prefix":"DB_"}]
   */
  envFrom?: EnvFromSource[];
  /**
   * Files from existing Secrets and ConfigMaps, by a name of your choice: each mounted read-only at its path (volume files-<name>).
   *
   * @default - none
   * @example {"db-tls":{"path":"/etc/db/tls","secret":"db-tls","items":{"ca.crt":"ca.pem"}}}
   */
  files?: {
    [k: string]: FilesSource;
  };
  /**
   * Keys of the workload's configFiles to mount into this container too, each read-only at the path declared there (a migration reads the same settings file as the application).
   *
   * @default - none
   * @example ["settings.py"]
   */
  configFiles?: string[];
  /**
   * Names of the workload's scratch folders to mount into this container too, at the paths declared there: the containers share the folder (an init container fetches assets that the application serves).
   *
   * @default - none
   * @example ["assets"]
   */
  scratch?: string[];
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
   * @default - the startup target
   * @example {"path":"/readiness"}
   */
  readiness?: ProbeTarget;
  /**
   * Liveness check: when it fails long after readiness has (a stuck proxy), the kubelet restarts the sidecar. Never the same check as readiness.
   *
   * @default - a TCP check of the port readiness checks over HTTP or gRPC; none when readiness is a TCP check or a command
   * @example {"tcp":true,"port":9090}
   */
  liveness?: ProbeTarget;
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
   * Environment variables of the container: a map of names to values (set in name order), or a list of { name, ... } that keeps its order. A value is a string, or comes from a Secret key, a ConfigMap key, the pod (downward API) or the container resources.
   *
   * @default {}
   * @example {"LOG_LEVEL":"info","DB_PASSWORD":{"secret":{"name":"db-credentials","key":"password"}}}
   */
  env?:
    | {
        [k: string]: string | EnvSource;
      }
    | EnvEntry[];
  /**
   * Whole Secrets or ConfigMaps as environment variables, one per key (set before env, which wins on a name both give).
   *
   * @default - none
   * @example [{"secret":"db-credentials","prefix":"DB_"}]
   */
  envFrom?: EnvFromSource[];
  /**
   * Files from existing Secrets and ConfigMaps, by a name of your choice: each mounted read-only at its path (volume files-<name>).
   *
   * @default - none
   * @example {"db-tls":{"path":"/etc/db/tls","secret":"db-tls","items":{"ca.crt":"ca.pem"}}}
   */
  files?: {
    [k: string]: FilesSource;
  };
  /**
   * Keys of the workload's configFiles to mount into this container too, each read-only at the path declared there (a migration reads the same settings file as the application).
   *
   * @default - none
   * @example ["settings.py"]
   */
  configFiles?: string[];
  /**
   * Names of the workload's scratch folders to mount into this container too, at the paths declared there: the containers share the folder (an init container fetches assets that the application serves).
   *
   * @default - none
   * @example ["assets"]
   */
  scratch?: string[];
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
   * What the sidecar probes check; their timings are derived from `startSeconds` and the application's readiness and liveness rules.
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
   * Who may connect to `port`, besides the peers the ways in declare (ingress.from, route.from, service.from).
   *
   * @default - none; with no peers declared anywhere, anyone may connect
   * @example [{"podLabels":{"role":"frontend"}}]
   */
  ingressFrom?: IngressPeer[];
  /**
   * Where the pods may connect (name resolution is allowed too, to `dns`).
   *
   * @default - anywhere
   * @example [{"cidr":"10.0.0.0/8","ports":[5432]}]
   */
  egressTo?: EgressDestination[];
  /**
   * Where the pods may resolve names (UDP and TCP port 53) when `egressTo` restricts egress. For node-local DNS, add its address, e.g. [{ cidr: 169.254.20.10/32 }, <the default>].
   *
   * @default - the cluster DNS: [{ namespaceLabels: { kubernetes.io/metadata.name: kube-system }, podLabels: { k8s-app: kube-dns } }]
   * @example [{"cidr":"169.254.20.10/32"},{"namespaceLabels":{"kubernetes.io/metadata.name":"kube-system"},"podLabels":{"k8s-app":"kube-dns"}}]
   */
  dns?: IngressPeer[];
}
export interface MetricsSettings {
  /**
   * Name of the port serving the metrics: one of `ports`, or the serving port (named after `protocol`).
   *
   * @default - the serving port
   * @example "metrics"
   */
  port?: string;
  /**
   * HTTP path of the metrics.
   *
   * @default - /metrics
   * @example "/metrics"
   */
  path?: string;
  /**
   * Time between two scrapes.
   *
   * Unit: seconds.
   *
   * @default - 30
   * @example 15
   */
  interval?: number;
  /**
   * Who scrapes: the NetworkPolicy admits them to the metrics port.
   *
   * @default - the namespace labelled kubernetes.io/metadata.name: monitoring
   * @example [{"namespaceLabels":{"kubernetes.io/metadata.name":"observability"}}]
   */
  from?: IngressPeer[];
}
/**
 * One more Service port that sends to the serving port.
 */
export interface ServiceExtraPort {
  /**
   * Name of the Service port, unique among the Service's ports.
   *
   * @example "https"
   */
  name: string;
  /**
   * Number the Service publishes it on, unique among the Service's ports.
   *
   * Unit: TCP port number.
   *
   * @example 443
   */
  port: number;
}
export interface ServiceSettings {
  /**
   * ClusterIP, or LoadBalancer for an AWS Network Load Balancer with IP targets (traffic.platform aws-nlb): the same Service, name, selector and port.
   *
   * @default "ClusterIP"
   * @example "LoadBalancer"
   */
  type?: 'ClusterIP' | 'LoadBalancer';
  /**
   * Port of the Service when clients connect to another than the container's (80 in front of 8080). The Ingress and Gateway API routes send to it; the NetworkPolicy admits the container's port, where the traffic arrives.
   *
   * Unit: TCP port number.
   *
   * @default - `port`
   * @example 80
   */
  port?: number;
  /**
   * More Service ports that send to the serving port, for clients that connect under another name or number (argo-cd's server: http on 80 and https on 443, both to 8080). Each targets the serving container port by name, without an appProtocol (Istio reads the protocol from the name); the Ingress and routes send to `service.port`, the NetworkPolicy admits the container's `port`.
   *
   * @default - none
   * @example [{"name":"https","port":443}]
   */
  extraPorts?: ServiceExtraPort[];
  /**
   * Extra annotations of the Service. Those the derivation sets are refused; service.beta.kubernetes.io/aws-load-balancer-target-group-attributes is joined with the derived deregistration delay.
   *
   * @default {}
   * @example {"service.beta.kubernetes.io/aws-load-balancer-scheme":"internet-facing"}
   */
  annotations?: {
    [k: string]: string;
  };
  /**
   * Who this traffic comes from (LoadBalancer only: the subnets of the load balancer, or the clients when it preserves their addresses); the NetworkPolicy admits them to `port`.
   *
   * @default - none; with no peers declared anywhere, anyone may connect
   * @example [{"cidr":"10.0.0.0/16"}]
   */
  from?: IngressPeer[];
}
export interface IngressSettings {
  /**
   * IngressClass of the Ingress (spec.ingressClassName).
   *
   * @default - alb with traffic.platform aws-alb, else none: the cluster's default IngressClass
   * @example "nginx"
   */
  className?: string;
  /**
   * Host names the Ingress serves, one rule each; "*.example.com" matches every subdomain.
   *
   * @default - none: one rule for every host
   * @example ["shop.example.com"]
   */
  hosts?: string[];
  /**
   * Path prefixes routed to the workload (pathType Prefix).
   *
   * @default - ["/"]
   * @example ["/api"]
   */
  paths?: string[];
  /**
   * Secret holding the TLS certificate of the hosts (spec.tls). An ALB takes its certificate from ACM instead.
   *
   * @default - none: no TLS section
   * @example "shop-example-com-tls"
   */
  tlsSecretName?: string;
  /**
   * Extra annotations of the Ingress. Those the derivation sets are refused; alb.ingress.kubernetes.io/target-group-attributes is joined with the derived deregistration delay.
   *
   * @default {}
   * @example {"alb.ingress.kubernetes.io/scheme":"internet-facing"}
   */
  annotations?: {
    [k: string]: string;
  };
  /**
   * Who this traffic comes from (the ingress controller's pods, or with aws-alb the subnets of the load balancer); the NetworkPolicy admits them to `port`.
   *
   * @default - none; with no peers declared anywhere, anyone may connect
   * @example [{"namespaceLabels":{"kubernetes.io/metadata.name":"ingress-nginx"}}]
   */
  from?: IngressPeer[];
}
/**
 * A Gateway the route attaches to (a parentRef).
 */
export interface GatewayReference {
  /**
   * Name of the Gateway.
   *
   * @example "public-gateway"
   */
  name: string;
  /**
   * Namespace of the Gateway.
   *
   * @default - the route's own namespace
   * @example "gateways"
   */
  namespace?: string;
  /**
   * Listener of the Gateway to attach to.
   *
   * @default - none: every listener that allows the route
   * @example "https"
   */
  sectionName?: string;
}
export interface GatewayRouteSettings {
  /**
   * HTTPRoute, or GRPCRoute for a gRPC service (Gateway API v1).
   *
   * @default "HTTPRoute"
   * @example "GRPCRoute"
   */
  kind?: 'HTTPRoute' | 'GRPCRoute';
  /**
   * Gateways the route attaches to.
   *
   * @example [{"name":"public-gateway","namespace":"gateways"}]
   */
  parentRefs: GatewayReference[];
  /**
   * Host names the route serves; "*.example.com" matches every subdomain.
   *
   * @default - none: the Gateway listener's host names
   * @example ["shop.example.com"]
   */
  hostnames?: string[];
  /**
   * Path prefixes routed to the workload (HTTPRoute only; PathPrefix matches).
   *
   * @default - ["/"]
   * @example ["/api"]
   */
  paths?: string[];
  /**
   * gRPC services routed to the workload (GRPCRoute only).
   *
   * @default - none: every service
   * @example ["checkout.v1.Checkout"]
   */
  services?: string[];
  /**
   * Who this traffic comes from (the Gateway's pods); the NetworkPolicy admits them to `port`.
   *
   * @default - none; with no peers declared anywhere, anyone may connect
   * @example [{"namespaceLabels":{"kubernetes.io/metadata.name":"gateways"}}]
   */
  from?: IngressPeer[];
}
/**
 * A volume of each pod's own, kept across restarts and rescheduling (a volume claim template).
 */
export interface VolumeClaim {
  /**
   * Storage each pod's volume requests.
   *
   * Unit: bytes, usually with a suffix such as Gi.
   *
   * @example "10Gi"
   */
  size: string;
  /**
   * Where the volume appears in the application's container, writable.
   *
   * @example "/data"
   */
  mountPath: string;
  /**
   * StorageClass that provisions the volume.
   *
   * @default - the cluster's default StorageClass
   * @example "gp3"
   */
  storageClass?: string;
  /**
   * How nodes may mount the volume; each pod has its own claim.
   *
   * @default "ReadWriteOnce"
   * @example "ReadWriteOncePod"
   */
  accessMode?: 'ReadWriteOnce' | 'ReadWriteOncePod' | 'ReadOnlyMany' | 'ReadWriteMany';
}
export interface ClaimRetention {
  /**
   * What happens to the volumes when the workload is deleted. Delete needs acknowledge.deleteVolumeClaims.
   *
   * @default "Retain"
   * @example "Delete"
   */
  whenDeleted?: 'Retain' | 'Delete';
  /**
   * What happens to the volumes of the pods a scale-down removes. Delete needs acknowledge.deleteVolumeClaims.
   *
   * @default "Retain"
   * @example "Delete"
   */
  whenScaled?: 'Retain' | 'Delete';
}
export interface StatefulSettings {
  /**
   * Volumes each pod keeps, by name: the claim of pod <instance>-N is <name>-<instance>-N, and it follows the pod to whichever node it runs on.
   *
   * @default {}
   * @example {"data":{"size":"20Gi","mountPath":"/data"}}
   */
  volumeClaims?: {
    [k: string]: VolumeClaim;
  };
  /**
   * OrderedReady: pods are created one at a time, each after the one before is ready, and removed in reverse order (members that join a cluster one by one). Parallel: all at once. Updates go one pod at a time either way.
   *
   * @default "OrderedReady"
   * @example "Parallel"
   */
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /**
   * Pods with an ordinal below this keep the old revision during an update (a staged rollout).
   *
   * Unit: pods.
   *
   * @default 0
   * @example 2
   */
  partition?: number;
  /**
   * The StatefulSet's persistentVolumeClaimRetentionPolicy: data is kept unless its deletion is acknowledged.
   *
   * @default {}
   * @example {"whenScaled":"Delete"}
   */
  claimRetention?: ClaimRetention;
  /**
   * TCP ports the members use among themselves (replication, a cluster bus, leader election): the NetworkPolicy admits the workload's own pods to them, whatever other peers are declared. Include `port` when members also talk to each other on it.
   *
   * @default - none: members reach each other only where anyone declared may (on `port`)
   * @example [6379,16379]
   */
  peerPorts?: number[];
  /**
   * Longest an update may take; explain warns when the worst-case rollout is longer.
   *
   * Unit: seconds.
   *
   * @default - none: no warning
   * @example 3600
   */
  maintenanceWindowSeconds?: number;
}
/**
 * A folder of the node mounted into the agent: a departure from the restricted Pod Security Standard that needs acknowledge.volumeTypes.
 */
export interface HostPath {
  /**
   * The folder (or file, or socket) on the node.
   *
   * @example "/var/log"
   */
  path: string;
  /**
   * Where it appears in the application's container.
   *
   * @default - `path`
   * @example "/var/log"
   */
  mountPath?: string;
  /**
   * Mount it read-only; false lets the agent write to the node, which few agents need.
   *
   * @default true
   * @example false
   */
  readOnly?: boolean;
  /**
   * What must exist at the path on the node before the pod starts.
   *
   * @default "Directory"
   * @example "Socket"
   */
  type?: 'Directory' | 'DirectoryOrCreate' | 'File' | 'Socket';
}
export interface DaemonSettings {
  /**
   * The node's folders the agent mounts, by name (its volume is host-<name>). Each needs acknowledge.volumeTypes.
   *
   * @default {}
   * @example {"logs":{"path":"/var/log"}}
   */
  hostPaths?: {
    [k: string]: HostPath;
  };
  /**
   * The agent can run two copies on one node (no exclusive host port, lock or device): an update starts the new pod before it stops the old one (maxSurge 1, maxUnavailable 0), so no node is ever without its agent.
   *
   * @default false
   * @example true
   */
  surge?: boolean;
}
export interface KeptNames {
  /**
   * Name of the Service.
   *
   * @default - `instance`
   * @example "web"
   */
  Service?: string;
  /**
   * Name of the headless Service.
   *
   * @default - `<instance>-headless`
   * @example "db-hl"
   */
  HeadlessService?: string;
  /**
   * Name of the ServiceAccount.
   *
   * @default - `instance`
   * @example "nginx"
   */
  ServiceAccount?: string;
  /**
   * Name of the PodDisruptionBudget.
   *
   * @default - `instance`
   * @example "nginx-pdb"
   */
  PodDisruptionBudget?: string;
  /**
   * Name of the HorizontalPodAutoscaler.
   *
   * @default - `instance`
   * @example "nginx-hpa"
   */
  HorizontalPodAutoscaler?: string;
  /**
   * Name of the NetworkPolicy.
   *
   * @default - `instance`
   * @example "nginx-netpol"
   */
  NetworkPolicy?: string;
  /**
   * Name of the Ingress.
   *
   * @default - `instance`
   * @example "nginx-ingress"
   */
  Ingress?: string;
  /**
   * Name of the HTTPRoute or GRPCRoute.
   *
   * @default - `instance`
   * @example "nginx-route"
   */
  Route?: string;
  /**
   * Name of the ServiceMonitor.
   *
   * @default - `instance`
   * @example "nginx-metrics"
   */
  ServiceMonitor?: string;
  /**
   * Name of the PodMonitor.
   *
   * @default - `instance`
   * @example "nginx-metrics"
   */
  PodMonitor?: string;
}
export interface Keep {
  /**
   * The pods' selector labels, used instead of app.kubernetes.io/name and app.kubernetes.io/instance in every selector: the controller's, the Services', the PodDisruptionBudget's, the NetworkPolicy's, the monitors' and the spread and anti-affinity terms. The pods and every object carry them beside the usual labels.
   *
   * @default - app.kubernetes.io/name: `name`, app.kubernetes.io/instance: `instance`
   * @example {"app":"nginx"}
   */
  selector?: {
    [k: string]: string;
  };
  /**
   * Object names by role, for objects whose name differs from `instance`. The controller's name is `instance`; the config files' ConfigMap is named after its contents and cannot be kept.
   *
   * @default - none: every object is named `instance` (the headless Service `<instance>-headless`)
   * @example {"Service":"web","ServiceAccount":"nginx","PodDisruptionBudget":"nginx-pdb"}
   */
  names?: KeptNames;
  /**
   * Name of the serving port in the workload's Services; the Ingress backend and the ServiceMonitor endpoint refer to it. The container's port keeps its name (`http`, `grpc`, ...), which the Service port targets.
   *
   * @default - the protocol name: http, http2, grpc or tcp
   * @example "web"
   */
  servicePortName?: string;
}
export interface ObjectPatch {
  /**
   * A JSON merge patch (RFC 7386) of the whole object: objects merge key by key, null deletes a key, anything else (lists too) replaces.
   *
   * @default - none
   * @example {"spec":{"template":{"spec":{"dnsConfig":{"options":[{"name":"ndots","value":"2"}]}}}}}
   */
  object?: {
    [k: string]: unknown;
  };
  /**
   * JSON merge patches of single containers of the pods, keyed by container name (the main container is named after `name`; sidecars and init containers by theirs). Applied after `object`.
   *
   * @default - none
   * @example {"checkout":{"stdin":false}}
   */
  containers?: {
    [k: string]: {
      [k: string]: unknown;
    };
  };
}
export interface Patches {
  /**
   * Patch of the workload's ServiceAccount.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  ServiceAccount?: ObjectPatch;
  /**
   * Patch of the workload's ConfigMap.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  ConfigMap?: ObjectPatch;
  /**
   * Patch of the workload's Deployment.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  Deployment?: ObjectPatch;
  /**
   * Patch of the workload's StatefulSet.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  StatefulSet?: ObjectPatch;
  /**
   * Patch of the workload's HeadlessService.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  HeadlessService?: ObjectPatch;
  /**
   * Patch of the workload's DaemonSet.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  DaemonSet?: ObjectPatch;
  /**
   * Patch of the workload's Service.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  Service?: ObjectPatch;
  /**
   * Patch of the workload's Ingress.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  Ingress?: ObjectPatch;
  /**
   * Patch of the workload's Route (its HTTPRoute or GRPCRoute).
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  Route?: ObjectPatch;
  /**
   * Patch of the workload's PodDisruptionBudget.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  PodDisruptionBudget?: ObjectPatch;
  /**
   * Patch of the workload's NetworkPolicy.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  NetworkPolicy?: ObjectPatch;
  /**
   * Patch of the workload's HorizontalPodAutoscaler.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  HorizontalPodAutoscaler?: ObjectPatch;
  /**
   * Patch of the workload's Job.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  Job?: ObjectPatch;
  /**
   * Patch of the workload's CronJob.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  CronJob?: ObjectPatch;
  /**
   * Patch of the workload's ServiceMonitor.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  ServiceMonitor?: ObjectPatch;
  /**
   * Patch of the workload's PodMonitor.
   *
   * @default - none
   * @example {"object":{"metadata":{"annotations":{"example.com/owner":"payments"}}}}
   */
  PodMonitor?: ObjectPatch;
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
export interface LoadBalancerOverrides {
  /**
   * How long the load balancer lets a deregistering pod finish its requests.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 60
   */
  deregistrationDelaySeconds?: number;
  /**
   * Time between health checks.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 10
   */
  healthCheckIntervalSeconds?: number;
  /**
   * Time before one health check counts as failed; below the interval.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 5
   */
  healthCheckTimeoutSeconds?: number;
  /**
   * Successful checks before a pod takes traffic.
   *
   * Unit: health checks.
   *
   * @default - derived (docs/derivation.md)
   * @example 3
   */
  healthyThresholdCount?: number;
  /**
   * Failed checks before the load balancer takes a pod out.
   *
   * Unit: health checks.
   *
   * @default - derived (docs/derivation.md)
   * @example 3
   */
  unhealthyThresholdCount?: number;
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
  /**
   * The Job's deadline (kinds job and cronjob): how long the whole Job, every attempt and the back-off between them, may run before it is failed. When run.attempts is left out, as many attempts (up to 3) are made as fit in it.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 3600
   */
  activeDeadlineSeconds?: number;
  /**
   * How late after its scheduled time a missed run may still start (kind cronjob). At least 10: the CronJob controller looks for due runs every 10 s, so a shorter deadline may miss a run it was on time for.
   *
   * Unit: seconds.
   *
   * @default - derived (docs/derivation.md)
   * @example 300
   */
  startingDeadlineSeconds?: number;
  /**
   * How long a finished Job and its pods are kept before the TTL controller deletes them (kinds job and cronjob; a cronjob's Jobs are otherwise kept by its history limits).
   *
   * Unit: seconds.
   *
   * @default - a week (604800) for a job; none for a cronjob, whose history limits delete its Jobs
   * @example 86400
   */
  ttlSecondsAfterFinished?: number;
  /**
   * Target group settings of the configured load balancer (an aws-alb Ingress or an aws-nlb LoadBalancer Service) that replace the derived ones.
   *
   * @default - derived (docs/derivation.md)
   * @example {"deregistrationDelaySeconds":60}
   */
  loadBalancer?: LoadBalancerOverrides;
}
export interface Acknowledgements {
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  startupWindow?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  livenessAfterReadiness?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  readinessTimeout?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  preStopCoversPropagation?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  graceCoversShutdown?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  progressDeadline?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  graceLimit?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  sidecarsOutliveDrain?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  deregistrationDelay?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  loadBalancerHealthCheck?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  deadlineCoversAttempts?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  runFitsSchedule?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  attemptFitsDeadline?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  ephemeralStorageCoversFolders?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  singleReplica?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  noLiveness?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  noCpuLimit?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  memoryLimit?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  automountServiceAccountToken?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  deleteVolumeClaims?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  volumeTypes?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  runAsNonRoot?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  capabilities?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  tolerateEveryTaint?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  ingressSnippets?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  kernelFolderMount?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  runtimeSocket?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  writableHostPath?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  cpuLimit?: string;
  /**
   * Why this departure is deliberate, on one line; recorded in an annotation.
   *
   * @default - none: the rule holds without exception
   * @example "preview environment, downtime is acceptable"
   */
  probeTimeout?: string;
}
