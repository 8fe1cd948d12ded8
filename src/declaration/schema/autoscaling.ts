import { z } from 'zod';
import { labelKey, labelValue } from './pod';
import { DNS_1123_SUBDOMAIN, wholeNumber, wholeNumberBetween } from './primitives';

/**
 * The autoscaling/v2 `behavior` and `metrics` of the HorizontalPodAutoscaler, in the API's own
 * shapes, with the API's validation rules (ValidateHorizontalPodAutoscaler in
 * pkg/apis/autoscaling/validation; "Horizontal Pod Autoscaling", "Configurable scaling behavior",
 * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#configurable-scaling-behavior)
 * stated in the schema so that both faces check them alike: stabilizationWindowSeconds 0..3600,
 * at least one policy, a policy's value ≥ 1 and periodSeconds 1..1800, selectPolicy Max, Min or
 * Disabled; a metric has the one source its type names and a target whose type fits it.
 */

/** A positive quantity (the API rejects targets ≤ 0): digits with a non-zero digit, an optional fraction and suffix. */
export const POSITIVE_QUANTITY = '^(0*[1-9][0-9]*(\\.[0-9]+)?|0*\\.[0-9]*[1-9][0-9]*)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$';
const METRIC_NAME = '^[A-Za-z0-9_:.|/-]{1,253}$';

const quantity = z.string().regex(new RegExp(POSITIVE_QUANTITY)).meta({
  'x-unit': "the metric's own unit, as a Kubernetes quantity",
  'x-rule': 'a positive quantity such as 100, 500m or 2k',
  'x-fix': 'write it like 1000 or 500m (in quotes in YAML)',
});

const averageValue = z
  .strictObject({
    type: z.literal('AverageValue').meta({ description: 'The kind of target: the value per pod.', examples: ['AverageValue'] }),
    averageValue: quantity.meta({ description: 'Per-pod value aimed for.', examples: ['1k'] }),
  })
  .meta({ title: 'AverageValueTarget', description: 'The value divided by the number of pods.' });
const value = z
  .strictObject({
    type: z.literal('Value').meta({ description: 'The kind of target: the value itself.', examples: ['Value'] }),
    value: quantity.meta({ description: 'Value aimed for.', examples: ['5000'] }),
  })
  .meta({ title: 'ValueTarget', description: 'The value itself.' });
const utilization = z
  .strictObject({
    type: z.literal('Utilization').meta({ description: 'The kind of target: use in percent of the request.', examples: ['Utilization'] }),
    averageUtilization: wholeNumber(1, 'percent of the request', 'Average use aimed for, in percent of the request.').meta({
      examples: [80],
    }),
  })
  .meta({ title: 'UtilizationTarget', description: 'Average use in percent of the pods’ request.' });

const targetRule = (types: string) => ({
  description: `The value aimed for: ${types}.`,
  examples: [{ type: 'AverageValue', averageValue: '1000' }],
  'x-rule': `a target of type ${types}, with the field of its type (averageUtilization, averageValue or value)`,
  'x-fix': 'write it like { type: AverageValue, averageValue: "1000" }',
});

const metricIdentifier = z
  .strictObject({
    name: z
      .string()
      .regex(new RegExp(METRIC_NAME))
      .meta({
        description: 'Name of the metric, as the metrics adapter serves it.',
        examples: ['kafka_consumergroup_lag'],
        'x-rule': 'a metric name of letters, digits and _ : . | / -',
        'x-fix': 'write it like kafka_consumergroup_lag',
      }),
    selector: z
      .strictObject({
        matchLabels: z.record(labelKey, labelValue).meta({ description: 'Labels the series has.', examples: [{ topic: 'orders' }] }),
      })
      .optional()
      .meta({
        description: 'Which series of the metric.',
        'x-default': 'none: every series',
        examples: [{ matchLabels: { topic: 'orders' } }],
      }),
  })
  .meta({ title: 'MetricIdentifier', description: 'A metric, by name and labels.', examples: [{ name: 'kafka_consumergroup_lag' }] });

export const METRIC_TYPES = ['Resource', 'Pods', 'Object', 'External'] as const;

