import { join } from 'node:path';
import { crdValidator } from './crd-schema';
import { kubernetesSchemaErrors } from './kubernetes-schema';
import { MONITORING_GROUP, prometheusOperatorSchemaErrors } from './prometheus-operator-schema';

/**
 * Strict validation of Gateway API routes against the v1.2.1 CRDs (test/fixtures/gateway-api), as
 * the core objects are validated against the Kubernetes 1.28 OpenAPI document: closed objects,
 * required fields, enums, patterns and lengths. The CEL rules (`x-kubernetes-validations`) that
 * apply to the routes this project writes are checked by hand below, each as the CRD states it.
 */
type Node = Record<string, unknown>;
const CRDS = join(__dirname, '..', 'fixtures', 'gateway-api', 'v1.2.1');
const GROUP = 'gateway.networking.k8s.io';
const FILES: Record<string, string> = {
  HTTPRoute: 'gateway.networking.k8s.io_httproutes.yaml',
  GRPCRoute: 'gateway.networking.k8s.io_grpcroutes.yaml',
};

const schemaErrors = crdValidator(CRDS, GROUP, 'v1', FILES);

const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const GRPC_METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** The CEL rules of the CRDs that the routes written here could break, with the CRD's messages. */
export function gatewayRouteRuleErrors(route: { kind?: string; spec?: Node }): string[] {
  const errors: string[] = [];
  const spec = (route.spec ?? {}) as Node;
  const parents = (spec.parentRefs ?? []) as Node[];
  const sameParent = (a: Node, b: Node) =>
    (a.group ?? GROUP) === (b.group ?? GROUP) &&
    (a.kind ?? 'Gateway') === (b.kind ?? 'Gateway') &&
    a.name === b.name &&
    (a.namespace ?? '') === (b.namespace ?? '');
  parents.forEach((parent, index) => {
    const same = parents.filter((other) => sameParent(parent, other));
    if (same.some((other) => ((other.sectionName ?? '') === '') !== ((parent.sectionName ?? '') === ''))) {
      errors.push(
        `/spec/parentRefs/${index}: sectionName must be specified when parentRefs includes 2 or more references to the same parent`,
      );
    }
    if (same.filter((other) => (other.sectionName ?? '') === (parent.sectionName ?? '')).length !== 1) {
      errors.push(`/spec/parentRefs/${index}: sectionName must be unique when parentRefs includes 2 or more references to the same parent`);
    }
  });
  const rules = (spec.rules ?? []) as Node[];
  const matchCount = rules.reduce((count, rule) => count + ((rule.matches as unknown[] | undefined)?.length ?? 0), 0);
  if (route.kind === 'HTTPRoute' && matchCount > 128)
    errors.push('/spec/rules: the total number of matches across all rules in a route must be less than 128');
  rules.forEach((rule, ruleIndex) => {
    for (const [refIndex, reference] of ((rule.backendRefs ?? []) as Node[]).entries()) {
      if ((reference.group ?? '') === '' && (reference.kind ?? 'Service') === 'Service' && reference.port === undefined) {
        errors.push(`/spec/rules/${ruleIndex}/backendRefs/${refIndex}: Must have port for Service reference`);
      }
    }
    for (const [matchIndex, match] of ((rule.matches ?? []) as Node[]).entries()) {
      const where = `/spec/rules/${ruleIndex}/matches/${matchIndex}`;
      const path = match.path as { type?: string; value?: string } | undefined;
      if (path && ['Exact', 'PathPrefix'].includes(path.type ?? 'PathPrefix')) {
        const value = path.value ?? '/';
        if (!value.startsWith('/')) errors.push(`${where}/path: value must be an absolute path and start with '/'`);
        for (const part of ['//', '/./', '/../', '%2f', '%2F', '#'])
          if (value.includes(part)) errors.push(`${where}/path: must not contain '${part}'`);
        for (const end of ['/..', '/.']) if (value.endsWith(end)) errors.push(`${where}/path: must not end with '${end}'`);
        if (!PATH_CHARACTERS.test(value)) errors.push(`${where}/path: must only contain valid characters`);
      }
      const method = match.method as { type?: string; service?: string; method?: string } | undefined;
      if (method) {
        if (method.service === undefined && method.method === undefined)
          errors.push(`${where}/method: One or both of 'service' or 'method' must be specified`);
        if ((method.type ?? 'Exact') === 'Exact') {
          if (method.service !== undefined && !GRPC_SERVICE.test(method.service))
            errors.push(`${where}/method: service must only contain valid characters`);
          if (method.method !== undefined && !GRPC_METHOD.test(method.method))
            errors.push(`${where}/method: method must only contain valid characters`);
        }
      }
    }
  });
  return errors;
}

/** Errors of one Gateway API route against its CRD, its CEL rules included; empty when it is valid. */
export function gatewayApiSchemaErrors(object: { apiVersion?: string; kind?: string; spec?: Node }): string[] {
  const errors = schemaErrors(object);
  if (errors[0]?.startsWith('unknown apiVersion/kind')) return errors;
  return [...errors, ...gatewayRouteRuleErrors(object)];
}

/**
 * Errors of any object this project writes: Gateway API routes and Prometheus Operator monitors
 * against their CRDs, everything else against Kubernetes 1.28.
 */
export function objectSchemaErrors(object: { apiVersion?: string; kind?: string }): string[] {
  if (object.apiVersion?.startsWith(`${MONITORING_GROUP}/`)) return prometheusOperatorSchemaErrors(object);
  return object.apiVersion?.startsWith(`${GROUP}/`) ? gatewayApiSchemaErrors(object) : kubernetesSchemaErrors(object);
}
