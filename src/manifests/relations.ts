import type { SourcedObject } from '../files/manifests';
import { type Node, own } from './objects';
import type { PodTemplateView } from './pod-templates';

/**
 * Finds the objects that act on a workload's pods: Services and PodDisruptionBudgets by label
 * selector, HorizontalPodAutoscalers by their target, the ServiceAccount by name, the Ingresses and
 * Gateway API routes that send requests to its Services, its Namespace by name — always in the
 * same namespace (a route may name a Service in another). Everything is indexed once, so checking grows linearly with the input (ten
 * thousand Services are not compared with ten thousand Deployments pair by pair).
 */
export interface Related {
  readonly services: readonly SourcedObject[];
  readonly podDisruptionBudgets: readonly SourcedObject[];
  readonly autoscaler?: SourcedObject;
  readonly serviceAccount?: SourcedObject;
  /** Ingresses with a backend that is one of `services`. */
  readonly ingresses: readonly SourcedObject[];
  /** HTTPRoutes and GRPCRoutes with a backendRef to one of `services`. */
  readonly routes: readonly SourcedObject[];
  /** The workload's Namespace, when it is in the input. */
  readonly namespace?: SourcedObject;
  /** The controller of each IngressClass in the input, by class name. */
  readonly ingressClasses: ReadonlyMap<string, string>;
  /** The PersistentVolumeClaims in the input that the pod's persistentVolumeClaim volumes name. */
  readonly volumeClaims: readonly SourcedObject[];
  /** RoleBindings and ClusterRoleBindings in the input whose subjects include the pod's ServiceAccount. */
  readonly bindings: readonly SourcedObject[];
}

type Labels = Readonly<Record<string, string>>;

export interface Selector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly Node[];
}

/** https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resource-based-requirement */
export function matches(selector: Selector, labels: Labels): boolean {
  return (
    Object.entries(selector.matchLabels).every(([key, value]) => own(labels, key) === value) &&
    selector.matchExpressions.every(({ key, operator, values }) => {
      // A label named like an inherited member (`constructor`) is there only when the pod has it.
      const value = own(labels, key);
      const listed = ((values as string[] | undefined) ?? []).includes(value as string);
      if (operator === 'In') return value !== undefined && listed;
      if (operator === 'NotIn') return value === undefined || !listed;
      if (operator === 'Exists') return value !== undefined;
      if (operator === 'DoesNotExist') return value === undefined;
      return false;
    })
  );
}

export const namespaceOf = (source: SourcedObject) => source.object.metadata?.namespace ?? '';
const pairKey = (namespace: string, key: string, value: string) => `${namespace}\u0000${key}\u0000${value}`;

/**
 * Selectors filed under their rarest requirement that a pod's own labels can look up: a
 * `key=value` pair of matchLabels, else the values of an `In` expression (the pod carries one of
 * them) or the key of an `Exists` expression. A selector can only match pods that meet that
 * requirement, so a lookup visits the few selectors filed under the pod's own labels and keys;
 * only selectors made of `NotIn` and `DoesNotExist` (or empty: every pod) are compared with every
 * pod of their namespace. Budgets selecting with matchExpressions only were once all compared
 * with every pod: 10,000 of them and 10,000 Deployments took 52 s (issue 21).
 */
class SelectorIndex {
  private readonly byPair = new Map<string, Entry[]>();
  private readonly byKey = new Map<string, Entry[]>();
  private readonly unkeyed = new Map<string, Entry[]>();
  /** Each entry's place in the input: what `find` returns is in that order, whichever requirement an entry is filed under. */
  private readonly inputOrder = new Map<Entry, number>();

