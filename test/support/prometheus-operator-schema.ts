import { join } from 'node:path';
import { crdValidator } from './crd-schema';

/**
 * Strict validation of the Prometheus Operator monitors this project writes (ServiceMonitor,
 * PodMonitor) against the v0.93.0 CRDs (test/fixtures/prometheus-operator), as the Gateway API
 * routes are validated against theirs: closed objects, required fields, enums and patterns.
 */
const CRDS = join(__dirname, '..', 'fixtures', 'prometheus-operator', 'v0.93.0');
export const MONITORING_GROUP = 'monitoring.coreos.com';
const FILES: Record<string, string> = {
  ServiceMonitor: 'monitoring.coreos.com_servicemonitors.yaml',
  PodMonitor: 'monitoring.coreos.com_podmonitors.yaml',
};

const schemaErrors = crdValidator(CRDS, MONITORING_GROUP, 'v1', FILES);

/** Errors of one monitor against its CRD; empty when it is valid. */
export function prometheusOperatorSchemaErrors(object: { apiVersion?: string; kind?: string }): string[] {
  return schemaErrors(object);
}
