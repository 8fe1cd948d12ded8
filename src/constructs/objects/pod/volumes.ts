import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';

/** The root filesystem is read-only, so /tmp is the one writable path every container gets. */
export const TMP_VOLUME = 'tmp';

export function podVolumes(): Json<k8s.Volume>[] {
  return [{ name: TMP_VOLUME, emptyDir: {} }];
}

export function containerMounts(): Json<k8s.VolumeMount>[] {
  return [{ name: TMP_VOLUME, mountPath: '/tmp' }];
}
