import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { strictCrdSchema } from './gateway-api-schema';

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

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

function validator(kind: string): ValidateFunction | undefined {
  const file = FILES[kind];
  if (!file) return undefined;
  let validate = compiled.get(kind);
  if (!validate) {
    const crd = parse(readFileSync(join(CRDS, file), 'utf8')) as {
      spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: unknown } }> };
    };
    const served = crd.spec.versions.find((version) => version.name === 'v1')!;
    validate = ajv.compile(strictCrdSchema(served.schema.openAPIV3Schema) as Record<string, unknown>);
    compiled.set(kind, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
  return `${error.instancePath || '/'}: ${error.message}${extra}`;
}

/** Errors of one monitor against its CRD; empty when it is valid. */
export function prometheusOperatorSchemaErrors(object: { apiVersion?: string; kind?: string }): string[] {
  const validate = object.apiVersion === `${MONITORING_GROUP}/v1` ? validator(String(object.kind)) : undefined;
  if (!validate) return [`unknown apiVersion/kind ${object.apiVersion}/${object.kind}`];
  return validate(object) ? [] : (validate.errors ?? []).map(describe);
}
