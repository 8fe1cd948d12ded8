import { z } from 'zod';
import { DNS_1123_SUBDOMAIN, MEMORY_QUANTITY, mountPath, portNumber, seconds, VOLUME_KEY, wholeNumber } from './primitives';

/**
 * What only kind `stateful` declares: the StatefulSet's own storage and update settings. Every
 * other field (probes, drain, ports, scheduling) means what it means for the other kinds.
 */

/** The access modes of a PersistentVolumeClaim (https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes). */
export const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteMany'] as const;

const retention = z.enum(['Retain', 'Delete']);

const volumeClaim = z
  .strictObject({
    size: z
      .string()
      .regex(new RegExp(MEMORY_QUANTITY))
      .meta({
        description: "Storage each pod's volume requests.",
        'x-unit': 'bytes, usually with a suffix such as Gi',
        examples: ['10Gi'],
        'x-rule': 'a whole size such as 512Mi or 20Gi',
        'x-fix': 'write it like 20Gi',
      }),
    mountPath: mountPath("Where the volume appears in the application's container, writable.", '/data'),
    storageClass: z
      .string()
      .regex(new RegExp(DNS_1123_SUBDOMAIN))
      .max(253)
      .optional()
      .meta({
        description: 'StorageClass that provisions the volume.',
        'x-default': "the cluster's default StorageClass",
        examples: ['gp3'],
        'x-rule': 'a StorageClass name: lowercase letters, digits, "-" and "."',
        'x-fix': 'write it like gp3 or fast-ssd',
      }),
    accessMode: z
      .enum(ACCESS_MODES)
      .default('ReadWriteOnce')
      .meta({ description: 'How nodes may mount the volume; each pod has its own claim.', examples: ['ReadWriteOncePod'] }),
  })
  .meta({
    title: 'VolumeClaim',
    description: "A volume of each pod's own, kept across restarts and rescheduling (a volume claim template).",
  });

export const statefulSettings = z
  .strictObject({
    volumeClaims: z
      .record(
        z.string().regex(new RegExp(VOLUME_KEY)).meta({
          'x-rule': 'a DNS-1035 label of at most 50 characters: lowercase letters, digits and "-", starting with a letter',
          'x-fix': 'name it like data or wal',
        }),
        volumeClaim,
      )
      .default({})
      .meta({
        description:
          'Volumes each pod keeps, by name: the claim of pod <instance>-N is <name>-<instance>-N, and it follows the pod to whichever node it runs on.',
        examples: [{ data: { size: '20Gi', mountPath: '/data' } }],
      }),
    podManagementPolicy: z
      .enum(['OrderedReady', 'Parallel'])
      .default('OrderedReady')
      .meta({
        description:
          'OrderedReady: pods are created one at a time, each after the one before is ready, and removed in reverse order (members that join a cluster one by one). Parallel: all at once. Updates go one pod at a time either way.',
        examples: ['Parallel'],
      }),
    partition: wholeNumber(0, 'pods', 'Pods with an ordinal below this keep the old revision during an update (a staged rollout).')
      .default(0)
      .meta({ examples: [2] }),
    claimRetention: z
      .strictObject({
        whenDeleted: retention.default('Retain').meta({
          description: 'What happens to the volumes when the workload is deleted. Delete needs acknowledge.deleteVolumeClaims.',
          examples: ['Delete'],
        }),
        whenScaled: retention.default('Retain').meta({
          description: 'What happens to the volumes of the pods a scale-down removes. Delete needs acknowledge.deleteVolumeClaims.',
          examples: ['Delete'],
        }),
      })
      .prefault({})
      .meta({
        title: 'ClaimRetention',
        description: "The StatefulSet's persistentVolumeClaimRetentionPolicy: data is kept unless its deletion is acknowledged.",
        examples: [{ whenScaled: 'Delete' }],
      }),
    peerPorts: z
      .array(portNumber)
      .min(1)
      .optional()
      .meta({
        description:
          "TCP ports the members use among themselves (replication, a cluster bus, leader election): the NetworkPolicy admits the workload's own pods to them, whatever other peers are declared. Include `port` when members also talk to each other on it.",
        'x-default': 'none: members reach each other only where anyone declared may (on `port`)',
        examples: [[6379, 16379]],
      }),
    maintenanceWindowSeconds: seconds(1, 'Longest an update may take; explain warns when the worst-case rollout is longer.')
      .optional()
      .meta({ 'x-default': 'none: no warning', examples: [3600] }),
  })
  .meta({ title: 'StatefulSettings' });

export const stateful = statefulSettings.optional().meta({
  description: 'Storage and update settings of a stateful workload (kind stateful only).',
  'x-default': 'no volumes, OrderedReady, partition 0, volumes retained',
  examples: [{ volumeClaims: { data: { size: '20Gi', mountPath: '/data' } } }],
});

/** The settings of a stateful workload that declares none. */
export const STATEFUL_DEFAULTS = statefulSettings.parse({});
