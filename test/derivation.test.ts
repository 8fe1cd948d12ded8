import { deriveTimings } from '../src/timing/derive';
import type { DeploymentRollout, TimingInput, Timings } from '../src/timing/types';

/** minReadySeconds of a rollout that has one (every controller's but a Job's). */
function minReadyOf(timings: Timings): number {
  const { rollout } = timings;
  if (rollout.controller === 'Job' || rollout.controller === 'CronJob') throw new Error('a Job rolls nothing out');
  return rollout.minReadySeconds;
}

/** The reference case of the core issue: typical 20 s, max 90 s, drain 30 s, propagation 10 s, latency 300 ms. */
const REFERENCE: TimingInput = {
  kind: 'web',
  startupTypicalSeconds: 20,
  startupMaxSeconds: 90,
  drainSeconds: 30,
  platform: 'kube-proxy',
  propagationSeconds: 10,
  probeLatencyMs: 300,
  kubernetesVersion: '1.28',
  preStopType: 'auto',
  probes: { readiness: true, liveness: true, startup: true },
  overrides: {},
};

const derive = (changes: Partial<TimingInput> = {}) => deriveTimings({ ...REFERENCE, ...changes }).timings;

/** The rollout of a web or worker workload, which a Deployment runs. */
function deploymentRollout(timings: Timings): DeploymentRollout {
  if (timings.rollout.controller !== 'Deployment') throw new Error(`expected a Deployment's rollout, got ${timings.rollout.controller}`);
  return timings.rollout;
}

describe('the reference case', () => {
  const timings = derive();

  test('startup probe: period 3 (longer than the 2 s timeout), failureThreshold 45, window 135 s', () => {
    expect(timings.startup).toMatchObject({
      periodSeconds: 3,
      timeoutSeconds: 2,
      failureThreshold: 45,
      successThreshold: 1,
      windowSeconds: 135,
    });
  });
  test('readiness probe: period 5, timeout 2, failureThreshold 3', () => {
    expect(timings.readiness).toEqual({ periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3, successThreshold: 1, windowSeconds: 15 });
  });
  test('liveness probe: period 10, timeout 2, failureThreshold 3', () => {
    expect(timings.liveness).toMatchObject({
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
      windowSeconds: 30,
    });
  });
  test('preStop 10 s, grace 45 s', () => {
    expect(timings.preStop).toEqual({ mechanism: 'exec', seconds: 10 });
    expect(timings.graceMarginSeconds).toBe(5);
    expect(timings.terminationGracePeriodSeconds).toBe(45);
  });
  test('minReadySeconds 15, progressDeadlineSeconds 600, RollingUpdate 25% / 0', () => {
    expect(timings.rollout).toEqual({
      controller: 'Deployment',
      maxSurge: '25%',
      maxUnavailable: 0,
      minReadySeconds: 15,
      progressDeadlineSeconds: 600,
    });
  });
});

describe('readiness rule: T = max(2, ceil(3·L/1000)); period max(5, T + 1)', () => {
  test.each([
    [1, 2, 5],
    [666, 2, 5],
    [667, 3, 5],
    [1333, 4, 5],
    [1334, 5, 6],
    [1800, 6, 7],
    [5000, 15, 16],
  ])('latency %i ms gives timeout %i s and period %i s', (probeLatencyMs, timeout, period) => {
    const { readiness } = derive({ probeLatencyMs });
    expect(readiness.timeoutSeconds).toBe(timeout);
    expect(readiness.periodSeconds).toBe(period);
    expect(readiness.failureThreshold).toBe(3);
    expect(readiness.windowSeconds).toBe(period * 3);
  });
});

describe('startup rule: p_s = max(clamp(ceil(S_typ/10), 1, 10), T + 1); f_s = max(3, ceil(1.5·S_max/p_s))', () => {
  test('a typical start under 10 s probes as often as the 2 s timeout allows: every 3 s', () => {
    expect(derive({ startupTypicalSeconds: 5, startupMaxSeconds: 20 }).startup).toMatchObject({
      periodSeconds: 3,
      failureThreshold: 10,
      windowSeconds: 30,
    });
  });
  test('the period is capped at 10 s', () => {
    expect(derive({ startupTypicalSeconds: 250, startupMaxSeconds: 300 }).startup).toMatchObject({
      periodSeconds: 10,
      failureThreshold: 45,
    });
  });
  test('the typical start defaults to ceil(S_max / 3)', () => {
    const timings = derive({ startupTypicalSeconds: undefined, startupMaxSeconds: 100 });
    expect(timings.startupTypicalSeconds).toBe(34);
    expect(timings.startup).toMatchObject({ periodSeconds: 4, failureThreshold: 38, windowSeconds: 152 });
  });
  test('the failure threshold is at least 3', () => {
    expect(derive({ startupTypicalSeconds: 1, startupMaxSeconds: 1 }).startup).toMatchObject({ periodSeconds: 3, failureThreshold: 3 });
  });
  test('the startup timeout is the readiness timeout', () => {
    expect(derive({ probeLatencyMs: 1800 }).startup.timeoutSeconds).toBe(6);
  });
  test('a slow health endpoint lengthens the period past the timeout (the Phoenix/Bandit case: T 6 s, period 7 s, not 2 s)', () => {
    // S_typ 20 would give every 2 s; a 6 s timeout makes that every 7 s, and the threshold follows: ceil(135 / 7) = 20.
    expect(derive({ probeLatencyMs: 1800 }).startup).toMatchObject({
      periodSeconds: 7,
      timeoutSeconds: 6,
      failureThreshold: 20,
      windowSeconds: 140,
    });
  });
});

