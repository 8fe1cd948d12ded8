import type { Node } from '../../manifests/objects';
import { CARRIED_OVER } from './identity';
import type { Ledger } from './ledger';

/**
 * scheduling.*: node labels, tolerations, priority and node affinity as written; `spread: required`
 * when the input's spread or anti-affinity is a hard rule. Pod (anti-)affinity to other
 * applications and spread constraints of other shapes are replaced by the synthesis's spread, and
 * listed as dropped.
 */
export function inferScheduling(ledger: Ledger, pod: Node, podPath: string, spreads: boolean): void {
  ledger.consume(
    ledger.subject,
    `${podPath}.nodeSelector`,
    `${podPath}.tolerations`,
    `${podPath}.priorityClassName`,
    `${podPath}.affinity`,
    `${podPath}.topologySpreadConstraints`,
  );
  if (pod.nodeSelector !== undefined && pod.nodeSelector !== null)
    ledger.set(['scheduling', 'nodeSelector'], pod.nodeSelector, `${podPath}.nodeSelector`);
  if (Array.isArray(pod.tolerations)) {
    ledger.set(['scheduling', 'tolerations'], pod.tolerations, `${podPath}.tolerations`);
    // A toleration of every taint needs its own acknowledgement (src/declaration/dangers.ts): carried over.
    if ((pod.tolerations as Node[]).some((toleration) => !toleration?.key && toleration?.operator === 'Exists'))
      ledger.set(
        ['acknowledge', 'tolerateEveryTaint'],
        CARRIED_OVER,
        `${podPath}.tolerations: a toleration without a key, operator Exists`,
      );
  }
  if (pod.priorityClassName) ledger.set(['scheduling', 'priorityClassName'], String(pod.priorityClassName), `${podPath}.priorityClassName`);
  const nodeAffinity: Node | undefined = pod.affinity?.nodeAffinity;
  if (nodeAffinity) {
    const required = ((nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as Node[] | undefined) ?? []).map(
      (term) => ({
        matchExpressions: term.matchExpressions ?? [],
      }),
    );
    const preferred = ((nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution as Node[] | undefined) ?? []).map((term) => ({
      weight: term.weight,
      matchExpressions: term.preference?.matchExpressions ?? [],
    }));
    if (required.length > 0)
      ledger.set(
        ['scheduling', 'nodeAffinity', 'required'],
        required,
        `${podPath}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`,
      );
    if (preferred.length > 0)
      ledger.set(
        ['scheduling', 'nodeAffinity', 'preferred'],
        preferred,
        `${podPath}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`,
      );
  }
  if (!spreads) return;
  const hard =
    ((pod.topologySpreadConstraints as Node[] | undefined) ?? []).some((constraint) => constraint.whenUnsatisfiable === 'DoNotSchedule') ||
    (pod.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution as Node[] | undefined)?.some(
      (term) => term.topologyKey === 'kubernetes.io/hostname',
    );
  if (hard)
    ledger.set(
      ['scheduling', 'spread'],
      'required',
      `${podPath}: a spread constraint DoNotSchedule or a required anti-affinity on kubernetes.io/hostname`,
    );
  if (pod.affinity?.podAffinity)
    ledger.drop(
      ledger.subject,
      `${podPath}.affinity.podAffinity`,
      'the schema has no pod affinity to other applications: add it back with patches if the pods must run beside them',
    );
}
