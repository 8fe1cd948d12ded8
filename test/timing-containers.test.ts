import {
  NATIVE_SIDECAR_MINOR,
  SIDECAR_PROBE_TIMEOUT_SECONDS,
  initSeconds,
  meshDrainSeconds,
  sidecarMode,
  sidecarStopSeconds,
  sidecarTimings,
} from '../src/timing/containers';
import { Recorder } from '../src/timing/record';
import type { Explanation, SidecarInput, SidecarMode, SidecarTimings } from '../src/timing/types';

/**
 * The timing rules of the containers beside the application's (src/timing/containers.ts,
 * docs/derivation.md), called directly with worked numbers: each boundary, each arithmetic step and
 * each branch has a case that a one-token change of the rule gets wrong (MUTATION.md).
 */

const proxy: SidecarInput = { name: 'proxy', readiness: false, stopSeconds: 10 };
const agent: SidecarInput = { name: 'agent', readiness: false, stopSeconds: 5 };

/** The application's shutdown as derive.ts passes it: preStop 10, drain 30, grace 45, propagation 10. */
const SHUTDOWN = { preStopSeconds: 10, drainSeconds: 30, graceSeconds: 45, propagationSeconds: 10 };

function timingsOf(
  sidecar: SidecarInput,
  mode: SidecarMode = 'native',
  shutdown = SHUTDOWN,
): { timings: SidecarTimings; explanations: Explanation[] } {
  const record = new Recorder();
  const [timings] = sidecarTimings(record, mode, [sidecar], shutdown);
  return { timings: timings!, explanations: record.explanations };
}

const explained = (explanations: readonly Explanation[], key: string) => explanations.find((entry) => entry.key === key);

describe('sidecarMode: native sidecars from Kubernetes 1.29, ordinary containers before', () => {
  test('the native minor is 29, and a sidecar probe times out after 2 s', () => {
    expect([NATIVE_SIDECAR_MINOR, SIDECAR_PROBE_TIMEOUT_SECONDS]).toEqual([29, 2]);
  });
  test('1.28 runs sidecars as ordinary containers', () => {
    expect(sidecarMode(28, [proxy])).toBe('ordinary');
  });
  test('1.29, the boundary, runs them as native sidecars', () => {
    expect(sidecarMode(29, [proxy])).toBe('native');
  });
  test('a later minor runs them as native sidecars', () => {
    expect(sidecarMode(31, [proxy])).toBe('native');
  });
  test('without sidecars the mode is none, whatever the version', () => {
    expect([sidecarMode(28, []), sidecarMode(31, [])]).toEqual(['none', 'none']);
  });
});

describe('sidecarStopSeconds, X: Σ stops when native, the longest when ordinary, 0 without sidecars', () => {
  test('native sidecars stop one after another: 10 + 5 = 15', () => {
    expect(sidecarStopSeconds(new Recorder(), 'native', [proxy, agent])).toBe(15);
  });
  test('ordinary sidecars stop side by side: max(10, 5) = 10', () => {
    expect(sidecarStopSeconds(new Recorder(), 'ordinary', [agent, proxy])).toBe(10);
  });
  test('without sidecars X is 0 and nothing is explained', () => {
    const record = new Recorder();
    expect(sidecarStopSeconds(record, 'none', [])).toBe(0);
    expect(record.explanations).toEqual([]);
  });
  test('each stop is explained as declared, then X with its formula over the stops by name', () => {
    const record = new Recorder();
    sidecarStopSeconds(record, 'native', [proxy, agent]);
    expect(record.explanations.map(({ key, value, source, formula, inputs }) => ({ key, value, source, formula, inputs }))).toEqual([
      { key: 'sidecars.proxy.stopSeconds', value: 10, source: 'input', formula: 'sidecars.proxy.stopSeconds', inputs: {} },
      { key: 'sidecars.agent.stopSeconds', value: 5, source: 'input', formula: 'sidecars.agent.stopSeconds', inputs: {} },
      { key: 'sidecarStopSeconds', value: 15, source: 'derived', formula: 'X = Σ stopSeconds (native)', inputs: { proxy: 10, agent: 5 } },
    ]);
  });
  test('the ordinary rule is explained as the longest stop', () => {
    const record = new Recorder();
    sidecarStopSeconds(record, 'ordinary', [proxy, agent]);
    expect(explained(record.explanations, 'sidecarStopSeconds')).toMatchObject({
      value: 10,
      formula: 'X = max(stopSeconds) (ordinary)',
      inputs: { proxy: 10, agent: 5 },
    });
  });
});