describe('liveness rule: p_l = max(10, T + 1), f_l = max(3, ceil(max(2·W_r, W_r + P, 30) / p_l))', () => {
  test('slow propagation (aws-nlb, 120 s) stretches the window past W_r + P', () => {
    const timings = derive({ propagationSeconds: undefined, platform: 'aws-nlb' });
    expect(timings.propagationSeconds).toBe(120);
    expect(timings.liveness).toMatchObject({ failureThreshold: 14, windowSeconds: 140 });
  });
  test('a slow health endpoint stretches the window past 2·W_r', () => {
    // L 1800 ms: T 6, readiness period 7, W_r 21 → 2·W_r = 42 → 5 failures.
    expect(derive({ probeLatencyMs: 1800 }).liveness).toMatchObject({
      periodSeconds: 10,
      timeoutSeconds: 6,
      failureThreshold: 5,
      windowSeconds: 50,
    });
  });
  test('a 12 s timeout makes the period 13 s, not 10 s (latency 4000 ms)', () => {
    // T = 12, readiness period 13, W_r 39 → 2·W_r = 78 → ceil(78 / 13) = 6 failures, window 78 s.
    expect(derive({ probeLatencyMs: 4000 }).liveness).toMatchObject({
      periodSeconds: 13,
      timeoutSeconds: 12,
      failureThreshold: 6,
      windowSeconds: 78,
    });
  });
  test('the window is never under 30 s', () => {
    expect(derive({ propagationSeconds: 0 }).liveness).toMatchObject({ failureThreshold: 3, windowSeconds: 30 });
  });
});

describe('shutdown rules: preStop = P, G = preStop + D + M, M = max(5, ceil((P + D)/10))', () => {
  test('the margin grows with long shutdowns', () => {
    const timings = derive({ propagationSeconds: undefined, platform: 'aws-alb', drainSeconds: 30 });
    expect(timings.preStop.seconds).toBe(30);
    expect(timings.graceMarginSeconds).toBe(6);
    expect(timings.terminationGracePeriodSeconds).toBe(66);
  });
  test('the margin rounds up: preStop 10 + drain 47 = 57 s gives M = ceil(5.7) = 6, G = 63 (rounding down would give 5 and 62)', () => {
    const timings = derive({ drainSeconds: 47 });
    expect(timings.preStop.seconds).toBe(10);
    expect(timings.graceMarginSeconds).toBe(6);
    expect(timings.terminationGracePeriodSeconds).toBe(63);
  });
  test('probe-level grace is min(G, 10) on liveness and startup', () => {
    const timings = derive();
    expect(timings.liveness.terminationGracePeriodSeconds).toBe(10);
    expect(timings.startup.terminationGracePeriodSeconds).toBe(10);
  });
  test('workers get no preStop and G = D + max(5, ceil(D/10))', () => {
    const timings = derive({ kind: 'worker', drainSeconds: 120 });
    expect(timings.propagationSeconds).toBe(0);
    expect(timings.preStop).toEqual({ mechanism: 'none', seconds: 0 });
    expect(timings.terminationGracePeriodSeconds).toBe(132);
  });
  test('a worker with no drain still gets 5 s, and probe-level grace follows it down', () => {
    const timings = derive({ kind: 'worker', drainSeconds: 0 });
    expect(timings.terminationGracePeriodSeconds).toBe(5);
    expect(timings.liveness.terminationGracePeriodSeconds).toBe(5);
  });
});

describe('preStop mechanism', () => {
  test.each([
    ['1.28', 'auto', 'exec'],
    ['1.29', 'auto', 'exec'],
    ['1.30', 'auto', 'sleep'],
    ['1.31', 'auto', 'sleep'],
    ['1.28', 'http', 'http'],
    ['1.28', 'app', 'app'],
    ['1.33', 'exec', 'exec'],
  ] as const)('Kubernetes %s with preStop.type %s uses %s', (kubernetesVersion, preStopType, mechanism) => {
    expect(derive({ kubernetesVersion, preStopType }).preStop.mechanism).toBe(mechanism);
  });
});

describe('traffic platforms set the propagation default', () => {
  test.each([
    ['kube-proxy', 10],
    ['aws-alb', 30],
    ['aws-nlb', 120],
  ] as const)('%s waits %i s', (platform, seconds) => {
    expect(derive({ platform, propagationSeconds: undefined }).propagationSeconds).toBe(seconds);
  });
  test('an explicit propagationSeconds wins over the platform', () => {
    expect(derive({ platform: 'aws-nlb', propagationSeconds: 45 }).propagationSeconds).toBe(45);
  });
});

describe('rollout rule: progressDeadlineSeconds = max(600, ceil(1.5·(120 + W_s + minReadySeconds)))', () => {
  test('a slow start pushes the deadline past 600 s', () => {
    // S_max 400, S_typ 134 → p_s 10, f_s 60, W_s 600; 1.5 × (120 + 600 + 15) = 1102.5 → 1103.
    const timings = derive({ startupTypicalSeconds: undefined, startupMaxSeconds: 400 });
    expect(timings.startup.windowSeconds).toBe(600);
    expect(deploymentRollout(timings).progressDeadlineSeconds).toBe(1103);
  });
});

describe('overrides', () => {
  test('an override replaces the value and everything downstream reads it', () => {
    const timings = derive({ overrides: { readiness: { periodSeconds: 10 } } });
    expect(timings.readiness.windowSeconds).toBe(30);
    expect(minReadyOf(timings)).toBe(30);
    expect(timings.liveness.failureThreshold).toBe(6);
  });
  test('a readiness timeout override carries over to liveness and startup timeouts', () => {
    const timings = derive({ overrides: { readiness: { timeoutSeconds: 4 } } });
    expect(timings.liveness.timeoutSeconds).toBe(4);
    expect(timings.startup.timeoutSeconds).toBe(4);
  });
  test('an overridden timeout longer than its period counts the window in timeouts, as the kubelet runs the attempts', () => {
    const timings = derive({ overrides: { startup: { periodSeconds: 2, timeoutSeconds: 5, failureThreshold: 30 } } });
    expect(timings.startup).toMatchObject({ periodSeconds: 2, timeoutSeconds: 5, failureThreshold: 30, windowSeconds: 150 });
  });
  test('a timeout override lengthens the derived period of its own probe', () => {
    expect(derive({ overrides: { liveness: { timeoutSeconds: 15 } } }).liveness.periodSeconds).toBe(16);
  });
  test('a grace override is taken as given', () => {
    expect(derive({ overrides: { terminationGracePeriodSeconds: 120 } }).terminationGracePeriodSeconds).toBe(120);
  });
});

