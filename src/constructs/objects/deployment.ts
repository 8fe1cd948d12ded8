import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { deploymentAnnotations, objectMetadata, selectorLabels } from '../metadata';
import { podTemplate } from './pod-template';

export function deploymentProps(workload: ResolvedWorkload): Json<k8s.KubeDeploymentProps> {
  const { rollout } = workload.timings;
  return {
    metadata: objectMetadata(workload, deploymentAnnotations(workload)),
    spec: {
      // With an autoscaler, spec.replicas is left to it: a value here would reset the scale on every apply.
      ...(workload.replicas.mode === 'fixed' ? { replicas: workload.replicas.count } : {}),
      selector: { matchLabels: selectorLabels(workload) },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: rollout.maxSurge, maxUnavailable: rollout.maxUnavailable },
      },
      minReadySeconds: rollout.minReadySeconds,
      progressDeadlineSeconds: rollout.progressDeadlineSeconds,
      template: podTemplate(workload),
    },
  };
}
