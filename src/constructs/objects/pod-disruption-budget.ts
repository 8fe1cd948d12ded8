import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';

/**
 * One pod at a time may be evicted. AlwaysAllow lets a drain evict pods that are not ready
 * anyway, so a crash-looping pod never blocks node maintenance.
 */
export function podDisruptionBudgetProps(workload: ResolvedWorkload): Json<k8s.KubePodDisruptionBudgetProps> {
  return {
    metadata: objectMetadata(workload, undefined, 'PodDisruptionBudget'),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: selectorLabels(workload) },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}
