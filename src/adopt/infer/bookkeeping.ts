import { type KubernetesObject, type Node, objectName } from '../../manifests/objects';
import type { Ledger } from './ledger';

/**
 * Issue 20's accounting: fields of the input that no other inference reads because they say
 * nothing about the application — a release's bookkeeping, or what Kubernetes ignores — each
 * dropped with the reason for that field, so that nothing disappears without a word.
 */

/** The label Helm's charts write with the chart's name and version (https://helm.sh/docs/chart_best_practices/labels/). */
const CHART_LABEL = 'helm.sh/chart';

/**
 * `helm.sh/chart` on every object of the workload and on its pod template: it names the chart and
 * version that rendered the input. The schema's `labels` would carry it to every object, but it
 * would then name a chart that no longer renders them, and go stale at the next version; the
 * chart that renders the declaration writes its own labels.
 */
export function dropReleaseLabels(ledger: Ledger, members: readonly KubernetesObject[], podPath: readonly string[]): void {
  const reason = (value: unknown) =>
    `the chart version that rendered the input (${String(value)}): a release's bookkeeping, stale once the declaration renders these objects`;
  for (const object of members) {
    const labels: Record<string, unknown> = object.metadata?.labels ?? {};
    if (Object.prototype.hasOwnProperty.call(labels, CHART_LABEL))
      ledger.drop(objectName(object), `metadata.labels[${CHART_LABEL}]`, reason(labels[CHART_LABEL]));
  }
  const workload = members[0] as Node | undefined;
  const template: Node | undefined = podPath.reduce<Node | undefined>((node, key) => node?.[key], workload);
  const podLabels: Record<string, unknown> = template?.metadata?.labels ?? {};
  if (workload && Object.prototype.hasOwnProperty.call(podLabels, CHART_LABEL))
    ledger.drop(ledger.subject, `${podPath.join('.')}.metadata.labels[${CHART_LABEL}]`, reason(podLabels[CHART_LABEL]));
}

/**
 * A ConfigMap that other workloads of the input read too belongs to none of them alone: the
 * declaration refers to it by name (files, env, envFrom) instead of copying its text into
 * configFiles, and it stays as it is when the declaration's objects replace the workload's.
 */
export function dropSharedConfigMaps(
  ledger: Ledger,
  members: readonly KubernetesObject[],
  shared: ReadonlyMap<string, readonly string[]>,
): void {
  for (const object of members) {
    const others = object.kind === 'ConfigMap' ? shared.get(String(object.metadata?.name)) : undefined;
    if (others === undefined) continue;
    ledger.drop(
      objectName(object),
      '',
      `read by ${others.join(', ')} too: a ConfigMap several workloads share belongs to none of them alone, so the declaration refers to it by name and does not write it; it stays as it is`,
    );
  }
}

/**
 * `enableServiceLinks: true` is Kubernetes' default (the review says so): nothing to carry. `false`
 * (cert-manager's charts) keeps the Service variables out of the environment, which the schema
 * cannot say: it is left to the leftovers, which carry it as a patch.
 */
export function readServiceLinks(ledger: Ledger, pod: Node, podSpecPath: string): void {
  if (pod.enableServiceLinks === true) ledger.consume(ledger.subject, `${podSpecPath}.enableServiceLinks`);
}
