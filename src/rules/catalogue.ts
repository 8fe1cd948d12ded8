import { ACKNOWLEDGEABLE_INVARIANTS, ACKNOWLEDGEMENT_ALSO_COVERS, INVARIANT_IDS, type InvariantId, WAIVER_IDS } from '../declaration/ids';
import { type ContainerRole, WORKLOAD_KINDS, type WorkloadKind } from '../manifests/pod-templates';

/**
 * Every rule `check` applies, as data: the CLI, the configuration, the suppression annotation, the
 * three output formats, the generated docs pages (`docs/rules/<id>.md`) and the tests all read
 * this one record, so none of them can drift from another. The predicates live in `checks.ts`,
 * typed so that a rule without a predicate, or a predicate without a rule, does not compile.
 *
 * Ids never change: the invariant ids are the `acknowledge:` keys of declarations, and every id is
 * a key of the `hardened-workloads.io/acknowledged` annotation, of configuration files and of
 * SARIF results that code-scanning tools track across runs.
 */

/** In SARIF's terms; "at or above" means error > warning > note. */
export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type RuleFamily = 'invariant' | 'pod-security' | 'hardening' | 'consistency';

export interface RuleMeta {
  /** One line, a statement of what holds when the rule passes. */
  readonly title: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** Kinds the rule is applied to; it is never reported for another kind. */
  readonly kinds: readonly WorkloadKind[];
  /**
   * What a predicate sees: one container at a time (of the roles listed), the whole workload, or the
   * whole input once (`input` names the objects it reads; such a rule has no `kinds`).
   */
  readonly target: 'workload' | { readonly containers: readonly ContainerRole[] } | { readonly input: string };
  /** Why it matters, in a few sentences. */
  readonly rationale: string;
  /** What to change, ending with a period. */
  readonly fix: string;
  /** Whether the acknowledgement annotation may silence it (with a reason). */
  readonly acknowledgeable: boolean;
  /** The documentation of the setting involved: Kubernetes', or the controller's that reads it. */
  readonly reference: string;
  /** The invariant's number in the project's derivation rules (README, "The derivation"). */
  readonly invariant?: number;
}

const ALL_KINDS = WORKLOAD_KINDS;
/** Pods that run until deleted, so that they serve traffic and are stopped while working (a PodTemplate: the pod it describes). */
const LONG_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod', 'PodTemplate'] as const;
/** Controllers with a replica count that PodDisruptionBudgets and zone spread are about. */
const REPLICATED = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] as const;
/** Controllers whose pods run to completion, and a bare Pod that does (run.ts). */
const RUN_TO_COMPLETION = ['Job', 'CronJob'] as const;
const PROBED = { containers: ['main', 'sidecar'] } as const;
const RUNNING = { containers: ['main', 'init', 'sidecar'] } as const;

const PROBES_DOC = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';
const TERMINATION_DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination';
const DEPLOYMENT_DOC = 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/';
const JOB_DOC = 'https://kubernetes.io/docs/concepts/workloads/controllers/job/';
const PDB_DOC = 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/';
const PSS_DOC = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
const RESOURCES_DOC = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';
/** The AWS Load Balancer Controller's documentation (a Kubernetes SIG project). */
const LOAD_BALANCER_CONTROLLER_DOC = 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest';

const invariant = (id: InvariantId, meta: Omit<RuleMeta, 'family' | 'severity' | 'acknowledgeable' | 'invariant'>): RuleMeta => ({
  ...meta,
  family: 'invariant',
  severity: 'error',
  acknowledgeable: (ACKNOWLEDGEABLE_INVARIANTS as readonly string[]).includes(id),
  invariant: INVARIANT_IDS.indexOf(id) + 1,
});

/** Acknowledgeable only when a declaration may waive the control (WAIVER_IDS): set in RULES below. */
const podSecurity = (meta: Pick<RuleMeta, 'title' | 'rationale' | 'fix'>): RuleMeta => ({
  ...meta,
  family: 'pod-security',
  severity: 'error',
  kinds: ALL_KINDS,
  target: 'workload',
  acknowledgeable: false,
  reference: `${PSS_DOC}#restricted`,
});

const hardening = (meta: Omit<RuleMeta, 'family' | 'acknowledgeable'>): RuleMeta => ({
  ...meta,
  family: 'hardening',
  acknowledgeable: true,
});

/**
 * What the API server refuses, or Kubernetes silently ignores, in objects that each look valid on
 * their own: kube-linter's checks of the same names are cited in the rationale. Never
 * acknowledgeable: there is no workload for which they are right.
 */
const consistency = <Target extends RuleMeta['target']>(
  meta: Omit<RuleMeta, 'family' | 'acknowledgeable' | 'target'> & { readonly target: Target },
): RuleMeta & { readonly target: Target } => ({ ...meta, family: 'consistency', acknowledgeable: false });

