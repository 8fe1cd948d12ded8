import { FILE_MODE_DEFAULT } from '../../declaration/schema/container';
import { memoryBytes } from '../../declaration/quantities';
import { SCRATCH_SIZE_DEFAULT, TMP_SIZE_DEFAULT } from '../../declaration/schema/volumes';
import { isKernelFolder } from '../../declaration/dangers';
import { CARRIED_OVER } from './identity';
import type { KubernetesObject, Node } from '../../manifests/objects';
import type { ContainerAt } from './container';
import type { FieldKeys, Ledger } from './ledger';

/** The keys the synthesis names its volumes after (`files-<key>`, `scratch-<key>`): the same key back, else the volume's name. */
const keyOf = (volume: string, prefix: string) => (volume.startsWith(prefix) ? volume.slice(prefix.length) : volume);

/** What a container's mounts say in the schema's words, for the main container and for init containers and sidecars. */
export interface ContainerVolumes {
  /** Scratch folder keys the container mounts (the pod's scratch). */
  readonly scratch: string[];
  /** Config file keys the container mounts. */
  readonly configFiles: string[];
  /** Mounts of volumes the pod does not list: a StatefulSet's volumeClaimTemplates, by claim name. */
  readonly claims: Map<string, string>;
  /** hostPath volumes (a node agent's), with where they are mounted. */
  /** `volume`: the input volume's path (`spec.template.spec.volumes.2`), which the declaration's daemon.hostPaths entry represents. */
  readonly hostPaths: Array<{ name: string; path: string; mountPath: string; readOnly: boolean; type?: string; volume?: string }>;
}

/**
 * The container's volume mounts, by the volume they mount:
 * - emptyDir at /tmp: `tmp` (its size and medium where they are not the default);
 * - another emptyDir: a `scratch` folder;
 * - a ConfigMap of the input: its keys become `configFiles` (the declaration then holds the text,
 *   and the synthesis names the ConfigMap after its content, so a change rolls the pods);
 * - any other ConfigMap or Secret: `files` from it;
 * - anything else (hostPath, PersistentVolumeClaim, projected, ...) is dropped with why.
 * https://kubernetes.io/docs/concepts/storage/volumes/
 */
