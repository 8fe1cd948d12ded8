import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/**
 * Strict validation against a CustomResourceDefinition's served schema, shared by the Gateway API
 * and Prometheus Operator fixtures: every object with properties is closed (the API server prunes
 * unknown fields silently, so a typo would pass unnoticed), required fields, enums and patterns.
 * CEL rules (`x-kubernetes-validations`) and formats are left to the caller.
 */
type Node = Record<string, unknown>;

/** The CRD's schema with every object that lists properties closed. */
export function strictCrdSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictCrdSchema);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Node;
  const result: Node = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'x-kubernetes-validations') continue;
    result[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Node).map(([name, schema]) => [name, strictCrdSchema(schema)]))
        : strictCrdSchema(value);
  }
  if (source.properties !== undefined && source.additionalProperties === undefined && !source['x-kubernetes-preserve-unknown-fields']) {
    result.additionalProperties = false;
  }
  return result;
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
  return `${error.instancePath || '/'}: ${error.message}${extra}`;
}

/**
 * Schema errors of objects of `group/version` against the CRD files in `folder` (one per kind),
 * compiled once each; an unknown apiVersion or kind is an error of its own.
 */
export function crdValidator(folder: string, group: string, version: string, files: Readonly<Record<string, string>>) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const compiled = new Map<string, ValidateFunction>();
  function validator(kind: string): ValidateFunction | undefined {
    const file = files[kind];
    if (!file) return undefined;
    let validate = compiled.get(kind);
    if (!validate) {
      const crd = parse(readFileSync(join(folder, file), 'utf8')) as {
        spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: unknown } }> };
      };
      const served = crd.spec.versions.find((entry) => entry.name === version)!;
      validate = ajv.compile(strictCrdSchema(served.schema.openAPIV3Schema) as Node);
      compiled.set(kind, validate);
    }
    return validate;
  }
  return (object: { apiVersion?: string; kind?: string }): string[] => {
    const validate = object.apiVersion === `${group}/${version}` ? validator(String(object.kind)) : undefined;
    if (!validate) return [`unknown apiVersion/kind ${object.apiVersion}/${object.kind}`];
    return validate(object) ? [] : (validate.errors ?? []).map(describe);
  };
}
