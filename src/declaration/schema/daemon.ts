import { z } from 'zod';
import { MOUNT_PATH, mountPath, VOLUME_KEY } from './primitives';

/**
 * What only kind `daemon` declares: how its pods are updated node by node, and the host folders a
 * node agent reads. Every other field (probes, drain, port, scheduling) means what it means for the
 * other kinds.
 */

/** The hostPath types a node agent mounts (https://kubernetes.io/docs/concepts/storage/volumes/#hostpath-volume-types). */
export const HOST_PATH_TYPES = ['Directory', 'DirectoryOrCreate', 'File', 'Socket'] as const;

const hostPath = z
  .strictObject({
    path: z
      .string()
      .regex(new RegExp(MOUNT_PATH))
      .meta({
        description: 'The folder (or file, or socket) on the node.',
        examples: ['/var/log'],
        'x-rule': 'an absolute path such as /var/log, without a trailing "/", "//", "." or ".." segments or control characters',
        'x-fix': 'write it like /var/log or /var/lib/docker/containers',
      }),
    mountPath: mountPath("Where it appears in the application's container.", '/var/log').optional().meta({ 'x-default': '`path`' }),
    readOnly: z
      .boolean()
      .default(true)
      .meta({ description: 'Mount it read-only; false lets the agent write to the node, which few agents need.', examples: [false] }),
    type: z
      .enum(HOST_PATH_TYPES)
      .default('Directory')
      .meta({ description: 'What must exist at the path on the node before the pod starts.', examples: ['Socket'] }),
  })
  .meta({
    title: 'HostPath',
    description:
      'A folder of the node mounted into the agent: a departure from the restricted Pod Security Standard that needs acknowledge.volumeTypes.',
  });

export const daemonSettings = z
  .strictObject({
    hostPaths: z
      .record(
        z.string().regex(new RegExp(VOLUME_KEY)).meta({
          'x-rule': 'a DNS-1035 label of at most 50 characters: lowercase letters, digits and "-", starting with a letter',
          'x-fix': 'name it like logs or containerd',
        }),
        hostPath,
      )
      .default({})
      .meta({
        description: "The node's folders the agent mounts, by name (its volume is host-<name>). Each needs acknowledge.volumeTypes.",
        examples: [{ logs: { path: '/var/log' } }],
      }),
    surge: z
      .boolean()
      .default(false)
      .meta({
        description:
          'The agent can run two copies on one node (no exclusive host port, lock or device): an update starts the new pod before it stops the old one (maxSurge 1, maxUnavailable 0), so no node is ever without its agent.',
        examples: [true],
      }),
  })
  .meta({ title: 'DaemonSettings' });

export const daemon = daemonSettings.optional().meta({
  description: 'Update and host access settings of a node agent (kind daemon only).',
  'x-default': 'no host paths; one node at a time without its agent during an update',
  examples: [{ hostPaths: { logs: { path: '/var/log' } } }],
});

/** The settings of a daemon workload that declares none. */
export const DAEMON_DEFAULTS = daemonSettings.parse({});
