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
    `${CHART_LABEL} ${String(value)} names the chart and version that rendered the input: a release's bookkeeping, which would go stale once the declaration renders these objects (labels could carry it, but it would name a chart that no longer renders them)`;
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
