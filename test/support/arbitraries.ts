import fc from 'fast-check';
import type { WorkloadSpec } from '../../src';
import { deriveTimings } from '../../src/timing/derive';
import { TRAFFIC_PLATFORMS } from '../../src/timing/platforms';
import { ACKNOWLEDGEABLE_INVARIANTS } from '../../src/declaration/ids';

/** One seed for every property, so a failure reproduces on any machine. */
export const SEED = 20261123;

const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const httpPath = fc.stringMatching(/^\/[a-z0-9/_-]{0,20}$/);
const version = fc.integer({ min: 28, max: 33 }).map((minor) => `1.${minor}`);
const reason = fc.constantFrom(
  'preview environment, downtime is acceptable',
  'batch export needs the full window',
  'vendor image, cannot change',
);

/** No entries in three draws of four, else one or two. */
function mostlyNone<T>(entry: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(entry, { maxLength: 0 }) },
    { weight: 1, arbitrary: fc.array(entry, { minLength: 1, maxLength: 2 }) },
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Declaration = Mutable<WorkloadSpec> & Record<string, unknown>;

/**
 * Declarations the library must accept: every form of probe, preStop, replica mode and platform,
 * with the acknowledgements that single replicas and long grace periods need. No overrides.
 */
export const validDeclaration: fc.Arbitrary<WorkloadSpec> = fc
  .record({
    name: dnsLabel,
    instance: fc.option(dnsLabel, { nil: undefined }),
    kind: fc.constantFrom('web', 'worker'),
    port: fc.integer({ min: 1024, max: 65535 }),
    workerHasPort: fc.boolean(),
    replicas: fc.integer({ min: 1, max: 12 }),
    autoscaling: fc.option(
      fc.integer({ min: 1, max: 5 }).chain((min) =>
        fc.record({
          minReplicas: fc.constant(min),
          maxReplicas: fc.integer({ min, max: 30 }),
          targetCPUUtilizationPercentage: fc.integer({ min: 30, max: 90 }),
        }),
      ),
      { nil: undefined },
    ),
    startupMax: fc.integer({ min: 1, max: 900 }),
    typicalShare: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
    drainSeconds: fc.integer({ min: 0, max: 700 }),
    platform: fc.option(fc.constantFrom(...TRAFFIC_PLATFORMS), { nil: undefined }),
    propagationSeconds: fc.option(fc.integer({ min: 0, max: 180 }), { nil: undefined }),
    probeLatencyMs: fc.option(fc.integer({ min: 1, max: 8000 }), { nil: undefined }),
    kubernetesVersion: fc.option(version, { nil: undefined }),
    readiness: fc.oneof(
      httpPath.map((path) => ({ path })),
      fc.constant({ grpc: {} }),
      fc.constant({ exec: ['/bin/ready'] }),
    ),
    liveness: fc.oneof(
      fc.constant(undefined),
      fc.constant({ tcp: true as const }),
      fc.constant(false as const),
      fc.constant({ path: '/livez-distinct' }),
      fc.constant({ exec: ['/bin/alive'] }),
    ),
    startupTarget: fc.option(fc.constant({ path: '/startupz' }), { nil: undefined }),
    preStopType: fc.constantFrom('auto', 'sleep', 'exec', 'http', 'app'),
    distroless: fc.option(fc.boolean(), { nil: undefined }),
    cpu: fc.constantFrom('50m', '250m', '1', '1.5', '2'),
    cpuLimit: fc.constantFrom(undefined, '4', false as const),
    memory: fc.constantFrom('128Mi', '1Gi'),
    egress: fc.boolean(),
    ingressFrom: fc.boolean(),
    initContainers: mostlyNone(fc.record({ maxSeconds: fc.integer({ min: 1, max: 600 }), command: fc.boolean() })),
    sidecars: mostlyNone(
      fc.record({
        health: fc.constantFrom('none', 'startup', 'readiness', 'both', 'exec'),
        startSeconds: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        stopSeconds: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        ownResources: fc.boolean(),
        distroless: fc.boolean(),
      }),
    ),
    mesh: fc.constantFrom(undefined, undefined, undefined, 'istio', 'linkerd'),
  })
  .map((draw): WorkloadSpec => {
    const declaration: Declaration = {
      name: draw.name,
      image: `registry.example.com/team/${draw.name}:1.${draw.port % 10}.0`,
      kind: draw.kind,
      startup: {
        maxSeconds: draw.startupMax,
        ...(draw.typicalShare !== undefined ? { typicalSeconds: Math.max(1, Math.floor(draw.startupMax * draw.typicalShare)) } : {}),
      },
      drainSeconds: draw.drainSeconds,
      acknowledge: {},
      health: {},
    };
    const acknowledge = declaration.acknowledge as Record<string, string>;
    if (draw.instance) declaration.instance = draw.instance;
    if (draw.kubernetesVersion) declaration.kubernetesVersion = draw.kubernetesVersion;
    if (draw.probeLatencyMs) declaration.probeLatencyMs = draw.probeLatencyMs;
    if (draw.distroless !== undefined) declaration.distroless = draw.distroless;
    const hasPort = draw.kind === 'web' || draw.workerHasPort;
    if (hasPort) declaration.port = draw.port;

    const health = declaration.health as Record<string, unknown>;
    if (draw.kind === 'web' || hasPort) health.readiness = draw.readiness;
    let liveness = draw.liveness;
    // Liveness must differ from readiness, and a worker without a port has no default liveness.
    if (liveness === undefined && !hasPort) liveness = { exec: ['/bin/alive'] };
    if (liveness && !('exec' in liveness) && !hasPort) liveness = { exec: ['/bin/alive'] };
    if (liveness !== undefined) health.liveness = liveness;
    if (liveness === false) acknowledge.noLiveness = 'the process exits by itself when wedged';
    if (draw.startupTarget && hasPort) health.startup = draw.startupTarget;

    if (draw.autoscaling) declaration.autoscaling = draw.autoscaling;
    else declaration.replicas = draw.replicas;
    if ((draw.autoscaling?.minReplicas ?? draw.replicas) < 2) acknowledge.singleReplica = 'preview environment, downtime is acceptable';

    if (draw.kind === 'web') {
      declaration.traffic = {
        ...(draw.platform ? { platform: draw.platform } : {}),
        ...(draw.propagationSeconds !== undefined ? { propagationSeconds: draw.propagationSeconds } : {}),
      };
      const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
      let type = draw.preStopType;
      if (type === 'sleep' && minor < 30) type = 'exec';
      const execSleep = type === 'exec' || (type === 'auto' && minor < 30);
      if (execSleep && draw.distroless) type = 'app';
      declaration.preStop = type === 'http' ? { type, path: '/prestop' } : { type };
    }
    declaration.resources = {
      cpu: draw.cpu,
      memory: draw.memory,
      ...(draw.cpuLimit !== undefined ? { cpuLimit: draw.cpuLimit } : {}),
    };
    if (draw.cpuLimit === false) acknowledge.noCpuLimit = 'latency-critical, throttling is worse than noise';
    declaration.networkPolicy = {
      ...(draw.egress ? { egressTo: [{ cidr: '10.0.0.0/8', ports: [5432] }] } : {}),
      ...(draw.ingressFrom ? { ingressFrom: [{ podLabels: { role: 'frontend' } }] } : {}),
    };

    // Init containers and sidecars, named apart from the workload and each other, ports apart from the serving port.
    const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
    if (draw.initContainers.length > 0) {
      declaration.initContainers = draw.initContainers.map((init, index) => ({
        name: `${draw.name}-init-${index}`,
        image: `registry.example.com/team/${draw.name}:1.${draw.port % 10}.0`,
        ...(init.command ? { command: ['/app/migrate', '--wait'] } : {}),
        maxSeconds: init.maxSeconds,
      }));
    }
    if (draw.sidecars.length > 0) {
      declaration.sidecars = draw.sidecars.map((sidecar, index) => {
        const port = draw.port === 9090 + index ? 9190 + index : 9090 + index;
        const target = sidecar.health === 'exec' ? { exec: ['/bin/up'] } : { path: '/ready' };
        const health =
          sidecar.health === 'none'
            ? undefined
            : sidecar.health === 'both'
              ? { startup: { path: '/startup' }, readiness: target }
              : { [sidecar.health === 'readiness' ? 'readiness' : 'startup']: target };
        return {
          name: `${draw.name}-side-${index}`,
          image: `registry.example.com/team/proxy:2.${index}.0`,
          ports: [{ name: `side-${index}`, port }],
          ...(health ? { health } : {}),
          ...(health && sidecar.startSeconds !== undefined ? { startSeconds: sidecar.startSeconds } : {}),
          ...(sidecar.stopSeconds !== undefined ? { stopSeconds: sidecar.stopSeconds } : {}),
          ...(sidecar.ownResources ? { resources: { cpu: '50m', memory: '64Mi' } } : {}),
          // Only native sidecars (1.29+) may lack a sleep binary.
          ...(sidecar.distroless && minor >= 29 ? { distroless: true } : {}),
        };
      });
    }
    if (draw.mesh) declaration.mesh = draw.mesh;

    const { timings } = deriveTimings({
      kind: draw.kind,
      startupMaxSeconds: draw.startupMax,
      startupTypicalSeconds: (declaration.startup as { typicalSeconds?: number }).typicalSeconds,
      drainSeconds: draw.drainSeconds,
      platform: draw.platform ?? 'kube-proxy',
      propagationSeconds: draw.propagationSeconds,
      probeLatencyMs: draw.probeLatencyMs ?? 500,
      kubernetesVersion: draw.kubernetesVersion ?? '1.28',
      preStopType: (declaration.preStop as { type?: 'auto' } | undefined)?.type ?? 'auto',
      // Only the grace period is read here, and it does not depend on the probes.
      probes: { readiness: true, liveness: true, startup: true },
      overrides: {},
      sidecars: draw.sidecars.map((sidecar, index) => ({ name: `side-${index}`, readiness: false, stopSeconds: sidecar.stopSeconds ?? 5 })),
    });
    if (timings.terminationGracePeriodSeconds > 600) acknowledge.graceLimit = 'batch export needs the full window';
    return declaration as WorkloadSpec;
  });

