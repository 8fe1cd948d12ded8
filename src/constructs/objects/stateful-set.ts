import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { statefulSettings } from '../../declaration/resolve/stateful-set';
import { deploymentAnnotations, nameOf, objectMetadata, selectorLabels } from '../metadata';
import { podTemplate } from './pod/pod-template';
import type { PodTemplate } from './pod/types';

/** The 1.28 StatefulSet props with the shared pod template, which may hold newer fields (pod/types.ts). */
type StatefulSetProps = Omit<Json<k8s.KubeStatefulSetProps>, 'spec'> & {
  spec: Omit<Json<k8s.StatefulSetSpec>, 'template'> & { template: PodTemplate };
};

/**
 * The StatefulSet (kind stateful): its pods are named <instance>-0, -1, ... and resolvable through
 * the headless Service (`serviceName`); each keeps its own claims from the volume claim templates.
 * Updates replace one pod at a time down to the partition, each counted available after
 * minReadySeconds; the claims are retained unless their deletion is acknowledged
 * (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/).
 */
export function statefulSetProps(workload: ResolvedWorkload): StatefulSetProps {
  const { rollout } = workload.timings;
  if (rollout.controller !== 'StatefulSet') throw new Error(`a StatefulSet needs a StatefulSet's rollout, not a ${rollout.controller}'s`);
  const settings = statefulSettings(workload.spec);
  const claims = Object.keys(settings.volumeClaims).sort();
  return {
    metadata: objectMetadata(workload, deploymentAnnotations(workload)),
    spec: {
      replicas: workload.replicas.mode === 'fixed' ? workload.replicas.count : undefined,
      selector: { matchLabels: selectorLabels(workload) },
      serviceName: nameOf(workload, 'HeadlessService'),
      podManagementPolicy: rollout.podManagementPolicy,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: rollout.partition } },
      minReadySeconds: rollout.minReadySeconds,
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: settings.claimRetention.whenDeleted,
        whenScaled: settings.claimRetention.whenScaled,
      },
      template: podTemplate(workload),
      volumeClaimTemplates:
        claims.length > 0
          ? claims.map((name) => {
              const { size, storageClass, accessMode } = settings.volumeClaims[name]!;
              return {
                metadata: { name },
                spec: { accessModes: [accessMode], storageClassName: storageClass, resources: { requests: { storage: size } } },
              };
            })
          : undefined,
    },
  };
}
