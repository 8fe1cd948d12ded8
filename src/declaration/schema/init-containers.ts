import { z } from 'zod';
import { extraContainerFields } from './extra-containers';
import { seconds } from './primitives';

/**
 * Init containers: run one after another, each to completion, before the application's container
 * starts — and before any of its probes, so the rollout deadline must allow for them
 * (docs/derivation.md, `initSeconds`). Order is meaningful, so they are a list.
 */
export const initContainers = z
  .array(
    z
      .strictObject({
        ...extraContainerFields,
        maxSeconds: seconds(1, 'Time this init container may take at worst (a long migration, a slow dependency).').meta({
          examples: [300],
        }),
      })
      .meta({ title: 'InitContainer', description: 'A container that runs to completion before the application starts.' }),
  )
  .optional()
  .meta({
    description:
      'Init containers, run in this order before the application (migrations, waiting for a dependency, fetching assets). Hardened like the main container.',
    'x-default': 'none',
    examples: [[{ name: 'migrate', image: 'ghcr.io/acme/checkout:1.4.2', command: ['python', 'manage.py', 'migrate'], maxSeconds: 300 }]],
  });
