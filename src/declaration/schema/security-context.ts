import { z } from 'zod';

/**
 * The identity the application's container runs with, and the capabilities it adds back: the
 * departures from the default user (65532) a real image needs. Root (runAsUser 0) and capabilities
 * beyond NET_BIND_SERVICE are for node agents (kind daemon) only, each with a written reason
 * (resolve/security-context.ts).
 */

/**
 * The Linux capabilities (capabilities(7)), written as Kubernetes takes them: without the CAP_ prefix.
 * The restricted Pod Security Standard lets a container add only NET_BIND_SERVICE
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted, "Capabilities").
 */
export const LINUX_CAPABILITIES = [
  'AUDIT_CONTROL',
  'AUDIT_READ',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'BPF',
  'CHECKPOINT_RESTORE',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'PERFMON',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'SYSLOG',
  'WAKE_ALARM',
] as const;

/** The one capability the restricted Pod Security Standard lets any container add. */
export const RESTRICTED_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE'];

const groupId = (description: string) => z.int().min(1).max(2147483647).meta({ description, 'x-unit': 'group id' });

export const securityContext = z
  .strictObject({
    runAsUser: z
      .int()
      .min(0)
      .max(2147483647)
      .optional()
      .meta({
        description:
          "User id the application's container runs as (sidecars and init containers keep 65532). 0 is root: kind daemon only, with acknowledge.runAsNonRoot.",
        'x-unit': 'user id',
        'x-default': '65532 (nonroot, present in distroless images)',
        examples: [1000],
      }),
    runAsGroup: groupId("Primary group id of the application's container's processes.")
      .optional()
      .meta({ 'x-default': '65532', examples: [1000] }),
    fsGroup: groupId(
      'Group that owns the volumes Kubernetes prepares for the pod (emptyDir, claims, config files), so that every container can write them.',
    )
      .optional()
      .meta({ 'x-default': '65532', examples: [1000] }),
    supplementalGroups: z
      .array(groupId('A further group of the processes of every container.'))
      .optional()
      .meta({
        description: "Further groups of every container's processes, e.g. the group that may read a host folder.",
        'x-default': 'none',
        examples: [[4]],
      }),
    capabilities: z
      .array(z.enum(LINUX_CAPABILITIES))
      .optional()
      .meta({
        description:
          "Linux capabilities the application's container adds back after dropping ALL, without the CAP_ prefix. NET_BIND_SERVICE is allowed everywhere; any other is for kind daemon only, with acknowledge.capabilities.",
        'x-default': 'none: every capability dropped',
        examples: [['NET_BIND_SERVICE']],
      }),
  })
  .optional()
  .meta({
    title: 'SecurityContext',
    description:
      'The user, groups and capabilities the pods run with, where the image needs others than the defaults; everything else stays restricted.',
    'x-default': 'user and groups 65532, no capabilities',
    examples: [{ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 }],
  });