describe('explanations', () => {
  const { explanations } = deriveTimings(REFERENCE);
  const explanation = (key: string) => explanations.find((entry) => entry.key === key);

  test('every derived number is explained with its formula and the inputs it read', () => {
    expect(explanation('startup.failureThreshold')).toEqual({
      key: 'startup.failureThreshold',
      value: 45,
      source: 'derived',
      formula: 'f_s = max(3, ceil(1.5 × S_max / p_s))',
      inputs: { S_max: 90, p_s: 3 },
      reason: expect.stringContaining('CrashLoopBackOff'),
    });
    expect(explanation('terminationGracePeriodSeconds')).toMatchObject({ value: 45, inputs: { preStop: 10, D: 30, M: 5 } });
  });
  test('each key is explained once', () => {
    const keys = explanations.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'readiness.timeoutSeconds',
        'liveness.failureThreshold',
        'preStop.seconds',
        'rollout.progressDeadlineSeconds',
      ]),
    );
  });
  test('an override is explained as an override', () => {
    const entry = deriveTimings({ ...REFERENCE, overrides: { minReadySeconds: 40 } }).explanations.find(
      (item) => item.key === 'rollout.minReadySeconds',
    );
    expect(entry).toMatchObject({ value: 40, source: 'override', formula: 'overrides.minReadySeconds' });
  });
  test('without explanations (explain: false) the numbers are the same and nothing is recorded', () => {
    const unexplained = deriveTimings(REFERENCE, { explain: false });
    expect(unexplained.timings).toEqual(deriveTimings(REFERENCE).timings);
    expect(unexplained.explanations).toEqual([]);
  });
});

describe('pods without a readiness probe (workers)', () => {
  const withProbes = (readiness: boolean, liveness: boolean) =>
    deriveTimings({ ...REFERENCE, kind: 'worker', probes: { readiness, liveness, startup: readiness || liveness } });

  test('minReadySeconds is the liveness window: a pod that wedges at once is restarted before it counts as available', () => {
    expect(minReadyOf(withProbes(false, true).timings)).toBe(30);
  });
  test('minReadySeconds is 0 with neither probe: nothing could tell a working pod from a wedged one', () => {
    expect(minReadyOf(withProbes(false, false).timings)).toBe(0);
  });
  test('liveness does not wait for a readiness window it does not have: f_l = max(3, ceil(max(P, 30) / p_l))', () => {
    // Latency 4000 ms: T 12, p_l 13; with readiness f_l would be ceil(78 / 13) = 6, without it ceil(30 / 13) = 3.
    const { timings } = deriveTimings({
      ...REFERENCE,
      kind: 'worker',
      probeLatencyMs: 4000,
      probes: { readiness: false, liveness: true, startup: true },
    });
    expect(timings.liveness).toMatchObject({ periodSeconds: 13, failureThreshold: 3, windowSeconds: 39 });
  });
  test('explains no readiness numbers, and the shared timeout as probeTimeoutSeconds', () => {
    const keys = withProbes(false, true).explanations.map((entry) => entry.key);
    expect(keys.filter((key) => key.startsWith('readiness.'))).toEqual([]);
    expect(keys).toContain('probeTimeoutSeconds');
    expect(keys).toContain('liveness.failureThreshold');
  });
  test('a pod without liveness explains no liveness numbers either', () => {
    const keys = withProbes(false, false).explanations.map((entry) => entry.key);
    expect(keys.filter((key) => /^(readiness|liveness|startup)\./.test(key))).toEqual([]);
  });
});

describe('init containers: I = Σ init maxSeconds + Σ native sidecar startup windows, in the rollout deadline', () => {
  test('a 300 s migration lengthens the deadline: max(600, ceil(1.5 × (120 + 300 + 135 + 15))) = 855', () => {
    const timings = derive({ initContainers: [{ name: 'migrate', maxSeconds: 300 }] });
    expect(timings.containers.initSeconds).toBe(300);
    expect(deploymentRollout(timings).progressDeadlineSeconds).toBe(855);
  });
  test('init containers run one after another: their worst cases add up', () => {
    const timings = derive({
      initContainers: [
        { name: 'wait-for-db', maxSeconds: 60 },
        { name: 'migrate', maxSeconds: 240 },
      ],
    });
    expect(timings.containers.initSeconds).toBe(300);
  });
  test('a native sidecar with a startup probe holds the application back for its startup window', () => {
    // S_c 20: p_c = max(clamp(2, 1, 10), 3) = 3, f_c = max(3, ceil(30 / 3)) = 10, W_c 30; I = 30 + 300.
    const timings = derive({
      kubernetesVersion: '1.29',
      initContainers: [{ name: 'migrate', maxSeconds: 300 }],
      sidecars: [{ name: 'proxy', startSeconds: 20, readiness: false, stopSeconds: 10 }],
    });
    expect(timings.containers.initSeconds).toBe(330);
    expect(deploymentRollout(timings).progressDeadlineSeconds).toBe(900);
  });
  test('an ordinary sidecar (1.28) starts beside the application and adds nothing to the start', () => {
    const timings = derive({ sidecars: [{ name: 'proxy', startSeconds: 20, readiness: false, stopSeconds: 10 }] });
    expect(timings.containers.initSeconds).toBe(0);
    expect(deploymentRollout(timings).progressDeadlineSeconds).toBe(600);
  });
  test('without init containers the deadline rule and its explanation are the plain ones', () => {
    const { explanations } = deriveTimings(REFERENCE);
    expect(explanations.find((entry) => entry.key === 'initSeconds')).toBeUndefined();
    expect(explanations.find((entry) => entry.key === 'rollout.progressDeadlineSeconds')?.formula).toBe(
      'max(600, ceil(1.5 × (120 + W_s + minReadySeconds)))',
    );
  });
});

