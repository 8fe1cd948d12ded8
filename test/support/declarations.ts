import type { WorkloadSpec } from '../../src';

/** A small valid web declaration that tests change one field at a time. */
export const CHECKOUT: WorkloadSpec = {
  name: 'checkout',
  image: 'ghcr.io/acme/checkout:1.4.2',
  port: 8080,
  replicas: 3,
  health: { readiness: { path: '/readyz' } },
  startup: { typicalSeconds: 20, maxSeconds: 90 },
  drainSeconds: 30,
  probeLatencyMs: 300,
};

/** CHECKOUT with some fields replaced (undefined removes a field). */
export function checkoutWith(changes: Record<string, unknown>): WorkloadSpec {
  const declaration: Record<string, unknown> = { ...CHECKOUT, ...changes };
  for (const key of Object.keys(declaration)) if (declaration[key] === undefined) delete declaration[key];
  return declaration as WorkloadSpec;
}
