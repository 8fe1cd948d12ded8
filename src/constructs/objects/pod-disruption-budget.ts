import { k8s } from 'cdk8s-plus-28';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';

/**
 * One pod at a time may be evicted. AlwaysAllow lets a drain evict pods that are not ready
 * anyway, so a crash-looping pod never blocks node maintenance.
 */
export function podDisruptionBudgetProps(workload: ResolvedWorkload): k8s.KubePodDisruptionBudgetProps {
  return {
    metadata: objectMetadata(workload),
    spec: {
      maxUnavailable: k8s.IntOrString.fromNumber(1),
      selector: { matchLabels: selectorLabels(workload) },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}