const CATALOGUE = {
  // The invariants, in their order.
  startupWindow: invariant('startupWindow', {
    title: 'The startup window covers 1.5 × the slowest start, and liveness is gated by a startup probe.',
    kinds: ALL_KINDS,
    target: PROBED,
    rationale:
      'Until the startup probe succeeds, liveness and readiness are not run. Without a startup probe, or with a startup window (period × failureThreshold) shorter than a slow cold start, the liveness probe restarts a pod that is still starting, and it never becomes ready: a CrashLoop on every slow start. Without a startup probe, the start liveness tolerates is its initialDelaySeconds + its window: the rule compares that with 1.5 × the slowest start, and is undecided until the slowest start is declared.',
    fix: 'Add a startup probe whose periodSeconds × failureThreshold is at least 1.5 × the slowest start (declare it with startupMaxSeconds).',
    reference: PROBES_DOC,
  }),
  probeSuccessThreshold: invariant('probeSuccessThreshold', {
    title: 'successThreshold is 1 for liveness and startup probes.',
    kinds: ALL_KINDS,
    target: PROBED,
    rationale: 'The API server rejects any other value for liveness and startup probes.',
    fix: 'Set successThreshold to 1 (or leave it out) on liveness and startup probes.',
    reference: PROBES_DOC,
  }),
  livenessAfterReadiness: invariant('livenessAfterReadiness', {
    title: 'Liveness fires only after readiness has taken the pod out of rotation.',
    kinds: LONG_RUNNING,
    target: PROBED,
    rationale:
      'When a pod slows down under load, readiness should take it out of the endpoints first, so that it can recover. If the liveness window is not longer than max(2 × the readiness window, the readiness window + propagation), or its timeout is shorter than readiness, liveness restarts busy pods one after another and the load moves to the others: a restart cascade.',
    fix: 'Raise the liveness failureThreshold (or period) until its window covers max(2 × readiness window, readiness window + propagation), and give liveness a timeout at least as long as readiness.',
    reference: PROBES_DOC,
  }),
  distinctProbes: invariant('distinctProbes', {
    title: 'Readiness and liveness are different checks.',
    kinds: LONG_RUNNING,
    target: PROBED,
    rationale:
      'Readiness answers "can this pod serve now?", liveness "is this process stuck?". When both call the same endpoint, an overloaded pod or a failing dependency fails both, and every pod is restarted at once instead of being taken out of rotation. Neither should check shared dependencies such as a database.',
    fix: 'Let liveness check only that the process responds (for example a tcpSocket probe on the serving port) and keep readiness for "can serve now".',
    reference: PROBES_DOC,
  }),
  // Named readinessTimeout until 0.1: it applies to every probe (RENAMED_RULES).
  probeTimeout: invariant('readinessTimeout', {
    title: '2 ≤ timeout < period, for every probe.',
    kinds: ALL_KINDS,
    target: PROBED,
    rationale:
      'The default timeout of 1 second fails under load even when the application is healthy (p99 latency of health endpoints rises first), taking healthy pods out of rotation or restarting them. The kubelet runs one attempt of a probe at a time and waits for it, so a timeout as long as the period stretches the interval: the window then lasts longer than period × failureThreshold says.',
    fix: 'Set timeoutSeconds to at least 2 (3 × the p99 latency of the endpoint) and periodSeconds above it.',
    reference: PROBES_DOC,
  }),
  preStopCoversPropagation: invariant('preStopCoversPropagation', {
    title: 'The preStop delay covers endpoint propagation.',
    kinds: LONG_RUNNING,
    target: { containers: ['main'] },
    rationale:
      'A deleted pod is removed from Service endpoints while it receives SIGTERM; load balancers, kube-proxy and ingress controllers keep sending requests for some seconds. Unless the preStop hook delays SIGTERM by that propagation time, those requests reach a process that is shutting down: 502s on every rollout. Removal from endpoints is never instantaneous, on any platform, so a container a Service selects that has no preStop delay at all fails without a declared propagation time; a hook whose duration cannot be read (httpGet, an exec that is not a sleep) leaves the rule undecided.',
    fix: 'Add a preStop hook that waits at least the propagation time (a sleep action on Kubernetes 1.30+, else exec sleep), and declare the propagation time.',
    reference: TERMINATION_DOC,
  }),
  graceCoversShutdown: invariant('graceCoversShutdown', {
    title: 'The grace period covers preStop + drain + 5 s, and preStop fits inside it.',
    // A Job's pod is evicted or deleted mid-run too, and needs its checkpoint time.
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'terminationGracePeriodSeconds counts from deletion and includes the preStop hook. When it is shorter than the preStop delay plus the time the application needs to finish in-flight work, the kubelet sends SIGKILL mid-request.',
    fix: 'Raise terminationGracePeriodSeconds to at least the longest preStop delay + the drain time + 5 seconds, and declare the drain time.',
    reference: TERMINATION_DOC,
  }),
  probeGrace: invariant('probeGrace', {
    title: "A probe's terminationGracePeriodSeconds is at most the pod's.",
    kinds: ALL_KINDS,
    target: PROBED,
    rationale:
      'A probe-level grace period shortens how long a hung container is given to stop after a liveness or startup failure. A value above the pod grace period lengthens it instead, which is never the intent.',
    fix: "Lower the probe's terminationGracePeriodSeconds to at most the pod's (10 seconds is usual for a hung process).",
    reference: `${PROBES_DOC}#probe-level-terminationgraceperiodseconds`,
  }),
  surgeWhenNoUnavailable: invariant('surgeWhenNoUnavailable', {
    title: 'maxSurge ≥ 1 whenever maxUnavailable is 0.',
    kinds: ['Deployment', 'DaemonSet'],
    target: 'workload',
    rationale: 'With neither a pod to add nor a pod to remove the rollout cannot progress; the API server rejects it.',
    fix: 'Set strategy.rollingUpdate.maxSurge (a DaemonSet: updateStrategy.rollingUpdate.maxSurge) to at least 1 (or a percentage such as 25%).',
    reference: `${DEPLOYMENT_DOC}#max-surge`,
  }),
  progressDeadline: invariant('progressDeadline', {
    title: 'progressDeadlineSeconds exceeds minReadySeconds and covers one worst-case pod start.',
    kinds: ['Deployment'],
    target: 'workload',
    rationale:
      'A rollout is reported as failed when no pod becomes available within progressDeadlineSeconds. If that is shorter than one slow start plus minReadySeconds, healthy rollouts are reported as failed and pipelines roll them back.',
    fix: 'Raise progressDeadlineSeconds to at least the startup window + minReadySeconds (600 s, the default, covers most).',
    reference: `${DEPLOYMENT_DOC}#progress-deadline-seconds`,
  }),
  pdbAllowsDisruption: invariant('pdbAllowsDisruption', {
    title: 'The PodDisruptionBudget always allows at least one disruption.',
    kinds: REPLICATED,
    target: 'workload',
    rationale:
      'A budget that allows no disruption (minAvailable equal to the replicas, or maxUnavailable 0) blocks every node drain: cluster upgrades and autoscaler scale-downs stall until someone deletes the budget.',
    fix: 'Use maxUnavailable: 1 in the PodDisruptionBudget.',
    reference: PDB_DOC,
  }),
  graceLimit: invariant('graceLimit', {
    title: 'The grace period is at most 600 s.',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'Cluster autoscalers, spot or preemptible instance notices and many node-drain tools do not wait longer than about ten minutes (often much less); a longer grace period is cut short anyway.',
    fix: 'Shorten the drain below ten minutes, or acknowledge graceLimit with a reason.',
    reference: TERMINATION_DOC,
  }),
  sidecarsOutliveDrain: invariant('sidecarsOutliveDrain', {
    title: "Every sidecar outlives the application's drain, and the grace period covers the sidecars' own stop.",
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'A proxy that exits on SIGTERM while the application is still draining drops the requests in flight (Envoy, Linkerd and database proxies exit within seconds). Native sidecars (init containers with restartPolicy Always, Kubernetes 1.29+) are stopped after the application, one by one, inside the same grace period, which must also cover their own stops; ordinary sidecars and injected mesh proxies are stopped with the application and need a preStop delay (or a drain setting) lasting until its preStop delay and drain are over, and the grace period must cover that delay plus their stop. Stop times and init container run times are read from the hardened-workloads.io/declared annotation (`<container>.stopSeconds=N`).',
    fix: "Give every ordinary sidecar a preStop delay of at least the application's preStop delay + drain time (mesh proxies: terminationDrainDuration or proxy-wait-before-exit-seconds), or run it as a native sidecar on Kubernetes 1.29+, and raise terminationGracePeriodSeconds to cover the sidecars' stops.",
    reference: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  }),
  deregistrationDelay: invariant('deregistrationDelay', {
    title: "The load balancer's deregistration delay covers propagation + drain and ends within the grace period.",
    kinds: LONG_RUNNING,
    target: 'workload',
    rationale:
      "An AWS load balancer with IP targets keeps a deleted pod's connections for the target group's deregistration delay: 300 s unless set, whatever the pod's grace period. Shorter than the time requests may still arrive (propagation) plus the drain, it cuts requests the pod is still finishing; longer than the grace period, it holds connections to a pod that SIGKILL has already stopped.",
    fix: 'Set deregistration_delay.timeout_seconds in the target-group-attributes annotation between propagation + drain and terminationGracePeriodSeconds, and declare the propagation and drain times.',
    reference: `${LOAD_BALANCER_CONTROLLER_DOC}/guide/ingress/annotations/#target-group-attributes`,
  }),
  loadBalancerHealthCheck: invariant('loadBalancerHealthCheck', {
    title: "The load balancer's health check is never stricter than readiness and notices a hung pod before liveness restarts it.",
    kinds: LONG_RUNNING,
    target: 'workload',
    rationale:
      "The load balancer takes a pod out of its target group when its own health check fails. When it checks another endpoint than readiness (the ALB's default is /), gives up sooner than the readiness timeout, or counts fewer failures than the readiness window, it drops pods Kubernetes still considers ready — under load, all of them at once. When its window outlasts liveness, a hung pod may receive requests while liveness restarts it, unless the controller has deregistered it first.",
    fix: "Point the health check at the readiness endpoint, with a timeout at least the readiness probe's, and interval × unhealthy threshold between the readiness window and the liveness window.",
    reference: `${LOAD_BALANCER_CONTROLLER_DOC}/guide/ingress/annotations/#health-check`,
  }),
  deadlineCoversAttempts: invariant('deadlineCoversAttempts', {
    title: "A Job's activeDeadlineSeconds is set and covers every attempt its backoffLimit allows.",
    kinds: RUN_TO_COMPLETION,
    target: 'workload',
    rationale:
      'A pod that runs to completion has no liveness probe to end a hung run: its deadline does. Kubernetes applies activeDeadlineSeconds to the whole Job, every attempt included, and it wins over backoffLimit: a deadline sized for one run cuts off the retries backoffLimit promises, while no deadline lets a hung run hold its node and block the next scheduled run forever.',
    fix: 'Set activeDeadlineSeconds to at least (backoffLimit + 1) × (init phase + slowest run) + the back-off between attempts (10 s, doubling, at most 6 min each); declare the slowest run with runMaxSeconds.',
    reference: `${JOB_DOC}#job-termination-and-cleanup`,
  }),
  runFitsSchedule: invariant('runFitsSchedule', {
    title: "When a CronJob's runs must not overlap, a late start plus the run fits between two scheduled runs.",
    kinds: ['CronJob'],
    target: 'workload',
    rationale:
      'With concurrencyPolicy Forbid the controller skips a run while the last one still runs; with Replace it stops the last one. A run that can outlast the shortest interval of its schedule — because its deadline is longer, or because a missed run may start late (no startingDeadlineSeconds, or a long one) — therefore silently skips the next run, or is killed by it. The shortest interval is found by walking the schedule over 28 years of calendar, an hour shorter in a time zone with daylight saving time.',
    fix: 'Keep startingDeadlineSeconds + activeDeadlineSeconds within the shortest interval between two runs: lower the starting deadline, shorten the run, schedule runs further apart, or use concurrencyPolicy Allow if two runs may overlap.',
    reference: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy',
  }),
  attemptFitsDeadline: invariant('attemptFitsDeadline', {
    title: "Every attempt of a Job has its own deadline, and all the attempts its backoffLimit allows fit inside the Job's.",
    kinds: RUN_TO_COMPLETION,
    target: 'workload',
    rationale:
      "The Job's activeDeadlineSeconds applies to the whole Job. Without a deadline of its own (the pod's activeDeadlineSeconds), a first attempt that hangs runs until the Job's deadline and is then failed, never retried, although backoffLimit promises retries. A pod deadline ends the attempt (reason DeadlineExceeded), the failure counts against backoffLimit, and the next attempt starts; the Job's deadline must leave room for every attempt at its own deadline and the back-off between them.",
    fix: "Set the pod template's activeDeadlineSeconds to the slowest attempt (start, init phase, slowest run and a margin), and the Job's to at least (backoffLimit + 1) × that + the back-off between attempts.",
    reference: `${JOB_DOC}#job-termination-and-cleanup`,
  }),
  ephemeralStorageCoversFolders: invariant('ephemeralStorageCoversFolders', {
    title: "The ephemeral-storage limits of a pod's containers are larger than the size limits of its emptyDirs on disk.",
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      "The kubelet adds up the ephemeral-storage limits of a pod's containers and evicts the pod when its containers' writable layers and logs and its emptyDirs on disk together use more. Limits no larger than the folders' own size limits therefore evict the pod before its folders are full: a cache or /tmp that is allowed 2Gi ends the pod at 1Gi.",
    fix: "Raise the containers' ephemeral-storage limits above the emptyDirs' sizeLimits together (with room for logs), or lower those sizeLimits, or give each emptyDir on disk a sizeLimit.",
    reference: `${RESOURCES_DOC}#local-ephemeral-storage`,
  }),

  // The restricted Pod Security Standard (Kubernetes 1.28 policy, which includes baseline), one rule per control.
  hostNamespaces: podSecurity({
    title: 'The pod does not share the host network, PID or IPC namespace.',
    rationale: 'Host namespaces let a container see and reach every process and port of the node.',
    fix: 'Remove hostNetwork, hostPID and hostIPC (or set them to false).',
  }),
  hostProcess: podSecurity({
    title: 'No Windows HostProcess container.',
    rationale: 'A HostProcess container runs with full access to the Windows node.',
    fix: 'Remove securityContext.windowsOptions.hostProcess (or set it to false).',
  }),
  volumeTypes: podSecurity({
    title: 'Only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes.',
    rationale: 'hostPath and other volume types expose the node or storage outside Kubernetes access control.',
    fix: 'Replace the volume with one of the allowed types (for example a persistentVolumeClaim instead of hostPath).',
  }),
  sysctls: podSecurity({
    title: 'Only safe sysctls.',
    rationale: 'Sysctls outside the safe set affect the whole node, not only the pod.',
    fix: 'Remove the sysctl, or move the workload to nodes configured for it outside the restricted profile.',
  }),
  appArmor: podSecurity({
    title: 'AppArmor profiles are runtime/default or localhost/* (appArmorProfile.type RuntimeDefault or Localhost).',
    rationale:
      'An unconfined AppArmor profile removes a layer of kernel confinement. Both ways of setting it are read: the annotation, and the securityContext.appArmorProfile field of the pod and of each container (Kubernetes 1.30+).',
    fix: 'Remove the AppArmor annotation or set it to runtime/default, and set appArmorProfile.type to RuntimeDefault (or remove it).',
  }),
  seLinux: podSecurity({
    title: 'SELinux options set no user or role and only the container types.',
    rationale: 'A custom SELinux user, role or type can escape the confinement the runtime applies.',
    fix: 'Remove seLinuxOptions.user and .role, and use type container_t (or leave the type out).',
  }),
  runAsNonRoot: podSecurity({
    title: 'Containers must run as non-root (runAsNonRoot: true).',
    rationale: 'A process running as root in a container is root on the node once it escapes the container.',
    fix: 'Set securityContext.runAsNonRoot: true on the pod (and a non-zero runAsUser, e.g. 65532, if the image does not set one).',
  }),
  runAsUser: podSecurity({
    title: 'No container runs as user 0.',
    rationale: 'runAsUser: 0 is root, whatever runAsNonRoot says.',
    fix: 'Set runAsUser to a non-zero id such as 65532, or leave it out.',
  }),
  seccomp: podSecurity({
    title: 'A seccomp profile (RuntimeDefault or Localhost) applies to every container.',
    rationale: 'Without seccomp a container may call every system call of the kernel, including those used in container escapes.',
    fix: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
  }),
  privileged: podSecurity({
    title: 'No privileged container.',
    rationale: 'A privileged container has every capability and every device of the node.',
    fix: 'Remove securityContext.privileged (or set it to false).',
  }),
  procMount: podSecurity({
    title: 'The default /proc mount.',
    rationale: 'An unmasked /proc exposes kernel interfaces that the default mount hides.',
    fix: 'Remove securityContext.procMount (or set it to Default).',
  }),
  hostPorts: podSecurity({
    title: 'No host ports.',
    rationale: 'A host port binds the node itself, bypasses NetworkPolicy and limits scheduling to one pod per node.',
    fix: 'Remove hostPort and reach the pod through a Service.',
  }),
  privilegeEscalation: podSecurity({
    title: 'allowPrivilegeEscalation is false.',
    rationale: 'Without it a process can gain more privileges than its parent (setuid binaries, file capabilities).',
    fix: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
  }),
  capabilities: podSecurity({
    title: 'Every capability is dropped (only NET_BIND_SERVICE may be added).',
    rationale: 'Default capabilities such as NET_RAW and CHOWN are used in container escapes and network attacks.',
    fix: 'Set securityContext.capabilities.drop: [ALL] on every container, adding back at most NET_BIND_SERVICE.',
  }),

  // Hardening defaults beyond the Pod Security Standard.
  resourceRequests: hardening({
    title: 'Every container requests CPU and memory.',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      'The scheduler places pods by their requests. Without them pods land on full nodes, are the first evicted under pressure, and CPU starvation makes probes time out.',
    fix: 'Set resources.requests.cpu and resources.requests.memory from observed usage.',
    reference: RESOURCES_DOC,
  }),
  memoryLimit: hardening({
    title: 'Every container has a memory limit equal to its memory request.',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      'Memory cannot be throttled, only reclaimed by killing. A container above its request is the first the kernel or the kubelet kills when the node runs short, so a limit above the request only defers the OOM kill to the worst moment.',
    fix: 'Set resources.limits.memory equal to resources.requests.memory.',
    reference: RESOURCES_DOC,
  }),
  // Named noCpuLimit until 0.1, which read as the opposite of what it checks (RENAMED_RULES).
  cpuLimit: hardening({
    title: 'Every container has a CPU limit.',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      'A CPU limit keeps one container from starving its neighbours. Set it generously (throttling is a known cause of probe timeouts), or acknowledge cpuLimit with the reason the workload runs without one.',
    fix: 'Set resources.limits.cpu generously (for example 4 × the request), or acknowledge cpuLimit with a reason.',
    reference: RESOURCES_DOC,
  }),
  readOnlyRootFilesystem: hardening({
    title: 'Every container has a read-only root filesystem.',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale: 'A writable root filesystem lets an attacker or a bug change binaries and configuration of the running container.',
    fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the application writes (for example /tmp).',
    reference: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  }),
  emptyDirSizeLimit: hardening({
    title: 'Every emptyDir volume has a size limit.',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      "A volume with no source is an emptyDir, and a sizeLimit of 0 sets no limit. An emptyDir without a sizeLimit grows without bound on the node's ephemeral storage (or, in memory, into the container's memory limit): one runaway writer fills the node's disk, and the kubelet then evicts pods that did nothing wrong. With a sizeLimit, only the pod that crossed it is evicted.",
    fix: 'Set emptyDir.sizeLimit on every emptyDir volume, generous for what the application writes; in memory (medium: Memory), below the memory limit.',
    reference: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  }),
  automountServiceAccountToken: hardening({
    title: 'The pod does not mount a service account token it does not need.',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'By default every pod gets a token for the Kubernetes API. Most applications never call the API; a stolen token is a foothold in the cluster. A projected volume with a serviceAccountToken source mounts one even when automount is off. The deprecated spec.serviceAccount names the ServiceAccount when serviceAccountName does not. A pod whose ServiceAccount a RoleBinding or ClusterRoleBinding in the input grants a role (a controller, an operator) calls the API and needs its token: that is reported as a note naming the binding, not as a finding.',
    fix: 'Set automountServiceAccountToken: false on the pod (or on its ServiceAccount), and give the workload its own ServiceAccount.',
    reference: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
  }),
  imagePinned: hardening({
    title: 'Every image is pinned by a version tag or a digest.',
    severity: 'error',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      'An untagged or latest image moves under you: a restart or a new node runs different code from the pod next to it, and a rollback does not roll back.',
    fix: 'Use a version tag (image:1.4.2) or a digest (image@sha256:...).',
    reference: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  }),
  rolloutMaxUnavailable: hardening({
    title: 'Rolling updates keep every pod until its replacement is ready (maxUnavailable 0).',
    severity: 'warning',
    kinds: ['Deployment'],
    target: 'workload',
    rationale:
      'The default maxUnavailable of 25% removes serving pods before their replacements are ready, and Recreate removes all of them: capacity drops during every rollout. Percentages are read as the controller resolves them over the replicas (or the autoscaler minimum): maxUnavailable rounds down, maxSurge up, and when both come to 0 one pod is stopped first; so 25% of 1 to 3 replicas stops none. Recreate is not reported when the pod mounts a ReadWriteOnce claim in the input, which a surge pod on another node could not attach.',
    fix: 'Use strategy.type RollingUpdate with rollingUpdate.maxUnavailable: 0 and maxSurge: 25% (or 1).',
    reference: `${DEPLOYMENT_DOC}#max-unavailable`,
  }),
  singleReplica: hardening({
    title: 'At least two replicas.',
    severity: 'warning',
    kinds: REPLICATED,
    target: 'workload',
    rationale:
      'A single pod is down during every node drain, eviction and restart. Two replicas (with a PodDisruptionBudget and zone spread) keep the service up; acknowledge singleReplica for a workload that must run alone.',
    fix: 'Set replicas (or the autoscaler minReplicas) to at least 2, or acknowledge singleReplica with a reason.',
    reference: PDB_DOC,
  }),
  podDisruptionBudget: hardening({
    title: 'A replicated workload has a PodDisruptionBudget.',
    severity: 'warning',
    kinds: REPLICATED,
    target: 'workload',
    rationale: 'Without a budget a node drain may evict every replica at once.',
    fix: 'Add a PodDisruptionBudget selecting the pods with maxUnavailable: 1 and unhealthyPodEvictionPolicy: AlwaysAllow.',
    reference: PDB_DOC,
  }),
  unhealthyPodEviction: hardening({
    title: 'The PodDisruptionBudget lets unhealthy pods be evicted.',
    severity: 'warning',
    kinds: REPLICATED,
    target: 'workload',
    rationale:
      'With the default policy, pods that are not ready count against the budget, so a workload with a crashing pod blocks node drains. AlwaysAllow lets the eviction of an unhealthy pod proceed.',
    fix: 'Set unhealthyPodEvictionPolicy: AlwaysAllow in the PodDisruptionBudget.',
    reference: `${PDB_DOC}#unhealthy-pod-eviction-policy`,
  }),
  zoneSpread: hardening({
    title: 'Replicas are spread over zones.',
    severity: 'warning',
    kinds: REPLICATED,
    target: 'workload',
    rationale: 'Without a spread constraint the scheduler may place every replica in one zone, and one zone outage takes the service down.',
    fix: 'Add a topologySpreadConstraint on topology.kubernetes.io/zone (maxSkew 1, whenUnsatisfiable ScheduleAnyway), and one on kubernetes.io/hostname.',
    reference: 'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
  }),
  readinessProbe: hardening({
    title: 'A container that receives Service traffic has a readiness probe.',
    severity: 'warning',
    kinds: LONG_RUNNING,
    target: { containers: ['main'] },
    rationale:
      'Without readiness a pod receives traffic as soon as its process starts, before it can serve, and keeps receiving it while it is overloaded.',
    fix: 'Add a readinessProbe that answers whether the container can serve requests now.',
    reference: PROBES_DOC,
  }),
  podReadinessGate: hardening({
    title: 'Pods behind an AWS load balancer with IP targets get pod readiness gates: their namespace is labelled for them.',
    severity: 'warning',
    kinds: LONG_RUNNING,
    target: 'workload',
    rationale:
      "With a pod readiness gate, a new pod counts as ready only once the load balancer reports it healthy, so a rollout never removes old pods before the load balancer can send requests to new ones. The AWS Load Balancer Controller injects the gates only into namespaces labelled elbv2.k8s.aws/pod-readiness-gate-inject=enabled, a label the workload's own manifests cannot set. Checked when the Namespace is in the input.",
    fix: 'Label the namespace elbv2.k8s.aws/pod-readiness-gate-inject=enabled before the pods are created.',
    reference: `${LOAD_BALANCER_CONTROLLER_DOC}/deploy/pod_readiness_gate/`,
  }),
  noLiveness: hardening({
    title: 'Every long-running container has a liveness probe.',
    severity: 'warning',
    kinds: LONG_RUNNING,
    target: { containers: ['main'] },
    rationale:
      'A process that hangs without exiting is never restarted without a liveness probe. Keep it cheap (a TCP check of the port), or acknowledge noLiveness with a reason.',
    fix: 'Add a livenessProbe (tcpSocket on the serving port is a safe default), or acknowledge noLiveness with a reason.',
    reference: PROBES_DOC,
  }),
  deleteVolumeClaims: hardening({
    title: "A StatefulSet keeps its pods' volumes when it is deleted or scaled down.",
    severity: 'warning',
    kinds: ['StatefulSet'],
    target: 'workload',
    rationale:
      "With persistentVolumeClaimRetentionPolicy Delete, deleting the StatefulSet (or scaling it down) deletes the pods' PersistentVolumeClaims, and with the usual reclaim policy their data: an uninstall or a mistaken scale-down loses the database. Retain, the default, keeps the claims for the next pod of the same name; acknowledge deleteVolumeClaims for data that is disposable.",
    fix: 'Set persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled to Retain (or leave them out), or acknowledge deleteVolumeClaims with a reason.',
    reference: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention',
  }),
  literalSecretEnv: hardening({
    title: 'No secret is written into an environment variable (a *PASSWORD*, *TOKEN* or *SECRET* name with a literal value).',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      'A literal value in the pod template is stored in plain text wherever the manifest goes: the Git repository, the Helm release secret, the controller object that anyone allowed to read Deployments can read, and every log of `kubectl get -o yaml`. A Secret referenced with valueFrom.secretKeyRef can be rotated and its reading restricted by RBAC. Names ending in _FILE, _PATH or _DIR (where the secret is, not the secret) and references to other variables ($(NAME)) are not reported.',
    fix: 'Move the value into a Secret and reference it with valueFrom.secretKeyRef (or envFrom.secretRef).',
    reference: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
  }),
  jobPodFailurePolicy: hardening({
    title: "A Job's pod failure policy ignores disruptions, so evictions and node drains do not spend its retries.",
    severity: 'warning',
    kinds: RUN_TO_COMPLETION,
    target: 'workload',
    rationale:
      'Without a pod failure policy every failed pod counts against backoffLimit, also a pod that was evicted, preempted or stopped by a node drain: on a busy cluster a Job can fail without its code ever failing. A rule with action Ignore on the pod condition DisruptionTarget replaces such a pod without spending an attempt. A pod failure policy needs restartPolicy Never.',
    fix: 'Set restartPolicy: Never in the pod template and spec.podFailurePolicy.rules: [{ action: Ignore, onPodConditions: [{ type: DisruptionTarget }] }] (first), then FailJob rules for exit codes that no retry can fix.',
    reference: `${JOB_DOC}#pod-failure-policy`,
  }),
  // Consistency of the input (issue 21 §5).
  duplicateObject: consistency({
    title: 'Every object is in the input once: no two share an API group, kind, namespace and name.',
    severity: 'error',
    kinds: [],
    target: { input: 'every object' },
    rationale:
      'Applied one after the other, the later copy replaces the earlier one (kubectl apply) or its creation fails as already existing (a Helm install): what runs is at best one of the two, and every other rule would check both. The versions of one API group (apps/v1, apps/v1beta2) are one object. An object without a namespace goes to the namespace of the apply (kubectl apply -n, helm --namespace), which the input does not show: it is a copy of another object without a namespace, never of one whose namespace is written, even default. Only the first copy is checked by the other rules; each later copy is reported here.',
    fix: 'Remove the later copy, or give it its own name (in a chart: two templates render this name, or a subchart renders it too).',
    reference: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  }),
  oneDisruptionBudget: consistency({
    title: 'At most one PodDisruptionBudget covers the pods of a workload.',
    severity: 'error',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'The eviction API refuses to evict a pod that more than one PodDisruptionBudget selects (HTTP 500, "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support"), so node drains, cluster upgrades and autoscaler scale-downs stall on every such pod, whatever the budgets allow. Budgets select by labels in their namespace, so a chart-wide budget and a per-component one easily overlap. kube-linter: pdb-max-unavailable and pdb-min-available look at one budget only.',
    fix: "Keep one PodDisruptionBudget per set of pods: narrow the other budget's selector so that it no longer matches these pods, or delete it.",
    reference: 'https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/#how-api-initiated-eviction-works',
  }),
  selectorMatchesTemplate: consistency({
    title: "A controller's selector matches the labels of its own pod template.",
    severity: 'error',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'],
    target: 'workload',
    rationale:
      'The API server rejects a Deployment, StatefulSet, DaemonSet or ReplicaSet whose spec.selector does not select its pod template\'s labels ("selector does not match template labels"), or that has no selector or an empty one in apps/v1: the apply fails. A ReplicationController\'s selector is a plain map of labels, each of which its pod template must carry ("`selector` does not match template `labels`"); left out or empty, it is set to the template\'s labels, so it is refused only when the template has none either. A Job is checked when it writes its own selector (manualSelector). kube-linter: mismatching-selector.',
    fix: "Make spec.selector select the pod template's labels: use a subset of spec.template.metadata.labels that never changes (a selector cannot be changed after creation).",
    reference: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector',
  }),
  probePortDeclared: consistency({
    title: 'A probe or preStop httpGet on a named port names a port its container declares.',
    severity: 'error',
    kinds: ALL_KINDS,
    target: PROBED,
    rationale:
      'The kubelet resolves a named port in the container\'s own ports. When no port there has that name, every run of the probe fails: a liveness or startup probe restarts the container forever, a readiness probe keeps the pod out of every Service, a preStop hook fails and SIGTERM comes at once. A number is taken as it is written: declaring a container port is informational ("Not specifying a port here DOES NOT prevent that port from being exposed", the Container API), so a probe on an undeclared number is not reported. kube-linter: liveness-port, readiness-port, startup-port.',
    fix: 'Name a port the container declares in ports[].name, add the port, or write its number.',
    reference: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port',
  }),
  serviceSelectsPods: consistency({
    title: 'A Service with a selector selects the pods of a workload in the input.',
    severity: 'warning',
    kinds: [],
    target: { input: 'Services' },
    rationale:
      "A Service whose selector matches no pod has no endpoints: every request to it fails, usually because a label was renamed in one template and not the other. Checked only where the input plainly holds the whole application: when the Service's namespace (as written; none is the namespace of the apply) holds at least one workload in the input and no custom resource, whose operator may create the pods (a Prometheus object's StatefulSet). So `check` of a single template file, or of a chart whose pods an operator runs, does not report it; a Service without a selector (its endpoints are managed by hand) is never reported. kube-linter: dangling-service.",
    fix: "Make the Service's selector a subset of the labels of the pod template it serves, or remove the Service.",
    reference: 'https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors',
  }),
  serviceTargetPort: consistency({
    title: "A Service's target ports are ports the containers it selects declare.",
    severity: 'warning',
    kinds: [],
    target: { input: 'Services' },
    rationale:
      "A targetPort name is looked up in the ports of each selected pod's containers (and native sidecars): a pod without a port of that name gets no endpoint for it, so when none has one the Service port sends requests nowhere. A targetPort number (or the port itself when targetPort is left out) reaches the pod whether declared or not; it is reported only when the selected pods declare their ports and none is that number, which is then a typo or a renumbered container more often than a port left undeclared on purpose. kube-linter has no such check; dangling-service looks at selectors only.",
    fix: 'Set targetPort to the name or number of a port the selected container declares in ports[] (prefer the name), or declare the port in the container.',
    reference: 'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
  }),
  // The acknowledgement annotation itself (issue 21 §3): a wrong line is a finding, never an aborted run.
  validAcknowledgement: {
    title: 'Every acknowledgement names a rule that may be acknowledged, once, with a reason on one line.',
    family: 'hardening',
    severity: 'error',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'The hardened-workloads.io/acknowledged annotation (on the workload or its pod template) holds one "<ruleId>: <reason>" line per deliberate departure. A line that names no rule, has no reason, holds a control character, repeats a rule, or names a rule no workload may depart from (an API rule, or a Pod Security control other than the documented waivers) silences nothing: it is reported here, on its workload, while every other workload is still checked. A silent typo — or a line forged into a reason — would otherwise look like a deliberate decision.',
    fix: 'Correct or remove the line: a rule id that `hardened-workloads rules` lists as acknowledgeable, a colon, and the reason on one line; fix the pod instead where the rule cannot be acknowledged.',
    acknowledgeable: false,
    reference: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/',
  } satisfies RuleMeta as RuleMeta,
  // Dangers a declaration acknowledges each under its own id (src/declaration/dangers.ts).
  tolerateEveryTaint: hardening({
    title: 'No toleration tolerates every taint (an empty key with operator Exists).',
    severity: 'warning',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      'A toleration with an empty key and operator Exists matches every taint: the pods run on control-plane nodes (node-role.kubernetes.io/control-plane), on nodes being drained (node.kubernetes.io/unschedulable) or short of memory or disk, and on nodes tainted for other tenants. Node agents that must run everywhere do it on purpose; anything else loses the isolation taints give. Neither kube-linter nor Polaris has a check for it.',
    fix: 'Name the taints the pods may tolerate (key, and effect), or acknowledge tolerateEveryTaint with a reason.',
    reference: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
  }),
  ingressSnippets: hardening({
    title: 'No Ingress of the workload carries an ingress-nginx snippet annotation (nginx.ingress.kubernetes.io/*-snippet).',
    severity: 'error',
    kinds: LONG_RUNNING,
    target: 'workload',
    rationale:
      'Snippet annotations (configuration-snippet, server-snippet, auth-snippet, stream-snippet, modsecurity-snippet) put raw nginx configuration into the shared ingress-nginx controller, whose service account can read every Secret of the cluster: whoever may write an Ingress can read them (CVE-2021-25742, CVE-2025-1974). ingress-nginx refuses them unless allow-snippet-annotations is on.',
    fix: 'Use the ingress-nginx annotation made for the setting instead of a snippet, or acknowledge ingressSnippets with a reason.',
    reference: 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/',
  }),
  kernelFolderMount: hardening({
    title: 'No volume is mounted at or under /proc, /dev or /sys.',
    severity: 'error',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      "The container runtime provides /proc, /dev and /sys and masks their sensitive parts (runc's masked paths). A volume mounted over them hides what the runtime provides or masks there, a route of container escapes (CVE-2019-16884 bypassed AppArmor this way).",
    fix: 'Mount the volume outside /proc, /dev and /sys, or acknowledge kernelFolderMount with a reason.',
    reference: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  }),
  runtimeSocket: hardening({
    title: "No hostPath volume is a container runtime's socket (docker, containerd, CRI-O, k3s) or a folder that holds one.",
    severity: 'error',
    kinds: ALL_KINDS,
    target: 'workload',
    rationale:
      "Whoever can write to the runtime's socket starts privileged containers on the node: node takeover. A folder that holds the socket (/run, /var/run, /var, /) gives the same. kube-linter reports it as docker-sock and container-runtime-sock. The restricted standard's Volume Types control (acknowledged as volumeTypes) refuses every host path alike; this rule names the one that is the node.",
    fix: 'Remove the hostPath volume of the socket, or acknowledge runtimeSocket with a reason.',
    reference: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  }),
  writableHostPath: hardening({
    title: 'Every hostPath volume is mounted read-only.',
    severity: 'error',
    kinds: ALL_KINDS,
    target: RUNNING,
    rationale:
      "A writable host path lets the container change the node's files: its configuration (/etc), binaries, the kubelet's data or other pods' volumes. Log and metrics agents only read. kube-linter reports it as writable-host-mount.",
    fix: 'Set readOnly: true on the volumeMount of every hostPath volume, or acknowledge writableHostPath with a reason.',
    reference: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  }),
} as const satisfies Record<string, RuleMeta>;

