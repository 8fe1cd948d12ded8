import { z } from 'zod';
import { labelKey, labelValue } from './pod';
import { objectName, seconds } from './primitives';

/**
 * Where the pods may and should run, on top of the spread over zones and nodes that every workload
 * gets (which stays as it is): node labels, taints tolerated, priority and node affinity.
 */

export const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;

const nodeExpression = z
  .strictObject({
    key: labelKey.meta({ description: 'Node label key.', examples: ['node.kubernetes.io/instance-type'] }),
    operator: z.enum(NODE_OPERATORS).meta({
      description:
        'In, NotIn: the label has (not) one of the values. Exists, DoesNotExist: the label is (not) there. Gt, Lt: the label is a number greater or less than the one value.',
      examples: ['In'],
    }),
    values: z
      .array(labelValue)
      .optional()
      .meta({
        description: 'Values compared with the label.',
        'x-default': 'none; at least one for In and NotIn, exactly one integer for Gt and Lt, none for Exists and DoesNotExist',
        examples: [['m6i.large', 'm7i.large']],
      }),
  })
  .meta({ title: 'NodeExpression', description: 'A condition on one node label.' });

const matchExpressions = z
  .array(nodeExpression)
  .min(1)
  .meta({ description: 'Conditions a node meets all of.', examples: [[{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }]] });

export const SPREADS = ['preferred', 'required'] as const;

export const scheduling = z
  .strictObject({
    spread: z
      .enum(SPREADS)
      .optional()
      .meta({
        description:
          'How strictly the pods spread over nodes and zones. preferred: the scheduler tries (host anti-affinity preferred, zone and node spread ScheduleAnyway). required: no two pods on one node and zones kept within one pod of each other (host anti-affinity required, spread DoNotSchedule), for quorum members that must not fail together; a pod then stays Pending rather than share a node. Not for kind daemon, which runs one pod on every node.',
        'x-default': 'preferred',
        examples: ['required'],
      }),
    nodeSelector: z
      .record(labelKey, labelValue)
      .optional()
      .meta({
        description: 'Node labels a node must have, each with the value given.',
        'x-default': 'none: any node',
        examples: [{ 'kubernetes.io/arch': 'arm64' }],
      }),
    tolerations: z
      .array(
        z
          .strictObject({
            key: labelKey.optional().meta({
              description: 'Taint key tolerated.',
              'x-default': 'none: every taint, which needs operator Exists',
              examples: ['dedicated'],
            }),
            operator: z
              .enum(['Equal', 'Exists'])
              .optional()
              .meta({ description: 'Equal: the taint has this value. Exists: any value.', 'x-default': 'Equal', examples: ['Exists'] }),
            value: labelValue.optional().meta({
              description: 'Taint value tolerated (operator Equal).',
              'x-default': 'none: the empty value',
              examples: ['payments'],
            }),
            effect: z
              .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])
              .optional()
              .meta({ description: 'Taint effect tolerated.', 'x-default': 'none: every effect', examples: ['NoSchedule'] }),
            tolerationSeconds: seconds(0, 'How long a pod stays on a node after a NoExecute taint appears (effect NoExecute).')
              .optional()
              .meta({ 'x-default': 'none: for ever', examples: [300] }),
          })
          .meta({ title: 'Toleration', description: 'A node taint the pods accept.' }),
      )
      .optional()
      .meta({
        description: 'Node taints the pods tolerate.',
        'x-default': 'none',
        examples: [[{ key: 'dedicated', value: 'payments', effect: 'NoSchedule' }]],
      }),
    priorityClassName: objectName('PriorityClass', 'business-critical').optional().meta({
      description: 'PriorityClass of the pods: who is preempted first when the cluster is full.',
      'x-default': "none: the cluster's default priority",
    }),
    nodeAffinity: z
      .strictObject({
        required: z
          .array(z.strictObject({ matchExpressions }).meta({ title: 'NodeTerm', description: 'Conditions a node meets all of.' }))
          .min(1)
          .optional()
          .meta({
            description: 'A node must meet one of these terms.',
            'x-default': 'none',
            examples: [[{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }]],
          }),
        preferred: z
          .array(
            z
              .strictObject({
                weight: z
                  .int()
                  .min(1)
                  .max(100)
                  .meta({ description: 'How much meeting this term counts, from 1 to 100.', 'x-unit': 'points', examples: [50] }),
                matchExpressions,
              })
              .meta({ title: 'WeightedNodeTerm', description: 'Conditions a node should meet all of, with a weight.' }),
          )
          .min(1)
          .optional()
          .meta({
            description: 'Terms the scheduler prefers nodes by, adding up the weights of the terms a node meets.',
            'x-default': 'none',
            examples: [[{ weight: 50, matchExpressions: [{ key: 'node-pool', operator: 'In', values: ['spot'] }] }]],
          }),
      })
      .optional()
      .meta({
        description: 'Node affinity, besides the spread over zones and nodes.',
        'x-default': 'none',
        examples: [{ required: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }] }],
      }),
  })
  .optional()
  .meta({
    description: 'Where the pods run: how strictly they spread over nodes and zones, node labels, tolerations, priority and node affinity.',
    'x-default': 'any node, default priority',
    examples: [{ nodeSelector: { 'kubernetes.io/arch': 'arm64' }, priorityClassName: 'business-critical' }],
  });
