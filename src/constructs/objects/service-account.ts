import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata } from '../metadata';

/** A dedicated identity that mounts no API token: the pods do not talk to the Kubernetes API. */
export function serviceAccountProps(workload: ResolvedWorkload): Json<k8s.KubeServiceAccountProps> {
  return { metadata: objectMetadata(workload), automountServiceAccountToken: false };
}