export function inferVolumes(
  ledger: Ledger,
  at: ContainerAt,
  pod: Node,
  podPath: string,
  configuration: readonly KubernetesObject[],
  prefix: FieldKeys,
  main: boolean,
): ContainerVolumes {
  const volumes = new Map(((pod.volumes as Node[] | undefined) ?? []).map((volume, index) => [String(volume.name), { volume, index }]));
  ledger.consume(at.object, `${at.path}.volumeMounts`, `${podPath}.volumes`);
  const found: ContainerVolumes = { scratch: [], configFiles: [], claims: new Map(), hostPaths: [] };
  for (const [index, mount] of ((at.container.volumeMounts as Node[] | undefined) ?? []).entries()) {
    const entry = volumes.get(String(mount.name));
    // The schema writes paths in canonical form (src/declaration/schema/primitives.ts MOUNT_PATH); `/a/b/` mounts where `/a/b` does.
    const mountPath = canonicalPath(String(mount.mountPath));
    const where = `${at.path}.volumeMounts.${index}`;
    if (!entry) {
      found.claims.set(String(mount.name), mountPath);
      continue;
    }
    const { volume } = entry;
    const volumePath = `${podPath}.volumes.${entry.index}`;
    if (volume.emptyDir) {
      const sizeLimit = volume.emptyDir.sizeLimit === undefined ? undefined : String(volume.emptyDir.sizeLimit);
      const memory = volume.emptyDir.medium === 'Memory';
      const subPath = mount.subPath === undefined ? undefined : String(mount.subPath);
      if (mountPath === '/tmp') {
        if (main) {
          if (sizeLimit !== undefined && sizeLimit !== TMP_SIZE_DEFAULT)
            ledger.set(['tmp', 'sizeLimit'], sizeLimit, `${volumePath}.emptyDir.sizeLimit`);
          if (memory) ledger.set(['tmp', 'medium'], 'memory', `${volumePath}.emptyDir.medium`);
        }
        if (subPath !== undefined)
          ledger.drop(
            at.object,
            `${where}.subPath`,
            `/tmp is an emptyDir of its own in the declaration (tmp): the sub-folder ${subPath} of ${String(volume.name)} is not needed`,
          );
        continue;
      }
      // One emptyDir mounted by sub-folder at several paths (bitnami's empty-dir): each sub-folder is a scratch folder of its own.
      const key = subPath !== undefined ? subPathKey(subPath, String(volume.name)) : keyOf(String(volume.name), 'scratch-');
      const split = subPath === undefined ? mountedBySubPath(pod, String(volume.name)) : [];
      if (split.length > 0)
        ledger.drop(
          at.object,
          where,
          `${String(volume.name)} is mounted whole at ${mountPath} here and by sub-folder elsewhere (${split.join(', ')}): each sub-folder becomes a scratch folder of its own, so what ${String(at.container.name)} writes under ${mountPath}/<sub-folder> no longer reaches the containers that mount it; review what it writes there`,
        );
      const existing = ledger.get(['scratch', key, 'path']);
      if (existing !== undefined && existing !== mountPath)
        ledger.drop(
          at.object,
          where,
          `the scratch folder ${key} is mounted at ${String(existing)} in every container that mounts it: ${String(at.container.name)}'s mount at ${mountPath} moves there`,
        );
      if (!ledger.has(['scratch', key])) {
        const size = sizeLimit ?? (memory ? undefined : SCRATCH_SIZE_DEFAULT);
        ledger.set(
          ['scratch', key],
          {
            path: mountPath,
            ...(size !== undefined && size !== SCRATCH_SIZE_DEFAULT ? { sizeLimit: size } : {}),
            ...(memory ? { medium: 'memory' } : {}),
          },
          subPath === undefined
            ? `${volumePath} (an emptyDir) mounted at ${mountPath} (${where})`
            : `${volumePath} (an emptyDir), its sub-folder ${subPath} mounted at ${mountPath} (${where})`,
        );
        // A folder over /proc, /dev or /sys (e.g. /dev/shm) needs its own acknowledgement (src/declaration/dangers.ts): carried over.
        if (isKernelFolder(mountPath))
          ledger.set(['acknowledge', 'kernelFolderMount'], CARRIED_OVER, `${volumePath}.emptyDir is mounted at ${mountPath}`);
        if (memory && sizeLimit === undefined)
          ledger.confirm(['scratch', key, 'sizeLimit'], '64Mi', 'a folder in memory needs a size limit, and the input has none');
      }
      found.scratch.push(key);
      continue;
    }
    const configMapName = volume.configMap?.name;
    const ownConfigMap =
      configMapName !== undefined
        ? configuration.find((object) => object.kind === 'ConfigMap' && object.metadata?.name === configMapName)
        : undefined;
    if (ownConfigMap) {
      const data = ((ownConfigMap as Node).data ?? {}) as Record<string, string>;
      ledger.consume(`ConfigMap/${configMapName}`, 'apiVersion', 'kind', 'metadata', 'data');
      const keys = mount.subPath !== undefined ? [String(mount.subPath)] : Object.keys(data).sort();
      for (const key of keys) {
        if (!(key in data)) {
          ledger.drop(at.object, where, `it mounts key ${key}, which ConfigMap ${configMapName} does not have`);
          continue;
        }
        if (!ledger.has(['configFiles', key])) {
          const path = mount.subPath !== undefined ? mountPath : `${mountPath.replace(/\/$/, '')}/${key}`;
          const from = `ConfigMap ${configMapName} data["${key}"], mounted at ${path}`;
          ledger.set(['configFiles', key], { path, content: data[key] }, main ? from : `${from} by ${at.container.name}`);
        }
        found.configFiles.push(key);
      }
      // configFiles are mounted with Kubernetes' default mode 0644 (https://kubernetes.io/docs/concepts/storage/volumes/#configmap).
      const mode = volume.configMap?.defaultMode;
      if (typeof mode === 'number' && mode !== 0o644)
        ledger.drop(
          at.object,
          `${volumePath}.configMap.defaultMode`,
          `configFiles are mounted read-only with mode 0644: the mode 0${mode.toString(8)} of ConfigMap ${configMapName}'s files is not carried over; a file the container must execute needs the ConfigMap kept and mounted with files (files.<key>.mode)`,
        );
      if ((ownConfigMap as Node).binaryData)
        ledger.drop(
          `ConfigMap/${configMapName}`,
          'binaryData',
          'config files are text: keep the binary data in a ConfigMap of its own and mount it with files',
        );
      continue;
    }
    const reference: Node | undefined = volume.secret ?? volume.configMap;
    if (reference) {
      const key = keyOf(String(volume.name), 'files-');
      const items = Array.isArray(reference.items)
        ? Object.fromEntries((reference.items as Node[]).map((item) => [String(item.key), String(item.path)]))
        : undefined;
      const mode = typeof reference.defaultMode === 'number' ? reference.defaultMode : undefined;
      ledger.set(
        [...prefix, 'files', key],
        {
          ...(volume.secret ? { secret: String(reference.secretName) } : { configMap: String(reference.name) }),
          path: mountPath,
          ...(items ? { items } : {}),
          ...(typeof reference.optional === 'boolean' ? { optional: reference.optional } : {}),
          ...(mode !== undefined && mode !== FILE_MODE_DEFAULT ? { mode } : {}),
        },
        `${volumePath} mounted at ${mountPath} (${where})`,
      );
      if (mount.subPath !== undefined)
        ledger.drop(at.object, `${where}.subPath`, 'files are mounted as a folder: the file is at its key under the folder');
      continue;
    }
    if (volume.hostPath && canonicalPath(String(volume.hostPath.path)) === '/') {
      ledger.drop(
        at.object,
        volumePath,
        "a hostPath of the node's root folder: daemon.hostPaths mounts named folders below / only; declare the folders the agent reads (e.g. /proc, /sys) instead",
      );
      continue;
    }
    if (volume.hostPath) {
      const type = volume.hostPath.type ? String(volume.hostPath.type) : undefined;
      found.hostPaths.push({
        name: String(volume.name).replace(/^host-/, ''),
        path: canonicalPath(String(volume.hostPath.path)),
        mountPath,
        readOnly: mount.readOnly === true,
        ...(type ? { type } : {}),
        volume: volumePath,
      });
      continue;
    }
    ledger.drop(
      at.object,
      volumePath,
      `a ${Object.keys(volume)
        .filter((field) => field !== 'name')
        .join(
          '/',
        )} volume is not one the schema makes (for a StatefulSet's claims use stateful.volumeClaims; for a node agent's host paths, daemon.hostPaths)`,
    );
  }
  return found;
}

