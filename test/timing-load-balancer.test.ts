import { TARGET_GROUP_LIMITS, deriveLoadBalancer, type LoadBalancerInput } from '../src/timing/load-balancer';
import { Recorder } from '../src/timing/record';
import type { LoadBalancerOverrides, ProbeTimings } from '../src/timing/types';

/**
 * The target group rules of src/timing/load-balancer.ts (docs/derivation.md, "Load balancer"),
 * called directly with worked numbers: each clamp bound, each term of each max and each rounding
 * has a case that a one-token change of the rule gets wrong (MUTATION.md).
 */

/** A readiness probe with the given period, timeout and failures, its window as derive.ts computes it. */
function readiness(periodSeconds: number, timeoutSeconds: number, failureThreshold: number): ProbeTimings {
  return {
    periodSeconds,
    timeoutSeconds,
    failureThreshold,
    successThreshold: 1,
    windowSeconds: Math.max(periodSeconds, timeoutSeconds) * failureThreshold,
  };
}

/** The reference readiness probe: every 5 s, timeout 2 s, 3 failures, a 15 s window. */
const REFERENCE: LoadBalancerInput = {
  kind: 'aws-alb',
  preStopSeconds: 30,
  drainSeconds: 30,
  readiness: readiness(5, 2, 3),
  overrides: {},
};

function derive(changes: Partial<LoadBalancerInput> = {}, record = new Recorder()) {
  return deriveLoadBalancer((key, override, rule, field) => record.decide(key, override, rule, field), { ...REFERENCE, ...changes });
}

const healthCheck = (changes: Partial<LoadBalancerInput>) => derive(changes).healthCheck;

test('the limits are those of a target group: interval 5–300 s, timeout 2–120 s, thresholds 2–10, delay 0–3600 s', () => {
  expect(TARGET_GROUP_LIMITS).toEqual({
    intervalSeconds: { min: 5, max: 300 },
    timeoutSeconds: { min: 2, max: 120 },
    thresholdCount: { min: 2, max: 10 },
    deregistrationDelaySeconds: { min: 0, max: 3600 },
  });
});

test('the reference readiness probe behind an ALB: delay 60 s, every 5 s, timeout 2 s, out after 3, in after 2', () => {
  expect(derive()).toStrictEqual({
    kind: 'aws-alb',
    deregistrationDelaySeconds: 60,
    healthCheck: { intervalSeconds: 5, timeoutSeconds: 2, healthyThresholdCount: 2, unhealthyThresholdCount: 3, windowSeconds: 15 },
  });
});

test('the kind is passed through: an NLB', () => {
  expect(derive({ kind: 'aws-nlb' }).kind).toBe('aws-nlb');
});

describe('deregistration delay = min(3600, preStop + D)', () => {
  test('preStop 10 + drain 45 = 55 s', () => {
    expect(derive({ preStopSeconds: 10, drainSeconds: 45 }).deregistrationDelaySeconds).toBe(55);
  });
  test('preStop 30 + drain 3570 = 3600 s, the most a target group accepts, is kept', () => {
    expect(derive({ drainSeconds: 3570 }).deregistrationDelaySeconds).toBe(3600);
  });
  test('preStop 30 + drain 3700 stops at 3600 s', () => {
    expect(derive({ drainSeconds: 3700 }).deregistrationDelaySeconds).toBe(3600);
  });
});

describe('health check timeout = clamp(T_r, 2, 120)', () => {
  test('a readiness timeout of 15 s is kept', () => {
    expect(healthCheck({ readiness: readiness(16, 15, 3) }).timeoutSeconds).toBe(15);
  });
  test('a readiness timeout of 1 s is raised to 2 s', () => {
    expect(healthCheck({ readiness: readiness(5, 1, 3) }).timeoutSeconds).toBe(2);
  });
  test('a readiness timeout of 150 s is lowered to 120 s', () => {
    expect(healthCheck({ readiness: readiness(160, 150, 3) }).timeoutSeconds).toBe(120);
  });
});

describe('health check interval = clamp(max(p_r, T_lb + 1, ceil(W_r / 10)), 5, 300)', () => {
  test('the readiness period decides when it is the longest: p_r 8, T_lb 2, W_r 24 → 8', () => {
    expect(healthCheck({ readiness: readiness(8, 2, 3) }).intervalSeconds).toBe(8);
  });
  test('longer than its own timeout: p_r 5, T_lb 9 (overridden) → 10', () => {
    expect(healthCheck({ overrides: { healthCheckTimeoutSeconds: 9 } }).intervalSeconds).toBe(10);
  });
  test('10 checks span the readiness window: W_r 200 → 20', () => {
    expect(healthCheck({ readiness: readiness(5, 2, 40) }).intervalSeconds).toBe(20);
  });
  test('rounded up: W_r 205 → ceil(20.5) = 21', () => {
    expect(healthCheck({ readiness: readiness(5, 2, 41) }).intervalSeconds).toBe(21);
  });
  test('raised to the 5 s a target group requires: p_r 1, T_lb 2, W_r 3 → max(1, 3, 1) = 3 → 5', () => {
    expect(healthCheck({ readiness: readiness(1, 1, 3) }).intervalSeconds).toBe(5);
  });
  test('lowered to the 300 s a target group accepts: W_r 6000 → 600 → 300', () => {
    expect(healthCheck({ readiness: readiness(200, 2, 30) }).intervalSeconds).toBe(300);
  });
});