const metric = z
  .union([
    z
      .strictObject({
        type: z
          .literal('Resource')
          .meta({ description: 'The kind of metric: a resource of the pods (memory, or cpu).', examples: ['Resource'] }),
        resource: z
          .strictObject({
            name: z
              .enum(['memory', 'cpu'])
              .meta({ description: 'memory, or cpu (whose utilization target is targetCPUUtilizationPercentage).', examples: ['memory'] }),
            target: z.union([utilization, averageValue]).meta(targetRule('Utilization or AverageValue')),
          })
          .meta({
            description: 'The resource and the use aimed for.',
            examples: [{ name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } }],
          }),
      })
      .meta({ title: 'ResourceMetric', description: "The pods' memory (or CPU) use." }),
    z
      .strictObject({
        type: z.literal('Pods').meta({ description: 'The kind of metric: a metric each pod serves.', examples: ['Pods'] }),
        pods: z.strictObject({ metric: metricIdentifier, target: averageValue.meta(targetRule('AverageValue')) }).meta({
          description: 'The metric and its value per pod aimed for.',
          examples: [{ metric: { name: 'queue_depth' }, target: { type: 'AverageValue', averageValue: '100' } }],
        }),
      })
      .meta({ title: 'PodsMetric', description: 'A metric each pod serves, averaged over the pods.' }),
    z
      .strictObject({
        type: z.literal('Object').meta({ description: 'The kind of metric: a metric of another object.', examples: ['Object'] }),
        object: z
          .strictObject({
            describedObject: z
              .strictObject({
                apiVersion: z
                  .string()
                  .regex(/^([a-z0-9.-]+\/)?v[0-9][a-z0-9]*$/)
                  .meta({ description: 'API version.', examples: ['networking.k8s.io/v1'] }),
                kind: z
                  .string()
                  .regex(/^[A-Z][A-Za-z0-9]{0,62}$/)
                  .meta({ description: 'Kind.', examples: ['Ingress'] }),
                name: z
                  .string()
                  .max(253)
                  .regex(new RegExp(DNS_1123_SUBDOMAIN))
                  .meta({ description: 'Name, in the namespace.', examples: ['storefront'] }),
              })
              .meta({
                title: 'DescribedObject',
                description: 'The object the metric describes.',
                examples: [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'storefront' }],
              }),
            metric: metricIdentifier,
            target: z.union([value, averageValue]).meta(targetRule('Value or AverageValue')),
          })
          .meta({
            description: 'The object, its metric and the value aimed for.',
            examples: [
              {
                describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'storefront' },
                metric: { name: 'requests_per_second' },
                target: { type: 'Value', value: '2k' },
              },
            ],
          }),
      })
      .meta({
        title: 'ObjectMetric',
        description: 'A metric of another object in the namespace, such as requests per second of an Ingress.',
      }),
    z
      .strictObject({
        type: z.literal('External').meta({ description: 'The kind of metric: a metric from outside the cluster.', examples: ['External'] }),
        external: z
          .strictObject({
            metric: metricIdentifier,
            target: z.union([value, averageValue]).meta(targetRule('Value or AverageValue')),
          })
          .meta({
            description: 'The external metric and the value aimed for.',
            examples: [{ metric: { name: 'kafka_consumergroup_lag' }, target: { type: 'AverageValue', averageValue: '1000' } }],
          }),
      })
      .meta({
        title: 'ExternalMetric',
        description: 'A metric from outside the cluster, such as the lag of a Kafka consumer group or a queue length.',
      }),
  ])
  .meta({
    title: 'Metric',
    'x-rule': 'a metric of type Resource, Pods, Object or External with the one field its type names (resource, pods, object or external)',
    'x-fix':
      'write it like { type: External, external: { metric: { name: kafka_consumergroup_lag }, target: { type: AverageValue, averageValue: "1000" } } }',
  });

const scalingRules = (direction: string, defaultText: string) =>
  z
    .strictObject({
      stabilizationWindowSeconds: wholeNumberBetween(
        0,
        3600,
        'seconds',
        `How far back the autoscaler looks for the highest (scale-down) or lowest (scale-up) recommendation before scaling ${direction}.`,
      )
        .optional()
        .meta({ 'x-default': direction === 'down' ? '300' : '0', examples: [600] }),
      selectPolicy: z
        .enum(['Max', 'Min', 'Disabled'])
        .optional()
        .meta({
          description: 'Which policy wins when several apply: Max (the largest change), Min, or Disabled (never scale this way).',
          'x-default': 'Max',
          examples: ['Min'],
        }),
      policies: z
        .array(
          z
            .strictObject({
              type: z
                .enum(['Pods', 'Percent'])
                .meta({ description: 'Pods: a number of pods. Percent: a share of the current pods.', examples: ['Percent'] }),
              value: wholeNumber(1, 'pods or percent', 'How much may change in one period.').meta({ examples: [10] }),
              periodSeconds: wholeNumberBetween(1, 1800, 'seconds', 'The period the value applies to.').meta({ examples: [60] }),
            })
            .meta({ title: 'ScalingPolicy', description: 'At most this change per period.' }),
        )
        .min(1)
        .optional()
        .meta({
          description: 'Limits on the change per period.',
          'x-default': defaultText,
          examples: [[{ type: 'Percent', value: 10, periodSeconds: 60 }]],
        }),
    })
    .optional()
    .meta({
      title: direction === 'up' ? 'ScaleUpRules' : 'ScaleDownRules',
      description: `How the autoscaler scales ${direction}.`,
      examples: [{ stabilizationWindowSeconds: 600, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] }],
      'x-default': `the API's: ${defaultText}`,
    });

export const autoscalingBehavior = z
  .strictObject({
    scaleUp: scalingRules('up', 'double or add 4 pods every 15 s, whichever is more'),
    scaleDown: scalingRules('down', 'remove up to all surplus pods every 15 s, after a 300 s window'),
  })
  .optional()
  .meta({
    title: 'ScalingBehavior',
    description: 'The autoscaling/v2 behavior: how fast the autoscaler scales up and down.',
    'x-default': "the API's defaults",
    examples: [{ scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] } }],
  });

export const autoscalingMetrics = z
  .array(metric)
  .min(1)
  .optional()
  .meta({
    description:
      'Further metrics the autoscaler scales on, besides the CPU target (it takes the largest number of pods any metric asks for): memory, a per-pod metric, a metric of another object, or an external one such as the lag of a Kafka consumer group.',
    'x-default': 'none: CPU only',
    examples: [
      [
        {
          type: 'External',
          external: { metric: { name: 'kafka_consumergroup_lag' }, target: { type: 'AverageValue', averageValue: '1000' } },
        },
      ],
    ],
  });
