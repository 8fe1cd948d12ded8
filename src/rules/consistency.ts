import type { FieldPath, SourcedObject } from '../files/manifests';
import { identityOf, type Node, objectName } from '../manifests/objects';
import type { ContainerView } from '../manifests/pod-templates';
import { matches, namespaceOf } from '../manifests/relations';
import type { Workload } from '../manifests/workloads';
import type { InputRuleId, RuleId } from './catalogue';
import { type Check, containerOf, type InputCheck, type Violation } from './check';

/** Consistency of the input (catalogue.ts): what the API server refuses or Kubernetes silently ignores. */

const where = (source: SourcedObject) => `${source.file}:${source.position.line}${source.template ? ` (${source.template})` : ''}`;
const labelsText = (labels: Node) =>
  Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',') || 'none';
const list = (names: readonly string[]) =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

/** The probe handlers and the preStop hook of a container, with the fields they are at. */
const HANDLERS: ReadonlyArray<{ field: FieldPath; what: string }> = [
  { field: ['readinessProbe'], what: 'readiness probe' },
  { field: ['livenessProbe'], what: 'liveness probe' },
  { field: ['startupProbe'], what: 'startup probe' },
  { field: ['lifecycle', 'preStop'], what: 'preStop hook' },
];

/** The ports a pod's containers and native sidecars declare: Services look names up there (not in init containers). */
function declaredPorts(containers: readonly ContainerView[]): { names: Set<string>; numbers: Set<number> } {
  const ports: Node[] = containers
    .filter((view) => view.role === 'main' || view.role === 'sidecar')
    .flatMap((view) => (Array.isArray(view.container.ports) ? view.container.ports : []));
  return {
    names: new Set(ports.flatMap((port) => (typeof port?.name === 'string' ? [port.name] : []))),
    numbers: new Set(ports.flatMap((port) => (Number.isInteger(port?.containerPort) ? [port.containerPort] : []))),
  };
}

/**
 * Kinds of custom resources that create no pods, so a Service in their namespace can still be
 * judged (monitoring and certificate objects ship with most charts). Any other custom resource
 * may be an operator's (a Prometheus, an Alertmanager, a database cluster) that runs pods.
 */
const POD_LESS_CUSTOM_KINDS = new Set([
  'monitoring.coreos.com/ServiceMonitor',
  'monitoring.coreos.com/PodMonitor',
  'monitoring.coreos.com/PrometheusRule',
  'monitoring.coreos.com/Probe',
  'monitoring.coreos.com/ScrapeConfig',
  'monitoring.coreos.com/AlertmanagerConfig',
  'cert-manager.io/Certificate',
  'cert-manager.io/Issuer',
  'cert-manager.io/ClusterIssuer',
]);
/** The API groups of Kubernetes itself (no group is the core group); a `*.k8s.io` group is Kubernetes' too. */
const KUBERNETES_GROUPS = new Set(['', 'apps', 'batch', 'policy', 'autoscaling']);

function mayRunPods(object: Node): boolean {
  const apiVersion = String(object.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (KUBERNETES_GROUPS.has(group) || group.endsWith('.k8s.io')) return false;
  return !POD_LESS_CUSTOM_KINDS.has(`${group}/${object.kind}`);
}

/**
 * A ReplicationController's selector is a plain map of labels (core/v1), not a label selector. Left
 * out or empty, the API server sets it to the pod template's labels (SetDefaults_ReplicationController,
 * pkg/apis/core/v1/defaults.go), so it matches by construction, unless the template has no labels
 * either: then it stays empty and is refused as required (ValidateNonEmptySelector). Written, every
 * pair must be among the template's labels ("`selector` does not match template `labels`",
 * ValidatePodTemplateSpecForRC, pkg/apis/core/validation/validation.go).
 * https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#pod-selector
 */
function replicationControllerSelector(workload: Workload): Violation[] {
  const written: Node | undefined = workload.source.object.spec?.selector ?? undefined;
  const selector: Node = written ?? {};
  const labels: Node = workload.pod.metadata.labels ?? {};
  if (Object.keys(selector).length === 0)
    return Object.keys(labels).length > 0
      ? []
      : [
          {
            path: written ? ['spec', 'selector'] : ['spec'],
            message: `${written ? 'an empty spec.selector' : 'no spec.selector'} and no pod template labels to default it to: the API server rejects a ReplicationController that does not select its pods`,
          },
        ];
  return matches({ matchLabels: selector, matchExpressions: [] }, labels)
    ? []
    : [
        {
          path: ['spec', 'selector'],
          message: `the selector ${labelsText(selector)} does not select its own pod template's labels (${labelsText(labels)}): the API server rejects it ("\`selector\` does not match template \`labels\`")`,
        },
      ];
}

export const CONSISTENCY_CHECKS = {
  oneDisruptionBudget: ({ workload }) => {
    const budgets = [...workload.related.podDisruptionBudgets].sort((a, b) =>
      a.file === b.file ? a.position.line - b.position.line : a.file < b.file ? -1 : 1,
    );
    if (budgets.length < 2) return [];
    const names = budgets.map((budget) => objectName(budget.object));
    return budgets.slice(1).map((budget) => ({
      object: budget,
      path: ['spec', 'selector'],
      message: `${list(names)} all select its pods: the eviction API refuses to evict a pod that more than one budget covers, so every drain stalls on them`,
    }));
  },
  selectorMatchesTemplate: ({ workload }) => {
    // A bare Pod that runs to completion gets the Job rules, but has no selector; a Job's is generated unless written.
    if (workload.kind === 'Pod') return [];
    if (workload.kind === 'ReplicationController') return replicationControllerSelector(workload);
    const selector: Node | undefined = workload.source.object.spec?.selector ?? undefined;
    if (workload.kind === 'Job' && selector === undefined) return [];
    const matchLabels: Node = selector?.matchLabels ?? {};
    const matchExpressions: Node[] = selector?.matchExpressions ?? [];
    if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0)
      return [
        {
          path: selector ? ['spec', 'selector'] : ['spec'],
          message: `${selector ? 'an empty spec.selector' : 'no spec.selector'}: the API server rejects a ${workload.kind} that does not select its pods`,
        },
      ];
    const labels: Node = workload.pod.metadata.labels ?? {};
    return matches({ matchLabels, matchExpressions }, labels)
      ? []
      : [
          {
            path: ['spec', 'selector'],
            message: `the selector does not select its own pod template's labels (${labelsText(labels)}): the API server rejects it ("selector does not match template labels")`,
          },
        ];
  },
  probePortDeclared: (subject) => {
    const view = containerOf(subject);
    const declared = Array.isArray(view.container.ports) ? (view.container.ports as Node[]) : [];
    const names = declared.flatMap((port) => (typeof port?.name === 'string' ? [port.name] : []));
    return HANDLERS.flatMap(({ field, what }) => {
      const handler = field.reduce<Node | undefined>((node, key) => node?.[key], view.container);
      return (['httpGet', 'tcpSocket'] as const).flatMap((type) => {
        const port: unknown = handler?.[type]?.port;
        // A number is used as written; so is text of digits, which the kubelet reads as a number when no port has it as a name.
        if (typeof port !== 'string' || /^\d+$/.test(port) || names.includes(port)) return [];
        return [
          {
            path: [...view.path, ...field, type, 'port'],
            message: `container ${view.name}: the ${what} uses port ${port}, which the container does not declare (${names.length > 0 ? `its ports: ${names.join(', ')}` : 'it names no port'}), so it always fails`,
          },
        ];
      });
    });
  },
} satisfies Partial<Record<RuleId, Check>>;

