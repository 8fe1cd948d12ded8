import { k8s } from 'cdk8s-plus-28';
import type { ResolvedWorkload } from '../../declaration/resolve';
import type { PodBudget } from '../../timing/types';
import { deploymentAnnotations, objectMetadata, selectorLabels } from '../metadata';
import { podTemplate } from './pod-template';

function intOrString(budget: PodBudget): k8s.IntOrString {
  return typeof budget === 'number' ? k8s.IntOrString.fromNumber(budget) : k8s.IntOrString.fromString(budget);
}

export function deploymentProps(workload: ResolvedWorkload): k8s.KubeDeploymentProps {
  const { rollout } = workload.timings;
  return {
    metadata: objectMetadata(workload, deploymentAnnotations(workload)),
    spec: {
      // With an autoscaler, spec.replicas is left to it: a value here would reset the scale on every apply.
      ...(workload.replicas.mode === 'fixed' ? { replicas: workload.replicas.count } : {}),
      selector: { matchLabels: selectorLabels(workload) },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: intOrString(rollout.maxSurge), maxUnavailable: intOrString(rollout.maxUnavailable) },
      },
      minReadySeconds: rollout.minReadySeconds,
      progressDeadlineSeconds: rollout.progressDeadlineSeconds,
      template: podTemplate(workload),
    },
  };
}
