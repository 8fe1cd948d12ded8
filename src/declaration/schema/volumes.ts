import { z } from 'zod';
import { dataKey, MEMORY_QUANTITY, mountPath, VOLUME_KEY } from './primitives';

/**
 * The pod's own storage, mounted into the application's container: files written in the
 * declaration (one generated ConfigMap), writable scratch folders and /tmp. The root filesystem
 * stays read-only; every writable folder has a size limit.
 */

/** Size limits: a runaway writer is evicted at its limit instead of filling the node's disk (or memory). */
export const SCRATCH_SIZE_DEFAULT = '1Gi';
export const TMP_SIZE_DEFAULT = '1Gi';

const sizeLimit = z.string().regex(new RegExp(MEMORY_QUANTITY)).meta({
  'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
  'x-rule': 'a whole size such as 512Mi or 2Gi',
  'x-fix': 'write it like 512Mi or 2Gi',
});

const medium = z.enum(['disk', 'memory']).meta({
  description:
    "Where the files live: disk (the node's ephemeral storage) or memory (tmpfs, fast, and counted against the container's memory limit).",
  examples: ['memory'],
});

export const configFiles = z
  .record(
    dataKey('ConfigMap', 'name it like settings.py or application.yaml'),
    z
      .strictObject({
        path: mountPath('Where the file appears in the container, read-only.', '/app/settings.py'),
        content: z.string().meta({ description: 'The text of the file.', examples: ['DEBUG = False\n'] }),
      })
      .meta({ title: 'ConfigFile', description: 'A file written in the declaration.' }),
  )
  .optional()
  .meta({
    description:
      'Files written in the declaration, by ConfigMap key. They become one immutable ConfigMap, <instance>-config-<hash of the files>, so that a change rolls the pods and an older ReplicaSet keeps its own files; each file is mounted read-only at its path.',
    'x-default': 'none',
    examples: [{ 'settings.py': { path: '/app/settings.py', content: 'DEBUG = False\n' } }],
  });

export const scratch = z
  .record(
    z.string().regex(new RegExp(VOLUME_KEY)).meta({
      'x-rule': 'a DNS-1035 label of at most 50 characters: lowercase letters, digits and "-", starting with a letter',
      'x-fix': 'name it like cache or run',
    }),
    z
      .strictObject({
        path: mountPath('The writable folder.', '/var/cache/app'),
        sizeLimit: sizeLimit.optional().meta({
          description: 'Most bytes the folder may hold; beyond it the pod is evicted.',
          'x-default': `${SCRATCH_SIZE_DEFAULT} on disk; required in memory`,
          examples: ['2Gi'],
        }),
        medium: medium.optional().meta({ 'x-default': 'disk' }),
      })
      .meta({ title: 'ScratchFolder', description: 'A writable folder, emptied when the pod goes (an emptyDir).' }),
  )
  .optional()
  .meta({
    description:
      'Writable folders besides /tmp, by a name of your choice (volume scratch-<name>), for images that write a cache or run folder: the root filesystem is read-only.',
    'x-default': 'none',
    examples: [{ cache: { path: '/var/cache/app', sizeLimit: '2Gi' } }],
  });

export const tmp = z
  .strictObject({
    sizeLimit: sizeLimit
      .default(TMP_SIZE_DEFAULT)
      .meta({ description: 'Most bytes /tmp may hold; beyond it the pod is evicted.', examples: ['4Gi'] }),
    medium: medium.default('disk'),
  })
  .prefault({})
  .meta({ description: 'The writable /tmp every container gets.', examples: [{ sizeLimit: '4Gi' }] });
