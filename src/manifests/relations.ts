import type { SourcedObject } from '../files/manifests';
import type { Node } from './objects';
import type { PodTemplateView } from './pod-templates';

/**
 * Finds the objects that act on a workload's pods: Services and PodDisruptionBudgets by label
 * selector, HorizontalPodAutoscalers by their target, the ServiceAccount by name — always in the
 * same namespace. Everything is indexed once, so checking grows linearly with the input (ten
 * thousand Services are not compared with ten thousand Deployments pair by pair).
 */
export interface Related {
  readonly services: readonly SourcedObject[];
  readonly podDisruptionBudgets: readonly SourcedObject[];
  readonly autoscaler?: SourcedObject;
  readonly serviceAccount?: SourcedObject;
}

type Labels = Readonly<Record<string, string>>;

interface Selector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly Node[];
}

/** https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resource-based-requirement */
function matches(selector: Selector, labels: Labels): boolean {
  return (
    Object.entries(selector.matchLabels).every(([key, value]) => labels[key] === value) &&
    selector.matchExpressions.every(({ key, operator, values }) => {
      const value = labels[key];
      const listed = ((values as string[] | undefined) ?? []).includes(value as string);
      if (operator === 'In') return value !== undefined && listed;
      if (operator === 'NotIn') return value === undefined || !listed;
      if (operator === 'Exists') return value !== undefined;
      if (operator === 'DoesNotExist') return value === undefined;
      return false;
    })
  );
}

const namespaceOf = (source: SourcedObject) => source.object.metadata?.namespace ?? '';
const pairKey = (namespace: string, key: string, value: string) => `${namespace}\u0000${key}\u0000${value}`;

/**
 * Selectors filed under their rarest `key=value` pair: a selector can only match pods that carry
 * that pair, so a lookup visits the few selectors filed under the pod's own labels.
 */
class SelectorIndex {
  private readonly byPair = new Map<string, Array<{ source: SourcedObject; selector: Selector }>>();
  private readonly unkeyed = new Map<string, Array<{ source: SourcedObject; selector: Selector }>>();

  constructor(entries: ReadonlyArray<{ source: SourcedObject; selector: Selector }>) {
    const counts = new Map<string, number>();
    for (const { source, selector } of entries) {
      for (const [key, value] of Object.entries(selector.matchLabels)) {
        const pair = pairKey(namespaceOf(source), key, value);
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
    for (const entry of entries) {
      const pairs = Object.entries(entry.selector.matchLabels).map(([key, value]) => pairKey(namespaceOf(entry.source), key, value));
      if (pairs.length === 0) {
        append(this.unkeyed, namespaceOf(entry.source), entry);
        continue;
      }
      const rarest = pairs.reduce((best, pair) => (counts.get(pair)! < counts.get(best)! ? pair : best));
      append(this.byPair, rarest, entry);
    }
  }

  find(namespace: string, labels: Labels): SourcedObject[] {
    const candidates = [
      ...Object.entries(labels).flatMap(([key, value]) => this.byPair.get(pairKey(namespace, key, value)) ?? []),
      ...(this.unkeyed.get(namespace) ?? []),
    ];
    return candidates.filter(({ selector }) => matches(selector, labels)).map(({ source }) => source);
  }
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

  return {
    relatedTo(workload, pod) {
      const namespace = namespaceOf(workload);
      const podLabels: Labels = pod.metadata.labels ?? {};
      const accountName = pod.spec.serviceAccountName ?? 'default';
      return {
        services: services.find(namespace, podLabels),
        podDisruptionBudgets: budgets.find(namespace, podLabels),
        autoscaler: autoscalers.get(`${namespace}\u0000${workload.object.kind}\u0000${workload.object.metadata?.name}`),
        serviceAccount: serviceAccounts.get(`${namespace}\u0000${accountName}`),
      };
    },
  };
}