/**
 * The catalogue, where a Pod Security control is acknowledgeable only when it is one of the
 * documented waivers a declaration may make (docs/derivation.md), or a control such a waiver also
 * answers for (root is runAsNonRoot and runAsUser: ACKNOWLEDGEMENT_ALSO_COVERS): no annotation can
 * silence the others (a privileged container, say), in our output or anyone's.
 */
const WAIVABLE_CONTROLS: readonly string[] = [...WAIVER_IDS, ...Object.values(ACKNOWLEDGEMENT_ALSO_COVERS).flat()];
export const RULES: typeof CATALOGUE = Object.fromEntries(
  Object.entries(CATALOGUE).map(([id, meta]: [string, RuleMeta]) => [
    id,
    meta.family === 'pod-security' ? { ...meta, acknowledgeable: WAIVABLE_CONTROLS.includes(id) } : meta,
  ]),
) as typeof CATALOGUE;

export type RuleId = keyof typeof RULES;
/** The rules run once over the whole input (target `input`), not per workload. */
export type InputRuleId = { [Id in RuleId]: (typeof RULES)[Id]['target'] extends { readonly input: string } ? Id : never }[RuleId];
export type WorkloadRuleId = Exclude<RuleId, InputRuleId>;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/**
 * Ids that were renamed to say what the rule checks, each with the id that replaced it. An old id
 * keeps working as an alias wherever a rule is named — the acknowledgement annotation (already
 * deployed, and written by our own output for the declarations' `acknowledge:` keys, which keep
 * the invariants' names), configuration files and `--rule` — and is listed in SARIF as the
 * rule's `deprecatedIds`, so that code scanning carries its alerts over.
 */
export const RENAMED_RULES: Readonly<Record<string, { readonly replacedBy: RuleId; readonly why: string }>> = {
  readinessTimeout: { replacedBy: 'probeTimeout', why: 'it applies to liveness and startup probes as well as readiness' },
  noCpuLimit: { replacedBy: 'cpuLimit', why: 'the old name read as the opposite of what it checks: that a CPU limit is set' },
};

/** The rule an id names: its own, or the one that replaced a renamed id; undefined for an unknown id. */
export function ruleIdOf(id: string): RuleId | undefined {
  if (isRuleId(id)) return id;
  return Object.prototype.hasOwnProperty.call(RENAMED_RULES, id) ? RENAMED_RULES[id]!.replacedBy : undefined;
}

/** The old ids of a rule. */
export function deprecatedIdsOf(id: RuleId): string[] {
  return Object.keys(RENAMED_RULES).filter((old) => RENAMED_RULES[old]!.replacedBy === id);
}

/** The rule that checks an invariant, which may have been renamed since (RENAMED_RULES). */
export function ruleOfInvariant(id: InvariantId): RuleId {
  return ruleIdOf(id)!;
}

export function rule(id: RuleId): RuleMeta {
  return RULES[id];
}
