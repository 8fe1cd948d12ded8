import { DECLARED_ANNOTATION } from '../constructs/metadata';
import { API_DEFAULTS, type DeclaredTimes, type ProbeFacts, type WorkloadFacts } from '../invariants/facts';
import type { PodBudget } from '../timing/types';

/**
 * Reads the invariants' facts out of Kubernetes manifests — ours or anyone's — so that the same
 * checks that guard a declaration also guard YAML. Fields a manifest leaves out take the
 * Kubernetes API defaults, because that is what the cluster will run.
 */

/** A Kubernetes object as parsed from YAML: only the fields read here are typed. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are untyped input
}

export interface ManifestWorkload {
  readonly facts: WorkloadFacts;
  /** From our `declared` annotation when present, else empty (invariants needing them report unknown). */
  readonly declared: DeclaredTimes;
}

type Handler = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The canonical text of a probe handler; matches `describeHandler` for declarations. */
export function describeManifestHandler(handler: Handler, containerPorts: Record<string, number> = {}): string {
  const port = (value: unknown) => (typeof value === 'string' && containerPorts[value] !== undefined ? containerPorts[value] : value);
  if (handler.httpGet) return `httpGet ${handler.httpGet.scheme ?? 'HTTP'} :${port(handler.httpGet.port)}${handler.httpGet.path ?? '/'}`;
  if (handler.tcpSocket) return `tcpSocket :${port(handler.tcpSocket.port)}`;
  if (handler.grpc) return `grpc :${handler.grpc.port}${handler.grpc.service ? ` service ${handler.grpc.service}` : ''}`;
  if (handler.exec) return `exec ${JSON.stringify(handler.exec.command ?? [])}`;
  return 'unknown handler';
}

function probeFacts(probe: Handler | undefined, containerPorts: Record<string, number>): ProbeFacts | undefined {
  if (!probe) return undefined;
  const defaults = API_DEFAULTS.probe;
  return {
    periodSeconds: probe.periodSeconds ?? defaults.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds ?? defaults.timeoutSeconds,
    failureThreshold: probe.failureThreshold ?? defaults.failureThreshold,
    successThreshold: probe.successThreshold ?? defaults.successThreshold,
    terminationGracePeriodSeconds: probe.terminationGracePeriodSeconds,
    handler: describeManifestHandler(probe, containerPorts),
  };
}

const SHELL_SLEEP = /^\s*(?:exec\s+)?sleep\s+(\d+)\s*$/;

/** Seconds the preStop hook delays SIGTERM; undefined when it cannot be known from the manifest. */
function preStopSeconds(preStop: Handler | undefined): number | undefined {
  if (!preStop) return 0;
  if (preStop.sleep) return Number(preStop.sleep.seconds);
  const command: unknown[] = preStop.exec?.command ?? [];
  if (command.length === 2 && /(^|\/)sleep$/.test(String(command[0])) && /^\d+$/.test(String(command[1]))) return Number(command[1]);
  const script = command.length === 3 && String(command[1]) === '-c' ? SHELL_SLEEP.exec(String(command[2])) : null;
  return script ? Number(script[1]) : undefined;
}

export function parseDeclaredTimes(annotation: string | undefined): DeclaredTimes & { preStopSeconds?: number } {
  const times: Record<string, number> = {};
  for (const [, key, value] of (annotation ?? '').matchAll(/(\w+)=(\d+)/g)) times[key!] = Number(value);
  return times;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function budget(value: PodBudget | undefined, fallback: PodBudget): PodBudget {
  return value ?? fallback;
}

/** One entry per Deployment in the manifests, with its Service, PDB and HPA found by selector and name. */
export function workloadsFromManifests(objects: readonly KubernetesObject[]): ManifestWorkload[] {
  const sameNamespace = (a: KubernetesObject, b: KubernetesObject) => (a.metadata?.namespace ?? '') === (b.metadata?.namespace ?? '');
  return objects
    .filter((object) => object.kind === 'Deployment' && object.spec?.template?.spec)
    .map((deployment) => {
      const podLabels: Record<string, string> = deployment.spec.template.metadata?.labels ?? {};
      const pod = deployment.spec.template.spec;
      const container = (pod.containers ?? [])[0] ?? {};
      const containerPorts: Record<string, number> = Object.fromEntries(
        (container.ports ?? []).filter((port: Handler) => port.name).map((port: Handler) => [port.name, port.containerPort]),
      );
      const peers = objects.filter((object) => sameNamespace(object, deployment));
      const service = peers.find((object) => object.kind === 'Service' && selects(object.spec?.selector, podLabels));
      const pdb = peers.find((object) => object.kind === 'PodDisruptionBudget' && selects(object.spec?.selector?.matchLabels, podLabels));
      const hpa = peers.find(
        (object) =>
          object.kind === 'HorizontalPodAutoscaler' &&
          object.spec?.scaleTargetRef?.kind === 'Deployment' &&
          object.spec?.scaleTargetRef?.name === deployment.metadata?.name,
      );
      const declared = parseDeclaredTimes(deployment.metadata?.annotations?.[DECLARED_ANNOTATION]);
      const rolling = deployment.spec.strategy?.rollingUpdate ?? {};
      const hook = container.lifecycle?.preStop;
      const facts: WorkloadFacts = {
        subject: `Deployment/${deployment.metadata?.name ?? '(unnamed)'}`,
        servesTraffic: service !== undefined,
        readiness: probeFacts(container.readinessProbe, containerPorts),
        liveness: probeFacts(container.livenessProbe, containerPorts),
        startup: probeFacts(container.startupProbe, containerPorts),
        // A delay the hook cannot show (httpGet, or inside the app) is taken from our annotation.
        preStopSeconds: hook?.httpGet || !hook ? (declared.preStopSeconds ?? preStopSeconds(hook)) : preStopSeconds(hook),
        terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds ?? API_DEFAULTS.terminationGracePeriodSeconds,
        replicas: hpa?.spec?.minReplicas ?? deployment.spec.replicas ?? API_DEFAULTS.replicas,
        maxSurge: budget(rolling.maxSurge, API_DEFAULTS.maxSurge),
        maxUnavailable: budget(rolling.maxUnavailable, API_DEFAULTS.maxUnavailable),
        minReadySeconds: deployment.spec.minReadySeconds ?? API_DEFAULTS.minReadySeconds,
        progressDeadlineSeconds: deployment.spec.progressDeadlineSeconds ?? API_DEFAULTS.progressDeadlineSeconds,
        podDisruptionBudget: pdb ? { maxUnavailable: pdb.spec.maxUnavailable, minAvailable: pdb.spec.minAvailable } : undefined,
      };
      const { preStopSeconds: _hidden, ...times } = declared;
      return { facts, declared: times };
    });
}
