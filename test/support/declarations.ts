import type { RunInput, TimingInput, WorkloadSpec } from '../../src';

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

/** An init container and a sidecar that tests add to CHECKOUT, changing a field or two. */
export const MIGRATE = { name: 'migrate', image: 'ghcr.io/acme/checkout:1.4.2', command: ['/app/migrate'], maxSeconds: 300 };
export const CLOUD_SQL_PROXY = {
  name: 'cloud-sql-proxy',
  image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1-alpine',
  ports: [{ name: 'proxy-health', port: 9090 }],
  health: { startup: { path: '/startup' } },
  stopSeconds: 10,
};

/** CHECKOUT with some fields replaced (undefined removes a field). */
export function checkoutWith(changes: Record<string, unknown>): WorkloadSpec {
  const declaration: Record<string, unknown> = { ...CHECKOUT, ...changes };
  for (const key of Object.keys(declaration)) if (declaration[key] === undefined) delete declaration[key];
  return declaration as unknown as WorkloadSpec;
}

/** The Deployment annotations CHECKOUT synthesizes to: the reference timings, for reviewers. */
export const CHECKOUT_ANNOTATIONS = {
  'hardened-workloads.io/declared':
    'startupMaxSeconds=90 startupTypicalSeconds=20 drainSeconds=30 propagationSeconds=10 probeLatencyMs=300',
  'hardened-workloads.io/timings': [
    'startup: window 135s (3s x 45), timeout 2s, max start 90s',
    'readiness: window 15s (5s x 3), timeout 2s',
    'liveness: window 30s (10s x 3), timeout 2s, propagation 10s',
    'shutdown: preStop 10s (exec) + drain 30s + margin 5s = grace 45s',
    'rollout: maxSurge 25%, maxUnavailable 0, minReadySeconds 15, progressDeadlineSeconds 600',
  ].join('\n'),
};

/** A small valid job declaration that tests change one field at a time. */
export const MIGRATION: WorkloadSpec = {
  name: 'orders-migrate',
  kind: 'job',
  image: 'ghcr.io/acme/orders-migrate:2.3.0',
  run: { maxSeconds: 1800 },
  drainSeconds: 20,
};

/** A small valid cronjob declaration: the migration's image, run nightly. */
export const NIGHTLY: WorkloadSpec = {
  name: 'nightly-report',
  kind: 'cronjob',
  image: 'ghcr.io/acme/sales-report:4.1.0',
  schedule: { cron: '0 2 * * *' },
  run: { maxSeconds: 3600 },
  drainSeconds: 30,
};

/** NIGHTLY with some fields replaced (undefined removes a field). */
export function nightlyWith(changes: Record<string, unknown>): WorkloadSpec {
  return withChanges(NIGHTLY, changes);
}

function withChanges(base: WorkloadSpec, changes: Record<string, unknown>): WorkloadSpec {
  const declaration: Record<string, unknown> = { ...base, ...changes };
  for (const key of Object.keys(declaration)) if (declaration[key] === undefined) delete declaration[key];
  return declaration as unknown as WorkloadSpec;
}

/** MIGRATION with some fields replaced (undefined removes a field). */
export function migrationWith(changes: Record<string, unknown>): WorkloadSpec {
  return withChanges(MIGRATION, changes);
}

/** The timing input of a job draining for 20 s, with this run and optionally a 'wait' init container. */
export function jobTimingInput(run: RunInput, initMaxSeconds?: number): TimingInput {
  return {
    kind: 'job',
    drainSeconds: 20,
    platform: 'kube-proxy',
    probeLatencyMs: 500,
    kubernetesVersion: '1.28',
    preStopType: 'auto',
    overrides: {},
    probes: { readiness: false, liveness: false, startup: false },
    ...(initMaxSeconds !== undefined ? { initContainers: [{ name: 'wait', maxSeconds: initMaxSeconds }] } : {}),
    run,
  };
}