describe('sidecars: native from Kubernetes 1.29 (G = preStop + D + Σ stop + M), ordinary on 1.28 (G = preStop + D + max stop + M)', () => {
  const proxy = { name: 'proxy', readiness: false, stopSeconds: 10 };
  const agent = { name: 'agent', readiness: false, stopSeconds: 5 };

  test('native sidecars stop one by one after the application: 10 + 30 + (10 + 5) + max(5, ceil(55 / 10)) = 61', () => {
    const timings = derive({ kubernetesVersion: '1.29', sidecars: [proxy, agent] });
    expect(timings.containers.sidecarMode).toBe('native');
    expect(timings.containers.sidecarStopSeconds).toBe(15);
    expect(timings.graceMarginSeconds).toBe(6);
    expect(timings.terminationGracePeriodSeconds).toBe(61);
  });
  test('ordinary sidecars stop side by side after their preStop delay: 10 + 30 + max(10, 5) + 5 = 55', () => {
    const timings = derive({ sidecars: [proxy, agent] });
    expect(timings.containers.sidecarMode).toBe('ordinary');
    expect(timings.containers.sidecarStopSeconds).toBe(10);
    expect(timings.terminationGracePeriodSeconds).toBe(55);
  });
  test("an ordinary sidecar's preStop delay lasts until the application's preStop delay and drain are over", () => {
    const timings = derive({ propagationSeconds: 15, drainSeconds: 45, sidecars: [proxy] });
    expect(timings.containers.sidecars[0]!.preStopSeconds).toBe(60);
  });
  test('native sidecars get no preStop delay', () => {
    expect(derive({ kubernetesVersion: '1.31', sidecars: [proxy] }).containers.sidecars[0]!.preStopSeconds).toBeUndefined();
  });
  test('a worker with an ordinary sidecar keeps it until its drain is over', () => {
    const timings = derive({ kind: 'worker', drainSeconds: 120, sidecars: [proxy] });
    expect(timings.containers.sidecars[0]!.preStopSeconds).toBe(120);
    expect(timings.terminationGracePeriodSeconds).toBe(120 + 10 + 13);
  });
  test("a sidecar's startup probe covers 1.5 × its slowest start, with a 2 s timeout", () => {
    // S_c 45: p_c = max(clamp(ceil(4.5), 1, 10), 3) = 5, f_c = max(3, ceil(67.5 / 5)) = 14, W_c 70.
    const [sidecar] = derive({ kubernetesVersion: '1.29', sidecars: [{ ...proxy, startSeconds: 45, readiness: true }] }).containers
      .sidecars;
    expect(sidecar!.startup).toEqual({
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 14,
      successThreshold: 1,
      windowSeconds: 70,
      terminationGracePeriodSeconds: 10,
    });
    expect(sidecar!.readiness).toEqual({
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
      windowSeconds: 15,
    });
  });
  test('without sidecars the margin and grace rules are exactly the plain ones', () => {
    const { explanations, timings } = deriveTimings(REFERENCE);
    expect(timings.terminationGracePeriodSeconds).toBe(45);
    expect(explanations.find((entry) => entry.key === 'terminationGracePeriodSeconds')?.formula).toBe('G = preStop + D + M');
    expect(explanations.find((entry) => entry.key === 'sidecarStopSeconds')).toBeUndefined();
  });
});

describe('mesh proxies: they serve until preStop + D', () => {
  test.each(['istio', 'linkerd'] as const)('%s: preStop 30 (aws-alb) + drain 30 = 60 s, inside a grace of 66 s', (mesh) => {
    const timings = derive({ propagationSeconds: undefined, platform: 'aws-alb', mesh });
    expect(timings.containers.mesh).toEqual({ name: mesh, drainSeconds: 60 });
    expect(timings.terminationGracePeriodSeconds).toBe(66);
  });
});

describe('load balancer (docs/derivation.md, "Load balancer"): settings from the same timings', () => {
  /** The reference case behind an ALB: P = 30 s from the platform, so preStop 30 s and G = 66 s. */
  const alb = (changes: Partial<TimingInput> = {}) =>
    derive({ platform: 'aws-alb', propagationSeconds: undefined, loadBalancer: 'aws-alb', ...changes });

  test('without a load balancer there is nothing to derive or explain', () => {
    expect(derive().loadBalancer).toBeUndefined();
    expect(deriveTimings(REFERENCE).explanations.filter(({ key }) => key.startsWith('loadBalancer.'))).toEqual([]);
  });

  test('deregistration delay = preStop + D: 30 + 30 = 60 s, between P + D = 60 s and G = 66 s', () => {
    const timings = alb();
    expect([timings.preStop.seconds, timings.terminationGracePeriodSeconds]).toEqual([30, 66]);
    expect(timings.loadBalancer?.deregistrationDelaySeconds).toBe(60);
  });

  test('behind an NLB (P = 120 s) the delay is 120 + 30 = 150 s, still inside G = 165 s', () => {
    const timings = derive({ platform: 'aws-nlb', propagationSeconds: undefined, loadBalancer: 'aws-nlb' });
    expect(timings.loadBalancer).toMatchObject({ kind: 'aws-nlb', deregistrationDelaySeconds: 150 });
    expect(timings.terminationGracePeriodSeconds).toBe(165);
  });

  test('the delay stops at the 3600 s a target group accepts', () => {
    expect(alb({ drainSeconds: 3700 }).loadBalancer?.deregistrationDelaySeconds).toBe(3600);
  });

  test('health check of the reference readiness probe (timeout 2, period 5, window 15): every 5 s, timeout 2 s, out after 3, in after 2', () => {
    expect(alb().loadBalancer?.healthCheck).toEqual({
      intervalSeconds: 5,
      timeoutSeconds: 2,
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
      windowSeconds: 15,
    });
  });

  test.each([
    [
      'a slow endpoint (L 5000 ms: T_r 15, p_r 16, W_r 48)',
      { probeLatencyMs: 5000 },
      { timeoutSeconds: 15, intervalSeconds: 16, unhealthyThresholdCount: 3, windowSeconds: 48 },
    ],
    [
      'a long readiness window (40 failures, W_r 200): the interval grows so that 10 checks span it',
      { overrides: { readiness: { failureThreshold: 40 } } },
      { timeoutSeconds: 2, intervalSeconds: 20, unhealthyThresholdCount: 10, windowSeconds: 200 },
    ],
    [
      'a readiness timeout above the 120 s a target group accepts',
      { overrides: { readiness: { timeoutSeconds: 150, periodSeconds: 160 } } },
      { timeoutSeconds: 120, intervalSeconds: 160, unhealthyThresholdCount: 3, windowSeconds: 480 },
    ],
    [
      'a one-failure readiness probe: at least the 2 failures a target group counts',
      { overrides: { readiness: { failureThreshold: 1 } } },
      { timeoutSeconds: 2, intervalSeconds: 5, unhealthyThresholdCount: 2, windowSeconds: 10 },
    ],
  ])('%s', (_, changes, expected) => {
    expect(alb(changes as Partial<TimingInput>).loadBalancer?.healthCheck).toMatchObject(expected);
  });

  test('an override replaces its value, and the settings downstream read it', () => {
    const timings = alb({ overrides: { loadBalancer: { healthCheckTimeoutSeconds: 9 } } });
    expect(timings.loadBalancer?.healthCheck).toMatchObject({ timeoutSeconds: 9, intervalSeconds: 10, unhealthyThresholdCount: 2 });
    const explained = deriveTimings({
      ...REFERENCE,
      loadBalancer: 'aws-alb',
      overrides: { loadBalancer: { healthCheckTimeoutSeconds: 9 } },
    });
    expect(explained.explanations.find(({ key }) => key === 'loadBalancer.healthCheck.timeoutSeconds')).toMatchObject({
      source: 'override',
      formula: 'overrides.loadBalancer.healthCheckTimeoutSeconds',
    });
    expect(explained.explanations.find(({ key }) => key === 'loadBalancer.healthCheck.intervalSeconds')).toMatchObject({
      source: 'derived',
      inputs: { p_r: 5, T_lb: 9, W_r: 15 },
    });
  });

  test('the delay follows an overridden preStop delay', () => {
    expect(alb({ overrides: { preStopSeconds: 45 } }).loadBalancer?.deregistrationDelaySeconds).toBe(75);
  });
});

