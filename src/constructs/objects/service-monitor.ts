import type { ResolvedWorkload } from '../../declaration/resolve';
import type { ParsedSpec } from '../../declaration/schema';
import { METRICS_DEFAULTS } from '../../declaration/schema/metrics';
import { objectMetadata, selectorLabels } from '../metadata';

/** The version of the Prometheus Operator's CRDs the monitors are written for (and validated against in the tests). */
export const MONITORING_API_VERSION = 'monitoring.coreos.com/v1';

/** One scrape endpoint, as ServiceMonitor and PodMonitor both write it: the port by name, the path, the interval. */
export function scrapeEndpoint(metrics: NonNullable<ParsedSpec['metrics']>, port: string) {
  return { port, path: metrics.path ?? METRICS_DEFAULTS.path, interval: `${metrics.interval ?? METRICS_DEFAULTS.interval}s` };
}

/**
 * A Prometheus Operator ServiceMonitor (monitoring.coreos.com/v1): it selects the workload's
 * Service by the selector labels the Service carries and scrapes its metrics port by name, in the
 * Service's namespace. cdk8s-plus has no types for custom resources; the fields written here are
 * those of the v0.93.0 CRD, against which the tests validate every monitor.
 */
export function serviceMonitor(workload: ResolvedWorkload, metrics: NonNullable<ParsedSpec['metrics']>, port: string) {
  return {
    apiVersion: MONITORING_API_VERSION,
    kind: 'ServiceMonitor',
    metadata: objectMetadata(workload, undefined, 'ServiceMonitor'),
    spec: { selector: { matchLabels: selectorLabels(workload) }, endpoints: [scrapeEndpoint(metrics, port)] },
  };
}
