import { DECLARED_ANNOTATION, TIMINGS_ANNOTATION } from '../../annotations';
import { DEFAULT_PROBE_LATENCY_MS, PRESETS } from '../../declaration/presets';
import { parseDeclaredTimes } from '../../manifests/declared-times';
import { type KubernetesObject, type Node, objectName } from '../../manifests/objects';
import type { AdoptedWorkload } from '../types';
import { type ContainerAt, inferCommand, inferEnv, inferImage, inferResources } from './container';
import { inferExtraContainers } from './extra-containers';
import { frameworkDrain } from './frameworks';
import { groupWorkloads, type WorkloadGroup } from './group';
import { CARRIED_OVER, inferIdentity, inferLabels, inferPodAnnotations, inferServiceAccount } from './identity';
import { inferDaemon, inferKind, inferRun, inferStateful } from './kinds';
import { fieldPath, Ledger } from './ledger';
import { leftovers } from './leftovers';
import { inferHealth } from './probes';
import { inferProbeOverrides } from './probe-overrides';
import { inferScaling } from './scaling';
import { inferScheduling } from './scheduling';
import { inferSecurity } from './security';
import { inferDrain, inferProbeLatency, inferStartup } from './times';
import {
  inferIngress,
  inferPlatform,
  inferPorts,
  inferRoute,
  inferService,
  inferStopping,
  serviceSelectorNotKept,
  servingPort,
} from './traffic';
import { foldersWithinStorageLimit, inferVolumes } from './volumes';
import { inferKeep } from './keep';
import { inferMetrics, inferNetworkPolicy } from './network';
import { inferAcknowledgements, ownAcknowledgements } from './own-output';
import { inferMesh } from './identity';
import {
  dropEmptySeLinuxOptions,
  dropNetworkPolicySelector,
  dropReleaseLabels,
  dropServicePortProtocols,
  dropSharedConfigMaps,
  dropTemplateName,
  readServiceLinks,
} from './bookkeeping';

export { writeDeclaration } from './writer';
export { groupWorkloads } from './group';

export interface AdoptOptions {
  /** Only the workload of this name (`checkout`, `Deployment/checkout` or `Deployment/shop/checkout`). */
  readonly workload?: string;
  /** When several Services select a workload's pods: the one the declaration's Service replaces. */
  readonly service?: string;
}

/** Whether a workload is the one `--workload` names: by name, `Kind/name` or `Kind/namespace/name`. */
function named(group: WorkloadGroup, wanted: string): boolean {
  const { object } = group.workload.source;
  return [object.metadata?.name, `${object.kind}/${object.metadata?.name}`, objectName(object)].includes(wanted);
}

/**
 * Reads manifests — anyone's, `helm template` output, or our own — into one declaration per
 * workload (Deployment, StatefulSet, DaemonSet, Job, CronJob), with where each value came from,
 * what could not be carried over and why, and what it could not decide. Pure: no synthesis here
 * (the CLI synthesizes the declarations to review the changes).
 */
export function adoptManifests(objects: readonly KubernetesObject[], options: AdoptOptions = {}): AdoptedWorkload[] {
  const { groups, malformed } = groupWorkloads(objects);
  const chosen = options.workload === undefined ? groups : groups.filter((group) => named(group, options.workload!));
  return chosen.map((group) => {
    const adopted = adoptWorkload(group, options);
    const problems = malformed.map(({ object, message }) => ({ object, path: '', reason: `not read: ${message}` }));
    return { ...adopted, dropped: [...problems, ...adopted.dropped] };
  });
}