describe("a sidecar's startup probe: p_c = max(clamp(ceil(S_c / 10), 1, 10), T_c + 1), f_c = max(3, ceil(1.5 × S_c / p_c))", () => {
  test('S_c 45: p_c = ceil(4.5) = 5, f_c = ceil(67.5 / 5) = 14, window 70, probe grace min(45, 10) = 10', () => {
    expect(timingsOf({ ...proxy, startSeconds: 45 }).timings.startup).toStrictEqual({
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 14,
      successThreshold: 1,
      windowSeconds: 70,
      terminationGracePeriodSeconds: 10,
    });
  });
  test('S_c 20: ceil(20 / 10) = 2 is not longer than the 2 s timeout, so p_c = T_c + 1 = 3', () => {
    expect(timingsOf({ ...proxy, startSeconds: 20 }).timings.startup).toMatchObject({ periodSeconds: 3, failureThreshold: 10 });
  });
  test('S_c 150: ceil(150 / 10) = 15 is clamped to a 10 s period, f_c = ceil(225 / 10) = 23', () => {
    expect(timingsOf({ ...proxy, startSeconds: 150 }).timings.startup).toMatchObject({
      periodSeconds: 10,
      failureThreshold: 23,
      windowSeconds: 230,
    });
  });
  test('S_c 1: ceil(1.5 / 3) = 1 is raised to the 3 failures that forgive a slow answer', () => {
    expect(timingsOf({ ...proxy, startSeconds: 1 }).timings.startup).toMatchObject({
      periodSeconds: 3,
      failureThreshold: 3,
      windowSeconds: 9,
    });
  });
  test('a grace period below 10 s is the probe grace: min(7, 10) = 7', () => {
    const { timings } = timingsOf({ ...proxy, startSeconds: 45 }, 'native', { ...SHUTDOWN, graceSeconds: 7 });
    expect(timings.startup?.terminationGracePeriodSeconds).toBe(7);
  });
  test('the declared start is kept beside the probe and explained first, then T_c, p_c, f_c and the probe grace', () => {
    const { timings, explanations } = timingsOf({ ...proxy, startSeconds: 45 });
    expect(timings.startSeconds).toBe(45);
    expect(explanations.map(({ key, value }) => [key, value])).toEqual([
      ['sidecars.proxy.startSeconds', 45],
      ['sidecars.proxy.startup.timeoutSeconds', 2],
      ['sidecars.proxy.startup.periodSeconds', 5],
      ['sidecars.proxy.startup.failureThreshold', 14],
      ['sidecars.proxy.startup.terminationGracePeriodSeconds', 10],
    ]);
    expect(explained(explanations, 'sidecars.proxy.startup.periodSeconds')).toMatchObject({
      formula: 'p_c = max(clamp(ceil(S_c / 10), 1, 10), T_c + 1)',
      inputs: { S_c: 45, T_c: 2 },
    });
    expect(explained(explanations, 'sidecars.proxy.startup.failureThreshold')).toMatchObject({
      formula: 'f_c = max(3, ceil(1.5 × S_c / p_c))',
      inputs: { S_c: 45, p_c: 5 },
    });
    expect(explained(explanations, 'sidecars.proxy.startup.terminationGracePeriodSeconds')).toMatchObject({
      formula: 'min(G, 10)',
      inputs: { G: 45 },
    });
    expect(explained(explanations, 'sidecars.proxy.startup.timeoutSeconds')).toMatchObject({ formula: 'T_c = 2', inputs: {} });
  });
  test('a sidecar without a declared start has no startup probe, no start and no startup explanation', () => {
    const { timings, explanations } = timingsOf(proxy);
    expect(timings).not.toHaveProperty('startup');
    expect(timings).not.toHaveProperty('startSeconds');
    expect(explanations.filter(({ key }) => key.includes('start'))).toEqual([]);
  });
});

