import { CONFIG_MAP_MAX_BYTES, configMapName } from '../config-files';
import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';
import { BYTES_CAP, memoryBytes } from '../quantities';
import { FILE_MODE_DEFAULT } from '../schema/container';
import type { ResolvedWorkload } from './index';

/** A folder or file mounted into a container, with the field that declares it. */
export interface Mount {
  readonly field: string;
  readonly path: string;
  readonly readOnly: boolean;
  readonly file: boolean;
}

/**
 * Files from Secrets and ConfigMaps, as one container declares them (`path`: `files`, or
 * `initContainers[0].files`): the pod runs as user 65532 with fsGroup 65532, and the files belong
 * to root and that group, so the group must be able to read them.
 */
export function checkFiles(files: EffectiveSpec['files'], path: string, problems: Problem[]): Mount[] {
  return Object.keys(files ?? {})
    .sort()
    .map((key) => {
      const declared = files![key]!;
      if (declared.mode !== undefined && (declared.mode & 0o040) === 0) {
        problems.push({
          path: `${path}.${key}.mode`,
          value: declared.mode,
          rule: `mode ${declared.mode} (octal ${octal(declared.mode)}) does not let the group read the files; they belong to root and the pod's group (fsGroup 65532), so the container's user 65532 reads them as the group`,
          fix: `use ${FILE_MODE_DEFAULT} (octal ${octal(FILE_MODE_DEFAULT)}), or another mode with the group's read bit (octal 0040)`,
        });
      }
      return { field: `${path}.${key}.path`, path: declared.path, readOnly: true, file: false };
    });
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** A folder kept in memory that a container mounts, by the field that declares it (`tmp`, `scratch.cache`). */
export interface InMemoryFolder {
  readonly field: string;
  readonly size: string;
}

/**
 * The files of folders in memory count against the memory limit of the container that writes them,
 * so a container's limit (declared at `path`) must be larger than the folders it mounts can hold.
 */
export function checkMemory(inMemory: readonly InMemoryFolder[], memory: string, path: string, problems: Problem[]): void {
  const inMemoryBytes = inMemory.reduce((total, { size }) => Math.min(total + memoryBytes(size), BYTES_CAP), 0);
  if (inMemory.length === 0 || inMemoryBytes < memoryBytes(memory)) return;
  problems.push({
    path,
    value: memory,
    rule: `the memory limit must be larger than the scratch space kept in memory, whose files count against it (${inMemory.map(({ field, size }) => `${field} ${size}`).join(', ')})`,
    fix: `raise ${path}, lower those size limits, or keep the folders on disk (medium: disk)`,
  });
}

/**
 * Two mounts at one path, or a mount inside a read-only one (where its mount point cannot be
 * created), in the order the container mounts them. Each problem is reported at the later mount.
 */
export function checkMounts(mounts: readonly Mount[], problems: Problem[]): void {
  mounts.forEach((mount, index) => {
    for (const earlier of mounts.slice(0, index)) {
      const problem = mountConflict(mount, earlier);
      if (problem) {
        problems.push({ path: mount.field, value: mount.path, ...problem });
        return;
      }
    }
  });
}

function mountConflict(mount: Mount, earlier: Mount): Pick<Problem, 'rule' | 'fix'> | undefined {
  const where = (other: Mount) => `${other.path} (${other.field})`;
  const readOnly = (other: Mount) => (other.file ? 'a read-only file' : 'mounted read-only');
  if (mount.path === earlier.path) {
    return {
      rule: `${earlier.field} already mounts ${mount.path}`,
      fix: earlier.field === 'tmp' ? 'choose another path: /tmp is always writable, and tmp.sizeLimit sizes it' : 'give each its own path',
    };
  }
  if (earlier.readOnly && mount.path.startsWith(`${earlier.path}/`)) {
    return {
      rule: `the path lies inside ${where(earlier)}, ${readOnly(earlier)}, where no mount point can be created`,
      fix: `choose a path outside ${earlier.path}`,
    };
  }
  if (mount.readOnly && earlier.path.startsWith(`${mount.path}/`)) {
    return {
      rule: `${where(earlier)} lies inside this path, which would be ${readOnly(mount)}, where no mount point can be created`,
      fix: `choose a path that does not hold ${earlier.path}`,
    };
  }
  return undefined;
}

/**
 * The pod's own storage as the application's container mounts it: /tmp, its files, the scratch
 * folders and the config files, with their problems; and the generated ConfigMap.
 */
export function resolveVolumes(spec: EffectiveSpec, instance: string, problems: Problem[]): ResolvedWorkload['configMap'] {
  const { tmp, scratch = {}, configFiles = {} } = spec;
  const mounts: Mount[] = [{ field: 'tmp', path: '/tmp', readOnly: false, file: false }, ...checkFiles(spec.files, 'files', problems)];
  const inMemory: InMemoryFolder[] = tmp.medium === 'memory' ? [{ field: 'tmp', size: tmp.sizeLimit }] : [];
  for (const key of Object.keys(scratch).sort()) {
    const folder = scratch[key]!;
    mounts.push({ field: `scratch.${key}.path`, path: folder.path, readOnly: false, file: false });
    if (folder.medium !== 'memory') continue;
    if (folder.sizeLimit === undefined) {
      problems.push({
        path: `scratch.${key}.sizeLimit`,
        value: undefined,
        rule: `a scratch folder in memory needs a size limit: its files count against the container's memory limit (${spec.resources.memoryLimit ?? spec.resources.memory})`,
        fix: `add scratch.${key}.sizeLimit, e.g. 64Mi, or keep the folder on disk (medium: disk)`,
      });
    } else {
      inMemory.push({ field: `scratch.${key}`, size: folder.sizeLimit });
    }
  }
  // A stateful workload's own volumes, writable folders like scratch.
  const claims = spec.stateful?.volumeClaims ?? {};
  for (const key of Object.keys(claims).sort()) {
    mounts.push({ field: `stateful.volumeClaims.${key}.mountPath`, path: claims[key]!.mountPath, readOnly: false, file: false });
  }
  // A node agent's host paths, read-only unless declared otherwise.
  const hostPaths = spec.daemon?.hostPaths ?? {};
  for (const key of Object.keys(hostPaths).sort()) {
    const { path, mountPath, readOnly, type } = hostPaths[key]!;
    const field = `daemon.hostPaths.${key}.${mountPath === undefined ? 'path' : 'mountPath'}`;
    mounts.push({ field, path: mountPath ?? path, readOnly, file: type === 'File' || type === 'Socket' });
  }
  const keys = Object.keys(configFiles).sort();
  for (const key of keys) mounts.push({ field: `configFiles.${key}.path`, path: configFiles[key]!.path, readOnly: true, file: true });
  checkMounts(mounts, problems);

  // Folders in memory count against the memory limit: the request unless a limit is declared.
  const { memory, memoryLimit } = spec.resources;
  checkMemory(inMemory, memoryLimit ?? memory, memoryLimit !== undefined ? 'resources.memoryLimit' : 'resources.memory', problems);

  if (keys.length === 0) return undefined;
  const bytes = keys.reduce((total, key) => total + Buffer.byteLength(configFiles[key]!.content, 'utf8'), 0);
  if (bytes > CONFIG_MAP_MAX_BYTES) {
    problems.push({
      path: 'configFiles',
      value: configFiles,
      rule: `a ConfigMap holds at most ${CONFIG_MAP_MAX_BYTES} bytes, and these files hold ${bytes}`,
      fix: 'put large files into the image, or into a ConfigMap or Secret of their own mounted with files',
    });
  }
  return { name: configMapName(instance, configFiles), data: Object.fromEntries(keys.map((key) => [key, configFiles[key]!.content])) };
}
