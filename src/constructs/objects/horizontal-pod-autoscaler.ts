import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata } from '../metadata';

export function horizontalPodAutoscalerProps(
  workload: ResolvedWorkload,
  replicas: { min: number; max: number; targetCPUUtilizationPercentage: number },
): Json<k8s.KubeHorizontalPodAutoscalerV2Props> {
  return {
    metadata: objectMetadata(workload, undefined, 'HorizontalPodAutoscaler'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: workload.instance },
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: replicas.targetCPUUtilizationPercentage } },
        },
        // Declared in the API's own shapes (src/declaration/schema/autoscaling.ts): copied as they are.
        ...structuredClone(workload.spec.autoscaling?.metrics ?? []),
      ] as Json<k8s.MetricSpecV2>[],
      // An empty behavior says nothing: left out, as the chart's `with` leaves it out.
      behavior:
        workload.spec.autoscaling?.behavior && Object.keys(workload.spec.autoscaling.behavior).length > 0
          ? (structuredClone(workload.spec.autoscaling.behavior) as Json<k8s.HorizontalPodAutoscalerBehaviorV2>)
          : undefined,
    },
  };
}