  constructor(entries: readonly Entry[]) {
    entries.forEach((entry, index) => this.inputOrder.set(entry, index));
    const counts = new Map<string, number>();
    const filings = entries.map((entry) => filingsOf(entry));
    for (const filing of filings) for (const pair of filing.flat()) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    entries.forEach((entry, index) => {
      const options = filings[index]!;
      if (options.length === 0) return append(this.unkeyed, namespaceOf(entry.source), entry);
      // The option whose keys hold the fewest selectors in all (an In expression files under each of its values).
      const cost = (keys: readonly string[]) => keys.reduce((sum, key) => sum + counts.get(key)!, 0);
      const rarest = options.reduce((best, keys) => (cost(keys) < cost(best) ? keys : best));
      for (const key of rarest) append(key.startsWith(KEY_ONLY) ? this.byKey : this.byPair, key, entry);
    });
  }

  find(namespace: string, labels: Labels): SourcedObject[] {
    const keys = Object.keys(labels);
    const candidates = new Set([
      ...keys.flatMap((key) => this.byPair.get(pairKey(namespace, key, labels[key]!)) ?? []),
      ...keys.flatMap((key) => this.byKey.get(keyOnly(namespace, key)) ?? []),
      ...(this.unkeyed.get(namespace) ?? []),
    ]);
    return [...candidates]
      .filter(({ selector }) => matches(selector, labels))
      .sort((a, b) => this.inputOrder.get(a)! - this.inputOrder.get(b)!)
      .map(({ source }) => source);
  }
}

interface Entry {
  readonly source: SourcedObject;
  readonly selector: Selector;
}

const KEY_ONLY = '\u0001';
const keyOnly = (namespace: string, key: string) => `${KEY_ONLY}${namespace}\u0000${key}`;

