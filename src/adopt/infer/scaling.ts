import type { KubernetesObject, Node } from '../../manifests/objects';
import { CARRIED_OVER } from './identity';
import type { Ledger } from './ledger';

/**
 * replicas, or autoscaling from the HorizontalPodAutoscaler that targets the workload. Kubernetes
 * runs one pod when spec.replicas is left out
 * (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas); one pod is a
 * departure (no PodDisruptionBudget, downtime on every rollout and drain) carried over as
 * acknowledge.singleReplica.
 */
export function inferScaling(ledger: Ledger, workload: KubernetesObject, autoscaler: KubernetesObject | undefined): void {
  ledger.consume(ledger.subject, 'spec.replicas');
  if (autoscaler) {
    const object = `HorizontalPodAutoscaler/${autoscaler.metadata?.namespace ? `${autoscaler.metadata.namespace}/` : ''}${autoscaler.metadata?.name}`;
    ledger.consume(object, 'apiVersion', 'kind', 'metadata', 'spec');
    const spec: Node = autoscaler.spec ?? {};
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    if (min !== 2)
      ledger.set(
        ['autoscaling', 'minReplicas'],
        min,
        `${object} spec.minReplicas${spec.minReplicas === undefined ? ' (Kubernetes default 1)' : ''}`,
      );
    ledger.set(['autoscaling', 'maxReplicas'], spec.maxReplicas, `${object} spec.maxReplicas`);
    if (min === 1) ledger.set(['acknowledge', 'singleReplica'], CARRIED_OVER, `${object} spec.minReplicas 1`);
    const metrics = (spec.metrics as Node[] | undefined) ?? [];
    // The synthesis always scales on CPU (targetCPUUtilizationPercentage) and adds the other metrics after it.
    const cpuIndex = metrics.findIndex(
      (metric) => metric.type === 'Resource' && metric.resource?.name === 'cpu' && metric.resource?.target?.type === 'Utilization',
    );
    const others = metrics.filter((_, index) => index !== cpuIndex);
    if (cpuIndex >= 0) {
      const target = metrics[cpuIndex]!.resource.target.averageUtilization;
      if (target !== 70)
        ledger.set(
          ['autoscaling', 'targetCPUUtilizationPercentage'],
          target,
          `${object} spec.metrics.${cpuIndex}.resource.target.averageUtilization`,
        );
    } else if (metrics.length > 0) {
      ledger.ambiguous(
        `${object} does not scale on CPU; the synthesis always adds a CPU target (70 %)`,
        'autoscaling.targetCPUUtilizationPercentage',
        object,
      );
    }
    if (others.length > 0) ledger.set(['autoscaling', 'metrics'], others, `${object} spec.metrics`);
    if (metrics.length === 0) {
      // autoscaling/v2 scales on 80 % CPU when no metric is given: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/
      ledger.set(['autoscaling', 'targetCPUUtilizationPercentage'], 80, `${object} names no metric: Kubernetes' default, 80 % CPU`);
    }
    if (spec.behavior !== undefined) ledger.set(['autoscaling', 'behavior'], spec.behavior, `${object} spec.behavior`);
    return;
  }
  const replicas = typeof workload.spec?.replicas === 'number' ? workload.spec.replicas : 1;
  if (replicas !== 2)
    ledger.set(
      ['replicas'],
      replicas,
      workload.spec?.replicas === undefined ? 'spec.replicas left out: Kubernetes runs 1 pod' : 'spec.replicas',
    );
  if (replicas === 1) ledger.set(['acknowledge', 'singleReplica'], CARRIED_OVER, 'one pod in the input');
}