describe('explain: every number of every branch gives its reason in a sentence', () => {
  const job: TimingInput = {
    ...REFERENCE,
    kind: 'job',
    startupMaxSeconds: undefined,
    startupTypicalSeconds: undefined,
    probes: { readiness: false, liveness: false, startup: false },
    run: { maxSeconds: 600 },
  };
  const schedule = {
    cron: '0 2 * * *',
    timeZone: 'Europe/Berlin',
    concurrencyPolicy: 'Forbid' as const,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    shortestIntervalMinutes: 1440,
  };
  const sidecars = [{ name: 'proxy', startSeconds: 30, readiness: true, liveness: true, stopSeconds: 10 }];
  const inputs: Array<[string, TimingInput]> = [
    ['the reference case', REFERENCE],
    [
      'a typical start and the propagation left out, behind an ALB, with an init container, a mesh and ordinary sidecars',
      {
        ...REFERENCE,
        startupTypicalSeconds: undefined,
        propagationSeconds: undefined,
        platform: 'aws-alb',
        loadBalancer: 'aws-alb',
        initContainers: [{ name: 'migrate', maxSeconds: 300 }],
        sidecars,
        mesh: 'linkerd',
      },
    ],
    ['native sidecars on 1.30 (sleep)', { ...REFERENCE, kubernetesVersion: '1.30', sidecars }],
    ['a worker with liveness only', { ...REFERENCE, kind: 'worker', probes: { readiness: false, liveness: true, startup: true } }],
    ['a worker without probes', { ...REFERENCE, kind: 'worker', probes: { readiness: false, liveness: false, startup: false } }],
    ['kind stateful', { ...REFERENCE, kind: 'stateful', statefulSet: { replicas: 3, partition: 0, podManagementPolicy: 'OrderedReady' } }],
    ['kind daemon', { ...REFERENCE, kind: 'daemon', daemonSet: { surge: false } }],
    ['kind job', job],
    ['kind cronjob', { ...job, kind: 'cronjob', schedule }],
  ];
  test.each(inputs)('%s', (_, input) => {
    const { explanations } = deriveTimings(input);
    expect(explanations.length).toBeGreaterThan(5);
    for (const { key, reason } of explanations) expect([key, reason]).toEqual([key, expect.stringMatching(/^\S.{20,}[.)]$/)]);
  });
});

