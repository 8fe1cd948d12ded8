import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';
import { POD_FIELD_PATHS } from '../../../declaration/env';
import type { EnvEntry, EnvFromSource, SecretKey } from '../../../declaration/workload-spec';

/** The variables in the order resolveEnv decided (a map's in name order, a list's as written). */
export function envVars(entries: readonly EnvEntry[]): Json<k8s.EnvVar>[] {
  return entries.map((entry) => {
    const { value, valueFrom } = envValue(entry);
    return { name: entry.name, value, valueFrom };
  });
}

function keyReference({ name, key, optional }: SecretKey) {
  return { name, key, optional };
}

function envValue(entry: EnvEntry): Pick<Json<k8s.EnvVar>, 'value' | 'valueFrom'> {
  if (entry.value !== undefined) return { value: entry.value };
  if (entry.secret !== undefined) return { valueFrom: { secretKeyRef: keyReference(entry.secret) } };
  if (entry.configMap !== undefined) return { valueFrom: { configMapKeyRef: keyReference(entry.configMap) } };
  if (entry.pod !== undefined) return { valueFrom: { fieldRef: { fieldPath: POD_FIELD_PATHS[entry.pod] } } };
  const { field, divisor } = entry.resource!;
  return { valueFrom: { resourceFieldRef: { resource: field, divisor } } };
}

/** Whole Secrets and ConfigMaps as variables, in the order declared. */
export function envFromSources(sources: readonly EnvFromSource[]): Json<k8s.EnvFromSource>[] {
  return sources.map((source) => {
    const reference = { name: (source.secret ?? source.configMap)!, optional: source.optional };
    return {
      prefix: source.prefix,
      secretRef: source.secret !== undefined ? reference : undefined,
      configMapRef: source.secret === undefined ? reference : undefined,
    };
  });
}
