import { z } from 'zod';
import { args, command, env, envFrom, files, image, resources } from './container';

/**
 * What every container the declaration adds beside the application's declares: init containers
 * and sidecars. The fields every container declares alike come from container.ts, so that these
 * containers are validated, documented and hardened exactly as the main one; only the name, the
 * command, the default of the resources and the choice of the pod's own storage to mount (the main
 * container mounts all of it) are their own.
 */

/** Container names are DNS-1123 labels (the API's rule), unique in the pod. */
export const CONTAINER_NAME = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$';

export const extraContainerFields = {
  name: z
    .string()
    .regex(new RegExp(CONTAINER_NAME))
    .meta({
      description: 'Container name, unique in the pod (the main container is named after the workload).',
      examples: ['migrate'],
      'x-rule': 'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
      'x-fix': 'use a name like migrate or cloud-sql-proxy',
    }),
  image,
  command,
  args,
  env,
  envFrom,
  files,
  configFiles: z
    .array(z.string())
    .optional()
    .meta({
      description:
        "Keys of the workload's configFiles to mount into this container too, each read-only at the path declared there (a migration reads the same settings file as the application).",
      'x-default': 'none',
      examples: [['settings.py']],
    }),
  scratch: z
    .array(z.string())
    .optional()
    .meta({
      description:
        "Names of the workload's scratch folders to mount into this container too, at the paths declared there: the containers share the folder (an init container fetches assets that the application serves).",
      'x-default': 'none',
      examples: [['assets']],
    }),
  // Unwrapped from its default: left out, the container takes the main container's resources.
  resources: resources
    .unwrap()
    .optional()
    .meta({
      title: 'Resources',
      description:
        "Resources of this container: requests always, memory limit = memory request. Given, each field defaults as the main container's does (250m, 256Mi, 4 x the CPU request).",
      'x-default': "the main container's resources",
      examples: [{ cpu: '100m', memory: '128Mi' }],
    }),
};
