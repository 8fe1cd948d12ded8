import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { deploymentAnnotations, objectMetadata, selectorLabels } from '../metadata';
import { podTemplate } from './pod/pod-template';
import type { PodTemplate } from './pod/types';

/** The 1.28 DaemonSet props with the shared pod template, which may hold newer fields (pod/types.ts). */
type DaemonSetProps = Omit<Json<k8s.KubeDaemonSetProps>, 'spec'> & {
  spec: Omit<Json<k8s.DaemonSetSpec>, 'template'> & { template: PodTemplate };
};

/**
 * The DaemonSet (kind daemon): one pod on every node its scheduling allows (tolerations come from
 * `scheduling.tolerations`), updated node by node with the derived budgets, each new pod counted
 * after minReadySeconds (https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/).
 */
export function daemonSetProps(workload: ResolvedWorkload): DaemonSetProps {
  const { rollout } = workload.timings;
  if (rollout.controller !== 'DaemonSet') throw new Error(`a DaemonSet needs a DaemonSet's rollout, not a ${rollout.controller}'s`);
  return {
    metadata: objectMetadata(workload, deploymentAnnotations(workload)),
    spec: {
      selector: { matchLabels: selectorLabels(workload) },
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: rollout.maxSurge, maxUnavailable: rollout.maxUnavailable },
      },
      minReadySeconds: rollout.minReadySeconds,
      template: podTemplate(workload),
    },
  };
}