/** The scratch key of an emptyDir's sub-folder: the subPath as a DNS-1035 label of at most 50 characters, else the volume's name and the subPath. */
function subPathKey(subPath: string, volume: string): string {
  const label = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^-a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .slice(0, 50)
      .replace(/-+$/, '');
  return label(subPath) || label(`${volume}-${subPath}`) || volume;
}

/** The sub-folders (subPath) by which the pod's containers mount the volume, with where. */
function mountedBySubPath(pod: Node, volume: string): string[] {
  return ['initContainers', 'containers'].flatMap((list) =>
    ((pod[list] as Node[] | undefined) ?? []).flatMap((container) =>
      ((container.volumeMounts as Node[] | undefined) ?? [])
        .filter((mount) => mount.name === volume && mount.subPath !== undefined)
        .map((mount) => `${String(mount.subPath)} at ${String(mount.mountPath)}`),
    ),
  );
}

/** A path without repeated or trailing slashes, as the schema writes paths: `/a//b/` is `/a/b`; `/` stays `/`. */
export function canonicalPath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/**
 * Invariant 19 (ephemeralStorageCoversFolders): the containers' ephemeral-storage limits must exceed
 * the size limits of the emptyDirs on disk. Bitnami's charts limit ephemeral storage to 2Gi and
 * mount emptyDirs without a size limit, which the declaration writes with the defaults (tmp 1Gi,
 * each scratch folder 1Gi): the input's folders were never within the limit, so the departure is
 * carried over as an acknowledgement rather than sizes adopt would have to invent.
 */
export function foldersWithinStorageLimit(ledger: Ledger, pod: Node): void {
  const limit = ledger.get(['resources', 'ephemeralStorage', 'limit']);
  const unsized = ((pod.volumes as Node[] | undefined) ?? []).some(
    (volume) => volume.emptyDir && volume.emptyDir.medium !== 'Memory' && volume.emptyDir.sizeLimit === undefined,
  );
  // Sized folders are the input's own sizes (our output's among them): the invariant judges those as written.
  if (typeof limit !== 'string' || !unsized) return;
  const tmp = (ledger.get(['tmp']) as { sizeLimit?: string; medium?: string } | undefined) ?? {};
  const scratch = Object.values((ledger.get(['scratch']) as Record<string, { sizeLimit?: string; medium?: string }> | undefined) ?? {});
  const onDisk = [
    ...(tmp.medium === 'memory' ? [] : [tmp.sizeLimit ?? TMP_SIZE_DEFAULT]),
    ...scratch.filter((folder) => folder.medium !== 'memory').map((folder) => folder.sizeLimit ?? SCRATCH_SIZE_DEFAULT),
  ];
  const total = onDisk.reduce((sum, size) => sum + memoryBytes(size), 0);
  if (onDisk.length === 0 || memoryBytes(limit) > total) return;
  ledger.set(
    ['acknowledge', 'ephemeralStorageCoversFolders'],
    CARRIED_OVER,
    `the ephemeral-storage limit ${limit} does not exceed the emptyDirs on disk (${onDisk.join(' + ')}), which the input leaves without a size limit`,
  );
}