describe('explain: the key, source, formula and inputs of every number, branch by branch (docs/derivation.md)', () => {
  const table = (input: TimingInput) =>
    deriveTimings(input).explanations.map(({ key, source, formula, inputs }) => [key, source, formula, inputs]);
  test('the reference case (declared typical start and propagation)', () => {
    expect(table(REFERENCE)).toEqual([
      ['startupMaxSeconds', 'input', 'startupMaxSeconds', {}],
      ['drainSeconds', 'input', 'drainSeconds', {}],
      ['startupTypicalSeconds', 'input', 'startupTypicalSeconds', {}],
      ['propagationSeconds', 'input', 'propagationSeconds', {}],
      ['readiness.timeoutSeconds', 'derived', 'T = max(2, ceil(3 × L / 1000))', { L: 300 }],
      ['readiness.periodSeconds', 'derived', 'p_r = max(5, T_r + 1)', { T_r: 2 }],
      ['readiness.failureThreshold', 'derived', '3', {}],
      ['startup.timeoutSeconds', 'derived', 'T (the readiness timeout)', { T: 2 }],
      ['startup.periodSeconds', 'derived', 'p_s = max(clamp(ceil(S_typ / 10), 1, 10), T_s + 1)', { S_typ: 20, T_s: 2 }],
      ['startup.failureThreshold', 'derived', 'f_s = max(3, ceil(1.5 × S_max / p_s))', { S_max: 90, p_s: 3 }],
      ['liveness.timeoutSeconds', 'derived', 'T (the readiness timeout)', { T: 2 }],
      ['liveness.periodSeconds', 'derived', 'p_l = max(10, T_l + 1)', { T_l: 2 }],
      ['liveness.failureThreshold', 'derived', 'f_l = max(3, ceil(max(2 × W_r, W_r + P, 30) / p_l))', { W_r: 15, P: 10, p_l: 10 }],
      ['preStop.seconds', 'derived', 'P', { P: 10 }],
      ['graceMarginSeconds', 'derived', 'M = max(5, ceil((preStop + D) / 10))', { preStop: 10, D: 30 }],
      ['terminationGracePeriodSeconds', 'derived', 'G = preStop + D + M', { preStop: 10, D: 30, M: 5 }],
      ['startup.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 45 }],
      ['liveness.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 45 }],
      ['rollout.maxUnavailable', 'derived', '0', {}],
      ['rollout.maxSurge', 'derived', '25%', {}],
      ['rollout.minReadySeconds', 'derived', 'W_r', { W_r: 15 }],
      [
        'rollout.progressDeadlineSeconds',
        'derived',
        'max(600, ceil(1.5 × (120 + W_s + minReadySeconds)))',
        { W_s: 135, minReadySeconds: 15 },
      ],
    ]);
  });
  test('a typical start and the propagation left out (aws-alb), with an init container', () => {
    expect(
      table({
        ...REFERENCE,
        startupTypicalSeconds: undefined,
        propagationSeconds: undefined,
        platform: 'aws-alb',
        initContainers: [{ name: 'migrate', maxSeconds: 300 }],
      }),
    ).toEqual([
      ['startupMaxSeconds', 'input', 'startupMaxSeconds', {}],
      ['drainSeconds', 'input', 'drainSeconds', {}],
      ['startupTypicalSeconds', 'derived', 'ceil(S_max / 3)', { S_max: 90 }],
      ['propagationSeconds', 'derived', 'platform default (aws-alb)', { platform: 'aws-alb' }],
      ['readiness.timeoutSeconds', 'derived', 'T = max(2, ceil(3 × L / 1000))', { L: 300 }],
      ['readiness.periodSeconds', 'derived', 'p_r = max(5, T_r + 1)', { T_r: 2 }],
      ['readiness.failureThreshold', 'derived', '3', {}],
      ['startup.timeoutSeconds', 'derived', 'T (the readiness timeout)', { T: 2 }],
      ['startup.periodSeconds', 'derived', 'p_s = max(clamp(ceil(S_typ / 10), 1, 10), T_s + 1)', { S_typ: 30, T_s: 2 }],
      ['startup.failureThreshold', 'derived', 'f_s = max(3, ceil(1.5 × S_max / p_s))', { S_max: 90, p_s: 3 }],
      ['liveness.timeoutSeconds', 'derived', 'T (the readiness timeout)', { T: 2 }],
      ['liveness.periodSeconds', 'derived', 'p_l = max(10, T_l + 1)', { T_l: 2 }],
      ['liveness.failureThreshold', 'derived', 'f_l = max(3, ceil(max(2 × W_r, W_r + P, 30) / p_l))', { W_r: 15, P: 30, p_l: 10 }],
      ['preStop.seconds', 'derived', 'P', { P: 30 }],
      ['graceMarginSeconds', 'derived', 'M = max(5, ceil((preStop + D) / 10))', { preStop: 30, D: 30 }],
      ['terminationGracePeriodSeconds', 'derived', 'G = preStop + D + M', { preStop: 30, D: 30, M: 6 }],
      ['startup.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 66 }],
      ['liveness.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 66 }],
      ['rollout.maxUnavailable', 'derived', '0', {}],
      ['rollout.maxSurge', 'derived', '25%', {}],
      ['rollout.minReadySeconds', 'derived', 'W_r', { W_r: 15 }],
      ['initContainers.migrate.maxSeconds', 'input', 'initContainers.migrate.maxSeconds', {}],
      ['initSeconds', 'derived', 'I = Σ init maxSeconds + Σ native sidecar startup windows', { migrate: 300 }],
      [
        'rollout.progressDeadlineSeconds',
        'derived',
        'max(600, ceil(1.5 × (120 + I + W_s + minReadySeconds)))',
        { I: 300, W_s: 135, minReadySeconds: 15 },
      ],
    ]);
  });
  test('a native sidecar (1.29): the margin and the grace add X', () => {
    expect(table({ ...REFERENCE, kubernetesVersion: '1.29', sidecars: [{ name: 'proxy', readiness: false, stopSeconds: 10 }] })).toEqual([
      ['startupMaxSeconds', 'input', 'startupMaxSeconds', {}],
      ['drainSeconds', 'input', 'drainSeconds', {}],
      ['startupTypicalSeconds', 'input', 'startupTypicalSeconds', {}],
      ['propagationSeconds', 'input', 'propagationSeconds', {}],
      ['readiness.timeoutSeconds', 'derived', 'T = max(2, ceil(3 × L / 1000))', { L: 300 }],
      ['readiness.periodSeconds', 'derived', 'p_r = max(5, T_r + 1)', { T_r: 2 }],
      ['readiness.failureThreshold', 'derived', '3', {}],
      ['startup.timeoutSeconds', 'derived', 'T (the readiness timeout)', { T: 2 }],
      ['startup.periodSeconds', 'derived', 'p_s = max(clamp(ceil(S_typ / 10), 1, 10), T_s + 1)', { S_typ: 20, T_s: 2 }],
      ['startup.failureThreshold', 'derived', 'f_s = max(3, ceil(1.5 × S_max / p_s))', { S_max: 90, p_s: 3 }],
      ['liveness.timeoutSeconds', 'derived', 'T (the readiness timeout)', { T: 2 }],
      ['liveness.periodSeconds', 'derived', 'p_l = max(10, T_l + 1)', { T_l: 2 }],
      ['liveness.failureThreshold', 'derived', 'f_l = max(3, ceil(max(2 × W_r, W_r + P, 30) / p_l))', { W_r: 15, P: 10, p_l: 10 }],
      ['preStop.seconds', 'derived', 'P', { P: 10 }],
      ['sidecars.proxy.stopSeconds', 'input', 'sidecars.proxy.stopSeconds', {}],
      ['sidecarStopSeconds', 'derived', 'X = Σ stopSeconds (native)', { proxy: 10 }],
      ['graceMarginSeconds', 'derived', 'M = max(5, ceil((preStop + D + X) / 10))', { preStop: 10, D: 30, X: 10 }],
      ['terminationGracePeriodSeconds', 'derived', 'G = preStop + D + X + M', { preStop: 10, D: 30, X: 10, M: 5 }],
      ['startup.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 55 }],
      ['liveness.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 55 }],
      ['rollout.maxUnavailable', 'derived', '0', {}],
      ['rollout.maxSurge', 'derived', '25%', {}],
      ['rollout.minReadySeconds', 'derived', 'W_r', { W_r: 15 }],
      [
        'rollout.progressDeadlineSeconds',
        'derived',
        'max(600, ceil(1.5 × (120 + W_s + minReadySeconds)))',
        { W_s: 135, minReadySeconds: 15 },
      ],
    ]);
  });
  test('a worker without probes: no preStop delay, minReadySeconds 0, the timeout as probeTimeoutSeconds', () => {
    expect(table({ ...REFERENCE, kind: 'worker', probes: { readiness: false, liveness: false, startup: false } })).toEqual([
      ['startupMaxSeconds', 'input', 'startupMaxSeconds', {}],
      ['drainSeconds', 'input', 'drainSeconds', {}],
      ['startupTypicalSeconds', 'input', 'startupTypicalSeconds', {}],
      ['propagationSeconds', 'derived', '0', {}],
      ['probeTimeoutSeconds', 'derived', 'T = max(2, ceil(3 × L / 1000))', { L: 300 }],
      ['preStop.seconds', 'derived', '0', {}],
      ['graceMarginSeconds', 'derived', 'M = max(5, ceil((preStop + D) / 10))', { preStop: 0, D: 30 }],
      ['terminationGracePeriodSeconds', 'derived', 'G = preStop + D + M', { preStop: 0, D: 30, M: 5 }],
      ['rollout.maxUnavailable', 'derived', '0', {}],
      ['rollout.maxSurge', 'derived', '25%', {}],
      ['rollout.minReadySeconds', 'derived', '0 (no readiness or liveness probe)', {}],
      [
        'rollout.progressDeadlineSeconds',
        'derived',
        'max(600, ceil(1.5 × (120 + W_s + minReadySeconds)))',
        { W_s: 135, minReadySeconds: 0 },
      ],
    ]);
  });
  test('a worker with liveness only: minReadySeconds is the liveness window', () => {
    expect(table({ ...REFERENCE, kind: 'worker', probes: { readiness: false, liveness: true, startup: true } })).toEqual([
      ['startupMaxSeconds', 'input', 'startupMaxSeconds', {}],
      ['drainSeconds', 'input', 'drainSeconds', {}],
      ['startupTypicalSeconds', 'input', 'startupTypicalSeconds', {}],
      ['propagationSeconds', 'derived', '0', {}],
      ['probeTimeoutSeconds', 'derived', 'T = max(2, ceil(3 × L / 1000))', { L: 300 }],
      ['startup.timeoutSeconds', 'derived', 'T', { T: 2 }],
      ['startup.periodSeconds', 'derived', 'p_s = max(clamp(ceil(S_typ / 10), 1, 10), T_s + 1)', { S_typ: 20, T_s: 2 }],
      ['startup.failureThreshold', 'derived', 'f_s = max(3, ceil(1.5 × S_max / p_s))', { S_max: 90, p_s: 3 }],
      ['liveness.timeoutSeconds', 'derived', 'T', { T: 2 }],
      ['liveness.periodSeconds', 'derived', 'p_l = max(10, T_l + 1)', { T_l: 2 }],
      ['liveness.failureThreshold', 'derived', 'f_l = max(3, ceil(max(P, 30) / p_l))', { P: 0, p_l: 10 }],
      ['preStop.seconds', 'derived', '0', {}],
      ['graceMarginSeconds', 'derived', 'M = max(5, ceil((preStop + D) / 10))', { preStop: 0, D: 30 }],
      ['terminationGracePeriodSeconds', 'derived', 'G = preStop + D + M', { preStop: 0, D: 30, M: 5 }],
      ['startup.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 35 }],
      ['liveness.terminationGracePeriodSeconds', 'derived', 'min(G, 10)', { G: 35 }],
      ['rollout.maxUnavailable', 'derived', '0', {}],
      ['rollout.maxSurge', 'derived', '25%', {}],
      ['rollout.minReadySeconds', 'derived', 'W_l (no readiness probe)', { W_l: 30 }],
      [
        'rollout.progressDeadlineSeconds',
        'derived',
        'max(600, ceil(1.5 × (120 + W_s + minReadySeconds)))',
        { W_s: 135, minReadySeconds: 30 },
      ],
    ]);
  });
  test('kind job: no start times, probe timeout or rollout, only the Job numbers', () => {
    expect(
      table({
        ...REFERENCE,
        kind: 'job',
        startupMaxSeconds: undefined,
        startupTypicalSeconds: undefined,
        probes: { readiness: false, liveness: false, startup: false },
        run: { maxSeconds: 600 },
      }),
    ).toEqual([
      ['drainSeconds', 'input', 'drainSeconds', {}],
      ['propagationSeconds', 'derived', '0', {}],
      ['preStop.seconds', 'derived', '0', {}],
      ['graceMarginSeconds', 'derived', 'M = max(5, ceil((preStop + D) / 10))', { preStop: 0, D: 30 }],
      ['terminationGracePeriodSeconds', 'derived', 'G = preStop + D + M', { preStop: 0, D: 30, M: 5 }],
      ['run.maxSeconds', 'input', 'run.maxSeconds', {}],
      ['run.typicalSeconds', 'derived', 'ceil(R_max / 3)', { R_max: 600 }],
      ['run.startSeconds', 'derived', '20', {}],
      ['job.attemptMarginSeconds', 'derived', 'M_a = ceil(R_max / 10)', { R_max: 600 }],
      ['job.attemptDeadlineSeconds', 'derived', 'a = T + I + R_max + M_a', { T: 20, I: 0, R_max: 600, M_a: 60 }],
      ['run.attempts', 'derived', '3', {}],
      ['job.backoffLimit', 'derived', 'n - 1', { n: 3 }],
      ['job.backoffSeconds', 'derived', 'B = Σ_{k=1}^{n-1} min(10 × 2^(k-1), 360)', { n: 3 }],
      ['job.activeDeadlineSeconds', 'derived', 'A = n × a + B', { n: 3, a: 680, B: 30 }],
      ['job.ttlSecondsAfterFinished', 'derived', '604800 (7 days)', {}],
    ]);
  });
});

describe('the wiring of the derivation: each part reads what it should', () => {
  test('a declared typical start is the one the startup period reads: S_typ 40 → p_s = ceil(40 / 10) = 4', () => {
    expect(derive({ startupTypicalSeconds: 40 }).startup.periodSeconds).toBe(4);
  });
  test('a pod that serves traffic without readiness: liveness gives it max(P, 30) = 45 s, f_l = ceil(45 / 10) = 5', () => {
    const timings = derive({ propagationSeconds: 45, probes: { readiness: false, liveness: true, startup: true } });
    expect(timings.liveness).toMatchObject({ periodSeconds: 10, failureThreshold: 5 });
  });
  test('without init containers the containers list none', () => {
    expect(derive().containers.initContainers).toStrictEqual([]);
  });
  test('overrides of the rollout and the preStop delay are explained under their own fields', () => {
    const { explanations } = deriveTimings({
      ...REFERENCE,
      kind: 'worker',
      probes: { readiness: false, liveness: false, startup: false },
      overrides: { maxUnavailable: 1, maxSurge: '50%', progressDeadlineSeconds: 900, preStopSeconds: 20, readiness: { timeoutSeconds: 4 } },
    });
    const formulaOf = (key: string) => explanations.find((entry) => entry.key === key)?.formula;
    expect(
      ['rollout.maxUnavailable', 'rollout.maxSurge', 'rollout.progressDeadlineSeconds', 'preStop.seconds', 'probeTimeoutSeconds'].map(
        formulaOf,
      ),
    ).toEqual([
      'overrides.maxUnavailable',
      'overrides.maxSurge',
      'overrides.progressDeadlineSeconds',
      'overrides.preStopSeconds',
      'overrides.readiness.timeoutSeconds',
    ]);
  });
  test('kind stateful rolls out its own way: 2 pods above partition 1 × (G 35 (no traffic: no preStop) + I 300 + W_s 135 + 15) = 970 s', () => {
    const timings = derive({
      kind: 'stateful',
      statefulSet: { replicas: 3, partition: 1, podManagementPolicy: 'OrderedReady' },
      initContainers: [{ name: 'migrate', maxSeconds: 300 }],
    });
    expect(timings.rollout).toStrictEqual({
      controller: 'StatefulSet',
      minReadySeconds: 15,
      podManagementPolicy: 'OrderedReady',
      partition: 1,
      updatedPods: 2,
      podSeconds: 485,
      worstCaseSeconds: 970,
    });
  });
  test('kind daemon rolls out node by node: G 35 + I 300 + W_s 135 + 15 = 485 s without its agent', () => {
    const timings = derive({ kind: 'daemon', daemonSet: { surge: false }, initContainers: [{ name: 'migrate', maxSeconds: 300 }] });
    expect(timings.rollout).toStrictEqual({
      controller: 'DaemonSet',
      maxSurge: 0,
      maxUnavailable: 1,
      minReadySeconds: 15,
      nodeSeconds: 485,
      nodeGapSeconds: 485,
    });
  });
  test.each([
    ['stateful', 'statefulSet'],
    ['daemon', 'daemonSet'],
  ] as const)('kind %s without its update settings is a programming error that names TimingInput.%s', (kind, field) => {
    expect(() => derive({ kind })).toThrow(`the rollout needs the declared update settings (TimingInput.${field})`);
  });

  describe('kinds job and cronjob', () => {
    const job = (run: TimingInput['run'], changes: Partial<TimingInput> = {}) =>
      derive({
        kind: 'job',
        startupMaxSeconds: undefined,
        startupTypicalSeconds: undefined,
        probes: { readiness: false, liveness: false, startup: false },
        run,
        ...changes,
      });
    /** Hourly, runs never overlapping: C - 10 = 3590 s for the Job. */
    const hourly = (concurrencyPolicy: 'Forbid' | 'Allow') => ({
      kind: 'cronjob' as const,
      schedule: {
        cron: '0 * * * *',
        concurrencyPolicy,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        shortestIntervalMinutes: 60,
      },
    });

    test('a Job rolls nothing out, keeps a week of TTL, and has no CronJob', () => {
      const timings = job({ maxSeconds: 600 });
      expect(timings.rollout).toStrictEqual({ controller: 'Job' });
      expect(timings.job).toMatchObject({ attemptDeadlineSeconds: 680, ttlSecondsAfterFinished: 604800 });
      expect(timings.cronJob).toBeUndefined();
    });
    test('an init container lengthens each attempt: a = 20 + 60 + 600 + 60 = 740', () => {
      expect(job({ maxSeconds: 600 }, { initContainers: [{ name: 'wait', maxSeconds: 60 }] }).job?.attemptDeadlineSeconds).toBe(740);
    });
    test("the Job's overrides reach it", () => {
      expect(job({ maxSeconds: 600 }, { overrides: { activeDeadlineSeconds: 5000, ttlSecondsAfterFinished: 60 } }).job).toMatchObject({
        activeDeadlineSeconds: 5000,
        ttlSecondsAfterFinished: 60,
        overridden: ['activeDeadlineSeconds', 'ttlSecondsAfterFinished'],
      });
    });
    test('a web workload has neither a Job nor a CronJob', () => {
      const timings = derive();
      expect([timings.job, timings.cronJob]).toStrictEqual([undefined, undefined]);
    });
    test('hourly with Forbid: 3 attempts of a = 1190 s need 3600 s, 10 s more than the 3590 s between runs, so 2; no TTL', () => {
      // R_max 1063: a = 20 + 1063 + 107 = 1190; A = 2 × 1190 + 10 = 2390, starting deadline 3600 - 2390 = 1210.
      const timings = job({ maxSeconds: 1063 }, hourly('Forbid'));
      expect(timings.job).toMatchObject({
        attemptDeadlineSeconds: 1190,
        attempts: 2,
        attemptsFitSchedule: true,
        activeDeadlineSeconds: 2390,
      });
      expect(timings.job).not.toHaveProperty('ttlSecondsAfterFinished');
      expect(timings.cronJob).toMatchObject({ shortestIntervalSeconds: 3600, startingDeadlineSeconds: 1210 });
    });
    test('hourly with Allow: runs may overlap, so the 3 attempts are kept', () => {
      expect(job({ maxSeconds: 1063 }, hourly('Allow')).job).toMatchObject({ attempts: 3, attemptsFitSchedule: false });
    });
  });
});
