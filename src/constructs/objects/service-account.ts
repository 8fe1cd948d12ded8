import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata } from '../metadata';

/**
 * A dedicated identity, with the declared annotations (a cloud workload identity). It mounts no
 * API token unless the workload declares that it calls the Kubernetes API.
 */
export function serviceAccountProps(workload: ResolvedWorkload): Json<k8s.KubeServiceAccountProps> {
  const { serviceAccount } = workload.spec;
  return {
    metadata: objectMetadata(workload, serviceAccount?.annotations, 'ServiceAccount'),
    automountServiceAccountToken: serviceAccount?.mountApiToken === true,
  };
}
