import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';

/**
 * Spread over zones first, then nodes, but never refuse to schedule (ScheduleAnyway): losing a
 * zone or a node should cost a fraction of the pods. `pod-template-hash` keeps the spread
 * computed per revision, so a rollout does not skew it.
 */
export function spread(selector: Record<string, string>): Pick<Json<k8s.PodSpec>, 'topologySpreadConstraints' | 'affinity'> {
  const labelSelector = { matchLabels: selector };
  return {
    topologySpreadConstraints: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector,
      matchLabelKeys: ['pod-template-hash'],
    })),
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector } },
        ],
      },
    },
  };
}
