import { DECLARED_ANNOTATION } from '../annotations';
import { annotatedTimes, parseDeclaredTimes } from './declared-times';
import { meshProxyFacts } from './mesh';
import { servingContainers } from './roles';
import type { SourcedObject } from '../files/manifests';
import {
  API_DEFAULTS,
  type DeclaredTimes,
  type EphemeralStorageFacts,
  type ProbeFacts,
  probeWindow,
  type SizeFacts,
  type WorkloadFacts,
} from '../invariants/facts';
import { quantityValue } from '../rules/quantities';
import type { PodBudget } from '../timing/types';
import { loadBalancersOf } from './load-balancers';
import { dictionary, type KubernetesObject, type Node } from './objects';
import type { ContainerView } from './pod-templates';
import { shapeProblems } from './shapes';
import { type Workload, workloadsOf } from './workloads';

export type { KubernetesObject } from './objects';

/**
 * Reads the invariants' facts out of Kubernetes manifests — ours or anyone's — so that the same
 * checks that guard a declaration also guard YAML. Fields a manifest leaves out take the
 * Kubernetes API defaults, because that is what the cluster will run.
 */

export interface ManifestWorkload {
  readonly facts: WorkloadFacts;
  /** From our `declared` annotation when present, else empty (invariants needing them report unknown). */
  readonly declared: DeclaredTimes;
}

/** The canonical text of a probe handler; matches `describeHandler` for declarations. */
export function describeManifestHandler(handler: Node, containerPorts: Record<string, number> = {}): string {
  const port = (value: unknown) => (typeof value === 'string' && containerPorts[value] !== undefined ? containerPorts[value] : value);
  if (handler.httpGet) return `httpGet ${handler.httpGet.scheme ?? 'HTTP'} :${port(handler.httpGet.port)}${handler.httpGet.path ?? '/'}`;
  if (handler.tcpSocket) return `tcpSocket :${port(handler.tcpSocket.port)}`;
  if (handler.grpc) return `grpc :${handler.grpc.port}${handler.grpc.service ? ` service ${handler.grpc.service}` : ''}`;
  if (handler.exec) return `exec ${JSON.stringify(handler.exec.command ?? [])}`;
  return 'unknown handler';
}

function probeFacts(probe: Node | undefined, containerPorts: Record<string, number>): ProbeFacts | undefined {
  if (!probe) return undefined;
  const defaults = API_DEFAULTS.probe;
  return {
    periodSeconds: probe.periodSeconds ?? defaults.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds ?? defaults.timeoutSeconds,
    failureThreshold: probe.failureThreshold ?? defaults.failureThreshold,
    successThreshold: probe.successThreshold ?? defaults.successThreshold,
    terminationGracePeriodSeconds: probe.terminationGracePeriodSeconds,
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    handler: describeManifestHandler(probe, containerPorts),
  };
}

const SHELL_SLEEP = /^\s*(?:exec\s+)?sleep\s+(\d+)\s*$/;

/** Seconds the preStop hook delays SIGTERM; undefined when it cannot be known from the manifest. */
function hookSeconds(preStop: Node | undefined): number | undefined {
  if (!preStop) return 0;
  if (preStop.sleep) return Number(preStop.sleep.seconds);
  const command: unknown[] = preStop.exec?.command ?? [];
  if (command.length === 2 && /(^|\/)sleep$/.test(String(command[0])) && /^\d+$/.test(String(command[1]))) return Number(command[1]);
  const script = command.length === 3 && String(command[1]) === '-c' ? SHELL_SLEEP.exec(String(command[2])) : null;
  return script ? Number(script[1]) : undefined;
}

function preStopSeconds(workload: Workload, container: Node): number | undefined {
  const hook = container.lifecycle?.preStop;
  // A delay the hook cannot show (httpGet, or inside the app) is taken from our annotation.
  if (hook && !hook.httpGet) return hookSeconds(hook);
  const hidden = parseDeclaredTimes(workload.source.object.metadata?.annotations?.[DECLARED_ANNOTATION]).preStopSeconds;
  return hidden ?? hookSeconds(hook);
}

function containerPorts(container: Node): Record<string, number> {
  return dictionary(
    ((container.ports as Node[] | undefined) ?? []).filter((port) => port.name).map((port) => [port.name, port.containerPort]),
  );
}

function budget(value: PodBudget | undefined, fallback: PodBudget): PodBudget {
  return value ?? fallback;
}

/**
 * The rolling update's budgets as the controller applies them: a Deployment's `strategy` (Recreate
 * removes every pod first), a DaemonSet's `updateStrategy` with the DaemonSet defaults (maxSurge 0,
 * maxUnavailable 1; OnDelete replaces a pod only when it is deleted, one at a time).
 */
