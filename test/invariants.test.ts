import { parseManifests } from '../src/files/manifests';
import { checkInvariants, type InvariantResult } from '../src';
import type { LoadBalancerFacts, WorkloadFacts } from '../src/invariants/facts';
import { workloadsFromManifests } from '../src/manifests/facts';

/** A manifest as many charts ship it: one /health endpoint for both probes, API defaults elsewhere. */
const NAIVE = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy }
spec:
  replicas: 3
  selector: { matchLabels: { app: legacy } }
  template:
    metadata: { labels: { app: legacy } }
    spec:
      containers:
        - name: app
          image: legacy:1.0.0
          ports: [{ name: http, containerPort: 8080 }]
          readinessProbe: { httpGet: { path: /health, port: http } }
          livenessProbe: { httpGet: { path: /health, port: 8080 } }
---
apiVersion: v1
kind: Service
metadata: { name: legacy }
spec: { selector: { app: legacy }, ports: [{ port: 80, targetPort: http }] }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: legacy }
spec: { minAvailable: 3, selector: { matchLabels: { app: legacy } } }
`;

const status = (results: InvariantResult[]) => Object.fromEntries(results.map((result) => [result.id, result.status]));

describe('checking a manifest this project did not make', () => {
  const [workload] = workloadsFromManifests(parseManifests(NAIVE, 'NAIVE'));

  test('reads API defaults for the fields it leaves out', () => {
    expect(workload!.facts).toMatchObject({
      servesTraffic: true,
      preStopSeconds: 0,
      terminationGracePeriodSeconds: 30,
      maxUnavailable: '25%',
      readiness: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, handler: 'httpGet HTTP :8080/health' },
    });
  });

  test('finds every flaw the seeds describe, and says which checks need declared times', () => {
    expect(status(checkInvariants(workload!.facts, workload!.declared))).toEqual({
      startupWindow: 'unknown', // no startup probe: liveness tolerates its initial delay + window, the slowest start is not declared
      deadlineCoversAttempts: 'holds', // not a Job
      runFitsSchedule: 'holds', // not a CronJob
      attemptFitsDeadline: 'holds', // not a Job
      sidecarsOutliveDrain: 'holds', // no sidecars
      probeSuccessThreshold: 'holds',
      livenessAfterReadiness: 'violated', // both windows 30 s
      distinctProbes: 'violated', // the same /health endpoint (port by name and by number)
      readinessTimeout: 'violated', // the 1 s default
      preStopCoversPropagation: 'violated', // a Service sends it traffic and it has no preStop delay at all
      graceCoversShutdown: 'unknown',
      probeGrace: 'holds',
      surgeWhenNoUnavailable: 'holds',
      progressDeadline: 'unknown',
      pdbAllowsDisruption: 'violated', // minAvailable = replicas blocks every drain
      graceLimit: 'holds',
      deregistrationDelay: 'holds', // no load balancer with IP targets
      loadBalancerHealthCheck: 'holds',
      ephemeralStorageCoversFolders: 'holds', // no ephemeral-storage limit
    });
  });

  test('with declared times, the shutdown invariants can be decided', () => {
    const results = checkInvariants(workload!.facts, { startupMaxSeconds: 60, propagationSeconds: 10, drainSeconds: 30 });
    expect(status(results)).toMatchObject({
      preStopCoversPropagation: 'violated',
      graceCoversShutdown: 'violated',
      progressDeadline: 'holds',
    });
    expect(results.find((result) => result.id === 'graceCoversShutdown')).toMatchObject({
      detail: 'grace 30 s vs preStop 0 + drain 30 + 5 = 35 s',
      fix: 'raise terminationGracePeriodSeconds to at least 35',
    });
  });
});

describe('each invariant detects its own violation', () => {
  const good: WorkloadFacts = {
    subject: 'test',
    servesTraffic: true,
    readiness: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3, successThreshold: 1, handler: 'httpGet HTTP :8080/readyz' },
    liveness: {
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
      terminationGracePeriodSeconds: 10,
      handler: 'tcpSocket :8080',
    },
    startup: {
      periodSeconds: 3,
      timeoutSeconds: 2,
      failureThreshold: 45,
      successThreshold: 1,
      terminationGracePeriodSeconds: 10,
      handler: 'tcpSocket :8080',
    },
    preStopSeconds: 10,
    terminationGracePeriodSeconds: 45,
    replicas: 3,
    maxSurge: '25%',
    maxUnavailable: 0,
    minReadySeconds: 15,
    progressDeadlineSeconds: 600,
    podDisruptionBudget: { maxUnavailable: 1 },
    loadBalancers: [
      {
        subject: 'ALB',
        kind: 'aws-alb',
        deregistrationDelaySeconds: 40,
        healthCheck: { protocol: 'HTTP', path: '/readyz', intervalSeconds: 5, timeoutSeconds: 2, unhealthyThresholdCount: 3 },
      },
    ],
  };
  const declared = { startupMaxSeconds: 90, propagationSeconds: 10, drainSeconds: 30 };
  const withHealthCheck = (change: Partial<LoadBalancerFacts['healthCheck']>): Partial<WorkloadFacts> => ({
    loadBalancers: [{ ...good.loadBalancers![0]!, healthCheck: { ...good.loadBalancers![0]!.healthCheck, ...change } }],
  });
  const failing = (facts: WorkloadFacts) =>
    checkInvariants(facts, declared)
      .filter((result) => result.status !== 'holds')
      .map((result) => result.id);

  test('the reference facts satisfy every invariant', () => {
    expect(failing(good)).toEqual([]);
  });
  test.each<[string, Partial<WorkloadFacts>]>([
    ['startupWindow', { startup: { ...good.startup!, failureThreshold: 44 } }],
    ['probeSuccessThreshold', { liveness: { ...good.liveness!, successThreshold: 2 } }],
    ['livenessAfterReadiness', { readiness: { ...good.readiness!, timeoutSeconds: 3 }, ...withHealthCheck({ timeoutSeconds: 3 }) }],
    ['distinctProbes', { liveness: { ...good.liveness!, handler: 'httpGet HTTP :8080/readyz' } }],
    ['readinessTimeout', { readiness: { ...good.readiness!, periodSeconds: 2 } }],
    ['preStopCoversPropagation', { preStopSeconds: 9 }],
    ['graceCoversShutdown', { terminationGracePeriodSeconds: 44 }],
    ['probeGrace', { startup: { ...good.startup!, terminationGracePeriodSeconds: 46 }, terminationGracePeriodSeconds: 45 }],
    ['surgeWhenNoUnavailable', { maxSurge: '0%' }],
    ['progressDeadline', { progressDeadlineSeconds: 149 }],
    ['pdbAllowsDisruption', { podDisruptionBudget: { minAvailable: '100%' } }],
    ['deregistrationDelay', { loadBalancers: [{ ...good.loadBalancers![0]!, deregistrationDelaySeconds: 39 }] }],
    ['loadBalancerHealthCheck', withHealthCheck({ unhealthyThresholdCount: 2 })],
  ])('%s', (id, change) => {
    expect(failing({ ...good, ...change })).toEqual([id]);
  });
  test('graceLimit', () => {
    expect(failing({ ...good, terminationGracePeriodSeconds: 601 })).toEqual(['graceLimit']);
  });
  test.each([
    ['liveness', { liveness: { ...good.liveness!, timeoutSeconds: 10 } }, 'set the liveness periodSeconds to at least 11'],
    ['startup', { startup: { ...good.startup!, timeoutSeconds: 3, failureThreshold: 45 } }, 'set the startup periodSeconds to at least 4'],
    ['startup', { startup: { ...good.startup!, timeoutSeconds: 1 } }, 'set the startup timeoutSeconds to at least 2'],
  ] as const)('readinessTimeout holds every probe to 2 ≤ timeout < period: %s', (probe, change, fix) => {
    const result = checkInvariants({ ...good, ...change }, declared).find((candidate) => candidate.id === 'readinessTimeout');
    expect(result).toMatchObject({ status: 'violated', probe, fix });
  });
  test('a timeout longer than the period stretches the window: the kubelet waits for each attempt', () => {
    // Period 3 s but every attempt takes 6 s to time out: 45 attempts last 270 s, not 135 s.
    const result = checkInvariants({ ...good, startup: { ...good.startup!, timeoutSeconds: 6 } }, declared)[0]!;
    expect(result.detail).toBe('startup window 6 s × 45 = 270 s vs 1.5 × 90 s');
  });
});

describe('the load balancer invariants, with their numbers (grace 45 s, propagation 10 s, drain 30 s)', () => {
  const readiness = { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3, successThreshold: 1, handler: 'httpGet HTTP :8080/readyz' };
  const liveness = { ...readiness, periodSeconds: 10, failureThreshold: 3, handler: 'tcpSocket :8080' };
  const loadBalancer: LoadBalancerFacts = {
    subject: 'Ingress/web (ALB)',
    kind: 'aws-alb',
    deregistrationDelaySeconds: 40,
    healthCheck: { protocol: 'HTTP', path: '/readyz', intervalSeconds: 5, timeoutSeconds: 2, unhealthyThresholdCount: 3 },
  };
  const facts = (change: Partial<LoadBalancerFacts>, more: Partial<WorkloadFacts> = {}) =>
    ({ terminationGracePeriodSeconds: 45, readiness, liveness, loadBalancers: [{ ...loadBalancer, ...change }], ...more }) as WorkloadFacts;
  const declared = { propagationSeconds: 10, drainSeconds: 30 };
  const result = (id: string, workload: WorkloadFacts, times: object = declared) =>
    checkInvariants(workload, times).find((candidate) => candidate.id === id)!;

  test.each([
    [40, 'holds', undefined],
    [45, 'holds', undefined],
    [39, 'violated', 'set the deregistration delay between 40 and 45 s'],
    [300, 'violated', 'set the deregistration delay between 40 and 45 s'],
  ] as const)('deregistrationDelay: %i s against P + D = 40 s and G = 45 s is %s', (delay, status, fix) => {
    expect(result('deregistrationDelay', facts({ deregistrationDelaySeconds: delay }))).toMatchObject({
      status,
      detail: `Ingress/web (ALB): deregistration delay ${delay} s vs propagation 10 + drain 30 = 40 s, grace 45 s`,
      ...(fix ? { fix, loadBalancer: { index: 0, setting: 'deregistrationDelay' } } : {}),
    });
  });

  test('deregistrationDelay: a grace period shorter than P + D leaves no room, and the fix says which side', () => {
    expect(result('deregistrationDelay', facts({ deregistrationDelaySeconds: 60 }, { terminationGracePeriodSeconds: 35 })).fix).toBe(
      'set the deregistration delay at most 35 s',
    );
    expect(result('deregistrationDelay', facts({ deregistrationDelaySeconds: 20 }, { terminationGracePeriodSeconds: 35 })).fix).toBe(
      'set the deregistration delay at least 40 s',
    );
  });

  test('deregistrationDelay: above the grace period it is violated even without declared times; below, it needs them', () => {
    expect(result('deregistrationDelay', facts({ deregistrationDelaySeconds: 300 }), {}).status).toBe('violated');
    expect(result('deregistrationDelay', facts({}), {}).status).toBe('unknown');
    expect(result('deregistrationDelay', facts({ deregistrationDelaySeconds: undefined }), {}).status).toBe('unknown');
  });

  test.each([
    ['the readiness endpoint, as often and as patient as readiness', {}, 'holds', undefined, undefined],
    [
      'another path (the ALB default)',
      { path: '/' },
      'violated',
      'path',
      'point the health check at the readiness endpoint (HTTP /readyz)',
    ],
    [
      'HTTPS where readiness asks HTTP',
      { protocol: 'HTTPS' },
      'violated',
      'path',
      'point the health check at the readiness endpoint (HTTP /readyz)',
    ],
    ['a TCP connection, which is never stricter', { protocol: 'TCP', path: undefined }, 'holds', undefined, undefined],
    ['a timeout below readiness', { timeoutSeconds: 1 }, 'violated', 'timeout', 'raise the health check timeout to at least 2 s'],
    [
      'a window (5 s x 2) shorter than readiness (15 s)',
      { unhealthyThresholdCount: 2 },
      'violated',
      'unhealthyThreshold',
      'raise the unhealthy threshold to at least 3',
    ],
    [
      'a window (15 s x 10) longer than liveness (30 s)',
      { intervalSeconds: 15, unhealthyThresholdCount: 10 },
      'violated',
      'unhealthyThreshold',
      'lower the unhealthy threshold to at most 2',
    ],
    [
      'a window (20 s x 2) longer than liveness with the fewest failures',
      { intervalSeconds: 20, unhealthyThresholdCount: 2 },
      'violated',
      'interval',
      'lower the health check interval to at most 15 s',
    ],
  ] as const)('loadBalancerHealthCheck: %s', (_, change, status, setting, fix) => {
    const outcome = result('loadBalancerHealthCheck', facts({ healthCheck: { ...loadBalancer.healthCheck, ...change } }));
    expect(outcome).toMatchObject({ status, ...(fix ? { fix, loadBalancer: { index: 0, setting } } : {}) });
  });

  test('loadBalancerHealthCheck: a gRPC health check needs a gRPC readiness check', () => {
    const grpc = facts({ healthCheck: { ...loadBalancer.healthCheck, protocol: 'GRPC', path: undefined } });
    expect(result('loadBalancerHealthCheck', grpc).status).toBe('violated');
    expect(result('loadBalancerHealthCheck', { ...grpc, readiness: { ...readiness, handler: 'grpc :9090' } }).status).toBe('holds');
  });

  test('the load balancer invariants hold where no load balancer with IP targets sends traffic', () => {
    for (const id of ['deregistrationDelay', 'loadBalancerHealthCheck']) {
      expect(result(id, facts({}, { loadBalancers: [] }))).toMatchObject({ status: 'holds', detail: 'no load balancer with IP targets' });
    }
  });
});
