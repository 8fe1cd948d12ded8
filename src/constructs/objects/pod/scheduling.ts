import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import type { Scheduling } from '../../../declaration/workload-spec';

type PodScheduling = Pick<
  Json<k8s.PodSpec>,
  'topologySpreadConstraints' | 'affinity' | 'nodeSelector' | 'tolerations' | 'priorityClassName'
>;

/**
 * Spread over zones first, then nodes, by default never refusing to schedule (ScheduleAnyway):
 * losing a zone or a node should cost a fraction of the pods. `scheduling.spread: required` makes
 * both hard (DoNotSchedule, required host anti-affinity), for quorum members that must not share a
 * node; a pod then stays Pending instead. See "Pod Topology Spread Constraints" and "Assigning Pods
 * to Nodes" (kubernetes.io/docs/concepts/scheduling-eviction/). The controller's revision label
 * (`pod-template-hash`, `controller-revision-hash`) keeps the spread computed per revision, so a
 * rollout does not skew it. A DaemonSet's pods get no spread and no anti-affinity: there is one on
 * every node by construction. The declared node labels, tolerations, priority and node affinity
 * come on top; the spread stays as it is.
 */
export function podScheduling(
  selector: Record<string, string>,
  spread: { readonly revisionLabel: string } | undefined,
  declared: Scheduling = {},
): PodScheduling {
  const labelSelector = { matchLabels: selector };
  const { nodeSelector, tolerations, priorityClassName, nodeAffinity } = declared;
  // An empty nodeAffinity says nothing, so none is written.
  const affinityToNodes = nodeAffinity && (nodeAffinity.required || nodeAffinity.preferred) ? nodeAffinityOf(nodeAffinity) : undefined;
  const required = declared.spread === 'required';
  const hostTerm = { topologyKey: 'kubernetes.io/hostname', labelSelector };
  const antiAffinity = !spread
    ? undefined
    : required
      ? { requiredDuringSchedulingIgnoredDuringExecution: [hostTerm] }
      : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: hostTerm }] };
  return {
    topologySpreadConstraints: spread
      ? ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
          maxSkew: 1,
          topologyKey,
          whenUnsatisfiable: required ? 'DoNotSchedule' : 'ScheduleAnyway',
          labelSelector,
          matchLabelKeys: [spread.revisionLabel],
        }))
      : undefined,
    affinity: affinityToNodes || antiAffinity ? { nodeAffinity: affinityToNodes, podAntiAffinity: antiAffinity } : undefined,
    nodeSelector,
    tolerations: tolerations?.map((toleration) => ({ ...toleration })),
    priorityClassName,
  };
}

function nodeAffinityOf({ required, preferred }: NonNullable<Scheduling['nodeAffinity']>): Json<k8s.NodeAffinity> {
  return {
    ...(required
      ? {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: required.map(({ matchExpressions }) => ({
              matchExpressions: matchExpressions.map((expression) => ({ ...expression })),
            })),
          },
        }
      : {}),
    ...(preferred
      ? {
          preferredDuringSchedulingIgnoredDuringExecution: preferred.map(({ weight, matchExpressions }) => ({
            weight,
            preference: { matchExpressions: matchExpressions.map((expression) => ({ ...expression })) },
          })),
        }
      : {}),
  };
}