/** Each way a selector can be filed: the index keys of one requirement every pod it selects meets. */
function filingsOf({ source, selector }: Entry): string[][] {
  const namespace = namespaceOf(source);
  return [
    ...Object.entries(selector.matchLabels).map(([key, value]) => [pairKey(namespace, key, value)]),
    ...selector.matchExpressions.flatMap(({ key, operator, values }): string[][] => {
      if (typeof key !== 'string') return [];
      if (operator === 'In' && Array.isArray(values))
        return [
          [...new Set(values.filter((value): value is string => typeof value === 'string'))].map((value) => pairKey(namespace, key, value)),
        ];
      return operator === 'Exists' ? [[keyOnly(namespace, key)]] : [];
    }),
  ];
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface RelationIndex {
  relatedTo(workload: SourcedObject, pod: PodTemplateView): Related;
}

export function indexRelations(objects: readonly SourcedObject[]): RelationIndex {
  const ofKind = (kind: string) => objects.filter((source) => source.object.kind === kind);
  // A Service without a selector has no endpoints managed by Kubernetes: it selects no pods.
  const services = new SelectorIndex(
    ofKind('Service')
      .filter((source) => Object.keys(source.object.spec?.selector ?? {}).length > 0)
      .map((source) => ({ source, selector: { matchLabels: source.object.spec.selector, matchExpressions: [] } })),
  );
  // In policy/v1 an empty selector `{}` selects every pod of the namespace; a missing one, none.
  const budgets = new SelectorIndex(
    ofKind('PodDisruptionBudget')
      .filter((source) => source.object.spec?.selector)
      .map((source) => ({
        source,
        selector: {
          matchLabels: source.object.spec.selector.matchLabels ?? {},
          matchExpressions: source.object.spec.selector.matchExpressions ?? [],
        },
      })),
  );
  const autoscalers = new Map(
    ofKind('HorizontalPodAutoscaler').map((source) => {
      const target = source.object.spec?.scaleTargetRef ?? {};
      return [`${namespaceOf(source)}\u0000${target.kind}\u0000${target.name}`, source] as const;
    }),
  );
  const serviceAccounts = new Map(
    ofKind('ServiceAccount').map((source) => [`${namespaceOf(source)}\u0000${source.object.metadata?.name}`, source]),
  );
  const byBackend = new Map<string, SourcedObject[]>();
  for (const source of ofKind('Ingress')) {
    const spec: Node = source.object.spec ?? {};
    const backends: Node[] = [
      spec.defaultBackend,
      ...((spec.rules as Node[] | undefined) ?? []).flatMap((rule) => rule?.http?.paths ?? []).map((path: Node) => path?.backend),
    ];
    for (const name of new Set(backends.map((backend) => backend?.service?.name).filter((name) => typeof name === 'string'))) {
      append(byBackend, `Ingress\u0000${namespaceOf(source)}\u0000${name}`, source);
    }
  }
  for (const source of [...ofKind('HTTPRoute'), ...ofKind('GRPCRoute')]) {
    const references: Node[] = ((source.object.spec?.rules as Node[] | undefined) ?? []).flatMap((rule) => rule?.backendRefs ?? []);
    const services = references.filter((reference) => (reference.group ?? '') === '' && (reference.kind ?? 'Service') === 'Service');
    for (const key of new Set(services.map((reference) => `${reference.namespace ?? namespaceOf(source)}\u0000${reference.name}`))) {
      append(byBackend, `Route\u0000${key}`, source);
    }
  }
  const namespaces = new Map(ofKind('Namespace').map((source) => [source.object.metadata?.name ?? '', source]));
  const ingressClasses = new Map(
    ofKind('IngressClass').map((source) => [String(source.object.metadata?.name), String(source.object.spec?.controller ?? '')]),
  );
  const claims = new Map(
    ofKind('PersistentVolumeClaim').map((source) => [`${namespaceOf(source)}\u0000${source.object.metadata?.name}`, source]),
  );
  // A RoleBinding's ServiceAccount subject without a namespace is in the binding's namespace; a ClusterRoleBinding's must name one.
  // https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
  const bindings = new Map<string, SourcedObject[]>();
  for (const source of [...ofKind('RoleBinding'), ...ofKind('ClusterRoleBinding')]) {
    const subjects: Node[] = Array.isArray((source.object as Node).subjects) ? (source.object as Node).subjects : [];
    const accounts = subjects.filter((subject) => subject?.kind === 'ServiceAccount' && typeof subject.name === 'string');
    for (const key of new Set(accounts.map((subject) => `${subject.namespace ?? namespaceOf(source)}\u0000${subject.name}`))) {
      append(bindings, key, source);
    }
  }
  const inputOrder = new Map(objects.map((source, index) => [source, index]));
  /**
   * The objects of a kind that name any of the Services, each once, in input order: sorted by
   * their place in the input, never by filtering the whole input per workload (that walk, 10,000
   * workloads by 30,000 objects twice, was a quarter of `check` at 10,000 workloads: issue 21).
   */
  const sendingTo = (kind: 'Ingress' | 'Route', services: readonly SourcedObject[]) => {
    const found = new Set(
      services.flatMap((service) => byBackend.get(`${kind}\u0000${namespaceOf(service)}\u0000${service.object.metadata?.name}`) ?? []),
    );
    return [...found].sort((a, b) => inputOrder.get(a)! - inputOrder.get(b)!);
  };

  return {
    relatedTo(workload, pod) {
      const namespace = namespaceOf(workload);
      const podLabels: Labels = pod.metadata.labels ?? {};
      // spec.serviceAccount is the deprecated name of serviceAccountName, still honoured when it is alone.
      const accountName = pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default';
      const selecting = services.find(namespace, podLabels);
      return {
        services: selecting,
        podDisruptionBudgets: budgets.find(namespace, podLabels),
        autoscaler: autoscalers.get(`${namespace}\u0000${workload.object.kind}\u0000${workload.object.metadata?.name}`),
        serviceAccount: serviceAccounts.get(`${namespace}\u0000${accountName}`),
        ingresses: sendingTo('Ingress', selecting),
        routes: sendingTo('Route', selecting),
        namespace: namespace === '' ? undefined : namespaces.get(namespace),
        ingressClasses,
        bindings: bindings.get(`${namespace}\u0000${accountName}`) ?? [],
        volumeClaims: ((pod.spec.volumes as Node[] | undefined) ?? []).flatMap((volume) => {
          const claim = claims.get(`${namespace}\u0000${volume?.persistentVolumeClaim?.claimName}`);
          return claim ? [claim] : [];
        }),
      };
    },
  };
}
