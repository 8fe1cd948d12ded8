import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';

/** Environment variables by name, in name order (Helm ranges over maps in key order). */
export function envVars(env: Readonly<Record<string, string>>): Json<k8s.EnvVar>[] {
  return Object.keys(env)
    .sort()
    .map((name) => ({ name, value: env[name] }));
}
