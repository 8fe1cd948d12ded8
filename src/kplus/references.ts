import type { IConfigMap, ISecret } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DeclarationError, type Problem } from '../declaration/errors';

/**
 * Wherever the declaration names an existing Secret or ConfigMap, a cdk8s-plus-28 object may stand
 * instead of its name (`kplus.Secret`, `kplus.Secret.fromSecretName(…)`, `kplus.ConfigMap`, …): the
 * constructs of `hardened-workloads/kplus` read its name before validation, so both faces still see
 * the same plain declaration. This lives apart from the main entry point so that apps which do not
 * use cdk8s-plus-28 never load its type declarations. The places are the fields whose key says what they name:
 * `secret` and `configMap` (a name, or `{ name, key }`), `imagePullSecrets` and
 * `ingress.tlsSecretName`.
 */
const REFERENCE_FIELDS = {
  secret: 'secrets',
  configMap: 'configmaps',
  imagePullSecrets: 'secrets',
  tlsSecretName: 'secrets',
} as const;
type ResourceType = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];
const KIND_OF: Record<ResourceType, string> = { secrets: 'Secret', configmaps: 'ConfigMap' };

type Reference<V, R> = V extends string ? V | R : V extends object ? { [K in keyof V]: K extends 'name' ? V[K] | R : V[K] } : V;
/** A name, `{ name, key }`, or a list of names (`imagePullSecrets`). */
type ReferenceField<V, R> = [Extract<V, readonly unknown[]>] extends [never]
  ? Reference<V, R>
  : Reference<Extract<V, readonly unknown[]>[number], R>[] | Exclude<V, readonly unknown[]>;

/**
 * What is read of a cdk8s-plus-28 Secret: its name, and that it is a Secret (a ConfigMap has no
 * `envValue`, so the compiler refuses one here). Narrower than `kplus.ISecret` on purpose: under
 * `exactOptionalPropertyTypes` cdk8s-plus-28's own classes do not satisfy its interfaces (their
 * `resourceName` is optional), so `new kplus.Secret(...)` would not be an `ISecret` there.
 */
export type SecretReference = Pick<ISecret, 'name' | 'kind' | 'node' | 'envValue'>;
/** What is read of a cdk8s-plus-28 ConfigMap: its name (narrower than `kplus.IConfigMap` for the same reason). */
export type ConfigMapReference = Pick<IConfigMap, 'name' | 'kind' | 'node'>;

/** A declaration type in which every Secret or ConfigMap name may also be the cdk8s-plus-28 object. */
export type WithObjectReferences<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer Item)[]
    ? WithObjectReferences<Item>[]
    : T extends object
      ? {
          [K in keyof T]: K extends 'secret' | 'imagePullSecrets' | 'tlsSecretName'
            ? ReferenceField<T[K], SecretReference>
            : K extends 'configMap'
              ? ReferenceField<T[K], ConfigMapReference>
              : WithObjectReferences<T[K]>;
        }
      : T;

/** The declaration with every cdk8s-plus-28 Secret or ConfigMap replaced by its name; the same object when it has none. */
export function withReferenceNames<T>(props: WithObjectReferences<T>): T {
  const problems: Problem[] = [];
  const named = replaceReferences(props, '', undefined, problems);
  if (problems.length > 0) throw new DeclarationError(`"${String((props as { name?: unknown }).name)}"`, problems);
  return named as T;
}

function replaceReferences(value: unknown, path: string, expected: ResourceType | undefined, problems: Problem[]): unknown {
  if (Construct.isConstruct(value)) return referenceName(value, path, expected, problems);
  if (Array.isArray(value)) {
    const items = value.map((item, index) => replaceReferences(item, `${path}[${index}]`, expected, problems));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(value)) {
    const next = key in REFERENCE_FIELDS ? REFERENCE_FIELDS[key as keyof typeof REFERENCE_FIELDS] : key === 'name' ? expected : undefined;
    const replaced = replaceReferences(child, path === '' ? key : `${path}.${key}`, next, problems);
    if (replaced !== child) (copy ??= { ...value })[key] = replaced;
  }
  return copy ?? value;
}

function referenceName(value: Construct, path: string, expected: ResourceType | undefined, problems: Problem[]): unknown {
  const { name, resourceType } = value as Construct & { name?: unknown; resourceType?: unknown };
  const shown = `${value.constructor.name} ${typeof name === 'string' ? name : value.node.path}`;
  if (expected === undefined || resourceType !== expected || typeof name !== 'string') {
    problems.push({
      path,
      value: shown,
      rule:
        expected === undefined
          ? 'only a Secret or ConfigMap name may be given as a cdk8s-plus-28 object'
          : `${path} names a ${KIND_OF[expected]}`,
      fix:
        expected === undefined
          ? 'write the value itself'
          : `give a kplus.${KIND_OF[expected]} (e.g. kplus.${KIND_OF[expected]}.from${KIND_OF[expected]}Name(this, 'id', 'name')) or its name`,
    });
    return value;
  }
  return name;
}