function adoptWorkload(group: WorkloadGroup, options: AdoptOptions): AdoptedWorkload {
  const { workload } = group;
  const object = workload.source.object as Node;
  const ledger = new Ledger(workload.subject);
  const declared = parseDeclaredTimes(object.metadata?.annotations?.[DECLARED_ANNOTATION]) as Record<string, unknown>;
  const acknowledgement = (id: string) => ledger.set(['acknowledge', id], CARRIED_OVER, `the input's ${id} departure`);
  const podPath = workload.pod.path.map(String);
  const podSpecPath = [...podPath, 'spec'].join('.');
  const pod = workload.pod.spec;
  const mains = workload.pod.containers.filter((view) => view.role === 'main');
  const main = mains[0];
  if (mains.length > 1) {
    ledger.ambiguous(
      `${mains.length} application containers (${mains.map((view) => view.name).join(', ')}); ${main!.name} is the application, the others become sidecars`,
      'sidecars: list the others, or patches',
    );
  }
  const at: ContainerAt = { object: ledger.subject, path: main!.path.join('.'), container: main!.container };
  const services = workload.related.services.map((source) => source.object);

  inferIdentity(ledger, object, main!.name);
  const serving = servingPort(ledger, at, services, options.service);
  const kind = inferKind(ledger, workload.kind, serving?.service !== undefined);
  const serves = kind === 'web' || (kind === 'stateful' && serving?.service !== undefined);
  inferImage(ledger, at, ['image']);
  if (main!.name !== ledger.get(['name'])) {
    ledger.drop(
      ledger.subject,
      `${at.path}.name`,
      `the application's container is named after the workload (${String(ledger.get(['name']))}), not ${main!.name}`,
    );
  }
  if (kind === 'web' || kind === 'worker' || kind === 'stateful') inferScaling(ledger, object, workload.related.autoscaler?.object);
  // The framework's shutdown setting first: it is the application's own deadline and names the preset.
  const framework = frameworkDrain(main!.container);
  // A gRPC readiness check implies the protocol only on the serving port (src/declaration/resolve/ports.ts).
  const grpcReadiness =
    main!.container.readinessProbe?.grpc !== undefined &&
    Number(main!.container.readinessProbe.grpc.port) === Number(serving?.containerPort?.containerPort);
  inferPorts(ledger, at, serving, grpcReadiness);
  inferPlatform(
    ledger,
    services,
    workload.related.ingresses.map((source) => source.object),
  );
  const servingNumber = ledger.get(['port']) as number | undefined;
  if (kind !== 'job' && kind !== 'cronjob') {
    inferHealth(ledger, at, ['health'], servingNumber, {
      readinessRequired: serves,
      livenessDefault: true,
      noLiveness: ownAcknowledgements(object).has('noLiveness'),
      acknowledge: (id) => acknowledgement(id),
    });
    inferStartup(ledger, at, declared, String(object.metadata?.annotations?.[TIMINGS_ANNOTATION] ?? ''));
  } else {
    ledger.consume(ledger.subject, `${at.path}.readinessProbe`, `${at.path}.livenessProbe`, `${at.path}.startupProbe`);
    inferRun(ledger, workload.kind as 'Job' | 'CronJob', object, declared);
  }
  inferDrain(ledger, at, pod, declared, framework);
  if (serves) inferStopping(ledger, at, pod, declared, true);
  else inferStopping(ledger, at, pod, declared, false);
  inferCommand(ledger, at, []);
  inferEnv(ledger, at, []);
  const preset =
    framework && !Array.isArray(ledger.get(['env']))
      ? presetOf(framework.framework, framework.variables, main!.container, ledger.get(['drainSeconds']) as number)
      : undefined;
  if (preset) {
    ledger.set(['preset'], preset, `${framework!.setting}: the ${preset} preset writes it from drainSeconds`);
    for (const variable of framework!.variables) ledger.remove(['env', variable]);
    if (Object.keys((ledger.get(['env']) as object | undefined) ?? {}).length === 0) ledger.remove(['env']);
  }
  if (kind !== 'job' && kind !== 'cronjob')
    inferProbeLatency(ledger, at, preset ? PRESETS[preset].probeLatencyMs : DEFAULT_PROBE_LATENCY_MS, declared);
  inferResources(ledger, at, [], acknowledgement);
  // A ConfigMap other workloads read too stays as it is, referred to by name: its text is not copied into configFiles.
  const own = group.configuration
    .map((source) => source.object)
    .filter((each) => each.kind !== 'ConfigMap' || !group.shared.has(String(each.metadata?.name)));
  const volumes = inferVolumes(ledger, at, pod, podSpecPath, own, [], true);
  foldersWithinStorageLimit(ledger, pod);
  if (kind === 'stateful') inferStateful(ledger, object, volumes.claims);
  else
    for (const [claim] of volumes.claims)
      ledger.drop(ledger.subject, `${at.path}.volumeMounts`, `it mounts ${claim}, which the pod does not have`);
  if (kind === 'daemon') inferDaemon(ledger, object, volumes.hostPaths);
  else
    for (const { name } of volumes.hostPaths)
      ledger.drop(
        ledger.subject,
        `${podSpecPath}.volumes`,
        `the hostPath volume ${name}: only a node agent (kind daemon) mounts host folders`,
      );
  inferExtraContainers(ledger, workload.pod.containers, pod, podSpecPath, own, ledger.get(['resources']), declared);
  inferSecurity(ledger, pod, podSpecPath, main!.container, at.path);
  inferLabels(ledger, workload.pod, (object.spec?.selector?.matchLabels as Record<string, string> | undefined) ?? {});
  inferMesh(ledger, workload.pod, object.metadata?.annotations?.[TIMINGS_ANNOTATION] as string | undefined);
  inferPodAnnotations(ledger, workload.pod);
  inferServiceAccount(ledger, pod, podSpecPath, workload.related.serviceAccount?.object);
  inferScheduling(ledger, pod, podSpecPath, kind !== 'daemon');
  if (serves) {
    inferService(ledger, serving, at, (object.spec?.selector?.matchLabels as Record<string, string> | undefined) ?? {});
    inferIngress(
      ledger,
      workload.related.ingresses.map((source) => source.object),
    );
    inferRoute(
      ledger,
      workload.related.routes.map((source) => source.object),
    );
  }
  const headless = kind === 'stateful' ? services.find((each) => each.spec?.clusterIP === 'None') : undefined;
  if (headless) serviceSelectorNotKept(ledger, headless, (object.spec?.selector?.matchLabels as Record<string, string> | undefined) ?? {});
  const ofKind = (kind: string) => group.monitors.find((monitor) => monitor.kind === kind);
  inferKeep(
    ledger,
    object,
    {
      Service: serves ? serving?.service : undefined,
      HeadlessService: headless,
      ServiceAccount:
        pod.serviceAccountName !== undefined || pod.serviceAccount !== undefined
          ? (workload.related.serviceAccount?.object ?? {
              kind: 'ServiceAccount',
              metadata: { name: String(pod.serviceAccountName ?? pod.serviceAccount) },
            })
          : undefined,
      PodDisruptionBudget: workload.related.podDisruptionBudgets[0]?.object,
      HorizontalPodAutoscaler: workload.related.autoscaler?.object,
      NetworkPolicy: group.networkPolicies[0],
      Ingress: serves ? workload.related.ingresses[0]?.object : undefined,
      Route: serves ? workload.related.routes[0]?.object : undefined,
      ServiceMonitor: ofKind('ServiceMonitor'),
      PodMonitor: ofKind('PodMonitor'),
    },
    // Only kinds web and stateful make a Service (src/declaration/schema/keep.ts): a daemon's Service has no name or port to keep.
    !serves || serving?.servicePort?.name === undefined ? undefined : String(serving.servicePort.name),
  );
  inferMetrics(ledger, group.monitors);
  inferNetworkPolicy(
    ledger,
    group.networkPolicies,
    (object.spec?.selector?.matchLabels as Record<string, string> | undefined) ?? {},
    new Map(
      [...((pod.containers as Node[] | undefined) ?? []), ...((pod.initContainers as Node[] | undefined) ?? [])].flatMap((container) =>
        ((container.ports as Node[] | undefined) ?? []).flatMap((port) =>
          port.name === undefined ? [] : [[String(port.name), Number(port.containerPort)] as const],
        ),
      ),
    ),
  );
  inferAcknowledgements(ledger, object);
  dropReleaseLabels(ledger, group.members, podPath);
  dropSharedConfigMaps(ledger, group.members, group.shared);
  readServiceLinks(ledger, pod, podSpecPath);
  dropTemplateName(ledger, object, podPath);
  dropEmptySeLinuxOptions(ledger, pod, podSpecPath);
  dropNetworkPolicySelector(
    ledger,
    group.networkPolicies[0],
    // A Job's or CronJob's selector is generated by Kubernetes: its pods are told apart by their labels.
    (object.spec?.selector?.matchLabels as Record<string, string> | undefined) ?? workload.pod.metadata.labels ?? {},
  );
  dropServicePortProtocols(ledger, services, serving?.servicePort);
  if (object.metadata?.annotations?.[TIMINGS_ANNOTATION] !== undefined) inferProbeOverrides(ledger, at, object, pod, podSpecPath);
  leftovers(
    ledger,
    object,
    workload.kind,
    podPath,
    workload.pod.containers
      .filter((view) => view.role !== 'ephemeral')
      // The application's container is named after the workload in the output: its patch is addressed by that name.
      .map((view) => ({
        name: view === main ? String(ledger.get(['name'])) : view.name,
        path: view.path.join('.'),
        container: view.container,
      })),
  );
  return {
    workload: workload.subject,
    input: group.members,
    declaration: ordered(ledger.declaration),
    inferences: ledger.inferences,
    dropped: ledger.dropped,
    ambiguities: ledger.ambiguities,
  };
}

