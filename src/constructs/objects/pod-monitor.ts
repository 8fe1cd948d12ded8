import type { ResolvedWorkload } from '../../declaration/resolve';
import type { ParsedSpec } from '../../declaration/schema';
import { objectMetadata, selectorLabels } from '../metadata';
import { MONITORING_API_VERSION, scrapeEndpoint } from './service-monitor';

/**
 * A Prometheus Operator PodMonitor (monitoring.coreos.com/v1) for the kinds without a Service of
 * their own to select (src/kinds/table.ts): it selects the pods by the selector labels and scrapes
 * the container port by name.
 */
export function podMonitor(workload: ResolvedWorkload, metrics: NonNullable<ParsedSpec['metrics']>, port: string) {
  return {
    apiVersion: MONITORING_API_VERSION,
    kind: 'PodMonitor',
    metadata: objectMetadata(workload, undefined, 'PodMonitor'),
    spec: { selector: { matchLabels: selectorLabels(workload) }, podMetricsEndpoints: [scrapeEndpoint(metrics, port)] },
  };
}