/** The Services of the input with the workloads each selects, in input order. */
function selectedBy(checked: readonly SourcedObject[], workloads: readonly Workload[]): Map<SourcedObject, Workload[]> {
  const selected = new Map(checked.filter((source) => source.object.kind === 'Service').map((source) => [source, [] as Workload[]]));
  for (const workload of workloads) for (const service of workload.related.services) selected.get(service)?.push(workload);
  return selected;
}

export const INPUT_CHECKS: Record<InputRuleId, InputCheck> = {
  duplicateObject: ({ objects }) => {
    const first = new Map<string, SourcedObject>();
    return objects.flatMap((source) => {
      const identity = identityOf(source.object);
      if (identity === undefined) return [];
      const earlier = first.get(identity);
      if (earlier === undefined) {
        first.set(identity, source);
        return [];
      }
      return [
        {
          object: source,
          path: ['metadata', 'name'],
          message: `a second copy of ${objectName(source.object)}, first at ${where(earlier)}: only the first copy is checked`,
        },
      ];
    });
  },
  serviceSelectsPods: ({ checked, workloads }) => {
    const withWorkloads = new Set(workloads.map((workload) => namespaceOf(workload.source)));
    const operated = new Set(checked.filter((source) => mayRunPods(source.object)).map(namespaceOf));
    return [...selectedBy(checked, workloads)].flatMap(([service, selected]) => {
      const selector: Node = service.object.spec?.selector ?? {};
      const namespace = namespaceOf(service);
      if (selected.length > 0 || Object.keys(selector).length === 0 || !withWorkloads.has(namespace) || operated.has(namespace)) return [];
      return [
        {
          object: service,
          path: ['spec', 'selector'],
          message: `the selector ${labelsText(selector)} selects the pods of no workload in ${namespace === '' ? 'the namespace of the apply' : `namespace ${namespace}`}, so the Service has no endpoints`,
        },
      ];
    });
  },
  serviceTargetPort: ({ checked, workloads }) =>
    [...selectedBy(checked, workloads)].flatMap(([service, selected]) => {
      if (selected.length === 0) return [];
      const { names, numbers } = declaredPorts(selected.flatMap((workload) => workload.pod.containers));
      const pods = list(selected.map((workload) => workload.subject));
      const ports: Node[] = Array.isArray(service.object.spec?.ports) ? service.object.spec.ports : [];
      return ports.flatMap((port, index) => {
        const field = port?.targetPort !== undefined && port?.targetPort !== null ? 'targetPort' : 'port';
        const target: unknown = port?.[field];
        const path = ['spec', 'ports', index, field];
        if (typeof target === 'string' && !/^\d+$/.test(target))
          return names.has(target)
            ? []
            : [
                {
                  object: service,
                  path,
                  message: `targetPort ${target} is a port name no container of ${pods} declares, so no pod gets an endpoint for it`,
                },
              ];
        const number = typeof target === 'string' ? Number(target) : target;
        if (typeof number === 'number' && numbers.size > 0 && !numbers.has(number))
          return [
            {
              object: service,
              path,
              message: `${field === 'port' ? `port ${number} (no targetPort: the same number on the pod)` : `targetPort ${number}`} is no port the containers of ${pods} declare (they declare ${[...numbers].join(', ')})`,
            },
          ];
        return [];
      });
    }),
};
