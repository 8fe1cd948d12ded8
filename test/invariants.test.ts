import { parseManifests } from '../src/files/manifests';
import { checkInvariants, type InvariantResult } from '../src';
import type { WorkloadFacts } from '../src/invariants/facts';
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
      startupWindow: 'violated', // liveness without a startup probe
      sidecarsOutliveDrain: 'holds', // no sidecars
      probeSuccessThreshold: 'holds',
      livenessAfterReadiness: 'violated', // both windows 30 s
      distinctProbes: 'violated', // the same /health endpoint (port by name and by number)
      readinessTimeout: 'violated', // the 1 s default
      preStopCoversPropagation: 'unknown',
      graceCoversShutdown: 'unknown',
      probeGrace: 'holds',
      surgeWhenNoUnavailable: 'holds',
      progressDeadline: 'unknown',
      pdbAllowsDisruption: 'violated', // minAvailable = replicas blocks every drain
      graceLimit: 'holds',
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
  };
  const declared = { startupMaxSeconds: 90, propagationSeconds: 10, drainSeconds: 30 };
  const failing = (facts: WorkloadFacts) =>
    checkInvariants(facts, declared)
      .filter((result) => result.status !== 'holds')
      .map((result) => result.id);

  test('the reference facts satisfy all thirteen', () => {
    expect(failing(good)).toEqual([]);
  });
  test.each<[string, Partial<WorkloadFacts>]>([
    ['startupWindow', { startup: { ...good.startup!, failureThreshold: 44 } }],
    ['probeSuccessThreshold', { liveness: { ...good.liveness!, successThreshold: 2 } }],
    ['livenessAfterReadiness', { readiness: { ...good.readiness!, timeoutSeconds: 3 } }],
    ['distinctProbes', { liveness: { ...good.liveness!, handler: 'httpGet HTTP :8080/readyz' } }],
    ['readinessTimeout', { readiness: { ...good.readiness!, periodSeconds: 2 } }],
    ['preStopCoversPropagation', { preStopSeconds: 9 }],
    ['graceCoversShutdown', { terminationGracePeriodSeconds: 44 }],
    ['probeGrace', { startup: { ...good.startup!, terminationGracePeriodSeconds: 46 }, terminationGracePeriodSeconds: 45 }],
    ['surgeWhenNoUnavailable', { maxSurge: '0%' }],
    ['progressDeadline', { progressDeadlineSeconds: 149 }],
    ['pdbAllowsDisruption', { podDisruptionBudget: { minAvailable: '100%' } }],
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
