import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import type { ResolvedWorkload } from '../../../declaration/resolve';
import { FILE_MODE_DEFAULT } from '../../../declaration/schema/container';
import { SCRATCH_SIZE_DEFAULT } from '../../../declaration/schema/volumes';
import type { FilesSource } from '../../../declaration/workload-spec';
import { hostPathVolume } from '../../../declaration/resolve/daemon-set';

/**
 * Volumes and mounts. The root filesystem is read-only, so the writable paths are /tmp (every
 * container) and the declared scratch folders, each an emptyDir with a size limit; files from
 * Secrets and ConfigMaps are read-only folders (the files of every container, each volume once),
 * and the config files read-only files of the generated ConfigMap. Volumes come in the order the
 * mounts do: tmp, files, scratch, config files.
 */
export const TMP_VOLUME = 'tmp';
export const CONFIG_FILES_VOLUME = 'config-files';
export const filesVolume = (key: string) => `files-${key}`;
export const scratchVolume = (key: string) => `scratch-${key}`;

type Files = Readonly<Record<string, FilesSource>>;
const sortedKeys = (map: object | undefined) => Object.keys(map ?? {}).sort();

function emptyDir(sizeLimit: string, medium: 'disk' | 'memory' | undefined): Json<k8s.EmptyDirVolumeSource> {
  return { sizeLimit, medium: medium === 'memory' ? 'Memory' : undefined };
}

/** The volumes of one container's files: readable by the pod's group (0440 unless declared). */
export function fileVolumes(files: Files | undefined): Json<k8s.Volume>[] {
  return sortedKeys(files).map((key) => {
    const { secret, configMap, items, optional, mode } = files![key]!;
    const defaultMode = mode ?? FILE_MODE_DEFAULT;
    const keys = items ? sortedKeys(items).map((item) => ({ key: item, path: items[item]! })) : undefined;
    return {
      name: filesVolume(key),
      secret: secret !== undefined ? { secretName: secret, defaultMode, items: keys, optional } : undefined,
      configMap: secret === undefined ? { name: configMap!, defaultMode, items: keys, optional } : undefined,
    };
  });
}

export function podVolumes(workload: ResolvedWorkload): Json<k8s.Volume>[] {
  const { tmp, scratch = {} } = workload.spec;
  return [
    { name: TMP_VOLUME, emptyDir: emptyDir(tmp.sizeLimit, tmp.medium) },
    ...fileVolumes(workload.podFiles),
    ...sortedKeys(scratch).map((key) => {
      const { sizeLimit = SCRATCH_SIZE_DEFAULT, medium } = scratch[key]!;
      return { name: scratchVolume(key), emptyDir: emptyDir(sizeLimit, medium) };
    }),
    ...(workload.configMap ? [{ name: CONFIG_FILES_VOLUME, configMap: { name: workload.configMap.name } }] : []),
    ...hostPathVolumes(workload.spec),
  ];
}

/** A node agent's declared host paths (kind daemon), acknowledged as a departure from the restricted profile. */
function hostPathVolumes(spec: ResolvedWorkload['spec']): Json<k8s.Volume>[] {
  const hostPaths = spec.daemon?.hostPaths ?? {};
  return sortedKeys(hostPaths).map((name) => ({
    name: hostPathVolume(name),
    hostPath: { path: hostPaths[name]!.path, type: hostPaths[name]!.type },
  }));
}

/** The application's mounts of a node agent's host paths: read-only unless declared otherwise. */
export function hostPathMounts(spec: ResolvedWorkload['spec']): Json<k8s.VolumeMount>[] {
  const hostPaths = spec.daemon?.hostPaths ?? {};
  return sortedKeys(hostPaths).map((name) => {
    const { path, mountPath = path, readOnly } = hostPaths[name]!;
    return { name: hostPathVolume(name), mountPath, readOnly: readOnly ? true : undefined };
  });
}

/** What every container mounts: /tmp, and its own files. */
export function containerMounts(files: Files | undefined): Json<k8s.VolumeMount>[] {
  return [
    { name: TMP_VOLUME, mountPath: '/tmp' },
    ...sortedKeys(files).map((key) => ({ name: filesVolume(key), mountPath: files![key]!.path, readOnly: true })),
  ];
}

/**
 * The pod's own storage a container mounts besides: scratch folders and config files (each file by
 * subPath), by their keys in the workload's `scratch` and `configFiles`. The application's
 * container mounts all of them; an init container or a sidecar the ones it lists.
 */
export function sharedMounts(
  spec: ResolvedWorkload['spec'],
  keys: { readonly scratch: readonly string[]; readonly configFiles: readonly string[] },
): Json<k8s.VolumeMount>[] {
  const { scratch = {}, configFiles = {} } = spec;
  return [
    ...[...keys.scratch].sort().map((key) => ({ name: scratchVolume(key), mountPath: scratch[key]!.path })),
    ...[...keys.configFiles].sort().map((key) => ({
      name: CONFIG_FILES_VOLUME,
      mountPath: configFiles[key]!.path,
      subPath: key,
      readOnly: true,
    })),
  ];
}

/**
 * The application's mounts of a stateful workload's own volumes: each claim template's volume,
 * named after the claim, writable at its mount path (the StatefulSet adds the volumes).
 */
export function claimMounts(spec: ResolvedWorkload['spec']): Json<k8s.VolumeMount>[] {
  const claims = spec.stateful?.volumeClaims ?? {};
  return sortedKeys(claims).map((name) => ({ name, mountPath: claims[name]!.mountPath }));
}