function rollingUpdateOf(kind: string, spec: Node): { maxSurge: PodBudget; maxUnavailable: PodBudget } {
  if (kind === 'DaemonSet') {
    const strategy: Node = spec.updateStrategy ?? {};
    const rolling: Node = strategy.type === 'OnDelete' ? {} : (strategy.rollingUpdate ?? {});
    return {
      maxSurge: budget(rolling.maxSurge, API_DEFAULTS.daemonSetMaxSurge),
      maxUnavailable: budget(rolling.maxUnavailable, API_DEFAULTS.daemonSetMaxUnavailable),
    };
  }
  const strategy: Node = spec.strategy ?? {};
  const rolling: Node = strategy.type === 'Recreate' ? { maxSurge: 0, maxUnavailable: '100%' } : (strategy.rollingUpdate ?? {});
  return {
    maxSurge: budget(rolling.maxSurge, API_DEFAULTS.maxSurge),
    maxUnavailable: budget(rolling.maxUnavailable, API_DEFAULTS.maxUnavailable),
  };
}

/** Desired pods: the autoscaler's minimum when one targets the workload. */
export function replicasOf(workload: Workload): number {
  const autoscaler = workload.related.autoscaler?.object.spec;
  if (autoscaler) return autoscaler.minReplicas ?? 1;
  return workload.source.object.spec?.replicas ?? API_DEFAULTS.replicas;
}

/**
 * Facts read once per workload and per container, however many rules read them (a dozen
 * invariants each read the same ones): a workload and its container views never change once read,
 * and the facts are only ever read.
 */
const containerFactsRead = new WeakMap<ContainerView, WorkloadFacts>();
const workloadFactsRead = new WeakMap<Workload, WorkloadFacts>();

function once<K extends object>(cache: WeakMap<K, WorkloadFacts>, key: K, read: () => WorkloadFacts): WorkloadFacts {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const facts = read();
  cache.set(key, facts);
  return facts;
}

/** The facts of the workload as seen from one container: its probes and its preStop hook. */
export function containerFacts(workload: Workload, view: ContainerView): WorkloadFacts {
  return once(containerFactsRead, view, () => readContainerFacts(workload, view));
}

function readContainerFacts(workload: Workload, view: ContainerView): WorkloadFacts {
  // A bare Pod's spec is its pod spec; a PodTemplate has none (its template is at the top level).
  const spec: Node = workload.kind === 'Pod' ? {} : (workload.source.object.spec ?? {});
  const rolling = rollingUpdateOf(workload.kind, spec);
  const pdb = workload.related.podDisruptionBudgets[0]?.object.spec;
  const ports = containerPorts(view.container);
  return {
    subject: workload.subject,
    servesTraffic: servingContainers(workload).has(view.name),
    readiness: probeFacts(view.container.readinessProbe, ports),
    liveness: probeFacts(view.container.livenessProbe, ports),
    startup: probeFacts(view.container.startupProbe, ports),
    preStopSeconds: preStopSeconds(workload, view.container),
    terminationGracePeriodSeconds: workload.pod.spec.terminationGracePeriodSeconds ?? API_DEFAULTS.terminationGracePeriodSeconds,
    replicas: replicasOf(workload),
    maxSurge: rolling.maxSurge,
    maxUnavailable: rolling.maxUnavailable,
    minReadySeconds: spec.minReadySeconds ?? API_DEFAULTS.minReadySeconds,
    progressDeadlineSeconds: spec.progressDeadlineSeconds ?? API_DEFAULTS.progressDeadlineSeconds,
    podDisruptionBudget: pdb ? { maxUnavailable: pdb.maxUnavailable, minAvailable: pdb.minAvailable } : undefined,
    ...jobFacts(workload),
  };
}

/** A Job's, or a CronJob's job template's, deadline and retry budget. */
function jobFacts(workload: Workload): Pick<WorkloadFacts, 'job' | 'cronJob'> {
  const { kind, source } = workload;
  if (kind !== 'Job' && kind !== 'CronJob') return {};
  const spec: Node = (kind === 'Job' ? source.object.spec : source.object.spec?.jobTemplate?.spec) ?? {};
  const job = {
    activeDeadlineSeconds: spec.activeDeadlineSeconds,
    backoffLimit: spec.backoffLimit ?? API_DEFAULTS.backoffLimit,
    attemptDeadlineSeconds: spec.template?.spec?.activeDeadlineSeconds,
  };
  if (kind === 'Job') return { job };
  const cron: Node = source.object.spec;
  return {
    job,
    cronJob: {
      cron: String(cron.schedule),
      ...(cron.timeZone !== undefined ? { timeZone: cron.timeZone } : {}),
      concurrencyPolicy: cron.concurrencyPolicy ?? API_DEFAULTS.concurrencyPolicy,
      startingDeadlineSeconds: cron.startingDeadlineSeconds,
    },
  };
}

/**
 * The facts of the whole workload, for the invariants about the pod rather than one container:
 * the probes of the first main container, but the longest preStop delay of all main containers
 * (the grace period must cover the slowest to stop) and the longest startup window (a rollout
 * waits for the slowest to start); and the load balancers in front of it.
 */
