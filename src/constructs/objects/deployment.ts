import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { deploymentAnnotations, objectMetadata, selectorLabels } from '../metadata';
import { podTemplate } from './pod/pod-template';
import type { PodTemplate } from './pod/types';

/** The 1.28 Deployment props with the shared pod template, which may hold newer fields (types.ts). */
type DeploymentProps = Omit<Json<k8s.KubeDeploymentProps>, 'spec'> & {
  spec: Omit<Json<k8s.DeploymentSpec>, 'template'> & { template: PodTemplate };
};

export function deploymentProps(workload: ResolvedWorkload): DeploymentProps {
  const { rollout } = workload.timings;
  if (rollout.controller !== 'Deployment') throw new Error(`a Deployment needs a Deployment's rollout, not a ${rollout.controller}'s`);
  return {
    metadata: objectMetadata(workload, deploymentAnnotations(workload)),
    spec: {
      // With an autoscaler, spec.replicas is left to it: a value here would reset the scale on every apply.
      replicas: workload.replicas.mode === 'fixed' ? workload.replicas.count : undefined,
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