describe("a sidecar's readiness probe: every max(5, T_c + 1) s, out after 3 misses", () => {
  test('period 5, timeout 2, 3 failures: a 15 s window', () => {
    expect(timingsOf({ ...proxy, readiness: true }).timings.readiness).toStrictEqual({
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
      windowSeconds: 15,
    });
  });
  test('its numbers are explained under the sidecar', () => {
    const { explanations } = timingsOf({ ...proxy, readiness: true });
    expect(explanations.map(({ key }) => key)).toEqual([
      'sidecars.proxy.readiness.timeoutSeconds',
      'sidecars.proxy.readiness.periodSeconds',
      'sidecars.proxy.readiness.failureThreshold',
    ]);
    expect(explained(explanations, 'sidecars.proxy.readiness.periodSeconds')).toMatchObject({
      formula: 'max(5, T_c + 1)',
      inputs: { T_c: 2 },
    });
    expect(explained(explanations, 'sidecars.proxy.readiness.failureThreshold')).toMatchObject({ formula: '3', inputs: {} });
  });
  test('a sidecar without readiness has no readiness probe', () => {
    expect(timingsOf(proxy).timings).not.toHaveProperty('readiness');
  });
});

describe("a sidecar's liveness probe: every max(10, T_c + 1) s, restarting only after its readiness window", () => {
  const live = { ...proxy, liveness: true };

  test('with readiness (W_r 15) and P 30: f = max(3, ceil(max(30, 15 + 30, 30) / 10)) = ceil(4.5) = 5', () => {
    const { timings } = timingsOf({ ...live, readiness: true }, 'native', { ...SHUTDOWN, propagationSeconds: 30 });
    expect(timings.liveness).toStrictEqual({
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 5,
      successThreshold: 1,
      windowSeconds: 50,
      terminationGracePeriodSeconds: 10,
    });
  });
  test('with readiness and P 10: the 30 s floor decides, f = 30 / 10 = 3', () => {
    const { timings } = timingsOf({ ...live, readiness: true });
    expect(timings.liveness).toMatchObject({ failureThreshold: 3, windowSeconds: 30 });
  });
  test('with readiness, the rule names W_r, P and p', () => {
    const { explanations } = timingsOf({ ...live, readiness: true }, 'native', { ...SHUTDOWN, propagationSeconds: 30 });
    expect(explained(explanations, 'sidecars.proxy.liveness.failureThreshold')).toMatchObject({
      value: 5,
      formula: 'max(3, ceil(max(2 × W_r, W_r + P, 30) / p))',
      inputs: { W_r: 15, P: 30, p: 10 },
    });
  });
  test('without readiness and P 45: f = max(3, ceil(max(45, 30) / 10)) = 5', () => {
    const { timings, explanations } = timingsOf(live, 'native', { ...SHUTDOWN, propagationSeconds: 45 });
    expect(timings.liveness).toMatchObject({ periodSeconds: 10, failureThreshold: 5, windowSeconds: 50 });
    expect(explained(explanations, 'sidecars.proxy.liveness.failureThreshold')).toMatchObject({
      formula: 'max(3, ceil(max(P, 30) / p))',
      inputs: { P: 45, p: 10 },
    });
  });
  test('without readiness and P 10: the 30 s floor decides, f = 3', () => {
    expect(timingsOf(live).timings.liveness).toMatchObject({ failureThreshold: 3 });
  });
  test('its period is explained as max(10, T_c + 1), and its probe grace as min(G, 10) with G 7', () => {
    const { timings, explanations } = timingsOf(live, 'native', { ...SHUTDOWN, graceSeconds: 7 });
    expect(timings.liveness?.terminationGracePeriodSeconds).toBe(7);
    expect(explained(explanations, 'sidecars.proxy.liveness.periodSeconds')).toMatchObject({
      formula: 'max(10, T_c + 1)',
      inputs: { T_c: 2 },
    });
    expect(explained(explanations, 'sidecars.proxy.liveness.terminationGracePeriodSeconds')).toMatchObject({ value: 7, inputs: { G: 7 } });
    expect(explained(explanations, 'sidecars.proxy.liveness.timeoutSeconds')).toMatchObject({ value: 2 });
  });
  test('a sidecar without liveness has no liveness probe', () => {
    expect(timingsOf({ ...proxy, liveness: false }).timings).not.toHaveProperty('liveness');
  });
});

describe("an ordinary sidecar's preStop delay: preStop + D", () => {
  test('10 + 30 = 40 s, explained with its inputs', () => {
    const { timings, explanations } = timingsOf(proxy, 'ordinary');
    expect(timings.preStopSeconds).toBe(40);
    expect(explained(explanations, 'sidecars.proxy.preStop.seconds')).toMatchObject({
      value: 40,
      formula: 'preStop + D',
      inputs: { preStop: 10, D: 30 },
    });
  });
  test('a native sidecar has no preStop delay and explains none', () => {
    const { timings, explanations } = timingsOf(proxy, 'native');
    expect(timings).not.toHaveProperty('preStopSeconds');
    expect(explained(explanations, 'sidecars.proxy.preStop.seconds')).toBeUndefined();
  });
  test('the sidecar keeps its name and declared stop, and nothing undeclared', () => {
    expect(timingsOf(proxy, 'native').timings).toStrictEqual({ name: 'proxy', stopSeconds: 10 });
  });
});

