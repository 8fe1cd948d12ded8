import { z } from 'zod';
import { OBJECT_ROLES, type ObjectRole } from '../../kinds/table';

/**
 * `patches`: the checked way out for what the declaration cannot say (README, "When the
 * declaration cannot say it: patches"). Each object role takes a JSON merge patch (RFC 7386) of the
 * whole object, and of its pods' containers picked by name; src/patches/ applies them, refuses
 * names, selectors and what the declaration says, and checks the patched objects.
 */
const mergePatch = (description: string, example: Record<string, unknown>) =>
  z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description, 'x-default': 'none', examples: [example] });

const rolePatch = z
  .strictObject({
    object: mergePatch(
      'A JSON merge patch (RFC 7386) of the whole object: objects merge key by key, null deletes a key, anything else (lists too) replaces.',
      { spec: { template: { spec: { dnsConfig: { options: [{ name: 'ndots', value: '2' }] } } } } },
    ),
    containers: z
      .record(z.string(), z.record(z.string(), z.unknown()).meta({ description: 'A JSON merge patch of the container of this name.' }))
      .optional()
      .meta({
        description:
          'JSON merge patches of single containers of the pods, keyed by container name (the main container is named after `name`; sidecars and init containers by theirs). Applied after `object`.',
        'x-default': 'none',
        examples: [{ checkout: { stdin: false } }],
      }),
  })
  .meta({ title: 'ObjectPatch' });

/** One optional patch for each object role, each documented for the field table and values.yaml. */
const roles = Object.fromEntries(
  OBJECT_ROLES.map((role) => [
    role,
    rolePatch.optional().meta({
      description: `Patch of the workload's ${role}${role === 'Route' ? ' (its HTTPRoute or GRPCRoute)' : ''}.`,
      'x-default': 'none',
      examples: [{ object: { metadata: { annotations: { 'example.com/owner': 'payments' } } } }],
    }),
  ]),
) as { [Role in ObjectRole]: z.ZodOptional<typeof rolePatch> };

export const patches = z
  .strictObject(roles)
  .prefault({})
  .meta({
    description:
      'Changes to the generated objects that the declaration cannot say, keyed by object role (Deployment, Service, PodDisruptionBudget, ...). Names, selectors, selector labels, Service ports and every field the declaration has are refused; the patched objects are held to the invariants and the restricted Pod Security Standard.',
    examples: [{ Deployment: { object: { metadata: { annotations: { 'example.com/owner': 'payments' } } } } }],
  });