/** Mostly absent: a declaration overrides a few values, not all of them. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}
const overrideValue = rarely(fc.integer({ min: 1, max: 400 }));
const overrideSeconds = rarely(fc.integer({ min: 0, max: 400 }));

/** Random overrides, many of which break an invariant; with random acknowledgements. */
export const overrides = fc.record({
  overrides: fc.record(
    {
      readiness: fc.record({ periodSeconds: overrideValue, timeoutSeconds: overrideValue, failureThreshold: overrideValue }),
      liveness: fc.record({ periodSeconds: overrideValue, failureThreshold: overrideValue, terminationGracePeriodSeconds: overrideValue }),
      startup: fc.record({ periodSeconds: overrideValue, failureThreshold: overrideValue }),
      preStopSeconds: overrideSeconds,
      terminationGracePeriodSeconds: overrideValue,
      minReadySeconds: overrideSeconds,
      progressDeadlineSeconds: overrideValue,
      maxSurge: rarely(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '10%', '50%'))),
      maxUnavailable: rarely(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('0%', '25%'))),
    },
    { requiredKeys: [] },
  ),
  acknowledge: fc.subarray([...ACKNOWLEDGEABLE_INVARIANTS], { maxLength: 2 }),
  reason,
});

/** Removes undefined leaves so declarations look like parsed YAML. */
export function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