describe('initSeconds, I: Σ init maxSeconds + Σ native sidecar startup windows', () => {
  const withStartup = (mode: SidecarMode) => sidecarTimings(new Recorder(), mode, [{ ...proxy, startSeconds: 20 }], SHUTDOWN);

  test('nothing comes first: undefined, and nothing is explained', () => {
    const record = new Recorder();
    expect(initSeconds(record, [], 'none', [])).toBeUndefined();
    expect(record.explanations).toEqual([]);
  });
  test('init containers run one after another: 60 + 240 = 300', () => {
    expect(
      initSeconds(
        new Recorder(),
        [
          { name: 'wait-for-db', maxSeconds: 60 },
          { name: 'migrate', maxSeconds: 240 },
        ],
        'none',
        [],
      ),
    ).toBe(300);
  });
  test("a native sidecar's startup window (S_c 20: 3 × 10 = 30) alone holds the application back 30 s", () => {
    expect(initSeconds(new Recorder(), [], 'native', withStartup('native'))).toBe(30);
  });
  test('an ordinary sidecar starts beside the application: its startup window adds nothing', () => {
    expect(initSeconds(new Recorder(), [], 'ordinary', withStartup('ordinary'))).toBeUndefined();
    expect(initSeconds(new Recorder(), [{ name: 'migrate', maxSeconds: 300 }], 'ordinary', withStartup('ordinary'))).toBe(300);
  });
  test('a native sidecar without a startup probe holds nothing back', () => {
    const sidecars = sidecarTimings(new Recorder(), 'native', [proxy], SHUTDOWN);
    expect(initSeconds(new Recorder(), [], 'native', sidecars)).toBeUndefined();
  });
  test('each init container is explained as declared, then I with every term by name: 30 + 300 = 330', () => {
    const record = new Recorder();
    expect(initSeconds(record, [{ name: 'migrate', maxSeconds: 300 }], 'native', withStartup('native'))).toBe(330);
    expect(record.explanations.map(({ key, value, source }) => [key, value, source])).toEqual([
      ['initContainers.migrate.maxSeconds', 300, 'input'],
      ['initSeconds', 330, 'derived'],
    ]);
    expect(explained(record.explanations, 'initSeconds')).toMatchObject({
      formula: 'I = Σ init maxSeconds + Σ native sidecar startup windows',
      inputs: { proxy: 30, migrate: 300 },
    });
  });
});

describe('meshDrainSeconds: the mesh proxy serves until preStop + D', () => {
  test('preStop 30 + drain 45 = 75 s', () => {
    expect(meshDrainSeconds(new Recorder(), 'istio', 30, 45)).toBe(75);
  });
  test.each([
    ['istio', 'terminationDrainDuration'],
    ['linkerd', 'proxy-wait-before-exit-seconds'],
  ] as const)('%s: the explanation names the setting the number becomes (%s)', (mesh, setting) => {
    const record = new Recorder();
    meshDrainSeconds(record, mesh, 30, 45);
    expect(record.explanations).toEqual([
      expect.objectContaining({ key: 'mesh.drainSeconds', value: 75, formula: 'preStop + D', inputs: { preStop: 30, D: 45 } }),
    ]);
    expect(record.explanations[0]!.reason).toContain(setting);
  });
});

describe('every number of these rules explains itself in a sentence', () => {
  test('each explanation of a sidecar with every probe, an init container and a mesh has a reason', () => {
    const record = new Recorder();
    for (const mode of ['native', 'ordinary'] as const) {
      const sidecars = [
        { ...proxy, startSeconds: 20, readiness: true, liveness: true },
        { ...agent, liveness: true },
      ];
      sidecarStopSeconds(record, mode, sidecars);
      initSeconds(record, [{ name: 'migrate', maxSeconds: 300 }], mode, sidecarTimings(record, mode, sidecars, SHUTDOWN));
    }
    meshDrainSeconds(record, 'istio', 10, 30);
    meshDrainSeconds(record, 'linkerd', 10, 30);
    expect(record.explanations.length).toBeGreaterThan(30);
    for (const { key, reason } of record.explanations) expect([key, reason]).toEqual([key, expect.stringMatching(/^\S.{20,}\.$/)]);
  });
});
