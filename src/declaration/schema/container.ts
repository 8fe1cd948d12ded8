import { z } from 'zod';
import { isLatestTag, PINNED_IMAGE_PATTERN, pinImageFix } from '../image';
import { CPU_QUANTITY, MEMORY_QUANTITY } from './primitives';

/**
 * What a container declares, whatever its role in the pod: its image, arguments, environment and
 * resources. The main container uses them at the top level of the declaration; init containers and
 * sidecars use the same schemas, so every container is validated and documented alike.
 */

export const image = z
  .string()
  .regex(new RegExp(PINNED_IMAGE_PATTERN))
  .superRefine((image, context) => {
    if (!isLatestTag(image)) return;
    context.addIssue({
      code: 'custom',
      message: 'the image must not use the tag "latest": every restart could run different code',
      params: { fix: pinImageFix(image) },
    });
  })
  .meta({
    description: 'Container image pinned by a tag or a digest; never `latest` and never untagged.',
    examples: ['ghcr.io/acme/checkout:1.4.2'],
    'x-rule': 'the image must be pinned by a tag or a digest (registry/repository:tag or @sha256:...)',
    'x-fix': 'add a version tag such as :1.4.2, or a digest @sha256:...',
    // Messages offer the user's own repository with a tag (pinImageFix) instead of a fixed example.
    'x-format': 'image',
  });

export const distroless = z
  .boolean()
  .optional()
  .meta({
    description: 'true when the image has no shell and no `sleep` binary (distroless, scratch).',
    'x-default': 'true for well-known distroless registries (gcr.io/distroless, cgr.dev/chainguard) except their debug tags, else false',
    examples: [true],
  });

export const resources = z
  .strictObject({
    cpu: z
      .string()
      .regex(new RegExp(CPU_QUANTITY))
      .default('250m')
      .meta({
        description: 'CPU request.',
        'x-unit': 'CPU cores, or millicores with the suffix m',
        examples: ['500m'],
        'x-rule': 'a CPU quantity in millicores (250m) or cores with at most 3 decimals (1.5)',
        'x-fix': 'write it like 250m or 2',
      }),
    memory: z
      .string()
      .regex(new RegExp(MEMORY_QUANTITY))
      .default('256Mi')
      .meta({
        description: 'Memory request, also the memory limit.',
        'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
        examples: ['1Gi'],
        'x-rule': 'a whole memory quantity such as 256Mi or 1Gi',
        'x-fix': 'write it like 256Mi or 1Gi',
      }),
    cpuLimit: z
      .union([z.literal(false), z.string().regex(new RegExp(CPU_QUANTITY))])
      .optional()
      .meta({
        description:
          'CPU limit, generous by default because CPU throttling makes probes time out. false removes it and needs acknowledge.noCpuLimit.',
        'x-unit': 'CPU cores, or millicores with the suffix m',
        'x-default': '4 x the CPU request',
        examples: ['2'],
        'x-rule': 'a CPU quantity such as 1 or 500m, or false',
        'x-fix': 'write it like 1 or 500m, or false with acknowledge.noCpuLimit',
      }),
  })
  .prefault({})
  .meta({ description: 'Container resources: requests always, memory limit = memory request.', examples: [{ cpu: '500m' }] });

export const env = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .meta({
        'x-rule': 'an environment variable name: letters, digits and _, not starting with a digit',
        'x-fix': 'rename it, e.g. with _ instead of - or .',
      }),
    z.string(),
  )
  .default({})
  .meta({ description: 'Environment variables of the container, by name; values are strings.', examples: [{ LOG_LEVEL: 'info' }] });

export const args = z
  .array(z.string())
  .optional()
  .meta({ description: 'Container args.', 'x-default': "the image's CMD", examples: [['--port', '8080']] });