describe('unhealthy threshold = clamp(ceil(W_r / I), 2, 10); the window is I × that', () => {
  test('W_r 15, I 5: 3 checks, a 15 s window', () => {
    expect(healthCheck({})).toMatchObject({ unhealthyThresholdCount: 3, windowSeconds: 15 });
  });
  test('rounded up: W_r 24, I 7 (overridden): ceil(3.43) = 4 checks, a 28 s window', () => {
    expect(healthCheck({ readiness: readiness(8, 2, 3), overrides: { healthCheckIntervalSeconds: 7 } })).toMatchObject({
      unhealthyThresholdCount: 4,
      windowSeconds: 28,
    });
  });
  test('at least 2: W_r 5, I 5 → 1 → 2 checks', () => {
    expect(healthCheck({ readiness: readiness(5, 2, 1) }).unhealthyThresholdCount).toBe(2);
  });
  test('at most 10: W_r 6000, I 300 → 20 → 10 checks, a 3000 s window', () => {
    expect(healthCheck({ readiness: readiness(200, 2, 30) })).toMatchObject({ unhealthyThresholdCount: 10, windowSeconds: 3000 });
  });
});

describe('overrides: each replaces its value, is explained as an override, and the settings downstream read it', () => {
  test.each<[keyof LoadBalancerOverrides, string, (timings: ReturnType<typeof derive>) => number]>([
    ['deregistrationDelaySeconds', 'loadBalancer.deregistrationDelaySeconds', (timings) => timings.deregistrationDelaySeconds],
    ['healthCheckTimeoutSeconds', 'loadBalancer.healthCheck.timeoutSeconds', (timings) => timings.healthCheck.timeoutSeconds],
    ['healthCheckIntervalSeconds', 'loadBalancer.healthCheck.intervalSeconds', (timings) => timings.healthCheck.intervalSeconds],
    ['healthyThresholdCount', 'loadBalancer.healthCheck.healthyThresholdCount', (timings) => timings.healthCheck.healthyThresholdCount],
    [
      'unhealthyThresholdCount',
      'loadBalancer.healthCheck.unhealthyThresholdCount',
      (timings) => timings.healthCheck.unhealthyThresholdCount,
    ],
  ])('%s: 7, explained under %s', (field, key, read) => {
    const record = new Recorder();
    expect(read(derive({ overrides: { [field]: 7 } }, record))).toBe(7);
    expect(record.explanations.find((entry) => entry.key === key)).toMatchObject({
      value: 7,
      source: 'override',
      formula: `overrides.loadBalancer.${field}`,
    });
  });
  test('an overridden interval of 4 s makes the window 4 × ceil(15 / 4) = 16 s', () => {
    expect(healthCheck({ overrides: { healthCheckIntervalSeconds: 4 } })).toMatchObject({ unhealthyThresholdCount: 4, windowSeconds: 16 });
  });
  test('an overridden unhealthy threshold of 6 makes the window 5 × 6 = 30 s', () => {
    expect(healthCheck({ overrides: { unhealthyThresholdCount: 6 } }).windowSeconds).toBe(30);
  });
});

describe('explain: every setting in order, with its formula over named inputs and a reason', () => {
  const record = new Recorder();
  derive({}, record);

  test('the five settings, in the order they are decided', () => {
    expect(record.explanations.map(({ key, value, source }) => [key, value, source])).toEqual([
      ['loadBalancer.deregistrationDelaySeconds', 60, 'derived'],
      ['loadBalancer.healthCheck.timeoutSeconds', 2, 'derived'],
      ['loadBalancer.healthCheck.intervalSeconds', 5, 'derived'],
      ['loadBalancer.healthCheck.unhealthyThresholdCount', 3, 'derived'],
      ['loadBalancer.healthCheck.healthyThresholdCount', 2, 'derived'],
    ]);
  });
  test('each formula carries the target group limits and names its inputs', () => {
    expect(record.explanations.map(({ formula, inputs }) => [formula, inputs])).toEqual([
      ['min(3600, preStop + D)', { preStop: 30, D: 30 }],
      ['clamp(T_r, 2, 120)', { T_r: 2 }],
      ['clamp(max(p_r, T_lb + 1, ceil(W_r / 10)), 5, 300)', { p_r: 5, T_lb: 2, W_r: 15 }],
      ['clamp(ceil(W_r / I), 2, 10)', { W_r: 15, I: 5 }],
      ['2', {}],
    ]);
  });
  test('each reason is a sentence; the interval says why 10 checks', () => {
    for (const { reason } of record.explanations) expect(reason).toMatch(/^[A-Z].{20,}\.$/);
    expect(record.explanations[2]!.reason).toContain('10 failed checks');
  });
});