export function workloadFacts(workload: Workload): WorkloadFacts {
  return once(workloadFactsRead, workload, () => readWorkloadFacts(workload));
}

function readWorkloadFacts(workload: Workload): WorkloadFacts {
  const mains = workload.pod.containers.filter((view) => view.role === 'main');
  const each = mains.map((view) => containerFacts(workload, view));
  const delays = each.map((facts) => facts.preStopSeconds);
  const startups = each.flatMap((facts) => (facts.startup ? [facts.startup] : []));
  return {
    ...each[0]!,
    servesTraffic: each.some((facts) => facts.servesTraffic),
    preStopSeconds: delays.includes(undefined) ? undefined : Math.max(...(delays as number[])),
    startup: startups.reduce<ProbeFacts | undefined>(
      (longest, probe) => (!longest || probeWindow(probe) > probeWindow(longest) ? probe : longest),
      undefined,
    ),
    loadBalancers: loadBalancersOf(workload).map((loadBalancer) => loadBalancer.facts),
    ...sidecarFacts(workload),
    ephemeralStorage: ephemeralStorageFacts(workload),
  };
}

/** A quantity of a manifest as the invariants read it: as written, and in bytes when it is a quantity. */
function sizeFacts(name: string, quantity: unknown): SizeFacts {
  const bytes = typeof quantity === 'string' || typeof quantity === 'number' ? quantityValue(quantity) : undefined;
  return { name, quantity: String(quantity), bytes };
}

/**
 * The pod's node disk: the ephemeral-storage limits of the containers that run together (main
 * containers first, then sidecars, as a declaration lists them), and the emptyDirs not in memory.
 */
function ephemeralStorageFacts(workload: Workload): EphemeralStorageFacts {
  const { containers, spec } = workload.pod;
  const running = [...containers.filter((view) => view.role === 'main'), ...containers.filter((view) => view.role === 'sidecar')];
  const limits = running.flatMap((view) => {
    const limit = view.container.resources?.limits?.['ephemeral-storage'];
    return limit === undefined || limit === null ? [] : [sizeFacts(view.name, limit)];
  });
  const folders = ((spec.volumes as Node[] | undefined) ?? [])
    .filter((volume) => volume.emptyDir && volume.emptyDir.medium !== 'Memory')
    .map((volume) =>
      volume.emptyDir.sizeLimit === undefined ? { name: String(volume.name) } : sizeFacts(String(volume.name), volume.emptyDir.sizeLimit),
    );
  return { limits, folders };
}

/**
 * What runs beside the application: the init phase (init containers, and native sidecars whose
 * startup probe holds the next container back), the sidecars with the preStop delay of the
 * ordinary ones, and a mesh proxy the pod's annotations configure.
 */
function sidecarFacts(workload: Workload): Pick<WorkloadFacts, 'initPhase' | 'sidecars' | 'meshProxy'> {
  const { containers, metadata } = workload.pod;
  const inits = containers.filter((view) => view.role === 'init');
  const sidecars = containers.filter((view) => view.role === 'sidecar');
  const native = (view: ContainerView) => view.path.includes('initContainers');
  const gating = sidecars.filter((view) => native(view) && view.container.startupProbe);
  const meshProxy = meshProxyFacts(metadata);
  return {
    ...(inits.length > 0 || gating.length > 0
      ? {
          initPhase: {
            initContainers: inits.map((view) => view.name),
            sidecarWindowSeconds: gating.reduce((sum, view) => sum + probeWindow(probeFacts(view.container.startupProbe, {})!), 0),
          },
        }
      : {}),
    ...(sidecars.length > 0
      ? {
          sidecars: sidecars.map((view) => {
            // An ordinary sidecar's SIGTERM comes when its own preStop hook ends (undefined: an httpGet hook, unreadable).
            const preStopSeconds = native(view) ? undefined : hookSeconds(view.container.lifecycle?.preStop);
            return { name: view.name, native: native(view), ...(preStopSeconds !== undefined ? { preStopSeconds } : {}) };
          }),
        }
      : {}),
    ...(meshProxy ? { meshProxy } : {}),
  };
}

/** Wraps objects read without positions, for callers that only need facts. */
function unsourced(objects: readonly KubernetesObject[]): SourcedObject[] {
  const nowhere = { line: 1, column: 1 };
  return objects
    .filter((object) => shapeProblems(object).length === 0)
    .map((object) => ({ object, file: '', position: nowhere, locate: () => nowhere }));
}

/** One entry per workload in the manifests (any kind), with its Service, PDB and HPA found by selector and name. */
export function workloadsFromManifests(objects: readonly KubernetesObject[]): ManifestWorkload[] {
  return workloadsOf(unsourced(objects)).map((workload) => ({ facts: workloadFacts(workload), declared: annotatedTimes(workload) }));
}
