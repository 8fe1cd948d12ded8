import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata } from '../metadata';

/**
 * Helm deletes an object that leaves the release. An older ReplicaSet's ConfigMap would then be
 * gone on the next upgrade, and a rollback (kubectl rollout undo) would start pods that cannot
 * mount it; `keep` leaves it in place, at the price of old ConfigMaps staying behind until
 * removed by hand (docs/derivation.md, "Configuration").
 */
export const KEEP_ON_UPGRADE = { 'helm.sh/resource-policy': 'keep' };

/** The inline config files: named after their hash, immutable, so that every change is a new ConfigMap. */
export function configMapProps(
  workload: ResolvedWorkload,
  configMap: NonNullable<ResolvedWorkload['configMap']>,
): Json<k8s.KubeConfigMapProps> {
  return {
    metadata: { ...objectMetadata(workload, KEEP_ON_UPGRADE), name: configMap.name },
    immutable: true,
    data: { ...configMap.data },
  };
}
