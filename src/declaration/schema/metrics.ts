import { z } from 'zod';
import { ingressPeers } from './network-policy';
import { PATH, PATH_RULE, seconds } from './primitives';

/**
 * What `metrics` means where it leaves a field out; the scraper is admitted by default from the
 * namespace where a cluster's Prometheus usually runs. Filled in when the objects are built rather
 * than by the schema, so that a kind that does not take `metrics` is told about the value written.
 */
export const METRICS_DEFAULTS = {
  path: '/metrics',
  interval: 30,
  from: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }],
} as const;

/**
 * Metrics scraped by the Prometheus Operator: a ServiceMonitor for kind web, a PodMonitor for the
 * kinds that run until deleted without a Service of their own (src/kinds/table.ts), and the
 * scraper admitted to the metrics port in the NetworkPolicy.
 */
export const metrics = z
  .strictObject({
    port: z
      .string()
      .optional()
      .meta({
        description: 'Name of the port serving the metrics: one of `ports`, or the serving port (named after `protocol`).',
        'x-default': 'the serving port',
        examples: ['metrics'],
      }),
    path: z
      .string()
      .regex(new RegExp(PATH))
      .optional()
      .meta({
        description: 'HTTP path of the metrics.',
        'x-default': METRICS_DEFAULTS.path,
        examples: ['/metrics'],
        'x-rule': PATH_RULE,
        'x-fix': 'write it like /metrics',
      }),
    interval: seconds(1, 'Time between two scrapes.')
      .optional()
      .meta({ 'x-default': String(METRICS_DEFAULTS.interval), examples: [15] }),
    from: ingressPeers.optional().meta({
      'x-default': 'the namespace labelled kubernetes.io/metadata.name: monitoring',
      description: 'Who scrapes: the NetworkPolicy admits them to the metrics port.',
      examples: [[{ namespaceLabels: { 'kubernetes.io/metadata.name': 'observability' } }]],
    }),
  })
  .meta({
    title: 'MetricsSettings',
    description:
      'Prometheus metrics: a Prometheus Operator ServiceMonitor (kind web) or PodMonitor (kinds worker, stateful, daemon), and the scraper admitted to the metrics port.',
    examples: [{ port: 'metrics', interval: 15 }],
  });