/** The preset a framework's setting names, when its variables say exactly what the preset would write from drainSeconds. */
function presetOf(
  framework: 'spring-boot' | 'gunicorn' | 'uvicorn',
  variables: readonly string[],
  container: Node,
  drainSeconds: number,
): 'spring-boot' | 'gunicorn' | 'uvicorn' | undefined {
  if (variables.length === 0) return undefined;
  const env = new Map(((container.env as Node[] | undefined) ?? []).map((entry) => [String(entry.name), entry.value]));
  const written = PRESETS[framework].shutdownEnvironment(drainSeconds);
  const names = Object.keys(written);
  return names.every((name) => env.get(name) === written[name]) && variables.every((name) => names.includes(name)) ? framework : undefined;
}

/** The declaration's fields in the order of the schema's documentation, so written declarations read alike. */
const ORDER = [
  'name',
  'instance',
  'kind',
  'preset',
  'image',
  'port',
  'protocol',
  'ports',
  'service',
  'replicas',
  'autoscaling',
  'health',
  'startup',
  'run',
  'schedule',
  'drainSeconds',
  'traffic',
  'probeLatencyMs',
  'kubernetesVersion',
  'preStop',
  'resources',
  'command',
  'args',
  'env',
  'envFrom',
  'files',
  'configFiles',
  'scratch',
  'tmp',
  'securityContext',
  'imagePullSecrets',
  'podAnnotations',
  'serviceAccount',
  'scheduling',
  'initContainers',
  'sidecars',
  'labels',
  'metrics',
  'ingress',
  'route',
  'stateful',
  'daemon',
  'patches',
  'overrides',
  'acknowledge',
];

function ordered(declaration: Record<string, unknown>): Record<string, unknown> {
  const keys = [...ORDER.filter((key) => key in declaration), ...Object.keys(declaration).filter((key) => !ORDER.includes(key))];
  return Object.fromEntries(keys.map((key) => [key, declaration[key]]));
}

export { fieldPath };
