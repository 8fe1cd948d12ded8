import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * Strict validation of Kubernetes objects against the v1.28.0 OpenAPI document, in the manner of
 * kubeconform --strict: closed objects, int-or-string as either, definitions chosen by GVK.
 */
type Node = Record<string, unknown>;
const SWAGGER = join(__dirname, '..', 'fixtures', 'kubernetes-api', 'v1.28.0', 'swagger.json');

/** Added in Kubernetes 1.29 (beta, on by default, in 1.30): the kubelet sleeps before SIGTERM. */
const SLEEP_ACTION: Node = {
  type: 'object',
  required: ['seconds'],
  properties: { seconds: { type: 'integer', format: 'int64' } },
  additionalProperties: false,
};

function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Node;
  if (source.format === 'int-or-string') return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
  const result: Node = {};
  for (const [key, value] of Object.entries(source)) {
    // `properties` maps field names to schemas: recurse into the schemas, not into the map itself.
    result[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Node).map(([name, schema]) => [name, strict(schema)]))
        : strict(value);
  }
  if (source.properties !== undefined && source.additionalProperties === undefined) result.additionalProperties = false;
  return result;
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

class KubernetesSchema {
  private readonly ajv: Ajv;
  private readonly byGvk = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const swagger = JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, Node> };
    const definitions = strict(swagger.definitions) as Record<string, Node>;
    definitions['io.k8s.api.core.v1.SleepAction'] = SLEEP_ACTION;
    const lifecycleHandler = definitions['io.k8s.api.core.v1.LifecycleHandler']!;
    (lifecycleHandler.properties as Node).sleep = { $ref: '#/definitions/io.k8s.api.core.v1.SleepAction' };

    for (const [name, definition] of Object.entries(definitions)) {
      for (const gvk of (definition['x-kubernetes-group-version-kind'] as Gvk[] | undefined) ?? []) {
        this.byGvk.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
      }
    }
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    this.ajv.addSchema({ $id: 'kubernetes', definitions });
  }

  /** Every error in the object, as `path: message` lines; empty when it is valid. */
  errors(object: { apiVersion?: string; kind?: string }): string[] {
    const key = `${object.apiVersion}/${object.kind}`;
    const definition = this.byGvk.get(key);
    if (!definition) return [`unknown apiVersion/kind ${key}`];
    let validate = this.compiled.get(definition);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `kubernetes#/definitions/${definition}` });
      this.compiled.set(definition, validate);
    }
    return validate(object) ? [] : (validate.errors ?? []).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
  return `${error.instancePath || '/'}: ${error.message}${extra}`;
}

let shared: KubernetesSchema | undefined;

/** Errors of one object against the Kubernetes 1.28 API (plus the 1.30 sleep action). */
export function kubernetesSchemaErrors(object: { apiVersion?: string; kind?: string }): string[] {
  shared ??= new KubernetesSchema();
  return shared.errors(object);
}
